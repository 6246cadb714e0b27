//! What a move says: the question before it (in the words of the move, and what it
//! locks when it makes a record read-only for its author) and the word after it in the
//! status line. Each move's words are catalogue keys named by its stem: `ask.<stem>`,
//! `lock.<stem>`, `done.<stem>`.

use super::Move;
use crate::app::App;
use crate::domain::Id;
use crate::domain::eval_flow::EvalStep;

impl Move {
    /// The name of the move's words in the catalogue.
    pub fn stem(self) -> String {
        match self {
            Move::Eval(s) => format!("eval.{}", s.code()),
            Move::Pdca(s) => format!("pdca.{}", s.code()),
            Move::Enrol(s) => format!("enrol.{}", s.code()),
            Move::Award(s) => format!("award.{}", s.code()),
            Move::Review => "review".into(),
            Move::Checkin => "checkin".into(),
            Move::Attach(_) => "attach".into(),
            Move::Plan => "plan".into(),
            Move::AddAction => "add_action".into(),
            Move::ActionDone(_) => "action_done".into(),
            Move::ApplyPlan => "apply_plan".into(),
            Move::DiscardPlan => "discard_plan".into(),
            Move::LongService(_) => "long_service".into(),
            Move::Apply(_) => "apply".into(),
            Move::OjtLog => "ojt_log".into(),
            Move::Compare(_) => "compare".into(),
            Move::ApplyReorg(_) => "apply_reorg".into(),
            Move::DiscardReorg => "discard_reorg".into(),
            Move::Teinen => "teinen".into(),
            Move::ExamApply => "exam_apply".into(),
            Move::ExamWishes => "exam_wishes".into(),
            Move::ExamClose => "exam_close".into(),
            Move::ExamAnnounce => "exam_announce".into(),
        }
    }

    /// Whether the move makes the record read-only for its author: the one list of such
    /// moves, which ask first and say what they lock.
    pub fn locks(self) -> bool {
        matches!(self, Move::Eval(EvalStep::Submit | EvalStep::Finalize))
    }

    /// The question asked before the move: what it locks, when it locks; otherwise the
    /// move in its own words (`label` is the menu's words for it, with its detail).
    pub fn question(self, app: &App, label: &str) -> String {
        let lang = app.session.lang;
        if self.locks() {
            return lang.t(&format!("lock.{}", self.stem())).to_string();
        }
        let name = match self {
            Move::Apply(staff) => app
                .session
                .db
                .find::<crate::domain::staff::Staff>(staff)
                .ok()
                .flatten()
                .map(|s| s.full_name())
                .unwrap_or_default(),
            _ => String::new(),
        };
        // Before a reorganisation: how many people it moves.
        let n = match self {
            Move::ApplyReorg(n) => n,
            _ => 0,
        };
        lang.tf(
            &format!("ask.{}", self.stem()),
            &[("move", &label), ("name", &name), ("n", &n)],
        )
    }

    /// The word in the status line once the move on record `id` is made; none for a move
    /// that writes nothing.
    pub fn done(self, app: &App, id: Id) -> Option<String> {
        let lang = app.session.lang;
        match self {
            Move::Compare(_) => None,
            // The session applied for, as people name it: `CMP01 2026-06-01`.
            Move::Apply(_) => {
                let db = &app.session.db;
                let ses = db
                    .find::<crate::domain::training::TrainingSession>(id)
                    .ok()
                    .flatten()?;
                let course = db
                    .find::<crate::domain::training::Course>(ses.course_id)
                    .ok()
                    .flatten()?;
                let day = app.session.date_style.show(ses.starts_on);
                let session = format!("{} {day}", course.code);
                Some(lang.tf("done.apply", &[("session", &session)]))
            }
            m => Some(lang.t(&format!("done.{}", m.stem())).to_string()),
        }
    }

    /// Every move, one of each kind, for a check that each has its words.
    pub fn every_kind() -> Vec<Move> {
        use crate::domain::pdca_flow::PdcaStep;
        use crate::domain::steps::{AwardStep, EnrolStep};
        let mut all: Vec<Move> = EvalStep::ALL.iter().map(|s| Move::Eval(*s)).collect();
        all.extend(PdcaStep::ALL.iter().map(|s| Move::Pdca(*s)));
        all.extend(EnrolStep::ALL.iter().map(|s| Move::Enrol(*s)));
        all.extend(AwardStep::ALL.iter().map(|s| Move::Award(*s)));
        all.extend([
            Move::Review,
            Move::Checkin,
            Move::Attach(0),
            Move::Plan,
            Move::AddAction,
            Move::ActionDone(0),
            Move::ApplyPlan,
            Move::DiscardPlan,
            Move::LongService(0),
            Move::Apply(0),
            Move::OjtLog,
            Move::Compare(0),
            Move::ApplyReorg(0),
            Move::DiscardReorg,
            Move::Teinen,
        ]);
        all
    }
}
