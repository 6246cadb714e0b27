//! The transfer round's lists (HR only): plans, and the moves of each beside the
//! person's transfer wish of the year before.

use super::ColKind::*;
use super::{FULL_NAME, STAFF_NO, UNIT, ViewDef, col};

pub static TRANSFER_PLANS: ViewDef = ViewDef {
    name: "transfer_plans",
    table: "transfer_plans",
    from: "transfer_plans t",
    ordered: None,
    unowned: None,
    columns: &[
        col("plan_id", "t.id", Int),
        col("plan_name", "t.name", Text),
        col("effective_on", "t.effective_on", Date),
        col("plan_state", "t.state", Code("plan_state")),
        col(
            "moves",
            "(SELECT count(*) FROM transfer_moves m WHERE m.plan_id = t.id)",
            Int,
        ),
        col("plan_applied_on", "t.applied_on", Date),
    ],
    staff: None,
    unit: None,
    fiscal_year: None,
    state: Some(("t.state", "plan_state")),
    default_sort: 0,
    default_desc: true,
};

pub static TRANSFER_MOVES: ViewDef = ViewDef {
    name: "transfer_moves",
    table: "transfer_moves",
    from: "transfer_moves t JOIN transfer_plans p ON p.id = t.plan_id
           JOIN staff s ON s.id = t.staff_id LEFT JOIN units u ON u.id = s.unit_id
           JOIN units tu ON tu.id = t.to_unit_id
           LEFT JOIN self_reports r ON r.staff_id = t.staff_id AND r.fiscal_year =
               CAST(substr(p.effective_on, 1, 4) AS INTEGER)
               - CASE WHEN substr(p.effective_on, 6, 2) < '04' THEN 2 ELSE 1 END",
    // Where each person goes beside what they wished, first; then the post and plan.
    ordered: Some(
        "staff s CROSS JOIN transfer_moves t ON t.staff_id = s.id
           CROSS JOIN transfer_plans p ON p.id = t.plan_id LEFT JOIN units u ON u.id = s.unit_id
           JOIN units tu ON tu.id = t.to_unit_id
           LEFT JOIN self_reports r ON r.staff_id = t.staff_id AND r.fiscal_year =
               CAST(substr(p.effective_on, 1, 4) AS INTEGER)
               - CASE WHEN substr(p.effective_on, 6, 2) < '04' THEN 2 ELSE 1 END",
    ),
    unowned: None,
    // The mark first: the clerk sees at a glance which moves to fix.
    columns: &[
        col("plan_mark", "{flagged}", Code("plan_mark")),
        STAFF_NO,
        FULL_NAME,
        UNIT,
        col("to_unit_name", "tu.name", Text),
        col("transfer_wish", "r.transfer_wish", Code("transfer_wish")),
        col(
            "wish_unit_1",
            "(SELECT name FROM units WHERE id = r.wish_unit1_id)",
            Text,
        ),
        col("to_position", "t.to_position", Code("position")),
        col("reason", "t.reason", Code("reason")),
        col("plan_id", "t.plan_id", Int),
    ],
    staff: Some("t.staff_id"),
    unit: Some("s.unit_id"),
    fiscal_year: None,
    state: Some(("p.state", "plan_state")),
    default_sort: 1,
    default_desc: false,
};
