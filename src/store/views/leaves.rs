//! The 休職・休業 list: every leave with its person, open leaves first, filtered (`f`) to
//! those in effect today (現在休業中), still to come, or ended.

use super::ColKind::*;
use super::{FULL_NAME, STAFF_NO, UNIT, ViewDef, col};

/// Where a leave stands on the day in view: in effect, to come, or ended.
const LEAVE_STATE: &str = "CASE WHEN t.start_date > {today} THEN 'upcoming'
      WHEN t.end_date IS NULL OR t.end_date >= {today} THEN 'current' ELSE 'ended' END";

pub static LEAVES: ViewDef = ViewDef {
    name: "leaves",
    table: "leaves",
    from: "leaves t JOIN staff s ON s.id = t.staff_id LEFT JOIN units u ON u.id = s.unit_id",
    ordered: Some(
        "staff s CROSS JOIN leaves t ON t.staff_id = s.id LEFT JOIN units u ON u.id = s.unit_id",
    ),
    unowned: None,
    columns: &[
        STAFF_NO,
        FULL_NAME,
        UNIT,
        col("leave_kind", "t.kind", Code("leave_kind")),
        col("start_date", "t.start_date", Date),
        // An open leave's end sorts after every date: open leaves first, newest first.
        col("end_date", "t.end_date", Date),
        col("leave_state", LEAVE_STATE, Code("leave_state")),
        col("note", "t.note", Text),
    ],
    staff: Some("t.staff_id"),
    unit: Some("s.unit_id"),
    fiscal_year: None,
    state: Some((LEAVE_STATE, "leave_state")),
    default_sort: 4,
    default_desc: true,
};
