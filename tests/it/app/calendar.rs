//! The office calendar on screen (人事評価 › 閉庁日): the fiscal year's closed days as the
//! command line lists them, an admin adds and removes the ward's own days with `n` and `d`
//! (audited), the law's days are fixed, and nobody else writes there. The evaluation's
//! detail pane counts the appeal window in 開庁日 from the same calendar.

use crate::support::driver;
use crate::support::{d, demo_ward};

use driver::*;
use jinji::app::action::Action;
use jinji::app::{App, Modal};
use jinji::demo::generate;
use jinji::domain::evaluation::{EvalKind, EvalState, Evaluation};
use jinji::domain::{Date, Id};
use jinji::i18n::Lang;
use jinji::store::{Db, Filter};

/// The demo ward opened as `login` on `today`.
fn open_as(db: Db, login: &str, today: Date) -> App {
    let account = db.account_by_login(login).unwrap().unwrap();
    let mut app = App::new(db, Lang::Ja, account, today).unwrap();
    app.update(Action::Resize(120, 40));
    app
}

/// Every row of the register as (date, name as shown, kind as shown).
fn register(app: &App) -> Vec<(String, String, String)> {
    let l = list(app);
    assert_eq!(l.rows.len(), l.total, "the year's days fit one screen");
    l.rows
        .iter()
        .map(|r| {
            let name = cell(l, r, "name");
            (
                cell(l, r, "closed_on"),
                app.session.lang.named("holiday", &name).to_string(),
                app.session
                    .lang
                    .label("closed_kind", &cell(l, r, "closed_kind"))
                    .to_string(),
            )
        })
        .collect()
}

/// The register's list as the command line prints it: `DATE<TAB>NAME`.
fn as_lines(rows: &[(String, String, String)]) -> Vec<String> {
    rows.iter().map(|(d, n, _)| format!("{d}\t{n}")).collect()
}

/// What `jinji calendar --year FY` prints, from the store's function it calls.
fn cli_lines(db: &Db, fy: i32) -> Vec<String> {
    db.closed_days(fy)
        .unwrap()
        .into_iter()
        .map(|c| {
            let name = match c.closure {
                jinji::domain::calendar::Closure::Rule(h) => {
                    Lang::Ja.label("holiday", h.code()).to_string()
                }
                jinji::domain::calendar::Closure::Ward(n) => n,
            };
            format!("{}\t{name}", c.date.iso())
        })
        .collect()
}

#[track_caller]
fn select_date(app: &mut App, date: &str) {
    press(app, "g");
    for _ in 0..list(app).total {
        let l = list(app);
        if l.current().is_some_and(|r| cell(l, r, "closed_on") == date) {
            return;
        }
        press(app, "Down");
    }
    panic!("{date} is not in the register");
}

fn detail(app: &App, key: &str) -> Option<String> {
    app.shown
        .detail
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.clone())
}

fn audit_actions(db: &Db) -> Vec<String> {
    db.audit_entries(Some("ward_closed_days"), None, 50)
        .unwrap()
        .into_iter()
        .map(|a| format!("{} {}", a.action, a.actor))
        .collect()
}

#[test]
fn the_register_shows_the_years_closed_days_and_an_admin_keeps_the_wards_own() {
    let mut app = open_as(demo_ward(), "admin", today());
    press(&mut app, "3");
    go_view(&mut app, "calendar");
    let rows = register(&app);
    assert_eq!(
        as_lines(&rows),
        cli_lines(&app.session.db, 2026),
        "one list everywhere"
    );
    assert_eq!(rows.len(), 24);
    assert!(rows.contains(&(
        "2026-09-22".into(),
        "国民の休日".into(),
        "国民の祝日・休日".into()
    )));
    assert!(rows.contains(&("2026-12-30".into(), "年末年始".into(), "年末年始".into())));
    let screen = render(&app, 120, 40);
    assert!(
        screen
            .lines()
            .any(|l| l.contains("2026-09-22") && l.contains("火") && l.contains("国民の休日")),
        "{screen}"
    );
    // `f` narrows to one kind of closed day at a time.
    let mut totals = Vec::new();
    for _ in 0..4 {
        press(&mut app, "f");
        totals.push(list(&app).total);
    }
    assert_eq!(
        totals,
        [19, 5, 0, 24],
        "the law's, 年末年始, the ward's, all"
    );
    // A day of the law, in the detail pane by its name.
    select_date(&mut app, "2027-01-11");
    assert_eq!(detail(&app, "name").as_deref(), Some("成人の日"));
    select_date(&mut app, "2026-12-30");
    assert_eq!(detail(&app, "name").as_deref(), Some("年末年始"));
    assert_eq!(detail(&app, "closed_kind").as_deref(), Some("年末年始"));

    // `n`: a ward day, saved through the store and audited.
    press(&mut app, "n");
    set_field(&mut app, "closed_on", "2026-11-27");
    set_field(&mut app, "name", "区制施行記念日");
    press(&mut app, "C-s");
    assert!(
        top_form(&app).is_none(),
        "{:?}",
        top_form(&app).map(|f| f
            .fields
            .iter()
            .filter_map(|x| x.error.clone())
            .collect::<Vec<_>>())
    );
    let day = app
        .session
        .db
        .ward_day_on(d(2026, 11, 27))
        .unwrap()
        .expect("saved");
    assert_eq!(day.name, "区制施行記念日");
    let rows = register(&app);
    assert_eq!(rows.len(), 25);
    assert_eq!(as_lines(&rows), cli_lines(&app.session.db, 2026));
    assert!(rows.contains(&(
        "2026-11-27".into(),
        "区制施行記念日".into(),
        "区の休日".into()
    )));
    assert_eq!(audit_actions(&app.session.db), ["insert admin"]);

    // A weekend or a day the law closes is refused on the form, naming the field.
    press(&mut app, "n");
    set_field(&mut app, "closed_on", "2026-11-28");
    set_field(&mut app, "name", "土曜");
    press(&mut app, "C-s");
    assert!(
        field(form(&app), "closed_on").error.is_some(),
        "a Saturday is already closed"
    );
    press(&mut app, "Esc");
    if matches!(app.modals.last(), Some(Modal::Confirm { .. })) {
        press(&mut app, "y");
    }
    assert!(app.modals.is_empty());

    // `d` on a day of the law: refused before any question.
    select_date(&mut app, "2026-11-23");
    press(&mut app, "d");
    let text = message(&app).expect("a refusal").to_string();
    assert!(text.contains("法律"), "{text}");
    press(&mut app, "Esc");
    assert_eq!(register(&app).len(), 25);

    // `d` on the ward's day: asked by its date and name, then removed and audited.
    select_date(&mut app, "2026-11-27");
    press(&mut app, "d");
    let q = confirm_question(&app).expect("asks first").to_string();
    assert!(
        q.contains("2026-11-27") && q.contains("金") && q.contains("区制施行記念日"),
        "{q}"
    );
    press(&mut app, "y");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    assert_eq!(app.session.db.ward_day_on(d(2026, 11, 27)).unwrap(), None);
    assert_eq!(register(&app).len(), 24);
    assert_eq!(
        audit_actions(&app.session.db),
        ["delete admin", "insert admin"]
    );

    // The year in view: `<` shows the year before, as `jinji calendar --year 2025` does.
    press(&mut app, "<");
    let rows = register(&app);
    assert_eq!(as_lines(&rows), cli_lines(&app.session.db, 2025));
    assert!(rows.contains(&(
        "2025-10-13".into(),
        "スポーツの日".into(),
        "国民の祝日・休日".into()
    )));
}

/// `key` answered with the admin-only refusal, then closed.
#[track_caller]
fn refused_to(app: &mut App, key: &str, login: &str) {
    press(app, key);
    let text = message(app)
        .unwrap_or_else(|| panic!("{login}: {key} not refused"))
        .to_string();
    assert!(text.contains("管理者"), "{login}: {text}");
    press(app, "Esc");
}

#[test]
fn only_an_admin_writes_the_calendar() {
    let db = demo_ward();
    let staff_login = db
        .accounts()
        .unwrap()
        .into_iter()
        .find(|a| a.role == jinji::domain::account::Role::Staff)
        .unwrap()
        .login;
    for login in ["hr1", staff_login.as_str()] {
        let db = Db::open_in_memory().unwrap();
        generate(&db, &demo_params()).unwrap();
        let admin = db.account_by_login("admin").unwrap().unwrap();
        let mut day = jinji::domain::calendar::WardDay {
            id: 0,
            closed_on: d(2026, 11, 27),
            name: "区制施行記念日".into(),
            version: 0,
        };
        db.save_ward_day(&mut day, &admin).unwrap();
        let mut app = open_as(db, login, today());
        press(&mut app, "3");
        go_view(&mut app, "calendar");
        // Everyone reads the calendar.
        assert_eq!(register(&app).len(), 25, "{login}");
        refused_to(&mut app, "n", login);
        select_date(&mut app, "2026-11-27");
        refused_to(&mut app, "d", login);
        press(&mut app, "e");
        assert!(top_form(&app).is_none(), "{login}: no form to edit");
        assert!(
            app.session
                .db
                .ward_day_on(d(2026, 11, 27))
                .unwrap()
                .is_some()
        );
        assert!(
            audit_actions(&app.session.db).len() == 1,
            "{login}: nothing more written"
        );
    }
}

/// A FY2026 competency evaluation, disclosed on `on` and not answered yet.
fn disclosed_on(db: &Db, on: Date) -> Evaluation {
    let period = db
        .eval_periods(2026)
        .unwrap()
        .into_iter()
        .find(|p| p.kind == EvalKind::Competency)
        .unwrap();
    let mut e: Evaluation = db
        .all::<Evaluation>(vec![Filter::eq("period_id", period.id)], "id")
        .unwrap()
        .into_iter()
        .find(|e| e.state == EvalState::SecondDone && e.second_rating.is_some())
        .expect("a rated evaluation");
    e.grade = e.second_rating;
    e.finalized_on = Some(on);
    e.disclosed_on = Some(on);
    e.state = EvalState::Disclosed;
    db.update(&mut e).unwrap();
    e
}

#[test]
fn the_detail_pane_counts_the_appeal_window_in_open_days() {
    let db = demo_ward();
    // Friday 2026-12-25: 12/28, then 年末年始, then 1/4–1/8 and (after 成人の日) 1/12.
    let e = disclosed_on(&db, d(2026, 12, 25));
    let id: Id = e.id;
    let mut app = open_as(db, "hr1", d(2026, 12, 28));
    press(&mut app, "3");
    go_view(&mut app, "evaluations");
    let no = app
        .session
        .db
        .get::<jinji::domain::staff::Staff>(e.staff_id)
        .unwrap()
        .staff_no;
    press(&mut app, "/");
    type_text(&mut app, &no);
    press(&mut app, "Enter");
    press(&mut app, "g");
    for _ in 0..list(&app).total {
        if list(&app).current().map(|r| r.id) == Some(id) {
            break;
        }
        press(&mut app, "Down");
    }
    assert_eq!(list(&app).current().map(|r| r.id), Some(id));
    assert_eq!(
        detail(&app, "response_deadline").as_deref(),
        Some("2027-01-12")
    );
    // A ward day within the window moves it one open day on, on the screen too.
    let admin = app.session.db.account_by_login("admin").unwrap().unwrap();
    let mut day = jinji::domain::calendar::WardDay {
        id: 0,
        closed_on: d(2027, 1, 5),
        name: "庁舎移転".into(),
        version: 0,
    };
    app.session.db.save_ward_day(&mut day, &admin).unwrap();
    press(&mut app, "Down");
    press(&mut app, "Up");
    assert_eq!(
        detail(&app, "response_deadline").as_deref(),
        Some("2027-01-13")
    );
}
