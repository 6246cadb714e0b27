//! Exports: every kind as rows of text cells under stable snake_case headers.
//!
//! Each kind is one SQL query whose columns are its headers, in order. Foreign keys come
//! out as human keys (staff_no, unit_code, course_code), never internal ids, except where
//! the id is itself the key (award, incident, PDCA cycle, audit row). Every query ends
//! in an ORDER BY that is total (it ends in a unique column), so two exports of the same
//! data are the same bytes. Rows are streamed: nothing holds a whole table.
//!
//! An export shows what the account may see (DESIGN "Who sees what"): each kind says
//! whose its rows are ([`Access`]), and a row none of whose owners is visible is simply
//! not in the file. Reference data (units, courses, sessions, surveys) is whole.

use std::borrow::Cow;

use rusqlite::types::ValueRef;

use super::scope::Visibility;
use super::{Db, Result, StoreError};

/// One exported value. Text stays text (a staff number "00123" is never a number).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Cell {
    /// The cell as CSV text: `Null` is empty, a whole `Real` has no ".0" (8.0 → "8").
    pub fn as_text(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Int(i) => i.to_string(),
            // Display of f64 writes the shortest form that reads back: 7.5, 8, 0.1.
            Cell::Real(f) => f.to_string(),
            Cell::Text(s) => s.clone(),
        }
    }

    fn from_sql(v: ValueRef<'_>) -> Cell {
        match v {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(i) => Cell::Int(i),
            ValueRef::Real(f) => Cell::Real(f),
            ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
            // STRICT tables hold no blobs; should one appear, it is not exportable text.
            ValueRef::Blob(_) => Cell::Null,
        }
    }
}

/// A SQLite value as a cell (shared with the screens' views).
pub(crate) fn cell_of(v: ValueRef<'_>) -> Cell {
    Cell::from_sql(v)
}

/// Where an owned kind's query takes the visibility condition: `WHERE ?SCOPE`, after its
/// joins and before its ORDER BY.
const SCOPE: &str = "?SCOPE";

/// One owner of a row: a person (their id and the unit they belong to) or a unit, as SQL
/// expressions over the kind's query.
#[derive(Debug, Clone, Copy)]
pub struct Owner {
    person: Option<&'static str>,
    unit: Option<&'static str>,
}

/// A person owns the row: `id` is their staff id, `unit` their current unit. They are
/// visible when listed among the account's people or in one of its units.
pub(super) const fn person(id: &'static str, unit: &'static str) -> Owner {
    Owner {
        person: Some(id),
        unit: Some(unit),
    }
}

/// A unit owns the row (a unit's PDCA cycle, a unit's award).
pub(super) const fn unit(col: &'static str) -> Owner {
    Owner {
        person: None,
        unit: Some(col),
    }
}

/// Who may have a kind's rows.
#[derive(Debug, Clone, Copy)]
pub enum Access {
    /// Reference data, whole for every account: units, courses, sessions, surveys.
    Whole,
    /// Personal rows: a row is in the file when any of its owners is visible. The query
    /// holds `WHERE ?SCOPE` where the condition goes.
    Owned(&'static [Owner]),
    /// The HR office's own register (incidents): admin and hr only.
    Hr,
    /// Admin only: accounts and the audit log.
    Admin,
}

/// One exportable kind: its name on the command line, its headers, its query, and who
/// may have its rows.
pub struct ExportKind {
    pub name: &'static str,
    pub headers: &'static [&'static str],
    pub access: Access,
    pub(super) sql: &'static str,
}

impl ExportKind {
    /// The query for what `visible` may see; `None` when nothing of this kind is.
    fn sql_for(&self, visible: &Visibility) -> Option<Cow<'static, str>> {
        match (self.access, visible) {
            (Access::Whole, _) => Some(Cow::Borrowed(self.sql)),
            (Access::Hr | Access::Admin, Visibility::All) => Some(Cow::Borrowed(self.sql)),
            (Access::Hr | Access::Admin, Visibility::Some { .. }) => None,
            (Access::Owned(owners), _) => {
                let cond = owned_condition(owners, visible);
                Some(Cow::Owned(self.sql.replacen(SCOPE, &cond, 1)))
            }
        }
    }
}

/// The condition that a row with `owners` is visible: "1" when everything is, else
/// the owners' conditions joined by OR (each unit by `IN (ids)`, each person by
/// `IN (ids)` or their unit's), "0" when none can be.
fn owned_condition(owners: &[Owner], visible: &Visibility) -> String {
    if visible.is_all() {
        return "1".into();
    }
    let parts: Vec<String> = owners
        .iter()
        .filter_map(|o| {
            let people_in = o
                .person
                .map(|col| move |list: &str| format!("{col} IN ({list})"));
            let people_in = people_in.as_ref().map(|f| f as &dyn Fn(&str) -> String);
            visible.condition(o.unit, people_in)
        })
        .filter(|c| c != "0")
        .collect();
    if parts.is_empty() {
        "0".into()
    } else {
        format!("({})", parts.join(" OR "))
    }
}

impl std::fmt::Debug for ExportKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportKind")
            .field("name", &self.name)
            .finish()
    }
}

pub use super::export_kinds::KINDS;

/// The kind named `name` (as typed on the command line), if there is one.
pub fn kind(name: &str) -> Option<&'static ExportKind> {
    KINDS.iter().find(|k| k.name == name)
}

/// Every kind's name, in `KINDS` order (for usage messages).
pub fn kind_names() -> Vec<&'static str> {
    KINDS.iter().map(|k| k.name).collect()
}

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
        mut each: impl FnMut(&[Cell]) -> Result<()>,
    ) -> Result<()> {
        let Some(sql) = kind.sql_for(visible) else {
            return Ok(());
        };
        let sql = super::disclosure::bind(&sql, visible.reader());
        let mut st = self.conn().prepare_cached(&sql)?;
        let n = st.column_count();
        if n != kind.headers.len() {
            return Err(StoreError::Sql(format!(
                "export {}: query gives {n} columns for {} headers",
                kind.name,
                kind.headers.len()
            )));
        }
        let mut rows = st.query([])?;
        let mut cells = Vec::with_capacity(n);
        while let Some(r) = rows.next()? {
            cells.clear();
            for i in 0..n {
                cells.push(Cell::from_sql(r.get_ref(i)?));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_kinds_take_the_condition_once_and_the_others_never() {
        for k in KINDS {
            let n = k.sql.matches(SCOPE).count();
            match k.access {
                Access::Owned(owners) => {
                    assert_eq!(n, 1, "{}: one `WHERE ?SCOPE`", k.name);
                    assert!(k.sql.contains("WHERE ?SCOPE\n"), "{}", k.name);
                    assert!(!owners.is_empty(), "{}", k.name);
                }
                _ => assert_eq!(n, 0, "{}", k.name),
            }
        }
    }

    #[test]
    fn the_condition_lists_units_and_people() {
        let owners = [person("s.id", "s.unit_id"), unit("p.owner_unit_id")];
        assert_eq!(owned_condition(&owners, &Visibility::All), "1");
        let v = Visibility::Some {
            units: vec![3, 4],
            people: vec![9],
            me: None,
        };
        assert_eq!(
            owned_condition(&owners, &v),
            "((s.unit_id IN (3,4) OR s.id IN (9)) OR (p.owner_unit_id IN (3,4)))"
        );
        let me = Visibility::Some {
            units: vec![],
            people: vec![9],
            me: None,
        };
        assert_eq!(owned_condition(&owners, &me), "((s.id IN (9)))");
        let none = Visibility::Some {
            units: vec![],
            people: vec![],
            me: None,
        };
        assert_eq!(owned_condition(&owners, &none), "0");
    }
}
