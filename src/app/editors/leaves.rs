//! The 休職・休業 form: a person's leave with its kind and period. Every save and delete
//! goes through the store's leaves (`store::leaves`), which move the person's status
//! with it in the same transaction.

use serde_json::Value;

use super::{Editor, NewCtx, SaveCtx, Typed, focus_id, from_json, typed};
use crate::app::form::field::{FieldKind as K, FieldSpec, field};
use crate::domain::Id;
use crate::domain::leave::{Leave, LeaveKind};
use crate::store::flow::Actor;
use crate::store::leaves::BY_HAND;
use crate::store::{Db, Result};

static LEAVE: Typed<Leave> = typed(
    &[
        field("staff_id", "staff_no", K::Staff),
        field(
            "kind",
            "leave_kind",
            K::Code("leave_kind", LeaveKind::CODES),
        ),
        field("start_date", "start_date", K::Date),
        field("end_date", "end_date", K::OptDate),
        field("note", "note", K::Note),
    ],
    |ctx| Leave {
        id: 0,
        staff_id: focus_id(ctx),
        kind: LeaveKind::ChildcareLeave,
        start_date: ctx.today,
        end_date: None,
        note: String::new(),
        version: 0,
    },
);

pub(in crate::app) struct LeaveEditor;

impl Editor for LeaveEditor {
    fn check(&self, rec: &Value) -> Option<crate::domain::Invalid> {
        super::check_as::<Leave>(rec)
    }
    fn fields(&self) -> &'static [FieldSpec] {
        LEAVE.fields
    }
    fn load(&self, db: &Db, id: Id, who: Actor) -> Result<Value> {
        LEAVE.load(db, id, who)
    }
    fn blank(&self, ctx: &NewCtx) -> Value {
        LEAVE.blank(ctx)
    }
    fn save(&self, db: &Db, v: Value, ctx: SaveCtx) -> Result<Id> {
        let mut l: Leave = from_json(v)?;
        db.put_leave(&mut l, ctx.today, &BY_HAND)?;
        Ok(l.id)
    }
    fn delete(&self, db: &Db, id: Id, version: i64, ctx: SaveCtx) -> Result<()> {
        db.delete_leave(id, version, ctx.today)
    }
}
