//! The repository layer: one SQLite file, migrations, audit, and one module per area.
//! No rusqlite type crosses out of this module: callers see domain types and `StoreError`.
//!
//! Where things live: this file opens the database (`Db`) and runs its transactions;
//! `machine/` is what every area is written on (records with versions and audit, lists
//! and windows, errors, the file, its backups, staging and upkeep, private files);
//! beside it `migrate`, `settings` (the ward's rules) and who sees what (`scope`,
//! `disclosure`). One module per area of records (`staff`, `units`, `posts`,
//! `evaluation`, `themes`, `pdca`, `training`, …). Folders: `views/` (the lists the
//! screens show), `export/` (each export kind's query and who may have its rows) and
//! `import/` (the store's side of an import: a batch of domain records written all or
//! nothing). Reading
//! and writing files is above the store (`sheet`, `import`): nothing here knows a sheet
//! or a language.

pub mod export;
pub mod import;
pub mod machine;
mod migrate;

pub mod accounts;
pub mod appointments;
pub mod awards;
pub mod calendar;
pub mod calibration;
pub mod career;
pub mod career_page;
pub mod compliance;
pub mod disclosure;
pub mod evaluation;
mod exam_rounds;
mod exam_rules;
pub mod exams;
pub mod flow;
pub mod grievances;
pub mod heads;
pub mod leaves;
pub mod own;
pub mod panels;
pub mod pdca;
pub mod pdca_moves;
pub mod pick;
pub mod placement;
pub mod plans;
pub mod posts;
pub mod reorg;
pub mod reports;
pub mod scope;
pub mod search;
pub mod settings;
pub mod staff;
pub mod staffing;
pub mod steps;
pub mod summary;
pub mod surveys;
pub mod teinen;
pub mod themes;
pub mod training;
mod training_rules;
pub mod transfer;
pub mod transfer_check;
pub mod units;
pub mod views;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use machine::audit::AuditEntry;
pub use machine::backups::{backups_of, check_file, prune_backups};
pub use machine::cell::Cell;
pub use machine::error::StoreError;
use machine::error::with_path;
pub use machine::files::create_private_file;
pub use machine::list::{Cursor, Filter, ListQuery, Op, Page, SortDir, Val};
pub use machine::record::Record;
pub use machine::staging::Staging;
pub use migrate::SCHEMA_VERSION;

use crate::domain::Invalid;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A refusal by a named rule of the ward, on the field it concerns.
pub(crate) fn rule(field: &'static str, rule: &'static str) -> StoreError {
    Invalid::one(field, crate::domain::Problem::Rule { rule }).into()
}

/// How to open a database file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the file (0600) if it does not exist; migrate to the current schema.
    Create,
    /// The file must exist; migrate it if it is older.
    Existing,
    /// The file must exist; nothing is written (for `check`, `backup`, `export`).
    ReadOnly,
}

/// One open database and the login that writes through it (for the audit log).
pub struct Db {
    conn: Connection,
    path: PathBuf,
    actor: String,
    /// The clock's day for the rules the store applies by date, as the app or the command
    /// that opened the file reads it (an import's default 発令日, which post is held).
    today: Option<crate::domain::Date>,
    /// Set once the file was found damaged: no write goes into it after that.
    damaged: bool,
}

impl Db {
    pub fn open(path: &Path, mode: OpenMode) -> Result<Db> {
        let exists = path.exists();
        if !exists && mode != OpenMode::Create {
            return Err(StoreError::Io {
                path: path.into(),
                reason: "no such database file".into(),
            });
        }
        if !exists {
            create_private_file(path)?;
        }
        let flags = match mode {
            OpenMode::ReadOnly => {
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
            }
            _ => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        };
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| with_path(e.into(), path))?;
        let mut db = Db {
            conn,
            path: path.into(),
            actor: "system".into(),
            today: None,
            damaged: false,
        };
        // Refuse a file that is not ours (or is newer) before anything is written to it,
        // not even the switch to WAL.
        db.conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
            .map_err(|e| with_path(e.into(), path))?;
        migrate::ensure_known(&db)?;
        if mode == OpenMode::ReadOnly && migrate::user_version(&db)? == 0 {
            return Err(StoreError::Empty { path: path.into() });
        }
        db.configure(mode).map_err(|e| with_path(e, path))?;
        if mode != OpenMode::ReadOnly {
            machine::files::share_companions(path);
            migrate::run(&mut db)?;
        }
        Ok(db)
    }

    /// A private in-memory database (tests, benchmarks).
    pub fn open_in_memory() -> Result<Db> {
        let conn = Connection::open_in_memory()?;
        let mut db = Db {
            conn,
            path: PathBuf::from(":memory:"),
            actor: "system".into(),
            today: None,
            damaged: false,
        };
        db.configure(OpenMode::Create)?;
        migrate::run(&mut db)?;
        Ok(db)
    }

    fn configure(&self, mode: OpenMode) -> Result<()> {
        if mode != OpenMode::ReadOnly {
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
            self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        self.conn
            .busy_timeout(std::time::Duration::from_millis(5000))?;
        self.conn.set_prepared_statement_cache_capacity(128);
        self.set_bloom_filters(false);
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The login written into the audit log for every change.
    pub fn set_actor(&mut self, login: &str) {
        self.actor = login.to_string();
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// The day the app or command works on (the one clock: the real day, or the one it
    /// was told), for the store's rules by date that no caller passes a day to (imports).
    pub fn set_today(&mut self, day: crate::domain::Date) {
        self.today = Some(day);
    }

    /// The day set by `set_today`, else the real clock's.
    pub fn today(&self) -> crate::domain::Date {
        self.today.unwrap_or_else(crate::domain::Date::today)
    }

    pub fn set_busy_timeout(&self, ms: u64) -> Result<()> {
        Ok(self
            .conn
            .busy_timeout(std::time::Duration::from_millis(ms))?)
    }

    /// Refuses every write from now on: the file was found damaged, and writing into it
    /// could spread the damage. What can still be read is shown until a backup is restored.
    pub fn stop_writing(&mut self) {
        self.damaged = true;
    }

    fn writable(&self) -> Result<()> {
        if self.damaged {
            return Err(StoreError::Damaged {
                path: self.path.clone(),
            });
        }
        Ok(())
    }

    /// `e` naming this database's file where it concerns the file.
    pub fn about_file(&self, e: StoreError) -> StoreError {
        with_path(e, &self.path)
    }

    /// Runs `f` in one IMMEDIATE transaction: all of it is written, or none. Nested calls
    /// join the outer transaction, so store functions compose into one batch.
    pub fn write<R>(&self, f: impl FnOnce() -> Result<R>) -> Result<R> {
        if !self.conn.is_autocommit() {
            return f();
        }
        self.writable()?;
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| with_path(e.into(), &self.path))?;
        match f() {
            Ok(r) => match self.conn.execute_batch("COMMIT") {
                Ok(()) => Ok(r),
                Err(e) => {
                    let _ = self.conn.execute_batch("ROLLBACK");
                    Err(with_path(e.into(), &self.path))
                }
            },
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(with_path(e, &self.path))
            }
        }
    }

    /// Runs `f` in one IMMEDIATE transaction, committing only when it returns true (an
    /// import that found problems, a dry run or a cancelled one rolls everything back).
    pub fn write_then(&self, f: impl FnOnce() -> Result<bool>) -> Result<bool> {
        if !self.conn.is_autocommit() {
            return Err(StoreError::Sql("write_then inside a transaction".into()));
        }
        self.writable()?;
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| with_path(e.into(), &self.path))?;
        let end = |sql: &str| {
            self.conn
                .execute_batch(sql)
                .map_err(|e| with_path(e.into(), &self.path))
        };
        match f() {
            Ok(true) => match end("COMMIT") {
                Ok(()) => Ok(true),
                Err(e) => {
                    let _ = end("ROLLBACK");
                    Err(e)
                }
            },
            Ok(false) => end("ROLLBACK").map(|_| false),
            Err(e) => {
                let _ = end("ROLLBACK");
                Err(with_path(e, &self.path))
            }
        }
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// Today's time stamp for the audit log, UTC, to the second.
pub(crate) fn now_stamp() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
