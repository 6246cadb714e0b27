//! Pickers: a reference field (unit, person, session, course) filled from a list opened by
//! Enter or by typing into it; Esc leaves the field alone; the form shows the chosen
//! thing's name beside its code. Snapshots of each picker in ja and en.

use crate::support::driver;

use driver::*;
use jinji::app::action::{Action, Mode};
use jinji::app::picker::{PickKind, Picker};
use jinji::app::{App, Modal};
use jinji::demo::generate;
use jinji::domain::staff::Staff;
use jinji::i18n::Lang;
use jinji::store::Db;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[track_caller]
fn picker(app: &App) -> &Picker {
    match app.modals.last() {
        Some(Modal::Picker(p)) => p,
        _ => panic!("no picker on top (mode {:?})", app.mode()),
    }
}

/// The values the picker on top offers, in order.
fn offered(app: &App) -> Vec<String> {
    picker(app).rows.iter().map(|r| r.value.clone()).collect()
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| jinji::ui::render(app, f)).expect("draw");
    buffer_text(t.backend().buffer())
}

/// The demo ward as an HR clerk, in `lang`, on a screen `w`×`h`.
fn clerk(lang: Lang, w: u16, h: u16) -> App {
    let db = Db::open_in_memory().expect("open");
    generate(&db, &demo_params()).expect("demo");
    let hr = db.account_by_login("hr1").expect("read").expect("hr1");
    let mut app = App::new(db, lang, hr, today()).expect("app");
    app.update(Action::Resize(w, h));
    app
}

/// A new staff member's form with the focus on 所属.
fn new_staff_on_unit(app: &mut App) {
    press(app, "1");
    press(app, "n");
    focus_field(app, "unit_id");
}

#[test]
fn enter_on_the_unit_field_picks_a_unit_by_name() {
    let mut app = clerk(Lang::Ja, 120, 40);
    new_staff_on_unit(&mut app);
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Picker);
    assert_eq!(picker(&app).kind, PickKind::Unit);
    assert!(
        offered(&app).contains(&"200100".to_string()),
        "the tree shows the sections"
    );

    type_text(&mut app, "戸籍住民");
    assert_eq!(offered(&app), ["200100"]);
    assert!(
        screen(&app, 120, 40).contains("区民部 › 戸籍住民課"),
        "with its path"
    );
    press(&mut app, "Enter");

    assert_eq!(app.mode(), Mode::Form);
    let f = field(form(&app), "unit_id");
    assert_eq!(f.text, "200100");
    assert_eq!(f.shown.as_deref(), Some("戸籍住民課"));
    assert!(form(&app).dirty);
    assert!(
        screen(&app, 120, 40).contains("200100  戸籍住民課"),
        "the form shows the name beside the code"
    );
}

#[test]
fn a_unit_is_found_by_kana_and_romaji_and_the_tree_folds() {
    let mut app = clerk(Lang::Ja, 120, 40);
    new_staff_on_unit(&mut app);
    press(&mut app, "Enter");
    let tree = offered(&app).len();
    // 総務部 is the first department: ← closes it, → opens it again.
    let dept = offered(&app)
        .iter()
        .position(|v| v == "100000")
        .expect("総務部");
    while picker(&app).selected < dept {
        press(&mut app, "Down");
    }
    press(&mut app, "Left");
    assert!(offered(&app).len() < tree);
    assert!(!offered(&app).contains(&"100100".to_string()));
    press(&mut app, "Right");
    assert_eq!(offered(&app).len(), tree);
    // Teams are shown under an opened section.
    press(&mut app, "Down");
    press(&mut app, "Right");
    assert!(offered(&app).contains(&"100101".to_string()));

    type_text(&mut app, "こせきじゅう");
    assert_eq!(offered(&app).first().map(String::as_str), Some("200100"));
    for _ in 0.."こせきじゅう".chars().count() {
        press(&mut app, "BS");
    }
    type_text(&mut app, "kosekiju");
    assert_eq!(offered(&app).first().map(String::as_str), Some("200100"));
}

#[test]
fn typing_into_a_reference_field_opens_its_picker() {
    let mut app = clerk(Lang::Ja, 120, 40);
    new_staff_on_unit(&mut app);
    type_text(&mut app, "200101");
    assert_eq!(app.mode(), Mode::Picker, "the first character opened it");
    assert_eq!(picker(&app).text, "200101");
    press(&mut app, "Enter");
    let f = field(form(&app), "unit_id");
    assert_eq!(
        (f.text.as_str(), f.shown.as_deref()),
        ("200101", Some("戸籍係"))
    );

    // A person by staff number.
    let boss: Staff = app.session.db.find(2).expect("read").expect("someone");
    focus_field(&mut app, "supervisor_id");
    type_text(&mut app, &boss.staff_no);
    assert_eq!(picker(&app).kind, PickKind::Staff);
    press(&mut app, "Enter");
    let f = field(form(&app), "supervisor_id");
    assert_eq!(f.text, boss.staff_no);
    assert_eq!(f.shown, Some(boss.full_name()));
    // Emptying the code takes its name away.
    press(&mut app, "End");
    while !field(form(&app), "supervisor_id").text.is_empty() {
        press(&mut app, "BS");
    }
    assert_eq!(field(form(&app), "supervisor_id").shown, None);
}

#[test]
fn esc_leaves_the_field_as_it_was() {
    let mut app = clerk(Lang::Ja, 120, 40);
    new_staff_on_unit(&mut app);
    type_text(&mut app, "200100");
    press(&mut app, "Enter");
    let before = field(form(&app), "unit_id").clone();

    press(&mut app, "Enter");
    type_text(&mut app, "保険");
    press(&mut app, "Down");
    press(&mut app, "Esc");
    assert_eq!(
        app.mode(),
        Mode::Form,
        "Esc goes back to the form, not out of it"
    );
    let after = field(form(&app), "unit_id");
    assert_eq!((&after.text, &after.shown), (&before.text, &before.shown));

    type_text(&mut app, "3");
    press(&mut app, "Esc");
    assert_eq!(field(form(&app), "unit_id").text, "200100");
}

#[test]
fn the_staff_picker_tells_two_people_of_one_name_apart() {
    let mut app = clerk(Lang::Ja, 120, 40);
    let db = &app.session.db;
    let first: Staff = db.find(5).expect("read").expect("someone");
    let other_unit = db.unit_by_code("300101").expect("read").expect("unit");
    assert_ne!(first.unit_id, other_unit.id);
    let mut twin = Staff {
        id: 0,
        staff_no: "9999998".into(),
        unit_id: other_unit.id,
        version: 0,
        ..first.clone()
    };
    db.insert(&mut twin).expect("the namesake");

    new_staff_on_unit(&mut app);
    focus_field(&mut app, "supervisor_id");
    type_text(
        &mut app,
        &format!("{}{}", first.family_name, first.given_name),
    );
    let p = picker(&app);
    let row = |no: &str| {
        p.rows
            .iter()
            .find(|r| r.value == no)
            .unwrap_or_else(|| panic!("{no} not offered"))
    };
    let (a, b) = (row(&first.staff_no), row("9999998"));
    assert_eq!(a.cells[1], b.cells[1], "the same name");
    assert_ne!(a.cells[2], b.cells[2], "told apart by unit");
    assert_eq!(b.cells[2], other_unit.name);
    let shown = screen(&app, 120, 40);
    assert!(shown.contains(&other_unit.name));
}

#[test]
fn a_list_of_people_grows_by_each_pick() {
    let mut app = clerk(Lang::Ja, 120, 40);
    press(&mut app, "6");
    go_view(&mut app, "awards");
    press(&mut app, "n");
    focus_field(&mut app, "recipients");
    let db = &app.session.db;
    let a: Staff = db.find(3).expect("read").expect("a");
    let b: Staff = db.find(4).expect("read").expect("b");
    set_field(&mut app, "recipients", "");
    for p in [&a, &b, &a] {
        type_text(&mut app, &p.staff_no);
        press(&mut app, "Enter");
    }
    let f = field(form(&app), "recipients");
    assert_eq!(f.text, format!("{} {}", a.staff_no, b.staff_no));
    assert_eq!(
        f.shown,
        Some(format!("{}、{}", a.full_name(), b.full_name()))
    );
}

#[test]
fn a_session_is_chosen_by_course_and_date_the_coming_ones_first() {
    let mut app = clerk(Lang::Ja, 120, 40);
    press(&mut app, "5");
    go_view(&mut app, "enrolments");
    press(&mut app, "n");
    focus_field(&mut app, "session_id");
    press(&mut app, "Enter");
    assert_eq!(picker(&app).kind, PickKind::Session);
    let days: Vec<String> = offered(&app)
        .iter()
        .map(|v| v.split(' ').nth(1).expect("a day").to_string())
        .collect();
    let today = today().to_string();
    let coming = days.iter().take_while(|d| **d >= today).count();
    assert!(coming > 0, "sessions to come are offered");
    assert!(days[..coming].is_sorted(), "the soonest first");
    assert!(
        days[coming..].iter().all(|d| *d < today) && days[coming..].is_sorted_by(|a, b| a >= b),
        "then the past, latest first"
    );

    type_text(&mut app, "LNG01");
    assert!(!offered(&app).is_empty());
    assert!(offered(&app).iter().all(|v| v.starts_with("LNG01 ")));
    let pick = offered(&app)[0].clone();
    press(&mut app, "Enter");
    let f = field(form(&app), "session_id");
    assert_eq!(f.text, pick);
    assert_eq!(f.shown.as_deref(), Some("英語研修（初級）"));

    // By title and a month.
    let month = &pick[6..13];
    press(&mut app, "Enter");
    type_text(&mut app, &format!("英語 {month}"));
    assert!(offered(&app).contains(&pick));
    assert!(
        offered(&app)
            .iter()
            .all(|v| v.starts_with("LNG0") && v.contains(month))
    );
}

#[test]
fn a_course_is_chosen_by_name_or_code() {
    let mut app = clerk(Lang::Ja, 120, 40);
    press(&mut app, "5");
    go_view(&mut app, "sessions");
    press(&mut app, "n");
    focus_field(&mut app, "course_id");
    press(&mut app, "Enter");
    assert_eq!(picker(&app).kind, PickKind::Course);
    assert!(offered(&app).len() > 5);
    type_text(&mut app, "中国語");
    assert_eq!(offered(&app), ["LNG04"]);
    press(&mut app, "Enter");
    let f = field(form(&app), "course_id");
    assert_eq!(
        (f.text.as_str(), f.shown.as_deref()),
        ("LNG04", Some("中国語研修"))
    );
    press(&mut app, "Enter");
    type_text(&mut app, "sec0");
    assert_eq!(offered(&app), ["SEC01", "SEC02"]);
}

// ---- snapshots ----

const LANGS: [(Lang, &str); 2] = [(Lang::Ja, "ja"), (Lang::En, "en")];

#[test]
fn snapshot_each_picker() {
    for (lang, code) in LANGS {
        let mut app = clerk(lang, 100, 30);
        new_staff_on_unit(&mut app);
        press(&mut app, "Enter");
        insta::assert_snapshot!(format!("{code}_picker_unit_tree"), screen(&app, 100, 30));

        press(&mut app, "Esc");
        focus_field(&mut app, "supervisor_id");
        type_text(&mut app, "yama");
        insta::assert_snapshot!(format!("{code}_picker_staff"), screen(&app, 100, 30));
        press(&mut app, "Esc");
        press(&mut app, "Esc");

        press(&mut app, "5");
        go_view(&mut app, "enrolments");
        press(&mut app, "n");
        focus_field(&mut app, "session_id");
        press(&mut app, "Enter");
        insta::assert_snapshot!(format!("{code}_picker_session"), screen(&app, 100, 30));
        press(&mut app, "Esc");
        press(&mut app, "Esc");

        go_view(&mut app, "sessions");
        press(&mut app, "n");
        focus_field(&mut app, "course_id");
        press(&mut app, "Enter");
        insta::assert_snapshot!(format!("{code}_picker_course"), screen(&app, 100, 30));
    }
}

#[test]
fn snapshot_a_unit_search_on_a_small_screen() {
    let mut app = clerk(Lang::Ja, 80, 24);
    new_staff_on_unit(&mut app);
    type_text(&mut app, "ka");
    insta::assert_snapshot!("ja_picker_unit_search_80x24", screen(&app, 80, 24));
}
