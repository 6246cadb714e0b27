//! Aggregates for the tabs' panels: counts per section, award counts, the supervisor's
//! PDCA board. Each takes the units in scope (`None`: everyone).

use super::machine::list::id_list;
use super::{Db, Result};
use crate::domain::{Date, FiscalYear, Id};

/// `AND <col> IN (…)` for a scope, or nothing for everyone.
fn scope(col: &str, units: Option<&[Id]>) -> String {
    match units {
        Some(u) => format!("AND {col} IN ({})", id_list(u)),
        None => String::new(),
    }
}

/// The section a unit rolls up to (a team's parent; a section itself).
pub(super) const SECTION_OF: &str = "CASE WHEN u.kind = 'team' THEN u.parent_id ELSE u.id END";

/// The year's compliance training of compliance record `c` (see `training_rules`).
const TRAINING_DONE: &str = super::training_rules::compliance_training_done!("c");

/// A person overdue with compliance: (staff number, name, due date, away on leave today).
pub type Overdue = (String, String, String, bool);

/// One row of the supervisor's board.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardRow {
    pub staff_no: String,
    pub name: String,
    pub cycle_id: Option<Id>,
    pub title: String,
    pub phase: String,
    pub progress: i64,
    pub overdue_actions: i64,
    pub last_review: Option<Date>,
    /// Away on leave (休業中) today: the board says so rather than overdue.
    pub on_leave: bool,
}

impl Db {
    /// Generalists and specialists per section: (section name, generalists, specialists).
    pub fn track_balance_by_section(
        &self,
        units: Option<&[Id]>,
    ) -> Result<Vec<(String, i64, i64)>> {
        let sql = format!(
            "SELECT sec.name, sum(s.track = 'generalist'), sum(s.track = 'specialist')
             FROM staff s JOIN units u ON u.id = s.unit_id JOIN units sec ON sec.id = {SECTION_OF}
             WHERE s.status <> 'retired' {} GROUP BY sec.id ORDER BY sec.code",
            scope("s.unit_id", units)
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Compliance per section for a year: (section name, complete, total), weakest first.
    pub fn compliance_by_section(
        &self,
        fy: FiscalYear,
        units: Option<&[Id]>,
    ) -> Result<Vec<(String, i64, i64)>> {
        let sql = format!(
            "SELECT sec.name, sum(c.self_check_done_on IS NOT NULL AND {TRAINING_DONE} IS NOT NULL)
                    AS done, count(*)
             FROM compliance_records c JOIN staff s ON s.id = c.staff_id
             JOIN units u ON u.id = s.unit_id JOIN units sec ON sec.id = {SECTION_OF}
             WHERE c.fiscal_year = ?1 {} GROUP BY sec.id
             ORDER BY 1.0 * done / count(*), sec.code",
            scope("s.unit_id", units)
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([fy], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Overdue compliance in scope: (staff number, name, due), oldest first.
    pub fn compliance_overdue_in(
        &self,
        fy: FiscalYear,
        today: Date,
        units: Option<&[Id]>,
        limit: usize,
    ) -> Result<(i64, Vec<Overdue>)> {
        let wh = format!(
            "FROM compliance_records c JOIN staff s ON s.id = c.staff_id
             WHERE c.fiscal_year = ?1 AND c.due_on < ?2
               AND (c.self_check_done_on IS NULL OR {TRAINING_DONE} IS NULL) {}",
            scope("s.unit_id", units)
        );
        let total = self
            .conn()
            .prepare_cached(&format!("SELECT count(*) {wh}"))?
            .query_row(rusqlite::params![fy, today.iso()], |r| r.get(0))?;
        let mut st = self.conn().prepare_cached(&format!(
            "SELECT s.staff_no, s.family_name || ' ' || s.given_name, c.due_on, s.status IN ('leave', 'seconded') {wh} ORDER BY c.due_on, s.staff_no LIMIT {limit}"
        ))?;
        let rows = st.query_map(rusqlite::params![fy, today.iso()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
        Ok((total, rows.collect::<rusqlite::Result<_>>()?))
    }

    /// Awards of a year by kind: (kind code, count).
    pub fn award_counts(&self, fy: FiscalYear, units: Option<&[Id]>) -> Result<Vec<(String, i64)>> {
        let sql = format!(
            "SELECT kind, count(*) FROM awards WHERE fiscal_year = ?1 {} GROUP BY kind ORDER BY kind",
            scope("unit_id", units)
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([fy], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The supervisor's board: every serving person in the units below the supervisor
    /// (the supervisor excluded) with their cycle of the year — phase, progress, overdue
    /// actions, last review.
    pub fn pdca_board(
        &self,
        supervisor: Id,
        units: &[Id],
        fy: FiscalYear,
        today: Date,
    ) -> Result<Vec<BoardRow>> {
        let sql = format!(
            "SELECT s.staff_no, s.family_name || ' ' || s.given_name, c.id, coalesce(c.title, ''),
                    coalesce(c.phase, ''), coalesce(c.progress, 0),
                    (SELECT count(*) FROM pdca_actions a WHERE a.cycle_id = c.id AND a.done_on IS NULL AND a.due_on < ?2),
                    (SELECT max(reviewed_on) FROM pdca_reviews v WHERE v.cycle_id = c.id),
                    s.status IN ('leave', 'seconded')
             FROM staff s LEFT JOIN pdca_cycles c ON c.owner_staff_id = s.id AND c.fiscal_year = ?1
             WHERE s.status <> 'retired' AND s.id <> ?3 AND s.unit_id IN ({})
             ORDER BY s.unit_id, s.grade DESC, s.staff_no",
            id_list(units)
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map(rusqlite::params![fy, today.iso(), supervisor], |r| {
            Ok(BoardRow {
                staff_no: r.get(0)?,
                name: r.get(1)?,
                cycle_id: r.get(2)?,
                title: r.get(3)?,
                phase: r.get(4)?,
                progress: r.get(5)?,
                overdue_actions: r.get(6)?,
                last_review: r.get::<_, Option<String>>(7)?.and_then(|s| s.parse().ok()),
                on_leave: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
