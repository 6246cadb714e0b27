//! The year-end 定年退職: on the 31 March that ends a fiscal year, everyone whose 定年退職日
//! it is leaves the ward, all in one transaction — their status and retirement day, their
//! posts (main and beside) closed on the day, a leave still running ended with them, the
//! 発令 「定年により退職」, and the people they headed given the head above or whoever acts.

use super::flow::Actor;
use super::{Db, Result, rule};
use crate::domain::appointment::{Appointment, Order, Wording};
use crate::domain::assignment::Assignment;
use crate::domain::date::fiscal_year_end;
use crate::domain::leave::Leave;
use crate::domain::staff::{Staff, StaffStatus};
use crate::domain::{Date, Id, Invalid, Problem};

/// The year-end retirements of one fiscal year: the day and the people.
#[derive(Debug, Clone)]
pub struct Teinen {
    /// The 定年退職日: the 31 March that ends the year.
    pub day: Date,
    pub people: Vec<Staff>,
}

/// The 発令 「定年により退職」 of a person leaving on `day`, in their last post.
pub fn retirement(s: &Staff, day: Date, words: &dyn Wording) -> Appointment {
    Appointment {
        id: 0,
        staff_id: s.id,
        issued_on: day,
        kind: Order::Retirement.kind(),
        unit_id: Some(s.unit_id),
        position: Some(s.position),
        text: words.order(&Order::Retirement),
        plan_id: None,
        assignment_id: None,
        version: 0,
    }
}

impl Teinen {
    /// Why the year's retirements cannot be issued on `today`, if they cannot: they are
    /// issued on the day, not before (until then people are at work).
    pub fn not_yet(&self, today: Date) -> Option<Invalid> {
        (today < self.day).then(|| {
            Invalid::one(
                "fiscal_year",
                Problem::Rule {
                    rule: "teinen_not_yet",
                },
            )
        })
    }
}

impl Db {
    /// Who retires at 定年 at the end of `fy` and has not left yet, by staff number (the
    /// 定年退職予定者 list's people still to retire).
    pub fn teinen_due(&self, fy: i32) -> Result<Teinen> {
        let day = fiscal_year_end(fy);
        let mut st = self.conn().prepare_cached(
            "SELECT id FROM staff WHERE retirement_date = ?1 AND status <> 'retired'
             ORDER BY staff_no",
        )?;
        let ids: Vec<Id> = st
            .query_map([day.iso()], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let people = ids
            .into_iter()
            .map(|id| self.get::<Staff>(id))
            .collect::<Result<_>>()?;
        Ok(Teinen { day, people })
    }

    /// Retires at 定年 everyone due at the end of `fy` (HR, on or after the day), all or
    /// nothing, their 発令 in `words` (the ward's, `i18n::WARD`). Returns who retired.
    pub fn retire_teinen(
        &self,
        fy: i32,
        today: Date,
        who: Actor,
        words: &dyn Wording,
    ) -> Result<Teinen> {
        if !who.hr() {
            return Err(rule("fiscal_year", "teinen_hr_only"));
        }
        self.write(|| {
            let due = self.teinen_due(fy)?;
            if let Some(why) = due.not_yet(today) {
                return Err(why.into());
            }
            let mut headed: Vec<Id> = Vec::new();
            for p in &due.people {
                headed.extend(self.retire_at(p, due.day, words)?);
            }
            headed.sort_unstable();
            headed.dedup();
            self.reset_unit_supervisors(&headed, today)?;
            Ok(due)
        })
    }

    /// One person's 定年退職 on `day`; returns the units whose head they were.
    fn retire_at(&self, p: &Staff, day: Date, words: &dyn Wording) -> Result<Vec<Id>> {
        let mut headed = Vec::new();
        if p.position.is_supervisory() {
            headed.push(p.unit_id);
        }
        for mut a in self.assignments_of(p.id)? {
            if a.end_date.is_some_and(|e| e <= day) {
                continue;
            }
            if !a.kind.is_main() {
                headed.push(a.unit_id);
            }
            if a.start_date > day {
                // A post still to come ends before it begins: it is taken back.
                self.withdraw_beside(a.id)?;
                self.delete::<Assignment>(a.id, a.version)?;
            } else {
                a.end_date = Some(day);
                self.update_as(&mut a, "retire.teinen")?;
            }
        }
        for mut l in self.leaves_of(p.id)? {
            if l.start_date <= day && l.end_date.is_none_or(|e| e > day) {
                l.end_date = Some(day);
                self.update_as::<Leave>(&mut l, "retire.teinen")?;
            }
        }
        let mut s: Staff = self.get(p.id)?;
        s.status = StaffStatus::Retired;
        s.retire_date = Some(day);
        self.update_as(&mut s, "retire.teinen")?;
        self.insert_as(&mut retirement(&s, day, words), "appoint")?;
        Ok(headed)
    }
}
