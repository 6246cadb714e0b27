//! Driving a file through an import: the headers checked, rows read in an order where a
//! reference comes after what it names, each row's problems collected with its row and
//! column, and the store's batch committed only when there are none.

use super::fields::{Fields, Layout, layout, parents_first};
use super::{ImportKind, ImportReport, Importer, Outcome, RowProblem, Watch};
use crate::domain::{FieldError, Invalid, Problem};
use crate::sheet::SheetRow;
use crate::store::{Db, Result, StoreError};

/// `db.import(…)`: a file's rows imported into the database.
pub trait Import {
    fn import(
        &self,
        kind: &'static ImportKind,
        headers: &[String],
        rows: &[SheetRow],
        dry_run: bool,
        watch: &mut dyn Watch,
    ) -> Result<ImportReport>;
}

impl Import for Db {
    /// Imports `rows` (under `headers`) as `kind`: every row checked, every problem
    /// reported, and everything written in one transaction only when there is no problem
    /// and this is not a dry run. A cancelled import writes nothing.
    fn import(
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
        let written = self.import_batch(rows.len() > 1000, |batch| {
            let mut imp = Importer::new(batch);
            let mut by_row: Vec<(usize, Vec<FieldError>)> = Vec::new();
            let order = match kind.self_ref {
                Some(col) => parents_first(kind, &layout, rows, col),
                None => (0..rows.len()).collect(),
            };
            for (n, r) in order.into_iter().map(|i| &rows[i]).enumerate() {
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
            for (row, mut errs) in by_row {
                // Left to right, as the row reads in the file.
                errs.sort_by_key(|e| file_column(kind, &layout, e.field));
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
        });
        report.written = written?;
        Ok(report)
    }
}

/// Where the column of a problem of `field` is in the file (unknown ones last).
fn file_column(kind: &ImportKind, layout: &Layout, field: &str) -> usize {
    let col = column_of(kind, field);
    kind.columns
        .iter()
        .position(|c| *c == col)
        .and_then(|i| layout.at[i])
        .unwrap_or(usize::MAX)
}

/// The kind's column a field's problem belongs to.
fn column_of<'a>(kind: &ImportKind, field: &'a str) -> &'a str {
    match field {
        "supervisor" => "supervisor_staff_no",
        "session" => "starts_on",
        "id" => kind.columns[0],
        f => f,
    }
}

/// The column a problem of `field` is shown under: the file's header when the field is a
/// column of the kind (or stands for one), else the field's own name.
fn shown_column(kind: &ImportKind, layout: &Layout, field: &'static str) -> String {
    let col = column_of(kind, field);
    kind.columns
        .iter()
        .position(|c| *c == col)
        .map(|i| layout.shown[i].clone())
        .unwrap_or_else(|| field.to_string())
}
