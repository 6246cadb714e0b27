//! Importing training: the course catalogue (with the positions it is required of, and
//! when), its sessions, and who enrolled.

use super::fields::{Fields, enum_code};
use super::row::{key, reference, refused, set_enum};
use super::{Importer, Outcome};
use crate::domain::staff::Position;
use crate::domain::training::{
    Course, CourseCategory, Enrolment, EnrolmentState, RequiredPeriod, TrainingSession,
};
use crate::domain::{Date, Id, Problem};
use crate::store::Result;

pub(super) fn course_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let Some(code) = key(f, "course_code") else {
        return Ok(Outcome::Refused);
    };
    let old: Option<Course> = match imp.store.course_id(&code)? {
        Some(id) => imp.store.find(id)?,
        None => None,
    };
    let mut c = old.clone().unwrap_or(Course {
        id: 0,
        code: code.clone(),
        title: String::new(),
        category: CourseCategory::PowerUp,
        hours: 0.0,
        provider: String::new(),
        since: Date::from_ymd(1, 1, 1),
        until: None,
        version: 0,
    });
    if old.is_none() {
        f.require_new();
    }
    f.set_text("title", &mut c.title);
    set_enum!(
        f,
        "category",
        "course_category",
        CourseCategory,
        &mut c.category
    );
    f.set_real("hours", &mut c.hours);
    f.set_text("provider", &mut c.provider);
    f.set_date("since", &mut c.since);
    f.set_opt_date("until", &mut c.until);
    // Positions the course is required of, most senior first: `section_chief;team_chief`
    // or `課長、係長`.
    let mut required: Option<Vec<Position>> = None;
    if let Some(list) = f.text("required_for") {
        let mut ps = Vec::new();
        for part in list
            .split([';', ',', '、', '，', '・', ' ', '　'])
            .filter(|p| !p.is_empty())
        {
            match enum_code("position", Position::CODES, part).and_then(Position::from_code) {
                Some(p) if !ps.contains(&p) => ps.push(p),
                Some(_) => {}
                None => f.problem("required_for", Problem::Malformed),
            }
        }
        required = Some(ps);
    }
    let period = required_period(f);
    let seen = f.problems().to_vec();
    if !seen.is_empty() {
        return Ok(refused(f, &c, &seen));
    }
    let (saved, course) = imp.store.upsert(c, old)?;
    let mut o = Outcome::from(saved);
    imp.store.know_course(code, course.id);
    let changed = imp
        .store
        .sync_requirements(&course, required.as_deref(), period)?;
    if changed && o == Outcome::Unchanged {
        o = Outcome::Updated;
    }
    Ok(o)
}

/// When the course's positions are to take it (`every_year`, `within_months` with the
/// months, `once`, or their labels): `None` when the file does not say.
fn required_period(f: &mut Fields<'_>) -> Option<(RequiredPeriod, Option<i64>)> {
    let when = f.text("required_when").filter(|w| !w.is_empty())?;
    let Some(period) = enum_code("required_period", RequiredPeriod::CODES, &when)
        .and_then(RequiredPeriod::from_code)
    else {
        f.problem("required_when", Problem::Malformed);
        return None;
    };
    let months = match f.code("within_months") {
        Some(v) if !v.is_empty() => match v.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                f.problem("within_months", Problem::Malformed);
                return None;
            }
        },
        _ => None,
    };
    Some((period, months))
}

/// The session named by a course code and its first day.
fn session_key(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Option<(Id, Date)>> {
    let course = reference(f, "course_code", |c| imp.store.course_id(c))?;
    let starts = f.key_date("starts_on");
    Ok(course.zip(starts))
}

pub(super) fn session_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let Some((course, starts)) = session_key(imp, f)? else {
        return Ok(Outcome::Refused);
    };
    let old: Option<TrainingSession> = imp.store.session_at(course, starts)?;
    let mut t = old.clone().unwrap_or(TrainingSession {
        id: 0,
        course_id: course,
        fiscal_year: starts.fiscal_year(),
        starts_on: starts,
        ends_on: starts,
        place: String::new(),
        capacity: 0,
        version: 0,
    });
    if old.is_none() {
        f.require_new();
    }
    let mut fy = i64::from(t.fiscal_year);
    if f.code("fiscal_year").is_some_and(|v| !v.is_empty()) {
        f.set_int("fiscal_year", &mut fy);
    }
    t.fiscal_year = i32::try_from(fy).unwrap_or(t.fiscal_year);
    f.set_date("ends_on", &mut t.ends_on);
    f.set_text("place", &mut t.place);
    f.set_int("capacity", &mut t.capacity);
    let seen = f.problems().to_vec();
    if !seen.is_empty() {
        return Ok(refused(f, &t, &seen));
    }
    Ok(imp.store.upsert(t, old)?.0.into())
}

pub(super) fn enrolment_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let staff = reference(f, "staff_no", |n| imp.store.staff_id(n))?;
    let key = session_key(imp, f)?;
    let (Some(staff), Some((course, starts))) = (staff, key) else {
        return Ok(Outcome::Refused);
    };
    let session: Option<TrainingSession> = imp.store.session_at(course, starts)?;
    let Some(session) = session else {
        f.problem("starts_on", Problem::Unknown);
        return Ok(Outcome::Refused);
    };
    let old: Option<Enrolment> = imp.store.enrolment_of(session.id, staff)?;
    let course_hours = imp.store.get::<Course>(course)?.hours;
    let mut e = old.clone().unwrap_or(Enrolment {
        id: 0,
        session_id: session.id,
        staff_id: staff,
        state: EnrolmentState::Applied,
        hours: course_hours,
        applied_on: Date::from_ymd(1, 1, 1),
        completed_on: None,
        version: 0,
    });
    if old.is_none() {
        f.require_new();
    }
    set_enum!(f, "state", "enrolment_state", EnrolmentState, &mut e.state);
    f.set_real("hours", &mut e.hours);
    f.set_date("applied_on", &mut e.applied_on);
    f.set_opt_date("completed_on", &mut e.completed_on);
    let seen = f.problems().to_vec();
    if !seen.is_empty() {
        return Ok(refused(f, &e, &seen));
    }
    Ok(imp.store.upsert(e, old)?.0.into())
}
