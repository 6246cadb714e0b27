//! The demo ward and the scale generator: one generator at any size, deterministic for a
//! given seed and base day. It writes through the store's bulk insert, all in one
//! transaction: a run is there entirely or not at all.

// People are addressed by index across parallel tables (ability, chiefs, ids).
#![allow(clippy::needless_range_loop)]

mod appointments;
mod assets;
mod awards;
mod career;
mod evaluations;
mod exams;
mod history;
mod leaves;
mod ojt;
mod orders;
mod org;
mod pdca;
mod people;
mod posts;
mod reorg;
mod rng;
mod training;
mod transfer;

use std::collections::HashMap;

use crate::domain::Date;
use crate::domain::account::{Account, Role};
use crate::domain::assignment::Assignment;
use crate::domain::staff::{Position, Staff, StaffStatus};
use crate::store::{Db, Filter, Record, Result, StoreError};

pub use assets::Assets;
/// The demo's seeded generator, for tests that draw at random and must replay a seed.
pub use rng::Rng;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Params {
    /// Active staff.
    pub staff: usize,
    /// Fiscal years of history, the current one included.
    pub years: i32,
    pub seed: u64,
    /// The base day: "today" for the data (the current fiscal year, states and dates).
    pub today: Date,
}

impl Params {
    pub fn demo(today: Date) -> Params {
        Params {
            staff: 300,
            years: 5,
            seed: 2025,
            today,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub rows: HashMap<&'static str, usize>,
}

impl Report {
    pub fn total(&self) -> usize {
        self.rows.values().sum()
    }
}

/// The state shared by the parts of the generator.
pub(crate) struct Gen<'a> {
    pub db: &'a Db,
    pub assets: Assets,
    pub org: org::Org,
    pub people: Vec<people::Person>,
    pub today: Date,
    pub years: i32,
    pub report: Report,
    /// Who did the year's compliance training, and when: (fiscal year, person) → the day,
    /// or `None` for not (yet). Decided with the compliance records, written as
    /// enrolments in the yearly compliance course.
    pub compliance_training:
        std::collections::BTreeMap<(crate::domain::FiscalYear, usize), Option<Date>>,
}

impl Gen<'_> {
    /// Inserts a batch and counts it.
    pub fn put<T: Record>(&mut self, rows: &mut [T]) -> Result<()> {
        self.db.insert_many_generated(rows, "seed")?;
        *self.report.rows.entry(T::TABLE).or_insert(0) += rows.len();
        Ok(())
    }

    /// The fiscal years of history, oldest first.
    pub fn fiscal_years(&self) -> std::ops::RangeInclusive<i32> {
        let cur = self.today.fiscal_year();
        (cur - self.years + 1)..=cur
    }

    pub fn staff_id(&self, person: usize) -> i64 {
        self.people[person].staff.id
    }

    pub fn unit_id(&self, unit: usize) -> i64 {
        self.org.units[unit].unit.id
    }

    /// Who headed each unit on a day.
    pub fn chiefs_on(&self, d: Date) -> HashMap<usize, usize> {
        people::chiefs_on(&self.org, &self.people, d)
    }

    /// The chain of chiefs above a person's post on a day (`chiefs` as of that day),
    /// nearest first, each senior to them then.
    pub fn chain_above(
        &self,
        person: usize,
        d: Date,
        chiefs: &HashMap<usize, usize>,
    ) -> Vec<usize> {
        let p = &self.people[person];
        let (mut unit, rank) = match p.post_on(d) {
            Some(post) => (Some(post.unit), post.position.rank()),
            None => (Some(p.unit), p.staff.position.rank()),
        };
        let mut out = Vec::new();
        while let Some(u) = unit {
            if let Some(&c) = chiefs.get(&u)
                && c != person
                && self.people[c]
                    .post_on(d)
                    .is_some_and(|q| q.position.rank() < rank)
                && !out.contains(&c)
            {
                out.push(c);
            }
            unit = self.org.units[u].parent;
        }
        out
    }
}

/// Generates a ward (or a city of wards) into an empty database.
pub fn generate(db: &Db, p: &Params) -> Result<Report> {
    if db.count::<Staff>(&[])? > 0 {
        return Err(StoreError::Denied(
            "the database already holds staff; generate into a new file".into(),
        ));
    }
    db.write(|| {
        let assets = Assets::load();
        let mut rng = rng::Rng::new(p.seed);
        let org = org::build(&assets, p.staff, &mut rng.fork(1));
        let people = people::make_people(&assets, &org, p.today, p.years, &mut rng.fork(2));
        let mut g = Gen {
            db,
            assets,
            org,
            people,
            today: p.today,
            years: p.years,
            report: Report::default(),
            compliance_training: Default::default(),
        };
        // The past reorganisations reshape the history first: everything after reads it.
        let reorganised = reorg::shape(&mut g);
        let away = posts::choose_away(&mut g);
        insert_units(&mut g)?;
        insert_staff(&mut g)?;
        insert_accounts(&mut g)?;
        // Leave periods before the records that depend on who is away (their compliance
        // of the year, awards), on a stream of their own that draws nothing from the
        // main one, so that the other parts of the ward stay as they were.
        leaves::generate(&mut g, &mut rng::Rng::new(p.seed ^ 0x6c65_6176_6573))?;
        history::generate(&mut g, &mut rng.fork(3))?;
        training::generate(&mut g, &mut rng.fork(4))?;
        awards::generate(&mut g, &mut rng.fork(5))?;
        pdca::generate(&mut g, &mut rng.fork(6))?;
        evaluations::consultations(&mut g, &mut rng.fork(7))?;
        // The ward's table of where each job type works, before the plans that follow it.
        orders::job_fits(&mut g)?;
        transfer::generate(&mut g)?;
        posts::generate(&mut g, &mut rng.fork(8), &away)?;
        orders::generate(&mut g)?;
        reorg::generate(&mut g, reorganised)?;
        // Each staff row is written with the post it holds on the base day; this records
        // that they follow their posts (and would catch up any that did not, audited).
        db.follow_posts(p.today)?;
        // Promotion selection reads who may sit it from the records as they now stand.
        exams::generate(&mut g, &mut rng.fork(9))?;
        // A head away today leaves their people to whoever acts for them or the head
        // above, as a leave written by hand does (`store::leaves`).
        let mut led_by_someone_away = Vec::new();
        for status in [StaffStatus::Leave, StaffStatus::Seconded] {
            let away: Vec<Staff> = db.all(vec![Filter::eq("status", status.code())], "id")?;
            led_by_someone_away.extend(
                away.iter()
                    .filter(|s| s.position.is_supervisory())
                    .map(|s| s.unit_id),
            );
        }
        db.reset_unit_supervisors(&led_by_someone_away, p.today)?;
        db.set_setting(crate::store::settings::keys::DEMO, "1")?;
        Ok(g.report)
    })
}

/// Units level by level, so each parent has its id before its children.
fn insert_units(g: &mut Gen) -> Result<()> {
    use crate::domain::unit::UnitKind;
    for kind in [
        UnitKind::Office,
        UnitKind::Department,
        UnitKind::Section,
        UnitKind::Team,
    ] {
        let idx: Vec<usize> = (0..g.org.units.len())
            .filter(|&i| g.org.units[i].unit.kind == kind)
            .collect();
        let mut batch: Vec<_> = idx
            .iter()
            .map(|&i| {
                let mut u = g.org.units[i].unit.clone();
                u.parent_id = g.org.units[i].parent.map(|p| g.org.units[p].unit.id);
                u
            })
            .collect();
        g.put(&mut batch)?;
        for (k, &i) in idx.iter().enumerate() {
            g.org.units[i].unit = batch[k].clone();
        }
    }
    Ok(())
}

/// Staff by depth in the reporting line (supervisors first), then their assignments.
fn insert_staff(g: &mut Gen) -> Result<()> {
    let n = g.people.len();
    let mut depth = vec![0usize; n];
    for i in 0..n {
        let mut d = 0;
        let mut s = g.people[i].supervisor;
        while let Some(x) = s {
            d += 1;
            s = g.people[x].supervisor;
            if d > 16 {
                break;
            }
        }
        depth[i] = d;
    }
    let max = depth.iter().copied().max().unwrap_or(0);
    let db = g.db;
    db.staff_in_bulk(|| {
        for d in 0..=max {
            let idx: Vec<usize> = (0..n).filter(|&i| depth[i] == d).collect();
            let mut batch: Vec<Staff> = idx
                .iter()
                .map(|&i| {
                    let p = &g.people[i];
                    let mut s = p.staff.clone();
                    s.unit_id = g.org.units[p.unit].unit.id;
                    s.supervisor_id = p.supervisor.map(|x| g.people[x].staff.id);
                    s
                })
                .collect();
            g.put(&mut batch)?;
            for (k, &i) in idx.iter().enumerate() {
                g.people[i].staff = batch[k].clone();
            }
        }
        Ok(())
    })?;
    let mut rows: Vec<Assignment> = Vec::new();
    for p in &g.people {
        for post in &p.posts {
            rows.push(Assignment {
                id: 0,
                staff_id: p.staff.id,
                unit_id: g.org.units[post.unit].unit.id,
                position: post.position,
                start_date: post.start,
                end_date: post.end,
                reason: post.reason,
                note: post.note.to_string(),
                kind: crate::domain::post::AssignmentKind::Main,
                version: 0,
            });
        }
        if rows.len() > 50_000 {
            g.db.insert_many_generated(&mut rows, "seed")?;
            *g.report.rows.entry("assignments").or_insert(0) += rows.len();
            rows.clear();
        }
    }
    g.put(&mut rows)
}

/// An admin (the HR manager), a few HR clerks from the personnel team, and every 係長 and
/// above as a supervisor. Logins are `admin`, `hr1`… and `s` + staff number.
fn insert_accounts(g: &mut Gen) -> Result<()> {
    let today = g.today;
    let mut rows = Vec::new();
    let active = |p: &people::Person| p.staff.status != StaffStatus::Retired;
    // The HR manager: the chief of the section above the first personnel team.
    let personnel: Vec<usize> = (0..g.org.units.len())
        .filter(|&i| g.org.units[i].personnel)
        .collect();
    let hr_section = personnel.first().and_then(|&t| g.org.units[t].parent);
    let manager = g.people.iter().position(|p| {
        active(p) && Some(p.unit) == hr_section && p.staff.position == Position::SectionChief
    });
    let account = |login: String, staff: Option<i64>, role| Account {
        id: 0,
        login,
        staff_id: staff,
        role,
        active: true,
        created_on: today,
        version: 0,
    };
    rows.push(account(
        "admin".into(),
        manager.map(|m| g.staff_id(m)),
        Role::Admin,
    ));
    let clerks: Vec<usize> = g
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            active(p) && personnel.first() == Some(&p.unit) && !p.staff.position.is_supervisory()
        })
        .map(|(i, _)| i)
        .take(3)
        .collect();
    for (k, &c) in clerks.iter().enumerate() {
        rows.push(account(
            format!("hr{}", k + 1),
            Some(g.staff_id(c)),
            Role::Hr,
        ));
    }
    for p in g
        .people
        .iter()
        .filter(|p| active(p) && p.staff.position.is_supervisory())
    {
        if Some(p.staff.id) != manager.map(|m| g.staff_id(m)) {
            rows.push(account(
                format!("s{}", p.staff.staff_no),
                Some(p.staff.id),
                Role::Supervisor,
            ));
        }
    }
    // Everyone else may sign in as themselves (`s` + staff number) to answer their own
    // evaluation, write their self-report and follow their PDCA cycle.
    for p in g.people.iter().filter(|p| {
        active(p)
            && !p.staff.position.is_supervisory()
            && !clerks.iter().any(|&c| g.staff_id(c) == p.staff.id)
    }) {
        rows.push(account(
            format!("s{}", p.staff.staff_no),
            Some(p.staff.id),
            Role::Staff,
        ));
    }
    g.put(&mut rows)
}
