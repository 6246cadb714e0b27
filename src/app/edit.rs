//! Editors: how each view's record is loaded into a form, made new, saved and deleted.
//! One generic editor; each record type declares only its fields and its blank defaults.

use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::form::FieldSpec;
use crate::domain::account::Role;
use crate::domain::evaluation::{Evaluation, Theme};
use crate::domain::staff::Staff;
use crate::domain::{Date, FiscalYear, Id, Invalid, Problem};
use crate::i18n::Lang;
use crate::store::flow::Actor;
use crate::store::{Db, Record, Result, StoreError};

/// What a new record starts from.
pub struct NewCtx<'a> {
    pub db: &'a Db,
    pub today: Date,
    pub fiscal_year: FiscalYear,
    /// The person in focus, if any.
    pub staff: Option<&'a Staff>,
    /// The person of the account, if any.
    pub me: Option<&'a Staff>,
    pub role: Role,
}

/// Who saves, and when.
#[derive(Clone, Copy)]
pub struct SaveCtx<'a> {
    pub who: Actor<'a>,
    pub today: Date,
}

pub trait Editor: Sync {
    fn fields(&self) -> &'static [FieldSpec];
    fn load(&self, db: &Db, id: Id, who: Actor) -> Result<Value>;
    fn blank(&self, ctx: &NewCtx) -> Value;
    /// Inserts (id 0) or updates (with its version); returns the id.
    fn save(&self, db: &Db, v: Value, ctx: SaveCtx) -> Result<Id>;
    fn delete(&self, db: &Db, id: Id, version: i64, ctx: SaveCtx) -> Result<()>;
    /// The fields the detail pane shows (the form's, unless the record holds more).
    fn detail_fields(&self) -> &'static [FieldSpec] {
        self.fields()
    }
    /// The detail pane's fields for this record (where records of one list differ).
    fn detail_fields_for(&self, _rec: &Value) -> &'static [FieldSpec] {
        self.detail_fields()
    }
    /// Refuses, before asking, a delete this account may never make (the store decides
    /// the rest).
    fn may_delete(&self, _rec: &Value, _who: Actor) -> Result<()> {
        Ok(())
    }
    /// Whether accounts outside the HR office may write here (the store decides what).
    fn open_to_all(&self) -> bool {
        false
    }
    /// The fields this account writes on this record (all, for the HR office).
    fn fields_for(&self, _db: &Db, _rec: &Value, _who: Actor) -> Result<Vec<FieldSpec>> {
        Ok(self.fields().to_vec())
    }
    /// The rule named when `fields_for` leaves this account nothing to write.
    fn not_yours(&self, _rec: &Value) -> &'static str {
        "record_not_yours"
    }
    /// The field that refusal names (whose record it is).
    fn owner_field(&self) -> &'static str {
        "staff_no"
    }

    /// What a save must ask first, given the record as the form has it (the 職員 form:
    /// why and from when a changed unit or position holds); `None` to save as it is.
    fn ask(&self, _db: &Db, _rec: &Value, _today: Date, _lang: Lang) -> Result<Option<Ask>> {
        Ok(None)
    }
}

/// Fields a save asks for before it goes ahead, their starting values, and lines saying
/// why (shown above the fields).
pub struct Ask {
    pub fields: &'static [FieldSpec],
    pub values: Vec<Value>,
    pub note: String,
}

pub(super) struct Typed<T> {
    pub(super) fields: &'static [FieldSpec],
    blank: fn(&NewCtx) -> T,
    _t: PhantomData<fn() -> T>,
}

impl<T: Record + DeserializeOwned> Editor for Typed<T> {
    fn fields(&self) -> &'static [FieldSpec] {
        self.fields
    }
    fn load(&self, db: &Db, id: Id, _who: Actor) -> Result<Value> {
        let rec: T = db.get(id)?;
        Ok(serde_json::to_value(rec).unwrap_or(Value::Null))
    }
    fn blank(&self, ctx: &NewCtx) -> Value {
        serde_json::to_value((self.blank)(ctx)).unwrap_or(Value::Null)
    }
    fn save(&self, db: &Db, v: Value, _ctx: SaveCtx) -> Result<Id> {
        let mut rec: T = from_json(v)?;
        if rec.id() == 0 {
            db.insert(&mut rec)?;
        } else {
            db.update(&mut rec)?;
        }
        Ok(rec.id())
    }
    fn delete(&self, db: &Db, id: Id, version: i64, _ctx: SaveCtx) -> Result<()> {
        db.delete::<T>(id, version)
    }
}

pub(super) fn from_json<T: DeserializeOwned>(v: Value) -> Result<T> {
    serde_json::from_value(v)
        .map_err(|_| StoreError::Invalid(Invalid::one("id", Problem::Malformed)))
}

/// Evaluations: HR assigns evaluators on the form; the ratings travel by the chain's moves.
pub(super) struct EvalEditor;

impl Editor for EvalEditor {
    fn fields(&self) -> &'static [FieldSpec] {
        super::editors::EVALUATION.fields
    }
    fn detail_fields(&self) -> &'static [FieldSpec] {
        super::editors::EVALUATION_DETAIL
    }
    /// As the reader may see it: stages not yet theirs are left empty.
    fn load(&self, db: &Db, id: Id, who: Actor) -> Result<Value> {
        let e: Evaluation = db.get(id)?;
        Ok(serde_json::to_value(e.as_seen_by(who.visible.reader())).unwrap_or(Value::Null))
    }
    fn blank(&self, ctx: &NewCtx) -> Value {
        super::editors::EVALUATION.blank(ctx)
    }
    fn save(&self, db: &Db, v: Value, ctx: SaveCtx) -> Result<Id> {
        let e: Evaluation = from_json(v.clone())?;
        if e.id != 0 {
            let before: Evaluation = db.get(e.id)?;
            crate::domain::eval_flow::check_reassignment(&before, &e)?;
        }
        super::editors::EVALUATION.save(db, v, ctx)
    }
    fn delete(&self, db: &Db, id: Id, version: i64, ctx: SaveCtx) -> Result<()> {
        let e: Evaluation = db.get(id)?;
        // An evaluation someone has begun is part of the record; it is not deleted.
        if e.state != crate::domain::evaluation::EvalState::Draft {
            return Err(Invalid::one(
                "state",
                Problem::Rule {
                    rule: "eval_stage_locked",
                },
            )
            .into());
        }
        super::editors::EVALUATION.delete(db, id, version, ctx)
    }
}

/// Challenge themes: written by their person and their first evaluator too, each their
/// own fields (the store's rule, `save_theme`).
pub(super) struct ThemeEditor;

impl Editor for ThemeEditor {
    fn fields(&self) -> &'static [FieldSpec] {
        super::editors::THEME.fields
    }
    /// As the reader may see it: the evaluator's side once the evaluation lets them.
    fn load(&self, db: &Db, id: Id, who: Actor) -> Result<Value> {
        let t: Theme = db.get(id)?;
        let t = db.theme_as_seen(t, who.visible.reader())?;
        Ok(serde_json::to_value(t).unwrap_or(Value::Null))
    }
    fn blank(&self, ctx: &NewCtx) -> Value {
        super::editors::THEME.blank(ctx)
    }
    fn save(&self, db: &Db, v: Value, ctx: SaveCtx) -> Result<Id> {
        let mut t: Theme = from_json(v)?;
        db.save_theme(&mut t, ctx.who, ctx.today)?;
        Ok(t.id)
    }
    fn delete(&self, db: &Db, id: Id, version: i64, ctx: SaveCtx) -> Result<()> {
        db.delete_theme(id, version, ctx.who)
    }
    fn open_to_all(&self) -> bool {
        true
    }
    fn not_yours(&self, _rec: &Value) -> &'static str {
        "theme_not_yours"
    }
    fn fields_for(&self, db: &Db, rec: &Value, who: Actor) -> Result<Vec<FieldSpec>> {
        let staff = rec.get("staff_id").and_then(Value::as_i64).unwrap_or(0);
        let fy = rec
            .get("fiscal_year")
            .and_then(Value::as_i64)
            .unwrap_or_default() as i32;
        let side = db.theme_side(staff, fy, who)?;
        Ok(match side.fields() {
            None => self.fields().to_vec(),
            Some(mine) => self
                .fields()
                .iter()
                .filter(|f| mine.contains(&f.name))
                .copied()
                .collect(),
        })
    }
}

pub(super) const fn typed<T>(fields: &'static [FieldSpec], blank: fn(&NewCtx) -> T) -> Typed<T> {
    Typed {
        fields,
        blank,
        _t: PhantomData,
    }
}

/// Awards carry their recipients on the form: one award, several people for a group.
pub(super) struct AwardEditor;

impl Editor for AwardEditor {
    fn fields(&self) -> &'static [FieldSpec] {
        super::editors::AWARD.fields
    }
    fn load(&self, db: &Db, id: Id, who: Actor) -> Result<Value> {
        let mut v = super::editors::AWARD.load(db, id, who)?;
        let ids: Vec<Id> = db
            .award_recipients(id)?
            .iter()
            .map(|r| r.staff_id)
            .collect();
        if let Some(o) = v.as_object_mut() {
            o.insert("recipients".into(), Value::from(ids));
        }
        Ok(v)
    }
    fn blank(&self, ctx: &NewCtx) -> Value {
        let mut v = super::editors::AWARD.blank(ctx);
        if let Some(o) = v.as_object_mut() {
            o.insert(
                "recipients".into(),
                Value::from(ctx.staff.map(|s| vec![s.id]).unwrap_or_default()),
            );
        }
        v
    }
    fn save(&self, db: &Db, v: Value, ctx: SaveCtx) -> Result<Id> {
        let staff: Vec<Id> = v
            .get("recipients")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_i64).collect())
            .unwrap_or_default();
        if staff.is_empty() {
            return Err(StoreError::Invalid(Invalid::one(
                "recipients",
                Problem::Required,
            )));
        }
        db.write(|| {
            let id = super::editors::AWARD.save(db, v, ctx)?;
            db.set_award_recipients(id, &staff)?;
            Ok(id)
        })
    }
    fn delete(&self, db: &Db, id: Id, version: i64, ctx: SaveCtx) -> Result<()> {
        super::editors::AWARD.delete(db, id, version, ctx)
    }
}

/// The editor of a view's records.
pub fn editor(view: &str) -> Option<&'static dyn Editor> {
    Some(match view {
        "staff" => &super::editors_posts::StaffEditor,
        "self_reports" => &super::editors_own::SelfReportEditor,
        "qualifications" => &super::editors::QUALIFICATION,
        "interviews" => &super::editors::INTERVIEW,
        "evaluations" | "complaints" => &EvalEditor,
        "consultations" => &super::editors::CONSULTATION,
        "themes" => &ThemeEditor,
        "assignments" => &super::editors_posts::AssignmentEditor,
        "enrolments" => &super::editors::ENROLMENT,
        "ojt" => &super::editors::OJT,
        "ojt_logs" => &super::editors_own::OjtLogEditor,
        "courses" => &super::editors_registers::COURSE,
        "sessions" => &super::editors_registers::SESSION,
        "requirements" => &super::editors_registers::REQUIREMENT,
        "incidents" => &super::editors_registers::INCIDENT,
        "surveys" => &super::editors_registers::SurveyEditor,
        "awards" => &AwardEditor,
        "accounts" => &super::editors::ACCOUNT,
        "compliance" | "compliance_overdue" => &super::editors::ComplianceEditor,
        "pdca" => &super::editors::PDCA,
        "transfer_plans" => &super::editors_transfer::PlanEditor,
        "transfer_moves" => &super::editors_transfer::MoveEditor,
        "calendar" => &super::editors_calendar::CalendarEditor,
        _ => return None,
    })
}
