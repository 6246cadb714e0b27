//! The check of a transfer plan before it is applied (`check_plan`): each rule one
//! function over the plan's moves and the ward as it stands, nothing written. The ward
//! after the plan is computed, not applied: who heads each unit once the movers have
//! moved, and from that everyone's supervisor, found as `Db::supervisor_for` finds it
//! (the nearest active head above, the lowest staff number first) — a test holds the two
//! equal, so that the warning lists exactly the supervisors the round will change.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::heads::head_position;
use super::machine::record::record;
use super::{Db, Result};
use crate::domain::plan_check::{Arg, JobFit, PlanProblem, PlanRule, Severity, sort_problems};
use crate::domain::staff::{JobType, Position, Staff, StaffStatus};
use crate::domain::transfer::{TransferMove, TransferPlan};
use crate::domain::unit::Unit;
use crate::domain::{Date, Id};

record!(JobFit, "job_fits", [job_type, unit_id]);

impl Db {
    /// The ward's table of where each job type works, by job type then unit.
    pub fn job_fits(&self) -> Result<Vec<JobFit>> {
        let mut v: Vec<JobFit> = self.all(vec![], "id")?;
        v.sort_by_key(|f| (f.job_type, f.unit_id));
        Ok(v)
    }
}

mod rules;
mod sources;

use rules::person_rules;
use sources::away_on;

/// The problems found so far, each given the severity the ward sets for its rule.
struct Found {
    severity: BTreeMap<PlanRule, Severity>,
    list: Vec<PlanProblem>,
}

impl Found {
    fn add(
        &mut self,
        subject: &str,
        staff_id: Option<Id>,
        rule: PlanRule,
        args: Vec<(&'static str, Arg)>,
    ) {
        self.list.push(PlanProblem {
            subject: subject.to_string(),
            staff_id,
            rule,
            severity: self
                .severity
                .get(&rule)
                .copied()
                .unwrap_or(rule.default_severity()),
            args,
        });
    }
}

/// Someone the check places: their number and name, and where they sit.
#[derive(Debug, Clone)]
struct Seat {
    id: Id,
    no: String,
    name: String,
    unit: Id,
    position: Position,
    supervisor: Option<Id>,
}

impl Seat {
    fn known_as(&self) -> String {
        format!("{} {}", self.no, self.name)
    }
}

/// Who heads which unit: (unit, head position) → the active people holding it, by number.
type Heads = HashMap<(Id, Position), BTreeSet<(String, Id)>>;

/// The ward around a plan: its units, its heads before and after, the movers.
struct Ward<'a> {
    units: HashMap<Id, Unit>,
    moves: &'a [TransferMove],
    people: &'a [Staff],
    before: Heads,
    after: Heads,
}

impl Ward<'_> {
    fn unit_name(&self, id: Id) -> String {
        self.units
            .get(&id)
            .map(|u| u.name.clone())
            .unwrap_or_default()
    }

    fn head_of(&self, unit: Id) -> Option<Position> {
        self.units.get(&unit).and_then(|u| head_position(u.kind))
    }

    /// The unit and its ancestors, nearest first.
    fn upward(&self, unit: Id) -> impl Iterator<Item = &Unit> {
        let mut next = self.units.get(&unit);
        let mut left = 16;
        std::iter::from_fn(move || {
            let u = next.filter(|_| left > 0)?;
            left -= 1;
            next = u.parent_id.and_then(|p| self.units.get(&p));
            Some(u)
        })
    }

    /// The supervisor of someone sitting at `unit` as `position` once the plan is applied.
    fn supervisor_after(&self, id: Id, unit: Id, position: Position) -> Option<Id> {
        for u in self.upward(unit) {
            if let Some(pos) = head_position(u.kind)
                && position.rank() > pos.rank()
                && let Some(h) = self.after.get(&(u.id, pos))
                && let Some((_, head)) = h.iter().find(|(_, h)| *h != id)
            {
                return Some(*head);
            }
        }
        None
    }
}

impl Db {
    /// Every problem of a plan were it applied on its day, errors first. Nothing is
    /// written.
    pub fn check_plan(&self, plan_id: Id, today: Date) -> Result<Vec<PlanProblem>> {
        let plan: TransferPlan = self.get(plan_id)?;
        let moves = self.transfer_moves(plan_id)?;
        let people = moves
            .iter()
            .map(|m| self.get::<Staff>(m.staff_id))
            .collect::<Result<Vec<_>>>()?;
        let mut found = Found {
            severity: self.plan_severities()?,
            list: Vec::new(),
        };
        if plan.effective_on < today {
            found.add(
                &format!("#{}", plan.id),
                None,
                PlanRule::DatePast,
                vec![
                    ("date", Arg::Date(plan.effective_on)),
                    ("today", Arg::Date(today)),
                ],
            );
        }
        let ward = self.ward_around(&moves, &people)?;
        let fits = self.job_fit_table()?;
        for (m, s) in moves.iter().zip(&people) {
            let away = away_on(&self.leaves_of(s.id)?, s, plan.effective_on);
            person_rules(&ward, &fits, &plan, (m, s, away), &mut found);
        }
        self.head_rules(&ward, &mut found)?;
        self.supervisor_rule(&ward, &mut found)?;
        self.posts_rule(&ward, plan.effective_on, &mut found)?;
        let mut list = found.list;
        sort_problems(&mut list);
        Ok(list)
    }

    /// The units, and the heads before and after the plan.
    fn ward_around<'a>(&self, moves: &'a [TransferMove], people: &'a [Staff]) -> Result<Ward<'a>> {
        let units: HashMap<Id, Unit> = self
            .all::<Unit>(vec![], "id")?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        let mut before = Heads::new();
        let mut st = self.conn().prepare_cached(
            "SELECT id, staff_no, unit_id, position FROM staff
             WHERE status = 'active' AND position IN ('director', 'section_chief', 'team_chief')",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Id>(2)?,
                super::machine::col::get::<Position>(r, 3)?,
            ))
        })?;
        for row in rows {
            let (id, no, unit, pos) = row?;
            before.entry((unit, pos)).or_default().insert((no, id));
        }
        let mut after = before.clone();
        for (m, s) in moves.iter().zip(people) {
            if let Some(h) = after.get_mut(&(s.unit_id, s.position)) {
                h.remove(&(s.staff_no.clone(), s.id));
            }
            if s.status == StaffStatus::Active {
                after
                    .entry((m.to_unit_id, m.to_position))
                    .or_default()
                    .insert((s.staff_no.clone(), s.id));
            }
        }
        Ok(Ward {
            units,
            moves,
            people,
            before,
            after,
        })
    }

    /// The ward's table of job types and the units (with their subtrees) each works in.
    pub(crate) fn job_fit_table(&self) -> Result<HashMap<JobType, BTreeSet<Id>>> {
        let mut st = self
            .conn()
            .prepare_cached("SELECT job_type, unit_id FROM job_fits")?;
        let rows = st.query_map([], |r| {
            Ok((
                super::machine::col::get::<JobType>(r, 0)?,
                r.get::<_, Id>(1)?,
            ))
        })?;
        let mut fits: HashMap<JobType, BTreeSet<Id>> = HashMap::new();
        for row in rows {
            let (job, unit) = row?;
            fits.entry(job).or_default().insert(unit);
        }
        Ok(fits)
    }

    /// A person by number and name (`—` for nobody), remembered.
    fn known_as(&self, id: Option<Id>, names: &mut HashMap<Id, String>) -> Result<String> {
        let Some(id) = id else {
            return Ok("—".into());
        };
        if let Some(n) = names.get(&id) {
            return Ok(n.clone());
        }
        let s: Staff = self.get(id)?;
        let n = format!("{} {}", s.staff_no, s.full_name());
        names.insert(id, n.clone());
        Ok(n)
    }
}
