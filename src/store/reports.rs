//! What the spreadsheet reports hold: a person's evaluation sheet (評価シート) for a fiscal
//! year, and a unit's summary (grades, PDCA progress, training hours, compliance) with a
//! row for each unit under it. Plain data; `sheet::report` lays it out.

use super::machine::list::id_list;
use super::{Db, Result};
use crate::domain::disclosure::Reader;
use crate::domain::evaluation::{EvalKind, EvalPeriod, Evaluation, Grade};
use crate::domain::pdca::{PdcaCycle, Phase};
use crate::domain::staff::Staff;
use crate::domain::theme::Theme;
use crate::domain::unit::Unit;
use crate::domain::{Date, FiscalYear, Id};

/// One evaluation of the year with who evaluates it.
#[derive(Debug, Clone)]
pub struct SheetEvaluation {
    pub period: EvalPeriod,
    pub evaluation: Evaluation,
    pub evaluator1: Option<Staff>,
    pub evaluator2: Option<Staff>,
}

/// A training session taken in the year.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetTraining {
    pub course: String,
    pub starts_on: Date,
    pub state: String,
    pub hours: f64,
}

/// 評価シート: everything one person's year of evaluation rests on.
#[derive(Debug, Clone)]
pub struct EvalSheet {
    pub staff: Staff,
    pub unit: Option<Unit>,
    pub fiscal_year: FiscalYear,
    pub evaluations: Vec<SheetEvaluation>,
    pub themes: Vec<Theme>,
    pub pdca: Vec<PdcaCycle>,
    pub training: Vec<SheetTraining>,
    /// Hours of completed training in the year.
    pub training_hours: f64,
}

/// One row of a unit summary: a unit under the one reported on (with all below it), or
/// that unit's own people.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SummaryRow {
    pub unit: String,
    /// The row of the unit's own people, not those of the units under it.
    pub own_staff: bool,
    pub people: i64,
    /// Final grades S…D, and not yet graded, of each kind (能力, 業績).
    pub grades: [[i64; 6]; 2],
    /// PDCA cycles of the year by phase (plan, do, check, act, closed).
    pub phases: [i64; 5],
    pub pdca_progress: Option<f64>,
    pub training_hours: f64,
    pub compliance_total: i64,
    pub compliance_done: i64,
}

impl SummaryRow {
    pub fn hours_per_person(&self) -> f64 {
        if self.people == 0 {
            0.0
        } else {
            self.training_hours / self.people as f64
        }
    }
    pub fn compliance_rate(&self) -> Option<f64> {
        (self.compliance_total > 0)
            .then(|| self.compliance_done as f64 / self.compliance_total as f64)
    }
}

#[derive(Debug, Clone)]
pub struct UnitSummary {
    pub unit: Unit,
    pub fiscal_year: FiscalYear,
    /// A row for each unit directly under it (its whole subtree), then its own people.
    pub rows: Vec<SummaryRow>,
    pub total: SummaryRow,
}

impl Db {
    /// The sheet as `reader` may see it: stages not yet theirs are left empty.
    pub fn eval_sheet(&self, staff: &Staff, fy: FiscalYear, reader: Reader) -> Result<EvalSheet> {
        let mut evaluations = Vec::new();
        for period in self.eval_periods(fy)? {
            let found: Vec<Evaluation> = self.all(
                vec![
                    super::Filter::eq("period_id", period.id),
                    super::Filter::eq("staff_id", staff.id),
                ],
                "id",
            )?;
            for evaluation in found {
                let who = |id: Option<Id>| -> Result<Option<Staff>> {
                    Ok(match id {
                        Some(id) => self.find(id)?,
                        None => None,
                    })
                };
                evaluations.push(SheetEvaluation {
                    evaluator1: who(evaluation.evaluator1_id)?,
                    evaluator2: who(evaluation.evaluator2_id)?,
                    period: period.clone(),
                    evaluation: evaluation.as_seen_by(reader),
                });
            }
        }
        let mut st = self.conn().prepare_cached(
            "SELECT c.title, t.starts_on, e.state, e.hours
             FROM enrolments e JOIN training_sessions t ON t.id = e.session_id
             JOIN courses c ON c.id = t.course_id
             WHERE e.staff_id = ?1 AND t.fiscal_year = ?2 AND e.state <> 'cancelled'
             ORDER BY t.starts_on, c.code",
        )?;
        let training: Vec<SheetTraining> = st
            .query_map(rusqlite::params![staff.id, fy], |r| {
                Ok(SheetTraining {
                    course: r.get(0)?,
                    starts_on: super::machine::col::get(r, 1)?,
                    state: r.get(2)?,
                    hours: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(EvalSheet {
            unit: self.find(staff.unit_id)?,
            fiscal_year: fy,
            evaluations,
            themes: self.themes_seen(staff.id, fy, reader)?,
            pdca: self
                .pdca_of_staff(staff.id)?
                .into_iter()
                .filter(|c| c.fiscal_year == fy)
                .collect(),
            training_hours: self.training_hours(staff.id, fy)?,
            training,
            staff: staff.clone(),
        })
    }

    /// The summary of `unit` for `fy`: a row per unit directly under it, one for its own
    /// people when it has any, and the total.
    pub fn unit_summary(&self, unit: &Unit, fy: FiscalYear, reader: Reader) -> Result<UnitSummary> {
        let mut groups: Vec<(String, Vec<Id>)> = Vec::new();
        for child in self.unit_children(unit.id)? {
            groups.push((child.name.clone(), self.unit_subtree(child.id)?));
        }
        let mut own = self.summary_row(&unit.name, &[unit.id], fy, reader)?;
        own.own_staff = true;
        let mut rows = Vec::new();
        for (name, ids) in &groups {
            rows.push(self.summary_row(name, ids, fy, reader)?);
        }
        if own.people > 0 || groups.is_empty() {
            rows.push(own);
        }
        let all = self.unit_subtree(unit.id)?;
        let total = self.summary_row(&unit.name, &all, fy, reader)?;
        Ok(UnitSummary {
            unit: unit.clone(),
            fiscal_year: fy,
            rows,
            total,
        })
    }

    fn summary_row(
        &self,
        name: &str,
        units: &[Id],
        fy: FiscalYear,
        reader: Reader,
    ) -> Result<SummaryRow> {
        let ids = id_list(units);
        let c = self.conn();
        let mut row = SummaryRow {
            unit: name.to_string(),
            ..Default::default()
        };
        row.people = c.query_row(
            &format!("SELECT count(*) FROM staff WHERE unit_id IN ({ids}) AND status <> 'retired'"),
            [],
            |r| r.get(0),
        )?;
        for (k, kind) in [EvalKind::Competency, EvalKind::Performance]
            .iter()
            .enumerate()
        {
            // Final grades only, and only those the reader may see.
            let mut st = c.prepare(&super::disclosure::bind(
                &format!(
                    "SELECT CASE WHEN {{seen:final:e}} THEN e.grade END, count(*)
                     FROM evaluations e
                     JOIN eval_periods p ON p.id = e.period_id JOIN staff s ON s.id = e.staff_id
                     WHERE p.fiscal_year = ?1 AND p.kind = ?2 AND s.unit_id IN ({ids})
                     GROUP BY 1"
                ),
                reader,
            ))?;
            let mut q = st.query(rusqlite::params![fy, kind.code()])?;
            while let Some(r) = q.next()? {
                let g: Option<String> = r.get(0)?;
                let n: i64 = r.get(1)?;
                let i = g
                    .as_deref()
                    .and_then(Grade::from_code)
                    .and_then(|g| Grade::ALL.iter().position(|x| *x == g))
                    .unwrap_or(5);
                row.grades[k][i] += n;
            }
        }
        let mut st = c.prepare(&format!(
            "SELECT p.phase, count(*), avg(p.progress) FROM pdca_cycles p
             LEFT JOIN staff s ON s.id = p.owner_staff_id
             WHERE p.fiscal_year = ?1 AND (p.owner_unit_id IN ({ids}) OR s.unit_id IN ({ids}))
             GROUP BY p.phase"
        ))?;
        let mut q = st.query([fy])?;
        let (mut weighted, mut n_all) = (0.0, 0i64);
        while let Some(r) = q.next()? {
            let phase: String = r.get(0)?;
            let n: i64 = r.get(1)?;
            let avg: f64 = r.get::<_, Option<f64>>(2)?.unwrap_or(0.0);
            if let Some(i) =
                Phase::from_code(&phase).and_then(|p| Phase::ALL.iter().position(|x| *x == p))
            {
                row.phases[i] += n;
            }
            weighted += avg * n as f64;
            n_all += n;
        }
        row.pdca_progress = (n_all > 0).then(|| weighted / n_all as f64);
        row.training_hours = c.query_row(
            &format!(
                "SELECT coalesce(sum(e.hours), 0) FROM enrolments e
                 JOIN training_sessions t ON t.id = e.session_id JOIN staff s ON s.id = e.staff_id
                 WHERE e.state = 'completed' AND t.fiscal_year = ?1 AND s.unit_id IN ({ids})"
            ),
            [fy],
            |r| r.get(0),
        )?;
        (row.compliance_total, row.compliance_done) = c.query_row(
            &format!(
                "SELECT count(*), coalesce(sum(c.self_check_done_on IS NOT NULL AND {} IS NOT NULL), 0)
                 FROM compliance_records c JOIN staff s ON s.id = c.staff_id
                 WHERE c.fiscal_year = ?1 AND s.unit_id IN ({ids})",
                super::training_rules::compliance_training_done!("c"),
            ),
            [fy],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(row)
    }
}
