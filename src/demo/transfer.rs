//! The next April's transfer round, drafted: from late autumn on, HR has a plan under
//! way that moves people who asked to move, and have served a while, to the unit they
//! wished for first, in a team where their job type works (the ward's table).

use super::Gen;
use crate::domain::Id;
use crate::domain::assignment::Reason;
use crate::domain::career::{SelfReport, TransferWish};
use crate::domain::date::{fiscal_year_ja, fiscal_year_start};
use crate::domain::transfer::{PlanState, TransferMove, TransferPlan};
use crate::domain::unit::{Unit, UnitKind};
use crate::store::{Filter, Result};

pub fn generate(g: &mut Gen) -> Result<()> {
    let fy = g.today.fiscal_year();
    // The round is drafted from October for the coming April.
    if g.today < fiscal_year_start(fy).add_days(183) {
        return Ok(());
    }
    let effective = fiscal_year_start(fy + 1);
    // The demo ward writes in Japanese, as its names and units do.
    let name = format!("{} 定期人事異動（案）", fiscal_year_ja(fy + 1));
    let mut plan = vec![TransferPlan {
        id: 0,
        name,
        effective_on: effective,
        state: PlanState::Draft,
        note: String::new(),
        applied_on: None,
        announced_on: None,
        version: 0,
    }];
    g.put(&mut plan)?;
    let db = g.db;
    let reports: Vec<SelfReport> = db.all(
        vec![
            Filter::eq("fiscal_year", fy),
            Filter::eq("transfer_wish", TransferWish::Move.code()),
        ],
        "staff_id",
    )?;
    let fits = db.job_fit_table()?;
    let mut moves = Vec::new();
    for r in reports {
        let (Some(to), Some(cur)) = (r.wish_unit1_id, db.current_assignment(r.staff_id)?) else {
            continue;
        };
        // Only people at work who are still here on the day are placed: someone on leave,
        // retiring (定年) or whose term ends before it is not moved (the plan check would
        // refuse the plan).
        let person: crate::domain::staff::Staff = db.get(r.staff_id)?;
        if person.status != crate::domain::staff::StaffStatus::Active
            || person.leaves_before(effective).is_some()
            || person.term_end.is_some_and(|e| e < effective)
        {
            continue;
        }
        // Three years in post at least, and a wish for somewhere else; chiefs are placed
        // by the round's other work, not by their wishes.
        if cur.unit_id == to
            || effective.years_since(cur.start_date) < 3
            || cur.position.is_supervisory()
        {
            continue;
        }
        // A wish names a section (課); the post is in one of its teams, one where the
        // person's job type works (a 保健師 is not placed in 道路管理係): HR places by the
        // table, so the plan's check finds nothing to warn of.
        let section: Unit = db.get(to)?;
        let fit = |team: Id| {
            fits.get(&person.job_type).is_none_or(|at| {
                [Some(team), Some(to), section.parent_id]
                    .into_iter()
                    .flatten()
                    .any(|u| at.contains(&u))
            })
        };
        let team: Option<Unit> = db
            .all::<Unit>(vec![Filter::eq("parent_id", to)], "code")?
            .into_iter()
            .find(|u| u.kind == UnitKind::Team && fit(u.id));
        let to = match team {
            Some(t) => t.id,
            None if fit(to) => to,
            None => continue,
        };
        if cur.unit_id == to {
            continue;
        }
        moves.push(TransferMove {
            id: 0,
            plan_id: plan[0].id,
            staff_id: r.staff_id,
            to_unit_id: to,
            to_position: cur.position,
            reason: Reason::Transfer,
            note: String::new(),
            to_grade: None,
            version: 0,
        });
    }
    g.put(&mut moves)
}
