//! Importing registers kept beside people's records: the citizen surveys sections run and
//! the 必修研修 register (which position must take which course, and when).

use super::Result;
use super::import::{Fields, Importer, Outcome, enum_code};
use super::import_kinds::{find, key, reference, refused, set_enum};
use crate::domain::staff::Position;
use crate::domain::survey::Survey;
use crate::domain::training::{Course, CourseRequirement, RequiredPeriod};
use crate::domain::Problem;

/// A survey is named by its section, its day and its topic.
pub(super) fn survey_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let unit = reference(f, "unit_code", |c| imp.unit_id(c))?;
    let on = f.key_date("conducted_on");
    let topic = match f.text("topic") {
        Some(t) if !t.is_empty() => Some(t),
        Some(_) => {
            f.problem("topic", Problem::Required);
            None
        }
        None => None,
    };
    let (Some(unit), Some(on), Some(topic)) = (unit, on, topic) else {
        return Ok(Outcome::Refused);
    };
    let old: Option<Survey> = find(
        imp,
        "SELECT id FROM surveys WHERE unit_id = ?1 AND conducted_on = ?2 AND topic = ?3
         ORDER BY id",
        rusqlite::params![unit, on.to_string(), topic],
    )?;
    let mut s = old.clone().unwrap_or(Survey {
        id: 0,
        unit_id: unit,
        conducted_on: on,
        topic,
        score: 0.0,
        responses: 0,
        note: String::new(),
        version: 0,
    });
    if old.is_none() {
        f.require_new();
    }
    f.set_real("score", &mut s.score);
    f.set_int("responses", &mut s.responses);
    f.set_text("note", &mut s.note);
    let seen = f.problems().to_vec();
    if !seen.is_empty() {
        return Ok(refused(f, &s, &seen));
    }
    Ok(imp.upsert(s, old)?.0)
}

/// A requirement is named by its course and position; a new one without a period takes
/// the course's usual one (`RequiredPeriod::default_for`).
pub(super) fn requirement_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let course = reference(f, "course_code", |c| imp.course_id(c))?;
    let position = key(f, "position").and_then(|v| {
        let p = enum_code("position", Position::CODES, &v).and_then(Position::from_code);
        if p.is_none() {
            f.problem("position", Problem::Malformed);
        }
        p
    });
    let (Some(course), Some(position)) = (course, position) else {
        return Ok(Outcome::Refused);
    };
    let old: Option<CourseRequirement> = find(
        imp,
        "SELECT id FROM course_requirements WHERE course_id = ?1 AND position = ?2",
        rusqlite::params![course, position.code()],
    )?;
    let (period, months) = RequiredPeriod::default_for(imp.db.get::<Course>(course)?.category);
    let mut q = old.clone().unwrap_or(CourseRequirement {
        id: 0,
        course_id: course,
        position,
        period,
        months,
        version: 0,
    });
    set_enum!(
        f,
        "required_when",
        "required_period",
        RequiredPeriod,
        &mut q.period
    );
    if let Some(v) = f.code("within_months") {
        q.months = match v.replace(',', "").parse::<i64>() {
            _ if v.is_empty() => None,
            Ok(n) => Some(n),
            Err(_) => {
                f.problem("within_months", Problem::Malformed);
                q.months
            }
        };
    } else if q.period != RequiredPeriod::WithinMonths {
        // A file that names another period and no months means none.
        q.months = None;
    }
    let seen = f.problems().to_vec();
    if !seen.is_empty() {
        return Ok(refused(f, &q, &seen));
    }
    Ok(imp.upsert(q, old)?.0)
}
