//! Courses from the catalogue, sessions sized to their enrolments, enrolments whose state
//! follows the session date, required courses taken when they fall due (by nearly all),
//! the yearly compliance e-learning; then OJT pairs for new hires (`ojt.rs`).

use std::collections::BTreeMap;

use super::Gen;
use super::evaluations::fy_date;
use super::rng::Rng;
use crate::domain::date::fiscal_year_start;
use crate::domain::staff::{Position, StaffStatus};
use crate::domain::training::{
    Course, CourseCategory, CourseRequirement, Enrolment, EnrolmentState, RequiredPeriod,
    TrainingSession,
};
use crate::domain::{Date, FiscalYear};
use crate::store::Result;

pub fn generate(g: &mut Gen, rng: &mut Rng) -> Result<()> {
    let assets = &g.assets;
    let mut courses: Vec<Course> = assets
        .courses
        .iter()
        .map(|c| Course {
            id: 0,
            code: c.code.into(),
            title: c.title.into(),
            category: c.category,
            hours: c.hours,
            provider: if matches!(
                c.category,
                CourseCategory::PowerUp | CourseCategory::SelfDevelopment
            ) {
                assets.text("provider", rng).into()
            } else {
                String::new()
            },
            since: c.since.parse().unwrap_or(Date::from_ymd(2005, 4, 1)),
            until: None,
            version: 0,
        })
        .collect();
    g.put(&mut courses)?;
    let mut reqs = Vec::new();
    for (k, c) in g.assets.courses.iter().enumerate() {
        for &p in &c.required_for {
            reqs.push(CourseRequirement {
                id: 0,
                course_id: courses[k].id,
                position: p,
                period: c.period,
                months: c.months,
                version: 0,
            });
        }
    }
    g.put(&mut reqs)?;
    enrolments(g, &courses, rng)?;
    yearly(g, &courses, rng)?;
    super::ojt::generate(g, rng)
}

/// Why someone is enrolled: a course their position requires (taken; or missed, and taken
/// again the next year), or an elective (taken by most).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Planned {
    Required,
    Missed,
    Elective,
}

/// Who takes what, when: (course index, fiscal year) → people. Courses required every
/// year are `yearly`'s.
fn enrolments(g: &mut Gen, courses: &[Course], rng: &mut Rng) -> Result<()> {
    let years: Vec<FiscalYear> = g.fiscal_years().collect();
    let first = years[0];
    let by_cat = |cat: CourseCategory| -> Vec<usize> {
        (0..courses.len())
            .filter(|&k| courses[k].category == cat)
            .collect()
    };
    let elective: Vec<usize> = [
        CourseCategory::Language,
        CourseCategory::PowerUp,
        CourseCategory::SelfDevelopment,
        CourseCategory::Secondment,
        CourseCategory::Ojt,
    ]
    .into_iter()
    .flat_map(by_cat)
    .collect();
    let today = g.today;
    let mut plan: BTreeMap<(usize, FiscalYear), Vec<(usize, Planned)>> = BTreeMap::new();
    for i in 0..g.people.len() {
        let p = &g.people[i];
        let active_years: Vec<FiscalYear> = years
            .iter()
            .copied()
            .filter(|&fy| p.active_in(fy))
            .collect();
        if active_years.is_empty() {
            continue;
        }
        // Required courses of the position held now, in the year they fall due: a rank's
        // course in the year of the promotion (or hire; the first year of the history
        // for those who took up the rank before it), a course due once in any year. Most
        // take it; a few miss it and take it the next year; very few never have.
        for (k, c) in g.assets.courses.iter().enumerate() {
            if !c.required_for.contains(&p.staff.position) || p.staff.status == StaffStatus::Retired
            {
                continue;
            }
            let fy = match c.period {
                RequiredPeriod::EveryYear => continue,
                RequiredPeriod::WithinMonths => {
                    let since = p
                        .posts
                        .iter()
                        .find(|q| q.position == p.staff.position)
                        .map(|q| q.start)
                        .unwrap_or(p.staff.hire_date);
                    let later = (c.months.unwrap_or(12).max(1) - 1) / 12;
                    (since.fiscal_year() + later as i32).max(first)
                }
                // Once: in a year gone by where there is one.
                RequiredPeriod::Once => {
                    let past: Vec<FiscalYear> = active_years
                        .iter()
                        .copied()
                        .filter(|&fy| fy < today.fiscal_year())
                        .collect();
                    *rng.pick(if past.is_empty() {
                        &active_years
                    } else {
                        &past
                    })
                }
            };
            if !active_years.contains(&fy) {
                continue;
            }
            match rng.weighted(&[980, 16, 4]) {
                0 => plan
                    .entry((k, fy))
                    .or_default()
                    .push((i, Planned::Required)),
                1 => {
                    plan.entry((k, fy)).or_default().push((i, Planned::Missed));
                    if active_years.contains(&(fy + 1)) {
                        plan.entry((k, fy + 1))
                            .or_default()
                            .push((i, Planned::Required));
                    }
                }
                _ => {}
            }
        }
        // Electives: about every other year.
        for &fy in &active_years {
            if rng.chance(0.45) {
                let k = *rng.pick(&elective);
                if courses[k].since <= fiscal_year_start(fy + 1) {
                    plan.entry((k, fy))
                        .or_default()
                        .push((i, Planned::Elective));
                }
            }
        }
    }
    // One enrolment per person per course and year, however it was planned (required
    // before elective).
    for people in plan.values_mut() {
        people.sort_unstable();
        people.dedup_by_key(|(i, _)| *i);
    }
    let mut sessions = Vec::new();
    let mut members: Vec<Vec<(usize, Planned)>> = Vec::new();
    for ((k, fy), people) in plan {
        let c = &courses[k];
        let online = c.category == CourseCategory::Compliance;
        // e-learning runs in sessions of up to 5,000; a classroom holds 40.
        let cap: i64 = if online {
            (people.len() as i64 + 50).min(5_000)
        } else {
            40
        };
        let chunk_size = if online { (cap - 50).max(1) } else { cap };
        for chunk in people.chunks(chunk_size as usize) {
            // e-learning opens in the spring; classes run through the year.
            let starts = fiscal_year_start(fy).add_days(if online {
                rng.range(20, 120)
            } else {
                rng.range(20, 330)
            });
            let days = if online {
                60
            } else {
                (c.hours / 6.0).ceil().max(1.0) as i64
            };
            sessions.push(TrainingSession {
                id: 0,
                course_id: c.id,
                fiscal_year: fy,
                starts_on: starts,
                ends_on: starts.add_days(days - 1),
                place: if online {
                    "オンライン（eラーニング）".into()
                } else {
                    g.assets.text("place", rng).into()
                },
                capacity: cap.max(chunk.len() as i64),
                version: 0,
            });
            members.push(chunk.to_vec());
        }
    }
    g.put(&mut sessions)?;
    let mut rows = Vec::new();
    for (s, people) in sessions.iter().zip(members) {
        let hours = courses
            .iter()
            .find(|c| c.id == s.course_id)
            .map(|c| c.hours)
            .unwrap_or(0.0);
        for (i, why) in people {
            let applied = s.starts_on.add_days(-rng.range(20, 45));
            let state = if s.ends_on <= today {
                match why {
                    Planned::Required => EnrolmentState::Completed,
                    Planned::Missed => {
                        [EnrolmentState::Absent, EnrolmentState::Cancelled][rng.weighted(&[2, 1])]
                    }
                    Planned::Elective => [
                        EnrolmentState::Completed,
                        EnrolmentState::Absent,
                        EnrolmentState::Cancelled,
                    ][rng.weighted(&[92, 4, 4])],
                }
            } else if s.starts_on <= today {
                EnrolmentState::Attended
            } else if applied <= today {
                [EnrolmentState::Applied, EnrolmentState::Approved][rng.weighted(&[3, 7])]
            } else {
                continue;
            };
            rows.push(Enrolment {
                id: 0,
                session_id: s.id,
                staff_id: g.staff_id(i),
                state,
                hours: if state == EnrolmentState::Completed {
                    hours
                } else {
                    0.0
                },
                applied_on: applied.min(today),
                completed_on: (state == EnrolmentState::Completed).then_some(s.ends_on),
                version: 0,
            });
        }
        if rows.len() > 50_000 {
            g.put(&mut rows)?;
            rows.clear();
        }
    }
    g.put(&mut rows)
}

/// Courses required every year (the compliance e-learning): a run each year from June to
/// October for everyone with a compliance record of the year; each finished it on the
/// day the record's generator chose, or has not (see `store::training_rules`: the
/// completion is the record's training).
fn yearly(g: &mut Gen, courses: &[Course], rng: &mut Rng) -> Result<()> {
    let today = g.today;
    let yearly: Vec<(usize, Vec<Position>)> = g
        .assets
        .courses
        .iter()
        .enumerate()
        .filter(|(_, c)| c.period == RequiredPeriod::EveryYear)
        .map(|(k, c)| (k, c.required_for.clone()))
        .collect();
    let mut sessions = Vec::new();
    let mut members: Vec<Vec<(usize, Option<Date>)>> = Vec::new();
    for (k, positions) in &yearly {
        for fy in g.fiscal_years() {
            let starts = fy_date(fy, 6, 1);
            let (on_time, later): (Vec<_>, Vec<_>) = g
                .compliance_training
                .range((fy, 0)..(fy + 1, 0))
                .filter(|((_, i), _)| positions.contains(&g.people[*i].staff.position))
                .map(|(&(_, i), &day)| (i, day))
                .partition(|&(i, _)| g.people[i].staff.hire_date <= starts);
            // Those hired after it opens take a run of their own, opened for the last of
            // them to arrive.
            let late_start = later
                .iter()
                .map(|&(i, _)| g.people[i].staff.hire_date)
                .max();
            let runs = [(starts, on_time), (late_start.unwrap_or(starts), later)];
            for (opens, people) in runs {
                if opens > today || opens.fiscal_year() != fy {
                    continue;
                }
                for chunk in people.chunks(4_950) {
                    sessions.push(TrainingSession {
                        id: 0,
                        course_id: courses[*k].id,
                        fiscal_year: fy,
                        starts_on: opens,
                        ends_on: opens.add_days(150),
                        place: "オンライン（eラーニング）".into(),
                        capacity: chunk.len() as i64 + 50,
                        version: 0,
                    });
                    members.push(chunk.to_vec());
                }
            }
        }
    }
    g.put(&mut sessions)?;
    let mut rows = Vec::new();
    for (s, people) in sessions.iter().zip(members) {
        let hours = courses
            .iter()
            .find(|c| c.id == s.course_id)
            .map(|c| c.hours)
            .unwrap_or(0.0);
        for (i, day) in people {
            let applied = s
                .starts_on
                .add_days(-rng.range(20, 45))
                .max(g.people[i].staff.hire_date);
            if applied > today {
                continue;
            }
            let day = day.map(|d| d.max(s.starts_on)).filter(|d| *d <= today);
            let state = match day {
                Some(_) => EnrolmentState::Completed,
                None if s.ends_on < today => EnrolmentState::Absent,
                None => EnrolmentState::Approved,
            };
            rows.push(Enrolment {
                id: 0,
                session_id: s.id,
                staff_id: g.staff_id(i),
                state,
                hours: if day.is_some() { hours } else { 0.0 },
                applied_on: day.map_or(applied, |d| applied.min(d)),
                completed_on: day,
                version: 0,
            });
        }
        if rows.len() > 50_000 {
            g.put(&mut rows)?;
            rows.clear();
        }
    }
    g.put(&mut rows)
}
