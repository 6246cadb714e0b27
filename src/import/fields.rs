//! Reading one row of an import: the file's headers matched to the kind's columns, and
//! each cell cleaned and parsed into the form it is stored in, problems named by column.

use super::ImportKind;
use crate::domain::normalize::{ascii_forms, clean_line};
use crate::domain::validate::line_problem;
use crate::domain::{Date, FieldError, Problem};
use crate::i18n::Lang;
use crate::sheet::SheetRow;
use std::collections::HashMap;

/// Where each column of the kind is in the file.
pub(super) struct Layout {
    /// For each of `kind.columns`, its index among the file's headers.
    pub(super) at: Vec<Option<usize>>,
    /// The header text as the file spells it, for messages.
    pub(super) shown: Vec<String>,
}

fn fold(s: &str) -> String {
    clean_line(&ascii_forms(s))
        .to_lowercase()
        .replace([' ', '　', '_', '-'], "")
}

/// Matches the file's headers to the kind's columns: the snake_case name, either
/// catalogue's label (`職員番号`, `Staff number`), or one of the kind's aliases.
pub(super) fn layout(kind: &ImportKind, headers: &[String]) -> (Layout, Vec<String>) {
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
    pub(super) kind: &'static ImportKind,
    pub(super) layout: &'a Layout,
    pub(super) row: &'a SheetRow,
    pub(super) problems: Vec<FieldError>,
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
        // A person's or a unit's name and reading, which refuse emoji when validated.
        let name = matches!(
            col,
            "family_name" | "given_name" | "family_kana" | "given_kana" | "name" | "kana"
        );
        if let Some(p) = line_problem(s, name) {
            self.problem(col, p);
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

    /// A fiscal year that is part of the key (2026, 令和8年度, R8): required.
    pub fn key_fiscal_year(&mut self, col: &'static str) -> Option<crate::domain::FiscalYear> {
        match self.text(col) {
            Some(t) if !t.is_empty() => {
                let fy = crate::domain::date::parse_fiscal_year(&t);
                if fy.is_none() {
                    self.problem(col, Problem::Malformed);
                }
                fy
            }
            Some(_) | None => {
                self.problem(col, Problem::Required);
                None
            }
        }
    }

    /// A whole number that may be left empty (a score not yet marked).
    pub fn set_opt_int(&mut self, col: &'static str, target: &mut Option<i64>) {
        let Some(v) = self.code(col) else { return };
        if v.is_empty() {
            *target = None;
            return;
        }
        match v.replace(',', "").parse::<i64>() {
            Ok(n) => *target = Some(n),
            Err(_) => self.problem(col, Problem::Malformed),
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
        match Date::read(day).or_else(|e| Date::read(&v).map_err(|_| e)) {
            Ok(d) => Some(Some(d)),
            Err(e) => {
                self.problem(
                    col,
                    match e {
                        crate::domain::DateProblem::Malformed => Problem::Malformed,
                        crate::domain::DateProblem::NoSuchDay => Problem::NoSuchDay,
                    },
                );
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

/// Row indexes in an order where a row comes after the row its `col` names (when that row
/// is in the file), so that references resolve as they are written instead of being
/// settled afterwards. A cycle is broken where it is found (the settling reports it).
pub(super) fn parents_first(
    kind: &ImportKind,
    layout: &Layout,
    rows: &[SheetRow],
    col: &str,
) -> Vec<usize> {
    let cell = |r: &SheetRow, c: &str| -> Option<String> {
        let i = kind.columns.iter().position(|x| *x == c)?;
        let at = layout.at[i]?;
        let v = ascii_forms(r.cells.get(at).unwrap_or("")).replace([' ', '\u{3000}'], "");
        (!v.is_empty()).then_some(v)
    };
    let key_col = kind.columns[0];
    let mut at: HashMap<String, usize> = HashMap::with_capacity(rows.len());
    for (i, r) in rows.iter().enumerate() {
        if let Some(k) = cell(r, key_col) {
            at.entry(k).or_insert(i);
        }
    }
    let parent: Vec<Option<usize>> = rows
        .iter()
        .map(|r| cell(r, col).and_then(|k| at.get(&k).copied()))
        .collect();
    // 0: not yet placed, 1: on the chain being walked, 2: placed.
    let mut state = vec![0u8; rows.len()];
    let mut order = Vec::with_capacity(rows.len());
    let mut chain = Vec::new();
    for start in 0..rows.len() {
        let mut i = start;
        while state[i] == 0 {
            state[i] = 1;
            chain.push(i);
            match parent[i] {
                Some(p) => i = p,
                None => break,
            }
        }
        // The chain ends at a placed row, a row without a parent in the file, or a cycle.
        while let Some(i) = chain.pop() {
            state[i] = 2;
            order.push(i);
        }
    }
    order
}
