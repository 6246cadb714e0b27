//! What of an evaluation each reader may see (開示 makes it the evaluatee's). Until an
//! evaluation is disclosed its evaluatee sees only their own self-assessment and the
//! state; each evaluator sees the stages up to their own until it is finalized; the HR
//! office sees everything. The one rule behind every surface: lists and counts ask it
//! through SQL made from it (the store), records through `Evaluation::as_seen_by`.

use super::Id;
use super::evaluation::{EvalState, Evaluation};
use super::theme::Theme;

/// Who reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The HR office (admin, hr): everything.
    Office,
    /// A person (a supervisor or a staff member, by staff id; an account without a person
    /// is nobody's evaluatee or evaluator).
    Person(Option<Id>),
}

/// A reader's place in one evaluation's chain (the highest one, should they hold two).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    Evaluatee,
    Second,
    First,
    /// Anyone else who may see the person (a supervisor above them, not in the chain).
    Other,
}

impl Relation {
    pub const ALL: [Relation; 4] = [
        Relation::Evaluatee,
        Relation::Second,
        Relation::First,
        Relation::Other,
    ];

    pub fn of(e: &Evaluation, me: Option<Id>) -> Relation {
        let is = |x: Option<Id>| me.is_some() && x == me;
        if is(Some(e.staff_id)) {
            Relation::Evaluatee
        } else if is(e.evaluator2_id) {
            Relation::Second
        } else if is(e.evaluator1_id) {
            Relation::First
        } else {
            Relation::Other
        }
    }
}

/// The parts of an evaluation, by whose stage wrote them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The self-assessment: rating and comment.
    Own,
    /// The first evaluator's rating and comment, the send-back reason addressed to them,
    /// and (on challenge themes) achievement and comment.
    First,
    /// The second evaluator's rating and comment.
    Second,
    /// The final grade.
    Final,
    /// The evaluatee's answer to the disclosure: agreement, or a complaint with the review
    /// board's decision on it (苦情処理). Between them and the office alone.
    Response,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Own,
        Stage::First,
        Stage::Second,
        Stage::Final,
        Stage::Response,
    ];
}

/// Whether a reader in `rel` sees `stage` of an evaluation in `state` (the office sees all).
pub fn sees(rel: Relation, state: EvalState, stage: Stage) -> bool {
    use EvalState::*;
    let decided = state >= Finalized;
    match (rel, stage) {
        // Nothing of a complaint reaches the evaluators.
        (Relation::Evaluatee, Stage::Response) => true,
        (_, Stage::Response) => false,
        // The evaluatee's own words are theirs; others see them once handed in.
        (Relation::Evaluatee, Stage::Own) => true,
        (_, Stage::Own) => state >= SelfSubmitted,
        // Everything else reaches the evaluatee with disclosure, and nothing before.
        (Relation::Evaluatee, _) => state == Disclosed,
        // Each evaluator sees the stages up to their own; the rest once it is finalized.
        (Relation::Second, Stage::First | Stage::Second) => true,
        (Relation::First, Stage::First) => true,
        (_, _) => decided,
    }
}

impl Reader {
    pub fn sees(self, e: &Evaluation, stage: Stage) -> bool {
        match self {
            Reader::Office => true,
            Reader::Person(me) => sees(Relation::of(e, me), e.state, stage),
        }
    }
}

impl Evaluation {
    /// The evaluation as `reader` may see it: what they may not see is left empty.
    pub fn as_seen_by(mut self, reader: Reader) -> Evaluation {
        let seen = |s| reader.sees(&self, s);
        let (own, first, second, fin, response) = (
            seen(Stage::Own),
            seen(Stage::First),
            seen(Stage::Second),
            seen(Stage::Final),
            seen(Stage::Response),
        );
        if !own {
            self.self_rating = None;
            self.self_comment.clear();
        }
        if !first {
            self.first_rating = None;
            self.first_comment.clear();
            self.sent_back_reason.clear();
        }
        if !second {
            self.second_rating = None;
            self.second_comment.clear();
        }
        if !fin {
            self.grade = None;
        }
        if !response {
            self.response = None;
            self.response_on = None;
            self.response_note.clear();
            self.appeal_outcome.clear();
            self.board_decision = None;
            self.board_decided_on = None;
        }
        self
    }
}

impl Theme {
    /// A challenge theme as `reader` may see it: the first evaluator's achievement and
    /// comment are their stage of the year's performance evaluation (`eval`, when there
    /// is one; without one they reach only the office and the evaluator).
    pub fn as_seen_by(mut self, reader: Reader, eval: Option<&Evaluation>) -> Theme {
        let seen = match (reader, eval) {
            (Reader::Office, _) => true,
            (Reader::Person(_), Some(e)) => reader.sees(e, Stage::First),
            (Reader::Person(me), None) => me.is_some() && me != Some(self.staff_id),
        };
        if !seen {
            self.achievement = None;
            self.evaluator_comment.clear();
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::evaluation::Grade;

    fn full(state: EvalState) -> Evaluation {
        let mut e = Evaluation::draft(1, 10, Some(20), Some(30));
        e.state = state;
        e.self_rating = Some(Grade::A);
        e.self_comment = "self".into();
        e.first_rating = Some(Grade::B);
        e.first_comment = "first".into();
        e.second_rating = Some(Grade::C);
        e.second_comment = "second".into();
        e.grade = Some(Grade::D);
        e.sent_back_reason = "why".into();
        e
    }

    #[test]
    fn the_evaluatee_sees_only_their_own_until_disclosure() {
        for &state in EvalState::ALL {
            let e = full(state).as_seen_by(Reader::Person(Some(10)));
            assert_eq!(e.self_rating, Some(Grade::A));
            let open = state == EvalState::Disclosed;
            assert_eq!(e.first_rating.is_some(), open, "{state:?}");
            assert_eq!(e.second_comment.is_empty(), !open, "{state:?}");
            assert_eq!(e.grade.is_some(), open, "{state:?}");
            assert_eq!(e.sent_back_reason.is_empty(), !open, "{state:?}");
        }
    }

    #[test]
    fn evaluators_see_up_to_their_own_stage_until_finalized() {
        let first = full(EvalState::SecondDone).as_seen_by(Reader::Person(Some(20)));
        assert_eq!(first.first_rating, Some(Grade::B));
        assert_eq!(first.second_rating, None);
        assert_eq!(first.grade, None);
        let second = full(EvalState::SecondDone).as_seen_by(Reader::Person(Some(30)));
        assert_eq!(second.first_rating, Some(Grade::B));
        assert_eq!(second.second_rating, Some(Grade::C));
        let done = full(EvalState::Finalized).as_seen_by(Reader::Person(Some(20)));
        assert_eq!(done.second_rating, Some(Grade::C));
        assert_eq!(done.grade, Some(Grade::D));
        // A self-assessment still in draft is the evaluatee's alone.
        let draft = full(EvalState::Draft).as_seen_by(Reader::Person(Some(20)));
        assert_eq!(draft.self_rating, None);
    }

    #[test]
    fn nothing_of_a_response_reaches_the_evaluators() {
        let mut e = full(EvalState::Disclosed);
        e.response = Some(crate::domain::evaluation::Response::Appealed);
        e.response_note = "grounds".into();
        for me in [20, 30, 99] {
            let seen = e.clone().as_seen_by(Reader::Person(Some(me)));
            assert_eq!((seen.response, seen.response_note.as_str()), (None, ""));
        }
        let own = e.clone().as_seen_by(Reader::Person(Some(10)));
        assert_eq!(own.response_note, "grounds");
    }

    #[test]
    fn the_office_sees_everything() {
        for &state in EvalState::ALL {
            assert_eq!(full(state).as_seen_by(Reader::Office), full(state));
        }
    }

    #[test]
    fn a_supervisor_outside_the_chain_waits_for_finalization() {
        let e = full(EvalState::SecondDone).as_seen_by(Reader::Person(Some(99)));
        assert_eq!((e.first_rating, e.second_rating), (None, None));
        let e = full(EvalState::Finalized).as_seen_by(Reader::Person(Some(99)));
        assert_eq!(e.grade, Some(Grade::D));
        // An account without a person is no one's evaluatee.
        let e = full(EvalState::Disclosed).as_seen_by(Reader::Person(None));
        assert_eq!(e.grade, Some(Grade::D));
    }
}
