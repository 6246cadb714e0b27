//! The office calendar in the store: the ward's days written by admins only, audited,
//! versioned, one a date; and the evaluation chain's agree/appeal (what `jinji eval
//! agree|appeal` and the screens' `m` call) closing after 7 開庁日 of that calendar.

use crate::support::{d, demo_ward};
use jinji::domain::account::Account;
use jinji::domain::calendar::WardDay;
use jinji::domain::eval_flow::{EvalInput, EvalStep};
use jinji::domain::evaluation::{EvalKind, EvalState, Evaluation};
use jinji::domain::staff::Staff;
use jinji::domain::{Date, FiscalYear, Problem};
use jinji::store::flow::Actor;
use jinji::store::{Db, Filter, StoreError};

fn account(db: &Db, login: &str) -> Account {
    db.account_by_login(login).unwrap().unwrap()
}

fn ward_day(on: Date, name: &str) -> WardDay {
    WardDay {
        id: 0,
        closed_on: on,
        name: name.into(),
        version: 0,
    }
}

#[track_caller]
fn refused(r: Result<impl std::fmt::Debug, StoreError>, field: &str, problem: Problem) {
    match r {
        Err(StoreError::Invalid(inv)) => {
            assert_eq!((inv.0[0].field, &inv.0[0].problem), (field, &problem))
        }
        other => panic!("expected {field}: {problem:?}, got {other:?}"),
    }
}

fn rule(rule: &'static str) -> Problem {
    Problem::Rule { rule }
}

fn audit(db: &Db) -> Vec<String> {
    let mut v: Vec<String> = db
        .audit_entries(Some("ward_closed_days"), None, 100)
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect();
    v.reverse();
    v
}

#[test]
fn the_wards_days_are_an_admins_to_keep() {
    let db = demo_ward();
    let admin = account(&db, "admin");
    let hr = account(&db, "hr1");
    refused(
        db.save_ward_day(&mut ward_day(d(2026, 11, 27), "区制施行記念日"), &hr),
        "closed_on",
        rule("calendar_admin_only"),
    );
    let mut day = ward_day(d(2026, 11, 27), " 区制施行記念日 ");
    db.save_ward_day(&mut day, &admin).unwrap();
    assert_eq!((day.name.as_str(), day.version), ("区制施行記念日", 1));
    refused(
        db.save_ward_day(&mut ward_day(d(2026, 11, 27), "二重"), &admin),
        "closed_on",
        rule("calendar_ward_day_exists"),
    );
    // Renamed, with its version: a stale copy is a conflict, not an overwrite.
    let stale = day.clone();
    day.name = "区制施行八十周年".into();
    db.save_ward_day(&mut day, &admin).unwrap();
    let mut old = stale;
    old.name = "古い名前".into();
    assert!(matches!(
        db.save_ward_day(&mut old, &admin),
        Err(StoreError::Conflict { .. })
    ));
    refused(
        db.remove_ward_day(d(2026, 11, 27), &hr),
        "closed_on",
        rule("calendar_admin_only"),
    );
    refused(
        db.remove_ward_day(d(2027, 1, 1), &admin),
        "closed_on",
        rule("calendar_fixed_by_rule"),
    );
    refused(
        db.remove_ward_day(d(2026, 11, 26), &admin),
        "closed_on",
        rule("calendar_no_ward_day"),
    );
    assert_eq!(audit(&db), ["insert", "update"], "refusals write nothing");
    let gone = db.remove_ward_day(d(2026, 11, 27), &admin).unwrap();
    assert_eq!(gone.name, "区制施行八十周年");
    assert_eq!(db.ward_day_on(d(2026, 11, 27)).unwrap(), None);
    assert_eq!(audit(&db), ["insert", "update", "delete"]);
}

/// A competency evaluation of `fy`, disclosed on `on` and not answered yet, and its
/// evaluatee acting on it.
fn disclosed(db: &Db, fy: FiscalYear, on: Date) -> (Evaluation, Account) {
    let period = db
        .eval_periods(fy)
        .unwrap()
        .into_iter()
        .find(|p| p.kind == EvalKind::Competency)
        .unwrap();
    let mut e = db
        .all::<Evaluation>(vec![Filter::eq("period_id", period.id)], "id")
        .unwrap()
        .into_iter()
        .find(|e| {
            let no = db.get::<Staff>(e.staff_id).unwrap().staff_no;
            // Rated by both evaluators: a disclosed evaluation has both ratings.
            e.first_rating.is_some()
                && e.second_rating.is_some()
                && e.state >= EvalState::FirstDone
                && db.account_by_login(&format!("s{no}")).unwrap().is_some()
        })
        .expect("a rated evaluation of someone serving");
    // Every stage on the day of disclosure, so that the dates stay in order.
    e.grade = e.second_rating.or(e.first_rating);
    for stage in [
        &mut e.self_submitted_on,
        &mut e.first_done_on,
        &mut e.second_done_on,
    ] {
        *stage = stage.map(|_| on);
    }
    e.finalized_on = Some(on);
    e.disclosed_on = Some(on);
    e.state = EvalState::Disclosed;
    e.response = None;
    e.response_on = None;
    e.response_note.clear();
    e.appeal_outcome.clear();
    db.update(&mut e).unwrap();
    let no = db.get::<Staff>(e.staff_id).unwrap().staff_no;
    (e, account(db, &format!("s{no}")))
}

/// The evaluatee's appeal on `today`.
fn appeal(db: &Db, e: &Evaluation, me: &Account, today: Date) -> Result<Evaluation, StoreError> {
    let visible = db.visibility(me, today.fiscal_year()).unwrap();
    let who = Actor {
        account: me,
        visible: &visible,
    };
    let input = EvalInput {
        text: "評価の根拠に異議があります".into(),
        ..Default::default()
    };
    db.eval_move(e.id, None, EvalStep::Appeal, &input, who, today)
}

fn may_appeal(db: &Db, e: &Evaluation, me: &Account, today: Date) -> bool {
    let visible = db.visibility(me, today.fiscal_year()).unwrap();
    let who = Actor {
        account: me,
        visible: &visible,
    };
    let e: Evaluation = db.get(e.id).unwrap();
    db.eval_moves(&e, who, today)
        .unwrap()
        .contains(&EvalStep::Appeal)
}

#[test]
fn the_appeal_window_is_seven_open_days_of_the_calendar() {
    let db = demo_ward();
    // Friday 2025-10-03: Monday 10/13 is スポーツの日, so the seventh 開庁日 is 10/15.
    let (e, me) = disclosed(&db, 2025, d(2025, 10, 3));
    assert!(may_appeal(&db, &e, &me, d(2025, 10, 15)));
    assert!(!may_appeal(&db, &e, &me, d(2025, 10, 16)));
    refused(
        appeal(&db, &e, &me, d(2025, 10, 16)),
        "response",
        Problem::Closed {
            on: d(2025, 10, 15),
        },
    );
    appeal(&db, &e, &me, d(2025, 10, 15)).unwrap();

    // Friday 2026-12-25: 年末年始 and 成人の日 (2027-01-11) are not counted.
    let (e, me) = disclosed(&db, 2026, d(2026, 12, 25));
    refused(
        appeal(&db, &e, &me, d(2027, 1, 13)),
        "response",
        Problem::Closed { on: d(2027, 1, 12) },
    );
    assert!(may_appeal(&db, &e, &me, d(2027, 1, 12)));
    // A day the ward closes within the window moves the end one 開庁日 on.
    let admin = account(&db, "admin");
    db.save_ward_day(&mut ward_day(d(2027, 1, 6), "庁舎移転"), &admin)
        .unwrap();
    assert!(may_appeal(&db, &e, &me, d(2027, 1, 13)));
    refused(
        appeal(&db, &e, &me, d(2027, 1, 14)),
        "response",
        Problem::Closed { on: d(2027, 1, 13) },
    );
    appeal(&db, &e, &me, d(2027, 1, 13)).unwrap();
}
