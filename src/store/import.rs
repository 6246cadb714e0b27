//! Imports: rows of a roster file written into the database all or nothing.
//!
//! A kind reads the columns of its export (so an exported file imports again), under
//! their English names or the Japanese ones of the catalogue. Each row is matched to a
//! stored record by the kind's key (a staff number, a unit code, …): a new key creates a
//! record, a known one updates it when a value differs, and leaves it alone otherwise. A
//! column the file does not have leaves that field as it is. Every row is checked, all
//! problems are collected with their row and column, and the whole file is written in
//! one transaction only when there are none (a dry run never writes).

use std::collections::HashMap;

use super::import_fields::{Layout, layout, parents_first};
use super::{Db, Record, Result, StoreError};
use crate::domain::{FieldError, Id, Invalid, Problem};
use crate::sheet::SheetRow;

pub use super::import_fields::{Fields, enum_code};

pub use super::import_kinds::IMPORT_KINDS;

/// One importable kind: its name, the columns it reads (key columns first), the other
/// spellings of their headers, and how a row becomes a record.
pub struct ImportKind {
    pub name: &'static str,
    pub columns: &'static [&'static str],
    /// Columns a new record cannot do without (the key columns are always required).
    pub required: &'static [&'static str],
    pub key_len: usize,
    /// A column naming another row of the same kind by its key (a unit's parent, a
    /// person's supervisor): rows are written parents first, whatever the file's order.
    pub self_ref: Option<&'static str>,
    /// Header spellings beyond the English name and the catalogues' labels.
    pub aliases: &'static [(&'static str, &'static str)],
    pub(super) row: fn(&mut Importer<'_>, &mut Fields<'_>) -> Result<Outcome>,
    /// Work after every row is in (references to rows further down the file).
    pub(super) finish: Option<fn(&mut Importer<'_>) -> Result<()>>,
}

impl std::fmt::Debug for ImportKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportKind")
            .field("name", &self.name)
            .finish()
    }
}

/// The kind named `name`, if it can be imported.
pub fn import_kind(name: &str) -> Option<&'static ImportKind> {
    IMPORT_KINDS.iter().find(|k| k.name == name)
}

pub fn import_kind_names() -> Vec<&'static str> {
    IMPORT_KINDS.iter().map(|k| k.name).collect()
}

/// What happened to one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Updated,
    Unchanged,
    /// The row had problems (they are in the report).
    Refused,
}

/// A problem with one cell (or, with `column` None, with the file's headers).
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    /// The row in the file (the header row for a missing column).
    pub row: usize,
    /// The column as the file names it, or the field's own name when the file has no such
    /// column.
    pub column: String,
    pub problem: FieldError,
}

/// What an import did (or, in a dry run or when refused, would have done).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub problems: Vec<RowProblem>,
    /// Headers of the file no column of the kind answers to (left out).
    pub ignored_columns: Vec<String>,
    /// True when the rows are in the database (not a dry run, no problems, not cancelled).
    pub written: bool,
    pub cancelled: bool,
}

/// A reference to a row further down the file, settled when every row is in.
pub(super) struct Later {
    pub row: usize,
    pub column: &'static str,
    pub id: Id,
    pub key: String,
}

/// The state of one import: the database, lookups kept across rows, and what to settle
/// at the end.
pub struct Importer<'d> {
    pub(super) db: &'d Db,
    /// Staff numbers and unit/course codes to ids, filled as they are asked for and as
    /// rows create them.
    pub(super) staff_ids: HashMap<String, Id>,
    pub(super) unit_ids: HashMap<String, Id>,
    pub(super) course_ids: HashMap<String, Id>,
    pub(super) later: Vec<Later>,
    /// People whose posts rows changed, with the row, to follow when every row is in.
    pub(super) following: Vec<(Id, usize)>,
    /// Keys of the rows refused so far, with their row numbers: a row naming one of them
    /// is told which row it was, not that it names nothing.
    pub(super) refused: HashMap<String, usize>,
    /// Problems found when settling, by row.
    pub(super) late_problems: Vec<(usize, FieldError)>,
}

impl<'d> Importer<'d> {
    fn new(db: &'d Db) -> Self {
        Importer {
            db,
            staff_ids: HashMap::new(),
            unit_ids: HashMap::new(),
            course_ids: HashMap::new(),
            later: Vec::new(),
            following: Vec::new(),
            refused: HashMap::new(),
            late_problems: Vec::new(),
        }
    }

    pub(super) fn staff_id(&mut self, no: &str) -> Result<Option<Id>> {
        let sql = "SELECT id FROM staff WHERE staff_no = ?1";
        cached_id(self.db, &mut self.staff_ids, sql, no)
    }

    pub(super) fn unit_id(&mut self, code: &str) -> Result<Option<Id>> {
        cached_id(
            self.db,
            &mut self.unit_ids,
            "SELECT id FROM units WHERE code = ?1",
            code,
        )
    }

    pub(super) fn course_id(&mut self, code: &str) -> Result<Option<Id>> {
        let sql = "SELECT id FROM courses WHERE code = ?1";
        cached_id(self.db, &mut self.course_ids, sql, code)
    }

    /// What a reference to `key` that matches no stored row is: a refused row of the file,
    /// or nothing at all.
    pub(super) fn missing(&self, key: &str) -> Problem {
        match self.refused.get(key) {
            Some(&row) => Problem::RowRefused { row },
            None => Problem::Unknown,
        }
    }

    pub(super) fn late_problem(&mut self, row: usize, field: &'static str, problem: Problem) {
        self.late_problems
            .push((row, FieldError { field, problem }));
    }

    /// Writes `new` as a new record, or over `old` when a value differs. Problems of the
    /// record's own rules come back as `Err(Invalid)` for the row.
    pub(super) fn upsert<T: Record + PartialEq>(
        &self,
        mut new: T,
        old: Option<T>,
    ) -> Result<(Outcome, T)> {
        match old {
            None => {
                self.db.insert_as(&mut new, "import")?;
                Ok((Outcome::Created, new))
            }
            Some(old) => {
                new.set_id(old.id());
                new.set_version(old.version());
                if new == old {
                    return Ok((Outcome::Unchanged, new));
                }
                self.db.update_as(&mut new, "import")?;
                Ok((Outcome::Updated, new))
            }
        }
    }
}

/// The id a human key stands for, asked of the database once and then kept.
fn cached_id(db: &Db, cache: &mut HashMap<String, Id>, sql: &str, key: &str) -> Result<Option<Id>> {
    if let Some(id) = cache.get(key) {
        return Ok(Some(*id));
    }
    let mut st = db.conn().prepare_cached(sql)?;
    let mut rows = st.query([key])?;
    let id: Option<Id> = match rows.next()? {
        Some(r) => Some(r.get(0)?),
        None => None,
    };
    if let Some(id) = id {
        cache.insert(key.to_string(), id);
    }
    Ok(id)
}

/// How an import is watched: told of each row done, and asked whether to stop.
pub trait Watch {
    fn row_done(&mut self, done: usize, total: usize);
    fn cancelled(&self) -> bool;
}

/// Watches nothing (tests, scripts).
pub struct Unwatched;

impl Watch for Unwatched {
    fn row_done(&mut self, _: usize, _: usize) {}
    fn cancelled(&self) -> bool {
        false
    }
}

impl Db {
    /// Imports `rows` (under `headers`) as `kind`: every row checked, every problem
    /// reported, and everything written in one transaction only when there is no problem
    /// and this is not a dry run. A cancelled import writes nothing.
    pub fn import(
        &self,
        kind: &'static ImportKind,
        headers: &[String],
        rows: &[SheetRow],
        dry_run: bool,
        watch: &mut dyn Watch,
    ) -> Result<ImportReport> {
        let (layout, ignored) = layout(kind, headers);
        let mut report = ImportReport {
            rows: rows.len(),
            ignored_columns: ignored,
            ..Default::default()
        };
        // Key columns must be in the file; without them no row can be matched.
        let header_row = rows
            .first()
            .map(|r| r.row.saturating_sub(1))
            .unwrap_or(1)
            .max(1);
        for (i, col) in kind.columns.iter().enumerate().take(kind.key_len) {
            if layout.at[i].is_none() {
                report.problems.push(RowProblem {
                    row: header_row,
                    column: col.to_string(),
                    problem: FieldError {
                        field: col,
                        problem: Problem::Required,
                    },
                });
            }
        }
        if !report.problems.is_empty() {
            return Ok(report);
        }
        // A large file touches most pages of its tables and their indexes: a cache that
        // holds them saves reading them again from the OS for every row.
        let cache: i64 = self
            .conn()
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .unwrap_or(-2000);
        if rows.len() > 1000 {
            self.conn().pragma_update(None, "cache_size", -65_536)?;
        }
        let outcome = self.write_then(|| {
            let mut imp = Importer::new(self);
            let mut by_row: Vec<(usize, Vec<FieldError>)> = Vec::new();
            let order = match kind.self_ref {
                Some(col) => parents_first(kind, &layout, rows, col),
                None => (0..rows.len()).collect(),
            };
            for (n, r) in order.into_iter().map(|i| &rows[i]).enumerate() {
                if n.is_multiple_of(64) && watch.cancelled() {
                    report.cancelled = true;
                    return Ok(false);
                }
                let mut f = Fields {
                    kind,
                    layout: &layout,
                    row: r,
                    problems: Vec::new(),
                };
                let outcome = match (kind.row)(&mut imp, &mut f) {
                    Ok(o) => o,
                    Err(StoreError::Invalid(Invalid(errs))) => {
                        f.problems.extend(errs);
                        Outcome::Refused
                    }
                    Err(e) => return Err(e),
                };
                if !f.problems.is_empty() {
                    by_row.push((r.row, std::mem::take(&mut f.problems)));
                } else {
                    match outcome {
                        Outcome::Created => report.created += 1,
                        Outcome::Updated => report.updated += 1,
                        Outcome::Unchanged => report.unchanged += 1,
                        Outcome::Refused => {}
                    }
                }
                watch.row_done(n + 1, rows.len());
            }
            if let Some(finish) = kind.finish {
                finish(&mut imp)?;
            }
            for (row, e) in imp.late_problems.drain(..) {
                by_row.push((row, vec![e]));
            }
            by_row.sort_by_key(|(row, _)| *row);
            for (row, mut errs) in by_row {
                // Left to right, as the row reads in the file.
                errs.sort_by_key(|e| file_column(kind, &layout, e.field));
                for e in errs {
                    report.problems.push(RowProblem {
                        row,
                        column: shown_column(kind, &layout, e.field),
                        problem: e,
                    });
                }
            }
            if watch.cancelled() {
                report.cancelled = true;
                return Ok(false);
            }
            Ok(report.problems.is_empty() && !dry_run)
        });
        let _ = self.conn().pragma_update(None, "cache_size", cache);
        report.written = outcome?;
        if report.written && rows.len() > 1000 {
            // Many rows in: the planner's figures are brought up to date with them.
            self.analyze()?;
        }
        Ok(report)
    }
}

/// Where the column of a problem of `field` is in the file (unknown ones last).
fn file_column(kind: &ImportKind, layout: &Layout, field: &str) -> usize {
    let col = column_of(kind, field);
    kind.columns
        .iter()
        .position(|c| *c == col)
        .and_then(|i| layout.at[i])
        .unwrap_or(usize::MAX)
}

/// The kind's column a field's problem belongs to.
fn column_of<'a>(kind: &ImportKind, field: &'a str) -> &'a str {
    match field {
        "supervisor" => "supervisor_staff_no",
        "session" => "starts_on",
        "id" => kind.columns[0],
        f => f,
    }
}

/// The column a problem of `field` is shown under: the file's header when the field is a
/// column of the kind (or stands for one), else the field's own name.
fn shown_column(kind: &ImportKind, layout: &Layout, field: &'static str) -> String {
    let col = column_of(kind, field);
    kind.columns
        .iter()
        .position(|c| *c == col)
        .map(|i| layout.shown[i].clone())
        .unwrap_or_else(|| field.to_string())
}
