//! Copies of the database: backup, restore (a damaged database included), check.

use std::path::{Path, PathBuf};

use super::{CmdResult, Ctx, Failure, data_dir, os_login};
use crate::domain::account::Role;
use crate::store::{Db, OpenMode, StoreError};

pub fn backup(ctx: &Ctx, file: Option<&Path>, keep: usize) -> CmdResult {
    let path = ctx.db_path("jinji.db")?;
    let mut db = ctx.open(&path, OpenMode::ReadOnly)?;
    let me = ctx.account(&mut db)?;
    ctx.require(&me, &[Role::Admin, Role::Hr], "err.hr_only")?;
    // Pages copied of all, on a terminal.
    let bar = super::progress_bar(Some(0));
    let mut step = |done: usize, total: usize| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
        true
    };
    let copied = match file {
        Some(f) => db
            .backup_watched(f, &mut step)
            .map(|_| (f.to_path_buf(), 0)),
        None => db.backup_into(&backups_dir(ctx)?, keep, &mut step),
    };
    bar.finish_and_clear();
    let (dest, pruned) = copied.map_err(|e| ctx.err(e))?;
    crate::say!(
        "{}",
        ctx.lang.tf("cli.backup_done", &[("path", &dest.display())])
    );
    if pruned > 0 {
        crate::say!(
            "{}",
            ctx.lang.tf("cli.backup_pruned", &[("count", &pruned)])
        );
    }
    Ok(())
}

/// Where backups go: `backups` in the data directory.
pub fn backups_dir(ctx: &Ctx) -> Result<PathBuf, Failure> {
    Ok(data_dir(ctx.lang)?.join("backups"))
}

/// Replaces the database with a backup: the file is checked first (a jinji database, not
/// newer than this program, passing quick_check and foreign_key_check), and the database
/// as it is now is backed up before anything is replaced.
pub fn restore(ctx: &Ctx, file: &Path, keep: usize) -> CmdResult {
    let lang = ctx.lang;
    let (version, problems) = crate::store::check_file(file).map_err(|e| ctx.err(e))?;
    if !problems.is_empty() {
        for p in &problems {
            crate::say!("  {p}");
        }
        return Err(Failure::input(lang.tf(
            "cli.restore_bad_file",
            &[("path", &file.display()), ("count", &problems.len())],
        )));
    }
    let path = ctx.db_path("jinji.db")?;
    // A file whose accounts cannot be read is damaged where it matters here.
    let live =
        |path: &Path| Db::open(path, OpenMode::Existing).and_then(|db| db.accounts().map(|_| db));
    let mut db = match path.exists().then(|| live(&path)) {
        Some(Ok(mut db)) => {
            let me = ctx.account(&mut db)?;
            ctx.require(&me, &[Role::Admin], "err.admin_only")?;
            let (saved, _) = db
                // Nothing pruned now: the backup being restored may be the oldest.
                .backup_into(&backups_dir(ctx)?, usize::MAX, &mut |_, _| true)
                .map_err(|e| ctx.err(e))?;
            crate::say!(
                "{}",
                lang.tf("cli.restore_saved", &[("path", &saved.display())])
            );
            db
        }
        // A damaged database cannot say who its admins are, nor be copied whole: the
        // backup's accounts decide, and the damaged file is kept beside, renamed.
        Some(Err(StoreError::Damaged { .. })) => {
            admin_of_backup(ctx, file)?;
            let aside = set_aside(&path).map_err(|e| {
                Failure::system(lang.tf("err.write", &[("path", &path.display()), ("reason", &e)]))
            })?;
            crate::say!(
                "{}",
                lang.tf("cli.restore_set_aside", &[("path", &aside.display())])
            );
            ctx.open(&path, OpenMode::Create)?
        }
        Some(Err(e)) => return Err(ctx.err(e)),
        // Nothing to lose: the database is made anew from the backup.
        None => ctx.open(&path, OpenMode::Create)?,
    };
    db.restore_from(file).map_err(|e| ctx.err(e))?;
    crate::store::prune_backups(&backups_dir(ctx)?, &path, keep);
    crate::say!(
        "{}",
        lang.tf(
            "cli.restore_done",
            &[
                ("path", &path.display()),
                ("from", &file.display()),
                ("version", &version)
            ]
        )
    );
    Ok(())
}

/// Refuses unless the person running the program is an active admin in the backup.
fn admin_of_backup(ctx: &Ctx, file: &Path) -> CmdResult {
    let backup = ctx.open(file, OpenMode::ReadOnly)?;
    let me = backup
        .account_by_login(&os_login(ctx.lang)?)
        .map_err(|e| ctx.err(e))?;
    match me {
        Some(a) if a.active && a.role == Role::Admin => Ok(()),
        _ => Err(Failure::input(ctx.lang.t("err.admin_only").into())),
    }
}

/// Renames a damaged database (and its -wal and -shm, which belong to it) to
/// `NAME.damaged-STAMP` (`-2`, `-3`… after it when a file set aside in the same second
/// has the name), so that nothing of it is lost; returns the new name. The name is
/// claimed by a hard link, which never replaces a file, before the old name goes.
fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    set_aside_as(
        path,
        &chrono::Local::now().format("%Y%m%d-%H%M%S").to_string(),
    )
}

fn set_aside_as(path: &Path, stamp: &str) -> std::io::Result<PathBuf> {
    let with = |p: &Path, suffix: &str| {
        let mut s = p.as_os_str().to_owned();
        s.push(suffix);
        PathBuf::from(s)
    };
    for n in 1..=10_000 {
        let aside = match n {
            1 => with(path, &format!(".damaged-{stamp}")),
            n => with(path, &format!(".damaged-{stamp}-{n}")),
        };
        if ["-wal", "-shm"].iter().any(|s| with(&aside, s).exists()) {
            continue;
        }
        match std::fs::hard_link(path, &aside) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            // A file system without hard links: a plain rename onto a name not there.
            Err(_) if !aside.exists() => std::fs::rename(path, &aside)?,
            Err(e) => return Err(e),
        }
        for suffix in ["-wal", "-shm"] {
            match std::fs::rename(with(path, suffix), with(&aside, suffix)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        return Ok(aside);
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "every name to set it aside is taken",
    ))
}

pub fn check(ctx: &Ctx) -> CmdResult {
    let path = ctx.db_path("jinji.db")?;
    let db = ctx.open(&path, OpenMode::ReadOnly)?;
    let problems = db.integrity_problems().map_err(|e| ctx.err(e))?;
    let version = db.summary().map(|s| s.schema_version).unwrap_or(0);
    if problems.is_empty() {
        crate::say!(
            "{}",
            ctx.lang.tf(
                "cli.check_ok",
                &[("path", &path.display()), ("version", &version)]
            )
        );
        if version < crate::store::SCHEMA_VERSION {
            crate::say!(
                "{}",
                ctx.lang.tf(
                    "cli.check_older",
                    &[
                        ("version", &version),
                        ("known", &crate::store::SCHEMA_VERSION)
                    ]
                )
            );
        }
        Ok(())
    } else {
        for p in &problems {
            crate::say!("  {p}");
        }
        Err(Failure::system(ctx.lang.tf(
            "cli.check_failed",
            &[("path", &path.display()), ("count", &problems.len())],
        )))
    }
}

#[cfg(test)]
mod tests {
    /// Two damaged databases set aside in the same second keep two files: the second
    /// never replaces the first.
    #[test]
    fn a_second_set_aside_in_the_same_second_keeps_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("d.db");
        let wal = dir.path().join("d.db-wal");
        std::fs::write(&db, "first").unwrap();
        std::fs::write(&wal, "first log").unwrap();
        let a = super::set_aside_as(&db, "20261124-120000").unwrap();
        std::fs::write(&db, "second").unwrap();
        let b = super::set_aside_as(&db, "20261124-120000").unwrap();
        assert_ne!(a, b);
        assert!(
            b.to_string_lossy().ends_with(".damaged-20261124-120000-2"),
            "{b:?}"
        );
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "first");
        assert_eq!(
            std::fs::read_to_string(format!("{}-wal", a.display())).unwrap(),
            "first log"
        );
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "second");
        assert!(!db.exists() && !wal.exists());
    }
}
