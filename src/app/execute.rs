//! `execute`: the only place the screens write. `App::handle` turns a key into what it
//! asks for — a `Command` — and changes nothing in the database; `execute` hands the
//! command to the store (one transaction with its audit row) and shows what follows:
//! the list reloaded from the store, the form closed, or the problems under its fields.

use serde_json::Value;

use super::moves::Move;
use super::view::View;
use super::{App, Modal};
use crate::domain::Id;
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
    /// Makes the write and shows what follows; problems end up in a message on screen.
    pub fn execute(&mut self, command: Command) {
        if let Err(e) = self.write(command).and_then(|_| self.load_detail()) {
            self.show_error(e);
        }
    }

    fn write(&mut self, command: Command) -> Result<(), StoreError> {
        // A form on top asked for it; otherwise a question answered yes.
        let from_form = matches!(self.modals.last(), Some(Modal::Form(_) | Modal::Move(_)));
        let ctx = self.save_ctx();
        let (written, keep_place) = match command {
            Command::Save { view, record } => match view.editor() {
                Some(ed) => (ed.save(&self.session.db, record, ctx), true),
                None => return Ok(()),
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
                None => return Ok(()),
            },
        };
        if from_form {
            return self.form_written(written);
        }
        let id = written?;
        self.refresh()?;
        if keep_place {
            self.keep_selection_on(id)?;
        }
        Ok(())
    }
}
