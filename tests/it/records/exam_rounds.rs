//! A round of promotion selection from application to the 合格者名簿: people apply
//! themselves while it takes applications, HR takes the self-reports' wishes, closes it
//! and announces it once every entry has its result and the tests are held; a pass stands
//! on the pool for the kind's years.

use super::exams::{Exams, FY, d};
use crate::support::ward::{Who, assert_problem, rule};
use jinji::domain::account::Role;
use jinji::domain::career::{SelfReport, TransferWish};
use jinji::domain::exam::{AppliedVia, Exam, ExamEntry, ExamResult, ExamState, pool_until};
use jinji::domain::staff::{Position, Staff};
use jinji::domain::{Date, FiscalYear, Id, Problem};
use jinji::store::Filter;

fn entries(x: &Exams, exam: &Exam) -> Vec<ExamEntry> {
    x.w.db
        .all(vec![Filter::eq("exam_id", exam.id)], "id")
        .unwrap()
}

fn entry_of(x: &Exams, exam: &Exam, staff: Id) -> ExamEntry {
    entries(x, exam)
        .into_iter()
        .find(|e| e.staff_id == staff)
        .expect("entry")
}

/// A self-report of `fy`, wishing to sit a selection or not, handed in or not.
fn report(x: &Exams, staff: Id, fy: FiscalYear, wish: bool, handed_in: Option<Date>) {
    let mut r = SelfReport {
        id: 0,
        staff_id: staff,
        fiscal_year: fy,
        career_goal: String::new(),
        wished_fields: String::new(),
        transfer_wish: TransferWish::Stay,
        wish_unit1_id: None,
        wish_unit2_id: None,
        wish_unit3_id: None,
        promotion_exam: wish,
        self_dev_plan: String::new(),
        submitted_on: handed_in,
        version: 0,
    };
    x.w.db.insert(&mut r).expect("self-report");
}

/// HR's entry of a person, with a result.
fn enter(x: &Exams, hr: &Who, exam: &Exam, staff: Id, result: ExamResult) -> ExamEntry {
    let mut e = ExamEntry {
        id: 0,
        exam_id: exam.id,
        staff_id: staff,
        applied_on: d(2025, 6, 1),
        applied_via: AppliedVia::Hr,
        written: None,
        essay: None,
        interview: None,
        result,
        pool_until: None,
        version: 0,
    };
    x.w.db.put_exam_entry(&mut e, hr.actor()).expect("entry");
    e
}

fn set_result(x: &Exams, hr: &Who, e: &mut ExamEntry, result: ExamResult) {
    e.result = result;
    x.w.db.put_exam_entry(e, hr.actor()).expect("result");
}

fn reload(x: &Exams, exam: &Exam) -> Exam {
    x.w.db.get(exam.id).unwrap()
}

#[test]
fn a_person_applies_themselves_while_the_round_takes_applications() {
    let x = Exams::new();
    let exam = x.open("team_chief");
    let hr = Who::new(&x.w.db, "hr", Role::Hr, None);
    let ready = x.person("C0001", Position::Senior, d(2020, 4, 1));
    let me = Who::new(&x.w.db, "c1", Role::Staff, Some(ready));
    // The closing day itself still takes applications.
    let e =
        x.w.db
            .apply_for_exam(exam.id, me.actor(), d(2025, 6, 30))
            .expect("applied");
    assert_eq!(
        (e.staff_id, e.applied_via, e.applied_on, e.result),
        (
            ready,
            AppliedVia::Person,
            d(2025, 6, 30),
            ExamResult::Applied
        )
    );
    assert!(x.w.db.exam_entered(exam.id, ready).unwrap());
    // Twice is once.
    assert_problem(
        x.w.db.apply_for_exam(exam.id, me.actor(), d(2025, 6, 30)),
        "staff_no",
        Problem::Duplicate,
    );
    assert_eq!(entries(&x, &exam).len(), 1);

    let apply = |no: &str, position, since, on| {
        let id = x.person(no, position, since);
        let who = Who::new(&x.w.db, no, Role::Staff, Some(id));
        let r = x.w.db.apply_for_exam(exam.id, who.actor(), on);
        assert!(!x.w.db.exam_entered(exam.id, id).unwrap(), "{no} entered");
        r
    };
    let june = d(2025, 6, 1);
    assert_problem(
        apply("C0002", Position::Senior, d(2023, 4, 1), june),
        "staff_no",
        rule("exam_years"),
    );
    assert_problem(
        apply("C0003", Position::Clerk, d(2015, 4, 1), june),
        "staff_no",
        rule("exam_not_of_position"),
    );
    assert_problem(
        apply("C0004", Position::Senior, d(2020, 4, 1), d(2025, 7, 1)),
        "exam",
        Problem::Closed { on: d(2025, 6, 30) },
    );
    let nobody = Who::new(&x.w.db, "hr2", Role::Hr, None);
    assert_problem(
        x.w.db.apply_for_exam(exam.id, nobody.actor(), june),
        "exam",
        rule("exam_needs_person"),
    );
    // Once closed, not even before the closing day; nor closed twice.
    x.w.db
        .close_exam(exam.id, exam.version, hr.actor())
        .unwrap();
    assert_eq!(reload(&x, &exam).state, ExamState::Closed);
    assert_problem(
        apply("C0005", Position::Senior, d(2020, 4, 1), june),
        "exam",
        rule("exam_not_open"),
    );
    let closed = reload(&x, &exam);
    assert_problem(
        x.w.db.close_exam(exam.id, closed.version, hr.actor()),
        "exam",
        rule("exam_not_open"),
    );
}

#[test]
fn the_self_reports_wishes_become_applications_once() {
    let x = Exams::new();
    let exam = x.open("team_chief");
    let hr = Who::new(&x.w.db, "hr", Role::Hr, None);
    let since = d(2020, 4, 1);
    let wished = x.person("W0001", Position::Senior, since);
    report(&x, wished, FY, true, Some(d(2025, 5, 10)));
    let not_handed_in = x.person("W0002", Position::Senior, since);
    report(&x, not_handed_in, FY, true, None);
    let no_wish = x.person("W0003", Position::Senior, since);
    report(&x, no_wish, FY, false, Some(d(2025, 5, 10)));
    let last_year = x.person("W0004", Position::Senior, since);
    report(&x, last_year, FY - 1, true, Some(d(2024, 5, 10)));
    let too_new = x.person("W0005", Position::Senior, d(2023, 4, 1));
    report(&x, too_new, FY, true, Some(d(2025, 5, 10)));
    let applied = x.person("W0006", Position::Senior, since);
    report(&x, applied, FY, true, Some(d(2025, 5, 10)));
    let me = Who::new(&x.w.db, "w6", Role::Staff, Some(applied));
    x.w.db
        .apply_for_exam(exam.id, me.actor(), d(2025, 5, 20))
        .unwrap();

    let taken = x.w.db.take_exam_wishes(exam.id, hr.actor(), d(2025, 6, 5));
    assert_eq!(taken.unwrap(), 1);
    let got: Vec<(Id, AppliedVia)> = entries(&x, &exam)
        .iter()
        .map(|e| (e.staff_id, e.applied_via))
        .collect();
    assert_eq!(
        got,
        [
            (applied, AppliedVia::Person),
            (wished, AppliedVia::SelfReport)
        ]
    );
    assert_eq!(entry_of(&x, &exam, wished).applied_on, d(2025, 6, 5));
    let again = x.w.db.take_exam_wishes(exam.id, hr.actor(), d(2025, 6, 6));
    assert_eq!(again.unwrap(), 0);
    assert_eq!(entries(&x, &exam).len(), 2);
}

#[test]
fn only_hr_runs_a_round() {
    let x = Exams::new();
    let exam = x.open("team_chief");
    let p = x.person("H0001", Position::Senior, d(2020, 4, 1));
    let lead = Who::new(&x.w.db, "lead", Role::Supervisor, Some(x.w.lead.id));
    let own = Who::new(&x.w.db, "h1", Role::Staff, Some(p));
    let later = d(2025, 11, 20);
    for who in [&lead, &own] {
        let hr_only = || rule("exams_hr_only");
        let a = who.actor();
        assert_problem(
            x.w.db.take_exam_wishes(exam.id, a, later),
            "exam",
            hr_only(),
        );
        assert_problem(
            x.w.db.close_exam(exam.id, exam.version, a),
            "exam",
            hr_only(),
        );
        assert_problem(
            x.w.db.announce_exam(exam.id, exam.version, a, later),
            "exam",
            hr_only(),
        );
        let mut e = ExamEntry {
            id: 0,
            exam_id: exam.id,
            staff_id: p,
            applied_on: later,
            applied_via: AppliedVia::Hr,
            written: None,
            essay: None,
            interview: None,
            result: ExamResult::Passed,
            pool_until: None,
            version: 0,
        };
        assert_problem(x.w.db.put_exam_entry(&mut e, a), "exam", hr_only());
    }
    assert_eq!(reload(&x, &exam), exam);
    assert!(entries(&x, &exam).is_empty());
}

#[test]
fn results_are_announced_once_all_are_decided_after_the_tests() {
    let x = Exams::new();
    let exam = x.open("team_chief");
    let hr = Who::new(&x.w.db, "hr", Role::Hr, None);
    let since = d(2020, 4, 1);
    let [p1, p2, p3, p4] =
        ["R0001", "R0002", "R0003", "R0004"].map(|no| x.person(no, Position::Senior, since));
    let mut passed = enter(&x, &hr, &exam, p1, ExamResult::Applied);
    let mut failed = enter(&x, &hr, &exam, p2, ExamResult::Applied);
    let mut absent = enter(&x, &hr, &exam, p3, ExamResult::Applied);
    // A pass before the announcement puts nobody on the pool yet.
    set_result(&x, &hr, &mut passed, ExamResult::Passed);
    assert_eq!(passed.pool_until, None);
    x.w.db
        .close_exam(exam.id, exam.version, hr.actor())
        .unwrap();
    let exam = reload(&x, &exam);

    let announce = |on| x.w.db.announce_exam(exam.id, exam.version, hr.actor(), on);
    assert_problem(
        announce(d(2025, 9, 12)),
        "exam_announced_on",
        Problem::Before {
            other: "exam_held_on",
        },
    );
    assert_problem(
        announce(d(2025, 11, 20)),
        "result",
        Problem::Threshold {
            rule: "exam_undecided",
            value: 2,
        },
    );
    set_result(&x, &hr, &mut failed, ExamResult::Failed);
    set_result(&x, &hr, &mut absent, ExamResult::Absent);
    assert_eq!(
        reload(&x, &exam).state,
        ExamState::Closed,
        "nothing announced"
    );
    // The day of the tests is the first it may be announced.
    assert_eq!(announce(d(2025, 9, 13)).expect("announced"), 1);
    let done = reload(&x, &exam);
    assert_eq!(
        (done.state, done.announced_on),
        (ExamState::Announced, Some(d(2025, 9, 13)))
    );
    // 係長選考 keeps a pass for one year: to the end of FY2026.
    let fy_end = Some(d(2027, 3, 31));
    assert_eq!(pool_until(FY, 1), d(2027, 3, 31));
    let pools = |x: &Exams| -> Vec<Option<Date>> {
        entries(x, &exam).iter().map(|e| e.pool_until).collect()
    };
    assert_eq!(pools(&x), [fy_end, None, None]);
    assert_problem(
        x.w.db
            .announce_exam(exam.id, done.version, hr.actor(), d(2025, 11, 20)),
        "exam",
        rule("exam_announced"),
    );
    // No new entries, by hand or from wishes, once announced.
    let mut late = ExamEntry {
        id: 0,
        ..entry_of(&x, &exam, p2)
    };
    late.staff_id = p4;
    assert_problem(
        x.w.db.put_exam_entry(&mut late, hr.actor()),
        "exam",
        rule("exam_announced"),
    );
    assert_problem(
        x.w.db
            .take_exam_wishes(exam.id, hr.actor(), d(2025, 11, 21)),
        "exam",
        rule("exam_announced"),
    );
    // A result corrected after the announcement moves the pool with it.
    let mut failed = entry_of(&x, &exam, p2);
    set_result(&x, &hr, &mut failed, ExamResult::Passed);
    let mut passed = entry_of(&x, &exam, p1);
    set_result(&x, &hr, &mut passed, ExamResult::Failed);
    assert_eq!(pools(&x), [None, fy_end, None]);
}

#[test]
fn a_pass_stands_on_the_pool_until_its_years_end_or_the_promotion() {
    let x = Exams::new();
    let exam = x.open("manager");
    let hr = Who::new(&x.w.db, "hr", Role::Hr, None);
    let since = d(2020, 4, 1);
    let passer = x.person("Q0001", Position::TeamChief, since);
    let failer = x.person("Q0002", Position::DeputyChief, since);
    enter(&x, &hr, &exam, passer, ExamResult::Passed);
    enter(&x, &hr, &exam, failer, ExamResult::Failed);
    let on = d(2025, 11, 20);
    // Not on the pool before the announcement.
    assert_eq!(x.w.db.pooled_kind(passer, on).unwrap(), None);
    x.w.db
        .announce_exam(exam.id, exam.version, hr.actor(), on)
        .unwrap();
    // 管理職選考 keeps a pass for two years: to the end of FY2027.
    let manager = x.kind("manager");
    assert_eq!(manager.pool_years, 2);
    let pooled = |staff, day| x.w.db.pooled_kind(staff, day).unwrap();
    assert_eq!(pooled(passer, on), Some(manager.clone()));
    assert_eq!(pooled(passer, d(2028, 3, 31)), Some(manager));
    assert_eq!(pooled(passer, d(2028, 4, 1)), None);
    assert_eq!(pooled(failer, on), None);
    // Promoted to 課長, they are off the pool while it still runs.
    let mut s: Staff = x.w.db.get(passer).unwrap();
    (s.position, s.grade) = (Position::SectionChief, 6);
    x.w.db.update(&mut s).unwrap();
    assert_eq!(pooled(passer, d(2026, 4, 1)), None);
}

#[test]
fn a_pass_is_off_the_pool_once_promoted_past_its_position() {
    let x = Exams::new();
    // A ward that keeps a 主任選考 pass for five years.
    x.set_kind("senior", |k| k.pool_years = 5);
    let exam = x.open("senior");
    let hr = Who::new(&x.w.db, "hr", Role::Hr, None);
    let passer = x.person("Q0001", Position::Clerk, d(2015, 4, 1));
    enter(&x, &hr, &exam, passer, ExamResult::Passed);
    x.w.db
        .announce_exam(exam.id, exam.version, hr.actor(), d(2025, 11, 20))
        .unwrap();
    assert_eq!(entry_of(&x, &exam, passer).pool_until, Some(d(2031, 3, 31)));
    // 主任 in 2026, 係長 in 2029, while the pass still stands: a 主任 post is no promotion.
    let mut s: Staff = x.w.db.get(passer).unwrap();
    for (position, grade) in [(Position::Senior, 3), (Position::TeamChief, 4)] {
        (s.position, s.grade) = (position, grade);
        x.w.db.update(&mut s).unwrap();
        let pooled = x.w.db.pooled_kind(passer, d(2029, 4, 1)).unwrap();
        assert_eq!(pooled.map(|k| k.code), None, "as {position:?}");
    }
}
