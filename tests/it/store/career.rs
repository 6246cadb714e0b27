//! Career support: self-reports, qualifications, career interviews.

use crate::support::ward;

use jinji::domain::career::{CareerInterview, Qualification, SelfReport, TransferWish};
use jinji::domain::{Date, FiscalYear, Id, Problem};
use ward::*;

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

fn qualification(staff_id: Id, name: &str, acquired: Date, expires: Option<Date>) -> Qualification {
    Qualification {
        id: 0,
        staff_id,
        name: name.into(),
        issuer: String::new(),
        acquired_on: acquired,
        expires_on: expires,
        version: 0,
    }
}

#[test]
fn a_self_report_is_found_by_person_and_year_and_is_unique_per_year() {
    let w = Ward::new();
    let mut r = report(w.junior.id, 2025, Some(d(2025, 6, 1)));
    w.db.insert(&mut r).unwrap();
    assert_eq!(w.db.self_report(w.junior.id, 2025).unwrap(), Some(r));
    assert_eq!(w.db.self_report(w.junior.id, 2024).unwrap(), None);
    let mut again = report(w.junior.id, 2025, None);
    assert_problem(
        w.db.insert(&mut again),
        "fiscal_year",
        Problem::Rule {
            rule: "unique_self_report",
        },
    );
}

#[test]
fn a_transfer_wish_must_name_a_known_unit() {
    let w = Ward::new();
    let mut r = report(w.junior.id, 2025, None);
    r.transfer_wish = TransferWish::Move;
    assert_problem(w.db.insert(&mut r), "wish_unit_1", Problem::Required);
    r.wish_unit1_id = Some(4242);
    assert!(
        invalid(w.db.insert(&mut r))
            .0
            .iter()
            .any(|e| e.problem == Problem::Unknown)
    );
    r.wish_unit1_id = Some(w.team_res);
    w.db.insert(&mut r).unwrap();
}

#[test]
fn self_reports_missing_lists_active_people_without_a_handed_in_report() {
    let w = Ward::new();
    w.db.insert(&mut report(w.chief.id, 2025, Some(d(2025, 5, 30))))
        .unwrap();
    w.db.insert(&mut report(w.lead.id, 2025, None)).unwrap(); // a draft is not handed in
    w.db.insert(&mut report(w.junior.id, 2024, Some(d(2024, 5, 30))))
        .unwrap(); // last year
    w.db.retire_staff(w.clerk.id, w.clerk.version, d(2025, 3, 31))
        .unwrap();
    let nos =
        |v: Vec<jinji::domain::staff::Staff>| v.into_iter().map(|s| s.staff_no).collect::<Vec<_>>();
    assert_eq!(
        nos(w.db.self_reports_missing(2025, 10).unwrap()),
        ["A0002", "A0003"]
    );
    assert_eq!(nos(w.db.self_reports_missing(2025, 1).unwrap()), ["A0002"]);
    assert_eq!(
        nos(w.db.self_reports_missing(2024, 10).unwrap()),
        ["A0001", "A0002"]
    );
}

#[test]
fn qualifications_are_listed_per_person_and_by_expiry() {
    let w = Ward::new();
    let mut lic = qualification(
        w.lead.id,
        "普通自動車免許",
        d(2010, 5, 1),
        Some(d(2025, 6, 30)),
    );
    let mut bk = qualification(w.lead.id, "簿記2級", d(2008, 2, 1), None);
    let mut old = qualification(
        w.clerk.id,
        "危険物取扱者",
        d(2016, 1, 1),
        Some(d(2025, 1, 31)),
    );
    let mut far = qualification(w.clerk.id, "建築士", d(2018, 1, 1), Some(d(2030, 1, 1)));
    for q in [&mut lic, &mut bk, &mut old, &mut far] {
        w.db.insert(q).unwrap();
    }
    assert_eq!(
        w.db.qualifications_of(w.lead.id).unwrap(),
        [bk.clone(), lic.clone()]
    );
    let soon = w.db.qualifications_expiring(d(2025, 4, 1), 90, 10).unwrap();
    assert_eq!(
        soon,
        [old.clone(), lic.clone()],
        "expired ones too, soonest first"
    );
    assert_eq!(
        w.db.qualifications_expiring(d(2025, 4, 1), 90, 1).unwrap(),
        [old]
    );
    let mut bad = qualification(w.lead.id, "資格", d(2020, 1, 1), Some(d(2019, 1, 1)));
    assert_problem(
        w.db.insert(&mut bad),
        "expires_on",
        Problem::Before {
            other: "acquired_on",
        },
    );
}

#[test]
fn career_interviews_are_listed_by_date_and_not_held_with_oneself() {
    let w = Ward::new();
    let iv = |on: Date, by: Option<Id>| CareerInterview {
        id: 0,
        staff_id: w.junior.id,
        held_on: on,
        interviewer_id: by,
        notes: "希望:\n窓口".into(),
        version: 0,
    };
    let mut late = iv(d(2025, 10, 1), Some(w.lead.id));
    let mut early = iv(d(2025, 5, 1), None);
    w.db.insert(&mut late).unwrap();
    w.db.insert(&mut early).unwrap();
    assert_eq!(w.db.interviews_of(w.junior.id).unwrap(), [early, late]);
    let mut own = iv(d(2025, 6, 1), Some(w.junior.id));
    assert_problem(
        w.db.insert(&mut own),
        "interviewer",
        rule("own_interviewer"),
    );
}
