//! Leave periods without a database: the status a person has on a day, the days they are
//! away within a period, which leaves may not run at once, and the law's limits.

use crate::support::d;

use jinji::domain::leave::{Leave, LeaveKind, days_away, over_absence_limit, status_on};
use jinji::domain::staff::StaffStatus;
use jinji::domain::{Date, Problem, Validate};

fn leave(kind: LeaveKind, start: Date, end: Option<Date>) -> Leave {
    crate::support::ward::leave(1, kind, start, end)
}

#[test]
fn the_status_on_a_day_follows_the_leave_that_takes_the_person_away() {
    use LeaveKind::*;
    use StaffStatus::*;
    let leaves = [
        leave(ChildcareLeave, d(2025, 4, 1), Some(d(2026, 3, 31))),
        leave(PartialLeave, d(2026, 4, 1), Some(d(2027, 3, 31))),
        leave(PublicInterestDispatch, d(2027, 4, 1), None),
    ];
    let on = |day| status_on(&leaves, day, Active);
    assert_eq!(on(d(2025, 3, 31)), Active, "the day before it begins");
    assert_eq!(on(d(2025, 4, 1)), Leave, "its first day");
    assert_eq!(on(d(2026, 3, 31)), Leave, "its last day");
    assert_eq!(
        on(d(2026, 4, 1)),
        Active,
        "部分休業 keeps the person at work"
    );
    assert_eq!(on(d(2030, 1, 1)), Seconded, "an open 派遣 runs on");
    // The status the person had is not what decides, except a retirement.
    assert_eq!(status_on(&leaves, d(2025, 3, 1), Leave), Active);
    assert_eq!(status_on(&leaves, d(2025, 5, 1), Retired), Retired);
}

#[test]
fn each_kind_says_whether_it_takes_whole_days_and_which_status_it_gives() {
    for k in LeaveKind::ALL {
        let want = match k {
            LeaveKind::PartialLeave | LeaveKind::ChildcareShortHours => StaffStatus::Active,
            LeaveKind::PublicInterestDispatch => StaffStatus::Seconded,
            _ => StaffStatus::Leave,
        };
        assert_eq!(k.status(), want, "{k:?}");
        assert_eq!(k.is_away(), want != StaffStatus::Active, "{k:?}");
    }
}

#[test]
fn days_away_are_counted_within_the_range_once_each_and_only_whole_days() {
    use LeaveKind::*;
    let (from, to) = (d(2025, 4, 1), d(2026, 3, 31));
    let leaves = [
        // Begun before the period: only its days inside count (30 days of April).
        leave(SickSuspension, d(2024, 10, 1), Some(d(2025, 4, 30))),
        // 部分休業 is no day away.
        leave(PartialLeave, d(2025, 5, 1), Some(d(2025, 12, 31))),
        // Open: runs to the end of the range (2026-03-01..31, 31 days).
        leave(ChildcareLeave, d(2026, 3, 1), None),
        // Two records over the same days (as a file may carry) count them once.
        leave(SickLeave, d(2025, 6, 1), Some(d(2025, 6, 10))),
        leave(FamilyCareLeave, d(2025, 6, 5), Some(d(2025, 6, 14))),
    ];
    assert_eq!(days_away(&leaves, from, to, |_| true), 30 + 31 + 14);
    assert_eq!(
        days_away(&leaves, from, to, |k| k == SickSuspension),
        30,
        "only the kinds asked for"
    );
    assert_eq!(
        days_away(&leaves, d(2027, 1, 1), d(2027, 1, 31), |_| true),
        31
    );
    assert_eq!(days_away(&[], from, to, |_| true), 0);
}

#[test]
fn more_than_the_limit_of_a_period_is_over_it_exactly_the_limit_is_not() {
    // 365 days, the ward's default of half.
    assert!(!over_absence_limit(182, 365, 50));
    assert!(over_absence_limit(183, 365, 50));
    assert!(!over_absence_limit(365, 365, 100));
    assert!(over_absence_limit(1, 365, 0));
}

#[test]
fn two_leaves_that_take_whole_days_may_not_share_a_day_one_that_shortens_it_may() {
    use LeaveKind::*;
    let child = leave(ChildcareLeave, d(2025, 4, 1), Some(d(2026, 3, 31)));
    let mut sick = leave(SickLeave, d(2026, 3, 31), Some(d(2026, 4, 10)));
    sick.id = 2;
    assert!(child.clashes(&sick), "the last day shared");
    sick.start_date = d(2026, 4, 1);
    assert!(!child.clashes(&sick), "the day after");
    let mut partial = leave(PartialLeave, d(2025, 10, 1), None);
    partial.id = 3;
    assert!(!child.clashes(&partial), "部分休業 beside 育児休業");
    let mut again = leave(PartialLeave, d(2026, 1, 1), Some(d(2026, 2, 1)));
    again.id = 4;
    assert!(partial.clashes(&again), "two of one kind");
}

#[test]
fn the_laws_limits_and_the_order_of_the_days_are_checked() {
    let limit = |l: &Leave| {
        l.validate().err().map(|i| {
            i.0.into_iter()
                .map(|e| (e.field, e.problem))
                .collect::<Vec<_>>()
        })
    };
    // 病気休暇: 90 days, not 91.
    let mut sick = leave(LeaveKind::SickLeave, d(2026, 1, 1), Some(d(2026, 3, 31)));
    assert_eq!(limit(&sick), None, "90 days");
    sick.end_date = Some(d(2026, 4, 1));
    assert_eq!(
        limit(&sick),
        Some(vec![(
            "end_date",
            Problem::Threshold {
                rule: "sick_leave_days",
                value: 90
            }
        )])
    );
    // 病気休職: three years to the day before, not the day itself.
    let mut susp = leave(
        LeaveKind::SickSuspension,
        d(2024, 4, 1),
        Some(d(2027, 3, 31)),
    );
    assert_eq!(limit(&susp), None, "three years");
    susp.end_date = Some(d(2027, 4, 1));
    assert!(limit(&susp).is_some_and(|p| p[0].0 == "end_date"));
    // Open, the limit is the clerk's to keep.
    susp.end_date = None;
    assert_eq!(limit(&susp), None);
    // An end before the start.
    let back = leave(
        LeaveKind::ChildcareLeave,
        d(2026, 4, 1),
        Some(d(2026, 3, 1)),
    );
    assert!(limit(&back).is_some_and(|p| {
        p.iter()
            .any(|(f, _)| *f == "start_date" || *f == "end_date")
    }));
}
