//! A database built beside the one it replaces, then moved over it in one rename (`jinji
//! demo`, `jinji seed`): killed at any moment, the file at the target is the old database
//! whole or the new one whole, and what a killed build left beside it is cleared by the
//! next one.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::store::{Result, StoreError};

/// A file being built beside a target: `TARGET.tmp-PID` (with SQLite's `-wal`, `-shm`
/// and `-journal` of it), claimed for as long as the build runs by a lock held on
/// `TARGET.tmp-PID.lock`. Dropped without [`Staging::replace`], it removes its files.
pub struct Staging {
    path: PathBuf,
    lock_path: PathBuf,
    _lock: File,
}

/// SQLite's files beside a database, the database first.
const COMPANIONS: [&str; 4] = ["", "-wal", "-shm", "-journal"];

fn with_suffix(p: &Path, suffix: &str) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |e| StoreError::Io {
        path: path.into(),
        reason: e.to_string(),
    }
}

fn remove_if_there(p: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(p) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

impl Staging {
    /// Clears what killed builds left beside `target` (staging files whose lock no process
    /// holds), then claims a new staging file there.
    pub fn beside(target: &Path) -> Result<Staging> {
        clear_stale(target);
        let path = with_suffix(target, &format!(".tmp-{}", std::process::id()));
        let lock_path = with_suffix(&path, ".lock");
        let lock = super::files::create_private(&lock_path).map_err(io_err(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(StoreError::Io {
                    path: lock_path,
                    reason: "held by another process".into(),
                });
            }
            Err(TryLockError::Error(e)) => return Err(io_err(&lock_path)(e)),
        }
        for suffix in COMPANIONS {
            remove_if_there(&with_suffix(&path, suffix)).map_err(io_err(&path))?;
        }
        Ok(Staging {
            path,
            lock_path,
            _lock: lock,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Moves the built database (closed by now) over `target` in one rename. Both files
    /// are first brought out of WAL mode (their logs folded in, their `-wal` and `-shm`
    /// gone), so the new file never meets a log that is not its own and the old one is
    /// whole in its main file until the rename; the next connection turns WAL back on.
    /// A target in use by another connection is refused as busy.
    pub fn replace(self, target: &Path) -> Result<()> {
        standalone(&self.path)?;
        if target.exists() {
            standalone(target)?;
        }
        std::fs::rename(&self.path, target).map_err(io_err(target))?;
        // The rename itself on disk, not only in the cache.
        if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        for suffix in COMPANIONS {
            let _ = remove_if_there(&with_suffix(&self.path, suffix));
        }
        let _ = std::fs::remove_file(&self.lock_path);
    }
}

/// Switches a database out of WAL mode: its log folded into the main file and removed,
/// with its `-shm`. Needs the file to itself.
fn standalone(db: &Path) -> Result<()> {
    let fail = |e: rusqlite::Error| super::error::with_path(e.into(), db);
    let c = Connection::open(db).map_err(fail)?;
    c.busy_timeout(std::time::Duration::from_secs(5))
        .map_err(fail)?;
    let mode: String = c
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .map_err(fail)?;
    c.close().map_err(|(_, e)| fail(e))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(StoreError::Busy);
    }
    for suffix in ["-wal", "-shm"] {
        remove_if_there(&with_suffix(db, suffix)).map_err(io_err(db))?;
    }
    Ok(())
}

/// Removes the staging files beside `target` that no live build holds: those of a build
/// killed before it could clear them. A build still running holds its lock and keeps its
/// files.
fn clear_stale(target: &Path) {
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!("{}.tmp-", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut builds: Vec<String> = entries
        .flatten()
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            let pid: String = n
                .strip_prefix(&prefix)?
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            (!pid.is_empty()).then(|| format!("{prefix}{pid}"))
        })
        .collect();
    builds.sort();
    builds.dedup();
    for build in builds {
        let base = dir.join(&build);
        let lock_path = with_suffix(&base, ".lock");
        let lock = File::options().write(true).open(&lock_path);
        let held = match &lock {
            Ok(f) => matches!(f.try_lock(), Err(TryLockError::WouldBlock)),
            Err(_) => false,
        };
        if held {
            continue;
        }
        for suffix in COMPANIONS {
            let _ = remove_if_there(&with_suffix(&base, suffix));
        }
        let _ = std::fs::remove_file(&lock_path);
    }
}
