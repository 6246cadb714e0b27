//! The lists the tabs show: which table, which columns (with the names people read joined
//! in), and how each list is scoped by person, unit, year and state.

use super::ColKind::*;
use super::{FULL_NAME, STAFF_NO, UNIT, ViewDef, col, name_col};

/// The person of a row (`s`) and their unit (`u`), for tables with a `staff_id`.
macro_rules! with_person {
    ($from:literal) => {
        concat!(
            $from,
            " JOIN staff s ON s.id = t.staff_id LEFT JOIN units u ON u.id = s.unit_id"
        )
    };
}

/// The same FROM with the person first and every join kept in its order (see
/// `ViewDef::ordered`); `$joins` are the record's own joins, as `CROSS JOIN`s.
macro_rules! ordered {
    ($from:literal) => {
        ordered!($from, "")
    };
    ($from:literal, $joins:literal) => {
        concat!(
            "staff s CROSS JOIN ",
            $from,
            " ON t.staff_id = s.id",
            $joins,
            " LEFT JOIN units u ON u.id = s.unit_id"
        )
    };
}

/// What the lists of one person's records share: each row is the person's (`t.staff_id`,
/// joined as `s`), seen and scoped by them and their unit; no year, no state, first
/// column first unless a list says otherwise.
const OF_A_PERSON: ViewDef = ViewDef {
    name: "",
    table: "",
    from: "",
    ordered: None,
    unowned: None,
    columns: &[],
    staff: Some("t.staff_id"),
    unit: Some("s.unit_id"),
    fiscal_year: None,
    state: None,
    default_sort: 0,
    default_desc: false,
};

mod evaluation;
mod office;
mod training;

pub use evaluation::*;
pub use office::*;
pub use training::*;
pub(super) use training::{MENTEE, MENTOR};

pub static STAFF: ViewDef = ViewDef {
    name: "staff",
    table: "staff",
    from: "staff t JOIN staff s ON s.id = t.id LEFT JOIN units u ON u.id = t.unit_id",
    ordered: None,
    unowned: None,
    columns: &[
        col("staff_no", "t.staff_no", Text),
        name_col(
            "full_name",
            "t.family_name || ' ' || t.given_name",
            "t.family_kana || t.given_kana",
        ),
        col("kana", "t.family_kana || ' ' || t.given_kana", Text),
        UNIT,
        col("position", "t.position", Code("position")),
        col("salary_grade", "t.grade", Int),
        col("job_type", "t.job_type", Code("job_type")),
        col("hire_date", "t.hire_date", Date),
        col("status", "t.status", Code("status")),
    ],
    staff: Some("t.id"),
    unit: Some("t.unit_id"),
    fiscal_year: None,
    state: Some(("t.status", "status")),
    default_sort: 0,
    default_desc: false,
};

pub static SELF_REPORTS: ViewDef = ViewDef {
    name: "self_reports",
    table: "self_reports",
    from: with_person!("self_reports t"),
    ordered: Some(ordered!("self_reports t")),
    columns: &[
        STAFF_NO,
        FULL_NAME,
        UNIT,
        col("submitted_on", "t.submitted_on", Date),
        col("transfer_wish", "t.transfer_wish", Code("transfer_wish")),
        col(
            "wish_unit_1",
            "(SELECT name FROM units WHERE id = t.wish_unit1_id)",
            Text,
        ),
        col(
            "promotion_exam",
            "CASE t.promotion_exam WHEN 1 THEN '○' ELSE '' END",
            Text,
        ),
    ],
    fiscal_year: Some("t.fiscal_year"),
    ..OF_A_PERSON
};

pub static QUALIFICATIONS: ViewDef = ViewDef {
    name: "qualifications",
    table: "qualifications",
    from: with_person!("qualifications t"),
    ordered: Some(ordered!("qualifications t")),
    columns: &[
        STAFF_NO,
        FULL_NAME,
        col("qualification", "t.name", Text),
        col("expires_on", "t.expires_on", Date),
        // Expired, or expiring within the ward's warning days (90 unless set).
        col(
            "expiry",
            "CASE WHEN t.expires_on < {today} THEN 'expired'
                  WHEN t.expires_on <= date({today}, '+{rule:expiry_warn_days} days')
                  THEN 'soon' END",
            Code("expiry"),
        ),
        col("issuer", "t.issuer", Text),
        col("acquired_on", "t.acquired_on", Date),
    ],
    ..OF_A_PERSON
};

pub static INTERVIEWS: ViewDef = ViewDef {
    name: "interviews",
    table: "career_interviews",
    from: with_person!("career_interviews t"),
    ordered: Some(ordered!("career_interviews t")),
    columns: &[
        col("held_on", "t.held_on", Date),
        STAFF_NO,
        FULL_NAME,
        col(
            "interviewer",
            "(SELECT family_name || ' ' || given_name FROM staff WHERE id = t.interviewer_id)",
            Text,
        ),
        col("notes", "t.notes", Text),
    ],
    ..OF_A_PERSON
};

pub static ASSIGNMENTS: ViewDef = ViewDef {
    name: "assignments",
    table: "assignments",
    from: with_person!("assignments t JOIN units au ON au.id = t.unit_id"),
    ordered: Some(ordered!(
        "assignments t",
        " CROSS JOIN units au ON au.id = t.unit_id"
    )),
    columns: &[
        STAFF_NO,
        FULL_NAME,
        // The unit as it was called when the post began.
        col(
            "unit",
            crate::store::units::name_on!("t.unit_id", "t.start_date", "au.name"),
            Text,
        ),
        col("position", "t.position", Code("position")),
        col("start_date", "t.start_date", Date),
        col("end_date", "t.end_date", Date),
        col("reason", "t.reason", Code("reason")),
        col("note", "t.note", Text),
        col("kind", "t.kind", Code("assignment_kind")),
    ],
    state: Some(("t.reason", "reason")),
    // Visibility and scope follow the person (`s.unit_id`), not the post they once held.
    ..OF_A_PERSON
};
