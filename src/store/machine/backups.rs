//! A database checked (quick_check, foreign keys) and copied: backups through SQLite's
//! online backup API, time-stamped in a directory with the oldest pruned beyond a number
//! kept; and a backup restored into the live database.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::error::with_path;
use super::files::create_private_file;
use crate::store::{Db, OpenMode, Result, StoreError, migrate};

impl Db {
    /// `PRAGMA quick_check` and `foreign_key_check`; the problems found, empty when sound.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        self.integrity_problems_inner()
            .map_err(|e| with_path(e, &self.path))
    }

    fn integrity_problems_inner(&self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        let mut st = self.conn.prepare("PRAGMA quick_check")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        for r in rows {
            let r = r?;
            if r != "ok" {
                out.push(r);
            }
        }
        let mut st = self.conn.prepare("PRAGMA foreign_key_check")?;
        let rows = st.query_map([], |r| {
            Ok(format!(
                "foreign key: {} row {} → {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or(0),
                r.get::<_, String>(2)?
            ))
        })?;
        for r in rows {
            out.push(r?);
        }
        Ok(out)
    }

    /// Copies the database to `dest` through SQLite's online backup API (consistent while
    /// others write). The copy is created 0600.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        self.backup_watched(dest, &mut |_, _| true)
    }

    /// `backup_to`, telling `step` the pages copied of all after each stretch; when it
    /// answers false the copy stops and the partial file is removed (`Cancelled`).
    pub fn backup_watched(
        &self,
        dest: &Path,
        step: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<()> {
        if dest.exists() {
            return Err(StoreError::Io {
                path: dest.into(),
                reason: "file exists; not overwritten".into(),
            });
        }
        create_private_file(dest)?;
        self.copy_into(dest, step)
    }

    /// Copies the database into `dest`, a new empty file made for it; removes it unless
    /// the copy is whole.
    fn copy_into(&self, dest: &Path, step: &mut dyn FnMut(usize, usize) -> bool) -> Result<()> {
        let copied = (|| -> Result<bool> {
            let mut to = Connection::open(dest).map_err(|e| with_path(e.into(), dest))?;
            let b = rusqlite::backup::Backup::new(&self.conn, &mut to)?;
            loop {
                let r = b.step(1024).map_err(|e| with_path(e.into(), dest))?;
                let p = b.progress();
                let total = p.pagecount.max(0) as usize;
                let done = total.saturating_sub(p.remaining.max(0) as usize);
                match r {
                    rusqlite::backup::StepResult::Done => {
                        step(total, total);
                        return Ok(true);
                    }
                    rusqlite::backup::StepResult::More => {
                        if !step(done, total) {
                            return Ok(false);
                        }
                    }
                    // Another connection holds a lock for a moment: wait and go on.
                    _ => std::thread::sleep(std::time::Duration::from_millis(20)),
                }
            }
        })();
        match copied {
            Ok(true) => Ok(()),
            Ok(false) => {
                let _ = std::fs::remove_file(dest);
                Err(StoreError::Cancelled)
            }
            Err(e) => {
                let _ = std::fs::remove_file(dest);
                Err(e)
            }
        }
    }

    /// Copies the database into `dir` (created 0700 if need be) as `STEM-YYYYMMDD-HHMMSS-mmm.db`
    /// and keeps the newest `keep` of this database's copies there (`step` as in
    /// `backup_watched`). Returns the copy's path and how many old copies went.
    pub fn backup_into(
        &self,
        dir: &Path,
        keep: usize,
        step: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<(PathBuf, usize)> {
        super::files::private_dir(dir)?;
        let stem = self
            .path()
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("jinji")
            .to_string();
        // Milliseconds, and a counter if need be (`-2`…): two backups in one millisecond
        // both land, each name claimed by an exclusive create.
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S-%3f");
        let (dest, _) = super::files::create_unique(dir, &format!("{stem}-{stamp}"), "db")?;
        self.copy_into(&dest, step)?;
        let pruned = prune(dir, &stem, keep.max(1));
        Ok((dest, pruned))
    }

    /// Replaces the whole content of this database with `src`'s, through SQLite's backup
    /// API (other connections see the new content; none is left holding a deleted file),
    /// then brings it to the current schema. The caller has checked `src` and saved what
    /// is being replaced.
    pub fn restore_from(&mut self, src: &Path) -> Result<()> {
        self.conn
            .restore(
                rusqlite::MAIN_DB,
                src,
                None::<fn(rusqlite::backup::Progress)>,
            )
            .map_err(|e| with_path(e.into(), src))?;
        migrate::run(self)
    }
}

/// What a file offered for restoring holds: its schema version, or why it will not do.
pub fn check_file(src: &Path) -> Result<(i64, Vec<String>)> {
    let db = Db::open(src, OpenMode::ReadOnly)?;
    let problems = db.integrity_problems()?;
    let version = migrate::user_version(&db)?;
    Ok((version, problems))
}

/// The time-stamped backups of the database at `db` in `dir`, oldest first (the names sort
/// by their time stamp).
pub fn backups_of(dir: &Path, db: &Path) -> Vec<PathBuf> {
    let stem = db.file_stem().and_then(|s| s.to_str()).unwrap_or("jinji");
    backups_by_stem(dir, stem)
}

fn backups_by_stem(dir: &Path, stem: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let prefix = format!("{stem}-");
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with(&prefix)
                    && n.ends_with(".db")
                    && n[prefix.len()..].starts_with(|c: char| c.is_ascii_digit())
            })
        })
        .collect();
    files.sort();
    files
}

/// Keeps the newest `keep` backups of the database at `db` in `dir`; returns how many went.
pub fn prune_backups(dir: &Path, db: &Path, keep: usize) -> usize {
    let stem = db.file_stem().and_then(|s| s.to_str()).unwrap_or("jinji");
    prune(dir, stem, keep.max(1))
}

/// Keeps the newest `keep` time-stamped backups of one database; returns how many went.
fn prune(dir: &Path, stem: &str, keep: usize) -> usize {
    let files = backups_by_stem(dir, stem);
    let excess = files.len().saturating_sub(keep);
    files
        .iter()
        .take(excess)
        .filter(|p| std::fs::remove_file(p).is_ok())
        .count()
}
