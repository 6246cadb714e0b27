//! The registers the HR office keeps besides people's records: the course catalogue, its
//! sessions and the courses each position requires; the OJT logs mentor and mentee
//! write; the incidents register and grievances (HR only); the citizen surveys the
//! sections run; the accounts and the audit log (admins).

use super::ColKind::*;
use super::records::{MENTEE, MENTOR};
use super::{FULL_NAME, STAFF_NO, UNIT, ViewDef, col, name_col};

pub static COURSES: ViewDef = ViewDef {
    name: "courses",
    table: "courses",
    from: "courses t",
    ordered: None,
    unowned: None,
    columns: &[
        col("course_code", "t.code", Text),
        col("title", "t.title", Text),
        col("category", "t.category", Code("course_category")),
        col("hours", "t.hours", Real),
        col("provider", "t.provider", Text),
        col(
            "required_for",
            "(SELECT count(*) FROM course_requirements q WHERE q.course_id = t.id)",
            Int,
        ),
        col("since", "t.since", Date),
        col("until", "t.until", Date),
    ],
    staff: None,
    unit: None,
    fiscal_year: None,
    state: Some(("t.category", "course_category")),
    default_sort: 0,
    default_desc: false,
};

pub static SESSIONS: ViewDef = ViewDef {
    name: "sessions",
    table: "training_sessions",
    from: "training_sessions t JOIN courses c ON c.id = t.course_id",
    ordered: None,
    unowned: None,
    columns: &[
        col("starts_on", "t.starts_on", Date),
        col("ends_on", "t.ends_on", Date),
        col("course_code", "c.code", Text),
        col("title", "c.title", Text),
        col("category", "c.category", Code("course_category")),
        col("place", "t.place", Text),
        col("capacity", "t.capacity", Int),
        col(
            "taken",
            "(SELECT count(*) FROM enrolments e WHERE e.session_id = t.id AND e.state <> 'cancelled')",
            Int,
        ),
    ],
    staff: None,
    unit: None,
    fiscal_year: Some("t.fiscal_year"),
    state: Some(("c.category", "course_category")),
    default_sort: 0,
    default_desc: false,
};

pub static REQUIREMENTS: ViewDef = ViewDef {
    name: "requirements",
    table: "course_requirements",
    from: "course_requirements t JOIN courses c ON c.id = t.course_id",
    ordered: None,
    unowned: None,
    columns: &[
        col("position", "t.position", Code("position")),
        col("course_code", "c.code", Text),
        col("required_when", "t.period", Code("required_period")),
        col("within_months", "t.months", Int),
        col("title", "c.title", Text),
    ],
    staff: None,
    unit: None,
    fiscal_year: None,
    state: Some(("t.position", "position")),
    default_sort: 0,
    default_desc: false,
};

pub static OJT_LOGS: ViewDef = ViewDef {
    name: "ojt_logs",
    table: "ojt_logs",
    from: "ojt_logs t JOIN ojt_pairs p ON p.id = t.pair_id
           JOIN staff s ON s.id = p.mentee_id LEFT JOIN units u ON u.id = s.unit_id
           JOIN staff m ON m.id = p.mentor_id JOIN staff a ON a.id = t.author_id",
    ordered: Some(
        "ojt_logs t CROSS JOIN ojt_pairs p ON p.id = t.pair_id
           JOIN staff s ON s.id = p.mentee_id LEFT JOIN units u ON u.id = s.unit_id
           JOIN staff m ON m.id = p.mentor_id JOIN staff a ON a.id = t.author_id",
    ),
    unowned: None,
    columns: &[
        col("logged_on", "t.logged_on", Date),
        MENTEE,
        MENTOR,
        name_col(
            "author",
            "a.family_name || ' ' || a.given_name",
            "a.family_kana || a.given_kana",
        ),
        col("body", "t.body", Text),
    ],
    // A person in focus finds the logs of the pairs they mentor or are mentored in.
    staff: Some("p.mentee_id"),
    unit: Some("s.unit_id"),
    fiscal_year: Some("p.fiscal_year"),
    state: None,
    default_sort: 0,
    default_desc: true,
};

pub static INCIDENTS: ViewDef = ViewDef {
    name: "incidents",
    table: "incidents",
    from: "incidents t LEFT JOIN staff s ON s.id = t.staff_id LEFT JOIN units u ON u.id = t.unit_id",
    ordered: None,
    unowned: None,
    columns: &[
        col("reported_on", "t.reported_on", Date),
        col("occurred_on", "t.occurred_on", Date),
        col("incident_kind", "t.kind", Code("incident_kind")),
        UNIT,
        col("summary", "t.summary", Text),
        col("incident_status", "t.status", Code("incident_status")),
    ],
    staff: Some("t.staff_id"),
    unit: Some("t.unit_id"),
    fiscal_year: Some(
        "(CAST(substr(t.reported_on, 1, 4) AS INTEGER) - (substr(t.reported_on, 6, 2) < '04'))",
    ),
    state: Some(("t.status", "incident_status")),
    default_sort: 0,
    default_desc: true,
};

/// 苦情相談: the HR office's register of consultations (HR only, like incidents).
pub static CONSULTATIONS: ViewDef = ViewDef {
    name: "consultations",
    table: "grievance_consultations",
    from: "grievance_consultations t JOIN staff s ON s.id = t.staff_id LEFT JOIN units u ON u.id = s.unit_id",
    ordered: None,
    unowned: None,
    columns: &[
        col("consulted_on", "t.consulted_on", Date),
        STAFF_NO,
        FULL_NAME,
        col(
            "counsellor_staff_no",
            "(SELECT family_name || ' ' || given_name FROM staff WHERE id = t.counsellor_id)",
            Text,
        ),
        col("subject", "t.subject", Text),
        col("ending", "t.ending", Code("ending")),
    ],
    staff: Some("t.staff_id"),
    unit: Some("s.unit_id"),
    fiscal_year: Some(
        "(CAST(substr(t.consulted_on, 1, 4) AS INTEGER) - (substr(t.consulted_on, 6, 2) < '04'))",
    ),
    state: Some(("t.ending", "ending")),
    default_sort: 0,
    default_desc: true,
};

/// 苦情処理: the formal complaints made in the year — evaluations their evaluatee
/// appealed after disclosure — with the review board's decision (HR only).
pub static COMPLAINTS: ViewDef = ViewDef {
    name: "complaints",
    table: "evaluations",
    from: "evaluations t JOIN eval_periods p ON p.id = t.period_id JOIN staff s ON s.id = t.staff_id LEFT JOIN units u ON u.id = s.unit_id",
    ordered: None,
    unowned: None,
    columns: &[
        col("response_on", "t.response_on", Date),
        col("kind", "p.kind", Code("eval_kind")),
        STAFF_NO,
        FULL_NAME,
        col("response_note", "t.response_note", Text),
        col("board_decision", "t.board_decision", Code("board_decision")),
        col("board_decided_on", "t.board_decided_on", Date),
    ],
    staff: Some("t.staff_id"),
    unit: Some("s.unit_id"),
    fiscal_year: Some(
        "t.response = 'appealed' AND (CAST(substr(t.response_on, 1, 4) AS INTEGER)
         - (substr(t.response_on, 6, 2) < '04')) = {fy}",
    ),
    state: None,
    default_sort: 0,
    default_desc: true,
};

/// Citizen surveys, newest first, scoped by the section that ran them (as its PDCA
/// cycles are).
pub static SURVEYS: ViewDef = ViewDef {
    name: "surveys",
    table: "surveys",
    from: "surveys t JOIN units u ON u.id = t.unit_id",
    ordered: None,
    unowned: None,
    columns: &[
        col("conducted_on", "t.conducted_on", Date),
        UNIT,
        col("topic", "t.topic", Text),
        col("score", "t.score", Real),
        col("responses", "t.responses", Int),
        col(
            "cited_by",
            "(SELECT count(*) FROM pdca_evidence e WHERE e.survey_id = t.id)",
            Int,
        ),
    ],
    staff: None,
    unit: Some("t.unit_id"),
    fiscal_year: Some(
        "(CAST(substr(t.conducted_on, 1, 4) AS INTEGER) - (substr(t.conducted_on, 6, 2) < '04'))",
    ),
    state: None,
    default_sort: 0,
    default_desc: true,
};

pub static ACCOUNTS: ViewDef = ViewDef {
    name: "accounts",
    table: "accounts",
    from: "accounts t LEFT JOIN staff s ON s.id = t.staff_id LEFT JOIN units u ON u.id = s.unit_id",
    ordered: None,
    unowned: None,
    columns: &[
        col("login", "t.login", Text),
        col("role", "t.role", Code("role")),
        STAFF_NO,
        FULL_NAME,
        UNIT,
        col("active", "CASE t.active WHEN 1 THEN '○' ELSE '' END", Text),
        col("created_on", "t.created_on", Date),
    ],
    staff: Some("t.staff_id"),
    unit: None,
    fiscal_year: None,
    state: Some(("t.role", "role")),
    default_sort: 0,
    default_desc: false,
};

pub static AUDIT: ViewDef = ViewDef {
    name: "audit",
    table: "audit_log",
    // The person of an entry is whoever made it (their account's staff member).
    from: "audit_log t LEFT JOIN accounts a ON a.login = t.actor LEFT JOIN staff s ON s.id = a.staff_id",
    ordered: None,
    unowned: None,
    columns: &[
        col("at", "t.at", Stamp),
        col("actor", "t.actor", Text),
        FULL_NAME,
        col("action", "t.action", Text),
        col("table_name", "t.table_name", Code("table")),
        col("row_id", "t.row_id", Int),
        col("after", "coalesce(t.after, t.before)", Text),
    ],
    staff: Some("a.staff_id"),
    unit: None,
    // One timeline of real stamps, newest first: not cut by the fiscal year in view,
    // which follows the clock (`--today`) and may lie years from the wall clock's.
    fiscal_year: None,
    state: Some(("t.table_name", "table")),
    default_sort: 0,
    default_desc: true,
};

/// The office calendar's closed days of the fiscal year in view: the rules' days computed
/// (never stored) beside the ward's own rows, by `calendar::register_sql`. A row's name is
/// a holiday's code, or the name the ward gave its day.
pub static CALENDAR: ViewDef = ViewDef {
    name: "calendar",
    table: "ward_closed_days",
    from: "{closed_days} t",
    ordered: None,
    unowned: None,
    columns: &[
        col("closed_on", "t.closed_on", Date),
        col(
            "weekday",
            "CASE CAST(strftime('%w', t.closed_on) AS INTEGER) WHEN 0 THEN 'sun' WHEN 1 THEN 'mon'
               WHEN 2 THEN 'tue' WHEN 3 THEN 'wed' WHEN 4 THEN 'thu' WHEN 5 THEN 'fri'
               ELSE 'sat' END",
            Code("weekday"),
        ),
        col("name", "t.name", Named("holiday")),
        col("closed_kind", "t.kind", Code("closed_kind")),
    ],
    staff: None,
    unit: None,
    // The rows are the year's by construction; the condition names the year, so the list
    // is always one year's (a worklist's way).
    fiscal_year: Some("t.fiscal_year = {fy}"),
    state: Some(("t.kind", "closed_kind")),
    default_sort: 0,
    default_desc: false,
};

/// The evaluation periods of the fiscal year (評価期間): each kind and term with its
/// dates, as `jinji eval open-period` opened them.
pub static EVAL_PERIODS: ViewDef = ViewDef {
    name: "eval_periods",
    table: "eval_periods",
    from: "eval_periods t",
    ordered: None,
    unowned: None,
    columns: &[
        col("kind", "t.kind", Code("eval_kind")),
        col("term", "t.term", Code("term")),
        col("start_date", "t.start_date", Date),
        col("end_date", "t.end_date", Date),
        col("base_date", "t.base_date", Date),
    ],
    staff: None,
    unit: None,
    fiscal_year: Some("t.fiscal_year"),
    state: None,
    default_sort: 0,
    default_desc: false,
};
