//! The check of a transfer plan before it is applied (`check_plan`): each rule one
//! function over the plan's moves and the ward as it stands, nothing written. The ward
//! after the plan is computed, not applied: who heads each unit once the movers have
//! moved, and from that everyone's supervisor, found as `Db::supervisor_for` finds it
//! (the nearest active head above, the lowest staff number first) — a test holds the two
//! equal, so that the warning lists exactly the supervisors the round will change.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::machine::record::record;
use super::transfer::head_position;
use super::{Db, Result};
use crate::domain::plan_check::{
    Arg, JobFit, PlanProblem, PlanRule, Severity, over_posts, post_class, sort_problems,
};
use crate::domain::staff::{JobType, Position, Staff, StaffStatus};
use crate::domain::transfer::{TransferMove, TransferPlan};
use crate::domain::unit::Unit;
use crate::domain::{Date, FiscalYear, Id};

record!(JobFit, "job_fits", [job_type, unit_id]);

impl Db {
    /// The ward's table of where each job type works, by job type then unit.
    pub fn job_fits(&self) -> Result<Vec<JobFit>> {
        let mut v: Vec<JobFit> = self.all(vec![], "id")?;
        v.sort_by_key(|f| (f.job_type, f.unit_id));
        Ok(v)
    }
}

// --- Sources that parts 1–3 of issue 20 replace. Each rule below reads the ward only
// --- through these, so that swapping one in changes no rule.

/// Whether a person is away (休職・休業・派遣) on `day`.
// Part 2 (leave as periods) replaces this with the person's leave on the day.
fn away_on(s: &Staff, _day: Date) -> bool {
    matches!(s.status, StaffStatus::Leave | StaffStatus::Seconded)
}

/// The day a person leaves the ward, when that is before `day`.
// Part 1 (定年) adds the 定年退職日: this takes the earlier of it and `retire_date`.
fn leaves_before(s: &Staff, day: Date) -> Option<Date> {
    match (s.status, s.retire_date) {
        (_, Some(r)) if r < day => Some(r),
        (StaffStatus::Retired, r) => Some(r.unwrap_or(day)),
        _ => None,
    }
}

impl Db {
    /// The 定数 of a unit for a class of post in a fiscal year.
    // Part 3 (定数) replaces this with the ward's posts; until then no unit has any and
    // the rule over 定数 is silent.
    fn posts_of(&self, _unit: Id, _class: &'static str, _fy: FiscalYear) -> Result<Option<i64>> {
        Ok(None)
    }
}

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
            person_rules(&ward, &fits, &plan, m, s, &mut found);
        }
        self.head_rules(&ward, &mut found)?;
        self.supervisor_rule(&ward, &mut found)?;
        self.posts_rule(&ward, plan.effective_on.fiscal_year(), &mut found)?;
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

    /// Everyone not moved whose supervisor the plan changes: the people of every unit a
    /// mover leaves or joins, and of the units below.
    fn supervisor_rule(&self, ward: &Ward, found: &mut Found) -> Result<()> {
        let movers: BTreeSet<Id> = ward.people.iter().map(|s| s.id).collect();
        let mut touched: BTreeSet<Id> = BTreeSet::new();
        for (m, s) in ward.moves.iter().zip(ward.people) {
            touched.insert(m.to_unit_id);
            touched.insert(s.unit_id);
        }
        let mut units: BTreeSet<Id> = BTreeSet::new();
        for u in touched {
            units.extend(self.unit_subtree(u)?);
        }
        let mut st = self.conn().prepare_cached(
            "SELECT id, staff_no, family_name || ' ' || given_name, unit_id, position,
                    supervisor_id
             FROM staff WHERE unit_id = ?1 AND status = 'active' ORDER BY staff_no",
        )?;
        let mut names: HashMap<Id, String> = HashMap::new();
        for u in units {
            let seats = st
                .query_map([u], |r| {
                    Ok(Seat {
                        id: r.get(0)?,
                        no: r.get(1)?,
                        name: r.get(2)?,
                        unit: r.get(3)?,
                        position: super::machine::col::get(r, 4)?,
                        supervisor: r.get(5)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            for p in seats {
                if movers.contains(&p.id) {
                    continue;
                }
                let after = ward.supervisor_after(p.id, p.unit, p.position);
                if after == p.supervisor {
                    continue;
                }
                let from = self.known_as(p.supervisor, &mut names)?;
                let to = self.known_as(after, &mut names)?;
                found.add(
                    &p.no,
                    Some(p.id),
                    PlanRule::SupervisorChange,
                    vec![
                        ("name", Arg::Text(p.known_as())),
                        ("from", Arg::Text(from)),
                        ("to", Arg::Text(to)),
                    ],
                );
            }
        }
        Ok(())
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

    /// Units and classes the plan puts over their 定数.
    fn posts_rule(&self, ward: &Ward, fy: FiscalYear, found: &mut Found) -> Result<()> {
        let mut changes: BTreeMap<(Id, &'static str), i64> = BTreeMap::new();
        for (m, s) in ward.moves.iter().zip(ward.people) {
            let (from, to) = (
                (s.unit_id, post_class(s.position)),
                (m.to_unit_id, post_class(m.to_position)),
            );
            if from != to {
                if s.status == StaffStatus::Active {
                    *changes.entry(from).or_default() -= 1;
                }
                *changes.entry(to).or_default() += 1;
            }
        }
        let mut posts = HashMap::new();
        let mut now = HashMap::new();
        for (&(unit, class), delta) in &changes {
            if *delta > 0
                && let Some(n) = self.posts_of(unit, class, fy)?
            {
                posts.insert((unit, class), n);
                now.insert((unit, class), self.staff_in_class(unit, class)?);
            }
        }
        let over = over_posts(
            &changes,
            |u, c| now.get(&(u, c)).copied().unwrap_or(0),
            |u, c| posts.get(&(u, c)).copied(),
        );
        for (unit, class, after, limit) in over {
            let code = ward
                .units
                .get(&unit)
                .map(|u| u.code.clone())
                .unwrap_or_default();
            found.add(
                &code,
                None,
                PlanRule::OverPosts,
                vec![
                    ("unit", Arg::Text(ward.unit_name(unit))),
                    ("class", Arg::Label("post_class", class)),
                    ("after", Arg::Num(after)),
                    ("posts", Arg::Num(limit)),
                ],
            );
        }
        Ok(())
    }

    /// The active people of a unit in a class of post.
    fn staff_in_class(&self, unit: Id, class: &'static str) -> Result<i64> {
        let mut n = 0;
        let mut st = self.conn().prepare_cached(
            "SELECT count(*) FROM staff WHERE unit_id = ?1 AND position = ?2 AND status = 'active'",
        )?;
        for p in Position::ALL.iter().filter(|p| post_class(**p) == class) {
            n += st.query_row(rusqlite::params![unit, p.code()], |r| r.get::<_, i64>(0))?;
        }
        Ok(n)
    }
}

/// The rules about one mover: away, leaving, a grade that does not fit, a job type that
/// does not fit the unit.
fn person_rules(
    ward: &Ward,
    fits: &HashMap<JobType, BTreeSet<Id>>,
    plan: &TransferPlan,
    m: &TransferMove,
    s: &Staff,
    found: &mut Found,
) {
    let day = plan.effective_on;
    let name = Arg::Text(s.full_name());
    let subject = s.staff_no.as_str();
    if away_on(s, day) {
        found.add(
            subject,
            Some(s.id),
            PlanRule::OnLeave,
            vec![
                ("name", name.clone()),
                ("status", Arg::Label("status", s.status.code())),
            ],
        );
    }
    if let Some(on) = leaves_before(s, day) {
        found.add(
            subject,
            Some(s.id),
            PlanRule::Retiring,
            vec![("name", name.clone()), ("date", Arg::Date(on))],
        );
    }
    let grade = m.to_grade.unwrap_or(s.grade);
    let (lo, hi) = m.to_position.grades();
    if (m.to_position != s.position || m.to_grade.is_some()) && !(lo..=hi).contains(&grade) {
        found.add(
            subject,
            Some(s.id),
            PlanRule::GradeMissing,
            vec![
                ("name", name.clone()),
                ("position", Arg::Label("position", m.to_position.code())),
                ("grade", Arg::Num(grade)),
                ("min", Arg::Num(lo)),
                ("max", Arg::Num(hi)),
            ],
        );
    }
    if m.to_unit_id != s.unit_id
        && let Some(units) = fits.get(&s.job_type)
        && !ward.upward(m.to_unit_id).any(|u| units.contains(&u.id))
    {
        found.add(
            subject,
            Some(s.id),
            PlanRule::JobType,
            vec![
                ("name", name),
                ("job_type", Arg::Label("job_type", s.job_type.code())),
                ("unit", Arg::Text(ward.unit_name(m.to_unit_id))),
            ],
        );
    }
}

impl Db {
    /// Two heads in one unit after the plan (where a mover arrives as its head), and a unit
    /// whose head leaves with nobody in.
    fn head_rules(&self, ward: &Ward, found: &mut Found) -> Result<()> {
        let mut names: HashMap<Id, String> = HashMap::new();
        let mut seen = BTreeSet::new();
        for m in ward.moves {
            let Some(pos) = ward.head_of(m.to_unit_id).filter(|p| *p == m.to_position) else {
                continue;
            };
            let Some(h) = ward.after.get(&(m.to_unit_id, pos)) else {
                continue;
            };
            if h.len() >= 2 && seen.insert(m.to_unit_id) {
                let heads = h
                    .iter()
                    .map(|(_, id)| self.known_as(Some(*id), &mut names))
                    .collect::<Result<Vec<_>>>()?
                    .join("、");
                let u = &ward.units[&m.to_unit_id];
                found.add(
                    &u.code,
                    None,
                    PlanRule::TwoHeads,
                    vec![
                        ("unit", Arg::Text(u.name.clone())),
                        ("position", Arg::Label("position", pos.code())),
                        ("heads", Arg::Text(heads)),
                    ],
                );
            }
        }
        let mut seen = BTreeSet::new();
        for (m, s) in ward.moves.iter().zip(ward.people) {
            let Some(pos) = ward.head_of(s.unit_id).filter(|p| *p == s.position) else {
                continue;
            };
            let leaves = (m.to_unit_id, m.to_position) != (s.unit_id, s.position);
            let had = ward
                .before
                .get(&(s.unit_id, pos))
                .is_some_and(|h| !h.is_empty());
            let has = ward
                .after
                .get(&(s.unit_id, pos))
                .is_some_and(|h| !h.is_empty());
            if leaves && had && !has && seen.insert(s.unit_id) {
                let u = &ward.units[&s.unit_id];
                found.add(
                    &u.code,
                    None,
                    PlanRule::NoHead,
                    vec![
                        ("unit", Arg::Text(u.name.clone())),
                        ("position", Arg::Label("position", pos.code())),
                        (
                            "name",
                            Arg::Text(format!("{} {}", s.staff_no, s.full_name())),
                        ),
                    ],
                );
            }
        }
        Ok(())
    }
}
