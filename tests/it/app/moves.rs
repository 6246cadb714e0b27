//! Workflow moves from the screens (src/app/flow.rs, src/app/pdca_moves.rs), typed key by
//! key on the demo ward as of 2026-11-24 by the people whose turn it is: `m` opens the
//! moves open to the account, `Enter` picks one, its form (or a yes) makes it, and the
//! store and the list show the result. Challenge themes are written through `e` by their
//! person with only their side's fields.

use crate::support::driver;
use crate::support::{demo_ward, driver::open_as};

use driver::*;
use jinji::app::action::Mode;
use jinji::app::moves::Move;
use jinji::app::{App, Modal};
use jinji::domain::account::{Account, Role};
use jinji::domain::eval_flow::EvalStep;
use jinji::domain::evaluation::{EvalKind, EvalState, Evaluation, Grade};
use jinji::domain::pdca::{PdcaCycle, Phase};
use jinji::domain::pdca_flow::{PdcaInput, PdcaStep};
use jinji::domain::staff::Staff;
use jinji::domain::theme::Theme;
use jinji::domain::{FieldError, FiscalYear, Id, Problem};
use jinji::i18n::{Lang, problem_text};
use jinji::store::flow::Actor;
use jinji::store::{Db, Filter};

/// The fiscal year of the demo's today.
const FY: FiscalYear = 2026;

/// The account of a person.
fn account_of(db: &Db, staff_id: Id) -> Account {
    db.accounts()
        .expect("accounts")
        .into_iter()
        .find(|a| a.staff_id == Some(staff_id))
        .unwrap_or_else(|| panic!("staff {staff_id} has no account"))
}

/// Evaluations of FY2026 of a kind, by id.
fn evaluations(db: &Db, kind: EvalKind) -> Vec<Evaluation> {
    let period = db
        .eval_periods(FY)
        .expect("periods")
        .into_iter()
        .find(|p| p.kind == kind)
        .expect("a period of the kind");
    db.all(vec![Filter::eq("period_id", period.id)], "id")
        .expect("evaluations")
}

/// A competency evaluation of FY2026 the evaluatee has handed in and the first evaluator
/// has yet to rate: one the first evaluator rated, taken back to that state (the demo's
/// autumn leaves only now and then a late first evaluator on its base day).
fn self_submitted(db: &Db) -> Evaluation {
    let mut e = evaluations(db, EvalKind::Competency)
        .into_iter()
        .find(|e| e.state == EvalState::FirstDone && e.evaluator1_id.is_some())
        .expect("an evaluation rated first in FY2026");
    e.state = EvalState::SelfSubmitted;
    e.first_rating = None;
    e.first_comment.clear();
    e.first_done_on = None;
    db.update(&mut e).expect("back to self-submitted");
    e
}

fn staff_no(db: &Db, id: Id) -> String {
    db.get::<Staff>(id).expect("staff").staff_no
}

/// Puts a person in focus as people do: `/`, their staff number, `Enter`.
#[track_caller]
fn focus_on(app: &mut App, staff_id: Id) {
    let no = staff_no(&app.session.db, staff_id);
    press(app, "/");
    type_text(app, &no);
    press(app, "Enter");
    assert_eq!(
        app.nav.focus.as_ref().map(|s| s.id),
        Some(staff_id),
        "{no} in focus"
    );
}

/// Chooses a move of the open menu with ↓ and `Enter`.
#[track_caller]
fn pick(app: &mut App, m: Move) {
    let at = moves(app)
        .iter()
        .position(|x| *x == m)
        .unwrap_or_else(|| panic!("{m:?} is not among {:?}", moves(app)));
    for _ in 0..at {
        press(app, "Down");
    }
    assert_eq!(move_menu(app).selected, at);
    press(app, "Enter");
}

/// The current row's text in a column.
fn current(app: &App, col: &str) -> String {
    let l = list(app);
    cell(l, l.current().expect("a current row"), col)
}

fn audit_actions(db: &Db, table: &str, id: Id) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = db
        .audit_entries(Some(table), Some(id), 100)
        .expect("audit")
        .into_iter()
        .map(|a| (a.action, a.actor))
        .collect();
    v.reverse();
    v
}

#[test]
fn the_first_evaluator_rates_a_self_submitted_evaluation() {
    let db = demo_ward();
    let e = self_submitted(&db);
    let login = account_of(&db, e.evaluator1_id.expect("a first evaluator")).login;
    let mut app = open_as(db, &login);
    press(&mut app, "3");
    assert_eq!(app.view_name(), "evaluations");
    focus_on(&mut app, e.staff_id);
    select(&mut app, e.id);
    assert_eq!(current(&app, "state"), "self_submitted");

    press(&mut app, "m");
    assert_eq!(app.mode(), Mode::Menu);
    let first = Move::Eval(EvalStep::First);
    assert_eq!(moves(&app)[0], first, "the first evaluation comes first");
    assert_eq!(move_menu(&app).moves[0].1, first.label(Lang::Ja));
    assert!(
        !moves(&app).contains(&Move::Eval(EvalStep::Submit)),
        "not the evaluatee's move"
    );
    assert!(
        render(&app, 120, 40).contains(first.label(Lang::Ja)),
        "the menu is on screen"
    );
    pick(&mut app, first);
    let f = form(&app);
    assert_eq!(making(&app), Some(first));
    assert_eq!(f.id, Some(e.id));
    let names: Vec<&str> = f.fields.iter().map(|x| x.spec.name).collect();
    assert_eq!(names, ["first_rating", "first_comment"]);
    assert_eq!(field(f, "first_rating").text, "", "no rating yet");

    // Without a rating: the error under the field, nothing written.
    let audit = app
        .session
        .db
        .audit_entries(None, None, 1_000_000)
        .unwrap()
        .len();
    press(&mut app, "C-s");
    assert_eq!(app.mode(), Mode::Form, "the form stays open");
    let want = problem_text(
        Lang::Ja,
        &FieldError {
            field: "first_rating",
            problem: Problem::Required,
        },
    );
    assert_eq!(
        field(form(&app), "first_rating").error.as_deref(),
        Some(want.as_str())
    );
    assert_eq!(
        app.session.db.get::<Evaluation>(e.id).unwrap(),
        e,
        "nothing written"
    );
    assert_eq!(
        app.session
            .db
            .audit_entries(None, None, 1_000_000)
            .unwrap()
            .len(),
        audit
    );

    // A rating chosen with →, a comment typed, saved.
    focus_field(&mut app, "first_rating");
    press(&mut app, "Right");
    press(&mut app, "Right");
    assert_eq!(field(form(&app), "first_rating").text, "A");
    focus_field(&mut app, "first_comment");
    type_text(&mut app, "窓口対応が丁寧");
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "{:?}", message(&app));

    let n: Evaluation = app.session.db.get(e.id).unwrap();
    assert_eq!(
        (
            n.state,
            n.first_rating,
            n.first_comment.as_str(),
            n.first_done_on
        ),
        (
            EvalState::FirstDone,
            Some(Grade::A),
            "窓口対応が丁寧",
            Some(today())
        )
    );
    assert_eq!(n.self_rating, e.self_rating, "the self-assessment stays");
    assert_eq!(
        audit_actions(&app.session.db, "evaluations", e.id).last(),
        Some(&("eval.first".to_string(), login.clone()))
    );
    // The list shows it, on the same row.
    assert_eq!(list(&app).current().map(|r| r.id), Some(e.id));
    assert_eq!(current(&app, "state"), "first_done");
    assert_eq!(current(&app, "first_rating"), "A");
    // The first evaluation is done: it is not offered again.
    press(&mut app, "m");
    match app.modals.last() {
        Some(Modal::Moves(m)) => assert!(!m.moves.iter().any(|(x, _)| *x == first)),
        Some(Modal::Message { text }) => assert_eq!(text, app.session.lang.t("ui.no_moves")),
        _ => panic!("mode {:?}", app.mode()),
    }
}

#[test]
fn the_evaluatee_submits_their_own_draft() {
    let db = demo_ward();
    // A performance draft of someone with a staff account whose themes weigh 100.
    let e = evaluations(&db, EvalKind::Performance)
        .into_iter()
        .filter(|e| e.state == EvalState::Draft)
        .find(|e| {
            account_of(&db, e.staff_id).role == Role::Staff
                && db
                    .themes_of(e.staff_id, FY)
                    .unwrap()
                    .iter()
                    .map(|t| t.weight)
                    .sum::<i64>()
                    == 100
        })
        .expect("a staff member's performance draft with themes");
    let login = account_of(&db, e.staff_id).login;
    let mut app = open_as(db, &login);
    press(&mut app, "3");
    select(&mut app, e.id);
    assert_eq!(current(&app, "state"), "draft");
    press(&mut app, "m");
    assert_eq!(moves(&app), [Move::Eval(EvalStep::Submit)]);
    pick(&mut app, Move::Eval(EvalStep::Submit));
    let names: Vec<&str> = form(&app).fields.iter().map(|x| x.spec.name).collect();
    assert_eq!(names, ["self_rating", "self_comment"]);
    press(&mut app, "Right");
    press(&mut app, "Right");
    press(&mut app, "Right");
    assert_eq!(field(form(&app), "self_rating").text, "B");
    press(&mut app, "Tab");
    type_text(&mut app, "目標はおおむね達成");
    // Submitting locks the self-assessment: asked first, saying so.
    press(&mut app, "C-s");
    assert_eq!(
        confirm_question(&app),
        Some("提出すると自己評価は編集できなくなります。提出しますか？")
    );
    press(&mut app, "y");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    assert_eq!(app.shown.notice.as_deref(), Some("自己評価を提出しました"));

    let n: Evaluation = app.session.db.get(e.id).unwrap();
    assert_eq!(
        (
            n.state,
            n.self_rating,
            n.self_comment.as_str(),
            n.self_submitted_on
        ),
        (
            EvalState::SelfSubmitted,
            Some(Grade::B),
            "目標はおおむね達成",
            Some(today())
        )
    );
    assert_eq!(
        audit_actions(&app.session.db, "evaluations", e.id).last(),
        Some(&("eval.submit".to_string(), login))
    );
    assert_eq!(current(&app, "state"), "self_submitted");
}

#[test]
fn a_submission_without_themes_weighing_100_says_so() {
    let db = demo_ward();
    let e = evaluations(&db, EvalKind::Performance)
        .into_iter()
        .find(|e| {
            e.state == EvalState::Draft
                && account_of(&db, e.staff_id).role == Role::Staff
                && !db.themes_of(e.staff_id, FY).unwrap().is_empty()
        })
        .expect("a staff member's performance draft with themes");
    // One theme gone: the rest weigh less than 100.
    let t = db.themes_of(e.staff_id, FY).unwrap().remove(0);
    db.delete::<Theme>(t.id, t.version).unwrap();
    let login = account_of(&db, e.staff_id).login;
    let mut app = open_as(db, &login);
    press(&mut app, "3");
    select(&mut app, e.id);
    press(&mut app, "m");
    pick(&mut app, Move::Eval(EvalStep::Submit));
    press(&mut app, "Right");
    press(&mut app, "C-s");
    press(&mut app, "y");
    assert_eq!(app.mode(), Mode::Form, "the form stays open");
    let rest: i64 = app
        .session
        .db
        .themes_of(e.staff_id, FY)
        .unwrap()
        .iter()
        .map(|t| t.weight)
        .sum();
    let want = problem_text(
        Lang::Ja,
        &FieldError {
            field: "weight",
            problem: Problem::Sum {
                expected: 100,
                actual: rest,
            },
        },
    );
    assert_eq!(
        form(&app).error.as_deref(),
        Some(want.as_str()),
        "the whole form is told the sum"
    );
    assert_eq!(
        app.session.db.get::<Evaluation>(e.id).unwrap(),
        e,
        "nothing written"
    );
}

#[test]
fn hr_finalizes_from_the_latest_rating_and_discloses_with_a_yes() {
    let db = demo_ward();
    let e = evaluations(&db, EvalKind::Competency)
        .into_iter()
        .find(|e| e.state == EvalState::SecondDone && e.second_rating.is_some())
        .expect("a second-done evaluation");
    let mut app = open_as(db, "hr1");
    press(&mut app, "3");
    focus_on(&mut app, e.staff_id);
    select(&mut app, e.id);
    press(&mut app, "m");
    let finalize = Move::Eval(EvalStep::Finalize);
    assert!(moves(&app).contains(&finalize), "{:?}", moves(&app));
    assert!(
        !moves(&app).contains(&Move::Eval(EvalStep::Disclose)),
        "not before it is final"
    );
    pick(&mut app, finalize);
    let latest = e.second_rating.map(|g| g.code().to_string());
    assert_eq!(
        Some(field(form(&app), "grade").text.clone()),
        latest,
        "prefilled with the second rating"
    );
    // Finalizing locks the evaluation: it asks first and says so.
    press(&mut app, "C-s");
    assert_eq!(
        confirm_question(&app),
        Some("確定すると評価は編集できなくなります。確定しますか？")
    );
    press(&mut app, "y");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    assert_eq!(app.shown.notice.as_deref(), Some("評価を確定しました"));
    let n: Evaluation = app.session.db.get(e.id).unwrap();
    assert_eq!(
        (n.state, n.grade, n.finalized_on),
        (EvalState::Finalized, e.second_rating, Some(today()))
    );
    assert_eq!(current(&app, "state"), "finalized");

    // Disclosing writes nothing but itself: a question, answered no and then yes.
    let disclose = Move::Eval(EvalStep::Disclose);
    press(&mut app, "m");
    assert_eq!(moves(&app), [disclose]);
    pick(&mut app, disclose);
    assert_eq!(confirm_question(&app), Some("評価結果を開示しますか？"));
    press(&mut app, "n");
    assert!(app.modals.is_empty());
    assert_eq!(
        app.session.db.get::<Evaluation>(e.id).unwrap(),
        n,
        "no is no"
    );
    press(&mut app, "m");
    pick(&mut app, disclose);
    press(&mut app, "y");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    let n: Evaluation = app.session.db.get(e.id).unwrap();
    assert_eq!(
        (n.state, n.disclosed_on),
        (EvalState::Disclosed, Some(today()))
    );
    assert_eq!(current(&app, "state"), "disclosed");
    let actions: Vec<String> = audit_actions(&app.session.db, "evaluations", e.id)
        .into_iter()
        .rev()
        .take(2)
        .map(|(a, who)| format!("{a} {who}"))
        .collect();
    assert_eq!(actions, ["eval.disclose hr1", "eval.finalize hr1"]);
}

#[test]
fn where_it_is_someone_elses_turn_the_menu_says_whose() {
    let db = demo_ward();
    // The evaluatee of a self-submitted evaluation: the first evaluator's turn. (Where the
    // demo has none at a staff member's, one a step further is put back to that step.)
    let staff_members: Vec<Evaluation> = evaluations(&db, EvalKind::Competency)
        .into_iter()
        .filter(|e| account_of(&db, e.staff_id).role == Role::Staff)
        .collect();
    let mut e = staff_members
        .iter()
        .find(|e| e.state == EvalState::SelfSubmitted)
        .or_else(|| {
            staff_members
                .iter()
                .find(|e| e.state == EvalState::FirstDone)
        })
        .cloned()
        .expect("a staff member's evaluation under way");
    if e.state == EvalState::FirstDone {
        e.state = EvalState::SelfSubmitted;
        e.first_rating = None;
        e.first_comment.clear();
        e.first_done_on = None;
        db.update(&mut e).unwrap();
    }
    let login = account_of(&db, e.staff_id).login;
    let mut app = open_as(db, &login);
    press(&mut app, "3");
    select(&mut app, e.id);
    press(&mut app, "m");
    let m = move_menu(&app);
    assert!(m.moves.is_empty(), "{:?}", moves(&app));
    let first = Move::Eval(EvalStep::First).label(Lang::Ja);
    let blocked: Vec<&str> = m.blocked.iter().map(|(l, _)| l.as_str()).collect();
    assert!(blocked.contains(&first), "{blocked:?}");
    assert!(m.blocked.iter().all(|(_, why)| !why.is_empty()));
    assert!(
        render(&app, 120, 40).contains(first),
        "the blocked move is on screen"
    );
    // Nothing to pick: ↓ and Enter do nothing, Esc closes.
    press(&mut app, "Down");
    assert_eq!(move_menu(&app).selected, 0);
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Menu);
    assert_eq!(app.session.db.get::<Evaluation>(e.id).unwrap(), e);
    press(&mut app, "Esc");
    assert!(app.modals.is_empty());
}

#[test]
fn where_nothing_is_open_it_says_so() {
    let db = demo_ward();
    // Last year's evaluation, disclosed and agreed to: nobody has a move left.
    let period = db
        .eval_periods(FY - 1)
        .unwrap()
        .into_iter()
        .find(|p| p.kind == EvalKind::Competency)
        .expect("last year's period");
    let e = db
        .all::<Evaluation>(vec![Filter::eq("period_id", period.id)], "id")
        .unwrap()
        .into_iter()
        .find(|e| {
            e.state == EvalState::Disclosed
                && e.response.is_some()
                && e.appeal_outcome.is_empty()
                && e.response_note.is_empty()
                && account_of(&db, e.staff_id).role == Role::Staff
        })
        .expect("an answered evaluation of last year");
    let login = account_of(&db, e.staff_id).login;
    let mut app = open_as(db, &login);
    press(&mut app, "3");
    press(&mut app, "<");
    select(&mut app, e.id);
    press(&mut app, "m");
    assert_eq!(message(&app), Some(app.session.lang.t("ui.no_moves")));
    press(&mut app, "Esc");
    assert!(app.modals.is_empty());
}

#[test]
fn a_supervisor_does_not_edit_evaluations_through_the_form() {
    let db = demo_ward();
    let e = self_submitted(&db);
    let login = account_of(&db, e.evaluator1_id.unwrap()).login;
    let mut app = open_as(db, &login);
    press(&mut app, "3");
    focus_on(&mut app, e.staff_id);
    select(&mut app, e.id);
    for k in ["e", "n", "d"] {
        press(&mut app, k);
        assert_eq!(
            message(&app),
            Some(app.session.lang.t("err.hr_only")),
            "{k}"
        );
        press(&mut app, "Esc");
    }
    assert_eq!(app.session.db.get::<Evaluation>(e.id).unwrap(), e);
}

/// Someone with a staff account, their performance evaluation of FY2026 in draft, and
/// their themes.
fn evaluatee_with_themes(db: &Db) -> (Evaluation, Vec<Theme>) {
    evaluations(db, EvalKind::Performance)
        .into_iter()
        .filter(|e| e.state == EvalState::Draft && e.evaluator1_id.is_some())
        .filter(|e| account_of(db, e.staff_id).role == Role::Staff)
        .map(|e| {
            let t = db.themes_of(e.staff_id, FY).unwrap();
            (e, t)
        })
        .find(|(_, t)| !t.is_empty() && t.iter().all(|t| t.achievement.is_none()))
        .expect("an evaluatee with themes")
}

#[test]
fn the_evaluatee_edits_their_own_theme_with_their_fields_only() {
    let db = demo_ward();
    let (e, themes) = evaluatee_with_themes(&db);
    let t = themes[0].clone();
    let login = account_of(&db, e.staff_id).login;
    let mut app = open_as(db, &login);
    press(&mut app, "3");
    go_view(&mut app, "themes");
    select(&mut app, t.id);
    press(&mut app, "e");
    let f = form(&app);
    assert_eq!(f.id, Some(t.id));
    let names: Vec<&str> = f.fields.iter().map(|x| x.spec.name).collect();
    assert_eq!(
        names,
        [
            "title",
            "target",
            "difficulty",
            "weight",
            "progress",
            "midterm_report",
            "midterm_on",
            "result",
            "self_assessment"
        ]
    );
    let progress = if t.progress == 85 { 86 } else { 85 };
    set_field(&mut app, "progress", &progress.to_string());
    set_field(&mut app, "self_assessment", "窓口の混雑が減った");
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    let n: Theme = app.session.db.get(t.id).unwrap();
    assert_eq!(
        n,
        Theme {
            progress,
            self_assessment: "窓口の混雑が減った".into(),
            version: t.version + 1,
            ..t.clone()
        }
    );
    assert_eq!(
        audit_actions(&app.session.db, "themes", t.id).last(),
        Some(&("update".to_string(), login))
    );
    assert_eq!(current(&app, "progress"), progress.to_string());

    // A new theme starts as theirs, weighing what the others leave; given the whole
    // weight, it is over 100 with the others.
    press(&mut app, "n");
    let f = form(&app);
    assert!(f.fields.iter().all(|x| x.spec.name != "staff_id"));
    let left: i64 = 100 - themes.iter().map(|t| t.weight).sum::<i64>();
    assert_eq!(field(f, "weight").text, left.clamp(0, 100).to_string());
    set_field(&mut app, "weight", "100");
    set_field(&mut app, "title", "新しいテーマ");
    set_field(&mut app, "target", "研修を企画する");
    press(&mut app, "C-s");
    assert_eq!(app.mode(), Mode::Form);
    let sum: i64 = themes.iter().map(|t| t.weight).sum();
    let want = problem_text(
        Lang::Ja,
        &FieldError {
            field: "weight",
            problem: Problem::Sum {
                expected: 100,
                actual: sum + 100,
            },
        },
    );
    assert_eq!(
        field(form(&app), "weight").error.as_deref(),
        Some(want.as_str())
    );
    assert_eq!(
        app.session.db.themes_of(e.staff_id, FY).unwrap().len(),
        themes.len()
    );
    // Dropped; then one of their themes deleted, with a yes.
    press(&mut app, "Esc");
    assert!(confirm_question(&app).is_some(), "drop the changes?");
    press(&mut app, "y");
    assert!(app.modals.is_empty());
    select(&mut app, t.id);
    press(&mut app, "d");
    assert!(confirm_question(&app).is_some());
    press(&mut app, "y");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    assert!(app.session.db.find::<Theme>(t.id).unwrap().is_none());
    assert_eq!(list(&app).total, themes.len() - 1);
}

#[test]
fn the_first_evaluator_judges_a_theme_with_their_fields_only() {
    let db = demo_ward();
    let (e, themes) = evaluatee_with_themes(&db);
    let t = themes[0].clone();
    let login = account_of(&db, e.evaluator1_id.unwrap()).login;
    let mut app = open_as(db, &login);
    press(&mut app, "3");
    go_view(&mut app, "themes");
    focus_on(&mut app, e.staff_id);
    select(&mut app, t.id);
    press(&mut app, "e");
    let names: Vec<&str> = form(&app).fields.iter().map(|x| x.spec.name).collect();
    assert_eq!(names, ["achievement", "evaluator_comment"]);
    set_field(&mut app, "achievement", "90");
    set_field(&mut app, "evaluator_comment", "着実に進めている");
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    let n: Theme = app.session.db.get(t.id).unwrap();
    assert_eq!(
        n,
        Theme {
            achievement: Some(90),
            evaluator_comment: "着実に進めている".into(),
            version: t.version + 1,
            ..t.clone()
        }
    );
    // The first evaluator neither removes nor adds themes.
    press(&mut app, "d");
    press(&mut app, "y");
    let not_yours = problem_text(
        Lang::Ja,
        &FieldError {
            field: "staff_no",
            problem: Problem::Rule {
                rule: "theme_not_yours",
            },
        },
    );
    assert_eq!(message(&app), Some(not_yours.as_str()));
    press(&mut app, "Esc");
    assert!(app.session.db.find::<Theme>(t.id).unwrap().is_some());
    press(&mut app, "n");
    let names: Vec<&str> = form(&app).fields.iter().map(|x| x.spec.name).collect();
    assert_eq!(names, ["achievement", "evaluator_comment"]);
    set_field(&mut app, "evaluator_comment", "追加したい");
    press(&mut app, "C-s");
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(form(&app).error.as_deref(), Some(not_yours.as_str()));
    assert_eq!(
        app.session.db.themes_of(e.staff_id, FY).unwrap().len(),
        themes.len()
    );
}

#[test]
fn the_first_evaluation_of_performance_starts_from_what_the_themes_suggest() {
    let db = demo_ward();
    let (e, themes) = evaluatee_with_themes(&db);
    let weights: i64 = themes.iter().map(|t| t.weight).sum();
    assert_eq!(weights, 100);
    let me = account_of(&db, e.staff_id);
    let first = account_of(&db, e.evaluator1_id.unwrap());
    {
        let as_me = db.visibility(&me, FY).unwrap();
        db.eval_move(
            e.id,
            None,
            EvalStep::Submit,
            &jinji::domain::eval_flow::EvalInput {
                rating: Some(Grade::A),
                ..Default::default()
            },
            Actor {
                account: &me,
                visible: &as_me,
            },
            today(),
        )
        .expect("submitted");
        let as_first = db.visibility(&first, FY).unwrap();
        for (i, t) in themes.iter().enumerate() {
            let mut t = t.clone();
            t.achievement = Some(if i == 0 { 95 } else { 80 });
            db.save_theme(
                &mut t,
                Actor {
                    account: &first,
                    visible: &as_first,
                },
                today(),
            )
            .expect("judged");
        }
    }
    let e: Evaluation = db.get(e.id).unwrap();
    let (score, grade) = db.eval_suggestion(&e).unwrap().expect("a suggestion");
    let mut app = open_as(db, &first.login);
    press(&mut app, "3");
    focus_on(&mut app, e.staff_id);
    select(&mut app, e.id);
    press(&mut app, "m");
    pick(&mut app, Move::Eval(EvalStep::First));
    let note = app.session.lang.tf(
        "ui.theme_suggestion",
        &[("grade", &grade.code()), ("score", &score)],
    );
    assert_eq!(form(&app).note.as_deref(), Some(note.as_str()));
    assert_eq!(field(form(&app), "first_rating").text, grade.code());
    // Taken as it is.
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    let n: Evaluation = app.session.db.get(e.id).unwrap();
    assert_eq!(
        (n.state, n.first_rating),
        (EvalState::FirstDone, Some(grade))
    );
    // Judged: the themes are closed to the first evaluator now.
    go_view(&mut app, "themes");
    select(&mut app, themes[0].id);
    press(&mut app, "e");
    let locked = problem_text(
        Lang::Ja,
        &FieldError {
            field: "staff_no",
            problem: Problem::Rule {
                rule: "theme_locked_judged",
            },
        },
    );
    assert_eq!(message(&app), Some(locked.as_str()));
}

#[test]
fn the_owner_plans_a_new_turn_adds_an_action_and_starts_it() {
    let db = demo_ward();
    // A person's cycle in Do, closed by the HR office: its next turn waits in Plan.
    let c = db
        .all::<PdcaCycle>(vec![Filter::eq("fiscal_year", FY)], "id")
        .unwrap()
        .into_iter()
        .find(|c| {
            c.phase == Phase::Do
                && c.owner_staff_id
                    .is_some_and(|s| account_of(&db, s).role == Role::Staff)
        })
        .expect("a person's cycle in Do");
    let next = {
        let hr = db.account_by_login("hr1").unwrap().unwrap();
        let visible = db.visibility(&hr, FY).unwrap();
        let who = Actor {
            account: &hr,
            visible: &visible,
        };
        let input = PdcaInput {
            result: Some(c.target.unwrap_or(1.0)),
            improvements: "案内の掲示を増やす".into(),
        };
        for step in [PdcaStep::Check, PdcaStep::Act] {
            db.pdca_move(c.id, None, step, &input, who, today())
                .unwrap();
        }
        let (_, next) = db
            .pdca_move(c.id, None, PdcaStep::Close, &input, who, today())
            .unwrap();
        next.expect("the next turn")
    };
    assert_eq!(
        (next.phase, next.fiscal_year, next.target),
        (Phase::Plan, FY, None)
    );
    let login = account_of(&db, c.owner_staff_id.unwrap()).login;
    let mut app = open_as(db, &login);
    press(&mut app, "8");
    assert_eq!(app.view_name(), "pdca");
    select(&mut app, next.id);
    assert_eq!(current(&app, "phase"), "plan");

    // Not ready to start: the menu says why.
    press(&mut app, "m");
    assert_eq!(moves(&app), [Move::Plan, Move::AddAction]);
    let start = Move::Pdca(PdcaStep::Do).label(Lang::Ja);
    assert!(
        move_menu(&app)
            .blocked
            .iter()
            .any(|(l, why)| l == start && why.contains(app.session.lang.field("target"))),
        "{:?}",
        move_menu(&app).blocked
    );

    // The plan: the form starts from the cycle; a target is written.
    pick(&mut app, Move::Plan);
    let f = form(&app);
    assert_eq!(making(&app), Some(Move::Plan));
    let names: Vec<&str> = f.fields.iter().map(|x| x.spec.name).collect();
    assert_eq!(
        names,
        [
            "goal",
            "metric",
            "metric_unit",
            "lower_is_better",
            "baseline",
            "target",
            "plan_notes"
        ]
    );
    assert_eq!(field(f, "goal").text, next.goal);
    assert_eq!(field(f, "plan_notes").text, "案内の掲示を増やす");
    set_field(&mut app, "target", "42.5");
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    let planned: PdcaCycle = app.session.db.get(next.id).unwrap();
    assert_eq!(
        planned,
        PdcaCycle {
            target: Some(42.5),
            version: next.version + 1,
            ..next.clone()
        }
    );
    assert_eq!(current(&app, "target"), "42.5");

    // An action with its due date.
    press(&mut app, "m");
    pick(&mut app, Move::AddAction);
    let names: Vec<&str> = form(&app).fields.iter().map(|x| x.spec.name).collect();
    assert_eq!(names, ["description", "due_on"]);
    type_text(&mut app, "掲示板の更新");
    press(&mut app, "C-s");
    assert_eq!(app.mode(), Mode::Form, "a due date is needed");
    assert!(field(form(&app), "due_on").error.is_some());
    assert!(app.session.db.pdca_actions(next.id).unwrap().is_empty());
    set_field(&mut app, "due_on", "2027-01-31");
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    let actions = app.session.db.pdca_actions(next.id).unwrap();
    assert_eq!(actions.len(), 1);
    assert_eq!(
        (
            actions[0].description.as_str(),
            actions[0].due_on.to_string()
        ),
        ("掲示板の更新", "2027-01-31".to_string())
    );

    // Now it starts, with a yes.
    press(&mut app, "m");
    let go = Move::Pdca(PdcaStep::Do);
    assert!(
        move_menu(&app).blocked.is_empty(),
        "{:?}",
        move_menu(&app).blocked
    );
    pick(&mut app, go);
    assert!(confirm_question(&app).is_some());
    press(&mut app, "y");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    let started: PdcaCycle = app.session.db.get(next.id).unwrap();
    assert_eq!(started.phase, Phase::Do);
    assert_eq!(current(&app, "phase"), "do");
    let audit: Vec<String> = audit_actions(&app.session.db, "pdca_cycles", next.id)
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    assert_eq!(audit, ["insert", "pdca.plan", "pdca.do"]);
    // In Do the plan is no longer offered; progress is noted and the action done.
    press(&mut app, "m");
    assert!(!moves(&app).contains(&Move::Plan));
    assert!(moves(&app).contains(&Move::AddAction));
    pick(&mut app, Move::Checkin);
    assert_eq!(field(form(&app), "progress").text, "0", "from the cycle");
    set_field(&mut app, "note", "掲示を二か所に追加");
    set_field(&mut app, "progress", "30");
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    assert_eq!(
        app.session.db.get::<PdcaCycle>(next.id).unwrap().progress,
        30
    );
    let checkins = app.session.db.pdca_checkins(next.id).unwrap();
    assert_eq!(
        checkins
            .iter()
            .map(|k| (k.note.as_str(), k.on_date))
            .collect::<Vec<_>>(),
        [("掲示を二か所に追加", today())]
    );
    assert_eq!(
        audit_actions(&app.session.db, "pdca_cycles", next.id).last(),
        Some(&("pdca.progress".to_string(), login.clone()))
    );
    assert_eq!(current(&app, "progress"), "30");

    press(&mut app, "m");
    pick(&mut app, Move::ActionDone(actions[0].id));
    press(&mut app, "y");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    let done = &app.session.db.pdca_actions(next.id).unwrap()[0];
    assert_eq!((done.done_on, done.progress), (Some(today()), 100));
    press(&mut app, "m");
    assert!(
        !moves(&app).contains(&Move::ActionDone(actions[0].id)),
        "done once"
    );
}

#[test]
fn someone_who_neither_writes_nor_judges_a_theme_gets_no_empty_form() {
    let db = demo_ward();
    // The second evaluator (a supervisor) of someone's performance evaluation.
    let e = evaluations(&db, EvalKind::Performance)
        .into_iter()
        .find(|e| {
            e.evaluator2_id
                .is_some_and(|s| account_of(&db, s).role == Role::Supervisor)
                && !db.themes_of(e.staff_id, FY).unwrap().is_empty()
        })
        .expect("an evaluatee with themes and a supervisor as second evaluator");
    let t = db.themes_of(e.staff_id, FY).unwrap().remove(0);
    let login = account_of(&db, e.evaluator2_id.unwrap()).login;
    let mut app = open_as(db, &login);
    press(&mut app, "3");
    go_view(&mut app, "themes");
    focus_on(&mut app, e.staff_id);
    select(&mut app, t.id);
    for k in ["e", "n"] {
        press(&mut app, k);
        assert!(
            top_form(&app).is_none_or(|f| !f.fields.is_empty()),
            "`{k}` opened a form without fields"
        );
        // Whatever is open takes keys without a crash, and writes nothing.
        for k in ["Tab", "x", "S-Tab", "BS", "Right", "C-s", "Esc", "Esc", "y"] {
            send(&mut app, key(k));
        }
        for _ in 0..10 {
            send(&mut app, key("Esc"));
            send(&mut app, key("y"));
        }
        assert_eq!(app.session.db.get::<Theme>(t.id).unwrap(), t, "`{k}`");
    }
}
