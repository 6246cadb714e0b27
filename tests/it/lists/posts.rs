//! 定数・現員: 定数 of the year against 現員 as of a day, before and after a move; 欠員
//! and 過員; the ward's rule on counting 兼務; a unit without its head flagged.

use crate::support::d;
use crate::support::ward::{Ward, assignment};
use jinji::domain::assignment::Reason;
use jinji::domain::post::{AssignmentKind, PostClass, UnitPost};
use jinji::domain::staff::Position;
use jinji::domain::{Date, Id};
use jinji::i18n::WARD;
use jinji::store::posts::{BY_HAND, NewPost};
use jinji::store::staffing::PostCount;
use jinji::store::views::{ViewQuery, view};

fn today() -> Date {
    d(2026, 11, 24)
}

/// The ward with main posts, and 定数 for FY2026: 人事係 2 一般 and its 係長, 区民係 1
/// 一般, 区民課 its 課長 (no one holds it).
fn ward() -> Ward {
    let mut w = Ward::new();
    w.db.set_today(today());
    for s in [&w.chief, &w.lead, &w.junior, &w.clerk] {
        let mut a = assignment(s.id, s.unit_id, s.hire_date, None);
        a.position = s.position;
        w.db.put_assignment(&mut a, today(), &BY_HAND, &WARD)
            .expect("main post");
    }
    for (unit, class, count) in [
        (w.team_hr, PostClass::General, 2),
        (w.team_hr, PostClass::TeamChief, 1),
        (w.team_res, PostClass::General, 1),
        (w.sec_res, PostClass::SectionChief, 1),
    ] {
        let mut p = UnitPost {
            id: 0,
            unit_id: unit,
            fiscal_year: 2026,
            class,
            count,
            version: 0,
        };
        w.db.insert(&mut p).expect("定数");
    }
    w
}

fn count(w: &Ward, day: Date, unit: Id, class: PostClass) -> (i64, i64, i64, i64) {
    let all: Vec<PostCount> = w.db.posts_as_of(day, None).expect("posts");
    all.iter()
        .find(|c| c.unit_id == unit && c.class == class)
        .map(|c| (c.posts, c.present, c.vacant, c.over))
        .unwrap_or_default()
}

#[test]
fn counts_follow_a_move_on_its_day() {
    let w = ward();
    let oct = d(2026, 10, 1);
    let post = NewPost {
        unit_id: w.team_res,
        position: Position::Clerk,
        start: oct,
        reason: Reason::Transfer,
        note: String::new(),
    };
    w.db.set_post(w.junior.id, &post, today(), &BY_HAND)
        .expect("moved");
    let before = d(2026, 9, 30);
    assert_eq!(
        count(&w, before, w.team_hr, PostClass::General),
        (2, 1, 1, 0)
    );
    assert_eq!(
        count(&w, before, w.team_res, PostClass::General),
        (1, 1, 0, 0)
    );
    assert_eq!(count(&w, oct, w.team_hr, PostClass::General), (2, 0, 2, 0));
    assert_eq!(count(&w, oct, w.team_res, PostClass::General), (1, 2, 0, 1));
    assert_eq!(
        count(&w, oct, w.team_hr, PostClass::TeamChief),
        (1, 1, 0, 0)
    );
    // Before the junior was hired (2024): nobody in 人事係's 一般, and the year's 定数 is
    // that year's (none set for 2023).
    assert_eq!(
        count(&w, d(2023, 6, 1), w.team_hr, PostClass::General),
        (0, 0, 0, 0)
    );
    // A unit with people and no 定数 shows them as over.
    assert_eq!(
        count(&w, oct, w.sec_hr, PostClass::SectionChief),
        (0, 1, 0, 1)
    );
}

#[test]
fn a_concurrent_post_counts_only_where_the_ward_says() {
    let w = ward();
    let mut a = assignment(w.chief.id, w.team_res, d(2026, 4, 1), None);
    a.position = Position::TeamChief;
    a.kind = AssignmentKind::Concurrent;
    w.db.put_assignment(&mut a, today(), &BY_HAND, &WARD)
        .expect("兼務");
    assert_eq!(count(&w, today(), w.team_res, PostClass::TeamChief).1, 0);
    w.db.set_rule("concurrent_counts", "1").expect("rule");
    assert_eq!(count(&w, today(), w.team_res, PostClass::TeamChief).1, 1);
    // 事務代理 never counts.
    let mut dep = assignment(w.lead.id, w.sec_res, d(2026, 4, 1), None);
    dep.position = Position::SectionChief;
    dep.kind = AssignmentKind::Deputy;
    w.db.put_assignment(&mut dep, today(), &BY_HAND, &WARD)
        .expect("事務代理");
    assert_eq!(count(&w, today(), w.sec_res, PostClass::SectionChief).1, 0);
}

/// The view's rows of the year, as (unit code, class, 定数, 現員, 過不足, head flag).
fn view_rows(w: &Ward, day: Date) -> Vec<Vec<String>> {
    let v = view("posts").expect("posts view");
    let q = ViewQuery {
        fiscal_year: Some(2026),
        ..ViewQuery::on(day)
    };
    w.db.view_rows(v, &q, 0, 50)
        .expect("rows")
        .into_iter()
        .map(|r| {
            let mut cells: Vec<String> = r.cells.iter().map(|c| c.as_text()).collect();
            cells.remove(1);
            // The head mark (beside the unit on screen) last.
            let head = cells.remove(1);
            cells.push(head);
            cells
        })
        .collect()
}

/// The clerk's day: the view counts 現員 and its 過不足 on the day the query carries, the
/// day before a move and the day of it.
#[test]
fn the_view_counts_on_the_day_chosen() {
    let w = ward();
    let post = NewPost {
        unit_id: w.team_res,
        position: Position::Clerk,
        start: d(2026, 10, 1),
        reason: Reason::Transfer,
        note: String::new(),
    };
    w.db.set_post(w.junior.id, &post, today(), &BY_HAND)
        .expect("moved");
    let v = view("posts").expect("posts view");
    let on = |day: Date| -> Vec<Vec<String>> {
        let q = ViewQuery {
            fiscal_year: Some(2026),
            as_of: Some(day),
            sort: 5,
            desc: true,
            ..ViewQuery::on(today())
        };
        w.db.view_rows(v, &q, 0, 50)
            .expect("rows")
            .into_iter()
            .map(|r| {
                let mut c: Vec<String> = r.cells.iter().map(|c| c.as_text()).collect();
                c.drain(1..3);
                c
            })
            .collect()
    };
    let want = |r: [&str; 5]| r.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let before = on(d(2026, 9, 30));
    assert!(
        before.contains(&want(["D01S01T1", "general", "2", "1", "-1"])),
        "{before:?}"
    );
    assert!(
        before.contains(&want(["D01S02T1", "general", "1", "1", "0"])),
        "{before:?}"
    );
    let after = on(d(2026, 10, 1));
    assert!(
        after.contains(&want(["D01S01T1", "general", "2", "0", "-2"])),
        "{after:?}"
    );
    assert!(
        after.contains(&want(["D01S02T1", "general", "1", "2", "1"])),
        "{after:?}"
    );
    // Sorted by 現員, most first, on the day: 区民係's 一般 leads after the move.
    assert_eq!(after[0], want(["D01S02T1", "general", "1", "2", "1"]));
}

#[test]
fn the_view_counts_as_of_the_day_and_flags_a_unit_without_its_head() {
    let w = ward();
    let rows = view_rows(&w, today());
    let want = |r: [&str; 6]| r.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(
        rows.contains(&want(["D01S01T1", "general", "2", "1", "-1", ""])),
        "{rows:?}"
    );
    assert!(
        rows.contains(&want([
            "D01S02",
            "section_chief",
            "1",
            "0",
            "-1",
            "missing"
        ])),
        "{rows:?}"
    );
    assert!(
        rows.contains(&want(["D01S02T1", "general", "1", "1", "0", "missing"])),
        "{rows:?}"
    );
    assert!(
        rows.contains(&want(["D01S01T1", "team_chief", "1", "1", "0", ""])),
        "{rows:?}"
    );
    // Another year in view counts on its 1 April: the year's 定数 alone (none for 2027).
    let q = ViewQuery {
        fiscal_year: Some(2027),
        ..ViewQuery::on(today())
    };
    let v = view("posts").unwrap();
    assert_eq!(w.db.view_count(v, &q).unwrap(), 0);
    // 区民課 gets a head by 事務取扱 (the 人事課長): no longer flagged.
    let mut a = assignment(w.chief.id, w.sec_res, d(2026, 4, 1), None);
    a.position = Position::SectionChief;
    a.kind = AssignmentKind::ActingDuties;
    w.db.put_assignment(&mut a, today(), &BY_HAND, &WARD)
        .expect("事務取扱");
    let rows = view_rows(&w, today());
    assert!(
        rows.contains(&want(["D01S02", "section_chief", "1", "0", "-1", ""])),
        "{rows:?}"
    );
}

/// The class each person counts against in SQL is the domain's, for every position and
/// employment kind.
#[test]
fn the_counted_class_is_the_domains_for_every_position_and_kind() {
    use jinji::domain::employment::EmploymentKind;
    use jinji::domain::post::counted_class;
    let w = ward();
    let day = today();
    let mut n = 0;
    for &pos in Position::ALL {
        for &kind in EmploymentKind::ALL {
            n += 1;
            let mut s = crate::support::ward::staff(&format!("B{n:04}"), w.team_res, d(2020, 4, 1));
            s.position = pos;
            s.employment_kind = kind;
            if kind.is_short_time() {
                s.weekly_hours = 31.0;
            }
            if kind.has_term() {
                s.term_start = Some(d(2026, 4, 1));
                s.term_end = Some(d(2027, 3, 31));
            }
            w.db.insert(&mut s).expect("person");
            let class = counted_class(pos, kind);
            let before = count(&w, day, w.team_res, class).1;
            let mut a = assignment(s.id, w.team_res, d(2020, 4, 1), None);
            a.position = pos;
            w.db.put_assignment(&mut a, day, &BY_HAND, &WARD)
                .expect("post");
            assert_eq!(
                count(&w, day, w.team_res, class).1,
                before + 1,
                "{pos:?} {kind:?}"
            );
        }
    }
}

/// A 兼務 puts the person on the second unit's roster too, marked by the kind of post and
/// that unit; with both units in scope they are one row, counted once.
#[test]
fn a_post_beside_the_main_one_lists_the_person_in_its_unit_too() {
    let w = ward();
    let roster = view("staff").expect("roster");
    let of = |units: Vec<Id>| ViewQuery {
        units: Some(units),
        ..ViewQuery::on(today())
    };
    let ids = |q: &ViewQuery| -> Vec<Id> {
        let mut rows = w.db.view_rows(roster, q, 0, 50).expect("rows");
        w.db.mark_beside(roster, q, &mut rows).expect("marks");
        rows.iter().map(|r| r.id).collect()
    };
    assert!(!ids(&of(vec![w.team_res])).contains(&w.chief.id));
    let mut a = assignment(w.chief.id, w.team_res, d(2026, 4, 1), None);
    a.position = Position::TeamChief;
    a.kind = AssignmentKind::Concurrent;
    w.db.put_assignment(&mut a, today(), &BY_HAND, &WARD)
        .expect("兼務");
    let q = of(vec![w.team_res]);
    let mut rows = w.db.view_rows(roster, &q, 0, 50).expect("rows");
    w.db.mark_beside(roster, &q, &mut rows).expect("marks");
    let chief = rows
        .iter()
        .find(|r| r.id == w.chief.id)
        .expect("listed in 区民係");
    let unit: jinji::domain::unit::Unit = w.db.get(w.team_res).expect("unit");
    assert_eq!(chief.beside, Some((AssignmentKind::Concurrent, unit.name)));
    // The unit's own people are not marked.
    assert!(
        rows.iter()
            .filter(|r| r.id != w.chief.id)
            .all(|r| r.beside.is_none())
    );
    assert_eq!(w.db.view_count(roster, &q).unwrap() as usize, rows.len());
    // Both units in scope: one row, and in their main unit no mark.
    let both = of(vec![w.sec_hr, w.team_res]);
    let mut rows = w.db.view_rows(roster, &both, 0, 50).expect("rows");
    w.db.mark_beside(roster, &both, &mut rows).expect("marks");
    assert_eq!(rows.iter().filter(|r| r.id == w.chief.id).count(), 1);
    assert!(rows.iter().all(|r| r.beside.is_none()));
    assert_eq!(w.db.view_count(roster, &both).unwrap() as usize, rows.len());
    // Before the post began, not there.
    let march = ViewQuery {
        today: d(2026, 3, 31),
        ..of(vec![w.team_res])
    };
    assert!(!ids(&march).contains(&w.chief.id));
}
