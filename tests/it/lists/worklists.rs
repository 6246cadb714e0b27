//! Worklists (src/store/view_defs_lists.rs) and the training and incident registers
//! (src/store/view_defs_registers.rs) as the screens query them: who has not handed in
//! the self-report, who has stayed long in a post, whose compliance is overdue, who lacks
//! a required course; each of the year, day and ward rule `Db::bind` fills in, and each
//! within what the account may see.

use crate::support::ward;
use crate::support::{demo_ward, today};

use std::collections::BTreeSet;

use jinji::app::view::{Open, View};
use jinji::domain::account::Role;
use jinji::domain::career::{SelfReport, TransferWish};
use jinji::domain::compliance::{ComplianceRecord, Incident, IncidentKind, IncidentStatus};
use jinji::domain::staff::{Position, Staff, StaffStatus, Track};
use jinji::domain::training::{
    Course, CourseCategory, CourseRequirement, Enrolment, EnrolmentState, RequiredPeriod,
    TrainingSession,
};
use jinji::domain::{Date, FiscalYear, Id};
use jinji::store::Db;
use jinji::store::scope::Visibility;
use jinji::store::views::{ViewQuery, ViewRow, view};
use ward::*;

fn query(fy: FiscalYear, day: Date) -> ViewQuery {
    ViewQuery {
        fiscal_year: Some(fy),
        ..ViewQuery::on(day)
    }
}

/// The query as the screen first shows a list: in its default order.
fn as_shown(name: &str, q: ViewQuery) -> ViewQuery {
    let v = view(name).unwrap();
    ViewQuery {
        sort: v.default_sort,
        desc: v.default_desc,
        ..q
    }
}

fn rows(db: &Db, name: &str, q: &ViewQuery) -> Vec<ViewRow> {
    let v = view(name).unwrap_or_else(|| panic!("no view {name}"));
    let rows = db.view_rows(v, q, 0, 100_000).expect("rows");
    assert_eq!(
        db.view_count(v, q).expect("count"),
        rows.len() as i64,
        "{name}: the count agrees with the rows"
    );
    rows
}

fn col(name: &str, key: &str) -> usize {
    view(name)
        .unwrap()
        .columns
        .iter()
        .position(|c| c.key == key)
        .unwrap_or_else(|| panic!("{name} has no column {key}"))
}

/// One column of every row, in the list's order.
fn column(db: &Db, name: &str, q: &ViewQuery, key: &str) -> Vec<String> {
    let i = col(name, key);
    rows(db, name, q)
        .iter()
        .map(|r| r.cells[i].as_text())
        .collect()
}

/// The staff numbers a list shows, in its order.
fn staff_nos(db: &Db, name: &str, q: &ViewQuery) -> Vec<String> {
    column(db, name, q, "staff_no")
}

fn staff_set(db: &Db, name: &str, q: &ViewQuery) -> BTreeSet<String> {
    staff_nos(db, name, q).into_iter().collect()
}

/// (staff number, another column) of every row.
fn pairs(db: &Db, name: &str, q: &ViewQuery, key: &str) -> Vec<(String, String)> {
    let (a, b) = (col(name, "staff_no"), col(name, key));
    rows(db, name, q)
        .iter()
        .map(|r| (r.cells[a].as_text(), r.cells[b].as_text()))
        .collect()
}

fn set(nos: &[&str]) -> BTreeSet<String> {
    nos.iter().map(|s| s.to_string()).collect()
}

fn report(staff_id: Id, fy: FiscalYear, submitted_on: Option<Date>) -> SelfReport {
    SelfReport {
        id: 0,
        staff_id,
        fiscal_year: fy,
        career_goal: "窓口業務の改善".into(),
        wished_fields: String::new(),
        transfer_wish: TransferWish::Stay,
        wish_unit1_id: None,
        wish_unit2_id: None,
        wish_unit3_id: None,
        promotion_exam: false,
        self_dev_plan: String::new(),
        submitted_on,
        version: 0,
    }
}

fn retire(db: &Db, s: &Staff) {
    let mut s: Staff = db.get(s.id).unwrap();
    s.status = StaffStatus::Retired;
    s.retire_date = Some(d(2026, 3, 31));
    db.update(&mut s).unwrap();
}

fn open_post(db: &Db, staff_id: Id, unit_id: Id, start: Date) -> Id {
    let mut a = assignment(staff_id, unit_id, start, None);
    db.insert(&mut a).unwrap();
    a.id
}

/// A compliance record with its training (an enrolment in the yearly compliance course)
/// and self-check done on the days given.
fn compliance(db: &Db, staff_id: Id, fy: FiscalYear, due: Date, done: [Option<Date>; 2]) {
    if let Some(on) = done[0] {
        compliance_training(db, staff_id, fy, on);
    }
    let mut c = ComplianceRecord {
        id: 0,
        staff_id,
        fiscal_year: fy,
        due_on: due,
        self_check_done_on: done[1],
        version: 0,
    };
    db.insert(&mut c).unwrap();
}

fn course(db: &Db, code: &str, title: &str) -> Course {
    let mut c = Course {
        id: 0,
        code: code.into(),
        title: title.into(),
        category: CourseCategory::Compliance,
        hours: 3.0,
        provider: String::new(),
        since: d(2020, 4, 1),
        until: None,
        version: 0,
    };
    db.insert(&mut c).unwrap();
    c
}

/// A course required once of everyone in `position`.
fn require(db: &Db, course_id: Id, position: Position) {
    require_by(db, course_id, position, RequiredPeriod::Once, None);
}

fn require_by(
    db: &Db,
    course_id: Id,
    position: Position,
    period: RequiredPeriod,
    months: Option<i64>,
) {
    let mut q = CourseRequirement {
        id: 0,
        course_id,
        position,
        period,
        months,
        version: 0,
    };
    db.insert(&mut q).unwrap();
}

fn session(db: &Db, course_id: Id, starts: Date) -> TrainingSession {
    let mut s = TrainingSession {
        id: 0,
        course_id,
        fiscal_year: starts.fiscal_year(),
        starts_on: starts,
        ends_on: starts,
        place: "区役所会議室".into(),
        capacity: 40,
        version: 0,
    };
    db.insert(&mut s).unwrap();
    s
}

fn enrol(db: &Db, session: &TrainingSession, staff_id: Id, state: EnrolmentState) {
    let completed = state == EnrolmentState::Completed;
    let mut e = Enrolment {
        id: 0,
        session_id: session.id,
        staff_id,
        state,
        hours: if completed { 3.0 } else { 0.0 },
        applied_on: session.starts_on.add_days(-30),
        completed_on: completed.then_some(session.ends_on),
        version: 0,
    };
    db.insert(&mut e).unwrap();
}

// ---- self_reports_missing ----------------------------------------------------------

#[test]
fn people_without_a_report_read_none_and_those_with_a_draft_read_draft() {
    let w = Ward::new();
    let mut r = report(w.junior.id, 2026, None);
    w.db.insert(&mut r).unwrap();
    let got = pairs(
        &w.db,
        "self_reports_missing",
        &query(2026, today()),
        "report_state",
    );
    assert_eq!(
        got,
        [
            ("A0001".to_string(), "none".to_string()),
            ("A0002".into(), "none".into()),
            ("A0003".into(), "draft".into()),
            ("A0004".into(), "none".into()),
        ]
    );
    // The row is the person: its id is theirs.
    let ids: Vec<Id> = rows(&w.db, "self_reports_missing", &query(2026, today()))
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ids, [w.chief.id, w.lead.id, w.junior.id, w.clerk.id]);
}

#[test]
fn handing_in_the_report_takes_a_person_off_the_missing_list() {
    let w = Ward::new();
    let mut r = report(w.junior.id, 2026, None);
    w.db.insert(&mut r).unwrap();
    r.submitted_on = Some(d(2026, 6, 1));
    w.db.update(&mut r).unwrap();
    assert_eq!(
        staff_nos(&w.db, "self_reports_missing", &query(2026, today())),
        ["A0001", "A0002", "A0004"]
    );
}

#[test]
fn a_retired_person_is_never_on_the_missing_list() {
    let w = Ward::new();
    retire(&w.db, &w.clerk);
    for fy in [2025, 2026, 2027] {
        assert!(
            !staff_set(&w.db, "self_reports_missing", &query(fy, today())).contains("A0004"),
            "FY{fy}"
        );
    }
}

#[test]
fn another_fiscal_year_is_another_missing_list() {
    let w = Ward::new();
    w.db.insert(&mut report(w.junior.id, 2026, Some(d(2026, 6, 1))))
        .unwrap();
    w.db.insert(&mut report(w.lead.id, 2025, Some(d(2025, 6, 1))))
        .unwrap();
    assert_eq!(
        staff_set(&w.db, "self_reports_missing", &query(2026, today())),
        set(&["A0001", "A0002", "A0004"])
    );
    assert_eq!(
        staff_set(&w.db, "self_reports_missing", &query(2025, today())),
        set(&["A0001", "A0003", "A0004"])
    );
}

#[test]
fn a_worklist_without_a_year_lists_the_year_of_its_day() {
    let w = Ward::new();
    w.db.insert(&mut report(w.junior.id, 2025, Some(d(2025, 6, 1))))
        .unwrap();
    let no_year = |day: Date| ViewQuery {
        ..ViewQuery::on(day)
    };
    // 2026-03-31 is still FY2025; 2026-04-01 is FY2026.
    assert!(!staff_set(&w.db, "self_reports_missing", &no_year(d(2026, 3, 31))).contains("A0003"));
    assert!(staff_set(&w.db, "self_reports_missing", &no_year(d(2026, 4, 1))).contains("A0003"));
}

#[test]
fn the_missing_list_counts_as_the_store_does_on_the_demo() {
    let db = demo_ward();
    for fy in [2025, 2026] {
        let q = ViewQuery {
            visible: Visibility::All,
            ..query(fy, today())
        };
        let store: BTreeSet<Id> = db
            .self_reports_missing(fy, 1_000_000)
            .unwrap()
            .iter()
            .map(|s| s.id)
            .collect();
        let v = view("self_reports_missing").unwrap();
        assert_eq!(db.view_count(v, &q).unwrap(), store.len() as i64, "FY{fy}");
        let listed: BTreeSet<Id> = rows(&db, "self_reports_missing", &q)
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(listed, store, "FY{fy}");
    }
}

// ---- long_tenure -------------------------------------------------------------------

/// The ward's people in posts: `lead` since 2022-04-01 (before that a closed post),
/// `chief` since 2022-04-02, `junior` since 2024-04-01, the specialist `clerk` since
/// 2010-04-01, and a retired clerk whose post of 2000 was never closed.
struct Posts {
    w: Ward,
    lead_post: Id,
    lead_old_post: Id,
    retired_post: Id,
}

fn posts() -> Posts {
    let w = Ward::new();
    let mut old = assignment(w.lead.id, w.team_res, d(2015, 4, 1), Some(d(2022, 3, 31)));
    w.db.insert(&mut old).unwrap();
    let lead_post = open_post(&w.db, w.lead.id, w.team_hr, d(2022, 4, 1));
    open_post(&w.db, w.chief.id, w.sec_hr, d(2022, 4, 2));
    open_post(&w.db, w.junior.id, w.team_hr, d(2024, 4, 1));
    open_post(&w.db, w.clerk.id, w.team_res, d(2010, 4, 1));
    let mut gone = staff("A0009", w.team_res, d(1990, 4, 1));
    gone.status = StaffStatus::Retired;
    gone.retire_date = Some(d(2025, 3, 31));
    w.db.insert(&mut gone).unwrap();
    let retired_post = open_post(&w.db, gone.id, w.team_res, d(2000, 4, 1));
    Posts {
        w,
        lead_post,
        lead_old_post: old.id,
        retired_post,
    }
}

#[test]
fn a_post_begun_on_1_april_five_years_before_the_next_round_is_long_tenure() {
    let p = posts();
    // FY2026: the next round is 2027-04-01; five years back is 2022-04-01, not a day later.
    let got = pairs(
        &p.w.db,
        "long_tenure",
        &query(2026, today()),
        "years_by_april",
    );
    assert_eq!(got, [("A0002".to_string(), "5".to_string())]);
    let ids: Vec<Id> = rows(&p.w.db, "long_tenure", &query(2026, today()))
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ids, [p.lead_post], "the row is the open assignment");
}

#[test]
fn specialists_retired_people_and_closed_posts_are_not_long_tenure() {
    let p = posts();
    let ids: Vec<Id> = rows(&p.w.db, "long_tenure", &query(2026, today()))
        .iter()
        .map(|r| r.id)
        .collect();
    assert!(!ids.contains(&p.lead_old_post), "a closed post");
    assert!(!ids.contains(&p.retired_post), "a retired person");
    assert!(
        !staff_set(&p.w.db, "long_tenure", &query(2026, today())).contains("A0004"),
        "a specialist (16 years in post)"
    );
    // The same clerk as a generalist is long in post.
    let mut clerk: Staff = p.w.db.get(p.w.clerk.id).unwrap();
    clerk.track = Track::Generalist;
    p.w.db.update(&mut clerk).unwrap();
    let got = pairs(
        &p.w.db,
        "long_tenure",
        &query(2026, today()),
        "years_by_april",
    );
    assert!(
        got.contains(&("A0004".to_string(), "17".to_string())),
        "{got:?}"
    );
}

#[test]
fn the_ward_rule_sets_how_many_years_is_long() {
    let p = posts();
    p.w.db.set_rule("long_tenure_years", "3").unwrap();
    // Shown by the start of the post: 2022-04-01, 2022-04-02, 2024-04-01.
    let q = as_shown("long_tenure", query(2026, today()));
    let got = pairs(&p.w.db, "long_tenure", &q, "years_by_april");
    assert_eq!(
        got,
        [
            ("A0002".to_string(), "5".to_string()),
            ("A0001".into(), "4".into()),
            ("A0003".into(), "3".into()),
        ]
    );
    p.w.db.set_rule("long_tenure_years", "10").unwrap();
    assert!(rows(&p.w.db, "long_tenure", &query(2026, today())).is_empty());
}

#[test]
fn the_next_fiscal_year_brings_a_post_begun_a_day_later_into_long_tenure() {
    let p = posts();
    let q = as_shown("long_tenure", query(2027, today()));
    let got = pairs(&p.w.db, "long_tenure", &q, "years_by_april");
    assert_eq!(
        got,
        [
            ("A0002".to_string(), "6".to_string()),
            ("A0001".into(), "5".into()),
        ]
    );
}

// ---- compliance_overdue ------------------------------------------------------------

/// FY2026 records: `lead` due 10-28 with the self-check only, `junior` due 11-23 with
/// nothing, `clerk` due 11-24 (today) with nothing, `chief` due 10-01 with both done;
/// and `chief` overdue in FY2025.
fn compliance_ward() -> Ward {
    let w = Ward::new();
    let db = &w.db;
    compliance(
        db,
        w.lead.id,
        2026,
        d(2026, 10, 28),
        [None, Some(d(2026, 9, 1))],
    );
    compliance(db, w.junior.id, 2026, d(2026, 11, 23), [None, None]);
    compliance(db, w.clerk.id, 2026, d(2026, 11, 24), [None, None]);
    let done = Some(d(2026, 9, 30));
    compliance(db, w.chief.id, 2026, d(2026, 10, 1), [done, done]);
    compliance(
        db,
        w.chief.id,
        2025,
        d(2025, 10, 28),
        [Some(d(2025, 9, 1)), None],
    );
    w
}

#[test]
fn overdue_compliance_is_past_due_with_something_missing_not_due_today_nor_done() {
    let w = compliance_ward();
    assert_eq!(
        staff_set(&w.db, "compliance_overdue", &query(2026, today())),
        set(&["A0002", "A0003"])
    );
    // Last year's list is last year's records.
    assert_eq!(
        staff_set(&w.db, "compliance_overdue", &query(2025, today())),
        set(&["A0001"])
    );
}

#[test]
fn days_overdue_count_from_the_day_of_the_query() {
    let w = compliance_ward();
    let days = |day: Date| {
        let mut v = pairs(
            &w.db,
            "compliance_overdue",
            &query(2026, day),
            "days_overdue",
        );
        v.sort();
        v
    };
    assert_eq!(
        days(today()),
        [
            ("A0002".to_string(), "27".to_string()),
            ("A0003".into(), "1".into())
        ]
    );
    // A week later the one due on the 24th is overdue too.
    assert_eq!(
        days(d(2026, 12, 1)),
        [
            ("A0002".to_string(), "34".to_string()),
            ("A0003".into(), "8".into()),
            ("A0004".into(), "7".into()),
        ]
    );
}

#[test]
fn overdue_compliance_is_sorted_by_supervisor_by_default() {
    let w = compliance_ward();
    let v = view("compliance_overdue").unwrap();
    assert_eq!(v.default_sort, 0);
    assert_eq!(v.columns[0].key, "supervisor");
    let q = as_shown("compliance_overdue", query(2026, d(2026, 12, 1)));
    // 佐藤 (サトウ) leads 鈴木; 鈴木 (スズキ) leads 高橋; 田中 has no supervisor: last.
    assert_eq!(
        column(&w.db, "compliance_overdue", &q, "supervisor"),
        ["佐藤 太郎", "鈴木 太郎", ""]
    );
    assert_eq!(
        staff_nos(&w.db, "compliance_overdue", &q),
        ["A0002", "A0003", "A0004"]
    );
}

// ---- required_missing --------------------------------------------------------------

/// A course required of clerks (junior and clerk are clerks) and a session of it.
fn required_ward() -> (Ward, Course, TrainingSession) {
    let w = Ward::new();
    let c = course(&w.db, "REQ01", "個人情報保護研修");
    require(&w.db, c.id, Position::Clerk);
    let s = session(&w.db, c.id, d(2026, 6, 10));
    (w, c, s)
}

#[test]
fn a_serving_clerk_who_never_completed_a_required_course_is_listed() {
    let (w, _, _) = required_ward();
    let got = pairs(
        &w.db,
        "required_missing",
        &ViewQuery::on(today()),
        "courses_missing",
    );
    assert_eq!(
        got,
        [
            ("A0003".to_string(), "個人情報保護研修".to_string()),
            ("A0004".into(), "個人情報保護研修".into()),
        ]
    );
    retire(&w.db, &w.clerk);
    assert_eq!(
        staff_nos(&w.db, "required_missing", &ViewQuery::on(today())),
        ["A0003"],
        "a retired person is not"
    );
}

#[test]
fn completing_the_required_course_takes_the_person_off() {
    let (w, _, s) = required_ward();
    enrol(&w.db, &s, w.junior.id, EnrolmentState::Completed);
    // Applying is not completing, nor is completing another course.
    enrol(&w.db, &s, w.clerk.id, EnrolmentState::Applied);
    let other = course(&w.db, "OTH01", "接遇研修");
    let os = session(&w.db, other.id, d(2026, 7, 1));
    enrol(&w.db, &os, w.clerk.id, EnrolmentState::Completed);
    assert_eq!(
        staff_nos(&w.db, "required_missing", &ViewQuery::on(today())),
        ["A0004"]
    );
}

#[test]
fn a_withdrawn_course_is_not_required() {
    let (w, mut c, _) = required_ward();
    c.until = Some(d(2026, 3, 31));
    w.db.update(&mut c).unwrap();
    assert!(rows(&w.db, "required_missing", &ViewQuery::on(today())).is_empty());
}

/// The list of fiscal year `fy` as it stands on `today()`.
fn owing(db: &Db, fy: FiscalYear) -> Vec<(String, String)> {
    pairs(
        db,
        "required_missing",
        &query(fy, today()),
        "courses_missing",
    )
}

fn owes(no: &str, titles: &str) -> (String, String) {
    (no.to_string(), titles.to_string())
}

#[test]
fn a_course_due_every_year_is_owed_until_taken_in_that_year() {
    let w = Ward::new();
    let c = course(&w.db, "CMP01", "コンプライアンス研修");
    require_by(
        &w.db,
        c.id,
        Position::Clerk,
        RequiredPeriod::EveryYear,
        None,
    );
    let last = session(&w.db, c.id, d(2025, 6, 1));
    let this = session(&w.db, c.id, d(2026, 6, 1));
    enrol(&w.db, &last, w.junior.id, EnrolmentState::Completed);
    enrol(&w.db, &this, w.clerk.id, EnrolmentState::Completed);
    let t = "コンプライアンス研修";
    // Last year's course does not count for this year, nor this year's for last year.
    assert_eq!(owing(&w.db, 2026), [owes("A0003", t)]);
    assert_eq!(owing(&w.db, 2025), [owes("A0004", t)]);
    enrol(&w.db, &this, w.junior.id, EnrolmentState::Completed);
    assert!(owing(&w.db, 2026).is_empty());
    // Nobody owes a year before they were hired.
    assert_eq!(owing(&w.db, 2023), [owes("A0004", t)]);
}

#[test]
fn a_course_due_within_months_is_owed_once_that_time_ends_in_the_year() {
    let w = Ward::new();
    let c = course(&w.db, "RNK03", "主任昇任者研修");
    require_by(
        &w.db,
        c.id,
        Position::Senior,
        RequiredPeriod::WithinMonths,
        Some(12),
    );
    // The junior (hired 2024) is promoted to 主任 on 2026-04-01: due by 2027-04-01.
    let mut a = assignment(w.junior.id, w.team_hr, d(2024, 4, 1), Some(d(2026, 3, 31)));
    w.db.insert(&mut a).unwrap();
    let mut a = assignment(w.junior.id, w.team_hr, d(2026, 4, 1), None);
    a.position = Position::Senior;
    a.reason = jinji::domain::assignment::Reason::Promotion;
    w.db.insert(&mut a).unwrap();
    let mut junior: Staff = w.db.get(w.junior.id).unwrap();
    junior.position = Position::Senior;
    w.db.update(&mut junior).unwrap();
    assert!(owing(&w.db, 2026).is_empty(), "not due in FY2026");
    let t = "主任昇任者研修";
    assert_eq!(owing(&w.db, 2027), [owes("A0003", t)]);
    // Taken before the promotion, it is not the promoted person's course.
    let before = session(&w.db, c.id, d(2026, 3, 1));
    enrol(&w.db, &before, w.junior.id, EnrolmentState::Completed);
    assert_eq!(owing(&w.db, 2027), [owes("A0003", t)]);
    let after = session(&w.db, c.id, d(2026, 9, 1));
    enrol(&w.db, &after, w.junior.id, EnrolmentState::Completed);
    assert!(owing(&w.db, 2027).is_empty());
    // Without a post in the position, the months count from the hire: the clerk hired
    // 2015 owes a clerks' course due within 24 months, and has since 2017.
    let r = course(&w.db, "RNK02", "採用2年目職員研修");
    require_by(
        &w.db,
        r.id,
        Position::Clerk,
        RequiredPeriod::WithinMonths,
        Some(24),
    );
    assert_eq!(owing(&w.db, 2026), [owes("A0004", "採用2年目職員研修")]);
}

#[test]
fn people_on_leave_or_seconded_owe_nothing_while_away() {
    let (w, _, _) = required_ward();
    let t = "個人情報保護研修";
    assert_eq!(owing(&w.db, 2026), [owes("A0003", t), owes("A0004", t)]);
    for status in [StaffStatus::Leave, StaffStatus::Seconded] {
        let mut s: Staff = w.db.get(w.junior.id).unwrap();
        s.status = status;
        w.db.update(&mut s).unwrap();
        assert_eq!(owing(&w.db, 2026), [owes("A0004", t)], "{status:?}");
    }
    let mut s: Staff = w.db.get(w.junior.id).unwrap();
    s.status = StaffStatus::Active;
    w.db.update(&mut s).unwrap();
    assert_eq!(owing(&w.db, 2026).len(), 2, "back at work, owed again");
}

#[test]
fn the_training_panel_lists_what_the_worklist_does() {
    let w = Ward::new();
    let c = course(&w.db, "CMP01", "コンプライアンス研修");
    require_by(
        &w.db,
        c.id,
        Position::Clerk,
        RequiredPeriod::EveryYear,
        None,
    );
    let s = session(&w.db, c.id, d(2025, 6, 1));
    enrol(&w.db, &s, w.junior.id, EnrolmentState::Completed);
    for fy in [2025, 2026] {
        let listed = owing(&w.db, fy).iter().any(|(no, _)| no == "A0003");
        let panel = !w.db.required_not_taken(w.junior.id, fy).unwrap().is_empty();
        assert_eq!(listed, panel, "FY{fy}");
    }
}

// ---- scope -------------------------------------------------------------------------

/// Everyone on all four worklists: no reports, long in post, overdue, lacking a course
/// their position requires.
fn everyone_listed() -> Ward {
    let w = Ward::new();
    let db = &w.db;
    let c = course(db, "REQ01", "個人情報保護研修");
    for p in [Position::Clerk, Position::TeamChief, Position::SectionChief] {
        require(db, c.id, p);
    }
    session(db, c.id, d(2026, 6, 10));
    for s in [&w.chief, &w.lead, &w.junior, &w.clerk] {
        let mut s: Staff = db.get(s.id).unwrap();
        s.track = Track::Generalist;
        db.update(&mut s).unwrap();
        open_post(db, s.id, s.unit_id, d(2015, 4, 1));
        compliance(db, s.id, 2026, d(2026, 10, 28), [None, None]);
    }
    w
}

const WORKLISTS: [&str; 4] = [
    "self_reports_missing",
    "long_tenure",
    "compliance_overdue",
    "required_missing",
];

fn scoped(w: &Ward, who: &Who, name: &str) -> BTreeSet<String> {
    let q = ViewQuery {
        visible: who.visible.clone(),
        ..query(2026, today())
    };
    staff_set(&w.db, name, &q)
}

#[test]
fn every_worklist_lists_everyone_to_the_hr_office() {
    let w = everyone_listed();
    let hr = Who::new(&w.db, "hr1", Role::Hr, None);
    for name in WORKLISTS {
        assert_eq!(
            scoped(&w, &hr, name),
            set(&["A0001", "A0002", "A0003", "A0004"]),
            "{name}"
        );
    }
}

#[test]
fn a_supervisor_sees_on_the_worklists_only_the_people_of_their_units() {
    let w = everyone_listed();
    let chief = Who::new(&w.db, "chief", Role::Supervisor, Some(w.chief.id));
    let lead = Who::new(&w.db, "lead", Role::Supervisor, Some(w.lead.id));
    for name in WORKLISTS {
        assert_eq!(
            scoped(&w, &chief, name),
            set(&["A0001", "A0002", "A0003"]),
            "{name}: 人事課 and its team"
        );
        assert_eq!(
            scoped(&w, &lead, name),
            set(&["A0002", "A0003"]),
            "{name}: 人事係"
        );
    }
}

#[test]
fn a_staff_account_sees_only_itself_on_the_worklists() {
    let w = everyone_listed();
    let junior = Who::new(&w.db, "junior", Role::Staff, Some(w.junior.id));
    for name in WORKLISTS {
        assert_eq!(scoped(&w, &junior, name), set(&["A0003"]), "{name}");
    }
}

#[test]
fn the_course_catalogue_is_everyones_to_read() {
    let w = everyone_listed();
    course(&w.db, "LNG01", "英語研修（初級）");
    let junior = Who::new(&w.db, "junior", Role::Staff, Some(w.junior.id));
    let none = Who {
        account: junior.account.clone(),
        visible: Visibility::Some {
            units: Vec::new(),
            people: Vec::new(),
            me: None,
        },
    };
    for name in ["courses", "sessions", "requirements"] {
        let v = view(name).unwrap();
        let all = w.db.view_count(v, &query(2026, today())).unwrap();
        assert!(all > 0, "{name}");
        for who in [&junior, &none] {
            let q = ViewQuery {
                visible: who.visible.clone(),
                ..query(2026, today())
            };
            assert_eq!(w.db.view_count(v, &q).unwrap(), all, "{name}");
            assert_eq!(rows(&w.db, name, &q).len() as i64, all, "{name}");
        }
    }
}

#[test]
fn incidents_are_scoped_to_what_the_account_sees_and_the_tab_keeps_them_for_hr() {
    let w = Ward::new();
    let incident = |staff_id: Option<Id>, unit_id: Option<Id>, summary: &str| {
        let mut i = Incident {
            id: 0,
            kind: IncidentKind::Other,
            occurred_on: d(2026, 6, 1),
            reported_on: d(2026, 6, 2),
            unit_id,
            staff_id,
            summary: summary.into(),
            status: IncidentStatus::Open,
            outcome: String::new(),
            version: 0,
        };
        w.db.insert(&mut i).unwrap();
        i.id
    };
    let of_junior = incident(Some(w.junior.id), Some(w.team_hr), "書類の紛失");
    let of_team = incident(None, Some(w.team_hr), "窓口での苦情");
    let of_clerk = incident(Some(w.clerk.id), Some(w.team_res), "公用車の事故");
    let ids = |who: &Who| -> BTreeSet<Id> {
        let q = ViewQuery {
            visible: who.visible.clone(),
            ..query(2026, today())
        };
        rows(&w.db, "incidents", &q).iter().map(|r| r.id).collect()
    };
    let hr = Who::new(&w.db, "hr1", Role::Hr, None);
    let lead = Who::new(&w.db, "lead", Role::Supervisor, Some(w.lead.id));
    let junior = Who::new(&w.db, "junior", Role::Staff, Some(w.junior.id));
    assert_eq!(ids(&hr), BTreeSet::from([of_junior, of_team, of_clerk]));
    assert_eq!(ids(&lead), BTreeSet::from([of_junior, of_team]));
    assert_eq!(ids(&junior), BTreeSet::from([of_junior]));
    assert_eq!(View::Incidents.spec().open, Open::Hr);
}

#[test]
fn on_the_demo_a_supervisor_and_a_staff_member_see_exactly_their_people_on_each_worklist() {
    let db = demo_ward();
    let accounts = db.accounts().unwrap();
    // Everyone on some worklist.
    let listed: BTreeSet<String> = WORKLISTS
        .iter()
        .flat_map(|name| staff_nos(&db, name, &query(2026, today())))
        .collect();
    // A chief over a section with people (the first supervisor whose section has more
    // than themselves and someone of it on a worklist), and one staff member.
    let sup = accounts
        .iter()
        .filter(|a| a.role == Role::Supervisor)
        .find(|a| match db.visibility(a, 2026).unwrap() {
            v @ Visibility::Some { .. } => {
                v.units().is_some_and(|u| u.len() > 1)
                    && listed
                        .iter()
                        .any(|no| v.sees(&db.staff_by_no(no).unwrap().unwrap()))
            }
            Visibility::All => false,
        })
        .expect("a supervisor over a subtree");
    let staff_acc = accounts
        .iter()
        .filter(|a| a.role == Role::Staff)
        .find(|a| {
            let me: Staff = db.get(a.staff_id.unwrap()).unwrap();
            listed.contains(&me.staff_no)
        })
        .expect("a staff account on a worklist");
    for acc in [sup, staff_acc] {
        let visible = db.visibility(acc, 2026).unwrap();
        let mut seen_any = false;
        for name in WORKLISTS {
            let all = staff_nos(&db, name, &query(2026, today()));
            let want: Vec<String> = all
                .into_iter()
                .filter(|no| visible.sees(&db.staff_by_no(no).unwrap().unwrap()))
                .collect();
            let q = ViewQuery {
                visible: visible.clone(),
                ..query(2026, today())
            };
            let got = staff_nos(&db, name, &q);
            assert_eq!(got, want, "{} on {name}", acc.login);
            seen_any |= !got.is_empty();
        }
        assert!(seen_any, "{} sees someone on some worklist", acc.login);
    }
}

/// The qualification list marks expired ones and those expiring within 90 days (the
/// ward's rule): on the day is still valid but near, the 91st day is not marked.
#[test]
fn qualifications_are_marked_expired_or_expiring_at_the_90_day_boundary() {
    let w = Ward::new();
    let day = today();
    for (name, expires) in [
        ("A-yesterday", day.add_days(-1)),
        ("B-today", day),
        ("C-day-90", day.add_days(90)),
        ("D-day-91", day.add_days(91)),
    ] {
        let mut q = jinji::domain::career::Qualification {
            id: 0,
            staff_id: w.junior.id,
            name: name.into(),
            issuer: "区".into(),
            acquired_on: d(2020, 4, 1),
            expires_on: Some(expires),
            version: 0,
        };
        w.db.insert(&mut q).unwrap();
    }
    let q = ViewQuery {
        sort: col("qualifications", "qualification"),
        ..ViewQuery::on(day)
    };
    assert_eq!(
        column(&w.db, "qualifications", &q, "expiry"),
        ["expired", "soon", "soon", ""]
    );
    // A shorter warning moves the boundary.
    w.db.set_rule("expiry_warn_days", "30").unwrap();
    assert_eq!(
        column(&w.db, "qualifications", &q, "expiry"),
        ["expired", "soon", "", ""]
    );
}

/// Required training follows the leave periods: away today, nothing is owed; once the
/// leave has ended (the file opened on a later day), it is owed again.
#[test]
fn a_person_away_on_a_leave_owes_nothing_and_owes_again_once_it_ends() {
    use jinji::domain::leave::LeaveKind;
    use jinji::store::leaves::BY_HAND;
    let (w, _, _) = required_ward();
    let t = "個人情報保護研修";
    let mut l = leave(
        w.junior.id,
        LeaveKind::ChildcareLeave,
        d(2026, 10, 1),
        Some(d(2026, 12, 31)),
    );
    w.db.put_leave(&mut l, today(), &BY_HAND).unwrap();
    assert_eq!(owing(&w.db, 2026), [owes("A0004", t)], "away today");
    // Shorter days are days at work.
    l.kind = LeaveKind::ChildcareShortHours;
    w.db.put_leave(&mut l, today(), &BY_HAND).unwrap();
    assert_eq!(owing(&w.db, 2026).len(), 2);
    l.kind = LeaveKind::ChildcareLeave;
    w.db.put_leave(&mut l, today(), &BY_HAND).unwrap();
    w.db.follow_posts(d(2027, 1, 1)).unwrap();
    assert_eq!(
        owing(&w.db, 2026),
        [owes("A0003", t), owes("A0004", t)],
        "the leave ended"
    );
}

/// The overdue compliance worklist says 休業中 for a person away, not the days overdue.
#[test]
fn a_person_away_is_on_leave_on_the_overdue_list_not_overdue() {
    use jinji::domain::leave::LeaveKind;
    use jinji::store::leaves::BY_HAND;
    let w = compliance_ward();
    let q = query(2026, today());
    let state = |w: &Ward| {
        let mut v = pairs(&w.db, "compliance_overdue", &q, "days_overdue");
        v.sort();
        v
    };
    let mut l = leave(
        w.junior.id,
        LeaveKind::SickLeave,
        d(2026, 11, 1),
        Some(d(2026, 12, 31)),
    );
    w.db.put_leave(&mut l, today(), &BY_HAND).unwrap();
    assert_eq!(
        state(&w),
        [
            ("A0002".to_string(), "27".to_string()),
            ("A0003".into(), "away".into()),
        ]
    );
}
