//! The check of a transfer plan (src/store/transfer_check.rs): each rule on a small ward,
//! with the subject it names and the severity the ward gives it; and `apply_transfer_plan`
//! refusing errors, and warnings nobody accepted, before it writes anything.

use crate::support::ward;

use jinji::domain::account::Role;
use jinji::domain::appointment::AppointmentKind;
use jinji::domain::assignment::Reason;
use jinji::domain::employment::EmploymentKind;
use jinji::domain::leave::{Leave, LeaveKind};
use jinji::domain::plan_check::{Arg, JobFit, PlanProblem, PlanRule, Severity};
use jinji::domain::post::{PostClass, UnitPost};
use jinji::domain::staff::{JobType, Position, Staff, StaffStatus};
use jinji::domain::transfer::TransferMove;
use jinji::domain::{Date, Id};
use jinji::i18n::WARD;
use jinji::store::{Db, StoreError};
use ward::*;

/// The plans' day: 1 April 2027.
fn eff() -> Date {
    d(2027, 4, 1)
}

/// A day in the weeks before it, when the plan is drafted and checked.
fn before() -> Date {
    d(2027, 3, 1)
}

/// The shared ward and a 係長 for 区民係, everyone's supervisor as the tree gives it.
struct Small {
    w: Ward,
    res_lead: Id,
    hr: Who,
}

impl Small {
    fn new() -> Small {
        let w = Ward::new();
        let db = &w.db;
        let mut res_lead = staff("A0005", w.team_res, d(2005, 4, 1));
        res_lead.position = Position::TeamChief;
        res_lead.grade = 4;
        db.insert(&mut res_lead).expect("res lead");
        // Each person's main post as their staff row says: a unit's head is read from the
        // posts (`Db::unit_head`), as the round reads it.
        for p in db.all::<Staff>(vec![], "id").expect("staff") {
            let mut a = assignment(p.id, p.unit_id, p.hire_date, None);
            a.position = p.position;
            db.put_assignment(
                &mut a,
                before(),
                &jinji::store::posts::BY_HAND,
                &jinji::i18n::WARD,
            )
            .expect("main post");
        }
        for mut p in db.all::<Staff>(vec![], "id").expect("staff") {
            let sup = db.supervisor_for(&p).expect("supervisor");
            if p.supervisor_id != sup {
                p.supervisor_id = sup;
                db.update(&mut p).expect("supervisor");
            }
        }
        let hr = Who::new(db, "hr.clerk", Role::Hr, None);
        Small {
            res_lead: res_lead.id,
            hr,
            w,
        }
    }

    fn db(&self) -> &Db {
        &self.w.db
    }

    /// A draft plan for [`eff`] with `moves` (person, unit, position, grade).
    fn plan(&self, moves: &[(Id, Id, Position, Option<i64>)]) -> Id {
        let p = self
            .db()
            .new_transfer_plan("定期異動", eff(), self.hr.actor())
            .expect("plan");
        for &(staff_id, to_unit_id, to_position, to_grade) in moves {
            let mut m = TransferMove {
                id: 0,
                plan_id: p.id,
                staff_id,
                to_unit_id,
                to_position,
                reason: Reason::Transfer,
                note: String::new(),
                to_grade,
                version: 0,
            };
            self.db()
                .put_transfer_move(&mut m, self.hr.actor())
                .expect("move");
        }
        p.id
    }

    /// The problems of a plan of `moves` checked on [`before`]: (subject, rule, severity).
    fn check(
        &self,
        moves: &[(Id, Id, Position, Option<i64>)],
    ) -> Vec<(String, PlanRule, Severity)> {
        let p = self.plan(moves);
        brief(&self.db().check_plan(p, before()).expect("check"))
    }

    fn set_status(&self, id: Id, status: StaffStatus) {
        let mut s: Staff = self.db().get(id).expect("staff");
        s.status = status;
        self.db().update(&mut s).expect("status");
    }
}

fn brief(ps: &[PlanProblem]) -> Vec<(String, PlanRule, Severity)> {
    ps.iter()
        .map(|p| (p.subject.clone(), p.rule, p.severity))
        .collect()
}

fn p(subject: &str, rule: PlanRule, sev: Severity) -> (String, PlanRule, Severity) {
    (subject.to_string(), rule, sev)
}

use PlanRule::*;
use Severity::{Error as E, Warning as W};

#[test]
fn a_plan_that_changes_nothing_wrong_has_no_problems() {
    let s = Small::new();
    // 高橋 (a clerk) from 人事係 to 区民係, under its 係長: nobody else's supervisor moves.
    let got = s.check(&[(s.w.junior.id, s.w.team_res, Position::Clerk, None)]);
    assert_eq!(got, vec![]);
}

#[test]
fn a_second_head_in_a_unit_is_an_error_and_the_unit_left_without_one_a_warning() {
    let s = Small::new();
    // 区民係's 係長 into 人事係 as its 係長 beside 鈴木.
    let got = s.check(&[(s.res_lead, s.w.team_hr, Position::TeamChief, None)]);
    assert_eq!(
        got,
        vec![
            p("D01S01T1", TwoHeads, E),
            p("D01S02T1", NoHead, W),
            // 田中 of 区民係 loses his 係長 (and there is no head above).
            p("A0004", SupervisorChange, W),
        ]
    );
}

#[test]
fn every_supervisor_the_round_changes_is_listed_and_exactly_those() {
    let s = Small::new();
    let db = s.db();
    // 鈴木 leaves 人事係 for 区民課 as 課長補佐 (grade 5): 高橋 falls to 人事課's 課長.
    let plan = s.plan(&[(s.w.lead.id, s.w.sec_res, Position::DeputyChief, Some(5))]);
    let got = db.check_plan(plan, before()).expect("check");
    assert_eq!(
        brief(&got),
        vec![p("D01S01T1", NoHead, W), p("A0003", SupervisorChange, W)]
    );
    let listed: Vec<Id> = got
        .iter()
        .filter(|p| p.rule == SupervisorChange)
        .filter_map(|p| p.staff_id)
        .collect();
    // Applied: the people not moved whose supervisor changed are the ones listed.
    let was: Vec<Staff> = db.all(vec![], "id").expect("staff");
    db.apply_transfer_plan(plan, s.hr.actor(), eff(), true, &WARD, &mut |_| {})
        .expect("apply");
    let changed: Vec<Id> = db
        .all::<Staff>(vec![], "id")
        .expect("staff")
        .into_iter()
        .zip(&was)
        .filter(|(now, then)| now.id != s.w.lead.id && now.supervisor_id != then.supervisor_id)
        .map(|(now, _)| now.id)
        .collect();
    assert_eq!(changed, listed);
    assert_eq!(
        db.get::<Staff>(s.w.junior.id)
            .expect("junior")
            .supervisor_id,
        Some(s.w.chief.id)
    );
}

#[test]
fn a_person_on_leave_or_seconded_is_not_moved() {
    for status in [StaffStatus::Leave, StaffStatus::Seconded] {
        let s = Small::new();
        s.set_status(s.w.junior.id, status);
        let got = s.check(&[(s.w.junior.id, s.w.team_res, Position::Clerk, None)]);
        assert_eq!(got, vec![p("A0003", OnLeave, E)], "{status:?}");
    }
}

#[test]
fn a_person_who_retires_before_the_day_is_not_moved() {
    // (A retired person cannot be put into a plan: 高橋 retires after his move was put.
    // The 定年退職日 of part 1 of issue 20 joins `leaves_before` once it is kept.)
    let s = Small::new();
    let plan = s.plan(&[(s.w.junior.id, s.w.team_res, Position::Clerk, None)]);
    let j: Staff = s.db().get(s.w.junior.id).expect("junior");
    s.db()
        .retire_staff(j.id, j.version, d(2027, 3, 31))
        .expect("retire");
    let got = brief(&s.db().check_plan(plan, before()).expect("check"));
    assert_eq!(got, vec![p("A0003", Retiring, E)]);
}

#[test]
fn a_promotion_needs_a_grade_of_its_position() {
    let s = Small::new();
    // 田中 (grade 2) to 主任 (grades 3–4) with no grade, then with 3, then with 5.
    let at = |grade| (s.w.clerk.id, s.w.team_res, Position::Senior, grade);
    // (Not through 主任選考 either: a warning of its own, below.)
    let unselected = p("A0004", NotSelected, W);
    assert_eq!(
        s.check(&[at(None)]),
        vec![p("A0004", GradeMissing, E), unselected.clone()]
    );
    assert_eq!(s.check(&[at(Some(3))]), vec![unselected.clone()]);
    assert_eq!(
        s.check(&[at(Some(5))]),
        vec![p("A0004", GradeMissing, E), unselected]
    );
}

#[test]
fn a_promotion_the_ward_selects_for_is_of_a_passer_on_its_pool() {
    use jinji::domain::exam::{AppliedVia, Exam, ExamEntry, ExamResult, ExamState};
    let s = Small::new();
    let to_senior = [(s.w.clerk.id, s.w.team_res, Position::Senior, Some(3))];
    assert_eq!(s.check(&to_senior), vec![p("A0004", NotSelected, W)]);
    // 田中 passed this year's 主任選考: on its pool through the plan's April.
    let kind = s.db().exam_kind_by_code("senior").unwrap().unwrap();
    let mut round = Exam {
        id: 0,
        kind_id: kind.id,
        fiscal_year: 2026,
        base_date: d(2026, 4, 1),
        applications_close: d(2026, 6, 30),
        held_on: d(2026, 9, 13),
        announced_on: Some(d(2026, 11, 20)),
        state: ExamState::Announced,
        note: String::new(),
        version: 0,
    };
    s.db().insert(&mut round).unwrap();
    let passed = |pool_until| ExamEntry {
        id: 0,
        exam_id: round.id,
        staff_id: s.w.clerk.id,
        applied_on: d(2026, 6, 1),
        applied_via: AppliedVia::Person,
        written: Some(80),
        essay: Some(75),
        interview: Some(82),
        result: ExamResult::Passed,
        pool_until: Some(pool_until),
        version: 0,
    };
    // Written as the database holds it (a pass of a round since announced).
    let mut entry = [passed(d(2028, 3, 31))];
    s.db().insert_many_generated(&mut entry, "test").unwrap();
    assert_eq!(s.check(&to_senior), vec![]);
    // A pass whose pool ends the day before the plan's does not carry the promotion.
    let [mut e] = entry;
    e.pool_until = Some(d(2027, 3, 31));
    s.db().update(&mut e).unwrap();
    assert_eq!(s.check(&to_senior), vec![p("A0004", NotSelected, W)]);
}

#[test]
fn a_job_type_works_where_the_ward_table_says_and_anywhere_without_rows() {
    let s = Small::new();
    let db = s.db();
    // 土木 works in 区民課 and below.
    let mut fit = JobFit {
        id: 0,
        job_type: JobType::Civil,
        unit_id: s.w.sec_res,
        version: 0,
    };
    db.insert(&mut fit).expect("fit");
    let clerk = s.w.clerk.id;
    assert_eq!(
        s.check(&[(clerk, s.w.team_hr, Position::Clerk, None)]),
        vec![p("A0004", JobType, W)]
    );
    assert_eq!(
        s.check(&[(clerk, s.w.sec_res, Position::Clerk, None)]),
        vec![]
    );
    // And in 人事課 too: then in its 人事係 below.
    let mut fit = JobFit {
        id: 0,
        job_type: JobType::Civil,
        unit_id: s.w.sec_hr,
        version: 0,
    };
    db.insert(&mut fit).expect("fit");
    assert_eq!(
        s.check(&[(clerk, s.w.team_hr, Position::Clerk, None)]),
        vec![]
    );
    // 高橋's 一般事務 has no row: anywhere.
    assert_eq!(
        s.check(&[(s.w.junior.id, s.w.team_res, Position::Clerk, None)]),
        vec![]
    );
}

#[test]
fn an_effective_date_before_today_is_an_error_unless_the_ward_says_warning() {
    let s = Small::new();
    let plan = s.plan(&[(s.w.junior.id, s.w.team_res, Position::Clerk, None)]);
    let late = d(2027, 4, 2);
    let subject = format!("#{plan}");
    assert_eq!(
        brief(&s.db().check_plan(plan, late).expect("check")),
        vec![p(&subject, DatePast, E)]
    );
    assert_eq!(
        brief(&s.db().check_plan(plan, eff()).expect("check")),
        vec![]
    );
    s.db().set_rule("plan.date_past", "warning").expect("set");
    assert_eq!(
        brief(&s.db().check_plan(plan, late).expect("check")),
        vec![p(&subject, DatePast, W)]
    );
}

#[test]
fn severities_are_ward_settings_and_a_bad_one_is_named() {
    let s = Small::new();
    let db = s.db();
    let sev = db.plan_severities().expect("severities");
    assert_eq!(sev[&TwoHeads], E);
    assert_eq!(sev[&SupervisorChange], W);
    db.set_rule("plan.two_heads", "warning").expect("set");
    db.set_rule("plan.supervisor_change", " error ")
        .expect("set");
    let sev = db.plan_severities().expect("severities");
    assert_eq!((sev[&TwoHeads], sev[&SupervisorChange]), (W, E));
    assert_problem(
        db.set_rule("plan.two_heads", "fatal"),
        "plan.two_heads",
        jinji::domain::Problem::Malformed,
    );
}

/// Every row a refused apply must leave as it was: the people, their posts, the audit.
fn rows(db: &Db) -> (Vec<Staff>, usize, usize) {
    let posts: Vec<jinji::domain::assignment::Assignment> = db.all(vec![], "id").expect("posts");
    (
        db.all(vec![], "id").expect("staff"),
        posts.len(),
        audit_count(db),
    )
}

#[test]
fn a_refused_apply_names_the_first_problem_and_how_many_more() {
    let s = Small::new();
    // A second 係長 in 人事係, and 高橋 on leave.
    s.set_status(s.w.junior.id, StaffStatus::Leave);
    let bad = s.plan(&[
        (s.res_lead, s.w.team_hr, Position::TeamChief, None),
        (s.w.junior.id, s.w.team_res, Position::Clerk, None),
    ]);
    let e = s
        .db()
        .apply_transfer_plan(bad, s.hr.actor(), eff(), true, &WARD, &mut |_| {})
        .expect_err("refused");
    let text = jinji::i18n::error_text(jinji::i18n::Lang::En, &e);
    assert!(
        text.starts_with("the plan's check found errors; it is not applied: ")
            && text.contains("A0003: on_leave: ")
            && text.ends_with("(and 3 more)"),
        "{text}"
    );
}

#[test]
fn apply_refuses_errors_always_and_warnings_until_accepted() {
    let s = Small::new();
    let db = s.db();
    let who = s.hr.actor();
    // An error (a second 係長 in 人事係): refused, accepted or not.
    let bad = s.plan(&[(s.res_lead, s.w.team_hr, Position::TeamChief, None)]);
    let before = rows(db);
    for accept in [false, true] {
        match db.apply_transfer_plan(bad, who, eff(), accept, &WARD, &mut |_| {}) {
            Err(StoreError::PlanProblems(ps)) => assert_eq!(ps[0].rule, TwoHeads),
            other => panic!("expected the check's refusal, got {other:?}"),
        }
        assert_eq!(rows(db), before, "nothing written");
    }
    db.discard_transfer_plan(bad, who).expect("discard");
    // Warnings only (鈴木 leaves 人事係 without a successor): refused until accepted.
    let warned = s.plan(&[(s.w.lead.id, s.w.sec_res, Position::DeputyChief, Some(5))]);
    let before = rows(db);
    match db.apply_transfer_plan(warned, who, eff(), false, &WARD, &mut |_| {}) {
        Err(StoreError::PlanProblems(ps)) => assert!(ps.iter().all(|p| !p.is_error())),
        other => panic!("expected the warnings, got {other:?}"),
    }
    assert_eq!(rows(db), before, "nothing written");
    assert_eq!(
        db.apply_transfer_plan(warned, who, eff(), true, &WARD, &mut |_| {})
            .expect("accepted"),
        1
    );
    let lead: Staff = db.get(s.w.lead.id).expect("lead");
    assert_eq!((lead.position, lead.grade), (Position::DeputyChief, 5));
}

#[test]
fn applying_records_each_movers_appointments_in_the_wards_words() {
    let s = Small::new();
    let db = s.db();
    // 鈴木 promoted to 区民課's 課長補佐 at grade 5; 区民係's 係長 to head 人事係; 高橋 to 区民係.
    let plan = s.plan(&[
        (s.w.lead.id, s.w.sec_res, Position::DeputyChief, Some(5)),
        (s.res_lead, s.w.team_hr, Position::TeamChief, None),
        (s.w.junior.id, s.w.team_res, Position::Clerk, None),
    ]);
    db.apply_transfer_plan(plan, s.hr.actor(), eff(), true, &WARD, &mut |_| {})
        .expect("apply");
    let said = |id: Id| -> Vec<(AppointmentKind, String)> {
        db.appointments_of(id)
            .expect("appointments")
            .into_iter()
            .inspect(|a| assert_eq!((a.issued_on, a.plan_id), (eff(), Some(plan))))
            .map(|a| (a.kind, a.text))
            .collect()
    };
    use AppointmentKind as K;
    assert_eq!(
        said(s.w.lead.id),
        vec![
            (K::Promotion, "課長補佐に昇任させる".to_string()),
            (K::Grade, "5級に昇格させる".to_string()),
            (K::Transfer, "総務部区民課勤務を命ずる".to_string()),
        ]
    );
    assert_eq!(
        said(s.res_lead),
        vec![(K::Head, "人事課人事係長を命ずる".to_string())]
    );
    assert_eq!(
        said(s.w.junior.id),
        vec![(K::Transfer, "区民課区民係勤務を命ずる".to_string())]
    );
    assert_eq!(db.appointments_on(eff()).expect("day").len(), 5);
}

#[test]
fn a_person_who_reaches_teinen_before_the_day_is_not_moved_unless_their_kind_does_not_retire() {
    // Born June 1964: 62 in FY2026, the age in force, so 定年退職日 is 2027-03-31.
    let s = Small::new();
    let mut j: Staff = s.db().get(s.w.junior.id).expect("junior");
    j.birth_date = d(1964, 6, 1);
    s.db().update(&mut j).expect("birth");
    let got = s.check(&[(j.id, s.w.team_res, Position::Clerk, None)]);
    assert_eq!(got, vec![p("A0003", Retiring, E)]);
    // A 会計年度任用職員 of the same age has no 定年: the move stands.
    let s = Small::new();
    let mut j: Staff = s.db().get(s.w.junior.id).expect("junior");
    j.birth_date = d(1964, 6, 1);
    j.employment_kind = EmploymentKind::FiscalPart;
    j.weekly_hours = 30.0;
    j.term_start = Some(d(2026, 4, 1));
    j.term_end = Some(d(2027, 3, 31));
    s.db().update(&mut j).expect("kind");
    let got = s.check(&[(j.id, s.w.team_res, Position::Clerk, None)]);
    assert_eq!(got, vec![]);
}

#[test]
fn arrivals_past_a_units_teiin_are_a_warning_counted_as_the_posts_view_counts() {
    let setup = |room: i64| {
        let s = Small::new();
        let present = s
            .db()
            .posts_as_of(d(2027, 3, 31), Some(&[s.w.team_res]))
            .expect("counts")
            .into_iter()
            .find(|c| c.class == PostClass::General)
            .map_or(0, |c| c.present);
        let mut post = UnitPost {
            id: 0,
            unit_id: s.w.team_res,
            fiscal_year: 2027,
            class: PostClass::General,
            count: present + room,
            version: 0,
        };
        s.db().insert(&mut post).expect("定数");
        s
    };
    // 区民係 full: 高橋 moving in puts it one over its 定数 of 一般.
    let s = setup(0);
    let got = s.check(&[(s.w.junior.id, s.w.team_res, Position::Clerk, None)]);
    assert_eq!(got, vec![p("D01S02T1", OverPosts, W)]);
    // One post free: no problem.
    let s = setup(1);
    let got = s.check(&[(s.w.junior.id, s.w.team_res, Position::Clerk, None)]);
    assert_eq!(got, vec![]);
}

#[test]
fn a_leave_on_the_day_stops_a_move_and_one_that_has_ended_does_not() {
    let leave = |s: &Small, kind: LeaveKind, start: Date, end: Option<Date>| {
        let mut l = Leave {
            id: 0,
            staff_id: s.w.junior.id,
            kind,
            start_date: start,
            end_date: end,
            note: String::new(),
            version: 0,
        };
        s.db()
            .put_leave(&mut l, before(), &jinji::store::leaves::BY_HAND)
            .expect("leave");
    };
    let to_res = |s: &Small| s.check(&[(s.w.junior.id, s.w.team_res, Position::Clerk, None)]);
    // 育児休業 from February, open: away on 1 April.
    let s = Small::new();
    leave(&s, LeaveKind::ChildcareLeave, d(2027, 2, 1), None);
    let ps = s
        .db()
        .check_plan(
            s.plan(&[(s.w.junior.id, s.w.team_res, Position::Clerk, None)]),
            before(),
        )
        .expect("check");
    assert_eq!(brief(&ps), vec![p("A0003", OnLeave, E)]);
    assert!(
        ps[0]
            .args
            .iter()
            .any(|(_, a)| *a == Arg::Label("leave_kind", "childcare_leave"))
    );
    // Back at work on 15 March: moved like anyone.
    let s = Small::new();
    leave(
        &s,
        LeaveKind::SickLeave,
        d(2027, 2, 1),
        Some(d(2027, 3, 15)),
    );
    assert_eq!(to_res(&s), vec![]);
    // 部分休業 shortens the day but takes no one away.
    let s = Small::new();
    leave(&s, LeaveKind::PartialLeave, d(2027, 1, 1), None);
    assert_eq!(to_res(&s), vec![]);
}

/// A unit headed by a post beside a main one (兼務, 事務取扱, 事務代理) has its head before
/// and after the plan, as `Db::unit_head` reads it: the people below keep that head as
/// their supervisor (no change listed), and a 係長 arriving takes the lead without a second
/// head or a unit left without one.
#[test]
fn a_unit_headed_by_a_post_beside_a_main_one_is_not_without_its_head() {
    use jinji::domain::post::AssignmentKind;
    for kind in [
        AssignmentKind::Concurrent,
        AssignmentKind::ActingDuties,
        AssignmentKind::Deputy,
    ] {
        let s = Small::new();
        let db = s.db();
        // 区民課 has no 課長 of its own: 人事課's 課長 佐藤 holds its post beside his.
        let mut a = assignment(s.w.chief.id, s.w.sec_res, d(2026, 4, 1), None);
        a.position = Position::SectionChief;
        a.kind = kind;
        db.put_assignment(
            &mut a,
            before(),
            &jinji::store::posts::BY_HAND,
            &jinji::i18n::WARD,
        )
        .expect("post beside");
        assert_eq!(
            db.get::<Staff>(s.res_lead).expect("lead").supervisor_id,
            Some(s.w.chief.id),
            "{kind:?}"
        );
        // 高橋 into 区民係: 区民係's 係長 keeps 佐藤 above him.
        let got = s.check(&[(s.w.junior.id, s.w.team_res, Position::Clerk, None)]);
        assert_eq!(got, vec![], "{kind:?}");
        // 鈴木 (人事係's 係長) into 区民係 as a second 係長 beside its own: two heads there,
        // 人事係 left without one; 区民課 itself still has 佐藤.
        let got = s.check(&[(s.w.lead.id, s.w.team_res, Position::TeamChief, None)]);
        assert_eq!(
            got,
            vec![
                p("D01S02T1", TwoHeads, E),
                p("D01S01T1", NoHead, W),
                p("A0003", SupervisorChange, W),
                p("A0004", SupervisorChange, W),
            ],
            "{kind:?}"
        );
    }
}

/// A person on leave cannot be moved (the law, not the ward): the check reports it as an
/// error whatever the setting says, and the setting refuses `warning`, naming itself.
#[test]
fn on_leave_is_always_an_error_and_its_setting_refuses_warning() {
    let s = Small::new();
    let db = s.db();
    assert_problem(
        db.set_rule("plan.on_leave", "warning"),
        "plan.on_leave",
        rule("plan_severity_fixed"),
    );
    db.set_rule("plan.on_leave", "error")
        .expect("error is its own");
    // A file that holds `warning` from before still checks it as an error.
    db.set_setting("plan.on_leave", "warning")
        .expect("old value");
    assert_eq!(db.plan_severities().expect("severities")[&OnLeave], E);
    s.set_status(s.w.junior.id, StaffStatus::Leave);
    let got = s.check(&[(s.w.junior.id, s.w.team_res, Position::Clerk, None)]);
    assert_eq!(got, vec![p("A0003", OnLeave, E)]);
}

/// The problems read as a ward writes them: the job type that a unit does not take named
/// as the table of job types says it, the day a person is away.
#[test]
fn the_problems_read_as_a_ward_writes_them() {
    use jinji::config::DateStyle;
    use jinji::i18n::{Lang, plan_problem_text};
    let job = PlanProblem {
        subject: "A0004".into(),
        staff_id: None,
        rule: JobType,
        severity: W,
        args: vec![
            ("name", Arg::Text("田中 一郎".into())),
            ("job_type", Arg::Label("job_type", "public_health_nurse")),
            ("unit", Arg::Text("市民税係".into())),
        ],
    };
    assert_eq!(
        plan_problem_text(Lang::Ja, &job, DateStyle::Iso),
        "田中 一郎の職種（保健師）は、市民税係に配置する職種に当たりません（職種の配置先）"
    );
    assert_eq!(
        plan_problem_text(Lang::En, &job, DateStyle::Iso),
        "田中 一郎's job type, Public health nurse, is not one the ward places in 市民税係 (job types by unit)"
    );
    let away = PlanProblem {
        rule: OnLeave,
        severity: E,
        args: vec![
            ("name", Arg::Text("田中 一郎".into())),
            ("status", Arg::Label("leave_kind", "childcare_leave")),
        ],
        ..job
    };
    assert_eq!(
        plan_problem_text(Lang::Ja, &away, DateStyle::Iso),
        "田中 一郎は発令日に育児休業のため、異動できません"
    );
}
