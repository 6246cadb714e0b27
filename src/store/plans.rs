//! What a transfer round and a reorganisation share: a plan the HR office drafts, fills
//! with items (moves, steps), then applies on its day or sets aside. Only a draft
//! changes; an applied plan is history and a discarded one stays for the record.

use super::flow::Actor;
use super::{Db, Filter, Record, Result, rule};
use crate::domain::transfer::PlanState;
use crate::domain::{Date, Id};

/// The names one kind of plan gives its rules and its audited writes.
pub struct PlanKind {
    /// The rule that refuses anyone but the HR office.
    pub hr_only: &'static str,
    /// The field and rule that refuse applying before the plan's day.
    pub not_yet: (&'static str, &'static str),
    /// How a discard and an apply are audited.
    pub discard: &'static str,
    pub apply: &'static str,
    /// How the plan's items are ordered.
    pub item_order: &'static str,
}

/// A drafted plan: a row with a name, a day, a state, and items that name it by `plan_id`.
pub trait Plan: Record {
    /// What the plan holds: a move, a step.
    type Item: Record;
    const KIND: PlanKind;
    /// A new draft.
    fn draft(name: String, effective_on: Date) -> Self;
    fn name(&self) -> &str;
    fn effective_on(&self) -> Date;
    fn state(&self) -> PlanState;
    /// Moves the plan on: to `Applied` on `applied_on`, or to `Discarded` (`None`).
    fn set_state(&mut self, state: PlanState, applied_on: Option<Date>);
}

/// Implements `Plan` for a plan whose fields are named as both plans' are. `$audit`
/// names the kind: its writes are audited as `$audit.discard` and `$audit.apply`, and its
/// rule for anyone outside the HR office is `${audit}_hr_only`. Its items are ordered by
/// `$order`; applying it before its day is refused by `$not_yet` (field, rule); `extra`
/// sets the fields a new draft of this kind adds.
macro_rules! plan {
    ($ty:ty, $item:ty, $audit:literal, $order:literal, $not_yet:expr, { $($extra:ident: $value:expr),* $(,)? }) => {
        impl $crate::store::plans::Plan for $ty {
            type Item = $item;
            const KIND: $crate::store::plans::PlanKind = $crate::store::plans::PlanKind {
                hr_only: concat!($audit, "_hr_only"),
                not_yet: $not_yet,
                discard: concat!($audit, ".discard"),
                apply: concat!($audit, ".apply"),
                item_order: $order,
            };
            fn draft(name: String, effective_on: $crate::domain::Date) -> Self {
                Self {
                    id: 0,
                    name,
                    effective_on,
                    state: $crate::domain::transfer::PlanState::Draft,
                    note: String::new(),
                    applied_on: None,
                    $($extra: $value,)*
                    version: 0,
                }
            }
            fn name(&self) -> &str {
                &self.name
            }
            fn effective_on(&self) -> $crate::domain::Date {
                self.effective_on
            }
            fn state(&self) -> $crate::domain::transfer::PlanState {
                self.state
            }
            fn set_state(
                &mut self,
                state: $crate::domain::transfer::PlanState,
                applied_on: Option<$crate::domain::Date>,
            ) {
                self.state = state;
                self.applied_on = applied_on.or(self.applied_on);
            }
        }
    };
}
pub(crate) use plan;

impl Db {
    /// Plans are the HR office's alone.
    pub(crate) fn plan_hr<P: Plan>(&self, who: Actor) -> Result<()> {
        if who.hr() {
            Ok(())
        } else {
            Err(rule("plan", P::KIND.hr_only))
        }
    }

    /// Every plan of a kind, oldest first.
    pub fn plans<P: Plan>(&self) -> Result<Vec<P>> {
        self.all(vec![], "id")
    }

    /// A plan's items in their order.
    pub fn plan_items<P: Plan>(&self, plan_id: Id) -> Result<Vec<P::Item>> {
        self.all(vec![Filter::eq("plan_id", plan_id)], P::KIND.item_order)
    }

    /// A plan still open to change.
    pub(crate) fn draft_of<P: Plan>(&self, plan_id: Id) -> Result<P> {
        let p: P = self.get(plan_id)?;
        match p.state() {
            PlanState::Draft => Ok(p),
            PlanState::Applied => Err(rule("plan", "plan_applied")),
            PlanState::Discarded => Err(rule("plan", "plan_discarded")),
        }
    }

    /// Refuses a change to a stored plan that is no longer a draft.
    pub(crate) fn still_draft<P: Plan>(&self, p: &P) -> Result<()> {
        if p.id() != 0 {
            self.draft_of::<P>(p.id())?;
        }
        Ok(())
    }

    /// The newest draft, where a new item goes by default.
    pub fn latest_draft<P: Plan>(&self) -> Result<Option<P>> {
        Ok(self
            .all::<P>(vec![Filter::eq("state", PlanState::Draft.code())], "id")?
            .pop())
    }

    /// A new draft plan (HR).
    pub fn new_plan<P: Plan>(&self, name: &str, effective_on: Date, who: Actor) -> Result<P> {
        self.plan_hr::<P>(who)?;
        let mut p = P::draft(name.trim().to_string(), effective_on);
        self.insert(&mut p)?;
        Ok(p)
    }

    /// Sets a draft plan aside; it stays for the record.
    pub fn discard_plan<P: Plan>(&self, plan_id: Id, who: Actor) -> Result<P> {
        self.plan_hr::<P>(who)?;
        self.write(|| {
            let mut p = self.draft_of::<P>(plan_id)?;
            p.set_state(PlanState::Discarded, None);
            self.update_as(&mut p, P::KIND.discard)?;
            Ok(p)
        })
    }

    /// Deletes a draft plan and its items (HR); applied and discarded plans are kept.
    pub fn delete_plan<P: Plan>(&self, plan_id: Id, version: i64, who: Actor) -> Result<()> {
        self.plan_hr::<P>(who)?;
        self.write(|| {
            self.draft_of::<P>(plan_id)?;
            for item in self.plan_items::<P>(plan_id)? {
                self.delete::<P::Item>(item.id(), item.version())?;
            }
            self.delete::<P>(plan_id, version)
        })
    }

    /// The draft about to be applied: a plan is applied on its day, not before (until
    /// then nothing moves). Called inside the apply's write.
    pub(crate) fn plan_due<P: Plan>(&self, plan_id: Id, today: Date) -> Result<P> {
        let plan = self.draft_of::<P>(plan_id)?;
        if today < plan.effective_on() {
            let (field, not_yet) = P::KIND.not_yet;
            return Err(rule(field, not_yet));
        }
        Ok(plan)
    }

    /// Records that a plan has been applied today; the last write of its apply.
    pub(crate) fn plan_applied<P: Plan>(&self, plan: &mut P, today: Date) -> Result<()> {
        plan.set_state(PlanState::Applied, Some(today));
        self.update_as(plan, P::KIND.apply)
    }
}
