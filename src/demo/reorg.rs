//! Past reorganisations (組織改正), so that history shows names as they were: a 課 renamed
//! on 2022-04-01, two 係 merged on 2024-04-01 (the people of the one abolished moved to
//! the other that day), a 係 split on 2025-04-01 (half its people to the new one), each an
//! applied plan with its steps; and a draft for the coming April whose check finds a
//! problem. Deterministic: the first fitting unit of the first ward, no random draws.

use super::Gen;
use crate::domain::assignment::{Assignment, Reason};
use crate::domain::reorg::{ReorgPlan, ReorgStep, StepKind, UnitVersion};
use crate::domain::staff::Staff;
use crate::domain::transfer::PlanState;
use crate::domain::unit::{Unit, UnitKind};
use crate::domain::{Date, Id};
use crate::store::Result;

/// (catalogue code of a section, its name before 2022).
const RENAMED: &[(&str, &str, &str)] = &[
    ("200100", "区民課", "クミンカ"),
    ("100100", "庶務課", "ショムカ"),
];
/// (catalogue code of a team, the team merged into it in 2024).
const MERGED: &[(&str, &str, &str)] = &[
    ("200102", "住民異動係", "ジュウミンイドウガカリ"),
    ("100101", "庁舎管理係", "チョウシャカンリガカリ"),
];
/// (catalogue code of a team, the team split off it in 2025).
const SPLIT: &[(&str, &str, &str)] = &[
    ("200201", "保険給付係", "ホケンキュウフガカリ"),
    ("100102", "給与係", "キュウヨガカリ"),
];

pub fn generate(g: &mut Gen) -> Result<()> {
    let first = |g: &Gen, table: &[(&str, &'static str, &'static str)], kind: UnitKind| {
        table.iter().find_map(|(code, name, kana)| {
            g.org
                .units
                .iter()
                .find(|u| u.ward == 0 && u.unit.kind == kind && u.unit.code.ends_with(code))
                .map(|u| (u.unit.clone(), *name, *kana))
        })
    };
    let fy = |y: i32| Date::from_ymd(y, 4, 1);
    if let Some((u, name, kana)) = first(g, RENAMED, UnitKind::Section) {
        let day = fy(2022);
        let mut v = [UnitVersion {
            id: 0,
            unit_id: u.id,
            name: name.into(),
            kana: kana.into(),
            parent_id: u.parent_id,
            kind: u.kind,
            valid_from: u.valid_from,
            valid_to: day,
            version: 0,
        }];
        g.put(&mut v)?;
        let mut step = step(StepKind::Rename, &u.code);
        (step.name, step.kana) = (u.name.clone(), u.kana.clone());
        applied(g, "令和4年度組織改正", day, vec![step])?;
    }
    if let Some((kept, name, kana)) = first(g, MERGED, UnitKind::Team) {
        let day = fy(2024);
        let gone = new_unit(g, &kept, "-A", name, kana, None, Some(day))?;
        // Half the people in the kept team that day came from the one abolished.
        move_half(g, kept.id, gone.id, day, false)?;
        let mut step = step(StepKind::Merge, &gone.code);
        step.other_code = kept.code.clone();
        applied(g, "令和6年度組織改正", day, vec![step])?;
    }
    if let Some((from, name, kana)) = first(g, SPLIT, UnitKind::Team) {
        let day = fy(2025);
        let new = new_unit(g, &from, "-2", name, kana, Some(day), None)?;
        let moved = move_half(g, from.id, new.id, day, true)?;
        let mut split = step(StepKind::Split, &new.code);
        (split.other_code, split.name, split.kana) = (from.code.clone(), name.into(), kana.into());
        let mut steps = vec![split];
        for staff in moved {
            let mut s = step(StepKind::Place, &new.code);
            s.staff_id = Some(staff);
            steps.push(s);
        }
        applied(g, "令和7年度組織改正", day, steps)?;
    }
    draft(g)
}

fn step(kind: StepKind, code: &str) -> ReorgStep {
    ReorgStep {
        id: 0,
        plan_id: 0,
        seq: 0,
        kind,
        unit_code: code.into(),
        name: String::new(),
        kana: String::new(),
        parent_code: String::new(),
        other_code: String::new(),
        staff_id: None,
        note: String::new(),
        version: 0,
    }
}

/// A plan and its steps as the office kept them.
fn put_plan(g: &mut Gen, mut plan: ReorgPlan, mut steps: Vec<ReorgStep>) -> Result<()> {
    g.put(std::slice::from_mut(&mut plan))?;
    for (k, s) in steps.iter_mut().enumerate() {
        s.plan_id = plan.id;
        s.seq = k as i64 + 1;
    }
    g.put(&mut steps)
}

fn applied(g: &mut Gen, name: &str, day: Date, steps: Vec<ReorgStep>) -> Result<()> {
    let plan = ReorgPlan {
        id: 0,
        name: name.into(),
        effective_on: day,
        state: PlanState::Applied,
        note: String::new(),
        applied_on: Some(day),
        version: 0,
    };
    put_plan(g, plan, steps)
}

/// A sibling of `like` under the same parent, founded or abolished on the days given.
fn new_unit(
    g: &mut Gen,
    like: &Unit,
    suffix: &str,
    name: &str,
    kana: &str,
    from: Option<Date>,
    to: Option<Date>,
) -> Result<Unit> {
    let mut u = [Unit {
        id: 0,
        code: format!("{}{suffix}", like.code),
        name: name.into(),
        kana: kana.into(),
        parent_id: like.parent_id,
        kind: like.kind,
        valid_from: from.or(like.valid_from),
        valid_to: to,
        version: 0,
    }];
    g.put(&mut u)?;
    let [u] = u;
    Ok(u)
}

/// Every other post in `unit` that spans `day` (not a chief's) is split there: before
/// the day in `before`'s unit, from it in the other. `into_new`: the posts move from
/// `unit` into `other` from the day (a split); else they were in `other` until the day (a
/// merge into `unit`). Returns the people moved.
fn move_half(g: &mut Gen, unit: Id, other: Id, day: Date, into_new: bool) -> Result<Vec<Id>> {
    let db = g.db;
    let mut st = db.conn().prepare(
        "SELECT a.id FROM assignments a JOIN staff s ON s.id = a.staff_id
         WHERE a.unit_id = ?1 AND a.start_date < ?2 AND (a.end_date IS NULL OR a.end_date >= ?2)
           AND a.position NOT IN ('team_chief','section_chief','director')
         ORDER BY s.staff_no",
    )?;
    let ids: Vec<Id> = st
        .query_map(rusqlite::params![unit, day.iso()], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut moved = Vec::new();
    for id in ids.into_iter().step_by(2) {
        let mut a: Assignment = db.get(id)?;
        let mut rest = Assignment {
            id: 0,
            start_date: day,
            reason: Reason::Transfer,
            note: String::new(),
            version: 0,
            ..a.clone()
        };
        a.end_date = Some(day.add_days(-1));
        if into_new {
            rest.unit_id = other;
        } else {
            a.unit_id = other;
        }
        db.update_as(&mut a, "seed")?;
        g.put(std::slice::from_mut(&mut rest))?;
        // A person still in the post follows it (the staff row copies the open post).
        if rest.end_date.is_none() {
            let mut s: Staff = db.get(rest.staff_id)?;
            if s.unit_id != rest.unit_id {
                s.unit_id = rest.unit_id;
                db.update_as(&mut s, "seed")?;
            }
        }
        moved.push(rest.staff_id);
    }
    Ok(moved)
}

/// Next April's draft: a 係 renamed and another abolished with nowhere said for its
/// people, which the plan's check names until a destination is given.
fn draft(g: &mut Gen) -> Result<()> {
    let teams: Vec<Unit> = g
        .org
        .units
        .iter()
        .filter(|u| u.ward == 0 && u.unit.kind == UnitKind::Team && !u.personnel)
        .map(|u| u.unit.clone())
        .collect();
    // The last two teams of the tree (the office's own 人事係 stays as it is).
    let teams = &teams[teams.len().saturating_sub(2)..];
    let [a, b] = teams else {
        return Ok(());
    };
    let mut rename = step(StepKind::Rename, &a.code);
    rename.name = format!("{}・窓口", a.name.trim_end_matches('係'));
    rename.name.push('係');
    rename.kana = a.kana.clone();
    let abolish = step(StepKind::Abolish, &b.code);
    let plan = ReorgPlan {
        id: 0,
        name: format!(
            "{}組織改正案",
            crate::domain::date::fiscal_year_ja(g.today.fiscal_year() + 1)
        ),
        effective_on: Date::from_ymd(g.today.fiscal_year() + 1, 4, 1),
        state: PlanState::Draft,
        note: String::new(),
        applied_on: None,
        version: 0,
    };
    put_plan(g, plan, vec![rename, abolish])
}
