//! 定数・現員: one row per unit and class of the fiscal year in view, with 現員 and its
//! 過不足 against 定数 as of the day in view (the query's `as_of`, else
//! `staffing::day_in_view`) and a mark on a unit without its head. `{present}`, `{fills_join}`, `{headless}` and
//! `{asof}` are filled in by `Db::bind` (`store::staffing`, `store::heads`): a window
//! counts 現員 for its own rows, down the posts' unit index (a page of a city in
//! milliseconds); the whole list sorted by it, off the screen's thread, joins one
//! aggregate of the day's posts instead (one pass, not a count for each of its rows).

use super::ColKind::*;
use super::{ViewDef, col, name_col};

pub static POSTS: ViewDef = ViewDef {
    name: "posts",
    table: "unit_posts",
    from: "unit_posts t JOIN units u ON u.id = t.unit_id {fills_join}",
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
        col("present", "{present}", Int),
        // 過不足 in one column, as a ward's 定数 table has it (△ a shortfall): 欠員 and
        // 過員 apart are the detail's, where a narrow screen keeps every column.
        col("balance", "{present} - t.count", Balance),
    ],
    staff: None,
    unit: Some("t.unit_id"),
    fiscal_year: Some("t.fiscal_year"),
    state: Some(("t.class", "post_class")),
    default_sort: 0,
    default_desc: false,
};
