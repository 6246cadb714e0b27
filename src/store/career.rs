//! Career support: self-reports, qualifications, career interviews.

use super::machine::record::{record, select_list};
use super::{Db, Filter, Record, Result};
use crate::domain::career::{CareerInterview, Qualification, SelfReport};
use crate::domain::staff::Staff;
use crate::domain::{Date, FiscalYear, Id};

record!(
    SelfReport,
    "self_reports",
    [
        staff_id,
        fiscal_year,
        career_goal,
        wished_fields,
        transfer_wish,
        wish_unit1_id,
        wish_unit2_id,
        wish_unit3_id,
        promotion_exam,
        self_dev_plan,
        submitted_on,
    ]
);
record!(
    Qualification,
    "qualifications",
    [staff_id, name, issuer, acquired_on, expires_on]
);
record!(
    CareerInterview,
    "career_interviews",
    [staff_id, held_on, interviewer_id, notes]
);

impl Db {
    pub fn self_report(&self, staff_id: Id, fy: FiscalYear) -> Result<Option<SelfReport>> {
        Ok(self
            .all::<SelfReport>(
                vec![
                    Filter::eq("staff_id", staff_id),
                    Filter::eq("fiscal_year", fy),
                ],
                "id",
            )?
            .pop())
    }

    /// Active staff who have not handed in the self-report for `fy`, by staff number.
    pub fn self_reports_missing(&self, fy: FiscalYear, limit: usize) -> Result<Vec<Staff>> {
        let sql = format!(
            "SELECT {} FROM staff s WHERE s.status <> 'retired' AND NOT EXISTS (
               SELECT 1 FROM self_reports r WHERE r.staff_id = s.id AND r.fiscal_year = ?1
               AND r.submitted_on IS NOT NULL)
             ORDER BY s.staff_no LIMIT ?2",
            select_list::<Staff>("s.")
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params![fy, limit as i64], Staff::from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn qualifications_of(&self, staff_id: Id) -> Result<Vec<Qualification>> {
        self.all(vec![Filter::eq("staff_id", staff_id)], "acquired_on")
    }

    /// Qualifications that expire on or before `today + days` (including expired ones),
    /// soonest first.
    pub fn qualifications_expiring(
        &self,
        today: Date,
        days: i64,
        limit: usize,
    ) -> Result<Vec<Qualification>> {
        let q = super::ListQuery {
            filters: vec![Filter::new(
                "expires_on",
                super::Op::Le,
                today.add_days(days),
            )],
            sort: "expires_on",
            limit,
            ..Default::default()
        };
        Ok(self.list(&q)?.rows)
    }

    pub fn interviews_of(&self, staff_id: Id) -> Result<Vec<CareerInterview>> {
        self.all(vec![Filter::eq("staff_id", staff_id)], "held_on")
    }
}
