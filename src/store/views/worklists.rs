//! Worklists: who has not handed in the self-report, who has stayed long in a post, whose
//! compliance is overdue (under the supervisor who is to remind them), who owes a course
//! their position requires. Each names the fiscal year in view (and the day, and a ward
//! rule) through the placeholders `Db::bind` fills in.

use super::ColKind::*;
use super::{FULL_NAME, STAFF_NO, UNIT, ViewDef, col, name_col};
use crate::store::training_rules::{compliance_training_done, owed};

/// The supervisor of the row's person (`s`), by name, sorted by reading.
const SUPERVISOR: super::ViewCol = name_col(
    "supervisor",
    "sup.family_name || ' ' || sup.given_name",
    "sup.family_kana || sup.given_kana",
);

pub static SELF_REPORTS_MISSING: ViewDef = ViewDef {
    name: "self_reports_missing",
    table: "staff",
    from: "staff t JOIN staff s ON s.id = t.id LEFT JOIN units u ON u.id = t.unit_id
           LEFT JOIN staff sup ON sup.id = t.supervisor_id",
    ordered: Some(
        "staff s CROSS JOIN staff t ON t.id = s.id LEFT JOIN units u ON u.id = t.unit_id
           LEFT JOIN staff sup ON sup.id = t.supervisor_id",
    ),
    unowned: None,
    columns: &[
        STAFF_NO,
        FULL_NAME,
        UNIT,
        col("position", "t.position", Code("position")),
        // A draft begun but not handed in, or nothing at all.
        col(
            "report_state",
            "CASE WHEN EXISTS (SELECT 1 FROM self_reports r
                 WHERE r.staff_id = t.id AND r.fiscal_year = {fy}) THEN 'draft' ELSE 'none' END",
            Code("report_state"),
        ),
        SUPERVISOR,
    ],
    staff: Some("t.id"),
    unit: Some("t.unit_id"),
    fiscal_year: Some(
        "t.status <> 'retired' AND NOT EXISTS (SELECT 1 FROM self_reports r
           WHERE r.staff_id = t.id AND r.fiscal_year = {fy} AND r.submitted_on IS NOT NULL)",
    ),
    state: None,
    default_sort: 0,
    default_desc: false,
};

/// Long tenure counted to the next transfer round (1 April after the year in view).
pub static LONG_TENURE: ViewDef = ViewDef {
    name: "long_tenure",
    table: "assignments",
    from: "assignments t JOIN units au ON au.id = t.unit_id
           JOIN staff s ON s.id = t.staff_id LEFT JOIN units u ON u.id = s.unit_id
           LEFT JOIN self_reports r ON r.staff_id = t.staff_id AND r.fiscal_year = {fy}",
    ordered: None,
    unowned: None,
    columns: &[
        STAFF_NO,
        FULL_NAME,
        col("unit", "au.name", Text),
        col("position", "t.position", Code("position")),
        col("start_date", "t.start_date", Date),
        col(
            "years_by_april",
            "({fy} + 1 - CAST(substr(t.start_date, 1, 4) AS INTEGER))
               - (substr(t.start_date, 6, 5) > '04-01')",
            Int,
        ),
        col("transfer_wish", "r.transfer_wish", Code("transfer_wish")),
        col(
            "wish_unit_1",
            "(SELECT name FROM units WHERE id = r.wish_unit1_id)",
            Text,
        ),
        col(
            "in_plan",
            "CASE WHEN EXISTS (SELECT 1 FROM transfer_moves m JOIN transfer_plans p
                 ON p.id = m.plan_id WHERE m.staff_id = t.staff_id AND p.state = 'draft')
             THEN '○' ELSE '' END",
            Text,
        ),
    ],
    staff: Some("t.staff_id"),
    unit: Some("s.unit_id"),
    // Specialists are exempt: depth in one field is what they are for; so are
    // 会計年度任用職員, appointed to their post one year at a time.
    fiscal_year: Some(
        "t.end_date IS NULL AND t.kind = 'main' AND s.status <> 'retired' AND s.track <> 'specialist'
         AND s.employment_kind NOT IN ('fiscal_year_full', 'fiscal_year_part')
         AND t.start_date <= printf('%04d-04-01', {fy} + 1 - {rule:long_tenure_years})",
    ),
    state: None,
    default_sort: 4,
    default_desc: false,
};

/// Overdue compliance, under the supervisor who is to remind each person.
pub static COMPLIANCE_OVERDUE: ViewDef = ViewDef {
    name: "compliance_overdue",
    table: "compliance_records",
    from: "compliance_records t JOIN staff s ON s.id = t.staff_id
           LEFT JOIN units u ON u.id = s.unit_id LEFT JOIN staff sup ON sup.id = s.supervisor_id",
    ordered: Some(
        "staff sup CROSS JOIN staff s ON s.supervisor_id = sup.id
           CROSS JOIN compliance_records t ON t.staff_id = s.id
           LEFT JOIN units u ON u.id = s.unit_id",
    ),
    unowned: Some("s.supervisor_id IS NULL"),
    columns: &[
        SUPERVISOR,
        STAFF_NO,
        FULL_NAME,
        UNIT,
        col("due_on", "t.due_on", Date),
        // A person away on leave is not late: 休業中 in place of the days overdue (sorted
        // by the days all the same).
        super::ViewCol {
            key: "days_overdue",
            expr: "CASE WHEN s.status IN ('leave', 'seconded') THEN 'away'
                  ELSE CAST(julianday({today}) - julianday(t.due_on) AS INTEGER) END",
            kind: Named("on_leave"),
            sort: Some("julianday({today}) - julianday(t.due_on)"),
        },
        col("training_done_on", compliance_training_done!("t"), Date),
        col("self_check_done_on", "t.self_check_done_on", Date),
    ],
    staff: Some("t.staff_id"),
    unit: Some("s.unit_id"),
    fiscal_year: Some(concat!(
        "t.fiscal_year = {fy} AND t.due_on < {today}
         AND (t.self_check_done_on IS NULL OR ",
        compliance_training_done!("t"),
        " IS NULL)"
    )),
    state: None,
    default_sort: 0,
    default_desc: false,
};

/// People at work who owe, in the year in view, a course their position requires (by
/// each requirement's period; see `training_rules`).
pub static REQUIRED_MISSING: ViewDef = ViewDef {
    name: "required_missing",
    table: "staff",
    from: "staff t JOIN staff s ON s.id = t.id LEFT JOIN units u ON u.id = t.unit_id",
    ordered: None,
    unowned: None,
    columns: &[
        STAFF_NO,
        FULL_NAME,
        UNIT,
        col("position", "t.position", Code("position")),
        col(
            "courses_missing",
            concat!("(SELECT group_concat(c.title, '、') ", owed!("t"), ")"),
            Text,
        ),
    ],
    staff: Some("t.id"),
    unit: Some("t.unit_id"),
    fiscal_year: Some(concat!("EXISTS (SELECT 1 ", owed!("t"), ")")),
    state: Some(("t.position", "position")),
    default_sort: 0,
    default_desc: false,
};
