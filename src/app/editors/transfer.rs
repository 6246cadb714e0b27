//! The transfer round's forms: a plan (name, effective date, note) and a person's move in
//! it (to which unit and position, for what reason). Both go through the store's rules:
//! only drafts change, only the HR office writes.

use serde_json::Value;

use super::plans::{PlanEditor, plan_editor};
use super::{Editor, NewCtx, SaveCtx, from_json};
use crate::app::form::field::{FieldKind as K, FieldSpec, field};
use crate::domain::assignment::Reason;
use crate::domain::staff::Position;
use crate::domain::transfer::{PlanState, TransferMove, TransferPlan};
use crate::domain::{FiscalYear, Id, Invalid, Problem};
use crate::store::flow::Actor;
use crate::store::{Db, Result};

pub(in crate::app) static PLAN: PlanEditor<TransferPlan> = plan_editor(
    &[
        field("name", "plan_name", K::Text),
        field("effective_on", "effective_on", K::Date),
        field("announced_on", "announced_on", K::OptDate),
        field("note", "note", K::Note),
    ],
    &[
        field("name", "plan_name", K::Text),
        field("effective_on", "effective_on", K::Date),
        field(
            "state",
            "plan_state",
            K::Code("plan_state", PlanState::CODES),
        ),
        field("applied_on", "plan_applied_on", K::OptDate),
        field("announced_on", "announced_on", K::OptDate),
        field("note", "note", K::Note),
    ],
);

const MOVE_FIELDS: &[FieldSpec] = &[
    field("plan_id", "plan_id", K::Int),
    field("staff_id", "staff_no", K::Staff),
    field("to_unit_id", "to_unit_code", K::Unit),
    field(
        "to_position",
        "to_position",
        // Left empty: the person keeps their present position.
        K::OptCode("position", Position::CODES),
    ),
    field("reason", "reason", K::Code("reason", Reason::CODES)),
    // Left empty: the person keeps their grade (級).
    field("to_grade", "to_grade", K::OptInt),
    field("note", "note", K::Note),
];

pub(in crate::app) struct MoveEditor;

impl Editor for MoveEditor {
    fn check(&self, rec: &Value) -> Option<crate::domain::Invalid> {
        super::check_as::<TransferMove>(rec)
    }
    fn fields(&self) -> &'static [FieldSpec] {
        MOVE_FIELDS
    }
    /// The person's move in the plan being drafted.
    fn existing(&self, db: &Db, person: Id, _fy: FiscalYear) -> Result<Option<Id>> {
        Ok(match db.latest_draft_plan()? {
            Some(p) => db
                .transfer_moves(p.id)?
                .into_iter()
                .find(|m| m.staff_id == person)
                .map(|m| m.id),
            None => None,
        })
    }
    fn load(&self, db: &Db, id: Id, _who: Actor) -> Result<Value> {
        let m: TransferMove = db.get(id)?;
        Ok(serde_json::to_value(m).unwrap_or(Value::Null))
    }
    fn blank(&self, ctx: &NewCtx) -> Value {
        // Into the newest draft plan, the person in focus at their present post.
        let draft = ctx.db.latest_draft_plan().ok().flatten();
        let plan = draft.as_ref().map(|p| p.id);
        // A passer of a promotion selection still on its pool on the plan's day is
        // offered the position and grade they passed for.
        let day = draft.as_ref().map_or(ctx.today, |p| p.effective_on);
        let pooled = ctx
            .staff
            .and_then(|s| ctx.db.pooled_kind(s.id, day).ok().flatten());
        // Toward the unit they wished first in the year's self-report, if they did.
        let wish = ctx
            .staff
            .and_then(|s| ctx.db.self_report(s.id, ctx.fiscal_year).ok().flatten())
            .and_then(|r| r.wish_unit1_id);
        let m = TransferMove {
            id: 0,
            plan_id: plan.unwrap_or(0),
            staff_id: ctx.staff.map(|s| s.id).unwrap_or(0),
            to_unit_id: wish.unwrap_or(0),
            to_position: match &pooled {
                Some(k) => k.to_position,
                None => ctx.staff.map(|s| s.position).unwrap_or(Position::Clerk),
            },
            reason: if pooled.is_some() {
                Reason::Promotion
            } else {
                Reason::Transfer
            },
            note: String::new(),
            to_grade: pooled.as_ref().map(|k| k.to_grade),
            version: 0,
        };
        let mut v = serde_json::to_value(m).unwrap_or(Value::Null);
        if ctx.staff.is_none()
            && let Some(o) = v.as_object_mut()
        {
            o.insert("to_position".into(), Value::Null);
        }
        v
    }
    fn save(&self, db: &Db, mut v: Value, ctx: SaveCtx) -> Result<Id> {
        // No position given: the person's present one.
        if v.get("to_position").is_none_or(Value::is_null)
            && let Some(id) = v.get("staff_id").and_then(Value::as_i64)
            && let Some(s) = db.find::<crate::domain::staff::Staff>(id)?
            && let Some(o) = v.as_object_mut()
        {
            o.insert("to_position".into(), s.position.code().into());
        }
        let mut m: TransferMove = from_json(v)?;
        if m.plan_id == 0 {
            return Err(Invalid::one("plan_id", Problem::Required).into());
        }
        db.put_transfer_move(&mut m, ctx.who)?;
        Ok(m.id)
    }
    fn delete(&self, db: &Db, id: Id, _version: i64, ctx: SaveCtx) -> Result<()> {
        let m: TransferMove = db.get(id)?;
        db.remove_transfer_move(m.plan_id, m.staff_id, ctx.who)
    }
}
