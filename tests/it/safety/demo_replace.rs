//! `jinji demo` replaces a demo database by building the new one beside it and renaming
//! it over the old one. Killed (SIGKILL) at each stage of that — at once, once it claimed
//! its scratch file, while the scratch file grows, while its log is folded in, while the
//! old database is readied, just after the rename — the file is the old database whole
//! or the new one whole and passes `jinji check`; the next run clears what the killed one
//! left and no scratch file remains. An old database whose log was never folded in (a
//! writer killed) is replaced without its log meeting the new file.
//!
//! Each stage is reached by watching the directory (no timing): the run is killed as
//! soon as the stage is seen; a run that finished first is simply a whole run.
#![cfg(unix)]

use crate::support::cli;

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use cli::*;

/// The old demo and the new one differ in every name: two seeds.
const OLD_SEED: &str = "1";
const NEW_SEED: &str = "2";

fn demo_args<'a>(db: &'a Path, seed: &'a str) -> Vec<&'a str> {
    vec![
        "--db",
        s(db),
        "demo",
        "--staff",
        "60",
        "--rng-seed",
        seed,
        "--today",
        TODAY,
    ]
}

/// What a database holds, enough to tell two demos apart and a whole one from a part:
/// every table's row count and every person's name.
/// Opened as the next program would (a kill inside a write leaves a hot journal, which
/// the next open rolls back; a read-only one could not).
fn fingerprint(db: &Path) -> String {
    let c = rusqlite::Connection::open(db).expect("open");
    let tables: Vec<String> = c
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut out = String::new();
    for t in tables {
        let n: i64 = c
            .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
            .unwrap();
        out.push_str(&format!("{t}:{n}\n"));
    }
    let names: String = c
        .query_row(
            "SELECT group_concat(staff_no || family_name || given_name, ',' ORDER BY staff_no)
             FROM staff",
            [],
            |r| r.get(0),
        )
        .unwrap();
    out + &names
}

/// Files in `dir` that are neither the database nor SQLite's own beside it.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !["demo.db", "demo.db-wal", "demo.db-shm"].contains(&n.as_str()))
        .collect()
}

/// The stages a run is killed at, each seen from outside.
#[derive(Debug, Clone, Copy)]
enum Stage {
    /// At once.
    Start,
    /// A scratch file of any kind is beside the database.
    Scratch,
    /// The scratch database has grown to so many bytes.
    Grown(u64),
    /// The scratch database has a log (the build is done; its log is being folded in).
    ScratchLog,
    /// The old database is out of WAL mode (readied for the rename), or gone.
    Readied,
    /// The file at the target is another one than the old database.
    Renamed,
}

fn scratch_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().contains(".tmp"))
        .collect()
}

/// Whether `stage` is seen now. `old_ino` is the old database's inode.
fn seen(stage: Stage, db: &Path, old_ino: u64) -> bool {
    let dir = db.parent().unwrap();
    let is_db = |p: &PathBuf| {
        let n = p.to_string_lossy();
        !n.ends_with("-wal")
            && !n.ends_with("-shm")
            && !n.ends_with("-journal")
            && !n.ends_with(".lock")
    };
    match stage {
        Stage::Start => true,
        Stage::Scratch => !scratch_files(dir).is_empty(),
        Stage::Grown(n) => scratch_files(dir)
            .iter()
            .filter(|p| is_db(p))
            .any(|p| std::fs::metadata(p).is_ok_and(|m| m.len() >= n)),
        Stage::ScratchLog => scratch_files(dir)
            .iter()
            .any(|p| p.to_string_lossy().ends_with("-wal")),
        Stage::Readied => match std::fs::read(db) {
            // The header's write version: 1 is a rollback journal, 2 is WAL.
            Ok(b) => b.len() > 18 && b[18] == 1,
            Err(_) => true,
        },
        Stage::Renamed => std::fs::metadata(db).is_ok_and(|m| m.ino() != old_ino),
    }
}

#[test]
fn a_demo_killed_at_any_stage_leaves_the_old_or_the_new_whole_and_no_scratch_file() {
    let w = Scratch::new();
    std::fs::create_dir(w.path("ref")).unwrap();
    std::fs::create_dir(w.path("ward")).unwrap();
    let reference = |seed: &str| -> String {
        let p = w.path(&format!("ref/{seed}.db"));
        w.run(&demo_args(&p, seed)).ok();
        fingerprint(&p)
    };
    let (old, new) = (reference(OLD_SEED), reference(NEW_SEED));
    assert_ne!(old, new);
    let db = w.path("ward/demo.db");
    let stages = [
        Stage::Start,
        Stage::Scratch,
        Stage::Grown(64 << 10),
        Stage::Grown(512 << 10),
        Stage::Grown(1 << 20),
        Stage::ScratchLog,
        Stage::Readied,
        Stage::Renamed,
    ];
    for stage in stages {
        // The old demo, built afresh (whatever the round before left).
        for f in std::fs::read_dir(w.path("ward")).unwrap() {
            std::fs::remove_file(f.unwrap().path()).unwrap();
        }
        w.run(&demo_args(&db, OLD_SEED)).ok();
        let old_ino = std::fs::metadata(&db).unwrap().ino();
        let mut child = w
            .cmd()
            .args(demo_args(&db, NEW_SEED))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("run jinji");
        let mut hit = false;
        while child.try_wait().unwrap().is_none() {
            if seen(stage, &db, old_ino) {
                hit = true;
                break;
            }
            std::thread::yield_now();
        }
        // SIGKILL: nothing of the program runs after it.
        let _ = child.kill();
        child.wait().unwrap();
        eprintln!(
            "{stage:?}: {}",
            if hit {
                "killed there"
            } else {
                "the run ended first"
            }
        );

        let now = fingerprint(&db);
        assert!(
            now == old || now == new,
            "{stage:?}: the database is neither the old demo nor the new one:\n{now}"
        );
        w.run(&["--db", s(&db), "check"]).ok();
        // The next run clears what the killed one left, and leaves nothing of its own.
        w.run(&demo_args(&db, NEW_SEED)).ok();
        assert_eq!(fingerprint(&db), new, "{stage:?}");
        let left = leftovers(&w.path("ward"));
        assert!(left.is_empty(), "{stage:?}: left behind: {left:?}");
        w.run(&["--db", s(&db), "check"]).ok();
    }
}

#[test]
fn an_old_demo_whose_log_was_never_folded_in_is_replaced_whole() {
    let w = Scratch::new();
    let reference = w.path("new.db");
    w.run(&demo_args(&reference, NEW_SEED)).ok();
    let new = fingerprint(&reference);
    // An old demo and a write to it still in its log, as a writer killed before the log
    // was folded in leaves it: copied while the writer holds it open.
    let old = w.path("old.db");
    w.run(&demo_args(&old, OLD_SEED)).ok();
    std::fs::create_dir(w.path("ward")).unwrap();
    let db = w.path("ward/demo.db");
    {
        let c = rusqlite::Connection::open(&old).unwrap();
        c.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        c.execute("UPDATE staff SET family_name = '未反映'", [])
            .unwrap();
        for suffix in ["", "-wal"] {
            std::fs::copy(
                format!("{}{suffix}", old.display()),
                format!("{}{suffix}", db.display()),
            )
            .unwrap();
        }
        let log = std::fs::metadata(format!("{}-wal", db.display()))
            .unwrap()
            .len();
        assert!(log > 0, "the write is in the log");
    }
    w.run(&demo_args(&db, NEW_SEED)).ok();
    assert_eq!(fingerprint(&db), new);
    w.run(&["--db", s(&db), "check"]).ok();
    assert!(leftovers(&w.path("ward")).is_empty());
}
