//! The April transfer round (定期人事異動): a plan of moves, each a person to a new unit
//! and position for a reason, drafted and compared before it is applied on its day.

use super::assignment::Reason;
use super::staff::Position;
use super::{Check, Date, Id, Invalid, Validate};
use crate::code_enum;

code_enum! {
    /// draft → applied, or draft → discarded.
    pub enum PlanState { Draft = "draft", Applied = "applied", Discarded = "discarded" }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TransferPlan {
    pub id: Id,
    pub name: String,
    /// The day the moves take effect (usually 1 April).
    pub effective_on: Date,
    pub state: PlanState,
    pub note: String,
    pub applied_on: Option<Date>,
    /// 内示日: the day the moves are told to the people and units, before they take effect.
    pub announced_on: Option<Date>,
    pub version: i64,
}

impl Validate for TransferPlan {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.text("name", &self.name, 80)
            .date("effective_on", self.effective_on)
            .note("note", &self.note, 2000)
            .opt_date("applied_on", self.applied_on)
            .opt_date("announced_on", self.announced_on);
        if self.announced_on.is_some_and(|a| a >= self.effective_on) {
            c.add(
                "announced_on",
                super::Problem::Before {
                    other: "effective_on",
                },
            );
        }
        if (self.state == PlanState::Applied) != self.applied_on.is_some() {
            c.add("applied_on", super::Problem::Required);
        }
        c.finish()
    }
}

/// One person's move in a plan.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TransferMove {
    pub id: Id,
    pub plan_id: Id,
    pub staff_id: Id,
    pub to_unit_id: Id,
    pub to_position: Position,
    pub reason: Reason,
    pub note: String,
    /// The salary grade (級) the move sets with the position; `None` keeps the person's.
    pub to_grade: Option<i64>,
    pub version: i64,
}

impl Validate for TransferMove {
    fn validate(&self) -> Result<(), Invalid> {
        Check::new()
            .id("plan", self.plan_id)
            .id("staff_no", self.staff_id)
            .id("unit_code", self.to_unit_id)
            .note("note", &self.note, 400)
            .range("to_grade", self.to_grade.unwrap_or(1), 1, 10)
            .finish()
    }
}
