//! Leave periods of the demo ward, past and current, in a ward's proportions: 育児休業
//! for many young mothers (1–3 years) and some fathers (mostly 1–6 months), often followed
//! by 部分休業 or 育児短時間勤務; a few 病気休暇 and 病気休職; 自己啓発等休業 now and then;
//! and the periods of the people the roster already has away (休職, 派遣). Each person's
//! status is then what their leaves give on the base day.

use super::Gen;
use super::rng::Rng;
use crate::domain::Date;
use crate::domain::leave::{self, Leave, LeaveKind};
use crate::domain::staff::{Sex, StaffStatus};
use crate::store::Result;

pub(super) fn generate(g: &mut Gen, rng: &mut Rng) -> Result<()> {
    let today = g.today;
    // Childbirth and illness over the last five years whatever the years the demo keeps:
    // as many people are away today in a ward of two years as in one of ten.
    let first = today.add_years(-5);
    let mut rows: Vec<Leave> = Vec::new();
    let mut moved: Vec<usize> = Vec::new();
    for i in 0..g.people.len() {
        let p = &g.people[i];
        if p.staff.status == StaffStatus::Retired {
            continue;
        }
        let s = &p.staff;
        let held_from = p.post_on(today).map_or(s.hire_date, |q| q.start);
        let mut mine: Vec<Leave> = Vec::new();
        let add = |kind: LeaveKind, start: Date, end: Option<Date>, mine: &mut Vec<Leave>| {
            // A number of its own among the person's leaves, so that `clashes` tells it
            // from the others (the insert gives the real id).
            let l = Leave {
                id: mine.len() as i64 + 1,
                staff_id: s.id,
                kind,
                start_date: start,
                end_date: end,
                note: String::new(),
                version: 0,
            };
            if start >= s.hire_date && start <= today && !mine.iter().any(|o| o.clashes(&l)) {
                mine.push(l);
            }
        };
        // Those the roster has away get their period.
        match s.status {
            StaffStatus::Seconded => add(
                LeaveKind::PublicInterestDispatch,
                held_from,
                None,
                &mut mine,
            ),
            StaffStatus::Leave => {
                let start = today.add_days(-rng.range(30, 600)).max(held_from);
                let age = today.years_since(s.birth_date);
                let kind = if s.sex == Sex::Female && age < 42 {
                    LeaveKind::ChildcareLeave
                } else {
                    LeaveKind::SickSuspension
                };
                add(kind, start, None, &mut mine);
            }
            _ => {}
        }
        // The heads of departments and sections take no new leave in the demo (their
        // posts are the ones the screens show filled).
        if s.position.rank() <= crate::domain::staff::Position::SectionChief.rank() {
            let status = leave::status_on(&mine, today, s.status);
            g.people[i].staff.status = status;
            rows.extend(mine);
            continue;
        }
        // 育児休業: a child born in the window to a parent of the usual ages.
        let age_then = |d: Date| d.years_since(s.birth_date);
        let start = first.add_days(rng.range(0, today.days_since(first)));
        let (lo, hi) = (25, 42);
        let mother = s.sex == Sex::Female && (lo..=hi).contains(&age_then(start));
        let father = s.sex == Sex::Male && (lo..=hi).contains(&age_then(start));
        if mother && rng.chance(0.35) {
            let end = start.add_days(rng.range(365, 3 * 365 - 1));
            // A few current ones have no end fixed yet.
            let end = (end < today || !rng.chance(0.1)).then_some(end);
            add(LeaveKind::ChildcareLeave, start, end, &mut mine);
            // Back at work, often on shorter days for a while.
            if let Some(back) = end.map(|e| e.add_days(1))
                && back <= today
                && rng.chance(0.7)
            {
                let kind = if rng.chance(0.6) {
                    LeaveKind::PartialLeave
                } else {
                    LeaveKind::ChildcareShortHours
                };
                let until = back.add_days(rng.range(180, 730));
                add(kind, back, Some(until), &mut mine);
            }
        } else if father && rng.chance(0.12) {
            let days = if rng.chance(0.8) {
                rng.range(14, 180)
            } else {
                rng.range(181, 365)
            };
            add(
                LeaveKind::ChildcareLeave,
                start,
                Some(start.add_days(days)),
                &mut mine,
            );
        }
        // 病気休暇 (up to 90 days), now and then a 病気休職 after it.
        if rng.chance(0.04) {
            let start = first.add_days(rng.range(0, today.days_since(first)));
            let end = start.add_days(rng.range(7, 89));
            add(LeaveKind::SickLeave, start, Some(end), &mut mine);
            if rng.chance(0.2) {
                let from = end.add_days(1);
                let until = from.add_days(rng.range(90, 540));
                add(LeaveKind::SickSuspension, from, Some(until), &mut mine);
            }
        }
        // 介護休暇 for some in their fifties; 自己啓発等休業 for a very few.
        if age_then(today) >= 50 && rng.chance(0.01) {
            let start = first.add_days(rng.range(0, today.days_since(first)));
            add(
                LeaveKind::FamilyCareLeave,
                start,
                Some(start.add_days(rng.range(30, 180))),
                &mut mine,
            );
        }
        if age_then(today) < 40 && rng.chance(0.01) {
            let start = first.add_days(rng.range(0, today.days_since(first)));
            add(
                LeaveKind::SelfDevelopment,
                start,
                Some(start.add_days(rng.range(365, 730))),
                &mut mine,
            );
        }
        // Leaves that run past the base day end on a day still to come: keep them.
        let status = leave::status_on(&mine, today, s.status);
        if status != s.status {
            moved.push(i);
        }
        g.people[i].staff.status = status;
        rows.extend(mine);
    }
    g.put(&mut rows)?;
    // The roster's copy of each status follows the periods, as the store keeps it.
    let db = g.db;
    let mut st = db
        .conn()
        .prepare("UPDATE staff SET status = ?1 WHERE id = ?2")?;
    for i in moved {
        let s = &g.people[i].staff;
        st.execute(rusqlite::params![s.status.code(), s.id])?;
    }
    db.leaves_to_catch_up()?;
    Ok(())
}
