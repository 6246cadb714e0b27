//! The transfer plan (人事異動案): apply it (発令) on its day, set it aside, or read it
//! beside another plan not yet applied.

use serde_json::Value;

use super::{App, Menu, Move, Workflow};
use crate::domain::Id;
use crate::domain::staff::Staff;
use crate::domain::transfer::{PlanState, TransferPlan};
use crate::i18n::WARD;
use crate::store::StoreError;

pub struct Plans;

pub static TRANSFER_PLAN: Plans = Plans;

impl Workflow for Plans {
    /// Apply and discard while the plan is a draft (before its day, why it cannot
    /// apply); compare with each other plan not yet applied.
    fn menu(&self, app: &App, id: Id) -> Result<Menu, StoreError> {
        let (db, lang) = (&app.session.db, app.session.lang);
        let p: TransferPlan = db.get(id)?;
        let mut menu = Menu::of(p.version, &p);
        if p.state == PlanState::Draft && app.can_write() {
            let problems = db.check_plan(id, app.session.today)?;
            if problems.iter().any(|p| p.is_error()) {
                // Refused by its check: the first error, and how many more.
                menu.blocked.push((
                    Move::ApplyPlan.label(lang).to_string(),
                    crate::i18n::plan_refusal_text(lang, &problems),
                ));
            } else if app.session.today >= p.effective_on {
                menu.open(Move::ApplyPlan, app);
            } else {
                menu.blocked.push((
                    Move::ApplyPlan.label(lang).to_string(),
                    lang.tf(
                        "ui.plan_not_yet",
                        &[("date", &app.session.date_style.show(p.effective_on))],
                    ),
                ));
            }
            menu.open(Move::DiscardPlan, app);
        }
        if app.can_write() {
            for other in db.transfer_plans()? {
                if other.id != p.id && other.state != PlanState::Applied {
                    let text = lang.tf(
                        "ui.move_compare_with",
                        &[("id", &other.id), ("name", &other.name)],
                    );
                    menu.moves.push((Move::Compare(other.id), text));
                }
            }
        }
        Ok(menu)
    }

    /// Applies or discards the plan; the warnings of its check were listed in the
    /// question the yes answered, so they are accepted. A move that cannot be made is
    /// named with its person.
    fn apply(&self, app: &mut App, id: Id, _: i64, m: Move, _: &Value) -> Result<Id, StoreError> {
        let ses = &app.session;
        let who = ses.actor();
        match m {
            Move::DiscardPlan => ses.db.discard_transfer_plan(id, who).map(|p| p.id),
            Move::ApplyPlan => {
                let accept = true;
                let mut on = None;
                let applied =
                    ses.db
                        .apply_transfer_plan(id, who, ses.today, accept, &WARD, &mut |mv| {
                            on = Some(mv.staff_id)
                        });
                let Err(e) = applied else {
                    return Ok(id);
                };
                let person = match on {
                    Some(s) => ses.db.find::<Staff>(s)?,
                    None => None,
                };
                let why = crate::i18n::error_text(ses.lang, &e);
                let text = match person {
                    Some(p) => format!("{} {}: {why}", p.staff_no, p.full_name()),
                    None => why,
                };
                app.modals.push(crate::app::Modal::Message { text });
                Ok(id)
            }
            _ => Ok(id),
        }
    }
}

/// The question before a plan is applied: with the warnings its check finds listed, and
/// said to be accepted by a yes.
pub(super) fn apply_question(app: &App, id: Id) -> Result<String, StoreError> {
    let (lang, style) = (app.session.lang, app.session.date_style);
    let warnings = app.session.db.check_plan(id, app.session.today)?;
    if warnings.is_empty() {
        return Ok(lang.t("ask.apply_plan").to_string());
    }
    let mut list: Vec<String> = warnings
        .iter()
        .take(8)
        .map(|w| {
            format!(
                "・{}: {}",
                w.subject,
                crate::i18n::plan_problem_text(lang, w, style)
            )
        })
        .collect();
    if warnings.len() > 8 {
        list.push(lang.tf("ask.apply_plan_more", &[("n", &(warnings.len() - 8))]));
    }
    Ok(lang.tf(
        "ask.apply_plan_warnings",
        &[("n", &warnings.len()), ("list", &list.join("\n"))],
    ))
}
