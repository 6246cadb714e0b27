//! Importing training: the course catalogue (with the positions it is required of, and
//! when), its sessions, and who enrolled.

use super::Result;
use super::import::{Fields, Importer, Outcome};
use super::import_kinds::{find, key, reference, refused, set_enum};
use crate::domain::staff::Position;
use crate::domain::training::{
    Course, CourseCategory, CourseRequirement, Enrolment, EnrolmentState, RequiredPeriod,
    TrainingSession,
};
use crate::domain::{Date, Id, Problem};

pub(super) fn course_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let Some(code) = key(f, "course_code") else {
        return Ok(Outcome::Refused);
    };
    let old: Option<Course> = match imp.course_id(&code)? {
        Some(id) => imp.db.find(id)?,
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
            match super::import::enum_code("position", Position::CODES, part)
                .and_then(Position::from_code)
            {
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
    let (mut o, saved) = imp.upsert(c, old)?;
    imp.course_ids.insert(code, saved.id);
    if sync_requirements(imp, &saved, required.as_deref(), period)? && o == Outcome::Unchanged {
        o = Outcome::Updated;
    }
    Ok(o)
}

/// When the course's positions are to take it (`every_year`, `within_months` with the
/// months, `once`, or their labels): `None` when the file does not say.
fn required_period(f: &mut Fields<'_>) -> Option<(RequiredPeriod, Option<i64>)> {
    let when = f.text("required_when").filter(|w| !w.is_empty())?;
    let Some(period) = super::import::enum_code("required_period", RequiredPeriod::CODES, &when)
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

/// Makes the course's requirements those of `want` (when the file lists positions), each
/// due by `period` (when the file says; a position newly listed otherwise takes the
/// course's usual period, `RequiredPeriod::default_for`). True when anything changed.
fn sync_requirements(
    imp: &Importer<'_>,
    course: &Course,
    want: Option<&[Position]>,
    period: Option<(RequiredPeriod, Option<i64>)>,
) -> Result<bool> {
    let have: Vec<CourseRequirement> = imp
        .db
        .all(vec![super::Filter::eq("course_id", course.id)], "position")?;
    let mut changed = false;
    for r in &have {
        if want.is_some_and(|w| !w.contains(&r.position)) {
            imp.db.delete::<CourseRequirement>(r.id, r.version)?;
            changed = true;
        } else if let Some((p, m)) = period
            && (r.period, r.months) != (p, m)
        {
            let mut r = r.clone();
            (r.period, r.months) = (p, m);
            imp.db.update_as(&mut r, "import")?;
            changed = true;
        }
    }
    let (p, m) = period.unwrap_or(RequiredPeriod::default_for(course.category));
    for &position in want.unwrap_or_default() {
        if !have.iter().any(|r| r.position == position) {
            let mut r = CourseRequirement {
                id: 0,
                course_id: course.id,
                position,
                period: p,
                months: m,
                version: 0,
            };
            imp.db.insert_as(&mut r, "import")?;
            changed = true;
        }
    }
    Ok(changed)
}

/// The session named by a course code and its first day.
fn session_key(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Option<(Id, Date)>> {
    let course = reference(f, "course_code", |c| imp.course_id(c))?;
    let starts = f.key_date("starts_on");
    Ok(course.zip(starts))
}

pub(super) fn session_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let Some((course, starts)) = session_key(imp, f)? else {
        return Ok(Outcome::Refused);
    };
    let old: Option<TrainingSession> = find(
        imp,
        "SELECT id FROM training_sessions WHERE course_id = ?1 AND starts_on = ?2 ORDER BY id",
        rusqlite::params![course, starts.to_string()],
    )?;
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
    Ok(imp.upsert(t, old)?.0)
}

pub(super) fn enrolment_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let staff = reference(f, "staff_no", |n| imp.staff_id(n))?;
    let key = session_key(imp, f)?;
    let (Some(staff), Some((course, starts))) = (staff, key) else {
        return Ok(Outcome::Refused);
    };
    let session: Option<TrainingSession> = find(
        imp,
        "SELECT id FROM training_sessions WHERE course_id = ?1 AND starts_on = ?2 ORDER BY id",
        rusqlite::params![course, starts.to_string()],
    )?;
    let Some(session) = session else {
        f.problem("starts_on", Problem::Unknown);
        return Ok(Outcome::Refused);
    };
    let old: Option<Enrolment> = find(
        imp,
        "SELECT id FROM enrolments WHERE session_id = ?1 AND staff_id = ?2",
        rusqlite::params![session.id, staff],
    )?;
    let course_hours = imp.db.get::<Course>(course)?.hours;
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
    Ok(imp.upsert(e, old)?.0)
}
