//! The plan views' panel: the problems the selected plan's check finds (errors first),
//! each with its person or unit and its rule; beside a move, that person's come first.

use serde_json::Value;

use crate::app::App;
use crate::domain::Id;
use crate::domain::plan_check::PlanProblem;
use crate::domain::transfer::{PlanState, TransferPlan};
use crate::store::Result;

pub struct PlanCheckPanel {
    /// The plan checked, when it is a draft (an applied plan is history).
    pub plan: Option<TransferPlan>,
    pub problems: Vec<PlanProblem>,
    /// The person of the selected move, whose problems are marked and come first.
    pub person: Option<Id>,
}

impl PlanCheckPanel {
    /// For the plans' list the selected plan; for the moves' list the move's plan.
    pub(super) fn load(app: &App, rec: Option<&Value>) -> Result<Self> {
        let get = |k: &str| rec.and_then(|r| r.get(k)).and_then(Value::as_i64);
        let (plan_id, person) = match get("plan_id") {
            Some(p) => (Some(p), get("staff_id")),
            None => (get("id"), None),
        };
        let db = &app.session.db;
        let plan = match plan_id {
            Some(id) => db
                .find::<TransferPlan>(id)?
                .filter(|p| p.state == PlanState::Draft),
            None => None,
        };
        let mut problems = match &plan {
            Some(p) => db.check_plan(p.id, app.session.today)?,
            None => Vec::new(),
        };
        if let Some(me) = person {
            // Stable: the person's own first, each part still errors first.
            problems.sort_by_key(|p| p.staff_id != Some(me));
        }
        Ok(PlanCheckPanel {
            plan,
            problems,
            person,
        })
    }
}
