//! The PDCA spiral as a state machine: Plan → Do → Check → Act → closed, and closing
//! starts the next turn from where this one ended.

use super::choice::Choice;
use super::pdca::{PdcaCycle, Phase};
use super::{Date, Invalid, Problem, Validate};
use crate::code_enum;

code_enum! {
    /// A move of a cycle, named by the phase it enters.
    pub enum PdcaStep { Do = "do", Check = "check", Act = "act", Close = "close" }
}

/// In which capacities a person acts on a cycle.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PdcaActing {
    /// The cycle is theirs (or their unit's, for its chief).
    pub owner: bool,
    /// They lead the owner (the owner is in their unit's subtree).
    pub lead: bool,
    pub hr: bool,
}

impl PdcaActing {
    fn may_move(&self) -> bool {
        self.owner || self.lead || self.hr
    }
}

/// The work on a cycle besides its phase moves, with who may do it and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdcaWork {
    /// The Plan written (goal, metric, baseline, target, notes) while in Plan.
    Plan,
    /// An action with its due date added, in Plan or Do.
    AddAction,
    /// A dated note of progress, in Do or Check.
    Checkin,
    /// A supervisor's review, signed by a person who leads the owner (or the HR office).
    Review,
    /// An action marked done, in Do.
    ActionDone,
    /// A citizen survey attached as evidence, in Check or Act.
    Attach,
}

impl PdcaWork {
    /// Whether `acting` may do this on `c` now (`signs`: the account has a person to sign
    /// a review with); the reason when not.
    pub fn check(self, c: &PdcaCycle, acting: &PdcaActing, signs: bool) -> Result<(), Invalid> {
        if self == PdcaWork::Review {
            if !(acting.lead || acting.hr) || acting.owner {
                return Err(rule("reviewer", "pdca_review_by_lead"));
            }
            if !signs {
                return Err(rule("reviewer", "pdca_review_needs_person"));
            }
            return Ok(());
        }
        if !acting.may_move() {
            return Err(rule("phase", "pdca_owner_or_lead"));
        }
        let (phases, not_now): (&[Phase], _) = match self {
            PdcaWork::Plan => (&[Phase::Plan], "pdca_plan_phase"),
            PdcaWork::AddAction => (&[Phase::Plan, Phase::Do], "pdca_plan_phase"),
            PdcaWork::ActionDone => (&[Phase::Do], "pdca_plan_phase"),
            PdcaWork::Checkin => (&[Phase::Do, Phase::Check], "pdca_checkin_phase"),
            PdcaWork::Attach => (&[Phase::Check, Phase::Act], "pdca_evidence_phase"),
            PdcaWork::Review => unreachable!("checked above"),
        };
        if !phases.contains(&c.phase) {
            return Err(rule("phase", not_now));
        }
        Ok(())
    }
}

/// A cycle's move as a menu offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdcaMove {
    Work(PdcaWork),
    Step(PdcaStep),
}

/// The cycle's moves as `acting` sees them, in the menu's order: the work open to them
/// now (one `ActionDone` and one `Attach` standing for each open action and survey), and
/// the next phase move, open or with the reason it is not ready.
pub fn choices(
    c: &PdcaCycle,
    acting: &PdcaActing,
    actions: usize,
    signs: bool,
) -> Vec<Choice<PdcaMove>> {
    use PdcaWork as W;
    let mut out = Vec::new();
    let work = |w: PdcaWork, out: &mut Vec<Choice<PdcaMove>>| {
        if w.check(c, acting, signs).is_ok() {
            out.push(Choice::Open(PdcaMove::Work(w)));
        }
    };
    work(W::Plan, &mut out);
    work(W::AddAction, &mut out);
    if let Some(s) = PdcaStep::next_for(c.phase) {
        out.push(match s.check(c, acting, actions) {
            Ok(()) => Choice::Open(PdcaMove::Step(s)),
            Err(inv) => Choice::Blocked(PdcaMove::Step(s), inv),
        });
    }
    for w in [W::Checkin, W::Review, W::ActionDone, W::Attach] {
        work(w, &mut out);
    }
    out
}

/// What a move writes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PdcaInput {
    /// Check: the measured result.
    pub result: Option<f64>,
    /// Act: what to improve next time.
    pub improvements: String,
}

fn rule(field: &'static str, rule: &'static str) -> Invalid {
    Invalid::one(field, Problem::Rule { rule })
}

impl PdcaStep {
    /// The move that follows the cycle's phase, if any.
    pub fn next_for(phase: Phase) -> Option<PdcaStep> {
        match phase {
            Phase::Plan => Some(PdcaStep::Do),
            Phase::Do => Some(PdcaStep::Check),
            Phase::Check => Some(PdcaStep::Act),
            Phase::Act => Some(PdcaStep::Close),
            Phase::Closed => None,
        }
    }

    fn start_phase(self) -> Phase {
        match self {
            PdcaStep::Do => Phase::Plan,
            PdcaStep::Check => Phase::Do,
            PdcaStep::Act => Phase::Check,
            PdcaStep::Close => Phase::Act,
        }
    }

    fn end_phase(self) -> Phase {
        match self {
            PdcaStep::Do => Phase::Do,
            PdcaStep::Check => Phase::Check,
            PdcaStep::Act => Phase::Act,
            PdcaStep::Close => Phase::Closed,
        }
    }

    /// Whether `acting` may make this move on `c`; `actions` is the number of actions
    /// the cycle's plan holds.
    pub fn check(self, c: &PdcaCycle, acting: &PdcaActing, actions: usize) -> Result<(), Invalid> {
        if !acting.may_move() {
            return Err(rule("phase", "pdca_owner_or_lead"));
        }
        if c.phase != self.start_phase() {
            return Err(rule(
                "phase",
                if c.phase > self.start_phase() {
                    "pdca_phase_passed"
                } else {
                    "pdca_phase_not_yet"
                },
            ));
        }
        if self == PdcaStep::Do {
            let mut missing = Vec::new();
            if c.metric.trim().is_empty() {
                missing.push(super::FieldError {
                    field: "metric",
                    problem: Problem::Required,
                });
            }
            if c.target.is_none() {
                missing.push(super::FieldError {
                    field: "target",
                    problem: Problem::Required,
                });
            }
            if actions == 0 {
                missing.push(super::FieldError {
                    field: "actions",
                    problem: Problem::Rule {
                        rule: "pdca_needs_actions",
                    },
                });
            }
            if !missing.is_empty() {
                return Err(Invalid(missing));
            }
        }
        Ok(())
    }

    /// The cycle after the move; for `Close`, also the next turn of the spiral, which
    /// links back, starts from this result and carries the Act notes into its Plan.
    pub fn apply(
        self,
        c: &PdcaCycle,
        acting: &PdcaActing,
        actions: usize,
        input: &PdcaInput,
        today: Date,
    ) -> Result<(PdcaCycle, Option<PdcaCycle>), Invalid> {
        self.check(c, acting, actions)?;
        let mut n = c.clone();
        n.phase = self.end_phase();
        match self {
            PdcaStep::Act => {
                n.result = input.result.or(c.result);
                if n.result.is_none() {
                    return Err(Invalid::one("result", Problem::Required));
                }
            }
            PdcaStep::Close => {
                if !input.improvements.trim().is_empty() {
                    n.improvements = input.improvements.clone();
                }
                if n.improvements.trim().is_empty() {
                    return Err(Invalid::one("improvements", Problem::Required));
                }
                n.progress = 100;
            }
            _ => {}
        }
        n.validate()?;
        let next = (self == PdcaStep::Close).then(|| PdcaCycle {
            id: 0,
            owner_staff_id: n.owner_staff_id,
            owner_unit_id: n.owner_unit_id,
            // The next turn begins now, never in a year before this one.
            fiscal_year: today.fiscal_year().max(n.fiscal_year),
            title: n.title.clone(),
            goal: n.goal.clone(),
            metric: n.metric.clone(),
            metric_unit: n.metric_unit.clone(),
            lower_is_better: n.lower_is_better,
            baseline: n.result,
            target: None,
            result: None,
            plan_notes: n.improvements.clone(),
            improvements: String::new(),
            phase: Phase::Plan,
            prev_id: Some(n.id),
            progress: 0,
            version: 0,
        });
        Ok((n, next))
    }
}
