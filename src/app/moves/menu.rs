//! The move menu (`m`) and a move's form, the same for every workflow: the moves the
//! record offers (and those it is ready for but not by this account, with the reason);
//! a move that writes only itself asks for a yes, one that writes more opens its form,
//! a modal of its own that holds the move and the version it applies to.

use serde_json::Value;

use super::Move;
use crate::app::action::Action;
use crate::app::execute::Command;
use crate::app::form::Form;
use crate::app::view::View;
use crate::app::{App, Confirm, Modal};
use crate::domain::Id;
use crate::store::StoreError;

/// The moves open on the selected record, to choose from.
pub struct MoveMenu {
    pub view: View,
    pub id: Id,
    pub version: i64,
    /// The record as the menu read it: a move's form starts from it.
    pub record: Value,
    /// Each move with the words the menu shows for it.
    pub moves: Vec<(Move, String)>,
    /// Moves the record is ready for but not by this account, with the reason.
    pub blocked: Vec<(String, String)>,
    pub selected: usize,
}

/// A move's form: what the move writes besides itself, and the move it makes on which
/// version of the record.
pub struct MoveForm {
    pub form: Form,
    pub id: Id,
    pub version: i64,
    pub m: Move,
}

impl App {
    /// `m`: the moves this account may make on the selected record now.
    pub(in crate::app) fn open_moves(&mut self) -> Result<(), StoreError> {
        let view = self.view();
        // A list without a workflow says so, rather than leave the key unanswered.
        let Some(flow) = view.spec().workflow else {
            self.modals.push(Modal::Message {
                text: self.session.lang.t("ui.no_workflow").into(),
            });
            return Ok(());
        };
        let Some(id) = self
            .list()
            .and_then(|l| l.current())
            .map(|r| r.id)
            .or(flow.without_row().then_some(0))
        else {
            return Ok(());
        };
        let menu = flow.menu(self, id)?;
        if menu.moves.is_empty() && menu.blocked.is_empty() {
            self.modals.push(Modal::Message {
                text: self.session.lang.t("ui.no_moves").into(),
            });
            return Ok(());
        }
        self.modals.push(Modal::Moves(MoveMenu {
            view,
            id,
            version: menu.version,
            record: menu.record,
            moves: menu.moves,
            blocked: menu.blocked,
            selected: 0,
        }));
        Ok(())
    }

    pub(in crate::app) fn menu_action(&mut self, action: Action) -> Result<(), StoreError> {
        let Some(Modal::Moves(menu)) = self.modals.last_mut() else {
            return Ok(());
        };
        match action {
            Action::Cancel => {
                self.modals.pop();
            }
            Action::Up => menu.selected = menu.selected.saturating_sub(1),
            Action::Down => {
                menu.selected = (menu.selected + 1).min(menu.moves.len().saturating_sub(1))
            }
            Action::Submit if !menu.moves.is_empty() => {
                if let Some(Modal::Moves(menu)) = self.modals.pop() {
                    self.start_move(menu)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Opens the chosen move's form, or asks for a yes when it writes nothing but the
    /// move.
    fn start_move(&mut self, menu: MoveMenu) -> Result<(), StoreError> {
        let (m, label) = menu.moves[menu.selected].clone();
        let (view, id, version) = (menu.view, menu.id, menu.version);
        if let Move::Compare(other) = m {
            return self.show_compare(id, other);
        }
        if m.fields().is_empty() {
            let question = match m {
                // The plan's warnings, listed: a yes accepts them.
                Move::ApplyPlan => super::transfer::apply_question(self, id)?,
                _ => m.question(self, &label),
            };
            self.modals.push(Modal::Confirm {
                question,
                on_yes: Confirm::Write(Box::new(Command::Move {
                    view,
                    id,
                    version,
                    m,
                    input: Value::Null,
                })),
            });
            return Ok(());
        }
        let Some(flow) = view.spec().workflow else {
            return Ok(());
        };
        let (base, note) = flow.form(self, menu.record, m)?;
        let mut form = Form::new(view, Some(id), base, m.fields(), &self.session.db);
        form.note = note;
        self.modals.push(Modal::Move(MoveForm {
            form,
            id,
            version,
            m,
        }));
        Ok(())
    }

    /// Makes the move through its view's workflow; returns the id to show.
    pub(in crate::app) fn make_move(
        &mut self,
        view: View,
        id: Id,
        version: i64,
        m: Move,
        input: &Value,
    ) -> Result<Id, StoreError> {
        match view.spec().workflow {
            Some(flow) => flow.apply(self, id, version, m, input),
            None => Ok(id),
        }
    }

    /// Two transfer plans side by side, read in a message: nothing is written.
    fn show_compare(&mut self, a: Id, b: Id) -> Result<(), StoreError> {
        let lang = self.session.lang;
        let mut lines = crate::i18n::plan_diff_lines(lang, &self.session.db, a, b)?;
        // What the box cannot hold is counted, with where to read it whole.
        let room = (self.nav.size.1 as usize).saturating_sub(10).max(3);
        if lines.len() > room {
            let more = lines.len() - (room - 1);
            lines.truncate(room - 1);
            lines.push(lang.tf("ui.compare_more", &[("n", &more), ("a", &a), ("b", &b)]));
        }
        let text = if lines.is_empty() {
            lang.t("cli.plan_same").to_string()
        } else {
            lines.join("\n")
        };
        self.modals.push(Modal::Message { text });
        Ok(())
    }
}
