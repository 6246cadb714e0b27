//! `execute`: the only place the screens write. `App::handle` turns a key into what it
//! asks for — a `Command` — and changes nothing in the database; `execute` hands the
//! command to the store (one transaction with its audit row) and shows what follows:
//! the list reloaded from the store, the form closed, or the problems under its fields.

use serde_json::Value;

use super::moves::Move;
use super::view::View;
use super::{App, Modal};
use crate::domain::Id;
use crate::domain::staff::Staff;
use crate::store::StoreError;

/// A write the screens ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A form's record through its view's editor: new (id 0) or a new version.
    Save { view: View, record: Value },
    /// A workflow move of the view's workflow, with what its form says (`Null` when it
    /// asks nothing).
    Move {
        view: View,
        id: Id,
        version: i64,
        m: Move,
        input: Value,
    },
    /// A record deleted, at the version the user saw.
    Delete { view: View, id: Id, version: i64 },
}

impl App {
    /// Makes the write and shows what follows: a word in the status line once written;
    /// problems end up in a message on screen.
    pub fn execute(&mut self, command: Command) {
        let word = self.word_after(&command);
        match self
            .write(command)
            .and_then(|written| self.follow_people().map(|_| written))
            .and_then(|written| self.load_detail().map(|_| written))
        {
            Ok(true) => self.shown.notice = word,
            Ok(false) => {}
            Err(e) => self.show_error(e),
        }
    }

    /// After a write, what shows people follows the records: the person in focus (the
    /// header, and what new forms start from, such as an award's unit) and the
    /// account's own person, read again.
    fn follow_people(&mut self) -> Result<(), StoreError> {
        let db = &self.session.db;
        if let Some(p) = &self.nav.focus {
            self.nav.focus = db.find::<Staff>(p.id)?;
        }
        if let Some(p) = &self.session.me {
            self.session.me = db.find::<Staff>(p.id)?;
        }
        Ok(())
    }

    /// The status line's word once `command` is written (「保存しました」).
    fn word_after(&self, command: &Command) -> Option<String> {
        let lang = self.session.lang;
        match command {
            Command::Save { .. } => Some(lang.t("done.saved").to_string()),
            Command::Delete { .. } => Some(lang.t("done.deleted").to_string()),
            Command::Move { id, m, .. } => m.done(self, *id),
        }
    }

    /// True once the store took the write.
    fn write(&mut self, command: Command) -> Result<bool, StoreError> {
        // A form on top asked for it; otherwise a question answered yes.
        let from_form = matches!(self.modals.last(), Some(Modal::Form(_) | Modal::Move(_)));
        let ctx = self.save_ctx();
        let (written, keep_place) = match command {
            Command::Save { view, record } => match view.editor() {
                Some(ed) => (ed.save(&self.session.db, record, ctx), true),
                None => return Ok(false),
            },
            Command::Move {
                view,
                id,
                version,
                m,
                input,
            } => (self.make_move(view, id, version, m, &input), true),
            Command::Delete { view, id, version } => match view.editor() {
                Some(ed) => (
                    ed.delete(&self.session.db, id, version, ctx).map(|_| id),
                    false,
                ),
                None => return Ok(false),
            },
        };
        if from_form {
            let ok = written.is_ok();
            return self.form_written(written).map(|_| ok);
        }
        let id = written?;
        self.refresh()?;
        if keep_place {
            self.keep_selection_on(id)?;
        }
        Ok(true)
    }
}
