//! Opening database files: creation, migration, refusals, file modes, backups.

use crate::support::ward;

use jinji::domain::unit::UnitKind;
use jinji::store::{Db, OpenMode, SCHEMA_VERSION, StoreError};
use ward::*;

/// Directory names without a `-shm` and an empty `-wal`: a read-only connection leaves
/// those behind (it may not delete them), which changes no data.
fn sans_wal(names: Vec<String>) -> Vec<String> {
    names
        .into_iter()
        .filter(|n| !n.ends_with("-shm") && !n.ends_with("-wal"))
        .collect()
}

#[track_caller]
fn assert_same_file(p: &std::path::Path, before: &(Vec<u8>, std::time::SystemTime), what: &str) {
    let after = snapshot(p);
    let diff: Vec<usize> = (0..before.0.len().max(after.0.len()))
        .filter(|&i| before.0.get(i) != after.0.get(i))
        .take(8)
        .collect();
    assert!(diff.is_empty(), "{what}: bytes changed at offsets {diff:?}");
    assert_eq!(after.1, before.1, "{what}: modification time changed");
    let wal = p.with_file_name(format!("{}-wal", p.file_name().unwrap().to_string_lossy()));
    if let Ok(m) = std::fs::metadata(&wal) {
        assert_eq!(m.len(), 0, "{what}: the -wal holds data");
    }
}

fn user_version(p: &std::path::Path) -> i64 {
    let c = rusqlite::Connection::open(p).unwrap();
    c.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_new_file_is_created_at_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("new.db");
    let db = Db::open(&p, OpenMode::Create).unwrap();
    assert!(p.is_file());
    assert_eq!(db.path(), p);
    assert_eq!(
        db.actor(),
        "system",
        "writes before set_actor are the system's"
    );
    let s = db.summary().unwrap();
    assert_eq!(s.schema_version, SCHEMA_VERSION);
    assert!(s.counts.iter().all(|(_, n)| *n == 0), "{:?}", s.counts);
    assert!(db.integrity_problems().unwrap().is_empty());
    drop(db);
    assert_eq!(user_version(&p), SCHEMA_VERSION);
}

#[test]
fn an_empty_sqlite_file_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("empty.db");
    std::fs::write(&p, b"").unwrap();
    let db = Db::open(&p, OpenMode::Existing).unwrap();
    assert_eq!(db.summary().unwrap().schema_version, SCHEMA_VERSION);
}

#[test]
fn reopening_an_existing_file_changes_nothing() {
    let w = Ward::new();
    let p = w.path();
    let before = w.db.summary().unwrap();
    drop(w.db);
    let names = sans_wal(dir_names(w.dir.path()));
    let before_file = snapshot(&p);

    for mode in [OpenMode::Create, OpenMode::Existing, OpenMode::ReadOnly] {
        let db = Db::open(&p, mode).unwrap();
        assert_eq!(db.summary().unwrap(), before, "{mode:?}");
        drop(db);
        assert_eq!(
            sans_wal(dir_names(w.dir.path())),
            names,
            "no backup or stray file after {mode:?}"
        );
        assert_same_file(&p, &before_file, &format!("reopened ({mode:?})"));
    }
}

/// A file made by jinji, then stamped with a schema from the future.
fn newer_database(dir: &std::path::Path) -> std::path::PathBuf {
    let p = dir.join("newer.db");
    drop(Db::open(&p, OpenMode::Create).unwrap());
    let c = rusqlite::Connection::open(&p).unwrap();
    c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(c);
    p
}

#[track_caller]
fn assert_newer(r: Result<Db, StoreError>, p: &std::path::Path) {
    match r {
        Err(StoreError::NewerSchema { path, found, known }) => {
            assert_eq!(path, p);
            assert_eq!(found, SCHEMA_VERSION + 1);
            assert_eq!(known, SCHEMA_VERSION);
        }
        Err(e) => panic!("expected NewerSchema, got {e:?}"),
        Ok(_) => panic!("expected NewerSchema, the file was opened"),
    }
}

#[test]
fn a_database_from_a_newer_jinji_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let p = newer_database(dir.path());
    let names = sans_wal(dir_names(dir.path()));
    let before = snapshot(&p);
    for mode in [OpenMode::Create, OpenMode::Existing, OpenMode::ReadOnly] {
        assert_newer(Db::open(&p, mode), &p);
        assert_same_file(&p, &before, &format!("refused open ({mode:?})"));
        assert_eq!(sans_wal(dir_names(dir.path())), names, "{mode:?}");
    }
    assert_eq!(user_version(&p), SCHEMA_VERSION + 1);
}

#[test]
fn a_newer_database_in_rollback_journal_mode_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("newer-delete.db");
    let c = rusqlite::Connection::open(&p).unwrap();
    c.execute_batch("CREATE TABLE future (x INTEGER);").unwrap();
    c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(c);
    let before = snapshot(&p);
    assert_newer(Db::open(&p, OpenMode::Existing), &p);
    assert_same_file(&p, &before, "refused open");
}

#[test]
fn a_sqlite_file_of_another_program_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("other.db");
    let c = rusqlite::Connection::open(&p).unwrap();
    c.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');")
        .unwrap();
    drop(c);
    let before = snapshot(&p);
    match Db::open(&p, OpenMode::Existing) {
        Err(StoreError::NotADatabase { path }) => assert_eq!(path, p),
        Err(e) => panic!("expected NotADatabase, got {e:?}"),
        Ok(_) => panic!("a foreign database was opened"),
    }
    assert_same_file(&p, &before, "refused open");
}

#[test]
fn a_text_file_is_not_a_database_and_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("roster.csv");
    let text = "staff_no,family_name,given_name\nA0001,佐藤,花子\n".repeat(40);
    std::fs::write(&p, &text).unwrap();
    let before = snapshot(&p);
    for mode in [OpenMode::Create, OpenMode::Existing, OpenMode::ReadOnly] {
        match Db::open(&p, mode) {
            Err(e @ StoreError::NotADatabase { .. }) => {
                let StoreError::NotADatabase { path } = &e else {
                    unreachable!()
                };
                assert_eq!(path, &p);
                assert!(e.to_string().contains(&p.display().to_string()), "{e}");
                assert!(e.is_user_error());
            }
            Err(e) => panic!("expected NotADatabase, got {e:?}"),
            Ok(_) => panic!("a text file was opened as a database"),
        }
        assert_same_file(&p, &before, &format!("text file ({mode:?})"));
    }
    assert_eq!(dir_names(dir.path()), ["roster.csv"]);
}

#[test]
fn a_missing_directory_is_an_io_error_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("no").join("such").join("jinji.db");
    match Db::open(&p, OpenMode::Create) {
        Err(StoreError::Io { path, reason }) => {
            assert_eq!(path, p);
            assert!(!reason.is_empty());
        }
        Err(e) => panic!("expected Io, got {e:?}"),
        Ok(_) => panic!("opened a file in a missing directory"),
    }
    assert!(!dir.path().join("no").exists());
}

#[test]
fn opening_a_missing_file_as_existing_fails_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("absent.db");
    for mode in [OpenMode::Existing, OpenMode::ReadOnly] {
        match Db::open(&p, mode) {
            Err(StoreError::Io { path, .. }) => assert_eq!(path, p),
            Err(e) => panic!("expected Io, got {e:?}"),
            Ok(_) => panic!("opened a missing file ({mode:?})"),
        }
    }
    assert!(dir_names(dir.path()).is_empty());
}

/// A ward on disk, closed, opened read-only; the insert it attempts and the file's state.
fn try_write_read_only() -> (
    Result<(), StoreError>,
    std::path::PathBuf,
    tempfile::TempDir,
) {
    let w = Ward::new();
    let p = w.path();
    drop(w.db);
    let before = snapshot(&p);
    let db = Db::open(&p, OpenMode::ReadOnly).unwrap();
    assert_eq!(
        db.staff_by_no("A0001").unwrap().unwrap().family_name,
        "佐藤"
    );
    let mut u = unit("X01", "臨時部", None, UnitKind::Department);
    let r = db.insert(&mut u);
    drop(db);
    assert_same_file(&p, &before, "read-only open");
    (r, p, w.dir)
}

#[test]
fn read_only_mode_reads_but_refuses_writes() {
    let (r, _, _dir) = try_write_read_only();
    assert!(matches!(r, Err(StoreError::ReadOnly { .. })), "{r:?}");
}

#[test]
fn a_write_refused_as_read_only_names_the_file() {
    let (r, p, _dir) = try_write_read_only();
    match r {
        Err(e @ StoreError::ReadOnly { .. }) => {
            assert!(e.to_string().starts_with(&p.display().to_string()), "{e}");
        }
        other => panic!("expected ReadOnly, got {other:?}"),
    }
}

#[cfg(unix)]
#[test]
fn a_new_database_and_its_wal_are_private_to_the_owner() {
    use std::os::unix::fs::PermissionsExt;
    let w = Ward::new(); // has written, so the -wal exists while the database is open
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let p = w.path();
    assert_eq!(mode(&p), 0o600, "database file");
    let wal = p.with_file_name("jinji.db-wal");
    assert!(
        wal.exists(),
        "WAL file missing: {:?}",
        dir_names(w.dir.path())
    );
    assert_eq!(mode(&wal), 0o600, "-wal file");
    let shm = p.with_file_name("jinji.db-shm");
    if shm.exists() {
        assert_eq!(mode(&shm), 0o600, "-shm file");
    }
}

#[cfg(unix)]
#[test]
fn create_private_file_makes_a_0600_file_and_never_reuses_one() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("private.db");
    jinji::store::create_private_file(&p).unwrap();
    assert_eq!(
        std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
        0o600
    );
    std::fs::write(&p, "data").unwrap();
    assert!(matches!(
        jinji::store::create_private_file(&p),
        Err(StoreError::Io { .. })
    ));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "data");
}

#[test]
fn backup_holds_the_same_data_and_opens_with_the_same_summary() {
    let w = Ward::new();
    let dest = w.dir.path().join("backup.db");
    w.db.backup_to(&dest).unwrap();
    let copy = Db::open(&dest, OpenMode::Existing).unwrap();
    assert_eq!(copy.summary().unwrap(), w.db.summary().unwrap());
    assert_eq!(copy.staff_by_no("A0003").unwrap(), Some(w.junior.clone()));
    assert!(copy.integrity_problems().unwrap().is_empty());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let m = std::fs::metadata(&dest).unwrap().permissions().mode() & 0o777;
        assert_eq!(m, 0o600, "backup file mode");
    }
}

#[test]
fn backup_refuses_to_overwrite_an_existing_file() {
    let w = Ward::new();
    let dest = w.dir.path().join("keep.db");
    std::fs::write(&dest, "大事なファイル").unwrap();
    match w.db.backup_to(&dest) {
        Err(StoreError::Io { path, .. }) => assert_eq!(path, dest),
        other => panic!("expected Io, got {other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), "大事なファイル");
}
