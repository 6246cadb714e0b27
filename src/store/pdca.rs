//! PDCA cycles, their actions, check-ins, reviews and evidence (citizen surveys, kept in
//! `surveys.rs`).

use super::machine::record::{record, select_list};
use super::{Db, Filter, Record, Result};
use crate::domain::pdca::{PdcaAction, PdcaCheckin, PdcaCycle, PdcaEvidence, PdcaReview};
use crate::domain::survey::Survey;
use crate::domain::{Date, FiscalYear, Id, Invalid, Problem};

record!(
    PdcaCycle,
    "pdca_cycles",
    [
        owner_staff_id,
        owner_unit_id,
        fiscal_year,
        title,
        goal,
        metric,
        metric_unit,
        lower_is_better,
        baseline,
        target,
        result,
        plan_notes,
        improvements,
        phase,
        prev_id,
        progress,
    ],
    {
        fn check_stored(&self, db: &Db) -> Result<()> {
            if let Some(p) = self.prev_id {
                match db.find::<PdcaCycle>(p)? {
                    None => return Err(Invalid::one("prev_id", Problem::Unknown).into()),
                    Some(prev) if prev.fiscal_year > self.fiscal_year => {
                        return Err(Invalid::one(
                            "prev_id",
                            Problem::Rule {
                                rule: "pdca_prev_earlier",
                            },
                        )
                        .into());
                    }
                    Some(_) => {}
                }
                if self.id != 0 && db.pdca_lineage(p)?.iter().any(|c| c.id == self.id) {
                    return Err(Invalid::one(
                        "prev_id",
                        Problem::Rule {
                            rule: "pdca_cycle_loop",
                        },
                    )
                    .into());
                }
            }
            Ok(())
        }
    }
);
record!(
    PdcaAction,
    "pdca_actions",
    [cycle_id, description, due_on, done_on, progress]
);
record!(PdcaCheckin, "pdca_checkins", [cycle_id, on_date, note]);
record!(
    PdcaReview,
    "pdca_reviews",
    [cycle_id, reviewer_id, reviewed_on, comment]
);
record!(PdcaEvidence, "pdca_evidence", [cycle_id, survey_id]);

impl Db {
    pub fn pdca_of_staff(&self, staff_id: Id) -> Result<Vec<PdcaCycle>> {
        self.all(vec![Filter::eq("owner_staff_id", staff_id)], "fiscal_year")
    }

    pub fn pdca_of_unit(&self, unit_id: Id) -> Result<Vec<PdcaCycle>> {
        self.all(vec![Filter::eq("owner_unit_id", unit_id)], "fiscal_year")
    }

    /// The cycle and the ones it grew from, newest first.
    pub fn pdca_lineage(&self, id: Id) -> Result<Vec<PdcaCycle>> {
        let sql = format!(
            "WITH RECURSIVE chain(id, depth) AS (SELECT ?1, 0 UNION ALL
               SELECT c.prev_id, chain.depth + 1 FROM pdca_cycles c JOIN chain ON c.id = chain.id
               WHERE c.prev_id IS NOT NULL AND chain.depth < 100)
             SELECT {} FROM pdca_cycles p JOIN chain ON chain.id = p.id ORDER BY chain.depth",
            select_list::<PdcaCycle>("p.")
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([id], PdcaCycle::from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn pdca_actions(&self, cycle_id: Id) -> Result<Vec<PdcaAction>> {
        self.all(vec![Filter::eq("cycle_id", cycle_id)], "due_on")
    }

    pub fn pdca_checkins(&self, cycle_id: Id) -> Result<Vec<PdcaCheckin>> {
        self.all(vec![Filter::eq("cycle_id", cycle_id)], "on_date")
    }

    pub fn pdca_reviews(&self, cycle_id: Id) -> Result<Vec<PdcaReview>> {
        self.all(vec![Filter::eq("cycle_id", cycle_id)], "reviewed_on")
    }

    /// The date of the latest supervisor review of a cycle.
    pub fn pdca_last_review(&self, cycle_id: Id) -> Result<Option<Date>> {
        let s: Option<String> = self
            .conn()
            .prepare_cached("SELECT max(reviewed_on) FROM pdca_reviews WHERE cycle_id = ?1")?
            .query_row([cycle_id], |r| r.get(0))?;
        Ok(s.and_then(|s| s.parse().ok()))
    }

    /// Actions past due and not done, for one cycle.
    pub fn pdca_overdue_actions(&self, cycle_id: Id, today: Date) -> Result<i64> {
        Ok(self.conn().prepare_cached(
            "SELECT count(*) FROM pdca_actions WHERE cycle_id = ?1 AND done_on IS NULL AND due_on < ?2",
        )?
        .query_row(rusqlite::params![cycle_id, today.iso()], |r| r.get(0))?)
    }

    /// Surveys attached to a cycle as evidence.
    pub fn pdca_evidence(&self, cycle_id: Id) -> Result<Vec<Survey>> {
        let sql = format!(
            "SELECT {} FROM surveys s JOIN pdca_evidence e ON e.survey_id = s.id
             WHERE e.cycle_id = ?1 ORDER BY s.conducted_on",
            select_list::<Survey>("s.")
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([cycle_id], Survey::from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Fiscal years that hold any cycle, for filters.
    pub fn pdca_years(&self) -> Result<Vec<FiscalYear>> {
        let mut st = self
            .conn()
            .prepare_cached("SELECT DISTINCT fiscal_year FROM pdca_cycles ORDER BY 1")?;
        let rows = st.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
