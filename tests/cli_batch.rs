//! End to end: the HR office's batch steps — long-service nominations and the compliance
//! reminders — under the same role rules and exit codes as everything else.

mod cli;

use cli::*;

fn count_line(out: &str) -> String {
    out.lines().last().unwrap_or_default().to_string()
}

#[test]
fn long_service_candidates_are_listed_then_nominated_once() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let base = "2027-03-31";
    let list = w
        .run(&[
            "--db",
            s(&db),
            "long-service",
            "--years",
            "10",
            "--base-date",
            base,
        ])
        .ok();
    let candidates = list.stdout.lines().count() - 1;
    assert!(candidates > 0, "{}", list.stdout);
    // A supervisor may look but not nominate; nothing is written.
    let before = w.snapshot();
    w.run(&[
        "--db",
        s(&db),
        "--user",
        "s0000001",
        "long-service",
        "--years",
        "10",
        "--base-date",
        base,
        "--nominate",
    ])
    .fails(2, &[]);
    before.assert_unchanged(&w.snapshot());
    let done = w
        .run(&[
            "--db",
            s(&db),
            "--user",
            "hr1",
            "long-service",
            "--years",
            "10",
            "--base-date",
            base,
            "--nominate",
        ])
        .ok();
    assert!(
        count_line(&done.stdout).contains(&candidates.to_string()),
        "{}",
        done.stdout
    );
    // Nominated people are candidates no more.
    let again = w
        .run(&[
            "--db",
            s(&db),
            "long-service",
            "--years",
            "10",
            "--base-date",
            base,
        ])
        .ok();
    assert_eq!(again.stdout.lines().count(), 1, "{}", again.stdout);
    let awards = w
        .run(&["--db", s(&db), "export", "awards", "--format", "json"])
        .ok();
    let rows: Vec<serde_json::Value> = serde_json::from_str(&awards.stdout).unwrap();
    let nominated = rows
        .iter()
        .filter(|r| r["kind"] == "long_service_10" && r["state"] == "nominated")
        .count();
    assert!(nominated >= candidates, "{nominated} < {candidates}");
    w.run(&["--db", s(&db), "long-service", "--years", "15"])
        .fails(2, &["15"]);
}

#[test]
fn overdue_lists_people_under_their_supervisor_as_the_account_may_see() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let all = w.run(&["--db", s(&db), "overdue", "--year", "2026"]).ok();
    let people = |out: &str| out.lines().filter(|l| l.starts_with("  ")).count();
    let n = people(&all.stdout);
    assert!(
        count_line(&all.stdout).contains(&n.to_string()),
        "{}",
        all.stdout
    );
    // A staff member sees at most their own line.
    let login = w.login_with_role(&db, "staff");
    let staff_no = login.trim_start_matches('s').to_string();
    let mine = w
        .run(&[
            "--db",
            s(&db),
            "--user",
            &login,
            "overdue",
            "--year",
            "2026",
        ])
        .ok();
    assert!(people(&mine.stdout) <= 1, "{}", mine.stdout);
    for l in mine.stdout.lines().filter(|l| l.starts_with("  ")) {
        assert!(l.contains(&staff_no), "{l}");
    }
}
