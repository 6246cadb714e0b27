//! The form of a plan, a transfer round's or a reorganisation's: a new one is drafted
//! through the store (HR only), an edited one saved while a draft, a deleted one taken
//! with its items. Each kind names its own fields.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{Editor, NewCtx, SaveCtx, Typed, check_as, from_json, typed};
use crate::app::form::field::FieldSpec;
use crate::domain::date::fiscal_year_start;
use crate::domain::{Id, Invalid};
use crate::store::flow::Actor;
use crate::store::plans::Plan;
use crate::store::{Db, Result};

pub(in crate::app) struct PlanEditor<P> {
    form: Typed<P>,
    /// What the detail pane shows: the form's fields and the plan's state and days.
    detail: &'static [FieldSpec],
}

pub(super) const fn plan_editor<P: Plan>(
    fields: &'static [FieldSpec],
    detail: &'static [FieldSpec],
) -> PlanEditor<P> {
    PlanEditor {
        form: typed(fields, blank::<P>),
        detail,
    }
}

/// A plan takes effect on 1 April, the coming one.
fn blank<P: Plan>(ctx: &NewCtx) -> P {
    P::draft(
        String::new(),
        fiscal_year_start(ctx.today.fiscal_year() + 1),
    )
}

impl<P: Plan + DeserializeOwned> Editor for PlanEditor<P> {
    fn check(&self, rec: &Value) -> Option<Invalid> {
        check_as::<P>(rec)
    }
    fn fields(&self) -> &'static [FieldSpec] {
        self.form.fields
    }
    fn detail_fields(&self) -> &'static [FieldSpec] {
        self.detail
    }
    fn load(&self, db: &Db, id: Id, who: Actor) -> Result<Value> {
        self.form.load(db, id, who)
    }
    fn blank(&self, ctx: &NewCtx) -> Value {
        self.form.blank(ctx)
    }
    fn save(&self, db: &Db, v: Value, ctx: SaveCtx) -> Result<Id> {
        let p: P = from_json(v.clone())?;
        if p.id() == 0 {
            return db
                .new_plan::<P>(p.name(), p.effective_on(), ctx.who)
                .map(|n| n.id());
        }
        self.form.save(db, v, ctx)
    }
    fn delete(&self, db: &Db, id: Id, version: i64, ctx: SaveCtx) -> Result<()> {
        db.delete_plan::<P>(id, version, ctx.who)
    }
}
