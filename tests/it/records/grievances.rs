//! Grievances and interviews as records: the HR office's register of consultations
//! (苦情相談), formal complaints (苦情処理) with the review board's decision, the notice that
//! no one suffers for complaining, and interview notes the evaluatee reads.

use crate::support::driver;

use driver::*;
use jinji::app::action::Action;
use jinji::app::moves::Move;
use jinji::app::{App, Modal};
use jinji::domain::account::Account;
use jinji::domain::eval_flow::{EvalInput, EvalStep};
use jinji::domain::evaluation::{BoardDecision, EvalKind, EvalState, Evaluation, Term};
use jinji::domain::grievance::Consultation;
use jinji::domain::staff::Staff;
use jinji::domain::{Date, Id};
use jinji::i18n::Lang;
use jinji::store::flow::Actor;
use jinji::store::{Db, Filter, OpenMode};

fn login(db: &Db, staff: Id) -> Account {
    let no = db.get::<Staff>(staff).unwrap().staff_no;
    db.account_by_login(&format!("s{no}"))
        .unwrap()
        .expect("account")
}

fn as_account(path: &std::path::Path, a: &Account, today: Date) -> App {
    let mut db = Db::open(path, OpenMode::Existing).expect("open");
    db.set_actor(&a.login);
    let mut app = App::new(db, Lang::Ja, a.clone(), today).expect("app");
    app.update(Action::Resize(120, 40));
    app
}

fn evaluations(db: &Db, fy: i32, kind: EvalKind) -> Vec<Evaluation> {
    let p = db.eval_period(fy, kind, Term::Full).unwrap().unwrap();
    db.all(vec![Filter::eq("period_id", p.id)], "id").unwrap()
}

fn mv(
    db: &Db,
    a: &Account,
    e: &Evaluation,
    step: EvalStep,
    input: EvalInput,
    on: Date,
) -> Evaluation {
    let visible = db.visibility(a, 2026).unwrap();
    db.eval_move(
        e.id,
        None,
        step,
        &input,
        Actor {
            account: a,
            visible: &visible,
        },
        on,
    )
    .unwrap_or_else(|err| panic!("{step:?}: {err:?}"))
}

#[test]
fn a_consultation_is_recorded_by_the_hr_office_and_seen_by_no_one_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    demo_file(&path, &small_params());
    let db = Db::open(&path, OpenMode::ReadOnly).unwrap();
    let hr = db.account_by_login("hr1").unwrap().unwrap();
    let someone = evaluations(&db, 2026, EvalKind::Competency)[3].clone();
    let supervisor = login(&db, someone.evaluator1_id.expect("a first evaluator"));
    let person = login(&db, someone.staff_id);
    let before = db.count::<Consultation>(&[]).unwrap();
    drop(db);

    let mut app = as_account(&path, &hr, today());
    // The person who came to consult, in focus as people do it.
    let no = app
        .session
        .db
        .get::<Staff>(someone.staff_id)
        .unwrap()
        .staff_no;
    press(&mut app, "/");
    type_text(&mut app, &no);
    press(&mut app, "Enter");
    press(&mut app, "3");
    go_view(&mut app, "consultations");
    press(&mut app, "n");
    let f = form(&app);
    assert!(
        f.note
            .as_deref()
            .is_some_and(|n| n.contains("不利益な取扱いを受けることはありません")),
        "the form tells the HR office what to tell the person: {:?}",
        f.note
    );
    set_field(&mut app, "subject", "評語の根拠について説明を求めたい");
    set_field(&mut app, "reply", "評価の手順を説明した");
    press(&mut app, "C-s");
    assert!(top_form(&app).is_none(), "saved: {:?}", message(&app));
    let db = &app.session.db;
    assert_eq!(db.count::<Consultation>(&[]).unwrap(), before + 1);
    let saved = db.all::<Consultation>(vec![], "id").unwrap().pop().unwrap();
    assert_eq!(saved.subject, "評語の根拠について説明を求めたい");
    assert_eq!(
        saved.counsellor_id, hr.staff_id,
        "heard by the clerk who wrote it"
    );
    assert_eq!(
        db.audit_entries(Some("grievance_consultations"), Some(saved.id), 10)
            .unwrap()
            .len(),
        1,
        "audited"
    );

    // Neither the evaluators nor the person find the registers on the screens …
    for a in [&supervisor, &person] {
        let app = as_account(&path, a, today());
        let mut app = app;
        press(&mut app, "3");
        let views = app.views();
        assert!(
            !views
                .iter()
                .any(|v| *v == "consultations" || *v == "complaints"),
            "{}: {views:?}",
            a.login
        );
    }
    // … nor in files.
    let home = dir.path().join("home");
    for kind in ["consultations", "complaints"] {
        let o = jinji_as(&path, &supervisor.login, &home, &["export", kind]);
        assert_eq!(o.status.code(), Some(2), "{kind} refused to a supervisor");
        assert!(o.stdout.is_empty());
        let o = jinji_as(&path, "hr1", &home, &["export", kind]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        if kind == "consultations" {
            assert!(String::from_utf8_lossy(&o.stdout).contains("評語の根拠について"));
        }
    }
}

/// A disclosed evaluation of the year before, its disclosure day, and its evaluatee.
fn disclosed(db: &Db) -> (Evaluation, Date) {
    let e = evaluations(db, 2025, EvalKind::Performance)
        .into_iter()
        .find(|e| e.state == EvalState::Disclosed && e.response.is_none())
        .expect("a disclosed evaluation not yet answered");
    let on = e.disclosed_on.unwrap();
    (e, on)
}

#[test]
fn a_complaint_gets_the_review_board_s_decision_and_its_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    demo_file(&path, &small_params());
    let mut db = Db::open(&path, OpenMode::Existing).unwrap();
    let (e, on) = disclosed(&db);
    let me = login(&db, e.staff_id);
    db.set_actor(&me.login);
    let input = EvalInput {
        text: "評語の根拠が面談の説明と異なる".into(),
        ..Default::default()
    };
    mv(&db, &me, &e, EvalStep::Appeal, input, on.add_days(1));
    let no = db.get::<Staff>(e.staff_id).unwrap().staff_no;
    drop(db);

    // HR records the outcome from the command line: the board's decision is required.
    let home = dir.path().join("home");
    let args = |extra: &[&str]| {
        let mut a = vec![
            "eval",
            "outcome",
            no.as_str(),
            "--kind",
            "performance",
            "--year",
            "2025",
            "--comment",
            "評価理由を再度説明し、評価を維持した",
        ];
        a.extend_from_slice(extra);
        a.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let run = |a: Vec<String>| {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        jinji_as(&path, "hr1", &home, &a)
    };
    let o = run(args(&["--lang", "en"]));
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("Board's decision"), "names the field: {err}");
    let o = run(args(&["--decision", "maybe", "--lang", "en"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("partly_upheld"));
    let decided = on.add_days(20).iso();
    let o = run(args(&["--decision", "dismissed", "--decided-on", &decided]));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let db = Db::open(&path, OpenMode::ReadOnly).unwrap();
    let after: Evaluation = db.get(e.id).unwrap();
    assert_eq!(after.board_decision, Some(BoardDecision::Dismissed));
    assert_eq!(after.board_decided_on, Some(on.add_days(20)));
    assert_eq!(after.appeal_outcome, "評価理由を再度説明し、評価を維持した");
    drop(db);

    // The person reads the decision in their detail pane; the year's complaints list has it.
    let mut app = as_account(&path, &me, today());
    press(&mut app, "3");
    press(&mut app, "<");
    let row = (0..list(&app).total)
        .find(|_| {
            let hit = list(&app).current().map(|r| r.id) == Some(e.id);
            if !hit {
                press(&mut app, "Down");
            }
            hit
        })
        .is_some();
    assert!(row, "the person finds their evaluation");
    let detail: Vec<String> = app
        .shown
        .detail
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    assert!(
        detail.iter().any(|l| l == "board_decision=認めない"),
        "{detail:?}"
    );
    let hr = Db::open(&path, OpenMode::ReadOnly)
        .unwrap()
        .account_by_login("hr1")
        .unwrap()
        .unwrap();
    let mut app = as_account(&path, &hr, on.add_days(1));
    press(&mut app, "3");
    go_view(&mut app, "complaints");
    let l = list(&app);
    assert!(
        l.rows.iter().any(|r| r.id == e.id),
        "the complaint is on the register of the year it was made"
    );
}

#[test]
fn the_appeal_form_says_no_one_suffers_for_complaining() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    demo_file(&path, &small_params());
    let db = Db::open(&path, OpenMode::ReadOnly).unwrap();
    let (e, on) = disclosed(&db);
    let me = login(&db, e.staff_id);
    drop(db);
    // The day after disclosure, inside the window.
    let mut app = as_account(&path, &me, on.add_days(1));
    press(&mut app, "3");
    press(&mut app, "<");
    while list(&app).current().map(|r| r.id) != Some(e.id) {
        press(&mut app, "Down");
    }
    press(&mut app, "m");
    let Some(Modal::Moves(menu)) = app.modals.last() else {
        panic!("no move menu: {:?}", message(&app));
    };
    let at = menu
        .moves
        .iter()
        .position(|(m, _)| *m == Move::Eval(EvalStep::Appeal))
        .expect("appeal is open");
    for _ in 0..at {
        press(&mut app, "Down");
    }
    press(&mut app, "Enter");
    let note = form(&app).note.clone().unwrap_or_default();
    assert!(
        note.contains("不利益な取扱いを受けることはありません"),
        "{note}"
    );
}

#[test]
fn what_was_said_at_an_interview_is_kept_and_read_by_the_evaluatee() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    demo_file(&path, &small_params());
    let mut db = Db::open(&path, OpenMode::Existing).unwrap();
    let e = evaluations(&db, 2026, EvalKind::Competency)
        .into_iter()
        .find(|e| e.state <= EvalState::SecondDone && e.evaluator1_id.is_some())
        .expect("an evaluation not yet finalized");
    let first = login(&db, e.evaluator1_id.unwrap());
    db.set_actor(&first.login);
    let input = EvalInput {
        start_interview_on: Some(Date::from_ymd(2026, 5, 12)),
        start_interview_note: Some("今期は窓口の待ち時間短縮を目標とする".into()),
        ..Default::default()
    };
    let after = mv(&db, &first, &e, EvalStep::Interviews, input, today());
    assert_eq!(
        after.start_interview_note,
        "今期は窓口の待ち時間短縮を目標とする"
    );
    // A later move that says nothing of the note keeps it.
    let input = EvalInput {
        end_interview_on: Some(Date::from_ymd(2026, 11, 10)),
        ..Default::default()
    };
    let after = mv(&db, &first, &after, EvalStep::Interviews, input, today());
    assert_eq!(
        after.start_interview_note,
        "今期は窓口の待ち時間短縮を目標とする"
    );
    let me = login(&db, e.staff_id);
    drop(db);
    let mut app = as_account(&path, &me, today());
    press(&mut app, "3");
    while list(&app).current().map(|r| r.id) != Some(e.id) {
        press(&mut app, "Down");
    }
    assert!(
        app.shown
            .detail
            .iter()
            .any(|(k, v)| *k == "start_interview_note" && v.contains("待ち時間短縮")),
        "{:?}",
        app.shown.detail
    );
    // The first evaluator writes it through the interviews move's form.
    let mut app = as_account(&path, &first, today());
    press(&mut app, "3");
    while list(&app).current().map(|r| r.id) != Some(e.id) {
        press(&mut app, "Down");
    }
    press(&mut app, "m");
    let Some(Modal::Moves(menu)) = app.modals.last() else {
        panic!("no move menu: {:?}", message(&app));
    };
    let at = menu
        .moves
        .iter()
        .position(|(m, _)| *m == Move::Eval(EvalStep::Interviews))
        .expect("interviews open to the first evaluator");
    for _ in 0..at {
        press(&mut app, "Down");
    }
    press(&mut app, "Enter");
    assert_eq!(
        field(form(&app), "start_interview_note").text,
        "今期は窓口の待ち時間短縮を目標とする"
    );
    set_field(&mut app, "end_interview_note", "目標の達成状況を確認した");
    press(&mut app, "C-s");
    assert!(top_form(&app).is_none(), "saved: {:?}", message(&app));
    let saved: Evaluation = app.session.db.get(e.id).unwrap();
    assert_eq!(saved.end_interview_note, "目標の達成状況を確認した");
}

/// Nothing of a complaint reaches an evaluator: their move menu does not name the
/// complaint's outcome as the HR office's move to make, while the HR office has it.
#[test]
fn an_evaluator_s_menu_says_nothing_of_a_complaint() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    demo_file(&path, &small_params());
    let mut db = Db::open(&path, OpenMode::Existing).unwrap();
    let hr = db.account_by_login("hr1").unwrap().unwrap();
    // The year's list of evaluations as an account sees it, on a day.
    let year_list = |a: &Account, on: Date| {
        let mut app = as_account(&path, a, on);
        press(&mut app, "3");
        while app.nav.fiscal_year > 2025 {
            press(&mut app, "<");
        }
        app
    };
    // A disclosed evaluation, not yet answered, on its first evaluator's list.
    let (e, on, first) = evaluations(&db, 2025, EvalKind::Performance)
        .into_iter()
        .filter(|e| e.state == EvalState::Disclosed && e.response.is_none())
        .find_map(|e| {
            let first = login(&db, e.evaluator1_id?);
            let on = e.disclosed_on?;
            let app = year_list(&first, on.add_days(2));
            let listed =
                (0..list(&app).total).any(|i| list(&app).rows.get(i).is_some_and(|r| r.id == e.id));
            listed.then_some((e, on, first))
        })
        .expect("an evaluation on its evaluator's list");
    let me = login(&db, e.staff_id);
    db.set_actor(&me.login);
    let input = EvalInput {
        text: "評語の根拠が面談の説明と異なる".into(),
        ..Default::default()
    };
    mv(&db, &me, &e, EvalStep::Appeal, input, on.add_days(1));
    drop(db);
    let outcome = Move::Eval(EvalStep::Outcome).label(Lang::Ja).to_string();
    let menu_of = |a: &Account| {
        let mut app = year_list(a, on.add_days(2));
        select(&mut app, e.id);
        press(&mut app, "m");
        match app.modals.last() {
            Some(Modal::Moves(m)) => (
                m.moves.iter().map(|(_, l)| l.clone()).collect::<Vec<_>>(),
                m.blocked.iter().map(|(l, _)| l.clone()).collect::<Vec<_>>(),
            ),
            _ => (Vec::new(), Vec::new()),
        }
    };
    let (open, blocked) = menu_of(&first);
    assert!(
        !open.contains(&outcome) && !blocked.contains(&outcome),
        "the evaluator learns of the complaint: {open:?} {blocked:?}"
    );
    let (open, _) = menu_of(&hr);
    assert!(open.contains(&outcome), "HR records the outcome: {open:?}");
}
