//! Reorganisations' forms: a plan (name, effective day, note) and a step of it (what it
//! does to which unit, and for a `place` step whom it moves). Through the store's rules:
//! only drafts change, only the HR office writes.

use serde_json::Value;

use super::plans::{PlanEditor, plan_editor};
use super::{Editor, NewCtx, SaveCtx, from_json};
use crate::app::form::field::{FieldKind as K, FieldSpec, field};
use crate::domain::reorg::{ReorgPlan, ReorgStep, StepKind};
use crate::domain::transfer::PlanState;
use crate::domain::{Id, Invalid, Problem};
use crate::store::flow::Actor;
use crate::store::{Db, Result};

pub(in crate::app) static PLAN: PlanEditor<ReorgPlan> = plan_editor(
    &[
        field("name", "reorg_name", K::Text),
        field("effective_on", "reorg_effective_on", K::Date),
        field("note", "note", K::Note),
    ],
    &[
        field("name", "reorg_name", K::Text),
        field("effective_on", "reorg_effective_on", K::Date),
        field(
            "state",
            "plan_state",
            K::Code("reorg_state", PlanState::CODES),
        ),
        field("applied_on", "reorg_applied_on", K::OptDate),
        field("note", "note", K::Note),
    ],
);

const STEP_FIELDS: &[FieldSpec] = &[
    field("plan_id", "plan_id", K::Int),
    field("kind", "step_kind", K::Code("reorg_step", StepKind::CODES)),
    field("unit_code", "unit_code", K::Text),
    field("name", "new_name", K::Text),
    field("kana", "kana", K::Text),
    field("parent_code", "parent_code", K::Text),
    field("other_code", "other_code", K::Text),
    field("staff_id", "staff_no", K::OptStaff),
    field("note", "note", K::Note),
];

pub(in crate::app) struct StepEditor;

impl Editor for StepEditor {
    fn check(&self, rec: &Value) -> Option<Invalid> {
        super::check_as::<ReorgStep>(rec)
    }
    fn fields(&self) -> &'static [FieldSpec] {
        STEP_FIELDS
    }
    fn load(&self, db: &Db, id: Id, _who: Actor) -> Result<Value> {
        let s: ReorgStep = db.get(id)?;
        Ok(serde_json::to_value(s).unwrap_or(Value::Null))
    }
    fn blank(&self, ctx: &NewCtx) -> Value {
        // Into the newest draft plan.
        let plan = ctx
            .db
            .latest_draft::<ReorgPlan>()
            .ok()
            .flatten()
            .map(|p| p.id);
        let s = ReorgStep {
            id: 0,
            plan_id: plan.unwrap_or(0),
            seq: 0,
            kind: StepKind::Rename,
            unit_code: String::new(),
            name: String::new(),
            kana: String::new(),
            parent_code: String::new(),
            other_code: String::new(),
            staff_id: None,
            note: String::new(),
            version: 0,
        };
        serde_json::to_value(s).unwrap_or(Value::Null)
    }
    fn save(&self, db: &Db, v: Value, ctx: SaveCtx) -> Result<Id> {
        let mut s: ReorgStep = from_json(v)?;
        if s.plan_id == 0 {
            return Err(Invalid::one("plan_id", Problem::Required).into());
        }
        db.put_reorg_step(&mut s, ctx.who)?;
        Ok(s.id)
    }
    fn delete(&self, db: &Db, id: Id, version: i64, ctx: SaveCtx) -> Result<()> {
        db.delete_reorg_step(id, version, ctx.who)
    }
}
