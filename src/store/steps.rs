//! Enrolments and awards moved through their states by the people entitled to: checked
//! like every workflow, written with an audit row named after the move.

use super::flow::Actor;
use super::{Db, Result, StoreError};
use crate::domain::Date;
use crate::domain::Id;
use crate::domain::account::Role;
use crate::domain::award::Award;
use crate::domain::staff::Staff;
use crate::domain::steps::{AwardStep, Capacity, EnrolStep};
use crate::domain::training::Enrolment;

impl Db {
    /// The actor's capacities over a person's record (the person must be visible).
    pub fn capacity_over(&self, staff_id: Id, who: Actor) -> Result<Option<Capacity>> {
        let Some(person) = self.find::<Staff>(staff_id)? else {
            return Ok(None);
        };
        if !who.visible.sees(&person) {
            return Ok(None);
        }
        let own = who.account.staff_id == Some(staff_id);
        Ok(Some(Capacity {
            own,
            lead: !own && who.account.role == Role::Supervisor,
            hr: who.hr(),
        }))
    }

    /// An enrolment whose person the actor may see, and the actor's capacities over it.
    pub fn enrolment_for(&self, id: Id, who: Actor) -> Result<(Enrolment, Capacity)> {
        let not_found = || StoreError::NotFound {
            table: "enrolments",
            id,
        };
        let e: Enrolment = self.find(id)?.ok_or_else(not_found)?;
        let cap = self.capacity_over(e.staff_id, who)?.ok_or_else(not_found)?;
        Ok((e, cap))
    }

    pub fn enrol_move(
        &self,
        id: Id,
        version: Option<i64>,
        step: EnrolStep,
        who: Actor,
        today: Date,
    ) -> Result<Enrolment> {
        self.write(|| {
            let (e, cap) = self.enrolment_for(id, who)?;
            let mut n = step.apply(&e, &cap, today)?;
            if let Some(v) = version {
                n.version = v;
            }
            self.update_as(&mut n, &format!("enrol.{}", step.code()))?;
            Ok(n)
        })
    }

    /// An award the actor may see (through a recipient or its unit), with their
    /// capacities (HR decides).
    pub fn award_for(&self, id: Id, who: Actor) -> Result<(Award, Capacity)> {
        let not_found = || StoreError::NotFound {
            table: "awards",
            id,
        };
        let a: Award = self.find(id)?.ok_or_else(not_found)?;
        let mut seen = who.visible.is_all()
            || a.unit_id
                .is_some_and(|u| who.visible.units().is_some_and(|us| us.contains(&u)));
        for r in self.award_recipients(id)? {
            if seen {
                break;
            }
            seen = self.capacity_over(r.staff_id, who)?.is_some();
        }
        if !seen {
            return Err(not_found());
        }
        Ok((
            a,
            Capacity {
                own: false,
                lead: who.account.role == Role::Supervisor,
                hr: who.hr(),
            },
        ))
    }

    pub fn award_move(
        &self,
        id: Id,
        version: Option<i64>,
        step: AwardStep,
        who: Actor,
        today: Date,
    ) -> Result<Award> {
        self.write(|| {
            let (a, cap) = self.award_for(id, who)?;
            let mut n = step.apply(&a, &cap, who.account.staff_id, today)?;
            if let Some(v) = version {
                n.version = v;
            }
            self.update_as(&mut n, &format!("award.{}", step.code()))?;
            Ok(n)
        })
    }
}
