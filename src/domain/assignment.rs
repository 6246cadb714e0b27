//! Placement (人事配置): assignment history.

use super::{Check, Date, Id, Invalid, Validate};
use crate::code_enum;
use crate::domain::post::AssignmentKind;
use crate::domain::staff::Position;

code_enum! {
    /// 採用 / 定期異動 / 昇任 / 出向 / 派遣.
    pub enum Reason {
        Hire = "hire",
        Transfer = "transfer",
        Promotion = "promotion",
        Secondment = "secondment",
        Dispatch = "dispatch",
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Assignment {
    pub id: Id,
    pub staff_id: Id,
    pub unit_id: Id,
    pub position: Position,
    pub start_date: Date,
    /// `None` while the assignment is current.
    pub end_date: Option<Date>,
    pub reason: Reason,
    pub note: String,
    /// 本務, or a post held beside it (兼務・事務取扱・事務代理).
    pub kind: AssignmentKind,
    pub version: i64,
}

impl Assignment {
    /// Whole years in this post on `today`.
    pub fn years_in_post(&self, today: Date) -> i32 {
        self.end_date
            .unwrap_or(today)
            .years_since(self.start_date)
            .max(0)
    }
    /// Whether two assignments share at least one day.
    pub fn overlaps(&self, other: &Assignment) -> bool {
        crate::domain::date::periods_overlap(
            (self.start_date, self.end_date),
            (other.start_date, other.end_date),
        )
    }
}

impl Validate for Assignment {
    fn validate(&self) -> Result<(), Invalid> {
        Check::new()
            .id("staff_no", self.staff_id)
            .id("unit_code", self.unit_id)
            .date("start_date", self.start_date)
            .opt_date("end_date", self.end_date)
            .order(
                "start_date",
                Some(self.start_date),
                "end_date",
                self.end_date,
            )
            .note("note", &self.note, 400)
            .finish()
    }
}
