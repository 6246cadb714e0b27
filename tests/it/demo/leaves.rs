//! The demo ward's leave periods obey the store's rules by construction (they are written
//! in bulk, unchecked): no two that take whole days overlap, none before a hire, each
//! person's status is what their leaves give on the base day; and they are a ward's mix.

use crate::support::generated::*;

use std::collections::BTreeMap;

use jinji::domain::Id;
use jinji::domain::leave::{Leave, LeaveKind, status_on};
use jinji::domain::staff::{Sex, Staff, StaffStatus};
use jinji::store::Filter;

#[test]
fn the_demos_leaves_obey_the_rules_and_the_statuses_follow_them() {
    let f = default_demo();
    let db = f.db();
    let today = f.today();
    let mut by_person: BTreeMap<Id, Vec<Leave>> = BTreeMap::new();
    for l in db.all::<Leave>(vec![], "start_date").unwrap() {
        by_person.entry(l.staff_id).or_default().push(l);
    }
    let staff: Vec<Staff> = db.all(vec![], "id").unwrap();
    let mut count: BTreeMap<(LeaveKind, Sex), usize> = BTreeMap::new();
    for s in &staff {
        let mine = by_person.get(&s.id).map(Vec::as_slice).unwrap_or(&[]);
        for (i, a) in mine.iter().enumerate() {
            assert!(
                a.start_date >= s.hire_date,
                "{}: a leave before the hire",
                s.staff_no
            );
            assert!(
                a.start_date <= today,
                "{}: a leave still to begin",
                s.staff_no
            );
            for b in &mine[i + 1..] {
                assert!(!a.clashes(b), "{}: {a:?} and {b:?} overlap", s.staff_no);
            }
            *count.entry((a.kind, s.sex)).or_default() += 1;
        }
        assert_eq!(
            s.status,
            status_on(mine, today, s.status),
            "{}: the status follows the leaves",
            s.staff_no
        );
        if s.status == StaffStatus::Seconded {
            assert!(
                mine.iter()
                    .any(|l| l.kind == LeaveKind::PublicInterestDispatch)
            );
        }
    }
    let n = |k, s| count.get(&(k, s)).copied().unwrap_or(0);
    use LeaveKind::*;
    let (mothers, fathers) = (n(ChildcareLeave, Sex::Female), n(ChildcareLeave, Sex::Male));
    assert!(
        mothers > fathers && fathers > 0,
        "{mothers} mothers, {fathers} fathers"
    );
    for k in [PartialLeave, ChildcareShortHours, SickLeave, SickSuspension] {
        assert!(n(k, Sex::Female) + n(k, Sex::Male) > 0, "no {k:?}");
    }
    // 派遣 are the people the roster has seconded, when it has any.
    let seconded = db
        .all::<Staff>(vec![Filter::eq("status", "seconded")], "id")
        .unwrap()
        .len();
    assert_eq!(
        seconded > 0,
        n(PublicInterestDispatch, Sex::Female) + n(PublicInterestDispatch, Sex::Male) > 0,
        "派遣 for the people seconded"
    );
    // Past and current.
    let current = by_person
        .values()
        .flatten()
        .filter(|l| l.covers(today))
        .count();
    let total: usize = by_person.values().map(Vec::len).sum();
    assert!(
        current > 5 && total - current > current / 2,
        "{current} of {total} current"
    );
    // The file is caught up: opening it on the base day moves no one.
    assert_eq!(db.follow_leaves(today).unwrap(), 0);
}
