//! The generic machine: audit rows, transactions, versions, validation, batches, settings,
//! summary.

use crate::support::ward;

use jinji::domain::Problem;
use jinji::domain::assignment::Assignment;
use jinji::domain::staff::{Staff, StaffStatus};
use jinji::domain::unit::{Unit, UnitKind};
use jinji::store::settings::keys;
use jinji::store::{Db, OpenMode, StoreError};
use ward::*;

fn json(s: &Option<String>) -> serde_json::Value {
    serde_json::from_str(s.as_deref().expect("JSON present")).expect("valid JSON")
}

#[test]
fn every_insert_update_and_delete_is_audited_with_the_actor() {
    let mut db = Db::open_in_memory().unwrap();
    db.set_actor("hr.tanaka");
    let mut u = unit("K01", "企画部", None, UnitKind::Department);
    db.insert(&mut u).unwrap();
    assert_eq!((u.version, u.id > 0), (1, true));

    let e = db.audit_entries(Some("units"), Some(u.id), 10).unwrap();
    assert_eq!(e.len(), 1);
    assert_eq!(
        (e[0].action.as_str(), e[0].actor.as_str()),
        ("insert", "hr.tanaka")
    );
    assert_eq!(e[0].before, None);
    assert_eq!(json(&e[0].after)["code"], "K01");

    db.set_actor("hr.suzuki");
    u.name = "政策企画部".into();
    db.update(&mut u).unwrap();
    assert_eq!(u.version, 2);
    let e = db.audit_entries(Some("units"), Some(u.id), 10).unwrap();
    assert_eq!(e.len(), 2, "newest first: {e:?}");
    assert_eq!(
        (e[0].action.as_str(), e[0].actor.as_str()),
        ("update", "hr.suzuki")
    );
    assert_eq!(json(&e[0].before)["name"], "企画部");
    assert_eq!(json(&e[0].after)["name"], "政策企画部");
    assert_eq!(json(&e[0].after)["version"], 2);

    db.delete::<Unit>(u.id, u.version).unwrap();
    assert!(db.find::<Unit>(u.id).unwrap().is_none());
    let e = db.audit_entries(Some("units"), Some(u.id), 10).unwrap();
    assert_eq!(e.len(), 3);
    assert_eq!(
        (e[0].action.as_str(), e[0].actor.as_str()),
        ("delete", "hr.suzuki")
    );
    assert_eq!(json(&e[0].before)["name"], "政策企画部");
    assert_eq!(e[0].after, None);
    assert!(
        e.iter()
            .all(|x| x.table_name == "units" && x.row_id == Some(u.id))
    );
    assert!(
        e[0].at.ends_with('Z') && e[0].at.len() == 20,
        "UTC stamp: {}",
        e[0].at
    );
}

#[test]
fn a_failing_write_leaves_neither_its_rows_nor_their_audit() {
    let w = Ward::new();
    let audits = audit_count(&w.db);
    let units = w.db.count::<Unit>(&[]).unwrap();
    let r = w.db.write(|| {
        let mut ok = unit("K01", "企画部", None, UnitKind::Department);
        w.db.insert(&mut ok)?;
        let mut bad = unit("K02", "", None, UnitKind::Department);
        w.db.insert(&mut bad)
    });
    assert_problem(r, "name", Problem::Required);
    assert_eq!(w.db.unit_by_code("K01").unwrap(), None);
    assert_eq!(w.db.count::<Unit>(&[]).unwrap(), units);
    assert_eq!(audit_count(&w.db), audits);
}

#[test]
fn a_constraint_failure_inside_a_write_rolls_back_the_earlier_rows() {
    let w = Ward::new();
    let audits = audit_count(&w.db);
    let r = w.db.write(|| {
        let mut a = assignment(w.junior.id, w.team_hr, d(2024, 4, 1), None);
        w.db.insert(&mut a)?;
        let mut dup = staff("A0001", w.team_hr, d(2020, 4, 1)); // staff_no taken
        w.db.insert(&mut dup)
    });
    assert_problem(r, "staff_no", Problem::Duplicate);
    assert!(w.db.assignments_of(w.junior.id).unwrap().is_empty());
    assert_eq!(audit_count(&w.db), audits);
    // The connection is usable afterwards: the transaction was closed.
    let mut a = assignment(w.junior.id, w.team_hr, d(2024, 4, 1), None);
    w.db.insert(&mut a).unwrap();
}

#[test]
fn stale_version_is_refused_naming_who_changed_it() {
    let w = Ward::new();
    let mut sato = Db::open(&w.path(), OpenMode::Existing).unwrap();
    sato.set_actor("sato");
    let mut suzuki = Db::open(&w.path(), OpenMode::Existing).unwrap();
    suzuki.set_actor("suzuki");

    let mut first: Staff = sato.get(w.clerk.id).unwrap();
    let mut second: Staff = suzuki.get(w.clerk.id).unwrap();
    first.phone = "03-1111-2222".into();
    sato.update(&mut first).unwrap();
    assert_eq!(first.version, 2);

    second.email = "tanaka@example.jp".into();
    match suzuki.update(&mut second) {
        Err(StoreError::Conflict {
            table, id, by, at, ..
        }) => {
            assert_eq!((table, id, by.as_str()), ("staff", w.clerk.id, "sato"));
            assert!(!at.is_empty());
        }
        other => panic!("expected Conflict, got {other:?}"),
    }
    assert_eq!(second.version, 1, "the refused copy keeps its version");
    let now: Staff = w.db.get(w.clerk.id).unwrap();
    assert_eq!(now, first, "the row is as the first update left it");
    let e =
        w.db.audit_entries(Some("staff"), Some(w.clerk.id), 10)
            .unwrap();
    assert!(e.iter().all(|x| x.actor != "suzuki"), "{e:?}");
}

#[test]
fn a_second_writer_is_told_the_database_is_busy() {
    let w = Ward::new();
    let other = Db::open(&w.path(), OpenMode::Existing).unwrap();
    other.set_busy_timeout(50).unwrap();
    let r = w.db.write(|| {
        let mut mine = unit("K01", "企画部", None, UnitKind::Department);
        w.db.insert(&mut mine)?;
        let mut theirs = unit("K02", "財務部", None, UnitKind::Department);
        let r = other.insert(&mut theirs);
        assert!(matches!(r, Err(StoreError::Busy)), "{r:?}");
        // Readers are not blocked by the writer and see the last commit.
        assert_eq!(other.unit_by_code("K01")?, None);
        Ok(())
    });
    r.unwrap();
    assert!(other.unit_by_code("K01").unwrap().is_some());
    assert_eq!(other.unit_by_code("K02").unwrap(), None);
}

#[test]
fn delete_with_a_stale_version_is_refused_and_keeps_the_row() {
    let mut w = Ward::new();
    let mut u = unit("K01", "企画部", None, UnitKind::Department);
    w.db.insert(&mut u).unwrap();
    let stale = u.version;
    w.db.set_actor("hr.kato");
    u.kana = "キカクブ".into();
    w.db.update(&mut u).unwrap();
    w.db.set_actor("hr.other");
    match w.db.delete::<Unit>(u.id, stale) {
        Err(StoreError::Conflict { by, .. }) => assert_eq!(by, "hr.kato"),
        other => panic!("expected Conflict, got {other:?}"),
    }
    assert_eq!(w.db.get::<Unit>(u.id).unwrap(), u);
    assert_eq!(
        w.db.audit_entries(Some("units"), Some(u.id), 10).unwrap()[0].action,
        "update"
    );
}

#[test]
fn update_and_delete_of_a_missing_row_are_not_found() {
    let w = Ward::new();
    assert!(matches!(
        w.db.get::<Staff>(9999),
        Err(StoreError::NotFound {
            table: "staff",
            id: 9999
        })
    ));
    assert_eq!(w.db.find::<Staff>(9999).unwrap(), None);
    let mut ghost = w.clerk.clone();
    ghost.id = 9999;
    ghost.staff_no = "Z9999".into();
    assert!(matches!(
        w.db.update(&mut ghost),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        w.db.delete::<Staff>(9999, 1),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn deleting_a_row_still_referenced_is_refused() {
    let w = Ward::new();
    let u: Unit = w.db.get(w.team_res).unwrap();
    let r = w.db.delete::<Unit>(u.id, u.version);
    assert_problem(r, "id", rule("still_referenced"));
    assert!(w.db.find::<Unit>(u.id).unwrap().is_some());
}

#[test]
fn invalid_staff_are_refused_naming_each_field() {
    let w = Ward::new();
    let before = w.db.count::<Staff>(&[]).unwrap();
    let mut s = staff("B0001", w.team_hr, d(2020, 4, 1));
    s.family_name = "  ".into();
    s.family_kana = "yamada".into(); // romaji, not kana (hiragana would be converted)
    s.given_name = "太\u{1b}[31m郎".into();
    s.grade = 11;
    let r = w.db.insert(&mut s);
    let inv = invalid(r);
    let has = |f: &str, p: Problem| inv.0.iter().any(|e| e.field == f && e.problem == p);
    assert!(has("family_name", Problem::Required), "{inv:?}");
    assert!(has("family_kana", Problem::Malformed), "{inv:?}");
    let esc = Problem::ControlChars {
        code: "U+001B".into(),
        within: String::new(),
    };
    assert!(has("given_name", esc), "{inv:?}");
    assert!(
        has("grade", Problem::OutOfRange { min: 1, max: 10 }),
        "{inv:?}"
    );
    assert!(
        inv.to_string().contains("family_name: is required"),
        "{inv}"
    );
    assert_eq!(s.id, 0, "nothing saved");
    assert_eq!(w.db.count::<Staff>(&[]).unwrap(), before);
}

#[test]
fn bidi_overrides_and_too_long_text_are_refused() {
    let w = Ward::new();
    let mut s = staff("B0002", w.team_hr, d(2020, 4, 1));
    s.email = "a\u{202e}b@example.jp".into();
    s.given_name = "あ".repeat(21);
    let inv = invalid(w.db.insert(&mut s));
    assert!(
        inv.0
            .iter()
            .any(|e| e.field == "email" && matches!(e.problem, Problem::ControlChars { .. }))
    );
    assert!(
        inv.0
            .iter()
            .any(|e| e.field == "given_name" && e.problem == Problem::TooLong { max: 20 })
    );
}

#[test]
fn an_update_is_validated_like_an_insert() {
    let w = Ward::new();
    let mut s = w.clerk.clone();
    s.status = StaffStatus::Retired; // without a retire_date
    assert_problem(w.db.update(&mut s), "retire_date", rule("retired_has_date"));
    assert_eq!(w.db.get::<Staff>(w.clerk.id).unwrap(), w.clerk);
}

#[test]
fn insert_many_writes_every_row_with_one_audit_entry() {
    let w = Ward::new();
    let audits = audit_count(&w.db);
    let mut batch: Vec<Staff> = (0..20)
        .map(|i| staff(&format!("C{i:04}"), w.team_res, d(2010 + i % 10, 4, 1)))
        .collect();
    w.db.insert_many(&mut batch, "import").unwrap();
    assert!(batch.iter().all(|s| s.id > 0 && s.version == 1));
    assert_eq!(w.db.get::<Staff>(batch[7].id).unwrap(), batch[7]);
    assert_eq!(audit_count(&w.db), audits + 1);
    let e = &w.db.audit_entries(Some("staff"), None, 1).unwrap()[0];
    assert_eq!(
        (e.action.as_str(), e.actor.as_str()),
        ("import", "hr.admin")
    );
    assert_eq!(json(&e.after)["rows"], 20);
}

#[test]
fn insert_many_is_all_or_nothing() {
    let w = Ward::new();
    let before = (w.db.count::<Staff>(&[]).unwrap(), audit_count(&w.db));
    let mut batch: Vec<Staff> = (0..5)
        .map(|i| staff(&format!("C{i:04}"), w.team_res, d(2015, 4, 1)))
        .collect();
    batch[3].family_kana = "kana".into();
    assert_problem(
        w.db.insert_many(&mut batch, "import"),
        "family_kana",
        Problem::Malformed,
    );
    let mut dup: Vec<Staff> = (0..3)
        .map(|_| staff("D0001", w.team_res, d(2015, 4, 1)))
        .collect();
    assert_problem(
        w.db.insert_many(&mut dup, "import"),
        "staff_no",
        Problem::Duplicate,
    );
    assert_eq!(
        (w.db.count::<Staff>(&[]).unwrap(), audit_count(&w.db)),
        before
    );
}

#[test]
fn insert_many_applies_the_stored_rules() {
    let w = Ward::new();
    let mut batch: Vec<Assignment> = vec![
        assignment(w.clerk.id, w.team_res, d(2015, 4, 1), None),
        assignment(w.clerk.id, w.team_hr, d(2020, 4, 1), None),
    ];
    assert_problem(
        w.db.insert_many(&mut batch, "import"),
        "start_date",
        Problem::Overlap,
    );
    assert!(w.db.assignments_of(w.clerk.id).unwrap().is_empty());
    let mut bad_unit = vec![staff("E0001", 424242, d(2015, 4, 1))];
    assert_problem(
        w.db.insert_many(&mut bad_unit, "import"),
        "unit_code",
        Problem::Unknown,
    );
}

#[test]
fn settings_are_stored_read_and_audited() {
    let mut db = Db::open_in_memory().unwrap();
    db.set_actor("admin.ito");
    assert_eq!(db.setting(keys::LONG_TENURE_YEARS).unwrap(), None);
    assert_eq!(db.setting_i64(keys::LONG_TENURE_YEARS, 5).unwrap(), 5);
    db.set_setting(keys::LONG_TENURE_YEARS, "7").unwrap();
    db.set_setting(keys::LONG_TENURE_YEARS, "8").unwrap();
    assert_eq!(
        db.setting(keys::LONG_TENURE_YEARS).unwrap().as_deref(),
        Some("8")
    );
    assert_eq!(db.setting_i64(keys::LONG_TENURE_YEARS, 5).unwrap(), 8);
    db.set_setting(keys::EXPIRY_WARN_DAYS, "ninety").unwrap();
    assert_eq!(
        db.setting_i64(keys::EXPIRY_WARN_DAYS, 90).unwrap(),
        90,
        "unreadable → default"
    );

    assert!(!db.is_demo().unwrap());
    db.set_setting(keys::DEMO, "1").unwrap();
    assert!(db.is_demo().unwrap());

    let e = db.audit_entries(Some("settings"), None, 10).unwrap();
    assert_eq!(e.len(), 4);
    assert!(
        e.iter()
            .all(|x| x.action == "setting" && x.actor == "admin.ito")
    );
    let change = e
        .iter()
        .find(|x| x.before.is_some())
        .expect("the change from 7 to 8");
    assert_eq!(json(&change.before)[keys::LONG_TENURE_YEARS], "7");
    assert_eq!(json(&change.after)[keys::LONG_TENURE_YEARS], "8");
}

#[test]
fn summary_counts_rows_and_active_staff() {
    let w = Ward::new();
    w.db.retire_staff(w.clerk.id, w.clerk.version, d(2025, 3, 31))
        .unwrap();
    let s = w.db.summary().unwrap();
    let n = |t: &str| s.counts.iter().find(|(x, _)| *x == t).map(|(_, n)| *n);
    assert_eq!(n("units"), Some(5));
    assert_eq!(n("staff"), Some(4));
    assert_eq!(n("audit_log"), Some(audit_count(&w.db) as i64));
    assert_eq!(s.active_staff, 3);
    assert!(s.fiscal_years.is_empty());
    assert!(w.db.integrity_problems().unwrap().is_empty());
}

#[test]
fn audit_entries_filter_by_table_and_row_and_respect_the_limit() {
    let w = Ward::new();
    assert_eq!(
        w.db.audit_entries(Some("units"), None, 100).unwrap().len(),
        5
    );
    assert_eq!(
        w.db.audit_entries(Some("staff"), None, 100).unwrap().len(),
        4
    );
    assert_eq!(w.db.audit_entries(None, None, 3).unwrap().len(), 3);
    let one =
        w.db.audit_entries(Some("staff"), Some(w.lead.id), 100)
            .unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(json(&one[0].after)["staff_no"], "A0002");
    let all = w.db.audit_entries(None, None, 100).unwrap();
    assert!(all.windows(2).all(|p| p[0].id > p[1].id), "newest first");
}
