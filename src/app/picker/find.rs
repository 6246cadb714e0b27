//! What the pickers of people, sessions and courses offer for what is typed, and the name
//! a form shows beside a reference's code.

use super::PickRow;
use crate::app::search::{Found, find_people};
use crate::app::session::Session;
use crate::domain::unit::Unit;
use crate::store::StoreError;

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

/// The kinds of promotion selection whose code or name holds what is typed.
pub(super) fn exam_kind_rows(s: &Session, text: &str) -> Result<Vec<PickRow>, StoreError> {
    let t = text.trim();
    Ok(s.db
        .exam_kinds()?
        .into_iter()
        .filter(|k| t.is_empty() || k.code.contains(t) || k.name.contains(t))
        .map(|k| PickRow {
            value: k.code.clone(),
            name: k.name.clone(),
            cells: vec![
                k.code,
                k.name,
                s.lang.label("position", k.to_position.code()).to_string(),
            ],
            unit: None,
        })
        .collect())
}
