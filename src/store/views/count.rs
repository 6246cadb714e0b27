//! Counting a view's rows: the same condition as its rows, over only the tables the
//! condition reads.

use std::borrow::Cow;

use super::{ViewDef, ViewQuery};
use crate::store::{Db, Result};

/// The joins `with_person!` adds to a record's table (its person, and their unit), and
/// the roster's own (the person again as `s`, their unit): each with the join of the
/// person alone.
const PERSON_JOINS: &[(&str, &str)] = &[
    (
        " JOIN staff s ON s.id = t.staff_id LEFT JOIN units u ON u.id = s.unit_id",
        "staff s ON s.id = t.staff_id",
    ),
    (
        " JOIN staff s ON s.id = t.id LEFT JOIN units u ON u.id = t.unit_id",
        "staff s ON s.id = t.id",
    ),
];

/// Whether SQL text names a column of `alias` (`s.` in `s.unit_id`, not in `ts.id`).
fn mentions(sql: &str, alias: &str) -> bool {
    let pat = format!("{alias}.");
    sql.match_indices(&pat).any(|(i, _)| {
        !sql[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

impl ViewDef {
    /// What a count reads: a record's person and their unit only when the condition asks
    /// about them. Every record has its person (a foreign key), so leaving the join out
    /// counts the same rows without reading 100,000 people to do it.
    fn count_from(&self, wh: &str) -> std::borrow::Cow<'static, str> {
        let Some((base, person)) = PERSON_JOINS
            .iter()
            .find_map(|(joins, person)| Some((self.from.strip_suffix(joins)?, person)))
        else {
            return Cow::Borrowed(self.from);
        };
        // `LEFT JOIN staff s` (an account may have no person) keeps every row as well.
        let (base, join) = match base.strip_suffix(" LEFT") {
            Some(b) => (b, "LEFT JOIN"),
            None => (base, "JOIN"),
        };
        match (mentions(wh, "s"), mentions(wh, "u")) {
            (false, false) => Cow::Owned(base.to_string()),
            (_, false) => Cow::Owned(format!("{base} {join} {person}")),
            _ => Cow::Borrowed(self.from),
        }
    }
}

impl Db {
    pub fn view_count(&self, v: &ViewDef, q: &ViewQuery) -> Result<i64> {
        self.count_rows(v, q, None)
    }

    /// The count if it is at most `cap`, else `None`: reads at most `cap + 1` rows, so a
    /// list of 100,000 answers as fast as one of a thousand.
    pub fn view_count_upto(&self, v: &ViewDef, q: &ViewQuery, cap: usize) -> Result<Option<i64>> {
        let n = self.count_rows(v, q, Some(cap + 1))?;
        Ok((n as usize <= cap).then_some(n))
    }

    fn count_rows(&self, v: &ViewDef, q: &ViewQuery, limit: Option<usize>) -> Result<i64> {
        let mut params = Vec::new();
        let wh = v.where_clause(q, &mut params);
        let from = v.count_from(&wh);
        let sql = match limit {
            None => format!("SELECT count(*) FROM {from} {wh}"),
            Some(n) => format!("SELECT count(*) FROM (SELECT 1 FROM {from} {wh} LIMIT {n})"),
        };
        self.count_of(sql, q, params)
    }

    /// Runs a count statement of a list (its placeholders filled in).
    pub(super) fn count_of(
        &self,
        sql: String,
        q: &ViewQuery,
        params: Vec<rusqlite::types::Value>,
    ) -> Result<i64> {
        Ok(self
            .conn()
            .prepare_cached(&self.bind(sql, q)?)?
            .query_row(rusqlite::params_from_iter(params), |r| r.get(0))?)
    }
}
