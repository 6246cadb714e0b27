//! Ctrl-c during a real import: the binary is interrupted (SIGINT) while it writes a
//! large file, and the database is as it was: not a row of the file, not an audit row.

#![cfg(unix)]

use crate::support::cli;

use std::process::Stdio;
use std::time::{Duration, Instant};

use cli::*;

/// How long the test waits for what it must see before it fails: generous, for a loaded
/// machine; never a measure of speed.
const DEADLINE: Duration = Duration::from_secs(120);

/// A staff file of `n` new people in the demo's first unit.
fn big_file(w: &Scratch, unit: &str, n: usize) -> std::path::PathBuf {
    let mut s = String::from(
        "staff_no,family_name,given_name,family_kana,given_kana,birth_date,hire_date,\
         unit_code,position,grade,job_type,sex\n",
    );
    for i in 0..n {
        s.push_str(&format!(
            "8{i:06},山田,太郎,ヤマダ,タロウ,1980-04-01,2005-04-01,{unit},clerk,2,office,M\n"
        ));
    }
    let p = w.path("big.csv");
    std::fs::write(&p, s).unwrap();
    p
}

fn count(db: &std::path::Path, sql: &str) -> i64 {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn ctrl_c_during_an_import_writes_nothing() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let unit: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT code FROM units WHERE kind = 'team' AND valid_to IS NULL ORDER BY code",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let file = big_file(&w, &unit, 60_000);
    let staff_before = count(&db, "SELECT count(*) FROM staff");
    let audit_before = count(&db, "SELECT count(*) FROM audit_log");
    let mut child = w
        .cmd()
        .args([
            "--db",
            s(&db),
            "import",
            "staff",
            s(&file),
            "--today",
            TODAY,
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Ctrl-c once the import is inside its transaction: another connection finds the
    // write lock taken (reading 60,000 rows comes first; writing them takes far longer).
    let probe = rusqlite::Connection::open(&db).unwrap();
    probe.busy_timeout(Duration::ZERO).unwrap();
    let locked = || match probe.execute_batch("BEGIN IMMEDIATE") {
        Ok(()) => {
            probe.execute_batch("ROLLBACK").unwrap();
            false
        }
        Err(_) => true,
    };
    let deadline = Instant::now() + DEADLINE;
    while child.try_wait().unwrap().is_none() && !locked() {
        assert!(
            Instant::now() < deadline,
            "the import took no write lock within {DEADLINE:?}"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    drop(probe);
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    // It stops, however long that takes on a loaded machine; a hang is a failure.
    let deadline = Instant::now() + DEADLINE;
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the import did not stop within {DEADLINE:?} of Ctrl-c");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(0) {
        // The machine was fast enough to finish first: then everything is there.
        assert_eq!(
            count(&db, "SELECT count(*) FROM staff"),
            staff_before + 60_000
        );
        return;
    }
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("cancelled"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(count(&db, "SELECT count(*) FROM staff"), staff_before);
    assert_eq!(count(&db, "SELECT count(*) FROM audit_log"), audit_before);
    w.run(&["--db", s(&db), "check"]).ok();
}
