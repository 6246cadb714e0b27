//! The workflow moves one can make from the screens (`m`): each move's name and the
//! fields its form writes. Which moves are open, and what they do, is the workflows'
//! (`app::flow` and the files beside it).

mod fields;

use fields::*;

use super::form::field::FieldSpec;
use crate::domain::Id;
use crate::domain::eval_flow::EvalStep;
use crate::domain::pdca_flow::PdcaStep;
use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Eval(EvalStep),
    Pdca(PdcaStep),
    /// A supervisor's review of a cycle.
    Review,
    /// A dated note of progress on a cycle.
    Checkin,
    /// A citizen survey attached to a cycle's Check as evidence.
    Attach(Id),
    /// The Plan written while in Plan: goal, metric, baseline, target, notes.
    Plan,
    /// An action with its due date added to the plan.
    AddAction,
    /// An action marked done.
    ActionDone(Id),
    /// A transfer plan applied (発令), all its moves at once.
    ApplyPlan,
    /// A transfer plan set aside.
    DiscardPlan,
    /// A training enrolment moved on (approved, attended, completed …).
    Enrol(crate::domain::steps::EnrolStep),
    /// An award reviewed or decided.
    Award(crate::domain::steps::AwardStep),
    /// Every long-service candidate of so many years nominated at once.
    LongService(i32),
    /// An application for a training session, for this person.
    Apply(Id),
    /// A log written on an OJT pair by one of its two people.
    OjtLog,
    /// A transfer plan read beside another (writes nothing).
    Compare(Id),
}

impl Move {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Move::Eval(s) => lang.label("eval_step", s.code()),
            Move::Pdca(s) => lang.label("pdca_step", s.code()),
            Move::Review => lang.t("ui.move_review"),
            Move::Checkin => lang.t("ui.move_checkin"),
            Move::Attach(_) => lang.t("ui.move_attach"),
            Move::Plan => lang.t("ui.move_plan"),
            Move::AddAction => lang.t("ui.move_add_action"),
            Move::ActionDone(_) => lang.t("ui.move_action_done"),
            Move::ApplyPlan => lang.t("ui.move_apply_plan"),
            Move::DiscardPlan => lang.t("ui.move_discard_plan"),
            Move::Enrol(s) => lang.label("enrol_step", s.code()),
            Move::Award(s) => lang.label("award_step", s.code()),
            Move::LongService(_) => lang.t("ui.move_long_service"),
            Move::Apply(_) => lang.t("ui.move_apply"),
            Move::OjtLog => lang.t("ui.move_ojt_log"),
            Move::Compare(_) => lang.t("ui.move_compare"),
        }
    }

    /// What the move writes; an empty list asks for a yes instead of a form.
    pub(super) fn fields(self) -> &'static [FieldSpec] {
        match self {
            Move::Eval(s) => match s {
                EvalStep::Submit => SUBMIT,
                EvalStep::First => FIRST,
                EvalStep::Second => SECOND,
                EvalStep::SendBack => SEND_BACK,
                EvalStep::Finalize => FINALIZE,
                EvalStep::Disclose => &[],
                EvalStep::Agree | EvalStep::Appeal => RESPONSE,
                EvalStep::Outcome => OUTCOME,
                EvalStep::Interviews => INTERVIEWS,
            },
            Move::Pdca(PdcaStep::Act) => RESULT,
            Move::Pdca(PdcaStep::Close) => IMPROVEMENTS,
            Move::Pdca(_)
            | Move::Attach(_)
            | Move::ActionDone(_)
            | Move::ApplyPlan
            | Move::DiscardPlan
            | Move::Enrol(_)
            | Move::Award(_)
            | Move::LongService(_)
            | Move::Apply(_)
            | Move::Compare(_) => &[],
            Move::OjtLog => OJT_LOG,
            Move::Plan => PLAN,
            Move::AddAction => ADD_ACTION,
            Move::Review => REVIEW,
            Move::Checkin => CHECKIN,
        }
    }
}
