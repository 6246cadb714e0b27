//! A word after every action in the status line, gone at the next key; questions in
//! natural words before a write that locks; messages that say what is wrong.

use crate::support::driver;

use driver::*;
use jinji::app::action::Action;
use jinji::app::{App, Modal};
use jinji::domain::training::{Enrolment, EnrolmentState};
use jinji::i18n::{Lang, error_text};
use jinji::store::{Db, StoreError};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The admin over the demo in memory, in `lang`, with a qualification form open for
/// the third person of the roster.
fn qualification_form(lang: Lang) -> App {
    let db = Db::open_in_memory().unwrap();
    jinji::demo::generate(&db, &demo_params()).unwrap();
    let admin = db.account_by_login("admin").unwrap().unwrap();
    let mut app = App::new(db, lang, admin, today()).unwrap();
    app.update(Action::Resize(120, 40));
    press(&mut app, "j");
    press(&mut app, "j");
    press(&mut app, "Enter");
    press(&mut app, "2");
    go_view(&mut app, "qualifications");
    press(&mut app, "n");
    set_field(&mut app, "name", "危険物取扱者乙種");
    app
}

fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| jinji::ui::render(app, f)).unwrap();
    buffer_text(t.backend().buffer())
}

/// The last line of the screen: the help bar, or the word after an action.
fn status_line(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

#[test]
fn a_save_says_so_in_the_status_line_until_the_next_key() {
    let mut app = qualification_form(Lang::Ja);
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    assert_eq!(app.shown.notice.as_deref(), Some("保存しました"));
    assert_eq!(status_line(&app).trim(), "保存しました");
    // A tick is no key: the word stays.
    app.update(Action::Tick);
    assert_eq!(app.shown.notice.as_deref(), Some("保存しました"));
    press(&mut app, "j");
    assert_eq!(app.shown.notice, None, "gone at the next key");
    assert!(!status_line(&app).contains("保存しました"));
}

#[test]
fn a_delete_says_so() {
    let mut app = qualification_form(Lang::Ja);
    press(&mut app, "C-s");
    press(&mut app, "d");
    press(&mut app, "y");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    assert_eq!(app.shown.notice.as_deref(), Some("削除しました"));
}

#[test]
fn a_date_that_does_not_exist_is_said_so_not_a_wrong_format() {
    let mut app = qualification_form(Lang::Ja);
    set_field(&mut app, "acquired_on", "2025-02-30");
    press(&mut app, "C-s");
    let f = top_form(&app).expect("the form stays open");
    let err = field(f, "acquired_on").error.clone().unwrap_or_default();
    assert!(err.contains("存在しない日付です"), "{err:?}");
    set_field(&mut app, "acquired_on", "2025-02-3x");
    press(&mut app, "C-s");
    let err = field(form(&app), "acquired_on").error.clone();
    assert!(
        err.as_deref().is_some_and(|e| e.contains("形式")),
        "a text that is no date is still a wrong form: {err:?}"
    );
    assert_eq!(app.shown.notice, None, "nothing saved, nothing said");
}

#[test]
fn u_for_an_account_without_a_unit_says_why_nothing_changes() {
    let db = crate::support::demo_ward();
    // An HR account of no person (the demo's are all people): its own row, as `users`
    // makes one.
    let mut acct = jinji::domain::account::Account {
        id: 0,
        login: "hr.nobody".into(),
        staff_id: None,
        role: jinji::domain::account::Role::Hr,
        active: true,
        created_on: today(),
        version: 0,
    };
    db.insert(&mut acct).unwrap();
    let mut app = open_as(db, "hr.nobody");
    assert!(app.session.me.is_none() && app.nav.focus.is_none());
    let scope = app.nav.scope.clone();
    press(&mut app, "u");
    assert_eq!(app.nav.scope, scope);
    assert_eq!(
        app.shown.notice.as_deref(),
        Some(app.session.lang.t("ui.scope_no_unit"))
    );
}

#[test]
fn a_second_application_for_one_session_is_already_applied_not_a_taken_staff_number() {
    let db = Db::open_in_memory().unwrap();
    jinji::demo::generate(&db, &small_params()).unwrap();
    let e: Enrolment = db
        .all::<Enrolment>(Vec::new(), "id")
        .unwrap()
        .into_iter()
        .next()
        .expect("an enrolment in the demo");
    let mut again = Enrolment {
        id: 0,
        version: 0,
        state: EnrolmentState::Applied,
        completed_on: None,
        ..e.clone()
    };
    let err = db
        .insert(&mut again)
        .expect_err("one row per person and session");
    let text = error_text(Lang::Ja, &err);
    assert!(text.contains("この研修日程には申込み済みです"), "{text}");
    assert!(!text.contains("既に使われています"), "{text}");
    assert!(
        error_text(Lang::En, &err).contains("already applied for this session"),
        "{err}"
    );
}

#[test]
fn a_conflict_names_the_person_and_its_sentences_stand_apart() {
    let err = StoreError::Conflict {
        table: "staff",
        id: 325,
        known_as: "0200004 山田 花子".into(),
        by: "hr2".into(),
        at: "2026-06-01 01:02:03".into(),
    };
    let ja = error_text(Lang::Ja, &err);
    assert!(ja.starts_with("職員 0200004 山田 花子 は "), "{ja}");
    assert!(ja.ends_with("。") && !ja.contains('#'), "{ja}");
    let en = error_text(Lang::En, &err);
    assert!(
        en.starts_with("Staff 0200004 山田 花子 was changed by hr2"),
        "{en}"
    );
}

#[test]
fn every_move_has_its_word_after_in_both_languages() {
    for lang in [Lang::Ja, Lang::En] {
        for m in jinji::app::moves::Move::every_kind() {
            if m.fields().is_empty() && !matches!(m, jinji::app::moves::Move::Compare(_)) {
                let key = format!("ask.{}", m.stem());
                assert!(lang.try_t(&key).is_some(), "{lang:?} {key}");
            }
            if m.locks() {
                let key = format!("lock.{}", m.stem());
                assert!(lang.try_t(&key).is_some(), "{lang:?} {key}");
            }
            if !matches!(m, jinji::app::moves::Move::Compare(_)) {
                let key = format!("done.{}", m.stem());
                assert!(lang.try_t(&key).is_some(), "{lang:?} {key}");
            }
        }
    }
}

const LANGS: [(Lang, &str); 2] = [(Lang::Ja, "ja"), (Lang::En, "en")];

#[test]
fn snapshot_the_word_after_a_save() {
    for (lang, code) in LANGS {
        let mut app = qualification_form(lang);
        press(&mut app, "C-s");
        insta::assert_snapshot!(format!("{code}_notice_saved"), screen(&app));
    }
}

#[test]
fn snapshot_the_question_before_a_report_is_handed_in() {
    for (lang, code) in LANGS {
        let db = crate::support::demo_ward();
        let fy = today().fiscal_year();
        let person = db
            .self_reports_missing(fy, 1_000_000)
            .unwrap()
            .into_iter()
            .next()
            .expect("someone who has not handed in");
        let mut app = open_as(db, "hr1");
        app.session.lang = lang;
        press(&mut app, "2");
        go_view(&mut app, "self_reports_missing");
        select(&mut app, person.id);
        press(&mut app, "e");
        focus_field(&mut app, "submit_now");
        press(&mut app, "Right");
        press(&mut app, "C-s");
        assert!(
            matches!(app.modals.last(), Some(Modal::Confirm { .. })),
            "{:?}",
            message(&app)
        );
        insta::assert_snapshot!(format!("{code}_lock_self_report"), screen(&app));
    }
}

#[test]
fn kana_typed_in_hiragana_is_kept_in_katakana() {
    let mut app = app();
    let id = list(&app).current().expect("a person").id;
    press(&mut app, "e");
    set_field(&mut app, "family_kana", "やまだ");
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    let s: jinji::domain::staff::Staff = app.session.db.get(id).unwrap();
    assert_eq!(s.family_kana, "ヤマダ");
}
