//! Units, staff, accounts and placement: the organisation and who is where.

use crate::support::ward;

use jinji::domain::Problem;
use jinji::domain::account::{Account, Role};
use jinji::domain::assignment::Assignment;
use jinji::domain::staff::{Staff, StaffStatus, Track};
use jinji::domain::unit::{Unit, UnitKind};
use ward::*;

#[test]
fn the_unit_tree_is_read_by_code_children_and_subtree() {
    let w = Ward::new();
    let hr = w.db.unit_by_code("D01S01").unwrap().unwrap();
    assert_eq!(
        (hr.id, hr.name.as_str(), hr.parent_id),
        (w.sec_hr, "人事課", Some(w.dept))
    );
    assert_eq!(w.db.unit_by_code("nope").unwrap(), None);
    let codes: Vec<String> = w.db.units().unwrap().into_iter().map(|u| u.code).collect();
    assert_eq!(codes, ["D01", "D01S01", "D01S01T1", "D01S02", "D01S02T1"]);
    let kids: Vec<_> =
        w.db.unit_children(w.dept)
            .unwrap()
            .into_iter()
            .map(|u| u.id)
            .collect();
    assert_eq!(kids, [w.sec_hr, w.sec_res]);
    assert!(w.db.unit_children(w.team_hr).unwrap().is_empty());
    let mut sub = w.db.unit_subtree(w.dept).unwrap();
    sub.sort();
    assert_eq!(sub, [w.dept, w.sec_hr, w.sec_res, w.team_hr, w.team_res]);
    let mut sub = w.db.unit_subtree(w.sec_res).unwrap();
    sub.sort();
    assert_eq!(sub, [w.sec_res, w.team_res]);
}

#[test]
fn a_unit_kind_under_the_wrong_parent_is_refused() {
    let w = Ward::new();
    let mut team_under_dept = unit("D01T9", "直属係", Some(w.dept), UnitKind::Team);
    assert_problem(
        w.db.insert(&mut team_under_dept),
        "kind",
        rule("unit_kind_under_parent"),
    );
    let mut sec_under_team = unit("X1", "課", Some(w.team_hr), UnitKind::Section);
    assert_problem(
        w.db.insert(&mut sec_under_team),
        "kind",
        rule("unit_kind_under_parent"),
    );
    let mut ok = unit("D01S03", "広報課", Some(w.dept), UnitKind::Section);
    w.db.insert(&mut ok).unwrap();
}

#[test]
fn a_unit_with_an_unknown_parent_is_refused() {
    let w = Ward::new();
    let mut u = unit("X2", "迷子課", Some(777), UnitKind::Section);
    assert_problem(w.db.insert(&mut u), "parent_code", Problem::Unknown);
}

#[test]
fn a_unit_cannot_be_moved_below_itself() {
    let w = Ward::new();
    let mut sec: Unit = w.db.get(w.sec_hr).unwrap();
    sec.parent_id = Some(w.team_hr);
    assert!(invalid(w.db.update(&mut sec)).has("kind"));
    sec.parent_id = Some(w.sec_hr);
    assert_problem(
        w.db.update(&mut sec),
        "parent_code",
        rule("unit_own_parent"),
    );
    assert_eq!(w.db.get::<Unit>(w.sec_hr).unwrap().parent_id, Some(w.dept));
}

#[test]
fn a_unit_with_people_cannot_be_abolished_an_empty_one_can() {
    let w = Ward::new();
    let u: Unit = w.db.get(w.team_res).unwrap();
    assert_problem(
        w.db.retire_unit(u.id, u.version, d(2026, 3, 31)),
        "valid_to",
        rule("unit_has_staff"),
    );
    let mut empty = unit("D01S02T2", "窓口係", Some(w.sec_res), UnitKind::Team);
    w.db.insert(&mut empty).unwrap();
    let done =
        w.db.retire_unit(empty.id, empty.version, d(2026, 3, 31))
            .unwrap();
    assert_eq!((done.valid_to, done.version), (Some(d(2026, 3, 31)), 2));
    // An abolished unit takes no new people.
    let mut s = staff("B0001", empty.id, d(2026, 4, 1));
    assert_problem(w.db.insert(&mut s), "unit_code", rule("unit_abolished"));
}

#[test]
fn staff_are_found_by_number() {
    let w = Ward::new();
    assert_eq!(w.db.staff_by_no("A0002").unwrap(), Some(w.lead.clone()));
    assert_eq!(w.db.staff_by_no("Z0000").unwrap(), None);
}

#[test]
fn a_duplicate_staff_no_is_refused_as_duplicate() {
    let w = Ward::new();
    let mut s = staff("A0003", w.team_res, d(2020, 4, 1));
    assert_problem(w.db.insert(&mut s), "staff_no", Problem::Duplicate);
    let mut other = w.clerk.clone();
    other.staff_no = "A0001".into();
    assert_problem(w.db.update(&mut other), "staff_no", Problem::Duplicate);
}

#[test]
fn staff_with_an_unknown_unit_or_supervisor_are_refused_on_that_field() {
    let w = Ward::new();
    let mut s = staff("B0001", 9999, d(2020, 4, 1));
    assert_problem(w.db.insert(&mut s), "unit_code", Problem::Unknown);
    let mut s = staff("B0002", w.team_hr, d(2020, 4, 1));
    s.supervisor_id = Some(9999);
    assert_problem(w.db.insert(&mut s), "supervisor", Problem::Unknown);
    let mut me = w.lead.clone();
    me.supervisor_id = Some(me.id);
    assert_problem(w.db.update(&mut me), "supervisor", rule("own_supervisor"));
}

#[test]
fn retiring_staff_closes_their_open_assignment() {
    let w = Ward::new();
    let mut old = assignment(w.clerk.id, w.team_hr, d(2015, 4, 1), Some(d(2020, 3, 31)));
    w.db.insert(&mut old).unwrap();
    let mut now = assignment(w.clerk.id, w.team_res, d(2020, 4, 1), None);
    w.db.insert(&mut now).unwrap();
    let s =
        w.db.retire_staff(w.clerk.id, w.clerk.version, d(2025, 3, 31))
            .unwrap();
    assert_eq!(
        (s.status, s.retire_date, s.version),
        (StaffStatus::Retired, Some(d(2025, 3, 31)), 2)
    );
    assert_eq!(w.db.get::<Staff>(w.clerk.id).unwrap(), s);
    let a: Assignment = w.db.get(now.id).unwrap();
    assert_eq!(a.end_date, Some(d(2025, 3, 31)));
    assert_eq!(
        w.db.get::<Assignment>(old.id).unwrap(),
        old,
        "history stays"
    );
    assert_eq!(w.db.current_assignment(w.clerk.id).unwrap(), None);
    // A stale version is refused and changes nothing.
    assert!(w.db.retire_staff(w.lead.id, 99, d(2025, 3, 31)).is_err());
    assert_eq!(
        w.db.get::<Staff>(w.lead.id).unwrap().status,
        StaffStatus::Active
    );
}

#[test]
fn ensure_admin_creates_then_promotes_and_is_idempotent() {
    let w = Ward::new();
    let a = w.db.ensure_admin("yamada", d(2026, 11, 24)).unwrap();
    assert_eq!(
        (a.role, a.active, a.staff_id, a.version),
        (Role::Admin, true, None, 1)
    );
    assert_eq!(a.created_on, d(2026, 11, 24), "created on the day given");
    assert_eq!(w.db.account_by_login("yamada").unwrap(), Some(a.clone()));
    let audits = audit_count(&w.db);
    assert_eq!(w.db.ensure_admin("yamada", d(2026, 11, 24)).unwrap(), a);
    assert_eq!(
        audit_count(&w.db),
        audits,
        "nothing written when already admin"
    );

    let mut hr = Account {
        id: 0,
        login: "kato".into(),
        staff_id: Some(w.lead.id),
        role: Role::Hr,
        active: false,
        created_on: d(2025, 4, 1),
        version: 0,
    };
    w.db.insert(&mut hr).unwrap();
    let up = w.db.ensure_admin("kato", d(2026, 11, 24)).unwrap();
    assert_eq!(
        (up.id, up.role, up.active, up.version),
        (hr.id, Role::Admin, true, 2)
    );
    let logins: Vec<String> =
        w.db.accounts()
            .unwrap()
            .into_iter()
            .map(|a| a.login)
            .collect();
    assert_eq!(logins, ["kato", "yamada"]);
}

#[test]
fn accounts_need_a_unique_login_and_a_person_below_hr() {
    let w = Ward::new();
    w.db.ensure_admin("yamada", d(2026, 11, 24)).unwrap();
    let mut a = Account {
        id: 0,
        login: "yamada".into(),
        staff_id: Some(w.junior.id),
        role: Role::Staff,
        active: true,
        created_on: d(2025, 4, 1),
        version: 0,
    };
    assert_problem(w.db.insert(&mut a), "login", Problem::Duplicate);
    a.login = "takahashi".into();
    a.staff_id = None;
    a.role = Role::Supervisor;
    assert_problem(w.db.insert(&mut a), "staff_no", rule("account_needs_staff"));
    a.login = "bad login".into();
    assert_problem(w.db.insert(&mut a), "login", Problem::Malformed);
}

#[test]
fn overlapping_assignments_are_refused_on_start_date() {
    let w = Ward::new();
    let mut first = assignment(w.lead.id, w.team_res, d(2012, 4, 1), None);
    w.db.insert(&mut first).unwrap();
    let mut next = assignment(w.lead.id, w.team_hr, d(2018, 4, 1), None);
    assert_problem(w.db.insert(&mut next), "start_date", Problem::Overlap);
    // Sharing one day is an overlap too.
    first.end_date = Some(d(2018, 4, 1));
    w.db.update(&mut first).unwrap();
    assert_problem(w.db.insert(&mut next), "start_date", Problem::Overlap);
    first.end_date = Some(d(2018, 3, 31));
    w.db.update(&mut first).unwrap();
    w.db.insert(&mut next).unwrap();
    // Moving the old one forward into the new one is refused as well.
    first.end_date = Some(d(2019, 3, 31));
    assert_problem(w.db.update(&mut first), "start_date", Problem::Overlap);
    // Another person's assignments do not count.
    let mut other = assignment(w.junior.id, w.team_hr, d(2018, 4, 1), None);
    w.db.insert(&mut other).unwrap();
}

#[test]
fn assignment_history_and_the_current_post() {
    let w = Ward::new();
    let mut a = assignment(w.lead.id, w.team_res, d(2012, 4, 1), Some(d(2018, 3, 31)));
    let mut b = assignment(w.lead.id, w.team_hr, d(2018, 4, 1), None);
    w.db.insert(&mut b).unwrap();
    w.db.insert(&mut a).unwrap();
    assert_eq!(
        w.db.assignments_of(w.lead.id).unwrap(),
        [a, b.clone()],
        "oldest first"
    );
    assert_eq!(w.db.current_assignment(w.lead.id).unwrap(), Some(b));
    assert_eq!(w.db.current_assignment(w.junior.id).unwrap(), None);
}

#[test]
fn an_assignment_to_an_unknown_unit_is_refused_as_unknown() {
    let w = Ward::new();
    let mut a = assignment(w.lead.id, 4242, d(2012, 4, 1), None);
    let inv = invalid(w.db.insert(&mut a));
    assert!(
        inv.0.iter().any(|e| e.problem == Problem::Unknown),
        "{inv:?}"
    );
    assert!(w.db.assignments_of(w.lead.id).unwrap().is_empty());
}

#[test]
fn an_unknown_reference_is_named_by_the_field_validation_uses() {
    let w = Ward::new();
    let mut a = assignment(w.lead.id, 4242, d(2012, 4, 1), None);
    assert_problem(w.db.insert(&mut a), "unit_code", Problem::Unknown);
    let mut a = assignment(4242, w.team_hr, d(2012, 4, 1), None);
    assert_problem(w.db.insert(&mut a), "staff_no", Problem::Unknown);
}

#[test]
fn long_tenure_lists_open_posts_older_than_the_threshold() {
    let w = Ward::new();
    let mut lead = assignment(w.lead.id, w.team_hr, d(2012, 4, 1), None);
    let mut clerk = assignment(w.clerk.id, w.team_res, d(2015, 4, 1), None);
    let mut junior = assignment(w.junior.id, w.team_hr, d(2024, 4, 1), None);
    let mut closed = assignment(w.chief.id, w.sec_res, d(1995, 4, 1), Some(d(2000, 3, 31)));
    for a in [&mut lead, &mut clerk, &mut junior, &mut closed] {
        w.db.insert(a).unwrap();
    }
    let today = d(2025, 4, 1);
    let ids = |v: Vec<Assignment>| v.into_iter().map(|a| a.id).collect::<Vec<_>>();
    assert_eq!(
        ids(w.db.long_tenure(today, 5, false, 10).unwrap()),
        [lead.id, clerk.id],
        "longest first"
    );
    assert_eq!(
        ids(w.db.long_tenure(today, 5, true, 10).unwrap()),
        [lead.id],
        "the specialist is exempt"
    );
    assert_eq!(
        ids(w.db.long_tenure(today, 10, false, 10).unwrap()),
        [lead.id, clerk.id],
        "10 years to the day"
    );
    assert_eq!(
        ids(w.db.long_tenure(today, 11, false, 10).unwrap()),
        [lead.id]
    );
    assert_eq!(
        ids(w.db.long_tenure(today, 5, false, 1).unwrap()),
        [lead.id],
        "limit"
    );
}

#[test]
fn track_balance_counts_generalists_and_specialists_per_unit() {
    let w = Ward::new();
    let mut s = staff("B0001", w.team_hr, d(2020, 4, 1));
    s.track = Track::Specialist;
    w.db.insert(&mut s).unwrap();
    w.db.retire_staff(w.chief.id, w.chief.version, d(2025, 3, 31))
        .unwrap();
    let got = w.db.track_balance().unwrap();
    assert_eq!(
        got,
        [(w.team_hr, 2, 1), (w.team_res, 0, 1)],
        "the retired chief is not counted"
    );
}
