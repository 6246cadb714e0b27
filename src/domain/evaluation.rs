//! Evaluation (人事評価): periods, the evaluation chain and its ratings.

use super::{Check, Date, FiscalYear, Id, Invalid, Problem, Validate};
use crate::code_enum;

code_enum! {
    /// 能力評価 / 業績評価.
    pub enum EvalKind { Competency = "competency", Performance = "performance" }
}

code_enum! {
    /// 通年 / 上期 / 下期.
    pub enum Term { Full = "full", H1 = "h1", H2 = "h2" }
}

code_enum! {
    pub enum EvalState {
        Draft = "draft",
        SelfSubmitted = "self_submitted",
        FirstDone = "first_done",
        SecondDone = "second_done",
        Finalized = "finalized",
        Disclosed = "disclosed",
    }
}

impl EvalState {
    pub fn step(self) -> u8 {
        self as u8
    }
}

code_enum! { pub enum Grade { S = "S", A = "A", B = "B", C = "C", D = "D" } }

impl Grade {
    /// Points for averaging: S 5 … D 1.
    pub fn points(self) -> i64 {
        5 - self as i64
    }
    pub fn from_points(p: f64) -> Grade {
        match p {
            p if p >= 4.5 => Grade::S,
            p if p >= 3.5 => Grade::A,
            p if p >= 2.5 => Grade::B,
            p if p >= 1.5 => Grade::C,
            _ => Grade::D,
        }
    }
}

code_enum! {
    /// 納得 / 苦情申出.
    pub enum Response { Agreed = "agreed", Appealed = "appealed" }
}

code_enum! {
    /// The review board's decision on a formal complaint (苦情処理): 申出を認める /
    /// 一部認める / 認めない.
    pub enum BoardDecision { Upheld = "upheld", PartlyUpheld = "partly_upheld", Dismissed = "dismissed" }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EvalPeriod {
    pub id: Id,
    pub fiscal_year: FiscalYear,
    pub kind: EvalKind,
    pub term: Term,
    pub start_date: Date,
    pub end_date: Date,
    /// 評価基準日.
    pub base_date: Date,
    pub version: i64,
}

impl Validate for EvalPeriod {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.fiscal_year("fiscal_year", self.fiscal_year).order(
            "start_date",
            Some(self.start_date),
            "end_date",
            Some(self.end_date),
        );
        if self.start_date.fiscal_year() != self.fiscal_year {
            c.add(
                "start_date",
                Problem::Rule {
                    rule: "in_fiscal_year",
                },
            );
        }
        if self.base_date < self.start_date || self.base_date > self.end_date {
            c.add("base_date", Problem::Rule { rule: "in_period" });
        }
        c.finish()
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Evaluation {
    pub id: Id,
    pub period_id: Id,
    pub staff_id: Id,
    /// 一次評価者.
    pub evaluator1_id: Option<Id>,
    /// 二次評価者 (調整者).
    pub evaluator2_id: Option<Id>,
    pub state: EvalState,
    pub self_rating: Option<Grade>,
    pub self_comment: String,
    pub first_rating: Option<Grade>,
    pub first_comment: String,
    pub second_rating: Option<Grade>,
    pub second_comment: String,
    pub grade: Option<Grade>,
    /// 期首面談.
    pub start_interview_on: Option<Date>,
    /// 期末面談.
    pub end_interview_on: Option<Date>,
    /// What was discussed at the 期首面談, by the first evaluator (the evaluatee reads it).
    pub start_interview_note: String,
    /// What was discussed at the 期末面談.
    pub end_interview_note: String,
    pub self_submitted_on: Option<Date>,
    pub first_done_on: Option<Date>,
    pub second_done_on: Option<Date>,
    pub finalized_on: Option<Date>,
    pub disclosed_on: Option<Date>,
    pub sent_back_reason: String,
    pub response: Option<Response>,
    pub response_on: Option<Date>,
    pub response_note: String,
    /// The outcome of a formal complaint on the evaluation (評価への反映).
    pub appeal_outcome: String,
    /// The review board's decision on the complaint, and its date.
    pub board_decision: Option<BoardDecision>,
    pub board_decided_on: Option<Date>,
    pub version: i64,
}

impl Evaluation {
    /// A new evaluation of a person for a period, before anyone has written anything.
    pub fn draft(
        period_id: Id,
        staff_id: Id,
        evaluator1_id: Option<Id>,
        evaluator2_id: Option<Id>,
    ) -> Evaluation {
        Evaluation {
            id: 0,
            period_id,
            staff_id,
            evaluator1_id,
            evaluator2_id,
            state: EvalState::Draft,
            self_rating: None,
            self_comment: String::new(),
            first_rating: None,
            first_comment: String::new(),
            second_rating: None,
            second_comment: String::new(),
            grade: None,
            start_interview_on: None,
            end_interview_on: None,
            start_interview_note: String::new(),
            end_interview_note: String::new(),
            self_submitted_on: None,
            first_done_on: None,
            second_done_on: None,
            finalized_on: None,
            disclosed_on: None,
            sent_back_reason: String::new(),
            response: None,
            response_on: None,
            response_note: String::new(),
            appeal_outcome: String::new(),
            board_decision: None,
            board_decided_on: None,
            version: 0,
        }
    }
}

impl Validate for Evaluation {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("period", self.period_id)
            .id("staff_no", self.staff_id)
            .note("self_comment", &self.self_comment, 2000)
            .note("first_comment", &self.first_comment, 2000)
            .note("second_comment", &self.second_comment, 2000)
            .note("sent_back_reason", &self.sent_back_reason, 1000)
            .note("response_note", &self.response_note, 2000)
            .note("appeal_outcome", &self.appeal_outcome, 2000)
            .note("start_interview_note", &self.start_interview_note, 2000)
            .note("end_interview_note", &self.end_interview_note, 2000)
            .order(
                "response_on",
                self.response_on,
                "board_decided_on",
                self.board_decided_on,
            );
        // The board decides a complaint that was made, on a day.
        if self.board_decision.is_some() && self.response != Some(Response::Appealed) {
            c.add(
                "board_decision",
                Problem::Rule {
                    rule: "eval_no_appeal",
                },
            );
        }
        if self.board_decision.is_some() != self.board_decided_on.is_some() {
            let f = if self.board_decision.is_some() {
                "board_decided_on"
            } else {
                "board_decision"
            };
            c.add(f, Problem::Required);
        }
        for (f, e) in [
            ("evaluator1_staff_no", self.evaluator1_id),
            ("evaluator2_staff_no", self.evaluator2_id),
        ] {
            if e == Some(self.staff_id) {
                c.add(
                    f,
                    Problem::Rule {
                        rule: "own_evaluator",
                    },
                );
            }
        }
        // A state past a stage needs that stage's rating and date.
        let s = self.state.step();
        let stages: [(EvalState, &'static str, bool, &'static str, Option<Date>); 5] = [
            (
                EvalState::SelfSubmitted,
                "self_rating",
                self.self_rating.is_some(),
                "self_submitted_on",
                self.self_submitted_on,
            ),
            (
                EvalState::FirstDone,
                "first_rating",
                self.first_rating.is_some(),
                "first_done_on",
                self.first_done_on,
            ),
            (
                EvalState::SecondDone,
                "second_rating",
                self.second_rating.is_some(),
                "second_done_on",
                self.second_done_on,
            ),
            (
                EvalState::Finalized,
                "grade",
                self.grade.is_some(),
                "finalized_on",
                self.finalized_on,
            ),
            (
                EvalState::Disclosed,
                "disclosed_on",
                true,
                "disclosed_on",
                self.disclosed_on,
            ),
        ];
        for (state, rating_field, has_rating, date_field, date) in stages {
            // Without a second evaluator the chain passes from the first to HR.
            let skipped = state == EvalState::SecondDone && self.evaluator2_id.is_none();
            if s >= state.step() && !skipped {
                if !has_rating {
                    c.add(rating_field, Problem::Required);
                }
                if date.is_none() {
                    c.add(date_field, Problem::Required);
                }
            }
        }
        c.order(
            "self_submitted_on",
            self.self_submitted_on,
            "first_done_on",
            self.first_done_on,
        )
        .order(
            "first_done_on",
            self.first_done_on,
            "second_done_on",
            self.second_done_on,
        )
        .order(
            "second_done_on",
            self.second_done_on,
            "finalized_on",
            self.finalized_on,
        )
        .order(
            "finalized_on",
            self.finalized_on,
            "disclosed_on",
            self.disclosed_on,
        )
        .order(
            "disclosed_on",
            self.disclosed_on,
            "response_on",
            self.response_on,
        )
        .order(
            "start_interview_on",
            self.start_interview_on,
            "end_interview_on",
            self.end_interview_on,
        );
        if self.response.is_some() && self.state != EvalState::Disclosed {
            c.add(
                "response",
                Problem::Rule {
                    rule: "response_after_disclosure",
                },
            );
        }
        if self.response.is_some() != self.response_on.is_some() {
            c.add("response_on", Problem::Required);
        }
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval() -> Evaluation {
        Evaluation::draft(1, 2, Some(3), Some(4))
    }

    #[test]
    fn a_state_needs_its_stages() {
        let mut e = eval();
        assert!(e.validate().is_ok());
        e.state = EvalState::FirstDone;
        let err = e.validate().unwrap_err();
        assert!(err.has("self_rating") && err.has("first_rating") && err.has("first_done_on"));
        e.self_rating = Some(Grade::A);
        e.self_submitted_on = Some(Date::from_ymd(2025, 10, 1));
        e.first_rating = Some(Grade::B);
        e.first_done_on = Some(Date::from_ymd(2025, 9, 1));
        assert!(e.validate().unwrap_err().has("first_done_on")); // before self
        e.first_done_on = Some(Date::from_ymd(2025, 10, 5));
        assert!(e.validate().is_ok());
        e.evaluator1_id = Some(2);
        assert!(e.validate().unwrap_err().has("evaluator1_staff_no"));
    }

    #[test]
    fn grade_points_round_trip() {
        for g in Grade::ALL {
            assert_eq!(Grade::from_points(g.points() as f64), *g);
        }
        assert!(EvalState::Disclosed.step() > EvalState::Draft.step());
    }
}
