//! Counts and tallies made off the screen's thread (`App::new_off_thread`): the screen
//! shows them being made, then the same figures the screen's own thread makes; a
//! change to the data (here or by another clerk) is counted again; a list longer than
//! the inline cap says so until its count comes.

use crate::support::driver;

use std::path::Path;
use std::time::{Duration, Instant};

use driver::*;
use jinji::app::App;
use jinji::app::action::Action;
use jinji::app::worker::{Answer, INLINE_CAP};
use jinji::domain::assignment::Assignment;
use jinji::i18n::Lang;
use jinji::store::{Db, OpenMode};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

fn off_thread(path: &Path) -> App {
    let mut db = Db::open(path, OpenMode::Existing).unwrap();
    db.set_actor("admin");
    let admin = db.account_by_login("admin").unwrap().unwrap();
    let mut app = App::new_off_thread(db, Lang::Ja, admin, today()).unwrap();
    app.update(Action::Resize(120, 40));
    app
}

/// Ticks (as the terminal loop does while an answer is awaited) until none is.
#[track_caller]
fn settle(app: &mut App) {
    let end = Instant::now() + Duration::from_secs(30);
    while app.shown.answers.waiting() {
        assert!(Instant::now() < end, "answers never came");
        std::thread::sleep(Duration::from_millis(5));
        app.update(Action::Tick);
    }
}

fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| jinji::ui::render(app, f)).unwrap();
    let buf = t.backend().buffer();
    let mut s = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            s.push_str(sym);
            // The filler after a wide character is not text.
            x += sym.width().max(1) as u16;
        }
        s.push('\n');
    }
    s
}

/// The panel's figures and the list's count, as the screen has them.
fn figures(app: &App) -> (Option<Answer>, Option<(usize, bool)>) {
    let answer = app
        .shown
        .panel
        .need()
        .and_then(|n| app.shown.answers.get(n))
        .cloned();
    (answer, app.list().map(|l| (l.total, l.exact)))
}

#[test]
fn every_tab_ends_with_the_figures_made_on_the_screens_thread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    demo_file(&path, &demo_params());
    let mut here = app_on_file(&path);
    let mut there = off_thread(&path);
    for tab in 0..8 {
        here.update(Action::GoTab(tab));
        there.update(Action::GoTab(tab));
        for _ in 0..here.views().len() {
            settle(&mut there);
            assert_eq!(here.view_name(), there.view_name());
            assert_eq!(figures(&here), figures(&there), "{}", here.view_name());
            assert_eq!(screen(&here), screen(&there), "{}", here.view_name());
            here.update(Action::NextView);
            there.update(Action::NextView);
        }
    }
}

#[test]
fn a_panel_shows_its_tally_being_made_then_made() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    demo_file(&path, &demo_params());
    let mut app = off_thread(&path);
    // 評価: the grade chart is tallied off the screen's thread.
    app.update(Action::GoTab(2));
    // Answers are only taken in on a tick: until then the panel says it is counting.
    let need = app.shown.panel.need().cloned().expect("a tally");
    assert!(app.shown.answers.get(&need).is_none());
    assert!(screen(&app).contains("集計中…"), "{}", screen(&app));
    settle(&mut app);
    assert!(matches!(
        app.shown.answers.get(&need),
        Some(Answer::Grades(_))
    ));
    assert!(!screen(&app).contains("集計中"));
}

#[test]
fn a_long_list_says_it_is_being_counted_and_a_change_is_counted_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    demo_file(&path, &demo_params());
    let mut app = off_thread(&path);
    // The assignments of five years of a ward are past the inline cap.
    app.update(Action::GoTab(3));
    go_view(&mut app, "assignments");
    let exact = {
        let db = Db::open(&path, OpenMode::ReadOnly).unwrap();
        db.view_count(list(&app).view, &list(&app).query).unwrap() as usize
    };
    assert!(exact > INLINE_CAP, "the demo has {exact} assignments");
    let l = list(&app);
    assert!(!l.exact);
    assert_eq!(l.total, INLINE_CAP);
    assert!(screen(&app).contains("1000 件以上（集計中）"));
    settle(&mut app);
    assert!(list(&app).exact);
    assert_eq!(list(&app).total, exact);
    assert!(screen(&app).contains(&format!("{exact} 件")));

    // `G` before the count has come counts at once and lands on the last row.
    let mut early = off_thread(&path);
    early.update(Action::GoTab(3));
    assert!(!list(&early).exact);
    early.update(Action::Bottom);
    assert!(list(&early).exact);
    assert_eq!(list(&early).selected, exact - 1);
    assert_eq!(list(&early).current().map(|r| r.id), {
        let db = Db::open(&path, OpenMode::ReadOnly).unwrap();
        let q = &list(&early).query;
        db.view_rows(list(&early).view, q, exact - 1, 1)
            .unwrap()
            .first()
            .map(|r| r.id)
    });

    // Another clerk ends a post: the next visit counts again.
    {
        let db = Db::open(&path, OpenMode::Existing).unwrap();
        let last = db
            .view_rows(list(&app).view, &list(&app).query, 0, 1)
            .unwrap()
            .remove(0);
        let a: Assignment = db.find(last.id).unwrap().unwrap();
        db.delete::<Assignment>(last.id, a.version).unwrap();
    }
    app.update(Action::GoTab(0));
    app.update(Action::GoTab(3));
    settle(&mut app);
    assert_eq!(list(&app).total, exact - 1);
}

#[test]
fn a_long_list_in_an_order_no_index_holds_is_sorted_off_the_screens_thread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    demo_file(&path, &demo_params());
    let mut here = app_on_file(&path);
    let mut there = off_thread(&path);
    for app in [&mut here, &mut there] {
        app.update(Action::GoTab(3));
        go_view(app, "assignments");
        // 職員番号, 氏名 (both by the person's index), then 所属: by unit name.
        app.update(Action::NextSort);
        app.update(Action::NextSort);
    }
    assert!(list(&there).sorting);
    assert!(list(&there).rows.is_empty());
    assert!(screen(&there).contains("並べ替え中…"), "{}", screen(&there));
    settle(&mut there);
    assert!(!list(&there).sorting);
    for _ in 0..3 {
        assert_eq!(list(&here).total, list(&there).total);
        assert_eq!(list(&here).rows, list(&there).rows);
        assert_eq!(screen(&here), screen(&there));
        for app in [&mut here, &mut there] {
            app.update(Action::PageDown);
            app.update(Action::Down);
        }
    }
    for app in [&mut here, &mut there] {
        app.update(Action::Bottom);
    }
    assert_eq!(list(&here).rows, list(&there).rows);
}

/// The marks each move of the plan's list should carry: the worst severity of its plan's
/// problems that name the mover (empty for none), by move id.
fn expected_marks(db: &Db) -> std::collections::BTreeMap<i64, String> {
    let mut want = std::collections::BTreeMap::new();
    for p in db.transfer_plans().unwrap() {
        let problems = db.check_plan(p.id, today()).unwrap();
        for m in db.transfer_moves(p.id).unwrap() {
            let mine: Vec<_> = problems
                .iter()
                .filter(|x| x.staff_id == Some(m.staff_id))
                .collect();
            let mark = if mine.iter().any(|x| x.is_error()) {
                "error"
            } else if mine.is_empty() {
                ""
            } else {
                "warning"
            };
            want.insert(m.id, mark.to_string());
        }
    }
    want
}

/// The plan's move list marks each move its plan's check finds a problem in (✕ an
/// error, ！ a warning). The check runs off the screen's thread when the list is shown,
/// the marks come with its answer, and after a write it is run again.
#[test]
fn the_plans_moves_are_marked_by_their_check_once_it_has_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    demo_file(&path, &demo_params());
    let mut app = off_thread(&path);
    app.update(Action::Resize(120, 200));
    app.update(Action::GoTab(3));
    go_view(&mut app, "transfer_moves");
    // Asked of the worker, never made on the screen's thread: no marks yet.
    assert!(list(&app).query.flagged.is_none());
    settle(&mut app);
    let marks = |app: &App| {
        let l = list(app);
        assert_eq!(l.rows.len(), l.total, "every move in the window");
        l.rows
            .iter()
            .map(|r| (r.id, cell(l, r, "plan_mark")))
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let got = marks(&app);
    assert_eq!(got, expected_marks(&app.session.db));
    assert!(got.values().any(|m| m == "error"), "{got:?}");
    assert!(got.values().any(|m| m.is_empty()), "{got:?}");
    let shown = screen(&app);
    assert!(shown.contains("✕") && shown.contains("点検"), "{shown}");
    // A move with an error taken out of its plan: checked again, the marks follow.
    let db = &app.session.db;
    let (&bad, _) = got.iter().find(|(_, m)| *m == "error").unwrap();
    let m: jinji::domain::transfer::TransferMove = db.get(bad).unwrap();
    db.remove_transfer_move(m.plan_id, m.staff_id, app.session.actor())
        .unwrap();
    app.refresh().unwrap();
    settle(&mut app);
    let again = marks(&app);
    assert!(!again.contains_key(&bad));
    assert_eq!(again, expected_marks(&app.session.db));
}
