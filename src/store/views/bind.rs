//! What a view's SQL names and only the store can fill in: the fiscal year, today, the
//! ward's rules, the office calendar, what the reader may see of an evaluation, the day
//! 定数・現員 counts on, and the marks of a plan's moves.

use super::ViewQuery;
use crate::domain::{Date, Id};
use crate::store::heads::headless_sql;
use crate::store::machine::list::id_list;
use crate::store::staffing::{day_in_view, fills_sql, present_sql};
use crate::store::{Db, Result, calendar, disclosure};

impl Db {
    /// Fills in what a worklist's SQL names: `{fy}` the fiscal year in view (today's
    /// when none), `{today}`, `{rule:KEY}` a ward rule's current value,
    /// `{closed_days}` the office calendar's days of the year (`calendar::register_sql`), and
    /// what of an evaluation the reader sees (`store::disclosure`).
    /// All are numbers, codes or ISO dates made here, never text from a user.
    pub(super) fn bind(&self, sql: String, q: &ViewQuery) -> Result<String> {
        if !sql.contains('{') {
            return Ok(sql);
        }
        let today = q.today;
        let fy = q.fiscal_year.unwrap_or(today.fiscal_year());
        // 定数・現員: the day in view, and what is counted on it (`store::staffing`): by
        // the rows of a window for themselves, unless the whole list joins its aggregate
        // (`bind_whole`).
        let sql = if ["{asof}", "{present}", "{headless}", "{fills_join}"]
            .iter()
            .any(|p| sql.contains(p))
        {
            let day = counting_day(q);
            sql.replace("{fills_join}", "")
                .replace("{present}", &present_sql("t.unit_id", "t.class", "{asof}"))
                .replace("{headless}", &headless_sql("u", "{asof}"))
                .replace("{asof}", &format!("'{}'", day.iso()))
        } else {
            sql
        };
        // 異動案の点検: each move's mark, from the check the caller ran (`flagged_sql`).
        let sql = if sql.contains("{flagged}") {
            sql.replace("{flagged}", &flagged_sql(q.flagged.as_deref()))
        } else {
            sql
        };
        let mut out = disclosure::bind(&sql, q.visible.reader())
            .replace("{closed_days}", &calendar::register_sql(fy))
            .replace("{fy}", &fy.to_string())
            .replace("{today}", &format!("'{}'", today.iso()));
        while let Some(i) = out.find("{rule:") {
            let Some(len) = out[i..].find('}') else { break };
            let value = self.rule_value(&out[i + 6..i + len])?;
            out.replace_range(i..=i + len, &value.to_string());
        }
        Ok(out)
    }
}

impl Db {
    /// `bind` for a query over the whole list (its order, made off the screen's thread):
    /// 定数・現員 joins one aggregate of the day's posts rather than counting row by row.
    pub(super) fn bind_whole(&self, sql: String, q: &ViewQuery) -> Result<String> {
        let sql = if sql.contains("{fills_join}") {
            sql.replace(
                "{fills_join}",
                "LEFT JOIN ({fills}) n ON n.unit_id = t.unit_id AND n.class = t.class",
            )
            .replace("{fills}", &fills_sql("{asof}"))
            .replace("{present}", "coalesce(n.present, 0)")
        } else {
            sql
        };
        self.bind(sql, q)
    }
}

/// The day a query of the 定数・現員 view counts on: the day the clerk chose, else the
/// default day of the year in view (`staffing::day_in_view`).
pub fn counting_day(q: &ViewQuery) -> Date {
    q.as_of
        .unwrap_or_else(|| day_in_view(q.today, q.fiscal_year.unwrap_or(q.today.fiscal_year())))
}

// --- The marks of a plan's moves (`{flagged}`): the check is run by the caller, off the
// screen's thread, and its result bound in here, never run while a list is read.

/// The moves (by `transfer_moves.id`) whose plan's check found a problem in them: an
/// error, or only warnings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Flagged {
    pub errors: Vec<Id>,
    pub warnings: Vec<Id>,
}

/// SQL: the mark of the move `t.id` (`error`, `warning`, else NULL); NULL for every move
/// until a check has run.
fn flagged_sql(f: Option<&Flagged>) -> String {
    let arms: String = f
        .into_iter()
        .flat_map(|f| [(&f.errors, "error"), (&f.warnings, "warning")])
        .filter(|(ids, _)| !ids.is_empty())
        .map(|(ids, mark)| format!(" WHEN t.id IN ({}) THEN '{mark}'", id_list(ids)))
        .collect();
    if arms.is_empty() {
        "NULL".into()
    } else {
        format!("(CASE{arms} END)")
    }
}
