//! Forms by keys: create, inline validation, edit, conflict, delete, cancel — checked in
//! the database and its audit log, not only on screen.

use crate::support::driver;

use driver::*;
use jinji::app::action::Mode;
use jinji::app::{App, Modal};
use jinji::domain::career::Qualification;
use jinji::domain::staff::Staff;

/// Focuses the third person of the staff list and opens Career → qualifications.
fn qualifications_of_someone(app: &mut App) -> Staff {
    press(app, "j");
    press(app, "j");
    press(app, "Enter");
    let who = app.nav.focus.clone().expect("focus");
    press(app, "2");
    go_view(app, "qualifications");
    who
}

#[test]
fn new_qualification_is_saved_audited_and_selected() {
    let mut app = app();
    let who = qualifications_of_someone(&mut app);
    let before = app
        .session
        .db
        .qualifications_of(who.id)
        .expect("read")
        .len();

    press(&mut app, "n");
    assert_eq!(app.mode(), Mode::Form);
    let f = form(&app);
    assert_eq!(f.id, None);
    assert_eq!(
        field(f, "staff_id").text,
        who.staff_no,
        "the focus fills in the person"
    );
    assert_eq!(f.fields[f.focus].spec.name, "staff_id");

    focus_field(&mut app, "name");
    type_text(&mut app, "危険物取扱者乙種");
    assert!(form(&app).dirty);
    press(&mut app, "Tab");
    type_text(&mut app, "消防試験研究センター");
    press(&mut app, "C-s");

    assert!(app.modals.is_empty(), "the form closes after a save");
    let quals = app.session.db.qualifications_of(who.id).expect("read");
    assert_eq!(quals.len(), before + 1);
    let q = quals
        .iter()
        .find(|q| q.name == "危険物取扱者乙種")
        .expect("saved");
    assert_eq!(q.issuer, "消防試験研究センター");
    assert_eq!(q.acquired_on, today());
    assert_eq!(q.version, 1);

    let audit = app
        .session
        .db
        .audit_entries(Some("qualifications"), Some(q.id), 5)
        .expect("audit");
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].action, "insert");
    assert_eq!(audit[0].actor, "admin");
    assert!(
        audit[0]
            .after
            .as_deref()
            .unwrap_or("")
            .contains("危険物取扱者乙種")
    );

    let l = list(&app);
    assert_eq!(l.total, before + 1);
    assert_eq!(
        l.current().map(|r| r.id),
        Some(q.id),
        "selection on the new row"
    );
    assert_eq!(cell(l, l.current().expect("row"), "qualification"), q.name);
    assert!(
        app.shown
            .detail
            .iter()
            .any(|(_, v)| v == "危険物取扱者乙種")
    );
}

#[test]
fn a_new_row_far_down_a_long_list_is_selected() {
    let mut app = app();
    press(&mut app, "2");
    go_view(&mut app, "qualifications");
    let total = list(&app).total;
    assert!(total > 2 * list(&app).height);
    // Someone whose rows sort towards the end, typed by staff number (no focus).
    press(&mut app, "G");
    let last_no = cell(list(&app), list(&app).current().expect("row"), "staff_no");

    press(&mut app, "n");
    assert_eq!(field(form(&app), "staff_id").text, "");
    type_text(&mut app, &last_no);
    assert_eq!(
        app.mode(),
        Mode::Picker,
        "typing a staff number opens the picker"
    );
    press(&mut app, "Enter");
    set_field(&mut app, "name", "手話通訳士");
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "{:?}", message(&app));

    let l = list(&app);
    assert_eq!(l.total, total + 1);
    let cur = l.current().expect("a current row");
    assert_eq!(cell(l, cur, "qualification"), "手話通訳士");
    assert_eq!(cell(l, cur, "staff_no"), last_no);
    assert!(l.selected > l.height, "the window moved to the new row");
    assert_list_sane(&app);
}

#[test]
fn validation_errors_show_under_their_fields() {
    let mut app = app();
    let who = qualifications_of_someone(&mut app);
    let before = app
        .session
        .db
        .qualifications_of(who.id)
        .expect("read")
        .len();

    // Empty name.
    press(&mut app, "n");
    press(&mut app, "C-s");
    assert_eq!(app.mode(), Mode::Form, "the form stays open");
    let f = form(&app);
    assert!(field(f, "name").error.is_some(), "name has an error");
    assert!(field(f, "acquired_on").error.is_none());
    assert_eq!(
        f.fields[f.focus].spec.name, "name",
        "focus on the first error"
    );

    // Expiry before acquisition.
    type_text(&mut app, "介護福祉士");
    set_field(&mut app, "acquired_on", "2024-04-01");
    set_field(&mut app, "expires_on", "2023-03-31");
    press(&mut app, "C-s");
    assert_eq!(app.mode(), Mode::Form);
    let f = form(&app);
    assert!(field(f, "name").error.is_none(), "the name error is gone");
    assert!(
        field(f, "expires_on").error.is_some(),
        "expires_on has an error"
    );
    assert_eq!(f.fields[f.focus].spec.name, "expires_on");

    // A date that cannot be read is caught before the store.
    set_field(&mut app, "expires_on", "2031-02-30");
    press(&mut app, "C-s");
    assert!(field(form(&app), "expires_on").error.is_some());
    assert_eq!(
        app.session
            .db
            .qualifications_of(who.id)
            .expect("read")
            .len(),
        before
    );

    // Fixed: it saves.
    set_field(&mut app, "expires_on", "2031-03-31");
    press(&mut app, "C-s");
    assert!(app.modals.is_empty());
    assert_eq!(
        app.session
            .db
            .qualifications_of(who.id)
            .expect("read")
            .len(),
        before + 1
    );
}

#[test]
fn editing_a_staff_record_bumps_its_version() {
    let mut app = app();
    press(&mut app, "j");
    let id = list(&app).current().expect("row").id;
    let old: Staff = app.session.db.get(id).expect("staff");

    press(&mut app, "e");
    let f = form(&app);
    assert_eq!(f.id, Some(id));
    assert_eq!(field(f, "given_name").text, old.given_name);
    assert!(!f.dirty);
    set_field(&mut app, "given_name", "花子");
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "{:?}", message(&app));

    let new: Staff = app.session.db.get(id).expect("staff");
    assert_eq!(new.given_name, "花子");
    assert_eq!(new.version, old.version + 1);
    assert_eq!(new.family_name, old.family_name, "untouched fields stay");
    assert_eq!(new.phone, old.phone);
    let audit = app
        .session
        .db
        .audit_entries(Some("staff"), Some(id), 1)
        .expect("audit");
    assert_eq!(audit[0].action, "update");
    assert_eq!(list(&app).current().map(|r| r.id), Some(id));
    let l = list(&app);
    assert!(cell(l, l.current().expect("row"), "full_name").ends_with("花子"));
}

#[test]
fn delete_asks_first() {
    let mut app = app();
    press(&mut app, "2");
    go_view(&mut app, "qualifications");
    press(&mut app, "j");
    let total = list(&app).total;
    let id = list(&app).current().expect("row").id;

    press(&mut app, "d");
    assert_eq!(app.mode(), Mode::Confirm);
    assert!(confirm_question(&app).is_some_and(|q| q.contains("削除")));
    press(&mut app, "n");
    assert!(app.modals.is_empty());
    assert!(
        app.session
            .db
            .find::<Qualification>(id)
            .expect("read")
            .is_some()
    );
    press(&mut app, "d");
    press(&mut app, "Esc");
    assert!(app.modals.is_empty(), "Esc answers no");
    assert!(
        app.session
            .db
            .find::<Qualification>(id)
            .expect("read")
            .is_some()
    );
    assert_eq!(list(&app).total, total);

    press(&mut app, "d");
    press(&mut app, "y");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    assert!(
        app.session
            .db
            .find::<Qualification>(id)
            .expect("read")
            .is_none()
    );
    let audit = app
        .session
        .db
        .audit_entries(Some("qualifications"), Some(id), 5)
        .expect("audit");
    assert_eq!(audit.first().map(|a| a.action.as_str()), Some("delete"));
    assert_eq!(list(&app).total, total - 1);
    assert!(list(&app).rows.iter().all(|r| r.id != id));
    assert_list_sane(&app);
}

#[test]
fn esc_asks_before_dropping_typed_changes() {
    let mut app = app();
    press(&mut app, "2");
    go_view(&mut app, "qualifications");
    let total = list(&app).total;

    // A clean form closes at once, even after moving between fields.
    press(&mut app, "n");
    press(&mut app, "Tab");
    press(&mut app, "S-Tab");
    press(&mut app, "Esc");
    assert!(app.modals.is_empty());
    press(&mut app, "e");
    press(&mut app, "Esc");
    assert!(app.modals.is_empty());

    // A dirty one asks; no keeps it, yes drops it.
    press(&mut app, "n");
    focus_field(&mut app, "name");
    type_text(&mut app, "簿記2級");
    press(&mut app, "Esc");
    assert_eq!(app.mode(), Mode::Confirm);
    assert!(matches!(app.modals[0], Modal::Form(_)));
    press(&mut app, "n");
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(field(form(&app), "name").text, "簿記2級");
    press(&mut app, "Esc");
    press(&mut app, "y");
    assert!(app.modals.is_empty());
    assert_eq!(list(&app).total, total, "nothing was saved");
}

/// Every view's record loads into its form and saves back as it was (a new version).
#[test]
fn every_record_saves_back_unchanged() {
    let mut app = app();
    // The calendar's days of the law are fixed; a ward's own day comes first in its year.
    let admin = app.session.account.clone();
    let mut day = jinji::domain::calendar::WardDay {
        id: 0,
        closed_on: jinji::domain::Date::from_ymd(2026, 4, 1),
        name: "区制施行記念日".into(),
        version: 0,
    };
    app.session
        .db
        .save_ward_day(&mut day, &admin)
        .expect("a ward day");
    for t in 1..=8 {
        press(&mut app, &t.to_string());
        for _ in 0..app.nav.tab.views().len() {
            let view = app.view_name();
            if app.view().editor().is_none() {
                // The audit log is read-only.
                press(&mut app, "]");
                continue;
            }
            // A list with nothing yet this year (surveys run in January) shows last year's.
            let earlier = list(&app).total == 0;
            if earlier {
                press(&mut app, "<");
            }
            let id = list(&app).current().expect("a row").id;
            press(&mut app, "e");
            assert_eq!(app.mode(), Mode::Form, "{view}");
            press(&mut app, "C-s");
            assert!(app.modals.is_empty(), "{view} #{id}: {:?}", top_form(&app));
            let audit = app.session.db.audit_entries(None, None, 1).expect("audit");
            assert_eq!(audit[0].action, "update", "{view}");
            assert_eq!(audit[0].row_id, Some(id), "{view}");
            assert_eq!(list(&app).current().map(|r| r.id), Some(id), "{view}");
            if earlier {
                press(&mut app, ">");
            }
            press(&mut app, "]");
        }
    }
}

/// Codes and yes/no are chosen with Space or ←/→; editing keys must not turn them into
/// text that is no choice at all.
#[test]
fn chosen_fields_ignore_editing_keys() {
    let mut app = app();
    press(&mut app, "2");
    assert_eq!(app.view_name(), "self_reports");
    let id = list(&app).current().expect("row").id;
    press(&mut app, "e");
    focus_field(&mut app, "promotion_exam");
    let was = field(form(&app), "promotion_exam").text.clone();
    press(&mut app, " ");
    let chosen = field(form(&app), "promotion_exam").text.clone();
    assert_ne!(chosen, was, "Space chooses the other value");
    press(&mut app, "BS");
    press(&mut app, "Del");
    assert_eq!(field(form(&app), "promotion_exam").text, chosen);
    press(&mut app, "C-s");
    let saved: jinji::domain::career::SelfReport = app.session.db.get(id).expect("read");
    assert_eq!(saved.promotion_exam.to_string(), chosen, "saved as chosen");

    // A code field: Backspace leaves a valid code.
    press(&mut app, "1");
    press(&mut app, "e");
    focus_field(&mut app, "sex");
    let sex = field(form(&app), "sex").text.clone();
    press(&mut app, "BS");
    assert_eq!(field(form(&app), "sex").text, sex);
    assert!(!form(&app).dirty, "nothing changed");
    press(&mut app, "C-s");
    assert!(
        app.modals.is_empty(),
        "{:?}",
        top_form(&app).map(|f| &f.error)
    );
}

#[test]
fn a_number_out_of_range_shows_under_its_field() {
    let mut app = app();
    press(&mut app, "Enter");
    press(&mut app, "2");
    assert_eq!(app.view_name(), "self_reports");
    press(&mut app, "n");
    set_field(&mut app, "fiscal_year", "3000000000");
    press(&mut app, "C-s");
    let f = form(&app);
    assert!(
        field(f, "fiscal_year").error.is_some(),
        "no error under fiscal_year; form says {:?}",
        f.error
    );
}

/// Whether the screen shows a fiscal year as a bare Western number: `2026年度`, or a
/// `年度` label followed by `2026`.
fn bare_fiscal_year(screen: &str) -> Option<String> {
    for line in screen.lines() {
        let chars: Vec<char> = line.chars().collect();
        for i in 0..chars.len().saturating_sub(1) {
            if chars[i] != '年' || chars[i + 1] != '度' {
                continue;
            }
            let digits_before = chars[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let after: String = chars[i + 2..]
                .iter()
                .skip_while(|c| **c == ' ')
                .take(4)
                .collect();
            let digits_after = after.chars().filter(char::is_ascii_digit).count();
            if digits_before >= 4 || digits_after == 4 {
                return Some(line.to_string());
            }
        }
    }
    None
}

/// In Japanese every record with a fiscal year names it as a ward does (令和8年度, not
/// 2026) in its detail pane and anywhere on its screen; its form still takes 2026, and
/// also 令和8年度 or R8, naming the year beside what was typed.
#[test]
fn fiscal_years_read_as_the_ward_names_them() {
    let mut app = app();
    assert_eq!(app.session.lang, jinji::i18n::Lang::Ja);
    for (tab, view) in [
        ("2", "self_reports"),
        ("3", "themes"),
        ("5", "sessions"),
        ("5", "ojt"),
        ("6", "awards"),
        ("7", "compliance"),
        ("8", "pdca"),
    ] {
        press(&mut app, tab);
        go_view(&mut app, view);
        assert!(list(&app).current().is_some(), "{view} has a row");
        let shown = app
            .shown
            .detail
            .iter()
            .find(|(k, _)| *k == "fiscal_year")
            .map(|(_, v)| v.as_str());
        assert_eq!(shown, Some("令和8年度"), "{view}: the detail pane");
        for (w, h) in [(120, 40), (80, 24)] {
            let screen = render(&app, w, h);
            assert_eq!(bare_fiscal_year(&screen), None, "{view} at {w}×{h}");
        }
    }

    // A theme's form: the year as typed, with its name beside it.
    press(&mut app, "3");
    go_view(&mut app, "themes");
    let id = list(&app).current().expect("a theme").id;
    press(&mut app, "e");
    assert_eq!(field(form(&app), "fiscal_year").text, "2026");
    assert!(render(&app, 120, 40).contains("2026（令和8年度）"));
    set_field(&mut app, "fiscal_year", "令和");
    press(&mut app, "C-s");
    let error = field(form(&app), "fiscal_year").error.clone();
    assert!(
        error.as_deref().is_some_and(|e| e.contains("令和8年度")),
        "{error:?}"
    );
    set_field(&mut app, "fiscal_year", "R8");
    assert!(render(&app, 120, 40).contains("R8（令和8年度）"));
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    let t: jinji::domain::theme::Theme = app.session.db.get(id).expect("theme");
    assert_eq!(t.fiscal_year, 2026);
    assert_eq!(t.version, 2, "saved once");
}

/// One writer: `handle` turns the save key into the write it asks for and writes
/// nothing; `execute` alone writes, and then the form closes.
#[test]
fn a_save_is_a_command_and_only_execute_writes_it() {
    use jinji::app::Command;
    use jinji::app::action::Action;
    use jinji::app::view::View;
    let mut app = app();
    press(&mut app, "e");
    let id = form(&app).id.expect("an existing person");
    set_field(&mut app, "phone", "03-1234-5678");
    let version = |app: &App| app.session.db.get::<Staff>(id).unwrap().version;
    let before = version(&app);
    let command = app.handle(Action::Save).expect("a save asks for a write");
    assert!(
        matches!(&command, Command::Save { view: View::Staff, record } if record["phone"] == "03-1234-5678"),
        "{command:?}"
    );
    assert_eq!(version(&app), before, "handle wrote nothing");
    assert_eq!(app.mode(), Mode::Form, "the form waits for the write");
    app.execute(command);
    assert_eq!(version(&app), before + 1, "execute wrote it");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    assert_eq!(
        app.session.db.get::<Staff>(id).unwrap().phone,
        "03-1234-5678"
    );
}
