//! Promotion selection in the demo: each of the last two fiscal years holds a round of
//! every kind the ward defines. Who applies is who may sit it by the store's own rule and
//! wished to in the year's self-report, and a few more in person; a round held has its
//! scores, and one announced its passers, on the pool for the kind's years.

use super::Gen;
use super::rng::Rng;
use crate::domain::Date;
use crate::domain::FiscalYear;
use crate::domain::exam::{AppliedVia, Exam, ExamEntry, ExamResult, ExamState, pool_until};
use crate::store::Result;

/// The days of a year's rounds: applications close at the end of June, the tests are
/// held in mid-September and the passers announced on 20 November.
fn days(fy: FiscalYear) -> (Date, Date, Date) {
    (
        Date::from_ymd(fy, 6, 30),
        Date::from_ymd(fy, 9, 13),
        Date::from_ymd(fy, 11, 20),
    )
}

pub fn generate(g: &mut Gen, rng: &mut Rng) -> Result<()> {
    let cur = g.today.fiscal_year();
    let kinds = g.db.exam_kinds()?;
    for fy in [cur - 1, cur] {
        let (close, held, announced) = days(fy);
        let opened = Date::from_ymd(fy, 5, 1);
        if opened > g.today {
            continue;
        }
        for kind in &kinds {
            let state = if announced <= g.today {
                ExamState::Announced
            } else if close < g.today {
                ExamState::Closed
            } else {
                ExamState::Open
            };
            let mut exam = [Exam {
                id: 0,
                kind_id: kind.id,
                fiscal_year: fy,
                base_date: Date::from_ymd(fy, 4, 1),
                applications_close: close,
                held_on: held,
                announced_on: (state == ExamState::Announced).then_some(announced),
                state,
                note: String::new(),
                version: 0,
            }];
            g.put(&mut exam)?;
            let exam = &exam[0];
            let wished: std::collections::HashSet<_> =
                g.db.promotion_wishes(fy)?.into_iter().collect();
            let mut entries = Vec::new();
            for c in g.db.exam_candidates(exam.id, true)? {
                let id = c.id;
                // Those who wished to sit it apply, most of them; a few more apply in person.
                let via = if wished.contains(&id) {
                    if !rng.chance(0.85) {
                        continue;
                    }
                    AppliedVia::SelfReport
                } else if rng.chance(0.55) {
                    AppliedVia::Person
                } else {
                    continue;
                };
                let applied_on = Date::from_ymd(fy, 6, 1 + rng.below(29) as u32).min(g.today);
                entries.push(ExamEntry::application(exam.id, id, applied_on, via));
            }
            if held <= g.today {
                score(&mut entries, rng, exam, kind.pool_years);
            }
            g.put(&mut entries)?;
        }
    }
    Ok(())
}

/// The tests' scores of a round held; once announced, the best third or so pass (a few
/// withdrew or did not come).
fn score(entries: &mut [ExamEntry], rng: &mut Rng, exam: &Exam, pool_years: i64) {
    let mut totals = Vec::new();
    for e in entries.iter_mut() {
        if rng.chance(0.04) {
            e.result = ExamResult::Withdrawn;
            continue;
        }
        if rng.chance(0.03) {
            e.result = ExamResult::Absent;
            continue;
        }
        let mark = |rng: &mut Rng| rng.normal(66.0, 12.0).clamp(20.0, 98.0).round() as i64;
        e.written = Some(mark(rng));
        e.essay = Some(mark(rng));
        e.interview = Some(mark(rng));
        totals.push(e.written.unwrap_or(0) + e.essay.unwrap_or(0) + e.interview.unwrap_or(0));
    }
    if exam.state != ExamState::Announced {
        return;
    }
    totals.sort_unstable_by(|a, b| b.cmp(a));
    let cut = totals
        .get((totals.len() as f64 * 0.35).ceil() as usize)
        .copied()
        .unwrap_or(0);
    for e in entries.iter_mut() {
        if e.result != ExamResult::Applied {
            continue;
        }
        let total = e.written.unwrap_or(0) + e.essay.unwrap_or(0) + e.interview.unwrap_or(0);
        if total > cut {
            e.result = ExamResult::Passed;
            e.pool_until = Some(pool_until(exam.fiscal_year, pool_years));
        } else {
            e.result = ExamResult::Failed;
        }
    }
}
