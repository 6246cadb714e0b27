//! The reorganisation plan (組織改正案): apply it (施行) on its day once its check finds
//! nothing — the question says how many people move — or set it aside.

use serde_json::Value;

use super::{App, Menu, Move, Workflow};
use crate::domain::Id;
use crate::domain::reorg::ReorgPlan;
use crate::domain::transfer::PlanState;
use crate::store::StoreError;

pub struct Plans;

pub static REORG_PLAN: Plans = Plans;

impl Workflow for Plans {
    /// Apply while a draft on or after its day with no problem (else why not: the day,
    /// or the first problem and how many there are); discard while a draft.
    fn menu(&self, app: &App, id: Id) -> Result<Menu, StoreError> {
        let (db, lang) = (&app.session.db, app.session.lang);
        let p: ReorgPlan = db.get(id)?;
        let mut menu = Menu::of(p.version, &p);
        if p.state != PlanState::Draft || !app.can_write() {
            return Ok(menu);
        }
        let check = db.check_reorg_plan(id)?;
        let apply = Move::ApplyReorg(check.moving);
        let label = lang.tf("ui.move_apply_reorg", &[("n", &check.moving)]);
        // What is wrong with the plan first: it is what the office can act on now.
        if let Some(first) = check.issues.first() {
            let why = lang.tf(
                "ui.reorg_problems",
                &[
                    ("n", &check.issues.len()),
                    (
                        "first",
                        &format!(
                            "{}: {}",
                            first.subject,
                            crate::i18n::reorg_issue_text(lang, first)
                        ),
                    ),
                ],
            );
            // Nobody's move is known while the plan is wrong: no count.
            menu.blocked
                .push((lang.t("ui.move_apply_reorg_plain").to_string(), why));
        } else if app.session.today < p.effective_on {
            let day = app.session.date_style.show(p.effective_on);
            menu.blocked
                .push((label, lang.tf("ui.reorg_not_yet", &[("date", &day)])));
        } else {
            menu.moves.push((apply, label));
        }
        menu.open(Move::DiscardReorg, app);
        Ok(menu)
    }

    fn apply(&self, app: &mut App, id: Id, _: i64, m: Move, _: &Value) -> Result<Id, StoreError> {
        let ses = &app.session;
        let who = ses.actor();
        match m {
            Move::DiscardReorg => ses.db.discard_reorg_plan(id, who).map(|p| p.id),
            Move::ApplyReorg(_) => ses.db.apply_reorg_plan(id, who, ses.today).map(|_| id),
            _ => Ok(id),
        }
    }
}

/// The same moves from a step's row: they act on the step's plan.
pub struct Steps;

pub static REORG_STEP: Steps = Steps;

fn plan_of(app: &App, step: Id) -> Result<Id, StoreError> {
    Ok(app
        .session
        .db
        .get::<crate::domain::reorg::ReorgStep>(step)?
        .plan_id)
}

impl Workflow for Steps {
    fn menu(&self, app: &App, id: Id) -> Result<Menu, StoreError> {
        REORG_PLAN.menu(app, plan_of(app, id)?)
    }

    fn apply(&self, app: &mut App, id: Id, v: i64, m: Move, i: &Value) -> Result<Id, StoreError> {
        let plan = plan_of(app, id)?;
        REORG_PLAN.apply(app, plan, v, m, i).map(|_| id)
    }
}
