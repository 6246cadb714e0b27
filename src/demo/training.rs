//! Courses from the catalogue, sessions sized to their enrolments, enrolments whose state
//! follows the session date, required courses taken (by most), and OJT pairs for new hires.

use std::collections::BTreeMap;

use super::Gen;
use super::rng::Rng;
use crate::domain::date::fiscal_year_start;
use crate::domain::staff::{Position, StaffStatus};
use crate::domain::training::{
    Course, CourseCategory, CourseRequirement, Enrolment, EnrolmentState, OjtLog, OjtPair,
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
                version: 0,
            });
        }
    }
    g.put(&mut reqs)?;
    enrolments(g, &courses, rng)?;
    ojt(g, rng)
}

/// Who takes what, when: (course index, fiscal year) → people.
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
    let mut plan: BTreeMap<(usize, FiscalYear), Vec<usize>> = BTreeMap::new();
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
        // Required courses for the position held now: taken once, in the year of the
        // promotion (or hire) if within the history, else in its first year. A few have not.
        for (k, c) in g.assets.courses.iter().enumerate() {
            if !c.required_for.contains(&p.staff.position)
                || p.staff.status == StaffStatus::Retired
                || rng.chance(0.03)
            {
                continue;
            }
            let since = p
                .posts
                .iter()
                .find(|q| q.position == p.staff.position)
                .map(|q| q.start)
                .unwrap_or(p.staff.hire_date);
            let fy = if courses[k].category == CourseCategory::RankBased {
                since.fiscal_year().max(first)
            } else {
                *rng.pick(&active_years)
            };
            if active_years.contains(&fy) {
                plan.entry((k, fy)).or_default().push(i);
            }
        }
        // Electives: about every other year.
        for &fy in &active_years {
            if rng.chance(0.45) {
                let k = *rng.pick(&elective);
                if courses[k].since <= fiscal_year_start(fy + 1) {
                    plan.entry((k, fy)).or_default().push(i);
                }
            }
        }
    }
    // One enrolment per person per course and year, however it was planned.
    for people in plan.values_mut() {
        people.sort_unstable();
        people.dedup();
    }
    let today = g.today;
    let mut sessions = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
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
            let starts = fiscal_year_start(fy).add_days(rng.range(20, 330));
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
        for i in people {
            let applied = s.starts_on.add_days(-rng.range(20, 45));
            let state = if s.ends_on <= today {
                [
                    EnrolmentState::Completed,
                    EnrolmentState::Absent,
                    EnrolmentState::Cancelled,
                ][rng.weighted(&[92, 4, 4])]
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

/// New hires get a mentor: a 主任 (or anyone senior with 3+ years) of the same team.
fn ojt(g: &mut Gen, rng: &mut Rng) -> Result<()> {
    let today = g.today;
    let mut pairs = Vec::new();
    let mut pair_people = Vec::new();
    for fy in g.fiscal_years() {
        let start = fiscal_year_start(fy);
        if start > today {
            continue;
        }
        // 主任 with three years of service, by the unit they sit in on 1 April.
        let mut seniors: std::collections::HashMap<usize, Vec<usize>> = Default::default();
        for (m, q) in g.people.iter().enumerate() {
            let senior = q
                .post_on(start)
                .is_some_and(|post| post.position == Position::Senior);
            if senior && q.active_in(fy) && start.years_since(q.staff.hire_date) >= 3 {
                seniors
                    .entry(super::people::unit_on(q, start))
                    .or_default()
                    .push(m);
            }
        }
        for i in 0..g.people.len() {
            let p = &g.people[i];
            if p.staff.hire_date != start {
                continue;
            }
            let unit = super::people::unit_on(p, start);
            let Some(m) = seniors.get(&unit).map(|v| *rng.pick(v)) else {
                continue;
            };
            pairs.push(OjtPair {
                id: 0,
                mentor_id: g.staff_id(m),
                mentee_id: g.staff_id(i),
                fiscal_year: fy,
                start_date: start,
                end_date: fiscal_year_start(fy + 1).add_days(-1),
                goal: g.assets.text("ojt_goal", rng).into(),
                version: 0,
            });
            pair_people.push((m, i));
        }
    }
    g.put(&mut pairs)?;
    let mut logs = Vec::new();
    for (pair, (m, i)) in pairs.iter().zip(pair_people) {
        let mut d: Date = pair.start_date.add_days(rng.range(10, 30));
        while d <= pair.end_date && d <= today {
            // Each writes as themselves: the mentor what they taught, the mentee what they learnt.
            let (author, kind) = if rng.chance(0.6) {
                (m, "ojt_log_mentor")
            } else {
                (i, "ojt_log_mentee")
            };
            logs.push(OjtLog {
                id: 0,
                pair_id: pair.id,
                author_id: g.staff_id(author),
                logged_on: d,
                body: g.assets.text(kind, rng).into(),
                version: 0,
            });
            d = d.add_days(rng.range(30, 60));
        }
    }
    g.put(&mut logs)
}
