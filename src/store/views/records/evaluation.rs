//! The evaluation family's lists: evaluations (each stage as far as the reader may see
//! it before disclosure) and the themes (目標) they are set on.

use super::OF_A_PERSON;
use crate::store::views::ColKind::*;
use crate::store::views::{FULL_NAME, STAFF_NO, ViewDef, col};

pub static EVALUATIONS: ViewDef = ViewDef {
    name: "evaluations",
    table: "evaluations",
    from: with_person!("evaluations t JOIN eval_periods p ON p.id = t.period_id"),
    ordered: Some(ordered!(
        "evaluations t",
        " CROSS JOIN eval_periods p ON p.id = t.period_id"
    )),
    columns: &[
        col("kind", "p.kind", Code("eval_kind")),
        STAFF_NO,
        FULL_NAME,
        col("state", "t.state", Code("eval_state")),
        // Each stage as far as the reader may see it before disclosure.
        col(
            "self_rating",
            "CASE WHEN {seen:own:t} THEN t.self_rating END",
            Text,
        ),
        col(
            "first_rating",
            "CASE WHEN {seen:first:t} THEN t.first_rating END",
            Text,
        ),
        col(
            "second_rating",
            "CASE WHEN {seen:second:t} THEN t.second_rating END",
            Text,
        ),
        col("grade", "CASE WHEN {seen:final:t} THEN t.grade END", Text),
        col(
            "evaluator1_staff_no",
            "(SELECT family_name || ' ' || given_name FROM staff WHERE id = t.evaluator1_id)",
            Text,
        ),
    ],
    fiscal_year: Some("p.fiscal_year"),
    state: Some(("t.state", "eval_state")),
    default_sort: 1,
    ..OF_A_PERSON
};

pub static THEMES: ViewDef = ViewDef {
    name: "themes",
    table: "themes",
    from: with_person!("themes t"),
    ordered: Some(ordered!("themes t")),
    columns: &[
        STAFF_NO,
        FULL_NAME,
        col("title", "t.title", Text),
        col("difficulty", "t.difficulty", Int),
        col("weight", "t.weight", Int),
        col("progress", "t.progress", Percent),
        col("midterm_on", "t.midterm_on", Date),
        col(
            "achievement_rate",
            "CASE WHEN {theme_seen:t} THEN t.achievement END",
            Percent,
        ),
    ],
    fiscal_year: Some("t.fiscal_year"),
    ..OF_A_PERSON
};
