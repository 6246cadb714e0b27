//! End to end: `jinji restore` (a backup checked, the database as it was saved first,
//! the content replaced), `jinji check` (sound, broken, older), and `jinji report` (the
//! evaluation sheet and the unit summary as workbooks, read back with calamine, within
//! what the acting account may see).

use crate::support::cli;

use std::path::{Path, PathBuf};

use calamine::{Data, Range, Reader, open_workbook_auto};
use cli::*;
use jinji::store::{Db, OpenMode, SCHEMA_VERSION};
use rusqlite::Connection;

/// A consistent copy of `db` made by `jinji backup` (never a plain file copy of a WAL
/// database).
fn copy_of(w: &Scratch, db: &Path, name: &str) -> PathBuf {
    let p = w.path(name);
    w.run(&["--db", s(db), "backup", s(&p)]).ok();
    p
}

/// Runs SQL on a file directly, as another program would.
fn sql(p: &Path, batch: &str) {
    let c = Connection::open(p).expect("rusqlite opens it");
    c.execute_batch(batch).expect("sql");
}

/// The first column of the first row of a query on a file.
fn one<T: rusqlite::types::FromSql>(db: &Path, q: &str, p: impl rusqlite::Params) -> T {
    let c = Connection::open(db).expect("rusqlite opens it");
    c.query_row(q, p, |r| r.get(0)).expect("query")
}

/// The first column of every row of a query on a file.
fn column<T: rusqlite::types::FromSql>(db: &Path, q: &str, p: impl rusqlite::Params) -> Vec<T> {
    let c = Connection::open(db).expect("rusqlite opens it");
    let mut st = c.prepare(q).expect("query");
    st.query_map(p, |r| r.get(0))
        .expect("query")
        .map(Result::unwrap)
        .collect()
}

/// `jinji --db DB ARGS…`
fn jinji(w: &Scratch, db: &Path, args: &[&str]) -> Out {
    w.run(&[&["--db", s(db)], args].concat())
}

/// A foreign key broken behind jinji's back.
const BREAK_FK: &str = "PRAGMA foreign_keys=OFF; UPDATE staff SET unit_id=999999 WHERE id=1";

/// A SQLite file of some other program that happens to use jinji's schema number.
fn foreign_sqlite(w: &Scratch) -> PathBuf {
    let p = w.path("other.db");
    sql(
        &p,
        &format!("CREATE TABLE notes(a); PRAGMA user_version = {SCHEMA_VERSION};"),
    );
    p
}

fn backups(w: &Scratch) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(w.data_dir().join("backups"))
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

fn logins(w: &Scratch, db: &Path) -> String {
    w.run(&["--db", s(db), "users", "list"]).ok().stdout
}

#[test]
fn restore_replaces_the_content_after_saving_the_database_as_it_was() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let b = copy_of(&w, &db, "b.db");
    jinji(&w, &db, &["users", "add", "zed", "--role", "hr"]).ok();
    assert!(has_row(&logins(&w, &db), &["zed", "HR"]));
    // An older backup of the same database, beyond `--keep 1`.
    let dir = w.data_dir().join("backups");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("d-19900101-000000.db"), b"old").unwrap();

    let out = jinji(&w, &db, &["restore", s(&b), "--keep", "1"]).ok();
    assert!(out.stdout.contains("b.db"), "{}", out.stdout);
    assert!(out.stdout.contains(&format!("schema {SCHEMA_VERSION}")));
    assert!(
        !has_row(&logins(&w, &db), &["zed", "HR"]),
        "the backup's accounts"
    );
    let a = jinji(&w, &db, &["export", "staff"]).ok();
    let c = jinji(&w, &b, &["export", "staff"]).ok();
    assert_eq!(a.stdout, c.stdout, "the backup's staff");
    jinji(&w, &db, &["check"]).ok();

    // What was replaced is kept in the backups directory, named in the output; the
    // older one went.
    let saved = backups(&w);
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert!(!dir.join("d-19900101-000000.db").exists());
    assert!(out.stdout.contains(s(&saved[0])), "{}", out.stdout);
    assert!(has_row(&logins(&w, &saved[0]), &["zed", "HR"]), "zed kept");
    jinji(&w, &saved[0], &["check"]).ok();
    #[cfg(unix)]
    {
        assert_eq!(mode(&saved[0]), 0o600);
        assert_eq!(mode(&w.data_dir().join("backups")), 0o700);
        assert_eq!(mode(&db), 0o600, "the database stays private");
    }
}

#[test]
fn restore_creates_a_missing_database_from_the_backup() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let b = copy_of(&w, &db, "b.db");
    let new = w.path("new.db");
    let out = jinji(&w, &new, &["restore", s(&b)]).ok();
    assert!(out.stdout.contains("new.db"), "{}", out.stdout);
    assert!(new.is_file());
    #[cfg(unix)]
    assert_eq!(mode(&new), 0o600);
    jinji(&w, &new, &["check"]).ok();
    let a = jinji(&w, &new, &["export", "staff"]).ok();
    let c = jinji(&w, &b, &["export", "staff"]).ok();
    assert_eq!(a.stdout, c.stdout);
    assert!(has_row(&logins(&w, &new), &[login(), "Admin"]));
}

/// Files that must never replace a database: each is refused with exit 2, naming the
/// file, and nothing anywhere changes (not even a backup is made).
#[test]
fn restore_refuses_bad_files_and_changes_nothing() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    std::fs::write(w.path("garbage.db"), "garbage\0".repeat(1000)).unwrap();
    std::fs::write(w.path("empty.db"), b"").unwrap();
    std::fs::write(w.path("notes.txt"), "not a database\n").unwrap();
    let newer = copy_of(&w, &db, "newer.db");
    sql(
        &newer,
        &format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1),
    );
    sql(&w.path("other.db"), "CREATE TABLE t(a);");
    let broken = copy_of(&w, &db, "broken.db");
    sql(&broken, BREAK_FK);

    let before = w.snapshot();
    for name in [
        "garbage.db",
        "empty.db",
        "notes.txt",
        "newer.db",
        "other.db",
    ] {
        jinji(&w, &db, &["restore", name]).fails(2, &[name]);
    }
    let out = jinji(&w, &db, &["restore", s(&broken)]);
    out.no_panic();
    assert_eq!(out.code, 2, "{out:#?}");
    assert!(out.stderr.contains("broken.db"), "{}", out.stderr);
    assert!(
        out.stdout.contains("foreign key: staff"),
        "the problem listed: {}",
        out.stdout
    );
    // The missing file.
    let gone = jinji(&w, &db, &["restore", "nowhere.db"]);
    gone.no_panic();
    assert_ne!(gone.code, 0);
    before.assert_unchanged(&w.snapshot());
    assert!(backups(&w).is_empty());
}

#[test]
fn restore_is_for_admins_only() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let b = copy_of(&w, &db, "b.db");
    let logins: Vec<String> = ["hr", "supervisor", "staff"]
        .iter()
        .map(|r| w.login_with_role(&db, r))
        .collect();
    let before = w.snapshot();
    for login in &logins {
        jinji(&w, &db, &["--user", login, "restore", s(&b)]).fails(2, &["admin"]);
    }
    // Opening the database to ask who is acting may tidy away an empty `-wal`; no data
    // changes and no backup is made.
    without_empty_wal(before).assert_unchanged(&without_empty_wal(w.snapshot()));
    assert!(backups(&w).is_empty());
}

fn without_empty_wal(mut snap: Snapshot) -> Snapshot {
    snap.0
        .retain(|p, (bytes, _)| !(p.to_string_lossy().ends_with("-wal") && bytes.is_empty()));
    snap
}

#[test]
fn restore_refuses_a_sqlite_file_that_is_not_a_jinji_database() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let other = foreign_sqlite(&w);
    let before = w.snapshot();
    let out = jinji(&w, &db, &["restore", s(&other)]);
    out.no_panic();
    assert_eq!(out.code, 2, "must refuse: {out:#?}");
    before.assert_unchanged(&w.snapshot());
}

/// Sound; a broken foreign key listed (exit 1); an older schema noted (exit 0).
#[test]
fn check_says_sound_broken_or_older() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let out = jinji(&w, &db, &["check"]).ok();
    assert!(out.stdout.contains("sound") && !out.stdout.contains("older"));

    let broken = copy_of(&w, &db, "broken.db");
    sql(&broken, BREAK_FK);
    let out = jinji(&w, &broken, &["check"]);
    out.no_panic();
    assert_eq!(out.code, 1, "{out:#?}");
    let listed = out.stdout.contains("foreign key: staff row 1 → units");
    assert!(listed && !out.stdout.contains("sound"), "{}", out.stdout);
    let named = out.stderr.contains("broken.db") && out.stderr.contains("(1)");
    assert!(named, "{}", out.stderr);

    let old = copy_of(&w, &db, "old.db");
    let v = SCHEMA_VERSION - 1;
    sql(&old, &format!("PRAGMA user_version = {v}"));
    let out = jinji(&w, &old, &["check"]).ok();
    assert!(out.stdout.contains("sound"), "{}", out.stdout);
    let note = out.stdout.lines().find(|l| l.contains("older"));
    let note = note.unwrap_or_else(|| panic!("no note of the older schema: {}", out.stdout));
    assert!(note.contains(&v.to_string()) && note.contains(&SCHEMA_VERSION.to_string()));
    let now: i64 = one(&old, "PRAGMA user_version", []);
    assert_eq!(now, v, "check changes nothing");
}

#[test]
fn check_does_not_call_a_foreign_sqlite_file_sound() {
    let w = Scratch::new();
    let out = jinji(&w, &foreign_sqlite(&w), &["check"]);
    out.no_panic();
    assert_ne!(out.code, 0, "{out:#?}");
}

// ---- reports ----

fn sheet(p: &Path) -> (String, Range<Data>) {
    let mut book = open_workbook_auto(p).expect("calamine opens it");
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).expect("sheet");
    (name, range)
}

fn text_at(r: &Range<Data>, row: u32, col: u32) -> String {
    match r.get_value((row, col)) {
        None | Some(Data::Empty) => String::new(),
        Some(Data::String(s)) => s.clone(),
        Some(d) => d.to_string(),
    }
}

fn num_at(r: &Range<Data>, row: u32, col: u32) -> Option<f64> {
    match r.get_value((row, col)) {
        Some(Data::Float(f)) => Some(*f),
        Some(Data::Int(i)) => Some(*i as f64),
        _ => None,
    }
}

/// The units of a subtree (`{SUB}` in a query), found with a recursive query of our own.
const SUBTREE: &str = "WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE code = ?1 \
     UNION ALL SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub";

fn in_subtree(db: &Path, code: &str, q: &str) -> f64 {
    one::<i64>(db, &q.replace("{SUB}", SUBTREE), [code]) as f64
}

/// Checks a unit summary against the database: header at row 3, a row per child unit
/// (and one for the unit's own people when it has any), the total, four charts.
fn check_unit_summary(w: &Scratch, db: &Path, code: &str, fy: i64) {
    let f = w.path(&format!("u-{code}.xlsx"));
    let fy_s = fy.to_string();
    let args = [
        "--lang",
        "ja",
        "report",
        "unit-summary",
        code,
        "--year",
        &fy_s,
    ];
    let out = jinji(w, db, &[&args[..], &["--out", s(&f)]].concat()).ok();
    assert!(out.stderr.contains(s(&f)), "{}", out.stderr);
    #[cfg(unix)]
    assert_eq!(mode(&f), 0o600);
    let (name, r) = sheet(&f);
    assert_eq!(name, "所属別集計");
    let uid: i64 = one(db, "SELECT id FROM units WHERE code = ?1", [code]);
    let uname: String = one(db, "SELECT name FROM units WHERE code = ?1", [code]);
    assert!(text_at(&r, 0, 0).contains(&uname), "{}", text_at(&r, 0, 0));
    assert_eq!(
        (text_at(&r, 2, 0), text_at(&r, 2, 1)),
        ("所属".into(), "職員数".into())
    );
    let ncols = (0..200)
        .take_while(|&c| !text_at(&r, 2, c).is_empty())
        .count() as u32;
    assert_eq!(text_at(&r, 2, ncols - 1), "コンプライアンス完了率");

    let mut children: Vec<String> =
        column(db, "SELECT name FROM units WHERE parent_id = ?1", [uid]);
    let own: i64 = one(
        db,
        "SELECT count(*) FROM staff WHERE unit_id = ?1 AND status <> 'retired'",
        [uid],
    );
    if own > 0 || children.is_empty() {
        children.push(format!("{uname}（直属）"));
    }
    let n = children.len() as u32;
    let mut got: Vec<String> = (3..3 + n).map(|row| text_at(&r, row, 0)).collect();
    got.sort();
    children.sort();
    assert_eq!(got, children, "a row per child unit");

    let total = 3 + n;
    assert_eq!(text_at(&r, total, 0), uname, "the total row");
    let people = in_subtree(
        db,
        code,
        "SELECT count(*) FROM staff WHERE status <> 'retired' AND unit_id IN ({SUB})",
    );
    assert!(people > 0.0);
    assert_eq!(num_at(&r, total, 1), Some(people));
    let sum: f64 = (3..total).map(|row| num_at(&r, row, 1).unwrap()).sum();
    assert_eq!(sum, people, "the rows add up to the total");
    // 能力 S…D and 未確定: every competency evaluation of the year in the subtree.
    let evals = in_subtree(
        db,
        code,
        &format!(
            "SELECT count(*) FROM evaluations e JOIN eval_periods p ON p.id = e.period_id \
             JOIN staff s ON s.id = e.staff_id WHERE p.fiscal_year = {fy} \
             AND p.kind = 'competency' AND s.unit_id IN ({{SUB}})"
        ),
    );
    let graded: f64 = (2..8).map(|c| num_at(&r, total, c).unwrap()).sum();
    assert_eq!(graded, evals, "competency grades of the total");
    for row in 3..=total {
        if let Some(rate) = num_at(&r, row, ncols - 1) {
            assert!((0.0..=1.0).contains(&rate), "row {row}: rate {rate}");
        }
    }
    assert!(
        num_at(&r, total, ncols - 1).is_some(),
        "compliance in the demo"
    );

    let bytes = std::fs::read(&f).unwrap();
    let has = |n: &str| bytes.windows(n.len()).any(|x| x == n.as_bytes());
    for i in 1..=4 {
        assert!(has(&format!("xl/charts/chart{i}.xml")), "chart {i}");
    }
    assert!(!has("xl/charts/chart5.xml"), "four charts, no more");
}

#[test]
fn unit_summary_agrees_with_the_database() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    // The ward (no people of its own) and a department with people of its own.
    let dept: String = one(
        &db,
        "SELECT u.code FROM units u WHERE u.kind = 'department' AND EXISTS \
         (SELECT 1 FROM staff s WHERE s.unit_id = u.id AND s.status <> 'retired') \
         ORDER BY u.code LIMIT 1",
        [],
    );
    for code in ["000000", dept.as_str()] {
        check_unit_summary(&w, &db, code, 2025);
    }
}

#[test]
fn eval_sheet_shows_the_person_and_each_evaluation_of_the_year() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    // Someone with finalized grades in FY2025.
    let id: i64 = one(
        &db,
        "SELECT e.staff_id FROM evaluations e JOIN eval_periods p ON p.id = e.period_id \
         WHERE p.fiscal_year = 2025 AND e.grade IS NOT NULL \
         GROUP BY e.staff_id HAVING count(*) >= 2 ORDER BY e.staff_id LIMIT 1",
        [],
    );
    let person =
        |col: &str| one::<String>(&db, &format!("SELECT {col} FROM staff WHERE id = ?1"), [id]);
    let (no, family, given) = (
        person("staff_no"),
        person("family_name"),
        person("given_name"),
    );
    let mut grades: Vec<String> = column(
        &db,
        "SELECT coalesce(e.grade, '') FROM evaluations e JOIN eval_periods p \
         ON p.id = e.period_id WHERE p.fiscal_year = 2025 AND e.staff_id = ?1",
        [id],
    );

    // Without --out, the file is named after the person and the year.
    jinji(
        &w,
        &db,
        &[
            "--lang",
            "ja",
            "report",
            "eval-sheet",
            &no,
            "--year",
            "2025",
        ],
    )
    .ok();
    let f = w.path(&format!("eval-sheet-{no}-2025.xlsx"));
    assert!(f.is_file());
    #[cfg(unix)]
    assert_eq!(mode(&f), 0o600);
    let (name, r) = sheet(&f);
    assert_eq!(name, "評価シート");
    let title = text_at(&r, 0, 0);
    assert!(
        title.contains(&family) && title.contains("令和7年度"),
        "{title}"
    );
    assert_eq!(text_at(&r, 2, 1), no, "the staff number");
    assert_eq!(text_at(&r, 2, 2), "氏名");
    assert_eq!(text_at(&r, 2, 3), format!("{family} {given}"), "the name");

    // One row per evaluation from row 9, the grade in column G.
    let n = grades.len() as u32;
    for row in 8..8 + n {
        assert!(!text_at(&r, row, 1).is_empty(), "row {row} names its term");
    }
    assert_eq!(text_at(&r, 8 + n, 6), "", "no row beyond the evaluations");
    let mut got: Vec<String> = (8..8 + n).map(|row| text_at(&r, row, 6)).collect();
    got.sort();
    grades.sort();
    assert_eq!(got, grades);
    assert!(grades.iter().all(|g| !g.is_empty()), "finalized");
}

/// The first staff number of the demo that `login` may not see in `fy`.
fn unseen_by(db: &Path, login: &str, fy: i32) -> String {
    let store = Db::open(db, OpenMode::ReadOnly).unwrap();
    let acct = store.account_by_login(login).unwrap().unwrap();
    let vis = store.visibility(&acct, fy).unwrap();
    column::<String>(db, "SELECT staff_no FROM staff ORDER BY staff_no", [])
        .into_iter()
        .find(|no| !vis.sees(&store.staff_by_no(no).unwrap().unwrap()))
        .expect("someone out of sight")
}

/// The staff number of a login, the code of their unit and of the unit above it.
fn staff_no_and_unit(db: &Path, login: &str) -> (String, String, Option<String>) {
    let q = |col: &str| {
        format!(
            "SELECT {col} FROM accounts a JOIN staff s ON s.id = a.staff_id \
             JOIN units u ON u.id = s.unit_id LEFT JOIN units p ON p.id = u.parent_id \
             WHERE a.login = ?1"
        )
    };
    (
        one(db, &q("s.staff_no"), [login]),
        one(db, &q("u.code"), [login]),
        one(db, &q("p.code"), [login]),
    )
}

#[test]
fn reports_cover_only_what_the_account_may_see() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let report = |login: &str, args: &[&str], out: &str| {
        let mut a = vec!["--db", s(&db), "--user", login, "report"];
        a.extend_from_slice(args);
        a.extend(["--year", "2025", "--out", out]);
        w.run(&a)
    };

    // A supervisor: their own unit, and the evaluation sheet of one of their people.
    let sup = w.login_with_role(&db, "supervisor");
    let (me, unit, parent) = staff_no_and_unit(&db, &sup);
    report(&sup, &["unit-summary", &unit], "mine.xlsx").ok();
    report(&sup, &["eval-sheet", &me], "me.xlsx").ok();
    assert!(w.path("mine.xlsx").is_file() && w.path("me.xlsx").is_file());
    // Not their parent unit, not the ward, not someone out of their sight.
    let parent = parent.expect("a supervisor's unit has a parent");
    let other = unseen_by(&db, &sup, 2025);
    let before = w.snapshot();
    report(&sup, &["unit-summary", &parent], "x.xlsx").fails(2, &[&parent]);
    report(&sup, &["unit-summary", "000000"], "x.xlsx").fails(2, &["000000"]);
    report(&sup, &["eval-sheet", &other], "x.xlsx").fails(2, &[&other]);
    report(&sup, &["eval-sheet", "0000000"], "x.xlsx").fails(2, &["0000000"]);
    before.assert_unchanged(&w.snapshot());

    // A staff member: their own sheet, nothing else, and no unit's summary.
    let staff = w.login_with_role(&db, "staff");
    let (me, unit, _) = staff_no_and_unit(&db, &staff);
    report(&staff, &["eval-sheet", &me], "own.xlsx").ok();
    let (_, r) = sheet(&w.path("own.xlsx"));
    assert_eq!(text_at(&r, 2, 1), me);
    let other = unseen_by(&db, &staff, 2025);
    let before = w.snapshot();
    report(&staff, &["eval-sheet", &other], "y.xlsx").fails(2, &[&other]);
    report(&staff, &["unit-summary", &unit], "y.xlsx").fails(2, &[&unit]);
    before.assert_unchanged(&w.snapshot());
    assert!(!w.path("x.xlsx").exists() && !w.path("y.xlsx").exists());
}
