//! The demo generator's records over the years obey their rules: evaluations, challenge
//! themes, awards, OJT, training, compliance, PDCA, and nothing dated after the base day.
//! (The organisation, roster and assignments are in `demo_rules.rs`.)

mod demo_support;

use std::collections::{HashMap, HashSet};

use demo_support::*;
use jinji::demo::Params;
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

#[test]
fn long_service_awards_only_where_earned() {
    for f in all() {
        let staff = f.staff_by_id();
        let rows: Vec<(String, i32, Date, i64)> = f.rows(
            "SELECT a.kind, a.fiscal_year, a.nominated_on, r.staff_id
             FROM awards a JOIN award_recipients r ON r.award_id = a.id",
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    date(&r.get::<_, String>(2)?),
                    r.get(3)?,
                ))
            },
        );
        let mut bad = Vec::new();
        let mut seen = HashSet::new();
        let mut long = 0;
        for (kind, fy, on, id) in &rows {
            let s = &staff[id];
            if !s.serving_on(*on) {
                bad.push(format!("{kind} FY{fy}: {} not serving on {on}", s.staff_no));
            }
            let Some(n) = kind.strip_prefix("long_service_") else {
                continue;
            };
            long += 1;
            let n: i32 = n.parse().unwrap();
            let years = on.years_since(s.hire);
            if years < n {
                bad.push(format!("{kind}: {} had {years} years on {on}", s.staff_no));
            }
            if !seen.insert((kind.clone(), *id)) {
                bad.push(format!("{kind} twice for {}", s.staff_no));
            }
        }
        assert_none(&format!("[{}] award recipients", f.name), &bad);
        eprintln!(
            "[{}] {} award recipients, {long} for long service",
            f.name,
            rows.len()
        );
        // And everyone active who completed N years by 1 October got one that year.
        let got: HashSet<(String, i32, i64)> =
            rows.into_iter().map(|(k, fy, _, id)| (k, fy, id)).collect();
        let mut missing = Vec::new();
        for fy in f.years().filter(|&fy| d(fy, 10, 1) <= f.today()) {
            for s in staff.values().filter(|s| s.status == "active") {
                for n in [10, 20, 30] {
                    let done = s.hire.add_years(n);
                    if done > d(fy - 1, 10, 1) && done <= d(fy, 10, 1) {
                        let kind = format!("long_service_{n}");
                        if !got.contains(&(kind.clone(), fy, s.id)) {
                            missing.push((kind, fy, s.staff_no.clone()));
                        }
                    }
                }
            }
        }
        assert_none(&format!("[{}] long service not awarded", f.name), &missing);
    }
}

#[test]
fn award_states_follow_their_dates() {
    for f in all() {
        let bad: Vec<(i64, String)> = f.rows(
            "SELECT id, state FROM awards
             WHERE (decided_on IS NOT NULL) <> (state IN ('awarded','declined'))
                OR (awarded_on IS NOT NULL AND state <> 'awarded')
                OR decided_on < nominated_on OR awarded_on < decided_on
                OR fiscal_year <> CAST(substr(nominated_on, 1, 4) AS INTEGER)
                   - (substr(nominated_on, 6, 2) < '04')",
            |r| Ok((r.get(0)?, r.get(1)?)),
        );
        assert_none(&format!("[{}] awards", f.name), &bad);
    }
}

#[test]
fn ojt_pairs_a_new_hire_with_an_experienced_colleague() {
    for f in all() {
        let staff = f.staff_by_id();
        let posts = f.assignments();
        let pairs: Vec<(i64, i64, i64, i32, Date, Date)> = f.rows(
            "SELECT id, mentor_id, mentee_id, fiscal_year, start_date, end_date FROM ojt_pairs",
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    date(&r.get::<_, String>(4)?),
                    date(&r.get::<_, String>(5)?),
                ))
            },
        );
        assert!(!pairs.is_empty(), "[{}] no OJT pairs", f.name);
        let mut bad = Vec::new();
        let mut mentees = HashSet::new();
        for &(id, m, e, fy, start, end) in &pairs {
            let (mentor, mentee) = (&staff[&m], &staff[&e]);
            let unit = |s: i64| post_on(&posts[&s], start).map(|a| a.unit_id);
            let why = if m == e {
                "mentor is the mentee"
            } else if start.years_since(mentor.hire) < 3 {
                "mentor has under 3 years"
            } else if !mentor.serving_on(start) {
                "mentor not serving"
            } else if mentee.hire != start {
                "mentee not hired on the start date"
            } else if start.fiscal_year() != fy || end < start || end > fy_end(fy) {
                "dates outside the fiscal year"
            } else if unit(m) != unit(e) {
                "mentor and mentee in different units"
            } else if !mentees.insert(e) {
                "mentee paired twice"
            } else {
                continue;
            };
            bad.push((id, why));
        }
        assert_none(&format!("[{}] OJT pairs", f.name), &bad);
        let logs = f.int(&format!(
            "SELECT count(*) FROM ojt_logs l JOIN ojt_pairs p ON p.id = l.pair_id
             WHERE l.author_id NOT IN (p.mentor_id, p.mentee_id)
                OR l.logged_on < p.start_date OR l.logged_on > p.end_date
                OR l.logged_on > '{}'",
            f.today()
        ));
        assert_eq!(
            logs, 0,
            "[{}] OJT logs by others or out of the pair's dates",
            f.name
        );
    }
}

#[test]
fn enrolments_fit_their_sessions() {
    for f in all() {
        let today = f.today();
        let over: Vec<(i64, i64, i64)> = f.rows(
            "SELECT s.id, s.capacity, count(e.id) FROM training_sessions s
             JOIN enrolments e ON e.session_id = s.id AND e.state <> 'cancelled'
             GROUP BY s.id HAVING count(e.id) > s.capacity",
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        );
        assert_none(&format!("[{}] sessions over capacity", f.name), &over);
        let checks = [
            (
                "completed ⇔ completed_on",
                "SELECT count(*) FROM enrolments
                 WHERE (state = 'completed') <> (completed_on IS NOT NULL)"
                    .to_string(),
            ),
            (
                "completed after today or before the session",
                format!(
                    "SELECT count(*) FROM enrolments e JOIN training_sessions s ON s.id = e.session_id
                     WHERE e.completed_on > '{today}' OR e.completed_on < s.starts_on"
                ),
            ),
            (
                "hours: the course's when completed, else none",
                "SELECT count(*) FROM enrolments e JOIN training_sessions s ON s.id = e.session_id
                 JOIN courses c ON c.id = s.course_id
                 WHERE e.hours <> CASE e.state WHEN 'completed' THEN c.hours ELSE 0 END"
                    .to_string(),
            ),
            (
                "a session starting after today already attended",
                format!(
                    "SELECT count(*) FROM enrolments e JOIN training_sessions s ON s.id = e.session_id
                     WHERE s.starts_on > '{today}' AND e.state IN ('attended','absent','completed')"
                ),
            ),
            (
                "a session outside its fiscal year or before its course",
                "SELECT count(*) FROM training_sessions s JOIN courses c ON c.id = s.course_id
                 WHERE s.starts_on < (s.fiscal_year || '-04-01')
                    OR s.starts_on > ((s.fiscal_year + 1) || '-03-31')
                    OR s.ends_on < s.starts_on OR s.starts_on < c.since"
                    .to_string(),
            ),
            (
                "enrolled while not in service",
                "SELECT count(*) FROM enrolments e JOIN training_sessions s ON s.id = e.session_id
                 JOIN staff p ON p.id = e.staff_id
                 WHERE p.hire_date > s.starts_on OR p.retire_date < s.starts_on"
                    .to_string(),
            ),
        ];
        for (what, sql) in checks {
            assert_eq!(f.int(&sql), 0, "[{}] enrolments: {what}", f.name);
        }
        // The plan's own courses: language from August 2013, secondment from September 2013.
        for (cat, since) in [("language", "2013-08-01"), ("secondment", "2013-09-01")] {
            let n = f.int(&format!(
                "SELECT count(*) FROM courses WHERE category = '{cat}' AND since = '{since}'"
            ));
            assert!(n > 0, "[{}] no {cat} course since {since}", f.name);
            let early = f.int(&format!(
                "SELECT count(*) FROM courses WHERE category = '{cat}' AND since < '{since}'"
            ));
            assert_eq!(early, 0, "[{}] {cat} courses before the plan", f.name);
        }
    }
    let taken = default_demo().int(
        "SELECT count(DISTINCT c.category) FROM enrolments e
         JOIN training_sessions s ON s.id = e.session_id JOIN courses c ON c.id = s.course_id",
    );
    assert!(
        taken >= 6,
        "only {taken} course categories taken in the default demo"
    );
}

#[test]
fn compliance_one_record_per_person_and_year() {
    for f in all() {
        let staff = f.staff();
        let have: HashMap<(i64, i32), i64> = f
            .rows(
                "SELECT staff_id, fiscal_year, count(*) FROM compliance_records GROUP BY 1, 2",
                |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)),
            )
            .into_iter()
            .collect();
        let mut bad = Vec::new();
        for s in &staff {
            for fy in f.years() {
                // Staff on leave are excused this year.
                let want = s.active_in(fy) && !(s.status == "leave" && fy == f.cur_fy());
                let n = have.get(&(s.id, fy)).copied().unwrap_or(0);
                if n != i64::from(want) {
                    bad.push((s.staff_no.clone(), fy, n));
                }
            }
        }
        assert_none(&format!("[{}] (staff, fy, records)", f.name), &bad);
        let stray = have.keys().filter(|k| !f.years().contains(&k.1)).count();
        assert_eq!(stray, 0, "[{}] records outside the years", f.name);
        let late = f.int(&format!(
            "SELECT count(*) FROM compliance_records
             WHERE training_done_on > '{0}' OR self_check_done_on > '{0}'
                OR due_on NOT BETWEEN (fiscal_year || '-04-01') AND ((fiscal_year + 1) || '-03-31')",
            f.today()
        ));
        assert_eq!(late, 0, "[{}] compliance dates", f.name);
    }
    // On 2026-11-24 this year's deadline (31 October) has passed: most are done, some not.
    let f = default_demo();
    let count = |cond: &str| {
        f.int(&format!(
            "SELECT count(*) FROM compliance_records WHERE fiscal_year = {} AND {cond}",
            f.cur_fy()
        ))
    };
    let all = count("1");
    let overdue = count(&format!(
        "due_on < '{}' AND (training_done_on IS NULL OR self_check_done_on IS NULL)",
        f.today()
    ));
    let done = count("training_done_on IS NOT NULL AND self_check_done_on IS NOT NULL");
    eprintln!(
        "[default] FY{} compliance: {done} done, {overdue} overdue of {all}",
        f.cur_fy()
    );
    assert!(overdue > 0, "nobody overdue");
    assert!(done * 10 >= all * 8, "only {done} of {all} done");
    assert_eq!(done + overdue, all);
    let past_done = f.int(&format!(
        "SELECT count(*) FROM compliance_records WHERE fiscal_year < {} AND training_done_on IS NOT NULL
            AND self_check_done_on IS NOT NULL",
        f.cur_fy()
    ));
    let past = f.int(&format!(
        "SELECT count(*) FROM compliance_records WHERE fiscal_year < {}",
        f.cur_fy()
    ));
    assert!(
        past_done * 100 >= past * 95,
        "past years: {past_done} of {past} done"
    );
}

/// A cycle's owner: (staff, unit), exactly one set.
type Owner = (Option<i64>, Option<i64>);

#[derive(Debug, Clone)]
struct Cycle {
    id: i64,
    owner: Owner,
    fy: i32,
    phase: String,
    lower: bool,
    baseline: Option<f64>,
    target: Option<f64>,
    result: Option<f64>,
    prev: Option<i64>,
}

#[test]
fn pdca_cycles_spiral_from_the_last_result() {
    for f in all() {
        let cycles: HashMap<i64, Cycle> = f
            .rows(
                "SELECT id, owner_staff_id, owner_unit_id, fiscal_year, phase, lower_is_better,
                        baseline, target, result, prev_id FROM pdca_cycles",
                |r| {
                    Ok(Cycle {
                        id: r.get(0)?,
                        owner: (r.get(1)?, r.get(2)?),
                        fy: r.get(3)?,
                        phase: r.get(4)?,
                        lower: r.get(5)?,
                        baseline: r.get(6)?,
                        target: r.get(7)?,
                        result: r.get(8)?,
                        prev: r.get(9)?,
                    })
                },
            )
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        assert!(!cycles.is_empty(), "[{}] no PDCA cycles", f.name);
        let by_owner: HashMap<(Owner, i32), Vec<i64>> =
            cycles.values().fold(HashMap::new(), |mut m, c| {
                m.entry((c.owner, c.fy)).or_default().push(c.id);
                m
            });
        let mut bad = Vec::new();
        for c in cycles.values() {
            let measured = matches!(c.phase.as_str(), "check" | "act" | "closed");
            if c.fy < f.cur_fy() && c.phase != "closed" {
                bad.push((c.id, "a past year's cycle not closed".to_string()));
            }
            if c.result.is_some() != measured {
                bad.push((c.id, format!("result ⇔ measured, in phase {}", c.phase)));
            }
            if by_owner[&(c.owner, c.fy)].len() != 1 {
                bad.push((c.id, "two cycles of one owner in a year".into()));
            }
            if let (Some(b), Some(t)) = (c.baseline, c.target)
                && (if c.lower { t > b } else { t < b })
            {
                bad.push((c.id, format!("target {t} worse than baseline {b}")));
            }
            match (c.prev, by_owner.get(&(c.owner, c.fy - 1))) {
                (None, Some(_)) => bad.push((c.id, "last year's cycle not linked".into())),
                (Some(p), _) => {
                    let prev = &cycles[&p];
                    if prev.owner != c.owner || prev.fy != c.fy - 1 {
                        bad.push((c.id, format!("prev {p}: another owner or year")));
                    } else if prev.result != c.baseline {
                        bad.push((
                            c.id,
                            format!("baseline {:?} ≠ last result {:?}", c.baseline, prev.result),
                        ));
                    }
                }
                (None, None) => {}
            }
        }
        assert_none(&format!("[{}] PDCA cycles", f.name), &bad);
        let linked = cycles.values().filter(|c| c.prev.is_some()).count();
        if f.params.years > 1 {
            assert!(linked > 0, "[{}] no cycle follows another", f.name);
        }
        let stray = f.int(
            "SELECT count(*) FROM pdca_cycles c JOIN staff s ON s.id = c.owner_staff_id
             WHERE s.hire_date > ((c.fiscal_year + 1) || '-03-31')
                OR s.retire_date < (c.fiscal_year || '-04-01')",
        );
        assert_eq!(stray, 0, "[{}] cycles of people not in service", f.name);
    }
}

/// Columns that record something that happened: none may be after the base day.
const HAPPENED: &[(&str, &str)] = &[
    ("staff", "birth_date"),
    ("staff", "hire_date"),
    ("staff", "retire_date"),
    ("accounts", "created_on"),
    ("assignments", "start_date"),
    ("assignments", "end_date"),
    ("self_reports", "submitted_on"),
    ("qualifications", "acquired_on"),
    ("career_interviews", "held_on"),
    ("evaluations", "start_interview_on"),
    ("evaluations", "end_interview_on"),
    ("evaluations", "self_submitted_on"),
    ("evaluations", "first_done_on"),
    ("evaluations", "second_done_on"),
    ("evaluations", "finalized_on"),
    ("evaluations", "disclosed_on"),
    ("evaluations", "response_on"),
    ("themes", "midterm_on"),
    ("enrolments", "applied_on"),
    ("enrolments", "completed_on"),
    ("ojt_pairs", "start_date"),
    ("ojt_logs", "logged_on"),
    ("awards", "nominated_on"),
    ("awards", "decided_on"),
    ("awards", "awarded_on"),
    ("compliance_records", "training_done_on"),
    ("compliance_records", "self_check_done_on"),
    ("incidents", "occurred_on"),
    ("incidents", "reported_on"),
    ("pdca_actions", "done_on"),
    ("pdca_checkins", "on_date"),
    ("pdca_reviews", "reviewed_on"),
    ("surveys", "conducted_on"),
];

fn dated_after_today(f: &Fixture) -> Vec<String> {
    HAPPENED
        .iter()
        .filter_map(|(table, col)| {
            let n = f.int(&format!(
                "SELECT count(*) FROM {table} WHERE {col} > '{}'",
                f.today()
            ));
            (n > 0).then(|| format!("{table}.{col}: {n} rows after {}", f.today()))
        })
        .collect()
}

#[test]
fn nothing_is_dated_after_today() {
    for f in all() {
        assert_none(&format!("[{}] future dates", f.name), &dated_after_today(f));
    }
    // Base days on the edges of the year: the first and last day of a fiscal year, and the
    // weeks around the evaluation and award calendars.
    for (y, m, day) in [(2026, 4, 1), (2026, 10, 10), (2027, 1, 5), (2027, 3, 31)] {
        let f = Fixture::build(
            "edge",
            Params {
                staff: 60,
                years: 3,
                seed: 5,
                today: d(y, m, day),
            },
        );
        assert_none(
            &format!("[{}] future dates", f.today()),
            &dated_after_today(&f),
        );
    }
}

#[test]
fn nothing_is_dated_after_today_in_september() {
    let f = Fixture::build("september", Params::demo(d(2026, 9, 15)));
    assert_none("[2026-09-15] future dates", &dated_after_today(&f));
}
