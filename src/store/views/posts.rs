//! 定数・現員: one row per unit and class of the fiscal year in view, with 現員, 欠員 and
//! 過員 as of the day in view and a mark on a unit without its head. `{present}`,
//! `{headless}` and `{asof}` are filled in by `Db::bind` (`store::staffing`, `store::heads`).

use super::ColKind::*;
use super::{ViewDef, col, name_col};

pub static POSTS: ViewDef = ViewDef {
    name: "posts",
    table: "unit_posts",
    from: "unit_posts t JOIN units u ON u.id = t.unit_id",
    ordered: None,
    unowned: None,
    columns: &[
        col("unit_code", "u.code", Text),
        name_col("unit", "u.name", "u.kana"),
        col("class", "t.class", Code("post_class")),
        col("count", "t.count", Int),
        col("present", "{present}", Int),
        col("vacant", "max(t.count - {present}, 0)", Int),
        col("over", "max({present} - t.count, 0)", Int),
        col(
            "head_flag",
            "CASE WHEN {headless} THEN 'missing' END",
            Code("head_flag"),
        ),
    ],
    staff: None,
    unit: Some("t.unit_id"),
    fiscal_year: Some("t.fiscal_year"),
    state: Some(("t.class", "post_class")),
    default_sort: 0,
    default_desc: false,
};
