//! The organisation: one ward office from the catalogue, repeated for a city of many wards,
//! and the posts (slots) people fill.

use super::assets::Assets;
use super::rng::Rng;
use crate::domain::Date;
use crate::domain::staff::{JobType, Position};
use crate::domain::unit::{Unit, UnitKind};

/// A unit being built; `unit.id` is set once inserted.
pub struct OrgUnit {
    pub unit: Unit,
    pub parent: Option<usize>,
    pub ward: usize,
    pub jobs: Vec<(JobType, u32)>,
    /// True for the 人事係 of each ward, where seconded staff belong administratively.
    pub personnel: bool,
}

/// A post to fill on the base day.
pub struct Slot {
    pub unit: usize,
    pub position: Position,
    pub job: JobType,
}

const WARD_NAMES: &[(&str, &str)] = &[
    ("中央区", "チュウオウク"),
    ("北区", "キタク"),
    ("東区", "ヒガシク"),
    ("西区", "ニシク"),
    ("南区", "ミナミク"),
    ("港区", "ミナトク"),
    ("緑区", "ミドリク"),
    ("青葉区", "アオバク"),
    ("若葉区", "ワカバク"),
    ("美浜区", "ミハマク"),
    ("稲毛区", "イナゲク"),
    ("花見川区", "ハナミガワク"),
];

pub struct Org {
    pub units: Vec<OrgUnit>,
    pub slots: Vec<Slot>,
    pub wards: usize,
}

/// How much of the catalogue a ward of `budget` people can staff.
#[derive(Clone, Copy)]
enum Shape {
    Full,
    OneTeamPerSection,
    OneSectionPerDept,
    Depts(usize),
}

pub fn build(assets: &Assets, staff: usize, rng: &mut Rng) -> Org {
    let ward_size = if staff <= 600 { staff.max(1) } else { 1500 };
    let wards = staff.div_ceil(ward_size).max(1);
    let mut org = Org {
        units: Vec::new(),
        slots: Vec::new(),
        wards,
    };
    for w in 0..wards {
        let budget = staff / wards + usize::from(w < staff % wards);
        build_ward(assets, &mut org, w, wards, budget, rng);
    }
    org
}

fn code(w: usize, wards: usize, c: &str) -> String {
    if wards == 1 {
        c.to_string()
    } else {
        format!("{:03}{c}", w + 1)
    }
}

fn build_ward(
    assets: &Assets,
    org: &mut Org,
    w: usize,
    wards: usize,
    budget: usize,
    rng: &mut Rng,
) {
    let shapes = [
        Shape::Full,
        Shape::OneTeamPerSection,
        Shape::OneSectionPerDept,
    ];
    let chosen = shapes
        .iter()
        .copied()
        .find(|s| managers(assets, *s) * 8 / 5 <= budget)
        .unwrap_or_else(|| Shape::Depts((budget / 5).max(1)));
    let since = Date::from_ymd(2000, 4, 1);
    let (ward_name, ward_kana) = match WARD_NAMES.get(w) {
        Some(n) => (n.0.to_string(), n.1.to_string()),
        None => (format!("第{}区", w + 1), String::new()),
    };
    let office = org.units.len();
    org.units.push(OrgUnit {
        unit: Unit {
            id: 0,
            code: code(w, wards, "000000"),
            name: format!("{ward_name}役所"),
            kana: if ward_kana.is_empty() {
                ward_kana
            } else {
                format!("{ward_kana}ヤクショ")
            },
            parent_id: None,
            kind: UnitKind::Office,
            valid_from: Some(since),
            valid_to: None,
            version: 0,
        },
        parent: None,
        ward: w,
        jobs: vec![],
        personnel: false,
    });
    let kept = keep(assets, chosen);
    let mut index = std::collections::HashMap::new();
    for (i, row) in assets.units.iter().enumerate() {
        if !kept[i] {
            continue;
        }
        let kind = UnitKind::from_code(row.kind).unwrap_or(UnitKind::Team);
        let parent = if row.parent.is_empty() {
            Some(office)
        } else {
            index.get(row.parent).copied()
        };
        index.insert(row.code, org.units.len());
        org.units.push(OrgUnit {
            unit: Unit {
                id: 0,
                code: code(w, wards, row.code),
                name: row.name.to_string(),
                kana: row.kana.to_string(),
                parent_id: None,
                kind,
                valid_from: Some(since),
                valid_to: None,
                version: 0,
            },
            parent,
            ward: w,
            jobs: row.jobs.clone(),
            personnel: row.name == "人事係",
        });
    }
    let start = office + 1;
    let end = org.units.len();
    if !org.units[start..end].iter().any(|u| u.personnel)
        && let Some(t) = org.units[start..end]
            .iter_mut()
            .find(|u| u.unit.kind == UnitKind::Team)
    {
        t.personnel = true;
    }
    // Managers first, one per unit (and a deputy in some sections of a full ward).
    let mut used = 0;
    for i in start..end {
        let (pos, job) = match org.units[i].unit.kind {
            UnitKind::Department => (Position::Director, JobType::Office),
            UnitKind::Section => (Position::SectionChief, section_job(org, i, rng)),
            UnitKind::Team => (Position::TeamChief, team_job(&org.units[i], rng, 0.85)),
            UnitKind::Office => continue,
        };
        org.slots.push(Slot {
            unit: i,
            position: pos,
            job,
        });
        used += 1;
        if matches!(chosen, Shape::Full)
            && org.units[i].unit.kind == UnitKind::Section
            && rng.chance(0.5)
        {
            org.slots.push(Slot {
                unit: i,
                position: Position::DeputyChief,
                job: section_job(org, i, rng),
            });
            used += 1;
        }
    }
    // Everyone else in the teams: about a third 主任, the rest 主事 or 技師.
    let teams: Vec<usize> = (start..end)
        .filter(|&i| org.units[i].unit.kind == UnitKind::Team)
        .collect();
    if teams.is_empty() {
        return;
    }
    for n in 0..budget.saturating_sub(used) {
        let t = if n < teams.len() * 2 {
            teams[n % teams.len()]
        } else {
            *rng.pick(&teams)
        };
        let job = team_job(&org.units[t], rng, 0.0);
        let pos = if rng.chance(0.35) {
            Position::Senior
        } else if job.is_technical() {
            Position::Engineer
        } else {
            Position::Clerk
        };
        org.slots.push(Slot {
            unit: t,
            position: pos,
            job,
        });
    }
}

fn managers(assets: &Assets, shape: Shape) -> usize {
    let kept = keep(assets, shape);
    let n = assets.units.iter().zip(&kept).filter(|(_, k)| **k).count();
    let sections = assets
        .units
        .iter()
        .zip(&kept)
        .filter(|(u, k)| **k && u.kind == "section")
        .count();
    n + if matches!(shape, Shape::Full) {
        sections / 2
    } else {
        0
    }
}

/// Which catalogue rows a shape keeps.
fn keep(assets: &Assets, shape: Shape) -> Vec<bool> {
    let mut out = Vec::with_capacity(assets.units.len());
    let mut seen_team_of: std::collections::HashSet<&str> = Default::default();
    let mut seen_section_of: std::collections::HashSet<&str> = Default::default();
    let mut kept_codes: std::collections::HashSet<&str> = Default::default();
    let mut depts = 0;
    for u in &assets.units {
        let k = match (shape, u.kind) {
            (Shape::Full, _) => true,
            (_, "department") => {
                depts += 1;
                match shape {
                    Shape::Depts(n) => depts <= n,
                    _ => true,
                }
            }
            (Shape::OneTeamPerSection, "section") => true,
            (_, "section") => kept_codes.contains(u.parent) && seen_section_of.insert(u.parent),
            (_, _) => kept_codes.contains(u.parent) && seen_team_of.insert(u.parent),
        };
        if k {
            kept_codes.insert(u.code);
        }
        out.push(k);
    }
    out
}

/// A job type drawn from the team's mix; `office_bias` pulls managers toward 事務.
fn team_job(u: &OrgUnit, rng: &mut Rng, office_bias: f64) -> JobType {
    if u.jobs.is_empty() || rng.chance(office_bias * 0.3) {
        return JobType::Office;
    }
    let w: Vec<u32> = u.jobs.iter().map(|j| j.1).collect();
    u.jobs[rng.weighted(&w)].0
}

/// A section chief's job type: that of the section's teams, mostly.
fn section_job(org: &Org, section: usize, rng: &mut Rng) -> JobType {
    // The catalogue lists a section's teams right after it.
    let mix: Vec<(JobType, u32)> = org.units[section + 1..]
        .iter()
        .take_while(|u| u.unit.kind == UnitKind::Team)
        .flat_map(|u| u.jobs.iter().copied())
        .collect();
    if mix.is_empty() || rng.chance(0.5) {
        return JobType::Office;
    }
    let w: Vec<u32> = mix.iter().map(|j| j.1).collect();
    mix[rng.weighted(&w)].0
}
