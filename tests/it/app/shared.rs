//! Two people on one database file: the app never overwrites a newer version, names who
//! changed it, and copes when a row it shows is gone.

use crate::support::driver;

use driver::*;
use jinji::app::Modal;
use jinji::app::action::Mode;
use jinji::domain::career::Qualification;
use jinji::domain::staff::Staff;
use jinji::store::{Db, OpenMode};
use tempfile::TempDir;

/// A small demo in a file, an app on it as admin, and a second connection as hanako.
fn two_users() -> (TempDir, jinji::app::App, Db) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ward.db");
    demo_file(&path, &small_params());
    let app = app_on_file(&path);
    let mut other = Db::open(&path, OpenMode::Existing).expect("second connection");
    other.set_actor("hanako");
    (dir, app, other)
}

#[test]
fn a_conflict_names_who_changed_it_and_reloads() {
    let (_dir, mut app, other) = two_users();

    press(&mut app, "j");
    let id = list(&app).current().expect("row").id;
    let old: Staff = app.session.db.get(id).expect("staff");
    press(&mut app, "e");
    set_field(&mut app, "given_name", "次郎");

    // Someone else saves first.
    let mut theirs: Staff = other.get(id).expect("staff");
    theirs.phone = "9999".into();
    other.update(&mut theirs).expect("their save");

    press(&mut app, "C-s");
    assert_eq!(app.mode(), Mode::Confirm);
    let q = confirm_question(&app).expect("a question");
    assert!(q.contains("hanako"), "the question names who: {q}");
    assert!(matches!(app.modals[0], Modal::Form(_)), "the form is kept");
    let now: Staff = app.session.db.get(id).expect("staff");
    assert_eq!(now.given_name, old.given_name, "nothing was overwritten");
    assert_eq!(now.phone, "9999");

    press(&mut app, "y");
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(app.modals.len(), 1);
    let f = form(&app);
    assert_eq!(
        field(f, "phone").text,
        "9999",
        "the form shows their change"
    );
    assert_eq!(
        field(f, "given_name").text,
        old.given_name,
        "ours is dropped"
    );
    assert!(!f.dirty);

    // Now our change goes on top of theirs.
    set_field(&mut app, "given_name", "次郎");
    press(&mut app, "C-s");
    assert!(app.modals.is_empty());
    let last: Staff = other.get(id).expect("staff");
    assert_eq!(
        (last.given_name.as_str(), last.phone.as_str()),
        ("次郎", "9999")
    );
    assert_eq!(last.version, old.version + 2);
}

#[test]
fn declining_the_reload_keeps_the_typed_text() {
    let (_dir, mut app, other) = two_users();

    let id = list(&app).current().expect("row").id;
    press(&mut app, "e");
    set_field(&mut app, "given_name", "三郎");
    let mut theirs: Staff = other.get(id).expect("staff");
    theirs.email = "x@example.jp".into();
    other.update(&mut theirs).expect("their save");
    press(&mut app, "C-s");
    press(&mut app, "n");
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(field(form(&app), "given_name").text, "三郎");
    let now: Staff = app.session.db.get(id).expect("staff");
    assert_ne!(now.given_name, "三郎");
}

/// The selected row deleted by someone else, then a key that does not move the list.
#[test]
fn a_row_deleted_elsewhere_gives_one_message_that_closes() {
    let (_dir, mut app, other) = two_users();
    press(&mut app, "2");
    go_view(&mut app, "qualifications");
    let id = list(&app).current().expect("row").id;
    let q: Qualification = other.get(id).expect("qualification");
    other
        .delete::<Qualification>(id, q.version)
        .expect("their delete");

    press(&mut app, "e");
    assert_eq!(app.mode(), Mode::Message, "the app says the row is gone");
    press(&mut app, "Esc");
    assert_eq!(
        app.mode(),
        Mode::Normal,
        "Esc closes it: {:?}",
        message(&app)
    );
    assert!(app.modals.is_empty());
    assert!(
        list(&app).rows.iter().all(|r| r.id != id),
        "the list reloads"
    );
}
