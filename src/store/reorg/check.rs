//! A reorganisation's check: every problem of a plan before it is applied, and how many
//! people it would move.

use std::collections::BTreeMap;

use crate::domain::Id;
use crate::domain::reorg::{Checked, Ground, Issue, ReorgPlan, check_steps};
use crate::domain::staff::{Staff, StaffStatus};
use crate::domain::unit::Unit;
use crate::store::{Db, Result};

impl Db {
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
}
