//! Past reorganisations (組織改正), so that history shows names as they were: a 課 renamed
//! on 2022-04-01, two 係 merged on 2024-04-01 (the people of the one abolished moved to
//! the other that day), a 係 split on 2025-04-01 (half its people to the new one), each an
//! applied plan with its steps; and a draft for the coming April whose check finds a
//! problem. Deterministic: the first fitting unit of the first ward, no random draws.
//! The history is cut before the rest of the ward is generated from it (`shape`); the
//! office's records of it are written once the units have ids (`generate`).

use super::Gen;
use super::career::Post;
use crate::domain::Date;
use crate::domain::assignment::Reason;
use crate::domain::reorg::{ReorgPlan, ReorgStep, StepKind, UnitVersion};
use crate::domain::staff::{Position, StaffStatus};
use crate::domain::transfer::PlanState;
use crate::domain::unit::{Unit, UnitKind};
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

/// What `shape` did, for `generate` to record once the units have their ids: the
/// renamed section (with its former name and reading), the merge (the unit kept and the
/// one abolished), the split (the source, the new unit, the people it took).
#[derive(Default)]
pub struct Shaped {
    renamed: Option<(usize, &'static str, &'static str)>,
    merged: Option<(usize, usize)>,
    split: Option<(usize, usize, Vec<usize>)>,
}

/// Reorganises the generated ward's history before anything else reads it (evaluators,
/// OJT pairs, supervisors all follow the posts as they were): a merged 係 and a split-off
/// 係 join the tree, and every other post spanning the day in the unit is cut there.
pub fn shape(g: &mut Gen) -> Shaped {
    let find = |g: &Gen, table: &[(&str, &'static str, &'static str)], kind: UnitKind| {
        table.iter().find_map(|(code, name, kana)| {
            (0..g.org.units.len())
                .find(|&i| {
                    let u = &g.org.units[i];
                    u.ward == 0 && u.unit.kind == kind && u.unit.code.ends_with(code)
                })
                .map(|i| (i, *name, *kana))
        })
    };
    let mut done = Shaped {
        renamed: find(g, RENAMED, UnitKind::Section),
        ..Shaped::default()
    };
    if let Some((kept, name, kana)) = find(g, MERGED, UnitKind::Team) {
        let day = april(2024);
        let gone = sibling(g, kept, "-A", name, kana, None, Some(day));
        // Half the people in the kept team that day came from the one abolished.
        cut_posts(g, kept, gone, day, false);
        done.merged = Some((kept, gone));
    }
    if let Some((from, name, kana)) = find(g, SPLIT, UnitKind::Team) {
        let day = april(2025);
        let new = sibling(g, from, "-2", name, kana, Some(day), None);
        let moved = cut_posts(g, from, new, day, true);
        done.split = Some((from, new, moved));
    }
    done
}

fn april(y: i32) -> Date {
    Date::from_ymd(y, 4, 1)
}

/// Records what `shape` did as the office would have: the section's former version, and
/// an applied plan for each reorganisation; then next April's draft.
pub fn generate(g: &mut Gen, done: Shaped) -> Result<()> {
    if let Some((i, name, kana)) = done.renamed {
        let u = g.org.units[i].unit.clone();
        let day = april(2022);
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
    if let Some((kept, gone)) = done.merged {
        let mut step = step(StepKind::Merge, &g.org.units[gone].unit.code);
        step.other_code = g.org.units[kept].unit.code.clone();
        applied(g, "令和6年度組織改正", april(2024), vec![step])?;
    }
    if let Some((from, new, moved)) = done.split {
        let u = g.org.units[new].unit.clone();
        let mut split = step(StepKind::Split, &u.code);
        split.other_code = g.org.units[from].unit.code.clone();
        (split.name, split.kana) = (u.name.clone(), u.kana.clone());
        let mut steps = vec![split];
        for person in moved {
            let mut s = step(StepKind::Place, &u.code);
            s.staff_id = Some(g.staff_id(person));
            steps.push(s);
        }
        applied(g, "令和7年度組織改正", april(2025), steps)?;
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

/// A sibling of unit `like` under the same parent, founded or abolished on the days
/// given; its index.
fn sibling(
    g: &mut Gen,
    like: usize,
    suffix: &str,
    name: &str,
    kana: &str,
    from: Option<Date>,
    to: Option<Date>,
) -> usize {
    let l = &g.org.units[like];
    let unit = Unit {
        id: 0,
        code: format!("{}{suffix}", l.unit.code),
        name: name.into(),
        kana: kana.into(),
        parent_id: None,
        kind: l.unit.kind,
        valid_from: from.or(l.unit.valid_from),
        valid_to: to,
        version: 0,
    };
    let u = super::org::OrgUnit {
        unit,
        parent: l.parent,
        ward: l.ward,
        jobs: l.jobs.clone(),
        personnel: false,
    };
    g.org.units.push(u);
    g.org.units.len() - 1
}

/// Every other post in `unit` that spans `day` (not its chief's), in staff-number order,
/// is cut there. `into_new`: from the day the post is in `other` (a split); else it was
/// in `other` until the day (a merge into `unit`). Returns the people whose post moved
/// into `other` from the day; their supervisor is the nearest chief above it then.
fn cut_posts(g: &mut Gen, unit: usize, other: usize, day: Date, into_new: bool) -> Vec<usize> {
    let mut spanning: Vec<usize> = (0..g.people.len())
        .filter(|&i| {
            g.people[i].posts.iter().any(|p| {
                p.unit == unit
                    && p.start < day
                    && p.end.is_none_or(|e| e >= day)
                    && p.position != Position::TeamChief
                    && !matches!(p.reason, Reason::Secondment | Reason::Dispatch)
            })
        })
        .collect();
    spanning.sort_by(|&a, &b| g.people[a].staff.staff_no.cmp(&g.people[b].staff.staff_no));
    let mut moved = Vec::new();
    for &i in spanning.iter().step_by(2) {
        let p = &mut g.people[i];
        let k = p
            .posts
            .iter()
            .position(|q| q.unit == unit && q.start < day && q.end.is_none_or(|e| e >= day))
            .expect("a spanning post");
        let old = &p.posts[k];
        let mut rest = Post {
            unit: old.unit,
            position: old.position,
            start: day,
            end: old.end,
            reason: Reason::Transfer,
            note: "",
        };
        p.posts[k].end = Some(day.add_days(-1));
        if into_new {
            rest.unit = other;
        } else {
            p.posts[k].unit = other;
        }
        let held = rest.end.is_none() && p.staff.status != StaffStatus::Retired;
        if held && into_new {
            p.unit = other;
        }
        p.posts.insert(k + 1, rest);
        if into_new {
            moved.push(i);
        }
    }
    // The new unit has no chief of its own: its people report to the one above.
    let chiefs = super::people::chiefs_on(&g.org, &g.people, g.today);
    for &i in &moved {
        let mut u = Some(g.people[i].unit);
        while let Some(x) = u {
            match chiefs.get(&x) {
                Some(&c) if c != i => {
                    g.people[i].supervisor = Some(c);
                    break;
                }
                _ => u = g.org.units[x].parent,
            }
        }
    }
    moved
}

/// Next April's draft: a 係 renamed and another abolished with nowhere said for its
/// people, which the plan's check names until a destination is given.
fn draft(g: &mut Gen) -> Result<()> {
    let teams: Vec<Unit> = g
        .org
        .units
        .iter()
        // The catalogue's own teams (those `shape` adds carry a suffix).
        .filter(|u| u.ward == 0 && u.unit.kind == UnitKind::Team && !u.personnel)
        .filter(|u| !u.unit.code.contains('-'))
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
