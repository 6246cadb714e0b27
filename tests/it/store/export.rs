//! Exports through the public API: the kinds and their header contract, human keys in a
//! stable order, text cells, and a callback that stops the export.

use jinji::domain::award::{Award, AwardKind, AwardState};
use jinji::domain::employment::EmploymentKind;
use jinji::domain::staff::{JobType, Position, Sex, Staff, StaffStatus, Track};
use jinji::domain::training::{Course, CourseCategory, CourseRequirement, RequiredPeriod};
use jinji::domain::unit::{Unit, UnitKind};
use jinji::domain::{Date, Id};
use jinji::store::Cell;
use jinji::store::export::{KINDS, kind, kind_names};
use jinji::store::{Db, StoreError};

/// The contract: each kind's headers start with exactly these.
#[rustfmt::skip]
const CONTRACT: &[(&str, &[&str])] = &[
    ("units", &["unit_code", "name", "parent_code", "kind"]),
    ("staff", &["staff_no", "family_name", "given_name", "family_kana", "given_kana",
        "birth_date", "hire_date", "unit_code", "position", "grade", "job_type", "track",
        "status"]),
    ("accounts", &["login", "staff_no", "role"]),
    ("self_reports", &["staff_no", "fiscal_year", "submitted", "transfer_wish",
        "wish_unit_1", "wish_unit_2", "wish_unit_3"]),
    ("qualifications", &["staff_no", "name", "acquired_on", "expires_on"]),
    ("interviews", &["staff_no", "held_on", "interviewer_staff_no", "notes"]),
    ("evaluations", &["fiscal_year", "kind", "staff_no", "evaluator1_staff_no",
        "evaluator2_staff_no", "state", "grade"]),
    ("themes", &["staff_no", "fiscal_year", "title", "target", "difficulty", "weight",
        "progress"]),
    ("assignments", &["staff_no", "unit_code", "position", "start_date", "end_date",
        "reason", "kind"]),
    ("courses", &["course_code", "title", "category"]),
    ("sessions", &["course_code", "fiscal_year", "starts_on", "ends_on", "place",
        "capacity"]),
    ("enrolments", &["staff_no", "course_code", "fiscal_year", "state", "hours"]),
    ("ojt", &["mentor_staff_no", "mentee_staff_no", "start_date", "end_date"]),
    ("awards", &["id", "kind", "staff_no", "state", "decided_on"]),
    ("compliance", &["staff_no", "fiscal_year", "training_done", "self_check_done"]),
    ("transfer_moves", &["plan_id", "plan_name", "effective_on", "plan_state", "staff_no",
        "family_name", "given_name", "from_unit_code", "from_position", "to_unit_code",
        "to_unit_name", "to_position", "reason", "transfer_wish"]),
    ("incidents", &["id", "kind", "occurred_on", "reported_on", "unit_code", "staff_no",
        "status", "summary", "outcome"]),
    ("consultations", &["id", "staff_no", "consulted_on", "counsellor_staff_no", "ending",
        "subject", "reply"]),
    ("complaints", &["fiscal_year", "kind", "staff_no", "response_on", "grounds",
        "board_decision", "board_decided_on", "outcome", "grade"]),
    ("pdca", &["id", "owner_staff_no", "owner_unit_code", "fiscal_year", "phase", "prev_id",
        "progress"]),
    ("surveys", &["unit_code", "conducted_on", "topic", "score", "responses"]),
    ("appointments", &["issued_on", "staff_no", "family_name", "given_name", "kind",
        "unit_code", "position", "text", "plan_id"]),
    ("job_fits", &["job_type", "unit_code"]),
    ("leaves", &["staff_no", "kind", "start_date", "end_date", "note"]),
    ("exams", &["fiscal_year", "exam_code", "exam_name", "base_date", "applications_close",
        "held_on", "announced_on", "state", "applicants", "passers"]),
    ("exam_results", &["fiscal_year", "exam_code", "staff_no", "family_name", "given_name",
        "applied_on", "applied_via", "written", "essay", "interview", "result", "pool_until"]),
    ("audit", &["id", "at", "actor", "action", "table_name", "row_id", "before", "after"]),
    ("posts", &["unit_code", "fiscal_year", "class", "count", "present", "vacant", "over"]),
];

fn rows(db: &Db, name: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let k = kind(name).expect("known kind");
    db.export_all(k, |r| {
        out.push(r.iter().map(Cell::as_text).collect());
        Ok(())
    })
    .expect("export runs");
    out
}

fn col(name: &str, header: &str) -> usize {
    let k = kind(name).expect("known kind");
    k.headers
        .iter()
        .position(|h| *h == header)
        .expect("known header")
}

fn staff(db: &Db, no: &str, unit_id: Id) -> Id {
    let mut s = Staff {
        id: 0,
        staff_no: no.into(),
        family_name: "山田".into(),
        given_name: "花子".into(),
        family_kana: "ヤマダ".into(),
        given_kana: "ハナコ".into(),
        sex: Sex::Female,
        birth_date: Date::from_ymd(1980, 5, 1),
        hire_date: Date::from_ymd(2003, 4, 1),
        unit_id,
        position: Position::Clerk,
        grade: 2,
        job_type: JobType::Office,
        track: Track::Generalist,
        status: StaffStatus::Active,
        employment_kind: EmploymentKind::Regular,
        weekly_hours: 38.75,
        term_start: None,
        term_end: None,
        renewals: 0,
        post_limit_exception: None,
        retire_date: None,
        supervisor_id: None,
        email: String::new(),
        phone: String::new(),
        version: 0,
    };
    db.insert(&mut s).expect("staff inserted");
    s.id
}

fn sample() -> Db {
    let db = Db::open_in_memory().expect("db");
    // A ward of five-digit numbers, whose leading zeros the export keeps.
    db.set_rule("staff_no_length", "5")
        .expect("staff_no_length");
    // A dummy first unit so that unit ids and staff ids differ from their codes.
    for (code, parent) in [("Z9", None), ("A1", None)] {
        let mut u = Unit {
            id: 0,
            code: code.into(),
            name: "区民課".into(),
            kana: String::new(),
            parent_id: parent,
            kind: UnitKind::Section,
            valid_from: Some(Date::from_ymd(2000, 4, 1)),
            valid_to: None,
            version: 0,
        };
        db.insert(&mut u).expect("unit inserted");
    }
    let unit = db.unit_by_code("A1").expect("query").expect("unit").id;
    let ids: Vec<Id> = ["00123", "00045", "00200"]
        .iter()
        .map(|n| staff(&db, n, unit))
        .collect();
    let award = |group: &str| Award {
        id: 0,
        kind: AwardKind::Merit,
        fiscal_year: 2024,
        title: "窓口改善".into(),
        achievement: String::new(),
        group_name: group.into(),
        unit_id: Some(unit),
        state: AwardState::Nominated,
        nominated_on: Date::from_ymd(2024, 10, 1),
        nominated_by: None,
        decided_on: None,
        decided_by: None,
        awarded_on: None,
        version: 0,
    };
    db.insert_award(&mut award("窓口班"), &ids)
        .expect("group award");
    db.insert_award(&mut award(""), &[]).expect("empty award");
    let mut c = Course {
        id: 0,
        code: "C01".into(),
        title: "接遇".into(),
        category: CourseCategory::PowerUp,
        hours: 7.5,
        provider: String::new(),
        since: Date::from_ymd(2020, 4, 1),
        until: None,
        version: 0,
    };
    db.insert(&mut c).expect("course");
    for position in [Position::Clerk, Position::Director] {
        let mut r = CourseRequirement {
            id: 0,
            course_id: c.id,
            position,
            period: RequiredPeriod::Once,
            months: None,
            version: 0,
        };
        db.insert(&mut r).expect("requirement");
    }
    db
}

#[test]
fn kinds_are_listed_in_order() {
    let want = [
        "units",
        "staff",
        "accounts",
        "self_reports",
        "qualifications",
        "interviews",
        "evaluations",
        "themes",
        "assignments",
        "courses",
        "sessions",
        "enrolments",
        "ojt",
        "awards",
        "compliance",
        "transfer_moves",
        "incidents",
        "consultations",
        "complaints",
        "pdca",
        "surveys",
        "appointments",
        "job_fits",
        "leaves",
        "exams",
        "exam_results",
        "audit",
        "posts",
    ];
    assert_eq!(kind_names(), want);
    assert_eq!(CONTRACT.iter().map(|c| c.0).collect::<Vec<_>>(), want);
}

#[test]
fn headers_start_with_the_contract() {
    for (name, cols) in CONTRACT {
        let k = kind(name).expect("known kind");
        assert!(k.headers.starts_with(cols), "{name}: {:?}", k.headers);
        let mut seen = std::collections::HashSet::new();
        for h in k.headers {
            assert!(seen.insert(*h), "{name}: duplicate header {h}");
            assert!(
                h.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            );
        }
    }
}

#[test]
fn every_kind_runs_on_an_empty_database() {
    let db = Db::open_in_memory().expect("db");
    for k in KINDS {
        let mut n = 0;
        db.export_all(k, |r| {
            assert_eq!(r.len(), k.headers.len());
            n += 1;
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{}: {e}", k.name));
        // The audit log may hold the migration's entries; every other table is empty.
        if k.name != "audit" {
            assert_eq!(n, 0, "{}", k.name);
        }
    }
}

#[test]
fn exports_human_keys_in_a_stable_order() {
    let db = sample();
    for k in KINDS {
        db.export_all(k, |r| {
            assert_eq!(r.len(), k.headers.len(), "{}", k.name);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{}: {e}", k.name));
    }
    let staff = rows(&db, "staff");
    let nos: Vec<&str> = staff.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(nos, ["00045", "00123", "00200"]);
    assert!(staff.iter().all(|r| r[col("staff", "unit_code")] == "A1"));
    assert_eq!(rows(&db, "staff"), staff, "same data, same rows");

    let courses = rows(&db, "courses");
    assert_eq!(courses.len(), 1);
    assert_eq!(courses[0][col("courses", "hours")], "7.5");
    assert_eq!(courses[0][col("courses", "required_for")], "director;clerk");
}

#[test]
fn staff_no_stays_text() {
    let db = sample();
    db.export_all(kind("staff").expect("kind"), |r| {
        assert!(matches!(&r[0], Cell::Text(s) if s.starts_with('0')));
        assert!(matches!(r[col("staff", "grade")], Cell::Int(2)));
        Ok(())
    })
    .expect("export");
}

#[test]
fn a_group_award_gives_one_row_per_recipient() {
    let db = sample();
    let awards = rows(&db, "awards");
    assert_eq!(awards.len(), 4);
    let (id, no) = (col("awards", "id"), col("awards", "staff_no"));
    let group: Vec<&str> = awards[..3].iter().map(|r| r[no].as_str()).collect();
    assert_eq!(group, ["00045", "00123", "00200"]);
    assert!(awards[..3].iter().all(|r| r[id] == awards[0][id]));
    assert_ne!(awards[3][id], awards[0][id]);
    assert_eq!(awards[3][no], "");
    assert_eq!(awards[0][col("awards", "unit_code")], "A1");
}

#[test]
fn unknown_kind_and_cell_text() {
    assert!(kind("nope").is_none());
    assert_eq!(Cell::Null.as_text(), "");
    assert_eq!(Cell::Real(7.5).as_text(), "7.5");
    assert_eq!(Cell::Real(8.0).as_text(), "8");
    assert_eq!(Cell::Int(-3).as_text(), "-3");
    assert_eq!(Cell::Text("00123".into()).as_text(), "00123");
}

#[test]
fn an_error_from_the_callback_stops_the_export() {
    let db = sample();
    let mut n = 0;
    let r = db.export_all(kind("staff").expect("kind"), |_| {
        n += 1;
        Err(StoreError::Denied("stop".into()))
    });
    assert!(matches!(r, Err(StoreError::Denied(_))));
    assert_eq!(n, 1);
}
