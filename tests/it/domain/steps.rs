//! The enrolment and award state machines (src/domain/steps.rs): each move by each
//! capacity in each state, legal exactly where the table says, refused otherwise with the
//! rule that names who may (first) or why not now.

use crate::support::d;
use jinji::domain::Problem;
use jinji::domain::award::{Award, AwardKind, AwardState};
use jinji::domain::steps::{AwardStep, Capacity, EnrolStep};
use jinji::domain::training::{Enrolment, EnrolmentState};

fn enrolment(state: EnrolmentState) -> Enrolment {
    Enrolment {
        id: 1,
        session_id: 1,
        staff_id: 2,
        state,
        hours: 6.0,
        applied_on: d(2026, 5, 1),
        completed_on: (state == EnrolmentState::Completed).then_some(d(2026, 6, 2)),
        version: 1,
    }
}

fn award(state: AwardState) -> Award {
    Award {
        id: 1,
        kind: AwardKind::Merit,
        fiscal_year: 2026,
        title: "区長表彰".into(),
        achievement: String::new(),
        group_name: String::new(),
        unit_id: None,
        state,
        nominated_on: d(2026, 9, 1),
        nominated_by: None,
        decided_on: state.is_decided().then_some(d(2026, 10, 1)),
        decided_by: None,
        awarded_on: (state == AwardState::Awarded).then_some(d(2026, 10, 1)),
        version: 1,
    }
}

const OWN: Capacity = Capacity {
    own: true,
    lead: false,
    hr: false,
};
const LEAD: Capacity = Capacity {
    own: false,
    lead: true,
    hr: false,
};
const HR: Capacity = Capacity {
    own: false,
    lead: false,
    hr: true,
};
const NOBODY: Capacity = Capacity {
    own: false,
    lead: false,
    hr: false,
};

fn rule_of(e: jinji::domain::Invalid) -> &'static str {
    match e.0[0].problem {
        Problem::Rule { rule } => rule,
        ref p => panic!("not a rule: {p:?}"),
    }
}

#[test]
fn every_enrolment_move_by_every_capacity_in_every_state() {
    use EnrolmentState as S;
    // The step, the states it starts from, who may, the rule when they may not, the state
    // after.
    type Row = (
        EnrolStep,
        &'static [S],
        &'static [Capacity],
        &'static str,
        S,
    );
    let table: [Row; 5] = [
        (
            EnrolStep::Approve,
            &[S::Applied],
            &[LEAD, HR],
            "enrol_lead_or_hr",
            S::Approved,
        ),
        (
            EnrolStep::Attend,
            &[S::Approved],
            &[HR],
            "enrol_hr_only",
            S::Attended,
        ),
        (
            EnrolStep::Absent,
            &[S::Approved],
            &[HR],
            "enrol_hr_only",
            S::Absent,
        ),
        (
            EnrolStep::Complete,
            &[S::Attended],
            &[HR],
            "enrol_hr_only",
            S::Completed,
        ),
        (
            EnrolStep::Cancel,
            &[S::Applied, S::Approved],
            &[OWN, LEAD, HR],
            "enrol_own_lead_or_hr",
            S::Cancelled,
        ),
    ];
    let mut legal = 0;
    for (step, from, who, not_yours, to) in table {
        for &state in EnrolmentState::ALL {
            for cap in [OWN, LEAD, HR, NOBODY] {
                let e = enrolment(state);
                let got = step.apply(&e, &cap, d(2026, 6, 1));
                match (who.contains(&cap), from.contains(&state)) {
                    (false, _) => assert_eq!(rule_of(got.unwrap_err()), not_yours),
                    (true, false) => {
                        assert_eq!(
                            rule_of(got.unwrap_err()),
                            "enrol_wrong_state",
                            "{step:?} {state:?}"
                        )
                    }
                    (true, true) => {
                        legal += 1;
                        let n = got.unwrap_or_else(|e| panic!("{step:?} {state:?}: {e}"));
                        assert_eq!(n.state, to);
                        assert_eq!(n.completed_on.is_some(), to == S::Completed);
                    }
                }
            }
        }
    }
    // approve 2, attend 1, absent 1, complete 1, cancel 2 states × 3 = 6.
    assert_eq!(legal, 2 + 1 + 1 + 1 + 6);
}

#[test]
fn every_award_move_by_every_capacity_in_every_state() {
    use AwardState as S;
    let table: [(AwardStep, S, S); 3] = [
        (AwardStep::Review, S::Nominated, S::InReview),
        (AwardStep::Award, S::InReview, S::Awarded),
        (AwardStep::Decline, S::InReview, S::Declined),
    ];
    for (step, from, to) in table {
        for &state in AwardState::ALL {
            for cap in [OWN, LEAD, HR, NOBODY] {
                let a = award(state);
                let got = step.apply(&a, &cap, Some(7), d(2026, 10, 5));
                if !cap.hr {
                    assert_eq!(rule_of(got.unwrap_err()), "award_hr_decides");
                } else if state != from {
                    let want = if state.is_decided() {
                        "award_decided"
                    } else {
                        "award_wrong_state"
                    };
                    assert_eq!(rule_of(got.unwrap_err()), want, "{step:?} {state:?}");
                } else {
                    let n = got.unwrap();
                    assert_eq!(n.state, to);
                    // A decision is dated and signed; a review is not a decision.
                    let decided = to.is_decided();
                    assert_eq!(n.decided_on.is_some(), decided);
                    assert_eq!(n.decided_by, decided.then_some(7));
                    assert_eq!(n.awarded_on.is_some(), to == S::Awarded);
                }
            }
        }
    }
}
