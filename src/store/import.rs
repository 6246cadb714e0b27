//! Imports: rows of a roster file written into the database all or nothing.
//!
//! A kind reads the columns of its export (so an exported file imports again), under
//! their English names or the Japanese ones of the catalogue. Each row is matched to a
//! stored record by the kind's key (a staff number, a unit code, …): a new key creates a
//! record, a known one updates it when a value differs, and leaves it alone otherwise. A
//! column the file does not have leaves that field as it is. Every row is checked, all
//! problems are collected with their row and column, and the whole file is written in
//! one transaction only when there are none (a dry run never writes).

use std::collections::HashMap;

use super::{Db, Record, Result, StoreError};
use crate::domain::normalize::{ascii_forms, clean_line};
use crate::domain::validate::is_forbidden_char;
use crate::domain::{Date, FieldError, Id, Invalid, Problem};
use crate::i18n::Lang;
use crate::sheet::SheetRow;

pub use super::import_kinds::IMPORT_KINDS;

/// One importable kind: its name, the columns it reads (key columns first), the other
/// spellings of their headers, and how a row becomes a record.
pub struct ImportKind {
    pub name: &'static str,
    pub columns: &'static [&'static str],
    /// Columns a new record cannot do without (the key columns are always required).
    pub required: &'static [&'static str],
    pub key_len: usize,
    /// Header spellings beyond the English name and the catalogues' labels.
    pub aliases: &'static [(&'static str, &'static str)],
    pub(super) row: fn(&mut Importer<'_>, &mut Fields<'_>) -> Result<Outcome>,
    /// Work after every row is in (references to rows further down the file).
    pub(super) finish: Option<fn(&mut Importer<'_>) -> Result<()>>,
}

impl std::fmt::Debug for ImportKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportKind")
            .field("name", &self.name)
            .finish()
    }
}

/// The kind named `name`, if it can be imported.
pub fn import_kind(name: &str) -> Option<&'static ImportKind> {
    IMPORT_KINDS.iter().find(|k| k.name == name)
}

pub fn import_kind_names() -> Vec<&'static str> {
    IMPORT_KINDS.iter().map(|k| k.name).collect()
}

/// What happened to one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Updated,
    Unchanged,
    /// The row had problems (they are in the report).
    Refused,
}

/// A problem with one cell (or, with `column` None, with the file's headers).
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    /// The row in the file (the header row for a missing column).
    pub row: usize,
    /// The column as the file names it, or the field's own name when the file has no such
    /// column.
    pub column: String,
    pub problem: FieldError,
}

/// What an import did (or, in a dry run or when refused, would have done).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub problems: Vec<RowProblem>,
    /// Headers of the file no column of the kind answers to (left out).
    pub ignored_columns: Vec<String>,
    /// True when the rows are in the database (not a dry run, no problems, not cancelled).
    pub written: bool,
    pub cancelled: bool,
}

/// Where each column of the kind is in the file.
struct Layout {
    /// For each of `kind.columns`, its index among the file's headers.
    at: Vec<Option<usize>>,
    /// The header text as the file spells it, for messages.
    shown: Vec<String>,
}

fn fold(s: &str) -> String {
    clean_line(&ascii_forms(s))
        .to_lowercase()
        .replace([' ', '　', '_', '-'], "")
}

/// Matches the file's headers to the kind's columns: the snake_case name, either
/// catalogue's label (`職員番号`, `Staff number`), or one of the kind's aliases.
fn layout(kind: &ImportKind, headers: &[String]) -> (Layout, Vec<String>) {
    let spellings = |col: &str| -> Vec<String> {
        let mut v = vec![fold(col)];
        for lang in [Lang::Ja, Lang::En] {
            for key in [format!("col.{}.{col}", kind.name), format!("col.{col}")] {
                if let Some(l) = lang.try_t(&key) {
                    v.push(fold(l));
                }
            }
        }
        v.extend(
            kind.aliases
                .iter()
                .filter(|(_, c)| *c == col)
                .map(|(a, _)| fold(a)),
        );
        v
    };
    let folded: Vec<String> = headers.iter().map(|h| fold(h)).collect();
    let mut used = vec![false; headers.len()];
    let mut at = Vec::with_capacity(kind.columns.len());
    let mut shown = Vec::with_capacity(kind.columns.len());
    for col in kind.columns {
        let names = spellings(col);
        // The exact snake_case name wins over a label that two columns might share.
        let found = folded
            .iter()
            .enumerate()
            .find(|(i, h)| !used[*i] && **h == names[0])
            .or_else(|| {
                folded
                    .iter()
                    .enumerate()
                    .find(|(i, h)| !used[*i] && names.contains(h))
            })
            .map(|(i, _)| i);
        if let Some(i) = found {
            used[i] = true;
        }
        at.push(found);
        shown.push(
            found
                .map(|i| headers[i].clone())
                .unwrap_or_else(|| col.to_string()),
        );
    }
    let ignored = headers
        .iter()
        .zip(&used)
        .filter(|(h, u)| !**u && !h.is_empty())
        .map(|(h, _)| h.clone())
        .collect();
    (Layout { at, shown }, ignored)
}

/// The cells of one row, by the kind's column names, with the problems found reading them.
pub struct Fields<'a> {
    kind: &'static ImportKind,
    layout: &'a Layout,
    row: &'a SheetRow,
    problems: Vec<FieldError>,
}

impl<'a> Fields<'a> {
    fn index(&self, col: &str) -> Option<usize> {
        let i = self.kind.columns.iter().position(|c| *c == col);
        debug_assert!(i.is_some(), "{}: no column {col}", self.kind.name);
        i
    }

    /// The raw cell, `None` when the file has no such column.
    pub fn raw(&self, col: &str) -> Option<&'a str> {
        let i = self.index(col)?;
        let at = self.layout.at[i]?;
        Some(self.row.cells.get(at).unwrap_or(""))
    }

    pub fn has(&self, col: &str) -> bool {
        self.raw(col).is_some()
    }

    pub fn problem(&mut self, field: &'static str, problem: Problem) {
        self.problems.push(FieldError { field, problem });
    }

    fn clean(&mut self, col: &'static str, s: &str) -> Option<String> {
        // Our CSV export guards text a spreadsheet would run (`'=SUM(A1)`); reading it
        // back takes the guard off, so an export imports as it was.
        let s = match s.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
            _ => s,
        };
        if s.chars().any(|c| is_forbidden_char(c, false)) {
            self.problem(col, Problem::ControlChars);
            return None;
        }
        Some(clean_line(s))
    }

    /// A one-line text, cleaned (spaces, half-width kana); `None` when absent or refused.
    pub fn text(&mut self, col: &'static str) -> Option<String> {
        let raw = self.raw(col)?;
        self.clean(col, raw)
    }

    /// A code or number typed in any width (`２６００００５` → `2600005`).
    pub fn code(&mut self, col: &'static str) -> Option<String> {
        let raw = self.raw(col)?;
        self.clean(col, &ascii_forms(raw))
            .map(|s| s.replace(' ', ""))
    }

    /// The row's number in the file.
    pub fn row_no(&self) -> usize {
        self.row.row
    }

    pub fn problems(&self) -> &[FieldError] {
        &self.problems
    }

    /// For a new record: each column the kind cannot do without that the file lacks.
    pub fn require_new(&mut self) {
        for col in self.kind.required {
            if !self.has(col) {
                self.problem(col, Problem::Required);
            }
        }
    }

    /// A date that is part of the key: required.
    pub fn key_date(&mut self, col: &'static str) -> Option<Date> {
        match self.opt_date(col)? {
            Some(d) => Some(d),
            None => {
                self.problem(col, Problem::Required);
                None
            }
        }
    }

    pub fn set_text(&mut self, col: &'static str, target: &mut String) {
        if let Some(v) = self.text(col) {
            *target = v;
        }
    }

    pub fn set_code(&mut self, col: &'static str, target: &mut String) {
        if let Some(v) = self.code(col) {
            *target = v;
        }
    }

    /// A date in any way people write one (ISO, 2025/4/1, R7.4.1, 令和7年4月1日); empty is
    /// `Some(None)`.
    pub fn opt_date(&mut self, col: &'static str) -> Option<Option<Date>> {
        let v = self.code(col)?;
        if v.is_empty() {
            return Some(None);
        }
        // A spreadsheet's date-time at midnight reads as the day.
        let day = v.split(['T', ' ']).next().unwrap_or(&v);
        match Date::parse_any(day).or_else(|| Date::parse_any(&v)) {
            Some(d) => Some(Some(d)),
            None => {
                self.problem(col, Problem::Malformed);
                None
            }
        }
    }

    pub fn set_date(&mut self, col: &'static str, target: &mut Date) {
        match self.opt_date(col) {
            Some(Some(d)) => *target = d,
            Some(None) => self.problem(col, Problem::Required),
            None => {}
        }
    }

    pub fn set_opt_date(&mut self, col: &'static str, target: &mut Option<Date>) {
        if let Some(d) = self.opt_date(col) {
            *target = d;
        }
    }

    pub fn set_int(&mut self, col: &'static str, target: &mut i64) {
        let Some(v) = self.code(col) else { return };
        match v.replace(',', "").parse::<i64>() {
            Ok(n) => *target = n,
            Err(_) if v.is_empty() => self.problem(col, Problem::Required),
            Err(_) => self.problem(col, Problem::Malformed),
        }
    }

    pub fn set_real(&mut self, col: &'static str, target: &mut f64) {
        let Some(v) = self.code(col) else { return };
        match v.replace(',', "").parse::<f64>() {
            Ok(n) if n.is_finite() => *target = n,
            _ if v.is_empty() => self.problem(col, Problem::Required),
            _ => self.problem(col, Problem::Malformed),
        }
    }

    /// A value of a code enum written as its code or as its label in either language
    /// (`team_chief`, `係長`, `Team chief`).
    pub fn set_enum<E: Copy>(
        &mut self,
        col: &'static str,
        group: &str,
        codes: &[&'static str],
        from_code: fn(&str) -> Option<E>,
        target: &mut E,
    ) {
        let Some(v) = self.text(col) else { return };
        if v.is_empty() {
            self.problem(col, Problem::Required);
            return;
        }
        match enum_code(group, codes, &v).and_then(from_code) {
            Some(e) => *target = e,
            None => self.problem(col, Problem::Malformed),
        }
    }
}

/// The code whose code or label (Japanese or English) is `v`.
pub fn enum_code(group: &str, codes: &[&'static str], v: &str) -> Option<&'static str> {
    // The code itself, as every export writes it: no folding, no catalogue.
    if let Some(c) = codes.iter().copied().find(|c| *c == v) {
        return Some(c);
    }
    let f = fold(v);
    codes.iter().copied().find(|c| {
        fold(c) == f
            || [Lang::Ja, Lang::En].iter().any(|l| {
                l.try_t(&format!("enum.{group}.{c}"))
                    .is_some_and(|t| fold(t) == f)
            })
    })
}

/// A reference to a row further down the file, settled when every row is in.
pub(super) struct Later {
    pub row: usize,
    pub column: &'static str,
    pub id: Id,
    pub key: String,
}

/// The state of one import: the database, lookups kept across rows, and what to settle
/// at the end.
pub struct Importer<'d> {
    pub(super) db: &'d Db,
    /// Staff numbers and unit/course codes to ids, filled as they are asked for and as
    /// rows create them.
    pub(super) staff_ids: HashMap<String, Id>,
    pub(super) unit_ids: HashMap<String, Id>,
    pub(super) course_ids: HashMap<String, Id>,
    pub(super) later: Vec<Later>,
    /// Problems found when settling, by row.
    pub(super) late_problems: Vec<(usize, FieldError)>,
}

impl<'d> Importer<'d> {
    fn new(db: &'d Db) -> Self {
        Importer {
            db,
            staff_ids: HashMap::new(),
            unit_ids: HashMap::new(),
            course_ids: HashMap::new(),
            later: Vec::new(),
            late_problems: Vec::new(),
        }
    }

    fn lookup(&self, sql: &str, key: &str) -> Result<Option<Id>> {
        let mut st = self.db.conn().prepare_cached(sql)?;
        let mut rows = st.query([key])?;
        Ok(match rows.next()? {
            Some(r) => Some(r.get(0)?),
            None => None,
        })
    }

    pub(super) fn staff_id(&mut self, no: &str) -> Result<Option<Id>> {
        if let Some(id) = self.staff_ids.get(no) {
            return Ok(Some(*id));
        }
        let id = self.lookup("SELECT id FROM staff WHERE staff_no = ?1", no)?;
        if let Some(id) = id {
            self.staff_ids.insert(no.to_string(), id);
        }
        Ok(id)
    }

    pub(super) fn unit_id(&mut self, code: &str) -> Result<Option<Id>> {
        if let Some(id) = self.unit_ids.get(code) {
            return Ok(Some(*id));
        }
        let id = self.lookup("SELECT id FROM units WHERE code = ?1", code)?;
        if let Some(id) = id {
            self.unit_ids.insert(code.to_string(), id);
        }
        Ok(id)
    }

    pub(super) fn course_id(&mut self, code: &str) -> Result<Option<Id>> {
        if let Some(id) = self.course_ids.get(code) {
            return Ok(Some(*id));
        }
        let id = self.lookup("SELECT id FROM courses WHERE code = ?1", code)?;
        if let Some(id) = id {
            self.course_ids.insert(code.to_string(), id);
        }
        Ok(id)
    }

    pub(super) fn late_problem(&mut self, row: usize, field: &'static str, problem: Problem) {
        self.late_problems
            .push((row, FieldError { field, problem }));
    }

    /// Writes `new` as a new record, or over `old` when a value differs. Problems of the
    /// record's own rules come back as `Err(Invalid)` for the row.
    pub(super) fn upsert<T: Record + PartialEq>(
        &self,
        mut new: T,
        old: Option<T>,
    ) -> Result<(Outcome, T)> {
        match old {
            None => {
                self.db.insert_as(&mut new, "import")?;
                Ok((Outcome::Created, new))
            }
            Some(old) => {
                new.set_id(old.id());
                new.set_version(old.version());
                if new == old {
                    return Ok((Outcome::Unchanged, new));
                }
                self.db.update_as(&mut new, "import")?;
                Ok((Outcome::Updated, new))
            }
        }
    }
}

/// How an import is watched: told of each row done, and asked whether to stop.
pub trait Watch {
    fn row_done(&mut self, done: usize, total: usize);
    fn cancelled(&self) -> bool;
}

/// Watches nothing (tests, scripts).
pub struct Unwatched;

impl Watch for Unwatched {
    fn row_done(&mut self, _: usize, _: usize) {}
    fn cancelled(&self) -> bool {
        false
    }
}

impl Db {
    /// Imports `rows` (under `headers`) as `kind`: every row checked, every problem
    /// reported, and everything written in one transaction only when there is no problem
    /// and this is not a dry run. A cancelled import writes nothing.
    pub fn import(
        &self,
        kind: &'static ImportKind,
        headers: &[String],
        rows: &[SheetRow],
        dry_run: bool,
        watch: &mut dyn Watch,
    ) -> Result<ImportReport> {
        let (layout, ignored) = layout(kind, headers);
        let mut report = ImportReport {
            rows: rows.len(),
            ignored_columns: ignored,
            ..Default::default()
        };
        // Key columns must be in the file; without them no row can be matched.
        let header_row = rows
            .first()
            .map(|r| r.row.saturating_sub(1))
            .unwrap_or(1)
            .max(1);
        for (i, col) in kind.columns.iter().enumerate().take(kind.key_len) {
            if layout.at[i].is_none() {
                report.problems.push(RowProblem {
                    row: header_row,
                    column: col.to_string(),
                    problem: FieldError {
                        field: col,
                        problem: Problem::Required,
                    },
                });
            }
        }
        if !report.problems.is_empty() {
            return Ok(report);
        }
        let outcome = self.write_then(|| {
            let mut imp = Importer::new(self);
            let mut by_row: Vec<(usize, Vec<FieldError>)> = Vec::new();
            for (n, r) in rows.iter().enumerate() {
                if n.is_multiple_of(64) && watch.cancelled() {
                    report.cancelled = true;
                    return Ok(false);
                }
                let mut f = Fields {
                    kind,
                    layout: &layout,
                    row: r,
                    problems: Vec::new(),
                };
                let outcome = match (kind.row)(&mut imp, &mut f) {
                    Ok(o) => o,
                    Err(StoreError::Invalid(Invalid(errs))) => {
                        f.problems.extend(errs);
                        Outcome::Refused
                    }
                    Err(e) => return Err(e),
                };
                if !f.problems.is_empty() {
                    by_row.push((r.row, std::mem::take(&mut f.problems)));
                } else {
                    match outcome {
                        Outcome::Created => report.created += 1,
                        Outcome::Updated => report.updated += 1,
                        Outcome::Unchanged => report.unchanged += 1,
                        Outcome::Refused => {}
                    }
                }
                watch.row_done(n + 1, rows.len());
            }
            if let Some(finish) = kind.finish {
                finish(&mut imp)?;
            }
            for (row, e) in imp.late_problems.drain(..) {
                by_row.push((row, vec![e]));
            }
            by_row.sort_by_key(|(row, _)| *row);
            for (row, errs) in by_row {
                for e in errs {
                    report.problems.push(RowProblem {
                        row,
                        column: shown_column(kind, &layout, e.field),
                        problem: e,
                    });
                }
            }
            if watch.cancelled() {
                report.cancelled = true;
                return Ok(false);
            }
            Ok(report.problems.is_empty() && !dry_run)
        })?;
        report.written = outcome;
        Ok(report)
    }
}

/// The column a problem of `field` is shown under: the file's header when the field is a
/// column of the kind (or stands for one), else the field's own name.
fn shown_column(kind: &ImportKind, layout: &Layout, field: &'static str) -> String {
    let col = match field {
        "supervisor" => "supervisor_staff_no",
        "session" => "starts_on",
        "id" => kind.columns[0],
        f => f,
    };
    kind.columns
        .iter()
        .position(|c| *c == col)
        .map(|i| layout.shown[i].clone())
        .unwrap_or_else(|| field.to_string())
}
