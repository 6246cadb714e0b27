//! Calibration (甘辛調整): how grades spread per section and per first evaluator, so that
//! a lenient or strict evaluator stands out against the ward's mean.

use std::collections::HashMap;

use super::machine::list::id_list;
use super::panels::SECTION_OF;
use super::{Db, Result};
use crate::domain::Id;
use crate::domain::disclosure::Reader;
use crate::domain::evaluation::Grade;

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
    /// The calibration of one period over the evaluatees in `units` (`None`: everyone),
    /// of the ratings `reader` may see.
    pub fn calibration(
        &self,
        period_id: Id,
        units: Option<&[Id]>,
        reader: Reader,
    ) -> Result<Calibration> {
        let within = match units {
            Some(u) => format!("AND s.unit_id IN ({})", id_list(u)),
            None => String::new(),
        };
        // Per section (a team counts with its section): the final grade, else the latest.
        let by_section = self.tally(
            &format!(
                "SELECT sec.id, sec.name, {{grade:e}}, count(*)
                 FROM evaluations e JOIN staff s ON s.id = e.staff_id
                 JOIN units u ON u.id = s.unit_id JOIN units sec ON sec.id = {SECTION_OF}
                 WHERE e.period_id = ?1 {within} GROUP BY 1, 3"
            ),
            period_id,
            reader,
        )?;
        let mut overall = [0; 5];
        for row in &by_section {
            for (a, b) in overall.iter_mut().zip(row.counts) {
                *a += b;
            }
        }
        // Per first evaluator: their own first ratings.
        let by_evaluator = self.tally(
            &format!(
                "SELECT e.evaluator1_id, v.family_name || ' ' || v.given_name,
                        CASE WHEN {{seen:first:e}} THEN e.first_rating END, count(*)
                 FROM evaluations e JOIN staff s ON s.id = e.staff_id
                 JOIN staff v ON v.id = e.evaluator1_id
                 WHERE e.period_id = ?1 AND e.first_rating IS NOT NULL {within}
                 GROUP BY 1, 3"
            ),
            period_id,
            reader,
        )?;
        let mut out = Calibration {
            overall,
            by_section,
            by_evaluator,
        };
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

impl Db {
    /// Rows of (id, name, grade code, count) summed into one row per id; rows without a
    /// grade are not counted.
    fn tally(&self, sql: &str, period_id: Id, reader: Reader) -> Result<Vec<CalRow>> {
        let mut st = self.conn().prepare(&super::disclosure::bind(sql, reader))?;
        let rows = st.query_map([period_id], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?;
        let mut out: HashMap<Id, CalRow> = HashMap::new();
        for row in rows {
            let (id, name, g, n) = row?;
            if let Some(i) = grade_index(g) {
                out.entry(id)
                    .or_insert_with(|| CalRow {
                        id,
                        name,
                        counts: [0; 5],
                    })
                    .counts[i] += n;
            }
        }
        Ok(out.into_values().collect())
    }
}
