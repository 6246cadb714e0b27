//! The screen at 80×24, the smallest a clerk's terminal is likely to be: all eight tabs and
//! the help bar's `m` and `x` stay in view, and a list's columns stay where they are while
//! its window moves down a long list.

use super::screens::{LANGS, app, app_as, screen_at};
use jinji::app::App;
use jinji::app::action::Action;

const W: u16 = 80;
const H: u16 = 24;

fn narrow(mut a: App) -> App {
    a.update(Action::Resize(W, H));
    a
}

/// The list's header line: the screen's fifth row (under the tab bar, the view bar and
/// the list's border) up to the scrollbar's arrow, without the detail pane beside it.
fn header(a: &App, w: u16, h: u16) -> String {
    let screen = screen_at(a, w, h);
    let row = screen.lines().nth(4).unwrap_or_default();
    row.split('▲').next().unwrap_or_default().to_string()
}

/// Each tab's first view at 80×24: the tab bar holds all eight (short names where the
/// full ones do not fit) and the help bar keeps `m` (moves) and `x` (export).
#[test]
fn every_tab_and_the_keys_m_and_x_at_80x24() {
    for (lang, code) in LANGS {
        let mut a = narrow(app(lang));
        for i in 0..8 {
            a.update(Action::GoTab(i));
            let screen = screen_at(&a, W, H);
            let lines: Vec<&str> = screen.lines().collect();
            for n in 1..=8 {
                assert!(
                    lines[1].contains(&format!("{n} ")),
                    "{code} tab {}: no tab {n} in {:?}",
                    i + 1,
                    lines[1]
                );
            }
            let bar = format!(" {} ", lines[H as usize - 1]);
            for key in [" m ", " x ", " ? ", " q "] {
                assert!(bar.contains(key), "{code} tab {}: no{key}in {bar:?}", i + 1);
            }
            let tab = a.nav.tab.key().trim_start_matches("tab.");
            insta::assert_snapshot!(format!("{code}_80x24_tab_{}_{tab}", i + 1), screen);
        }
    }
}

/// Paging down the whole staff list (hundreds of rows) leaves the header line as it was,
/// at 80×24 and at 100×30: which columns show and how wide does not follow the rows in view.
#[test]
fn paging_down_a_long_list_keeps_its_header() {
    for (w, h) in [(80, 24), (100, 30)] {
        let mut a = app(jinji::i18n::Lang::Ja);
        a.update(Action::Resize(w, h));
        let first = header(&a, w, h);
        assert!(first.contains('↑'), "not the header: {first:?}");
        let total = a.list().map(|l| l.total).unwrap_or(0);
        assert!(total > 200, "a long list: {total}");
        let mut pages = 0;
        while a.list().is_some_and(|l| l.selected + 1 < l.total) {
            a.update(Action::PageDown);
            pages += 1;
            assert_eq!(header(&a, w, h), first, "{w}×{h}, after {pages} pages");
        }
        assert!(pages > 10, "{pages} pages");
    }
}

/// The board's legend on a section chief's PDCA tab at 80×24, beside the list.
#[test]
fn board_legend_at_80x24() {
    for (lang, code) in LANGS {
        let mut a = narrow(app_as(lang, "s0000001"));
        a.update(Action::GoTab(7));
        let screen = screen_at(&a, W, H);
        insta::assert_snapshot!(format!("{code}_80x24_pdca_board"), screen);
    }
}
