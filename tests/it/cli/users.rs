//! End to end: `jinji users add|list|remove` and who may manage accounts.

use crate::support::cli;

use cli::*;

#[test]
fn users_add_list_and_remove() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let staff_no = first_staff_no(&w, &db);
    let add = ["--db", s(&db), "users", "add", "newhr", "--role", "hr"];
    let out = w.run(&[&add[..], &["--staff", &staff_no]].concat()).ok();
    assert!(out.stdout.contains("newhr"), "{}", out.stdout);
    let list = w.run(&["--db", s(&db), "users", "list"]).ok();
    assert!(
        has_row(&list.stdout, &["newhr", "HR", &staff_no]),
        "{}",
        list.stdout
    );
    w.run(&["--db", s(&db), "--user", "newhr", "export", "staff"])
        .ok();

    let out = w.run(&["--db", s(&db), "users", "remove", "newhr"]).ok();
    assert!(
        out.stdout.contains("Disabled account newhr"),
        "{}",
        out.stdout
    );
    let list = w.run(&["--db", s(&db), "users", "list"]).ok();
    assert!(
        has_row(&list.stdout, &["newhr", "HR"]),
        "kept for the audit log"
    );
    let acc = w
        .run(&["--db", s(&db), "export", "accounts", "--format", "json"])
        .ok();
    let rows: Vec<serde_json::Value> = serde_json::from_str(&acc.stdout).unwrap();
    let row = rows.iter().find(|r| r["login"] == "newhr").expect("newhr");
    assert_eq!(row["active"], 0, "{row}");
    w.run(&["--db", s(&db), "--user", "newhr", "export", "staff"])
        .fails(2, &["newhr"]);
}

#[test]
fn removing_the_last_admin_is_refused() {
    let w = Scratch::new();
    let db = w.init("i.db");
    let before = w.snapshot();
    w.run(&["--db", s(&db), "users", "remove", login()])
        .fails(2, &["admin"]);
    before.assert_unchanged(&w.snapshot());

    let demo = w.demo("d.db");
    w.run(&["--db", s(&demo), "users", "remove", "admin"]).ok();
    w.run(&["--db", s(&demo), "users", "remove", login()])
        .fails(2, &["admin"]);
    let list = w.run(&["--db", s(&demo), "users", "list"]).ok();
    assert!(
        has_row(&list.stdout, &[login(), "Admin"]),
        "{}",
        list.stdout
    );
}

#[test]
fn a_non_admin_cannot_manage_users() {
    let w = Scratch::new();
    let demo = w.demo("d.db");
    let args = [
        "--db",
        s(&demo),
        "--user",
        "hr1",
        "users",
        "add",
        "x",
        "--role",
        "hr",
    ];
    w.run(&args).fails(2, &["admin"]);

    let db = w.init("i.db");
    w.run(&["--db", s(&db), "users", "add", "boss", "--role", "admin"])
        .ok();
    be(&db, Me::Is("hr", None));
    let before = w.snapshot();
    w.run(&["--db", s(&db), "users", "add", "eve", "--role", "admin"])
        .fails(2, &["admin"]);
    w.run(&["--db", s(&db), "users", "list"])
        .fails(2, &["admin"]);
    before.assert_unchanged(&w.snapshot());
    // Acting as someone else is refused, and the attempt is in the audit log, by the
    // real login.
    w.run(&["--db", s(&db), "--user", "boss", "users", "list"])
        .fails(2, &["--user"]);
    let c = rusqlite::Connection::open(&db).unwrap();
    let (actor, after): (String, String) = c
        .query_row(
            "SELECT actor, after FROM audit_log WHERE action = 'refused' AND table_name = 'accounts'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(actor, login());
    assert!(after.contains("boss"), "{after}");
}

#[test]
fn users_refuse_unknown_staff_and_logins() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let add = [
        "--db",
        s(&db),
        "users",
        "add",
        "x",
        "--role",
        "hr",
        "--staff",
    ];
    w.run(&[&add[..], &["9999999"]].concat())
        .fails(2, &["9999999"]);
    w.run(&["--db", s(&db), "users", "remove", "nobody"])
        .fails(2, &["nobody"]);
    let list = w.run(&["--db", s(&db), "users", "list"]).ok();
    assert!(!has_row(&list.stdout, &["x"]), "x was not added");
}

#[test]
fn users_add_on_an_existing_login_changes_its_role_and_enables_it() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    w.run(&["--db", s(&db), "users", "remove", "hr2"]).ok();
    let out = w
        .run(&["--db", s(&db), "users", "add", "hr2", "--role", "admin"])
        .ok();
    assert!(out.stdout.contains("Updated account hr2"), "{}", out.stdout);
    let list = w.run(&["--db", s(&db), "users", "list"]).ok();
    assert!(has_row(&list.stdout, &["hr2", "Admin"]), "{}", list.stdout);
    w.run(&["--db", s(&db), "--user", "hr2", "export", "audit"])
        .ok();
}

/// The staff number of the first staff member in the demo database at `db`.
fn first_staff_no(w: &Scratch, db: &std::path::Path) -> String {
    let out = w
        .run(&["--db", s(db), "export", "staff", "--format", "json"])
        .ok();
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out.stdout).unwrap();
    rows[0]["staff_no"].as_str().expect("staff_no").to_string()
}
