//! The audit log: one row per write, in the same transaction, with the record before and
//! after as JSON.

use crate::domain::Id;
use crate::store::{Db, Result, now_stamp};

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AuditEntry {
    pub id: Id,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub table_name: String,
    pub row_id: Option<Id>,
    pub before: Option<String>,
    pub after: Option<String>,
}

pub(crate) fn record<T: serde::Serialize>(
    db: &Db,
    action: &str,
    table: &str,
    row_id: Id,
    before: Option<&T>,
    after: Option<&T>,
) -> Result<()> {
    let js = |v: Option<&T>| v.map(|v| serde_json::to_string(v).unwrap_or_default());
    record_json(db, action, table, Some(row_id), js(before), js(after))
}

pub(crate) fn record_json(
    db: &Db,
    action: &str,
    table: &str,
    row_id: Option<Id>,
    before: Option<String>,
    after: Option<String>,
) -> Result<()> {
    db.conn()
        .prepare_cached(
            "INSERT INTO audit_log (at, actor, action, table_name, row_id, before, after)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(rusqlite::params![
            now_stamp(),
            db.actor(),
            action,
            table,
            row_id,
            before,
            after
        ])?;
    Ok(())
}

/// Who changed a row last, and when.
pub(crate) fn last_change(db: &Db, table: &str, id: Id) -> Result<Option<(String, String)>> {
    let mut st = db.conn().prepare_cached(
        "SELECT actor, at FROM audit_log WHERE table_name = ?1 AND row_id = ?2
         ORDER BY id DESC LIMIT 1",
    )?;
    let mut rows = st.query(rusqlite::params![table, id])?;
    Ok(match rows.next()? {
        Some(r) => Some((r.get(0)?, r.get(1)?)),
        None => None,
    })
}

/// A row as people know it, for a message: a person by staff number and name (for a
/// record of one person, that person), a unit or course by code and name; empty for a
/// row named by nothing people know.
pub(crate) fn known_as(db: &Db, table: &str, id: Id) -> String {
    const PERSON: &str = "s.staff_no || ' ' || s.family_name || ' ' || s.given_name";
    let sql = match table {
        "staff" => format!("SELECT {PERSON} FROM staff s WHERE s.id = ?1"),
        "units" => "SELECT code || ' ' || name FROM units WHERE id = ?1".into(),
        "courses" => "SELECT code || ' ' || title FROM courses WHERE id = ?1".into(),
        // A table without a person fails to prepare: named by nothing, then.
        t => format!(
            "SELECT {PERSON} FROM \"{t}\" r JOIN staff s ON s.id = r.staff_id WHERE r.id = ?1"
        ),
    };
    db.conn()
        .query_row(&sql, [id], |r| r.get(0))
        .unwrap_or_default()
}

impl Db {
    /// The newest audit entries first, optionally for one table and row.
    pub fn audit_entries(
        &self,
        table: Option<&str>,
        row_id: Option<Id>,
        limit: usize,
    ) -> Result<Vec<AuditEntry>> {
        let mut st = self.conn().prepare_cached(
            "SELECT id, at, actor, action, table_name, row_id, before, after FROM audit_log
             WHERE (?1 IS NULL OR table_name = ?1) AND (?2 IS NULL OR row_id = ?2)
             ORDER BY id DESC LIMIT ?3",
        )?;
        let rows = st.query_map(rusqlite::params![table, row_id, limit as i64], |r| {
            Ok(AuditEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                action: r.get(3)?,
                table_name: r.get(4)?,
                row_id: r.get(5)?,
                before: r.get(6)?,
                after: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
