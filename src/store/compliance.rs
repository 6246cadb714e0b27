//! Compliance: yearly training and self-check per person; the incidents register.

use super::machine::record::{record, select_list};
use super::{Db, Filter, Record, Result};
use crate::domain::compliance::{ComplianceRecord, Incident};
use crate::domain::{Date, FiscalYear, Id};

record!(
    ComplianceRecord,
    "compliance_records",
    [staff_id, fiscal_year, due_on, self_check_done_on]
);

/// The year's compliance training of record `c` (see `training_rules`).
const TRAINING_DONE: &str = super::training_rules::compliance_training_done!("c");
record!(
    Incident,
    "incidents",
    [
        kind,
        occurred_on,
        reported_on,
        unit_id,
        staff_id,
        summary,
        status,
        outcome
    ]
);

/// Completion in one unit: people with a record, and how many finished both parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitCompletion {
    pub unit_id: Id,
    pub total: i64,
    pub complete: i64,
}

impl UnitCompletion {
    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.complete as f64 / self.total as f64
        }
    }
}

impl Db {
    /// The day a person did the year's compliance training (see `training_rules`).
    pub fn compliance_training_done(&self, staff_id: Id, fy: FiscalYear) -> Result<Option<Date>> {
        let sql =
            format!("SELECT {TRAINING_DONE} FROM (SELECT ?1 AS staff_id, ?2 AS fiscal_year) c");
        let d: Option<String> = self
            .conn()
            .prepare_cached(&sql)?
            .query_row(rusqlite::params![staff_id, fy], |r| r.get(0))?;
        Ok(d.and_then(|d| d.parse().ok()))
    }

    pub fn compliance_of(&self, staff_id: Id, fy: FiscalYear) -> Result<Option<ComplianceRecord>> {
        Ok(self
            .all::<ComplianceRecord>(
                vec![
                    Filter::eq("staff_id", staff_id),
                    Filter::eq("fiscal_year", fy),
                ],
                "id",
            )?
            .pop())
    }

    /// Records past their due date with training or self-check still open, oldest due first.
    pub fn compliance_overdue(
        &self,
        fy: FiscalYear,
        today: Date,
        limit: usize,
    ) -> Result<Vec<ComplianceRecord>> {
        let sql = format!(
            "SELECT {} FROM compliance_records c WHERE c.fiscal_year = ?1 AND c.due_on < ?2
               AND (c.self_check_done_on IS NULL OR {TRAINING_DONE} IS NULL)
             ORDER BY c.due_on, c.id LIMIT ?3",
            select_list::<ComplianceRecord>("c.")
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params![fy, today.iso(), limit as i64], |r| {
            ComplianceRecord::from_row(r)
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Completion per unit (of the person's current unit) for a fiscal year.
    pub fn compliance_by_unit(&self, fy: FiscalYear) -> Result<Vec<UnitCompletion>> {
        let mut st = self.conn().prepare_cached(&format!(
            "SELECT s.unit_id, count(*),
                    sum(c.self_check_done_on IS NOT NULL AND {TRAINING_DONE} IS NOT NULL)
             FROM compliance_records c JOIN staff s ON s.id = c.staff_id
             WHERE c.fiscal_year = ?1 GROUP BY s.unit_id ORDER BY s.unit_id"
        ))?;
        let rows = st.query_map([fy], |r| {
            Ok(UnitCompletion {
                unit_id: r.get(0)?,
                total: r.get(1)?,
                complete: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn incidents(&self, limit: usize) -> Result<Vec<Incident>> {
        let q = super::ListQuery {
            sort: "reported_on",
            dir: super::SortDir::Desc,
            limit,
            ..Default::default()
        };
        Ok(self.list(&q)?.rows)
    }

    /// Reminders: the records of a year past due and not done, of the people the account
    /// may see, grouped under each person's supervisor (who is to remind them).
    pub fn compliance_reminders(
        &self,
        fy: FiscalYear,
        today: Date,
        visible: &super::scope::Visibility,
    ) -> Result<Vec<Reminder>> {
        let within = visible
            .condition(Some("s.unit_id"), Some(&|l: &str| format!("s.id IN ({l})")))
            .map(|c| format!("AND {c}"))
            .unwrap_or_default();
        let sql = format!(
            "SELECT sup.staff_no, sup.family_name || ' ' || sup.given_name, s.staff_no,
                    s.family_name || ' ' || s.given_name, u.name, c.due_on,
                    {TRAINING_DONE} IS NULL, c.self_check_done_on IS NULL,
                    s.status IN ('leave', 'seconded')
             FROM compliance_records c JOIN staff s ON s.id = c.staff_id
             LEFT JOIN units u ON u.id = s.unit_id
             LEFT JOIN staff sup ON sup.id = s.supervisor_id
             WHERE c.fiscal_year = ?1 AND c.due_on < ?2
               AND (c.self_check_done_on IS NULL OR {TRAINING_DONE} IS NULL) {within}
             ORDER BY sup.staff_no IS NULL, sup.staff_no, c.due_on, s.staff_no"
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map(rusqlite::params![fy, today.iso()], |r| {
            Ok(Reminder {
                supervisor_no: r.get(0)?,
                supervisor_name: r.get(1)?,
                staff_no: r.get(2)?,
                name: r.get(3)?,
                unit: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                due_on: super::machine::col::get(r, 5)?,
                training_missing: r.get(6)?,
                self_check_missing: r.get(7)?,
                on_leave: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// One overdue person, under the supervisor who is to remind them.
#[derive(Debug, Clone, PartialEq)]
pub struct Reminder {
    pub supervisor_no: Option<String>,
    pub supervisor_name: Option<String>,
    pub staff_no: String,
    pub name: String,
    pub unit: String,
    pub due_on: Date,
    pub training_missing: bool,
    pub self_check_missing: bool,
    /// Away on leave (休業中) today: not late, only not done.
    pub on_leave: bool,
}
