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
    unowned: None,
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
    staff: Some("t.staff_id"),
    unit: Some("s.unit_id"),
    fiscal_year: Some("t.fiscal_year"),
    state: None,
    default_sort: 0,
    default_desc: false,
};

pub static QUALIFICATIONS: ViewDef = ViewDef {
    name: "qualifications",
    table: "qualifications",
    from: with_person!("qualifications t"),
    ordered: Some(ordered!("qualifications t")),
    unowned: None,
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
    staff: Some("t.staff_id"),
    unit: Some("s.unit_id"),
    fiscal_year: None,
    state: None,
    default_sort: 0,
    default_desc: false,
};

pub static INTERVIEWS: ViewDef = ViewDef {
    name: "interviews",
    table: "career_interviews",
    from: with_person!("career_interviews t"),
    ordered: Some(ordered!("career_interviews t")),
    unowned: None,
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
    staff: Some("t.staff_id"),
    unit: Some("s.unit_id"),
    fiscal_year: None,
    state: None,
    default_sort: 0,
    default_desc: false,
};

pub static EVALUATIONS: ViewDef = ViewDef {
    name: "evaluations",
    table: "evaluations",
    from: with_person!("evaluations t JOIN eval_periods p ON p.id = t.period_id"),
    ordered: Some(ordered!(
        "evaluations t",
        " CROSS JOIN eval_periods p ON p.id = t.period_id"
    )),
    unowned: None,
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
    staff: Some("t.staff_id"),
    unit: Some("s.unit_id"),
    fiscal_year: Some("p.fiscal_year"),
    state: Some(("t.state", "eval_state")),
    default_sort: 1,
    default_desc: false,
};

pub static THEMES: ViewDef = ViewDef {
    name: "themes",
    table: "themes",
    from: with_person!("themes t"),
    ordered: Some(ordered!("themes t")),
    unowned: None,
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
    staff: Some("t.staff_id"),
    unit: Some("s.unit_id"),
    fiscal_year: Some("t.fiscal_year"),
    state: None,
    default_sort: 0,
    default_desc: false,
};

pub static ASSIGNMENTS: ViewDef = ViewDef {
    name: "assignments",
    table: "assignments",
    from: with_person!("assignments t JOIN units au ON au.id = t.unit_id"),
    ordered: Some(ordered!(
        "assignments t",
        " CROSS JOIN units au ON au.id = t.unit_id"
    )),
    unowned: None,
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
    staff: Some("t.staff_id"),
    // Visibility and scope follow the person, not the post they once held.
    unit: Some("s.unit_id"),
    fiscal_year: None,
    state: Some(("t.reason", "reason")),
    default_sort: 0,
    default_desc: false,
};

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
    unowned: None,
    columns: &[
        STAFF_NO,
        FULL_NAME,
        col("title", "c.title", Text),
        col("category", "c.category", Code("course_category")),
        col("starts_on", "ts.starts_on", Date),
        col("state", "t.state", Code("enrolment_state")),
        col("hours", "t.hours", Real),
    ],
    staff: Some("t.staff_id"),
    unit: Some("s.unit_id"),
    fiscal_year: Some("ts.fiscal_year"),
    state: Some(("t.state", "enrolment_state")),
    default_sort: 0,
    default_desc: false,
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
        name_col(
            "mentee_staff_no",
            "s.family_name || ' ' || s.given_name",
            "s.family_kana || s.given_kana",
        ),
        name_col(
            "mentor_staff_no",
            "m.family_name || ' ' || m.given_name",
            "m.family_kana || m.given_kana",
        ),
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

pub static AWARDS: ViewDef = ViewDef {
    name: "awards",
    table: "awards",
    from: "awards t LEFT JOIN units u ON u.id = t.unit_id",
    ordered: None,
    unowned: None,
    columns: &[
        col("kind", "t.kind", Code("award_kind")),
        col("title", "t.title", Text),
        col(
            "recipients",
            "coalesce(nullif(t.group_name, ''), (SELECT group_concat(x.family_name || ' ' || x.given_name, '、') FROM award_recipients r JOIN staff x ON x.id = r.staff_id WHERE r.award_id = t.id))",
            Text,
        ),
        UNIT,
        col("state", "t.state", Code("award_state")),
        col("decided_on", "t.decided_on", Date),
    ],
    staff: Some(
        "(SELECT min(r.staff_id) FROM award_recipients r WHERE r.award_id = t.id AND r.staff_id = ?STAFF)",
    ),
    unit: Some("t.unit_id"),
    fiscal_year: Some("t.fiscal_year"),
    state: Some(("t.state", "award_state")),
    default_sort: 0,
    default_desc: false,
};

pub static COMPLIANCE: ViewDef = ViewDef {
    name: "compliance",
    table: "compliance_records",
    from: with_person!("compliance_records t"),
    ordered: Some(ordered!("compliance_records t")),
    unowned: None,
    columns: &[
        STAFF_NO,
        FULL_NAME,
        UNIT,
        col("due_on", "t.due_on", Date),
        col(
            "training_done_on",
            crate::store::training_rules::compliance_training_done!("t"),
            Date,
        ),
        col("self_check_done_on", "t.self_check_done_on", Date),
    ],
    staff: Some("t.staff_id"),
    unit: Some("s.unit_id"),
    fiscal_year: Some("t.fiscal_year"),
    state: None,
    default_sort: 0,
    default_desc: false,
};

pub static PDCA: ViewDef = ViewDef {
    name: "pdca",
    table: "pdca_cycles",
    from: "pdca_cycles t LEFT JOIN staff s ON s.id = t.owner_staff_id LEFT JOIN units u ON u.id = coalesce(t.owner_unit_id, s.unit_id)",
    ordered: Some(
        "staff s CROSS JOIN pdca_cycles t ON t.owner_staff_id = s.id LEFT JOIN units u ON u.id = s.unit_id",
    ),
    unowned: Some("t.owner_staff_id IS NULL"),
    columns: &[
        STAFF_NO,
        name_col(
            "owner",
            "coalesce(s.family_name || ' ' || s.given_name, u.name)",
            "coalesce(s.family_kana || s.given_kana, u.kana)",
        ),
        col("title", "t.title", Text),
        col("phase", "t.phase", Code("phase")),
        col("progress", "t.progress", Percent),
        col("baseline", "t.baseline", Real),
        col("target", "t.target", Real),
        col("result", "t.result", Real),
    ],
    staff: Some("t.owner_staff_id"),
    unit: Some("u.id"),
    fiscal_year: Some("t.fiscal_year"),
    state: Some(("t.phase", "phase")),
    default_sort: 0,
    default_desc: false,
};
