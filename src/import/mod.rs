//! Imports: rows of a roster file written into the database all or nothing.
//!
//! A kind reads the columns of its export (so an exported file imports again), under
//! their English names or the Japanese ones of the catalogue. Each row is matched to a
//! stored record by the kind's key (a staff number, a unit code, …): a new key creates a
//! record, a known one updates it when a value differs, and leaves it alone otherwise. A
//! column the file does not have leaves that field as it is. Every row is checked, all
//! problems are collected with their row and column, and the whole file is written in
//! one transaction only when there are none (a dry run never writes).
//!
//! The import sits above the store, beside `sheet`: reading the file, matching its headers
//! in Japanese or English and turning cells into typed values with their row and column
//! is here; the store's side (`store::import`) takes domain records and writes them in
//! one IMMEDIATE transaction with their audit rows. Here: what the parts share (a kind,
//! a row's outcome, the report, the state of one import). `fields` reads a row's cells,
//! `row` has what every kind's row reader shares, `kinds` lists the kinds, `people`,
//! `training` and `records` read their rows, and `run` drives a file through them.

mod exams;
mod fields;
mod kinds;
mod leaves;
mod people;
mod records;
mod round;
mod row;
mod run;
mod training;

use std::collections::HashMap;

use crate::domain::{FieldError, Id, Problem};
use crate::store::Result;
use crate::store::import::{Batch, Saved};

pub use fields::{Fields, enum_code};
pub use kinds::{IMPORT_KINDS, import_kind, import_kind_names};
pub use run::Import;

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
    row: fn(&mut Importer<'_>, &mut Fields<'_>) -> Result<Outcome>,
    /// Work after every row is in (references to rows further down the file).
    finish: Option<fn(&mut Importer<'_>) -> Result<()>>,
}

impl std::fmt::Debug for ImportKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportKind")
            .field("name", &self.name)
            .finish()
    }
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

impl From<Saved> for Outcome {
    fn from(s: Saved) -> Self {
        match s {
            Saved::Created => Outcome::Created,
            Saved::Updated => Outcome::Updated,
            Saved::Unchanged => Outcome::Unchanged,
        }
    }
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
struct Later {
    row: usize,
    column: &'static str,
    id: Id,
    key: String,
}

/// The state of one import: the store's batch it writes through (which keeps the keys
/// looked up across rows), and what to settle at the end.
pub struct Importer<'d> {
    store: Batch<'d>,
    later: Vec<Later>,
    /// People whose posts rows changed, with the row, to follow when every row is in.
    following: Vec<(Id, usize)>,
    /// Keys of the rows refused so far, with their row numbers: a row naming one of them
    /// is told which row it was, not that it names nothing.
    refused: HashMap<String, usize>,
    /// Problems found when settling, by row.
    late_problems: Vec<(usize, FieldError)>,
}

impl<'d> Importer<'d> {
    fn new(store: Batch<'d>) -> Self {
        Importer {
            store,
            later: Vec::new(),
            following: Vec::new(),
            refused: HashMap::new(),
            late_problems: Vec::new(),
        }
    }

    /// What a reference to `key` that matches no stored row is: a refused row of the file,
    /// or nothing at all.
    fn missing(&self, key: &str) -> Problem {
        match self.refused.get(key) {
            Some(&row) => Problem::RowRefused { row },
            None => Problem::Unknown,
        }
    }

    fn late_problem(&mut self, row: usize, field: &'static str, problem: Problem) {
        self.late_problems
            .push((row, FieldError { field, problem }));
    }
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
