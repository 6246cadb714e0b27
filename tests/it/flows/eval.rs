//! The evaluation chain as a workflow (src/domain/eval_flow.rs, src/store/flow.rs): who may
//! make which move in which state, the moves through the store with their dates and audit
//! rows, send-back, locked stages, the response window, once-only responses, stale
//! versions, scope, and the challenge themes behind a performance self-assessment.

use crate::support::ward;

use jinji::domain::account::Role;
use jinji::domain::eval_flow::{Acting, EvalInput, EvalRules, EvalStep, response_deadline};
use jinji::domain::evaluation::{
    BoardDecision, EvalKind, EvalPeriod, EvalState, Evaluation, Grade, Response, Term,
};
use jinji::domain::staff::{Position, Staff};
use jinji::domain::suggestion::theme_suggestion;
use jinji::domain::theme::Theme;
use jinji::domain::{Date, FiscalYear, Id, Problem, Validate};
use jinji::store::settings::keys;
use jinji::store::{Db, StoreError};
use ward::*;

// ---------------------------------------------------------------------------------------
// The table: every state × every move × every capacity.
// ---------------------------------------------------------------------------------------

const EVALUATEE: Id = 10;
const FIRST: Id = 20;
const SECOND: Id = 30;
const SOMEONE_ELSE: Id = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cap {
    Evaluatee,
    First,
    Second,
    Hr,
    Unrelated,
}

const CAPS: [Cap; 5] = [
    Cap::Evaluatee,
    Cap::First,
    Cap::Second,
    Cap::Hr,
    Cap::Unrelated,
];

/// The capacities of the person behind `cap`, as `Acting::of` derives them.
fn acting(e: &Evaluation, cap: Cap) -> Acting {
    match cap {
        Cap::Evaluatee => Acting::of(e, Some(EVALUATEE), false),
        Cap::First => Acting::of(e, Some(FIRST), false),
        Cap::Second => Acting::of(e, Some(SECOND), false),
        Cap::Hr => Acting::of(e, Some(SOMEONE_ELSE), true),
        Cap::Unrelated => Acting::of(e, Some(SOMEONE_ELSE), false),
    }
}

/// A consistent evaluation in `state` (every stage before it rated and dated), disclosed
/// on Friday 2026-01-16 when it got that far.
fn at(state: EvalState, with_second: bool) -> Evaluation {
    let mut e = Evaluation::draft(1, EVALUATEE, Some(FIRST), with_second.then_some(SECOND));
    let s = state.step();
    if s >= EvalState::SelfSubmitted.step() {
        (e.self_rating, e.self_submitted_on) = (Some(Grade::A), Some(d(2026, 1, 5)));
    }
    if s >= EvalState::FirstDone.step() {
        (e.first_rating, e.first_done_on) = (Some(Grade::B), Some(d(2026, 1, 7)));
    }
    if s >= EvalState::SecondDone.step() && with_second {
        (e.second_rating, e.second_done_on) = (Some(Grade::B), Some(d(2026, 1, 9)));
    }
    if s >= EvalState::Finalized.step() {
        (e.grade, e.finalized_on) = (Some(Grade::B), Some(d(2026, 1, 14)));
    }
    if s >= EvalState::Disclosed.step() {
        e.disclosed_on = Some(d(2026, 1, 16));
    }
    e.state = state;
    e
}

/// The chain as specified: the states a move starts from, the capacities that make it,
/// and the rule that names them.
fn spec(step: EvalStep, with_second: bool) -> (&'static [EvalState], &'static [Cap], &'static str) {
    use EvalState as S;
    match step {
        EvalStep::Submit => (&[S::Draft], &[Cap::Evaluatee], "eval_evaluatee_only"),
        EvalStep::First => (&[S::SelfSubmitted], &[Cap::First], "eval_first_only"),
        EvalStep::Second | EvalStep::SendBack => {
            (&[S::FirstDone], &[Cap::Second], "eval_second_only")
        }
        EvalStep::Finalize if with_second => (&[S::SecondDone], &[Cap::Hr], "eval_hr_only"),
        EvalStep::Finalize => (&[S::FirstDone, S::SecondDone], &[Cap::Hr], "eval_hr_only"),
        EvalStep::Disclose => (&[S::Finalized], &[Cap::Hr], "eval_hr_only"),
        EvalStep::Agree | EvalStep::Appeal => {
            (&[S::Disclosed], &[Cap::Evaluatee], "eval_evaluatee_only")
        }
        EvalStep::Outcome => (&[S::Disclosed], &[Cap::Hr], "eval_hr_only"),
        EvalStep::Interviews => (
            &[S::Draft, S::SelfSubmitted, S::FirstDone, S::SecondDone],
            &[Cap::First, Cap::Hr],
            "eval_first_or_hr",
        ),
    }
}

/// What `check` should answer: Ok, or the field and problem of the first refusal.
fn expected(step: EvalStep, e: &Evaluation, cap: Cap) -> Result<(), (&'static str, Problem)> {
    let with_second = e.evaluator2_id.is_some();
    // Without a second evaluator nobody holds that capacity.
    let cap = if cap == Cap::Second && !with_second {
        Cap::Unrelated
    } else {
        cap
    };
    let (from, who, who_rule) = spec(step, with_second);
    if !who.contains(&cap) {
        return Err(("state", rule(who_rule)));
    }
    if !from.contains(&e.state) {
        let state_rule = if e.state.step() > from[0].step() {
            "eval_stage_locked"
        } else {
            "eval_stage_not_yet"
        };
        return Err(("state", rule(state_rule)));
    }
    match step {
        EvalStep::Agree | EvalStep::Appeal if e.response.is_some() => {
            Err(("response", rule("eval_responded")))
        }
        EvalStep::Outcome if e.response != Some(Response::Appealed) => {
            Err(("response", rule("eval_no_appeal")))
        }
        EvalStep::Outcome if !e.appeal_outcome.is_empty() => {
            Err(("appeal_outcome", rule("eval_outcome_recorded")))
        }
        _ => Ok(()),
    }
}

/// The state a legal move leads to.
fn next_state(step: EvalStep, from: EvalState) -> EvalState {
    match step {
        EvalStep::Submit | EvalStep::SendBack => EvalState::SelfSubmitted,
        EvalStep::First => EvalState::FirstDone,
        EvalStep::Second => EvalState::SecondDone,
        EvalStep::Finalize => EvalState::Finalized,
        EvalStep::Disclose => EvalState::Disclosed,
        _ => from,
    }
}

/// Every evaluation the table is run on: each state with and without a second evaluator,
/// and disclosed ones that were answered.
fn table_rows() -> Vec<(String, Evaluation)> {
    let mut rows = Vec::new();
    for with_second in [true, false] {
        for s in EvalState::ALL {
            let label = format!("{}{}", s.code(), if with_second { "" } else { " (no 2nd)" });
            rows.push((label, at(*s, with_second)));
        }
    }
    let mut appealed = at(EvalState::Disclosed, true);
    appealed.response = Some(Response::Appealed);
    appealed.response_on = Some(d(2026, 1, 19));
    appealed.response_note = "不服".into();
    let mut agreed = appealed.clone();
    agreed.response = Some(Response::Agreed);
    let mut decided = appealed.clone();
    decided.appeal_outcome = "原評価を維持".into();
    rows.push(("disclosed, appealed".into(), appealed));
    rows.push(("disclosed, agreed".into(), agreed));
    rows.push(("disclosed, appeal decided".into(), decided));
    rows
}

/// Inside the default window of the disclosure on 2026-01-16.
fn table_today() -> Date {
    d(2026, 1, 20)
}

fn full_input() -> EvalInput {
    EvalInput {
        rating: Some(Grade::A),
        text: "所見".into(),
        start_interview_on: Some(d(2025, 4, 20)),
        end_interview_on: Some(d(2025, 10, 20)),
        decision: Some(BoardDecision::Upheld),
        ..EvalInput::default()
    }
}

#[test]
fn every_move_in_every_state_by_every_capacity_follows_the_table() {
    let rules = EvalRules::default();
    let today = table_today();
    let mut wrong = Vec::new();
    let mut legal = 0;
    for (label, e) in table_rows() {
        assert!(e.validate().is_ok(), "{label}: fixture invalid");
        for step in EvalStep::ALL {
            for cap in CAPS {
                let a = acting(&e, cap);
                let want = expected(*step, &e, cap);
                let got = step
                    .check(&e, &a, today, &rules)
                    .map_err(|i| (i.0[0].field, i.0[0].problem.clone()));
                if got != want {
                    wrong.push(format!(
                        "{label} / {} / {cap:?}: want {want:?}, got {got:?}",
                        step.code()
                    ));
                }
                // `apply` refuses exactly as `check` does, and a legal move lands in
                // the next state as a valid record.
                match (want, step.apply(&e, &a, &full_input(), today, &rules)) {
                    (Ok(()), Ok(n)) => {
                        legal += 1;
                        if n.state != next_state(*step, e.state) || n.validate().is_err() {
                            wrong.push(format!(
                                "{label} / {} / {cap:?}: applied to {:?} ({:?})",
                                step.code(),
                                n.state,
                                n.validate()
                            ));
                        }
                    }
                    (Err((f, p)), Err(i)) if i.0[0].field == f && i.0[0].problem == p => {}
                    (want, got) => wrong.push(format!(
                        "{label} / {} / {cap:?}: apply: want {want:?}, got {got:?}",
                        step.code()
                    )),
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} mismatches:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    // With a second evaluator: submit, first, second, send_back, finalize, disclose,
    // agree, appeal and interviews by two capacities in four states (16); without: the
    // same less second and send_back, plus finalize from first_done (15); and the outcome
    // of the open appeal (1).
    assert_eq!(
        legal, 32,
        "the number of legal (state, move, capacity) triples"
    );
}

#[test]
fn the_moves_available_are_exactly_the_legal_ones_in_chain_order() {
    let rules = EvalRules::default();
    for (label, e) in table_rows() {
        for cap in CAPS {
            let want: Vec<EvalStep> = EvalStep::ALL
                .iter()
                .copied()
                .filter(|s| expected(*s, &e, cap).is_ok())
                .collect();
            assert_eq!(
                EvalStep::available(&e, &acting(&e, cap), table_today(), &rules),
                want,
                "{label} / {cap:?}"
            );
        }
    }
    // Spot checks of the table in words.
    let e = at(EvalState::FirstDone, true);
    assert_eq!(
        EvalStep::available(&e, &acting(&e, Cap::Second), table_today(), &rules),
        [EvalStep::Second, EvalStep::SendBack]
    );
    let e = at(EvalState::FirstDone, false);
    assert_eq!(
        EvalStep::available(&e, &acting(&e, Cap::Hr), table_today(), &rules),
        [EvalStep::Finalize, EvalStep::Interviews]
    );
}

#[test]
fn capacities_come_from_the_evaluation_and_the_role() {
    let e = at(EvalState::Draft, false);
    let all = |evaluatee, first, second, hr| Acting {
        evaluatee,
        first,
        second,
        hr,
    };
    assert_eq!(
        Acting::of(&e, Some(EVALUATEE), false),
        all(true, false, false, false)
    );
    assert_eq!(
        Acting::of(&e, Some(FIRST), true),
        all(false, true, false, true),
        "an HR clerk who is also the first evaluator holds both"
    );
    // No person and no second evaluator: `None == None` must not make anyone the second.
    assert_eq!(Acting::of(&e, None, false), Acting::default());
    assert_eq!(Acting::of(&e, None, true), all(false, false, false, true));
}

#[test]
fn a_second_move_without_a_second_evaluator_says_there_is_none() {
    let e = at(EvalState::FirstDone, false);
    let claims_second = Acting {
        second: true,
        ..Acting::default()
    };
    for step in [EvalStep::Second, EvalStep::SendBack] {
        let err = step
            .check(&e, &claims_second, table_today(), &EvalRules::default())
            .unwrap_err();
        assert_eq!(err.0[0].field, "evaluator2_staff_no");
        assert_eq!(err.0[0].problem, rule("eval_no_second"));
    }
}

#[test]
fn the_domain_window_counts_weekdays_from_the_disclosure() {
    let e = at(EvalState::Disclosed, true);
    assert!(!d(2026, 1, 16).is_weekend() && d(2026, 1, 17).is_weekend());
    assert_eq!(
        response_deadline(&e, &EvalRules::default()),
        Some(d(2026, 1, 27))
    );
    assert_eq!(
        response_deadline(
            &e,
            &EvalRules {
                response_days: 1,
                ..EvalRules::default()
            }
        ),
        Some(d(2026, 1, 19)),
        "Friday + 1 weekday is Monday"
    );
    assert_eq!(
        response_deadline(&at(EvalState::Finalized, true), &EvalRules::default()),
        None
    );
    let me = acting(&e, Cap::Evaluatee);
    let rules = EvalRules::default();
    assert!(
        EvalStep::Agree
            .check(&e, &me, d(2026, 1, 27), &rules)
            .is_ok()
    );
    let late = EvalStep::Appeal
        .check(&e, &me, d(2026, 1, 28), &rules)
        .unwrap_err();
    assert_eq!(late.0[0].field, "response");
    assert_eq!(late.0[0].problem, Problem::Closed { on: d(2026, 1, 27) });
}

// ---------------------------------------------------------------------------------------
// Through the store.
// ---------------------------------------------------------------------------------------

const FY: FiscalYear = 2025;

fn period(db: &Db, kind: EvalKind) -> EvalPeriod {
    let mut p = EvalPeriod {
        id: 0,
        fiscal_year: FY,
        kind,
        term: Term::Full,
        start_date: d(FY, 4, 1),
        end_date: d(FY + 1, 3, 31),
        base_date: d(FY + 1, 3, 31),
        version: 0,
    };
    db.insert(&mut p).expect("period");
    p
}

/// The shared `Ward` with a chief of 区民課 besides, and 高橋 (junior) evaluated by 鈴木
/// (lead, first) and 佐藤 (chief, second) in a competency period of FY2025.
struct Chain {
    w: Ward,
    /// 課長 of 区民課: a supervisor of another section.
    stranger: Staff,
    period: EvalPeriod,
    id: Id,
    junior: Who,
    lead: Who,
    chief: Who,
    hr: Who,
}

impl Chain {
    fn new() -> Chain {
        Chain::of_kind(EvalKind::Competency)
    }

    fn of_kind(kind: EvalKind) -> Chain {
        let w = Ward::new();
        let mut stranger = staff("A0006", w.sec_res, d(1998, 4, 1));
        stranger.position = Position::SectionChief;
        stranger.grade = 6;
        w.db.insert(&mut stranger).expect("stranger");
        let period = period(&w.db, kind);
        let mut e = Evaluation::draft(period.id, w.junior.id, Some(w.lead.id), Some(w.chief.id));
        w.db.insert(&mut e).expect("evaluation");
        let junior = Who::new(&w.db, "takahashi", Role::Staff, Some(w.junior.id));
        let lead = Who::new(&w.db, "suzuki", Role::Supervisor, Some(w.lead.id));
        let chief = Who::new(&w.db, "sato", Role::Supervisor, Some(w.chief.id));
        let hr = Who::new(&w.db, "hr.clerk", Role::Hr, None);
        Chain {
            w,
            stranger,
            period,
            id: e.id,
            junior,
            lead,
            chief,
            hr,
        }
    }

    fn db(&self) -> &Db {
        &self.w.db
    }

    fn stored(&self) -> Evaluation {
        self.db().get(self.id).expect("evaluation")
    }

    fn mv(
        &self,
        who: &Who,
        step: EvalStep,
        input: EvalInput,
        today: Date,
    ) -> Result<Evaluation, StoreError> {
        self.db()
            .eval_move(self.id, None, step, &input, who.actor(), today)
    }

    /// Submitted on Mon 01-05, first on 01-07, second on 01-09, finalized on 01-14 and
    /// disclosed on Friday 2026-01-16.
    fn disclose(&self) -> Evaluation {
        self.mv(
            &self.junior,
            EvalStep::Submit,
            rated(Grade::A, "自己評価"),
            d(2026, 1, 5),
        )
        .unwrap();
        self.mv(
            &self.lead,
            EvalStep::First,
            rated(Grade::B, "一次"),
            d(2026, 1, 7),
        )
        .unwrap();
        self.mv(
            &self.chief,
            EvalStep::Second,
            rated(Grade::B, "二次"),
            d(2026, 1, 9),
        )
        .unwrap();
        self.mv(&self.hr, EvalStep::Finalize, none(), d(2026, 1, 14))
            .unwrap();
        self.mv(&self.hr, EvalStep::Disclose, none(), d(2026, 1, 16))
            .unwrap()
    }

    /// The audit actions on the evaluation, oldest first.
    fn actions(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .db()
            .audit_entries(Some("evaluations"), Some(self.id), 100)
            .expect("audit")
            .into_iter()
            .map(|a| a.action)
            .collect();
        v.reverse();
        v
    }

    /// Runs a move that must be refused with `problem` on `field`, and shows that
    /// nothing was written: the same record, the same version, no audit row.
    #[track_caller]
    fn refused(
        &self,
        who: &Who,
        step: EvalStep,
        input: EvalInput,
        today: Date,
        field: &str,
        problem: Problem,
    ) {
        let before = self.stored();
        let audit = audit_count(self.db());
        assert_problem(self.mv(who, step, input, today), field, problem);
        assert_eq!(self.stored(), before, "the record is unchanged");
        assert_eq!(audit_count(self.db()), audit, "no audit row");
    }
}

fn rated(g: Grade, text: &str) -> EvalInput {
    EvalInput {
        rating: Some(g),
        text: text.into(),
        ..EvalInput::default()
    }
}

fn said(text: &str) -> EvalInput {
    EvalInput {
        text: text.into(),
        ..EvalInput::default()
    }
}

fn none() -> EvalInput {
    EvalInput::default()
}

#[test]
fn the_happy_path_dates_every_stage_and_audits_every_move() {
    let c = Chain::new();
    let e = c
        .mv(
            &c.junior,
            EvalStep::Submit,
            rated(Grade::A, "自己評価"),
            d(2026, 1, 5),
        )
        .unwrap();
    assert_eq!(
        (
            e.state,
            e.self_rating,
            e.self_comment.as_str(),
            e.self_submitted_on
        ),
        (
            EvalState::SelfSubmitted,
            Some(Grade::A),
            "自己評価",
            Some(d(2026, 1, 5))
        )
    );
    assert_eq!(e.version, 2);
    assert_eq!(
        c.db()
            .eval_moves(&e, c.lead.actor(), d(2026, 1, 6))
            .unwrap(),
        [EvalStep::First, EvalStep::Interviews]
    );
    assert!(
        c.db()
            .eval_moves(&e, c.junior.actor(), d(2026, 1, 6))
            .unwrap()
            .is_empty()
    );

    let e = c
        .mv(
            &c.lead,
            EvalStep::First,
            rated(Grade::B, "一次所見"),
            d(2026, 1, 7),
        )
        .unwrap();
    assert_eq!(
        (
            e.state,
            e.first_rating,
            e.first_comment.as_str(),
            e.first_done_on
        ),
        (
            EvalState::FirstDone,
            Some(Grade::B),
            "一次所見",
            Some(d(2026, 1, 7))
        )
    );
    let e = c
        .mv(
            &c.chief,
            EvalStep::Second,
            rated(Grade::A, "二次所見"),
            d(2026, 1, 9),
        )
        .unwrap();
    assert_eq!(
        (e.state, e.second_rating, e.second_done_on),
        (EvalState::SecondDone, Some(Grade::A), Some(d(2026, 1, 9)))
    );
    // HR's grade defaults to the second rating.
    let e = c
        .mv(&c.hr, EvalStep::Finalize, none(), d(2026, 1, 14))
        .unwrap();
    assert_eq!(
        (e.state, e.grade, e.finalized_on),
        (EvalState::Finalized, Some(Grade::A), Some(d(2026, 1, 14)))
    );
    let e = c
        .mv(&c.hr, EvalStep::Disclose, none(), d(2026, 1, 16))
        .unwrap();
    assert_eq!(
        (e.state, e.disclosed_on),
        (EvalState::Disclosed, Some(d(2026, 1, 16)))
    );
    assert_eq!(
        c.db()
            .eval_moves(&e, c.junior.actor(), d(2026, 1, 19))
            .unwrap(),
        [EvalStep::Agree, EvalStep::Appeal]
    );
    assert!(
        c.db()
            .eval_moves(&e, c.hr.actor(), d(2026, 1, 19))
            .unwrap()
            .is_empty(),
        "no outcome without an appeal"
    );
    let e = c
        .mv(
            &c.junior,
            EvalStep::Appeal,
            said("評価根拠の説明を求めます"),
            d(2026, 1, 19),
        )
        .unwrap();
    assert_eq!(
        (e.response, e.response_on, e.response_note.as_str()),
        (
            Some(Response::Appealed),
            Some(d(2026, 1, 19)),
            "評価根拠の説明を求めます"
        )
    );
    assert_eq!(
        c.db().eval_moves(&e, c.hr.actor(), d(2026, 1, 20)).unwrap(),
        [EvalStep::Outcome]
    );
    // An upheld appeal may change the grade; the board's decision is dated (today unless
    // said).
    let e = c
        .mv(
            &c.hr,
            EvalStep::Outcome,
            EvalInput {
                decision: Some(BoardDecision::Upheld),
                ..rated(Grade::S, "申出を認め S に変更")
            },
            d(2026, 2, 2),
        )
        .unwrap();
    assert_eq!(
        (e.appeal_outcome.as_str(), e.grade, e.state),
        ("申出を認め S に変更", Some(Grade::S), EvalState::Disclosed)
    );
    assert_eq!(
        (e.board_decision, e.board_decided_on),
        (Some(BoardDecision::Upheld), Some(d(2026, 2, 2)))
    );
    assert_eq!(e.version, 8, "one version per move");
    assert_eq!(c.stored(), e, "what the move returns is what is stored");
    assert_eq!(
        c.actions(),
        [
            "insert",
            "eval.submit",
            "eval.first",
            "eval.second",
            "eval.finalize",
            "eval.disclose",
            "eval.appeal",
            "eval.outcome"
        ]
    );
    c.refused(
        &c.hr,
        EvalStep::Outcome,
        said("再度"),
        d(2026, 2, 3),
        "appeal_outcome",
        rule("eval_outcome_recorded"),
    );
}

#[test]
fn a_send_back_returns_the_evaluation_to_the_first_evaluator_with_its_reason() {
    let c = Chain::new();
    c.mv(
        &c.junior,
        EvalStep::Submit,
        rated(Grade::A, ""),
        d(2026, 1, 5),
    )
    .unwrap();
    c.mv(
        &c.lead,
        EvalStep::First,
        rated(Grade::C, "初回"),
        d(2026, 1, 7),
    )
    .unwrap();
    c.refused(
        &c.chief,
        EvalStep::SendBack,
        said("  "),
        d(2026, 1, 8),
        "sent_back_reason",
        Problem::Required,
    );
    c.refused(
        &c.lead,
        EvalStep::SendBack,
        said("自分で戻す"),
        d(2026, 1, 8),
        "state",
        rule("eval_second_only"),
    );
    let e = c
        .mv(
            &c.chief,
            EvalStep::SendBack,
            said("根拠となる事実を追記してください"),
            d(2026, 1, 8),
        )
        .unwrap();
    assert_eq!(e.state, EvalState::SelfSubmitted);
    assert_eq!(e.sent_back_reason, "根拠となる事実を追記してください");
    assert_eq!(e.first_done_on, None);
    assert_eq!(
        e.first_rating,
        Some(Grade::C),
        "kept as the draft to revise"
    );
    // The evaluatee's stage stays locked; the second must wait for the first again.
    c.refused(
        &c.junior,
        EvalStep::Submit,
        rated(Grade::S, "出し直し"),
        d(2026, 1, 9),
        "state",
        rule("eval_stage_locked"),
    );
    c.refused(
        &c.chief,
        EvalStep::Second,
        rated(Grade::B, ""),
        d(2026, 1, 9),
        "state",
        rule("eval_stage_not_yet"),
    );
    let e = c
        .mv(
            &c.lead,
            EvalStep::First,
            rated(Grade::B, "追記しました"),
            d(2026, 1, 9),
        )
        .unwrap();
    assert_eq!(
        (e.state, e.first_rating, e.first_done_on),
        (EvalState::FirstDone, Some(Grade::B), Some(d(2026, 1, 9)))
    );
    assert_eq!(e.sent_back_reason, "", "the reason is cleared once redone");
    let e = c
        .mv(
            &c.chief,
            EvalStep::Second,
            rated(Grade::B, ""),
            d(2026, 1, 12),
        )
        .unwrap();
    assert_eq!(e.state, EvalState::SecondDone);
    assert_eq!(
        c.actions(),
        [
            "insert",
            "eval.submit",
            "eval.first",
            "eval.send_back",
            "eval.first",
            "eval.second"
        ]
    );
}

#[test]
fn a_passed_stage_is_locked_and_a_later_one_not_yet_open() {
    let c = Chain::new();
    c.refused(
        &c.lead,
        EvalStep::First,
        rated(Grade::B, ""),
        d(2026, 1, 5),
        "state",
        rule("eval_stage_not_yet"),
    );
    c.mv(
        &c.junior,
        EvalStep::Submit,
        rated(Grade::A, ""),
        d(2026, 1, 5),
    )
    .unwrap();
    c.mv(&c.lead, EvalStep::First, rated(Grade::B, ""), d(2026, 1, 7))
        .unwrap();
    let today = d(2026, 1, 8);
    c.refused(
        &c.junior,
        EvalStep::Submit,
        rated(Grade::S, ""),
        today,
        "state",
        rule("eval_stage_locked"),
    );
    c.refused(
        &c.lead,
        EvalStep::First,
        rated(Grade::A, ""),
        today,
        "state",
        rule("eval_stage_locked"),
    );
    c.refused(
        &c.hr,
        EvalStep::Finalize,
        rated(Grade::A, ""),
        today,
        "state",
        rule("eval_stage_not_yet"),
    );
    // Who is asked before when: the second evaluator may not submit at all.
    c.refused(
        &c.chief,
        EvalStep::Submit,
        rated(Grade::A, ""),
        today,
        "state",
        rule("eval_evaluatee_only"),
    );
    c.refused(
        &c.junior,
        EvalStep::Interviews,
        EvalInput {
            start_interview_on: Some(d(2025, 5, 1)),
            ..none()
        },
        today,
        "state",
        rule("eval_first_or_hr"),
    );
}

#[test]
fn a_missing_rating_or_reason_is_refused_and_nothing_is_written() {
    let c = Chain::new();
    c.refused(
        &c.junior,
        EvalStep::Submit,
        said("評価なし"),
        d(2026, 1, 5),
        "self_rating",
        Problem::Required,
    );
    c.mv(
        &c.junior,
        EvalStep::Submit,
        rated(Grade::A, ""),
        d(2026, 1, 5),
    )
    .unwrap();
    c.refused(
        &c.lead,
        EvalStep::First,
        said("所見だけ"),
        d(2026, 1, 7),
        "first_rating",
        Problem::Required,
    );
    c.mv(&c.lead, EvalStep::First, rated(Grade::B, ""), d(2026, 1, 7))
        .unwrap();
    c.refused(
        &c.chief,
        EvalStep::Second,
        none(),
        d(2026, 1, 9),
        "second_rating",
        Problem::Required,
    );
    c.mv(
        &c.chief,
        EvalStep::Second,
        rated(Grade::B, ""),
        d(2026, 1, 9),
    )
    .unwrap();
    c.mv(&c.hr, EvalStep::Finalize, none(), d(2026, 1, 14))
        .unwrap();
    c.mv(&c.hr, EvalStep::Disclose, none(), d(2026, 1, 16))
        .unwrap();
    c.refused(
        &c.junior,
        EvalStep::Appeal,
        said(" \n "),
        d(2026, 1, 19),
        "response_note",
        Problem::Required,
    );
    c.mv(&c.junior, EvalStep::Appeal, said("不服"), d(2026, 1, 19))
        .unwrap();
    // The review board's decision comes first, then what it means for the evaluation.
    c.refused(
        &c.hr,
        EvalStep::Outcome,
        said("結果"),
        d(2026, 1, 20),
        "board_decision",
        Problem::Required,
    );
    c.refused(
        &c.hr,
        EvalStep::Outcome,
        EvalInput {
            decision: Some(BoardDecision::Dismissed),
            ..rated(Grade::A, "")
        },
        d(2026, 1, 20),
        "appeal_outcome",
        Problem::Required,
    );
}

#[test]
fn without_a_second_evaluator_hr_finalizes_the_first_rating() {
    let c = Chain::new();
    let mut e = Evaluation::draft(c.period.id, c.w.clerk.id, Some(c.w.lead.id), None);
    c.db().insert(&mut e).unwrap();
    let clerk = Who::new(c.db(), "tanaka", Role::Staff, Some(c.w.clerk.id));
    // The lead sees the clerk of another team only as their evaluatee (now).
    let lead = Who::new(c.db(), "suzuki", Role::Supervisor, Some(c.w.lead.id));
    let mv = |who: &Who, step, input: EvalInput, on| {
        c.db().eval_move(e.id, None, step, &input, who.actor(), on)
    };
    mv(&clerk, EvalStep::Submit, rated(Grade::B, ""), d(2026, 1, 5)).unwrap();
    mv(&lead, EvalStep::First, rated(Grade::C, ""), d(2026, 1, 7)).unwrap();
    assert_problem(
        mv(&lead, EvalStep::Second, rated(Grade::B, ""), d(2026, 1, 8)),
        "state",
        rule("eval_second_only"),
    );
    let f = mv(&c.hr, EvalStep::Finalize, none(), d(2026, 1, 8)).unwrap();
    assert_eq!((f.state, f.grade), (EvalState::Finalized, Some(Grade::C)));
    assert_eq!(f.second_done_on, None);
}

#[test]
fn the_response_window_counts_weekdays_after_a_friday_disclosure() {
    let c = Chain::new();
    let e = c.disclose();
    assert_eq!(e.disclosed_on, Some(d(2026, 1, 16)));
    assert!(
        !d(2026, 1, 16).is_weekend() && d(2026, 1, 17).is_weekend(),
        "a Friday"
    );
    assert_eq!(c.db().eval_rules().unwrap().response_days, 7);
    // Mon 19 … Fri 23 are five weekdays, Mon 26 and Tue 27 the sixth and seventh.
    c.refused(
        &c.junior,
        EvalStep::Agree,
        said(""),
        d(2026, 1, 28),
        "response",
        Problem::Closed { on: d(2026, 1, 27) },
    );
    c.refused(
        &c.junior,
        EvalStep::Appeal,
        said("遅れて不服"),
        d(2026, 1, 28),
        "response",
        Problem::Closed { on: d(2026, 1, 27) },
    );
    assert!(
        c.db()
            .eval_moves(&c.stored(), c.junior.actor(), d(2026, 1, 28))
            .unwrap()
            .is_empty()
    );
    let a = c
        .mv(
            &c.junior,
            EvalStep::Agree,
            said("納得しました"),
            d(2026, 1, 27),
        )
        .unwrap();
    assert_eq!(
        (a.response, a.response_on, a.response_note.as_str()),
        (Some(Response::Agreed), Some(d(2026, 1, 27)), "納得しました")
    );
    assert_eq!(c.actions().last().map(String::as_str), Some("eval.agree"));
}

#[test]
fn the_response_window_follows_the_setting() {
    let c = Chain::new();
    c.db().set_setting(keys::APPEAL_WINDOW_DAYS, "3").unwrap();
    assert_eq!(c.db().eval_rules().unwrap().response_days, 3);
    c.disclose();
    // Friday + 3 weekdays = Wednesday 2026-01-21.
    c.refused(
        &c.junior,
        EvalStep::Appeal,
        said("不服"),
        d(2026, 1, 22),
        "response",
        Problem::Closed { on: d(2026, 1, 21) },
    );
    c.mv(&c.junior, EvalStep::Appeal, said("不服"), d(2026, 1, 21))
        .unwrap();

    for (value, days) in [("0", 1), ("999", 60), ("abc", 7), ("10", 10)] {
        c.db().set_setting(keys::APPEAL_WINDOW_DAYS, value).unwrap();
        assert_eq!(
            c.db().eval_rules().unwrap().response_days,
            days,
            "appeal_window_days = {value}"
        );
    }
}

#[test]
fn the_evaluatee_answers_once_per_period() {
    let c = Chain::new();
    c.disclose();
    c.mv(&c.junior, EvalStep::Agree, said(""), d(2026, 1, 19))
        .unwrap();
    for step in [EvalStep::Agree, EvalStep::Appeal] {
        c.refused(
            &c.junior,
            step,
            said("やはり不服"),
            d(2026, 1, 20),
            "response",
            rule("eval_responded"),
        );
    }
    c.refused(
        &c.hr,
        EvalStep::Outcome,
        said("結果"),
        d(2026, 1, 20),
        "response",
        rule("eval_no_appeal"),
    );
}

#[test]
fn a_stale_version_is_a_conflict_and_the_current_one_goes_through() {
    let c = Chain::new();
    let v1 = c.stored().version;
    let submitted = c
        .db()
        .eval_move(
            c.id,
            Some(v1),
            EvalStep::Submit,
            &rated(Grade::A, ""),
            c.junior.actor(),
            d(2026, 1, 5),
        )
        .unwrap();
    assert_eq!(submitted.version, v1 + 1);
    let audit = audit_count(c.db());
    let stale = c.db().eval_move(
        c.id,
        Some(v1),
        EvalStep::First,
        &rated(Grade::B, ""),
        c.lead.actor(),
        d(2026, 1, 7),
    );
    assert!(
        matches!(stale, Err(StoreError::Conflict { table: "evaluations", id, .. }) if id == c.id),
        "{stale:?}"
    );
    assert_eq!(c.stored(), submitted);
    assert_eq!(audit_count(c.db()), audit);
    let first = c
        .db()
        .eval_move(
            c.id,
            Some(submitted.version),
            EvalStep::First,
            &rated(Grade::B, ""),
            c.lead.actor(),
            d(2026, 1, 7),
        )
        .unwrap();
    assert_eq!(first.state, EvalState::FirstDone);
}

#[test]
fn an_evaluation_out_of_scope_is_not_found() {
    let c = Chain::new();
    let stranger = Who::new(c.db(), "kumin", Role::Supervisor, Some(c.stranger.id));
    let clerk = Who::new(c.db(), "tanaka", Role::Staff, Some(c.w.clerk.id));
    let not_found = |r: Result<Evaluation, StoreError>| {
        assert!(
            matches!(r, Err(StoreError::NotFound { table: "evaluations", id }) if id == c.id),
            "{r:?}"
        )
    };
    let audit = audit_count(c.db());
    for who in [&stranger, &clerk] {
        not_found(c.db().evaluation_for(c.id, who.actor()));
        for step in [EvalStep::Submit, EvalStep::Interviews] {
            not_found(c.mv(who, step, full_input(), d(2026, 1, 5)));
        }
    }
    // An id that does not exist reads the same.
    assert!(matches!(
        c.db().evaluation_for(9999, c.hr.actor()),
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(audit_count(c.db()), audit);
    assert_eq!(c.stored().version, 1);
    // In scope: the evaluatee, both evaluators and HR.
    for who in [&c.junior, &c.lead, &c.chief, &c.hr] {
        assert_eq!(
            c.db().evaluation_for(c.id, who.actor()).unwrap(),
            c.stored()
        );
    }
}

#[test]
fn interview_dates_are_set_by_the_first_evaluator_or_hr_before_finalizing() {
    let c = Chain::new();
    let dates = |start, end| EvalInput {
        start_interview_on: start,
        end_interview_on: end,
        ..none()
    };
    let e = c
        .mv(
            &c.lead,
            EvalStep::Interviews,
            dates(Some(d(2025, 5, 12)), Some(d(2025, 10, 20))),
            d(2025, 10, 20),
        )
        .unwrap();
    assert_eq!(
        (e.start_interview_on, e.end_interview_on, e.state),
        (
            Some(d(2025, 5, 12)),
            Some(d(2025, 10, 20)),
            EvalState::Draft
        )
    );
    c.refused(
        &c.hr,
        EvalStep::Interviews,
        dates(Some(d(2025, 10, 20)), Some(d(2025, 5, 12))),
        d(2025, 10, 21),
        "end_interview_on",
        Problem::Before {
            other: "start_interview_on",
        },
    );
    c.disclose();
    c.refused(
        &c.hr,
        EvalStep::Interviews,
        dates(Some(d(2025, 5, 1)), None),
        d(2026, 1, 20),
        "state",
        rule("eval_stage_locked"),
    );
    assert_eq!(
        c.actions()[..2],
        ["insert".to_string(), "eval.interviews".to_string()]
    );
}

#[test]
fn recording_the_end_interview_keeps_the_start_interview() {
    let c = Chain::new();
    let only = |start, end| EvalInput {
        start_interview_on: start,
        end_interview_on: end,
        ..none()
    };
    c.mv(
        &c.lead,
        EvalStep::Interviews,
        only(Some(d(2025, 5, 12)), None),
        d(2025, 5, 12),
    )
    .unwrap();
    let e = c
        .mv(
            &c.lead,
            EvalStep::Interviews,
            only(None, Some(d(2025, 10, 20))),
            d(2025, 10, 20),
        )
        .unwrap();
    assert_eq!(e.start_interview_on, Some(d(2025, 5, 12)));
    assert_eq!(e.end_interview_on, Some(d(2025, 10, 20)));
}

// ---------------------------------------------------------------------------------------
// Challenge themes.
// ---------------------------------------------------------------------------------------

fn theme(staff_id: Id, fy: FiscalYear, weight: i64) -> Theme {
    Theme {
        id: 0,
        staff_id,
        fiscal_year: fy,
        title: format!("テーマ{weight}"),
        target: "窓口の待ち時間を短縮する".into(),
        difficulty: 2,
        weight,
        progress: 50,
        midterm_report: String::new(),
        midterm_on: None,
        result: String::new(),
        achievement: None,
        self_assessment: String::new(),
        evaluator_comment: String::new(),
        version: 0,
    }
}

fn judged(difficulty: i64, weight: i64, achievement: i64) -> Theme {
    Theme {
        difficulty,
        achievement: Some(achievement),
        ..theme(1, FY, weight)
    }
}

#[test]
fn a_performance_self_assessment_needs_themes_weighing_100() {
    let c = Chain::of_kind(EvalKind::Performance);
    let submit = || rated(Grade::A, "");
    c.refused(
        &c.junior,
        EvalStep::Submit,
        submit(),
        d(2026, 1, 5),
        "weight",
        Problem::Sum {
            expected: 100,
            actual: 0,
        },
    );
    for mut t in [
        theme(c.w.junior.id, FY, 60),
        theme(c.w.junior.id, FY, 30),
        // Neither another year nor another person counts.
        theme(c.w.junior.id, FY - 1, 10),
        theme(c.w.clerk.id, FY, 10),
    ] {
        c.db().insert(&mut t).unwrap();
    }
    c.refused(
        &c.junior,
        EvalStep::Submit,
        submit(),
        d(2026, 1, 5),
        "weight",
        Problem::Sum {
            expected: 100,
            actual: 90,
        },
    );
    c.db().insert(&mut theme(c.w.junior.id, FY, 10)).unwrap();
    let e = c
        .mv(&c.junior, EvalStep::Submit, submit(), d(2026, 1, 5))
        .unwrap();
    assert_eq!(e.state, EvalState::SelfSubmitted);
    // Until every theme is judged there is no suggestion.
    assert_eq!(c.db().eval_suggestion(&e).unwrap(), None);
}

#[test]
fn a_competency_self_assessment_ignores_the_themes() {
    let c = Chain::new();
    c.db().insert(&mut theme(c.w.junior.id, FY, 40)).unwrap();
    let e = c
        .mv(
            &c.junior,
            EvalStep::Submit,
            rated(Grade::B, ""),
            d(2026, 1, 5),
        )
        .unwrap();
    assert_eq!(e.state, EvalState::SelfSubmitted);
    assert_eq!(
        c.db().eval_suggestion(&e).unwrap(),
        None,
        "no suggestion for competency"
    );
}

#[test]
fn themes_suggest_a_score_and_a_grade() {
    assert_eq!(theme_suggestion(&[]), None, "no themes");
    assert_eq!(
        theme_suggestion(&[judged(2, 50, 100), theme(1, FY, 50)]),
        None,
        "one theme not judged yet"
    );
    let cases: &[(&[Theme], f64, Grade)] = &[
        (&[judged(2, 100, 100)], 100.0, Grade::B),
        (&[judged(3, 100, 100)], 120.0, Grade::S),
        (&[judged(3, 100, 90)], 108.0, Grade::A),
        (&[judged(1, 100, 100)], 90.0, Grade::B),
        (&[judged(2, 100, 60)], 60.0, Grade::C),
        (&[judged(2, 100, 59)], 59.0, Grade::D),
        (&[judged(1, 100, 77)], 69.3, Grade::C),
        // 100 × 1.2 × 0.5 + 80 × 0.9 × 0.5 = 60 + 36.
        (&[judged(3, 50, 100), judged(1, 50, 80)], 96.0, Grade::B),
        // 100 × 1.0 × 0.7 + 50 × 1.2 × 0.3 = 70 + 18 — a harder theme lifts.
        (&[judged(2, 70, 100), judged(3, 30, 50)], 88.0, Grade::B),
    ];
    for (themes, score, grade) in cases {
        let (s, g) = theme_suggestion(themes).expect("judged");
        assert!(
            (s - score).abs() < 1e-9 && g == *grade,
            "{themes:?}: want ({score}, {grade:?}), got ({s}, {g:?})"
        );
    }
}

#[test]
fn the_store_suggests_from_the_evaluatees_judged_themes_of_the_year() {
    let c = Chain::of_kind(EvalKind::Performance);
    for (w, a) in [(60, 100), (40, 90)] {
        let mut t = theme(c.w.junior.id, FY, w);
        t.achievement = Some(a);
        c.db().insert(&mut t).unwrap();
    }
    // A theme of last year is not part of it.
    let mut old = theme(c.w.junior.id, FY - 1, 100);
    old.achievement = Some(10);
    c.db().insert(&mut old).unwrap();
    assert_eq!(
        c.db().eval_suggestion(&c.stored()).unwrap(),
        Some((96.0, Grade::B))
    );
}
