//! No key sequence panics: random keys (every bound key, random characters, arrows, Esc,
//! Enter, pastes, resizes) into one app; after each, the list stays in range and every
//! screen size draws.

use crate::support::driver;

use driver::*;
use jinji::app::action::{Action, Mode};
use jinji::app::keymap::Keymap;
use jinji::app::{App, Modal};
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone)]
enum Ev {
    Key(KeyEvent),
    Keys(Vec<KeyEvent>),
    Paste(String),
    Resize(u16, u16),
}

const MODES: [Mode; 6] = [
    Mode::Normal,
    Mode::Search,
    Mode::Form,
    Mode::Confirm,
    Mode::Help,
    Mode::Message,
];

/// Every key the default keymap binds, in any mode (`q` left out: it ends a case).
fn bound_keys() -> Vec<KeyEvent> {
    let km = Keymap::default();
    let mut keys: Vec<KeyEvent> = Vec::new();
    for m in MODES {
        for b in km.bindings(m) {
            let ev = KeyEvent::new(b.key, b.mods);
            if b.key != KeyCode::Char('q') && !keys.contains(&ev) {
                keys.push(ev);
            }
        }
    }
    keys
}

fn plain(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ev() -> impl Strategy<Value = Ev> {
    let bound = prop::sample::select(bound_keys()).prop_map(Ev::Key);
    let special = prop::sample::select(vec![
        plain(KeyCode::Esc),
        plain(KeyCode::Enter),
        plain(KeyCode::Up),
        plain(KeyCode::Down),
        plain(KeyCode::Left),
        plain(KeyCode::Right),
        plain(KeyCode::Backspace),
        plain(KeyCode::Delete),
        plain(KeyCode::Tab),
        plain(KeyCode::F(5)),
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
        KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT),
    ])
    .prop_map(Ev::Key);
    let typed = prop_oneof![
        prop::char::range('a', 'z').prop_filter("q quits", |c| *c != 'q'),
        prop::char::range('0', '9'),
        prop::sample::select(vec![
            'や', 'ま', 'だ', 'ヤ', 'ﾔ', 'ﾞ', '山', '田', '-', ' ', '/', '２', '０', '.'
        ]),
        any::<char>(),
    ]
    .prop_map(|c| Ev::Key(plain(KeyCode::Char(c))));
    let paste = prop_oneof![
        Just("2026-04-01".to_string()),
        Just("山田\n太郎\r\n".to_string()),
        "[0-9]{1,6}",
        any::<String>(),
    ]
    .prop_map(Ev::Paste);
    let resize = (0u16..200, 0u16..60).prop_map(|(w, h)| Ev::Resize(w, h));
    // Short scripts that reach the writing paths more often than chance would.
    let script = prop::sample::select(vec![
        "e C-s",
        "d y",
        "d Enter",
        "n C-s",
        "n Tab x C-s",
        "e Tab Tab BS 1 C-s",
        "e Tab BS Esc y",
        "/ や ま Down Enter",
        "/ 1 Enter",
        "Enter",
    ])
    .prop_map(|s| Ev::Keys(s.split(' ').map(key).collect()));
    prop_oneof![
        80 => bound,
        30 => special,
        50 => typed,
        24 => script,
        6 => paste,
        6 => resize,
        1 => Just(Ev::Key(plain(KeyCode::Char('q')))),
    ]
}

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (20, 5)];

#[track_caller]
fn check(app: &App) {
    assert_list_sane(app);
    match app.modals.last() {
        Some(Modal::Form(f)) => assert!(f.focus < f.fields.len()),
        Some(Modal::Search(sb)) => assert!(sb.selected < sb.results.len().max(1)),
        _ => {}
    }
    assert!(app.nav.tab.views().contains(&app.view()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_key_sequence_panics(events in prop::collection::vec(ev(), 1..200)) {
        let mut app = app_with(&small_params());
        for (i, e) in events.into_iter().enumerate() {
            match e {
                Ev::Key(k) => {
                    send(&mut app, k);
                }
                Ev::Keys(ks) => {
                    for k in ks {
                        send(&mut app, k);
                        check(&app);
                    }
                }
                Ev::Paste(s) => app.update(Action::Paste(s)),
                Ev::Resize(w, h) => app.update(Action::Resize(w, h)),
            }
            if app.quit {
                break;
            }
            check(&app);
            let (w, h) = SIZES[i % SIZES.len()];
            render(&app, w, h);
        }
        for (w, h) in SIZES {
            render(&app, w, h);
        }
    }
}
