//! OJT for new hires: each is paired with a 主任 of their team for the year, and both
//! write logs through it.

use super::Gen;
use super::rng::Rng;
use crate::domain::Date;
use crate::domain::date::fiscal_year_start;
use crate::domain::staff::Position;
use crate::domain::training::{OjtLog, OjtPair};
use crate::store::Result;

/// New hires get a mentor: a 主任 (or anyone senior with 3+ years) of the same team.
pub(super) fn generate(g: &mut Gen, rng: &mut Rng) -> Result<()> {
    let today = g.today;
    let mut pairs = Vec::new();
    let mut pair_people = Vec::new();
    for fy in g.fiscal_years() {
        let start = fiscal_year_start(fy);
        if start > today {
            continue;
        }
        // 主任 with three years of service, by the unit they sit in on 1 April.
        let mut seniors: std::collections::HashMap<usize, Vec<usize>> = Default::default();
        for (m, q) in g.people.iter().enumerate() {
            let senior = q
                .post_on(start)
                .is_some_and(|post| post.position == Position::Senior);
            if senior && q.active_in(fy) && start.years_since(q.staff.hire_date) >= 3 {
                seniors
                    .entry(super::people::unit_on(q, start))
                    .or_default()
                    .push(m);
            }
        }
        for i in 0..g.people.len() {
            let p = &g.people[i];
            if p.staff.hire_date != start {
                continue;
            }
            let unit = super::people::unit_on(p, start);
            let Some(m) = seniors.get(&unit).map(|v| *rng.pick(v)) else {
                continue;
            };
            pairs.push(OjtPair {
                id: 0,
                mentor_id: g.staff_id(m),
                mentee_id: g.staff_id(i),
                fiscal_year: fy,
                start_date: start,
                end_date: fiscal_year_start(fy + 1).add_days(-1),
                goal: g.assets.text("ojt_goal", rng).into(),
                version: 0,
            });
            pair_people.push((m, i));
        }
    }
    g.put(&mut pairs)?;
    let mut logs = Vec::new();
    for (pair, (m, i)) in pairs.iter().zip(pair_people) {
        let mut d: Date = pair.start_date.add_days(rng.range(10, 30));
        while d <= pair.end_date && d <= today {
            // Each writes as themselves: the mentor what they taught, the mentee what they learnt.
            let (author, kind) = if rng.chance(0.6) {
                (m, "ojt_log_mentor")
            } else {
                (i, "ojt_log_mentee")
            };
            logs.push(OjtLog {
                id: 0,
                pair_id: pair.id,
                author_id: g.staff_id(author),
                logged_on: d,
                body: g.assets.text(kind, rng).into(),
                version: 0,
            });
            d = d.add_days(rng.range(30, 60));
        }
    }
    g.put(&mut logs)
}
