//! A window of a list: the rows `offset..offset+limit` in the list's order, read down an
//! index in that order where one holds it (`ViewDef::ordered`), from the list's end for
//! its second half, and the rows left out of the index's order after the others.

use rusqlite::types::Value;

use super::{ViewDef, ViewQuery, ViewRow};
use crate::store::{Db, Result};

/// Which rows of a view a window reads (see `ViewDef::ordered`).
#[derive(Clone, Copy)]
enum Part {
    Whole,
    /// The rows `ordered` reads, in the order of its outer table's index.
    Ordered,
    /// The rows it leaves out (the condition saying so).
    Unowned(&'static str),
}

impl Part {
    /// The whole view, or its rows read in their order.
    fn of(v: &ViewDef, q: &ViewQuery) -> Part {
        if v.in_order(q) {
            Part::Ordered
        } else {
            Part::Whole
        }
    }

    fn sql_parts(
        self,
        v: &ViewDef,
        q: &ViewQuery,
        params: &mut Vec<Value>,
    ) -> (&'static str, String) {
        let wh = v.where_clause(q, params);
        match self {
            Part::Whole => (v.from, wh),
            Part::Ordered => (v.ordered.unwrap_or(v.from), wh),
            Part::Unowned(c) => (v.from, and_where(wh, c)),
        }
    }
}

/// A WHERE clause (or none) with one more condition.
fn and_where(wh: String, cond: &str) -> String {
    if wh.is_empty() {
        format!("WHERE {cond}")
    } else {
        format!("{wh} AND {cond}")
    }
}

impl ViewDef {
    /// The ORDER BY of the list (ties by id), or its reverse (nulls then come first and
    /// ties go the other way, so that rows read from the end are the forward ones).
    pub(super) fn order_by(&self, q: &ViewQuery, reversed: bool) -> String {
        let sort = self.sort_expr(q);
        let (dir, nulls) = match (q.desc != reversed, reversed) {
            (true, false) => ("DESC", "LAST"),
            (false, false) => ("ASC", "LAST"),
            (true, true) => ("DESC", "FIRST"),
            (false, true) => ("ASC", "FIRST"),
        };
        format!("{sort} {dir} NULLS {nulls}, t.id {dir}")
    }

    /// What the list is sorted by.
    pub(super) fn sort_expr(&self, q: &ViewQuery) -> &'static str {
        let c = self
            .columns
            .get(q.sort)
            .unwrap_or(&self.columns[self.default_sort]);
        c.sort.unwrap_or(c.expr)
    }

    /// What a window selects: the id, each column, the sort key.
    fn select_list(&self, q: &ViewQuery) -> String {
        let cols: Vec<&str> = self.columns.iter().map(|c| c.expr).collect();
        format!("t.id, {}, {}", cols.join(", "), self.sort_expr(q))
    }

    /// Sorted by a column of `ordered`'s outer table over everyone, a window is read down
    /// that table's index. Narrowed to a person, search results or what a supervisor sees,
    /// the few rows are found through their own indexes and sorted.
    fn in_order(&self, q: &ViewQuery) -> bool {
        let lead = self.ordered.and_then(|f| f.split_whitespace().nth(1));
        lead.is_some_and(|a| self.sort_expr(q).starts_with(&format!("{a}.")))
            && q.staff.is_none()
            && q.people.is_none()
            && q.visible.is_all()
    }
}

impl Db {
    /// Rows `offset..offset+limit` in the order asked for (ties broken by id).
    pub fn view_rows(
        &self,
        v: &ViewDef,
        q: &ViewQuery,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<ViewRow>> {
        self.view_window(v, q, offset, limit, false)
    }

    /// The same rows as `view_rows(offset, limit)` for a list of `total` rows, read from
    /// its end: the last rows of 100,000 without stepping over the first 99,970.
    pub fn view_rows_near_end(
        &self,
        v: &ViewDef,
        q: &ViewQuery,
        total: usize,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<ViewRow>> {
        let end = (offset + limit).min(total);
        let mut rows = self.view_window(v, q, total - end, end.saturating_sub(offset), true)?;
        rows.reverse();
        Ok(rows)
    }

    /// A window of the view in its order, or in the reverse of it (nulls then come first,
    /// ties broken by id the other way), so that reversed rows read as the forward ones.
    fn view_window(
        &self,
        v: &ViewDef,
        q: &ViewQuery,
        offset: usize,
        limit: usize,
        from_end: bool,
    ) -> Result<Vec<ViewRow>> {
        let Some(unowned) = v.unowned.filter(|_| v.in_order(q)) else {
            let part = Part::of(v, q);
            return self.window_part(v, q, offset, limit, from_end, part);
        };
        // People's rows, then those without a person (their sort key is null: last, or
        // first when read from the end).
        let (first, second) = if from_end {
            (Part::Unowned(unowned), Part::Ordered)
        } else {
            (Part::Ordered, Part::Unowned(unowned))
        };
        let mut rows = self.window_part(v, q, offset, limit, from_end, first)?;
        if rows.len() < limit {
            // Where the first part ends: just past its last row, or counted when the
            // window starts beyond it.
            let first_len = if rows.is_empty() && offset > 0 {
                let mut params = Vec::new();
                let (from, wh) = first.sql_parts(v, q, &mut params);
                let n = self.count_of(format!("SELECT count(*) FROM {from} {wh}"), q, params)?;
                n as usize
            } else {
                offset + rows.len()
            };
            let skip = (offset + rows.len()).saturating_sub(first_len);
            let more = self.window_part(v, q, skip, limit - rows.len(), from_end, second)?;
            rows.extend(more);
        }
        Ok(rows)
    }

    fn window_part(
        &self,
        v: &ViewDef,
        q: &ViewQuery,
        offset: usize,
        limit: usize,
        from_end: bool,
        part: Part,
    ) -> Result<Vec<ViewRow>> {
        let (sql, params) = self.window_sql(v, q, offset, limit, from_end, part)?;
        self.read_window(v, &sql, params)
    }

    /// The rows a window statement selects (`ViewDef::select_list`).
    fn read_window(&self, v: &ViewDef, sql: &str, params: Vec<Value>) -> Result<Vec<ViewRow>> {
        let mut st = self.conn().prepare_cached(sql)?;
        let width = v.columns.len();
        let rows = st.query_map(rusqlite::params_from_iter(params), |r| {
            ViewRow::read(r, width)
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The statement of a window and its arguments.
    fn window_sql(
        &self,
        v: &ViewDef,
        q: &ViewQuery,
        offset: usize,
        limit: usize,
        from_end: bool,
        part: Part,
    ) -> Result<(String, Vec<Value>)> {
        let mut params = Vec::new();
        let (from, wh) = part.sql_parts(v, q, &mut params);
        let sql = self.bind(
            format!(
                "SELECT {} FROM {from} {wh} ORDER BY {} LIMIT {limit} OFFSET {offset}",
                v.select_list(q),
                v.order_by(q, from_end)
            ),
            q,
        )?;
        Ok((sql, params))
    }

    /// The `n` rows just after `anchor` in the list's order, or just before it
    /// (`backward`; still in the list's order): read down the index from the anchor's
    /// sort key (keyset paging) instead of stepping over every row before the window.
    /// None when that cannot be done: the anchor's key is empty (those rows sort last and
    /// compare with nothing) or fewer than `n` rows lie that way before an empty key or
    /// the list's end. The caller then reads the window by its position.
    pub fn view_rows_next(
        &self,
        v: &ViewDef,
        q: &ViewQuery,
        anchor: &ViewRow,
        n: usize,
        backward: bool,
    ) -> Result<Option<Vec<ViewRow>>> {
        if n == 0 {
            return Ok(Some(Vec::new()));
        }
        if anchor.key == Value::Null {
            return Ok(None);
        }
        let (sql, params) = self.next_sql(v, q, anchor, n, backward)?;
        let mut rows = self.read_window(v, &sql, params)?;
        if rows.len() < n {
            return Ok(None);
        }
        if backward {
            rows.reverse();
        }
        Ok(Some(rows))
    }

    /// The statement of the rows after (or before) an anchor, and its arguments.
    fn next_sql(
        &self,
        v: &ViewDef,
        q: &ViewQuery,
        anchor: &ViewRow,
        n: usize,
        backward: bool,
    ) -> Result<(String, Vec<Value>)> {
        let mut params = Vec::new();
        let (from, wh) = Part::of(v, q).sql_parts(v, q, &mut params);
        params.push(anchor.key.clone());
        params.push(Value::Integer(anchor.id));
        let (k, i) = (params.len() - 1, params.len());
        // Read in the list's direction, or against it for the rows before the anchor.
        let op = if q.desc != backward { "<" } else { ">" };
        let key = v.sort_expr(q);
        // The first comparison alone is what seeks the index; the second drops the
        // anchor and the rows tied with it that come before it.
        let after = format!("{key} {op}= ?{k} AND ({key} {op} ?{k} OR t.id {op} ?{i})");
        let wh = and_where(wh, &after);
        let sql = self.bind(
            format!(
                "SELECT {} FROM {from} {wh} ORDER BY {} LIMIT {n}",
                v.select_list(q),
                v.order_by(q, backward)
            ),
            q,
        )?;
        Ok((sql, params))
    }

    /// `EXPLAIN QUERY PLAN` of the window after an anchor (for the tests that hold each
    /// list's paging to its index).
    pub fn next_plan(&self, v: &ViewDef, q: &ViewQuery, anchor: &ViewRow) -> Result<Vec<String>> {
        let (sql, params) = self.next_sql(v, q, anchor, 40, false)?;
        self.query_plan(&sql, rusqlite::params_from_iter(params))
    }

    /// `EXPLAIN QUERY PLAN` of a list's first window (for the tests that hold each list
    /// to its indexes).
    pub fn window_plan(&self, v: &ViewDef, q: &ViewQuery) -> Result<Vec<String>> {
        let part = Part::of(v, q);
        let (sql, params) = self.window_sql(v, q, 0, 40, false, part)?;
        self.query_plan(&sql, rusqlite::params_from_iter(params))
    }
}
