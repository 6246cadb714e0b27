//! Hostile strings on the command line: a database written around jinji holds names,
//! a unit, a plan and a login full of escape sequences (a screen clear, an OSC 52
//! clipboard write, a colour, a query), C1 controls, bidi overrides and zero-width
//! characters, and a settings file holds one too. Every command that prints them, on
//! standard output or in a message on standard error, prints them as plain text: not
//! one of those characters is in the bytes it writes, while the visible text is.
#![cfg(unix)]

use crate::support::cli;

use std::path::{Path, PathBuf};

use cli::{Out, Scratch, s};

const FAMILY: &str = "甲\u{1b}[2J乙";
const GIVEN: &str = "丙\u{1b}]52;c;aGVsbG8=\u{7}丁\u{202e}戊";
const UNIT: &str = "企\u{1b}[1;31m画\u{200b}課\u{85}";
const PLAN: &str = "案\u{1b}]0;title\u{7}\u{2066}名\u{feff}";
const LOGIN: &str = "evil\u{1b}[6n\u{9b}31mx";

/// What each hostile value looks like once scrubbed: the visible text, in order.
const FAMILY_SHOWN: &str = "甲[2J乙";
const GIVEN_SHOWN: &str = "丙]52;c;aGVsbG8=丁戊";
const UNIT_SHOWN: &str = "企[1;31m画課";
const PLAN_SHOWN: &str = "案]0;title名";
const LOGIN_SHOWN: &str = "evil[6n31mx";

/// A demo ward whose first two people (by staff number) hold hostile names, the first
/// one's unit a hostile name, the first plan a hostile name, and an account a hostile
/// login; the first person is overdue in FY2026 (due long ago, whatever today is),
/// supervised by the second, and a 20-year candidate on 2026-04-01. Returns the file and
/// the two staff numbers.
fn hostile_ward(w: &Scratch) -> (PathBuf, [String; 2]) {
    let db = w.demo("d.db");
    let c = rusqlite::Connection::open(&db).unwrap();
    let people: Vec<(i64, String)> = c
        .prepare(
            "SELECT id, staff_no FROM staff WHERE status <> 'retired' ORDER BY staff_no LIMIT 2",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let [(first, no1), (second, no2)] = [people[0].clone(), people[1].clone()];
    c.execute_batch(&format!(
        "UPDATE staff SET family_name = '{FAMILY}', given_name = '{GIVEN}'
           WHERE id IN ({first}, {second});
         UPDATE staff SET supervisor_id = {second}, hire_date = '2006-04-01' WHERE id = {first};
         UPDATE units SET name = '{UNIT}' WHERE id = (SELECT unit_id FROM staff WHERE id = {first});
         DELETE FROM award_recipients WHERE staff_id = {first};
         DELETE FROM compliance_records WHERE staff_id = {first} AND fiscal_year = 2026;
         INSERT INTO compliance_records (staff_id, fiscal_year, due_on)
           VALUES ({first}, 2026, '1950-04-01');
         UPDATE transfer_plans SET name = '{PLAN}' WHERE id = 1;
         INSERT INTO accounts (login, role, active, created_on)
           VALUES ('{LOGIN}', 'hr', 1, '2026-04-01');"
    ))
    .unwrap();
    (db, [no1, no2])
}

/// The characters that must never reach a terminal from the data: C0 controls but the
/// line break, DEL, C1 controls, bidi controls and zero-width characters.
fn forbidden(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| c != '\n' && jinji::domain::validate::is_forbidden_char(c, false))
        .collect()
}

/// Runs a command; asserts that neither its output nor its messages hold a forbidden
/// character and that the output holds each of `shown`.
#[track_caller]
fn plain(w: &Scratch, db: &Path, args: &[&str], shown: &[&str]) -> Out {
    let out = w.run(&[&["--db", s(db)][..], args].concat());
    out.no_panic();
    for (what, bytes) in [
        ("stdout", &out.stdout_bytes),
        ("stderr", &out.stderr.as_bytes().to_vec()),
    ] {
        let bad = forbidden(bytes);
        assert!(bad.is_empty(), "{args:?} sent to {what}: {bad:?}\n{out:#?}");
    }
    let text = format!("{}{}", out.stdout, out.stderr);
    for v in shown {
        assert!(text.contains(v), "{args:?} shows {v:?}: {out:#?}");
    }
    out
}

#[test]
fn every_command_prints_stored_text_as_plain_text() {
    let w = Scratch::new();
    let (db, [no1, no2]) = hostile_ward(&w);
    let code = |no: &str| -> String {
        rusqlite::Connection::open(&db)
            .unwrap()
            .query_row(
                "SELECT u.code FROM staff s JOIN units u ON u.id = s.unit_id WHERE s.staff_no = ?1",
                [no],
                |r| r.get(0),
            )
            .unwrap()
    };
    plain(
        &w,
        &db,
        &["overdue", "--year", "2026"],
        &[&no1, FAMILY_SHOWN, GIVEN_SHOWN, UNIT_SHOWN, &no2],
    )
    .ok();
    plain(
        &w,
        &db,
        &["long-service", "--years", "20", "--base-date", "2026-04-01"],
        &[&no1, FAMILY_SHOWN],
    )
    .ok();
    plain(&w, &db, &["transfer", "plans"], &[PLAN_SHOWN]).ok();
    // The hostile person moves into the second one's unit, out of the hostile unit.
    plain(
        &w,
        &db,
        &["transfer", "add", "1", &no1, "--unit", &code(&no2)],
        &[&no1, FAMILY_SHOWN, UNIT_SHOWN],
    )
    .ok();
    plain(
        &w,
        &db,
        &["transfer", "show", "1"],
        &[&no1, FAMILY_SHOWN, GIVEN_SHOWN, UNIT_SHOWN],
    )
    .ok();
    plain(&w, &db, &["users", "list"], &[LOGIN_SHOWN]).ok();
    // Messages on standard error quote what they were given: a login no account has.
    let ghost = format!("no-{LOGIN}");
    let out = plain(&w, &db, &["--user", &ghost, "overdue"], &[]);
    assert_eq!(out.code, 2, "{out:#?}");
    assert!(
        out.stderr.contains(&format!("no-{LOGIN_SHOWN}")),
        "{}",
        out.stderr
    );
}

#[test]
fn a_hostile_settings_file_is_quoted_as_plain_text() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let dir = w.root().join("config").join("jinji");
    std::fs::create_dir_all(&dir).unwrap();
    // TOML's escapes put the controls into the value, as an editor could.
    std::fs::write(
        dir.join("config.toml"),
        "group = \"g\\u001b]52;c;aGk=\\u0007r\\u202ep\\u009b2J\"\n",
    )
    .unwrap();
    let out = plain(&w, &db, &["check"], &["config.toml:1", "g]52;c;aGk=rp2J"]);
    out.ok();
}

/// An export is data, not lines for a terminal: on standard output it is the same bytes
/// as in a file, the names exactly as stored (a spreadsheet gets what the database holds).
#[test]
fn an_export_to_standard_output_is_the_data_byte_for_byte() {
    let w = Scratch::new();
    let (db, _) = hostile_ward(&w);
    let out = w.run(&["--db", s(&db), "export", "staff"]).ok();
    let file = w.path("staff.csv");
    w.run(&["--db", s(&db), "export", "staff", "--out", s(&file)])
        .ok();
    assert!(out.stdout_bytes == std::fs::read(&file).unwrap());
    assert!(out.stdout.contains(FAMILY) && out.stdout.contains(GIVEN));
}
