//! End to end: bad input to the real `jinji` binary. Each refusal exits 2 (1 for I/O and
//! system failures), says so in one line starting `jinji:`, never panics, and writes
//! nothing (DESIGN.md, "Command line").

use crate::support::cli;

use std::path::{Path, PathBuf};

use cli::*;

/// Every command that reads or writes the database at `db`, with the exit code the
/// contract asks for when `db` is bad input.
fn commands_on(db: &Path, backup: &Path) -> Vec<Vec<String>> {
    let db = s(db).to_string();
    let v = |a: &[&str]| -> Vec<String> {
        ["--db", db.as_str()]
            .iter()
            .chain(a)
            .map(|x| x.to_string())
            .collect()
    };
    vec![
        v(&[]),
        v(&["check"]),
        v(&["export", "staff"]),
        v(&["export", "units", "--format", "json"]),
        v(&["users", "list"]),
        v(&["users", "add", "x", "--role", "hr"]),
        v(&["backup", s(backup)]),
        v(&["demo", "--staff", "60", "--today", TODAY]),
        v(&["seed", "--staff", "10", "--today", TODAY]),
    ]
}

#[track_caller]
fn refuse_all(w: &Scratch, db: &Path, code: i32, names: &[&str]) {
    let before = w.snapshot();
    for args in commands_on(db, &w.path("backup.db")) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = w.run(&args);
        assert_eq!(out.code, code, "{args:?}: {out:#?}");
        out.fails(code, names);
        before.assert_unchanged(&w.snapshot());
    }
}

#[test]
fn a_missing_directory_is_refused_and_not_created() {
    let w = Scratch::new();
    let out = w.run(&["--db", "/nonexistent/dir/x.db", "init"]);
    out.fails(1, &["/nonexistent/dir"]);
    assert!(!Path::new("/nonexistent").exists());
    for args in [
        vec![],
        vec!["check"],
        vec!["export", "staff"],
        vec!["users", "list"],
    ] {
        let out = w.run(&[&["--db", "/nonexistent/dir/x.db"][..], &args].concat());
        out.fails(1, &["/nonexistent/dir/x.db"]);
    }
    assert!(!Path::new("/nonexistent").exists());
}

#[test]
fn a_missing_directory_writes_nothing_anywhere() {
    let w = Scratch::new();
    let db = w.path("no/such/x.db");
    let before = w.snapshot();
    for args in commands_on(&db, &w.path("b.db")) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = w.run(&args);
        out.no_panic();
        assert!(out.code == 1 || out.code == 2, "{args:?}: {out:#?}");
        out.fails(out.code, &[]);
        before.assert_unchanged(&w.snapshot());
    }
    assert!(!w.path("no").exists());
}

#[test]
fn demo_and_seed_name_the_database_not_a_temp_file() {
    let w = Scratch::new();
    let db = w.path("no/such/x.db");
    for args in [
        vec!["--db", s(&db), "demo", "--staff", "60", "--today", TODAY],
        vec!["--db", s(&db), "seed", "--staff", "10"],
    ] {
        w.run(&args).fails(1, &["x.db"]);
    }
}

#[test]
fn a_file_that_is_not_sqlite_is_refused() {
    let w = Scratch::new();
    let db = w.path("notes.txt");
    std::fs::write(&db, "staff_no,name\n1,山田\n".repeat(50)).unwrap();
    refuse_all(&w, &db, 2, &["notes.txt", "not a jinji database"]);
    // Not even `init`: the file exists.
    let before = w.snapshot();
    w.run(&["--db", s(&db), "init"]).fails(2, &["notes.txt"]);
    before.assert_unchanged(&w.snapshot());
}

#[test]
fn an_empty_file_is_refused_by_read_only_commands() {
    let w = Scratch::new();
    let db = w.path("empty.db");
    std::fs::write(&db, b"").unwrap();
    let before = w.snapshot();
    for args in [
        vec!["check"],
        vec!["export", "staff"],
        vec!["backup", "b.db"],
    ] {
        let out = w.run(&[&["--db", s(&db)][..], &args].concat());
        out.fails(2, &["empty.db"]);
        before.assert_unchanged(&w.snapshot());
    }
}

#[test]
fn a_bare_jinji_on_an_empty_file_makes_its_creator_admin_or_refuses() {
    let w = Scratch::new();
    let db = w.path("empty.db");
    std::fs::write(&db, b"").unwrap();
    let before = w.snapshot();
    let out = w.run(&["--db", s(&db)]);
    out.no_panic();
    if out.code == 0 {
        let list = w.run(&["--db", s(&db), "users", "list"]).ok();
        assert!(list.stdout.contains(login()), "{}", list.stdout);
    } else {
        out.fails(2, &["empty.db"]);
        before.assert_unchanged(&w.snapshot());
    }
}

/// An `init`ed database whose `user_version` says a newer jinji made it.
fn newer_database(w: &Scratch) -> PathBuf {
    let db = w.init("newer.db");
    let c = rusqlite::Connection::open(&db).unwrap();
    c.pragma_update(None, "user_version", 99).unwrap();
    c.close().unwrap();
    db
}

#[test]
fn a_database_from_a_newer_jinji_is_refused() {
    let w = Scratch::new();
    let db = newer_database(&w);
    refuse_all(&w, &db, 2, &["newer.db", "99"]);
}

#[test]
fn an_unknown_kind_is_refused_with_the_list() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let before = w.snapshot();
    let f = w.path("out.csv");
    let out = w.run(&["--db", s(&db), "export", "nope", "--out", s(&f)]);
    out.fails(2, &["nope", "staff", "units", "audit"]);
    w.run(&["export", "nope"]).fails(2, &["nope"]);
    before.assert_unchanged(&w.snapshot());
    assert!(!f.exists());
}

#[test]
fn usage_errors_exit_2_and_write_nothing() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let before = w.snapshot();
    let d = s(&db);
    let cases: Vec<Vec<&str>> = vec![
        vec!["--bogus-flag"],
        vec!["--db", d, "--bogus-flag"],
        vec!["--db", d, "export", "staff", "--bogus-flag"],
        vec!["seed"],
        vec!["--db", "s.db", "seed"],
        vec!["seed", "--staff", "0", "--db", "s.db"],
        vec!["seed", "--staff", "many", "--db", "s.db"],
        vec!["demo", "--staff", "0"],
        vec!["--lang", "fr"],
        vec!["--db", d, "export"],
        vec!["--db", d, "export", "staff", "--format", "pdf"],
        vec!["--db", d, "users", "add", "x"],
        vec!["--db", d, "users", "add", "x", "--role", "boss"],
        vec!["--db", d, "frobnicate"],
        vec!["--db", d, "backup", "--keep", "-1"],
    ];
    for args in cases {
        let out = w.run(&args);
        assert_eq!(out.code, 2, "{args:?}: {out:#?}");
        out.usage_error();
    }
    before.assert_unchanged(&w.snapshot());
    assert!(!w.path("s.db").exists());
}

#[test]
fn a_bad_date_is_refused_before_anything_is_written() {
    let w = Scratch::new();
    let before = w.snapshot();
    w.run(&["demo", "--today", "notadate"])
        .fails(2, &["notadate"]);
    w.run(&[
        "--db", "x.db", "demo", "--staff", "60", "--today", "notadate",
    ])
    .fails(2, &["notadate"]);
    w.run(&[
        "seed",
        "--staff",
        "10",
        "--today",
        "2026-02-30",
        "--db",
        "y.db",
    ])
    .fails(2, &["2026-02-30"]);
    before.assert_unchanged(&w.snapshot());
    assert!(!w.data_dir().join("demo.db").exists());
    assert!(!w.path("x.db").exists() && !w.path("y.db").exists());
}

#[test]
fn a_bad_date_leaves_an_existing_demo_as_it_was() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let before = w.snapshot();
    w.run(&["--db", s(&db), "demo", "--today", "R99.99.99"])
        .fails(2, &["R99.99.99"]);
    before.assert_unchanged(&w.snapshot());
}

#[test]
fn an_unknown_os_user_is_refused() {
    let w = Scratch::new();
    let db = w.init("i.db");
    be(&db, Me::Nobody);
    let before = w.snapshot();
    for args in [vec![], vec!["export", "staff"], vec!["users", "list"]] {
        let out = w.run(&[&["--db", s(&db)][..], &args].concat());
        out.fails(2, &[login(), "i.db"]);
    }
    before.assert_unchanged(&w.snapshot());
}

#[test]
fn a_disabled_user_is_refused() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    w.run(&["--db", s(&db), "users", "remove", "hr2"]).ok();
    w.run(&["--db", s(&db), "--user", "hr2", "export", "staff"])
        .fails(2, &["hr2", "disabled"]);
    w.run(&["--db", s(&db), "--user", "ghost", "export", "staff"])
        .fails(2, &["ghost"]);
}
