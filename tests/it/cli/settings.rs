//! End to end: `jinji settings` lists the ward's rules for anyone and lets admins set
//! them within their ranges; the appeal window set there is the one the chain uses.

use crate::support::cli;

use cli::*;

#[test]
fn settings_list_and_set_within_range() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let list = w.run(&["--db", s(&db), "settings"]).ok();
    assert!(
        has_row(&list.stdout, &["appeal_window_days", "7"]),
        "{}",
        list.stdout
    );
    let before = w.snapshot();
    w.run(&["--db", s(&db), "settings", "appeal_window_days", "61"])
        .fails(2, &["1", "60"]);
    w.run(&["--db", s(&db), "settings", "appeal_window_days", "x"])
        .fails(2, &[]);
    w.run(&["--db", s(&db), "settings", "no_such_rule", "3"])
        .fails(2, &["no_such_rule", "appeal_window_days"]);
    w.run(&["--db", s(&db), "settings", "appeal_window_days"])
        .fails(2, &[]);
    // A clerk reads the rules but may not change them.
    w.run(&["--db", s(&db), "--user", "hr1", "settings"]).ok();
    w.run(&[
        "--db",
        s(&db),
        "--user",
        "hr1",
        "settings",
        "appeal_window_days",
        "5",
    ])
    .fails(2, &[]);
    before.assert_unchanged(&w.snapshot());

    w.run(&["--db", s(&db), "settings", "appeal_window_days", "10"])
        .ok();
    let list = w.run(&["--db", s(&db), "settings"]).ok();
    assert!(
        has_row(&list.stdout, &["appeal_window_days", "10"]),
        "{}",
        list.stdout
    );
}
