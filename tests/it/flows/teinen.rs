//! The year-end 定年退職: on the 31 March that ends the year (not before, and by HR only),
//! everyone whose 定年退職日 it is retires in one act — their posts, main and beside,
//! and a leave still running end on the day, the 発令 「定年により退職」 is recorded, and
//! the people they headed report to the head above. Nobody else is touched, and a second
//! act finds nobody left.

use crate::support::d;
use crate::support::ward::{Ward, Who, assert_problem, assignment, leave, rule};
use jinji::domain::Date;
use jinji::domain::account::Role;
use jinji::domain::appointment::AppointmentKind;
use jinji::domain::leave::LeaveKind;
use jinji::domain::post::AssignmentKind;
use jinji::domain::staff::{Position, Staff, StaffStatus};
use jinji::i18n::WARD;
use jinji::store::posts::BY_HAND;

const FY: i32 = 2026;

fn day() -> Date {
    d(2027, 3, 31)
}

/// The 係長 of 人事係 (who also holds 区民係長 beside it) and the specialist of 区民係
/// (away on 病気休職 since January) reach 62 in FY2026, and so retire on 31 March 2027.
fn ward() -> Ward {
    let w = Ward::with_posts(d(2027, 3, 1));
    for (s, born) in [(&w.lead, d(1964, 9, 1)), (&w.clerk, d(1964, 12, 1))] {
        let mut p: Staff = w.db.get(s.id).expect("staff");
        p.birth_date = born;
        w.db.update(&mut p).expect("birth");
        assert_eq!(
            p.retirement_date(),
            Some(day()),
            "62 in FY2026: the law's day"
        );
    }
    let mut beside = assignment(w.lead.id, w.team_res, d(2026, 4, 1), None);
    beside.position = Position::TeamChief;
    beside.kind = AssignmentKind::Concurrent;
    w.db.put_assignment(&mut beside, d(2027, 3, 1), &BY_HAND, &WARD)
        .expect("兼務");
    let mut away = leave(w.clerk.id, LeaveKind::SickSuspension, d(2027, 1, 10), None);
    w.db.put_leave(&mut away, d(2027, 3, 1), &jinji::store::leaves::BY_HAND)
        .expect("leave");
    w
}

fn person(w: &Ward, s: &Staff) -> Staff {
    w.db.get(s.id).expect("staff")
}

#[test]
fn the_years_retirements_are_issued_on_their_day_all_at_once() {
    let w = ward();
    let hr = Who::new(&w.db, "hr", Role::Hr, None);
    let due: Vec<String> =
        w.db.teinen_due(FY)
            .unwrap()
            .people
            .into_iter()
            .map(|s| s.staff_no)
            .collect();
    assert_eq!(due, [w.lead.staff_no.clone(), w.clerk.staff_no.clone()]);
    assert_eq!(person(&w, &w.junior).supervisor_id, Some(w.lead.id));

    // Not before the day, and not by a supervisor: nothing changes.
    assert_problem(
        w.db.retire_teinen(FY, d(2027, 3, 30), hr.actor(), &WARD),
        "fiscal_year",
        rule("teinen_not_yet"),
    );
    let sato = Who::new(&w.db, "sato", Role::Supervisor, Some(w.chief.id));
    assert_problem(
        w.db.retire_teinen(FY, day(), sato.actor(), &WARD),
        "fiscal_year",
        rule("teinen_hr_only"),
    );
    assert_eq!(person(&w, &w.lead).status, StaffStatus::Active);

    let done =
        w.db.retire_teinen(FY, day(), hr.actor(), &WARD)
            .expect("retired");
    assert_eq!(done.people.len(), 2);
    for s in [&w.lead, &w.clerk] {
        let p = person(&w, s);
        assert_eq!(
            (p.status, p.retire_date),
            (StaffStatus::Retired, Some(day()))
        );
        // Every post, the 兼務 too, ends on the day.
        for a in w.db.assignments_of(s.id).unwrap() {
            assert_eq!(a.end_date, Some(day()), "{a:?}");
        }
        let last = w.db.appointments_of(s.id).unwrap().pop().expect("a 発令");
        assert_eq!(
            (last.issued_on, last.kind, last.text.as_str()),
            (day(), AppointmentKind::Retirement, "定年により退職")
        );
    }
    // The leave ends with the service.
    let leaves = w.db.leaves_of(w.clerk.id).unwrap();
    assert_eq!(leaves[0].end_date, Some(day()));
    // The 係長's people report to the 課長 above.
    assert_eq!(person(&w, &w.junior).supervisor_id, Some(w.chief.id));
    // Nobody else retired; a second act finds nobody.
    assert_eq!(person(&w, &w.chief).status, StaffStatus::Active);
    assert!(w.db.teinen_due(FY).unwrap().people.is_empty());
    let again =
        w.db.retire_teinen(FY, d(2027, 4, 1), hr.actor(), &WARD)
            .expect("again");
    assert!(again.people.is_empty());
}
