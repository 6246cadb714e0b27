//! PDCA cycles that spiral up: Plan → Do → Check → Act → closed, each cycle linked to the
//! one it grew from.

use super::{Check, Date, FiscalYear, Id, Invalid, Problem, Validate};
use crate::code_enum;

code_enum! { pub enum Phase { Plan = "plan", Do = "do", Check = "check", Act = "act", Closed = "closed" } }

/// A cycle belongs to one person or one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    Staff(Id),
    Unit(Id),
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PdcaCycle {
    pub id: Id,
    /// Exactly one of the two owners is set.
    pub owner_staff_id: Option<Id>,
    pub owner_unit_id: Option<Id>,
    pub fiscal_year: FiscalYear,
    pub title: String,
    pub goal: String,
    pub metric: String,
    pub metric_unit: String,
    /// For metrics such as waiting time, where less is better.
    pub lower_is_better: bool,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub result: Option<f64>,
    /// The plan: how the goal is to be reached; a new cycle starts from the last Act.
    #[serde(default)]
    pub plan_notes: String,
    /// Act: what to improve in the next turn.
    pub improvements: String,
    pub phase: Phase,
    /// The cycle this one grew from.
    pub prev_id: Option<Id>,
    pub progress: i64,
    pub version: i64,
}

impl PdcaCycle {
    /// A cycle of the year before anything is planned: in Plan, no owner yet.
    pub fn blank(fiscal_year: FiscalYear) -> PdcaCycle {
        PdcaCycle {
            id: 0,
            owner_staff_id: None,
            owner_unit_id: None,
            fiscal_year,
            title: String::new(),
            goal: String::new(),
            metric: String::new(),
            metric_unit: String::new(),
            lower_is_better: false,
            baseline: None,
            target: None,
            result: None,
            plan_notes: String::new(),
            improvements: String::new(),
            phase: Phase::Plan,
            prev_id: None,
            progress: 0,
            version: 0,
        }
    }

    pub fn owner(&self) -> Option<Owner> {
        match (self.owner_staff_id, self.owner_unit_id) {
            (Some(s), None) => Some(Owner::Staff(s)),
            (None, Some(u)) => Some(Owner::Unit(u)),
            _ => None,
        }
    }
    /// Whether the measured result reaches the target.
    pub fn target_met(&self) -> Option<bool> {
        let (r, t) = (self.result?, self.target?);
        Some(if self.lower_is_better { r <= t } else { r >= t })
    }
}

impl Validate for PdcaCycle {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.fiscal_year("fiscal_year", self.fiscal_year)
            .text("title", &self.title, 80)
            .note("goal", &self.goal, 2000)
            .opt_text("metric", &self.metric, 80)
            .opt_text("metric_unit", &self.metric_unit, 20)
            .note("plan_notes", &self.plan_notes, 4000)
            .note("improvements", &self.improvements, 4000)
            .range("progress", self.progress, 0, 100);
        if self.owner().is_none() {
            c.add("owner_staff_no", Problem::Rule { rule: "one_owner" });
        }
        for (f, v) in [
            ("baseline", self.baseline),
            ("target", self.target),
            ("result", self.result),
        ] {
            if v.is_some_and(|v| !v.is_finite()) {
                c.add(f, Problem::Malformed);
            }
        }
        // Leaving Plan needs a measurable target; Check onward needs a result.
        if self.phase != Phase::Plan && self.target.is_none() {
            c.add("target", Problem::Required);
        }
        if matches!(self.phase, Phase::Act | Phase::Closed) && self.result.is_none() {
            c.add("result", Problem::Required);
        }
        if self.prev_id.is_some() && self.prev_id == Some(self.id) {
            c.add(
                "prev_id",
                Problem::Rule {
                    rule: "own_previous",
                },
            );
        }
        c.finish()
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PdcaAction {
    pub id: Id,
    pub cycle_id: Id,
    pub description: String,
    pub due_on: Date,
    pub done_on: Option<Date>,
    pub progress: i64,
    pub version: i64,
}

impl PdcaAction {
    pub fn is_overdue(&self, today: Date) -> bool {
        self.done_on.is_none() && today > self.due_on
    }
}

impl Validate for PdcaAction {
    fn validate(&self) -> Result<(), Invalid> {
        Check::new()
            .id("cycle", self.cycle_id)
            .text("description", &self.description, 200)
            .date("due_on", self.due_on)
            .opt_date("done_on", self.done_on)
            .range("progress", self.progress, 0, 100)
            .finish()
    }
}

/// A dated note during Do.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PdcaCheckin {
    pub id: Id,
    pub cycle_id: Id,
    pub on_date: Date,
    pub note: String,
    pub version: i64,
}

impl Validate for PdcaCheckin {
    fn validate(&self) -> Result<(), Invalid> {
        Check::new()
            .id("cycle", self.cycle_id)
            .date("on_date", self.on_date)
            .req_note("note", &self.note, 2000)
            .finish()
    }
}

/// A supervisor's review of a cycle; kept, never rewritten by someone else.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PdcaReview {
    pub id: Id,
    pub cycle_id: Id,
    pub reviewer_id: Id,
    pub reviewed_on: Date,
    pub comment: String,
    pub version: i64,
}

impl Validate for PdcaReview {
    fn validate(&self) -> Result<(), Invalid> {
        Check::new()
            .id("cycle", self.cycle_id)
            .id("reviewer", self.reviewer_id)
            .date("reviewed_on", self.reviewed_on)
            .req_note("comment", &self.comment, 2000)
            .finish()
    }
}

/// A citizen survey attached to a cycle's Check as evidence.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PdcaEvidence {
    pub id: Id,
    pub cycle_id: Id,
    pub survey_id: Id,
    pub version: i64,
}

impl Validate for PdcaEvidence {
    fn validate(&self) -> Result<(), Invalid> {
        Check::new()
            .id("cycle", self.cycle_id)
            .id("survey", self.survey_id)
            .finish()
    }
}
