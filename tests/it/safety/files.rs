//! Files only for their owner, and bad files refused: the database, its -wal and -shm,
//! backups and exports are created 0600 in 0700 directories (0660 in 2770 ones, owned by
//! the group, when the settings name a group); a database cut short or damaged inside is
//! named damaged, written to no more, and `restore` is offered with the newest backup;
//! a read-only file or directory is refused clearly, with nothing written.
#![cfg(unix)]

use crate::support::cli;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use cli::*;

/// Two new sections, a file any database would take.
const UNITS: &str = "unit_code,name,parent_code,kind,kana,valid_from,valid_to\n\
    Z1,総務課,,section,ソウムカ,2000-04-01,\n\
    Z2,人事課,,section,ジンジカ,2000-04-01,\n";

/// Mode bits with set-group-id (directories shared with a group keep new files in it).
fn mode_all(p: &Path) -> u32 {
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o7777
}

fn gid(p: &Path) -> u32 {
    std::fs::metadata(p).expect("metadata").gid()
}

fn with_suffix(p: &Path, suffix: &str) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn write_config(w: &Scratch, text: &str) {
    let dir = w.root().join("config").join("jinji");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), text).unwrap();
}

/// The only backup in the data directory's backups.
fn only_backup(w: &Scratch) -> PathBuf {
    let dir = w.data_dir().join("backups");
    let mut all: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(all.len(), 1, "{all:?}");
    all.pop().unwrap()
}

/// The demo in the data directory, a write with a connection held open (so that its -wal
/// and -shm are there to look at while it is), a backup and an export, each made by jinji
/// under `umask`: each file's path.
fn make_every_kind_of_file(w: &Scratch, umask: &str) -> (Vec<PathBuf>, rusqlite::Connection) {
    let run = |args: &[&str]| w.run_in_sh(&format!("umask {umask}"), args).ok();
    run(&["demo", "--staff", "60", "--today", TODAY]);
    let db = w.data_dir().join("demo.db");
    let held = rusqlite::Connection::open(&db).unwrap();
    held.query_row("SELECT count(*) FROM staff", [], |r| r.get::<_, i64>(0))
        .unwrap();
    run(&["--db", s(&db), "users", "add", "x", "--role", "hr"]);
    run(&["--db", s(&db), "backup"]);
    let csv = w.path("staff.csv");
    run(&["--db", s(&db), "export", "staff", "--out", s(&csv)]);
    let xlsx = w.path("staff.xlsx");
    run(&["--db", s(&db), "export", "staff", "--out", s(&xlsx)]);
    let files = vec![
        db.clone(),
        with_suffix(&db, "-wal"),
        with_suffix(&db, "-shm"),
        only_backup(w),
        csv,
        xlsx,
    ];
    for f in &files {
        assert!(f.exists(), "{} was made", f.display());
    }
    (files, held)
}

/// The widest and the narrowest umask: the modes are jinji's whatever the user's is.
const UMASKS: [&str; 2] = ["000", "077"];

#[test]
fn every_file_of_personal_data_is_its_owners_alone() {
    for umask in UMASKS {
        let w = Scratch::new();
        let (files, _held) = make_every_kind_of_file(&w, umask);
        for f in &files {
            assert_eq!(mode_all(f), 0o600, "{} (umask {umask})", f.display());
        }
        for d in [w.data_dir(), w.data_dir().join("backups")] {
            assert_eq!(mode_all(&d), 0o700, "{} (umask {umask})", d.display());
        }
    }
}

/// A group other than our primary one (which files get anyway, so a check with it proves
/// nothing): as root any other group, else one we are a member of. Its name and id.
fn other_group() -> Option<(String, u32)> {
    let probe = tempfile::tempdir().unwrap();
    let primary = gid(probe.path());
    let root = std::fs::metadata("/proc/self").ok()?.uid() == 0;
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let member: Vec<u32> = status
        .lines()
        .find_map(|l| l.strip_prefix("Groups:"))
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|g| g.parse().ok())
        .collect();
    let groups = std::fs::read_to_string("/etc/group").ok()?;
    groups.lines().find_map(|l| {
        let f: Vec<&str> = l.split(':').collect();
        let id: u32 = f.get(2)?.parse().ok()?;
        (id != primary && (root || member.contains(&id))).then(|| (f[0].to_string(), id))
    })
}

#[test]
fn a_group_named_in_the_settings_shares_the_files_with_it() {
    let Some((group, id)) = other_group() else {
        eprintln!(
            "skipped: no group but our primary one to share with (not root, and a member \
             of no other group)"
        );
        return;
    };
    for umask in UMASKS {
        // By name and by number.
        for name in [group.clone(), id.to_string()] {
            let w = Scratch::new();
            write_config(&w, &format!("group = \"{name}\"\n"));
            let (files, _held) = make_every_kind_of_file(&w, umask);
            let on = |p: &Path| format!("{} (group {name}, umask {umask})", p.display());
            for f in &files {
                assert_eq!(mode_all(f), 0o660, "{}", on(f));
                assert_eq!(gid(f), id, "{}", on(f));
            }
            for d in [w.data_dir(), w.data_dir().join("backups")] {
                assert_eq!(mode_all(&d), 0o2770, "{}", on(&d));
                assert_eq!(gid(&d), id, "{}", on(&d));
            }
        }
    }
}

#[test]
fn an_unknown_group_is_said_and_the_files_stay_private() {
    let w = Scratch::new();
    write_config(&w, "group = \"no-such-group-here\"\n");
    let out = w.run(&["demo", "--staff", "60", "--today", TODAY]).ok();
    assert!(
        out.stderr.contains("config.toml:1") && out.stderr.contains("no-such-group-here"),
        "{}",
        out.stderr
    );
    assert_eq!(mode_all(&w.data_dir().join("demo.db")), 0o600);
    assert_eq!(mode_all(&w.data_dir()), 0o700);
}

/// A demo at `name` with one backup of it in the data directory, its WAL folded in (so
/// that the file alone holds every page).
fn ward_with_backup(w: &Scratch, name: &str) -> (PathBuf, PathBuf) {
    let db = w.demo(name);
    w.run(&["--db", s(&db), "backup"]).ok();
    let c = rusqlite::Connection::open(&db).unwrap();
    c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(c);
    (db, only_backup(w))
}

/// Every command that opens the database at `db`, each of which must refuse it.
fn commands(db: &Path, file: &Path) -> Vec<Vec<String>> {
    let v = |a: &[&str]| -> Vec<String> {
        [&["--db", s(db)][..], a]
            .concat()
            .iter()
            .map(|x| x.to_string())
            .collect()
    };
    vec![
        v(&[]),
        v(&["check"]),
        v(&["export", "staff"]),
        v(&["users", "list"]),
        v(&["users", "add", "x", "--role", "hr"]),
        v(&["import", "units", s(file)]),
        v(&["backup"]),
    ]
}

/// Each command exits 2 naming the file as damaged and the newest backup; nothing changes.
#[track_caller]
fn refused_as_damaged(w: &Scratch, db: &Path, backup: &Path) {
    std::fs::write(w.path("units.csv"), UNITS).unwrap();
    let before = w.snapshot();
    for args in commands(db, &w.path("units.csv")) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = w.run(&args);
        out.fails(2, &[s(db), "damaged", "jinji restore", s(backup)]);
        before.assert_unchanged(&w.snapshot());
    }
}

/// After a restore from the backup: the damaged file is kept aside, the database passes
/// the check and holds what the backup held.
#[track_caller]
fn restore_mends(w: &Scratch, db: &Path, backup: &Path) {
    let out = w.run(&["--db", s(db), "restore", s(backup)]).ok();
    assert!(out.stdout.contains(".damaged-"), "{}", out.stdout);
    let aside: Vec<PathBuf> = std::fs::read_dir(db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| s(p).contains(".damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file is kept: {aside:?}");
    w.run(&["--db", s(db), "check"]).ok();
    let count = |p: &Path| -> i64 {
        rusqlite::Connection::open(p)
            .unwrap()
            .query_row("SELECT count(*) FROM staff", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count(db), count(backup));
}

#[test]
fn a_database_cut_short_is_refused_as_damaged_and_restore_is_offered() {
    let w = Scratch::new();
    let (db, backup) = ward_with_backup(&w, "d.db");
    let len = std::fs::metadata(&db).unwrap().len();
    let f = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
    f.set_len(len / 2 / 4096 * 4096).unwrap();
    drop(f);
    refused_as_damaged(&w, &db, &backup);
    restore_mends(&w, &db, &backup);
}

/// The page where a table's b-tree starts, and the file's page size.
fn root_page(db: &Path, table: &str) -> (u64, u64) {
    let c = rusqlite::Connection::open(db).unwrap();
    let root: i64 = c
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = ?1",
            [table],
            |r| r.get(0),
        )
        .unwrap();
    let size: i64 = c.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
    (root as u64, size as u64)
}

/// Overwrites a table's first page with noise, as a failing disk might.
fn damage(db: &Path, table: &str) {
    use std::io::{Seek, SeekFrom, Write};
    let (root, size) = root_page(db, table);
    let mut f = std::fs::OpenOptions::new().write(true).open(db).unwrap();
    f.seek(SeekFrom::Start((root - 1) * size)).unwrap();
    let noise: Vec<u8> = (0..size).map(|i| (i * 7 + 13) as u8).collect();
    f.write_all(&noise).unwrap();
}

#[test]
fn a_database_damaged_inside_is_refused_and_restore_is_offered() {
    let w = Scratch::new();
    let (db, backup) = ward_with_backup(&w, "d.db");
    // The accounts: every command reads them first to know who is acting.
    damage(&db, "accounts");
    refused_as_damaged(&w, &db, &backup);
    restore_mends(&w, &db, &backup);
}

#[test]
fn restoring_over_a_damaged_database_is_for_the_backups_admins() {
    let w = Scratch::new();
    let (db, backup) = ward_with_backup(&w, "d.db");
    damage(&db, "accounts");
    // In the backup, the real login is HR, then not there at all.
    for me in [Me::Is("hr", None), Me::Nobody] {
        be(&backup, me);
        let before = w.snapshot();
        w.run(&["--db", s(&db), "restore", s(&backup)])
            .fails(2, &["admin"]);
        before.assert_unchanged(&w.snapshot());
    }
}

/// The screens on a database whose damage shows only on a later tab: the message names it
/// and the newest backup, and from then on nothing is written to the file.
#[test]
fn the_screens_stop_writing_at_the_first_damage_found() {
    use jinji::app::action::Action;
    use jinji::app::{App, Modal};
    use jinji::store::{Db, OpenMode};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.db");
    {
        let db = Db::open(&path, OpenMode::Create).unwrap();
        let params = jinji::demo::Params {
            staff: 60,
            years: 2,
            ..jinji::demo::Params::demo(jinji::domain::Date::from_ymd(2026, 11, 24))
        };
        jinji::demo::generate(&db, &params).unwrap();
        db.backup_into(&dir.path().join("backups"), 10, &mut |_, _| true)
            .unwrap();
        db.checkpoint().unwrap();
    }
    damage(&path, "awards");
    let bytes = std::fs::read(&path).unwrap();

    let mut db = Db::open(&path, OpenMode::Existing).unwrap();
    db.set_actor("admin");
    let admin = db.account_by_login("admin").unwrap().expect("admin");
    let mut app = App::new(
        db,
        jinji::i18n::Lang::En,
        admin,
        jinji::domain::Date::from_ymd(2026, 11, 24),
    )
    .expect("the first tab does not read the damaged table");
    app.update(Action::Resize(120, 40));
    let message = |app: &App| match app.modals.last() {
        Some(Modal::Message { text }) => text.clone(),
        _ => panic!("expected a message"),
    };
    // The awards tab reads the damaged table.
    app.update(Action::GoTab(5));
    let text = message(&app);
    assert!(
        text.contains("damaged") && text.contains("jinji restore") && text.contains("backups"),
        "{text}"
    );
    app.update(Action::Cancel);
    // Back on the staff list, nothing can be written any more: not even a deletion.
    app.update(Action::GoTab(0));
    app.update(Action::Delete);
    assert!(
        matches!(app.modals.last(), Some(Modal::Confirm { .. })),
        "a question before deleting"
    );
    app.update(Action::Yes);
    let text = message(&app);
    assert!(text.contains("damaged"), "{text}");
    drop(app);
    assert!(
        std::fs::read(&path).unwrap() == bytes,
        "the file is as it was"
    );
}

#[test]
fn the_oldest_backup_can_be_restored_while_only_so_many_are_kept() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    for _ in 0..3 {
        w.run(&["--db", s(&db), "backup", "--keep", "3"]).ok();
    }
    let dir = w.data_dir().join("backups");
    let oldest = jinji::store::backups_of(&dir, &db).remove(0);
    // The database as it is goes in first: the oldest would be pruned by a plain backup.
    w.run(&["--db", s(&db), "restore", s(&oldest), "--keep", "3"])
        .ok();
    assert_eq!(jinji::store::backups_of(&dir, &db).len(), 3);
    w.run(&["--db", s(&db), "check"]).ok();
}

/// The uid the program runs as in the read-only tests: root reads and writes any file
/// whatever its mode, so as root the program runs as `nobody`, over files it owns.
fn unprivileged(w: &Scratch, cmd: &mut std::process::Command) {
    use std::os::unix::process::CommandExt;
    if std::fs::metadata("/proc/self")
        .map(|m| m.uid())
        .unwrap_or(0)
        == 0
    {
        chown_tree(w.root(), 65534);
        cmd.uid(65534).gid(65534);
    }
}

/// When `unprivileged` runs the program as `nobody`, that login is made an admin of `db`
/// (the program knows who runs it by the uid): what refuses a write is then the file, not
/// the role.
fn admit_unprivileged(w: &Scratch, db: &Path) {
    if std::fs::metadata("/proc/self")
        .map(|m| m.uid())
        .unwrap_or(0)
        == 0
    {
        let name = login_of(65534);
        w.run(&["--db", s(db), "users", "add", &name, "--role", "admin"])
            .ok();
    }
}

fn chown_tree(p: &Path, id: u32) {
    std::os::unix::fs::chown(p, Some(id), Some(id)).unwrap();
    if p.is_dir() {
        for e in std::fs::read_dir(p).unwrap() {
            chown_tree(&e.unwrap().path(), id);
        }
    }
}

fn run_unprivileged(w: &Scratch, args: &[&str]) -> Out {
    let mut c = w.cmd();
    unprivileged(w, &mut c);
    let o = c.args(args).output().expect("run jinji");
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        stdout_bytes: o.stdout,
    }
}

#[test]
fn a_read_only_file_is_read_and_never_written() {
    let w = Scratch::new();
    let dir = w.path("ward");
    std::fs::create_dir(&dir).unwrap();
    let db = w.demo("ward/d.db");
    admit_unprivileged(&w, &db);
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o400)).unwrap();
    std::fs::write(w.path("units.csv"), UNITS).unwrap();
    let before = w.snapshot();
    // Reading works.
    let out = run_unprivileged(&w, &["--db", s(&db), "export", "units"]);
    assert_eq!(out.code, 0, "{out:#?}");
    // Writing is refused, naming the file.
    for args in [
        vec!["users", "add", "x", "--role", "hr"],
        vec!["import", "units", s(&w.path("units.csv"))],
        vec!["settings", "appeal_window_days", "20"],
    ] {
        let out = run_unprivileged(&w, &[&["--db", s(&db)][..], &args].concat());
        out.no_panic();
        assert_ne!(out.code, 0, "{args:?}: {out:#?}");
        assert!(
            out.stderr.contains("d.db") && out.stderr.contains("read-only"),
            "{args:?}: {}",
            out.stderr
        );
        before.assert_unchanged(&w.snapshot());
    }
}

#[test]
fn a_read_only_directory_is_refused_clearly_and_nothing_is_written() {
    let w = Scratch::new();
    let dir = w.path("ward");
    std::fs::create_dir(&dir).unwrap();
    let db = w.demo("ward/d.db");
    admit_unprivileged(&w, &db);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o500)).unwrap();
    let before = w.snapshot();
    for args in [
        vec!["export", "units"],
        vec!["users", "add", "x", "--role", "hr"],
        vec!["check"],
    ] {
        let out = run_unprivileged(&w, &[&["--db", s(&db)][..], &args].concat());
        out.no_panic();
        assert!(
            out.code == 0 || out.stderr.contains("d.db"),
            "{args:?}: a refusal names the file: {out:#?}"
        );
        if args[0] == "users" {
            assert_ne!(out.code, 0, "{out:#?}");
        }
        before.assert_unchanged(&w.snapshot());
    }
    // A new database cannot be made there either: said, naming it.
    let fresh = dir.join("new.db");
    let out = run_unprivileged(&w, &["--db", s(&fresh), "init"]);
    out.no_panic();
    assert_ne!(out.code, 0);
    assert!(out.stderr.contains("new.db"), "{}", out.stderr);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
}
