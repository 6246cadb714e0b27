//! People: one person per post, with an age, a hire date and a career of assignments that
//! fit the post (transfers every few years on 1 April, promotions at plausible ages); and
//! the people who retired during the years of history.

use std::collections::HashMap;

use super::appointments::{self, Appointment};
use super::assets::Assets;
use super::career;
use super::org::Org;
use super::rng::Rng;
use crate::domain::Date;
use crate::domain::assignment::Reason;
use crate::domain::retirement::{retirement_date, retirement_fy};
use crate::domain::staff::{JobType, Position, StaffStatus};
use crate::domain::unit::UnitKind;

pub use super::career::Person;

pub fn make_people(
    assets: &Assets,
    org: &Org,
    today: Date,
    years: i32,
    rng: &mut Rng,
) -> Vec<Person> {
    let places = career::places(org);
    let mut people = Vec::with_capacity(org.slots.len() + org.slots.len() / 10);
    let share = appointments::fiscal_share(org);
    for slot in &org.slots {
        let w = org.units[slot.unit].ward;
        let (lo, hi) = career::age_range(slot.position);
        // Young people are more common among the rank and file.
        let age = if slot.position.rank() == 5 {
            lo + (rng.unit() * rng.unit() * (hi - lo) as f64) as i64
        } else {
            rng.range(lo, hi)
        };
        let age = appointments::age(slot, age, rng);
        let birth = today.add_years(-(age as i32)).add_days(-rng.range(0, 364));
        let birth = appointments::serving_birth(birth, slot.position, today);
        let regular = |birth: Date, rng: &mut Rng| {
            career::person(
                assets,
                &places[w],
                org,
                slot.job,
                slot.position,
                slot.unit,
                birth,
                today,
                None,
                rng,
            )
        };
        let p = match appointments::choose(slot, share, birth, today, rng) {
            Appointment::Regular => regular(birth, rng),
            Appointment::Fiscal => {
                // Of any age from 27 to 65 (hired at 22 at the least, up to four
                // renewals ago): parents back at work, retirees, career changers.
                let birth = today.add_years(-rng.range(27, 65) as i32);
                let birth = birth.add_days(-rng.range(0, 364));
                appointments::fiscal(regular(birth, rng), slot, today, rng)
            }
            Appointment::Reappointed => match appointments::reappointed_birth(today, rng) {
                Some(b) if places[w].teams.len() > 1 => {
                    appointments::reappointed(assets, &places[w], org, slot, b, today, rng)
                }
                _ => regular(birth, rng),
            },
            Appointment::PostLimited(limit) if places[w].sections.len() > 1 => {
                appointments::post_limited(assets, &places[w], org, slot, birth, limit, rng)
            }
            Appointment::PostLimited(_) => regular(birth, rng),
        };
        people.push(p);
    }
    // People who retired at 定年 during the years of history, on the law's day: none in
    // the years whose 31 March no cohort retires on (2023, 2026 …).
    let cur = today.fiscal_year();
    let per_year = (org.slots.len() as f64 * 0.02).ceil() as usize;
    for fy in (cur - years + 1)..cur {
        let Some(cohort) = ((fy - 66)..=(fy - 60)).find(|&c| retirement_fy(c) == fy) else {
            continue;
        };
        for _ in 0..per_year {
            let w = rng.below(org.wards as u64) as usize;
            let pl = &places[w];
            if pl.teams.is_empty() {
                continue;
            }
            let birth = Date::from_ymd(cohort, 4, 2).add_days(rng.range(0, 364));
            let retire = retirement_date(birth);
            let top = [
                Position::Clerk,
                Position::Senior,
                Position::TeamChief,
                Position::DeputyChief,
                Position::SectionChief,
                Position::Director,
            ][rng.weighted(&[8, 30, 32, 10, 15, 5])];
            let job = if rng.chance(0.8) {
                JobType::Office
            } else {
                *rng.pick(&[
                    JobType::Civil,
                    JobType::Nurse,
                    JobType::Welfare,
                    JobType::Building,
                ])
            };
            let top = if top == Position::Clerk && job.is_technical() {
                Position::Engineer
            } else {
                top
            };
            let unit = career::unit_for(pl, top, job, rng);
            people.push(career::person(
                assets,
                pl,
                org,
                job,
                top,
                unit,
                birth,
                retire,
                Some(retire),
                rng,
            ));
        }
    }
    assign_numbers(&mut people, rng);
    // Kept, written and read in staff-number order, as a roster exported from another
    // system comes: a list in that order then finds a window's people, and a year's
    // records of them, side by side in the file.
    people.sort_by(|a, b| a.staff.staff_no.cmp(&b.staff.staff_no));
    set_supervisors(org, &mut people, today);
    people
}

/// 職員番号: the hire year's last two digits and a sequence within the year, in order of
/// hire and age.
fn assign_numbers(people: &mut [Person], rng: &mut Rng) {
    let mut order: Vec<(Date, Date, u64, usize)> = people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.staff.hire_date, p.staff.birth_date, rng.next_u64(), i))
        .collect();
    order.sort();
    let mut seq: HashMap<i32, u32> = HashMap::new();
    for (hire, _, _, i) in order {
        let n = seq.entry(hire.year()).or_insert(0);
        *n += 1;
        people[i].staff.staff_no = format!("{:02}{:05}", hire.year() % 100, n);
    }
}

/// 係長 report to their 課長, 課長 to their 部長, everyone else in a team to its 係長.
fn set_supervisors(org: &Org, people: &mut [Person], today: Date) {
    let chief = chiefs_on(org, people, today);
    let up = |u: usize| -> Option<usize> { org.units[u].parent };
    for i in 0..people.len() {
        let p = &people[i];
        if p.staff.status == StaffStatus::Retired {
            continue;
        }
        let mut u = if chief.get(&p.unit) == Some(&i)
            || p.staff.position == Position::DeputyChief
                && org.units[p.unit].unit.kind == UnitKind::Section
        {
            if p.staff.position == Position::DeputyChief {
                Some(p.unit)
            } else {
                up(p.unit)
            }
        } else {
            Some(p.unit)
        };
        while let Some(unit) = u {
            match chief.get(&unit) {
                Some(&c) if c != i => {
                    people[i].supervisor = Some(c);
                    break;
                }
                _ => u = up(unit),
            }
        }
    }
}

/// The unit a person sat in on a day, for history (evaluators, surveys).
pub fn unit_on(p: &Person, d: Date) -> usize {
    p.post_on(d).map(|q| q.unit).unwrap_or(p.unit)
}

/// The chief (index into people) of each unit on a day: whoever held the unit's heading
/// post (係長 of a team, 課長 of a section, 部長 of a department) then. Seconded staff, who
/// sit in the personnel team only on paper, head nothing.
pub fn chiefs_on(org: &Org, people: &[Person], d: Date) -> HashMap<usize, usize> {
    let mut m = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        let Some(post) = p.post_on(d) else { continue };
        if matches!(post.reason, Reason::Secondment | Reason::Dispatch) {
            continue;
        }
        if heads(org.units[post.unit].unit.kind, post.position) {
            m.entry(post.unit).or_insert(i);
        }
    }
    m
}

/// Whether a position heads a unit of this kind.
fn heads(kind: UnitKind, position: Position) -> bool {
    matches!(
        (kind, position),
        (UnitKind::Team, Position::TeamChief)
            | (UnitKind::Section, Position::SectionChief)
            | (UnitKind::Department, Position::Director)
    )
}
