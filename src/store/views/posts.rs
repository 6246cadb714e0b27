//! 定数・現員: one row per unit and class of the fiscal year in view, with 現員, 欠員 and
//! 過員 as of the day in view (the query's `as_of`, else `staffing::day_in_view`) and a
//! mark on a unit without its head. `{fills}`, `{headless}` and `{asof}` are filled in by
//! `Db::bind` (`store::staffing`, `store::heads`): 現員 comes from one aggregate of the
//! day's posts joined to the rows, so any sort and any page cost one pass.

use super::ColKind::*;
use super::{ViewDef, col, name_col};

pub static POSTS: ViewDef = ViewDef {
    name: "posts",
    table: "unit_posts",
    from: "unit_posts t JOIN units u ON u.id = t.unit_id
           LEFT JOIN ({fills}) n ON n.unit_id = t.unit_id AND n.class = t.class",
    ordered: None,
    unowned: None,
    columns: &[
        // A short heading: the codes are six digits, and the head mark needs the room.
        col("code", "u.code", Text),
        name_col("unit", "u.name", "u.kana"),
        // Beside the unit it marks: on a narrow screen the rightmost columns give way.
        col(
            "head_flag",
            "CASE WHEN {headless} THEN 'missing' END",
            Code("head_flag"),
        ),
        col("class", "t.class", Code("post_class")),
        col("count", "t.count", Int),
        col("present", "coalesce(n.present, 0)", Int),
        col("vacant", "max(t.count - coalesce(n.present, 0), 0)", Int),
        col("over", "max(coalesce(n.present, 0) - t.count, 0)", Int),
    ],
    staff: None,
    unit: Some("t.unit_id"),
    fiscal_year: Some("t.fiscal_year"),
    state: Some(("t.class", "post_class")),
    default_sort: 0,
    default_desc: false,
};
