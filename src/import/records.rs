//! Importing registers kept beside people's records: the citizen surveys sections run, and
//! each unit's 定数.

use super::fields::Fields;
use super::row::{reference, refused, set_enum};
use super::{Importer, Outcome};
use crate::domain::Problem;
use crate::domain::post::{PostClass, UnitPost};
use crate::domain::survey::Survey;
use crate::store::Result;

/// A survey is named by its section, its day and its topic.
pub(super) fn survey_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let unit = reference(f, "unit_code", |c| imp.store.unit_id(c))?;
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
    let old: Option<Survey> = imp.store.survey_of(unit, on, &topic)?;
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
    Ok(imp.store.upsert(s, old)?.0.into())
}

/// A unit's 定数 is named by its unit, fiscal year and class; 現員, 欠員 and 過員 in an
/// exported file are read-only and ignored.
pub(super) fn unit_post_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let unit = reference(f, "unit_code", |c| imp.store.unit_id(c))?;
    let fy = f.key_fiscal_year("fiscal_year");
    let mut class = PostClass::General;
    if f.has("class") {
        set_enum!(f, "class", "post_class", PostClass, &mut class);
    } else {
        f.problem("class", Problem::Required);
    }
    let (Some(unit), Some(fy)) = (unit, fy) else {
        return Ok(Outcome::Refused);
    };
    if !f.problems().is_empty() {
        return Ok(Outcome::Refused);
    }
    let old: Option<UnitPost> = imp.store.unit_post_of(unit, fy, class)?;
    let mut p = old.clone().unwrap_or(UnitPost {
        id: 0,
        unit_id: unit,
        fiscal_year: fy,
        class,
        count: 0,
        version: 0,
    });
    if old.is_none() {
        f.require_new();
    }
    f.set_int("count", &mut p.count);
    let seen = f.problems().to_vec();
    if !seen.is_empty() {
        return Ok(refused(f, &p, &seen));
    }
    Ok(imp.store.upsert(p, old)?.0.into())
}
