//! Modals take keys before the tab under them: the form (and its save, the only place a
//! record is written from the screens), questions, and the search box.

use super::action::Action;
use super::editors::{NewCtx, SaveCtx};
use super::execute::Command;
use super::form::{self, Form};
use super::view::View;
use super::{App, Confirm, Modal, search};
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

    pub(super) fn form_action(&mut self, action: Action) -> Result<(), StoreError> {
        let Some(form) = self.modals.last_mut().and_then(Modal::form_mut) else {
            return Ok(());
        };
        let n = form.fields.len();
        if n == 0 && !matches!(action, Action::Cancel) {
            return Ok(());
        }
        match action {
            Action::Cancel => {
                if form.dirty {
                    let question = self.session.lang.t("ui.confirm_drop").to_string();
                    self.modals.push(Modal::Confirm {
                        question,
                        on_yes: Confirm::DropChanges,
                    });
                } else {
                    self.modals.pop();
                }
            }
            Action::NextField => form.focus = (form.focus + 1) % n,
            Action::PrevField => form.focus = (form.focus + n - 1) % n,
            Action::Char(c) => {
                let f = form.current();
                let before = f.text.clone();
                if f.is_typed() {
                    f.insert(&c.to_string());
                } else if c == ' ' {
                    f.cycle(true);
                }
                form.dirty |= form.current().text != before;
            }
            Action::Paste(s) => {
                let f = form.current();
                if f.is_typed() {
                    let s = if f.spec.kind == form::FieldKind::Note {
                        s
                    } else {
                        s.replace(['\r', '\n'], " ")
                    };
                    f.insert(s.trim_end_matches(['\r', '\n']));
                    form.dirty = true;
                }
            }
            Action::Backspace | Action::DeleteChar => {
                let f = form.current();
                let before = f.text.clone();
                if f.is_typed() {
                    if action == Action::Backspace {
                        f.backspace()
                    } else {
                        f.delete()
                    }
                } else if matches!(f.spec.kind, form::FieldKind::OptCode(..)) {
                    // An optional choice can be emptied; a required one only changed.
                    f.text.clear();
                }
                form.dirty |= form.current().text != before;
            }
            Action::Left | Action::Right => {
                let f = form.current();
                if f.is_typed() {
                    let len = f.text.chars().count();
                    f.cursor = if action == Action::Left {
                        f.cursor.saturating_sub(1)
                    } else {
                        (f.cursor + 1).min(len)
                    };
                } else {
                    f.cycle(action == Action::Right);
                    form.dirty = true;
                }
            }
            Action::Home => form.current().cursor = 0,
            Action::End => {
                let f = form.current();
                f.cursor = f.text.chars().count();
            }
            _ => {}
        }
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
        let Some(json) = form.to_json(&self.session.db, lang) else {
            return Ok(None);
        };
        if let Some((id, version, m)) = making {
            return Ok(Some(Command::Move {
                view: form.view,
                id,
                version,
                m,
                input: json,
            }));
        }
        // A save that must ask first (why and from when a person's post changes) shows its
        // questions and waits for the next save.
        if let Some(ask) = ed.ask(&self.session.db, &json, self.session.today, lang)? {
            form.note = Some(ask.note);
            if form.ask_for(ask.fields, &ask.values, &self.session.db) {
                return Ok(None);
            }
        }
        Ok(Some(Command::Save {
            view: form.view,
            record: json,
        }))
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
                let question = format!("{} {}", error_text(lang, &e), lang.t("ui.confirm_reload"));
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
            Confirm::Move {
                view,
                id,
                version,
                m,
            } => {
                return Ok(Some(Command::Move {
                    view,
                    id,
                    version,
                    m,
                    input: serde_json::Value::Null,
                }));
            }
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
                let pick = sb.results.get(sb.selected).cloned();
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
        sb.results = match needle {
            // Only people the account may see are found.
            Some(n) => {
                // Fifty are shown; more are read only to be left out by what one may see.
                let limit = if self.session.visible.is_all() {
                    50
                } else {
                    200
                };
                let mut found = self.session.db.search_staff(&n, limit)?;
                found.retain(|s| self.session.visible.sees(s));
                found.truncate(50);
                found
            }
            None => Vec::new(),
        };
        sb.selected = sb.selected.min(sb.results.len().saturating_sub(1));
        Ok(())
    }
}
