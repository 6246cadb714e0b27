//! A form field's text and the JSON of its record, both ways: references typed as
//! people read them (staff numbers, unit and course codes, sessions), numbers typed with
//! the IME on.

use serde_json::Value;

use super::field::FieldKind;
use crate::store::Db;

pub(super) fn to_text(db: &Db, kind: FieldKind, v: &Value) -> String {
    match (kind, v) {
        (_, Value::Null) => String::new(),
        (FieldKind::Staff | FieldKind::OptStaff, Value::Number(n)) => n
            .as_i64()
            .and_then(|id| db.find::<crate::domain::staff::Staff>(id).ok().flatten())
            .map(|s| s.staff_no)
            .unwrap_or_default(),
        (FieldKind::Unit | FieldKind::OptUnit, Value::Number(n)) => n
            .as_i64()
            .and_then(|id| db.find::<crate::domain::unit::Unit>(id).ok().flatten())
            .map(|u| u.code)
            .unwrap_or_default(),
        (FieldKind::Session, Value::Number(n)) => n
            .as_i64()
            .and_then(|id| {
                db.find::<crate::domain::training::TrainingSession>(id)
                    .ok()
                    .flatten()
            })
            .and_then(|s| {
                let c = db
                    .find::<crate::domain::training::Course>(s.course_id)
                    .ok()
                    .flatten()?;
                Some(format!("{} {}", c.code, s.starts_on))
            })
            .unwrap_or_default(),
        (FieldKind::Course, Value::Number(n)) => n
            .as_i64()
            .and_then(|id| {
                db.find::<crate::domain::training::Course>(id)
                    .ok()
                    .flatten()
            })
            .map(|c| c.code)
            .unwrap_or_default(),
        (FieldKind::ExamKind, Value::Number(n)) => n
            .as_i64()
            .and_then(|id| db.find::<crate::domain::exam::ExamKind>(id).ok().flatten())
            .map(|k| k.code)
            .unwrap_or_default(),
        (FieldKind::StaffList, Value::Array(ids)) => ids
            .iter()
            .filter_map(Value::as_i64)
            .filter_map(|id| db.find::<crate::domain::staff::Staff>(id).ok().flatten())
            .map(|s| s.staff_no)
            .collect::<Vec<_>>()
            .join(" "),
        (_, Value::String(s)) => s.clone(),
        (_, Value::Bool(b)) => b.to_string(),
        // 160.0 reads as 160, as in the lists.
        (_, Value::Number(n)) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        (_, other) => other.to_string(),
    }
}

/// Full-width digits and signs as ASCII, for numbers typed with the IME on.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' | '．' | '－' | '＋' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// The catalogue key of why a text is not a date.
fn date_problem(p: crate::domain::DateProblem) -> &'static str {
    match p {
        crate::domain::DateProblem::Malformed => "problem.malformed",
        crate::domain::DateProblem::NoSuchDay => "problem.no_such_date",
    }
}

/// The JSON for a field's text, or the catalogue key of the problem.
pub(super) fn from_text(db: &Db, kind: FieldKind, t: &str) -> Result<Value, &'static str> {
    use FieldKind::*;
    let empty = t.is_empty();
    Ok(match kind {
        Text | Note => Value::String(t.to_string()),
        Code(..) => Value::String(t.to_string()),
        OptCode(..) if empty => Value::Null,
        OptCode(..) => Value::String(t.to_string()),
        Bool => Value::Bool(t == "true"),
        Date | OptDate if empty => {
            if kind == Date {
                return Err("problem.required");
            }
            Value::Null
        }
        Date | OptDate => Value::String(crate::domain::Date::read(t).map_err(date_problem)?.iso()),
        Int | OptInt if empty => {
            if kind == Int {
                return Err("problem.required");
            }
            Value::Null
        }
        // No field of ours holds more than 32 bits; a longer number is a typing mistake.
        Int | OptInt => Value::from(
            ascii_digits(t)
                .parse::<i32>()
                .map_err(|_| "problem.malformed")?,
        ),
        FiscalYear if empty => return Err("problem.required"),
        FiscalYear => {
            Value::from(crate::domain::date::parse_fiscal_year(t).ok_or("problem.fiscal_year")?)
        }
        Real | OptReal if empty => {
            if kind == Real {
                return Err("problem.required");
            }
            Value::Null
        }
        Real | OptReal => {
            let f: f64 = ascii_digits(t).parse().map_err(|_| "problem.malformed")?;
            serde_json::Number::from_f64(f)
                .map(Value::Number)
                .ok_or("problem.malformed")?
        }
        Staff | OptStaff if empty => {
            if kind == Staff {
                return Err("problem.required");
            }
            Value::Null
        }
        Staff | OptStaff => Value::from(
            db.staff_by_no(&ascii_digits(t))
                .ok()
                .flatten()
                .ok_or("problem.unknown")?
                .id,
        ),
        Unit | OptUnit if empty => {
            if kind == Unit {
                return Err("problem.required");
            }
            Value::Null
        }
        Unit | OptUnit => Value::from(
            db.unit_by_code(&ascii_digits(t))
                .ok()
                .flatten()
                .ok_or("problem.unknown")?
                .id,
        ),
        StaffList => {
            let mut ids = Vec::new();
            for no in ascii_digits(t)
                .split(|c: char| c.is_whitespace() || c == ',' || c == '、')
                .filter(|x| !x.is_empty())
            {
                let id = db
                    .staff_by_no(no)
                    .ok()
                    .flatten()
                    .ok_or("problem.unknown")?
                    .id;
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            Value::from(ids)
        }
        ExamKind if empty => return Err("problem.required"),
        ExamKind => Value::from(
            db.exam_kind_by_code(t.trim())
                .ok()
                .flatten()
                .ok_or("problem.unknown")?
                .id,
        ),
        Course if empty => return Err("problem.required"),
        Course => Value::from(
            db.course_by_code(t.trim())
                .ok()
                .flatten()
                .ok_or("problem.unknown")?
                .id,
        ),
        Session if empty => return Err("problem.required"),
        Session => {
            let (code, day) = t
                .split_once(char::is_whitespace)
                .ok_or("problem.malformed")?;
            let day = crate::domain::Date::read(day.trim()).map_err(date_problem)?;
            Value::from(
                db.session_by(code.trim(), day)
                    .ok()
                    .flatten()
                    .ok_or("problem.unknown")?
                    .id,
            )
        }
    })
}

/// The name the unit of code `text` had on `day` (its name of today if it kept it).
pub fn unit_name_on(db: &Db, text: &str, day: crate::domain::Date) -> Option<String> {
    let u = db.unit_by_code(text.trim()).ok()??;
    Some(db.unit_as_of(u.id, day).ok()??.name)
}

/// The name of what a reference field's text points to (a person's name, a unit's, a
/// course's title; for several people, their names), or `None` when it points to
/// nothing. Read when the value changes, never while drawing.
pub fn reference_name(db: &Db, kind: FieldKind, text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match kind {
        FieldKind::Staff | FieldKind::OptStaff => Some(db.staff_by_no(t).ok()??.full_name()),
        FieldKind::StaffList => {
            let names: Vec<String> = t
                .split(|c: char| c.is_whitespace() || c == ',' || c == '、')
                .filter(|x| !x.is_empty())
                .filter_map(|no| db.staff_by_no(no).ok().flatten())
                .map(|p| p.full_name())
                .collect();
            (!names.is_empty()).then(|| names.join("、"))
        }
        FieldKind::Unit | FieldKind::OptUnit => Some(db.unit_by_code(t).ok()??.name),
        FieldKind::Course => Some(db.course_by_code(t).ok()??.title),
        FieldKind::ExamKind => Some(db.exam_kind_by_code(t).ok()??.name),
        FieldKind::Session => {
            let (code, day) = t.split_once(char::is_whitespace)?;
            let day = crate::domain::Date::parse_any(day.trim())?;
            let session = db.session_by(code.trim(), day).ok()??;
            Some(
                db.find::<crate::domain::training::Course>(session.course_id)
                    .ok()??
                    .title,
            )
        }
        _ => None,
    }
}
