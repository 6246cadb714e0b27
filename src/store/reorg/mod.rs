//! Reorganisations (組織改正): plans of steps kept by the HR office, checked
//! (`check`), and applied in one transaction on their day (`apply`) — renames and moves
//! keep the version they end (`versions`), abolished units close with their people given
//! new posts, and the supervisors of every unit touched are set again as after a transfer
//! round.

mod apply;
mod check;
mod versions;

use super::flow::Actor;
use super::machine::record::record;
use super::plans::plan;
use super::{Db, Result};
use crate::domain::reorg::{ReorgPlan, ReorgStep};
use crate::domain::{Date, Id};

record!(
    ReorgPlan,
    "reorg_plans",
    [name, effective_on, state, note, applied_on],
    {
        fn check_stored(&self, db: &Db) -> Result<()> {
            db.still_draft(self)
        }
    }
);
record!(
    ReorgStep,
    "reorg_steps",
    [
        plan_id,
        seq,
        kind,
        unit_code,
        name,
        kana,
        parent_code,
        other_code,
        staff_id,
        note
    ]
);

// Steps in their sequence; the day's refusal names the reorganisation's day.
plan!(
    ReorgPlan,
    ReorgStep,
    "reorg",
    "seq",
    ("reorg_effective_on", "reorg_not_yet"),
    {}
);

impl Db {
    pub fn reorg_plans(&self) -> Result<Vec<ReorgPlan>> {
        self.plans()
    }

    pub fn reorg_steps(&self, plan_id: Id) -> Result<Vec<ReorgStep>> {
        self.plan_items::<ReorgPlan>(plan_id)
    }

    /// A new draft plan (HR).
    pub fn new_reorg_plan(&self, name: &str, effective_on: Date, who: Actor) -> Result<ReorgPlan> {
        self.new_plan(name, effective_on, who)
    }

    /// Adds a step at the end of a draft plan (its `seq` is set), or saves an edited one.
    pub fn put_reorg_step(&self, s: &mut ReorgStep, who: Actor) -> Result<()> {
        self.plan_hr::<ReorgPlan>(who)?;
        self.write(|| {
            self.draft_of::<ReorgPlan>(s.plan_id)?;
            if s.id != 0 {
                let before: ReorgStep = self.get(s.id)?;
                self.draft_of::<ReorgPlan>(before.plan_id)?;
                return self.update(s);
            }
            let last: Option<i64> = self.conn().query_row(
                "SELECT max(seq) FROM reorg_steps WHERE plan_id = ?1",
                [s.plan_id],
                |r| r.get(0),
            )?;
            s.seq = last.unwrap_or(0) + 1;
            self.insert(s)
        })
    }

    pub fn delete_reorg_step(&self, id: Id, version: i64, who: Actor) -> Result<()> {
        self.plan_hr::<ReorgPlan>(who)?;
        self.write(|| {
            let s: ReorgStep = self.get(id)?;
            self.draft_of::<ReorgPlan>(s.plan_id)?;
            self.delete::<ReorgStep>(id, version)
        })
    }

    /// Deletes a draft plan and its steps (HR); applied and discarded plans are kept.
    pub fn delete_reorg_plan(&self, plan_id: Id, version: i64, who: Actor) -> Result<()> {
        self.delete_plan::<ReorgPlan>(plan_id, version, who)
    }

    /// Sets a draft plan aside; it stays for the record.
    pub fn discard_reorg_plan(&self, plan_id: Id, who: Actor) -> Result<ReorgPlan> {
        self.discard_plan(plan_id, who)
    }
}
