//! The round's records in the demo: the ward's table of where each job type works (from
//! the units' own mix of job types), the 発令 of the last three April rounds, and a second
//! draft for next April with the problems a plan check exists for.

use super::Gen;
use crate::domain::appointment::{Appointment, Wording};
use crate::domain::assignment::Reason;
use crate::domain::date::fiscal_year_start;
use crate::domain::plan_check::JobFit;
use crate::domain::staff::{JobType, Position, Staff, StaffStatus};
use crate::domain::transfer::{PlanState, TransferMove, TransferPlan};
use crate::domain::unit::UnitKind;
use crate::i18n::WARD;
use crate::store::appointments::{Was, orders};
use crate::store::teinen::retirement;
use crate::store::{Filter, Result};

pub fn generate(g: &mut Gen) -> Result<()> {
    issued(g)?;
    problem_plan(g)
}

/// A technical job type works in the teams that employ it and in their sections; office
/// and welfare work anywhere (no rows).
pub(super) fn job_fits(g: &mut Gen) -> Result<()> {
    let mut rows: Vec<JobFit> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for u in &g.org.units {
        for (job, _) in &u.jobs {
            if !job.is_technical() {
                continue;
            }
            let mut at = vec![u.unit.id];
            if let Some(p) = u.parent.map(|p| &g.org.units[p])
                && p.unit.kind == UnitKind::Section
            {
                at.push(p.unit.id);
            }
            for unit_id in at {
                if seen.insert((*job, unit_id)) {
                    rows.push(JobFit {
                        id: 0,
                        job_type: *job,
                        unit_id,
                        version: 0,
                    });
                }
            }
        }
    }
    g.put(&mut rows)
}

/// The 発令 of every post that began on one of the last three 1 Aprils up to today, and
/// of the 定年退職 on the 31 March before each.
fn issued(g: &mut Gen) -> Result<()> {
    let cur = g.today.fiscal_year();
    let aprils: Vec<_> = (cur - 2..=cur)
        .map(fiscal_year_start)
        .filter(|d| *d <= g.today)
        .collect();
    let mut rows: Vec<Appointment> = Vec::new();
    for p in &g.people {
        let s = &p.staff;
        if let Some(day) = s.retire_date.filter(|d| {
            s.status == StaffStatus::Retired
                && Some(*d) == s.retirement_date()
                && aprils.contains(&d.add_days(1))
        }) {
            rows.push(retirement(s, day, &WARD));
        }
        for (i, post) in p.posts.iter().enumerate() {
            if !aprils.contains(&post.start) {
                continue;
            }
            let ou = &g.org.units[post.unit];
            let was = match i.checked_sub(1).map(|j| &p.posts[j]) {
                Some(prev) => Was {
                    unit_id: g.org.units[prev.unit].unit.id,
                    position: prev.position,
                    grade: p.staff.grade,
                },
                None => Was {
                    unit_id: 0,
                    position: post.position,
                    grade: p.staff.grade,
                },
            };
            let m = TransferMove {
                id: 0,
                plan_id: 0,
                staff_id: p.staff.id,
                to_unit_id: ou.unit.id,
                to_position: post.position,
                reason: post.reason,
                note: String::new(),
                to_grade: None,
                version: 0,
            };
            let parent = ou.parent.map(|x| &g.org.units[x].unit);
            for order in orders(&was, &m, &ou.unit, parent) {
                rows.push(Appointment {
                    id: 0,
                    staff_id: p.staff.id,
                    issued_on: post.start,
                    kind: order.kind(),
                    unit_id: Some(ou.unit.id),
                    position: Some(post.position),
                    text: WARD.order(&order),
                    plan_id: None,
                    assignment_id: None,
                    version: 0,
                });
            }
        }
    }
    g.put(&mut rows)
}

/// Next April's B案, drafted beside the first: a 係長 sent to lead a team that has one, a
/// 主事 made 主任 with no grade, a person on leave moved, a 保健師 (or another specialist)
/// sent where the job does not work — `jinji transfer check 2` lists them.
fn problem_plan(g: &mut Gen) -> Result<()> {
    let fy = g.today.fiscal_year();
    // Drafted, as the first, from October for the coming April.
    if g.today < fiscal_year_start(fy).add_days(183) {
        return Ok(());
    }
    let db = g.db;
    let active = |pos: Position| -> Result<Vec<Staff>> {
        db.all(
            vec![
                Filter::eq("status", StaffStatus::Active.code()),
                Filter::eq("position", pos.code()),
            ],
            "staff_no",
        )
    };
    let teams: Vec<i64> = g
        .org
        .units
        .iter()
        .filter(|u| u.unit.kind == UnitKind::Team && u.unit.valid_to.is_none())
        .map(|u| u.unit.id)
        .collect();
    let chiefs = active(Position::TeamChief)?;
    let mut moves: Vec<(i64, i64, Position)> = Vec::new();
    // Two 係長 in one team.
    if let [a, b, ..] = chiefs.as_slice() {
        moves.push((a.id, b.unit_id, Position::TeamChief));
    }
    // A 主事 of grade 1–2 made 主任 (grades 3–4) where they are.
    let clerks = active(Position::Clerk)?;
    if let Some(c) = clerks.iter().find(|c| c.grade < 3) {
        moves.push((c.id, c.unit_id, Position::Senior));
    }
    // Someone on leave.
    let away: Vec<Staff> = db.all(
        vec![Filter::eq("status", StaffStatus::Leave.code())],
        "staff_no",
    )?;
    if let Some(s) = away.first()
        && let Some(t) = teams.iter().find(|t| **t != s.unit_id)
    {
        moves.push((s.id, *t, s.position));
    }
    // A specialist where their job does not work: into the first team that does not
    // employ it.
    let fits = db.job_fit_table()?;
    let taken: Vec<i64> = moves.iter().map(|m| m.0).collect();
    let engineers = active(Position::Engineer)?;
    if let Some((s, t)) = engineers
        .iter()
        .chain(&clerks)
        .filter(|s| !taken.contains(&s.id))
        .find_map(|s| {
            let here = fits.get(&s.job_type)?;
            let t = teams.iter().find(|t| !here.contains(t))?;
            (s.job_type != JobType::Office).then_some((s, *t))
        })
    {
        moves.push((s.id, t, s.position));
    }
    if moves.is_empty() {
        return Ok(());
    }
    let mut plan = vec![TransferPlan {
        id: 0,
        name: format!(
            "{} 定期人事異動（B案）",
            crate::domain::date::fiscal_year_ja(fy + 1)
        ),
        effective_on: fiscal_year_start(fy + 1),
        state: PlanState::Draft,
        note: String::new(),
        applied_on: None,
        announced_on: None,
        version: 0,
    }];
    g.put(&mut plan)?;
    let mut rows: Vec<TransferMove> = moves
        .into_iter()
        .map(|(staff_id, to_unit_id, to_position)| TransferMove {
            id: 0,
            plan_id: plan[0].id,
            staff_id,
            to_unit_id,
            to_position,
            reason: if to_position == Position::Senior {
                Reason::Promotion
            } else {
                Reason::Transfer
            },
            note: String::new(),
            to_grade: None,
            version: 0,
        })
        .collect();
    g.put(&mut rows)
}
