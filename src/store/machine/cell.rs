//! One value read out of a query as a list on the screen or an exported file shows it:
//! the screens' views and the exports both read their rows into cells, and the sheet
//! writers take them (`crate::store::Cell`).

use rusqlite::types::ValueRef;

/// One exported value. Text stays text (a staff number "00123" is never a number).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Cell {
    /// The cell as CSV text: `Null` is empty, a whole `Real` has no ".0" (8.0 → "8").
    pub fn as_text(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Int(i) => i.to_string(),
            // Display of f64 writes the shortest form that reads back: 7.5, 8, 0.1.
            Cell::Real(f) => f.to_string(),
            Cell::Text(s) => s.clone(),
        }
    }

    fn from_sql(v: ValueRef<'_>) -> Cell {
        match v {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(i) => Cell::Int(i),
            ValueRef::Real(f) => Cell::Real(f),
            ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
            // STRICT tables hold no blobs; should one appear, it is not exportable text.
            ValueRef::Blob(_) => Cell::Null,
        }
    }
}

/// A SQLite value as a cell (shared with the screens' views).
pub(crate) fn cell_of(v: ValueRef<'_>) -> Cell {
    Cell::from_sql(v)
}
