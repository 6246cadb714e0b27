//! Awards: the record with its recipients, saved together.

use serde_json::Value;

use super::{Editor, NewCtx, SaveCtx};
use crate::app::form::field::FieldSpec;
use crate::domain::{Id, Invalid, Problem};
use crate::store::flow::Actor;
use crate::store::{Db, Result, StoreError};

/// Awards carry their recipients on the form: one award, several people for a group.
pub(in crate::app) struct AwardEditor;

impl Editor for AwardEditor {
    fn fields(&self) -> &'static [FieldSpec] {
        super::records::AWARD.fields
    }
    fn load(&self, db: &Db, id: Id, who: Actor) -> Result<Value> {
        let mut v = super::records::AWARD.load(db, id, who)?;
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
        let mut v = super::records::AWARD.blank(ctx);
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
            let id = super::records::AWARD.save(db, v, ctx)?;
            db.set_award_recipients(id, &staff)?;
            Ok(id)
        })
    }
    fn delete(&self, db: &Db, id: Id, version: i64, ctx: SaveCtx) -> Result<()> {
        super::records::AWARD.delete(db, id, version, ctx)
    }
}
