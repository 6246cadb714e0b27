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

/// Who heads a unit: the holders of its head position by a main post, by number, and
/// whoever holds it beside a main post (兼務, 事務取扱, 事務代理) — the head when no main
/// holder is left, as `Db::supervisor_on` reads a unit's head.
#[derive(Debug, Clone, Default)]
struct Held {
    main: BTreeSet<(String, Id)>,
    beside: Option<Id>,
}

impl Held {
    /// The head, other than `except`: a main holder first.
    fn head_but(&self, except: Id) -> Option<Id> {
        self.main
            .iter()
            .map(|(_, id)| *id)
            .find(|h| *h != except)
            .or(self.beside.filter(|h| *h != except))
    }

    fn is_headed(&self) -> bool {
        !self.main.is_empty() || self.beside.is_some()
    }
}

/// Who heads which unit: (unit, head position) → its holders.
type Heads = HashMap<(Id, Position), Held>;

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
                && let Some(head) = self.after.get(&(u.id, pos)).and_then(|h| h.head_but(id))
            {
                return Some(head);
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
        let ward = self.ward_around(&moves, &people, plan.effective_on)?;
        let fits = self.job_fit_table()?;
        let kinds = self.exam_kinds()?;
        for (m, s) in moves.iter().zip(&people) {
            let away = away_on(&self.leaves_of(s.id)?, s, plan.effective_on);
            person_rules(&ward, &fits, &plan, (m, s, away), &mut found);
            self.selection_rule(&kinds, plan.effective_on, (m, s), &mut found)?;
        }
        self.head_rules(&ward, &mut found)?;
        self.supervisor_rule(&ward, &mut found)?;
        self.posts_rule(&ward, plan.effective_on, &mut found)?;
        let mut list = found.list;
        sort_problems(&mut list);
        Ok(list)
    }

    /// The units, and the heads before and after the plan. Before: each unit's head on
    /// the plan's day as `Db::unit_head` finds it (by any kind of post), kept as a main
    /// holder when it is their staff row's post, else as held beside one. After: the
    /// movers leave their main posts and take the new ones; posts beside a main one stay
    /// (the round does not end them).
    fn ward_around<'a>(
        &self,
        moves: &'a [TransferMove],
        people: &'a [Staff],
        day: Date,
    ) -> Result<Ward<'a>> {
        let units: HashMap<Id, Unit> = self
            .all::<Unit>(vec![], "id")?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        let mut before = Heads::new();
        for u in units.values() {
            let Some(pos) = head_position(u.kind) else {
                continue;
            };
            let Some(head) = self.unit_head(u.id, day)? else {
                continue;
            };
            let h: Staff = self.get(head)?;
            let held = before.entry((u.id, pos)).or_default();
            if (h.unit_id, h.position) == (u.id, pos) {
                held.main.insert((h.staff_no, h.id));
            } else {
                held.beside = Some(h.id);
            }
        }
        let mut after = before.clone();
        for (m, s) in moves.iter().zip(people) {
            if let Some(h) = after.get_mut(&(s.unit_id, s.position)) {
                h.main.remove(&(s.staff_no.clone(), s.id));
            }
            if s.status == StaffStatus::Active {
                after
                    .entry((m.to_unit_id, m.to_position))
                    .or_default()
                    .main
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

impl Db {
    /// The moves of every draft plan that its check (as of `today`) finds a problem in:
    /// a mover's own problem, or the unit problem their move causes. For the marks of
    /// the plan's move list (`views::Flagged`).
    pub fn flagged_moves(&self, today: Date) -> Result<crate::store::views::Flagged> {
        let mut errors = BTreeSet::new();
        let mut warnings = BTreeSet::new();
        for plan in self.transfer_plans()? {
            if plan.state != crate::domain::transfer::PlanState::Draft {
                continue;
            }
            let moves: HashMap<Id, Id> = self
                .transfer_moves(plan.id)?
                .into_iter()
                .map(|m| (m.staff_id, m.id))
                .collect();
            for p in self.check_plan(plan.id, today)? {
                let Some(&m) = p.staff_id.and_then(|s| moves.get(&s)) else {
                    continue;
                };
                if p.is_error() {
                    errors.insert(m);
                } else {
                    warnings.insert(m);
                }
            }
        }
        let warnings = warnings.difference(&errors).copied().collect();
        Ok(crate::store::views::Flagged {
            errors: errors.into_iter().collect(),
            warnings,
        })
    }
}
