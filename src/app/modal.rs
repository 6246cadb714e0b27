//! Modals take keys before the tab under them: questions (a delete asked first, a yes
//! that makes a move) and the search box, and what a modal is. The forms are `forms.rs`'s.

use super::action::Action;
use super::action::Mode;
use super::execute::Command;
use super::form::Form;
use super::view::View;
use super::{App, files, moves, picker, search};
use crate::domain::Id;
use crate::store::StoreError;

pub enum Confirm {
    Delete {
        view: View,
        id: Id,
        version: i64,
    },
    DropChanges,
    Reload,
    /// A write asked first: a workflow move that writes nothing but itself (disclose,
    /// start Do), or a save or move that locks the record for its author.
    Write(Box<Command>),
}

pub enum Modal {
    Form(Form),
    Confirm {
        question: String,
        on_yes: Confirm,
    },
    Help,
    Message {
        text: String,
    },
    Search(search::SearchBox),
    /// A reference field's value chosen from a list, over its form.
    Picker(Box<picker::Picker>),
    Moves(moves::MoveMenu),
    /// A move's form: what the move writes besides itself.
    Move(moves::menu::MoveForm),
    /// The selected record in full.
    Detail,
    /// `x`: the list to a file, a backup.
    Files(files::FileMenu),
    /// The bar of the job under way (`App::job`).
    Job,
    /// The day 定数・現員 counts on (`as_of`): one date field.
    AsOf(Form),
}

impl Modal {
    /// The form a modal holds: a record's, or a move's.
    pub fn form(&self) -> Option<&Form> {
        match self {
            Modal::Form(f) | Modal::AsOf(f) => Some(f),
            Modal::Move(m) => Some(&m.form),
            _ => None,
        }
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        match self {
            Modal::Form(f) | Modal::AsOf(f) => Some(f),
            Modal::Move(m) => Some(&mut m.form),
            _ => None,
        }
    }

    pub(super) fn mode(&self) -> Mode {
        match self {
            Modal::Form(_) | Modal::Move(_) | Modal::AsOf(_) => Mode::Form,
            Modal::Confirm { .. } => Mode::Confirm,
            Modal::Help => Mode::Help,
            Modal::Message { .. } => Mode::Message,
            Modal::Search(_) => Mode::Search,
            Modal::Picker(_) => Mode::Picker,
            Modal::Moves(_) | Modal::Files(_) => Mode::Menu,
            Modal::Detail => Mode::Message,
            Modal::Job => Mode::Progress,
        }
    }
}

impl App {
    /// `d`: asks before deleting the selected record, naming it.
    pub(super) fn ask_delete(&mut self) -> Result<(), StoreError> {
        let view = self.view();
        let Some(l) = self.list() else {
            return Ok(());
        };
        let (Some(ed), Some(row)) = (view.editor(), l.current()) else {
            return Ok(());
        };
        let id = row.id;
        // Name the record as the list shows it (codes by their labels), so the question
        // cannot be answered for the wrong one.
        let which = l
            .view
            .columns
            .iter()
            .zip(&row.cells)
            .take(3)
            .map(|(col, c)| super::files::shown_cell(self.session.lang, col, c).as_text())
            .collect::<Vec<_>>()
            .join(" ");
        let rec = ed.load(&self.session.db, id, self.session.actor())?;
        ed.may_delete(&rec, self.session.actor())?;
        let version = rec.get("version").and_then(|v| v.as_i64()).unwrap_or(0);
        let what = self.session.lang.t(&format!("record.{}", view.name()));
        let question = self
            .session
            .lang
            .tf("ui.confirm_delete", &[("what", &what), ("which", &which)]);
        self.modals.push(Modal::Confirm {
            question,
            on_yes: Confirm::Delete { view, id, version },
        });
        Ok(())
    }

    pub(super) fn confirm_action(&mut self, action: Action) -> Result<Option<Command>, StoreError> {
        let yes = match action {
            Action::Yes => true,
            Action::No | Action::Cancel => false,
            _ => return Ok(None),
        };
        let Some(Modal::Confirm { on_yes, .. }) = self.modals.pop() else {
            return Ok(None);
        };
        if !yes {
            return Ok(None);
        }
        match on_yes {
            Confirm::Delete { view, id, version } => {
                return Ok(Some(Command::Delete { view, id, version }));
            }
            Confirm::Write(command) => return Ok(Some(*command)),
            Confirm::DropChanges => {
                self.modals.pop();
            }
            Confirm::Reload => {
                if let Some(Modal::Form(form)) = self.modals.pop()
                    && let (Some(ed), Some(id)) = (form.view.editor(), form.id)
                {
                    let base = ed.load(&self.session.db, id, self.session.actor())?;
                    let fresh = Form::new(form.view, Some(id), base, ed.fields(), &self.session.db);
                    self.modals.push(Modal::Form(fresh));
                }
            }
        }
        Ok(None)
    }

    pub(super) fn search_action(&mut self, action: Action) -> Result<(), StoreError> {
        let Some(Modal::Search(sb)) = self.modals.last_mut() else {
            return Ok(());
        };
        match action {
            Action::Cancel => {
                self.modals.pop();
                return Ok(());
            }
            Action::Submit => {
                let pick = sb.results.get(sb.selected).map(|f| f.staff.clone());
                self.modals.pop();
                if let Some(p) = pick {
                    self.nav.focus = Some(p);
                    self.refresh()?;
                }
                return Ok(());
            }
            Action::Up => sb.selected = sb.selected.saturating_sub(1),
            Action::Down => sb.selected = (sb.selected + 1).min(sb.results.len().saturating_sub(1)),
            Action::Char(c) => sb.text.push(c),
            Action::Paste(s) => sb.text.push_str(s.lines().next().unwrap_or("")),
            Action::Backspace => {
                sb.text.pop();
            }
            _ => return Ok(()),
        }
        // A keystroke searches again when it changes what is searched for.
        let needle = search::needle(&sb.text);
        if sb.found_for == needle && needle.is_some() {
            return Ok(());
        }
        sb.found_for = needle.clone();
        // Only people the account may see are found.
        sb.results = match needle {
            Some(n) => search::find(&self.session.db, &self.session.visible, &n)?,
            None => Vec::new(),
        };
        sb.selected = sb.selected.min(sb.results.len().saturating_sub(1));
        Ok(())
    }
}
