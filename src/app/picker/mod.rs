//! Pickers: a reference field (a unit, a person, a session, a course) filled by choosing
//! from a list rather than typing a code from memory. A picker opens over its form on
//! Enter or on typing into the field (the character typed begins the search), takes keys
//! before it, and on Enter writes the chosen code into the field (a person is added to a
//! list of people); Esc leaves the field as it was.

mod find;
mod units;

use super::form::reference_name;
use units::UnitTree;

use super::action::Action;
use super::form::FieldKind;
use super::session::Session;
use super::{App, Modal};
use crate::domain::Id;
use crate::store::StoreError;

/// What a picker chooses from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickKind {
    Unit,
    Staff,
    Session,
    Course,
    ExamKind,
}

impl PickKind {
    pub fn of(kind: FieldKind) -> Option<PickKind> {
        Some(match kind {
            FieldKind::Unit | FieldKind::OptUnit => PickKind::Unit,
            FieldKind::Staff | FieldKind::OptStaff | FieldKind::StaffList => PickKind::Staff,
            FieldKind::Session => PickKind::Session,
            FieldKind::Course => PickKind::Course,
            FieldKind::ExamKind => PickKind::ExamKind,
            _ => return None,
        })
    }

    /// Its catalogue name (`picker.hint_<name>`).
    pub fn name(self) -> &'static str {
        match self {
            PickKind::Unit => "unit",
            PickKind::Staff => "staff",
            PickKind::Session => "session",
            PickKind::Course => "course",
            PickKind::ExamKind => "exam_kind",
        }
    }
}

/// One thing offered.
#[derive(Debug, Clone, PartialEq)]
pub struct PickRow {
    /// What the field takes: a code, a staff number, `CODE YYYY-MM-DD`.
    pub value: String,
    /// What the form shows beside it.
    pub name: String,
    /// The columns of its line (a unit's name indented by its depth in the tree).
    pub cells: Vec<String>,
    /// The unit of a unit's row (for opening and closing branches).
    pub unit: Option<Id>,
}

pub struct Picker {
    pub kind: PickKind,
    /// The label key of the field it fills (`col.<field>`).
    pub field: &'static str,
    /// What is typed to search.
    pub text: String,
    pub rows: Vec<PickRow>,
    pub selected: usize,
    /// The first row in view.
    pub top: usize,
    /// Several people: a pick adds to the field rather than replacing it.
    append: bool,
    /// The field's value when the picker opened.
    current: String,
    tree: Option<UnitTree>,
}

/// The height of a picker's box on a screen `screen_h` rows high.
pub fn box_height(screen_h: u16) -> u16 {
    screen_h.saturating_sub(4).min(24)
}

/// The rows of its list: the box less its borders, the search line and the hint.
pub fn list_rows(screen_h: u16) -> usize {
    box_height(screen_h).saturating_sub(4).max(1) as usize
}

impl Picker {
    /// The rows for what is typed (the unit tree when nothing is).
    fn find(&mut self, s: &Session) -> Result<(), StoreError> {
        self.rows = match self.kind {
            PickKind::Unit => match &self.tree {
                Some(t) if self.text.trim().is_empty() => t.rows(),
                Some(t) => t.search(&self.text),
                None => Vec::new(),
            },
            PickKind::Staff => {
                let current = (!self.append).then_some(self.current.as_str());
                find::people_rows(s, &self.text, current)?
            }
            PickKind::Session => find::session_rows(s, &self.text)?,
            PickKind::Course => find::course_rows(s, &self.text)?,
            PickKind::ExamKind => find::exam_kind_rows(s, &self.text)?,
        };
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        Ok(())
    }

    /// ←/→ on the unit tree: a branch closes (or the selection climbs) and opens.
    fn fold(&mut self, open: bool) {
        if !self.text.trim().is_empty() {
            return;
        }
        let id = self.rows.get(self.selected).and_then(|r| r.unit);
        let (Some(tree), Some(id)) = (self.tree.as_mut(), id) else {
            return;
        };
        let select = if open {
            tree.open(id);
            id
        } else {
            tree.close(id)
        };
        self.rows = tree.rows();
        self.selected = self
            .rows
            .iter()
            .position(|r| r.unit == Some(select))
            .unwrap_or(0);
    }

    /// Keeps the selected row within the `page` rows in view.
    fn scroll(&mut self, page: usize) {
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + page {
            self.top = self.selected + 1 - page;
        }
        self.top = self.top.min(self.rows.len().saturating_sub(1));
    }
}

impl App {
    /// Opens the picker of the focused field, its search begun with `first` when the
    /// user typed into the field; the field's value is selected when it is offered.
    pub(super) fn open_picker(&mut self, first: Option<char>) -> Result<(), StoreError> {
        let Some(form) = self.modals.last().and_then(Modal::form) else {
            return Ok(());
        };
        let Some(field) = form.fields.get(form.focus) else {
            return Ok(());
        };
        let Some(kind) = PickKind::of(field.spec.kind) else {
            return Ok(());
        };
        let mut p = Picker {
            kind,
            field: field.spec.key,
            text: first.map(String::from).unwrap_or_default(),
            rows: Vec::new(),
            selected: 0,
            top: 0,
            append: field.spec.kind == FieldKind::StaffList,
            current: field.text.trim().to_string(),
            tree: None,
        };
        if kind == PickKind::Unit {
            let all = self.session.db.units()?;
            p.tree = Some(UnitTree::new(all, self.session.today, &p.current));
        }
        p.find(&self.session)?;
        if p.text.is_empty()
            && let Some(i) = p.rows.iter().position(|r| r.value == p.current)
        {
            p.selected = i;
        }
        p.scroll(list_rows(self.nav.size.1));
        self.modals.push(Modal::Picker(Box::new(p)));
        Ok(())
    }

    pub(super) fn picker_action(&mut self, action: Action) -> Result<(), StoreError> {
        let page = list_rows(self.nav.size.1);
        let Some(Modal::Picker(p)) = self.modals.last_mut() else {
            return Ok(());
        };
        let last = p.rows.len().saturating_sub(1);
        match action {
            Action::Cancel => {
                self.modals.pop();
                return Ok(());
            }
            Action::Submit => {
                // Nothing offered: what was typed goes in as typed, and the form names
                // the problem on save (a code of a unit since abolished still reads).
                let typed = p.text.trim();
                let chosen = match p.rows.get(p.selected) {
                    Some(r) => Some(r.value.clone()),
                    None => (!typed.is_empty()).then(|| typed.to_string()),
                };
                let append = p.append;
                self.modals.pop();
                if let Some(v) = chosen {
                    self.fill_focused(v, append);
                }
                return Ok(());
            }
            Action::Up => p.selected = p.selected.saturating_sub(1),
            Action::Down => p.selected = (p.selected + 1).min(last),
            Action::PageUp => p.selected = p.selected.saturating_sub(page),
            Action::PageDown => p.selected = (p.selected + page).min(last),
            Action::Left | Action::Right => p.fold(action == Action::Right),
            Action::Char(_) | Action::Paste(_) | Action::Backspace => {
                match action {
                    Action::Char(c) => p.text.push(c),
                    Action::Paste(s) => p.text.push_str(s.lines().next().unwrap_or("")),
                    _ => {
                        p.text.pop();
                    }
                }
                p.selected = 0;
                p.top = 0;
                p.find(&self.session)?;
            }
            _ => return Ok(()),
        }
        p.scroll(page);
        Ok(())
    }

    /// Writes a pick into the form's focused field (added to a list of people), and the
    /// name it shows beside it.
    fn fill_focused(&mut self, value: String, append: bool) {
        let db = &self.session.db;
        let Some(form) = self.modals.last_mut().and_then(Modal::form_mut) else {
            return;
        };
        let Some(f) = form.fields.get_mut(form.focus) else {
            return;
        };
        let before = f.text.clone();
        if append {
            let mut all: Vec<&str> = before
                .split(|c: char| c.is_whitespace() || c == ',' || c == '、')
                .filter(|x| !x.is_empty())
                .collect();
            if !all.contains(&value.as_str()) {
                all.push(&value);
            }
            f.text = all.join(" ");
        } else {
            f.text = value;
        }
        f.cursor = f.text.chars().count();
        f.shown = reference_name(db, f.spec.kind, &f.text);
        form.dirty |= f.text != before;
    }

    /// The focused field's name beside its code follows an edit of the code.
    pub(super) fn name_focused_reference(&mut self) {
        let db = &self.session.db;
        if let Some(form) = self.modals.last_mut().and_then(Modal::form_mut)
            && let Some(f) = form.fields.get_mut(form.focus)
            && f.spec.kind.is_reference()
        {
            f.shown = reference_name(db, f.spec.kind, &f.text);
        }
    }
}
