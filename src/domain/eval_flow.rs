//! The evaluation chain as a state machine: which move each person may make, and when.
//!
//! `draft → self_submitted → first_done → second_done → finalized → disclosed`. The
//! evaluatee writes the self-assessment, the first evaluator the first rating, the second
//! (調整者) the second or sends it back to the first with a reason; HR finalizes and
//! discloses. A stage once passed is locked. After disclosure the evaluatee agrees or
//! appeals once, within a window of 開庁日 (the office calendar's open days); HR records the
//! outcome of an appeal.

use super::calendar::Calendar;
use super::choice::{Choice, choices, open};
use super::evaluation::{BoardDecision, EvalState, Evaluation, Grade, Response};
use super::{Date, Id, Invalid, Problem, Validate};
use crate::code_enum;

code_enum! {
    /// A move of the chain (its code is the CLI's word for it).
    pub enum EvalStep {
        Submit = "submit",
        First = "first",
        Second = "second",
        SendBack = "send_back",
        Finalize = "finalize",
        Disclose = "disclose",
        Agree = "agree",
        Appeal = "appeal",
        Outcome = "outcome",
        Interviews = "interviews",
    }
}

/// In which capacities a person acts on one evaluation (one person may hold several: an
/// HR clerk who is also someone's first evaluator).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Acting {
    pub evaluatee: bool,
    pub first: bool,
    pub second: bool,
    pub hr: bool,
}

impl Acting {
    /// The capacities of staff member `me` (if the account has one) on `e`; `hr` for the
    /// HR office's roles.
    pub fn of(e: &Evaluation, me: Option<Id>, hr: bool) -> Acting {
        let is = |x: Option<Id>| me.is_some() && x == me;
        Acting {
            evaluatee: is(Some(e.staff_id)),
            first: is(e.evaluator1_id),
            second: is(e.evaluator2_id),
            hr,
        }
    }
}

/// What a move writes. Each move reads only the parts it needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvalInput {
    pub rating: Option<Grade>,
    /// The stage's comment, the send-back reason, the response note or the outcome.
    pub text: String,
    pub start_interview_on: Option<Date>,
    pub end_interview_on: Option<Date>,
    /// What was discussed at each interview (`None`: stays as written).
    pub start_interview_note: Option<String>,
    pub end_interview_note: Option<String>,
    /// The review board's decision on a complaint, and its day (default: today).
    pub decision: Option<BoardDecision>,
    pub decided_on: Option<Date>,
}

/// The rules of the chain that a ward may set (settings, and its calendar).
#[derive(Debug, Clone)]
pub struct EvalRules {
    /// 開庁日 after disclosure within which the evaluatee may agree or appeal.
    pub response_days: u32,
    /// The days the office is closed (the law's holidays, 年末年始 and the ward's days).
    pub calendar: Calendar,
}

impl Default for EvalRules {
    fn default() -> Self {
        EvalRules {
            response_days: 7,
            calendar: Calendar::default(),
        }
    }
}

fn rule(field: &'static str, rule: &'static str) -> Invalid {
    Invalid::one(field, Problem::Rule { rule })
}

/// The last day the evaluatee may agree or appeal, once disclosed: the `response_days`th
/// 開庁日 after the disclosure.
pub fn response_deadline(e: &Evaluation, rules: &EvalRules) -> Option<Date> {
    e.disclosed_on
        .map(|d| rules.calendar.add_open_days(d, rules.response_days))
}

impl EvalStep {
    /// The state the move starts from, and who makes it.
    fn needs(self, e: &Evaluation) -> (&'static [EvalState], fn(&Acting) -> bool, &'static str) {
        use EvalState as S;
        match self {
            EvalStep::Submit => (&[S::Draft], |a| a.evaluatee, "eval_evaluatee_only"),
            EvalStep::First => (&[S::SelfSubmitted], |a| a.first, "eval_first_only"),
            EvalStep::Second | EvalStep::SendBack => {
                (&[S::FirstDone], |a| a.second, "eval_second_only")
            }
            // Without a second evaluator the first's rating goes straight to HR.
            EvalStep::Finalize if e.evaluator2_id.is_none() => {
                (&[S::FirstDone, S::SecondDone], |a| a.hr, "eval_hr_only")
            }
            EvalStep::Finalize => (&[S::SecondDone], |a| a.hr, "eval_hr_only"),
            EvalStep::Disclose => (&[S::Finalized], |a| a.hr, "eval_hr_only"),
            EvalStep::Agree | EvalStep::Appeal => {
                (&[S::Disclosed], |a| a.evaluatee, "eval_evaluatee_only")
            }
            EvalStep::Outcome => (&[S::Disclosed], |a| a.hr, "eval_hr_only"),
            EvalStep::Interviews => (
                &[S::Draft, S::SelfSubmitted, S::FirstDone, S::SecondDone],
                |a| a.first || a.hr,
                "eval_first_or_hr",
            ),
        }
    }

    /// Whether `acting` may make this move on `e` today; the reason when not.
    pub fn check(
        self,
        e: &Evaluation,
        acting: &Acting,
        today: Date,
        rules: &EvalRules,
    ) -> Result<(), Invalid> {
        let (from, who, not_yours) = self.needs(e);
        if !who(acting) {
            return Err(rule("state", not_yours));
        }
        if matches!(self, EvalStep::Second | EvalStep::SendBack) && e.evaluator2_id.is_none() {
            return Err(rule("evaluator2_staff_no", "eval_no_second"));
        }
        if !from.contains(&e.state) {
            let first = from.first().map(|s| s.step()).unwrap_or(0);
            return Err(rule(
                "state",
                if e.state.step() > first {
                    "eval_stage_locked"
                } else {
                    "eval_stage_not_yet"
                },
            ));
        }
        match self {
            EvalStep::Agree | EvalStep::Appeal => {
                if e.response.is_some() {
                    return Err(rule("response", "eval_responded"));
                }
                if let Some(last) = response_deadline(e, rules)
                    && today > last
                {
                    return Err(Invalid::one("response", Problem::Closed { on: last }));
                }
            }
            EvalStep::Outcome => {
                if e.response != Some(Response::Appealed) {
                    return Err(rule("response", "eval_no_appeal"));
                }
                if !e.appeal_outcome.is_empty() {
                    return Err(rule("appeal_outcome", "eval_outcome_recorded"));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The evaluatee's response and what follows a complaint (the response stage).
    pub fn is_response(self) -> bool {
        matches!(self, EvalStep::Agree | EvalStep::Appeal | EvalStep::Outcome)
    }

    /// The moves of the chain on `e` today as `acting` sees them, in the chain's order:
    /// open to them, or due now but someone else's (whose, in the reason).
    pub fn choices(
        e: &Evaluation,
        acting: &Acting,
        today: Date,
        rules: &EvalRules,
    ) -> Vec<Choice<EvalStep>> {
        const ANYONE: Acting = Acting {
            evaluatee: true,
            first: true,
            second: true,
            hr: true,
        };
        choices(EvalStep::ALL, |s, mine| {
            s.check(e, if mine { acting } else { &ANYONE }, today, rules)
        })
    }

    /// The moves `acting` may make on `e` today, in the order of the chain.
    pub fn available(e: &Evaluation, acting: &Acting, today: Date, rules: &EvalRules) -> Vec<Self> {
        open(&EvalStep::choices(e, acting, today, rules))
    }

    /// The evaluation after the move, checked as a whole; nothing is changed on error.
    pub fn apply(
        self,
        e: &Evaluation,
        acting: &Acting,
        input: &EvalInput,
        today: Date,
        rules: &EvalRules,
    ) -> Result<Evaluation, Invalid> {
        self.check(e, acting, today, rules)?;
        let mut n = e.clone();
        let rating = |field: &'static str| {
            input
                .rating
                .ok_or_else(|| Invalid::one(field, Problem::Required))
        };
        let text = |field: &'static str| {
            if input.text.trim().is_empty() {
                Err(Invalid::one(field, Problem::Required))
            } else {
                Ok(input.text.clone())
            }
        };
        match self {
            EvalStep::Submit => {
                n.self_rating = Some(rating("self_rating")?);
                n.self_comment = input.text.clone();
                n.self_submitted_on = Some(today);
                n.state = EvalState::SelfSubmitted;
            }
            EvalStep::First => {
                n.first_rating = Some(rating("first_rating")?);
                n.first_comment = input.text.clone();
                n.first_done_on = Some(today);
                n.sent_back_reason.clear();
                n.state = EvalState::FirstDone;
            }
            EvalStep::Second => {
                n.second_rating = Some(rating("second_rating")?);
                n.second_comment = input.text.clone();
                n.second_done_on = Some(today);
                n.state = EvalState::SecondDone;
            }
            EvalStep::SendBack => {
                // The first rating stays as the first evaluator's draft to revise.
                n.sent_back_reason = text("sent_back_reason")?;
                n.first_done_on = None;
                n.state = EvalState::SelfSubmitted;
            }
            EvalStep::Finalize => {
                n.grade = input
                    .rating
                    .or(e.second_rating)
                    .or(e.first_rating)
                    .map(Some)
                    .ok_or_else(|| Invalid::one("grade", Problem::Required))?;
                n.finalized_on = Some(today);
                n.state = EvalState::Finalized;
            }
            EvalStep::Disclose => {
                n.disclosed_on = Some(today);
                n.state = EvalState::Disclosed;
            }
            EvalStep::Agree => {
                n.response = Some(Response::Agreed);
                n.response_on = Some(today);
                n.response_note = input.text.clone();
            }
            EvalStep::Appeal => {
                n.response = Some(Response::Appealed);
                n.response_on = Some(today);
                n.response_note = text("response_note")?;
            }
            EvalStep::Outcome => {
                n.board_decision = Some(
                    input
                        .decision
                        .ok_or_else(|| Invalid::one("board_decision", Problem::Required))?,
                );
                n.board_decided_on = Some(input.decided_on.unwrap_or(today));
                n.appeal_outcome = text("appeal_outcome")?;
                // An upheld appeal may change the grade.
                if let Some(g) = input.rating {
                    n.grade = Some(g);
                }
            }
            EvalStep::Interviews => {
                // A date not given stays as recorded (the end interview comes months later).
                n.start_interview_on = input.start_interview_on.or(e.start_interview_on);
                n.end_interview_on = input.end_interview_on.or(e.end_interview_on);
                if let Some(t) = &input.start_interview_note {
                    n.start_interview_note = t.trim().to_string();
                }
                if let Some(t) = &input.end_interview_note {
                    n.end_interview_note = t.trim().to_string();
                }
            }
        }
        n.validate()?;
        Ok(n)
    }
}

/// Whether HR may change who is evaluated and by whom: the evaluatee and the period only
/// before anything is written, the first evaluator until the first stage is done, the
/// second until the second is.
pub fn check_reassignment(before: &Evaluation, after: &Evaluation) -> Result<(), Invalid> {
    let s = before.state;
    let locked = |field: &'static str, changed: bool, from: EvalState| {
        if changed && s >= from {
            Err(rule(field, "eval_stage_locked"))
        } else {
            Ok(())
        }
    };
    locked(
        "staff_no",
        before.staff_id != after.staff_id || before.period_id != after.period_id,
        EvalState::SelfSubmitted,
    )?;
    locked(
        "evaluator1_staff_no",
        before.evaluator1_id != after.evaluator1_id,
        EvalState::FirstDone,
    )?;
    locked(
        "evaluator2_staff_no",
        before.evaluator2_id != after.evaluator2_id,
        EvalState::SecondDone,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> Date {
        Date::from_ymd(2025, m, day)
    }

    #[test]
    fn a_move_by_the_wrong_person_names_who_may() {
        let e = Evaluation::draft(1, 2, Some(3), Some(4));
        let boss = Acting::of(&e, Some(3), false);
        let err = EvalStep::Submit
            .check(&e, &boss, d(10, 1), &EvalRules::default())
            .unwrap_err();
        assert_eq!(
            err.0[0].problem,
            Problem::Rule {
                rule: "eval_evaluatee_only"
            }
        );
    }
}
