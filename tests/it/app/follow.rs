//! What follows an edit and what a new record starts from: the person in focus is read
//! again after a save (the header, an award's unit), a new record is for the year on
//! screen and says so, and a new theme's weight is what the person's others leave of 100.

use crate::support::driver;

use driver::*;
use jinji::domain::staff::{Staff, StaffStatus};
use jinji::domain::theme::Theme;
use jinji::domain::unit::Unit;
use jinji::store::Filter;

/// Puts an active person in focus from the staff list; returns them.
fn focus_someone(app: &mut jinji::app::App) -> Staff {
    for _ in 0..50 {
        let id = list(app).current().expect("a row").id;
        let s: Staff = app.session.db.get(id).expect("person");
        if s.status == StaffStatus::Active {
            press(app, "Enter");
            return s;
        }
        press(app, "j");
    }
    panic!("no active person");
}

#[test]
fn the_person_in_focus_follows_an_edit_of_their_record() {
    let mut app = app();
    let who = focus_someone(&mut app);
    press(&mut app, "e");
    set_field(&mut app, "family_name", "改名");
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "saved");
    let focus = app.nav.focus.clone().expect("focus");
    assert_eq!(focus.id, who.id);
    assert_eq!(focus.family_name, "改名", "the focus is read again");
    let header = render(&app, 120, 40)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(header.contains("改名"), "the header follows: {header}");
}

#[test]
fn a_new_award_starts_from_the_unit_the_person_has_now() {
    let mut app = app();
    let who = focus_someone(&mut app);
    let other: Unit = app
        .session
        .db
        .all::<Unit>(vec![Filter::eq("kind", "team")], "code")
        .expect("units")
        .into_iter()
        .find(|u| u.id != who.unit_id)
        .expect("another team");
    press(&mut app, "e");
    set_field(&mut app, "unit_id", &other.code);
    press(&mut app, "C-s");
    press(&mut app, "C-s"); // answers why and from when with their defaults
    assert!(app.modals.is_empty(), "saved");
    press(&mut app, "6");
    press(&mut app, "n");
    assert_eq!(
        field(form(&app), "unit_id").text,
        other.code,
        "the award names the person's unit of now, not the one before the edit"
    );
}

#[test]
fn a_new_record_is_for_the_year_on_screen_and_says_so() {
    let mut app = app();
    focus_someone(&mut app);
    press(&mut app, "2");
    go_view(&mut app, "qualifications");
    press(&mut app, "<");
    let fy = app.nav.fiscal_year;
    assert_eq!(fy, today().fiscal_year() - 1);
    press(&mut app, "n");
    let day = field(form(&app), "acquired_on").text.clone();
    let end = jinji::domain::date::fiscal_year_end(fy).iso();
    assert_eq!(
        day, end,
        "dated in the year on screen, as near today as it gets"
    );
    press(&mut app, "Esc");

    press(&mut app, "3");
    go_view(&mut app, "themes");
    press(&mut app, "n");
    assert_eq!(field(form(&app), "fiscal_year").text, fy.to_string());
    let title = app.session.lang.fiscal_year(fy);
    assert!(
        render(&app, 120, 40)
            .lines()
            .any(|l| l.contains("新規") && l.contains(&title)),
        "the form's title names the year"
    );
}

#[test]
fn a_new_theme_weighs_what_the_others_leave() {
    let mut app = app();
    let who = focus_someone(&mut app);
    let fy = app.nav.fiscal_year;
    let used: i64 = app
        .session
        .db
        .all::<Theme>(
            vec![
                Filter::eq("staff_id", who.id),
                Filter::eq("fiscal_year", fy),
            ],
            "id",
        )
        .expect("themes")
        .iter()
        .map(|t| t.weight)
        .sum();
    press(&mut app, "3");
    go_view(&mut app, "themes");
    press(&mut app, "n");
    assert_eq!(
        field(form(&app), "weight").text,
        (100 - used).clamp(0, 100).to_string()
    );
}
