//! Keys and sizes never panic.
//!
//! `ten_thousand_random_keys_never_panic`: 10,000 random steps into one app over a demo
//! ward in a file, counted off the screen's thread as the terminal program runs it. Each
//! step is a key bound in the current mode (most often), any character (kana, kanji,
//! emoji, combining marks, controls), a special or function key, a Ctrl/Alt combination,
//! a paste (multi-line, tabbed, long) or a resize anywhere in 20×5..=400×120. Each goes
//! the way `tui::run` takes it (keymap, `update`, draw, `send_held`, ticks while work is
//! under way); after it the list, forms, menus and the job hold their invariants and the
//! frame stays inside the screen with no control characters. The seed is printed and read
//! from `JINJI_KEYS_SEED` (decimal or `0x…`), so a failure replays with the same keys;
//! `JINJI_KEYS_STEPS` runs more or fewer steps.
//!
//! `every_tab_and_popup_draws_at_every_size`: every view of every tab, and the search box,
//! help, forms (empty, with errors, overfull), detail, moves, file menu and delete
//! question, draw at every size of a grid from 20×5 to 400×120, in Japanese and English.

use crate::support::driver;

use std::collections::{HashMap, VecDeque};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::{Duration, Instant};

use driver::*;
use jinji::app::action::{Action, Mode};
use jinji::app::keymap::key_name;
use jinji::app::tab::Tab;
use jinji::app::{App, Modal};
use jinji::i18n::Lang;
use jinji::store::{Db, OpenMode};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

const STEPS: usize = 10_000;
const MIN: (u16, u16) = (20, 5);
const MAX: (u16, u16) = (400, 120);

/// The demo's generator, drawn in the shapes these tests use.
struct Rng(jinji::demo::Rng);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(jinji::demo::Rng::new(seed))
    }

    fn below(&mut self, n: usize) -> usize {
        self.0.below(n.max(1) as u64) as usize
    }

    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        self.0.range(lo.into(), hi.into()) as u32
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

fn env_u64(name: &str) -> Option<u64> {
    let s = std::env::var(name).ok()?;
    let s = s.trim();
    match s.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => s.parse().ok(),
    }
}

fn seed() -> u64 {
    // A fresh seed from the OS's randomness, not the clock: a test reads no date.
    env_u64("JINJI_KEYS_SEED").unwrap_or_else(|| {
        use std::hash::BuildHasher;
        std::collections::hash_map::RandomState::new().hash_one(std::process::id())
    })
}

#[derive(Debug)]
enum Ev {
    Key(KeyEvent),
    Keys(Vec<KeyEvent>),
    Paste(String),
    Resize(u16, u16),
}

fn plain(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Characters people type and some nobody should: every script the ward meets, half- and
/// full-width forms, characters outside the BMP, emoji, combining and zero-width marks,
/// bidi controls, C0/C1 controls.
const ODD_CHARS: &[char] = &[
    ' ', '-', '/', '.', ',', '\'', '@', '~', '%', '"', '\\', 'や', 'ま', 'だ', 'た', 'ろ', 'う',
    'ゃ', 'っ', 'ヤ', 'マ', 'ダ', 'ー', 'ヴ', 'ﾔ', 'ﾏ', 'ﾞ', 'ﾟ', '山', '田', '太', '郎', '髙', '﨑',
    '𠮷', '々', '〜', '～', '　', '２', '０', '１', 'Ａ', '①', '㈱', '㍻', 'é', 'ß', 'Ω', 'Ж', 'א',
    'ع', 'ก', '한', '🙂', '👍', '🇯', '\u{301}', '\u{3099}', '\u{200b}', '\u{200d}', '\u{202e}',
    '\u{2066}', '\u{feff}', '\u{fffd}', '\u{e000}', '\u{a0}', '\u{ad}', '\u{7f}', '\u{1b}',
    '\u{0}', '\u{7}', '\t', '\n', '\r', '\u{85}', '\u{9b}', '\u{2028}',
];

fn any_char(rng: &mut Rng) -> char {
    let code = match rng.below(10) {
        0..=2 => rng.range(u32::from(b'a'), u32::from(b'z')),
        3 => rng.range(u32::from(b'!'), u32::from(b'~')),
        4 => rng.range(0x3041, 0x3096),
        5 => rng.range(0x30A1, 0x30FA),
        6 => rng.range(0x4E00, 0x9FFF),
        7 => rng.range(0, 0x10_FFFF),
        _ => return *rng.pick(ODD_CHARS),
    };
    char::from_u32(code).unwrap_or('\u{fffd}')
}

fn any_text(rng: &mut Rng, max: usize) -> String {
    let n = rng.below(max + 1);
    (0..n).map(|_| any_char(rng)).collect()
}

fn paste(rng: &mut Rng) -> String {
    match rng.below(12) {
        0 => "2026-04-01".into(),
        1 => "令和8年4月1日".into(),
        2 => "山田\n太郎\r\n".into(),
        3 => "1\t山田 太郎\tヤマダ タロウ\n2\t佐藤 花子\tサトウ ハナコ\n".into(),
        4 => String::new(),
        5 => rng.below(1_000_000_000).to_string(),
        6 => "長い文章です。".repeat(rng.range(50, 2000) as usize),
        7 => "x".repeat(rng.range(100, 20_000) as usize),
        8 => "\u{202e}txt.exe\u{202c}\u{200b}=SUM(A1)\u{1b}[2J".into(),
        9 => (0..rng.range(2, 40))
            .map(|_| any_text(rng, 30))
            .collect::<Vec<_>>()
            .join(if rng.chance(50) { "\n" } else { "\r\n" }),
        _ => any_text(rng, 300),
    }
}

const SPECIAL: &[KeyCode] = &[
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Esc,
    KeyCode::Enter,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::Insert,
    KeyCode::Null,
];

const MODS: &[KeyModifiers] = &[
    KeyModifiers::SHIFT,
    KeyModifiers::CONTROL,
    KeyModifiers::ALT,
    KeyModifiers::CONTROL.union(KeyModifiers::SHIFT),
    KeyModifiers::CONTROL.union(KeyModifiers::ALT),
];

/// Size extremes and the edges of the "too small" screen (60×12).
const EDGES: &[(u16, u16)] = &[
    MIN,
    MAX,
    (MIN.0, MAX.1),
    (MAX.0, MIN.1),
    (59, 11),
    (59, 12),
    (60, 11),
    (60, 12),
    (61, 13),
];

/// Short scripts that reach the writing paths more often than chance would.
const SCRIPTS: &[&str] = &[
    "e C-s",
    "d y",
    "d Enter",
    "n C-s",
    "n Tab x C-s",
    "e Tab Tab BS 1 C-s",
    "e Tab BS Esc y",
    "/ や ま Down Enter",
    "/ 1 Enter",
    "m Down Enter",
    "m Enter y",
    "x Down Down Enter",
    "x Enter Esc",
    "v Esc",
];

fn event(rng: &mut Rng, app: &App) -> Ev {
    let key = |code, mods| Ev::Key(KeyEvent::new(code, mods));
    match rng.below(100) {
        // A key the current mode binds, quitting left out (it would end the run).
        0..=39 => {
            let bound: Vec<_> = app
                .keymap
                .bindings(app.mode())
                .filter(|b| b.action != Action::Quit)
                .collect();
            if bound.is_empty() {
                return Ev::Key(plain(KeyCode::Esc));
            }
            let b = rng.pick(&bound);
            key(b.key, b.mods)
        }
        // A key bound in some other mode.
        40..=47 => {
            let modes = [
                Mode::Normal,
                Mode::Search,
                Mode::Form,
                Mode::Confirm,
                Mode::Help,
                Mode::Message,
                Mode::Menu,
                Mode::Progress,
            ];
            let m = *rng.pick(&modes);
            let bound: Vec<_> = app.keymap.bindings(m).collect();
            let b = rng.pick(&bound);
            key(b.key, b.mods)
        }
        48..=65 => {
            let c = any_char(rng);
            let mods = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            key(KeyCode::Char(c), mods)
        }
        66..=77 => {
            let code = if rng.chance(15) {
                KeyCode::F(rng.range(1, 12) as u8)
            } else {
                *rng.pick(SPECIAL)
            };
            let mods = if code == KeyCode::BackTab {
                KeyModifiers::SHIFT
            } else if rng.chance(15) {
                *rng.pick(MODS)
            } else {
                KeyModifiers::NONE
            };
            key(code, mods)
        }
        78..=83 => {
            let c = any_char(rng);
            key(KeyCode::Char(c), *rng.pick(MODS))
        }
        84..=89 => {
            let s = rng.pick(SCRIPTS);
            Ev::Keys(s.split(' ').map(driver::key).collect())
        }
        90..=94 => Ev::Paste(paste(rng)),
        _ => {
            let (w, h) = if rng.chance(25) {
                *rng.pick(EDGES)
            } else {
                (
                    rng.range(MIN.0.into(), MAX.0.into()) as u16,
                    rng.range(MIN.1.into(), MAX.1.into()) as u16,
                )
            };
            Ev::Resize(w, h)
        }
    }
}

/// What the program does with a key from the terminal (`tui::run`).
fn press_key(app: &mut App, k: KeyEvent) {
    if let Some(a) = app.keymap.action(app.mode(), k) {
        app.update(a);
    }
    // Quitting ends the terminal loop; the run goes on with the same app.
    app.quit = false;
}

/// The frame is the screen's size, no control character reaches the terminal, and every
/// cell lies inside the screen (no wide character half past the right edge).
#[track_caller]
fn assert_frame_sane(buf: &Buffer, w: u16, h: u16) {
    assert_eq!(buf.area, Rect::new(0, 0, w, h), "frame area");
    assert_eq!(buf.content.len(), usize::from(w) * usize::from(h));
    for (i, cell) in buf.content.iter().enumerate() {
        let (x, y) = (i % usize::from(w), i / usize::from(w));
        let sym = cell.symbol();
        // Printable ASCII, most of any frame, is one column wide and no control.
        if matches!(sym.as_bytes(), [b' '..=b'~']) {
            continue;
        }
        assert!(
            !sym.chars().any(char::is_control),
            "a control character {sym:?} at ({x}, {y}) of {w}×{h}"
        );
        let sw = sym.width();
        assert!(
            x + sw <= usize::from(w),
            "{sym:?} at ({x}, {y}) reaches past the right edge of {w}×{h}"
        );
    }
}

/// The app's invariants after any step (those of `app_props`, and the menus and job).
#[track_caller]
fn check(app: &App) {
    assert_list_sane(app);
    for m in &app.modals {
        match m {
            Modal::Form(f) => assert!(f.focus < f.fields.len(), "form focus"),
            Modal::Search(sb) => assert!(sb.selected < sb.results.len().max(1), "search"),
            Modal::Moves(mm) => assert!(mm.selected < mm.moves.len().max(1), "moves menu"),
            Modal::Files(fm) => assert!(fm.selected < fm.items.len(), "file menu"),
            _ => {}
        }
    }
    assert!(app.nav.tab.views().contains(&app.view()));
    let bars = app
        .modals
        .iter()
        .filter(|m| matches!(m, Modal::Job))
        .count();
    assert_eq!(bars, usize::from(app.job.is_some()), "one bar per job");
}

/// The demo ward in a file, and the admin's app over it as `jinji` starts it: counts and
/// tallies off the screen's thread, files written to the temp dir.
fn app_off_thread(dir: &Path) -> App {
    let path = dir.join("ward.db");
    demo_file(&path, &demo_params());
    let mut db = Db::open(&path, OpenMode::Existing).expect("open");
    db.set_actor("admin");
    let admin = db
        .account_by_login("admin")
        .expect("account")
        .expect("admin");
    let mut app = App::new_off_thread(db, Lang::Ja, admin, today()).expect("app");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).expect("out dir");
    app.session.dirs.export_dir = out;
    app.session.dirs.backups_dir = dir.join("backups");
    app
}

struct Run {
    app: App,
    term: Terminal<TestBackend>,
    size: (u16, u16),
    rng: Rng,
    frames: usize,
    ticks: usize,
}

impl Run {
    fn draw(&mut self) {
        self.term
            .draw(|f| jinji::ui::render(&self.app, f))
            .expect("draw");
        self.frames += 1;
        let (w, h) = self.size;
        assert_frame_sane(self.term.backend().buffer(), w, h);
    }

    /// One event, then what the terminal loop does until the next: draw, send the held
    /// questions, and, while work is under way, tick and draw again. Mostly the next key
    /// waits until all is in (so a seed replays the same screens); sometimes it comes at
    /// once or after a tick or two, as a fast typist's would.
    fn step(&mut self, ev: Ev) {
        match ev {
            Ev::Key(k) => press_key(&mut self.app, k),
            Ev::Keys(ks) => {
                for k in ks {
                    press_key(&mut self.app, k);
                    check(&self.app);
                }
            }
            Ev::Paste(s) => self.app.update(Action::Paste(s)),
            Ev::Resize(w, h) => {
                self.size = (w, h);
                self.term.backend_mut().resize(w, h);
                self.app.update(Action::Resize(w, h));
            }
        }
        self.draw();
        self.app.shown.answers.send_held();
        let mut ticks = if self.rng.chance(85) {
            usize::MAX
        } else {
            self.rng.below(3)
        };
        let end = Instant::now() + Duration::from_secs(60);
        while ticks > 0 && (self.app.job.is_some() || self.app.shown.answers.waiting()) {
            assert!(Instant::now() < end, "work under way for a minute");
            ticks -= 1;
            std::thread::sleep(Duration::from_millis(1));
            self.app.update(Action::Tick);
            self.ticks += 1;
            self.draw();
            self.app.shown.answers.send_held();
        }
        check(&self.app);
        assert_eq!(
            self.app.nav.size, self.size,
            "the app knows the screen's size"
        );
    }
}

/// A key as the help writes it, with Alt and Shift too.
fn key_text(k: &KeyEvent) -> String {
    let mut s = String::new();
    if k.modifiers.contains(KeyModifiers::ALT) {
        s.push_str("Alt-");
    }
    if k.modifiers.contains(KeyModifiers::SHIFT)
        && !matches!(k.code, KeyCode::Char(_) | KeyCode::BackTab)
    {
        s.push_str("Shift-");
    }
    match k.code {
        KeyCode::Char(c) if c.is_control() || c.is_whitespace() || c as u32 > 0x7e => {
            let ctrl = if k.modifiers.contains(KeyModifiers::CONTROL) {
                "Ctrl-"
            } else {
                ""
            };
            format!("{s}{ctrl}{c:?}")
        }
        code => s + &key_name(code, k.modifiers),
    }
}

fn ev_text(ev: &Ev) -> String {
    match ev {
        Ev::Key(k) => key_text(k),
        Ev::Keys(ks) => ks.iter().map(key_text).collect::<Vec<_>>().join(" "),
        Ev::Paste(s) if s.chars().count() > 60 => {
            let head: String = s.chars().take(40).collect();
            format!("Paste({} chars: {head:?}…)", s.chars().count())
        }
        Ev::Paste(s) => format!("Paste({s:?})"),
        Ev::Resize(w, h) => format!("Resize({w}, {h})"),
    }
}

fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "(no message)".into())
}

#[test]
fn ten_thousand_random_keys_never_panic() {
    let seed = seed();
    let steps = env_u64("JINJI_KEYS_STEPS").map_or(STEPS, |n| n as usize);
    eprintln!("JINJI_KEYS_SEED={seed} ({steps} steps)");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rng = Rng::new(seed);
    let size = (
        rng.range(MIN.0.into(), MAX.0.into()) as u16,
        rng.range(MIN.1.into(), MAX.1.into()) as u16,
    );
    let mut app = app_off_thread(dir.path());
    // As `tui::run` starts: the terminal's size first.
    app.update(Action::Resize(size.0, size.1));
    let mut run = Run {
        app,
        term: Terminal::new(TestBackend::new(size.0, size.1)).expect("terminal"),
        size,
        rng,
        frames: 0,
        ticks: 0,
    };
    run.draw();
    let started = Instant::now();
    let mut last: VecDeque<String> = VecDeque::new();
    let mut modes = HashMap::new();
    for i in 0..steps {
        let ev = event(&mut run.rng, &run.app);
        let mode = run.app.mode();
        *modes.entry(format!("{mode:?}")).or_insert(0usize) += 1;
        if last.len() == 40 {
            last.pop_front();
        }
        let shown = ev_text(&ev);
        last.push_back(format!(
            "{i}: {mode:?} {} {}×{}: {shown}",
            run.app.view_name(),
            run.size.0,
            run.size.1
        ));
        if let Err(p) = catch_unwind(AssertUnwindSafe(|| run.step(ev))) {
            let recent: Vec<String> = last.iter().cloned().collect();
            panic!(
                "JINJI_KEYS_SEED={seed}: step {i} of {steps} panicked: {}\nthe last steps \
                 (step: mode view size: event):\n{}",
                panic_text(p.as_ref()),
                recent.join("\n")
            );
        }
    }
    eprintln!(
        "JINJI_KEYS_SEED={seed}: {steps} steps, {} frames, {} ticks in {:.1?}; steps by \
         mode: {modes:?}",
        run.frames,
        run.ticks,
        started.elapsed()
    );
}

const WIDTHS: [u16; 13] = [20, 21, 30, 40, 59, 60, 61, 80, 100, 120, 200, 399, 400];
const HEIGHTS: [u16; 12] = [5, 6, 7, 10, 11, 12, 13, 24, 40, 60, 119, 120];
/// The corners and edges of the grid, for the popups of every further view.
const CORNERS: [(u16, u16); 10] = [
    (20, 5),
    (59, 11),
    (60, 12),
    (61, 13),
    (80, 24),
    (20, 120),
    (60, 120),
    (400, 5),
    (400, 12),
    (400, 120),
];

/// One terminal per size, kept from state to state as a real one is (frames are diffs).
#[derive(Default)]
struct Grid {
    terms: HashMap<(u16, u16), Terminal<TestBackend>>,
    frames: usize,
}

impl Grid {
    /// Draws `what` at each size, the app told the size first as the terminal would.
    fn draw(&mut self, app: &mut App, what: &str, sizes: &[(u16, u16)]) {
        for &(w, h) in sizes {
            app.update(Action::Resize(w, h));
            let t = self
                .terms
                .entry((w, h))
                .or_insert_with(|| Terminal::new(TestBackend::new(w, h)).expect("terminal"));
            let drawn = catch_unwind(AssertUnwindSafe(|| {
                t.draw(|f| jinji::ui::render(app, f)).expect("draw");
            }));
            if let Err(p) = drawn {
                panic!(
                    "{what} ({:?}, view {}) at {w}×{h}: {}",
                    app.session.lang,
                    app.view_name(),
                    panic_text(p.as_ref())
                );
            }
            self.frames += 1;
            assert_frame_sane(t.backend().buffer(), w, h);
            check(app);
        }
    }

    /// Opens a popup by keys from the list, draws it, closes it.
    fn popup(&mut self, app: &mut App, p: &Popup, sizes: &[(u16, u16)]) {
        let (what, keys, paste) = p;
        for k in *keys {
            send(app, key(k));
        }
        if let Some(text) = paste {
            app.update(Action::Paste(text.clone()));
        }
        self.draw(app, what, sizes);
        close_all(app);
    }
}

/// Back to the list, whatever is open.
fn close_all(app: &mut App) {
    app.modals.clear();
    assert_eq!(app.mode(), Mode::Normal);
}

/// Tab `t`, view `v` of it, through the keys (`1`…`8`, `]`): a popup may have moved
/// elsewhere (editing from the audit opens the record's own tab).
fn go(app: &mut App, t: usize, v: usize) {
    close_all(app);
    press(app, &(t + 1).to_string());
    while app.view() != app.nav.tab.views()[v] {
        press(app, "]");
    }
}

/// The popups drawn at every size of the grid (over the first view of each tab).
const WHOLE_GRID: [&str; 5] = [
    "search box",
    "help",
    "new form",
    "new form with errors",
    "detail",
];

/// A popup: its name, the keys that open it from the list, and a paste into it.
type Popup = (&'static str, &'static [&'static str], Option<String>);

fn popups() -> Vec<Popup> {
    let long = "長い氏名と説明文、".repeat(40);
    vec![
        ("search box", &["/", "や", "ま"], None),
        ("search box, long", &["/"], Some(long.clone())),
        ("help", &["?"], None),
        ("new form", &["n"], None),
        ("new form with errors", &["n", "C-s"], None),
        ("new form, overfull", &["n"], Some(long)),
        ("edit form", &["e", "Tab"], None),
        ("detail", &["v"], None),
        ("moves", &["m"], None),
        ("file menu", &["x"], None),
        ("delete question", &["d"], None),
    ]
}

#[test]
fn every_tab_and_popup_draws_at_every_size() {
    let started = Instant::now();
    let grid: Vec<(u16, u16)> = WIDTHS
        .iter()
        .flat_map(|&w| HEIGHTS.iter().map(move |&h| (w, h)))
        .collect();
    let mut app = app();
    let mut g = Grid::default();
    let popups = popups();
    for lang in [Lang::Ja, Lang::En] {
        app.session.lang = lang;
        for (t, tab) in Tab::ALL.iter().enumerate() {
            for (v, view) in tab.views().iter().enumerate() {
                go(&mut app, t, v);
                assert_eq!((app.nav.tab, app.view()), (*tab, *view));
                // Every view on the whole grid in Japanese; the search box, help, a new
                // form and the detail over the first view of each tab too. The rest on
                // the corners and edges: every popup over every view in Japanese, over
                // the first view of each tab in English.
                let ja = lang == Lang::Ja;
                g.draw(&mut app, "list", if ja { &grid } else { &CORNERS });
                if !ja && v > 0 {
                    continue;
                }
                for p in &popups {
                    let whole = ja && v == 0 && WHOLE_GRID.contains(&p.0);
                    go(&mut app, t, v);
                    g.popup(&mut app, p, if whole { &grid } else { &CORNERS });
                }
            }
        }
    }
    eprintln!("{} frames in {:.1?}", g.frames, started.elapsed());
}

/// The Japanese "too small" message wrapped by ratatui 0.30's word wrap (ratatui#2679)
/// started a wide character in the last column at 239 sizes in 20×5..=400×120: at 41×83
/// 在 sat at column 40 of 41, and the 4 of 41×83 never reached the terminal. jinji wraps it
/// by display width itself.
#[test]
fn the_too_small_message_stays_inside_the_screen() {
    let mut app = app_with(&small_params());
    let (w, h) = (41, 83);
    app.update(Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| jinji::ui::render(&app, f)).expect("draw");
    let buf = t.backend().buffer();
    // A row as text: the filler after a wide character is not text.
    let row = |y: u16| {
        let mut s = String::new();
        let mut x = 0;
        while x < w {
            let sym = buf[(x, y)].symbol();
            s.push_str(sym);
            x += sym.width().max(1) as u16;
        }
        s
    };
    let (top, second) = (row(0), row(1));
    assert_frame_sane(buf, w, h);
    assert!(
        format!("{top}{second}").contains("41×83"),
        "the size shown whole:\n{top}\n{second}"
    );
}
