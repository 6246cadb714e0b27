//! Evaluations by the rules of their year (states follow their own dates; evaluators are
//! the chiefs of the day) and challenge themes whose weights add up to 100.

use super::Gen;
use super::rng::Rng;
use crate::domain::date::fiscal_year_start;
use crate::domain::evaluation::{
    BoardDecision, EvalKind, EvalPeriod, EvalState, Evaluation, Grade, Response, Term,
};
use crate::domain::theme::Theme;
use crate::domain::{Date, FiscalYear};
use crate::store::Result;

pub(super) fn fy_date(fy: FiscalYear, month: u32, day: u32) -> Date {
    let y = if month >= 4 { fy } else { fy + 1 };
    Date::new(y, month, day.min(28)).unwrap_or_else(|| Date::from_ymd(y, month, 1))
}

/// Dates with `Some` only when they are not after the base day.
fn upto(d: Date, today: Date) -> Option<Date> {
    (d <= today).then_some(d)
}

pub(super) fn evaluations(
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
                // The interview notes are picked by the person, not drawn: the rest of
                // the ward stays as it was for a seed.
                start_interview_note: match upto(start_iv, today) {
                    Some(_) => g.assets.text_at("interview_start", i).into(),
                    None => String::new(),
                },
                end_interview_note: match at(1) {
                    Some(_) => g.assets.text_at("interview_end", i).into(),
                    None => String::new(),
                },
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
                board_decision: None,
                board_decided_on: None,
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
                        // The review board met within the month.
                        e.board_decision = Some(BoardDecision::Dismissed);
                        e.board_decided_on = Some(resp_on.add_days(28));
                    }
                }
            }
            rows.push(e);
        }
        g.put(&mut rows)?;
    }
    Ok(())
}

pub(super) fn themes(g: &mut Gen, fy: FiscalYear, rng: &mut Rng) -> Result<()> {
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

/// The HR office's consultations about evaluations (苦情相談): a few each year in the
/// fortnight after disclosure, heard by a clerk of the personnel team; every formal
/// complaint was talked over first.
pub(super) fn consultations(g: &mut Gen, rng: &mut Rng) -> Result<()> {
    use crate::domain::evaluation::Response;
    use crate::domain::grievance::{Consultation, ConsultationEnding};
    let today = g.today;
    let counsellor = g.db.account_by_login("hr1")?.and_then(|a| a.staff_id);
    let disclosed: Vec<Evaluation> = g.db.all(
        vec![crate::store::Filter::eq(
            "state",
            EvalState::Disclosed.code(),
        )],
        "id",
    )?;
    let mut rows = Vec::new();
    for e in disclosed {
        let appealed = e.response == Some(Response::Appealed);
        if !appealed && !rng.chance(0.012) {
            continue;
        }
        let Some(disclosed_on) = e.disclosed_on else {
            continue;
        };
        let on = match (appealed, e.response_on) {
            (true, Some(r)) => r.add_days(-rng.range(1, 3)).max(disclosed_on),
            _ => disclosed_on.add_days(rng.range(1, 14)),
        };
        if on > today || Some(e.staff_id) == counsellor {
            continue;
        }
        let ending = if appealed {
            ConsultationEnding::Complaint
        } else if on.add_days(14) > today {
            ConsultationEnding::Ongoing
        } else {
            *rng.pick(&[
                ConsultationEnding::Explained,
                ConsultationEnding::Explained,
                ConsultationEnding::Resolved,
                ConsultationEnding::Withdrawn,
            ])
        };
        rows.push(Consultation {
            id: 0,
            staff_id: e.staff_id,
            consulted_on: on,
            counsellor_id: counsellor,
            subject: g.assets.text("consultation", rng).into(),
            reply: match ending {
                ConsultationEnding::Ongoing => String::new(),
                // Told how to make a formal complaint, and by when.
                ConsultationEnding::Complaint => g.assets.text_at("consultation_reply", 2).into(),
                _ => g.assets.text("consultation_reply", rng).into(),
            },
            ending,
            version: 0,
        });
    }
    rows.sort_by_key(|c| (c.consulted_on, c.staff_id));
    g.put(&mut rows)
}
