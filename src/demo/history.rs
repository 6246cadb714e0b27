//! Year by year: evaluation periods and evaluations (states follow their own dates),
//! challenge themes, self-reports, compliance; qualifications and career interviews.

use std::collections::HashMap;

use super::Gen;
use super::rng::Rng;
use crate::domain::career::{CareerInterview, Qualification, SelfReport, TransferWish};
use crate::domain::compliance::ComplianceRecord;
use crate::domain::date::fiscal_year_start;
use crate::domain::evaluation::{
    EvalKind, EvalPeriod, EvalState, Evaluation, Grade, Response, Term, Theme,
};
use crate::domain::staff::{Position, StaffStatus};
use crate::domain::unit::UnitKind;
use crate::domain::{Date, FiscalYear};
use crate::store::Result;

pub fn generate(g: &mut Gen, rng: &mut Rng) -> Result<()> {
    // A lasting ability per person and a leniency (甘辛) per evaluator, so that grades are
    // consistent over the years and calibration has something to show.
    let ability: Vec<f64> = (0..g.people.len()).map(|_| rng.normal(3.1, 0.55)).collect();
    let bias: Vec<f64> = (0..g.people.len()).map(|_| rng.normal(0.0, 0.3)).collect();
    for fy in g.fiscal_years() {
        evaluations(g, fy, &ability, &bias, rng)?;
        themes(g, fy, rng)?;
        self_reports(g, fy, rng)?;
        compliance(g, fy, rng)?;
        interviews(g, fy, rng)?;
    }
    qualifications(g, rng)
}

fn fy_date(fy: FiscalYear, month: u32, day: u32) -> Date {
    let y = if month >= 4 { fy } else { fy + 1 };
    Date::new(y, month, day.min(28)).unwrap_or_else(|| Date::from_ymd(y, month, 1))
}

/// Dates with `Some` only when they are not after the base day.
fn upto(d: Date, today: Date) -> Option<Date> {
    (d <= today).then_some(d)
}

fn evaluations(
    g: &mut Gen,
    fy: FiscalYear,
    ability: &[f64],
    bias: &[f64],
    rng: &mut Rng,
) -> Result<()> {
    // 能力評価: base day 1 October, rated in the autumn, disclosed in January.
    // 業績評価: the whole year, rated in March, disclosed in May.
    let specs = [
        (
            EvalKind::Competency,
            fy_date(fy, 10, 1),
            fy_date(fy, 10, 1),
            fy_date(fy, 12, 15),
            fy_date(fy, 1, 10),
        ),
        (
            EvalKind::Performance,
            fy_date(fy, 3, 31),
            fy_date(fy, 3, 1),
            fy_date(fy + 1, 4, 20),
            fy_date(fy + 1, 5, 10),
        ),
    ];
    for (kind, base, self_from, finalize_on, disclose_on) in specs {
        let mut period = vec![EvalPeriod {
            id: 0,
            fiscal_year: fy,
            kind,
            term: Term::Full,
            start_date: fiscal_year_start(fy),
            end_date: fiscal_year_start(fy + 1).add_days(-1),
            base_date: base,
            version: 0,
        }];
        g.put(&mut period)?;
        let period_id = period[0].id;
        let chiefs = g.chiefs_on(base);
        let mut rows = Vec::new();
        for i in 0..g.people.len() {
            let p = &g.people[i];
            if !p.active_in(fy)
                || p.staff.hire_date > base
                || p.staff.retire_date.is_some_and(|r| r < base)
            {
                continue;
            }
            let chain = g.chain_above(i, base, &chiefs);
            if chain.is_empty() {
                continue; // 部長 are evaluated by the ward mayor, outside this register.
            }
            let (e1, e2) = (chain[0], chain.get(1).copied());
            let today = g.today;
            let start_iv = fy_date(fy, 4, 10).add_days(rng.range(0, 50));
            let self_on = self_from.add_days(rng.range(0, 30));
            let first_on = self_on.add_days(rng.range(3, 25));
            let second_on = first_on.add_days(rng.range(3, 20));
            let fin_on = finalize_on
                .add_days(rng.range(0, 10))
                .max(second_on.add_days(1));
            let disc_on = disclose_on
                .add_days(rng.range(0, 15))
                .max(fin_on.add_days(1));
            let a = ability[i] + rng.normal(0.0, 0.35);
            let first = a + bias[e1];
            let second = match e2 {
                Some(e2) => first * 0.7 + a * 0.3 + bias[e2] * 0.3,
                None => first,
            };
            let self_g = Grade::from_points(a + 0.35 + rng.normal(0.0, 0.3));
            let (first_g, second_g) = (Grade::from_points(first), Grade::from_points(second));
            let stages = [
                upto(self_on, today),
                upto(first_on, today),
                upto(second_on, today),
                upto(fin_on, today),
                upto(disc_on, today),
            ];
            let reached = stages.iter().take_while(|d| d.is_some()).count();
            let state = [
                EvalState::Draft,
                EvalState::SelfSubmitted,
                EvalState::FirstDone,
                EvalState::SecondDone,
                EvalState::Finalized,
                EvalState::Disclosed,
            ][reached];
            let at = |k: usize| if reached > k { stages[k] } else { None };
            let mut e = Evaluation {
                id: 0,
                period_id,
                staff_id: g.staff_id(i),
                evaluator1_id: Some(g.staff_id(e1)),
                evaluator2_id: e2.map(|x| g.staff_id(x)),
                state,
                self_rating: at(0).map(|_| self_g),
                self_comment: if reached > 0 {
                    g.assets.text("self_comment", rng).into()
                } else {
                    String::new()
                },
                first_rating: at(1).map(|_| first_g),
                first_comment: if reached > 1 {
                    g.assets.text("first_comment", rng).into()
                } else {
                    String::new()
                },
                second_rating: at(2).map(|_| second_g),
                second_comment: if reached > 2 {
                    g.assets.text("second_comment", rng).into()
                } else {
                    String::new()
                },
                grade: at(3).map(|_| second_g),
                start_interview_on: upto(start_iv, today),
                end_interview_on: at(1).map(|_| first_on.add_days(-1).max(self_on)),
                self_submitted_on: at(0),
                first_done_on: at(1),
                second_done_on: at(2),
                finalized_on: at(3),
                disclosed_on: at(4),
                sent_back_reason: String::new(),
                response: None,
                response_on: None,
                response_note: String::new(),
                appeal_outcome: String::new(),
                version: 0,
            };
            if e2.is_none() && reached > 2 {
                // No second evaluator: the first rating stands.
                e.second_rating = e.first_rating;
            }
            let resp_on = disc_on.add_days(rng.range(1, 9));
            if state == EvalState::Disclosed && resp_on <= today && rng.chance(0.9) {
                let appeal = rng.chance(0.02);
                e.response = Some(if appeal {
                    Response::Appealed
                } else {
                    Response::Agreed
                });
                e.response_on = Some(resp_on);
                if appeal {
                    e.response_note = g.assets.text("appeal", rng).into();
                    if resp_on.add_days(30) <= today {
                        e.appeal_outcome = g.assets.text("appeal_outcome", rng).into();
                    }
                }
            }
            rows.push(e);
        }
        g.put(&mut rows)?;
    }
    Ok(())
}

fn themes(g: &mut Gen, fy: FiscalYear, rng: &mut Rng) -> Result<()> {
    let today = g.today;
    let start = fiscal_year_start(fy);
    let elapsed = (today.days_since(start) as f64 / 365.0).clamp(0.0, 1.0);
    let mut rows = Vec::new();
    for i in 0..g.people.len() {
        let p = &g.people[i];
        let set_on = fy_date(fy, 5, 31);
        if !p.active_in(fy)
            || p.staff.hire_date > set_on
            || p.staff.retire_date.is_some_and(|r| r < set_on)
            || today < start.add_days(30)
        {
            continue;
        }
        let n = [1, 2, 2, 3][rng.below(4) as usize];
        let weights: &[i64] = match n {
            1 => &[100],
            2 => [&[60, 40][..], &[50, 50][..], &[70, 30][..]][rng.below(3) as usize],
            _ => &[40, 30, 30],
        };
        for &w in weights {
            let (title, target) = *rng.pick(&g.assets.themes);
            let difficulty = [1, 2, 2, 2, 3][rng.below(5) as usize];
            let done = elapsed >= 1.0;
            let achievement =
                (rng.normal(82.0, 15.0) - 5.0 * (difficulty - 2) as f64).clamp(20.0, 100.0) as i64;
            let progress = if done {
                achievement
            } else {
                (elapsed * 100.0 + rng.normal(0.0, 12.0)).clamp(0.0, 100.0) as i64
            };
            let mid_on = fy_date(fy, 10, 1).add_days(rng.range(0, 30));
            let has_mid = mid_on <= today && rng.chance(0.93);
            rows.push(Theme {
                id: 0,
                staff_id: p.staff.id,
                fiscal_year: fy,
                title: title.into(),
                target: target.into(),
                difficulty,
                weight: w,
                progress,
                midterm_report: if has_mid {
                    g.assets.text("midterm", rng).into()
                } else {
                    String::new()
                },
                midterm_on: has_mid.then_some(mid_on),
                result: if done {
                    g.assets.text("result", rng).into()
                } else {
                    String::new()
                },
                achievement: done.then_some(achievement),
                self_assessment: if done {
                    g.assets.text("self_comment", rng).into()
                } else {
                    String::new()
                },
                evaluator_comment: if done {
                    g.assets.text("theme_comment", rng).into()
                } else {
                    String::new()
                },
                version: 0,
            });
        }
    }
    g.put(&mut rows)
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

fn compliance(g: &mut Gen, fy: FiscalYear, rng: &mut Rng) -> Result<()> {
    let today = g.today;
    let due = fy_date(fy, 10, 31);
    let mut rows = Vec::new();
    for p in &g.people {
        if !p.active_in(fy) || p.staff.status == StaffStatus::Leave && fy == today.fiscal_year() {
            continue;
        }
        let done = |rng: &mut Rng, p_ok: f64| {
            let d = fy_date(fy, 6, 1).add_days(rng.range(0, 150));
            (d <= today && rng.chance(p_ok)).then_some(d)
        };
        let ok = if fy == today.fiscal_year() {
            0.95
        } else {
            0.995
        };
        rows.push(ComplianceRecord {
            id: 0,
            staff_id: p.staff.id,
            fiscal_year: fy,
            due_on: due,
            training_done_on: done(rng, ok),
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
