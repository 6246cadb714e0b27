//! Who heads a unit: the holder of its head position (部長 of a 部, 課長 of a 課, 係長 of
//! a 係) by a main post, or by a post held beside one — 兼務 (a 課長 who is also 係長 of a
//! team), 事務取扱 (a senior holding a junior post's duties) or 事務代理 (acting for a head
//! who is away). Supervisor lines run through these heads, and a unit without one is
//! flagged on the 定数・現員 view.

use std::collections::BTreeSet;

use super::{Db, Result};
use crate::domain::staff::{Position, Staff};
use crate::domain::unit::{Unit, UnitKind};
use crate::domain::{Date, Id};

/// The position that heads a unit of this kind.
pub fn head_position(kind: UnitKind) -> Option<Position> {
    match kind {
        UnitKind::Team => Some(Position::TeamChief),
        UnitKind::Section => Some(Position::SectionChief),
        UnitKind::Department => Some(Position::Director),
        UnitKind::Office => None,
    }
}

/// SQL: the head position of the unit kind in `kind` (a column), NULL for none.
fn head_position_sql(kind: &str) -> String {
    let arms: String = UnitKind::ALL
        .iter()
        .filter_map(|k| head_position(*k).map(|p| format!(" WHEN '{}' THEN '{}'", k, p)))
        .collect();
    format!("CASE {kind}{arms} END")
}

/// SQL condition: the posts `a` of people `s` held on `day` (an SQL expression). Who
/// counts is read from the staff row: today's status (a head on leave today is no head),
/// and people retired since count up to their day.
pub(super) fn held_on_sql(day: &str) -> String {
    format!(
        "a.start_date <= {day} AND (a.end_date IS NULL OR a.end_date >= {day})
         AND (s.status = 'active' OR (s.status = 'retired' AND s.retire_date >= {day}))"
    )
}

/// SQL condition: the unit `u` (an alias of `units`) has no head on `day`; false for units
/// no position heads.
pub(super) fn headless_sql(u: &str, day: &str) -> String {
    format!(
        "({pos} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM assignments a
            JOIN staff s ON s.id = a.staff_id
          WHERE a.unit_id = {u}.id AND a.position = {pos} AND {held}))",
        pos = head_position_sql(&format!("{u}.kind")),
        held = held_on_sql(day),
    )
}

impl Db {
    /// Who heads `unit` on `day`, by any kind of post (a main post first, then by staff
    /// number), if anyone.
    pub fn unit_head(&self, unit: Id, day: Date) -> Result<Option<Id>> {
        let Some(u) = self.find::<Unit>(unit)? else {
            return Ok(None);
        };
        let Some(pos) = head_position(u.kind) else {
            return Ok(None);
        };
        let sql = format!(
            "SELECT s.id FROM assignments a JOIN staff s ON s.id = a.staff_id
             WHERE a.unit_id = ?1 AND a.position = ?2 AND {}
             ORDER BY a.kind <> 'main', s.staff_no LIMIT 1",
            held_on_sql("?3")
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let mut rows = st.query(rusqlite::params![unit, pos.code(), day.iso()])?;
        Ok(match rows.next()? {
            Some(r) => Some(r.get(0)?),
            None => None,
        })
    }

    /// Of `units`, those without their head on `day` (a 部, 課 or 係 whose head position
    /// no one holds by any kind of post).
    pub fn units_without_head(&self, units: &[Id], day: Date) -> Result<Vec<Id>> {
        let mut out = Vec::new();
        for &u in units {
            let headed = self
                .find::<Unit>(u)?
                .is_some_and(|x| head_position(x.kind).is_none());
            if !headed && self.unit_head(u, day)?.is_none() {
                out.push(u);
            }
        }
        Ok(out)
    }

    /// The head of `unit` for the supervisor lines of today's staff rows, other than
    /// `except`: the holder of its main post as the staff rows stand, else whoever holds
    /// it beside a main post on `day`.
    fn head_now(&self, unit: &Unit, pos: Position, except: Id, day: Date) -> Result<Option<Id>> {
        let sql = format!(
            "SELECT id FROM (
               SELECT 0 AS o, staff_no, id FROM staff
                WHERE unit_id = ?1 AND position = ?2 AND status = 'active' AND id <> ?3
               UNION ALL
               SELECT 1, s.staff_no, s.id FROM assignments a JOIN staff s ON s.id = a.staff_id
                WHERE a.unit_id = ?1 AND a.position = ?2 AND a.kind <> 'main'
                  AND s.status = 'active' AND s.id <> ?3 AND {})
             ORDER BY o, staff_no LIMIT 1",
            held_on_sql("?4")
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let mut rows = st.query(rusqlite::params![unit.id, pos.code(), except, day.iso()])?;
        Ok(match rows.next()? {
            Some(r) => Some(r.get(0)?),
            None => None,
        })
    }

    /// The nearest head above a person on `day`: the head of their unit unless that is
    /// them (or one junior to them), else of the unit above, and so on.
    pub fn supervisor_on(&self, person: &Staff, day: Date) -> Result<Option<Id>> {
        let mut unit: Option<Unit> = self.find(person.unit_id)?;
        for _ in 0..16 {
            let Some(u) = unit else { return Ok(None) };
            if let Some(pos) = head_position(u.kind)
                && person.position.rank() > pos.rank()
                && let Some(head) = self.head_now(&u, pos, person.id, day)?
            {
                return Ok(Some(head));
            }
            unit = match u.parent_id {
                Some(p) => self.find(p)?,
                None => None,
            };
        }
        Ok(None)
    }

    /// After a post beside a main one is written or ended: the people of its units (and
    /// of the units below them) get their supervisors again, as after a transfer round —
    /// in the caller's transaction.
    pub(crate) fn reset_unit_supervisors(&self, units: &[Id], day: Date) -> Result<()> {
        if units.is_empty() {
            return Ok(());
        }
        let touched: BTreeSet<Id> = units.iter().copied().collect();
        self.reset_supervisors(&touched, &[], day)
    }
}
