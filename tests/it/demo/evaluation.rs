//! The demo generator's evaluations and challenge themes over the years obey their rules.
//! (Awards, OJT and training are in `demo_training_awards.rs`; compliance, PDCA and
//! dates in `demo_pdca_compliance.rs`.)

use crate::support::generated;

use std::collections::HashMap;

use generated::*;
use jinji::domain::Date;

const STATES: [&str; 6] = [
    "draft",
    "self_submitted",
    "first_done",
    "second_done",
    "finalized",
    "disclosed",
];

#[derive(Debug)]
struct Eval {
    id: i64,
    staff: i64,
    e1: Option<i64>,
    e2: Option<i64>,
    state: String,
    /// self, first, second, finalized, disclosed.
    dates: [Option<Date>; 5],
    /// self, first, second ratings and the grade.
    ratings: [Option<String>; 4],
    fy: i32,
    base: Date,
    response_on: Option<Date>,
    end_interview: Option<Date>,
}

fn evaluations(f: &Fixture) -> Vec<Eval> {
    f.rows(
        "SELECT e.id, e.staff_id, e.evaluator1_id, e.evaluator2_id, e.state,
                e.self_submitted_on, e.first_done_on, e.second_done_on, e.finalized_on,
                e.disclosed_on, e.self_rating, e.first_rating, e.second_rating, e.grade,
                p.fiscal_year, p.base_date, e.response_on, e.end_interview_on
         FROM evaluations e JOIN eval_periods p ON p.id = e.period_id ORDER BY e.id",
        |r| {
            let od = |k: usize| r.get::<_, Option<String>>(k).map(opt_date);
            Ok(Eval {
                id: r.get(0)?,
                staff: r.get(1)?,
                e1: r.get(2)?,
                e2: r.get(3)?,
                state: r.get(4)?,
                dates: [od(5)?, od(6)?, od(7)?, od(8)?, od(9)?],
                ratings: [r.get(10)?, r.get(11)?, r.get(12)?, r.get(13)?],
                fy: r.get(14)?,
                base: date(&r.get::<_, String>(15)?),
                response_on: od(16)?,
                end_interview: od(17)?,
            })
        },
    )
}

#[test]
fn evaluation_states_follow_their_dates() {
    for f in all() {
        let today = f.today();
        let evals = evaluations(f);
        assert!(!evals.is_empty(), "[{}] no evaluations", f.name);
        let mut bad = Vec::new();
        for e in &evals {
            let Some(s) = STATES.iter().position(|x| *x == e.state) else {
                bad.push((e.id, "unknown state"));
                continue;
            };
            if (0..5).any(|k| e.dates[k].is_some() != (s > k)) {
                bad.push((e.id, "a stage's date set ⇔ the state is past it"));
            }
            if (0..4).any(|k| e.ratings[k].is_some() != (s > k)) {
                bad.push((e.id, "a stage's rating set ⇔ the state is past it"));
            }
            let dated: Vec<Date> = e.dates.iter().flatten().copied().collect();
            if dated.windows(2).any(|w| w[0] > w[1]) {
                bad.push((e.id, "stages out of order"));
            }
            if dated.iter().any(|&x| x > today) {
                bad.push((e.id, "a stage after today"));
            }
            if e.response_on.is_some()
                && (s != 5 || e.response_on < e.dates[4] || e.response_on > Some(today))
            {
                bad.push((e.id, "a response before disclosure or after today"));
            }
            if e.end_interview.is_some() && e.end_interview > e.dates[1] {
                bad.push((e.id, "the closing interview after the first rating"));
            }
        }
        assert_none(&format!("[{}] evaluations", f.name), &bad);
        let open: Vec<_> = evals
            .iter()
            .filter(|e| e.fy < f.cur_fy() && e.state != "disclosed")
            .map(|e| (e.id, e.fy, &e.state))
            .collect();
        assert_none(&format!("[{}] past years not disclosed", f.name), &open);
        let mut by_state: HashMap<&str, usize> = HashMap::new();
        for e in evals.iter().filter(|e| e.fy == f.cur_fy()) {
            *by_state.entry(&e.state).or_default() += 1;
        }
        eprintln!(
            "[{}] FY{} evaluations by state: {by_state:?}",
            f.name,
            f.cur_fy()
        );
    }
}

#[test]
fn evaluators_are_other_people_senior_and_serving() {
    for f in all() {
        let staff = f.staff_by_id();
        let posts = f.assignments();
        let rank_on = |id: i64, on: Date| {
            post_on(&posts[&id], on)
                .map(|a| rank(&a.position))
                .unwrap_or(u8::MAX)
        };
        let mut bad = Vec::new();
        for e in evaluations(f) {
            let Some(e1) = e.e1 else {
                bad.push((e.id, "no first evaluator".to_string()));
                continue;
            };
            let me = &staff[&e.staff];
            if e1 == e.staff || e.e2 == Some(e.staff) || e.e2 == Some(e1) {
                bad.push((e.id, "evaluates themselves or twice".into()));
            }
            if !me.serving_on(e.base) {
                bad.push((e.id, format!("evaluatee not serving on {}", e.base)));
            }
            let (boss, mine) = (&staff[&e1], rank_on(e.staff, e.base));
            if rank_on(e1, e.base) >= mine {
                bad.push((
                    e.id,
                    format!("evaluator1 {} for rank {mine}", boss.position),
                ));
            }
            if !boss.serving_on(e.base) {
                bad.push((e.id, format!("evaluator1 not serving on {}", e.base)));
            }
            if let Some(e2) = e.e2
                && rank_on(e2, e.base) >= rank_on(e1, e.base)
            {
                bad.push((e.id, "evaluator2 not above evaluator1".into()));
            }
        }
        assert_none(&format!("[{}] evaluators", f.name), &bad);
    }
}

#[test]
fn evaluator1_was_a_senior_in_the_line_on_the_base_date() {
    for f in all() {
        let units = f.units();
        let posts = f.assignments();
        let on = |id: i64, day: Date| post_on(&posts[&id], day);
        let above = |upper: i64, mut u: i64| loop {
            if u == upper {
                return true;
            }
            match units[&u].parent {
                Some(p) => u = p,
                None => return false,
            }
        };
        let evals = evaluations(f);
        let mut bad = Vec::new();
        for e in &evals {
            let (Some(e1), Some(me)) = (e.e1, on(e.staff, e.base)) else {
                continue;
            };
            let why = match on(e1, e.base) {
                None => "evaluator1 held no post",
                Some(b) if rank(&b.position) >= rank(&me.position) => "evaluator1 not senior",
                Some(b) if !above(b.unit_id, me.unit_id) => "evaluator1 outside the line",
                _ => continue,
            };
            bad.push((e.id, e.fy, why));
        }
        assert_none(
            &format!(
                "[{}] of {} evaluations, (evaluation, fy, problem) on the base date",
                f.name,
                evals.len()
            ),
            &bad,
        );
    }
}

#[test]
fn theme_weights_sum_to_100_each_year() {
    for f in all() {
        let sums: Vec<(i64, i32, i64, i64, i64)> = f.rows(
            "SELECT staff_id, fiscal_year, sum(weight), min(difficulty), max(difficulty)
             FROM themes GROUP BY staff_id, fiscal_year",
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        );
        assert!(!sums.is_empty(), "[{}] no themes", f.name);
        let bad: Vec<_> = sums
            .iter()
            .filter(|s| s.2 != 100 || s.3 < 1 || s.4 > 3)
            .collect();
        assert_none(&format!("[{}] themes per person and year", f.name), &bad);
        let out = f.int(
            "SELECT count(*) FROM themes WHERE progress NOT BETWEEN 0 AND 100
                OR weight NOT BETWEEN 1 AND 100 OR (achievement IS NOT NULL
                AND achievement NOT BETWEEN 0 AND 100)",
        );
        assert_eq!(out, 0, "[{}] themes out of range", f.name);
        let done_now = f.int(&format!(
            "SELECT count(*) FROM themes WHERE fiscal_year < {} AND achievement IS NULL",
            f.cur_fy()
        ));
        assert_eq!(
            done_now, 0,
            "[{}] past themes without an achievement",
            f.name
        );
    }
}
