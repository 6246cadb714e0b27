//! Field validation: every problem names the field it belongs to, so a form can show
//! it under that field and the command line can print `field: reason`.

use std::fmt;

use super::Date;
use super::chars::{is_emoji_part, refused};
pub use super::chars::{is_forbidden_char, is_katakana, line_problem};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    /// Empty where a value is needed.
    Required,
    /// Longer than `max` characters.
    TooLong { max: usize },
    /// Outside `min..=max`.
    OutOfRange { min: i64, max: i64 },
    /// Not a value of the expected form (code, date, number).
    Malformed,
    /// Written as a date, but no such day exists (2025-02-30).
    NoSuchDay,
    /// Holds an invisible or control character (ESC, C1, bidi overrides, zero-width
    /// joiners …) that could act on a terminal or hide text: named by its code (`U+202E`),
    /// and by the emoji sequence it joins (`within`, else empty), which can be shown.
    ControlChars { code: String, within: String },
    /// Holds an emoji where a name is written: named as it looks, whole with its joiners,
    /// variation selectors and skin tones (`👨‍👩‍👧`).
    Emoji { shown: String },
    /// Not a number of exactly `digits` digits (a staff number, by the ward's setting).
    Digits { digits: i64 },
    /// Must not be before the field named.
    Before { other: &'static str },
    /// Must not be after the field named.
    After { other: &'static str },
    /// Another record already holds this value.
    Duplicate,
    /// The record it refers to does not exist.
    Unknown,
    /// Overlaps another record of the same person (e.g. two assignments at once).
    Overlap,
    /// A person's values must add up to `expected`; they add up to `actual`.
    Sum { expected: i64, actual: i64 },
    /// Breaks a rule of the domain, named by a stable key (e.g. `own_mentor`).
    Rule { rule: &'static str },
    /// Falls short of a ward rule whose threshold the ward sets (`mentor_service_years`
    /// with `value` 3): the message names the value in force.
    Threshold { rule: &'static str, value: i64 },
    /// Names a row of the same file that was refused (a unit whose parent's row had
    /// problems), by its row number.
    RowRefused { row: usize },
    /// Too late: the window for it closed on `on`.
    Closed { on: Date },
    /// Names `code`, which is none of the codes the field takes (a ward rule's list).
    NotACode { code: String },
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    pub field: &'static str,
    #[serde(flatten)]
    pub problem: Problem,
}

/// One or more field errors. Never empty.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Invalid(pub Vec<FieldError>);

impl Invalid {
    pub fn one(field: &'static str, problem: Problem) -> Self {
        Invalid(vec![FieldError { field, problem }])
    }
    pub fn fields(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().map(|e| e.field)
    }
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|e| e.field == field)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Required => write!(f, "is required"),
            Problem::TooLong { max } => write!(f, "is longer than {max} characters"),
            Problem::OutOfRange { min, max } => write!(f, "must be between {min} and {max}"),
            Problem::Malformed => write!(f, "is not in the expected form"),
            Problem::NoSuchDay => write!(f, "is a date that does not exist"),
            Problem::ControlChars { code, within } if within.is_empty() => {
                write!(f, "contains the invisible control character {code}")
            }
            Problem::ControlChars { code, within } => {
                write!(f, "contains \"{within}\", joined by the invisible {code}")
            }
            Problem::Emoji { shown } => write!(f, "contains \"{shown}\", an emoji"),
            Problem::Digits { digits } => write!(f, "must be {digits} digits"),
            Problem::Before { other } => write!(f, "must not be before {other}"),
            Problem::After { other } => write!(f, "must not be after {other}"),
            Problem::Duplicate => write!(f, "is already used by another record"),
            Problem::Unknown => write!(f, "refers to a record that does not exist"),
            Problem::Overlap => write!(f, "overlaps another record"),
            Problem::Sum { expected, actual } => {
                write!(f, "must add up to {expected} (now {actual})")
            }
            Problem::Rule { rule } => write!(f, "breaks the rule `{rule}`"),
            Problem::Threshold { rule, value } => {
                write!(f, "breaks the rule `{rule}` (set to {value})")
            }
            Problem::RowRefused { row } => write!(f, "names row {row}, which was refused"),
            Problem::Closed { on } => write!(f, "is too late: the window closed on {on}"),
            Problem::NotACode { code } => write!(f, "names \"{code}\", which is not a known code"),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.problem)
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Invalid {}

/// How a text is checked: a name refuses emoji too; a note keeps line breaks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TextKind {
    Line,
    Name,
    Note,
}

/// Collects field errors; `finish` turns them into a result.
#[derive(Default)]
pub struct Check(Vec<FieldError>);

impl Check {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &'static str, problem: Problem) -> &mut Self {
        self.0.push(FieldError { field, problem });
        self
    }

    fn text_impl(&mut self, field: &'static str, v: &str, max: usize, kind: TextKind) -> bool {
        // One pass for both rules (it runs on every text of millions of generated rows).
        let name = kind == TextKind::Name;
        let mut count = 0;
        for (at, c) in v.char_indices() {
            if is_forbidden_char(c, kind == TextKind::Note) || (name && is_emoji_part(c)) {
                self.add(field, refused(v, at, c, name));
                return false;
            }
            count += 1;
        }
        if count > max {
            self.add(field, Problem::TooLong { max });
            return false;
        }
        true
    }

    /// A required one-line text of at most `max` characters.
    pub fn text(&mut self, field: &'static str, v: &str, max: usize) -> &mut Self {
        if v.trim().is_empty() {
            self.add(field, Problem::Required);
        } else {
            self.text_impl(field, v, max, TextKind::Line);
        }
        self
    }

    /// A required name (of a person or a unit): one line, no emoji.
    pub fn name(&mut self, field: &'static str, v: &str, max: usize) -> &mut Self {
        if v.trim().is_empty() {
            self.add(field, Problem::Required);
        } else {
            self.text_impl(field, v, max, TextKind::Name);
        }
        self
    }

    /// An optional name (a unit's kana, which may hold digits and letters: ダイ2カカリ).
    pub fn opt_name(&mut self, field: &'static str, v: &str, max: usize) -> &mut Self {
        self.text_impl(field, v, max, TextKind::Name);
        self
    }

    /// A reading in katakana (a person's or a unit's kana): a name, and only katakana,
    /// spaces, ー and ・. Empty passes: `required` says whether it may be.
    pub fn kana(&mut self, field: &'static str, v: &str, max: usize, required: bool) -> &mut Self {
        if v.trim().is_empty() {
            if required {
                self.add(field, Problem::Required);
            }
        } else if self.text_impl(field, v, max, TextKind::Name) && !is_katakana(v) {
            self.add(field, Problem::Malformed);
        }
        self
    }

    /// An optional one-line text.
    pub fn opt_text(&mut self, field: &'static str, v: &str, max: usize) -> &mut Self {
        self.text_impl(field, v, max, TextKind::Line);
        self
    }

    /// An optional text that may hold line breaks (notes, comments, reports).
    pub fn note(&mut self, field: &'static str, v: &str, max: usize) -> &mut Self {
        self.text_impl(field, v, max, TextKind::Note);
        self
    }

    /// A required note.
    pub fn req_note(&mut self, field: &'static str, v: &str, max: usize) -> &mut Self {
        if v.trim().is_empty() {
            self.add(field, Problem::Required);
        } else {
            self.text_impl(field, v, max, TextKind::Note);
        }
        self
    }

    pub fn range(&mut self, field: &'static str, v: i64, min: i64, max: i64) -> &mut Self {
        if v < min || v > max {
            self.add(field, Problem::OutOfRange { min, max });
        }
        self
    }

    pub fn range_f(&mut self, field: &'static str, v: f64, min: f64, max: f64) -> &mut Self {
        if !v.is_finite() || v < min || v > max {
            self.add(
                field,
                Problem::OutOfRange {
                    min: min as i64,
                    max: max as i64,
                },
            );
        }
        self
    }

    pub fn id(&mut self, field: &'static str, v: i64) -> &mut Self {
        if v <= 0 {
            self.add(field, Problem::Required);
        }
        self
    }

    /// `later` must not be before `earlier` (when both are set).
    pub fn order(
        &mut self,
        earlier_field: &'static str,
        earlier: Option<Date>,
        later_field: &'static str,
        later: Option<Date>,
    ) -> &mut Self {
        if let (Some(a), Some(b)) = (earlier, later)
            && b < a
        {
            self.add(
                later_field,
                Problem::Before {
                    other: earlier_field,
                },
            );
        }
        self
    }

    /// A date that must lie in a plausible range for personnel records.
    pub fn date(&mut self, field: &'static str, d: Date) -> &mut Self {
        if d.year() < 1900 || d.year() > 2200 {
            self.add(
                field,
                Problem::OutOfRange {
                    min: 1900,
                    max: 2200,
                },
            );
        }
        self
    }

    pub fn opt_date(&mut self, field: &'static str, d: Option<Date>) -> &mut Self {
        if let Some(d) = d {
            self.date(field, d);
        }
        self
    }

    pub fn fiscal_year(&mut self, field: &'static str, fy: i32) -> &mut Self {
        self.range(field, fy as i64, 1900, 2200)
    }

    pub fn finish(&mut self) -> Result<(), Invalid> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Invalid(std::mem::take(&mut self.0)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_each_field() {
        let err = Check::new()
            .text("family_name", "", 20)
            .text("given_name", &"あ".repeat(21), 20)
            .range("progress", 101, 0, 100)
            .opt_text("note", "a\u{1b}[2J", 100)
            .finish()
            .unwrap_err();
        assert_eq!(
            err.fields().collect::<Vec<_>>(),
            ["family_name", "given_name", "progress", "note"]
        );
        assert_eq!(err.0[1].problem, Problem::TooLong { max: 20 });
        assert_eq!(
            err.0[3].problem,
            Problem::ControlChars {
                code: "U+001B".into(),
                within: String::new()
            }
        );
        assert_eq!(
            err.to_string(),
            "family_name: is required; given_name: is longer than 20 characters; \
             progress: must be between 0 and 100; \
             note: contains the invisible control character U+001B"
        );
    }

    #[test]
    fn notes_may_break_lines_but_not_hide_text() {
        assert!(
            Check::new()
                .note("body", "一行目\n二行目", 100)
                .finish()
                .is_ok()
        );
        assert!(Check::new().opt_text("name", "a\nb", 100).finish().is_err());
        assert!(
            Check::new()
                .note("body", "abc\u{202e}", 100)
                .finish()
                .is_err()
        );
        assert!(
            Check::new()
                .note("body", "a\u{200b}b", 100)
                .finish()
                .is_err()
        );
        assert!(Check::new().note("body", "a\u{9b}b", 100).finish().is_err());
    }

    #[test]
    fn date_order() {
        let a = Date::from_ymd(2025, 4, 1);
        let b = Date::from_ymd(2025, 3, 31);
        let err = Check::new()
            .order("start_date", Some(a), "end_date", Some(b))
            .finish()
            .unwrap_err();
        assert_eq!(err.0[0].field, "end_date");
        assert!(
            Check::new()
                .order("a", Some(b), "b", Some(a))
                .finish()
                .is_ok()
        );
    }
}
