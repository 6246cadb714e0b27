//! The PDCA spiral's moves: who may move a cycle, plan it, note progress, attach
//! evidence and review it; each write checked and audited like the evaluation chain's.

use super::flow::Actor;
use super::rule;
use super::scope::Visibility;
use super::{Db, Result, StoreError};
use crate::domain::account::Role;
use crate::domain::pdca::{PdcaAction, PdcaCheckin, PdcaCycle, PdcaEvidence, PdcaReview};
use crate::domain::pdca_flow::{PdcaActing, PdcaInput, PdcaStep, PdcaWork};
use crate::domain::staff::Staff;
use crate::domain::survey::Survey;
use crate::domain::unit::Unit;
use crate::domain::{Date, FiscalYear, Id, Invalid, Problem};

impl Db {
    /// A cycle whose owner (person or unit) the actor may see.
    pub fn pdca_for(&self, id: Id, who: Actor) -> Result<PdcaCycle> {
        let not_found = || StoreError::NotFound {
            table: "pdca_cycles",
            id,
        };
        let c: PdcaCycle = self.find(id)?.ok_or_else(not_found)?;
        let seen = match (c.owner_staff_id, c.owner_unit_id, who.visible) {
            (_, _, Visibility::All) => true,
            (Some(s), _, v) => v.sees(&self.get::<Staff>(s)?),
            (None, Some(u), Visibility::Some { units, .. }) => units.contains(&u),
            (None, None, _) => false,
        };
        if seen { Ok(c) } else { Err(not_found()) }
    }

    /// The actor's capacities on a cycle: its owner (or the chief of its unit), a lead
    /// over the owner, or the HR office.
    pub fn pdca_acting(&self, c: &PdcaCycle, who: Actor) -> Result<PdcaActing> {
        let me: Option<Staff> = match who.account.staff_id {
            Some(id) => self.find(id)?,
            None => None,
        };
        let owner = match (&me, c.owner_staff_id, c.owner_unit_id) {
            (Some(m), Some(s), _) => m.id == s,
            (Some(m), None, Some(u)) => m.unit_id == u && m.position.is_supervisory(),
            _ => false,
        };
        // A lead outranks the owner within their unit's subtree: a deputy is no lead over
        // their own chief, and a unit's own cycle is led from the units above it.
        let (owner_unit, outranked) = match (c.owner_staff_id, c.owner_unit_id, &me) {
            (Some(s), _, Some(m)) => {
                let o: Staff = self.get(s)?;
                (Some(o.unit_id), m.position.rank() < o.position.rank())
            }
            (None, Some(u), Some(m)) => (Some(u), u != m.unit_id),
            _ => (None, false),
        };
        let lead = !owner
            && outranked
            && me.as_ref().is_some_and(|m| m.position.is_supervisory())
            && who.account.role == Role::Supervisor
            && owner_unit.is_some_and(|u| who.visible.units().is_none_or(|us| us.contains(&u)));
        Ok(PdcaActing {
            owner,
            lead,
            hr: who.hr(),
        })
    }

    /// Moves a cycle to its next phase; closing also starts the next turn of the spiral
    /// (returned with it), both in one transaction.
    pub fn pdca_move(
        &self,
        id: Id,
        version: Option<i64>,
        step: PdcaStep,
        input: &PdcaInput,
        who: Actor,
        today: Date,
    ) -> Result<(PdcaCycle, Option<PdcaCycle>)> {
        self.write(|| {
            let c = self.pdca_for(id, who)?;
            let acting = self.pdca_acting(&c, who)?;
            let actions = self.pdca_actions(c.id)?.len();
            let (mut n, mut next) = step.apply(&c, &acting, actions, input, today)?;
            if let Some(v) = version {
                n.version = v;
            }
            self.update_as(&mut n, &format!("pdca.{}", step.code()))?;
            if let Some(next) = &mut next {
                self.insert(next)?;
            }
            Ok((n, next))
        })
    }

    /// A supervisor's dated review of a subordinate's cycle (or an HR officer's); kept.
    pub fn pdca_review(
        &self,
        cycle_id: Id,
        comment: &str,
        who: Actor,
        today: Date,
    ) -> Result<PdcaReview> {
        self.write(|| {
            let c = self.pdca_for(cycle_id, who)?;
            let acting = self.pdca_acting(&c, who)?;
            // A review is signed by a person; an account without one cannot sign.
            PdcaWork::Review.check(&c, &acting, who.account.staff_id.is_some())?;
            let Some(reviewer_id) = who.account.staff_id else {
                return Err(rule("reviewer", "pdca_review_needs_person"));
            };
            let mut r = PdcaReview {
                id: 0,
                cycle_id: c.id,
                reviewer_id,
                reviewed_on: today,
                comment: comment.to_string(),
                version: 0,
            };
            self.insert(&mut r)?;
            Ok(r)
        })
    }

    /// A dated note while the plan is carried out (Do, or Check while measuring).
    pub fn pdca_checkin(
        &self,
        cycle_id: Id,
        note: &str,
        progress: Option<i64>,
        who: Actor,
        today: Date,
    ) -> Result<PdcaCheckin> {
        self.write(|| {
            let c = self.pdca_may(cycle_id, who, PdcaWork::Checkin)?;
            let mut k = PdcaCheckin {
                id: 0,
                cycle_id: c.id,
                on_date: today,
                note: note.to_string(),
                version: 0,
            };
            self.insert(&mut k)?;
            // The check-in carries the cycle's progress as of today.
            if let Some(p) = progress.filter(|p| *p != c.progress) {
                let mut c = c;
                c.progress = p;
                self.update_as(&mut c, "pdca.progress")?;
            }
            Ok(k)
        })
    }

    /// Attaches a citizen survey to a cycle's Check as evidence.
    pub fn pdca_attach_survey(&self, cycle_id: Id, survey_id: Id, who: Actor) -> Result<()> {
        self.write(|| {
            let c = self.pdca_may(cycle_id, who, PdcaWork::Attach)?;
            if self.find::<Survey>(survey_id)?.is_none() {
                return Err(Invalid::one("survey", Problem::Unknown).into());
            }
            if self.pdca_evidence(c.id)?.iter().any(|s| s.id == survey_id) {
                return Err(Invalid::one("survey", Problem::Duplicate).into());
            }
            self.insert(&mut PdcaEvidence {
                id: 0,
                cycle_id: c.id,
                survey_id,
                version: 0,
            })
        })
    }

    /// Surveys that may serve as evidence for a cycle: the latest of the owner's section
    /// (課), newest first.
    pub fn pdca_candidate_surveys(&self, c: &PdcaCycle, fy: FiscalYear) -> Result<Vec<Survey>> {
        let unit = match (c.owner_staff_id, c.owner_unit_id) {
            (Some(s), _) => self.get::<Staff>(s)?.unit_id,
            (None, Some(u)) => u,
            (None, None) => return Ok(Vec::new()),
        };
        let section = self.section_of(unit)?.map(|u: Unit| u.id).unwrap_or(unit);
        let mut out = self.surveys_of_unit(section)?;
        out.retain(|s| s.conducted_on.fiscal_year() <= fy);
        out.reverse();
        // The latest few: evidence of this turn, not of years ago.
        out.truncate(3);
        Ok(out)
    }

    /// The cycle, if `who` may do `work` on it now (the domain's rule, as the menus show).
    fn pdca_may(&self, cycle_id: Id, who: Actor, work: PdcaWork) -> Result<PdcaCycle> {
        let c = self.pdca_for(cycle_id, who)?;
        let acting = self.pdca_acting(&c, who)?;
        work.check(&c, &acting, who.account.staff_id.is_some())?;
        Ok(c)
    }

    /// Writes the Plan (goal, metric, baseline, target, notes) while the cycle is in Plan.
    pub fn pdca_plan(
        &self,
        plan: &PdcaCycle,
        version: Option<i64>,
        who: Actor,
    ) -> Result<PdcaCycle> {
        self.write(|| {
            let c = self.pdca_may(plan.id, who, PdcaWork::Plan)?;
            let mut n = PdcaCycle {
                goal: plan.goal.clone(),
                metric: plan.metric.clone(),
                metric_unit: plan.metric_unit.clone(),
                lower_is_better: plan.lower_is_better,
                baseline: plan.baseline,
                target: plan.target,
                plan_notes: plan.plan_notes.clone(),
                ..c
            };
            if let Some(v) = version {
                n.version = v;
            }
            self.update_as(&mut n, "pdca.plan")?;
            Ok(n)
        })
    }

    /// Adds an action with its due date to the plan (in Plan or Do).
    pub fn pdca_add_action(
        &self,
        cycle_id: Id,
        description: &str,
        due_on: Option<Date>,
        who: Actor,
    ) -> Result<PdcaAction> {
        self.write(|| {
            let c = self.pdca_may(cycle_id, who, PdcaWork::AddAction)?;
            let due_on = due_on.ok_or_else(|| Invalid::one("due_on", Problem::Required))?;
            let mut a = PdcaAction {
                id: 0,
                cycle_id: c.id,
                description: description.trim().to_string(),
                due_on,
                done_on: None,
                progress: 0,
                version: 0,
            };
            self.insert(&mut a)?;
            Ok(a)
        })
    }

    /// Marks an action done today (in Do).
    pub fn pdca_action_done(&self, action_id: Id, who: Actor, today: Date) -> Result<PdcaAction> {
        self.write(|| {
            let mut a: PdcaAction = self.get(action_id)?;
            // An action of a cycle out of sight is as not found as one that is not there.
            self.pdca_may(a.cycle_id, who, PdcaWork::ActionDone)
                .map_err(|e| match e {
                    StoreError::NotFound { .. } => StoreError::NotFound {
                        table: "pdca_actions",
                        id: action_id,
                    },
                    e => e,
                })?;
            if a.done_on.is_some() {
                return Err(rule("done_on", "pdca_action_done"));
            }
            a.done_on = Some(today);
            a.progress = 100;
            self.update_as(&mut a, "pdca.action_done")?;
            Ok(a)
        })
    }
}
