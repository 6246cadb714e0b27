//! Spreadsheet files in and out: CSV (UTF-8 or Shift_JIS/CP932) and XLSX. Knows nothing of
//! the database: it turns files into rows of text and rows of cells into files.

pub mod read;
pub mod report;
pub mod write;
pub mod xlsx;

use std::path::PathBuf;

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
