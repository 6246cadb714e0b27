//! Placement: assignment history, tenure.

use super::machine::record::{record, select_list};
use super::{Db, Filter, Record, Result, rule};
use crate::domain::assignment::Assignment;
use crate::domain::post::AssignmentKind;
use crate::domain::{Date, Id, Invalid, Problem};

record!(
    Assignment,
    "assignments",
    [
        staff_id, unit_id, position, start_date, end_date, reason, note, kind
    ],
    {
        fn check_stored(&self, db: &Db) -> Result<()> {
            let others: Vec<Assignment> = db
                .assignments_of(self.staff_id)?
                .into_iter()
                .filter(|o| o.id != self.id)
                .collect();
            if self.kind.is_main() {
                // No two main posts of one person may share a day; posts beside them may.
                if others.iter().any(|o| o.kind.is_main() && self.overlaps(o)) {
                    return Err(Invalid::one("start_date", Problem::Overlap).into());
                }
                return Ok(());
            }
            // A post held beside the main one lies within the main posts' time, and is
            // not one the person already holds.
            if !within_main_posts(self, &others) {
                return Err(rule("start_date", "post_outside_main"));
            }
            if others.iter().any(|o| {
                (o.unit_id, o.position) == (self.unit_id, self.position) && self.overlaps(o)
            }) {
                return Err(rule("unit_code", "post_held"));
            }
            Ok(())
        }
    }
);

/// Whether the main posts among `others` cover every day of `post` (one after another: a
/// move mid-way leaves no gap).
fn within_main_posts(post: &Assignment, others: &[Assignment]) -> bool {
    let mut mains: Vec<&Assignment> = others.iter().filter(|o| o.kind.is_main()).collect();
    mains.sort_by_key(|m| m.start_date);
    let mut from = post.start_date;
    for m in mains {
        if m.start_date > from {
            break;
        }
        match m.end_date {
            None => return true,
            Some(e) if e >= from => {
                if post.end_date.is_some_and(|pe| pe <= e) {
                    return true;
                }
                from = e.add_days(1);
            }
            Some(_) => {}
        }
    }
    false
}

impl Db {
    /// A person's assignments, oldest first.
    pub fn assignments_of(&self, staff_id: Id) -> Result<Vec<Assignment>> {
        self.all(vec![Filter::eq("staff_id", staff_id)], "start_date")
    }

    /// A person's open main post (posts held beside it are not where they work).
    pub fn current_assignment(&self, staff_id: Id) -> Result<Option<Assignment>> {
        Ok(self
            .all::<Assignment>(
                vec![
                    Filter::eq("staff_id", staff_id),
                    Filter::is_null("end_date"),
                    Filter::eq("kind", AssignmentKind::Main.code()),
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
             WHERE a.end_date IS NULL AND a.kind = 'main' AND a.start_date <= ?1 AND s.status <> 'retired'
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
