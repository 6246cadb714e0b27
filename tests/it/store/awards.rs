//! Awards: nominations, recipients, long service.

use crate::support::ward;

use jinji::domain::award::{Award, AwardKind, AwardRecipient, AwardState};
use jinji::domain::staff::Staff;
use jinji::domain::{Date, Id, Problem};
use ward::*;

fn award(kind: AwardKind, nominated_on: Date) -> Award {
    Award {
        id: 0,
        kind,
        fiscal_year: nominated_on.fiscal_year(),
        title: "永年勤続表彰".into(),
        achievement: String::new(),
        group_name: String::new(),
        unit_id: None,
        state: AwardState::Nominated,
        nominated_on,
        nominated_by: None,
        decided_on: None,
        decided_by: None,
        awarded_on: None,
        version: 0,
    }
}

#[test]
fn a_long_service_award_needs_the_years() {
    let w = Ward::new();
    let mut a = award(AwardKind::LongService10, d(2025, 4, 1));
    w.db.insert(&mut a).unwrap();
    let recipient = |staff_id| AwardRecipient {
        id: 0,
        award_id: a.id,
        staff_id,
        version: 0,
    };
    assert_problem(
        w.db.insert(&mut recipient(w.junior.id)),
        "staff_no",
        rule("long_service_years"),
    );
    w.db.insert(&mut recipient(w.clerk.id)).unwrap(); // ten years to the day
    assert!(
        invalid(w.db.insert(&mut recipient(w.clerk.id)))
            .0
            .iter()
            .any(|e| e.problem
                == Problem::Rule {
                    rule: "unique_award_recipient"
                })
    );
    assert_problem(
        w.db.insert(&mut recipient(4242)),
        "staff_no",
        Problem::Unknown,
    );
    let mut thirty = award(AwardKind::LongService30, d(2025, 4, 1));
    assert_problem(
        w.db.insert_award(&mut thirty, &[w.lead.id]),
        "staff_no",
        rule("long_service_years"),
    );
    w.db.insert_award(&mut thirty, &[w.chief.id]).unwrap();
}

#[test]
fn insert_award_with_a_refused_recipient_writes_nothing() {
    let w = Ward::new();
    let audits = audit_count(&w.db);
    let mut a = award(AwardKind::LongService10, d(2025, 4, 1));
    let r = w.db.insert_award(&mut a, &[w.clerk.id, w.junior.id]);
    assert_problem(r, "staff_no", rule("long_service_years"));
    assert!(w.db.awards_in(2025).unwrap().is_empty());
    assert_eq!(audit_count(&w.db), audits);
}

#[test]
fn awards_and_recipients_are_listed_by_year() {
    let w = Ward::new();
    let mut group = award(AwardKind::Merit, d(2025, 9, 1));
    group.title = "窓口改善プロジェクト".into();
    group.group_name = "区民係改善チーム".into();
    let mut merit = award(AwardKind::Proposal, d(2025, 6, 1));
    w.db.insert_award(&mut group, &[w.lead.id, w.junior.id])
        .unwrap();
    w.db.insert_award(&mut merit, &[w.clerk.id]).unwrap();
    w.db.insert_award(&mut award(AwardKind::GoodDeed, d(2024, 6, 1)), &[])
        .unwrap();
    let ids: Vec<Id> =
        w.db.awards_in(2025)
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect();
    assert_eq!(ids, [merit.id, group.id]);
    let who: Vec<Id> =
        w.db.award_recipients(group.id)
            .unwrap()
            .into_iter()
            .map(|r| r.staff_id)
            .collect();
    assert_eq!(who, [w.lead.id, w.junior.id]);
    let mut undated = merit.clone();
    undated.state = AwardState::Awarded;
    assert_problem(
        w.db.update(&mut undated),
        "decided_on",
        rule("decided_has_date"),
    );
}

#[test]
fn long_service_candidates_leave_out_those_already_awarded() {
    let w = Ward::new();
    // A0004 was hired 2015-04-01: ten years on 2025-04-01.
    let base = d(2025, 4, 1);
    let nos = |v: Vec<Staff>| v.into_iter().map(|s| s.staff_no).collect::<Vec<_>>();
    assert_eq!(
        nos(w.db.long_service_candidates(10, base).unwrap()),
        ["A0004"]
    );
    let mut a = award(AwardKind::LongService10, base);
    w.db.insert_award(&mut a, &[w.clerk.id]).unwrap();
    assert!(w.db.long_service_candidates(10, base).unwrap().is_empty());
    // A declined nomination leaves them a candidate.
    (a.state, a.decided_on) = (AwardState::Declined, Some(d(2025, 5, 1)));
    w.db.update(&mut a).unwrap();
    assert_eq!(
        nos(w.db.long_service_candidates(10, base).unwrap()),
        ["A0004"]
    );
    // A0001, hired 1995-04-01, completes thirty years on the base date.
    assert_eq!(
        nos(w.db.long_service_candidates(30, base).unwrap()),
        ["A0001"]
    );
    assert_problem(
        w.db.long_service_candidates(15, base),
        "service_years",
        Problem::Malformed,
    );
}

/// The years are complete on the anniversary of the hire date, and a person is a
/// candidate only in the year they complete them.
#[test]
fn long_service_years_are_counted_to_the_day_of_the_base_date() {
    let w = Ward::new();
    let nos = |v: Vec<Staff>| v.into_iter().map(|s| s.staff_no).collect::<Vec<_>>();
    // A0004, hired 2015-04-01.
    let ten = |base: Date| nos(w.db.long_service_candidates(10, base).unwrap());
    assert!(ten(d(2025, 3, 31)).is_empty(), "a day short of ten years");
    assert_eq!(ten(d(2025, 4, 1)), ["A0004"], "ten years on the day");
    assert_eq!(
        ten(d(2026, 3, 31)),
        ["A0004"],
        "still the year they completed them"
    );
    assert!(
        ten(d(2026, 4, 1)).is_empty(),
        "eleven years: a year too late"
    );
}

#[test]
fn a_retired_person_is_not_nominated() {
    let w = Ward::new();
    let s =
        w.db.retire_staff(w.clerk.id, w.clerk.version, d(2025, 3, 31))
            .unwrap();
    let mut a = award(AwardKind::Merit, d(2025, 6, 1));
    assert_problem(
        w.db.insert_award(&mut a, &[s.id]),
        "staff_no",
        rule("award_retired"),
    );
}

/// The HR office nominates the year's candidates in one go; then they are candidates no
/// more. Nobody else may, and not ahead of the base date.
#[test]
fn long_service_candidates_are_nominated_in_one_go() {
    use jinji::domain::account::Role;
    let w = Ward::new();
    let base = d(2025, 4, 1);
    let hr = Who::new(&w.db, "hr", Role::Hr, Some(w.chief.id));
    let boss = Who::new(&w.db, "boss", Role::Supervisor, Some(w.chief.id));
    let title = "永年勤続表彰（10年）";
    assert_problem(
        w.db.nominate_long_service(10, base, title, boss.actor(), d(2025, 5, 1)),
        "kind",
        rule("awards_hr_only"),
    );
    assert_problem(
        w.db.nominate_long_service(10, base, title, hr.actor(), d(2025, 3, 31)),
        "base_date",
        rule("long_service_future"),
    );
    let done =
        w.db.nominate_long_service(10, base, title, hr.actor(), d(2025, 5, 1))
            .unwrap();
    assert_eq!(
        done.iter().map(|s| s.staff_no.as_str()).collect::<Vec<_>>(),
        ["A0004"]
    );
    let awards: Vec<Award> = w.db.all(vec![], "id").unwrap();
    let a = awards.last().unwrap();
    assert_eq!(
        (a.kind, a.state, a.unit_id, a.fiscal_year, a.nominated_by),
        (
            AwardKind::LongService10,
            AwardState::Nominated,
            Some(w.clerk.unit_id),
            2025,
            Some(w.chief.id)
        )
    );
    assert!(w.db.long_service_candidates(10, base).unwrap().is_empty());
}

/// Long service leaves out the days of the leave kinds the ward's rule names (by default
/// the 休職 kinds and 停職); 育児休業 counts as service.
#[test]
fn long_service_leaves_out_the_leave_kinds_the_ward_names() {
    use jinji::domain::leave::LeaveKind;
    use jinji::store::leaves::BY_HAND;
    let w = Ward::new();
    let nos = |v: Vec<Staff>| v.into_iter().map(|s| s.staff_no).collect::<Vec<_>>();
    let candidates = |base| nos(w.db.long_service_candidates(10, base).unwrap());
    // A0004, hired 2015-04-01, spent 2018-04-01..2018-12-31 (275 days) on 病気休職.
    let mut l = leave(
        w.clerk.id,
        LeaveKind::SickSuspension,
        d(2018, 4, 1),
        Some(d(2018, 12, 31)),
    );
    w.db.put_leave(&mut l, d(2025, 4, 1), &BY_HAND).unwrap();
    assert!(
        candidates(d(2025, 4, 1)).is_empty(),
        "ten years less 275 days"
    );
    // Service from 2016-01-01: ten years on 2026-01-01, so the year up to 2026-04-01.
    assert_eq!(candidates(d(2026, 4, 1)), ["A0004"]);
    let mut a = award(AwardKind::LongService10, d(2025, 6, 1));
    assert_problem(
        w.db.insert_award(&mut a, &[w.clerk.id]),
        "staff_no",
        rule("long_service_years"),
    );
    // 育児休業 counts as service.
    l.kind = LeaveKind::ChildcareLeave;
    w.db.put_leave(&mut l, d(2025, 4, 1), &BY_HAND).unwrap();
    assert_eq!(candidates(d(2025, 4, 1)), ["A0004"]);
    // The ward's rule decides: 育児休業 named, it does not.
    w.db.set_rule("service_excluded_leaves", "childcare_leave, suspension")
        .unwrap();
    assert!(candidates(d(2025, 4, 1)).is_empty());
    w.db.set_rule("service_excluded_leaves", "-").unwrap();
    assert_eq!(candidates(d(2025, 4, 1)), ["A0004"]);
    // A code the rule does not know is named, and nothing changes.
    assert_problem(
        w.db.set_rule("service_excluded_leaves", "sick_leave,holiday"),
        "service_excluded_leaves",
        Problem::NotACode {
            code: "holiday".into(),
        },
    );
    assert!(
        w.db.list_rule("service_excluded_leaves")
            .unwrap()
            .is_empty()
    );
}
