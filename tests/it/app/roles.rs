//! Each role sees what it may: admin and hr everyone; a supervisor their subtree and the
//! people they evaluate; staff themselves — in every list, in search and in counts.

use crate::support::driver::app_as;
use jinji::app::action::Action;
use jinji::app::{App, Modal};
use jinji::domain::account::Role;
use jinji::domain::staff::{Position, Staff};
use jinji::store::Db;
use jinji::store::search::Needle;

fn section_chief(db: &Db) -> String {
    db.accounts()
        .unwrap()
        .into_iter()
        .filter(|a| a.role == Role::Supervisor)
        .find(|a| db.get::<Staff>(a.staff_id.unwrap()).unwrap().position == Position::SectionChief)
        .unwrap()
        .login
}

/// Every row of the current list (all windows).
fn all_ids(app: &App) -> Vec<i64> {
    let l = app.list().unwrap();
    app.session
        .db
        .view_rows(l.view, &l.query, 0, 100_000)
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect()
}

#[test]
fn admin_sees_the_whole_ward() {
    let app = app_as(|_| "admin".into());
    assert!(app.session.visible.is_all());
    assert_eq!(
        app.list().unwrap().total,
        app.session.db.count::<Staff>(&[]).unwrap() as usize
    );
}

#[test]
fn a_supervisor_sees_their_subtree_and_evaluatees_only() {
    let mut app = app_as(section_chief);
    let me = app.session.me.clone().unwrap();
    let subtree = app.session.db.unit_subtree(me.unit_id).unwrap();
    let all = app.session.db.count::<Staff>(&[]).unwrap() as usize;
    let ids = all_ids(&app);
    assert!(!ids.is_empty() && ids.len() < all, "{} of {all}", ids.len());
    for id in &ids {
        let s: Staff = app.session.db.get(*id).unwrap();
        assert!(app.session.visible.sees(&s), "{} is not theirs", s.staff_no);
        let evaluates = app
            .session
            .db
            .evaluations_of(s.id)
            .unwrap()
            .iter()
            .any(|e| e.evaluator1_id == Some(me.id) || e.evaluator2_id == Some(me.id));
        assert!(
            subtree.contains(&s.unit_id) || evaluates || s.id == me.id,
            "{}",
            s.staff_no
        );
    }
    // Every tab keeps to the same people.
    for tab in 0..8 {
        app.update(Action::GoTab(tab));
        let l = app.list().unwrap();
        for r in app.session.db.view_rows(l.view, &l.query, 0, 500).unwrap() {
            if let Some(no) = l
                .view
                .columns
                .iter()
                .position(|c| c.key == "staff_no")
                .map(|i| r.cells[i].as_text())
                .filter(|n| !n.is_empty())
            {
                let s = app.session.db.staff_by_no(&no).unwrap().unwrap();
                assert!(app.session.visible.sees(&s), "tab {tab}: {no}");
            }
        }
    }
    // Someone outside is not found by search.
    let outsider = app
        .session
        .db
        .search_staff(&Needle::Number("0".into()), 1000)
        .unwrap()
        .into_iter()
        .find(|s| !app.session.visible.sees(s))
        .unwrap();
    app.update(Action::GoTab(0));
    app.update(Action::Search);
    for c in outsider.staff_no.chars() {
        app.update(Action::Char(c));
    }
    let Some(Modal::Search(sb)) = app.modals.last() else {
        panic!("no search box")
    };
    assert!(sb.results.iter().all(|f| f.staff.id != outsider.id));
}

/// Records are the HR office's to keep; a supervisor writes through the workflows (`m`)
/// and their people's challenge themes, not through the record forms.
#[test]
fn a_supervisor_keeps_no_records_through_the_forms() {
    let mut app = app_as(section_chief);
    app.update(Action::New);
    assert!(matches!(app.modals.last(), Some(Modal::Message { .. })));
    app.update(Action::Cancel);
    app.update(Action::GoTab(2));
    assert_eq!(app.view_name(), "evaluations");
    app.update(Action::Edit);
    assert!(matches!(app.modals.last(), Some(Modal::Message { .. })));
}

#[test]
fn staff_see_only_themselves() {
    let mut app = app_as(|db| {
        db.accounts()
            .unwrap()
            .into_iter()
            .find(|a| a.role == Role::Staff)
            .unwrap()
            .login
    });
    let me = app.session.me.clone().unwrap();
    assert_eq!(all_ids(&app), vec![me.id]);
    app.update(Action::GoTab(2));
    let l = app.list().unwrap();
    let rows = app.session.db.view_rows(l.view, &l.query, 0, 1000).unwrap();
    assert!(!rows.is_empty());
    let col = l
        .view
        .columns
        .iter()
        .position(|c| c.key == "staff_no")
        .unwrap();
    assert!(rows.iter().all(|r| r.cells[col].as_text() == me.staff_no));
}

#[test]
fn only_admins_open_the_accounts_and_the_audit_log() {
    let mut app = app_as(|_| "admin".into());
    assert_eq!(app.views(), ["staff", "leaves", "accounts", "audit"]);
    app.update(Action::NextView);
    assert_eq!(app.view_name(), "leaves");
    app.update(Action::NextView);
    assert_eq!(app.view_name(), "accounts");
    assert_eq!(
        app.list().unwrap().total,
        app.session.db.accounts().unwrap().len()
    );
    app.update(Action::NextView);
    assert_eq!(app.view_name(), "audit");
    let everything = app.list().unwrap().total;
    assert!(everything > 0);
    // Filter by table: the state filter walks the tables the log names.
    app.update(Action::NextStateFilter);
    let l = app.list().unwrap();
    assert_eq!(l.query.state.as_deref(), Some("units"));
    let col = l
        .view
        .columns
        .iter()
        .position(|c| c.key == "table_name")
        .unwrap();
    assert!(l.rows.iter().all(|r| r.cells[col].as_text() == "units"));
    assert!(l.total < everything);

    let hr = app_as(|_| "hr1".into());
    assert_eq!(hr.views(), ["staff", "leaves"]);
    let sup = app_as(section_chief);
    assert_eq!(sup.views(), ["staff", "leaves"]);
}

#[test]
fn the_audit_log_shows_who_did_what_for_a_person() {
    let mut app = app_as(|_| "admin".into());
    // The admin edits a staff record; focusing the admin's own person then shows it.
    app.update(Action::Edit);
    let Some(Modal::Form(_)) = app.modals.last() else {
        panic!("no form")
    };
    app.update(Action::Save);
    let me = app.session.me.clone().unwrap();
    app.nav.focus = Some(me);
    // Past 休職・休業 and the accounts.
    for _ in 0..3 {
        app.update(Action::NextView);
    }
    assert_eq!(app.view_name(), "audit");
    let l = app.list().unwrap();
    let actor = l
        .view
        .columns
        .iter()
        .position(|c| c.key == "actor")
        .unwrap();
    assert!(l.total >= 1, "the admin's update is listed");
    assert!(l.rows.iter().all(|r| r.cells[actor].as_text() == "admin"));
}

/// A staff member's scope reads 本人のみ, never 全員: they see their own records alone.
#[test]
fn a_staff_member_s_scope_reads_as_their_own() {
    let staff = app_as(|db| {
        db.accounts()
            .unwrap()
            .into_iter()
            .find(|a| a.role == Role::Staff)
            .unwrap()
            .login
    });
    let screen = crate::support::driver::render(&staff, 120, 40);
    assert!(screen.contains("範囲 本人のみ"), "{screen}");
    let admin = app_as(|_| "admin".into());
    let screen = crate::support::driver::render(&admin, 120, 40);
    assert!(screen.contains("範囲 全員"), "{screen}");
}

/// `m` on a list without a workflow says so instead of doing nothing.
#[test]
fn m_on_a_list_without_a_workflow_says_so() {
    let mut app = app_as(|_| "admin".into());
    assert_eq!(app.view_name(), "staff");
    app.update(Action::Move);
    assert_eq!(
        crate::support::driver::message(&app),
        Some(app.session.lang.t("ui.no_workflow"))
    );
}
