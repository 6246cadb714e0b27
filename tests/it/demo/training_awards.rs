//! The demo generator's awards, OJT and training over the years obey their rules.
//! (Evaluations and themes are in `demo_evaluation.rs`; compliance, PDCA and dates in
//! `demo_pdca_compliance.rs`.)

use crate::support::generated;

use std::collections::HashSet;

use generated::*;
use jinji::domain::Date;

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

/// 必修未受講 is a worklist a ward can work through: in the default demo a few people owe
/// a required course this year, none of them away on leave.
#[test]
fn few_people_owe_a_required_course() {
    use jinji::store::views::{ViewQuery, view};
    let f = default_demo();
    let v = view("required_missing").expect("view");
    let q = ViewQuery {
        fiscal_year: Some(f.cur_fy()),
        ..ViewQuery::on(f.today())
    };
    let db = f.db();
    let owing = db.view_count(v, &q).expect("count");
    let serving = f.int("SELECT count(*) FROM staff WHERE status = 'active'");
    eprintln!(
        "[default] FY{} required courses owed by {owing} of {serving}",
        f.cur_fy()
    );
    assert!(owing > 0, "nobody owes anything");
    assert!(owing * 12 <= serving, "{owing} of {serving} owe a course");
    let rows = db.view_rows(v, &q, 0, 1_000).expect("rows");
    let away: Vec<String> = rows
        .iter()
        .map(|r| r.cells[0].as_text())
        .filter(|no| {
            f.int(&format!(
                "SELECT count(*) FROM staff WHERE staff_no = '{no}' AND status <> 'active'"
            )) > 0
        })
        .collect();
    assert_none("[default] listed while away", &away);
}

/// The コンプライアンス tab and the 研修 tab say the same of the year's compliance training:
/// those the compliance list shows as trained are those the enrolment list shows as having
/// completed the yearly compliance course, in every year of the demo.
#[test]
fn the_compliance_and_training_tabs_count_the_same_people() {
    use jinji::store::views::{ViewQuery, view};
    let f = default_demo();
    let db = f.db();
    let column = |name: &str, key: &str| {
        view(name)
            .expect("view")
            .columns
            .iter()
            .position(|c| c.key == key)
            .expect("column")
    };
    for fy in f.years() {
        let q = |state: Option<&str>| ViewQuery {
            fiscal_year: Some(fy),
            state: state.map(str::to_string),
            ..ViewQuery::on(f.today())
        };
        let compliance = view("compliance").expect("view");
        let trained: HashSet<String> = db
            .view_rows(compliance, &q(None), 0, 100_000)
            .expect("rows")
            .iter()
            .filter(|r| {
                !r.cells[column("compliance", "training_done_on")]
                    .as_text()
                    .is_empty()
            })
            .map(|r| r.cells[column("compliance", "staff_no")].as_text())
            .collect();
        let enrolments = view("enrolments").expect("view");
        let completed: HashSet<String> = db
            .view_rows(enrolments, &q(Some("completed")), 0, 100_000)
            .expect("rows")
            .iter()
            .filter(|r| r.cells[column("enrolments", "title")].as_text() == "コンプライアンス研修")
            .map(|r| r.cells[column("enrolments", "staff_no")].as_text())
            .collect();
        eprintln!(
            "[default] FY{fy}: {} trained, {} completed",
            trained.len(),
            completed.len()
        );
        assert!(trained.len() > 20, "FY{fy}: only {} trained", trained.len());
        assert_eq!(trained, completed, "FY{fy}");
    }
}
