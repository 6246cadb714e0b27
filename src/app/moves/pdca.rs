//! The PDCA cycle: plan it and add actions (Plan), mark actions done and note progress
//! (Do), measure and attach surveys (Check), improve and close (Act), review as a
//! supervisor. Who may do what, and when, is the domain's (`pdca_flow::choices`); the
//! store checks the same rule when the move is made.

use serde_json::Value;

use super::{App, Menu, Move, Workflow, date_of, text_of};
use crate::domain::choice::Choice;
use crate::domain::pdca::PdcaCycle;
use crate::domain::pdca_flow::{PdcaInput, PdcaMove, PdcaWork, choices};
use crate::domain::{Id, Invalid, Problem};
use crate::store::StoreError;

pub struct Cycles;

pub static PDCA: Cycles = Cycles;

impl Workflow for Cycles {
    fn menu(&self, app: &App, id: Id) -> Result<Menu, StoreError> {
        let (db, lang) = (&app.session.db, app.session.lang);
        let who = app.session.actor();
        let c = db.pdca_for(id, who)?;
        let acting = db.pdca_acting(&c, who)?;
        let actions = db.pdca_actions(c.id)?;
        let signs = app.session.account.staff_id.is_some();
        let mut menu = Menu::of(c.version, &c);
        for choice in choices(&c, &acting, actions.len(), signs) {
            let work = match choice {
                Choice::Open(PdcaMove::Step(s)) => {
                    menu.open(Move::Pdca(s), app);
                    continue;
                }
                Choice::Blocked(PdcaMove::Step(s), why) => {
                    menu.blocked(Move::Pdca(s), &why, app);
                    continue;
                }
                Choice::Blocked(PdcaMove::Work(_), _) => continue,
                Choice::Open(PdcaMove::Work(w)) => w,
            };
            match work {
                PdcaWork::Plan => menu.open(Move::Plan, app),
                PdcaWork::AddAction => menu.open(Move::AddAction, app),
                PdcaWork::Checkin => menu.open(Move::Checkin, app),
                PdcaWork::Review => menu.open(Move::Review, app),
                PdcaWork::ActionDone => {
                    for a in actions.iter().filter(|a| a.done_on.is_none()) {
                        let text = lang.tf(
                            "ui.move_action_done_of",
                            &[("what", &a.description), ("due", &a.due_on)],
                        );
                        menu.moves.push((Move::ActionDone(a.id), text));
                    }
                }
                // Surveys of the owner's section not attached yet, as evidence for Check.
                PdcaWork::Attach => {
                    let attached: Vec<Id> = db.pdca_evidence(c.id)?.iter().map(|s| s.id).collect();
                    for s in db.pdca_candidate_surveys(&c, app.nav.fiscal_year + 1)? {
                        if !attached.contains(&s.id) {
                            let text = lang.tf(
                                "ui.move_attach_survey",
                                &[
                                    ("date", &s.conducted_on),
                                    ("topic", &s.topic),
                                    ("score", &s.score),
                                ],
                            );
                            menu.moves.push((Move::Attach(s.id), text));
                        }
                    }
                }
            }
        }
        Ok(menu)
    }

    fn apply(
        &self,
        app: &mut App,
        id: Id,
        version: i64,
        m: Move,
        v: &Value,
    ) -> Result<Id, StoreError> {
        let s = &app.session;
        let (db, who, today) = (&s.db, s.actor(), s.today);
        match m {
            Move::Pdca(step) => {
                let input = PdcaInput {
                    result: v.get("result").and_then(Value::as_f64),
                    improvements: text_of(v, "improvements"),
                };
                db.pdca_move(id, Some(version), step, &input, who, today)
                    .map(|(c, _)| c.id)
            }
            Move::Review => db
                .pdca_review(id, &text_of(v, "comment"), who, today)
                .map(|_| id),
            Move::Checkin => {
                let progress = v.get("progress").and_then(Value::as_i64);
                db.pdca_checkin(id, &text_of(v, "note"), progress, who, today)
                    .map(|_| id)
            }
            Move::Attach(survey) => db.pdca_attach_survey(id, survey, who).map(|_| id),
            Move::Plan => {
                let plan: PdcaCycle = serde_json::from_value(v.clone())
                    .map_err(|_| StoreError::Invalid(Invalid::one("goal", Problem::Malformed)))?;
                db.pdca_plan(&plan, Some(version), who).map(|c| c.id)
            }
            Move::AddAction => db
                .pdca_add_action(id, &text_of(v, "description"), date_of(v, "due_on"), who)
                .map(|_| id),
            Move::ActionDone(action) => db.pdca_action_done(action, who, today).map(|_| id),
            _ => Ok(id),
        }
    }
}
