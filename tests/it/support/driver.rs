//! Shared setup for the app-level tests: a demo ward behind an `App`, keys typed through
//! the live keymap, and small readers for forms, lists and the screen.

use std::path::Path;

use jinji::app::action::Action;
use jinji::app::form::{Field, Form};
use jinji::app::list::ListState;
use jinji::app::moves::{Move, MoveMenu};
use jinji::app::{App, Modal};
use jinji::demo::{Params, generate};
use jinji::domain::Id;
use jinji::i18n::Lang;
use jinji::store::views::ViewRow;
use jinji::store::{Db, OpenMode};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;

pub use super::today;

/// The default demo ward (about 300 staff, 5 years).
pub fn demo_params() -> Params {
    Params::demo(today())
}

/// A smaller ward for tests that build many apps.
pub fn small_params() -> Params {
    Params {
        staff: 40,
        years: 2,
        ..Params::demo(today())
    }
}

/// An app as the admin over a fresh in-memory demo, sized 120×40.
pub fn app_with(params: &Params) -> App {
    let mut db = Db::open_in_memory().expect("open in memory");
    generate(&db, params).expect("demo");
    db.set_actor("admin");
    start(db)
}

pub fn app() -> App {
    app_with(&demo_params())
}

/// Generates a demo into a file (for tests that need a second connection).
pub fn demo_file(path: &Path, params: &Params) {
    let db = Db::open(path, OpenMode::Create).expect("create");
    generate(&db, params).expect("demo");
}

/// An app as the admin over the database file at `path`.
pub fn app_on_file(path: &Path) -> App {
    let mut db = Db::open(path, OpenMode::Existing).expect("open");
    db.set_actor("admin");
    start(db)
}

fn start(db: Db) -> App {
    open_as(db, "admin")
}

/// The app opened on `db` as the account `login`, sized 120×40.
pub fn open_as(db: Db, login: &str) -> App {
    let account = db
        .account_by_login(login)
        .expect("account")
        .unwrap_or_else(|| panic!("no account {login}"));
    let mut app = App::new(db, Lang::Ja, account, today()).expect("app");
    app.update(Action::Resize(120, 40));
    app
}

/// The demo ward ([`super::demo_ward`]) opened as the account `pick` names.
pub fn app_as(pick: impl Fn(&Db) -> String) -> App {
    let db = super::demo_ward();
    let login = pick(&db);
    open_as(db, &login)
}

/// A key as people write it: `n`, `G`, `Tab`, `S-Tab`, `C-s`, `Esc`, `Enter`, `PgDn`, …
pub fn key(spec: &str) -> KeyEvent {
    let none = KeyModifiers::NONE;
    let (code, mods) = match spec {
        "Tab" => (KeyCode::Tab, none),
        "S-Tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "Esc" => (KeyCode::Esc, none),
        "Enter" => (KeyCode::Enter, none),
        "BS" => (KeyCode::Backspace, none),
        "Del" => (KeyCode::Delete, none),
        "Up" => (KeyCode::Up, none),
        "Down" => (KeyCode::Down, none),
        "Left" => (KeyCode::Left, none),
        "Right" => (KeyCode::Right, none),
        "Home" => (KeyCode::Home, none),
        "End" => (KeyCode::End, none),
        "PgUp" => (KeyCode::PageUp, none),
        "PgDn" => (KeyCode::PageDown, none),
        "C-Left" => (KeyCode::Left, KeyModifiers::CONTROL),
        "C-Right" => (KeyCode::Right, KeyModifiers::CONTROL),
        s if s.starts_with("C-") => {
            let c = s[2..].chars().next().expect("a char after C-");
            (KeyCode::Char(c), KeyModifiers::CONTROL)
        }
        s => {
            let mut cs = s.chars();
            let c = cs.next().expect("a key");
            assert!(cs.next().is_none(), "unknown key name {s:?}");
            let m = if c.is_ascii_uppercase() {
                KeyModifiers::SHIFT
            } else {
                none
            };
            (KeyCode::Char(c), m)
        }
    };
    KeyEvent::new(code, mods)
}

/// Sends one key event through the keymap of the current mode; returns what it meant.
pub fn send(app: &mut App, ev: KeyEvent) -> Option<Action> {
    let action = app.keymap.action(app.mode(), ev);
    if let Some(a) = &action {
        app.update(a.clone());
    }
    action
}

/// Presses a key by name (see `key`); panics if it means nothing in the current mode.
#[track_caller]
pub fn press(app: &mut App, spec: &str) -> Action {
    let mode = app.mode();
    send(app, key(spec)).unwrap_or_else(|| panic!("{spec:?} is unbound in {mode:?}"))
}

/// Types text one character at a time, as key events.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        send(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

pub fn list(app: &App) -> &ListState {
    app.list().expect("the view has a list")
}

/// The text of a column (by catalogue key) in a row of a list.
pub fn cell(l: &ListState, row: &ViewRow, col: &str) -> String {
    let i = l
        .view
        .columns
        .iter()
        .position(|c| c.key == col)
        .unwrap_or_else(|| panic!("{} has no column {col}", l.view.name));
    row.cells[i].as_text()
}

/// Switches to a view of the current tab with `]`.
#[track_caller]
pub fn go_view(app: &mut App, name: &str) {
    for _ in 0..app.nav.tab.views().len() {
        if app.view_name() == name {
            return;
        }
        press(app, "]");
    }
    assert_eq!(app.view_name(), name, "view not in tab {:?}", app.nav.tab);
}

/// The form on top: a record's, or a move's.
pub fn top_form(app: &App) -> Option<&Form> {
    app.modals.last().and_then(Modal::form)
}

/// The move the form on top makes, if it is a move's.
pub fn making(app: &App) -> Option<jinji::app::moves::Move> {
    match app.modals.last() {
        Some(Modal::Move(mf)) => Some(mf.m),
        _ => None,
    }
}

#[track_caller]
pub fn form(app: &App) -> &Form {
    top_form(app).unwrap_or_else(|| panic!("no form on top (mode {:?})", app.mode()))
}

#[track_caller]
pub fn field<'a>(f: &'a Form, name: &str) -> &'a Field {
    f.fields
        .iter()
        .find(|x| x.spec.name == name)
        .unwrap_or_else(|| panic!("the form has no field {name}"))
}

/// Moves the form's focus with Tab until it is on `name`.
#[track_caller]
pub fn focus_field(app: &mut App, name: &str) {
    let n = form(app).fields.len();
    for _ in 0..n {
        let f = form(app);
        if f.fields[f.focus].spec.name == name {
            return;
        }
        press(app, "Tab");
    }
    panic!("field {name} never got the focus");
}

/// Replaces a typed field's text by keys: focus it, End, Backspace it empty, type (and
/// pick, in a reference field).
pub fn set_field(app: &mut App, name: &str, text: &str) {
    focus_field(app, name);
    press(app, "End");
    while !form(app).fields[form(app).focus].text.is_empty() {
        press(app, "BS");
    }
    type_text(app, text);
    // Typing into a reference field opened its picker: Enter takes the first thing
    // offered, or what was typed when nothing is.
    if app.mode() == jinji::app::action::Mode::Picker {
        press(app, "Enter");
    }
}

/// Moves the list's selection with ↓ from the top to the row of `id`.
#[track_caller]
pub fn select(app: &mut App, id: Id) {
    press(app, "g");
    for _ in 0..list(app).total {
        if list(app).current().map(|r| r.id) == Some(id) {
            return;
        }
        press(app, "Down");
    }
    panic!("row {id} is not in {}", app.view_name());
}

/// The move menu on top; fails with the mode and any message otherwise.
#[track_caller]
pub fn move_menu(app: &App) -> &MoveMenu {
    match app.modals.last() {
        Some(Modal::Moves(m)) => m,
        _ => panic!("no move menu (mode {:?}, {:?})", app.mode(), message(app)),
    }
}

/// The moves the menu on top offers.
#[track_caller]
pub fn moves(app: &App) -> Vec<Move> {
    move_menu(app).moves.iter().map(|(m, _)| *m).collect()
}

/// The question of the Confirm modal on top, if one is.
pub fn confirm_question(app: &App) -> Option<&str> {
    match app.modals.last() {
        Some(Modal::Confirm { question, .. }) => Some(question),
        _ => None,
    }
}

/// The text of the Message modal on top, if one is.
pub fn message(app: &App) -> Option<&str> {
    match app.modals.last() {
        Some(Modal::Message { text }) => Some(text),
        _ => None,
    }
}

/// The demo ward in memory (so the header shows `:memory:`, not a temp path), as admin,
/// in `lang`, on a `w`×`h` terminal: for snapshots.
pub fn snap_app(lang: Lang, w: u16, h: u16) -> App {
    let db = Db::open_in_memory().expect("open in memory");
    generate(&db, &demo_params()).expect("demo");
    let admin = db.account_by_login("admin").expect("read").expect("admin");
    let mut a = App::new(db, lang, admin, today()).expect("app");
    a.update(Action::Resize(w, h));
    a
}

/// The screen as snapshots keep it (`buffer_text`: Japanese without filler cells).
pub fn screen_text(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| jinji::ui::render(app, f)).expect("draw");
    buffer_text(t.backend().buffer())
}

/// Draws the app into a test terminal; the screen as text.
pub fn render(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| jinji::ui::render(app, f)).expect("draw");
    format!("{}", t.backend())
}

/// Asserts the invariants of the current list: selection within the total, the window
/// within the height and starting at the offset.
#[track_caller]
pub fn assert_list_sane(app: &App) {
    if let Some(l) = app.list() {
        if l.total == 0 {
            assert_eq!(l.selected, 0, "{}: selection in an empty list", l.view.name);
        } else {
            assert!(
                l.selected < l.total,
                "{}: selected {} of {}",
                l.view.name,
                l.selected,
                l.total
            );
        }
        assert!(
            l.rows.len() <= l.height.max(1),
            "{}: {} rows for height {}",
            l.view.name,
            l.rows.len(),
            l.height
        );
        assert!(l.offset + l.rows.len() <= l.total);
    }
}

/// Runs the real binary on a demo database as `login` (`--user` is honoured in a demo),
/// in a scratch home under `home`.
pub fn jinji_as(db: &Path, login: &str, home: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_jinji"))
        .args(["--db", &db.display().to_string(), "--user", login])
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run jinji")
}

/// The buffer as text: each row's symbols, skipping the filler after a wide character
/// (and any empty symbol), with trailing spaces trimmed.
pub fn buffer_text(buf: &Buffer) -> String {
    let w = buf.area.width as usize;
    let mut out = String::new();
    for row in buf.content().chunks(w) {
        let mut line = String::new();
        let mut skip = 0;
        for cell in row {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = cell.symbol();
            if sym.is_empty() {
                continue;
            }
            line.push_str(sym);
            skip = sym.width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
