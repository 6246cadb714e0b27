//! Spreadsheet files in and out: CSV (UTF-8 or Shift_JIS/CP932) and XLSX. Knows nothing of
//! the database: it turns files into rows of text and rows of cells into files.
//!
//! `read` reads a file into rows of text; `write` picks the sink for a format (CSV and
//! JSON are its own) and `xlsx` is the workbook sink; `report` lays out the printed
//! reports. What every sink shares — the heading, the `RowSink` contract and how a failed
//! write is named — is here, so that `write` and `xlsx` each lean on this file and never
//! on each other's insides.

pub mod read;
pub mod report;
pub mod write;
pub mod xlsx;

use std::path::{Path, PathBuf};

use crate::store::Cell;

pub use read::{Encoding, SheetRow, Table, read_table};

/// What went wrong with a file, named so that a clerk can find it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SheetError {
    #[error("{path}: {reason}")]
    Io { path: PathBuf, reason: String },
    #[error("{path}: the file is empty (no header row)")]
    Empty { path: PathBuf },
    #[error("{path}:{row}: not {encoding} text")]
    Encoding {
        path: PathBuf,
        row: usize,
        encoding: &'static str,
    },
    #[error("{path}: not a readable spreadsheet ({reason})")]
    Unreadable { path: PathBuf, reason: String },
    #[error("{path}:{row}: {reason}")]
    Csv {
        path: PathBuf,
        row: usize,
        reason: String,
    },
    #[error("{path}:{row}:{column}: the cell holds an error ({reason})")]
    CellError {
        path: PathBuf,
        row: usize,
        column: String,
        reason: String,
    },
    #[error("{path}: unknown file type (use .csv, .xlsx or .xlsm)")]
    UnknownType { path: PathBuf },
    /// Only for writing: the text cannot be written in the encoding asked for.
    #[error("{path}: {reason}")]
    Write { path: PathBuf, reason: String },
    /// Only for writing: no room (the disk is full, or the file reached its size limit).
    #[error("{path}: the disk is full")]
    Full { path: PathBuf },
}

/// What a written file needs besides its rows.
pub struct Heading<'a> {
    /// Column titles as shown (English snake_case or Japanese).
    pub titles: Vec<String>,
    /// JSON keys: the stable snake_case names.
    pub keys: Vec<&'a str>,
    /// The sheet's name in a workbook.
    pub sheet: &'a str,
}

/// Where rows go, one at a time.
pub trait RowSink {
    fn row(&mut self, cells: &[Cell]) -> Result<(), SheetError>;
    /// Ends the file; returns how many characters had to be replaced by 〓 (CP932 only).
    fn finish(self: Box<Self>) -> Result<usize, SheetError>;
}

fn werr(path: &Path, e: impl std::fmt::Display) -> SheetError {
    SheetError::Write {
        path: path.into(),
        reason: e.to_string(),
    }
}

/// A failed write to the file: no room said as such (a full disk, a quota, the size
/// limit), anything else with its reason.
fn werr_io(path: &Path, e: std::io::Error) -> SheetError {
    if no_room(&e) {
        SheetError::Full { path: path.into() }
    } else {
        werr(path, e)
    }
}

/// True when a write failed for want of room: a full disk or quota, or a file past the
/// process's size limit (`ulimit -f`).
pub fn no_room(e: &std::io::Error) -> bool {
    use std::io::ErrorKind as K;
    matches!(
        e.kind(),
        K::StorageFull | K::QuotaExceeded | K::FileTooLarge
    )
}
