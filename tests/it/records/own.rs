//! What people write themselves (src/store/own.rs): their self-report, the logs of an
//! OJT pair they belong to, an application for a training session; each refused by a
//! named rule to everyone but its person and the HR office, with nothing written. Then
//! the same from the screens, key by key on the demo ward as of 2026-11-24.

use crate::support::driver;
use crate::support::ward;
use crate::support::{demo_ward, driver::open_as, today};

use driver::{
    cell, confirm_question, field, focus_field, form, go_view, list, message, move_menu, moves,
    press, select, set_field, top_form,
};
use jinji::app::App;
use jinji::app::action::{Action, Mode};
use jinji::app::moves::Move;
use jinji::domain::account::{Account, Role};
use jinji::domain::career::{SelfReport, TransferWish};
use jinji::domain::staff::{Staff, StaffStatus};
use jinji::domain::training::{
    Course, CourseCategory, Enrolment, EnrolmentState, OjtLog, OjtPair, TrainingSession,
};
use jinji::domain::{Date, FieldError, FiscalYear, Id};
use jinji::i18n::{Lang, problem_text};
use jinji::store::{Db, Filter};
use ward::*;

fn report(staff_id: Id, fy: FiscalYear, submitted_on: Option<Date>) -> SelfReport {
    SelfReport {
        id: 0,
        staff_id,
        fiscal_year: fy,
        career_goal: "窓口業務の改善".into(),
        wished_fields: String::new(),
        transfer_wish: TransferWish::Stay,
        wish_unit1_id: None,
        wish_unit2_id: None,
        wish_unit3_id: None,
        promotion_exam: false,
        self_dev_plan: String::new(),
        submitted_on,
        version: 0,
    }
}

fn reports(db: &Db) -> Vec<SelfReport> {
    db.all(vec![], "id").unwrap()
}

/// The ward's accounts: the HR office, the chief and lead (supervisors), the junior and
/// the clerk (staff).
struct People {
    hr: Who,
    chief: Who,
    lead: Who,
    junior: Who,
    clerk: Who,
}

fn people(w: &Ward) -> People {
    People {
        hr: Who::new(&w.db, "hr1", Role::Hr, None),
        chief: Who::new(&w.db, "chief", Role::Supervisor, Some(w.chief.id)),
        lead: Who::new(&w.db, "lead", Role::Supervisor, Some(w.lead.id)),
        junior: Who::new(&w.db, "junior", Role::Staff, Some(w.junior.id)),
        clerk: Who::new(&w.db, "clerk", Role::Staff, Some(w.clerk.id)),
    }
}

// ---- self-reports ------------------------------------------------------------------

#[test]
fn a_person_writes_their_own_report_and_hands_it_in_today() {
    let w = Ward::new();
    let p = people(&w);
    // A date typed in is not theirs to set: a draft has none.
    let mut r = report(w.junior.id, 2026, Some(d(2026, 4, 1)));
    w.db.save_self_report(&mut r, false, p.junior.actor(), today())
        .unwrap();
    assert_ne!(r.id, 0);
    assert_eq!(w.db.get::<SelfReport>(r.id).unwrap().submitted_on, None);

    r.career_goal = "税務の専門性を高める".into();
    r.submitted_on = Some(d(2026, 5, 1));
    w.db.save_self_report(&mut r, true, p.junior.actor(), today())
        .unwrap();
    let stored: SelfReport = w.db.get(r.id).unwrap();
    assert_eq!(stored.submitted_on, Some(today()), "handed in today");
    assert_eq!(stored.career_goal, "税務の専門性を高める");
    assert_eq!(reports(&w.db).len(), 1);
}

#[test]
fn a_person_may_write_a_report_for_a_later_year() {
    let w = Ward::new();
    let p = people(&w);
    let mut r = report(w.junior.id, 2027, None);
    w.db.save_self_report(&mut r, true, p.junior.actor(), today())
        .unwrap();
    assert_eq!(
        w.db.self_report(w.junior.id, 2027)
            .unwrap()
            .unwrap()
            .submitted_on,
        Some(today())
    );
}

#[test]
fn someone_elses_report_is_refused_even_to_their_supervisor() {
    let w = Ward::new();
    let p = people(&w);
    for who in [&p.lead, &p.chief, &p.clerk] {
        let mut r = report(w.junior.id, 2026, None);
        assert_problem(
            w.db.save_self_report(&mut r, false, who.actor(), today()),
            "staff_no",
            rule("self_report_not_yours"),
        );
    }
    assert!(reports(&w.db).is_empty(), "nothing written");
    // Nor may the lead take over the junior's draft.
    let mut r = report(w.junior.id, 2026, None);
    w.db.save_self_report(&mut r, false, p.junior.actor(), today())
        .unwrap();
    let before = reports(&w.db);
    let mut theirs = r.clone();
    theirs.career_goal = "上司が書き換え".into();
    assert_problem(
        w.db.save_self_report(&mut theirs, false, p.lead.actor(), today()),
        "staff_no",
        rule("self_report_not_yours"),
    );
    assert_eq!(reports(&w.db), before);
}

#[test]
fn a_person_cannot_move_their_draft_to_another_person_or_year() {
    let w = Ward::new();
    let p = people(&w);
    let mut r = report(w.junior.id, 2026, None);
    w.db.save_self_report(&mut r, false, p.junior.actor(), today())
        .unwrap();
    let before = reports(&w.db);
    let mut later = r.clone();
    later.fiscal_year = 2027;
    assert_problem(
        w.db.save_self_report(&mut later, false, p.junior.actor(), today()),
        "staff_no",
        rule("self_report_not_yours"),
    );
    assert_eq!(reports(&w.db), before);
}

#[test]
fn a_past_years_report_is_refused_to_its_person() {
    let w = Ward::new();
    let p = people(&w);
    let mut r = report(w.junior.id, 2025, None);
    assert_problem(
        w.db.save_self_report(&mut r, true, p.junior.actor(), today()),
        "fiscal_year",
        rule("self_report_past_year"),
    );
    assert!(reports(&w.db).is_empty());
    // Last year's draft begun by the HR office stays as it is too.
    let mut old = report(w.junior.id, 2025, None);
    w.db.insert(&mut old).unwrap();
    let mut mine = old.clone();
    assert_problem(
        w.db.save_self_report(&mut mine, true, p.junior.actor(), today()),
        "fiscal_year",
        rule("self_report_past_year"),
    );
    assert_eq!(w.db.get::<SelfReport>(old.id).unwrap(), old);
}

#[test]
fn a_handed_in_report_is_not_edited_by_its_person() {
    let w = Ward::new();
    let p = people(&w);
    let mut r = report(w.junior.id, 2026, None);
    w.db.save_self_report(&mut r, true, p.junior.actor(), today())
        .unwrap();
    let handed_in: SelfReport = w.db.get(r.id).unwrap();
    for submit in [false, true] {
        let mut again = handed_in.clone();
        again.career_goal = "書き直し".into();
        assert_problem(
            w.db.save_self_report(&mut again, submit, p.junior.actor(), today()),
            "submitted_on",
            rule("self_report_submitted"),
        );
    }
    assert_eq!(w.db.get::<SelfReport>(r.id).unwrap(), handed_in);
}

#[test]
fn a_second_report_for_the_same_person_and_year_is_refused() {
    let w = Ward::new();
    let p = people(&w);
    let mut first = report(w.junior.id, 2026, None);
    w.db.save_self_report(&mut first, false, p.junior.actor(), today())
        .unwrap();
    for who in [&p.junior, &p.hr] {
        let mut second = report(w.junior.id, 2026, None);
        assert_problem(
            w.db.save_self_report(&mut second, false, who.actor(), today()),
            "fiscal_year",
            rule("self_report_exists"),
        );
        assert_eq!(second.id, 0);
    }
    assert_eq!(reports(&w.db), [w.db.get::<SelfReport>(first.id).unwrap()]);
}

#[test]
fn the_hr_office_writes_any_report_past_years_and_handed_in_ones_included() {
    let w = Ward::new();
    let p = people(&w);
    let hr = p.hr.actor();
    // Last year's, dated as the paper says.
    let mut old = report(w.junior.id, 2024, Some(d(2024, 6, 3)));
    w.db.save_self_report(&mut old, false, hr, today()).unwrap();
    assert_eq!(
        w.db.get::<SelfReport>(old.id).unwrap().submitted_on,
        Some(d(2024, 6, 3))
    );
    // A correction after it was handed in keeps its date.
    old.career_goal = "人事担当が訂正".into();
    w.db.save_self_report(&mut old, true, hr, today()).unwrap();
    let stored: SelfReport = w.db.get(old.id).unwrap();
    assert_eq!(
        (stored.career_goal.as_str(), stored.submitted_on),
        ("人事担当が訂正", Some(d(2024, 6, 3)))
    );
    // Someone's draft handed in for them: today.
    let mut draft = report(w.clerk.id, 2026, None);
    w.db.save_self_report(&mut draft, false, p.clerk.actor(), today())
        .unwrap();
    let mut draft: SelfReport = w.db.get(draft.id).unwrap();
    w.db.save_self_report(&mut draft, true, hr, today())
        .unwrap();
    assert_eq!(
        w.db.get::<SelfReport>(draft.id).unwrap().submitted_on,
        Some(today())
    );
}

#[test]
fn a_person_deletes_their_own_draft_only_and_the_hr_office_any() {
    let w = Ward::new();
    let p = people(&w);
    let mut draft = report(w.junior.id, 2026, None);
    w.db.save_self_report(&mut draft, false, p.junior.actor(), today())
        .unwrap();
    let mut handed = report(w.clerk.id, 2026, None);
    w.db.save_self_report(&mut handed, true, p.clerk.actor(), today())
        .unwrap();

    // Not someone else's draft, not even as their supervisor.
    for who in [&p.lead, &p.clerk] {
        assert_problem(
            w.db.delete_self_report(draft.id, draft.version, who.actor()),
            "staff_no",
            rule("self_report_not_yours"),
        );
    }
    // Not one's own once handed in.
    assert_problem(
        w.db.delete_self_report(handed.id, handed.version, p.clerk.actor()),
        "submitted_on",
        rule("self_report_submitted"),
    );
    assert_eq!(reports(&w.db).len(), 2, "nothing deleted");

    w.db.delete_self_report(draft.id, draft.version, p.junior.actor())
        .unwrap();
    w.db.delete_self_report(handed.id, handed.version, p.hr.actor())
        .unwrap();
    assert!(reports(&w.db).is_empty());
}

// ---- OJT logs ----------------------------------------------------------------------

/// The lead mentors the junior in FY2026.
fn pair(w: &Ward) -> OjtPair {
    let mut p = OjtPair {
        id: 0,
        mentor_id: w.lead.id,
        mentee_id: w.junior.id,
        fiscal_year: 2026,
        start_date: d(2026, 4, 1),
        end_date: d(2027, 3, 31),
        goal: "窓口業務の自立".into(),
        version: 0,
    };
    w.db.insert(&mut p).unwrap();
    p
}

fn log(pair: &OjtPair, author_id: Id, body: &str) -> OjtLog {
    OjtLog {
        id: 0,
        pair_id: pair.id,
        author_id,
        logged_on: d(2026, 11, 20),
        body: body.into(),
        version: 0,
    }
}

#[test]
fn mentor_and_mentee_each_write_logs_as_themselves() {
    let w = Ward::new();
    let p = people(&w);
    let pr = pair(&w);
    let mut by_mentor = log(&pr, w.lead.id, "申請書の確認手順を説明した");
    w.db.save_ojt_log(&mut by_mentor, p.lead.actor()).unwrap();
    let mut by_mentee = log(&pr, w.junior.id, "一人で受付ができた");
    w.db.save_ojt_log(&mut by_mentee, p.junior.actor()).unwrap();
    let authors: Vec<(Id, String)> =
        w.db.ojt_logs(pr.id)
            .unwrap()
            .into_iter()
            .map(|l| (l.author_id, l.body))
            .collect();
    assert_eq!(
        authors,
        [
            (w.lead.id, "申請書の確認手順を説明した".to_string()),
            (w.junior.id, "一人で受付ができた".to_string()),
        ]
    );
    // And each corrects their own.
    by_mentee.body = "一人で受付と入力ができた".into();
    w.db.save_ojt_log(&mut by_mentee, p.junior.actor()).unwrap();
    assert_eq!(
        w.db.get::<OjtLog>(by_mentee.id).unwrap().body,
        "一人で受付と入力ができた"
    );
}

#[test]
fn a_log_is_refused_to_a_third_person_and_to_one_signing_as_the_other() {
    let w = Ward::new();
    let p = people(&w);
    let pr = pair(&w);
    let cases = [
        (&p.clerk, w.clerk.id, "outside the pair"),
        (&p.chief, w.chief.id, "the mentor's supervisor"),
        (&p.junior, w.lead.id, "the mentee signing as the mentor"),
        (&p.lead, w.junior.id, "the mentor signing as the mentee"),
    ];
    for (who, author, what) in cases {
        let mut l = log(&pr, author, "記録");
        let inv = invalid(w.db.save_ojt_log(&mut l, who.actor()));
        assert!(
            inv.0
                .iter()
                .any(|e| e.field == "author" && e.problem == rule("ojt_log_not_yours")),
            "{what}: {inv:?}"
        );
    }
    assert!(w.db.ojt_logs(pr.id).unwrap().is_empty(), "nothing written");
}

#[test]
fn nobody_changes_the_author_or_the_pair_of_a_log_nor_another_members_log() {
    let w = Ward::new();
    let p = people(&w);
    let pr = pair(&w);
    let mut other = OjtPair {
        id: 0,
        mentor_id: w.chief.id,
        mentee_id: w.lead.id,
        ..pr.clone()
    };
    w.db.insert(&mut other).unwrap();
    let mut l = log(&pr, w.junior.id, "一人で受付ができた");
    w.db.save_ojt_log(&mut l, p.junior.actor()).unwrap();
    let stored: OjtLog = w.db.get(l.id).unwrap();

    // The mentor edits the mentee's log; the mentee hands it to the mentor; the lead
    // (in both pairs) moves it to the other pair; the HR office re-signs it.
    let mut edited = stored.clone();
    edited.body = "指導者が書き換え".into();
    let mut resigned = stored.clone();
    resigned.author_id = w.lead.id;
    let mut moved = stored.clone();
    moved.pair_id = other.id;
    moved.author_id = w.lead.id;
    let cases = [
        (&p.lead, edited, "the mentor edits the mentee's log"),
        (&p.junior, resigned.clone(), "the mentee changes the author"),
        (&p.lead, moved, "moved to another pair"),
        (&p.hr, resigned, "the HR office changes the author"),
    ];
    for (who, mut l, what) in cases {
        assert_problem(
            w.db.save_ojt_log(&mut l, who.actor()),
            "author",
            rule("ojt_log_not_yours"),
        );
        assert_eq!(w.db.get::<OjtLog>(stored.id).unwrap(), stored, "{what}");
    }
}

#[test]
fn the_hr_office_corrects_an_existing_log_under_its_author() {
    let w = Ward::new();
    let p = people(&w);
    let pr = pair(&w);
    let mut l = log(&pr, w.junior.id, "個人名を含む記述");
    w.db.save_ojt_log(&mut l, p.junior.actor()).unwrap();
    let mut fixed: OjtLog = w.db.get(l.id).unwrap();
    fixed.body = "（人事担当が個人名を削除）".into();
    w.db.save_ojt_log(&mut fixed, p.hr.actor()).unwrap();
    let stored: OjtLog = w.db.get(l.id).unwrap();
    assert_eq!(
        (stored.author_id, stored.body.as_str()),
        (w.junior.id, "（人事担当が個人名を削除）")
    );
}

#[test]
fn the_hr_office_does_not_sign_a_new_log_in_someone_elses_name() {
    let w = Ward::new();
    let p = people(&w);
    let pr = pair(&w);
    let mut l = log(&pr, w.junior.id, "人事担当が代筆");
    assert_problem(
        w.db.save_ojt_log(&mut l, p.hr.actor()),
        "author",
        rule("ojt_log_not_yours"),
    );
    assert!(w.db.ojt_logs(pr.id).unwrap().is_empty());
}

#[test]
fn a_log_is_deleted_by_its_author_or_the_hr_office_only() {
    let w = Ward::new();
    let p = people(&w);
    let pr = pair(&w);
    let mut a = log(&pr, w.junior.id, "一件目");
    w.db.save_ojt_log(&mut a, p.junior.actor()).unwrap();
    let mut b = log(&pr, w.junior.id, "二件目");
    w.db.save_ojt_log(&mut b, p.junior.actor()).unwrap();
    for who in [&p.lead, &p.clerk, &p.chief] {
        assert_problem(
            w.db.delete_ojt_log(a.id, a.version, who.actor()),
            "author",
            rule("ojt_log_not_yours"),
        );
    }
    assert_eq!(w.db.ojt_logs(pr.id).unwrap().len(), 2);
    w.db.delete_ojt_log(a.id, a.version, p.junior.actor())
        .unwrap();
    w.db.delete_ojt_log(b.id, b.version, p.hr.actor()).unwrap();
    assert!(w.db.ojt_logs(pr.id).unwrap().is_empty());
}

// ---- applications for a session ----------------------------------------------------

fn course_and_session(w: &Ward, starts: Date, ends: Date, capacity: i64) -> TrainingSession {
    let mut c = Course {
        id: 0,
        code: "PWR02".into(),
        title: "接遇パワーアップ研修".into(),
        category: CourseCategory::PowerUp,
        hours: 6.0,
        provider: String::new(),
        since: d(2020, 4, 1),
        until: None,
        version: 0,
    };
    if let Some(existing) = w.db.course_by_code("PWR02").unwrap() {
        c = existing;
    } else {
        w.db.insert(&mut c).unwrap();
    }
    let mut s = TrainingSession {
        id: 0,
        course_id: c.id,
        fiscal_year: starts.fiscal_year(),
        starts_on: starts,
        ends_on: ends,
        place: "区役所会議室".into(),
        capacity,
        version: 0,
    };
    w.db.insert(&mut s).unwrap();
    s
}

fn enrolments(db: &Db) -> Vec<Enrolment> {
    db.all(vec![], "id").unwrap()
}

#[test]
fn applying_creates_an_applied_enrolment_dated_today() {
    let w = Ward::new();
    let p = people(&w);
    let s = course_and_session(&w, d(2026, 12, 10), d(2026, 12, 11), 30);
    let e =
        w.db.apply_for_session(s.id, w.junior.id, p.junior.actor(), today())
            .unwrap();
    assert_eq!(
        e,
        Enrolment {
            id: e.id,
            session_id: s.id,
            staff_id: w.junior.id,
            state: EnrolmentState::Applied,
            hours: 0.0,
            applied_on: today(),
            completed_on: None,
            version: 1,
        }
    );
    assert_eq!(enrolments(&w.db), [e]);
    // A supervisor applies for someone they lead, the HR office for anyone.
    w.db.apply_for_session(s.id, w.lead.id, p.chief.actor(), today())
        .unwrap();
    w.db.apply_for_session(s.id, w.clerk.id, p.hr.actor(), today())
        .unwrap();
    assert_eq!(enrolments(&w.db).len(), 3);
}

#[test]
fn applying_for_someone_out_of_sight_is_refused_as_unknown() {
    let w = Ward::new();
    let p = people(&w);
    let s = course_and_session(&w, d(2026, 12, 10), d(2026, 12, 11), 30);
    let cases = [
        (&p.junior, w.lead.id, "a staff member for their supervisor"),
        (&p.clerk, w.junior.id, "a staff member for a colleague"),
        (&p.lead, w.clerk.id, "a supervisor for another section"),
        (&p.hr, 424_242, "anyone for no one"),
    ];
    for (who, staff_id, what) in cases {
        let r = w.db.apply_for_session(s.id, staff_id, who.actor(), today());
        let inv = invalid(r);
        assert!(
            inv.0
                .iter()
                .any(|e| e.field == "staff_no" && e.problem == jinji::domain::Problem::Unknown),
            "{what}: {inv:?}"
        );
    }
    assert!(enrolments(&w.db).is_empty());
}

#[test]
fn a_retired_person_does_not_apply() {
    let w = Ward::new();
    let p = people(&w);
    let s = course_and_session(&w, d(2026, 12, 10), d(2026, 12, 11), 30);
    let mut gone: Staff = w.db.get(w.clerk.id).unwrap();
    gone.status = StaffStatus::Retired;
    gone.retire_date = Some(d(2026, 9, 30));
    w.db.update(&mut gone).unwrap();
    assert_problem(
        w.db.apply_for_session(s.id, w.clerk.id, p.hr.actor(), today()),
        "staff_no",
        rule("enrol_not_serving"),
    );
    assert!(enrolments(&w.db).is_empty());
}

#[test]
fn a_session_over_before_today_takes_no_applications_but_one_ending_today_does() {
    let w = Ward::new();
    let p = people(&w);
    let past = course_and_session(&w, d(2026, 11, 20), d(2026, 11, 23), 30);
    assert_problem(
        w.db.apply_for_session(past.id, w.junior.id, p.junior.actor(), today()),
        "session",
        rule("enrol_session_over"),
    );
    assert!(enrolments(&w.db).is_empty());
    let last_day = course_and_session(&w, d(2026, 11, 20), today(), 30);
    w.db.apply_for_session(last_day.id, w.junior.id, p.junior.actor(), today())
        .unwrap();
    assert_eq!(enrolments(&w.db).len(), 1);
}

#[test]
fn a_second_live_application_to_the_same_session_is_refused() {
    let w = Ward::new();
    let p = people(&w);
    let s = course_and_session(&w, d(2026, 12, 10), d(2026, 12, 11), 30);
    let first =
        w.db.apply_for_session(s.id, w.junior.id, p.junior.actor(), today())
            .unwrap();
    // Whoever applies: the person again, or their supervisor for them.
    for who in [&p.junior, &p.lead] {
        assert_problem(
            w.db.apply_for_session(s.id, w.junior.id, who.actor(), today()),
            "session",
            rule("enrol_already"),
        );
    }
    assert_eq!(enrolments(&w.db), [first]);
}

#[test]
fn a_cancelled_application_does_not_block_a_new_one() {
    let w = Ward::new();
    let p = people(&w);
    let s = course_and_session(&w, d(2026, 12, 10), d(2026, 12, 11), 30);
    let mut first =
        w.db.apply_for_session(s.id, w.junior.id, p.junior.actor(), today())
            .unwrap();
    first.state = EnrolmentState::Cancelled;
    w.db.update(&mut first).unwrap();
    // One row per person and session: the cancelled application is applied again.
    let again =
        w.db.apply_for_session(s.id, w.junior.id, p.junior.actor(), today())
            .unwrap();
    assert_eq!(again.id, first.id);
    assert_eq!(again.state, EnrolmentState::Applied);
    assert_eq!(again.applied_on, today());
    assert_eq!(enrolments(&w.db).len(), 1);
}

#[test]
fn a_full_session_takes_no_more_applications() {
    let w = Ward::new();
    let p = people(&w);
    let s = course_and_session(&w, d(2026, 12, 10), d(2026, 12, 11), 1);
    w.db.apply_for_session(s.id, w.lead.id, p.lead.actor(), today())
        .unwrap();
    assert_problem(
        w.db.apply_for_session(s.id, w.junior.id, p.junior.actor(), today()),
        "session",
        rule("session_full"),
    );
    assert_eq!(enrolments(&w.db).len(), 1);
}

// ---- from the screens --------------------------------------------------------------

const FY: FiscalYear = 2026;

fn account_of(db: &Db, staff_id: Id) -> Option<Account> {
    db.accounts()
        .expect("accounts")
        .into_iter()
        .find(|a| a.staff_id == Some(staff_id))
}

fn rule_text(field: &'static str, rule: &'static str) -> String {
    problem_text(
        Lang::Ja,
        &FieldError {
            field,
            problem: jinji::domain::Problem::Rule { rule },
        },
    )
}

/// A staff member of the demo and a FY2026 session by its end: ahead of today with
/// room, or over.
fn staff_member_and_session(db: &Db, ahead: bool) -> (Account, TrainingSession) {
    let sessions: Vec<TrainingSession> = db
        .all(vec![Filter::eq("fiscal_year", FY)], "starts_on")
        .unwrap();
    let s = sessions
        .into_iter()
        .filter(|s| (s.ends_on >= driver::today()) == ahead)
        .find(|s| {
            let taken = db
                .all::<Enrolment>(vec![Filter::eq("session_id", s.id)], "id")
                .unwrap()
                .len() as i64;
            taken + 1 < s.capacity
        })
        .expect("a session");
    let acc = db
        .accounts()
        .unwrap()
        .into_iter()
        .filter(|a| a.role == Role::Staff)
        .find(|a| {
            !db.enrolments_of(a.staff_id.unwrap())
                .unwrap()
                .iter()
                .any(|e| e.session_id == s.id)
        })
        .expect("a staff member not enrolled");
    (acc, s)
}

#[test]
fn a_staff_member_applies_for_a_session_ahead_with_a_yes() {
    let db = demo_ward();
    let (acc, s) = staff_member_and_session(&db, true);
    let me = acc.staff_id.unwrap();
    let mut app = open_as(db, &acc.login);
    press(&mut app, "5");
    go_view(&mut app, "sessions");
    select(&mut app, s.id);
    let taken: i64 = cell(list(&app), list(&app).current().unwrap(), "taken")
        .parse()
        .unwrap();

    press(&mut app, "m");
    assert_eq!(moves(&app), [Move::Apply(me)]);
    assert!(
        move_menu(&app).blocked.is_empty(),
        "{:?}",
        move_menu(&app).blocked
    );
    press(&mut app, "Enter");
    assert!(confirm_question(&app).is_some(), "asks first");
    press(&mut app, "y");
    assert!(app.modals.is_empty(), "{:?}", message(&app));

    let mine: Vec<Enrolment> = app
        .session
        .db
        .enrolments_of(me)
        .unwrap()
        .into_iter()
        .filter(|e| e.session_id == s.id)
        .collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(
        (mine[0].state, mine[0].applied_on),
        (EnrolmentState::Applied, driver::today())
    );
    let l = list(&app);
    assert_eq!(
        l.current().map(|r| r.id),
        Some(s.id),
        "stays on the session"
    );
    assert_eq!(
        cell(l, l.current().unwrap(), "taken"),
        (taken + 1).to_string()
    );
}

#[test]
fn applying_again_from_the_screen_is_listed_as_blocked_with_the_rule() {
    let db = demo_ward();
    let (acc, s) = staff_member_and_session(&db, true);
    let me = acc.staff_id.unwrap();
    let mut app = open_as(db, &acc.login);
    press(&mut app, "5");
    go_view(&mut app, "sessions");
    select(&mut app, s.id);
    press(&mut app, "m");
    press(&mut app, "Enter");
    press(&mut app, "y");
    // Once applied, the menu names why it cannot be done again.
    press(&mut app, "m");
    assert!(moves(&app).is_empty(), "{:?}", moves(&app));
    let name = app.session.me.as_ref().unwrap().full_name();
    let label = app.session.lang.tf("ui.move_apply_for", &[("name", &name)]);
    let why = app.session.lang.t("rule.enrol_already").to_string();
    assert_eq!(move_menu(&app).blocked, [(label, why)]);
    press(&mut app, "Esc");
    let mine = app
        .session
        .db
        .enrolments_of(me)
        .unwrap()
        .into_iter()
        .filter(|e| e.session_id == s.id)
        .count();
    assert_eq!(mine, 1);
}

#[test]
fn on_a_session_that_is_over_the_apply_move_is_listed_as_blocked() {
    let db = demo_ward();
    let (acc, s) = staff_member_and_session(&db, false);
    let me = acc.staff_id.unwrap();
    let mut app = open_as(db, &acc.login);
    press(&mut app, "5");
    go_view(&mut app, "sessions");
    select(&mut app, s.id);
    let before = app.session.db.enrolments_of(me).unwrap();
    press(&mut app, "m");
    assert!(moves(&app).is_empty(), "{:?}", moves(&app));
    let over = app.session.lang.t("rule.enrol_session_over");
    let name = app.session.me.as_ref().unwrap().full_name();
    let label = app.session.lang.tf("ui.move_apply_for", &[("name", &name)]);
    assert_eq!(move_menu(&app).blocked, [(label, over.to_string())]);
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Menu, "nothing to pick");
    press(&mut app, "Esc");
    assert_eq!(app.session.db.enrolments_of(me).unwrap(), before);
}

#[test]
fn the_mentee_writes_an_ojt_log_from_their_pair() {
    let db = demo_ward();
    let (pr, acc) = db
        .ojt_pairs(FY)
        .unwrap()
        .into_iter()
        .find_map(|p| account_of(&db, p.mentee_id).map(|a| (p, a)))
        .expect("a FY2026 pair whose mentee has an account");
    let logs = db.ojt_logs(pr.id).unwrap().len();
    let mut app = open_as(db, &acc.login);
    press(&mut app, "5");
    go_view(&mut app, "ojt");
    select(&mut app, pr.id);
    press(&mut app, "m");
    assert_eq!(moves(&app), [Move::OjtLog]);
    press(&mut app, "Enter");
    let names: Vec<&str> = form(&app).fields.iter().map(|x| x.spec.name).collect();
    assert_eq!(names, ["logged_on", "body"]);
    assert_eq!(field(form(&app), "logged_on").text, driver::today().iso());
    set_field(&mut app, "body", "電話応対を一人で行えた");
    press(&mut app, "C-s");
    assert!(app.modals.is_empty(), "{:?}", message(&app));

    let now = app.session.db.ojt_logs(pr.id).unwrap();
    assert_eq!(now.len(), logs + 1);
    let new = now.iter().max_by_key(|l| l.id).unwrap();
    assert_eq!(
        (new.author_id, new.body.as_str(), new.logged_on),
        (pr.mentee_id, "電話応対を一人で行えた", driver::today())
    );
    assert_eq!(
        cell(list(&app), list(&app).current().unwrap(), "logs"),
        (logs + 1).to_string()
    );
}

/// Hands in the report of the selected row of `self_reports_missing` through `e`,
/// checking the form opens on `draft`.
fn hand_in_from_the_worklist(app: &mut App, person: Id, draft: Option<Id>) {
    go_view(app, "self_reports_missing");
    select(app, person);
    press(app, "e");
    let f = form(app);
    assert_eq!((f.view.name(), f.id), ("self_reports", draft));
    assert_eq!(
        field(f, "staff_id").text,
        app.session.db.get::<Staff>(person).unwrap().staff_no,
        "the selected person's report"
    );
    focus_field(app, "submit_now");
    press(app, "Right");
    assert_eq!(field(form(app), "submit_now").text, "true");
    press(app, "C-s");
    // Handing in locks the report: asked first, saying so.
    assert_eq!(
        confirm_question(app),
        Some(app.session.lang.t("lock.self_report"))
    );
    press(app, "y");
    assert!(app.modals.is_empty(), "{:?}", message(app));
}

#[test]
fn the_hr_office_hands_in_a_draft_from_the_missing_list() {
    let db = demo_ward();
    let missing = db.self_reports_missing(FY, 1_000_000).unwrap();
    let (person, draft) = missing
        .iter()
        .find_map(|s| {
            db.self_report(s.id, FY)
                .unwrap()
                .map(|r| (s.id, r))
                .filter(|(_, r)| r.submitted_on.is_none())
        })
        .expect("someone with a draft");
    let mut app = open_as(db, "hr1");
    press(&mut app, "2");
    go_view(&mut app, "self_reports_missing");
    let total = list(&app).total;
    select(&mut app, person);
    assert_eq!(
        cell(list(&app), list(&app).current().unwrap(), "report_state"),
        "draft"
    );
    hand_in_from_the_worklist(&mut app, person, Some(draft.id));

    let r = app.session.db.self_report(person, FY).unwrap().unwrap();
    assert_eq!((r.id, r.submitted_on), (draft.id, Some(driver::today())));
    assert_eq!(r.career_goal, draft.career_goal, "the draft, handed in");
    assert_eq!(app.view_name(), "self_reports_missing");
    assert_eq!(list(&app).total, total - 1);
    assert!(
        !list(&app).rows.iter().any(|row| row.id == person),
        "off the list"
    );
}

#[test]
fn the_hr_office_starts_and_hands_in_a_report_for_someone_with_none() {
    let db = demo_ward();
    let missing = db.self_reports_missing(FY, 1_000_000).unwrap();
    let person = missing
        .iter()
        .find(|s| db.self_report(s.id, FY).unwrap().is_some())
        .expect("someone missing")
        .id;
    // Their draft thrown away: nothing begun.
    let r = db.self_report(person, FY).unwrap().unwrap();
    db.delete::<SelfReport>(r.id, r.version).unwrap();
    let mut app = open_as(db, "hr1");
    press(&mut app, "2");
    go_view(&mut app, "self_reports_missing");
    let total = list(&app).total;
    select(&mut app, person);
    assert_eq!(
        cell(list(&app), list(&app).current().unwrap(), "report_state"),
        "none"
    );
    hand_in_from_the_worklist(&mut app, person, None);
    let r = app.session.db.self_report(person, FY).unwrap().unwrap();
    assert_eq!(r.submitted_on, Some(driver::today()));
    assert_eq!(list(&app).total, total - 1);
}

/// A staff member of the demo and their FY2026 report, handed in or not.
fn staff_member_with_report(db: &Db, handed_in: bool) -> (Account, SelfReport) {
    db.accounts()
        .unwrap()
        .into_iter()
        .filter(|a| a.role == Role::Staff)
        .find_map(|a| {
            let r = db.self_report(a.staff_id?, FY).unwrap()?;
            (r.submitted_on.is_some() == handed_in).then_some((a, r))
        })
        .expect("a staff member with a report")
}

#[test]
fn a_staff_member_editing_their_handed_in_report_is_told_the_rule() {
    let db = demo_ward();
    let (acc, r) = staff_member_with_report(&db, true);
    let mut app = open_as(db, &acc.login);
    press(&mut app, "2");
    go_view(&mut app, "self_reports");
    select(&mut app, r.id);
    press(&mut app, "e");
    let want = rule_text("staff_no", "self_report_submitted");
    assert_eq!(message(&app), Some(want.as_str()));
    assert!(
        want.contains(app.session.lang.t("rule.self_report_submitted")),
        "{want}"
    );
    press(&mut app, "Esc");
    assert!(app.modals.is_empty());
    assert_eq!(
        app.session.db.get::<SelfReport>(r.id).unwrap(),
        r,
        "nothing written"
    );
}

#[test]
fn a_staff_member_hands_in_their_own_draft_with_their_fields_only() {
    let db = demo_ward();
    let (acc, r) = staff_member_with_report(&db, false);
    let mut app = open_as(db, &acc.login);
    press(&mut app, "2");
    go_view(&mut app, "self_reports");
    select(&mut app, r.id);
    press(&mut app, "e");
    let names: Vec<&str> = form(&app).fields.iter().map(|x| x.spec.name).collect();
    assert_eq!(
        names,
        [
            "career_goal",
            "wished_fields",
            "transfer_wish",
            "wish_unit1_id",
            "wish_unit2_id",
            "wish_unit3_id",
            "promotion_exam",
            "self_dev_plan",
            "submit_now"
        ],
        "no person, year or date to set"
    );
    set_field(&mut app, "career_goal", "福祉分野で経験を積む");
    focus_field(&mut app, "submit_now");
    press(&mut app, "Right");
    press(&mut app, "C-s");
    // Handing in locks the report: asked first, saying so; no leaves the form open.
    assert_eq!(
        confirm_question(&app),
        Some("提出すると自己申告は編集できなくなります。提出しますか？")
    );
    press(&mut app, "n");
    assert!(top_form(&app).is_some(), "no keeps the form");
    assert_eq!(
        app.session.db.get::<SelfReport>(r.id).unwrap().submitted_on,
        None
    );
    press(&mut app, "C-s");
    press(&mut app, "y");
    assert!(app.modals.is_empty(), "{:?}", message(&app));
    assert_eq!(app.shown.notice.as_deref(), Some("保存しました"));
    let n: SelfReport = app.session.db.get(r.id).unwrap();
    assert_eq!(
        (n.career_goal.as_str(), n.submitted_on),
        ("福祉分野で経験を積む", Some(driver::today()))
    );
    // Now handed in, it is no longer theirs to edit.
    press(&mut app, "e");
    assert_eq!(
        message(&app),
        Some(rule_text("staff_no", "self_report_submitted").as_str())
    );
}

#[test]
fn after_handing_in_from_the_missing_list_the_selection_keeps_its_place() {
    let Ward {
        db,
        dir: _dir,
        chief,
        junior,
        clerk,
        ..
    } = Ward::new();
    // The junior's draft is the ward's first report: its id is also the chief's staff id.
    let mut r = report(junior.id, FY, None);
    db.insert(&mut r).unwrap();
    assert_eq!(r.id, chief.id, "the fixture needs the ids to meet");
    let hr = Account {
        id: 0,
        login: "hr1".into(),
        staff_id: None,
        role: Role::Hr,
        active: true,
        created_on: d(2025, 4, 1),
        version: 0,
    };
    let mut app = App::new(db, Lang::Ja, hr, today()).expect("app");
    app.update(Action::Resize(120, 40));
    press(&mut app, "2");
    hand_in_from_the_worklist(&mut app, junior.id, Some(r.id));
    let ids: Vec<Id> = list(&app).rows.iter().map(|r| r.id).collect();
    assert!(!ids.contains(&junior.id), "handed in: off the list");
    // The junior's place (the third row) now holds the clerk; the chief's row happens to
    // carry the report's id but is another person.
    assert_eq!(list(&app).current().map(|r| r.id), Some(clerk.id));
}

/// A session that falls in the person's leave takes no application from them (nor an
/// enrolment by the HR office); one after the leave does.
#[test]
fn a_person_on_leave_over_the_sessions_days_cannot_be_enrolled() {
    use jinji::domain::leave::LeaveKind;
    use jinji::store::leaves::BY_HAND;
    let w = Ward::new();
    let p = people(&w);
    let during = course_and_session(&w, d(2026, 12, 10), d(2026, 12, 11), 30);
    let mut l = leave(
        w.junior.id,
        LeaveKind::ChildcareLeave,
        d(2026, 12, 11),
        Some(d(2027, 3, 31)),
    );
    w.db.put_leave(&mut l, today(), &BY_HAND).unwrap();
    for who in [&p.junior, &p.hr] {
        assert_problem(
            w.db.apply_for_session(during.id, w.junior.id, who.actor(), today()),
            "session",
            rule("enrol_on_leave"),
        );
    }
    let mut e = Enrolment {
        id: 0,
        session_id: during.id,
        staff_id: w.junior.id,
        state: EnrolmentState::Applied,
        hours: 0.0,
        applied_on: today(),
        completed_on: None,
        version: 0,
    };
    assert_problem(w.db.insert(&mut e), "session", rule("enrol_on_leave"));
    assert!(enrolments(&w.db).is_empty());
    // 部分休業 keeps the person at work: the same session takes them.
    l.kind = LeaveKind::PartialLeave;
    w.db.put_leave(&mut l, today(), &BY_HAND).unwrap();
    w.db.apply_for_session(during.id, w.junior.id, p.junior.actor(), today())
        .expect("at work on shorter days");
}
