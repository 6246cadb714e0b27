//! Snapshots of the screens at 120×40, in Japanese and in English, on the demo data with a
//! fixed today. Each screen is kept as plain text: one line per row, the symbols of its
//! cells, without the filler cell that follows a double-width character, so Japanese reads
//! naturally and its alignment shows in the file.

use crate::support::driver::buffer_text;
use jinji::app::App;
use jinji::app::action::Action;
use jinji::demo::{Params, generate};
use jinji::domain::Date;
use jinji::i18n::Lang;
use jinji::store::Db;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

const W: u16 = 120;
const H: u16 = 40;

pub(super) const LANGS: [(Lang, &str); 2] = [(Lang::Ja, "ja"), (Lang::En, "en")];

/// The demo ward on a fixed day, signed in as `admin`, on a 120×40 terminal. The
/// database is in memory, so the header shows `:memory:` rather than a path.
pub(super) fn app(lang: Lang) -> App {
    let db = Db::open_in_memory().unwrap();
    let today = Date::from_ymd(2026, 11, 24);
    generate(&db, &Params::demo(today)).unwrap();
    let admin = db.account_by_login("admin").unwrap().unwrap();
    let mut a = App::new(db, lang, admin, today).unwrap();
    a.update(Action::Resize(W, H));
    a
}

fn run(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        app.update(a);
    }
}

fn type_text(app: &mut App, s: &str) {
    run(app, s.chars().map(Action::Char));
}

pub(super) fn screen_at(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| jinji::ui::render(app, f)).unwrap();
    buffer_text(t.backend().buffer())
}

/// The screen, with the audit log's wall-clock stamps (the only time that is not the
/// fixed "today"; shown as local `YYYY-MM-DD HH:MM`) masked so that snapshots stay stable.
fn screen(app: &App) -> String {
    mask_stamps(&screen_at(app, W, H))
}

fn mask_stamps(text: &str) -> String {
    text.lines()
        .map(|line| {
            let mut out = String::with_capacity(line.len());
            let chars: Vec<char> = line.chars().collect();
            let mut i = 0;
            while i < chars.len() {
                // YYYY-MM-DD HH:MM
                let stamp = i + 16 <= chars.len()
                    && chars[i..i + 4].iter().all(|c| c.is_ascii_digit())
                    && chars[i + 4] == '-'
                    && chars[i + 10] == ' '
                    && chars[i + 13] == ':';
                if stamp {
                    out.push_str("YYYY-MM-DD hh:mm");
                    i += 16;
                } else {
                    out.push(chars[i]);
                    i += 1;
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Focuses the first match of a search, the way a user does: `/`, type, Enter.
fn focus_person(app: &mut App, query: &str) {
    app.update(Action::Search);
    type_text(app, query);
    app.update(Action::Submit);
    assert!(app.nav.focus.is_some(), "no one found for {query:?}");
}

#[test]
fn text_skips_the_filler_of_wide_characters() {
    let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, 8, 2));
    buf.set_string(0, 0, "山田 a", ratatui::style::Style::default());
    buf.set_string(0, 1, "x", ratatui::style::Style::default());
    assert_eq!(buffer_text(&buf), "山田 a\nx\n");
}

/// `tab.evaluation` → `evaluation`.
fn tab_name(app: &App) -> &'static str {
    app.nav.tab.key().trim_start_matches("tab.")
}

/// Every tab on its first view (`ja_tab_3_evaluation`), then each further view of the
/// tabs that have several (`ja_tab_2_career_qualifications`).
#[test]
fn every_tab_and_view() {
    for (lang, code) in LANGS {
        let mut a = app(lang);
        for i in 0..8 {
            a.update(Action::GoTab(i));
            let tab = tab_name(&a);
            insta::assert_snapshot!(format!("{code}_tab_{}_{tab}", i + 1), screen(&a));
            for _ in 1..a.nav.tab.views().len() {
                a.update(Action::NextView);
                let name = format!("{code}_tab_{}_{tab}_{}", i + 1, a.view_name());
                insta::assert_snapshot!(name, screen(&a));
            }
            // Back to the first view, as the tab was found.
            a.update(Action::NextView);
        }
    }
}

/// A person in focus: the header names them, the lists show only their records and the
/// detail pane their selected record.
#[test]
fn detail_with_a_person_in_focus() {
    for (lang, code) in LANGS {
        let mut a = app(lang);
        focus_person(&mut a, "yamada");
        a.update(Action::GoTab(1));
        insta::assert_snapshot!(format!("{code}_focus_yamada_career"), screen(&a));
    }
}

/// The search box as it answers `yamada`, before Enter.
#[test]
fn search_box_with_results() {
    for (lang, code) in LANGS {
        let mut a = app(lang);
        a.update(Action::Search);
        type_text(&mut a, "yamada");
        insta::assert_snapshot!(format!("{code}_search_yamada"), screen(&a));
    }
}

/// A new qualification for the person in focus, then the same form saved with the
/// name left empty: the problem shows under the field.
#[test]
fn form_and_its_validation_error() {
    for (lang, code) in LANGS {
        let mut a = app(lang);
        focus_person(&mut a, "yamada");
        a.update(Action::GoTab(1));
        while a.view_name() != "qualifications" {
            a.update(Action::NextView);
        }
        a.update(Action::New);
        insta::assert_snapshot!(format!("{code}_form_new_qualification"), screen(&a));
        a.update(Action::Save);
        insta::assert_snapshot!(format!("{code}_form_new_qualification_error"), screen(&a));
    }
}

/// The question before a delete, over the list it would delete from.
#[test]
fn delete_confirmation() {
    for (lang, code) in LANGS {
        let mut a = app(lang);
        focus_person(&mut a, "yamada");
        a.update(Action::GoTab(1));
        while a.view_name() != "qualifications" {
            a.update(Action::NextView);
        }
        a.update(Action::Delete);
        insta::assert_snapshot!(format!("{code}_confirm_delete_qualification"), screen(&a));
    }
}

#[test]
fn help_page() {
    for (lang, code) in LANGS {
        let mut a = app(lang);
        a.update(Action::Help);
        insta::assert_snapshot!(format!("{code}_help"), screen(&a));
    }
}

/// Below the minimum size a message replaces the layout.
#[test]
fn too_small() {
    for (lang, code) in LANGS {
        let mut a = app(lang);
        a.update(Action::Resize(50, 10));
        insta::assert_snapshot!(format!("{code}_too_small_50x10"), screen_at(&a, 50, 10));
    }
}

/// The demo ward on the fixed day, signed in as `login`.
pub(super) fn app_as(lang: Lang, login: &str) -> App {
    let db = Db::open_in_memory().unwrap();
    let today = Date::from_ymd(2026, 11, 24);
    generate(&db, &Params::demo(today)).unwrap();
    let account = db.account_by_login(login).unwrap().unwrap();
    let mut a = App::new(db, lang, account, today).unwrap();
    a.update(Action::Resize(W, H));
    a
}

/// A section chief's PDCA tab: the board of their people's cycles (phase, progress,
/// overdue actions, days since the last review) and the lineage of the selected cycle,
/// target against result turn by turn.
#[test]
fn supervisor_board_and_lineage() {
    for (lang, code) in LANGS {
        let mut a = app_as(lang, "s0000001");
        a.update(Action::GoTab(7));
        // A cycle with several turns behind it, so that the spiral shows.
        for _ in 0..40 {
            if matches!(&a.shown.panel, jinji::app::panels::Panel::Pdca(p) if p.lineage.len() >= 4)
            {
                break;
            }
            a.update(Action::Down);
        }
        insta::assert_snapshot!(format!("{code}_pdca_board_lineage_s0000001"), screen(&a));
    }
}

/// The calibration view as a section chief sees it: their section and the evaluators
/// of their people.
#[test]
fn calibration_of_a_supervisor() {
    for (lang, code) in LANGS {
        let mut a = app_as(lang, "s0000001");
        a.update(Action::GoTab(2));
        while a.view_name() != "calibration" {
            a.update(Action::NextView);
        }
        insta::assert_snapshot!(format!("{code}_calibration_s0000001"), screen(&a));
    }
}

/// `m` on an evaluation waiting for its first evaluator, as that evaluator: the moves
/// open to them, and what waits for someone else.
#[test]
fn moves_of_a_first_evaluator() {
    for (lang, code) in LANGS {
        let mut a = app_as(lang, "s9900004");
        a.update(Action::GoTab(2));
        a.update(Action::Move);
        insta::assert_snapshot!(format!("{code}_moves_first_evaluator"), screen(&a));
        a.update(Action::Submit);
        insta::assert_snapshot!(format!("{code}_moves_first_evaluation_form"), screen(&a));
    }
}

/// A staff member on the session list: `m` offers to apply for a coming session (for
/// themselves); the form of an OJT log as the mentee of a pair.
#[test]
fn moves_of_a_staff_member_on_training() {
    for (lang, code) in LANGS {
        // 2600031 is mentored in the demo's fiscal year 2026.
        let mut a = app_as(lang, "s2600031");
        a.update(Action::GoTab(4));
        while a.view_name() != "sessions" {
            a.update(Action::NextView);
        }
        // The first session still to come.
        while a
            .list()
            .and_then(|l| l.current())
            .is_some_and(|r| r.cells[0].as_text().as_str() <= "2026-11-24")
        {
            a.update(Action::Down);
        }
        a.update(Action::Move);
        insta::assert_snapshot!(format!("{code}_moves_apply_session"), screen(&a));
        a.update(Action::Cancel);
        while a.view_name() != "ojt" {
            a.update(Action::NextView);
        }
        a.update(Action::Move);
        a.update(Action::Submit);
        insta::assert_snapshot!(format!("{code}_moves_ojt_log_form"), screen(&a));
    }
}

/// Two transfer plans side by side, as HR reads them from `m` on the plan list.
#[test]
fn transfer_plans_compared() {
    for (lang, code) in LANGS {
        let mut a = app_as(lang, "hr1");
        let hr = a.session.db.account_by_login("hr1").unwrap().unwrap();
        let vis = a.session.db.visibility(&hr, 2026).unwrap();
        let who = jinji::store::flow::Actor {
            account: &hr,
            visible: &vis,
        };
        let plan = a
            .session
            .db
            .new_transfer_plan("別案", Date::from_ymd(2027, 4, 1), who)
            .unwrap();
        // A 主任 whom the first plan leaves where they are.
        let person = a.session.db.staff_by_no("0000005").unwrap().unwrap();
        let unit = a.session.db.unit_by_code("300200").unwrap().unwrap();
        let mut mv = jinji::domain::transfer::TransferMove {
            id: 0,
            plan_id: plan.id,
            staff_id: person.id,
            to_unit_id: unit.id,
            to_position: person.position,
            reason: jinji::domain::assignment::Reason::Transfer,
            note: String::new(),
            to_grade: None,
            version: 0,
        };
        a.session.db.put_transfer_move(&mut mv, who).unwrap();
        a.update(Action::GoTab(3));
        while a.view_name() != "transfer_plans" {
            a.update(Action::NextView);
        }
        a.update(Action::Move);
        insta::assert_snapshot!(format!("{code}_moves_transfer_plan"), screen(&a));
        while let Some(jinji::app::Modal::Moves(m)) = a.modals.last() {
            if matches!(m.moves[m.selected].0, jinji::app::moves::Move::Compare(_)) {
                break;
            }
            a.update(Action::Down);
        }
        a.update(Action::Submit);
        insta::assert_snapshot!(format!("{code}_transfer_plans_compared"), screen(&a));
    }
}

/// Applying a plan from `m`: the question lists the warnings of the plan's check and says
/// a yes accepts them.
#[test]
fn applying_a_plan_asks_to_accept_its_warnings() {
    for (lang, code) in LANGS {
        let mut a = app_as(lang, "hr1");
        let db = &a.session.db;
        // A late 発令, which this ward lets through with a warning.
        db.set_rule("plan.date_past", "warning").unwrap();
        let hr = db.account_by_login("hr1").unwrap().unwrap();
        let vis = db.visibility(&hr, 2026).unwrap();
        let who = jinji::store::flow::Actor {
            account: &hr,
            visible: &vis,
        };
        let plan = db
            .new_transfer_plan("秋の異動", Date::from_ymd(2026, 10, 1), who)
            .unwrap();
        // The first clerk at work, to a team of another section.
        let person = db
            .all::<jinji::domain::staff::Staff>(vec![], "staff_no")
            .unwrap()
            .into_iter()
            .find(|s| {
                s.status == jinji::domain::staff::StaffStatus::Active
                    && s.position == jinji::domain::staff::Position::Clerk
                    && s.employment_kind == jinji::domain::employment::EmploymentKind::Regular
            })
            .unwrap();
        let unit = db
            .units()
            .unwrap()
            .into_iter()
            .find(|u| {
                u.kind == jinji::domain::unit::UnitKind::Team
                    && u.valid_to.is_none()
                    && db.section_of(u.id).unwrap().map(|s| s.id)
                        != db.section_of(person.unit_id).unwrap().map(|s| s.id)
            })
            .unwrap();
        let mut mv = jinji::domain::transfer::TransferMove {
            id: 0,
            plan_id: plan.id,
            staff_id: person.id,
            to_unit_id: unit.id,
            to_position: person.position,
            reason: jinji::domain::assignment::Reason::Transfer,
            note: String::new(),
            to_grade: None,
            version: 0,
        };
        db.put_transfer_move(&mut mv, who).unwrap();
        a.update(Action::GoTab(3));
        while a.view_name() != "transfer_plans" {
            a.update(Action::NextView);
        }
        a.update(Action::Move);
        while let Some(jinji::app::Modal::Moves(m)) = a.modals.last() {
            if matches!(m.moves[m.selected].0, jinji::app::moves::Move::ApplyPlan) {
                break;
            }
            a.update(Action::Down);
        }
        a.update(Action::Submit);
        insta::assert_snapshot!(format!("{code}_apply_plan_warnings"), screen(&a));
    }
}

/// 職員 › 休職・休業 filtered (`f`) to the leaves in effect today (現在休業中), the
/// selected leave in the detail pane.
#[test]
fn leaves_in_effect_today() {
    for (lang, code) in LANGS {
        let mut a = app(lang);
        a.update(Action::GoTab(0));
        while a.view_name() != "leaves" {
            a.update(Action::NextView);
        }
        a.update(Action::NextStateFilter);
        insta::assert_snapshot!(format!("{code}_leaves_current"), screen(&a));
    }
}
