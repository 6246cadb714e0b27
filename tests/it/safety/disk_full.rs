//! A full disk, simulated with SQLite's `max_page_count` on the connection that writes:
//! the write is rolled back with a clear message, the database still passes the check,
//! nothing typed is lost, and the program keeps working once there is room again.

use crate::support::driver;
use crate::support::ward;

use driver::*;
use jinji::app::{App, Modal};
use jinji::domain::unit::UnitKind;
use jinji::i18n::Lang;
use jinji::import::{Import, Unwatched, import_kind};
use jinji::store::{Db, OpenMode, StoreError, check_file};

/// An app over a demo in a file, and the file's path.
fn app_on_demo(dir: &tempfile::TempDir) -> (App, std::path::PathBuf) {
    let path = dir.path().join("d.db");
    demo_file(&path, &small_params());
    (app_on_file(&path), path)
}

/// Fills the file up to `cap` pages through `db` (new sections, one write each) until a
/// write fails; returns that failure and how many sections went in.
fn fill(db: &Db, cap: i64) -> (StoreError, usize) {
    db.cap_pages(cap).unwrap();
    for i in 0.. {
        let mut u = ward::unit(&format!("Z{i:05}"), "満杯試験課", None, UnitKind::Section);
        if let Err(e) = db.insert(&mut u) {
            return (e, i);
        }
    }
    unreachable!()
}

fn units_like_z(path: &std::path::Path) -> i64 {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM units WHERE name = '満杯試験課'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[track_caller]
fn assert_sound(path: &std::path::Path) {
    let (_, problems) = check_file(path).expect("the file opens");
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_full_disk_refuses_the_write_whole_and_the_database_stays_sound() {
    let dir = tempfile::tempdir().unwrap();
    let (app, path) = app_on_demo(&dir);
    let pages = app.session.db.page_count().unwrap();
    let (e, went_in) = fill(&app.session.db, pages + 3);
    assert!(matches!(e, StoreError::DiskFull { .. }), "{e:?}");
    // Each write went in whole or not at all: the failing one left no row, no audit.
    assert_eq!(units_like_z(&path), went_in as i64);
    let audits: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE table_name = 'units' AND after LIKE '%満杯試験課%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audits, went_in as i64);
    assert_sound(&path);
}

#[test]
fn a_form_saved_on_a_full_disk_keeps_its_text_and_saves_once_there_is_room() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_on_demo(&dir);
    press(&mut app, "j");
    press(&mut app, "Enter");
    let who = app.nav.focus.clone().expect("focus");
    press(&mut app, "2");
    go_view(&mut app, "qualifications");
    let pages = app.session.db.page_count().unwrap();
    fill(&app.session.db, pages + 2);
    // The pages a qualification of this person is written to filled too: units fill
    // only theirs, and a page with room elsewhere would take the form's row.
    loop {
        let mut q = jinji::domain::career::Qualification {
            id: 0,
            staff_id: who.id,
            name: "満杯試験".into(),
            issuer: String::new(),
            acquired_on: app.session.today,
            expires_on: None,
            version: 0,
        };
        if app.session.db.insert(&mut q).is_err() {
            break;
        }
    }
    let before = app.session.db.qualifications_of(who.id).unwrap().len();
    press(&mut app, "n");
    focus_field(&mut app, "name");
    type_text(&mut app, "危険物取扱者乙種");
    press(&mut app, "C-s");
    match app.modals.last() {
        Some(Modal::Message { text }) => {
            let said = Lang::Ja.tf("err.disk_full_at", &[("path", &path.display())]);
            assert_eq!(*text, said, "a clear message naming the file")
        }
        _ => panic!(
            "a message says the disk is full: {}",
            screen_text(&app, 120, 40)
        ),
    }
    assert_eq!(
        app.session.db.qualifications_of(who.id).unwrap().len(),
        before
    );
    assert_sound(&path);

    // The message closes onto the form, its text as typed.
    press(&mut app, "Esc");
    assert_eq!(field(form(&app), "name").text, "危険物取扱者乙種");
    // Room again (a disk cleared): the same form saves.
    app.session.db.cap_pages(1 << 30).unwrap();
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "saved and closed");
    let after = app.session.db.qualifications_of(who.id).unwrap();
    assert_eq!(after.len(), before + 1);
    assert!(after.iter().any(|q| q.name == "危険物取扱者乙種"));
    // And the app goes on: another tab, a move in its list.
    press(&mut app, "1");
    press(&mut app, "j");
    assert!(app.modals.is_empty());
    assert_sound(&path);
}

#[test]
fn an_import_on_a_full_disk_writes_nothing_and_the_next_one_lands() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.db");
    demo_file(&path, &small_params());
    let db = Db::open(&path, OpenMode::Existing).unwrap();
    let kind = import_kind("units").unwrap();
    let headers: Vec<String> = [
        "unit_code",
        "name",
        "parent_code",
        "kind",
        "kana",
        "valid_from",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let rows: Vec<jinji::sheet::SheetRow> = (0..3_000)
        .map(|i| jinji::sheet::SheetRow {
            row: i + 2,
            cells: csv::StringRecord::from(vec![
                format!("Z{i:05}"),
                "満杯試験課".into(),
                String::new(),
                "section".into(),
                "マンパイシケンカ".into(),
                "2020-04-01".into(),
            ]),
        })
        .collect();
    let audit_before: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    db.cap_pages(db.page_count().unwrap() + 5).unwrap();
    let r = db.import(kind, &headers, &rows, false, &mut Unwatched);
    assert!(matches!(r, Err(StoreError::DiskFull { .. })), "{r:?}");
    assert_eq!(units_like_z(&path), 0, "not a row of the file");
    let audit_after: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(audit_after, audit_before, "not an audit row");
    assert_sound(&path);
    db.cap_pages(1 << 30).unwrap();
    let report = db
        .import(kind, &headers, &rows, false, &mut Unwatched)
        .unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(units_like_z(&path), 3_000);
    assert_sound(&path);
}
