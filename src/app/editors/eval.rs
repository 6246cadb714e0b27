//! The evaluation's and the challenge theme's fields: what HR's form holds, and what the
//! detail pane shows of an evaluation; the HR office's register of grievance
//! consultations; the editors that keep the chain's rules (HR assigns evaluators,
//! ratings travel by moves; a theme is its owner's).

use serde_json::Value;

use super::{Editor, NewCtx, SaveCtx, Typed, focus_id, from_json, typed};
use crate::app::form::field::{FieldKind as K, FieldSpec, field};
use crate::domain::Id;
use crate::domain::evaluation::{
    BoardDecision, EvalKind, EvalState, Evaluation, Grade, Response, Term,
};
use crate::domain::grievance::{Consultation, ConsultationEnding};
use crate::domain::theme::Theme;
use crate::store::flow::Actor;
use crate::store::{Db, Result};

const GRADES: &[&str] = Grade::CODES;

/// Everything an evaluation holds, as the detail pane shows it: what was decided and why.
pub(in crate::app) const EVALUATION_DETAIL: &[FieldSpec] = &[
    field("staff_id", "staff_no", K::Staff),
    field("evaluator1_id", "evaluator1_staff_no", K::OptStaff),
    field("evaluator2_id", "evaluator2_staff_no", K::OptStaff),
    field("state", "state", K::Code("eval_state", EvalState::CODES)),
    field("start_interview_on", "start_interview_on", K::OptDate),
    field("start_interview_note", "start_interview_note", K::Note),
    field("self_rating", "self_rating", K::OptCode("grade", GRADES)),
    field("self_comment", "self_comment", K::Note),
    field("self_submitted_on", "self_submitted_on", K::OptDate),
    field("first_rating", "first_rating", K::OptCode("grade", GRADES)),
    field("first_comment", "first_comment", K::Note),
    field("first_done_on", "first_done_on", K::OptDate),
    field("sent_back_reason", "sent_back_reason", K::Note),
    field("end_interview_on", "end_interview_on", K::OptDate),
    field("end_interview_note", "end_interview_note", K::Note),
    field(
        "second_rating",
        "second_rating",
        K::OptCode("grade", GRADES),
    ),
    field("second_comment", "second_comment", K::Note),
    field("second_done_on", "second_done_on", K::OptDate),
    field("grade", "grade", K::OptCode("grade", GRADES)),
    field("finalized_on", "finalized_on", K::OptDate),
    field("disclosed_on", "disclosed_on", K::OptDate),
    field(
        "response",
        "response",
        K::OptCode("response", Response::CODES),
    ),
    field("response_on", "response_on", K::OptDate),
    field("response_note", "response_note", K::Note),
    field(
        "board_decision",
        "board_decision",
        K::OptCode("board_decision", BoardDecision::CODES),
    ),
    field("board_decided_on", "board_decided_on", K::OptDate),
    field("appeal_outcome", "appeal_outcome", K::Note),
];

/// The HR office's form: who is evaluated and by whom. Ratings, dates and states are
/// written by the chain's moves (`m`), never by editing.
pub(in crate::app) static EVALUATION: Typed<Evaluation> = typed(
    &[
        field("staff_id", "staff_no", K::Staff),
        field("evaluator1_id", "evaluator1_staff_no", K::OptStaff),
        field("evaluator2_id", "evaluator2_staff_no", K::OptStaff),
    ],
    |ctx| {
        let period = ctx
            .db
            .eval_period(ctx.fiscal_year, EvalKind::Competency, Term::Full)
            .ok()
            .flatten()
            .map(|p| p.id);
        Evaluation::draft(
            period.unwrap_or(0),
            focus_id(ctx),
            ctx.staff.and_then(|s| s.supervisor_id),
            None,
        )
    },
);

pub(in crate::app) static THEME: Typed<Theme> = typed(
    &[
        field("staff_id", "staff_no", K::Staff),
        field("fiscal_year", "fiscal_year", K::FiscalYear),
        field("title", "title", K::Text),
        field("target", "themes.target", K::Note),
        field("difficulty", "difficulty", K::Int),
        field("weight", "weight", K::Int),
        field("progress", "progress", K::Int),
        field("midterm_report", "midterm_report", K::Note),
        field("midterm_on", "midterm_on", K::OptDate),
        field("result", "result", K::Note),
        field("achievement", "achievement_rate", K::OptInt),
        field("self_assessment", "self_assessment", K::Note),
        field("evaluator_comment", "evaluator_comment", K::Note),
    ],
    |ctx| Theme {
        id: 0,
        staff_id: focus_id(ctx),
        fiscal_year: ctx.fiscal_year,
        title: String::new(),
        target: String::new(),
        difficulty: 2,
        // What the person's other themes of the year leave of 100.
        weight: ctx
            .db
            .theme_weight_left(focus_id(ctx), ctx.fiscal_year)
            .unwrap_or(100),
        progress: 0,
        midterm_report: String::new(),
        midterm_on: None,
        result: String::new(),
        achievement: None,
        self_assessment: String::new(),
        evaluator_comment: String::new(),
        version: 0,
    },
);

/// 苦情相談: who consulted, when, with whom, what was said and how it ended.
pub(in crate::app) static CONSULTATION: Typed<Consultation> = typed(
    &[
        field("staff_id", "staff_no", K::Staff),
        field("consulted_on", "consulted_on", K::Date),
        field("counsellor_id", "counsellor_staff_no", K::OptStaff),
        field("subject", "subject", K::Note),
        field("reply", "reply", K::Note),
        field(
            "ending",
            "ending",
            K::Code("ending", ConsultationEnding::CODES),
        ),
    ],
    |ctx| Consultation {
        id: 0,
        staff_id: focus_id(ctx),
        consulted_on: ctx.day(),
        counsellor_id: ctx.me.map(|s| s.id),
        subject: String::new(),
        reply: String::new(),
        ending: ConsultationEnding::Ongoing,
        version: 0,
    },
);

/// Evaluations: HR assigns evaluators on the form; the ratings travel by the chain's moves.
/// Like themes, the store checks what the form may change (`save_evaluation`).
pub(in crate::app) struct EvalEditor;

impl Editor for EvalEditor {
    fn check(&self, rec: &Value) -> Option<crate::domain::Invalid> {
        super::check_as::<Evaluation>(rec)
    }
    fn evaluation(&self, rec: &Value) -> Option<Evaluation> {
        serde_json::from_value(rec.clone()).ok()
    }
    fn fields(&self) -> &'static [FieldSpec] {
        EVALUATION.fields
    }
    fn detail_fields(&self) -> &'static [FieldSpec] {
        EVALUATION_DETAIL
    }
    /// As the reader may see it: stages not yet theirs are left empty.
    fn load(&self, db: &Db, id: Id, who: Actor) -> Result<Value> {
        let e: Evaluation = db.get(id)?;
        Ok(serde_json::to_value(e.as_seen_by(who.visible.reader())).unwrap_or(Value::Null))
    }
    fn blank(&self, ctx: &NewCtx) -> Value {
        EVALUATION.blank(ctx)
    }
    /// The store keeps the chain's rules, as it does for themes.
    fn save(&self, db: &Db, v: Value, _: SaveCtx) -> Result<Id> {
        let mut e: Evaluation = from_json(v)?;
        db.save_evaluation(&mut e)?;
        Ok(e.id)
    }
    fn delete(&self, db: &Db, id: Id, version: i64, _: SaveCtx) -> Result<()> {
        db.delete_evaluation(id, version)
    }
}

/// Challenge themes: written by their person and their first evaluator too, each their
/// own fields (the store's rule, `save_theme`).
pub(in crate::app) struct ThemeEditor;

impl Editor for ThemeEditor {
    fn check(&self, rec: &Value) -> Option<crate::domain::Invalid> {
        super::check_as::<Theme>(rec)
    }
    fn fields(&self) -> &'static [FieldSpec] {
        THEME.fields
    }
    /// As the reader may see it: the evaluator's side once the evaluation lets them.
    fn load(&self, db: &Db, id: Id, who: Actor) -> Result<Value> {
        let t: Theme = db.get(id)?;
        let t = db.theme_as_seen(t, who.visible.reader())?;
        Ok(serde_json::to_value(t).unwrap_or(Value::Null))
    }
    fn blank(&self, ctx: &NewCtx) -> Value {
        THEME.blank(ctx)
    }
    fn save(&self, db: &Db, v: Value, ctx: SaveCtx) -> Result<Id> {
        let mut t: Theme = from_json(v)?;
        db.save_theme(&mut t, ctx.who, ctx.today)?;
        Ok(t.id)
    }
    fn delete(&self, db: &Db, id: Id, version: i64, ctx: SaveCtx) -> Result<()> {
        db.delete_theme(id, version, ctx.who)
    }
    fn open_to_all(&self) -> bool {
        true
    }
    fn not_yours(&self, _rec: &Value) -> &'static str {
        "theme_not_yours"
    }
    fn fields_for(&self, db: &Db, rec: &Value, who: Actor) -> Result<Vec<FieldSpec>> {
        let staff = rec.get("staff_id").and_then(Value::as_i64).unwrap_or(0);
        let fy = rec
            .get("fiscal_year")
            .and_then(Value::as_i64)
            .unwrap_or_default() as i32;
        let side = db.theme_side(staff, fy, who)?;
        Ok(match side.fields() {
            None => self.fields().to_vec(),
            Some(mine) => self
                .fields()
                .iter()
                .filter(|f| mine.contains(&f.name))
                .copied()
                .collect(),
        })
    }
}
