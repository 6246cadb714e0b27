//! Awards by year and ward: merit, proposals, good deeds, a group award, and long service
//! exactly where the years are real; a few incidents for the register.

use super::Gen;
use super::rng::Rng;
use crate::domain::award::{Award, AwardKind, AwardRecipient, AwardState};
use crate::domain::compliance::{Incident, IncidentKind, IncidentStatus};
use crate::domain::date::fiscal_year_start;
use crate::domain::staff::StaffStatus;
use crate::domain::{Date, FiscalYear};
use crate::store::Result;

/// The day long service is counted to, and the ceremony (文化の日).
pub fn long_service_base(fy: FiscalYear) -> Date {
    Date::from_ymd(fy, 10, 1)
}

pub fn generate(g: &mut Gen, rng: &mut Rng) -> Result<()> {
    let today = g.today;
    // Awards are decided by the most senior person of the first ward.
    let decider = g
        .people
        .iter()
        .find(|p| p.staff.status != StaffStatus::Retired && p.staff.position.rank() == 0)
        .map(|p| p.staff.id);
    let mut awards: Vec<Award> = Vec::new();
    let mut who: Vec<Vec<usize>> = Vec::new();
    for fy in g.fiscal_years() {
        let nominated = Date::from_ymd(fy, 9, 1);
        let base = long_service_base(fy);
        let decided = Date::from_ymd(fy, 10, 20);
        let ceremony = Date::from_ymd(fy, 11, 3);
        if nominated > today {
            continue;
        }
        let state = |d: Date| {
            if decided <= d {
                AwardState::Awarded
            } else if nominated.add_days(20) <= d {
                AwardState::InReview
            } else {
                AwardState::Nominated
            }
        };
        let active_on = |p: &super::people::Person, d: Date| {
            p.active_in(fy) && p.staff.hire_date <= d && p.staff.retire_date.is_none_or(|r| r >= d)
        };
        for ward in 0..g.org.wards {
            let pool: Vec<usize> = (0..g.people.len())
                .filter(|&i| g.people[i].ward == ward && active_on(&g.people[i], nominated))
                .collect();
            if pool.is_empty() {
                continue;
            }
            for (kind, n) in [
                (AwardKind::Merit, 2),
                (AwardKind::Proposal, 2),
                (AwardKind::GoodDeed, 1),
            ] {
                for _ in 0..n {
                    let i = *rng.pick(&pool);
                    let texts: Vec<&'static str> = g
                        .assets
                        .achievements
                        .iter()
                        .filter(|a| a.0 == kind.code())
                        .map(|a| a.1)
                        .collect();
                    let mut st = state(today);
                    if st == AwardState::Awarded && rng.chance(0.1) {
                        st = AwardState::Declined;
                    }
                    awards.push(award(
                        g,
                        kind,
                        fy,
                        texts[rng.below(texts.len() as u64) as usize],
                        "",
                        Some(g.people[i].unit),
                        st,
                        nominated,
                        decided,
                        ceremony,
                        decider,
                        rng,
                    ));
                    who.push(vec![i]);
                }
            }
            // A group award: several people of one team.
            let lead = *rng.pick(&pool);
            let team = g.people[lead].unit;
            let members: Vec<usize> = pool
                .iter()
                .copied()
                .filter(|&i| g.people[i].unit == team)
                .take(5)
                .collect();
            if members.len() >= 2 {
                let texts: Vec<&'static str> = g
                    .assets
                    .achievements
                    .iter()
                    .filter(|a| a.0 == "merit")
                    .map(|a| a.1)
                    .collect();
                let group = format!(
                    "{} {}",
                    g.org.units[team].unit.name,
                    g.assets.text("group", rng)
                );
                awards.push(award(
                    g,
                    AwardKind::Merit,
                    fy,
                    texts[rng.below(texts.len() as u64) as usize],
                    &group,
                    Some(team),
                    state(today),
                    nominated,
                    decided,
                    ceremony,
                    decider,
                    rng,
                ));
                who.push(members);
            }
        }
        // Long service: 10, 20 and 30 years completed by the base day of this year (and not
        // by last year's), for everyone still serving.
        // Nominated on the base day: not before it has come.
        for years in [10, 20, 30].into_iter().filter(|_| base <= today) {
            let kind = AwardKind::long_service(years).unwrap_or(AwardKind::LongService10);
            for i in 0..g.people.len() {
                let p = &g.people[i];
                let done = p.staff.hire_date.add_years(years);
                if done <= base
                    && done > long_service_base(fy - 1)
                    && active_on(p, base)
                    && p.staff.status != StaffStatus::Leave
                {
                    let title = g.assets.text("award_title_long_service", rng);
                    awards.push(award(
                        g,
                        kind,
                        fy,
                        &format!("{title}（{years}年）"),
                        "",
                        Some(p.unit),
                        state(today),
                        base,
                        decided,
                        ceremony,
                        decider,
                        rng,
                    ));
                    who.push(vec![i]);
                }
            }
        }
    }
    g.put(&mut awards)?;
    let mut recipients = Vec::new();
    for (a, people) in awards.iter().zip(who) {
        for i in people {
            recipients.push(AwardRecipient {
                id: 0,
                award_id: a.id,
                staff_id: g.staff_id(i),
                version: 0,
            });
        }
    }
    g.put(&mut recipients)?;
    incidents(g, rng)
}

#[allow(clippy::too_many_arguments)]
fn award(
    g: &Gen,
    kind: AwardKind,
    fy: FiscalYear,
    achievement: &str,
    group: &str,
    unit: Option<usize>,
    state: AwardState,
    nominated: Date,
    decided: Date,
    ceremony: Date,
    decider: Option<i64>,
    rng: &mut Rng,
) -> Award {
    let title_kind = match kind {
        AwardKind::Merit => "award_title_merit",
        AwardKind::Proposal => "award_title_proposal",
        AwardKind::GoodDeed => "award_title_good_deed",
        _ => "",
    };
    Award {
        id: 0,
        kind,
        fiscal_year: fy,
        title: if title_kind.is_empty() {
            achievement.to_string()
        } else {
            g.assets.text(title_kind, rng).to_string()
        },
        achievement: if title_kind.is_empty() {
            String::new()
        } else {
            achievement.to_string()
        },
        group_name: group.to_string(),
        unit_id: unit.map(|u| g.unit_id(u)),
        state,
        nominated_on: nominated,
        nominated_by: None,
        decided_on: state.is_decided().then_some(decided),
        decided_by: if state.is_decided() { decider } else { None },
        awarded_on: (state == AwardState::Awarded && ceremony <= g.today).then_some(ceremony),
        version: 0,
    }
}

fn incidents(g: &mut Gen, rng: &mut Rng) -> Result<()> {
    let today = g.today;
    let mut rows = Vec::new();
    for fy in g.fiscal_years() {
        for ward in 0..g.org.wards {
            for _ in 0..rng.range(1, 3) {
                let occurred = fiscal_year_start(fy).add_days(rng.range(0, 364));
                let reported = occurred.add_days(rng.range(0, 20));
                if reported > today {
                    continue;
                }
                let kind = *rng.pick(IncidentKind::ALL);
                let units: Vec<usize> = (0..g.org.units.len())
                    .filter(|&u| g.org.units[u].ward == ward)
                    .collect();
                let unit = *rng.pick(&units);
                let age = today.days_since(reported);
                let status = if age > 90 {
                    IncidentStatus::Closed
                } else if age > 14 {
                    IncidentStatus::Investigating
                } else {
                    IncidentStatus::Open
                };
                rows.push(Incident {
                    id: 0,
                    kind,
                    occurred_on: occurred,
                    reported_on: reported,
                    unit_id: Some(g.unit_id(unit)),
                    staff_id: None,
                    summary: g
                        .assets
                        .text(&format!("incident_{}", kind.code()), rng)
                        .into(),
                    status,
                    outcome: if status == IncidentStatus::Closed {
                        g.assets.text("incident_outcome", rng).into()
                    } else {
                        String::new()
                    },
                    version: 0,
                });
            }
        }
    }
    g.put(&mut rows)
}
