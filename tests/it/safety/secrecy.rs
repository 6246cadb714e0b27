//! Ratings kept secret until disclosure: on the demo ward, one evaluation in each state of
//! the chain is read by every kind of reader (admin, HR, the evaluatee, the first and the
//! second evaluator, a supervisor above them) through every surface — the lists, the
//! detail pane, `v`, the panels (grade chart, calibration), the career page, the unit
//! summary, the evaluation sheet, exports, and the real binary's `export` and `report`.
//!
//! The test is differential: a stage's values (rating, comment, the send-back reason, the
//! evaluator's side of the challenge themes) are written once one way and once another;
//! a reader who may not see that stage must get byte-identical answers from every
//! surface, and one who may must see the difference somewhere. It knows nothing of how
//! the program hides them; the rule is written out here as the issue states it.

use crate::support::driver;

use std::path::{Path, PathBuf};

use driver::*;
use jinji::app::App;
use jinji::domain::account::{Account, Role};
use jinji::domain::evaluation::{EvalKind, EvalState, Evaluation, Term};
use jinji::domain::staff::Staff;
use jinji::domain::unit::Unit;
use jinji::domain::{FiscalYear, Id};
use jinji::i18n::Lang;
use jinji::store::views::{ViewQuery, view};
use jinji::store::{Db, Filter, OpenMode};

const FY: FiscalYear = 2026;

/// The parts of an evaluation, by whose stage wrote them.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Stage {
    Own,
    First,
    Second,
    Final,
    /// The evaluatee's answer: agreement, or a complaint and the board's decision.
    Response,
}
const STAGES: [Stage; 5] = [
    Stage::Own,
    Stage::First,
    Stage::Second,
    Stage::Final,
    Stage::Response,
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Admin,
    Hr,
    Evaluatee,
    First,
    Second,
    /// A supervisor who sees the person but is not in the chain.
    Above,
}

/// The rule, as the issue states it.
fn may_see(who: Who, state: EvalState, stage: Stage) -> bool {
    let at_least = |s: EvalState| state >= s;
    match (who, stage) {
        (Who::Admin | Who::Hr, _) => true,
        // Nothing of a complaint reaches the evaluators, nor anyone above them.
        (Who::Evaluatee, Stage::Response) => true,
        (_, Stage::Response) => false,
        (Who::Evaluatee, Stage::Own) => true,
        (Who::Evaluatee, _) => state == EvalState::Disclosed,
        // A self-assessment is the evaluatee's own until handed in.
        (_, Stage::Own) => at_least(EvalState::SelfSubmitted),
        (Who::First, Stage::First) => true,
        (Who::Second, Stage::First | Stage::Second) => true,
        (_, _) => at_least(EvalState::Finalized),
    }
}

/// One evaluatee whose evaluations of the year (both kinds) are put in one state.
struct Case {
    state: EvalState,
    person: Staff,
    readers: Vec<(Who, Account)>,
}

fn account(db: &Db, login: &str) -> Account {
    db.account_by_login(login)
        .expect("account")
        .unwrap_or_else(|| panic!("no account {login}"))
}

fn login_of(db: &Db, id: Id) -> String {
    format!("s{}", db.get::<Staff>(id).expect("staff").staff_no)
}

fn year_evaluations(db: &Db, staff: Id) -> Vec<Evaluation> {
    let mut out = Vec::new();
    for kind in [EvalKind::Competency, EvalKind::Performance] {
        let p = db
            .eval_period(FY, kind, Term::Full)
            .expect("period")
            .expect("a period of each kind");
        out.extend(
            db.all::<Evaluation>(
                vec![Filter::eq("period_id", p.id), Filter::eq("staff_id", staff)],
                "id",
            )
            .expect("evaluations"),
        );
    }
    out
}

/// Six people of the demo, each with both evaluations of the year, two different
/// evaluators and challenge themes; one state each.
fn cases(db: &Db) -> Vec<Case> {
    let p = db
        .eval_period(FY, EvalKind::Competency, Term::Full)
        .unwrap()
        .unwrap();
    let all: Vec<Evaluation> = db
        .all(vec![Filter::eq("period_id", p.id)], "staff_id")
        .unwrap();
    let supervisors: Vec<Account> = db
        .accounts()
        .unwrap()
        .into_iter()
        .filter(|a| a.role == Role::Supervisor)
        .collect();
    let mut out: Vec<Case> = Vec::new();
    let mut used: Vec<Id> = Vec::new();
    for e in &all {
        if out.len() == EvalState::ALL.len() {
            break;
        }
        let (Some(ev1), Some(ev2)) = (e.evaluator1_id, e.evaluator2_id) else {
            continue;
        };
        let chain = [e.staff_id, ev1, ev2];
        if ev1 == ev2
            || chain.iter().any(|x| used.contains(x))
            || year_evaluations(db, e.staff_id).len() != 2
            || db.themes_of(e.staff_id, FY).unwrap().is_empty()
        {
            continue;
        }
        let person: Staff = db.get(e.staff_id).unwrap();
        let above = supervisors.iter().find(|a| {
            a.staff_id.is_some_and(|s| !chain.contains(&s))
                && db.visibility(a, FY).unwrap().sees(&person)
        });
        let Some(above) = above else { continue };
        used.extend(chain);
        let readers = vec![
            (Who::Admin, account(db, "admin")),
            (Who::Hr, account(db, "hr1")),
            (Who::Evaluatee, account(db, &login_of(db, e.staff_id))),
            (Who::First, account(db, &login_of(db, ev1))),
            (Who::Second, account(db, &login_of(db, ev2))),
            (Who::Above, above.clone()),
        ];
        out.push(Case {
            state: EvalState::ALL[out.len()],
            person,
            readers,
        });
    }
    assert_eq!(
        out.len(),
        EvalState::ALL.len(),
        "the demo has people for every state"
    );
    out
}

/// Writes one stage of the case's evaluations and themes, one way (`v` 0) or the other,
/// around jinji (as a fixture: no rule of the chain is asked).
fn write_stage(path: &Path, c: &Case, stage: Stage, v: usize) {
    let conn = rusqlite::Connection::open(path).expect("open");
    let id = c.person.id;
    let tag = |what: &str| format!("{what}{v}z{id}");
    let year = format!(
        "period_id IN (SELECT id FROM eval_periods WHERE fiscal_year = {FY}) AND staff_id = {id}"
    );
    let grade = |a: &str, b: &str| if v == 0 { a.to_string() } else { b.to_string() };
    match stage {
        Stage::Own => conn.execute(
            &format!("UPDATE evaluations SET self_rating = ?1, self_comment = ?2 WHERE {year}"),
            rusqlite::params![grade("S", "D"), tag("OWN")],
        ),
        Stage::First => {
            conn.execute(
                &format!(
                    "UPDATE themes SET achievement = ?1, evaluator_comment = ?2
                     WHERE staff_id = {id} AND fiscal_year = {FY}"
                ),
                rusqlite::params![if v == 0 { 91 } else { 77 }, tag("JUDGE")],
            )
            .expect("themes");
            conn.execute(
                &format!(
                    "UPDATE evaluations SET first_rating = ?1, first_comment = ?2,
                     sent_back_reason = ?3 WHERE {year}"
                ),
                rusqlite::params![grade("A", "C"), tag("FIRST"), tag("BACK")],
            )
        }
        Stage::Second => conn.execute(
            &format!("UPDATE evaluations SET second_rating = ?1, second_comment = ?2 WHERE {year}"),
            rusqlite::params![grade("B", "S"), tag("SECOND")],
        ),
        Stage::Final => conn.execute(
            &format!("UPDATE evaluations SET grade = ?1 WHERE {year}"),
            rusqlite::params![grade("C", "A")],
        ),
        Stage::Response => {
            let (response, note, outcome, decision, on) = if v == 0 {
                ("agreed", tag("AGREE"), String::new(), None, None)
            } else {
                (
                    "appealed",
                    tag("APPEAL"),
                    tag("OUTCOME"),
                    Some("dismissed"),
                    Some("2026-11-20"),
                )
            };
            conn.execute(
                &format!(
                    "UPDATE evaluations SET response = ?1, response_on = '2026-11-02',
                     response_note = ?2, appeal_outcome = ?3, board_decision = ?4,
                     board_decided_on = ?5 WHERE {year}"
                ),
                rusqlite::params![response, note, outcome, decision, on],
            )
        }
    }
    .expect("write");
}

fn set_state(path: &Path, c: &Case) {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.execute(
        "UPDATE evaluations SET state = ?1 WHERE staff_id = ?2
         AND period_id IN (SELECT id FROM eval_periods WHERE fiscal_year = ?3)",
        rusqlite::params![c.state.code(), c.person.id, FY],
    )
    .expect("state");
}

/// Everything a reader can get about the case's person, surface by surface.
fn surfaces(
    path: &Path,
    c: &Case,
    reader: &Account,
    scratch: &Path,
) -> Vec<(&'static str, String)> {
    let db = Db::open(path, OpenMode::ReadOnly).expect("open");
    let visible = db.visibility(reader, FY).unwrap();
    let rd = visible.reader();
    let p = &c.person;
    let mut out: Vec<(&'static str, String)> = Vec::new();
    // Lists, as the screens and the file menu read them.
    for name in ["evaluations", "themes"] {
        let q = ViewQuery {
            staff: Some(p.id),
            fiscal_year: Some(FY),
            visible: visible.clone(),
            ..ViewQuery::on(today())
        };
        let rows = db.view_rows(view(name).unwrap(), &q, 0, 50).unwrap();
        out.push(("list", format!("{name} {rows:?}")));
        let mut all = Vec::new();
        db.view_each(view(name).unwrap(), &q, |cells| {
            all.push(format!("{cells:?}"));
            Ok(())
        })
        .unwrap();
        out.push(("list file", all.join("\n")));
    }
    // Exports of the kinds, the person's lines.
    for name in ["evaluations", "themes"] {
        let mut lines = Vec::new();
        db.export_rows(
            jinji::store::export::kind(name).unwrap(),
            &visible,
            |cells| {
                let line = format!("{cells:?}");
                if line.contains(&p.staff_no) {
                    lines.push(line);
                }
                Ok(())
            },
        )
        .unwrap();
        out.push(("export", lines.join("\n")));
    }
    let sheet = db.eval_sheet(p, FY, rd).unwrap();
    out.push((
        "sheet",
        format!("{:?} {:?}", sheet.evaluations, sheet.themes),
    ));
    out.push((
        "career page",
        format!("{:?}", db.career_page(p.id, rd).unwrap()),
    ));
    let unit: Unit = db.get(p.unit_id).unwrap();
    out.push((
        "unit summary",
        format!("{:?}", db.unit_summary(&unit, FY, rd).unwrap().rows),
    ));
    for kind in [EvalKind::Competency, EvalKind::Performance] {
        let period = db.eval_period(FY, kind, Term::Full).unwrap().unwrap();
        out.push((
            "grade chart",
            format!(
                "{:?}",
                db.grade_counts(period.id, &[p.unit_id], rd).unwrap()
            ),
        ));
        out.push((
            "calibration",
            format!(
                "{:?}",
                db.calibration(period.id, Some(&[p.unit_id]), rd).unwrap()
            ),
        ));
    }
    drop(db);
    out.extend(screens(path, c, reader));
    out.extend(binary(path, c, reader, scratch));
    out
}

/// The screens as the reader works them: the person in focus, each evaluation and theme
/// selected with its detail pane and `v`, the grade chart beside, the career page.
fn screens(path: &Path, c: &Case, reader: &Account) -> Vec<(&'static str, String)> {
    let db = Db::open(path, OpenMode::ReadOnly).expect("open");
    let mut app = App::new(db, Lang::Ja, reader.clone(), today()).expect("app");
    app.update(jinji::app::action::Action::Resize(160, 50));
    let mut out = Vec::new();
    press(&mut app, "/");
    type_text(&mut app, &c.person.staff_no);
    press(&mut app, "Enter");
    assert_eq!(app.nav.focus.as_ref().map(|s| s.id), Some(c.person.id));
    press(&mut app, "3");
    for view in ["evaluations", "themes"] {
        go_view(&mut app, view);
        let n = list(&app).total;
        press(&mut app, "g");
        for _ in 0..n {
            out.push(("detail", format!("{:?}", app.shown.detail)));
            out.push(("screen", render(&app, 160, 50)));
            press(&mut app, "v");
            out.push(("v", render(&app, 160, 50)));
            press(&mut app, "Esc");
            press(&mut app, "Down");
        }
    }
    press(&mut app, "2");
    go_view(&mut app, "career_page");
    out.push(("career screen", render(&app, 160, 50)));
    out
}

/// The real binary: `export` and `report eval-sheet` as the reader (`--user` is honoured
/// in a demo database).
fn binary(path: &Path, c: &Case, reader: &Account, scratch: &Path) -> Vec<(&'static str, String)> {
    let run = |args: &[&str]| {
        let o = jinji_as(path, &reader.login, scratch, args);
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let mut out = Vec::new();
    for kind in ["evaluations", "themes"] {
        let text = run(&["export", kind, "--format", "json"]);
        out.push(("cli export", text));
    }
    let sheet: PathBuf = scratch.join("sheet.xlsx");
    let _ = std::fs::remove_file(&sheet);
    run(&[
        "report",
        "eval-sheet",
        &c.person.staff_no,
        "--year",
        &FY.to_string(),
        "--out",
        sheet.to_str().unwrap(),
    ]);
    out.push(("cli eval sheet", cells_of(&sheet)));
    out
}

fn cells_of(xlsx: &Path) -> String {
    use calamine::{Reader, open_workbook_auto};
    let mut wb = open_workbook_auto(xlsx).expect("workbook");
    let mut text = String::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).expect("sheet");
        for row in range.rows() {
            for cell in row {
                text.push_str(&cell.to_string());
                text.push('\t');
            }
            text.push('\n');
        }
    }
    text
}

fn differences(a: &[(&'static str, String)], b: &[(&'static str, String)]) -> Vec<&'static str> {
    assert_eq!(a.len(), b.len(), "the same surfaces both times");
    let mut out: Vec<&'static str> = a
        .iter()
        .zip(b)
        .filter(|(x, y)| x.1 != y.1)
        .map(|(x, _)| x.0)
        .collect();
    out.dedup();
    out
}

#[test]
fn no_reader_sees_a_stage_before_their_time_on_any_surface() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    demo_file(&path, &demo_params());
    let scratch = dir.path().join("home");
    std::fs::create_dir_all(&scratch).unwrap();
    let db = Db::open(&path, OpenMode::ReadOnly).unwrap();
    let cases = cases(&db);
    drop(db);
    let mut failures = Vec::new();
    for c in &cases {
        set_state(&path, c);
        for stage in STAGES {
            write_stage(&path, c, stage, 0);
        }
        for (who, reader) in &c.readers {
            let base = surfaces(&path, c, reader, &scratch);
            for stage in STAGES {
                write_stage(&path, c, stage, 1);
                let other = surfaces(&path, c, reader, &scratch);
                write_stage(&path, c, stage, 0);
                let changed = differences(&base, &other);
                let allowed = may_see(*who, c.state, stage);
                if !allowed && !changed.is_empty() {
                    failures.push(format!(
                        "{who:?} ({}) sees the {stage:?} stage of an evaluation in state {:?} on: {}",
                        reader.login,
                        c.state,
                        changed.join(", ")
                    ));
                }
                if allowed && changed.is_empty() {
                    failures.push(format!(
                        "{who:?} may see the {stage:?} stage in state {:?} but no surface shows it",
                        c.state
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The evaluatee writes their own side of a theme whose evaluator's side they are not
/// shown yet: what they could not see is kept, not blanked by their save.
#[test]
fn a_save_by_the_evaluatee_keeps_what_they_were_not_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    demo_file(&path, &small_params());
    let db = Db::open(&path, OpenMode::ReadOnly).unwrap();
    // Someone whose year's performance evaluation is still theirs to write.
    let period = db
        .eval_period(FY, EvalKind::Performance, Term::Full)
        .unwrap()
        .unwrap();
    let e = db
        .all::<Evaluation>(vec![Filter::eq("period_id", period.id)], "id")
        .unwrap()
        .into_iter()
        .find(|e| e.state == EvalState::Draft && !db.themes_of(e.staff_id, FY).unwrap().is_empty())
        .expect("a draft with themes");
    let t = db.themes_of(e.staff_id, FY).unwrap().remove(0);
    drop(db);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE themes SET achievement = 95, evaluator_comment = 'early note' WHERE id = ?1",
        [t.id],
    )
    .unwrap();
    drop(conn);
    let mut db = Db::open(&path, OpenMode::Existing).unwrap();
    let me = account(&db, &login_of(&db, e.staff_id));
    db.set_actor(&me.login);
    let mut app = App::new(db, Lang::Ja, me, today()).expect("app");
    app.update(jinji::app::action::Action::Resize(120, 40));
    press(&mut app, "3");
    go_view(&mut app, "themes");
    press(&mut app, "g");
    while list(&app).current().map(|r| r.id) != Some(t.id) {
        press(&mut app, "Down");
    }
    press(&mut app, "e");
    assert!(
        form(&app)
            .fields
            .iter()
            .all(|f| f.spec.name != "achievement"),
        "the evaluator's side is not the person's to write"
    );
    set_field(&mut app, "progress", "60");
    press(&mut app, "C-s");
    assert!(top_form(&app).is_none(), "saved: {:?}", message(&app));
    let saved: jinji::domain::theme::Theme = app.session.db.get(t.id).unwrap();
    assert_eq!(saved.progress, 60);
    assert_eq!(saved.achievement, Some(95));
    assert_eq!(saved.evaluator_comment, "early note");
}
