//! The 発令 of posts held beside a main one: a 兼務, 事務取扱 or 事務代理 entered by hand is
//! issued on its first day in the ward's words, released the day after its last, issued
//! again as corrected, and taken back with a post deleted as mistyped. A main post by hand
//! issues nothing (the round issues those).

use super::concurrent_posts::{beside, today, ward};
use crate::support::d;
use crate::support::ward::Ward;
use jinji::domain::Date;
use jinji::domain::appointment::AppointmentKind as K;
use jinji::domain::post::AssignmentKind;
use jinji::domain::staff::{Position, Staff};
use jinji::i18n::WARD;
use jinji::store::posts::BY_HAND;

fn issued(w: &Ward, s: &Staff) -> Vec<(Date, K, String)> {
    w.db.appointments_of(s.id)
        .expect("appointments")
        .into_iter()
        .map(|a| (a.issued_on, a.kind, a.text))
        .collect()
}

fn says(day: Date, kind: K, text: &str) -> (Date, K, String) {
    (day, kind, text.to_string())
}

#[test]
fn a_concurrent_post_is_issued_released_corrected_and_taken_back() {
    let w = ward();
    assert_eq!(
        issued(&w, &w.chief),
        [],
        "a main post by hand issues nothing"
    );
    let mut a = beside(
        &w.chief,
        w.team_res,
        Position::TeamChief,
        d(2026, 4, 1),
        AssignmentKind::Concurrent,
    );
    w.db.put_assignment(&mut a, today(), &BY_HAND, &WARD)
        .expect("兼務");
    let begun = says(d(2026, 4, 1), K::Concurrent, "兼ねて区民課区民係長を命ずる");
    assert_eq!(issued(&w, &w.chief), std::slice::from_ref(&begun));

    // Ended on 30 September: released on 1 October.
    a.end_date = Some(d(2026, 9, 30));
    w.db.put_assignment(&mut a, today(), &BY_HAND, &WARD)
        .expect("ended");
    let released = says(d(2026, 10, 1), K::Release, "区民課区民係長の兼務を解く");
    assert_eq!(issued(&w, &w.chief), [begun.clone(), released.clone()]);

    // A note says nothing a 発令 says: what was issued stands, ids and all.
    let ids: Vec<i64> =
        w.db.appointments_of(w.chief.id)
            .unwrap()
            .iter()
            .map(|x| x.id)
            .collect();
    a.note = "予算編成期のみ".into();
    w.db.put_assignment(&mut a, today(), &BY_HAND, &WARD)
        .expect("note");
    let again: Vec<i64> =
        w.db.appointments_of(w.chief.id)
            .unwrap()
            .iter()
            .map(|x| x.id)
            .collect();
    assert_eq!(again, ids);

    // Mistyped day corrected: issued as corrected.
    a.start_date = d(2026, 5, 1);
    w.db.put_assignment(&mut a, today(), &BY_HAND, &WARD)
        .expect("corrected");
    assert_eq!(
        issued(&w, &w.chief),
        [
            says(d(2026, 5, 1), K::Concurrent, "兼ねて区民課区民係長を命ずる"),
            released
        ]
    );

    // A post deleted as mistyped takes its 発令 with it.
    let a =
        w.db.get::<jinji::domain::assignment::Assignment>(a.id)
            .unwrap();
    w.db.delete_assignment(a.id, a.version, today())
        .expect("deleted");
    assert_eq!(issued(&w, &w.chief), []);
}

#[test]
fn each_kind_of_post_beside_is_named_in_its_own_words() {
    let w = ward();
    // 事務代理 of 人事課長 by its 係長; 事務取扱 of 区民課長 by the 課長 of 人事課; a 兼務
    // that heads nothing; each unit with the 部 or 課 above it.
    let posts = [
        (
            &w.lead,
            w.sec_hr,
            Position::SectionChief,
            AssignmentKind::Deputy,
        ),
        (
            &w.chief,
            w.sec_res,
            Position::SectionChief,
            AssignmentKind::ActingDuties,
        ),
        (
            &w.junior,
            w.team_res,
            Position::Clerk,
            AssignmentKind::Concurrent,
        ),
    ];
    for (s, unit, pos, kind) in posts {
        let mut a = beside(s, unit, pos, d(2026, 10, 1), kind);
        w.db.put_assignment(&mut a, today(), &BY_HAND, &WARD)
            .expect("post beside");
    }
    assert_eq!(
        issued(&w, &w.lead),
        [says(
            d(2026, 10, 1),
            K::Deputy,
            "総務部人事課長事務代理を命ずる"
        )]
    );
    assert_eq!(
        issued(&w, &w.chief),
        [says(
            d(2026, 10, 1),
            K::ActingDuties,
            "総務部区民課長事務取扱を命ずる"
        )]
    );
    assert_eq!(
        issued(&w, &w.junior),
        [says(
            d(2026, 10, 1),
            K::Concurrent,
            "兼ねて区民課区民係勤務を命ずる"
        )]
    );
}
