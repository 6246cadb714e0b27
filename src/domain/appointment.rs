//! 発令 (辞令): what the ward appointed a person to, on which day, in the words it used
//! then. The sentence (発令事項) is written once when issued, so that a later rename of a
//! unit or a position does not rewrite history.

use super::staff::Position;
use super::{Check, Date, Id, Invalid, Validate};
use crate::code_enum;

code_enum! {
    /// The kind of an appointment: 採用 (hire), ○○課勤務 (transfer), 昇任 (promotion),
    /// ○○長を命ずる (head_of), 昇格 (grade), 兼務 (concurrent: issued once concurrent posts
    /// exist), 派遣 (secondment), 定年により退職 (retirement: once the 定年退職日 is kept).
    pub enum AppointmentKind {
        Hire = "hire",
        Transfer = "transfer",
        Promotion = "promotion",
        Head = "head_of",
        Grade = "grade",
        Concurrent = "concurrent",
        Secondment = "secondment",
        Retirement = "retirement",
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Appointment {
    pub id: Id,
    pub staff_id: Id,
    /// 発令日.
    pub issued_on: Date,
    pub kind: AppointmentKind,
    pub unit_id: Option<Id>,
    pub position: Option<Position>,
    /// 発令事項 as issued.
    pub text: String,
    /// The transfer plan it came from, when from a round.
    pub plan_id: Option<Id>,
    pub version: i64,
}

impl Validate for Appointment {
    fn validate(&self) -> Result<(), Invalid> {
        Check::new()
            .id("staff_no", self.staff_id)
            .date("issued_on", self.issued_on)
            .text("text", &self.text, 200)
            .finish()
    }
}
