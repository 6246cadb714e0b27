//! What can go wrong in the store, said so that a clerk can act on it: a refused value by
//! field, a conflict, a busy or full or damaged file (named once the file is known).

use std::path::{Path, PathBuf};

use super::files;
use crate::domain::Invalid;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Invalid(#[from] Invalid),
    #[error("{table} #{id} was changed by {by} at {at}; reload before saving")]
    Conflict {
        table: &'static str,
        id: i64,
        /// The row as people know it (`0200004 山田 花子`), or empty.
        known_as: String,
        by: String,
        at: String,
    },
    #[error("{table} #{id} not found")]
    NotFound { table: &'static str, id: i64 },
    #[error("the database is busy (another user is writing); try again")]
    Busy,
    /// No room to write: the disk is full, or the file reached the process's size limit
    /// (`ulimit -f`). The path is the file being written, once known.
    #[error("{path}: the disk is full; nothing was written")]
    DiskFull { path: PathBuf },
    #[error("{path}: not a jinji database (not SQLite, or damaged)")]
    NotADatabase { path: PathBuf },
    #[error("{path}: the database is damaged; nothing more is written to it")]
    Damaged { path: PathBuf },
    #[error(
        "{path}: made by a newer jinji (schema {found}, this program knows {known}); update jinji"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{path}: empty file, not a jinji database yet (create one with `jinji init`)")]
    Empty { path: PathBuf },
    #[error("{path}: {reason}")]
    Io { path: PathBuf, reason: String },
    #[error("{path}: the database is read-only here")]
    ReadOnly { path: PathBuf },
    #[error("permission denied: {0}")]
    Denied(String),
    #[error("database error: {0}")]
    Sql(String),
    #[error("cancelled; nothing was written")]
    Cancelled,
    /// A transfer plan its check refuses: errors, or warnings nobody accepted (errors
    /// first).
    #[error("the plan has {} problems", .0.len())]
    PlanProblems(Vec<crate::domain::plan_check::PlanProblem>),
}

impl StoreError {
    /// Bad input (exit 2) as opposed to a failure of the system (exit 1).
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            StoreError::Invalid(_)
                | StoreError::Conflict { .. }
                | StoreError::NotFound { .. }
                | StoreError::NotADatabase { .. }
                | StoreError::Damaged { .. }
                | StoreError::Empty { .. }
                | StoreError::NewerSchema { .. }
                | StoreError::Denied(_)
                | StoreError::PlanProblems(_)
        )
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        if let rusqlite::Error::SqliteFailure(f, _) = &e {
            match f.code {
                C::DatabaseBusy | C::DatabaseLocked => return StoreError::Busy,
                C::DiskFull => {
                    return StoreError::DiskFull {
                        path: PathBuf::new(),
                    };
                }
                // SQLite reports a write past the size limit (EFBIG) as an I/O error; the
                // signal that came with it says what it was.
                C::SystemIoFailure if files::size_limit_hit() => {
                    return StoreError::DiskFull {
                        path: PathBuf::new(),
                    };
                }
                C::NotADatabase => {
                    return StoreError::NotADatabase {
                        path: PathBuf::new(),
                    };
                }
                C::DatabaseCorrupt => {
                    return StoreError::Damaged {
                        path: PathBuf::new(),
                    };
                }
                C::ReadOnly => {
                    return StoreError::ReadOnly {
                        path: PathBuf::new(),
                    };
                }
                _ => {}
            }
        }
        StoreError::Sql(e.to_string())
    }
}

/// Attaches the file path to errors that concern the file itself.
pub(in crate::store) fn with_path(e: StoreError, path: &Path) -> StoreError {
    match e {
        // SQLite's own header on a file it cannot read: a database, damaged (cut short,
        // overwritten), not some other file.
        StoreError::NotADatabase { .. } | StoreError::Damaged { .. } if sqlite_header(path) => {
            StoreError::Damaged { path: path.into() }
        }
        StoreError::NotADatabase { .. } => StoreError::NotADatabase { path: path.into() },
        StoreError::Damaged { .. } => StoreError::Damaged { path: path.into() },
        StoreError::ReadOnly { .. } => StoreError::ReadOnly { path: path.into() },
        StoreError::DiskFull { .. } => StoreError::DiskFull { path: path.into() },
        StoreError::Sql(reason) if reason.contains("unable to open") => StoreError::Io {
            path: path.into(),
            reason,
        },
        e => e,
    }
}

/// True when the file starts as every SQLite database does.
fn sqlite_header(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|_| &head == b"SQLite format 3\0")
}
