//! Promotion selection on the screens, at 110×32 in Japanese and English, in the June of
//! the demo's year (the rounds take applications): HR's moves on a round, bringing in the
//! self-reports' wishes; a person applying themselves; and HR's new entry from a row of
//! 受験資格, its person and selection already filled in.

use super::screens::{LANGS, screen_at};
use jinji::app::App;
use jinji::app::action::Action;
use jinji::demo::{Params, generate};
use jinji::domain::Date;
use jinji::domain::exam::Verdict;
use jinji::i18n::Lang;
use jinji::store::Db;

fn june() -> Date {
    Date::from_ymd(2026, 6, 10)
}

/// The demo ward of a June, in memory.
fn ward() -> Db {
    let db = Db::open_in_memory().unwrap();
    generate(&db, &Params::demo(june())).unwrap();
    db
}

/// `login` at the view named `view` of キャリア.
fn at(db: Db, lang: Lang, login: &str, view: &str) -> App {
    let who = db.account_by_login(login).unwrap().unwrap();
    let mut a = App::new(db, lang, who, june()).unwrap();
    a.update(Action::Resize(110, 32));
    a.update(Action::GoTab(1));
    while a.view_name() != view {
        a.update(Action::NextView);
    }
    a
}

/// Someone who may sit this year's 係長選考 and has not applied.
fn eligible_not_entered(db: &Db) -> (i64, String) {
    let kind = db.exam_kind_by_code("team_chief").unwrap().unwrap();
    let exam = db.exam_of(kind.id, 2026).unwrap().unwrap();
    let c = db
        .exam_candidates(exam.id, true)
        .unwrap()
        .into_iter()
        .find(|c| !db.exam_entered(exam.id, c.id).unwrap())
        .expect("someone eligible who has not applied");
    assert_eq!(c.verdict, Verdict::Eligible);
    (exam.id, c.staff_no)
}

#[test]
fn hr_brings_the_self_reports_wishes_into_a_round() {
    for (lang, code) in LANGS {
        let mut a = at(ward(), lang, "hr1", "exams");
        a.update(Action::Move);
        insta::assert_snapshot!(format!("{code}_exam_menu"), screen_at(&a, 110, 32));
        a.update(Action::Submit);
        insta::assert_snapshot!(format!("{code}_exam_wishes_ask"), screen_at(&a, 110, 32));
        a.update(Action::Yes);
        insta::assert_snapshot!(format!("{code}_exam_wishes_done"), screen_at(&a, 110, 32));
    }
}

#[test]
fn a_person_applies_for_the_round_of_their_position() {
    for (lang, code) in LANGS {
        let db = ward();
        let (exam, no) = eligible_not_entered(&db);
        let mut a = at(db, lang, &format!("s{no}"), "exams");
        // Their round: 係長選考, the second of the year's.
        a.update(Action::Down);
        a.update(Action::Move);
        insta::assert_snapshot!(format!("{code}_exam_apply_menu"), screen_at(&a, 110, 32));
        a.update(Action::Submit);
        a.update(Action::Yes);
        let me = a.session.me.as_ref().unwrap().id;
        assert!(
            a.session.db.exam_entered(exam, me).unwrap(),
            "{code}: applied"
        );
        a.update(Action::NextView);
        insta::assert_snapshot!(format!("{code}_exam_own_entry"), screen_at(&a, 110, 32));
    }
}

#[test]
fn hr_enters_an_application_from_a_row_of_who_may_sit() {
    for (lang, code) in LANGS {
        let db = ward();
        let (exam, no) = eligible_not_entered(&db);
        let person = db.staff_by_no(&no).unwrap().unwrap().id;
        let mut a = at(db, lang, "hr1", "exam_eligibility");
        for _ in 0..400 {
            let l = a.list().unwrap();
            if l.rows[l.selected - l.offset].cells[1].as_text() == no {
                break;
            }
            a.update(Action::Down);
        }
        // `e` on a worklist's row: the record the row's person lacks.
        a.update(Action::Edit);
        insta::assert_snapshot!(format!("{code}_exam_entry_form"), screen_at(&a, 110, 32));
        a.update(Action::Save);
        assert!(
            a.session.db.exam_entered(exam, person).unwrap(),
            "{code}: entered"
        );
    }
}
