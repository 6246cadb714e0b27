//! A record's form on screen: opened on a record (or the one a worklist's row lacks),
//! typed into, and saved as a `Command` for `execute`; what follows the write (the form
//! closes and the list shows the record, or the problems go under its fields).

use super::action::Action;
use super::editors::{NewCtx, SaveCtx};
use super::execute::Command;
use super::form::{self, Form};
use super::view::View;
use super::{App, Confirm, Modal};
use crate::domain::Id;
use crate::domain::staff::Staff;
use crate::i18n::error_text;
use crate::store::StoreError;

impl App {
    pub(super) fn open_form(&mut self, id: Option<Id>) -> Result<(), StoreError> {
        let (view, id, person) = self.form_target(id)?;
        let Some(ed) = view.editor() else {
            return Ok(());
        };
        let base = match id {
            Some(id) => ed.load(&self.session.db, id, self.session.actor())?,
            None => ed.blank(&NewCtx {
                db: &self.session.db,
                today: self.session.today,
                fiscal_year: self.nav.fiscal_year,
                // Someone outside the HR office writes their own records.
                staff: person.as_ref().or(self.nav.focus.as_ref().or(self
                    .session
                    .me
                    .as_ref()
                    .filter(|_| !self.can_write()))),
                me: self.session.me.as_ref(),
                role: self.session.account.role,
            }),
        };
        let fields = ed.fields_for(&self.session.db, &base, self.save_ctx().who)?;
        // Nothing here is this account's to write: say so rather than open an empty form.
        if fields.is_empty() {
            return Err(crate::domain::Invalid::one(
                ed.owner_field(),
                crate::domain::Problem::Rule {
                    rule: ed.not_yours(&base),
                },
            )
            .into());
        }
        let mut form = Form::new(view, id, base, &fields, &self.session.db);
        form.note = view
            .spec()
            .form_note
            .map(|k| self.session.lang.t(k).to_string());
        self.modals.push(Modal::Form(form));
        Ok(())
    }

    /// The record a form opens on. A worklist's row opens the record its person lacks
    /// (their self-report of the year, the draft if begun; a new enrolment; their move in
    /// the plan being drafted).
    fn form_target(&self, id: Option<Id>) -> Result<(View, Option<Id>, Option<Staff>), StoreError> {
        let view = self.view();
        if !view.is_worklist() {
            return Ok((view, id, None));
        }
        let target = view.writes();
        let person_id = match (id, view.rows_are().editor()) {
            (Some(id), Some(ed)) => ed
                .load(&self.session.db, id, self.session.actor())?
                .get(view.spec().person)
                .and_then(serde_json::Value::as_i64),
            _ => None,
        };
        let Some(person) = person_id
            .map(|id| self.session.db.find::<Staff>(id))
            .transpose()?
            .flatten()
        else {
            return Ok((target, None, None));
        };
        let existing = match target.editor() {
            Some(ed) => ed.existing(&self.session.db, person.id, self.nav.fiscal_year)?,
            None => None,
        };
        Ok((target, existing, Some(person)))
    }

    /// Who writes from the screens, and when.
    pub(super) fn save_ctx(&self) -> SaveCtx<'_> {
        SaveCtx {
            who: self.session.actor(),
            today: self.session.today,
        }
    }

    pub(super) fn form_action(&mut self, action: Action) -> Result<(), StoreError> {
        let lang = self.session.lang;
        let screen = self.nav.size.0;
        let Some(form) = self.modals.last_mut().and_then(Modal::form_mut) else {
            return Ok(());
        };
        let n = form.fields.len();
        if n == 0 && !matches!(action, Action::Cancel) {
            return Ok(());
        }
        // A word on the last paste lasts until the next key.
        for f in &mut form.fields {
            f.info = None;
        }
        let width = form.value_width(lang, screen);
        let edits = matches!(
            action,
            Action::Char(_)
                | Action::Paste(_)
                | Action::Backspace
                | Action::DeleteChar
                | Action::ClearField
                | Action::Left
                | Action::Right
                | Action::Enter
        );
        let at = form.focus;
        let before = form.fields.get(at).map(|f| f.text.clone());
        match action {
            Action::Cancel => {
                if form.dirty {
                    let question = lang.t("ui.confirm_drop").to_string();
                    self.modals.push(Modal::Confirm {
                        question,
                        on_yes: Confirm::DropChanges,
                    });
                } else {
                    self.modals.pop();
                }
                return Ok(());
            }
            // A reference is chosen from its picker, opened by Enter or by typing (the
            // character begins the search).
            Action::Enter if form.fields[form.focus].spec.kind.is_reference() => {
                return self.open_picker(None);
            }
            Action::Char(c) if form.fields[form.focus].spec.kind.is_reference() => {
                return self.open_picker(Some(c));
            }
            Action::NextField => form.focus = (form.focus + 1) % n,
            Action::PrevField => form.focus = (form.focus + n - 1) % n,
            // In a text area ↑/↓ move by row; from its first (last) row, and elsewhere,
            // to the field before (after).
            Action::Down if !form.current().line(true, width) => {
                form.focus = (form.focus + 1) % n;
            }
            Action::Up if !form.current().line(false, width) => {
                form.focus = (form.focus + n - 1) % n;
            }
            Action::Enter => {
                let f = form.current();
                if f.spec.kind == form::FieldKind::Note {
                    f.insert("\n");
                } else {
                    form.focus = (form.focus + 1) % n;
                }
            }
            Action::Char(c) => {
                let f = form.current();
                if f.is_typed() {
                    f.insert(&c.to_string());
                } else if c == ' ' {
                    f.cycle(true);
                }
            }
            Action::Paste(s) => {
                let f = form.current();
                if f.is_typed() && f.paste(&s) == form::Pasted::Joined {
                    f.info = Some(lang.t("ui.paste_joined").to_string());
                }
            }
            Action::Backspace | Action::DeleteChar => {
                let f = form.current();
                if f.is_typed() {
                    if action == Action::Backspace {
                        f.backspace()
                    } else {
                        f.delete()
                    }
                } else {
                    // An optional choice can be emptied; a required one only changed.
                    f.clear();
                }
            }
            Action::ClearField => form.current().clear(),
            Action::Left | Action::Right => {
                let f = form.current();
                match (f.is_typed(), action == Action::Left) {
                    (true, true) => f.left(),
                    (true, false) => f.right(),
                    (false, left) => f.cycle(!left),
                }
            }
            Action::WordLeft => form.current().word_left(),
            Action::WordRight => form.current().word_right(),
            Action::Home => form.current().home(),
            Action::End => form.current().end(),
            _ => {}
        }
        // Only a change of a field's value makes the form one to ask about before leaving.
        if let Some(before) = before
            && edits
            && form.fields.get(at).map(|f| &f.text) != Some(&before)
        {
            form.dirty = true;
        }
        self.name_focused_reference();
        Ok(())
    }

    /// `Ctrl-S`: the form's record as a command for `execute`, once every field reads
    /// (problems go under the fields) and any question the save asks first is answered.
    pub(super) fn save_form(&mut self) -> Result<Option<Command>, StoreError> {
        let lang = self.session.lang;
        let (form, making) = match self.modals.last_mut() {
            Some(Modal::Form(f)) => (f, None),
            Some(Modal::Move(mf)) => (&mut mf.form, Some((mf.id, mf.version, mf.m))),
            _ => return Ok(None),
        };
        let Some(ed) = form.view.editor() else {
            return Ok(None);
        };
        form.error = None;
        let (json, read) = form.to_json(&self.session.db, lang);
        if !read {
            // Every problem at once: those of the fields that could not be read, and
            // what the record's rules say of the rest.
            if making.is_none()
                && let Some(inv) = ed.check(&json)
            {
                let rest = form.show_invalid(&inv, lang);
                if !rest.is_empty() {
                    form.error = Some(rest.join(" "));
                }
            }
            form.focus_first_error();
            return Ok(None);
        }
        let view = form.view;
        if let Some((id, version, m)) = making {
            let lock = m.locks().then(|| m.question(self, ""));
            let command = Command::Move {
                view,
                id,
                version,
                m,
                input: json,
            };
            return Ok(self.unless_it_locks(lock, command));
        }
        // A save that must ask first (why and from when a person's post changes) shows its
        // questions and waits for the next save.
        if let Some(ask) = ed.ask(&self.session.db, &json, self.session.today, lang)? {
            form.note = Some(ask.note);
            if form.ask_for(ask.fields, &ask.values, &self.session.db) {
                return Ok(None);
            }
        }
        let lock = ed.locks(&json).map(|key| lang.t(key).to_string());
        let command = Command::Save { view, record: json };
        Ok(self.unless_it_locks(lock, command))
    }

    /// A write that locks the record for its author asks first, saying what it locks;
    /// the yes makes it, with the form still under the question.
    fn unless_it_locks(&mut self, lock: Option<String>, command: Command) -> Option<Command> {
        let Some(question) = lock else {
            return Some(command);
        };
        self.modals.push(Modal::Confirm {
            question,
            on_yes: Confirm::Write(Box::new(command)),
        });
        None
    }

    /// What follows a form's write: the form closes and the list shows the record, or
    /// the problems go under the fields; a newer version asks to reload.
    pub(super) fn form_written(
        &mut self,
        written: Result<Id, StoreError>,
    ) -> Result<(), StoreError> {
        let lang = self.session.lang;
        let Some(top) = self.modals.last_mut() else {
            return Ok(());
        };
        let making = matches!(top, Modal::Move(_));
        let Some(form) = top.form_mut() else {
            return Ok(());
        };
        match written {
            Ok(id) => {
                self.modals.pop();
                self.refresh()?;
                // A worklist's rows are people, not the record saved: it keeps its place.
                if self.view().is_worklist() {
                    return Ok(());
                }
                self.keep_selection_on(id)
            }
            Err(StoreError::Invalid(inv)) => {
                let rest = form.show_invalid(&inv, lang);
                if !rest.is_empty() {
                    form.error = Some(rest.join(" "));
                }
                Ok(())
            }
            // A move on a record changed meanwhile starts again from the fresh record.
            Err(e @ StoreError::Conflict { .. }) if making => {
                self.modals.pop();
                self.refresh()?;
                Err(e)
            }
            Err(e @ StoreError::Conflict { .. }) => {
                // Two sentences, each on its line.
                let question = format!("{}\n{}", error_text(lang, &e), lang.t("ui.confirm_reload"));
                self.modals.push(Modal::Confirm {
                    question,
                    on_yes: Confirm::Reload,
                });
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// After a save the list keeps its place: on the saved row if it can find it.
    pub(super) fn keep_selection_on(&mut self, id: Id) -> Result<(), StoreError> {
        let db = &self.session.db;
        let view = self.view();
        if let Some(l) = self.nav.lists.get_mut(&view)
            && let Some(pos) = db.view_position(l.view, &l.query, id)?
        {
            l.select(db, pos)?;
        }
        Ok(())
    }
}
