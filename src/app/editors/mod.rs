//! Editors: how each view's record is loaded into a form, made new, saved and deleted.
//! One generic editor (`Typed`); each record type declares only its fields and its blank
//! defaults, in the file of its subject here; records that need more (the evaluation
//! chain's secrecy, an award's recipients, a post's history) have an editor of their own
//! beside them. The view registry (`app::view`) says which editor a list uses.

mod awards;
pub(super) mod calendar;
pub(super) mod eval;
pub(super) mod exams;
pub(super) mod leaves;
pub(super) mod own;
mod plans;
pub(super) mod posts;
pub(super) mod records;
pub(super) mod registers;
pub(super) mod reorg;
pub(super) mod transfer;

pub(super) use awards::AwardEditor;

use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::form::field::FieldSpec;
use crate::domain::account::Role;
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

impl NewCtx<'_> {
    /// The day a new record is dated: today, or the nearest day of the year on screen
    /// when another year is shown (a record made there belongs to that year).
    pub fn day(&self) -> Date {
        self.today.clamp(
            crate::domain::date::fiscal_year_start(self.fiscal_year),
            crate::domain::date::fiscal_year_end(self.fiscal_year),
        )
    }
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

    /// The record as an evaluation, where it is one (the detail shows what is withheld
    /// and the deadline to answer).
    fn evaluation(&self, _rec: &Value) -> Option<crate::domain::evaluation::Evaluation> {
        None
    }

    /// The record of this kind a person already has in the year, which a worklist's row
    /// opens instead of a new one.
    fn existing(&self, _db: &Db, _person: Id, _fy: FiscalYear) -> Result<Option<Id>> {
        Ok(None)
    }

    /// The record's problems by its own rules, without writing: a save that meets a
    /// field it cannot read still names every other problem at once.
    fn check(&self, _rec: &Value) -> Option<Invalid> {
        None
    }

    /// What a save must ask first, given the record as the form has it (the 職員 form:
    /// why and from when a changed unit or position holds); `None` to save as it is.
    fn ask(&self, _db: &Db, _rec: &Value, _today: Date, _lang: Lang) -> Result<Option<Ask>> {
        Ok(None)
    }
    /// Days that follow from the record by the ward's rules and are shown after its
    /// fields (a person's 定年退職日 and 役職定年日), each with its label key.
    fn derived_dates(&self, _db: &Db, _rec: &Value) -> Result<Vec<(&'static str, Date)>> {
        Ok(Vec::new())
    }
    /// The catalogue key of the question asked before a save that makes the record
    /// read-only for its author (a self-report handed in), when this save does.
    fn locks(&self, _rec: &Value) -> Option<&'static str> {
        None
    }
}

/// Fields a save asks for before it goes ahead, their starting values, and lines saying
/// why (shown above the fields).
pub struct Ask {
    pub fields: &'static [FieldSpec],
    pub values: Vec<Value>,
    pub note: String,
}

pub(in crate::app) struct Typed<T> {
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
    fn check(&self, rec: &Value) -> Option<Invalid> {
        check_as::<T>(rec)
    }
}

/// A record's problems as its type's rules see them (none when it does not read as one:
/// the fields that could not be read say why already).
pub(super) fn check_as<T: DeserializeOwned + crate::domain::Validate>(
    rec: &Value,
) -> Option<Invalid> {
    from_json::<T>(rec.clone()).ok()?.validate().err()
}

pub(super) fn from_json<T: DeserializeOwned>(v: Value) -> Result<T> {
    serde_json::from_value(v)
        .map_err(|_| StoreError::Invalid(Invalid::one("id", Problem::Malformed)))
}

pub(super) const fn typed<T>(fields: &'static [FieldSpec], blank: fn(&NewCtx) -> T) -> Typed<T> {
    Typed {
        fields,
        blank,
        _t: PhantomData,
    }
}

pub(super) fn focus_id(ctx: &NewCtx) -> Id {
    ctx.staff.map(|s| s.id).unwrap_or(0)
}
