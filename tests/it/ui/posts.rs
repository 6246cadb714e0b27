//! 定数・現員 on a day the clerk chooses (`a`), at 110×32 in Japanese and English: the
//! prompt, the list counted on the day (named in the header, the 所属長 mark in view),
//! and a row's detail with 現員, 欠員, 過員 and the head of the unit on that day.

use super::screens::{LANGS, app, screen_at};
use jinji::app::action::Action;

#[test]
fn posts_on_a_chosen_day_and_their_detail() {
    for (lang, code) in LANGS {
        let mut a = app(lang);
        a.update(Action::Resize(110, 32));
        a.update(Action::GoTab(3));
        while a.view_name() != "posts" {
            a.update(Action::NextView);
        }
        a.update(Action::AsOf);
        for c in "2026-04-01".chars() {
            a.update(Action::Char(c));
        }
        insta::assert_snapshot!(format!("{code}_posts_as_of_prompt"), screen_at(&a, 110, 32));
        a.update(Action::Enter);
        insta::assert_snapshot!(format!("{code}_posts_as_of"), screen_at(&a, 110, 32));
        a.update(Action::ShowDetail);
        insta::assert_snapshot!(format!("{code}_posts_detail"), screen_at(&a, 110, 32));
        // A bad day stays in the prompt, named; an empty one goes back to today.
        a.update(Action::Cancel);
        a.update(Action::AsOf);
        a.update(Action::ClearField);
        for c in "2026-02-30".chars() {
            a.update(Action::Char(c));
        }
        a.update(Action::Enter);
        assert!(
            screen_at(&a, 110, 32).contains("2026-02-30"),
            "the prompt stays with its problem"
        );
        a.update(Action::ClearField);
        a.update(Action::Enter);
        let back = screen_at(&a, 110, 32);
        let today = if code == "ja" {
            "令和8年11月24日"
        } else {
            "2026-11-24"
        };
        assert!(back.contains(today), "{back}");
    }
}
