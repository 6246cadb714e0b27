//! The year-end 定年退職 from the 定年退職予定者 list (`m`), at 110×32 in Japanese and
//! English: before 31 March the menu names the act and why it waits; on the day it asks
//! once, retires everyone due and says so, and offers it no more.

use super::screens::{LANGS, screen_at};
use jinji::app::App;
use jinji::app::action::Action;
use jinji::demo::{Params, generate};
use jinji::domain::Date;
use jinji::store::Db;

/// The demo ward of the screens' day, opened by HR on `today`, at the list.
fn at_the_list(lang: jinji::i18n::Lang, today: Date) -> App {
    let db = Db::open_in_memory().unwrap();
    generate(&db, &Params::demo(Date::from_ymd(2026, 11, 24))).unwrap();
    let hr = db.account_by_login("hr1").unwrap().unwrap();
    let mut a = App::new(db, lang, hr, today).unwrap();
    a.update(Action::Resize(110, 32));
    a.update(Action::GoTab(3));
    while a.view_name() != "retirements_due" {
        a.update(Action::NextView);
    }
    a
}

#[test]
fn the_years_retirements_from_their_list() {
    for (lang, code) in LANGS {
        let mut a = at_the_list(lang, Date::from_ymd(2026, 11, 24));
        a.update(Action::Move);
        insta::assert_snapshot!(format!("{code}_teinen_not_yet"), screen_at(&a, 110, 32));

        let mut a = at_the_list(lang, Date::from_ymd(2027, 3, 31));
        a.update(Action::Move);
        insta::assert_snapshot!(format!("{code}_teinen_menu"), screen_at(&a, 110, 32));
        a.update(Action::Submit);
        insta::assert_snapshot!(format!("{code}_teinen_ask"), screen_at(&a, 110, 32));
        a.update(Action::Yes);
        insta::assert_snapshot!(format!("{code}_teinen_done"), screen_at(&a, 110, 32));
        // Done once: the menu offers it no more.
        a.update(Action::Move);
        let again = screen_at(&a, 110, 32);
        assert!(
            !again.contains(if code == "ja" { "名）" } else { "people)" }),
            "{again}"
        );
    }
}
