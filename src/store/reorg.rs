//! Reorganisations (組織改正): plans of steps kept by the HR office, checked, and applied
//! in one transaction on their day — renames and moves keep the version they end,
//! abolished units close with their people given new posts, and the supervisors of every
//! unit touched are set again as after a transfer round.

use std::collections::{BTreeMap, BTreeSet};

use super::flow::Actor;
use super::machine::record::record;
use super::posts::{NewPost, PostActions};
use super::{Db, Filter, Op, Result, StoreError, rule};
use crate::domain::assignment::Reason;
use crate::domain::reorg::{
    Checked, Ground, Issue, ReorgPlan, ReorgStep, StepKind, UnitVersion, check_steps,
};
use crate::domain::staff::{Staff, StaffStatus};
use crate::domain::transfer::PlanState;
use crate::domain::unit::{Unit, UnitKind};
use crate::domain::{Date, Id, Invalid, Problem};

record!(
    UnitVersion,
    "unit_versions",
    [unit_id, name, kana, parent_id, kind, valid_from, valid_to]
);
record!(
    ReorgPlan,
    "reorg_plans",
    [name, effective_on, state, note, applied_on],
    {
        fn check_stored(&self, db: &Db) -> Result<()> {
            // Only a draft changes: an applied plan is history, a discarded one set aside.
            if self.id != 0 {
                db.draft_reorg(self.id)?;
            }
            Ok(())
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

/// How the moves of an abolished unit's people are audited.
const REORG: PostActions = PostActions {
    close: "reorg.close",
    open: "insert",
    update: "update",
    follow: "reorg.move",
};

impl Db {
    fn reorg_hr(&self, who: Actor) -> Result<()> {
        if who.hr() {
            Ok(())
        } else {
            Err(rule("plan", "reorg_hr_only"))
        }
    }

    pub fn reorg_plans(&self) -> Result<Vec<ReorgPlan>> {
        self.all(vec![], "id")
    }

    pub fn reorg_steps(&self, plan_id: Id) -> Result<Vec<ReorgStep>> {
        self.all(vec![Filter::eq("plan_id", plan_id)], "seq")
    }

    fn draft_reorg(&self, plan_id: Id) -> Result<ReorgPlan> {
        let p: ReorgPlan = self.get(plan_id)?;
        match p.state {
            PlanState::Draft => Ok(p),
            PlanState::Applied => Err(rule("plan", "plan_applied")),
            PlanState::Discarded => Err(rule("plan", "plan_discarded")),
        }
    }

    /// A new draft plan (HR).
    pub fn new_reorg_plan(&self, name: &str, effective_on: Date, who: Actor) -> Result<ReorgPlan> {
        self.reorg_hr(who)?;
        let mut p = ReorgPlan {
            id: 0,
            name: name.trim().to_string(),
            effective_on,
            state: PlanState::Draft,
            note: String::new(),
            applied_on: None,
            version: 0,
        };
        self.insert(&mut p)?;
        Ok(p)
    }

    /// Adds a step at the end of a draft plan (its `seq` is set), or saves an edited one.
    pub fn put_reorg_step(&self, s: &mut ReorgStep, who: Actor) -> Result<()> {
        self.reorg_hr(who)?;
        self.write(|| {
            self.draft_reorg(s.plan_id)?;
            if s.id != 0 {
                let before: ReorgStep = self.get(s.id)?;
                self.draft_reorg(before.plan_id)?;
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
        self.reorg_hr(who)?;
        self.write(|| {
            let s: ReorgStep = self.get(id)?;
            self.draft_reorg(s.plan_id)?;
            self.delete::<ReorgStep>(id, version)
        })
    }

    /// Deletes a draft plan and its steps (HR); applied and discarded plans are kept.
    pub fn delete_reorg_plan(&self, plan_id: Id, version: i64, who: Actor) -> Result<()> {
        self.reorg_hr(who)?;
        self.write(|| {
            self.draft_reorg(plan_id)?;
            for s in self.reorg_steps(plan_id)? {
                self.delete::<ReorgStep>(s.id, s.version)?;
            }
            self.delete::<ReorgPlan>(plan_id, version)
        })
    }

    /// Sets a draft plan aside; it stays for the record.
    pub fn discard_reorg_plan(&self, plan_id: Id, who: Actor) -> Result<ReorgPlan> {
        self.reorg_hr(who)?;
        self.write(|| {
            let mut p = self.draft_reorg(plan_id)?;
            p.state = PlanState::Discarded;
            self.update_as(&mut p, "reorg.discard")?;
            Ok(p)
        })
    }

    /// Active people per unit.
    fn people_per_unit(&self) -> Result<BTreeMap<Id, usize>> {
        let mut st = self.conn().prepare_cached(
            "SELECT unit_id, count(*) FROM staff WHERE status <> 'retired' GROUP BY unit_id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((r.get::<_, Id>(0)?, r.get::<_, i64>(1)? as usize))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every problem of a plan, and how many people it would move.
    pub fn check_reorg_plan(&self, plan_id: Id) -> Result<Checked> {
        let plan: ReorgPlan = self.get(plan_id)?;
        let steps = self.reorg_steps(plan_id)?;
        let units = self.units()?;
        let people = self.people_per_unit()?;
        let mut placed = BTreeMap::new();
        for id in steps.iter().filter_map(|s| s.staff_id) {
            let p: Option<Staff> = self.find(id)?;
            let entry = match p {
                Some(p) => {
                    let at = (p.status != StaffStatus::Retired).then_some(p.unit_id);
                    (p.staff_no, at)
                }
                None => (id.to_string(), None),
            };
            placed.insert(id, entry);
        }
        let ground = Ground {
            units: &units,
            people: &people,
            placed: &placed,
        };
        let mut checked = check_steps(plan.effective_on, &ground, &steps);
        let issues = &mut checked.issues;
        if steps.is_empty() {
            issues.push(Issue {
                subject: format!("#{}", plan.id),
                rule: "reorg_empty",
                count: 0,
                other: String::new(),
            });
        }
        // A unit's versions follow one another: a step may not take effect before the
        // last change already made to it.
        let by_code: BTreeMap<&str, &Unit> = units.iter().map(|u| (u.code.as_str(), u)).collect();
        for s in &steps {
            if let Some(u) = by_code.get(s.unit_code.as_str())
                && let Some(last) = self.last_version_end(u.id)?
                && last > plan.effective_on
            {
                issues.push(Issue {
                    subject: s.unit_code.clone(),
                    rule: "reorg_before_version",
                    count: 0,
                    other: last.iso(),
                });
            }
        }
        Ok(checked)
    }

    /// The day the unit's latest ended version ended, if it has one.
    fn last_version_end(&self, unit_id: Id) -> Result<Option<Date>> {
        let d: Option<String> = self.conn().query_row(
            "SELECT max(valid_to) FROM unit_versions WHERE unit_id = ?1",
            [unit_id],
            |r| r.get(0),
        )?;
        Ok(d.and_then(|d| d.parse().ok()))
    }

    /// Applies a draft plan (HR) on or after its day, all or nothing, refusing it while its
    /// check finds a problem. Returns how many people moved.
    pub fn apply_reorg_plan(&self, plan_id: Id, who: Actor, today: Date) -> Result<usize> {
        self.reorg_hr(who)?;
        self.write(|| {
            let mut plan = self.draft_reorg(plan_id)?;
            if today < plan.effective_on {
                return Err(rule("reorg_effective_on", "reorg_not_yet"));
            }
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
            plan.state = PlanState::Applied;
            plan.applied_on = Some(today);
            self.update_as(&mut plan, "reorg.apply")?;
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

    /// Keeps the unit's version in force as one that ends on `day`.
    fn end_version(&self, u: &Unit, day: Date) -> Result<()> {
        let from = self.last_version_end(u.id)?.or(u.valid_from);
        let mut v = UnitVersion {
            id: 0,
            unit_id: u.id,
            name: u.name.clone(),
            kana: u.kana.clone(),
            parent_id: u.parent_id,
            kind: u.kind,
            valid_from: from,
            valid_to: day,
            version: 0,
        };
        self.insert(&mut v)
    }

    /// A unit's ended versions, oldest first.
    pub fn unit_versions(&self, unit_id: Id) -> Result<Vec<UnitVersion>> {
        self.all(vec![Filter::eq("unit_id", unit_id)], "valid_to")
    }

    /// The unit as it was on `day`: its name, reading, parent and kind then (`None` for a
    /// unit not founded by then or abolished by then).
    pub fn unit_as_of(&self, unit_id: Id, day: Date) -> Result<Option<Unit>> {
        let Some(mut u) = self.find::<Unit>(unit_id)? else {
            return Ok(None);
        };
        if !u.founded_by(day) || u.valid_to.is_some_and(|to| to <= day) {
            return Ok(None);
        }
        if let Some(v) = self
            .unit_versions(unit_id)?
            .into_iter()
            .find(|v| v.valid_to > day)
        {
            (u.name, u.kana, u.parent_id, u.kind) = (v.name, v.kana, v.parent_id, v.kind);
        }
        Ok(Some(u))
    }
}
