//! Calibration (甘辛調整): how grades spread per section and per first evaluator, so that
//! a lenient or strict evaluator stands out against the ward's mean.

use std::collections::HashMap;

use super::list::id_list;
use super::{Db, Result};
use crate::domain::Id;
use crate::domain::evaluation::Grade;
use crate::domain::unit::{Unit, UnitKind};

/// One row: a section or an evaluator, with the grades counted S…D.
#[derive(Debug, Clone, PartialEq)]
pub struct CalRow {
    pub id: Id,
    pub name: String,
    pub counts: [i64; 5],
}

impl CalRow {
    pub fn n(&self) -> i64 {
        self.counts.iter().sum()
    }
    /// Mean points (S 5 … D 1); `None` without grades.
    pub fn mean(&self) -> Option<f64> {
        let n = self.n();
        (n > 0).then(|| {
            Grade::ALL
                .iter()
                .zip(self.counts)
                .map(|(g, c)| g.points() as f64 * c as f64)
                .sum::<f64>()
                / n as f64
        })
    }
}

/// Leaning of a row against the whole: lenient (甘), strict (辛) or in line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    Lenient,
    Strict,
    InLine,
}

/// How far (in grade points) a mean may stray before it stands out, and how many grades
/// it takes to judge.
pub const LEAN_POINTS: f64 = 0.5;
pub const LEAN_MIN_N: i64 = 3;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Calibration {
    pub overall: [i64; 5],
    /// The final grade, else the latest rating, per section (課).
    pub by_section: Vec<CalRow>,
    /// The first evaluator's own rating, per first evaluator, the most leaning first.
    pub by_evaluator: Vec<CalRow>,
}

impl Calibration {
    pub fn overall_mean(&self) -> Option<f64> {
        CalRow {
            id: 0,
            name: String::new(),
            counts: self.overall,
        }
        .mean()
    }

    pub fn lean(&self, row: &CalRow) -> Lean {
        match (row.mean(), self.overall_mean()) {
            (Some(m), Some(all)) if row.n() >= LEAN_MIN_N => {
                if m - all >= LEAN_POINTS {
                    Lean::Lenient
                } else if all - m >= LEAN_POINTS {
                    Lean::Strict
                } else {
                    Lean::InLine
                }
            }
            _ => Lean::InLine,
        }
    }
}

fn grade_index(code: Option<String>) -> Option<usize> {
    code.as_deref()
        .and_then(Grade::from_code)
        .map(|g| g as usize)
}

impl Db {
    /// The calibration of one period over the evaluatees in `units` (`None`: everyone).
    pub fn calibration(&self, period_id: Id, units: Option<&[Id]>) -> Result<Calibration> {
        let within = match units {
            Some(u) => format!("AND s.unit_id IN ({})", id_list(u)),
            None => String::new(),
        };
        let mut out = Calibration::default();
        // Per unit, folded into sections below.
        let mut per_unit: HashMap<Id, [i64; 5]> = HashMap::new();
        let sql = format!(
            "SELECT s.unit_id, coalesce(e.grade, e.second_rating, e.first_rating), count(*)
             FROM evaluations e JOIN staff s ON s.id = e.staff_id
             WHERE e.period_id = ?1 {within} GROUP BY 1, 2"
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map([period_id], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (unit, g, n) = row?;
            if let Some(i) = grade_index(g) {
                per_unit.entry(unit).or_default()[i] += n;
                out.overall[i] += n;
            }
        }
        let all_units: HashMap<Id, Unit> = self.units()?.into_iter().map(|u| (u.id, u)).collect();
        let section_of = |mut id: Id| -> Option<&Unit> {
            for _ in 0..16 {
                let u = all_units.get(&id)?;
                match u.kind {
                    UnitKind::Section => return Some(u),
                    UnitKind::Team => id = u.parent_id?,
                    _ => return Some(u),
                }
            }
            None
        };
        let mut sections: HashMap<Id, CalRow> = HashMap::new();
        for (unit, counts) in per_unit {
            let Some(sec) = section_of(unit) else {
                continue;
            };
            let row = sections.entry(sec.id).or_insert_with(|| CalRow {
                id: sec.id,
                name: sec.name.clone(),
                counts: [0; 5],
            });
            for (a, b) in row.counts.iter_mut().zip(counts) {
                *a += b;
            }
        }
        out.by_section = sections.into_values().collect();
        let sql = format!(
            "SELECT e.evaluator1_id, v.family_name || ' ' || v.given_name, e.first_rating, count(*)
             FROM evaluations e JOIN staff s ON s.id = e.staff_id
             JOIN staff v ON v.id = e.evaluator1_id
             WHERE e.period_id = ?1 AND e.first_rating IS NOT NULL {within}
             GROUP BY 1, 3"
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map([period_id], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?;
        let mut evaluators: HashMap<Id, CalRow> = HashMap::new();
        for row in rows {
            let (id, name, g, n) = row?;
            if let Some(i) = grade_index(g) {
                evaluators
                    .entry(id)
                    .or_insert_with(|| CalRow {
                        id,
                        name,
                        counts: [0; 5],
                    })
                    .counts[i] += n;
            }
        }
        out.by_evaluator = evaluators.into_values().collect();
        // The most leaning first, so that they stand out; ties by name for a stable order.
        let all = out.overall_mean().unwrap_or(3.0);
        let key = |r: &CalRow| {
            let judged = r.n() >= LEAN_MIN_N;
            let d = r.mean().map(|m| (m - all).abs()).unwrap_or(0.0);
            (!judged, -(d * 1000.0) as i64, r.name.clone())
        };
        out.by_section.sort_by_key(key);
        out.by_evaluator.sort_by_key(key);
        Ok(out)
    }
}
