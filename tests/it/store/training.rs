//! Training: courses, requirements, sessions, enrolments, OJT pairs and logs.

use crate::support::ward;

use jinji::domain::staff::{Position, Staff};
use jinji::domain::training::{
    Course, CourseCategory, CourseRequirement, Enrolment, EnrolmentState, OjtLog, OjtPair,
    RequiredPeriod, TrainingSession,
};
use jinji::domain::{Date, FiscalYear, Id, Problem};
use jinji::store::settings::keys;
use ward::*;

fn course(code: &str, category: CourseCategory) -> Course {
    Course {
        id: 0,
        code: code.into(),
        title: format!("{code} 研修"),
        category,
        hours: 6.0,
        provider: String::new(),
        since: d(2013, 8, 1),
        until: None,
        version: 0,
    }
}

fn session(course_id: Id, starts: Date, capacity: i64) -> TrainingSession {
    TrainingSession {
        id: 0,
        course_id,
        fiscal_year: starts.fiscal_year(),
        starts_on: starts,
        ends_on: starts.add_days(1),
        place: "区役所 5階".into(),
        capacity,
        version: 0,
    }
}

fn enrol(session_id: Id, staff_id: Id, applied: Date) -> Enrolment {
    Enrolment {
        id: 0,
        session_id,
        staff_id,
        state: EnrolmentState::Applied,
        hours: 0.0,
        applied_on: applied,
        completed_on: None,
        version: 0,
    }
}

fn complete(e: &mut Enrolment, hours: f64, on: Date) {
    (e.state, e.hours, e.completed_on) = (EnrolmentState::Completed, hours, Some(on));
}

#[test]
fn courses_and_sessions_are_found_by_code_and_date() {
    let w = Ward::new();
    let mut b = course("LANG02", CourseCategory::Language);
    let mut a = course("COMP01", CourseCategory::Compliance);
    w.db.insert(&mut b).unwrap();
    w.db.insert(&mut a).unwrap();
    assert_eq!(w.db.course_by_code("LANG02").unwrap(), Some(b.clone()));
    assert_eq!(w.db.course_by_code("NONE").unwrap(), None);
    assert_eq!(w.db.courses().unwrap(), [a.clone(), b.clone()]);
    let mut dup = course("COMP01", CourseCategory::Ojt);
    assert!(
        invalid(w.db.insert(&mut dup))
            .0
            .iter()
            .any(|e| e.problem == Problem::Duplicate)
    );

    let mut late = session(b.id, d(2025, 11, 1), 20);
    let mut early = session(b.id, d(2025, 6, 1), 20);
    w.db.insert(&mut late).unwrap();
    w.db.insert(&mut early).unwrap();
    assert_eq!(w.db.sessions_of_course(b.id).unwrap(), [early, late]);
    assert!(w.db.sessions_of_course(a.id).unwrap().is_empty());
    let mut unknown = session(4242, d(2025, 6, 1), 20);
    assert!(
        invalid(w.db.insert(&mut unknown))
            .0
            .iter()
            .any(|e| e.problem == Problem::Unknown)
    );
}

#[test]
fn a_session_over_capacity_is_refused() {
    let w = Ward::new();
    let mut c = course("PWR01", CourseCategory::PowerUp);
    w.db.insert(&mut c).unwrap();
    let mut s = session(c.id, d(2025, 7, 1), 2);
    w.db.insert(&mut s).unwrap();
    let mut a = enrol(s.id, w.junior.id, d(2025, 5, 1));
    let mut b = enrol(s.id, w.clerk.id, d(2025, 5, 2));
    w.db.insert(&mut a).unwrap();
    w.db.insert(&mut b).unwrap();
    let mut third = enrol(s.id, w.lead.id, d(2025, 5, 3));
    assert_problem(w.db.insert(&mut third), "session", rule("session_full"));
    // Saving an enrolment already in the full session does not count it twice.
    a.state = EnrolmentState::Approved;
    w.db.update(&mut a).unwrap();
    // A cancelled place is free again.
    b.state = EnrolmentState::Cancelled;
    w.db.update(&mut b).unwrap();
    w.db.insert(&mut third).unwrap();
    let mut ghost = enrol(4242, w.chief.id, d(2025, 5, 3));
    assert_problem(w.db.insert(&mut ghost), "session", Problem::Unknown);
}

#[test]
fn training_hours_count_completed_enrolments_of_the_fiscal_year() {
    let w = Ward::new();
    let mut c = course("SELF01", CourseCategory::SelfDevelopment);
    w.db.insert(&mut c).unwrap();
    let mut s1 = session(c.id, d(2025, 6, 1), 10);
    let mut s2 = session(c.id, d(2026, 2, 1), 10); // still fiscal 2025
    let mut s3 = session(c.id, d(2026, 4, 10), 10); // fiscal 2026
    let mut s4 = session(c.id, d(2025, 9, 1), 10);
    for s in [&mut s1, &mut s2, &mut s3, &mut s4] {
        w.db.insert(s).unwrap();
    }
    let mut e1 = enrol(s1.id, w.junior.id, d(2025, 5, 1));
    complete(&mut e1, 6.0, d(2025, 6, 2));
    let mut e2 = enrol(s2.id, w.junior.id, d(2026, 1, 5));
    complete(&mut e2, 3.5, d(2026, 2, 2));
    let mut e3 = enrol(s3.id, w.junior.id, d(2026, 4, 1));
    complete(&mut e3, 7.0, d(2026, 4, 11));
    let mut e4 = enrol(s4.id, w.junior.id, d(2025, 8, 1));
    e4.hours = 6.0; // applied only
    for e in [&mut e3, &mut e1, &mut e4, &mut e2] {
        w.db.insert(e).unwrap();
    }
    assert_eq!(w.db.training_hours(w.junior.id, 2025).unwrap(), 9.5);
    assert_eq!(w.db.training_hours(w.junior.id, 2026).unwrap(), 7.0);
    assert_eq!(w.db.training_hours(w.clerk.id, 2025).unwrap(), 0.0);
    let applied: Vec<Id> =
        w.db.enrolments_of(w.junior.id)
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect();
    assert_eq!(applied, [e1.id, e4.id, e2.id, e3.id], "by application date");
    let mut no_date = enrol(s4.id, w.clerk.id, d(2025, 8, 1));
    no_date.state = EnrolmentState::Completed;
    assert_problem(
        w.db.insert(&mut no_date),
        "completed_on",
        rule("completed_has_date"),
    );
}

#[test]
fn required_courses_not_yet_completed_are_listed_for_the_position() {
    let w = Ward::new();
    let mut c1 = course("RANK01", CourseCategory::RankBased);
    let mut c2 = course("COMP01", CourseCategory::Compliance);
    let mut gone = course("OLD01", CourseCategory::RankBased);
    gone.until = Some(d(2020, 3, 31));
    let mut chief_only = course("MGT01", CourseCategory::RankBased);
    for c in [&mut c1, &mut c2, &mut gone, &mut chief_only] {
        w.db.insert(c).unwrap();
    }
    let req = |course_id, position| CourseRequirement {
        id: 0,
        course_id,
        position,
        period: RequiredPeriod::Once,
        months: None,
        version: 0,
    };
    for (c, p) in [
        (c1.id, Position::Clerk),
        (c2.id, Position::Clerk),
        (gone.id, Position::Clerk),
    ] {
        w.db.insert(&mut req(c, p)).unwrap();
    }
    w.db.insert(&mut req(chief_only.id, Position::SectionChief))
        .unwrap();
    assert!(
        invalid(w.db.insert(&mut req(c1.id, Position::Clerk)))
            .0
            .iter()
            .any(|e| e.problem
                == Problem::Rule {
                    rule: "unique_course_requirement"
                })
    );
    assert_eq!(
        w.db.required_not_taken(w.junior.id, 2025).unwrap(),
        [c2.clone(), c1.clone()]
    );
    let mut s = session(c1.id, d(2025, 5, 1), 30);
    w.db.insert(&mut s).unwrap();
    let mut e = enrol(s.id, w.junior.id, d(2025, 4, 10));
    complete(&mut e, 6.0, d(2025, 5, 2));
    w.db.insert(&mut e).unwrap();
    assert_eq!(w.db.required_not_taken(w.junior.id, 2025).unwrap(), [c2]);
    assert_eq!(
        w.db.required_not_taken(w.chief.id, 2025).unwrap(),
        [chief_only]
    );
}

#[test]
fn a_requirement_has_months_exactly_when_it_is_due_within_months() {
    let w = Ward::new();
    let mut c = course("RANK01", CourseCategory::RankBased);
    w.db.insert(&mut c).unwrap();
    let mut q = CourseRequirement {
        id: 0,
        course_id: c.id,
        position: Position::Clerk,
        period: RequiredPeriod::WithinMonths,
        months: None,
        version: 0,
    };
    assert_problem(
        w.db.insert(&mut q.clone()),
        "within_months",
        Problem::Required,
    );
    q.months = Some(121);
    assert_problem(
        w.db.insert(&mut q.clone()),
        "within_months",
        Problem::OutOfRange { min: 1, max: 120 },
    );
    q.period = RequiredPeriod::Once;
    q.months = Some(12);
    assert_problem(
        w.db.insert(&mut q.clone()),
        "within_months",
        rule("months_only_within"),
    );
    q.period = RequiredPeriod::WithinMonths;
    w.db.insert(&mut q).unwrap();
    let back: CourseRequirement = w.db.get(q.id).unwrap();
    assert_eq!(
        (back.period, back.months),
        (RequiredPeriod::WithinMonths, Some(12))
    );
}

fn pair(mentor: &Staff, mentee: &Staff, fy: FiscalYear) -> OjtPair {
    OjtPair {
        id: 0,
        mentor_id: mentor.id,
        mentee_id: mentee.id,
        fiscal_year: fy,
        start_date: d(fy, 4, 1),
        end_date: d(fy + 1, 3, 31),
        goal: "窓口対応を一人でこなす".into(),
        version: 0,
    }
}

/// The mentor rule as it is broken while the ward asks `years` of service.
fn short_of(years: i64) -> Problem {
    Problem::Threshold {
        rule: "mentor_service_years",
        value: years,
    }
}

#[test]
fn an_ojt_mentor_needs_three_years_of_service() {
    let w = Ward::new();
    assert_problem(
        w.db.insert(&mut pair(&w.junior, &w.clerk, 2025)),
        "mentor_staff_no",
        short_of(3),
    );
    let mut three = staff("B0001", w.team_hr, d(2022, 4, 1));
    w.db.insert(&mut three).unwrap();
    w.db.insert(&mut pair(&three, &w.junior, 2025)).unwrap(); // three years to the day
    let mut almost = staff("B0002", w.team_hr, d(2022, 4, 2));
    w.db.insert(&mut almost).unwrap();
    assert_problem(
        w.db.insert(&mut pair(&almost, &w.junior, 2025)),
        "mentor_staff_no",
        short_of(3),
    );
    // The threshold is a setting.
    w.db.set_setting(keys::MENTOR_MIN_YEARS, "1").unwrap();
    w.db.insert(&mut pair(&w.junior, &w.clerk, 2025)).unwrap();
}

/// The message names the years the ward asks, not the default's three.
#[test]
fn the_mentor_rule_says_the_years_the_ward_set() {
    use jinji::i18n::{Lang, invalid_text};
    let w = Ward::new();
    let mut four = staff("B0001", w.team_hr, d(2021, 4, 1));
    w.db.insert(&mut four).unwrap();
    w.db.set_setting(keys::MENTOR_MIN_YEARS, "5").unwrap();
    let err = invalid(w.db.insert(&mut pair(&four, &w.junior, 2025)));
    assert_eq!(err.0[0].problem, short_of(5));
    let ja = invalid_text(Lang::Ja, &err);
    assert!(ja.contains("在職5年以上") && !ja.contains('3'), "{ja}");
    let en = invalid_text(Lang::En, &err);
    assert!(en.contains("at least 5 years"), "{en}");
    w.db.set_setting(keys::MENTOR_MIN_YEARS, "4").unwrap();
    w.db.insert(&mut pair(&four, &w.junior, 2025)).unwrap();
}

#[test]
fn a_mentor_cannot_mentor_themselves_or_be_unknown() {
    let w = Ward::new();
    assert_problem(
        w.db.insert(&mut pair(&w.lead, &w.lead, 2025)),
        "mentor_staff_no",
        rule("own_mentor"),
    );
    let mut ghost = w.lead.clone();
    ghost.id = 4242;
    assert_problem(
        w.db.insert(&mut pair(&ghost, &w.junior, 2025)),
        "mentor_staff_no",
        Problem::Unknown,
    );
    let mut late = pair(&w.lead, &w.junior, 2025);
    late.end_date = d(2026, 4, 30);
    assert_problem(w.db.insert(&mut late), "end_date", rule("in_fiscal_year"));
}

#[test]
fn ojt_logs_are_written_by_the_pair_only() {
    let w = Ward::new();
    let mut p = pair(&w.lead, &w.junior, 2025);
    w.db.insert(&mut p).unwrap();
    w.db.insert(&mut pair(&w.chief, &w.clerk, 2024)).unwrap();
    assert_eq!(w.db.ojt_pairs(2025).unwrap(), [p.clone()]);
    let log = |author: Id, on: Date| OjtLog {
        id: 0,
        pair_id: p.id,
        author_id: author,
        logged_on: on,
        body: "電話応対".into(),
        version: 0,
    };
    let mut by_mentee = log(w.junior.id, d(2025, 5, 20));
    let mut by_mentor = log(w.lead.id, d(2025, 5, 10));
    w.db.insert(&mut by_mentee).unwrap();
    w.db.insert(&mut by_mentor).unwrap();
    assert_problem(
        w.db.insert(&mut log(w.clerk.id, d(2025, 5, 30))),
        "author",
        rule("ojt_log_author"),
    );
    let mut stray = log(w.lead.id, d(2025, 5, 30));
    stray.pair_id = 4242;
    assert_problem(w.db.insert(&mut stray), "pair", Problem::Unknown);
    assert_eq!(w.db.ojt_logs(p.id).unwrap(), [by_mentor, by_mentee]);
    // Deleting the pair takes its logs with it.
    w.db.delete::<OjtPair>(p.id, p.version).unwrap();
    assert!(w.db.ojt_logs(p.id).unwrap().is_empty());
}
