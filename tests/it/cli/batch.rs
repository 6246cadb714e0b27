//! End to end: the HR office's batch steps — long-service nominations, the compliance
//! reminders and the year-end 定年退職 — under the same role rules and exit codes as
//! everything else.

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

/// The staff numbers a `retire teinen` lists, one a line before its count.
fn listed(out: &str) -> Vec<String> {
    out.lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_years_retirements_are_listed_then_issued_on_their_day() {
    let w = Scratch::new();
    // A ward big enough to have people reaching 62 in FY2026.
    let db = w.path("d.db");
    w.run(&["--db", s(&db), "demo", "--staff", "300"]).ok();
    let hr = |args: &[&str]| {
        let mut all = vec!["--db", s(&db), "--user", "hr1"];
        all.extend_from_slice(args);
        w.run(&all)
    };
    let due = listed(&hr(&["retire", "teinen", "--dry-run"]).ok().stdout);
    assert!(!due.is_empty(), "the demo has 定年退職予定者 this year");
    // Someone outside the HR office may not even look; nothing is written.
    let before = w.snapshot();
    w.run(&[
        "--db",
        s(&db),
        "--user",
        "s0000001",
        "retire",
        "teinen",
        "--dry-run",
    ])
    .fails(2, &[]);
    // Not before 31 March.
    hr(&["retire", "teinen"]).fails(2, &["retire"]);
    before.assert_unchanged(&w.snapshot());
    // On the day, everyone listed retires with the ward's 発令, and nobody is left.
    let done = hr(&["--today", "2027-03-31", "retire", "teinen"]).ok();
    assert_eq!(listed(&done.stdout), due);
    assert!(count_line(&done.stdout).contains(&due.len().to_string()));
    for no in &due {
        let notice = hr(&["--today", "2027-04-01", "report", "appointment", no]).ok();
        assert!(
            notice.stdout.contains("定年により退職"),
            "{}",
            notice.stdout
        );
    }
    let after = hr(&[
        "--today",
        "2027-04-01",
        "retire",
        "teinen",
        "--year",
        "2026",
        "--dry-run",
    ])
    .ok();
    assert!(listed(&after.stdout).is_empty(), "{}", after.stdout);
}
