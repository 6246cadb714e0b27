//! The evaluation's and the challenge theme's fields: what HR's form holds, and what the
//! detail pane shows of an evaluation; the HR office's register of grievance
//! consultations.

use super::edit::{Typed, typed};
use super::editors::focus_id;
use super::form::{FieldKind as K, FieldSpec, field};
use crate::domain::evaluation::{
    BoardDecision, EvalKind, EvalState, Evaluation, Grade, Response, Term, Theme,
};
use crate::domain::grievance::{Consultation, ConsultationEnding};

const GRADES: &[&str] = Grade::CODES;

/// Everything an evaluation holds, as the detail pane shows it: what was decided and why.
pub(super) const EVALUATION_DETAIL: &[FieldSpec] = &[
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
pub(super) static EVALUATION: Typed<Evaluation> = typed(
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

pub(super) static THEME: Typed<Theme> = typed(
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
        weight: 100,
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
pub(super) static CONSULTATION: Typed<Consultation> = typed(
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
        consulted_on: ctx.today,
        counsellor_id: ctx.me.map(|s| s.id),
        subject: String::new(),
        reply: String::new(),
        ending: ConsultationEnding::Ongoing,
        version: 0,
    },
);
