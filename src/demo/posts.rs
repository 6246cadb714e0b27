//! The ward's 定数 and the posts held beside main ones. 定数 is set for every unit and
//! class its people fill (and its head's class) in each fiscal year, near 現員 on that
//! year's 1 April: mostly equal, some with a 欠員, a few with a 過員. This year a few
//! heads are away (on leave): a 課長 holds 兼務 係長 of a team whose 係長 is away, a 部長
//! holds a 課長's duties (事務取扱), a 主任 acts for a 係長 (事務代理), and one team is
//! left without its head.

use std::collections::BTreeMap;

use super::Gen;
use super::rng::Rng;
use crate::domain::assignment::{Assignment, Reason};
use crate::domain::date::fiscal_year_start;
use crate::domain::post::{AssignmentKind, PostClass, UnitPost, counted_class};
use crate::domain::staff::{Position, Staff, StaffStatus};
use crate::domain::unit::UnitKind;
use crate::domain::{Date, Id};
use crate::store::heads::head_position;
use crate::store::posts::BY_HAND;
use crate::store::{Filter, Result};

pub fn generate(g: &mut Gen, rng: &mut Rng) -> Result<()> {
    unit_posts(g, rng)?;
    heads_away(g)
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
            } else if n > 0 && rng.chance(0.05) {
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

/// The units of a kind that are in use today, by code (a stable order).
fn units_of(g: &Gen, kind: UnitKind) -> Vec<Id> {
    let mut units: Vec<(&str, Id)> = g
        .org
        .units
        .iter()
        .filter(|u| u.unit.kind == kind && u.unit.valid_to.is_none())
        .map(|u| (u.unit.code.as_str(), u.unit.id))
        .collect();
    units.sort();
    units.into_iter().map(|(_, id)| id).collect()
}

/// The active holder of `pos` in `unit` today, by staff number.
fn holder(g: &Gen, unit: Id, pos: Position) -> Result<Option<Staff>> {
    Ok(g.db
        .all::<Staff>(
            vec![
                Filter::eq("unit_id", unit),
                Filter::eq("position", pos.code()),
                Filter::eq("status", StaffStatus::Active.code()),
            ],
            "staff_no",
        )?
        .into_iter()
        .next())
}

/// Sends a head on leave (a long 病気休暇 or 育児休業).
fn away(g: &Gen, mut s: Staff) -> Result<()> {
    s.status = StaffStatus::Leave;
    g.db.update_as(&mut s, "seed")
}

/// A post beside `s`'s main one from this year's 1 April (or their main post's day).
fn beside(g: &mut Gen, s: &Staff, unit: Id, pos: Position, kind: AssignmentKind) -> Result<()> {
    let Some(main) = g.db.current_assignment(s.id)? else {
        return Ok(());
    };
    let start: Date = main
        .start_date
        .max(fiscal_year_start(g.today.fiscal_year()));
    let mut a = Assignment {
        id: 0,
        staff_id: s.id,
        unit_id: unit,
        position: pos,
        start_date: start,
        end_date: None,
        reason: Reason::Transfer,
        note: String::new(),
        kind,
        version: 0,
    };
    g.db.put_assignment(&mut a, g.today, &BY_HAND)?;
    *g.report.rows.entry("assignments").or_insert(0) += 1;
    Ok(())
}

/// This year's heads away and who holds their posts.
fn heads_away(g: &mut Gen) -> Result<()> {
    let teams = units_of(g, UnitKind::Team);
    let sections = units_of(g, UnitKind::Section);
    let mut used: Vec<Id> = Vec::new();
    // 兼務: the 課長 of the team's section is also its 係長.
    let mut concurrent = 0;
    for &t in &teams {
        if concurrent == 3 {
            break;
        }
        let Some(team) = g.org.units.iter().find(|u| u.unit.id == t) else {
            continue;
        };
        let Some(section) = team.unit.parent_id else {
            continue;
        };
        if used.contains(&section) {
            continue;
        }
        let (Some(chief), Some(head)) = (
            holder(g, section, Position::SectionChief)?,
            holder(g, t, Position::TeamChief)?,
        ) else {
            continue;
        };
        away(g, head)?;
        beside(
            g,
            &chief,
            t,
            Position::TeamChief,
            AssignmentKind::Concurrent,
        )?;
        used.push(section);
        concurrent += 1;
    }
    // 事務取扱: a 部長 holds the duties of a 課長 away.
    if let Some(&s) = sections.iter().rev().find(|s| !used.contains(s)) {
        let dept = g
            .org
            .units
            .iter()
            .find(|u| u.unit.id == s)
            .and_then(|u| u.unit.parent_id);
        if let (Some(dept), Some(head)) = (dept, holder(g, s, Position::SectionChief)?)
            && let Some(director) = holder(g, dept, Position::Director)?
        {
            away(g, head)?;
            beside(
                g,
                &director,
                s,
                Position::SectionChief,
                AssignmentKind::ActingDuties,
            )?;
            used.push(s);
        }
    }
    // 事務代理: a 主任 acts for a 係長 away; and one team's 係長 is away with no one named.
    let rest: Vec<Id> = teams
        .iter()
        .rev()
        .copied()
        .filter(|t| {
            let parent = g
                .org
                .units
                .iter()
                .find(|u| u.unit.id == *t)
                .and_then(|u| u.unit.parent_id);
            !parent.is_some_and(|p| used.contains(&p))
        })
        .collect();
    let (mut deputy_done, mut headless_done) = (false, false);
    for t in rest {
        let Some(head) = holder(g, t, Position::TeamChief)? else {
            continue;
        };
        if !deputy_done {
            let Some(senior) = holder(g, t, Position::Senior)? else {
                continue;
            };
            away(g, head)?;
            beside(g, &senior, t, Position::TeamChief, AssignmentKind::Deputy)?;
            deputy_done = true;
        } else if !headless_done {
            away(g, head)?;
            // Its people report to the head above until someone is named.
            g.db.reset_unit_supervisors(&[t], g.today)?;
            headless_done = true;
        } else {
            break;
        }
    }
    Ok(())
}
