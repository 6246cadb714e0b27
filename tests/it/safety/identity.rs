//! Who you are, under attack: jinji takes the acting login from the process's real user
//! id (the password database), never from the environment. On a real (not demo)
//! database where `admin` is an admin account and the real login is a staff member's
//! account, running with `USER=admin LOGNAME=admin USERNAME=admin` is still the staff
//! member: no admin command works, `--user admin` is refused and the refusal is written
//! to the audit log under the real login, and the screens say who it is.
#![cfg(unix)]

use crate::support::cli;
use crate::support::pty;

use std::path::Path;

use cli::*;
use serde_json::Value;

/// What the attacker's environment says.
const LIES: [(&str, &str); 3] = [
    ("USER", "admin"),
    ("LOGNAME", "admin"),
    ("USERNAME", "admin"),
];

/// A real database made by the real login, with a section, two people, an `admin`
/// account, and the real login turned into the account of staff member 0000002.
fn ward(w: &Scratch) -> std::path::PathBuf {
    let db = w.init("ward.db");
    let on = |args: &[&str]| w.run(&[&["--db", s(&db)][..], args].concat());
    std::fs::write(
        w.path("units.csv"),
        "unit_code,name,parent_code,kind,valid_from\nU1,総務課,,section,2000-04-01\n",
    )
    .unwrap();
    std::fs::write(
        w.path("staff.csv"),
        "staff_no,family_name,given_name,family_kana,given_kana,birth_date,hire_date,\
         unit_code,position,grade,job_type,track,status,sex,supervisor_staff_no\n\
         0000001,山田,一郎,ヤマダ,イチロウ,1970-04-01,1995-04-01,U1,section_chief,6,office,generalist,active,M,\n\
         0000002,佐藤,花子,サトウ,ハナコ,1980-04-01,2005-04-01,U1,clerk,2,office,generalist,active,F,0000001\n",
    )
    .unwrap();
    on(&["import", "units", "units.csv"]).ok();
    on(&["import", "staff", "staff.csv"]).ok();
    on(&[
        "users", "add", "admin", "--role", "admin", "--staff", "0000001",
    ])
    .ok();
    // The real login steps down to a staff member's account: `admin` is the admin now.
    on(&[
        "users",
        "add",
        login(),
        "--role",
        "staff",
        "--staff",
        "0000002",
    ])
    .ok();
    db
}

/// The binary with the attacker's environment, on `TODAY`.
fn attack(w: &Scratch, args: &[&str]) -> Out {
    let mut c = w.cmd();
    c.envs(LIES).args(on_today(args)).args(args);
    let o = c.output().expect("run jinji");
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        stdout_bytes: o.stdout,
    }
}

/// Accounts, settings, staff, and every audit row but the refusals.
fn state(db: &Path) -> Vec<String> {
    let c = read_only(db);
    let mut out = Vec::new();
    for q in [
        "SELECT login || '|' || role || '|' || active || '|' || version FROM accounts ORDER BY id",
        "SELECT key || '|' || value FROM settings ORDER BY key",
        "SELECT staff_no || '|' || version FROM staff ORDER BY id",
        "SELECT id || '|' || actor || '|' || action FROM audit_log WHERE action <> 'refused' ORDER BY id",
    ] {
        let mut st = c.prepare(q).unwrap();
        out.extend(
            st.query_map([], |r| r.get::<_, String>(0))
                .unwrap()
                .map(Result::unwrap),
        );
    }
    out
}

#[test]
fn user_and_logname_change_nothing() {
    assert_ne!(
        login(),
        "admin",
        "the test needs a real login other than admin"
    );
    let w = Scratch::new();
    let db = ward(&w);
    let was = state(&db);

    // Admin commands: refused as the staff member the process is.
    for args in [
        &["users", "list"][..],
        &["users", "add", "evil", "--role", "admin"],
        &["users", "remove", "admin"],
        &["settings", "appeal_window_days", "30"],
        &["export", "accounts"],
        &["export", "audit"],
        &["import", "units", "units.csv"],
    ] {
        let o = attack(&w, &[&["--db", s(&db)][..], args].concat());
        o.fails(2, &[]);
        assert!(
            o.stderr.contains("admin"),
            "{args:?}: refused for want of a role: {}",
            o.stderr
        );
        assert_eq!(state(&db), was, "{args:?} changed the database");
    }
    assert!(refusals(&db).is_empty(), "no --user yet");

    // What it may read is the staff member's own record, nothing of the ward.
    let own = attack(&w, &["--db", s(&db), "export", "staff", "--format", "json"]).ok();
    let rows: Vec<Value> = serde_json::from_str(&own.stdout).expect("json");
    let nos: Vec<&str> = rows.iter().filter_map(|r| r["staff_no"].as_str()).collect();
    assert_eq!(nos, ["0000002"], "only the real login's own record");
    let summary = attack(&w, &["--db", s(&db)]).ok();
    assert!(
        !summary.stdout.contains("active staff"),
        "no ward-wide counts for a staff member: {}",
        summary.stdout
    );

    // `--user admin` is refused, and the refusal is logged under the real login.
    for args in [
        &["users", "list"][..],
        &["export", "staff"],
        &["settings", "appeal_window_days", "30"],
        &[],
    ] {
        let before = refusals(&db);
        let o = attack(
            &w,
            &[&["--db", s(&db), "--user", "admin"][..], args].concat(),
        );
        o.fails(2, &["--user"]);
        let after = refusals(&db);
        assert_eq!(
            after.len(),
            before.len() + 1,
            "{args:?}: one refusal logged"
        );
        assert_eq!(
            after.last().unwrap(),
            &(login().to_string(), "admin".to_string()),
            "{args:?}: logged as the real login, wanting admin"
        );
        assert_eq!(state(&db), was, "{args:?} changed the database");
    }
}

#[test]
fn a_new_database_makes_the_real_login_its_admin_whatever_user_says() {
    let w = Scratch::new();
    let db = w.path("new.db");
    let out = attack(&w, &["--db", s(&db), "init"]).ok();
    assert!(
        out.stdout.contains(&format!("admin: {}", login())),
        "{}",
        out.stdout
    );
    let c = read_only(&db);
    let accounts: Vec<(String, String)> = c
        .prepare("SELECT login, role FROM accounts ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(accounts, [(login().to_string(), "admin".to_string())]);
}

#[test]
fn the_screens_say_who_runs_them_whatever_user_says() {
    let w = Scratch::new();
    let db = ward(&w);
    let home = w.root().to_path_buf();
    let args = ["--db", s(&db)];
    let mut o = pty::Spawn::new(&home, &args);
    o.env = &LIES;
    let mut s = pty::Session::start(o);
    let me = format!("利用者 {} (職員)", login());
    let screen = s.wait_until(&me, |scr| pty::row(scr, 0).contains(&me));
    assert!(!screen.contains("利用者 admin"), "{screen}");
    s.keys("q");
    assert!(s.wait_exit().success(), "{}", s.text());
}
