//! What the pickers of people, sessions and courses offer for what is typed, and the name
//! a form shows beside a reference's code.

use super::PickRow;
use crate::app::form::FieldKind;
use crate::app::search::{Found, find_people};
use crate::app::session::Session;
use crate::domain::Date;
use crate::domain::unit::Unit;
use crate::store::{Db, StoreError};

/// How many sessions or courses a picker offers at once (a city runs thousands of
/// sessions; what is typed narrows them).
const OFFERED: usize = 100;

/// People for what is typed, each with their unit and position (two 山田 花子 told apart);
/// with nothing typed, the person the field holds (`current`).
pub(super) fn people_rows(
    s: &Session,
    text: &str,
    current: Option<&str>,
) -> Result<Vec<PickRow>, StoreError> {
    let found = match current {
        Some(no) if text.trim().is_empty() && !no.is_empty() => {
            match s.db.staff_by_no(no)?.filter(|p| s.visible.sees(p)) {
                Some(p) => {
                    let unit = s.db.find::<Unit>(p.unit_id)?.map(|u| u.name);
                    vec![Found {
                        staff: p,
                        unit: unit.unwrap_or_default(),
                    }]
                }
                None => Vec::new(),
            }
        }
        _ => find_people(&s.db, &s.visible, text)?,
    };
    Ok(found
        .into_iter()
        .map(|Found { staff: p, unit }| {
            let position = s.lang.label("position", p.position.code()).to_string();
            PickRow {
                value: p.staff_no.clone(),
                name: p.full_name(),
                cells: vec![p.staff_no.clone(), p.full_name(), unit, position],
                unit: None,
            }
        })
        .collect())
}

/// Sessions by course code or title and start (`CMP01 2026-06`), the coming ones first.
pub(super) fn session_rows(s: &Session, text: &str) -> Result<Vec<PickRow>, StoreError> {
    Ok(s.db
        .sessions_to_pick(text, s.today, OFFERED)?
        .into_iter()
        .map(|(t, c)| PickRow {
            value: format!("{} {}", c.code, t.starts_on),
            name: c.title.clone(),
            cells: vec![c.code, s.date_style.show(t.starts_on), c.title, t.place],
            unit: None,
        })
        .collect())
}

/// Courses by code or title, those still offered first.
pub(super) fn course_rows(s: &Session, text: &str) -> Result<Vec<PickRow>, StoreError> {
    Ok(s.db
        .courses_to_pick(text, s.today, OFFERED)?
        .into_iter()
        .map(|c| PickRow {
            value: c.code.clone(),
            name: c.title.clone(),
            cells: vec![c.code, c.title],
            unit: None,
        })
        .collect())
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
        FieldKind::Session => {
            let (code, day) = t.split_once(char::is_whitespace)?;
            let day = Date::parse_any(day.trim())?;
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
