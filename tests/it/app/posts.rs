//! Where a person works, by keys: a changed 所属コード or 職位 on the 職員 form asks why
//! and from when, shows the change, and saves the new post and the staff row together;
//! a new 配置履歴 row moves the 職員 list; deleting it takes the move back; a post still
//! to come shows as upcoming and is followed on its day.

use crate::support::driver;

use driver::*;
use jinji::app::App;
use jinji::app::action::Mode;
use jinji::domain::Date;
use jinji::domain::assignment::{Assignment, Reason};
use jinji::domain::post::AssignmentKind;
use jinji::domain::staff::{Position, Staff, StaffStatus};
use jinji::domain::unit::Unit;
use jinji::i18n::Lang;
use jinji::store::{Db, Filter, OpenMode};

/// 企画調整係, where the issue moved someone from 戸籍住民課.
const KIKAKU_CHOSEI: &str = "100201";

fn unit_by_code(db: &Db, code: &str) -> Unit {
    db.all::<Unit>(vec![Filter::eq("code", code)], "code")
        .expect("units")
        .pop()
        .expect("the unit")
}

/// Puts the staff list's selection on the first active person of `position` outside 企画
/// 調整係 and returns them.
fn select_person(app: &mut App, position: Position) -> Staff {
    let target: Vec<Unit> = app
        .session
        .db
        .all(vec![Filter::eq("code", KIKAKU_CHOSEI)], "code")
        .expect("units");
    for _ in 0..400 {
        let id = list(app).current().expect("a row").id;
        let s: Staff = app.session.db.get(id).expect("person");
        if s.status == StaffStatus::Active
            && s.position == position
            && target.iter().all(|t| t.id != s.unit_id)
        {
            return s;
        }
        press(app, "j");
    }
    panic!("no active {position:?} in the list");
}

fn posts(db: &Db, s: &Staff) -> Vec<Assignment> {
    db.assignments_of(s.id).expect("posts")
}

#[test]
fn changing_the_unit_on_the_staff_form_asks_why_and_from_when_then_moves_the_post() {
    let mut app = app();
    let who = select_person(&mut app, Position::Clerk);
    let before = posts(&app.session.db, &who);
    let open = before.last().expect("a post").clone();
    assert_eq!(open.end_date, None);
    let from_unit = app.session.db.get::<Unit>(who.unit_id).expect("unit").name;

    press(&mut app, "e");
    set_field(&mut app, "unit_id", KIKAKU_CHOSEI);
    press(&mut app, "C-s");

    // Asked, not saved: why (定期異動 for a move) and from when (today), and the change.
    let f = form(&app);
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(field(f, "reason").text, "transfer");
    assert_eq!(field(f, "effective_on").text, today().iso());
    assert_eq!(f.fields[f.focus].spec.name, "reason");
    let note = f.note.clone().expect("the change shown");
    assert!(
        note.contains(&format!("配置の変更：{from_unit} 主事 → 企画調整係 主事")),
        "{note}"
    );
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("異動事由") && screen.contains("発令日"),
        "{screen}"
    );
    assert_eq!(
        app.session.db.get::<Staff>(who.id).expect("row").unit_id,
        who.unit_id
    );
    assert_eq!(posts(&app.session.db, &who), before, "nothing written yet");

    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "saved");
    let target = unit_by_code(&app.session.db, KIKAKU_CHOSEI);
    let row: Staff = app.session.db.get(who.id).expect("row");
    assert_eq!((row.unit_id, row.position), (target.id, Position::Clerk));
    let after = posts(&app.session.db, &who);
    assert_eq!(after.len(), before.len() + 1);
    let new = after.last().expect("the new post");
    assert_eq!(
        (new.unit_id, new.start_date, new.end_date, new.reason),
        (target.id, today(), None, Reason::Transfer)
    );
    let closed = after.iter().find(|a| a.id == open.id).expect("old post");
    assert_eq!(
        closed.end_date,
        Some(today().add_days(-1)),
        "closed the day before"
    );
    // The list says where the person now works.
    let l = list(&app);
    assert_eq!(cell(l, l.current().expect("row"), "unit"), "企画調整係");
    // Audited: the old post closed, the new one opened, the row moved.
    let acts = |table: &str, id| -> Vec<String> {
        app.session
            .db
            .audit_entries(Some(table), Some(id), 10)
            .expect("audit")
            .into_iter()
            .map(|e| e.action)
            .collect()
    };
    assert!(acts("assignments", open.id).contains(&"post.close".to_string()));
    assert_eq!(acts("assignments", new.id), ["insert"]);
    assert!(acts("staff", who.id).contains(&"post.follow".to_string()));
}

#[test]
fn a_promotion_defaults_to_shoshin_and_a_later_date_waits_for_its_day() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("d.db");
    demo_file(&path, &small_params());
    let mut app = app_on_file(&path);
    let who = select_person(&mut app, Position::Clerk);
    press(&mut app, "e");
    focus_field(&mut app, "position");
    // 主事 → 主任, one step up the list of positions.
    press(&mut app, "Left");
    assert_eq!(field(form(&app), "position").text, "senior");
    press(&mut app, "C-s");
    assert_eq!(field(form(&app), "reason").text, "promotion");
    let april = Date::from_ymd(2027, 4, 1);
    set_field(&mut app, "effective_on", "2027-04-01");
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "saved");

    // Announced for April: the row keeps 主事 until then; the post shows as upcoming.
    assert_eq!(
        app.session.db.get::<Staff>(who.id).expect("row").position,
        Position::Clerk
    );
    let next = posts(&app.session.db, &who).pop().expect("post");
    assert_eq!((next.position, next.start_date), (Position::Senior, april));
    press(&mut app, "Enter");
    press(&mut app, "4");
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("次の配置：2027-04-01から") && screen.contains("主任（昇任）"),
        "{screen}"
    );
    drop(app);

    // The app opened on 1 April: the row has followed.
    let mut db = Db::open(&path, OpenMode::Existing).expect("open");
    db.set_actor("admin");
    let admin = db.account_by_login("admin").expect("read").expect("admin");
    let app = App::new(db, Lang::Ja, admin, april).expect("app");
    let row: Staff = app.session.db.get(who.id).expect("row");
    assert_eq!(row.position, Position::Senior);
    assert!(app.modals.is_empty(), "nothing to report");
}

#[test]
fn an_effective_date_before_the_current_post_is_refused_under_its_field() {
    let mut app = app();
    let who = select_person(&mut app, Position::Clerk);
    let before = posts(&app.session.db, &who);
    let open = before.last().expect("post").clone();
    press(&mut app, "e");
    set_field(&mut app, "unit_id", KIKAKU_CHOSEI);
    press(&mut app, "C-s");
    set_field(&mut app, "effective_on", &open.start_date.iso());
    press(&mut app, "C-s");
    let f = form(&app);
    let err = field(f, "effective_on").error.clone().expect("an error");
    assert!(err.starts_with("発令日"), "{err}");
    assert!(
        err.contains("最後の配置（予定を含む）の開始日より後"),
        "{err}"
    );
    assert_eq!(f.fields[f.focus].spec.name, "effective_on");
    assert_eq!(posts(&app.session.db, &who), before, "nothing written");
    assert_eq!(app.session.db.get::<Staff>(who.id).expect("row"), who);
}

#[test]
fn a_staff_form_that_keeps_the_post_saves_at_once() {
    let mut app = app();
    let who = select_person(&mut app, Position::Clerk);
    let before = posts(&app.session.db, &who);
    press(&mut app, "e");
    set_field(&mut app, "phone", "03-1234-5678");
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "no question asked");
    let row: Staff = app.session.db.get(who.id).expect("row");
    assert_eq!(row.phone, "03-1234-5678");
    assert_eq!(posts(&app.session.db, &who), before);
}

#[test]
fn a_new_placement_row_moves_the_staff_list_and_deleting_it_moves_it_back() {
    let mut app = app();
    let who = select_person(&mut app, Position::Clerk);
    let before = posts(&app.session.db, &who);
    press(&mut app, "Enter");
    press(&mut app, "4");
    assert_eq!(app.view_name(), "assignments");
    press(&mut app, "n");
    assert_eq!(field(form(&app), "staff_id").text, who.staff_no);
    set_field(&mut app, "unit_id", KIKAKU_CHOSEI);
    set_field(&mut app, "start_date", &today().iso());
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "saved");
    let target = unit_by_code(&app.session.db, KIKAKU_CHOSEI);
    assert_eq!(
        app.session.db.get::<Staff>(who.id).expect("row").unit_id,
        target.id
    );
    press(&mut app, "1");
    let l = list(&app);
    let row = l.rows.iter().find(|r| r.id == who.id).expect("in the list");
    assert_eq!(cell(l, row, "unit"), "企画調整係");

    // The new row is selected after the save; deleting it takes the move back.
    press(&mut app, "4");
    let new = posts(&app.session.db, &who).pop().expect("post");
    assert_eq!(list(&app).current().map(|r| r.id), Some(new.id));
    press(&mut app, "d");
    press(&mut app, "y");
    assert_eq!(posts(&app.session.db, &who).len(), before.len());
    let reopened = posts(&app.session.db, &who).pop().expect("post");
    assert_eq!(
        (reopened.id, reopened.end_date),
        (before.last().expect("post").id, None)
    );
    assert_eq!(
        app.session.db.get::<Staff>(who.id).expect("row").unit_id,
        who.unit_id
    );
}

/// A new person in 企画調整係 by the 職員 form: number, name and reading.
fn new_person(app: &mut App, no: &str, name: [&str; 4]) {
    press(app, "n");
    let fields = ["family_name", "given_name", "family_kana", "given_kana"];
    set_field(app, "staff_no", no);
    for (f, text) in fields.iter().zip(name) {
        set_field(app, f, text);
    }
    set_field(app, "unit_id", KIKAKU_CHOSEI);
    press(app, "C-s");
}

#[test]
fn a_new_person_on_the_staff_form_gets_their_first_post() {
    let mut app = app();
    new_person(&mut app, "2699001", ["山田", "花子", "ヤマダ", "ハナコ"]);
    assert!(
        app.modals.is_empty(),
        "saved at once: {:?}",
        top_form(&app).map(|f| &f.error)
    );
    let s = app
        .session
        .db
        .staff_by_no("2699001")
        .expect("read")
        .expect("saved");
    let first = posts(&app.session.db, &s);
    assert_eq!(first.len(), 1);
    assert_eq!(
        (
            first[0].unit_id,
            first[0].position,
            first[0].start_date,
            first[0].end_date,
            first[0].reason
        ),
        (s.unit_id, s.position, s.hire_date, None, Reason::Hire)
    );
}

#[test]
fn the_only_post_of_a_person_is_not_deleted() {
    let mut app = app();
    new_person(&mut app, "2699002", ["佐藤", "一郎", "サトウ", "イチロウ"]);
    press(&mut app, "Enter");
    press(&mut app, "4");
    let only = {
        let s = app
            .session
            .db
            .staff_by_no("2699002")
            .expect("read")
            .expect("saved");
        posts(&app.session.db, &s).pop().expect("post")
    };
    assert_eq!(list(&app).current().map(|r| r.id), Some(only.id));
    press(&mut app, "d");
    press(&mut app, "y");
    let text = message(&app).expect("a refusal").to_string();
    assert!(text.contains("配置履歴が一件だけ"), "{text}");
    assert!(
        app.session
            .db
            .find::<Assignment>(only.id)
            .expect("read")
            .is_some()
    );
}

#[test]
fn the_staff_detail_lists_the_posts_a_person_holds_beside_their_main_one() {
    let mut app = app();
    let beside: Vec<i64> = app
        .session
        .db
        .all::<Assignment>(vec![], "id")
        .expect("posts")
        .iter()
        // 兼務, 事務取扱 or 事務代理 held today.
        .filter(|a| {
            a.kind != AssignmentKind::Main && a.end_date.is_none_or(|e| e >= app.session.today)
        })
        .map(|a| a.staff_id)
        .collect();
    assert!(!beside.is_empty(), "the demo holds 兼務");
    let mut seen = None;
    let mut last = None;
    loop {
        let id = list(&app).current().expect("a row").id;
        if last == Some(id) {
            break; // the end of the list
        }
        last = Some(id);
        if beside.contains(&id) {
            seen = app
                .shown
                .detail
                .iter()
                .find(|(k, _)| *k == "posts_beside")
                .map(|(_, v)| v.clone());
            break;
        }
        let none = app.shown.detail.iter().all(|(k, _)| *k != "posts_beside");
        assert!(
            none,
            "only people with posts beside their main one list them"
        );
        press(&mut app, "j");
    }
    let text = seen.expect("the person's posts beside the main one");
    // 「兼務 庶務係 係長（…〜）」, or the 事務取扱 / 事務代理 the demo also holds.
    assert!(
        ["兼務 ", "事務取扱 ", "事務代理 "]
            .iter()
            .any(|k| text.starts_with(k))
            && text.contains("（")
            && text.contains("〜）"),
        "{text}"
    );
}
