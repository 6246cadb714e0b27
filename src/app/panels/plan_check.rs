//! The plan views' panel: the problems the selected plan's check finds (errors first),
//! each with its person or unit and its rule; beside a move, that person's come first.
//! The check of a city's round takes most of a second, so it is asked of the worker
//! (`Need::PlanProblems`) and drawn when it comes.

use serde_json::Value;

use crate::app::App;
use crate::app::worker::Need;
use crate::domain::Id;
use crate::domain::plan_check::PlanProblem;
use crate::domain::transfer::{PlanState, TransferPlan};
use crate::store::Result;

pub struct PlanCheckPanel {
    /// The plan checked, when it is a draft (an applied plan is history).
    pub plan: Option<TransferPlan>,
    /// The check asked for, for a draft.
    pub check: Option<Need>,
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
        let check = plan.as_ref().map(|p| Need::PlanProblems {
            plan: p.id,
            today: app.session.today,
        });
        Ok(PlanCheckPanel {
            plan,
            check,
            person,
        })
    }

    /// The problems as shown: the selected person's first, each part still errors first
    /// (read as drawn, as far as the panel has room: nothing copied or sorted a frame).
    pub fn in_order<'a>(
        &self,
        problems: &'a [PlanProblem],
    ) -> impl Iterator<Item = &'a PlanProblem> {
        let me = self.person;
        let mine = move |p: &&PlanProblem| me.is_some() && p.staff_id == me;
        problems
            .iter()
            .filter(mine)
            .chain(problems.iter().filter(move |p| !mine(p)))
    }
}
