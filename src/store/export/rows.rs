//! Reading an export kind's rows out of the database, cut down to what the reader may see.

use super::ExportKind;
use crate::domain::Date;
use crate::store::machine::cell::cell_of;
use crate::store::scope::Visibility;
use crate::store::{Cell, Db, Result, StoreError};

impl Db {
    /// Streams the rows of one kind that `visible` may see (no whole-table Vec: 100,000
    /// staff must export in constant memory), calling `each` per row with cells in header
    /// order. An error from `each` stops the export and is returned. Rows out of scope
    /// are not read at all; an admin-only or HR-only kind gives no rows to a narrower
    /// visibility (the command line refuses such a request before it gets here).
    pub fn export_rows(
        &self,
        kind: &ExportKind,
        visible: &Visibility,
        each: impl FnMut(&[Cell]) -> Result<()>,
    ) -> Result<()> {
        self.export_rows_on(kind, visible, None, each)
    }

    /// `export_rows` of a kind as it was on `day` (a query that reads `:day`).
    pub fn export_rows_on(
        &self,
        kind: &ExportKind,
        visible: &Visibility,
        day: Option<Date>,
        mut each: impl FnMut(&[Cell]) -> Result<()>,
    ) -> Result<()> {
        let Some(sql) = kind.sql_for(visible) else {
            return Ok(());
        };
        let sql = crate::store::disclosure::bind(&sql, visible.reader());
        let mut st = self.conn().prepare_cached(&sql)?;
        let n = st.column_count();
        if n != kind.headers.len() {
            return Err(StoreError::Sql(format!(
                "export {}: query gives {n} columns for {} headers",
                kind.name,
                kind.headers.len()
            )));
        }
        let mut rows = match day {
            Some(d) => st.query(rusqlite::named_params! {":day": d.iso()})?,
            None => st.query([])?,
        };
        let mut cells = Vec::with_capacity(n);
        while let Some(r) = rows.next()? {
            cells.clear();
            for i in 0..n {
                cells.push(cell_of(r.get_ref(i)?));
            }
            each(&cells)?;
        }
        Ok(())
    }

    /// Every row of one kind, whatever anyone may see (backups of a kind, tests).
    pub fn export_all(
        &self,
        kind: &ExportKind,
        each: impl FnMut(&[Cell]) -> Result<()>,
    ) -> Result<()> {
        self.export_rows(kind, &Visibility::All, each)
    }
}
