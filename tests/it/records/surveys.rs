//! Citizen surveys (市民アンケート) are entered where PDCA is kept: PDCA › 市民アンケート
//! lists them by unit as the account may see; the HR office writes any, a supervisor those
//! of the units they lead, nobody else; each write is audited.

use crate::support::driver;
use crate::support::ward;
use crate::support::{driver::app_as, today};

use jinji::app::Modal;
use jinji::app::action::{Action, Mode};
use jinji::domain::account::Role;
use jinji::domain::pdca::PdcaEvidence;
use jinji::domain::staff::{Position, Staff};
use jinji::domain::survey::Survey;
use jinji::domain::{Id, Problem};
use jinji::store::Db;
use ward::{Ward, Who, assert_problem, d, rule};

fn survey(unit_id: Id, topic: &str) -> Survey {
    Survey {
        id: 0,
        unit_id,
        conducted_on: d(2026, 2, 10),
        topic: topic.into(),
        score: 72.5,
        responses: 310,
        note: String::new(),
        version: 0,
    }
}

#[test]
fn hr_writes_any_survey_and_a_supervisor_those_of_the_units_they_lead() {
    let w = Ward::new();
    let hr = Who::new(&w.db, "hr1", Role::Hr, None);
    let chief = Who::new(&w.db, "chief", Role::Supervisor, Some(w.chief.id));
    let lead = Who::new(&w.db, "lead", Role::Supervisor, Some(w.lead.id));
    let junior = Who::new(&w.db, "junior", Role::Staff, Some(w.junior.id));
    let not_theirs = rule("survey_unit_or_hr");

    let mut any = survey(w.sec_res, "窓口サービス満足度調査");
    w.db.save_survey(&mut any, hr.actor()).unwrap();
    // The 人事課 chief leads 人事課 and 人事係, not 区民課.
    let mut own = survey(w.sec_hr, "職員研修の満足度");
    w.db.save_survey(&mut own, chief.actor()).unwrap();
    let mut below = survey(w.team_hr, "証明書発行の待ち時間");
    w.db.save_survey(&mut below, chief.actor()).unwrap();
    assert_problem(
        w.db.save_survey(&mut survey(w.sec_res, "他課"), chief.actor()),
        "unit_code",
        not_theirs.clone(),
    );
    // A team chief leads the team, not the section above it; staff write none.
    assert_problem(
        w.db.save_survey(&mut survey(w.sec_hr, "課の調査"), lead.actor()),
        "unit_code",
        not_theirs.clone(),
    );
    w.db.save_survey(&mut survey(w.team_hr, "係の調査"), lead.actor())
        .unwrap();
    assert_problem(
        w.db.save_survey(&mut survey(w.team_hr, "本人"), junior.actor()),
        "unit_code",
        not_theirs.clone(),
    );

    // Editing: the chief corrects their own, cannot move it out of their units, nor touch
    // another section's.
    own.score = 80.0;
    w.db.save_survey(&mut own, chief.actor()).unwrap();
    assert_eq!(w.db.get::<Survey>(own.id).unwrap().score, 80.0);
    let mut moved = own.clone();
    moved.unit_id = w.sec_res;
    assert_problem(
        w.db.save_survey(&mut moved, chief.actor()),
        "unit_code",
        not_theirs.clone(),
    );
    let mut theirs = any.clone();
    theirs.unit_id = w.sec_hr;
    assert_problem(
        w.db.save_survey(&mut theirs, chief.actor()),
        "unit_code",
        not_theirs.clone(),
    );

    // Deleting follows the same rule; one cited by a cycle is kept.
    assert_problem(
        w.db.delete_survey(any.id, any.version, chief.actor()),
        "unit_code",
        not_theirs,
    );
    w.db.delete_survey(below.id, below.version, chief.actor())
        .unwrap();
    assert!(w.db.find::<Survey>(below.id).unwrap().is_none());

    let audit =
        w.db.audit_entries(Some("surveys"), Some(own.id), 5)
            .unwrap();
    assert_eq!(audit.len(), 2, "created and changed, each audited");
    assert!(audit.iter().all(|a| a.actor == "hr.admin"));
}

#[test]
fn a_survey_cited_by_a_cycle_is_not_deleted() {
    let w = Ward::new();
    let hr = Who::new(&w.db, "hr1", Role::Hr, None);
    let mut s = survey(w.sec_hr, "区役所来庁者アンケート");
    w.db.save_survey(&mut s, hr.actor()).unwrap();
    let mut c = jinji::domain::pdca::PdcaCycle {
        owner_unit_id: Some(w.sec_hr),
        title: "窓口の待ち時間を減らす".into(),
        target: Some(80.0),
        phase: jinji::domain::pdca::Phase::Check,
        progress: 50,
        ..jinji::domain::pdca::PdcaCycle::blank(2025)
    };
    w.db.insert(&mut c).unwrap();
    w.db.insert(&mut PdcaEvidence {
        id: 0,
        cycle_id: c.id,
        survey_id: s.id,
        version: 0,
    })
    .unwrap();
    assert_problem(
        w.db.delete_survey(s.id, s.version, hr.actor()),
        "id",
        Problem::Rule {
            rule: "still_referenced",
        },
    );
}

// ---- the screen ----------------------------------------------------------------------

fn with_role(db: &Db, role: Role, position: Option<Position>) -> String {
    db.accounts()
        .unwrap()
        .into_iter()
        .filter(|a| a.role == role && a.staff_id.is_some())
        .find(|a| {
            position.is_none_or(|p| db.get::<Staff>(a.staff_id.unwrap()).unwrap().position == p)
        })
        .unwrap()
        .login
}

/// The surveys list of the PDCA tab, in last fiscal year (the demo's surveys run in
/// January and February).
fn open_surveys(app: &mut jinji::app::App) {
    app.update(Action::GoTab(7));
    driver::go_view(app, "surveys");
    app.update(Action::PrevYear);
}

#[test]
fn a_section_chief_enters_a_survey_of_their_section_on_the_pdca_tab() {
    let mut app = app_as(|db| with_role(db, Role::Supervisor, Some(Position::SectionChief)));
    let me = app.session.me.clone().unwrap();
    let mine = app.session.db.unit_subtree(me.unit_id).unwrap();
    open_surveys(&mut app);
    let l = app.list().unwrap();
    let rows = app.session.db.view_rows(l.view, &l.query, 0, 1000).unwrap();
    assert!(!rows.is_empty(), "the section's surveys are listed");
    for r in &rows {
        let s: Survey = app.session.db.get(r.id).unwrap();
        assert!(
            mine.contains(&s.unit_id),
            "a survey of another unit is listed"
        );
    }
    let all = app.session.db.view_count(l.view, &{
        let mut q = l.query.clone();
        q.visible = Default::default();
        q
    });
    assert!(
        all.unwrap() > rows.len() as i64,
        "HR sees more than one section"
    );

    driver::press(&mut app, "n");
    assert_eq!(app.mode(), Mode::Form);
    let f = driver::form(&app);
    assert_eq!(
        driver::field(f, "unit_id").text,
        app.session.db.section_of(me.unit_id).unwrap().unwrap().code,
        "a new survey is of the chief's section"
    );
    driver::set_field(&mut app, "topic", "窓口の待ち時間調査");
    driver::set_field(&mut app, "score", "68.5");
    driver::set_field(&mut app, "responses", "212");
    driver::press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "saved: {:?}", driver::message(&app));
    let saved: Vec<Survey> = app
        .session
        .db
        .surveys_of_unit(app.session.db.section_of(me.unit_id).unwrap().unwrap().id)
        .unwrap()
        .into_iter()
        .filter(|s| s.topic == "窓口の待ち時間調査")
        .collect();
    assert_eq!(saved.len(), 1);
    assert_eq!((saved[0].score, saved[0].responses), (68.5, 212));
    // Written on last year's list, it is dated in last year: as near today as it gets.
    assert_eq!(
        saved[0].conducted_on,
        jinji::domain::date::fiscal_year_end(today().fiscal_year() - 1)
    );
    let audit = app
        .session
        .db
        .audit_entries(Some("surveys"), Some(saved[0].id), 5)
        .unwrap();
    assert_eq!(audit[0].actor, app.session.account.login);
}

#[test]
fn staff_keep_no_surveys() {
    let mut app = app_as(|db| with_role(db, Role::Staff, None));
    open_surveys(&mut app);
    assert_eq!(
        app.list().unwrap().total,
        0,
        "a staff account leads no unit"
    );
    app.update(Action::New);
    assert!(
        matches!(app.modals.last(), Some(Modal::Message { .. })),
        "refused with a message"
    );
    assert!(driver::top_form(&app).is_none());
}
