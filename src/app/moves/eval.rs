//! The evaluation chain (自己評価 → 一次 → 二次 → 確定 → 開示 → 了承 or 苦情): the moves due
//! on an evaluation as the domain's rule gives them — those of this account, and those
//! due now but someone else's, with whose they are — their forms and the store's move.

use serde_json::Value;

use super::{App, Menu, Move, Workflow, date_of, grade_of, text_of};
use crate::domain::Id;
use crate::domain::choice::Choice;
use crate::domain::disclosure::Stage;
use crate::domain::eval_flow::{EvalInput, EvalStep};
use crate::domain::evaluation::{BoardDecision, Evaluation};
use crate::store::StoreError;

pub struct Evaluations;

pub static EVALUATION: Evaluations = Evaluations;

impl Workflow for Evaluations {
    fn menu(&self, app: &App, id: Id) -> Result<Menu, StoreError> {
        let db = &app.session.db;
        let who = app.session.actor();
        let reader = app.session.visible.reader();
        let e = db.evaluation_for(id, who)?;
        // Someone else's response moves are named only to whoever may see the response:
        // an evaluator learns nothing of a complaint from the menu either.
        let response_seen = reader.sees(&e, Stage::Response);
        let choices = db.eval_choices(&e, who, app.session.today)?;
        let e = e.as_seen_by(reader);
        let mut menu = Menu::of(e.version, &e);
        for c in choices {
            match c {
                Choice::Open(s) => menu.open(Move::Eval(s), app),
                Choice::Blocked(s, _) if !response_seen && s.is_response() => {}
                Choice::Blocked(s, why) => menu.blocked(Move::Eval(s), &why, app),
            }
        }
        Ok(menu)
    }

    fn form(
        &self,
        app: &App,
        record: Value,
        m: Move,
    ) -> Result<(Value, Option<String>), StoreError> {
        let lang = app.session.lang;
        let e: Evaluation = serde_json::from_value(record.clone()).map_err(|_| {
            StoreError::Invalid(crate::domain::Invalid::one(
                "id",
                crate::domain::Problem::Malformed,
            ))
        })?;
        let mut note = None;
        // The first evaluator starts from what the challenge themes suggest.
        let suggested = match m {
            Move::Eval(EvalStep::First) => app.session.db.eval_suggestion(&e)?,
            _ => None,
        };
        if let Some((score, grade)) = suggested {
            note = Some(lang.tf(
                "ui.theme_suggestion",
                &[("grade", &grade.code()), ("score", &score)],
            ));
        }
        // Whoever complains is told first that it costs them nothing.
        if m == Move::Eval(EvalStep::Appeal) {
            note = Some(lang.t("ui.no_disadvantage").to_string());
        }
        let mut v = record;
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
        Ok((v, note))
    }

    fn apply(
        &self,
        app: &mut App,
        id: Id,
        version: i64,
        m: Move,
        v: &Value,
    ) -> Result<Id, StoreError> {
        let Move::Eval(step) = m else {
            return Ok(id);
        };
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
        let s = &app.session;
        s.db.eval_move(id, Some(version), step, &input, s.actor(), s.today)
            .map(|e| e.id)
    }
}
