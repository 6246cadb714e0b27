//! Text in forms as a clerk writes it: text areas that take new lines, one-line fields
//! that scroll sideways, pastes, the editing keys, and every problem at once, in view.

use crate::support::driver;

use driver::*;
use jinji::app::action::{Action, Mode};
use jinji::app::{App, Modal};
use jinji::domain::career::SelfReport;
use jinji::i18n::Lang;

/// The self-report of the first person in the list, open for editing.
fn self_report_form(app: &mut App) -> i64 {
    press(app, "2");
    assert_eq!(app.view_name(), "self_reports");
    let id = list(app).current().expect("a report").id;
    press(app, "e");
    id
}

fn focused(app: &App) -> &jinji::app::form::Field {
    let f = form(app);
    &f.fields[f.focus]
}

#[test]
fn enter_in_a_text_area_makes_a_new_line_that_is_shown_and_stored() {
    let mut app = app();
    let id = self_report_form(&mut app);
    focus_field(&mut app, "career_goal");
    press(&mut app, "C-u");
    type_text(&mut app, "一行目");
    press(&mut app, "Enter");
    type_text(&mut app, "二行目");
    assert_eq!(
        form(&app).fields[form(&app).focus].spec.name,
        "career_goal",
        "Enter stays in the area"
    );
    let screen = render(&app, 100, 30);
    let row = |s: &str| {
        screen
            .lines()
            .position(|l| l.contains(s))
            .unwrap_or_else(|| panic!("{s} not on screen:\n{screen}"))
    };
    assert_eq!(
        row("二行目"),
        row("一行目") + 1,
        "each line on a row of its own"
    );
    assert!(!screen.contains('⏎'), "no stand-in for the line break");
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "saved: {:?}", app.mode());
    let saved: SelfReport = app.session.db.get(id).expect("read");
    assert_eq!(saved.career_goal, "一行目\n二行目");
}

#[test]
fn enter_elsewhere_goes_to_the_next_field() {
    let mut app = app();
    self_report_form(&mut app);
    focus_field(&mut app, "fiscal_year");
    press(&mut app, "Enter");
    assert_eq!(focused(&app).spec.name, "career_goal");
    assert!(!form(&app).dirty, "moving about changes nothing");
}

#[test]
fn up_and_down_move_by_rows_inside_a_text_area() {
    let mut app = app();
    self_report_form(&mut app);
    focus_field(&mut app, "career_goal");
    press(&mut app, "C-u");
    type_text(&mut app, "上");
    press(&mut app, "Enter");
    type_text(&mut app, "下");
    press(&mut app, "Up");
    assert_eq!(
        focused(&app).spec.name,
        "career_goal",
        "up a row, same field"
    );
    assert_eq!(focused(&app).cursor, 1);
    press(&mut app, "Up");
    assert_eq!(
        focused(&app).spec.name,
        "fiscal_year",
        "from the top row, the field above"
    );
    press(&mut app, "Down");
    press(&mut app, "Down");
    press(&mut app, "Down");
    assert_eq!(
        focused(&app).spec.name,
        "wished_fields",
        "from the last row, the next field"
    );
}

#[test]
fn a_paste_of_several_lines_keeps_them_in_a_text_area() {
    let mut app = app();
    let id = self_report_form(&mut app);
    focus_field(&mut app, "self_dev_plan");
    press(&mut app, "C-u");
    app.update(Action::Paste("一つ目\r\n二つ目\r\n三つ目\r\n".into()));
    assert_eq!(focused(&app).text, "一つ目\n二つ目\n三つ目");
    press(&mut app, "C-s");
    assert!(
        app.modals.is_empty(),
        "saves without a word on control characters"
    );
    let saved: SelfReport = app.session.db.get(id).expect("read");
    assert_eq!(saved.self_dev_plan, "一つ目\n二つ目\n三つ目");
}

#[test]
fn a_paste_of_several_lines_into_one_line_is_joined_and_said() {
    let mut app = app();
    press(&mut app, "e");
    focus_field(&mut app, "given_name");
    press(&mut app, "C-u");
    app.update(Action::Paste("花子\r\n\r\n次郎\n".into()));
    assert_eq!(focused(&app).text, "花子 次郎");
    let said = app.session.lang.t("ui.paste_joined");
    assert!(
        render(&app, 100, 30).contains(said),
        "the form says what it did"
    );
    press(&mut app, "Right");
    assert!(
        !render(&app, 100, 30).contains(said),
        "the word goes at the next key"
    );
}

#[test]
fn a_long_value_scrolls_sideways_with_the_cursor() {
    let mut app = app();
    press(&mut app, "e");
    focus_field(&mut app, "email");
    press(&mut app, "C-u");
    let long = format!("{}ABCDEFG", "x".repeat(300));
    type_text(&mut app, &long);
    let screen = render(&app, 100, 30);
    assert!(
        screen.contains("ABCDEFG"),
        "the end typed is in view:\n{screen}"
    );
    assert!(
        screen.contains("…x"),
        "text out of sight to the left is marked"
    );
    press(&mut app, "Home");
    let screen = render(&app, 100, 30);
    assert!(
        !screen.contains("ABCDEFG"),
        "from the start, the end is out of sight"
    );
    assert!(
        screen.contains("xxx…"),
        "text out of sight to the right is marked"
    );
}

#[test]
fn home_end_words_and_clear_move_as_in_every_editor() {
    let mut app = app();
    press(&mut app, "e");
    focus_field(&mut app, "family_name");
    assert!(!focused(&app).text.is_empty());
    press(&mut app, "C-u");
    assert_eq!(focused(&app).text, "", "Ctrl-U empties the field");
    assert!(form(&app).dirty);
    type_text(&mut app, "yamada hanako");
    press(&mut app, "C-Left");
    assert_eq!(focused(&app).cursor, 7);
    press(&mut app, "C-Left");
    assert_eq!(focused(&app).cursor, 0);
    press(&mut app, "C-Right");
    assert_eq!(focused(&app).cursor, 7);
    press(&mut app, "End");
    assert_eq!(focused(&app).cursor, 13);
    press(&mut app, "Home");
    assert_eq!(focused(&app).cursor, 0);
}

#[test]
fn a_save_names_every_problem_at_once_and_goes_to_the_first() {
    let mut app = app();
    press(&mut app, "n");
    press(&mut app, "C-s");
    assert_eq!(app.mode(), Mode::Form);
    let f = form(&app);
    let wrong: Vec<&str> = f
        .fields
        .iter()
        .filter(|x| x.error.is_some())
        .map(|x| x.spec.name)
        .collect();
    for name in [
        "staff_no",
        "family_name",
        "given_name",
        "family_kana",
        "given_kana",
        "unit_id",
    ] {
        assert!(wrong.contains(&name), "{name} is named at once: {wrong:?}");
    }
    assert_eq!(
        f.fields[f.focus].spec.name, "staff_no",
        "the cursor goes to the first"
    );
}

#[test]
fn every_problem_is_brought_into_view_on_a_small_screen() {
    let mut app = app();
    app.update(Action::Resize(80, 24));
    press(&mut app, "n");
    press(&mut app, "C-s");
    let l = app.session.lang;
    let edit = l.t("ui.new");
    let in_view = |app: &App| {
        let f = form(app);
        let field = &f.fields[f.focus];
        let label = l.field(field.spec.key).to_string();
        let error: String = field
            .error
            .clone()
            .expect("a problem")
            .chars()
            .take(6)
            .collect();
        let screen = render(app, 80, 24);
        assert!(
            screen.contains(&label) && screen.contains(&error),
            "{label} and its problem are in view:\n{screen}"
        );
        screen
    };
    // The first problem is the first field: the form shows its top, and says there is
    // more below.
    let screen = in_view(&app);
    assert!(!screen.lines().any(|x| x.contains(edit) && x.contains('▲')));
    assert!(screen.lines().any(|x| x.contains('└') && x.contains('▼')));
    // The last field, far down below the problems: the form scrolls to it, and says
    // there is more above.
    press(&mut app, "S-Tab");
    assert_eq!(form(&app).fields[form(&app).focus].spec.name, "renewals");
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains(l.field("renewals")),
        "the field in focus shows:\n{screen}"
    );
    assert!(
        screen.lines().any(|x| x.contains(edit) && x.contains('▲')),
        "the form's frame says there is more above:\n{screen}"
    );
    // Back to the top problem: in view again.
    press(&mut app, "Tab");
    in_view(&app);
}

#[test]
fn the_help_page_lists_the_form_keys() {
    let mut app = app();
    press(&mut app, "?");
    let l = app.session.lang;
    let screen = render(&app, 160, 50);
    for key in ["help.clear_field", "help.form_enter", "help.word_left"] {
        let text: String = l.t(key).chars().take(8).collect();
        assert!(screen.contains(&text), "{key} on the help page:\n{screen}");
    }
    assert!(screen.contains("Ctrl-u"));
}

#[test]
fn snapshots_of_a_text_area_and_of_every_problem_at_once() {
    for (lang, code) in [(Lang::Ja, "ja"), (Lang::En, "en")] {
        let mut app = snap_app(lang, 100, 30);
        self_report_form(&mut app);
        focus_field(&mut app, "career_goal");
        press(&mut app, "End");
        press(&mut app, "Enter");
        type_text(&mut app, "2026");
        insta::assert_snapshot!(format!("{code}_text_area"), screen_text(&app, 100, 30));
        press(&mut app, "Esc");
        press(&mut app, "y");
        assert!(app.modals.is_empty());

        press(&mut app, "1");
        press(&mut app, "n");
        press(&mut app, "C-s");
        assert!(matches!(app.modals.last(), Some(Modal::Form(_))));
        insta::assert_snapshot!(format!("{code}_every_problem"), screen_text(&app, 100, 30));
        insta::assert_snapshot!(
            format!("{code}_every_problem_80x24"),
            screen_text(&app, 80, 24)
        );
    }
}
