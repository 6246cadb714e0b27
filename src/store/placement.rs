//! Placement: assignment history, tenure.

use super::machine::record::{record, select_list};
use super::{Db, Filter, Record, Result};
use crate::domain::assignment::Assignment;
use crate::domain::{Date, Id, Invalid, Problem};

record!(
    Assignment,
    "assignments",
    [
        staff_id, unit_id, position, start_date, end_date, reason, note
    ],
    {
        fn check_stored(&self, db: &Db) -> Result<()> {
            // No two assignments of one person may share a day.
            for other in db.assignments_of(self.staff_id)? {
                if other.id != self.id && self.overlaps(&other) {
                    return Err(Invalid::one("start_date", Problem::Overlap).into());
                }
            }
            Ok(())
        }
    }
);

impl Db {
    /// A person's assignments, oldest first.
    pub fn assignments_of(&self, staff_id: Id) -> Result<Vec<Assignment>> {
        self.all(vec![Filter::eq("staff_id", staff_id)], "start_date")
    }

    pub fn current_assignment(&self, staff_id: Id) -> Result<Option<Assignment>> {
        Ok(self
            .all::<Assignment>(
                vec![
                    Filter::eq("staff_id", staff_id),
                    Filter::is_null("end_date"),
                ],
                "start_date",
            )?
            .pop())
    }

    /// Open assignments that started on or before `today - years` (long tenure), longest
    /// first. Specialists are exempt when `exempt_specialists`.
    pub fn long_tenure(
        &self,
        today: Date,
        years: i32,
        exempt_specialists: bool,
        limit: usize,
    ) -> Result<Vec<Assignment>> {
        let sql = format!(
            "SELECT {} FROM assignments a JOIN staff s ON s.id = a.staff_id
             WHERE a.end_date IS NULL AND a.start_date <= ?1 AND s.status <> 'retired'
               AND (?2 = 0 OR s.track <> 'specialist')
             ORDER BY a.start_date, a.id LIMIT ?3",
            select_list::<Assignment>("a.")
        );
        let cutoff = today.add_years(-years);
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map(
            rusqlite::params![cutoff.iso(), exempt_specialists as i64, limit as i64],
            Assignment::from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Generalists and specialists currently in each unit: (unit id, generalists, specialists).
    pub fn track_balance(&self) -> Result<Vec<(Id, i64, i64)>> {
        let mut st = self.conn().prepare_cached(
            "SELECT unit_id, sum(track = 'generalist'), sum(track = 'specialist') FROM staff
             WHERE status <> 'retired' GROUP BY unit_id ORDER BY unit_id",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
