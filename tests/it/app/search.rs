//! Finding a person four ways (staff number, kanji, kana of three widths, romaji), results
//! on every keystroke, and the focus that follows: every list shows only that person.

use crate::support::driver;

use driver::*;
use jinji::app::action::Mode;
use jinji::app::search::needle;
use jinji::app::{App, Modal, SearchBox};
use jinji::domain::staff::Staff;
use jinji::domain::unit::Unit;

fn search_box(app: &App) -> &SearchBox {
    match app.modals.last() {
        Some(Modal::Search(sb)) => sb,
        _ => panic!("no search box on top (mode {:?})", app.mode()),
    }
}

fn ids(people: &[Staff]) -> Vec<i64> {
    people.iter().map(|s| s.id).collect()
}

/// Types `text` into a fresh search box, checking after every character that the box
/// holds what was typed and that its results are the store's answer for it.
fn search(app: &mut App, text: &str) -> Vec<Staff> {
    press(app, "/");
    assert_eq!(app.mode(), Mode::Search);
    let mut typed = String::new();
    for c in text.chars() {
        type_text(app, &c.to_string());
        typed.push(c);
        let sb = search_box(app);
        assert_eq!(sb.text, typed);
        let want = match needle(&typed) {
            Some(n) => app.session.db.search_staff(&n, 50).expect("search"),
            None => Vec::new(),
        };
        assert_eq!(ids(&people(sb)), ids(&want), "results after {typed:?}");
        // Each with their unit, by name.
        for f in &sb.results {
            let unit: Unit = app.session.db.get(f.staff.unit_id).expect("unit");
            assert_eq!(f.unit, unit.name, "{}", f.staff.staff_no);
        }
        assert!(sb.selected < sb.results.len().max(1));
    }
    people(search_box(app))
}

fn people(sb: &SearchBox) -> Vec<Staff> {
    sb.results.iter().map(|f| f.staff.clone()).collect()
}

fn reads_yamada(s: &Staff) -> bool {
    format!("{}{}", s.family_kana, s.given_kana).starts_with("ヤマダ")
        || s.given_kana.starts_with("ヤマダ")
}

#[test]
fn by_staff_number_prefix() {
    let mut app = app();
    let first = list(&app).rows[5].clone();
    let no = cell(list(&app), &first, "staff_no");
    assert!(no.len() >= 4, "staff number {no:?}");

    let prefix = &no[..no.len() - 1];
    let found = search(&mut app, prefix);
    assert!(!found.is_empty());
    assert!(found.iter().all(|s| s.staff_no.starts_with(prefix)));
    assert!(found.iter().any(|s| s.id == first.id));

    type_text(&mut app, &no[no.len() - 1..]);
    let found = people(search_box(&app));
    assert_eq!(
        ids(&found),
        vec![first.id],
        "the whole number finds one person"
    );

    // Backspace searches again too.
    press(&mut app, "BS");
    assert_eq!(search_box(&app).text, prefix);
    assert!(search_box(&app).results.len() > 1);
}

#[test]
fn by_kanji_kana_and_romaji() {
    let mut app = app();
    let kanji = search(&mut app, "山田");
    assert!(!kanji.is_empty(), "the demo ward has a 山田");
    assert!(
        kanji
            .iter()
            .all(|s| format!("{}{}", s.family_name, s.given_name).contains("山田"))
    );
    press(&mut app, "Esc");
    assert!(app.modals.is_empty());

    let mut by_reading = Vec::new();
    for text in ["やまだ", "ヤマダ", "ﾔﾏﾀﾞ", "yamada", "YAMADA"] {
        let found = search(&mut app, text);
        assert!(!found.is_empty(), "{text} finds nobody");
        assert!(
            found.iter().all(reads_yamada),
            "{text}: not all read ヤマダ"
        );
        by_reading.push((text, ids(&found)));
        press(&mut app, "Esc");
    }
    for (text, found) in &by_reading {
        assert_eq!(found, &by_reading[0].1, "{text} differs from やまだ");
    }
    // Every 山田 that reads ヤマダ is found by reading as well.
    for s in kanji.iter().filter(|s| s.family_name == "山田") {
        if s.family_kana == "ヤマダ" {
            assert!(by_reading[0].1.contains(&s.id));
        }
    }
}

#[test]
fn romaji_narrows_while_typing() {
    let mut app = app();
    press(&mut app, "/");
    let mut counts = Vec::new();
    for c in "yamada".chars() {
        type_text(&mut app, &c.to_string());
        counts.push(search_box(&app).results.len());
    }
    // "y" is no kana yet: no search; "ya" → ヤ…; "yamada" → ヤマダ….
    assert_eq!(counts[0], 0);
    assert!(counts[1] >= counts[3], "{counts:?}");
    assert!(counts[3] >= counts[5], "{counts:?}");
    assert!(counts[5] > 0);
}

#[test]
fn nothing_found_and_enter_changes_nothing() {
    let mut app = app();
    let found = search(&mut app, "zzzq");
    assert!(found.is_empty());
    press(&mut app, "Enter");
    assert!(app.modals.is_empty());
    assert!(app.nav.focus.is_none());
}

#[test]
fn enter_focuses_the_person_and_every_tab_shows_only_them() {
    let mut app = app();
    let everyone = list(&app).total;
    let found = search(&mut app, "やまだ");
    assert!(found.len() > 1);
    press(&mut app, "Down");
    assert_eq!(search_box(&app).selected, 1);
    press(&mut app, "Enter");
    assert!(app.modals.is_empty());
    let who = found[1].clone();
    assert_eq!(app.nav.focus.as_ref().map(|s| s.id), Some(who.id));

    // The header names them.
    let screen = render(&app, 120, 40);
    let header = screen.lines().next().unwrap_or_default();
    assert!(header.contains(&who.staff_no), "{header}");
    assert!(header.contains(&who.family_name), "{header}");

    let mut rows_seen = 0;
    for t in 1..=8 {
        press(&mut app, &t.to_string());
        for _ in 0..app.nav.tab.views().len() {
            // The calibration view compares evaluators, not one person's records.
            let Some(l) = app.list() else {
                press(&mut app, "]");
                continue;
            };
            // Transfer plans belong to no one person; the lists of records do.
            if !l.view.has_person() {
                press(&mut app, "]");
                continue;
            }
            assert_eq!(l.query.staff, Some(who.id), "{}", l.view.name);
            assert_list_sane(&app);
            let has_no = l.view.columns.iter().any(|c| c.key == "staff_no");
            for r in &l.rows {
                if has_no {
                    assert_eq!(cell(l, r, "staff_no"), who.staff_no, "{}", l.view.name);
                } else if l.view.name == "ojt" {
                    assert_eq!(cell(l, r, "mentee_staff_no"), who.full_name());
                }
                rows_seen += 1;
            }
            press(&mut app, "]");
        }
    }
    assert!(rows_seen > 3, "the person has some records");

    press(&mut app, "1");
    assert_eq!(list(&app).total, 1);
    assert_eq!(list(&app).rows[0].id, who.id);

    // Esc lets go of them.
    press(&mut app, "Esc");
    assert!(app.nav.focus.is_none());
    assert_eq!(list(&app).total, everyone);
    assert_eq!(list(&app).query.staff, None);
    let screen = render(&app, 120, 40);
    let header = screen.lines().next().unwrap_or_default();
    assert!(!header.contains(&who.staff_no), "{header}");
}

#[test]
fn enter_on_the_staff_list_focuses_the_selected_person() {
    let mut app = app();
    press(&mut app, "j");
    press(&mut app, "j");
    let id = list(&app).current().expect("a row").id;
    press(&mut app, "Enter");
    assert_eq!(app.nav.focus.as_ref().map(|s| s.id), Some(id));
    assert_eq!(list(&app).total, 1);
    // With someone in focus, Enter asks whom to look for instead.
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Search);
    press(&mut app, "Esc");
    assert_eq!(
        app.nav.focus.as_ref().map(|s| s.id),
        Some(id),
        "Esc in search keeps focus"
    );
}

/// Each person's unit is shown beside them, cut with `…` where the box is narrow: at 74
/// columns the unit has 11, and 子育て支援課 (12) reads 子育て支援….
#[test]
fn the_unit_is_shown_and_cut_to_the_box() {
    let mut app = app();
    // Some of the demo's 小林 work in units whose names are longer than the box.
    let found = search(&mut app, "kobayashi");
    assert!(!found.is_empty());
    let wide = render(&app, 120, 40);
    let narrow = render(&app, 74, 30);
    let mut cut = 0;
    for f in &search_box(&app).results {
        let row = |screen: &str| {
            screen
                .lines()
                .find(|l| l.contains(&f.staff.staff_no) && l.contains(&f.staff.family_name))
                .unwrap_or_else(|| panic!("{} not on screen:\n{screen}", f.staff.staff_no))
                .to_string()
        };
        assert!(row(&wide).contains(&f.unit), "{}", row(&wide));
        let short = jinji::text::fit(&f.unit, 11);
        assert!(row(&narrow).contains(&short), "{short}: {}", row(&narrow));
        cut += usize::from(short.ends_with('…'));
    }
    assert!(cut > 0, "no unit long enough to be cut");
}
