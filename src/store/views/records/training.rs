//! Training's lists of people: enrolments in the sessions of courses, and OJT pairs.

use super::OF_A_PERSON;
use crate::store::views::ColKind::*;
use crate::store::views::{FULL_NAME, STAFF_NO, UNIT, ViewCol, ViewDef, col, name_col};

/// The mentee (`s`) and mentor (`m`) of an OJT pair, by name (read by kana when sorted).
pub(in crate::store::views) const MENTEE: ViewCol = name_col(
    "mentee_staff_no",
    "s.family_name || ' ' || s.given_name",
    "s.family_kana || s.given_kana",
);
pub(in crate::store::views) const MENTOR: ViewCol = name_col(
    "mentor_staff_no",
    "m.family_name || ' ' || m.given_name",
    "m.family_kana || m.given_kana",
);

pub static ENROLMENTS: ViewDef = ViewDef {
    name: "enrolments",
    table: "enrolments",
    from: with_person!(
        "enrolments t JOIN training_sessions ts ON ts.id = t.session_id JOIN courses c ON c.id = ts.course_id"
    ),
    ordered: Some(ordered!(
        "enrolments t",
        " CROSS JOIN training_sessions ts ON ts.id = t.session_id CROSS JOIN courses c ON c.id = ts.course_id"
    )),
    columns: &[
        STAFF_NO,
        FULL_NAME,
        col("title", "c.title", Text),
        col("category", "c.category", Code("course_category")),
        col("starts_on", "ts.starts_on", Date),
        col("state", "t.state", Code("enrolment_state")),
        col("hours", "t.hours", Real),
    ],
    fiscal_year: Some("ts.fiscal_year"),
    state: Some(("t.state", "enrolment_state")),
    ..OF_A_PERSON
};

pub static OJT: ViewDef = ViewDef {
    name: "ojt",
    table: "ojt_pairs",
    from: "ojt_pairs t JOIN staff s ON s.id = t.mentee_id LEFT JOIN units u ON u.id = s.unit_id JOIN staff m ON m.id = t.mentor_id",
    ordered: Some(
        "staff s CROSS JOIN ojt_pairs t ON t.mentee_id = s.id LEFT JOIN units u ON u.id = s.unit_id JOIN staff m ON m.id = t.mentor_id",
    ),
    unowned: None,
    columns: &[
        MENTEE,
        MENTOR,
        UNIT,
        col("start_date", "t.start_date", Date),
        col("end_date", "t.end_date", Date),
        col(
            "logs",
            "(SELECT count(*) FROM ojt_logs WHERE pair_id = t.id)",
            Int,
        ),
    ],
    staff: Some("t.mentee_id"),
    unit: Some("s.unit_id"),
    fiscal_year: Some("t.fiscal_year"),
    state: None,
    default_sort: 0,
    default_desc: false,
};
