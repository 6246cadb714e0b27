//! End to end: the real `jinji` binary's commands (demo, init, seed, users, backup,
//! check) and its global flags, each test in a scratch home (DESIGN.md, "Command line").

use crate::support::cli;

use cli::*;

#[test]
fn demo_builds_in_the_data_dir_and_prints_a_summary() {
    let w = Scratch::new();
    let out = w.run(&["demo", "--staff", "60", "--today", TODAY]).ok();
    let db = w.data_dir().join("demo.db");
    assert!(db.is_file(), "demo.db in the data dir");
    #[cfg(unix)]
    {
        assert_eq!(mode(&db), 0o600, "the database is private");
        assert_eq!(mode(&w.data_dir()), 0o700, "the data dir is private");
    }
    assert!(out.stdout.contains("60 active staff"), "{}", out.stdout);
    assert!(out.stdout.contains("Staff"), "a count for staff");
    assert!(out.stdout.contains("Accounts"), "a count for accounts");
    assert!(
        out.stdout
            .contains("fiscal years held: FY2022, FY2023, FY2024, FY2025, FY2026"),
        "{}",
        out.stdout
    );
}

#[test]
fn bare_jinji_prints_the_summary_of_a_database() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let out = w.run(&["--db", s(&db)]).ok();
    assert!(out.stdout.contains("jinji database"), "{}", out.stdout);
    assert!(out.stdout.contains("60 active staff"), "{}", out.stdout);
    assert!(
        out.stdout.contains("fiscal years held: FY"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Staff"));
}

#[test]
fn bare_jinji_on_a_fresh_home_creates_the_database_and_its_admin() {
    let w = Scratch::new();
    let out = w.run(&[]).ok();
    assert!(out.stdout.contains("0 active staff"), "{}", out.stdout);
    assert!(
        out.stdout.contains("fiscal years held: none"),
        "{}",
        out.stdout
    );
    let db = w.data_dir().join("jinji.db");
    assert!(db.is_file());
    #[cfg(unix)]
    assert_eq!(mode(&db), 0o600);
    let list = w.run(&["users", "list"]).ok();
    assert!(
        has_row(&list.stdout, &[login(), "Admin"]),
        "{}",
        list.stdout
    );
}

#[test]
fn the_os_user_is_admin_of_the_demo_at_once() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let list = w.run(&["--db", s(&db), "users", "list"]).ok();
    assert!(
        has_row(&list.stdout, &[login(), "Admin"]),
        "{}",
        list.stdout
    );
    assert!(has_row(&list.stdout, &["hr1", "HR"]), "{}", list.stdout);
    w.run(&["--db", s(&db), "export", "audit"]).ok();
    w.run(&["--db", s(&db), "backup", s(&w.path("b.db"))]).ok();
    w.run(&["--db", s(&db), "users", "add", "new", "--role", "hr"])
        .ok();
}

#[test]
fn demo_rebuilds_a_demo_database() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let first = w.run(&["--db", s(&db), "export", "staff"]).ok();
    w.demo("d.db");
    let again = w.run(&["--db", s(&db), "export", "staff"]).ok();
    assert_eq!(first.stdout, again.stdout, "same seed, same ward");
}

#[test]
fn demo_refuses_to_replace_a_real_database() {
    let w = Scratch::new();
    let db = w.init("real.db");
    let before = w.snapshot();
    w.run(&["--db", s(&db), "demo", "--staff", "60", "--today", TODAY])
        .fails(2, &["real.db"]);
    before.assert_unchanged(&w.snapshot());
}

#[test]
fn init_creates_an_empty_private_database() {
    let w = Scratch::new();
    let db = w.path("new.db");
    let out = w.run(&["--db", s(&db), "init"]).ok();
    assert!(out.stdout.contains("new.db"), "{}", out.stdout);
    assert!(
        out.stdout.contains(&format!("admin: {}", login())),
        "{}",
        out.stdout
    );
    #[cfg(unix)]
    assert_eq!(mode(&db), 0o600);
    let sum = w.run(&["--db", s(&db)]).ok();
    assert!(sum.stdout.contains("0 active staff"), "{}", sum.stdout);
    let list = w.run(&["--db", s(&db), "users", "list"]).ok();
    assert!(
        has_row(&list.stdout, &[login(), "Admin"]),
        "{}",
        list.stdout
    );
}

#[test]
fn init_refuses_an_existing_file() {
    let w = Scratch::new();
    let db = w.init("new.db");
    std::fs::write(w.path("notes.txt"), "keep me\n").unwrap();
    let before = w.snapshot();
    w.run(&["--db", s(&db), "init"]).fails(2, &["new.db"]);
    w.run(&["init", "--db", "notes.txt"])
        .fails(2, &["notes.txt"]);
    before.assert_unchanged(&w.snapshot());
}

#[test]
fn seed_fills_a_new_database() {
    let w = Scratch::new();
    let out = w
        .run(&["seed", "--staff", "100", "--years", "2", "--db", "new.db"])
        .ok();
    assert!(
        out.stdout.contains("100 staff, 2 fiscal years"),
        "{}",
        out.stdout
    );
    let sum = w.run(&["--db", "new.db"]).ok();
    assert!(sum.stdout.contains("100 active staff"), "{}", sum.stdout);
    assert!(sum.stdout.contains("FY2025, FY2026"), "{}", sum.stdout);
    let list = w.run(&["--db", "new.db", "users", "list"]).ok();
    assert!(
        has_row(&list.stdout, &[login(), "Admin"]),
        "{}",
        list.stdout
    );
}

#[test]
fn seed_refuses_a_database_with_staff() {
    let w = Scratch::new();
    w.run(&["seed", "--staff", "100", "--years", "2", "--db", "new.db"])
        .ok();
    let demo = w.demo("d.db");
    let before = w.snapshot();
    w.run(&["seed", "--staff", "10", "--db", "new.db"])
        .fails(2, &["new.db"]);
    w.run(&["seed", "--staff", "10", "--db", s(&demo)])
        .fails(2, &["d.db"]);
    before.assert_unchanged(&w.snapshot());
}

#[test]
fn seed_keeps_or_refuses_a_database_with_accounts() {
    let w = Scratch::new();
    let db = w.init("i.db");
    w.run(&["--db", s(&db), "users", "add", "bob", "--role", "hr"])
        .ok();
    let out = w.run(&["--db", s(&db), "seed", "--staff", "5"]);
    out.no_panic();
    if out.code == 0 {
        let list = w.run(&["--db", s(&db), "users", "list"]).ok();
        assert!(has_row(&list.stdout, &["bob", "HR"]), "bob was lost");
    } else {
        out.fails(2, &["i.db"]);
    }
}

#[test]
fn backup_to_a_file_passes_check_and_is_never_overwritten() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let out = w.run(&["--db", s(&db), "check"]).ok();
    assert!(out.stdout.contains("sound"), "{}", out.stdout);
    let b = w.path("copy.db");
    let out = w.run(&["--db", s(&db), "backup", s(&b)]).ok();
    assert!(out.stdout.contains("copy.db"), "{}", out.stdout);
    #[cfg(unix)]
    assert_eq!(mode(&b), 0o600);
    w.run(&["--db", s(&b), "check"]).ok();
    let a = w.run(&["--db", s(&db), "export", "staff"]).ok();
    let c = w.run(&["--db", s(&b), "export", "staff"]).ok();
    assert_eq!(a.stdout, c.stdout, "the copy holds the same staff");

    let before = w.snapshot();
    let again = w.run(&["--db", s(&db), "backup", s(&b)]);
    assert!(again.code == 1 || again.code == 2, "{again:#?}");
    again.fails(again.code, &["copy.db"]);
    before.assert_unchanged(&w.snapshot());
}

#[test]
fn backup_without_a_file_goes_to_the_backups_dir_and_keeps_n() {
    let w = Scratch::new();
    let db = w.demo("b.db");
    let dir = w.data_dir().join("backups");
    std::fs::create_dir_all(&dir).unwrap();
    for old in [
        "b-19900101-000000.db",
        "b-19910101-000000.db",
        "b-19920101-000000.db",
    ] {
        std::fs::write(dir.join(old), b"old").unwrap();
    }
    std::fs::write(dir.join("other-19900101-000000.db"), b"other").unwrap();
    let out = w.run(&["--db", s(&db), "backup", "--keep", "2"]).ok();
    assert!(
        out.stdout.contains("Removed 2 old backups"),
        "{}",
        out.stdout
    );
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    assert_eq!(names[0], "b-19920101-000000.db", "the newest old one stays");
    assert_eq!(names[2], "other-19900101-000000.db", "another database's");
    let new = dir.join(&names[1]);
    assert!(names[1].starts_with("b-") && names[1].len() == "b-20261124-000000-000.db".len());
    #[cfg(unix)]
    {
        assert_eq!(mode(&new), 0o600);
        assert_eq!(mode(&dir), 0o700);
    }
    w.run(&["--db", s(&new), "check"]).ok();
}

#[test]
fn two_backups_in_a_row_both_succeed() {
    let w = Scratch::new();
    let db = w.demo("b.db");
    w.run(&["--db", s(&db), "backup"]).ok();
    w.run(&["--db", s(&db), "backup"]).ok();
    let n = std::fs::read_dir(w.data_dir().join("backups"))
        .unwrap()
        .count();
    assert_eq!(n, 2);
}

#[test]
fn global_flags_go_before_or_after_the_subcommand() {
    let w = Scratch::new();
    let db = w.path("g.db");
    let args = ["demo", "--staff", "60", "--today", TODAY, "--db", s(&db)];
    w.run(&args).ok();
    assert!(db.is_file(), "demo honoured a trailing --db");
    let before = w.run(&["--db", s(&db), "export", "staff"]).ok();
    let after = w.run(&["export", "staff", "--db", s(&db)]).ok();
    assert_eq!(before.stdout_bytes, after.stdout_bytes);
    let ja1 = w
        .run(&["--lang", "ja", "--db", s(&db), "export", "units"])
        .ok();
    let ja2 = w
        .run(&["export", "units", "--db", s(&db), "--lang", "ja"])
        .ok();
    assert_eq!(ja1.stdout, ja2.stdout);
    assert!(
        ja2.stdout.starts_with("\u{feff}所属コード"),
        "{}",
        ja2.stdout
    );
    let u1 = w
        .run(&["--user", "hr1", "--db", s(&db), "export", "units"])
        .ok();
    let u2 = w
        .run(&["export", "units", "--user", "hr1", "--db", s(&db)])
        .ok();
    assert_eq!(u1.stdout, u2.stdout);
    w.run(&["users", "list", "--db", s(&db)]).ok();
    w.run(&["check", "--db", s(&db)]).ok();
    w.run(&["--user", "hr1", "users", "list", "--db", s(&db)])
        .fails(2, &["admin"]);
}

#[test]
fn a_closed_stdout_is_no_panic() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    for args in [vec!["--db", s(&db), "users", "list"], vec!["--db", s(&db)]] {
        let mut child = w
            .cmd()
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // the reader goes away before a line is written
        let o = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(
            o.status.code() == Some(0) || o.status.code() == Some(1),
            "{args:?}"
        );
    }
}
