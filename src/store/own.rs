//! What people write themselves, outside the HR office: their self-report (自己申告),
//! the logs of an OJT pair they belong to, and an application for a training session.
//! The HR office writes all of these too; everyone else is refused by a named rule.

use super::flow::Actor;
use super::rule;
use super::{Db, Result};
use crate::domain::career::SelfReport;
use crate::domain::staff::{Staff, StaffStatus};
use crate::domain::training::{Enrolment, EnrolmentState, OjtLog, OjtPair, TrainingSession};
use crate::domain::{Date, Id, Invalid, Problem};

impl Db {
    /// Saves a self-report; `submit` hands it in today. Its person writes it until it is
    /// handed in, for this year or a later one; the HR office writes any.
    pub fn save_self_report(
        &self,
        r: &mut SelfReport,
        submit: bool,
        who: Actor,
        today: Date,
    ) -> Result<()> {
        self.write(|| {
            if who.hr() {
                if submit && r.submitted_on.is_none() {
                    r.submitted_on = Some(today);
                }
            } else {
                if who.account.staff_id != Some(r.staff_id) {
                    return Err(rule("staff_no", "self_report_not_yours"));
                }
                if r.fiscal_year < today.fiscal_year() {
                    return Err(rule("fiscal_year", "self_report_past_year"));
                }
                if r.id != 0 {
                    let before: SelfReport = self.get(r.id)?;
                    if (before.staff_id, before.fiscal_year) != (r.staff_id, r.fiscal_year) {
                        return Err(rule("staff_no", "self_report_not_yours"));
                    }
                    if before.submitted_on.is_some() {
                        return Err(rule("submitted_on", "self_report_submitted"));
                    }
                }
                // The person cannot date it: handing it in is today.
                r.submitted_on = submit.then_some(today);
            }
            if r.id == 0 {
                if self.self_report(r.staff_id, r.fiscal_year)?.is_some() {
                    return Err(rule("fiscal_year", "self_report_exists"));
                }
                self.insert(r)
            } else {
                self.update(r)
            }
        })
    }

    /// Deletes a self-report: the HR office, or its person while it is a draft.
    pub fn delete_self_report(&self, id: Id, version: i64, who: Actor) -> Result<()> {
        let r: SelfReport = self.get(id)?;
        if !who.hr() {
            if who.account.staff_id != Some(r.staff_id) {
                return Err(rule("staff_no", "self_report_not_yours"));
            }
            if r.submitted_on.is_some() {
                return Err(rule("submitted_on", "self_report_submitted"));
            }
        }
        self.delete::<SelfReport>(id, version)
    }

    /// The pair's two people write its logs, each as themselves; the HR office may
    /// correct one but not sign it for someone else.
    pub fn save_ojt_log(&self, log: &mut OjtLog, who: Actor) -> Result<()> {
        self.write(|| {
            let pair: OjtPair = self.get(log.pair_id)?;
            if log.id != 0 {
                let before: OjtLog = self.get(log.id)?;
                if (before.pair_id, before.author_id) != (log.pair_id, log.author_id) {
                    return Err(rule("author", "ojt_log_not_yours"));
                }
            }
            // A new log is signed by whoever writes it, the HR office included.
            if log.id == 0 && who.account.staff_id != Some(log.author_id) {
                return Err(rule("author", "ojt_log_not_yours"));
            }
            if !who.hr() {
                let me = who.account.staff_id;
                if me != Some(log.author_id) {
                    return Err(rule("author", "ojt_log_not_yours"));
                }
                if me != Some(pair.mentor_id) && me != Some(pair.mentee_id) {
                    return Err(rule("author", "ojt_log_not_yours"));
                }
            }
            if log.id == 0 {
                self.insert(log)
            } else {
                self.update(log)
            }
        })
    }

    pub fn delete_ojt_log(&self, id: Id, version: i64, who: Actor) -> Result<()> {
        let log: OjtLog = self.get(id)?;
        if !who.hr() && who.account.staff_id != Some(log.author_id) {
            return Err(rule("author", "ojt_log_not_yours"));
        }
        self.delete::<OjtLog>(id, version)
    }

    /// Applies for a session: for oneself, or (a supervisor) for someone one leads; the
    /// HR office for anyone. Capacity, and one live application per session, hold.
    pub fn apply_for_session(
        &self,
        session_id: Id,
        staff_id: Id,
        who: Actor,
        today: Date,
    ) -> Result<Enrolment> {
        self.write(|| {
            let session: TrainingSession = self.get(session_id)?;
            let person: Option<Staff> = self.find(staff_id)?;
            let Some(person) = person.filter(|p| who.visible.sees(p)) else {
                return Err(Invalid::one("staff_no", Problem::Unknown).into());
            };
            if person.status == StaffStatus::Retired {
                return Err(rule("staff_no", "enrol_not_serving"));
            }
            if session.ends_on < today {
                return Err(rule("session", "enrol_session_over"));
            }
            self.refuse_if_away(
                staff_id,
                (session.starts_on, session.ends_on),
                "session",
                "enrol_on_leave",
            )?;
            // One row per person and session: a cancelled application is applied again.
            let earlier: Option<Enrolment> = self
                .all::<Enrolment>(
                    vec![
                        super::Filter::eq("session_id", session_id),
                        super::Filter::eq("staff_id", staff_id),
                    ],
                    "id",
                )?
                .pop();
            if let Some(mut e) = earlier {
                if e.state != EnrolmentState::Cancelled {
                    return Err(rule("session", "enrol_already"));
                }
                e.state = EnrolmentState::Applied;
                e.applied_on = today;
                e.hours = 0.0;
                e.completed_on = None;
                self.update(&mut e)?;
                return Ok(e);
            }
            let mut e = Enrolment {
                id: 0,
                session_id,
                staff_id,
                state: EnrolmentState::Applied,
                hours: 0.0,
                applied_on: today,
                completed_on: None,
                version: 0,
            };
            self.insert(&mut e)?;
            Ok(e)
        })
    }
}
