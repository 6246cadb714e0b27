//! 発令 (辞令): what the ward appointed a person to, on which day, in the words it used
//! then. The sentence (発令事項) is written once when issued, so that a later rename of a
//! unit or a position does not rewrite history.

use super::post::AssignmentKind;
use super::staff::Position;
use super::{Check, Date, Id, Invalid, Validate};
use crate::code_enum;

code_enum! {
    /// The kind of an appointment: 採用 (hire), ○○課勤務 (transfer), 昇任 (promotion),
    /// ○○長を命ずる (head_of), 昇格 (grade), 兼務 (concurrent), 事務取扱 (acting_duties),
    /// 事務代理 (deputy), the end of one of those three (release), 派遣 (secondment),
    /// 定年により退職 (retirement).
    pub enum AppointmentKind {
        Hire = "hire",
        Transfer = "transfer",
        Promotion = "promotion",
        Head = "head_of",
        Grade = "grade",
        Concurrent = "concurrent",
        ActingDuties = "acting_duties",
        Deputy = "deputy",
        Release = "release",
        Secondment = "secondment",
        Retirement = "retirement",
    }
}

/// One 発令事項 as decided, before it is put in the ward's words: the kind and the values
/// the sentence names. The store decides what is ordered; the wording is the
/// catalogue's, handed in as a [`Wording`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Order {
    /// 採用する.
    Hire,
    /// ○○に昇任させる.
    Promotion { position: Position },
    /// ○級に昇格させる (`up`) or ○級とする.
    Grade { grade: i64, up: bool },
    /// ○○課○○係長を命ずる: `unit` as a 辞令 names it (see `store::appointments::unit_path`).
    Head { unit: String },
    /// ○○課勤務を命ずる.
    Transfer { unit: String },
    /// ○○へ派遣する.
    Secondment { unit: String },
    /// A post beside the main one: 兼ねて○○係長を命ずる (or ○○係勤務), ○○課長事務取扱を
    /// 命ずる, ○○課長事務代理を命ずる.
    Beside { kind: AssignmentKind, post: Post },
    /// The end of a post beside the main one: ○○係長の兼務を解く, and so on.
    Release { kind: AssignmentKind, post: Post },
    /// 定年により退職.
    Retirement,
}

/// A post as a 辞令 names it: the unit's head (○○係長), or a position in the unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub unit: String,
    pub position: Position,
    /// The position heads the unit.
    pub head: bool,
}

impl Order {
    pub fn kind(&self) -> AppointmentKind {
        match self {
            Order::Hire => AppointmentKind::Hire,
            Order::Promotion { .. } => AppointmentKind::Promotion,
            Order::Grade { .. } => AppointmentKind::Grade,
            Order::Head { .. } => AppointmentKind::Head,
            Order::Transfer { .. } => AppointmentKind::Transfer,
            Order::Secondment { .. } => AppointmentKind::Secondment,
            Order::Beside { kind, .. } => match kind {
                AssignmentKind::ActingDuties => AppointmentKind::ActingDuties,
                AssignmentKind::Deputy => AppointmentKind::Deputy,
                AssignmentKind::Main | AssignmentKind::Concurrent => AppointmentKind::Concurrent,
            },
            Order::Release { .. } => AppointmentKind::Release,
            Order::Retirement => AppointmentKind::Retirement,
        }
    }
}

/// The ward's words for an order. The message catalogue implements it; the store, which
/// records 発令 but knows no catalogue, is handed one.
pub trait Wording {
    fn order(&self, order: &Order) -> String;
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
    /// The post beside a main one it began or ended (兼務・事務取扱・事務代理), so that
    /// correcting or deleting a mistyped post corrects its 発令 with it.
    pub assignment_id: Option<Id>,
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
