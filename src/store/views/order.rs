//! Lists in an order no index holds (a year of a city's evaluations by state, posts by
//! unit name): sorted once, off the screen's thread, into the ids in that order; each
//! window then reads just its own rows by id. Without this every page would sort the
//! year again.

use rusqlite::types::Value;

use super::{ViewDef, ViewQuery, ViewRow};
use crate::domain::Id;
use crate::store::machine::list::id_list;
use crate::store::{Db, Result};

impl Db {
    /// Whether a window of the list in its order sorts every row it finds (no index
    /// gives the order): its plan says so.
    pub fn window_sorts(&self, v: &ViewDef, q: &ViewQuery) -> Result<bool> {
        Ok(self
            .window_plan(v, q)?
            .iter()
            .any(|l| l == "USE TEMP B-TREE FOR ORDER BY"))
    }

    /// Every id of the list in its order (ties by id, as the windows have them).
    pub fn view_order(&self, v: &ViewDef, q: &ViewQuery) -> Result<Vec<Id>> {
        let mut params: Vec<Value> = Vec::new();
        let wh = v.where_clause(q, &mut params);
        let sql = self.bind_whole(
            format!(
                "SELECT t.id FROM {} {wh} ORDER BY {}",
                v.from,
                v.order_by(q, false)
            ),
            q,
        )?;
        let mut st = self.conn().prepare(&sql)?;
        let ids = st.query_map(rusqlite::params_from_iter(params), |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// The rows of these ids, in the order given (an id no longer there is left out).
    pub fn view_rows_by_ids(&self, v: &ViewDef, q: &ViewQuery, ids: &[Id]) -> Result<Vec<ViewRow>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let cols: Vec<&str> = v.columns.iter().map(|c| c.expr).collect();
        let sql = self.bind(
            format!(
                "SELECT t.id, {}, {} FROM {} WHERE t.id IN ({})",
                cols.join(", "),
                v.sort_expr(q),
                v.from,
                id_list(ids)
            ),
            q,
        )?;
        let mut st = self.conn().prepare(&sql)?;
        let mut found = std::collections::HashMap::with_capacity(ids.len());
        for row in st.query_map([], |r| ViewRow::read(r, cols.len()))? {
            let row = row?;
            found.insert(row.id, row);
        }
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
    }
}
