//! Staff (職員): the roster.

use super::employment::{EmploymentKind, FULL_WEEK_HOURS, Terms};
use super::{Check, Date, Id, Invalid, Problem, Validate};
use crate::code_enum;

code_enum! { pub enum Sex { Male = "M", Female = "F", Other = "X" } }

code_enum! {
    /// 職位. Ordered from the top so that `rank` compares seniority.
    pub enum Position {
        Director = "director",
        SectionChief = "section_chief",
        DeputyChief = "deputy_chief",
        TeamChief = "team_chief",
        Senior = "senior",
        Clerk = "clerk",
        Engineer = "engineer",
    }
}

impl Position {
    /// 0 is the most senior.
    pub fn rank(self) -> u8 {
        match self {
            Position::Director => 0,
            Position::SectionChief => 1,
            Position::DeputyChief => 2,
            Position::TeamChief => 3,
            Position::Senior => 4,
            Position::Clerk | Position::Engineer => 5,
        }
    }
    /// 管理監督者: 係長 and above supervise and evaluate.
    pub fn is_supervisory(self) -> bool {
        self.rank() <= Position::TeamChief.rank()
    }
    /// The usual salary grade range (級) for the position.
    pub fn grades(self) -> (i64, i64) {
        match self {
            Position::Director => (7, 8),
            Position::SectionChief => (6, 7),
            Position::DeputyChief => (5, 6),
            Position::TeamChief => (4, 5),
            Position::Senior => (3, 4),
            Position::Clerk | Position::Engineer => (1, 3),
        }
    }
}

code_enum! {
    /// 職種.
    pub enum JobType {
        Office = "office",
        Civil = "civil",
        Building = "building",
        Electrical = "electrical",
        Mechanical = "mechanical",
        Chemical = "chemical",
        Nurse = "public_health_nurse",
        Welfare = "welfare",
        Dietitian = "dietitian",
        Childcare = "childcare",
        Veterinary = "veterinarian",
        Pharmacist = "pharmacist",
    }
}

impl JobType {
    /// Technical job types start as 技師 and follow the specialist track by default.
    pub fn is_technical(self) -> bool {
        !matches!(self, JobType::Office | JobType::Welfare)
    }
}

code_enum! {
    /// ゼネラリスト / スペシャリスト.
    pub enum Track { Generalist = "generalist", Specialist = "specialist" }
}

code_enum! {
    /// 在職 / 休職 / 派遣・出向中 / 退職.
    pub enum StaffStatus { Active = "active", Leave = "leave", Seconded = "seconded", Retired = "retired" }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Staff {
    pub id: Id,
    pub staff_no: String,
    pub family_name: String,
    pub given_name: String,
    pub family_kana: String,
    pub given_kana: String,
    pub sex: Sex,
    pub birth_date: Date,
    pub hire_date: Date,
    pub unit_id: Id,
    pub position: Position,
    pub grade: i64,
    pub job_type: JobType,
    pub track: Track,
    pub status: StaffStatus,
    /// 任用形態.
    pub employment_kind: EmploymentKind,
    /// Hours of a working week (38.75 full-time).
    pub weekly_hours: f64,
    /// The term of a fixed-term or 会計年度任用 appointment (none for the others).
    pub term_start: Option<Date>,
    pub term_end: Option<Date>,
    /// Renewals of a 会計年度任用 appointment so far.
    pub renewals: i64,
    /// A recorded exception to the post age limit (特例任用), until this day.
    pub post_limit_exception: Option<Date>,
    pub retire_date: Option<Date>,
    pub supervisor_id: Option<Id>,
    pub email: String,
    pub phone: String,
    pub version: i64,
}

impl Staff {
    /// A new person's record before anything is known of them but the day they start:
    /// hired that day at 22, a clerk of grade 1 in office work, on no unit yet.
    pub fn blank(hired_on: Date) -> Staff {
        Staff {
            id: 0,
            staff_no: String::new(),
            family_name: String::new(),
            given_name: String::new(),
            family_kana: String::new(),
            given_kana: String::new(),
            sex: Sex::Other,
            birth_date: hired_on.add_years(-22),
            hire_date: hired_on,
            unit_id: 0,
            position: Position::Clerk,
            grade: 1,
            job_type: JobType::Office,
            track: Track::Generalist,
            status: StaffStatus::Active,
            employment_kind: EmploymentKind::Regular,
            weekly_hours: FULL_WEEK_HOURS,
            term_start: None,
            term_end: None,
            renewals: 0,
            post_limit_exception: None,
            retire_date: None,
            supervisor_id: None,
            email: String::new(),
            phone: String::new(),
            version: 0,
        }
    }

    pub fn full_name(&self) -> String {
        format!("{} {}", self.family_name, self.given_name)
    }
    /// The terms of the appointment, as `employment::Terms` checks them.
    pub fn terms(&self) -> Terms {
        Terms {
            kind: self.employment_kind,
            weekly_hours: self.weekly_hours,
            term_start: self.term_start,
            term_end: self.term_end,
            renewals: self.renewals,
        }
    }
    /// 定年退職日, for the kinds that end at 定年.
    pub fn retirement_date(&self) -> Option<Date> {
        self.employment_kind
            .retires_at_teinen()
            .then(|| super::retirement::retirement_date(self.birth_date))
    }

    /// The day the person leaves the ward, when that is before `day`: the recorded
    /// retirement, or the 定年退職日 of the kinds that end at 定年, whichever comes first
    /// (a person retired with no day recorded has left by `day`).
    pub fn leaves_before(&self, day: Date) -> Option<Date> {
        if self.status == StaffStatus::Retired {
            return Some(self.retire_date.unwrap_or(day));
        }
        [self.retire_date, self.retirement_date()]
            .into_iter()
            .flatten()
            .filter(|d| *d < day)
            .min()
    }

    pub fn full_kana(&self) -> String {
        format!("{} {}", self.family_kana, self.given_kana)
    }
}

pub fn is_staff_no(s: &str) -> bool {
    !s.is_empty() && s.len() <= 12 && s.chars().all(|c| c.is_ascii_alphanumeric())
}

pub use super::validate::is_katakana;

/// Exactly `n` ASCII digits (a staff number of a ward that sets its length).
pub fn has_digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

impl Validate for Staff {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        if self.staff_no.is_empty() {
            c.add("staff_no", Problem::Required);
        } else if !is_staff_no(&self.staff_no) {
            c.add("staff_no", Problem::Malformed);
        }
        c.name("family_name", &self.family_name, 20)
            .name("given_name", &self.given_name, 20)
            .kana("family_kana", &self.family_kana, 40, true)
            .kana("given_kana", &self.given_kana, 40, true)
            .date("birth_date", self.birth_date)
            .date("hire_date", self.hire_date)
            .id("unit_code", self.unit_id)
            .range("grade", self.grade, 1, 10)
            .opt_text("email", &self.email, 120)
            .opt_text("phone", &self.phone, 40)
            .opt_date("retire_date", self.retire_date)
            .opt_date("post_limit_exception", self.post_limit_exception)
            .order(
                "hire_date",
                Some(self.hire_date),
                "retire_date",
                self.retire_date,
            );
        self.terms().check(&mut c);
        if self.hire_date.years_since(self.birth_date) < 15 {
            c.add("hire_date", Problem::Rule { rule: "hire_age" });
        }
        if (self.status == StaffStatus::Retired) != self.retire_date.is_some() {
            c.add(
                "retire_date",
                Problem::Rule {
                    rule: "retired_has_date",
                },
            );
        }
        if self.supervisor_id.is_some() && self.supervisor_id == Some(self.id) {
            c.add(
                "supervisor",
                Problem::Rule {
                    rule: "own_supervisor",
                },
            );
        }
        c.finish()
    }
}
