//! The demo ward's appointments (任用): about a third of the people 会計年度任用職員 in the
//! rank and file (窓口, 保育, 事務補助, 相談員), 再任用 people after 定年, people serving at
//! 60–62 under the rising retirement age, 管理監督職 who left their post at 60 (役職定年)
//! in past Aprils, and nobody serving past the law's retirement day.

use super::assets::Assets;
use super::career::{self, Person, Post, WardPlaces};
use super::org::{Org, Slot};
use super::rng::Rng;
use crate::domain::assignment::Reason;
use crate::domain::date::{fiscal_year_end, fiscal_year_start};
use crate::domain::employment::{EmploymentKind, FULL_WEEK_HOURS};
use crate::domain::post_limit::{POST_LIMIT_FROM, is_management_post, post_limit_date};
use crate::domain::retirement::{retirement_date, retirement_fy};
use crate::domain::staff::{JobType, Position, StaffStatus, Track};
use crate::domain::{Date, FiscalYear};

/// Short weeks of part-time 会計年度任用 and of short-time 再任用 (hours a week).
const PART_WEEKS: &[f64] = &[29.0, 30.0, 31.0, 25.0, 20.0];
const SHORT_WEEKS: &[f64] = &[31.0, 23.25, 15.5];

/// The share of rank-and-file office posts held by 再任用 people.
const REAPPOINTED: f64 = 0.06;

/// How the person of a slot is appointed.
pub(super) enum Appointment {
    Regular,
    Fiscal,
    Reappointed,
    /// A 課長 who left the post at 60 and holds this 課長補佐 post since.
    PostLimited(Date),
}

/// The share of rank-and-file office, childcare and welfare slots held by 会計年度任用
/// people so that they are about a third of everyone.
pub(super) fn fiscal_share(org: &Org) -> f64 {
    let open = org.slots.iter().filter(|s| fiscal_slot(s)).count();
    if open == 0 {
        return 0.0;
    }
    // Those not taken by 再任用 first.
    (org.slots.len() as f64 / 3.0 / open as f64 / (1.0 - REAPPOINTED)).min(1.0)
}

fn fiscal_slot(s: &Slot) -> bool {
    s.position.rank() == 5
        && matches!(
            s.job,
            JobType::Office | JobType::Childcare | JobType::Welfare
        )
}

/// An age of a regular person in the post: now and then 60–62 below management, where
/// the rising 定年 keeps people serving.
pub(super) fn age(slot: &Slot, age: i64, rng: &mut Rng) -> i64 {
    if (2..=4).contains(&slot.position.rank()) && rng.chance(0.1) {
        rng.range(60, 62)
    } else {
        age
    }
}

/// A birthday that keeps a regular person serving today: not past their 定年退職日, and
/// a 管理監督職 not past the 1 April they would leave the post.
pub(super) fn serving_birth(mut birth: Date, position: Position, today: Date) -> Date {
    let april = fiscal_year_start(today.fiscal_year());
    while retirement_date(birth) < today
        || is_management_post(position, Position::SectionChief) && post_limit_date(birth) <= april
    {
        birth = birth.add_years(1);
    }
    birth
}

/// How the slot's person is appointed.
pub(super) fn choose(
    slot: &Slot,
    share: f64,
    birth: Date,
    today: Date,
    rng: &mut Rng,
) -> Appointment {
    let april = fiscal_year_start(today.fiscal_year());
    let (y, m, d) = POST_LIMIT_FROM;
    let limit = post_limit_date(birth);
    if matches!(slot.position, Position::Senior | Position::Clerk)
        && slot.job == JobType::Office
        && rng.chance(REAPPOINTED)
    {
        Appointment::Reappointed
    } else if fiscal_slot(slot) && rng.chance(share) {
        Appointment::Fiscal
    } else if slot.position == Position::DeputyChief
        && limit >= Date::from_ymd(y, m, d)
        && limit <= april
        && rng.chance(0.8)
    {
        Appointment::PostLimited(limit)
    } else {
        Appointment::Regular
    }
}

/// A 会計年度任用職員 in the slot: appointed one fiscal year at a time in the same post
/// since their first April, renewed `renewals` times; mostly part-time.
pub(super) fn fiscal(mut p: Person, slot: &Slot, today: Date, rng: &mut Rng) -> Person {
    let cur = today.fiscal_year();
    let renewals = [0, 1, 2, 3, 4][rng.weighted(&[30, 25, 20, 15, 10])];
    let first = fiscal_year_start(cur - renewals as i32);
    let s = &mut p.staff;
    s.employment_kind = if rng.chance(0.8) {
        EmploymentKind::FiscalPart
    } else {
        EmploymentKind::FiscalFull
    };
    s.weekly_hours = match s.employment_kind {
        EmploymentKind::FiscalPart => *rng.pick(PART_WEEKS),
        _ => FULL_WEEK_HOURS,
    };
    s.hire_date = first;
    s.term_start = Some(fiscal_year_start(cur));
    s.term_end = Some(fiscal_year_end(cur));
    s.renewals = renewals;
    s.grade = 1;
    s.track = Track::Generalist;
    if s.status == StaffStatus::Seconded {
        s.status = StaffStatus::Active;
    }
    p.unit = slot.unit;
    p.posts = vec![Post {
        unit: slot.unit,
        position: s.position,
        start: first,
        end: None,
        reason: Reason::Hire,
        note: "",
    }];
    p
}

/// The cohorts that retired at 定年 before this fiscal year and are under 65 in it: those
/// the ward reappoints (再任用).
fn reappointed_cohorts(cur: FiscalYear) -> Vec<i32> {
    ((cur - 65)..=(cur - 60))
        .filter(|&c| retirement_fy(c) < cur)
        .collect()
}

/// A birthday in a cohort that retired at 定年 and is reappointed this year, if any.
pub(super) fn reappointed_birth(today: Date, rng: &mut Rng) -> Option<Date> {
    let cohorts = reappointed_cohorts(today.fiscal_year());
    if cohorts.is_empty() {
        return None;
    }
    let c = *rng.pick(&cohorts);
    Some(Date::from_ymd(c, 4, 2).add_days(rng.range(0, 364)))
}

/// A person who retired at 定年 from another post and was reappointed (再任用) to this
/// one on the next 1 April, full-time or short-time, for this fiscal year's term.
#[allow(clippy::too_many_arguments)]
pub(super) fn reappointed(
    assets: &Assets,
    pl: &WardPlaces,
    org: &Org,
    slot: &Slot,
    birth: Date,
    today: Date,
    rng: &mut Rng,
) -> Person {
    let retired = retirement_date(birth);
    let before = career::other_unit(pl, slot.position, slot.job, slot.unit, rng);
    let mut p = career::person(
        assets,
        pl,
        org,
        slot.job,
        slot.position,
        before,
        birth,
        retired,
        None,
        rng,
    );
    let cur = today.fiscal_year();
    let s = &mut p.staff;
    (s.employment_kind, s.weekly_hours) = if rng.chance(0.6) {
        (EmploymentKind::ReappointedFull, FULL_WEEK_HOURS)
    } else {
        (EmploymentKind::ReappointedShort, *rng.pick(SHORT_WEEKS))
    };
    s.status = StaffStatus::Active;
    s.term_start = Some(fiscal_year_start(cur));
    s.term_end = Some(fiscal_year_end(cur));
    follow(&mut p, slot.unit, retired.add_days(1), Reason::Transfer);
    p
}

/// A 課長 who reached 60 and left the post on `limit` (1 April) for the slot's 課長補佐
/// post (担当課長), as the post age limit requires.
#[allow(clippy::too_many_arguments)]
pub(super) fn post_limited(
    assets: &Assets,
    pl: &WardPlaces,
    org: &Org,
    slot: &Slot,
    birth: Date,
    limit: Date,
    rng: &mut Rng,
) -> Person {
    let before = career::other_unit(pl, Position::SectionChief, slot.job, slot.unit, rng);
    let mut p = career::person(
        assets,
        pl,
        org,
        slot.job,
        Position::SectionChief,
        before,
        birth,
        limit.add_days(-1),
        None,
        rng,
    );
    p.staff.status = StaffStatus::Active;
    follow(&mut p, slot.unit, limit, Reason::Transfer);
    let (lo, hi) = Position::DeputyChief.grades();
    p.staff.grade = p.staff.grade.clamp(lo, hi);
    p
}

/// Ends the person's last post the day before `from` and gives them the slot's post from
/// then on.
fn follow(p: &mut Person, unit: usize, from: Date, reason: Reason) {
    let position = p.staff.position;
    if let Some(last) = p.posts.last_mut() {
        last.end = Some(from.add_days(-1));
    }
    let position = match reason {
        Reason::Transfer if position == Position::SectionChief => Position::DeputyChief,
        _ => position,
    };
    p.posts.push(Post {
        unit,
        position,
        start: from,
        end: None,
        reason,
        note: "",
    });
    p.unit = unit;
    p.staff.position = position;
}
