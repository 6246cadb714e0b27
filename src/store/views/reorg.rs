//! Reorganisations' lists (HR only): the plans, and the steps of each in order.

use super::ColKind::*;
use super::{ViewDef, col};

pub static REORG_PLANS: ViewDef = ViewDef {
    name: "reorg_plans",
    table: "reorg_plans",
    from: "reorg_plans t",
    ordered: None,
    unowned: None,
    columns: &[
        col("plan_id", "t.id", Int),
        col("reorg_name", "t.name", Text),
        col("reorg_effective_on", "t.effective_on", Date),
        col("plan_state", "t.state", Code("reorg_state")),
        col(
            "steps",
            "(SELECT count(*) FROM reorg_steps x WHERE x.plan_id = t.id)",
            Int,
        ),
        col("reorg_applied_on", "t.applied_on", Date),
    ],
    staff: None,
    unit: None,
    fiscal_year: None,
    state: Some(("t.state", "reorg_state")),
    default_sort: 0,
    default_desc: true,
};

pub static REORG_STEPS: ViewDef = ViewDef {
    name: "reorg_steps",
    table: "reorg_steps",
    from: "reorg_steps t JOIN reorg_plans p ON p.id = t.plan_id
           LEFT JOIN staff s ON s.id = t.staff_id",
    ordered: None,
    unowned: None,
    columns: &[
        col("plan_id", "t.plan_id", Int),
        col("seq", "t.seq", Int),
        col("step_kind", "t.kind", Code("reorg_step")),
        col("unit_code", "t.unit_code", Text),
        // The unit as it is called today (a unit the plan creates: the name it is given).
        col(
            "unit",
            "coalesce((SELECT x.name FROM units x WHERE x.code = t.unit_code), t.name)",
            Text,
        ),
        col("new_name", "t.name", Text),
        col("parent_code", "t.parent_code", Text),
        col("other_code", "t.other_code", Text),
        col("staff_no", "s.staff_no", Text),
        col("plan_state", "p.state", Code("reorg_state")),
    ],
    staff: None,
    unit: None,
    fiscal_year: None,
    state: Some(("p.state", "reorg_state")),
    default_sort: 0,
    default_desc: true,
};
