//! Keys in, state out: tabs, views, moving through a windowed list, the fiscal year.

use crate::support::driver;

use driver::*;
use jinji::app::App;
use jinji::app::action::{Action, Mode};
use jinji::app::tab::Tab;
use jinji::domain::evaluation::{EvalPeriod, Evaluation};
use jinji::domain::theme::Theme;

/// The current row is the one the store has at the selected position.
#[track_caller]
fn assert_current_is_stored(app: &App) {
    let l = list(app);
    let cur = l.current().expect("a current row");
    let stored = app
        .session
        .db
        .view_rows(l.view, &l.query, l.selected, 1)
        .expect("rows");
    assert_eq!(stored.first().map(|r| r.id), Some(cur.id));
}

#[test]
fn digits_choose_tabs() {
    let mut app = app_with(&small_params());
    for (i, t) in Tab::ALL.iter().enumerate().rev() {
        let a = press(&mut app, &(i + 1).to_string());
        assert_eq!(a, Action::GoTab(i));
        assert_eq!(app.nav.tab, *t);
        assert!(t.views().contains(&app.view()));
        assert!(list(&app).view.name == app.view_name());
        assert_list_sane(&app);
    }
    assert_eq!(app.nav.tab, Tab::Staff);
}

#[test]
fn tab_and_shift_tab_cycle_through_all_eight() {
    let mut app = app_with(&small_params());
    let mut seen = Vec::new();
    for _ in 0..8 {
        press(&mut app, "Tab");
        seen.push(app.nav.tab);
        assert_list_sane(&app);
    }
    assert_eq!(app.nav.tab, Tab::Staff, "eight Tabs come back to the start");
    let mut want = Tab::ALL[1..].to_vec();
    want.push(Tab::Staff);
    assert_eq!(seen, want);

    press(&mut app, "S-Tab");
    assert_eq!(
        app.nav.tab,
        Tab::Pdca,
        "Shift-Tab from the first wraps to the last"
    );
    press(&mut app, "S-Tab");
    assert_eq!(app.nav.tab, Tab::Compliance);
    press(&mut app, "Tab");
    press(&mut app, "Tab");
    assert_eq!(app.nav.tab, Tab::Staff);
}

#[test]
fn brackets_switch_views_in_the_career_tab() {
    let mut app = app_with(&small_params());
    press(&mut app, "2");
    assert_eq!(app.nav.tab, Tab::Career);
    assert_eq!(app.view_name(), "self_reports");
    for want in ["self_reports_missing", "qualifications", "interviews"] {
        press(&mut app, "]");
        assert_eq!(app.view_name(), want);
        assert_eq!(list(&app).view.name, want);
        assert!(list(&app).total > 0, "{want} is empty in the demo");
        assert_list_sane(&app);
    }
    // The career page is one person's, not a list.
    press(&mut app, "]");
    assert_eq!(app.view_name(), "career_page");
    assert!(app.list().is_none());
    // Promotion selection (two years of this small ward give no one the two evaluations
    // it asks for: its lists are checked on the full demo); then round to the first view.
    for want in ["exams", "exam_entries", "exam_eligibility", "exam_kinds"] {
        press(&mut app, "]");
        assert_eq!(app.view_name(), want);
        assert_list_sane(&app);
    }
    press(&mut app, "]");
    assert_eq!(app.view_name(), "self_reports");
    press(&mut app, "[");
    assert_eq!(app.view_name(), "exam_kinds");
    for want in [
        "exam_eligibility",
        "exam_entries",
        "exams",
        "career_page",
        "interviews",
    ] {
        press(&mut app, "[");
        assert_eq!(app.view_name(), want);
    }
    press(&mut app, "[");
    assert_eq!(app.view_name(), "qualifications");

    // Each tab remembers its view.
    press(&mut app, "1");
    assert_eq!(app.view_name(), "staff");
    press(&mut app, "]");
    assert_eq!(app.view_name(), "leaves");
    press(&mut app, "]");
    assert_eq!(
        app.view_name(),
        "accounts",
        "an admin's staff tab also lists accounts"
    );
    press(&mut app, "[");
    press(&mut app, "[");
    assert_eq!(app.view_name(), "staff");
    press(&mut app, "2");
    assert_eq!(app.view_name(), "qualifications");
}

#[test]
fn moving_keeps_the_selection_in_range_and_the_window_small() {
    let mut app = app();
    // A page is the visible window: the screen less its chrome.
    let h = list(&app).height;
    assert!(h > 10 && h < 40, "height {h} on a 40-row screen");
    let total = list(&app).total;
    assert!(total > 2 * h, "the demo should hold more than two pages");
    assert_eq!(
        list(&app).rows.len(),
        h,
        "only the visible window is fetched"
    );

    let last = total - 1;
    let steps: &[(&str, usize)] = &[
        ("k", 0),
        ("j", 1),
        ("Down", 2),
        ("Up", 1),
        ("PgDn", 1 + h),
        ("PgDn", 1 + 2 * h),
        ("PgUp", 1 + h),
        ("G", last),
        ("j", last),
        ("PgDn", last),
        ("End", last),
        ("k", last - 1),
        ("g", 0),
        ("PgUp", 0),
        ("G", last),
        ("Home", 0),
    ];
    for &(k, want) in steps {
        press(&mut app, k);
        let l = list(&app);
        assert_eq!(l.selected, want, "after {k}");
        assert!(l.selected < l.total);
        assert!(l.rows.len() <= l.height, "after {k}: window too big");
        assert!(l.selected >= l.offset && l.selected < l.offset + l.rows.len());
        assert_current_is_stored(&app);
        assert_eq!(app.mode(), Mode::Normal);
    }
}

#[test]
fn a_smaller_terminal_fetches_a_smaller_window() {
    let mut app = app();
    press(&mut app, "G");
    let tall = list(&app).height;
    app.update(Action::Resize(80, 24));
    let l = list(&app);
    assert_eq!(l.height, tall - 16, "16 rows fewer");
    assert!(l.rows.len() <= l.height);
    assert_eq!(l.selected, l.total - 1, "resizing keeps the selection");
    assert_current_is_stored(&app);
    app.update(Action::Resize(20, 5));
    assert_list_sane(&app);
    assert!(list(&app).rows.len() <= 1);
    press(&mut app, "k");
    assert_current_is_stored(&app);
}

#[test]
fn every_tab_and_view_lists_within_its_window() {
    let mut app = app();
    for t in 1..=8 {
        press(&mut app, &t.to_string());
        for _ in 0..app.nav.tab.views().len() {
            // The calibration view is a table of counts, not a list.
            if app.list().is_none() {
                press(&mut app, "]");
                continue;
            }
            press(&mut app, "G");
            assert_list_sane(&app);
            press(&mut app, "PgUp");
            assert_list_sane(&app);
            if list(&app).total > 0 {
                assert_current_is_stored(&app);
            }
            press(&mut app, "]");
        }
    }
}

/// The fiscal years of the evaluations the list shows, read back from the store.
fn years_of_evaluations(app: &App) -> Vec<i32> {
    list(app)
        .rows
        .iter()
        .map(|r| {
            let e: Evaluation = app.session.db.get(r.id).expect("evaluation");
            let p: EvalPeriod = app.session.db.get(e.period_id).expect("period");
            p.fiscal_year
        })
        .collect()
}

#[test]
fn fiscal_year_keys_change_the_year_of_the_evaluation_list() {
    let mut app = app();
    press(&mut app, "3");
    assert_eq!(app.view_name(), "evaluations");
    assert_eq!(app.nav.fiscal_year, 2026);
    let years = years_of_evaluations(&app);
    assert!(!years.is_empty());
    assert!(years.iter().all(|y| *y == 2026), "{years:?}");

    press(&mut app, "<");
    assert_eq!(app.nav.fiscal_year, 2025);
    assert_eq!(list(&app).query.fiscal_year, Some(2025));
    let years = years_of_evaluations(&app);
    assert!(!years.is_empty(), "the demo has last year's evaluations");
    assert!(years.iter().all(|y| *y == 2025), "{years:?}");

    press(&mut app, ">");
    press(&mut app, ">");
    assert_eq!(app.nav.fiscal_year, 2027);
    assert!(years_of_evaluations(&app).iter().all(|y| *y == 2027));
    assert_list_sane(&app);

    // The themes view of the same tab follows the same year.
    press(&mut app, "<");
    press(&mut app, "]");
    assert_eq!(app.view_name(), "themes");
    assert!(!list(&app).rows.is_empty());
    for r in &list(&app).rows {
        let t: Theme = app.session.db.get(r.id).expect("theme");
        assert_eq!(t.fiscal_year, 2026);
    }

    // The header shows the year (令和8年度 for FY2026).
    assert!(render(&app, 120, 40).contains("令和8年度"));
}

#[test]
fn question_mark_opens_help_and_esc_closes_it() {
    let mut app = app_with(&small_params());
    press(&mut app, "?");
    assert_eq!(app.mode(), Mode::Help);
    assert_eq!(send(&mut app, key("j")), None, "j means nothing under help");
    assert_eq!(app.mode(), Mode::Help);
    press(&mut app, "Esc");
    assert_eq!(app.mode(), Mode::Normal);
    assert!(app.modals.is_empty());
}

#[test]
fn q_quits() {
    let mut app = app_with(&small_params());
    assert!(!app.quit);
    press(&mut app, "q");
    assert!(app.quit);
}
