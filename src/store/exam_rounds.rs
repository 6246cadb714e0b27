//! The moves of promotion selection's rounds: HR's entries, a person's own application,
//! the self-reports' wishes brought in, applications closed, the results announced with
//! each passer's day on the pool, and the pool a promotion is offered from.

use rusqlite::OptionalExtension;

use super::exam_rules::{candidates, verdict};
use super::exams::rule;
use super::flow::Actor;
use super::machine::record::select_list;
use super::{Db, Filter, Record, Result};
use crate::domain::exam::{
    AppliedVia, Exam, ExamEntry, ExamKind, ExamResult, ExamState, pool_until,
};
use crate::domain::{Date, Id, Invalid, Problem};

impl Db {
    /// Saves an entry (HR): its pool day follows its result once the round is announced.
    pub fn put_exam_entry(&self, e: &mut ExamEntry, who: Actor) -> Result<()> {
        hr_only(who)?;
        self.write(|| {
            let exam: Exam = self
                .find(e.exam_id)?
                .ok_or_else(|| Invalid::one("exam", Problem::Unknown))?;
            e.pool_until = self.pool_day(&exam, e.result)?;
            if e.id == 0 {
                self.insert(e)
            } else {
                self.update(e)
            }
        })
    }

    /// The last day a result in round `exam_id` puts its person on the pool.
    pub(crate) fn pool_day_of(&self, exam_id: Id, result: ExamResult) -> Result<Option<Date>> {
        let exam: Exam = self
            .find(exam_id)?
            .ok_or_else(|| Invalid::one("exam", Problem::Unknown))?;
        self.pool_day(&exam, result)
    }

    /// The last day a result puts its person on the pool (none unless passed and out).
    fn pool_day(&self, exam: &Exam, result: ExamResult) -> Result<Option<Date>> {
        if result != ExamResult::Passed || exam.state != ExamState::Announced {
            return Ok(None);
        }
        let kind: ExamKind = self.get(exam.kind_id)?;
        Ok(Some(pool_until(exam.fiscal_year, kind.pool_years)))
    }

    /// The actor applies for a round themselves, while it takes applications.
    pub fn apply_for_exam(&self, exam_id: Id, who: Actor, today: Date) -> Result<ExamEntry> {
        let Some(me) = who.account.staff_id else {
            return Err(rule("exam", "exam_needs_person"));
        };
        self.write(|| {
            let exam: Exam = self.get(exam_id)?;
            taking_applications(&exam, today)?;
            let mut e = ExamEntry::application(exam_id, me, today, AppliedVia::Person);
            self.insert(&mut e)?;
            Ok(e)
        })
    }

    /// Makes an application of everyone who may sit the round and wished to in their
    /// self-report of its year (handed in), unless already entered (HR). Returns how many.
    pub fn take_exam_wishes(&self, exam_id: Id, who: Actor, today: Date) -> Result<usize> {
        hr_only(who)?;
        self.write(|| {
            let exam: Exam = self.get(exam_id)?;
            if exam.state == ExamState::Announced {
                return Err(rule("exam", "exam_announced"));
            }
            let sql = concat!(
                "SELECT t.id FROM ",
                candidates!(),
                " JOIN self_reports r ON r.staff_id = t.id AND r.fiscal_year = x.fiscal_year
                   AND r.promotion_exam = 1 AND r.submitted_on IS NOT NULL
                 WHERE x.id = ?1 AND ",
                verdict!(),
                " = 'eligible'
                   AND NOT EXISTS (SELECT 1 FROM exam_entries en
                     WHERE en.exam_id = x.id AND en.staff_id = t.id)
                 ORDER BY t.staff_no"
            );
            let people: Vec<Id> = self
                .conn()
                .prepare_cached(sql)?
                .query_map([exam_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut entries: Vec<ExamEntry> = people
                .iter()
                .map(|p| ExamEntry::application(exam_id, *p, today, AppliedVia::SelfReport))
                .collect();
            self.insert_many(&mut entries, "exam.wishes")?;
            Ok(entries.len())
        })
    }

    /// Closes a round's applications (HR).
    pub fn close_exam(&self, exam_id: Id, version: i64, who: Actor) -> Result<()> {
        hr_only(who)?;
        self.write(|| {
            let mut exam: Exam = self.get(exam_id)?;
            exam.version = version;
            if exam.state != ExamState::Open {
                return Err(rule("exam", "exam_not_open"));
            }
            exam.state = ExamState::Closed;
            self.update_as(&mut exam, "exam.close")
        })
    }

    /// Announces a round's results (HR): every entry still applied must have its result;
    /// each passer stands on the pool for the kind's years. Returns the passers.
    pub fn announce_exam(&self, exam_id: Id, version: i64, who: Actor, today: Date) -> Result<i64> {
        hr_only(who)?;
        self.write(|| {
            let mut exam: Exam = self.get(exam_id)?;
            exam.version = version;
            if exam.state == ExamState::Announced {
                return Err(rule("exam", "exam_announced"));
            }
            if today < exam.held_on {
                return Err(Invalid::one(
                    "exam_announced_on",
                    Problem::Before {
                        other: "exam_held_on",
                    },
                )
                .into());
            }
            let entries = self.all::<ExamEntry>(vec![Filter::eq("exam_id", exam_id)], "id")?;
            let undecided = entries
                .iter()
                .filter(|e| e.result == ExamResult::Applied)
                .count();
            if undecided > 0 {
                return Err(Invalid::one(
                    "result",
                    Problem::Threshold {
                        rule: "exam_undecided",
                        value: undecided as i64,
                    },
                )
                .into());
            }
            exam.state = ExamState::Announced;
            exam.announced_on = Some(today);
            self.update_as(&mut exam, "exam.announce")?;
            let mut passers = 0;
            for mut e in entries {
                if e.result == ExamResult::Passed {
                    e.pool_until = self.pool_day(&exam, e.result)?;
                    self.update_as(&mut e, "exam.pool")?;
                    passers += 1;
                }
            }
            Ok(passers)
        })
    }

    /// The kind of selection a person passed and still stands on the pool of on `day`,
    /// not yet in its position (the transfer round offers them for its posts).
    pub fn pooled_kind(&self, staff_id: Id, day: Date) -> Result<Option<ExamKind>> {
        let sql = format!(
            "SELECT {} FROM exam_entries en JOIN exams x ON x.id = en.exam_id
               JOIN exam_kinds k ON k.id = x.kind_id JOIN staff t ON t.id = en.staff_id
             WHERE en.staff_id = ?1 AND en.pool_until >= ?2 AND {} > {}
             ORDER BY en.pool_until DESC LIMIT 1",
            select_list::<ExamKind>("k."),
            crate::store::exam_rules::rank!("t.position"),
            crate::store::exam_rules::rank!("k.to_position")
        );
        Ok(self
            .conn()
            .prepare_cached(&sql)?
            .query_row(rusqlite::params![staff_id, day.iso()], ExamKind::from_row)
            .optional()?)
    }
}

fn hr_only(who: Actor) -> Result<()> {
    if who.hr() {
        Ok(())
    } else {
        Err(rule("exam", "exams_hr_only"))
    }
}

/// A round takes applications while open and up to its closing day.
fn taking_applications(exam: &Exam, today: Date) -> Result<()> {
    if exam.state != ExamState::Open {
        return Err(rule("exam", "exam_not_open"));
    }
    if today > exam.applications_close {
        return Err(Invalid::one(
            "exam",
            Problem::Closed {
                on: exam.applications_close,
            },
        )
        .into());
    }
    Ok(())
}
