//! The PDCA cycle's moves from the screens: plan it and add actions (Plan), mark actions
//! done and note progress (Do), measure and attach surveys (Check), improve and close
//! (Act), review as a supervisor.

use serde_json::Value;

use super::App;
use super::flow::{Move, date_of, text_of};
use crate::domain::Id;
use crate::domain::pdca::{PdcaCycle, Phase};
use crate::domain::pdca_flow::{PdcaInput, PdcaStep};
use crate::store::StoreError;

impl App {
    /// The moves open on a cycle (with their menu text) and the version they apply to;
    /// a phase move that is not ready goes to `blocked` with its reason.
    pub(super) fn pdca_menu(
        &self,
        id: Id,
        blocked: &mut Vec<(String, String)>,
    ) -> Result<(i64, Vec<(Move, String)>), StoreError> {
        let lang = self.lang;
        let who = self.actor();
        let c = self.db.pdca_for(id, who)?;
        let acting = self.db.pdca_acting(&c, who)?;
        let actions = self.db.pdca_actions(c.id)?;
        let may = acting.owner || acting.lead || acting.hr;
        let mut moves = Vec::new();
        let mut add = |m: Move| moves.push((m, m.label(lang).to_string()));
        if may && c.phase == Phase::Plan {
            add(Move::Plan);
        }
        if may && matches!(c.phase, Phase::Plan | Phase::Do) {
            add(Move::AddAction);
        }
        if let Some(s) = PdcaStep::next_for(c.phase) {
            match s.check(&c, &acting, actions.len()) {
                Ok(()) => add(Move::Pdca(s)),
                Err(inv) => blocked.push((
                    Move::Pdca(s).label(lang).to_string(),
                    crate::i18n::invalid_text(lang, &inv),
                )),
            }
        }
        if may && matches!(c.phase, Phase::Do | Phase::Check) {
            add(Move::Checkin);
        }
        if (acting.lead || acting.hr) && !acting.owner && self.account.staff_id.is_some() {
            add(Move::Review);
        }
        if may && c.phase == Phase::Do {
            for a in actions.iter().filter(|a| a.done_on.is_none()) {
                let text = lang.tf(
                    "ui.move_action_done_of",
                    &[("what", &a.description), ("due", &a.due_on)],
                );
                moves.push((Move::ActionDone(a.id), text));
            }
        }
        // Surveys of the owner's section not attached yet, as evidence for Check.
        if may && matches!(c.phase, Phase::Check | Phase::Act) {
            let attached: Vec<Id> = self.db.pdca_evidence(c.id)?.iter().map(|s| s.id).collect();
            for s in self.db.pdca_candidate_surveys(&c, self.fiscal_year + 1)? {
                if !attached.contains(&s.id) {
                    let text = lang.tf(
                        "ui.move_attach_survey",
                        &[
                            ("date", &s.conducted_on),
                            ("topic", &s.topic),
                            ("score", &s.score),
                        ],
                    );
                    moves.push((Move::Attach(s.id), text));
                }
            }
        }
        Ok((c.version, moves))
    }

    /// Makes a cycle's move with what its form says; returns the id to show.
    pub(super) fn make_pdca_move(
        &mut self,
        id: Id,
        version: i64,
        m: Move,
        v: &Value,
    ) -> Result<Id, StoreError> {
        let who = self.actor();
        let today = self.today;
        let db = &self.db;
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
                let plan: PdcaCycle = serde_json::from_value(v.clone()).map_err(|_| {
                    StoreError::Invalid(crate::domain::Invalid::one(
                        "goal",
                        crate::domain::Problem::Malformed,
                    ))
                })?;
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
