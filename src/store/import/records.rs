//! What writing one kind of imported record asks of the store beyond an insert or an
//! update: finding the stored record by the natural key a file names it by, a person's
//! and a post's writes under the post rules, and a course's requirements.

use super::{Batch, Saved};
use crate::domain::assignment::{Assignment, Reason};
use crate::domain::career::Qualification;
use crate::domain::staff::{Position, Staff};
use crate::domain::survey::Survey;
use crate::domain::training::{
    Course, CourseRequirement, Enrolment, RequiredPeriod, TrainingSession,
};
use crate::domain::{Date, Id};
use crate::store::posts::{BY_IMPORT, PostChange};
use crate::store::{Filter, Record, Result};

impl Batch<'_> {
    /// The record whose id the first column of `sql`'s first row is.
    fn find_by<T: Record>(&self, sql: &str, params: impl rusqlite::Params) -> Result<Option<T>> {
        let id: Option<Id> = {
            let mut st = self.db.conn().prepare_cached(sql)?;
            let mut rows = st.query(params)?;
            match rows.next()? {
                Some(r) => Some(r.get(0)?),
                None => None,
            }
        };
        match id {
            Some(id) => self.db.find(id),
            None => Ok(None),
        }
    }

    /// A person's post from `start`.
    pub fn assignment_at(
        &self,
        staff: Id,
        start: Date,
        kind: crate::domain::post::AssignmentKind,
    ) -> Result<Option<Assignment>> {
        self.find_by(
            "SELECT id FROM assignments WHERE staff_id = ?1 AND start_date = ?2 AND kind = ?3",
            rusqlite::params![staff, start.to_string(), kind.code()],
        )
    }

    /// A person's qualification by its name and the day it was acquired.
    pub fn qualification_of(
        &self,
        staff: Id,
        name: &str,
        acquired: Date,
    ) -> Result<Option<Qualification>> {
        self.find_by(
            "SELECT id FROM qualifications WHERE staff_id = ?1 AND name = ?2 AND acquired_on = ?3
             ORDER BY id",
            rusqlite::params![staff, name, acquired.to_string()],
        )
    }

    /// A section's survey by its day and topic.
    pub fn survey_of(&self, unit: Id, on: Date, topic: &str) -> Result<Option<Survey>> {
        self.find_by(
            "SELECT id FROM surveys WHERE unit_id = ?1 AND conducted_on = ?2 AND topic = ?3
             ORDER BY id",
            rusqlite::params![unit, on.to_string(), topic],
        )
    }

    /// A unit's 定数 of one class in a fiscal year.
    pub fn unit_post_of(
        &self,
        unit: Id,
        fy: i32,
        class: crate::domain::post::PostClass,
    ) -> Result<Option<crate::domain::post::UnitPost>> {
        self.find_by(
            "SELECT id FROM unit_posts WHERE unit_id = ?1 AND fiscal_year = ?2 AND class = ?3",
            rusqlite::params![unit, fy, class.code()],
        )
    }

    /// A course's session by its first day.
    pub fn session_at(&self, course: Id, starts: Date) -> Result<Option<TrainingSession>> {
        self.find_by(
            "SELECT id FROM training_sessions WHERE course_id = ?1 AND starts_on = ?2 ORDER BY id",
            rusqlite::params![course, starts.to_string()],
        )
    }

    /// A person's enrolment in a session.
    pub fn enrolment_of(&self, session: Id, staff: Id) -> Result<Option<Enrolment>> {
        self.find_by(
            "SELECT id FROM enrolments WHERE session_id = ?1 AND staff_id = ?2",
            rusqlite::params![session, staff],
        )
    }

    /// Writes a person as `save_staff` does for the 職員 form: a changed unit or position
    /// is a new post, by `reason` and `from` — else 昇任 for a more senior position and
    /// 定期異動 otherwise, from today; a new person's first post is 採用 from the hire date
    /// unless the row says otherwise.
    pub fn save_person(
        &mut self,
        mut s: Staff,
        old: Option<Staff>,
        reason: Option<Reason>,
        from: Option<Date>,
    ) -> Result<(Saved, Staff)> {
        let today = self.db.today();
        let change = match &old {
            None => (reason.is_some() || from.is_some()).then(|| PostChange {
                reason: reason.unwrap_or(Reason::Hire),
                from: from.unwrap_or(s.hire_date),
            }),
            Some(o) => {
                (s.id, s.version) = (o.id, o.version);
                if s == *o {
                    return Ok((Saved::Unchanged, s));
                }
                let promoted = s.position.rank() < o.position.rank();
                Some(PostChange {
                    reason: reason.unwrap_or(if promoted {
                        Reason::Promotion
                    } else {
                        Reason::Transfer
                    }),
                    from: from.unwrap_or(today),
                })
            }
        };
        self.db.save_staff(&mut s, change, today, &BY_IMPORT)?;
        let saved = if old.is_none() {
            Saved::Created
        } else {
            Saved::Updated
        };
        Ok((saved, s))
    }

    /// Writes a post as the 異動 form does; returns the people whose staff row is to
    /// follow their posts once every row is in ([`Batch::follow_post`]).
    pub fn write_assignment(&self, a: &mut Assignment) -> Result<Vec<Id>> {
        self.db.write_assignment(a, self.db.today(), &BY_IMPORT)
    }

    /// A person's staff row follows the post that governs it today.
    pub fn follow_post(&self, staff: Id) -> Result<()> {
        self.db
            .follow_post(staff, self.db.today(), BY_IMPORT.follow)
    }

    /// Makes the course's requirements those of `want` (when the file lists positions),
    /// each due by `period` (when the file says; a position newly listed otherwise takes
    /// the course's usual period, `RequiredPeriod::default_for`). True when anything
    /// changed.
    pub fn sync_requirements(
        &self,
        course: &Course,
        want: Option<&[Position]>,
        period: Option<(RequiredPeriod, Option<i64>)>,
    ) -> Result<bool> {
        let have: Vec<CourseRequirement> = self
            .db
            .all(vec![Filter::eq("course_id", course.id)], "position")?;
        let mut changed = false;
        for r in &have {
            if want.is_some_and(|w| !w.contains(&r.position)) {
                self.db.delete::<CourseRequirement>(r.id, r.version)?;
                changed = true;
            } else if let Some((p, m)) = period
                && (r.period, r.months) != (p, m)
            {
                let mut r = r.clone();
                (r.period, r.months) = (p, m);
                self.db.update_as(&mut r, "import")?;
                changed = true;
            }
        }
        let (p, m) = period.unwrap_or(RequiredPeriod::default_for(course.category));
        for &position in want.unwrap_or_default() {
            if !have.iter().any(|r| r.position == position) {
                let mut r = CourseRequirement {
                    id: 0,
                    course_id: course.id,
                    position,
                    period: p,
                    months: m,
                    version: 0,
                };
                self.db.insert_as(&mut r, "import")?;
                changed = true;
            }
        }
        Ok(changed)
    }
}

/// Leave periods (休職・休業) from a file.
impl Batch<'_> {
    /// A person's leave of `kind` from `start`.
    pub fn leave_of(
        &self,
        staff: Id,
        kind: crate::domain::leave::LeaveKind,
        start: Date,
    ) -> Result<Option<crate::domain::leave::Leave>> {
        self.find_by(
            "SELECT id FROM leaves WHERE staff_id = ?1 AND kind = ?2 AND start_date = ?3",
            rusqlite::params![staff, kind.code(), start.to_string()],
        )
    }

    /// Writes a leave (new, or over `old`) and the person's status follows it.
    pub fn put_leave(
        &self,
        new: crate::domain::leave::Leave,
        old: Option<crate::domain::leave::Leave>,
    ) -> Result<Saved> {
        let (saved, l) = self.upsert(new, old)?;
        if saved != Saved::Unchanged {
            self.db.follow_leave(
                l.staff_id,
                self.db.today(),
                crate::store::leaves::BY_IMPORT.follow,
            )?;
        }
        Ok(saved)
    }

    /// The round of the kind of code `code` in fiscal year `fy`.
    pub fn exam_id(&self, code: &str, fy: crate::domain::FiscalYear) -> Result<Option<Id>> {
        let mut st = self.db.conn().prepare_cached(
            "SELECT x.id FROM exams x JOIN exam_kinds k ON k.id = x.kind_id
             WHERE k.code = ?1 AND x.fiscal_year = ?2",
        )?;
        let mut rows = st.query(rusqlite::params![code, fy])?;
        Ok(match rows.next()? {
            Some(r) => Some(r.get(0)?),
            None => None,
        })
    }

    /// A person's entry in a round.
    pub fn exam_entry_of(
        &self,
        exam: Id,
        staff: Id,
    ) -> Result<Option<crate::domain::exam::ExamEntry>> {
        self.find_by(
            "SELECT id FROM exam_entries WHERE exam_id = ?1 AND staff_id = ?2",
            rusqlite::params![exam, staff],
        )
    }

    /// Why a round takes no new entry of a person, as the column that says so and the
    /// rule (a round announced; a person it is not for, or who may not sit it).
    pub fn exam_refuses(
        &self,
        exam: Id,
        staff: Id,
    ) -> Result<Option<(&'static str, &'static str)>> {
        let x: crate::domain::exam::Exam = self.db.get(exam)?;
        if x.state == crate::domain::exam::ExamState::Announced {
            return Ok(Some(("exam_code", "exam_announced")));
        }
        Ok(match self.db.exam_verdict(exam, staff)? {
            Some(crate::domain::exam::Verdict::Eligible) => None,
            Some(v) => Some(("staff_no", crate::store::exams::ineligible(v))),
            None => Some(("staff_no", "exam_not_of_position")),
        })
    }

    /// Writes an entry (new, or over `old`), its pool day following its result.
    pub fn put_exam_entry(
        &self,
        mut new: crate::domain::exam::ExamEntry,
        old: Option<crate::domain::exam::ExamEntry>,
    ) -> Result<Saved> {
        new.pool_until = self.db.pool_day_of(new.exam_id, new.result)?;
        Ok(self.upsert(new, old)?.0)
    }
}
