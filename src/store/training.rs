//! Training and OJT: courses, requirements, sessions, enrolments, mentor pairs and logs.

use super::machine::record::{record, select_list};
use super::{Db, Filter, Record, Result, settings::keys};
use crate::domain::staff::Staff;
use crate::domain::training::{
    Course, CourseRequirement, Enrolment, EnrolmentState, OjtLog, OjtPair, TrainingSession,
};
use crate::domain::{FiscalYear, Id, Invalid, Problem};

record!(
    Course,
    "courses",
    [code, title, category, hours, provider, since, until]
);
record!(
    CourseRequirement,
    "course_requirements",
    [course_id, position, period, months]
);
record!(
    TrainingSession,
    "training_sessions",
    [course_id, fiscal_year, starts_on, ends_on, place, capacity]
);
record!(
    Enrolment,
    "enrolments",
    [session_id, staff_id, state, hours, applied_on, completed_on],
    {
        fn check_stored(&self, db: &Db) -> Result<()> {
            if self.state == EnrolmentState::Cancelled {
                return Ok(());
            }
            let session: TrainingSession = match db.find(self.session_id)? {
                Some(s) => s,
                None => return Err(Invalid::one("session", Problem::Unknown).into()),
            };
            let taken: i64 = db.conn().query_row(
            "SELECT count(*) FROM enrolments WHERE session_id = ?1 AND state <> 'cancelled' AND id <> ?2",
            rusqlite::params![self.session_id, self.id],
            |r| r.get(0),
        )?;
            // A new enrolment in a session that falls in the person's leave is refused
            // (one already kept stays as it was).
            if self.id == 0 {
                db.refuse_if_away(
                    self.staff_id,
                    (session.starts_on, session.ends_on),
                    "session",
                    "enrol_on_leave",
                )?;
            }
            if taken >= session.capacity {
                return Err(Invalid::one(
                    "session",
                    Problem::Rule {
                        rule: "session_full",
                    },
                )
                .into());
            }
            Ok(())
        }
    }
);
record!(
    OjtPair,
    "ojt_pairs",
    [
        mentor_id,
        mentee_id,
        fiscal_year,
        start_date,
        end_date,
        goal
    ],
    {
        fn check_stored(&self, db: &Db) -> Result<()> {
            let min = db.rule_value(keys::MENTOR_MIN_YEARS)?;
            let mentor: Staff = match db.find(self.mentor_id)? {
                Some(s) => s,
                None => return Err(Invalid::one("mentor_staff_no", Problem::Unknown).into()),
            };
            if (self.start_date.years_since(mentor.hire_date) as i64) < min {
                return Err(Invalid::one(
                    "mentor_staff_no",
                    Problem::Threshold {
                        rule: "mentor_service_years",
                        value: min,
                    },
                )
                .into());
            }
            Ok(())
        }
    }
);
record!(OjtLog, "ojt_logs", [pair_id, author_id, logged_on, body], {
    fn check_stored(&self, db: &Db) -> Result<()> {
        // Logs are written by the two people of the pair.
        let pair: OjtPair = match db.find(self.pair_id)? {
            Some(p) => p,
            None => return Err(Invalid::one("pair", Problem::Unknown).into()),
        };
        if self.author_id != pair.mentor_id && self.author_id != pair.mentee_id {
            return Err(Invalid::one(
                "author",
                Problem::Rule {
                    rule: "ojt_log_author",
                },
            )
            .into());
        }
        Ok(())
    }
});

impl Db {
    pub fn course_by_code(&self, code: &str) -> Result<Option<Course>> {
        Ok(self
            .all::<Course>(vec![Filter::eq("code", code)], "code")?
            .pop())
    }

    pub fn courses(&self) -> Result<Vec<Course>> {
        self.all(vec![], "code")
    }

    /// The session of a course that starts on a day (how people name a session).
    pub fn session_by(
        &self,
        course_code: &str,
        starts_on: crate::domain::Date,
    ) -> Result<Option<TrainingSession>> {
        let Some(c) = self.course_by_code(course_code)? else {
            return Ok(None);
        };
        Ok(self
            .all::<TrainingSession>(
                vec![
                    Filter::eq("course_id", c.id),
                    Filter::eq("starts_on", starts_on),
                ],
                "id",
            )?
            .pop())
    }

    pub fn sessions_of_course(&self, course_id: Id) -> Result<Vec<TrainingSession>> {
        self.all(vec![Filter::eq("course_id", course_id)], "starts_on")
    }

    pub fn enrolments_of(&self, staff_id: Id) -> Result<Vec<Enrolment>> {
        self.all(vec![Filter::eq("staff_id", staff_id)], "applied_on")
    }

    /// Completed training hours of a person in a fiscal year.
    pub fn training_hours(&self, staff_id: Id, fy: FiscalYear) -> Result<f64> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT coalesce(sum(e.hours), 0) FROM enrolments e
             JOIN training_sessions t ON t.id = e.session_id
             WHERE e.staff_id = ?1 AND t.fiscal_year = ?2 AND e.state = 'completed'",
            )?
            .query_row(rusqlite::params![staff_id, fy], |r| r.get(0))?)
    }

    /// Courses the person owes in year `fy` (as 必修未受講 lists them).
    pub fn required_not_taken(&self, staff_id: Id, fy: FiscalYear) -> Result<Vec<Course>> {
        let sql = super::training_rules::owed_in(
            &format!(
                "SELECT {} FROM staff t JOIN course_requirements q ON q.position = t.position
                   JOIN courses c ON c.id = q.course_id
                  WHERE t.id = ?1 AND {}
                  ORDER BY c.code",
                select_list::<Course>("c."),
                super::training_rules::owed_where!("t"),
            ),
            fy,
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([staff_id], Course::from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The people with a live (not cancelled) application to a session.
    pub fn applicants(&self, session_id: Id) -> Result<Vec<Id>> {
        let mut st = self.conn().prepare_cached(
            "SELECT staff_id FROM enrolments WHERE session_id = ?1 AND state <> 'cancelled'",
        )?;
        let rows = st.query_map([session_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn ojt_pairs(&self, fy: FiscalYear) -> Result<Vec<OjtPair>> {
        self.all(vec![Filter::eq("fiscal_year", fy)], "id")
    }

    /// The OJT pair of a person in a year: the one they are mentored in, else the first
    /// they mentor.
    pub fn ojt_pair_of(&self, staff_id: Id, fy: FiscalYear) -> Result<Option<OjtPair>> {
        let sql = format!(
            "SELECT {} FROM ojt_pairs WHERE fiscal_year = ?1 AND (mentee_id = ?2 OR mentor_id = ?2)
             ORDER BY mentee_id = ?2 DESC, id LIMIT 1",
            select_list::<OjtPair>("")
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let mut rows = st.query_map(rusqlite::params![fy, staff_id], OjtPair::from_row)?;
        Ok(rows.next().transpose()?)
    }

    pub fn ojt_logs(&self, pair_id: Id) -> Result<Vec<OjtLog>> {
        self.all(vec![Filter::eq("pair_id", pair_id)], "logged_on")
    }
}
