//! Workflows from the screens (`m`): each workflow is one file here implementing
//! `Workflow` — which moves its record offers this account (as the domain decides, the
//! same rule the command line follows), what a move's form starts from, and the store's
//! move that makes it. The registry (`app::view`) says which view opens which workflow;
//! `menu.rs` is the menu and the move's form, the same for all.

mod eval;
mod exams;
mod fields;
pub mod menu;
mod pdca;
mod registers;
mod reorg;
mod steps;
mod teinen;
pub(super) mod transfer;
mod words;

use fields::*;
use serde_json::Value;

pub use eval::EVALUATION;
pub use exams::EXAM;
pub use menu::MoveMenu;
pub use pdca::PDCA;
pub use registers::{OJT, SESSION};
pub use reorg::{REORG_PLAN, REORG_STEP};
pub use steps::{AWARD, ENROLMENT};
pub use teinen::TEINEN;
pub use transfer::TRANSFER_PLAN;

use super::App;
use super::form::field::FieldSpec;
use crate::domain::eval_flow::EvalStep;
use crate::domain::evaluation::Grade;
use crate::domain::pdca_flow::PdcaStep;
use crate::domain::{Date, Id};
use crate::i18n::Lang;
use crate::store::StoreError;

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
    /// A reorganisation applied (施行), moving so many people.
    ApplyReorg(usize),
    /// A reorganisation plan set aside.
    DiscardReorg,
    /// The year's 定年退職, everyone due at once.
    Teinen,
    /// One's own application for a round of promotion selection.
    ExamApply,
    /// The applications the year's self-reports wished for, brought into a round.
    ExamWishes,
    /// A round's applications closed.
    ExamClose,
    /// A round's results announced.
    ExamAnnounce,
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
            Move::ApplyReorg(_) => lang.t("ui.move_apply_reorg"),
            Move::DiscardReorg => lang.t("ui.move_discard_reorg"),
            Move::Teinen => lang.t("ui.move_teinen"),
            Move::ExamApply => lang.t("ui.move_exam_apply"),
            Move::ExamWishes => lang.t("ui.move_exam_wishes"),
            Move::ExamClose => lang.t("ui.move_exam_close"),
            Move::ExamAnnounce => lang.t("ui.move_exam_announce"),
        }
    }

    /// What the move writes; an empty list asks for a yes instead of a form.
    pub fn fields(self) -> &'static [FieldSpec] {
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
            | Move::Compare(_)
            | Move::ApplyReorg(_)
            | Move::DiscardReorg
            | Move::Teinen
            | Move::ExamApply
            | Move::ExamWishes
            | Move::ExamClose
            | Move::ExamAnnounce => &[],
            Move::OjtLog => OJT_LOG,
            Move::Plan => PLAN,
            Move::AddAction => ADD_ACTION,
            Move::Review => REVIEW,
            Move::Checkin => CHECKIN,
        }
    }
}

/// The moves a record offers, as the menu shows them.
pub struct Menu {
    /// The version of the record the moves apply to.
    pub version: i64,
    /// The record as this account may see it, read once for the menu: the forms of its
    /// moves start from it.
    pub record: Value,
    /// Each move open to this account, with the words the menu shows for it.
    pub moves: Vec<(Move, String)>,
    /// Moves the record is ready for but not by this account, with the reason.
    pub blocked: Vec<(String, String)>,
}

impl Menu {
    fn of<T: serde::Serialize>(version: i64, record: &T) -> Menu {
        Menu {
            version,
            record: serde_json::to_value(record).unwrap_or(Value::Null),
            moves: Vec::new(),
            blocked: Vec::new(),
        }
    }

    /// A move open to this account, named by its label.
    fn open(&mut self, m: Move, app: &App) {
        self.moves.push((m, m.label(app.session.lang).to_string()));
    }

    /// A move not open to this account, with the reason.
    fn blocked(&mut self, m: Move, why: &crate::domain::Invalid, app: &App) {
        let lang = app.session.lang;
        self.blocked.push((
            m.label(lang).to_string(),
            crate::i18n::invalid_text(lang, why),
        ));
    }
}

/// One workflow: its menu, its forms and its moves.
pub trait Workflow: Sync {
    /// The moves the record `id` offers this account now.
    fn menu(&self, app: &App, id: Id) -> Result<Menu, StoreError>;
    /// Whether the menu opens with no row selected (with `id` 0).
    fn without_row(&self) -> bool {
        false
    }
    /// What the form of `m` starts from (the menu's record, unless the move writes a
    /// record of its own), and a note shown above its fields.
    fn form(
        &self,
        app: &App,
        menu_record: Value,
        m: Move,
    ) -> Result<(Value, Option<String>), StoreError> {
        let _ = (app, m);
        Ok((menu_record, None))
    }
    /// Makes the move with what its form says (`Null` when it asks nothing); returns the
    /// id of the record to show.
    fn apply(
        &self,
        app: &mut App,
        id: Id,
        version: i64,
        m: Move,
        input: &Value,
    ) -> Result<Id, StoreError>;
}

/// A text field of a move's form.
fn text_of(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn grade_of(v: &Value, key: &str) -> Option<Grade> {
    v.get(key)
        .and_then(Value::as_str)
        .and_then(Grade::from_code)
}

fn date_of(v: &Value, key: &str) -> Option<Date> {
    v.get(key)
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok())
}
