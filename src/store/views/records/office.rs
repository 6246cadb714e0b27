//! The ward's registers of its own conduct and improvement: awards (表彰), each
//! person's compliance record, and the PDCA cycles of people and sections.

use super::OF_A_PERSON;
use crate::store::views::ColKind::*;
use crate::store::views::{FULL_NAME, STAFF_NO, UNIT, ViewDef, col, name_col};

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
    fiscal_year: Some("t.fiscal_year"),
    ..OF_A_PERSON
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
