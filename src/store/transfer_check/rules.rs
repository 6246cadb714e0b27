//! The rules of the plan check, each one function over the ward around the plan.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Found, Seat, Ward};
use crate::domain::plan_check::{Arg, PlanRule, over_posts};
use crate::domain::post::{PostClass, counted_class};
use crate::domain::staff::{JobType, Staff, StaffStatus};
use crate::domain::transfer::{TransferMove, TransferPlan};
use crate::domain::{Date, Id};
use crate::store::{Db, Result};

impl Db {
    /// Everyone not moved whose supervisor the plan changes: the people of every unit a
    /// mover leaves or joins, and of the units below.
    pub(super) fn supervisor_rule(&self, ward: &Ward, found: &mut Found) -> Result<()> {
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
                        position: crate::store::machine::col::get(r, 4)?,
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

    /// Units and classes the plan puts over their 定数: 現員 the day before the plan, as
    /// the 定数・現員 view counts it, with the plan's arrivals and departures.
    pub(super) fn posts_rule(&self, ward: &Ward, day: Date, found: &mut Found) -> Result<()> {
        let mut changes: BTreeMap<(Id, PostClass), i64> = BTreeMap::new();
        for (m, s) in ward.moves.iter().zip(ward.people) {
            let (from, to) = (
                (s.unit_id, counted_class(s.position, s.employment_kind)),
                (
                    m.to_unit_id,
                    counted_class(m.to_position, s.employment_kind),
                ),
            );
            if from != to {
                if s.status == StaffStatus::Active {
                    *changes.entry(from).or_default() -= 1;
                }
                *changes.entry(to).or_default() += 1;
            }
        }
        let arriving: Vec<Id> = changes
            .iter()
            .filter(|(_, d)| **d > 0)
            .map(|((u, _), _)| *u)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut posts = HashMap::new();
        let mut now = HashMap::new();
        if !arriving.is_empty() {
            for c in self.posts_as_of(day.add_days(-1), Some(&arriving))? {
                now.insert((c.unit_id, c.class), c.present);
            }
            let fy = day.fiscal_year();
            for &(unit, class) in changes.keys() {
                if let Some(p) = self.unit_post(unit, fy, class)? {
                    posts.insert((unit, class), p.count);
                }
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
                    ("class", Arg::Label("post_class", class.code())),
                    ("after", Arg::Num(after)),
                    ("posts", Arg::Num(limit)),
                ],
            );
        }
        Ok(())
    }
}

/// The rules about one mover: away, leaving, a grade that does not fit, a job type that
/// does not fit the unit.
pub(super) fn person_rules(
    ward: &Ward,
    fits: &HashMap<JobType, BTreeSet<Id>>,
    plan: &TransferPlan,
    (m, s, away): (&TransferMove, &Staff, Option<Arg>),
    found: &mut Found,
) {
    let day = plan.effective_on;
    let name = Arg::Text(s.full_name());
    let subject = s.staff_no.as_str();
    if let Some(what) = away {
        found.add(
            subject,
            Some(s.id),
            PlanRule::OnLeave,
            vec![("name", name.clone()), ("status", what)],
        );
    }
    if let Some(on) = s.leaves_before(day) {
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
    /// A promotion to a position the ward selects for (昇任選考) of someone who does not
    /// stand on that selection's pool of passers on the plan's day.
    pub(super) fn selection_rule(
        &self,
        kinds: &[crate::domain::exam::ExamKind],
        day: Date,
        (m, s): (&TransferMove, &Staff),
        found: &mut Found,
    ) -> Result<()> {
        if m.to_position.rank() >= s.position.rank() {
            return Ok(());
        }
        let Some(kind) = kinds.iter().find(|k| k.to_position == m.to_position) else {
            return Ok(());
        };
        if self
            .pooled_kind(s.id, day)?
            .is_some_and(|p| p.id == kind.id)
        {
            return Ok(());
        }
        found.add(
            &s.staff_no,
            Some(s.id),
            PlanRule::NotSelected,
            vec![
                ("name", Arg::Text(s.full_name())),
                ("position", Arg::Label("position", m.to_position.code())),
                ("exam", Arg::Text(kind.name.clone())),
            ],
        );
        Ok(())
    }

    /// Two heads in one unit after the plan (where a mover arrives as its head), and a unit
    /// whose head leaves with nobody in.
    pub(super) fn head_rules(&self, ward: &Ward, found: &mut Found) -> Result<()> {
        let mut names: HashMap<Id, String> = HashMap::new();
        let mut seen = BTreeSet::new();
        for m in ward.moves {
            let Some(pos) = ward.head_of(m.to_unit_id).filter(|p| *p == m.to_position) else {
                continue;
            };
            let Some(h) = ward.after.get(&(m.to_unit_id, pos)) else {
                continue;
            };
            if h.main.len() >= 2 && seen.insert(m.to_unit_id) {
                let heads = h
                    .main
                    .iter()
                    .map(|(_, id)| self.known_as(Some(*id), &mut names))
                    .collect::<Result<Vec<_>>>()?
                    .join("、");
                let u = &ward.units[&m.to_unit_id];
                // The unit's problem, marked on the move that makes it.
                found.add(
                    &u.code,
                    Some(m.staff_id),
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
                .is_some_and(|h| h.is_headed());
            let has = ward
                .after
                .get(&(s.unit_id, pos))
                .is_some_and(|h| h.is_headed());
            if leaves && had && !has && seen.insert(s.unit_id) {
                let u = &ward.units[&s.unit_id];
                found.add(
                    &u.code,
                    Some(s.id),
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
