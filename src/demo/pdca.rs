//! PDCA that spirals up: each section and each person runs one cycle a year; each cycle
//! starts from the last one's result; citizen surveys measure the sections' work.

use std::collections::HashMap;

use super::Gen;
use super::rng::Rng;
use crate::domain::date::fiscal_year_start;
use crate::domain::pdca::{PdcaAction, PdcaCheckin, PdcaCycle, PdcaEvidence, PdcaReview, Phase};
use crate::domain::survey::Survey;
use crate::domain::unit::UnitKind;
use crate::domain::{Date, FiscalYear};
use crate::store::Result;

/// Who owns a chain of cycles.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Owner {
    Unit(usize),
    Person(usize),
}

struct Chain {
    owner: Owner,
    goal: usize,
    value: f64,
    prev: Option<i64>,
    /// The last cycle's Act, which the next Plan starts from.
    act: String,
}

pub fn generate(g: &mut Gen, rng: &mut Rng) -> Result<()> {
    let sections: Vec<usize> = (0..g.org.units.len())
        .filter(|&u| g.org.units[u].unit.kind == UnitKind::Section)
        .collect();
    let mut chains: HashMap<Owner, Chain> = HashMap::new();
    let topics: HashMap<usize, &str> = sections
        .iter()
        .map(|&s| (s, survey_topic(g, s, rng)))
        .collect();
    let mut survey_score: HashMap<usize, f64> = sections
        .iter()
        .map(|&s| (s, rng.range(55, 75) as f64))
        .collect();
    for fy in g.fiscal_years() {
        let start = fiscal_year_start(fy);
        if start > g.today {
            continue;
        }
        // Citizen surveys in January–February, better each year where the work pays off.
        let mut surveys = Vec::new();
        let mut survey_of = HashMap::new();
        for &s in &sections {
            let on = Date::from_ymd(fy + 1, 1, 15).add_days(rng.range(0, 40));
            if on > g.today {
                continue;
            }
            let score = survey_score.get_mut(&s).map(|v| {
                *v = (*v + rng.normal(2.5, 2.0)).clamp(30.0, 98.0);
                *v
            });
            surveys.push(Survey {
                id: 0,
                unit_id: g.unit_id(s),
                conducted_on: on,
                topic: topics.get(&s).copied().unwrap_or_default().into(),
                score: (score.unwrap_or(70.0) * 10.0).round() / 10.0,
                responses: rng.range(40, 800),
                note: String::new(),
                version: 0,
            });
            survey_of.insert(s, surveys.len() - 1);
        }
        g.put(&mut surveys)?;
        let mut owners: Vec<Owner> = sections.iter().map(|&s| Owner::Unit(s)).collect();
        owners.extend(
            (0..g.people.len())
                .filter(|&i| {
                    g.people[i].active_in(fy) && g.people[i].staff.hire_date <= start.add_days(60)
                })
                .map(Owner::Person),
        );
        let mut cycles = Vec::with_capacity(owners.len());
        for &o in &owners {
            let chain = chains.entry(o).or_insert_with(|| {
                let unit = match o {
                    Owner::Unit(s) => s,
                    Owner::Person(i) => super::people::unit_on(&g.people[i], start),
                };
                let goal = goal_for(g, unit, rng);
                let (lo, hi) = g.assets.goals[goal].start;
                let value = lo + (hi - lo) * rng.unit();
                Chain {
                    owner: o,
                    goal,
                    value,
                    prev: None,
                    act: String::new(),
                }
            });
            cycles.push(cycle(g, chain, fy, rng));
        }
        g.put(&mut cycles)?;
        let day = g.today.min(start.add_days(300));
        let chiefs = g.chiefs_on(day);
        let mut actions = Vec::new();
        let mut checkins = Vec::new();
        let mut reviews = Vec::new();
        let mut evidence = Vec::new();
        for (c, &o) in cycles.iter().zip(&owners) {
            if let Some(ch) = chains.get_mut(&o) {
                ch.prev = Some(c.id);
                ch.act = c.improvements.clone();
                if let Some(r) = c.result {
                    ch.value = r;
                }
            }
            for k in 0..2 {
                let due = start.add_days(90 + 120 * k + rng.range(0, 40));
                let done = (due.add_days(rng.range(-30, 20)) <= g.today && rng.chance(0.88))
                    .then(|| due.add_days(rng.range(-30, 10)).min(g.today));
                actions.push(PdcaAction {
                    id: 0,
                    cycle_id: c.id,
                    description: g.assets.text("action", rng).into(),
                    due_on: due,
                    done_on: done,
                    progress: if done.is_some() {
                        100
                    } else {
                        rng.range(0, 80)
                    },
                    version: 0,
                });
            }
            if fy == g.today.fiscal_year() && matches!(c.phase, Phase::Do | Phase::Check) {
                checkins.push(PdcaCheckin {
                    id: 0,
                    cycle_id: c.id,
                    on_date: g.today.add_days(-rng.range(3, 60)).max(start),
                    note: g.assets.text("checkin", rng).into(),
                    version: 0,
                });
            }
            let reviewer = match o {
                Owner::Person(i) => g.chain_above(i, day, &chiefs).first().copied(),
                Owner::Unit(s) => g.org.units[s].parent.and_then(|d| chiefs.get(&d).copied()),
            };
            if let Some(r) = reviewer {
                let n = if fy == g.today.fiscal_year() {
                    rng.range(0, 2)
                } else {
                    1
                };
                for _ in 0..n {
                    let on = if fy == g.today.fiscal_year() {
                        g.today.add_days(-rng.range(0, 75)).max(start)
                    } else {
                        Date::from_ymd(fy + 1, 2, 10).add_days(rng.range(0, 30))
                    };
                    reviews.push(PdcaReview {
                        id: 0,
                        cycle_id: c.id,
                        reviewer_id: g.staff_id(r),
                        reviewed_on: on,
                        comment: g.assets.text("review", rng).into(),
                        version: 0,
                    });
                }
            }
            if let Owner::Unit(s) = o
                && let (Some(&k), true) = (
                    survey_of.get(&s),
                    matches!(c.phase, Phase::Check | Phase::Act | Phase::Closed),
                )
            {
                evidence.push(PdcaEvidence {
                    id: 0,
                    cycle_id: c.id,
                    survey_id: surveys[k].id,
                    version: 0,
                });
            }
        }
        g.put(&mut actions)?;
        g.put(&mut checkins)?;
        g.put(&mut reviews)?;
        g.put(&mut evidence)?;
    }
    Ok(())
}

/// One turn of a chain: the baseline is the last result, the target a step better.
fn cycle(g: &Gen, chain: &Chain, fy: FiscalYear, rng: &mut Rng) -> PdcaCycle {
    let goal = &g.assets.goals[chain.goal];
    let pct = goal.unit == "%";
    let dir = if goal.lower_is_better { -1.0 } else { 1.0 };
    let baseline = chain.value;
    // A step up: a share of the headroom for a rate, a share of the value otherwise.
    let share = rng.range(5, 12) as f64 / 100.0;
    let step = if pct && !goal.lower_is_better {
        ((100.0 - baseline) * share * 2.0).max(0.2)
    } else {
        baseline * share
    };
    let whole = matches!(goal.unit, "件" | "人" | "か所" | "千円" | "千枚" | "千件");
    let round = |v: f64| {
        if whole {
            v.round()
        } else {
            (v * 10.0).round() / 10.0
        }
    };
    let step = if whole { step.max(1.0) } else { step };
    let mut target = baseline + dir * step;
    if pct {
        target = target.clamp(0.0, 100.0);
    }
    let target = round(target.max(0.0));
    // Where the year stands on the base day.
    let day = g.today.days_since(fiscal_year_start(fy));
    let phase = if day >= 365 {
        Phase::Closed
    } else {
        let jitter = rng.range(-25, 25);
        match day + jitter {
            ..60 => Phase::Plan,
            60..270 => Phase::Do,
            270..330 => Phase::Check,
            _ => Phase::Act,
        }
    };
    let measured = matches!(phase, Phase::Check | Phase::Act | Phase::Closed);
    let result = measured.then(|| {
        let r = baseline + dir * step * rng.normal(1.0, 0.45);
        if pct { r.clamp(0.0, 100.0) } else { r.max(0.0) }
    });
    let progress = match phase {
        Phase::Plan => rng.range(0, 10),
        Phase::Do => (day * 100 / 365).clamp(10, 80) + rng.range(-10, 10),
        Phase::Check => rng.range(75, 90),
        Phase::Act => rng.range(90, 99),
        Phase::Closed => 100,
    };
    let (owner_staff_id, owner_unit_id, title) = match chain.owner {
        Owner::Person(i) => (Some(g.staff_id(i)), None, goal.goal.to_string()),
        Owner::Unit(u) => (
            None,
            Some(g.unit_id(u)),
            format!("{} {}", g.org.units[u].unit.name, goal.goal),
        ),
    };
    PdcaCycle {
        id: 0,
        owner_staff_id,
        owner_unit_id,
        fiscal_year: fy,
        title,
        goal: goal.goal.into(),
        metric: goal.metric.into(),
        metric_unit: goal.unit.into(),
        lower_is_better: goal.lower_is_better,
        baseline: Some(round(baseline)),
        target: Some(round(target)),
        result: result.map(round),
        plan_notes: chain.act.clone(),
        improvements: if matches!(phase, Phase::Act | Phase::Closed) {
            g.assets.text("improvement", rng).into()
        } else {
            String::new()
        },
        phase,
        prev_id: chain.prev,
        progress: progress.clamp(0, 100),
        version: 0,
    }
}

/// The catalogue code (the last six digits) of the section a unit belongs to.
fn section_code<'a>(g: &'a Gen, mut unit: usize) -> Option<&'a str> {
    loop {
        let u = &g.org.units[unit];
        match u.unit.kind {
            UnitKind::Section => return u.unit.code.get(u.unit.code.len().saturating_sub(6)..),
            UnitKind::Team => unit = u.parent?,
            _ => return None,
        }
    }
}

/// A goal that is the section's own work, mostly; otherwise one any office has.
fn goal_for(g: &Gen, unit: usize, rng: &mut Rng) -> usize {
    let code = section_code(g, unit);
    let goals = &g.assets.goals;
    let own: Vec<usize> = (0..goals.len())
        .filter(|&k| code.is_some_and(|c| goals[k].sections.contains(&c)))
        .collect();
    let any: Vec<usize> = (0..goals.len())
        .filter(|&k| goals[k].sections.is_empty())
        .collect();
    if !own.is_empty() && (any.is_empty() || rng.chance(0.75)) {
        *rng.pick(&own)
    } else if !any.is_empty() {
        *rng.pick(&any)
    } else {
        rng.below(goals.len() as u64) as usize
    }
}

/// A survey the section would run.
fn survey_topic(g: &Gen, section: usize, rng: &mut Rng) -> &'static str {
    let code = section_code(g, section);
    let own: Vec<&'static str> = g
        .assets
        .surveys
        .iter()
        .filter(|t| code.is_some_and(|c| t.sections.contains(&c)))
        .map(|t| t.topic)
        .collect();
    if own.is_empty() {
        rng.pick(&g.assets.surveys).topic
    } else {
        own[rng.below(own.len() as u64) as usize]
    }
}
