//! The smaller state machines of the plan at work: a training enrolment
//! (`applied → approved → attended | absent → completed`, `cancelled` from any open state)
//! and an award (`nominated → in_review → awarded | declined`). Who may make each move:
//! the person applies and cancels their own application, their supervisor approves, the
//! HR office records attendance and completion and decides awards.

use super::award::{Award, AwardState};
use super::choice::{Choice, choices};
use super::training::{Enrolment, EnrolmentState};
use super::{Date, Id, Invalid, Problem};
use crate::code_enum;

code_enum! {
    pub enum EnrolStep {
        Approve = "approve",
        Attend = "attend",
        Absent = "absent",
        Complete = "complete",
        Cancel = "cancel",
    }
}

code_enum! {
    pub enum AwardStep { Review = "review", Award = "award", Decline = "decline" }
}

/// In which capacities a person acts on someone's record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Capacity {
    /// It is their own.
    pub own: bool,
    /// They lead its person (supervisor role, the person in their subtree).
    pub lead: bool,
    pub hr: bool,
}

fn rule(field: &'static str, rule: &'static str) -> Invalid {
    Invalid::one(field, Problem::Rule { rule })
}

impl EnrolStep {
    /// The enrolment's moves as `cap` sees them: open to them, or due now but another's
    /// (the person's, their supervisor's, the HR office's).
    pub fn choices(e: &Enrolment, cap: &Capacity) -> Vec<Choice<EnrolStep>> {
        const ANYONE: Capacity = Capacity {
            own: true,
            lead: true,
            hr: true,
        };
        choices(EnrolStep::ALL, |s, mine| {
            s.check(e, if mine { cap } else { &ANYONE })
        })
    }

    fn needs(
        self,
    ) -> (
        &'static [EnrolmentState],
        fn(&Capacity) -> bool,
        &'static str,
    ) {
        use EnrolmentState as S;
        match self {
            EnrolStep::Approve => (&[S::Applied], |c| c.lead || c.hr, "enrol_lead_or_hr"),
            EnrolStep::Attend | EnrolStep::Absent => (&[S::Approved], |c| c.hr, "enrol_hr_only"),
            EnrolStep::Complete => (&[S::Attended], |c| c.hr, "enrol_hr_only"),
            EnrolStep::Cancel => (
                &[S::Applied, S::Approved],
                |c| c.own || c.lead || c.hr,
                "enrol_own_lead_or_hr",
            ),
        }
    }

    pub fn check(self, e: &Enrolment, cap: &Capacity) -> Result<(), Invalid> {
        let (from, who, not_yours) = self.needs();
        if !who(cap) {
            return Err(rule("state", not_yours));
        }
        if !from.contains(&e.state) {
            return Err(rule("state", "enrol_wrong_state"));
        }
        Ok(())
    }

    pub fn apply(self, e: &Enrolment, cap: &Capacity, today: Date) -> Result<Enrolment, Invalid> {
        self.check(e, cap)?;
        let mut n = e.clone();
        n.state = match self {
            EnrolStep::Approve => EnrolmentState::Approved,
            EnrolStep::Attend => EnrolmentState::Attended,
            EnrolStep::Absent => EnrolmentState::Absent,
            EnrolStep::Complete => {
                n.completed_on = Some(today.max(e.applied_on));
                EnrolmentState::Completed
            }
            EnrolStep::Cancel => EnrolmentState::Cancelled,
        };
        super::Validate::validate(&n)?;
        Ok(n)
    }
}

impl AwardStep {
    /// The award's moves as `cap` sees them: the HR office's, open to them; to anyone
    /// else, every move of an undecided award is shown as the HR office's.
    pub fn choices(a: &Award, cap: &Capacity) -> Vec<Choice<AwardStep>> {
        AwardStep::ALL
            .iter()
            .copied()
            .filter_map(|s| match s.check(a, cap) {
                Ok(()) => Some(Choice::Open(s)),
                Err(inv) if !a.state.is_decided() && !cap.hr => Some(Choice::Blocked(s, inv)),
                Err(_) => None,
            })
            .collect()
    }

    /// HR reviews and decides; nothing else changes an award's state.
    pub fn check(self, a: &Award, cap: &Capacity) -> Result<(), Invalid> {
        if !cap.hr {
            return Err(rule("state", "award_hr_decides"));
        }
        let from = match self {
            AwardStep::Review => AwardState::Nominated,
            AwardStep::Award | AwardStep::Decline => AwardState::InReview,
        };
        if a.state != from {
            return Err(rule(
                "state",
                if a.state.is_decided() {
                    "award_decided"
                } else {
                    "award_wrong_state"
                },
            ));
        }
        Ok(())
    }

    /// The award after the move; a decision is dated and signed by `decider`.
    pub fn apply(
        self,
        a: &Award,
        cap: &Capacity,
        decider: Option<Id>,
        today: Date,
    ) -> Result<Award, Invalid> {
        self.check(a, cap)?;
        let mut n = a.clone();
        match self {
            AwardStep::Review => n.state = AwardState::InReview,
            AwardStep::Award | AwardStep::Decline => {
                n.state = if self == AwardStep::Award {
                    AwardState::Awarded
                } else {
                    AwardState::Declined
                };
                n.decided_on = Some(today.max(a.nominated_on));
                n.decided_by = decider;
                n.awarded_on = (self == AwardStep::Award).then_some(today.max(a.nominated_on));
            }
        }
        super::Validate::validate(&n)?;
        Ok(n)
    }
}
