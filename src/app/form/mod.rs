//! One form machine for every record: fields are declared per record type, values travel
//! as the record's JSON (serde), references are typed as people type them (a staff
//! number, a unit code) and resolved on save.

use serde_json::{Map, Value};

mod edit;
pub mod field;
pub mod layout;
mod text;

pub use edit::Pasted;
pub use field::{FieldKind, FieldSpec, field};
pub use text::reference_name;
use text::{from_text, to_text};

use super::view::View;
use crate::domain::Invalid;
use crate::i18n::Lang;
use crate::store::Db;

#[derive(Debug, Clone)]
pub struct Field {
    pub spec: FieldSpec,
    pub text: String,
    /// Cursor position in chars.
    pub cursor: usize,
    pub error: Option<String>,
    /// A word on what was done to the value (a paste of several lines joined), until
    /// the next key.
    pub info: Option<String>,
    /// The name of what a reference's code points to, shown beside it; set whenever the
    /// value changes (drawing reads no database).
    pub shown: Option<String>,
}

impl Field {
    /// Whether keys type into it (codes and booleans are chosen instead).
    pub fn is_typed(&self) -> bool {
        !matches!(
            self.spec.kind,
            FieldKind::Code(..) | FieldKind::OptCode(..) | FieldKind::Bool
        )
    }
    /// Steps a chosen field to the next (or previous) value.
    pub fn cycle(&mut self, forward: bool) {
        let (codes, optional): (&[&str], bool) = match self.spec.kind {
            FieldKind::Code(_, c) => (c, false),
            FieldKind::OptCode(_, c) => (c, true),
            FieldKind::Bool => (&["true", "false"], false),
            _ => return,
        };
        let mut all: Vec<&str> = codes.to_vec();
        if optional {
            all.insert(0, "");
        }
        // An unset yes/no reads as no, so the first press says yes.
        let unset = usize::from(self.spec.kind == FieldKind::Bool);
        let i = all.iter().position(|c| *c == self.text).unwrap_or(unset);
        let n = all.len();
        let j = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        self.text = all[j].to_string();
        self.cursor = self.text.chars().count();
    }
}

/// A form on screen.
#[derive(Debug, Clone)]
pub struct Form {
    /// The view it belongs to (whose editor saves it).
    pub view: View,
    pub id: Option<i64>,
    /// The record as loaded (JSON), so fields not on the form keep their values.
    pub base: Value,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub dirty: bool,
    /// A message for the whole form (e.g. a conflict).
    pub error: Option<String>,
    /// A line of guidance above the fields (e.g. what the challenge themes suggest).
    pub note: Option<String>,
}

impl Form {
    /// Fills the fields from a record's JSON, showing references as people know them.
    pub fn new(view: View, id: Option<i64>, base: Value, specs: &[FieldSpec], db: &Db) -> Form {
        // A post's unit reads under the name it had when the post began (組織改正).
        let began = base
            .get("start_date")
            .and_then(Value::as_str)
            .and_then(|d| d.parse().ok());
        let fields = specs
            .iter()
            .map(|spec| {
                let text = to_text(db, spec.kind, base.get(spec.name).unwrap_or(&Value::Null));
                let shown = match (spec.kind, began) {
                    (FieldKind::Unit, Some(day)) => text::unit_name_on(db, &text, day),
                    _ => None,
                };
                Field {
                    spec: *spec,
                    cursor: text.chars().count(),
                    shown: shown.or_else(|| text::reference_name(db, spec.kind, &text)),
                    text,
                    error: None,
                    info: None,
                }
            })
            .collect();
        Form {
            view,
            id,
            base,
            fields,
            focus: 0,
            dirty: false,
            error: None,
            note: None,
        }
    }

    /// Adds the fields a save asks for, with their starting values, each once; the focus
    /// goes to the first one added. Returns whether any was added.
    pub fn ask_for(&mut self, specs: &[FieldSpec], values: &[Value], db: &Db) -> bool {
        let mut first = None;
        for (spec, v) in specs.iter().zip(values) {
            if self.fields.iter().any(|f| f.spec.name == spec.name) {
                continue;
            }
            let text = to_text(db, spec.kind, v);
            first.get_or_insert(self.fields.len());
            self.fields.push(Field {
                spec: *spec,
                cursor: text.chars().count(),
                shown: text::reference_name(db, spec.kind, &text),
                text,
                error: None,
                info: None,
            });
        }
        if let Some(i) = first {
            self.focus = i;
        }
        first.is_some()
    }

    pub fn current(&mut self) -> &mut Field {
        &mut self.fields[self.focus]
    }

    /// The record's JSON from the fields, and whether every field could be read: a field
    /// that cannot gets its problem and keeps the record's value, so that the record's own
    /// rules can still name every other problem at once.
    pub fn to_json(&mut self, db: &Db, lang: Lang) -> (Value, bool) {
        let mut obj: Map<String, Value> = self.base.as_object().cloned().unwrap_or_default();
        let mut ok = true;
        for f in &mut self.fields {
            f.error = None;
            match from_text(db, f.spec.kind, f.text.trim()) {
                Ok(v) => {
                    obj.insert(f.spec.name.to_string(), v);
                }
                Err(problem) => {
                    let field = lang.field(f.spec.key);
                    f.error = Some(lang.tf(problem, &[("field", &field)]));
                    ok = false;
                }
            }
        }
        (Value::Object(obj), ok)
    }

    /// The cursor goes to the first field with a problem.
    pub fn focus_first_error(&mut self) {
        if let Some(i) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = i;
        }
    }

    /// Puts validation errors under their fields; returns those that fit no field.
    pub fn show_invalid(&mut self, inv: &Invalid, lang: Lang) -> Vec<String> {
        let mut rest = Vec::new();
        for e in &inv.0 {
            match self
                .fields
                .iter_mut()
                .find(|f| f.spec.key == e.field || f.spec.name == e.field)
            {
                // Named as the form labels it (a theme's 達成目標, not a PDCA 目標値).
                Some(f) if f.error.is_none() => {
                    let mut e = e.clone();
                    e.field = f.spec.key;
                    f.error = Some(crate::i18n::problem_text(lang, &e));
                }
                Some(_) => {}
                None => rest.push(crate::i18n::problem_text(lang, e)),
            }
        }
        self.focus_first_error();
        rest
    }
}
