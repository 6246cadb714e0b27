//! The ward's 定数 and the posts held beside main ones. 定数 is set for every unit and
//! class its people fill (and its head's class) in each fiscal year, near 現員 on that
//! year's 1 April: mostly equal, some with a 欠員, a few with a 過員 (never a head's post
//! set at none). This year a few heads are away, each on a leave of their own (病気休職,
//! 育児休業, 介護休暇, 配偶者同行休業) since a day of the year: three 課長 hold 兼務 係長 of a
//! team whose 係長 is away, a 部長 holds the duties of a 課長 away (事務取扱), a 課長補佐
//! acts for their 課長 (事務代理), and one team is left without its head.

use std::collections::BTreeMap;

use super::Gen;
use super::rng::Rng;
use crate::domain::Date;
use crate::domain::assignment::{Assignment, Reason};
use crate::domain::date::fiscal_year_start;
use crate::domain::leave::{Leave, LeaveKind};
use crate::domain::post::{AssignmentKind, PostClass, UnitPost, counted_class};
use crate::domain::staff::{Position, Staff, StaffStatus};
use crate::domain::unit::UnitKind;
use crate::i18n::WARD;
use crate::store::Result;
use crate::store::heads::head_position;
use crate::store::posts::BY_HAND;

pub fn generate(g: &mut Gen, rng: &mut Rng, away: &Away) -> Result<()> {
    unit_posts(g, rng)?;
    let leaves = send_away(g, rng, away)?;
    hold_posts(g, away, &leaves)
}

/// 定数 of each year, from 現員 on its 1 April.
fn unit_posts(g: &mut Gen, rng: &mut Rng) -> Result<()> {
    let mut rows = Vec::new();
    for fy in g.fiscal_years() {
        let day = fiscal_year_start(fy);
        let mut present: BTreeMap<(usize, PostClass), i64> = BTreeMap::new();
        for (u, ou) in g.org.units.iter().enumerate() {
            if let Some(pos) = head_position(ou.unit.kind) {
                present.entry((u, pos.class())).or_insert(0);
            }
        }
        for p in &g.people {
            if p.staff.retire_date.is_some_and(|r| r < day) {
                continue;
            }
            if let Some(post) = p.post_on(day) {
                let class = counted_class(post.position, p.staff.employment_kind);
                *present.entry((post.unit, class)).or_insert(0) += 1;
            }
        }
        for ((u, class), n) in present {
            let count = if rng.chance(0.12) {
                n + 1
            } else if n > 1 && rng.chance(0.05) {
                n - 1
            } else {
                n
            };
            rows.push(UnitPost {
                id: 0,
                unit_id: g.unit_id(u),
                fiscal_year: fy,
                class,
                count,
                version: 0,
            });
        }
    }
    g.put(&mut rows)
}

/// A post to be held beside a main one this year (people by index, units by index).
pub struct Beside {
    holder: usize,
    /// The head away whose post this is held for.
    instead_of: usize,
    unit: usize,
    position: Position,
    kind: AssignmentKind,
}

/// This year's heads away (gone on leave after the year's records were drawn, so that the
/// rest of the ward is drawn as without them): who holds their posts, and the team left
/// without its head. A ward too small to spare them has none.
#[derive(Default)]
pub struct Away {
    gone: Vec<usize>,
    beside: Vec<Beside>,
    headless: Option<usize>,
}

pub fn choose_away(g: &mut Gen) -> Away {
    let mut away = Away::default();
    // A small ward spares one head of each kind; a ward too small to, none.
    if g.people.len() < 50 {
        return away;
    }
    let big = g.people.len() >= 100;
    let today = g.today;
    let chiefs = g.chiefs_on(today);
    let serving = |g: &Gen, i: usize| {
        g.people[i].staff.status == StaffStatus::Active && g.people[i].post_on(today).is_some()
    };
    let of_kind = |kind: UnitKind| {
        let mut v: Vec<usize> = (0..g.org.units.len())
            .filter(|&u| g.org.units[u].unit.kind == kind && g.org.units[u].unit.valid_to.is_none())
            .collect();
        v.sort_by(|a, b| g.org.units[*a].unit.code.cmp(&g.org.units[*b].unit.code));
        v
    };
    let (teams, sections) = (of_kind(UnitKind::Team), of_kind(UnitKind::Section));
    let head = |u: usize| chiefs.get(&u).copied();
    let mut used: Vec<usize> = Vec::new();
    let mut gone: Vec<usize> = Vec::new();
    // 兼務: the 課長 of a team's section is also its 係長 while the 係長 is away.
    for &t in &teams {
        if away.beside.len() == if big { 3 } else { 1 } {
            break;
        }
        let Some(s) = g.org.units[t].parent.filter(|s| !used.contains(s)) else {
            continue;
        };
        if let (Some(c), Some(h)) = (head(s), head(t))
            && serving(g, c)
            && serving(g, h)
        {
            gone.push(h);
            away.beside.push(Beside {
                holder: c,
                instead_of: h,
                unit: t,
                position: Position::TeamChief,
                kind: AssignmentKind::Concurrent,
            });
            used.push(s);
        }
    }
    // 事務取扱: a 部長 holds the duties of a 課長 away.
    for &s in sections.iter().rev().filter(|s| !used.contains(s)) {
        let dept = g.org.units[s].parent;
        if let (Some(h), Some(dir)) = (head(s), dept.and_then(head))
            && serving(g, h)
            && serving(g, dir)
        {
            gone.push(h);
            away.beside.push(Beside {
                holder: dir,
                instead_of: h,
                unit: s,
                position: Position::SectionChief,
                kind: AssignmentKind::ActingDuties,
            });
            used.push(s);
            break;
        }
    }
    // 事務代理: the section's one 課長補佐 acts for a 課長 away.
    for &s in sections.iter().rev().filter(|s| !used.contains(s)) {
        let deputies: Vec<usize> = (0..g.people.len())
            .filter(|&i| {
                g.people[i]
                    .post_on(today)
                    .is_some_and(|p| p.unit == s && p.position == Position::DeputyChief)
            })
            .collect();
        if let (Some(h), [d]) = (head(s), deputies.as_slice())
            && serving(g, h)
            && serving(g, *d)
        {
            gone.push(h);
            away.beside.push(Beside {
                holder: *d,
                instead_of: h,
                unit: s,
                position: Position::SectionChief,
                kind: AssignmentKind::Deputy,
            });
            used.push(s);
            break;
        }
    }
    // And one team whose 係長 is away with no one named: its people report to the 課長.
    for &t in teams.iter().rev().filter(|_| big) {
        if g.org.units[t].parent.is_some_and(|s| used.contains(&s)) {
            continue;
        }
        if let Some(h) = head(t)
            && serving(g, h)
        {
            gone.push(h);
            away.headless = Some(t);
            break;
        }
    }
    away.gone = gone;
    away
}

/// The kinds of leave that take a head away for a while, in the order the demo deals
/// them out (from a place its rng picks): each head away is on one of them. (A 派遣 is
/// not among them: the demo sends people out by a secondment post, not a leave.)
const HEAD_LEAVES: [LeaveKind; 4] = [
    LeaveKind::SickSuspension,
    LeaveKind::ChildcareLeave,
    LeaveKind::FamilyCareLeave,
    LeaveKind::SpouseAccompany,
];

/// A head's leave this year, as the kind runs: 病気休職 since some day of the year, open;
/// 育児休業 for a year or two; 介護休暇 for its six months, begun in the last weeks; a
/// 配偶者同行休業 from 1 April for two years. Each has begun by yesterday and runs past
/// the next 1 April (the round's day), so a head away is away for the whole round.
fn head_leave(kind: LeaveKind, rng: &mut Rng, today: Date) -> (Date, Option<Date>) {
    let year_start = fiscal_year_start(today.fiscal_year());
    let lately = |rng: &mut Rng, lo: i64, hi: i64| {
        today
            .add_days(-rng.range(lo, hi))
            .max(year_start)
            .min(today.add_days(-1))
    };
    match kind {
        LeaveKind::ChildcareLeave => {
            let start = lately(rng, 10, 300);
            (start, Some(start.add_days(rng.range(400, 700)).max(today)))
        }
        LeaveKind::FamilyCareLeave => {
            let start = lately(rng, 10, 30);
            (start, Some(start.add_days(179).max(today)))
        }
        LeaveKind::SpouseAccompany => (
            year_start,
            Some(fiscal_year_start(today.fiscal_year() + 2).add_days(-1)),
        ),
        _ => (lately(rng, 14, 300), None),
    }
}

/// Sends the heads away on leave, each on a kind and from a day of its own: excused from
/// this year's compliance, as the ward's people away are. Returns the day each left.
fn send_away(g: &mut Gen, rng: &mut Rng, away: &Away) -> Result<BTreeMap<usize, Date>> {
    let fy = g.today.fiscal_year();
    let first = rng.below(HEAD_LEAVES.len() as u64) as usize;
    let mut leaves: Vec<Leave> = Vec::new();
    let mut left = BTreeMap::new();
    for (n, &i) in away.gone.iter().enumerate() {
        let kind = HEAD_LEAVES[(first + n) % HEAD_LEAVES.len()];
        let (mut start, end) = head_leave(kind, rng, g.today);
        // After any leave of theirs earlier in the year.
        for l in g.db.leaves_of(g.staff_id(i))? {
            if let Some(e) = l.end_date.filter(|e| *e >= start && *e < g.today) {
                start = e.add_days(1);
            }
        }
        left.insert(i, start);
        leaves.push(Leave {
            id: 0,
            staff_id: g.staff_id(i),
            kind,
            start_date: start,
            end_date: end,
            note: String::new(),
            version: 0,
        });
    }
    g.put(&mut leaves)?;
    g.db.leaves_to_catch_up()?;
    for (&i, l) in away.gone.iter().zip(&leaves) {
        let status = l.kind.status();
        g.people[i].staff.status = status;
        let mut s: Staff = g.db.get(g.staff_id(i))?;
        s.status = status;
        g.db.update_as(&mut s, "seed")?;
        let (id, fy) = (g.staff_id(i), i64::from(fy));
        g.db.conn().execute(
            "DELETE FROM compliance_records WHERE staff_id = ?1 AND fiscal_year = ?2",
            rusqlite::params![id, fy],
        )?;
        g.db.conn().execute(
            "DELETE FROM enrolments WHERE staff_id = ?1 AND session_id IN (
               SELECT ts.id FROM training_sessions ts JOIN courses c ON c.id = ts.course_id
                WHERE c.category = 'compliance' AND ts.fiscal_year = ?2)",
            rusqlite::params![id, fy],
        )?;
    }
    Ok(left)
}

/// The posts beside main ones, written through the store: each resets the supervisors of
/// its unit's people as a transfer round does.
/// Each is held from the day the head it stands for left.
fn hold_posts(g: &mut Gen, away: &Away, left: &BTreeMap<usize, Date>) -> Result<()> {
    let year_start = fiscal_year_start(g.today.fiscal_year());
    for b in &away.beside {
        let start = left.get(&b.instead_of).copied().unwrap_or(year_start);
        let staff_id = g.staff_id(b.holder);
        let Some(main) = g.db.current_assignment(staff_id)? else {
            continue;
        };
        let mut a = Assignment {
            id: 0,
            staff_id,
            unit_id: g.unit_id(b.unit),
            position: b.position,
            start_date: main.start_date.max(start),
            end_date: None,
            reason: Reason::Transfer,
            note: String::new(),
            kind: b.kind,
            version: 0,
        };
        g.db.put_assignment(&mut a, g.today, &BY_HAND, &WARD)?;
        *g.report.rows.entry("assignments").or_insert(0) += 1;
    }
    if let Some(t) = away.headless {
        g.db.reset_unit_supervisors(&[g.unit_id(t)], g.today)?;
    }
    Ok(())
}
