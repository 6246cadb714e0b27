//! Promotion selection (昇任選考): the kinds of selection the ward holds, each with its
//! eligibility rule; a fiscal year's round of one kind; and each person's entry in it —
//! the application, the tests' scores, pass or fail, and the 合格者名簿 a pass puts them
//! on until promoted or the pool runs out.

use super::employment::EmploymentKind;
use super::evaluation::Grade;
use super::staff::Position;
use super::{Check, Date, FiscalYear, Id, Invalid, Problem, Validate};
use crate::code_enum;

/// A selection kind (主任選考, 係長選考, 管理職選考) and who may sit it: the ward's rule.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ExamKind {
    pub id: Id,
    pub code: String,
    pub name: String,
    /// The position a passer is promoted to, with `to_grade`.
    pub to_position: Position,
    pub to_grade: i64,
    /// The lowest position that may sit it: everyone from there up to just below
    /// `to_position` (管理職選考 from 係長 takes 課長補佐 too; clerks and engineers rank alike).
    pub from_position: Position,
    /// Whole years in the present position by the round's base date.
    pub min_years: i64,
    /// Age on the base date.
    pub min_age: Option<i64>,
    pub max_age: Option<i64>,
    /// Only this employment kind may sit it (`None`: any).
    pub employment_kind: Option<EmploymentKind>,
    /// The last so many finalized 能力評価 must each be at `eval_floor` or above (0: none;
    /// at most `EVAL_COUNT_MAX`).
    pub eval_count: i64,
    pub eval_floor: Grade,
    /// Years a pass stays on the 合格者名簿, counted in fiscal years from the round's.
    pub pool_years: i64,
    pub version: i64,
}

/// The most evaluations a kind may count (the store reads no more of a person's).
pub const EVAL_COUNT_MAX: i64 = 3;

impl Validate for ExamKind {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.text("exam_code", &self.code, 16)
            .text("name", &self.name, 40)
            .range("promoted_grade", self.to_grade, 1, 10)
            .range("min_years", self.min_years, 0, 40)
            .range("eval_count", self.eval_count, 0, EVAL_COUNT_MAX)
            .range("pool_years", self.pool_years, 1, 5);
        for (field, age) in [("min_age", self.min_age), ("max_age", self.max_age)] {
            if let Some(a) = age {
                c.range(field, a, 18, 75);
            }
        }
        if let (Some(lo), Some(hi)) = (self.min_age, self.max_age)
            && hi < lo
        {
            c.add("max_age", Problem::Before { other: "min_age" });
        }
        if self.from_position.rank() <= self.to_position.rank() {
            c.add(
                "exam_from",
                Problem::Rule {
                    rule: "exam_from_below",
                },
            );
        }
        c.finish()
    }
}

impl ExamKind {
    /// Whether a person in `p` is of the positions that sit it.
    pub fn takes(&self, p: Position) -> bool {
        p.rank() > self.to_position.rank() && p.rank() <= self.from_position.rank()
    }
}

code_enum! {
    /// 受付中 → 締切 → 合格発表.
    pub enum ExamState { Open = "open", Closed = "closed", Announced = "announced" }
}

/// One fiscal year's round of a selection kind.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Exam {
    pub id: Id,
    pub kind_id: Id,
    pub fiscal_year: FiscalYear,
    /// 基準日: the day years and age are counted to.
    pub base_date: Date,
    pub applications_close: Date,
    pub held_on: Date,
    pub announced_on: Option<Date>,
    pub state: ExamState,
    pub note: String,
    pub version: i64,
}

impl Validate for Exam {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("exam_kind", self.kind_id)
            .fiscal_year("fiscal_year", self.fiscal_year)
            .date("base_date", self.base_date)
            .date("applications_close", self.applications_close)
            .date("exam_held_on", self.held_on)
            .opt_date("exam_announced_on", self.announced_on)
            .order(
                "applications_close",
                Some(self.applications_close),
                "exam_held_on",
                Some(self.held_on),
            )
            .order(
                "exam_held_on",
                Some(self.held_on),
                "exam_announced_on",
                self.announced_on,
            )
            .note("note", &self.note, 1000);
        if (self.state == ExamState::Announced) != self.announced_on.is_some() {
            c.add(
                "exam_announced_on",
                Problem::Rule {
                    rule: "announced_has_date",
                },
            );
        }
        c.finish()
    }
}

code_enum! {
    /// How the application came: the self-report's wish, the person, or HR.
    pub enum AppliedVia { SelfReport = "self_report", Person = "person", Hr = "hr" }
}

code_enum! {
    /// 申込 → 合格 / 不合格, or 取下げ / 欠席.
    pub enum ExamResult {
        Applied = "applied",
        Passed = "passed",
        Failed = "failed",
        Withdrawn = "withdrawn",
        Absent = "absent",
    }
}

/// A person's entry in a round: the application, the scores (0–100 each, as the ward
/// records them) and the result.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ExamEntry {
    pub id: Id,
    pub exam_id: Id,
    pub staff_id: Id,
    pub applied_on: Date,
    pub applied_via: AppliedVia,
    pub written: Option<i64>,
    pub essay: Option<i64>,
    pub interview: Option<i64>,
    pub result: ExamResult,
    /// The last day the pass stands on the 合格者名簿 (set when the result is announced).
    pub pool_until: Option<Date>,
    pub version: i64,
}

impl Validate for ExamEntry {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("exam", self.exam_id)
            .id("staff_no", self.staff_id)
            .date("applied_on", self.applied_on)
            .opt_date("pool_until", self.pool_until);
        for (field, score) in [
            ("written", self.written),
            ("essay", self.essay),
            ("interview", self.interview),
        ] {
            if let Some(s) = score {
                c.range(field, s, 0, 100);
            }
        }
        if self.pool_until.is_some() && self.result != ExamResult::Passed {
            c.add(
                "pool_until",
                Problem::Rule {
                    rule: "pool_passers_only",
                },
            );
        }
        c.finish()
    }
}

impl ExamEntry {
    /// A new application, not yet marked.
    pub fn application(exam_id: Id, staff_id: Id, on: Date, via: AppliedVia) -> ExamEntry {
        ExamEntry {
            id: 0,
            exam_id,
            staff_id,
            applied_on: on,
            applied_via: via,
            written: None,
            essay: None,
            interview: None,
            result: ExamResult::Applied,
            pool_until: None,
            version: 0,
        }
    }

    /// The scores added up, when any is recorded.
    pub fn total(&self) -> Option<i64> {
        let scores = [self.written, self.essay, self.interview];
        scores
            .iter()
            .any(Option::is_some)
            .then(|| scores.iter().flatten().sum())
    }
}

code_enum! {
    /// Why a person may or may not sit a round (the first rule they fall short of).
    pub enum Verdict {
        Eligible = "eligible",
        Pooled = "pooled",
        Employment = "employment",
        Years = "years",
        Age = "age",
        Evaluation = "evaluation",
    }
}

/// The last day a pass in round `fy` stands on the pool, by the kind's years.
pub fn pool_until(fy: FiscalYear, pool_years: i64) -> Date {
    super::date::fiscal_year_end(fy + pool_years as FiscalYear)
}

/// The grade floor as the order the database compares (S is 1, D is 5).
pub fn grade_order(g: Grade) -> i64 {
    match g {
        Grade::S => 1,
        Grade::A => 2,
        Grade::B => 3,
        Grade::C => 4,
        Grade::D => 5,
    }
}
