//! One clock: `--today` is the day every command and the screens decide by, given before
//! or after the subcommand; a day that is not a date is refused by every command before it
//! touches anything. (That nothing else depends on the real date is proven by the whole
//! suite passing on shifted clocks: scripts/shifted-clock.sh.)
#![cfg(unix)]

use crate::support::cli;
use crate::support::pty;

use cli::*;

/// The demo's plan #1 takes effect on 1 April 2027: the clock decides whether it may be
/// applied, wherever `--today` stands on the line.
#[test]
fn the_april_plan_is_applied_on_its_day_by_the_clock() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let plans = w
        .run(&["--db", s(&db), "--user", "hr1", "transfer", "plans"])
        .ok()
        .stdout;
    assert!(plans.contains("#1 ") && plans.contains("(effective 2027-04-01) Draft"));
    // A ward this small has nobody the demo's plan may move (those who wish to move have
    // served under three years, lead, or end their terms before April): HR adds one.
    w.run(&[
        "--db",
        s(&db),
        "--user",
        "hr1",
        "transfer",
        "add",
        "1",
        "0400001",
        "--unit",
        "100101",
    ])
    .ok();
    let before = w.snapshot();
    for eve in [
        &[
            "--today",
            "2027-03-31",
            "--db",
            s(&db),
            "--user",
            "hr1",
            "transfer",
            "apply",
            "1",
        ][..],
        &[
            "--db",
            s(&db),
            "--user",
            "hr1",
            "transfer",
            "apply",
            "1",
            "--today",
            "R09.03.31",
        ],
    ] {
        w.run(eve).fails(2, &["takes effect on its date"]);
        before.assert_unchanged(&w.snapshot());
    }
    let out = w
        .run(&[
            "--db",
            s(&db),
            "--user",
            "hr1",
            "transfer",
            "apply",
            "1",
            // The plan's check warns (a job type where the ward's table does not place it).
            "--accept-warnings",
            "--today",
            "令和9年4月1日",
        ])
        .ok();
    assert!(out.stdout.contains("applied"), "{}", out.stdout);
    let plans = w
        .run(&["--db", s(&db), "--user", "hr1", "transfer", "plans"])
        .ok()
        .stdout;
    assert!(plans.contains("(effective 2027-04-01) Applied"), "{plans}");
}

/// A `--today` that is not a date: exit 2 naming it, on any command, nothing written.
#[test]
fn a_day_that_is_not_a_date_is_refused_before_anything() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let before = w.snapshot();
    for args in [
        &[][..],
        &["demo", "--staff", "10"],
        &["overdue"],
        &["export", "staff"],
        &["transfer", "apply", "1"],
        &["users", "add", "x", "--role", "hr"],
    ] {
        let all = [&["--db", s(&db), "--today", "2027-02-29"][..], args].concat();
        w.run(&all).fails(2, &["2027-02-29"]);
        before.assert_unchanged(&w.snapshot());
    }
}

/// The screens open on the clock's day: the fiscal year in the header is `--today`'s.
#[test]
fn the_screens_open_on_the_clocks_day() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let home = w.root().to_path_buf();
    for (day, year) in [("2027-03-31", "令和8年度"), ("2027-04-01", "令和9年度")] {
        let args = ["--db", s(&db), "--today", day];
        let mut t = pty::Session::start(pty::Spawn::new(&home, &args));
        let header = format!("年度 {year}");
        t.wait_until(&header, |scr| pty::row(scr, 0).contains(&header));
        t.keys("q");
        assert!(t.wait_exit().success(), "{}", t.text());
    }
}
