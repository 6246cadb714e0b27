//! Awards name their recipients on the form: one person, or several for a group award.

use crate::support::driver;

use driver::*;
use jinji::app::Modal;

/// Two serving rank-and-file people from the staff list.
fn two_people(app: &jinji::app::App) -> (String, String) {
    let staff = app
        .session
        .db
        .search_staff(&jinji::store::search::Needle::Number("1".into()), 50)
        .unwrap();
    let mut serving = staff.iter().filter(|s| s.retire_date.is_none());
    let a = serving.next().unwrap().staff_no.clone();
    let b = serving.next().unwrap().staff_no.clone();
    (a, b)
}

#[test]
fn a_group_award_is_saved_with_every_recipient() {
    let mut app = app();
    let (a, b) = two_people(&app);
    press(&mut app, "6");
    press(&mut app, "n");
    set_field(&mut app, "title", "窓口改善プロジェクト");
    set_field(&mut app, "recipients", &format!("{a}、{b}"));
    set_field(&mut app, "group_name", "窓口改善チーム");
    press(&mut app, "C-s");
    assert!(
        top_form(&app).is_none(),
        "form still open: {:?}",
        top_form(&app).map(|f| f
            .fields
            .iter()
            .filter_map(|x| x.error.clone())
            .collect::<Vec<_>>())
    );
    let award = app
        .session
        .db
        .awards_in(app.nav.fiscal_year)
        .unwrap()
        .into_iter()
        .find(|x| x.title == "窓口改善プロジェクト")
        .unwrap();
    let who: Vec<String> = app
        .session
        .db
        .award_recipients(award.id)
        .unwrap()
        .iter()
        .map(|r| {
            app.session
                .db
                .get::<jinji::domain::staff::Staff>(r.staff_id)
                .unwrap()
                .staff_no
        })
        .collect();
    assert_eq!(who.len(), 2);
    assert!(who.contains(&a) && who.contains(&b));
    // Editing keeps them; removing one removes exactly that one.
    press(&mut app, "e");
    assert_eq!(field(form(&app), "recipients").text.split(' ').count(), 2);
    set_field(&mut app, "recipients", &a);
    press(&mut app, "C-s");
    assert!(top_form(&app).is_none());
    assert_eq!(app.session.db.award_recipients(award.id).unwrap().len(), 1);
}

#[test]
fn an_award_needs_someone_and_real_staff_numbers() {
    let mut app = app();
    press(&mut app, "6");
    press(&mut app, "n");
    set_field(&mut app, "title", "職務功績");
    set_field(&mut app, "recipients", "9999999");
    press(&mut app, "C-s");
    assert!(
        field(form(&app), "recipients").error.is_some(),
        "unknown staff number not flagged"
    );
    set_field(&mut app, "recipients", "");
    press(&mut app, "C-s");
    assert!(matches!(app.modals.last(), Some(Modal::Form(_))));
    assert!(
        field(form(&app), "recipients").error.is_some(),
        "no recipient not flagged"
    );
}
