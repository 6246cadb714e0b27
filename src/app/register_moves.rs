//! Moves on the registers from the screens (`m`): applying for a training session (for
//! oneself, or for the person in focus), writing a log on an OJT pair one belongs to,
//! and comparing a transfer plan with another.

use serde_json::Value;

use super::flow::{Move, date_of, text_of};
use super::{App, Modal};
use crate::domain::Id;
use crate::domain::training::{OjtLog, OjtPair, TrainingSession};
use crate::domain::transfer::{PlanState, TransferPlan};
use crate::store::StoreError;

impl App {
    /// Apply for the session: oneself, and the person in focus when someone else.
    pub(super) fn session_menu(
        &self,
        id: Id,
        blocked: &mut Vec<(String, String)>,
    ) -> Result<(i64, Vec<(Move, String)>), StoreError> {
        let lang = self.lang;
        let s: TrainingSession = self.db.get(id)?;
        let mut moves = Vec::new();
        let people = self.me.iter().chain(
            self.focus
                .iter()
                .filter(|f| self.me.as_ref().is_none_or(|m| m.id != f.id)),
        );
        let applied = self.db.applicants(id)?;
        for p in people {
            let m = Move::Apply(p.id);
            let text = lang.tf("ui.move_apply_for", &[("name", &p.full_name())]);
            if applied.contains(&p.id) {
                blocked.push((text, lang.t("rule.enrol_already").to_string()));
            } else {
                moves.push((m, text));
            }
        }
        if s.ends_on < self.today {
            let why = lang.t("rule.enrol_session_over").to_string();
            for (_, text) in moves.drain(..) {
                blocked.push((text, why.clone()));
            }
        }
        Ok((s.version, moves))
    }

    /// Write a log, for the two people of the pair.
    pub(super) fn ojt_menu(
        &self,
        id: Id,
        blocked: &mut Vec<(String, String)>,
    ) -> Result<(i64, Vec<(Move, String)>), StoreError> {
        let lang = self.lang;
        let p: OjtPair = self.db.get(id)?;
        let label = Move::OjtLog.label(lang).to_string();
        let mine = self
            .me
            .as_ref()
            .is_some_and(|me| me.id == p.mentor_id || me.id == p.mentee_id);
        if mine {
            return Ok((p.version, vec![(Move::OjtLog, label)]));
        }
        blocked.push((label, lang.t("rule.ojt_log_not_yours").to_string()));
        Ok((p.version, Vec::new()))
    }

    /// Compare with each other plan not yet applied.
    pub(super) fn compare_menu(
        &self,
        p: &TransferPlan,
        moves: &mut Vec<(Move, String)>,
    ) -> Result<(), StoreError> {
        for other in self.db.transfer_plans()? {
            if other.id != p.id && other.state != PlanState::Applied {
                let text = self.lang.tf(
                    "ui.move_compare_with",
                    &[("id", &other.id), ("name", &other.name)],
                );
                moves.push((Move::Compare(other.id), text));
            }
        }
        Ok(())
    }

    /// The comparison, read in a message: nothing is written.
    pub(super) fn show_compare(&mut self, a: Id, b: Id) -> Result<(), StoreError> {
        let mut lines = crate::i18n::plan_diff_lines(self.lang, &self.db, a, b)?;
        // What the box cannot hold is counted, with where to read it whole.
        let room = (self.size.1 as usize).saturating_sub(10).max(3);
        if lines.len() > room {
            let more = lines.len() - (room - 1);
            lines.truncate(room - 1);
            lines.push(
                self.lang
                    .tf("ui.compare_more", &[("n", &more), ("a", &a), ("b", &b)]),
            );
        }
        let text = if lines.is_empty() {
            self.lang.t("cli.plan_same").to_string()
        } else {
            lines.join("\n")
        };
        self.modals.push(Modal::Message { text });
        Ok(())
    }

    /// The form a register's move starts from.
    pub(super) fn register_move_base(&self, m: Move) -> Value {
        match m {
            Move::OjtLog => serde_json::json!({ "logged_on": self.today.iso(), "body": "" }),
            _ => Value::Null,
        }
    }

    pub(super) fn make_register_move(
        &mut self,
        id: Id,
        m: Move,
        v: &Value,
    ) -> Result<Id, StoreError> {
        let who = self.actor();
        match m {
            Move::Apply(staff) => self
                .db
                .apply_for_session(id, staff, who, self.today)
                .map(|_| id),
            Move::OjtLog => {
                let mut log = OjtLog {
                    id: 0,
                    pair_id: id,
                    author_id: self.me.as_ref().map(|s| s.id).unwrap_or(0),
                    logged_on: date_of(v, "logged_on").unwrap_or(self.today),
                    body: text_of(v, "body"),
                    version: 0,
                };
                self.db.save_ojt_log(&mut log, who).map(|_| id)
            }
            _ => Ok(id),
        }
    }
}
