//! The demo generator's compliance records and PDCA cycles over the years obey their
//! rules, and nothing is dated after the base day. (Evaluations are in
//! `demo_evaluation.rs`; awards, OJT and training in `demo_training_awards.rs`.)

use crate::support::generated;

use std::collections::HashMap;

use generated::*;
use jinji::demo::Params;

/// Compliance records with the day of the year's compliance training, read as the demo
/// keeps it: a completion of its yearly course, コンプライアンス研修 (CMP01), in the year.
const COMPLIANCE: &str = "(SELECT r.*, (SELECT min(e.completed_on) FROM enrolments e
      JOIN training_sessions ts ON ts.id = e.session_id JOIN courses c ON c.id = ts.course_id
     WHERE e.staff_id = r.staff_id AND e.state = 'completed' AND c.code = 'CMP01'
       AND ts.fiscal_year = r.fiscal_year) AS training_done_on
    FROM compliance_records r)";

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
            "SELECT count(*) FROM {COMPLIANCE}
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
            "SELECT count(*) FROM {COMPLIANCE} WHERE fiscal_year = {} AND {cond}",
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
        "SELECT count(*) FROM {COMPLIANCE} WHERE fiscal_year < {} AND training_done_on IS NOT NULL
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
