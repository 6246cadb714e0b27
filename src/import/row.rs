//! What every kind's row reader shares: its key cell, a cell naming a stored row, the end
//! of a refused row, kana as stored, and a code enum's cell.

use super::Outcome;
use super::fields::Fields;
use crate::domain::{FieldError, Id, Invalid, Problem, Validate};
use crate::store::Result;

/// The key cell as a code; `None` (with the problem noted) when empty or refused.
pub(super) fn key(f: &mut Fields<'_>, col: &'static str) -> Option<String> {
    match f.code(col) {
        Some(v) if !v.is_empty() => Some(v),
        Some(_) => {
            f.problem(col, Problem::Required);
            None
        }
        None => None,
    }
}

/// A required cell that must name a stored row (`unknown` when none has that key).
pub(super) fn reference(
    f: &mut Fields<'_>,
    col: &'static str,
    found: impl FnOnce(&str) -> Result<Option<Id>>,
) -> Result<Option<Id>> {
    let Some(v) = key(f, col) else {
        return Ok(None);
    };
    let id = found(&v)?;
    if id.is_none() {
        f.problem(col, Problem::Unknown);
    }
    Ok(id)
}

/// Ends a row: when reading found problems, the record's own checks add theirs for other
/// fields (so a dry run lists everything at once) and nothing is written.
pub(super) fn refused<T: Validate>(f: &mut Fields<'_>, rec: &T, seen: &[FieldError]) -> Outcome {
    if let Err(Invalid(errs)) = rec.validate() {
        for e in errs {
            if !seen.iter().any(|s| s.field == e.field) {
                f.problem(e.field, e.problem);
            }
        }
    }
    Outcome::Refused
}

/// Katakana from what people type in a kana column: half-width or hiragana.
pub(super) fn katakana(s: String) -> String {
    crate::domain::normalize::katakana(&s)
}

macro_rules! set_enum {
    ($f:expr, $col:literal, $group:literal, $ty:ty, $target:expr) => {
        $f.set_enum($col, $group, <$ty>::CODES, <$ty>::from_code, $target)
    };
}

pub(super) use set_enum;
