//! A person's career: an age and a hire date that fit the post, then assignments forward
//! from hire (transfers every few years on 1 April, promotions at plausible ages), ending
//! in the post they hold.

use std::collections::HashMap;

use super::assets::{Assets, Generation};
use super::org::Org;
use super::rng::Rng;
use crate::domain::assignment::Reason;
use crate::domain::date::fiscal_year_start;
use crate::domain::employment::{EmploymentKind, FULL_WEEK_HOURS};
use crate::domain::staff::{JobType, Position, Sex, Staff, StaffStatus, Track};
use crate::domain::unit::UnitKind;
use crate::domain::{Date, FiscalYear};

/// Where people of each kind can be placed in one ward.
pub(super) struct WardPlaces {
    pub teams: Vec<usize>,
    pub teams_by_job: HashMap<JobType, Vec<usize>>,
    pub sections: Vec<usize>,
    pub depts: Vec<usize>,
    pub personnel: usize,
}

pub(super) fn places(org: &Org) -> Vec<WardPlaces> {
    let mut out: Vec<WardPlaces> = (0..org.wards)
        .map(|_| WardPlaces {
            teams: vec![],
            teams_by_job: HashMap::new(),
            sections: vec![],
            depts: vec![],
            personnel: 0,
        })
        .collect();
    for (i, u) in org.units.iter().enumerate() {
        let w = &mut out[u.ward];
        match u.unit.kind {
            UnitKind::Team => {
                w.teams.push(i);
                for (j, _) in &u.jobs {
                    w.teams_by_job.entry(*j).or_default().push(i);
                }
                if u.personnel {
                    w.personnel = i;
                }
            }
            UnitKind::Section => w.sections.push(i),
            UnitKind::Department => w.depts.push(i),
            UnitKind::Office => {}
        }
    }
    out
}

/// (min, max) age on the base day for someone now in `p`.
pub(super) fn age_range(p: Position) -> (i64, i64) {
    match p {
        Position::Director => (55, 59),
        Position::SectionChief => (48, 59),
        Position::DeputyChief => (45, 58),
        Position::TeamChief => (38, 56),
        Position::Senior => (30, 52),
        Position::Clerk | Position::Engineer => (22, 40),
    }
}

/// The ladder up to `top`, with the age each step is usually reached.
fn ladder(top: Position, entry: Position, rng: &mut Rng) -> Vec<(Position, i64)> {
    let mut steps = vec![(entry, 0)];
    let all = [
        (Position::Senior, rng.range(29, 34)),
        (Position::TeamChief, rng.range(37, 44)),
        (Position::DeputyChief, rng.range(44, 48)),
        (Position::SectionChief, rng.range(47, 52)),
        (Position::Director, rng.range(53, 56)),
    ];
    for (p, age) in all {
        if p.rank() >= top.rank() {
            if p == Position::DeputyChief && top != p && rng.chance(0.5) {
                continue;
            }
            steps.push((p, age));
        }
    }
    steps
}

#[allow(clippy::too_many_arguments)]
pub(super) fn person(
    assets: &Assets,
    pl: &WardPlaces,
    org: &Org,
    job: JobType,
    top: Position,
    unit: usize,
    birth: Date,
    until: Date,
    retired: Option<Date>,
    rng: &mut Rng,
) -> Person {
    let r = rng.unit();
    let hire_age = if r < 0.7 {
        rng.range(22, 23)
    } else if r < 0.8 {
        rng.range(18, 19)
    } else {
        rng.range(24, 34)
    };
    let mut hire = fiscal_year_start((birth.add_years(hire_age as i32)).fiscal_year() + 1);
    let latest = fiscal_year_start(until.fiscal_year());
    if hire > latest {
        hire = latest;
    }
    let entry = if job.is_technical() {
        Position::Engineer
    } else {
        Position::Clerk
    };
    let top = if top.rank() == 5 { entry } else { top };
    let steps = ladder(top, entry, rng);
    // Promotion dates: the usual age, but never before a year after the previous step and
    // never after the base day.
    let mut promos: Vec<(Position, Date)> = Vec::new();
    let mut prev = hire;
    for (i, (p, age)) in steps.iter().enumerate().skip(1) {
        let remaining = (steps.len() - i) as i32;
        let mut d = fiscal_year_start(birth.add_years(*age as i32).fiscal_year() + 1);
        d = d
            .max(prev.add_years(1))
            .min(latest.add_years(-(remaining - 1)));
        if d <= prev {
            continue;
        }
        promos.push((*p, d));
        prev = d;
    }
    let specialist = job.is_technical() || rng.chance(0.08);
    let sex_female = match job {
        JobType::Nurse | JobType::Childcare | JobType::Dietitian => rng.chance(0.92),
        _ if top.rank() <= 1 => rng.chance(0.25),
        _ => rng.chance(0.48),
    };
    // The career, forward from hire.
    let ward_places = pl;
    let mut posts: Vec<Post> = Vec::new();
    let mut t = hire;
    let mut pos = entry;
    let mut reason = Reason::Hire;
    let mut note = "";
    let mut cur_unit = unit_for(ward_places, entry, job, rng);
    let mut promo_i = 0;
    loop {
        let gap = if specialist {
            rng.range(4, 8)
        } else if rng.chance(0.08) {
            rng.range(6, 8)
        } else {
            rng.range(3, 5)
        };
        let gap = if reason == Reason::Secondment || reason == Reason::Dispatch {
            rng.range(1, 2)
        } else {
            gap
        };
        let next_transfer = t.add_years(gap as i32);
        let next_promo = promos.get(promo_i).map(|p| p.1);
        let next = match next_promo {
            Some(np) if np <= next_transfer => np,
            _ => next_transfer,
        };
        if next > until || (retired.is_some() && next > latest) {
            posts.push(Post {
                unit: cur_unit,
                position: pos,
                start: t,
                end: retired,
                reason,
                note,
            });
            break;
        }
        posts.push(Post {
            unit: cur_unit,
            position: pos,
            start: t,
            end: Some(next.add_days(-1)),
            reason,
            note,
        });
        t = next;
        note = "";
        if Some(next) == next_promo {
            pos = promos[promo_i].0;
            promo_i += 1;
            reason = Reason::Promotion;
            // 主任 is usually a promotion in place.
            if pos != Position::Senior {
                cur_unit = unit_for(ward_places, pos, job, rng);
            }
        } else {
            let age = t.years_since(birth);
            if job == JobType::Office && (27..=45).contains(&age) && rng.chance(0.04) {
                let (kind, dest) = *rng.pick(&assets.secondments);
                reason = if kind == "dispatch" {
                    Reason::Dispatch
                } else {
                    Reason::Secondment
                };
                note = dest;
                cur_unit = ward_places.personnel;
            } else {
                reason = Reason::Transfer;
                cur_unit = other_unit(ward_places, pos, job, cur_unit, rng);
            }
        }
    }
    // The last post is the one the person holds (or left from).
    if let Some(last) = posts.last_mut()
        && last.reason != Reason::Secondment
        && last.reason != Reason::Dispatch
    {
        last.unit = unit;
    }
    // A transfer always moves: where the re-pointed last post (or a lack of suitable units)
    // left someone in place, the earlier post moves, and a move that cannot be made is
    // folded into the post before it.
    for k in (1..posts.len()).rev() {
        if posts[k].reason == Reason::Transfer && posts[k].unit == posts[k - 1].unit {
            let moved = other_unit(pl, posts[k - 1].position, job, posts[k].unit, rng);
            if moved != posts[k].unit
                && !matches!(posts[k - 1].reason, Reason::Secondment | Reason::Dispatch)
            {
                posts[k - 1].unit = moved;
            } else {
                let end = posts[k].end;
                posts.remove(k);
                posts[k - 1].end = end;
            }
        }
    }
    let staff_unit = posts.last().map(|p| p.unit).unwrap_or(unit);
    let generation = Generation::of_birth_year(birth.year());
    let family = &assets.family[rng.weighted(&assets.family_weights)];
    let given_pool: Vec<&super::assets::GivenName> = assets
        .given
        .iter()
        .filter(|g| g.male != sex_female && g.generation == generation)
        .collect();
    let given = given_pool[rng.below(given_pool.len() as u64) as usize];
    let (glo, ghi) = top.grades();
    let grade = if top.rank() == 5 {
        (1 + (until.years_since(hire) / 5) as i64).clamp(glo, ghi)
    } else {
        rng.range(glo, ghi)
    };
    let on_secondment = posts.last().is_some_and(|p| {
        p.end.is_none() && matches!(p.reason, Reason::Secondment | Reason::Dispatch)
    });
    let status = match retired {
        Some(_) => StaffStatus::Retired,
        None if on_secondment => StaffStatus::Seconded,
        None if top.rank() >= 4 && rng.chance(0.01) => StaffStatus::Leave,
        None => StaffStatus::Active,
    };
    let ward = org.units[unit].ward;
    Person {
        staff: Staff {
            id: 0,
            staff_no: String::new(),
            family_name: family.kanji.to_string(),
            given_name: given.kanji.to_string(),
            family_kana: family.kana.to_string(),
            given_kana: given.kana.to_string(),
            sex: if sex_female { Sex::Female } else { Sex::Male },
            birth_date: birth,
            hire_date: hire,
            unit_id: 0,
            position: posts.last().map(|p| p.position).unwrap_or(top),
            grade,
            job_type: job,
            track: if specialist {
                Track::Specialist
            } else {
                Track::Generalist
            },
            status,
            employment_kind: EmploymentKind::Regular,
            weekly_hours: FULL_WEEK_HOURS,
            term_start: None,
            term_end: None,
            renewals: 0,
            post_limit_exception: None,
            retire_date: retired,
            supervisor_id: None,
            email: String::new(),
            phone: format!("{}{:03}", 2 + ward % 8, staff_unit % 1000),
            version: 0,
        },
        unit: staff_unit,
        ward,
        posts,
        supervisor: None,
    }
}

/// A unit of the level a position works at, suited to the job type.
pub(super) fn unit_for(pl: &WardPlaces, pos: Position, job: JobType, rng: &mut Rng) -> usize {
    match pos {
        Position::Director if !pl.depts.is_empty() => *rng.pick(&pl.depts),
        Position::SectionChief | Position::DeputyChief if !pl.sections.is_empty() => {
            *rng.pick(&pl.sections)
        }
        _ => match pl.teams_by_job.get(&job) {
            Some(t) if !t.is_empty() => *rng.pick(t),
            _ => *rng.pick(&pl.teams),
        },
    }
}

/// A unit other than `not` where the position fits; `not` itself when there is none.
pub(super) fn other_unit(
    pl: &WardPlaces,
    pos: Position,
    job: JobType,
    not: usize,
    rng: &mut Rng,
) -> usize {
    for _ in 0..4 {
        let u = unit_for(pl, pos, job, rng);
        if u != not {
            return u;
        }
    }
    // Few units fit the job type: any unit of the level will do.
    let level: &[usize] = match pos {
        Position::Director => &pl.depts,
        Position::SectionChief | Position::DeputyChief => &pl.sections,
        _ => &pl.teams,
    };
    let others: Vec<usize> = level.iter().copied().filter(|&u| u != not).collect();
    if others.is_empty() {
        not
    } else {
        *rng.pick(&others)
    }
}

pub struct Post {
    pub unit: usize,
    pub position: Position,
    pub start: Date,
    pub end: Option<Date>,
    pub reason: Reason,
    pub note: &'static str,
}

pub struct Person {
    pub staff: Staff,
    pub unit: usize,
    pub ward: usize,
    pub posts: Vec<Post>,
    /// Index of the person's supervisor in the people list.
    pub supervisor: Option<usize>,
}

impl Person {
    /// The post held on `d`, if any.
    pub fn post_on(&self, d: Date) -> Option<&Post> {
        self.posts
            .iter()
            .rev()
            .find(|p| p.start <= d && p.end.is_none_or(|e| e >= d))
    }
    pub fn active_in(&self, fy: FiscalYear) -> bool {
        self.staff.hire_date <= fiscal_year_start(fy + 1).add_days(-1)
            && self
                .staff
                .retire_date
                .is_none_or(|r| r >= fiscal_year_start(fy))
    }
}
