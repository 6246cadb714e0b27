//! Workflow moves from the screens (`m`): the moves open to this account on the selected
//! evaluation or PDCA cycle, a form for what the move writes, and the store's move, which
//! checks who may do it and when. The same rules as `jinji eval` / `jinji pdca`.

use serde_json::Value;

use super::action::Action;
use super::form::Form;
pub use super::moves::Move;
use super::view::{View, Workflow};
use super::{App, Confirm, Modal};
use crate::domain::eval_flow::{EvalInput, EvalStep};
use crate::domain::evaluation::{BoardDecision, Evaluation, Grade};
use crate::domain::{Date, Id};
use crate::store::StoreError;
use crate::store::flow::Actor;

/// The moves open on the selected record, to choose from.
pub struct MoveMenu {
    pub view: View,
    pub id: Id,
    pub version: i64,
    /// Each move with the words the menu shows for it.
    pub moves: Vec<(Move, String)>,
    /// Moves the record is ready for but not by this account, with the reason.
    pub blocked: Vec<(String, String)>,
    pub selected: usize,
}

pub(super) fn text_of(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn grade_of(v: &Value, key: &str) -> Option<Grade> {
    v.get(key)
        .and_then(Value::as_str)
        .and_then(Grade::from_code)
}

pub(super) fn date_of(v: &Value, key: &str) -> Option<Date> {
    v.get(key)
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok())
}

impl App {
    pub(super) fn actor(&self) -> Actor<'_> {
        Actor {
            account: &self.account,
            visible: &self.visible,
        }
    }

    /// `m`: the moves this account may make on the selected record now.
    pub(super) fn open_moves(&mut self) -> Result<(), StoreError> {
        let view = self.view();
        let Some(workflow) = view.spec().workflow else {
            return Ok(());
        };
        // On awards the long-service nominations are open with no award selected.
        let Some(id) = self
            .list()
            .and_then(|l| l.current())
            .map(|r| r.id)
            .or((workflow == Workflow::Award).then_some(0))
        else {
            return Ok(());
        };
        let who = self.actor();
        let lang = self.lang;
        let reason = |m: Move, inv: &crate::domain::Invalid| {
            (
                m.label(lang).to_string(),
                crate::i18n::invalid_text(lang, inv),
            )
        };
        let mut blocked = Vec::new();
        let (version, moves) = match workflow {
            Workflow::Evaluation => {
                let e = self.db.evaluation_for(id, who)?;
                let rules = self.db.eval_rules()?;
                let acting = self.db.eval_acting(&e, who);
                // Moves the state allows but not to this person: say whose turn it is.
                let anyone = crate::domain::eval_flow::Acting {
                    evaluatee: true,
                    first: true,
                    second: true,
                    hr: true,
                };
                let mut moves = Vec::new();
                for s in EvalStep::ALL.iter().copied() {
                    match s.check(&e, &acting, self.today, &rules) {
                        Ok(()) => moves.push(Move::Eval(s)),
                        Err(inv) if s.check(&e, &anyone, self.today, &rules).is_ok() => {
                            blocked.push(reason(Move::Eval(s), &inv));
                        }
                        Err(_) => {}
                    }
                }
                let moves = moves
                    .into_iter()
                    .map(|m| (m, m.label(lang).to_string()))
                    .collect();
                (e.version, moves)
            }
            Workflow::Pdca => self.pdca_menu(id, &mut blocked)?,
            Workflow::TransferPlan => self.plan_menu(id, &mut blocked)?,
            Workflow::Enrolment => self.enrol_menu(id, &mut blocked)?,
            Workflow::Award => self.award_menu(id, &mut blocked)?,
            Workflow::Session => self.session_menu(id, &mut blocked)?,
            Workflow::Ojt => self.ojt_menu(id, &mut blocked)?,
        };
        if moves.is_empty() && blocked.is_empty() {
            self.modals.push(Modal::Message {
                text: self.lang.t("ui.no_moves").into(),
            });
            return Ok(());
        }
        self.modals.push(Modal::Moves(MoveMenu {
            view,
            id,
            version,
            moves,
            blocked,
            selected: 0,
        }));
        Ok(())
    }

    pub(super) fn menu_action(&mut self, action: Action) -> Result<(), StoreError> {
        let Some(Modal::Moves(menu)) = self.modals.last_mut() else {
            return Ok(());
        };
        match action {
            Action::Cancel => {
                self.modals.pop();
            }
            Action::Up => menu.selected = menu.selected.saturating_sub(1),
            Action::Down => {
                menu.selected = (menu.selected + 1).min(menu.moves.len().saturating_sub(1))
            }
            Action::Submit if !menu.moves.is_empty() => {
                let (view, id, version, m) = (
                    menu.view,
                    menu.id,
                    menu.version,
                    menu.moves[menu.selected].clone(),
                );
                self.modals.pop();
                self.start_move(view, id, version, m)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Opens the move's form, or asks for a yes when it writes nothing but the move.
    fn start_move(
        &mut self,
        view: View,
        id: Id,
        version: i64,
        (m, label): (Move, String),
    ) -> Result<(), StoreError> {
        if let Move::Compare(other) = m {
            return self.show_compare(id, other);
        }
        if m.fields().is_empty() {
            let question = self.lang.tf("ui.confirm_move", &[("move", &label)]);
            self.modals.push(Modal::Confirm {
                question,
                on_yes: Confirm::Move {
                    view,
                    id,
                    version,
                    m,
                },
            });
            return Ok(());
        }
        let mut note = None;
        let mut base = match view.spec().workflow {
            Some(Workflow::Evaluation) => {
                let e = self
                    .db
                    .get::<Evaluation>(id)?
                    .as_seen_by(self.visible.reader());
                // The first evaluator starts from what the challenge themes suggest.
                let suggested = match m {
                    Move::Eval(EvalStep::First) => self.db.eval_suggestion(&e)?,
                    _ => None,
                };
                if let Some((score, grade)) = suggested {
                    note = Some(self.lang.tf(
                        "ui.theme_suggestion",
                        &[("grade", &grade.code()), ("score", &score)],
                    ));
                }
                // Whoever complains is told first that it costs them nothing.
                if m == Move::Eval(EvalStep::Appeal) {
                    note = Some(self.lang.t("ui.no_disadvantage").to_string());
                }
                let mut v = serde_json::to_value(&e).unwrap_or(Value::Null);
                if let Some(o) = v.as_object_mut() {
                    if let (Some((_, g)), None) = (suggested, e.first_rating) {
                        o.insert("first_rating".into(), g.code().into());
                    }
                    // HR finalizes from the latest rating.
                    if m == Move::Eval(EvalStep::Finalize) {
                        let g = e.grade.or(e.second_rating).or(e.first_rating);
                        o.insert("grade".into(), g.map(|g| g.code()).into());
                    }
                }
                v
            }
            Some(Workflow::Ojt) => self.register_move_base(m),
            _ => {
                let c: crate::domain::pdca::PdcaCycle = self.db.get(id)?;
                serde_json::to_value(&c).unwrap_or(Value::Null)
            }
        };
        if let Some(o) = base.as_object_mut() {
            o.insert("version".into(), version.into());
        }
        let mut form = Form::new(view, Some(id), base, m.fields(), &self.db);
        form.purpose = Some(m);
        form.note = note;
        self.modals.push(Modal::Form(form));
        Ok(())
    }

    /// Makes the move with what the form (or nothing) says; returns the id to show.
    pub(super) fn make_move(
        &mut self,
        id: Id,
        version: i64,
        m: Move,
        v: &Value,
    ) -> Result<Id, StoreError> {
        let who = self.actor();
        let today = self.today;
        match m {
            Move::Eval(step) => {
                let rating_key = match step {
                    EvalStep::Submit => "self_rating",
                    EvalStep::First => "first_rating",
                    EvalStep::Second => "second_rating",
                    _ => "grade",
                };
                let text_key = match step {
                    EvalStep::Submit => "self_comment",
                    EvalStep::First => "first_comment",
                    EvalStep::Second => "second_comment",
                    EvalStep::SendBack => "sent_back_reason",
                    EvalStep::Agree | EvalStep::Appeal => "response_note",
                    _ => "appeal_outcome",
                };
                let note = |k: &str| (step == EvalStep::Interviews).then(|| text_of(v, k));
                let input = EvalInput {
                    rating: grade_of(v, rating_key),
                    text: text_of(v, text_key),
                    start_interview_on: date_of(v, "start_interview_on"),
                    end_interview_on: date_of(v, "end_interview_on"),
                    start_interview_note: note("start_interview_note"),
                    end_interview_note: note("end_interview_note"),
                    decision: v
                        .get("board_decision")
                        .and_then(Value::as_str)
                        .and_then(BoardDecision::from_code),
                    decided_on: date_of(v, "board_decided_on"),
                };
                self.db
                    .eval_move(id, Some(version), step, &input, who, today)
                    .map(|e| e.id)
            }
            Move::ApplyPlan | Move::DiscardPlan => self.make_plan_move(id, m),
            Move::Enrol(_) | Move::Award(_) | Move::LongService(_) => {
                self.make_step_move(id, version, m)
            }
            Move::Apply(_) | Move::OjtLog => self.make_register_move(id, m, v),
            m => self.make_pdca_move(id, version, m, v),
        }
    }
}
