//! What each move's form asks for: the fields a move writes beside its state change.

use crate::app::form::field::{FieldKind as K, FieldSpec, field};
use crate::domain::evaluation::{BoardDecision, Grade};

const GRADES: &[&str] = Grade::CODES;
pub(super) const RATING: K = K::OptCode("grade", GRADES);
pub(super) const SUBMIT: &[FieldSpec] = &[
    field("self_rating", "self_rating", RATING),
    field("self_comment", "self_comment", K::Note),
];
pub(super) const FIRST: &[FieldSpec] = &[
    field("first_rating", "first_rating", RATING),
    field("first_comment", "first_comment", K::Note),
];
pub(super) const SECOND: &[FieldSpec] = &[
    field("second_rating", "second_rating", RATING),
    field("second_comment", "second_comment", K::Note),
];
pub(super) const SEND_BACK: &[FieldSpec] =
    &[field("sent_back_reason", "sent_back_reason", K::Note)];
pub(super) const FINALIZE: &[FieldSpec] = &[field("grade", "grade", RATING)];
pub(super) const RESPONSE: &[FieldSpec] = &[field("response_note", "response_note", K::Note)];
pub(super) const OUTCOME: &[FieldSpec] = &[
    field(
        "board_decision",
        "board_decision",
        K::OptCode("board_decision", BoardDecision::CODES),
    ),
    field("board_decided_on", "board_decided_on", K::OptDate),
    field("appeal_outcome", "appeal_outcome", K::Note),
    field("grade", "grade", RATING),
];
pub(super) const INTERVIEWS: &[FieldSpec] = &[
    field("start_interview_on", "start_interview_on", K::OptDate),
    field("start_interview_note", "start_interview_note", K::Note),
    field("end_interview_on", "end_interview_on", K::OptDate),
    field("end_interview_note", "end_interview_note", K::Note),
];
pub(super) const RESULT: &[FieldSpec] = &[field("result", "result", K::OptReal)];
pub(super) const IMPROVEMENTS: &[FieldSpec] = &[field("improvements", "improvements", K::Note)];
pub(super) const REVIEW: &[FieldSpec] = &[field("comment", "comment", K::Note)];
pub(super) const CHECKIN: &[FieldSpec] = &[
    field("note", "note", K::Note),
    field("progress", "progress", K::Int),
];
pub(super) const PLAN: &[FieldSpec] = &[
    field("goal", "goal", K::Note),
    field("metric", "metric", K::Text),
    field("metric_unit", "metric_unit", K::Text),
    field("lower_is_better", "lower_is_better", K::Bool),
    field("baseline", "baseline", K::OptReal),
    field("target", "target", K::OptReal),
    field("plan_notes", "plan_notes", K::Note),
];
pub(super) const OJT_LOG: &[FieldSpec] = &[
    field("logged_on", "logged_on", K::Date),
    field("body", "body", K::Note),
];
pub(super) const ADD_ACTION: &[FieldSpec] = &[
    field("description", "description", K::Text),
    field("due_on", "due_on", K::OptDate),
];
