//! Files of personal data and who may open them: the database (and its -wal and -shm),
//! backups, exports and the directories they live in are their owner's alone (0600 files,
//! 0700 directories), or their owner's and one group's when the settings name a group
//! (0660 files, 2770 directories, the group set on each) for clerks sharing a database on
//! one server. The file is the boundary: roles inside jinji are least privilege on top.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::store::{Result, StoreError};

/// The group that shares the files, once set from the settings at start; none by default.
static GROUP: OnceLock<u32> = OnceLock::new();

/// Shares every file made from now on with group `gid`. Set once, at start: a process
/// either shares its files or does not (a second call is ignored).
pub fn share_with_group(gid: u32) {
    let _ = GROUP.set(gid);
}

/// The group id of a group name from the settings (`/etc/group`), or a number as it is.
pub fn group_id(name: &str) -> Option<u32> {
    if let Ok(n) = name.parse() {
        return Some(n);
    }
    let groups = std::fs::read_to_string("/etc/group").ok()?;
    groups.lines().find_map(|l| {
        let mut f = l.split(':');
        (f.next()? == name).then_some(())?;
        f.nth(1)?.parse().ok()
    })
}

/// Raised when the process wrote past its file-size limit (`ulimit -f`): the kernel sends
/// SIGXFSZ, which would end the program on the spot; watched instead, the write fails
/// (EFBIG) and is reported like a full disk, the transaction rolled back.
static SIZE_LIMIT_HIT: OnceLock<std::sync::Arc<std::sync::atomic::AtomicBool>> = OnceLock::new();

/// Watches for SIGXFSZ from now on (once, at start).
pub fn watch_size_limit() {
    let flag = SIZE_LIMIT_HIT.get_or_init(Default::default).clone();
    #[cfg(unix)]
    let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, flag);
    #[cfg(not(unix))]
    let _ = flag;
}

/// Whether a write went past the file-size limit since the program started.
pub(crate) fn size_limit_hit() -> bool {
    SIZE_LIMIT_HIT
        .get()
        .is_some_and(|f| f.load(std::sync::atomic::Ordering::SeqCst))
}

fn file_mode() -> u32 {
    if GROUP.get().is_some() { 0o660 } else { 0o600 }
}

fn dir_mode() -> u32 {
    if GROUP.get().is_some() { 0o2770 } else { 0o700 }
}

/// Gives an open file (or a directory) its mode, and the group when one is set.
#[cfg(unix)]
fn own(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    if let Some(&gid) = GROUP.get() {
        std::os::unix::fs::chown(path, None, Some(gid))?;
    }
    // After the group: chown may clear the set-group-id bit of a directory.
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn own(_path: &Path, _mode: u32) -> std::io::Result<()> {
    Ok(())
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |e| StoreError::Io {
        path: path.into(),
        reason: e.to_string(),
    }
}

/// Creates an empty file for its owner (and the group), before SQLite touches it; its
/// -wal and -shm files take the same mode. Never reuses a file that exists.
pub fn create_private_file(path: &Path) -> Result<()> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => {
            return Err(StoreError::Io {
                path: path.into(),
                reason: format!("directory {} does not exist", dir.display()),
            });
        }
        _ => {}
    }
    open_private(
        path,
        std::fs::OpenOptions::new().write(true).create_new(true),
    )
    .map_err(io_err(path))?;
    Ok(())
}

/// Creates (or empties) a file of personal data to write an export into. A file that was
/// there keeps no wider mode than a new one would get.
pub fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    open_private(
        path,
        std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true),
    )
}

/// Creates a new file of personal data in `dir` named `STEM.EXT`, or `STEM-2.EXT`,
/// `STEM-3.EXT`… when that is taken: never an existing file, whoever else writes there at
/// the same moment (each name is claimed by an exclusive create). Its path and the file.
pub fn create_unique(dir: &Path, stem: &str, ext: &str) -> Result<(PathBuf, std::fs::File)> {
    for n in 1..=10_000 {
        let name = match n {
            1 => format!("{stem}.{ext}"),
            n => format!("{stem}-{n}.{ext}"),
        };
        let path = dir.join(name);
        match open_private(
            &path,
            std::fs::OpenOptions::new().write(true).create_new(true),
        ) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io_err(&path)(e)),
        }
    }
    Err(StoreError::Io {
        path: dir.join(format!("{stem}.{ext}")),
        reason: "every name for it is taken".into(),
    })
}

/// Opens with the file mode for personal data, then gives the file that mode and the group
/// (an existing file keeps its mode through `open`).
fn open_private(path: &Path, o: &mut std::fs::OpenOptions) -> std::io::Result<std::fs::File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(file_mode());
    }
    let f = o.open(path)?;
    own(path, file_mode())?;
    Ok(f)
}

/// Makes `dir` (and its parents) if missing, for its owner (and the group): it holds
/// copies of personal data. One that was there is given the same mode if it can be.
pub fn private_dir(dir: &Path) -> Result<()> {
    let made = !dir.is_dir();
    if made {
        let mut b = std::fs::DirBuilder::new();
        b.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            b.mode(dir_mode() & 0o777);
        }
        b.create(dir).map_err(io_err(dir))?;
    }
    let owned = own(dir, dir_mode());
    if made {
        owned.map_err(io_err(dir))
    } else {
        Ok(())
    }
}

/// The -wal and -shm files SQLite made beside a shared database: SQLite gives them the
/// database's mode, but the group of whoever made them. Fixed when they are ours.
pub(crate) fn share_companions(db: &Path) {
    if GROUP.get().is_none() {
        return;
    }
    for suffix in ["-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        // Another clerk's file is theirs to fix (chown fails); nothing is lost by trying.
        let _ = own(Path::new(&p), file_mode());
    }
}

#[cfg(test)]
mod tests {
    /// A name taken is never written over: the next free one is used, the file there kept.
    #[test]
    fn a_unique_file_never_takes_a_name_that_is_there() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("staff-1.csv"), "there").unwrap();
        let names: Vec<String> = (0..3)
            .map(|_| {
                let (p, _) = super::create_unique(dir.path(), "staff-1", "csv").unwrap();
                p.file_name().unwrap().to_string_lossy().into_owned()
            })
            .collect();
        assert_eq!(names, ["staff-1-2.csv", "staff-1-3.csv", "staff-1-4.csv"]);
        let kept = std::fs::read_to_string(dir.path().join("staff-1.csv")).unwrap();
        assert_eq!(kept, "there");
    }
}
