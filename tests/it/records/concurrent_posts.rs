//! Posts held beside a main one (兼務・事務取扱・事務代理): only main posts may not overlap;
//! a post beside one lies within the main posts' time and is not one already held; the
//! staff row follows the main post only; and a head by any kind of post leads the unit's
//! people, from the write that makes them head to the one that ends it.

use crate::support::d;
use crate::support::ward::{Ward, assert_problem, assignment, rule};
use jinji::domain::Date;
use jinji::domain::Problem;
use jinji::domain::assignment::Assignment;
use jinji::domain::post::AssignmentKind;
use jinji::domain::staff::{Position, Staff};
use jinji::i18n::WARD;
use jinji::store::posts::BY_HAND;

pub(super) fn today() -> Date {
    d(2026, 11, 24)
}

/// The ward with each person's main post as their staff row says.
pub(super) fn ward() -> Ward {
    Ward::with_posts(today())
}

pub(super) fn beside(
    staff: &Staff,
    unit: i64,
    pos: Position,
    start: Date,
    kind: AssignmentKind,
) -> Assignment {
    let mut a = assignment(staff.id, unit, start, None);
    a.position = pos;
    a.kind = kind;
    a
}

fn supervisor(w: &Ward, s: &Staff) -> Option<i64> {
    w.db.get::<Staff>(s.id).expect("staff").supervisor_id
}

#[test]
fn only_main_posts_may_not_overlap() {
    let w = ward();
    // A second main post over the first is refused, as before.
    let mut second = assignment(w.lead.id, w.team_res, d(2020, 4, 1), Some(d(2021, 3, 31)));
    second.position = Position::TeamChief;
    assert_problem(
        w.db.put_assignment(&mut second, today(), &BY_HAND, &WARD),
        "start_date",
        Problem::Overlap,
    );
    // The same days as a 兼務 are allowed.
    second.kind = AssignmentKind::Concurrent;
    w.db.put_assignment(&mut second, today(), &BY_HAND, &WARD)
        .expect("a concurrent post beside the main one");
    // Before the person's first main post began: outside it.
    let mut early = beside(
        &w.junior,
        w.team_res,
        Position::Clerk,
        d(2023, 4, 1),
        AssignmentKind::Concurrent,
    );
    assert_problem(
        w.db.put_assignment(&mut early, today(), &BY_HAND, &WARD),
        "start_date",
        rule("post_outside_main"),
    );
    // The unit and position of the main post itself: already held.
    let mut same = beside(
        &w.lead,
        w.team_hr,
        Position::TeamChief,
        d(2025, 4, 1),
        AssignmentKind::Deputy,
    );
    assert_problem(
        w.db.put_assignment(&mut same, today(), &BY_HAND, &WARD),
        "unit_code",
        rule("post_held"),
    );
}

#[test]
fn the_staff_row_follows_the_main_post_only() {
    let w = ward();
    let mut a = beside(
        &w.chief,
        w.team_res,
        Position::TeamChief,
        d(2026, 4, 1),
        AssignmentKind::Concurrent,
    );
    w.db.put_assignment(&mut a, today(), &BY_HAND, &WARD)
        .expect("兼務");
    let row: Staff = w.db.get(w.chief.id).expect("chief");
    assert_eq!(
        (row.unit_id, row.position),
        (w.sec_hr, Position::SectionChief)
    );
    let governing =
        w.db.governing_post(w.chief.id, today())
            .expect("post")
            .expect("one");
    assert_eq!(governing.kind, AssignmentKind::Main);
    assert_eq!(
        w.db.current_assignment(w.chief.id)
            .unwrap()
            .unwrap()
            .unit_id,
        w.sec_hr
    );
    assert!(
        w.db.staff_out_of_post(today())
            .expect("out of post")
            .is_empty()
    );
}

#[test]
fn a_chief_who_also_heads_a_team_leads_its_people_until_it_ends() {
    let w = ward();
    // 区民係 has no 係長, 区民課 no 課長, 総務部 no 部長: its clerk reports to no one.
    assert_eq!(
        w.db.supervisor_for(&w.db.get(w.clerk.id).unwrap()).unwrap(),
        None
    );
    assert_eq!(w.db.unit_head(w.team_res, today()).unwrap(), None);
    // 人事課長 is also 区民係長 (兼務): the clerk's supervisor, set in the same write.
    let mut a = beside(
        &w.chief,
        w.team_res,
        Position::TeamChief,
        d(2026, 4, 1),
        AssignmentKind::Concurrent,
    );
    w.db.put_assignment(&mut a, today(), &BY_HAND, &WARD)
        .expect("兼務");
    assert_eq!(supervisor(&w, &w.clerk), Some(w.chief.id));
    assert_eq!(
        w.db.unit_head(w.team_res, today()).unwrap(),
        Some(w.chief.id)
    );
    // Not yet on a day before it began.
    assert_eq!(w.db.unit_head(w.team_res, d(2026, 3, 31)).unwrap(), None);
    // The chief's own supervisor is not themselves.
    assert_eq!(supervisor(&w, &w.chief), None);
    // Ended before today: back to no one.
    let mut ended = w.db.get::<Assignment>(a.id).unwrap();
    ended.end_date = Some(d(2026, 9, 30));
    w.db.put_assignment(&mut ended, today(), &BY_HAND, &WARD)
        .expect("ended");
    assert_eq!(supervisor(&w, &w.clerk), None);
    assert_eq!(
        w.db.unit_head(w.team_res, d(2026, 9, 30)).unwrap(),
        Some(w.chief.id)
    );
    assert_eq!(w.db.unit_head(w.team_res, today()).unwrap(), None);
}

#[test]
fn deleting_a_post_beside_the_main_one_gives_the_next_head_up() {
    let w = ward();
    // A 部長 over them all, and 人事係長 acting (事務代理) as 区民係長 too.
    let mut dir = crate::support::ward::staff("A0009", w.dept, d(1990, 4, 1));
    dir.position = Position::Director;
    dir.grade = 8;
    w.db.insert(&mut dir).expect("director");
    let mut main = assignment(dir.id, w.dept, d(1990, 4, 1), None);
    main.position = Position::Director;
    w.db.put_assignment(&mut main, today(), &BY_HAND, &WARD)
        .expect("main");
    let mut deputy = beside(
        &w.lead,
        w.team_res,
        Position::TeamChief,
        d(2026, 4, 1),
        AssignmentKind::Deputy,
    );
    w.db.put_assignment(&mut deputy, today(), &BY_HAND, &WARD)
        .expect("事務代理");
    assert_eq!(supervisor(&w, &w.clerk), Some(w.lead.id));
    // Deleted: the clerk is under the next head up, the 部長.
    let a = w.db.get::<Assignment>(deputy.id).unwrap();
    w.db.delete_assignment(a.id, a.version, today())
        .expect("deleted");
    assert_eq!(supervisor(&w, &w.clerk), Some(dir.id));
    assert_eq!(w.db.unit_head(w.team_res, today()).unwrap(), None);
    assert_eq!(
        w.db.units_without_head(&[w.team_res, w.dept, w.sec_hr], today())
            .unwrap(),
        vec![w.team_res]
    );
}
