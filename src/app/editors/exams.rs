//! Forms of promotion selection: the kinds (the ward's rules), a year's round of one, and
//! a person's entry with its scores and result. The HR office writes them all; a person
//! applies through the round's workflow.

use serde_json::Value;

use super::{Editor, NewCtx, SaveCtx, Typed, from_json, typed};
use crate::app::form::field::{FieldKind as K, FieldSpec, field};
use crate::domain::Id;
use crate::domain::date::fiscal_year_start;
use crate::domain::employment::EmploymentKind;
use crate::domain::evaluation::Grade;
use crate::domain::exam::{AppliedVia, Exam, ExamEntry, ExamKind, ExamResult, ExamState};
use crate::domain::staff::Position;
use crate::domain::{Invalid, Problem};
use crate::store::flow::Actor;
use crate::store::{Db, Result};

pub(in crate::app) static EXAM_KIND: Typed<ExamKind> = typed(
    &[
        field("code", "exam_code", K::Text),
        field("name", "name", K::Text),
        field(
            "from_position",
            "exam_from",
            K::Code("position", Position::CODES),
        ),
        field(
            "to_position",
            "promoted_to",
            K::Code("position", Position::CODES),
        ),
        field("to_grade", "promoted_grade", K::Int),
        field("min_years", "min_years", K::Int),
        field("min_age", "min_age", K::OptInt),
        field("max_age", "max_age", K::OptInt),
        field(
            "employment_kind",
            "employment_kind",
            K::OptCode("employment_kind", EmploymentKind::CODES),
        ),
        field("eval_count", "eval_count", K::Int),
        field("eval_floor", "eval_floor", K::Code("grade", Grade::CODES)),
        field("pool_years", "pool_years", K::Int),
    ],
    |_| ExamKind {
        id: 0,
        code: String::new(),
        name: String::new(),
        to_position: Position::TeamChief,
        to_grade: 4,
        from_position: Position::Senior,
        min_years: 3,
        min_age: None,
        max_age: None,
        employment_kind: Some(EmploymentKind::Regular),
        eval_count: 2,
        eval_floor: Grade::B,
        pool_years: 1,
        version: 0,
    },
);

pub(in crate::app) static EXAM: Typed<Exam> = typed(
    &[
        field("kind_id", "exam_kind", K::ExamKind),
        field("fiscal_year", "fiscal_year", K::FiscalYear),
        field("base_date", "base_date", K::Date),
        field("applications_close", "applications_close", K::Date),
        field("held_on", "exam_held_on", K::Date),
        field(
            "state",
            "exam_state",
            K::Code("exam_state", ExamState::CODES),
        ),
        field("announced_on", "exam_announced_on", K::OptDate),
        field("note", "note", K::Note),
    ],
    |ctx| {
        let day = ctx.day();
        Exam {
            id: 0,
            kind_id: 0,
            fiscal_year: ctx.fiscal_year,
            base_date: fiscal_year_start(ctx.fiscal_year),
            applications_close: day.add_days(30),
            held_on: day.add_days(60),
            announced_on: None,
            state: ExamState::Open,
            note: String::new(),
            version: 0,
        }
    },
);

const ENTRY_DETAIL: &[FieldSpec] = &[
    field("staff_id", "staff_no", K::Staff),
    field("exam_kind", "exam_kind", K::ExamKind),
    field("applied_on", "applied_on", K::Date),
    field(
        "applied_via",
        "applied_via",
        K::Code("applied_via", AppliedVia::CODES),
    ),
    field("written", "written", K::OptInt),
    field("essay", "essay", K::OptInt),
    field("interview", "interview", K::OptInt),
    field(
        "result",
        "exam_result",
        K::Code("exam_result", ExamResult::CODES),
    ),
    field("pool_until", "pool_until", K::OptDate),
];

/// What the form writes: all the detail shows but the pool day, which follows the result.
const ENTRY_FIELDS: &[FieldSpec] = ENTRY_DETAIL.split_at(ENTRY_DETAIL.len() - 1).0;

/// A person's entry: the round is the one of the chosen kind in the fiscal year of the
/// day applied (a person sits one round of a kind a year).
pub(in crate::app) struct ExamEntryEditor;

impl ExamEntryEditor {
    fn with_kind(db: &Db, e: &ExamEntry) -> Result<Value> {
        let mut v = serde_json::to_value(e).unwrap_or(Value::Null);
        let kind = db.find::<Exam>(e.exam_id)?.map(|x| x.kind_id);
        if let Some(o) = v.as_object_mut() {
            o.insert("exam_kind".into(), kind.map_or(Value::Null, Value::from));
        }
        Ok(v)
    }
}

impl Editor for ExamEntryEditor {
    fn fields(&self) -> &'static [FieldSpec] {
        ENTRY_FIELDS
    }
    fn detail_fields(&self) -> &'static [FieldSpec] {
        ENTRY_DETAIL
    }
    fn check(&self, rec: &Value) -> Option<Invalid> {
        super::check_as::<ExamEntry>(rec)
    }
    /// The person's entry in the year's round of the kind that takes their position.
    fn existing(&self, db: &Db, person: Id, fy: crate::domain::FiscalYear) -> Result<Option<Id>> {
        let Some(kind) = kind_for(db, person)? else {
            return Ok(None);
        };
        let Some(exam) = db.exam_of(kind, fy)? else {
            return Ok(None);
        };
        Ok(db
            .all::<ExamEntry>(
                vec![
                    crate::store::Filter::eq("exam_id", exam.id),
                    crate::store::Filter::eq("staff_id", person),
                ],
                "id",
            )?
            .into_iter()
            .next()
            .map(|e| e.id))
    }
    fn load(&self, db: &Db, id: Id, _who: Actor) -> Result<Value> {
        let e: ExamEntry = db.get(id)?;
        Self::with_kind(db, &e)
    }
    fn blank(&self, ctx: &NewCtx) -> Value {
        let person = ctx.staff.map(|s| s.id).unwrap_or(0);
        let e = ExamEntry::application(0, person, ctx.day(), AppliedVia::Hr);
        let mut v = serde_json::to_value(e).unwrap_or(Value::Null);
        let kind = kind_for(ctx.db, person).ok().flatten();
        if let Some(o) = v.as_object_mut() {
            o.insert("exam_kind".into(), kind.map_or(Value::Null, Value::from));
        }
        v
    }
    fn save(&self, db: &Db, mut v: Value, ctx: SaveCtx) -> Result<Id> {
        let kind = v.get("exam_kind").and_then(Value::as_i64);
        if let Some(o) = v.as_object_mut() {
            o.remove("exam_kind");
        }
        let mut e: ExamEntry = from_json(v)?;
        let Some(kind) = kind else {
            return Err(Invalid::one("exam_kind", Problem::Required).into());
        };
        let exam = db
            .exam_of(kind, e.applied_on.fiscal_year())?
            .ok_or_else(|| {
                Invalid::one(
                    "exam_kind",
                    Problem::Rule {
                        rule: "exam_no_round",
                    },
                )
            })?;
        e.exam_id = exam.id;
        db.put_exam_entry(&mut e, ctx.who)?;
        Ok(e.id)
    }
    fn delete(&self, db: &Db, id: Id, version: i64, _ctx: SaveCtx) -> Result<()> {
        db.delete::<ExamEntry>(id, version)
    }
}

/// The kind of selection a person's present position sits (the first by code when the
/// ward holds more than one).
fn kind_for(db: &Db, person: Id) -> Result<Option<Id>> {
    let Some(p) = db.find::<crate::domain::staff::Staff>(person)? else {
        return Ok(None);
    };
    Ok(db
        .exam_kinds()?
        .into_iter()
        .find(|k| k.takes(p.position))
        .map(|k| k.id))
}
