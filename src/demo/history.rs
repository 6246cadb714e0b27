//! Year by year: evaluation periods and evaluations (states follow their own dates),
//! challenge themes, self-reports, compliance; qualifications and career interviews.

use std::collections::HashMap;

use super::Gen;
use super::evaluations::{self, fy_date};
use super::rng::Rng;
use crate::domain::FiscalYear;
use crate::domain::career::{CareerInterview, Qualification, SelfReport, TransferWish};
use crate::domain::compliance::ComplianceRecord;
use crate::domain::staff::{Position, StaffStatus};
use crate::domain::unit::UnitKind;
use crate::store::Result;

pub fn generate(g: &mut Gen, rng: &mut Rng) -> Result<()> {
    // A lasting ability per person and a leniency (甘辛) per evaluator, so that grades are
    // consistent over the years and calibration has something to show.
    let ability: Vec<f64> = (0..g.people.len()).map(|_| rng.normal(3.1, 0.55)).collect();
    let bias: Vec<f64> = (0..g.people.len()).map(|_| rng.normal(0.0, 0.3)).collect();
    for fy in g.fiscal_years() {
        evaluations::evaluations(g, fy, &ability, &bias, rng)?;
        evaluations::themes(g, fy, rng)?;
        self_reports(g, fy, rng)?;
        compliance(g, fy, rng)?;
        interviews(g, fy, rng)?;
    }
    qualifications(g, rng)
}

fn self_reports(g: &mut Gen, fy: FiscalYear, rng: &mut Rng) -> Result<()> {
    let today = g.today;
    let sections: HashMap<usize, Vec<i64>> = {
        let mut m: HashMap<usize, Vec<i64>> = HashMap::new();
        for u in g
            .org
            .units
            .iter()
            .filter(|u| u.unit.kind == UnitKind::Section)
        {
            m.entry(u.ward).or_default().push(u.unit.id);
        }
        m
    };
    let opens = fy_date(fy, 7, 1);
    if today < opens {
        return Ok(());
    }
    let mut rows = Vec::new();
    for p in &g.people {
        if !p.active_in(fy)
            || p.staff.hire_date > opens
            || p.staff.retire_date.is_some_and(|r| r < opens)
        {
            continue;
        }
        let on = opens.add_days(rng.range(0, 40));
        let submitted = on <= today
            && rng.chance(if fy == today.fiscal_year() {
                0.93
            } else {
                0.99
            });
        let wish = [TransferWish::Stay, TransferWish::Move, TransferWish::Either]
            [rng.weighted(&[40, 35, 25])];
        let mut wishes = [None, None, None];
        if wish != TransferWish::Stay
            && let Some(units) = sections.get(&p.ward)
        {
            let k = if wish == TransferWish::Move {
                rng.range(1, 3)
            } else {
                rng.range(0, 2)
            } as usize;
            for slot in wishes.iter_mut().take(k) {
                *slot = Some(*rng.pick(units));
            }
            dedupe(&mut wishes);
        }
        let age = on.years_since(p.staff.birth_date);
        let rank_and_file = matches!(
            p.staff.position,
            Position::Clerk | Position::Engineer | Position::Senior
        );
        rows.push(SelfReport {
            id: 0,
            staff_id: p.staff.id,
            fiscal_year: fy,
            career_goal: g.assets.text("career_goal", rng).into(),
            wished_fields: g.assets.text("wished_field", rng).into(),
            transfer_wish: if wish == TransferWish::Move && wishes[0].is_none() {
                TransferWish::Either
            } else {
                wish
            },
            wish_unit1_id: wishes[0],
            wish_unit2_id: wishes[1],
            wish_unit3_id: wishes[2],
            promotion_exam: rank_and_file && (28..=45).contains(&age) && rng.chance(0.3),
            self_dev_plan: g.assets.text("self_dev_plan", rng).into(),
            submitted_on: submitted.then_some(on),
            version: 0,
        });
    }
    g.put(&mut rows)
}

/// Removes repeated wished units, keeping the order of first mention.
fn dedupe(w: &mut [Option<i64>; 3]) {
    let mut seen = Vec::new();
    let mut out = [None, None, None];
    let mut k = 0;
    for u in w.iter().flatten() {
        if !seen.contains(u) {
            seen.push(*u);
            out[k] = Some(*u);
            k += 1;
        }
    }
    *w = out;
}

/// The year's compliance record of everyone serving (those on leave excused this year):
/// whether and when they did the training (an enrolment, written by `training.rs`) and
/// the self-check; most by the base day this year, nearly all in past ones.
fn compliance(g: &mut Gen, fy: FiscalYear, rng: &mut Rng) -> Result<()> {
    let today = g.today;
    let due = fy_date(fy, 10, 31);
    let mut rows = Vec::new();
    for (i, p) in g.people.iter().enumerate() {
        if !p.active_in(fy) || p.staff.status == StaffStatus::Leave && fy == today.fiscal_year() {
            continue;
        }
        let done = |rng: &mut Rng, p_ok: f64| {
            let d = fy_date(fy, 6, 1).add_days(rng.range(0, 150));
            (d <= today && rng.chance(p_ok)).then_some(d)
        };
        let ok = if fy == today.fiscal_year() {
            0.97
        } else {
            0.995
        };
        g.compliance_training.insert((fy, i), done(rng, ok));
        rows.push(ComplianceRecord {
            id: 0,
            staff_id: p.staff.id,
            fiscal_year: fy,
            due_on: due,
            self_check_done_on: done(rng, ok),
            version: 0,
        });
    }
    g.put(&mut rows)
}

fn interviews(g: &mut Gen, fy: FiscalYear, rng: &mut Rng) -> Result<()> {
    let today = g.today;
    // Posts change only on 1 April, so one day stands for the whole year.
    let day = fy_date(fy, 6, 1).min(today);
    let chiefs = g.chiefs_on(day);
    let mut rows = Vec::new();
    for i in 0..g.people.len() {
        let held = fy_date(fy, 6, 1).add_days(rng.range(0, 240));
        if !g.people[i].active_in(fy)
            || held > today
            || g.people[i].staff.hire_date > held
            || !rng.chance(0.2)
        {
            continue;
        }
        let interviewer = g
            .chain_above(i, day, &chiefs)
            .first()
            .map(|&c| g.staff_id(c));
        rows.push(CareerInterview {
            id: 0,
            staff_id: g.staff_id(i),
            held_on: held,
            interviewer_id: interviewer,
            notes: g.assets.text("interview", rng).into(),
            version: 0,
        });
    }
    g.put(&mut rows)
}

fn qualifications(g: &mut Gen, rng: &mut Rng) -> Result<()> {
    let today = g.today;
    let mut rows = Vec::new();
    for p in &g.people {
        let job = p.staff.job_type;
        let fitting: Vec<usize> = (0..g.assets.qualifications.len())
            .filter(|&k| {
                let q = &g.assets.qualifications[k];
                !q.jobs.is_empty() && q.jobs.contains(&job)
            })
            .collect();
        let mut chosen = Vec::new();
        if rng.chance(0.55) {
            chosen.push(0); // the driving licence, first in the catalogue
        }
        for _ in 0..rng.range(0, 2) {
            if let Some(&k) = (!fitting.is_empty()).then(|| rng.pick(&fitting))
                && !chosen.contains(&k)
            {
                chosen.push(k);
            }
        }
        let end = p.staff.retire_date.unwrap_or(today);
        for k in chosen {
            let q = &g.assets.qualifications[k];
            let from = p.staff.birth_date.add_years(19);
            let span = end.days_since(from).max(1);
            let acquired = from.add_days(rng.range(0, span));
            let expires = (q.valid_years > 0).then(|| {
                // Renewed every `valid_years` until a day around now.
                let horizon = today.add_days(rng.range(-150, 1500));
                let mut e = acquired.add_years(q.valid_years);
                while e < horizon {
                    e = e.add_years(q.valid_years);
                }
                e
            });
            rows.push(Qualification {
                id: 0,
                staff_id: p.staff.id,
                name: q.name.into(),
                issuer: q.issuer.into(),
                acquired_on: acquired,
                expires_on: expires,
                version: 0,
            });
        }
    }
    g.put(&mut rows)
}
