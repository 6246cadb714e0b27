//! Evaluation: periods, the evaluation chain, challenge themes.

use super::machine::record::{record, select_list};
use super::{Db, Filter, Record, Result};
use crate::domain::disclosure::Reader;
use crate::domain::evaluation::{EvalKind, EvalPeriod, EvalState, Evaluation, Grade, Term};
use crate::domain::theme::Theme;
use crate::domain::{FiscalYear, Id, Invalid, Problem};

record!(
    EvalPeriod,
    "eval_periods",
    [fiscal_year, kind, term, start_date, end_date, base_date]
);
record!(
    Evaluation,
    "evaluations",
    [
        period_id,
        staff_id,
        evaluator1_id,
        evaluator2_id,
        state,
        self_rating,
        self_comment,
        first_rating,
        first_comment,
        second_rating,
        second_comment,
        grade,
        start_interview_on,
        end_interview_on,
        start_interview_note,
        end_interview_note,
        self_submitted_on,
        first_done_on,
        second_done_on,
        finalized_on,
        disclosed_on,
        sent_back_reason,
        response,
        response_on,
        response_note,
        appeal_outcome,
        board_decision,
        board_decided_on,
    ]
);
record!(
    Theme,
    "themes",
    [
        staff_id,
        fiscal_year,
        title,
        target,
        difficulty,
        weight,
        progress,
        midterm_report,
        midterm_on,
        result,
        achievement,
        self_assessment,
        evaluator_comment,
    ],
    {
        fn check_stored(&self, db: &Db) -> Result<()> {
            // A person's themes for a year may not weigh more than 100 in all.
            let others: i64 = db.conn().query_row(
                "SELECT coalesce(sum(weight), 0) FROM themes
             WHERE staff_id = ?1 AND fiscal_year = ?2 AND id <> ?3",
                rusqlite::params![self.staff_id, self.fiscal_year, self.id],
                |r| r.get(0),
            )?;
            if others + self.weight > 100 {
                return Err(Invalid::one(
                    "weight",
                    Problem::Sum {
                        expected: 100,
                        actual: others + self.weight,
                    },
                )
                .into());
            }
            Ok(())
        }
    }
);

/// Grades counted for a chart: S, A, B, C, D, and not yet graded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GradeCounts {
    pub by_grade: [i64; 5],
    pub ungraded: i64,
}

impl GradeCounts {
    pub fn total(&self) -> i64 {
        self.by_grade.iter().sum::<i64>() + self.ungraded
    }
}

impl Db {
    /// HR's form: a new evaluation, or its evaluators reassigned — never a rating, which
    /// travels by the chain's moves — checked against the row as it is in the same
    /// transaction.
    pub fn save_evaluation(&self, e: &mut Evaluation) -> Result<()> {
        self.write(|| {
            if e.id == 0 {
                return self.insert(e);
            }
            let before: Evaluation = self.get(e.id)?;
            crate::domain::eval_flow::check_reassignment(&before, e)?;
            self.update(e)
        })
    }

    /// An evaluation nobody has begun; one that has begun is part of the record.
    pub fn delete_evaluation(&self, id: Id, version: i64) -> Result<()> {
        self.write(|| {
            let e: Evaluation = self.get(id)?;
            if e.state != EvalState::Draft {
                return Err(Invalid::one(
                    "state",
                    Problem::Rule {
                        rule: "eval_stage_locked",
                    },
                )
                .into());
            }
            self.delete::<Evaluation>(id, version)
        })
    }

    pub fn eval_periods(&self, fy: FiscalYear) -> Result<Vec<EvalPeriod>> {
        self.all(vec![Filter::eq("fiscal_year", fy)], "start_date")
    }

    pub fn eval_period(
        &self,
        fy: FiscalYear,
        kind: EvalKind,
        term: Term,
    ) -> Result<Option<EvalPeriod>> {
        Ok(self
            .all::<EvalPeriod>(
                vec![
                    Filter::eq("fiscal_year", fy),
                    Filter::eq("kind", kind.code()),
                    Filter::eq("term", term.code()),
                ],
                "id",
            )?
            .pop())
    }

    pub fn evaluations_of(&self, staff_id: Id) -> Result<Vec<Evaluation>> {
        self.all(vec![Filter::eq("staff_id", staff_id)], "period_id")
    }

    /// Evaluations waiting for `evaluator`: as first evaluator once self-submitted, as
    /// second once the first is done.
    pub fn evaluations_pending_for(&self, evaluator: Id) -> Result<Vec<Evaluation>> {
        let sql = format!(
            "SELECT {} FROM evaluations WHERE (evaluator1_id = ?1 AND state = 'self_submitted')
             UNION ALL SELECT {} FROM evaluations WHERE (evaluator2_id = ?1 AND state = 'first_done')
             ORDER BY 1",
            select_list::<Evaluation>(""),
            select_list::<Evaluation>("")
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([evaluator], Evaluation::from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Grade distribution of one period over a set of units (a unit's subtree): the final
    /// grade where there is one, else the latest rating so far (second, then first), as
    /// far as `reader` may see them.
    pub fn grade_counts(&self, period_id: Id, units: &[Id], reader: Reader) -> Result<GradeCounts> {
        let list = super::machine::list::id_list(units);
        let sql = super::disclosure::bind(
            &format!(
                "SELECT {{grade:e}}, count(*) FROM evaluations e JOIN staff s ON s.id = e.staff_id
                 WHERE e.period_id = ?1 AND s.unit_id IN ({list}) GROUP BY 1"
            ),
            reader,
        );
        let mut st = self.conn().prepare(&sql)?;
        let mut out = GradeCounts::default();
        let rows = st.query_map([period_id], |r| {
            Ok((r.get::<_, Option<String>>(0)?, r.get::<_, i64>(1)?))
        })?;
        for row in rows {
            let (g, n) = row?;
            match g.as_deref().and_then(Grade::from_code) {
                Some(g) => out.by_grade[g as usize] += n,
                None => out.ungraded += n,
            }
        }
        Ok(out)
    }

    /// Counts of evaluations per workflow state for a period.
    pub fn eval_state_counts(&self, period_id: Id) -> Result<Vec<(EvalState, i64)>> {
        let mut st = self.conn().prepare_cached(
            "SELECT state, count(*) FROM evaluations WHERE period_id = ?1 GROUP BY state",
        )?;
        let rows = st.query_map([period_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (s, n) = row?;
            if let Some(s) = EvalState::from_code(&s) {
                out.push((s, n));
            }
        }
        out.sort();
        Ok(out)
    }

    pub fn themes_of(&self, staff_id: Id, fy: FiscalYear) -> Result<Vec<Theme>> {
        self.all(
            vec![
                Filter::eq("staff_id", staff_id),
                Filter::eq("fiscal_year", fy),
            ],
            "id",
        )
    }

    /// What a person's themes of a year leave of 100 (the weight a new one starts at).
    pub fn theme_weight_left(&self, staff_id: Id, fy: FiscalYear) -> Result<i64> {
        let used: i64 = self.themes_of(staff_id, fy)?.iter().map(|t| t.weight).sum();
        Ok((100 - used).clamp(0, 100))
    }
}
