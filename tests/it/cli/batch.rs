//! End to end: the HR office's batch steps — long-service nominations and the compliance
//! reminders — under the same role rules and exit codes as everything else.

use crate::support::cli;

use cli::*;

fn count_line(out: &str) -> String {
    out.lines().last().unwrap_or_default().to_string()
}

#[test]
fn long_service_candidates_are_listed_then_nominated_once() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    // The first coming 1 April on which someone completes ten years.
    let (base, list) = (2027..2040)
        .map(|y| {
            let base = format!("{y}-04-01");
            let out = w
                .run(&[
                    "--db",
                    s(&db),
                    "long-service",
                    "--years",
                    "10",
                    "--base-date",
                    &base,
                ])
                .ok();
            (base, out)
        })
        .find(|(_, out)| out.stdout.lines().count() > 1)
        .expect("someone completes ten years in the coming years");
    let base = base.as_str();
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
    // Not ahead of the day: the years are not complete yet.
    w.run(&[
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
    .fails(2, &[]);
    before.assert_unchanged(&w.snapshot());
    // On the day itself, nobody is left: the demo's year has had its awards.
    let today = w
        .run(&[
            "--db",
            s(&db),
            "--user",
            "hr1",
            "long-service",
            "--years",
            "10",
            "--base-date",
            TODAY,
            "--nominate",
        ])
        .ok();
    assert!(
        count_line(&today.stdout).starts_with('0'),
        "{}",
        today.stdout
    );
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
