//! Applying a reorganisation: each step in order on the plan's day, in one transaction,
//! the people of a closed unit given new posts and the supervisors set again.

use std::collections::BTreeSet;

use crate::domain::assignment::Reason;
use crate::domain::reorg::{ReorgPlan, ReorgStep, StepKind};
use crate::domain::staff::{Staff, StaffStatus};
use crate::domain::unit::{Unit, UnitKind};
use crate::domain::{Date, Id, Invalid, Problem};
use crate::store::flow::Actor;
use crate::store::posts::{NewPost, PostActions};
use crate::store::{Db, Filter, Op, Result, StoreError, rule};

/// How the moves of an abolished unit's people are audited.
const REORG: PostActions = PostActions {
    close: "reorg.close",
    open: "insert",
    update: "update",
    follow: "reorg.move",
};

impl Db {
    /// Applies a draft plan (HR) on or after its day, all or nothing, refusing it while its
    /// check finds a problem. Returns how many people moved.
    pub fn apply_reorg_plan(&self, plan_id: Id, who: Actor, today: Date) -> Result<usize> {
        self.plan_hr::<ReorgPlan>(who)?;
        self.write(|| {
            let mut plan: ReorgPlan = self.plan_due(plan_id, today)?;
            let check = self.check_reorg_plan(plan_id)?;
            if !check.issues.is_empty() {
                return Err(rule("plan", "reorg_has_problems"));
            }
            let day = plan.effective_on;
            let mut touched = BTreeSet::new();
            let mut moved = 0;
            for s in self.reorg_steps(plan_id)? {
                moved += self.apply_step(&s, &plan, today, &mut touched)?;
            }
            self.reset_supervisors(&touched, &[], day)?;
            self.plan_applied(&mut plan, today)?;
            Ok(moved)
        })
    }

    fn code_unit(&self, code: &str) -> Result<Unit> {
        self.unit_by_code(code)?
            .ok_or_else(|| StoreError::from(Invalid::one("unit_code", Problem::Unknown)))
    }

    fn apply_step(
        &self,
        s: &ReorgStep,
        plan: &ReorgPlan,
        today: Date,
        touched: &mut BTreeSet<Id>,
    ) -> Result<usize> {
        let day = plan.effective_on;
        let parent = |code: &str| -> Result<Option<Unit>> {
            if code.is_empty() {
                Ok(None)
            } else {
                self.code_unit(code).map(Some)
            }
        };
        match s.kind {
            StepKind::Create | StepKind::Split => {
                let source = match s.kind {
                    StepKind::Split => Some(self.code_unit(&s.other_code)?),
                    _ => None,
                };
                let p = match (parent(&s.parent_code)?, &source) {
                    (Some(p), _) => Some(p),
                    (None, Some(src)) => {
                        src.parent_id.map(|id| self.get::<Unit>(id)).transpose()?
                    }
                    (None, None) => None,
                };
                let kind = match (&source, &p) {
                    (Some(src), _) => src.kind,
                    (None, Some(p)) => p.kind.child().unwrap_or(UnitKind::Team),
                    (None, None) => UnitKind::Office,
                };
                let mut u = Unit {
                    id: 0,
                    code: s.unit_code.clone(),
                    name: s.name.trim().to_string(),
                    kana: s.kana.clone(),
                    parent_id: p.map(|p| p.id),
                    kind,
                    valid_from: Some(day),
                    valid_to: None,
                    version: 0,
                };
                self.insert_as(&mut u, "reorg.create")?;
                touched.insert(u.id);
                Ok(0)
            }
            StepKind::Rename | StepKind::Move => {
                let mut u = self.code_unit(&s.unit_code)?;
                self.end_version(&u, day)?;
                if s.kind == StepKind::Rename {
                    u.name = s.name.trim().to_string();
                    u.kana = s.kana.clone();
                } else {
                    u.parent_id = parent(&s.parent_code)?.map(|p| p.id);
                    touched.insert(u.id);
                }
                self.update_as(&mut u, "reorg.version")?;
                Ok(0)
            }
            StepKind::Merge | StepKind::Abolish => {
                let mut u = self.code_unit(&s.unit_code)?;
                let to = parent(&s.other_code)?;
                let people: Vec<Staff> = self.all(
                    vec![
                        Filter::eq("unit_id", u.id),
                        Filter::new("status", Op::Ne, StaffStatus::Retired.code()),
                    ],
                    "staff_no",
                )?;
                let n = people.len();
                if let Some(to) = &to {
                    for p in people {
                        self.move_person(&p, to.id, plan, today)?;
                    }
                    touched.insert(to.id);
                } else if n > 0 {
                    return Err(rule("unit_code", "reorg_has_problems"));
                }
                u.valid_to = Some(day);
                self.update_as(&mut u, "reorg.abolish")?;
                Ok(n)
            }
            StepKind::Place => {
                let to = self.code_unit(&s.unit_code)?;
                let p: Staff = self.get(s.staff_id.unwrap_or(0))?;
                touched.insert(p.unit_id);
                touched.insert(to.id);
                self.move_person(&p, to.id, plan, today)?;
                Ok(1)
            }
        }
    }

    /// A new post for a person in `unit` from the plan's day, in the same position.
    fn move_person(&self, p: &Staff, unit: Id, plan: &ReorgPlan, today: Date) -> Result<()> {
        let post = NewPost {
            unit_id: unit,
            position: p.position,
            start: plan.effective_on,
            reason: Reason::Transfer,
            note: plan.name.clone(),
        };
        self.set_post(p.id, &post, today, &REORG).map(|_| ())
    }
}
