//! Training and OJT (研修・OJT): courses, sessions, enrolments, mentor pairs and logs.

use super::date::fiscal_year_end;
use super::{Check, Date, FiscalYear, Id, Invalid, Problem, Validate};
use crate::code_enum;

code_enum! {
    pub enum CourseCategory {
        Language = "language",
        Secondment = "secondment",
        PowerUp = "power_up",
        SelfDevelopment = "self_development",
        RankBased = "rank_based",
        Compliance = "compliance",
        Ojt = "ojt",
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Course {
    pub id: Id,
    pub code: String,
    pub title: String,
    pub category: CourseCategory,
    /// Hours one run of the course counts for.
    pub hours: f64,
    pub provider: String,
    pub since: Date,
    /// Set when the course is no longer offered.
    pub until: Option<Date>,
    pub version: i64,
}

impl Validate for Course {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        if !super::unit::is_code(&self.code) {
            c.add("course_code", Problem::Malformed);
        }
        c.text("title", &self.title, 80)
            .range_f("hours", self.hours, 0.0, 2000.0)
            .opt_text("provider", &self.provider, 80)
            .date("since", self.since)
            .order("since", Some(self.since), "until", self.until)
            .finish()
    }
}

code_enum! {
    /// When a required course is due: in every fiscal year, once within some months of
    /// taking up the position (hire or promotion), or once in a career.
    pub enum RequiredPeriod {
        EveryYear = "every_year",
        WithinMonths = "within_months",
        Once = "once",
    }
}

impl RequiredPeriod {
    /// The period a requirement has when nobody said: compliance every year, a rank's
    /// course within a year of taking up the rank, anything else once.
    pub fn default_for(category: CourseCategory) -> (RequiredPeriod, Option<i64>) {
        match category {
            CourseCategory::Compliance => (RequiredPeriod::EveryYear, None),
            CourseCategory::RankBased => (RequiredPeriod::WithinMonths, Some(12)),
            _ => (RequiredPeriod::Once, None),
        }
    }
}

/// A course required of everyone in a position (必修), and when it is due.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CourseRequirement {
    pub id: Id,
    pub course_id: Id,
    pub position: crate::domain::staff::Position,
    pub period: RequiredPeriod,
    /// Months from taking up the position, for `WithinMonths` only.
    pub months: Option<i64>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TrainingSession {
    pub id: Id,
    pub course_id: Id,
    pub fiscal_year: FiscalYear,
    pub starts_on: Date,
    pub ends_on: Date,
    pub place: String,
    pub capacity: i64,
    pub version: i64,
}

impl Validate for TrainingSession {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("course_code", self.course_id)
            .order(
                "starts_on",
                Some(self.starts_on),
                "ends_on",
                Some(self.ends_on),
            )
            .opt_text("place", &self.place, 80)
            .range("capacity", self.capacity, 1, 10_000);
        if self.starts_on.fiscal_year() != self.fiscal_year {
            c.add(
                "starts_on",
                Problem::Rule {
                    rule: "in_fiscal_year",
                },
            );
        }
        c.finish()
    }
}

code_enum! {
    /// applied → approved → attended | absent → completed; cancelled from any open state.
    pub enum EnrolmentState {
        Applied = "applied",
        Approved = "approved",
        Attended = "attended",
        Absent = "absent",
        Completed = "completed",
        Cancelled = "cancelled",
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Enrolment {
    pub id: Id,
    pub session_id: Id,
    pub staff_id: Id,
    pub state: EnrolmentState,
    /// Hours credited; counts toward the person's yearly hours once completed.
    pub hours: f64,
    pub applied_on: Date,
    pub completed_on: Option<Date>,
    pub version: i64,
}

impl Validate for Enrolment {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("session", self.session_id)
            .id("staff_no", self.staff_id)
            .range_f("hours", self.hours, 0.0, 2000.0)
            .order(
                "applied_on",
                Some(self.applied_on),
                "completed_on",
                self.completed_on,
            );
        if (self.state == EnrolmentState::Completed) != self.completed_on.is_some() {
            c.add(
                "completed_on",
                Problem::Rule {
                    rule: "completed_has_date",
                },
            );
        }
        c.finish()
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OjtPair {
    pub id: Id,
    pub mentor_id: Id,
    pub mentee_id: Id,
    pub fiscal_year: FiscalYear,
    pub start_date: Date,
    /// At the latest the end of the fiscal year.
    pub end_date: Date,
    pub goal: String,
    pub version: i64,
}

impl Validate for OjtPair {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("mentor_staff_no", self.mentor_id)
            .id("mentee_staff_no", self.mentee_id)
            .order(
                "start_date",
                Some(self.start_date),
                "end_date",
                Some(self.end_date),
            )
            .note("goal", &self.goal, 1000);
        if self.mentor_id == self.mentee_id {
            c.add("mentor_staff_no", Problem::Rule { rule: "own_mentor" });
        }
        if self.start_date.fiscal_year() != self.fiscal_year {
            c.add(
                "start_date",
                Problem::Rule {
                    rule: "in_fiscal_year",
                },
            );
        }
        if self.end_date > fiscal_year_end(self.fiscal_year) {
            c.add(
                "end_date",
                Problem::Rule {
                    rule: "in_fiscal_year",
                },
            );
        }
        c.finish()
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OjtLog {
    pub id: Id,
    pub pair_id: Id,
    pub author_id: Id,
    pub logged_on: Date,
    pub body: String,
    pub version: i64,
}

impl Validate for OjtLog {
    fn validate(&self) -> Result<(), Invalid> {
        Check::new()
            .id("pair", self.pair_id)
            .id("author", self.author_id)
            .req_note("body", &self.body, 4000)
            .finish()
    }
}

impl Validate for CourseRequirement {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("course_code", self.course_id);
        match (self.period, self.months) {
            (RequiredPeriod::WithinMonths, Some(m)) => {
                c.range("within_months", m, 1, 120);
            }
            (RequiredPeriod::WithinMonths, None) => {
                c.add("within_months", Problem::Required);
            }
            (_, Some(_)) => {
                c.add(
                    "within_months",
                    Problem::Rule {
                        rule: "months_only_within",
                    },
                );
            }
            (_, None) => {}
        }
        c.finish()
    }
}
