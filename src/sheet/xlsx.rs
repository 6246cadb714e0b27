//! The XLSX sink: a low-memory sheet (one row held; strings in a shared table), bold
//! frozen header with a filter, widths by display width, ISO dates as dates, text always
//! a string.

use std::io::Write;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Workbook};

use super::{Heading, RowSink, SheetError, werr, werr_io};
use crate::store::Cell;

/// Widest a column grows, in characters of Excel's default font.
const MAX_WIDTH: usize = 60;

pub(super) struct XlsxSink<W: Write> {
    out: W,
    book: Workbook,
    path: PathBuf,
    row: u32,
    widths: Vec<usize>,
    date: XFormat,
}

impl<W: Write> XlsxSink<W> {
    pub(super) fn new(h: &Heading<'_>, out: W, path: &Path) -> Result<Self, SheetError> {
        let mut book = Workbook::new();
        // The sheet's rows wait in a temporary file (unnamed, the owner's alone): beside
        // the file being written, so that a full disk is said of the disk it is on.
        if path != Path::new("-") {
            let dir = match path.parent() {
                Some(d) if d.as_os_str().is_empty() => Path::new("."),
                Some(d) => d,
                None => Path::new("."),
            };
            let _ = book.set_tempdir(dir);
        }
        let sheet = book
            .add_worksheet_with_low_memory()
            .and_then(|s| s.set_name(sheet_name(h.sheet)))
            .map_err(|e| werr(path, e))?;
        let bold = XFormat::new().set_bold();
        for (c, t) in h.titles.iter().enumerate() {
            sheet
                .write_string_with_format(0, c as u16, t, &bold)
                .map_err(|e| werr(path, e))?;
        }
        sheet.set_freeze_panes(1, 0).map_err(|e| werr(path, e))?;
        Ok(XlsxSink {
            out,
            book,
            path: path.into(),
            row: 0,
            widths: h.titles.iter().map(|t| crate::text::width(t)).collect(),
            date: XFormat::new().set_num_format("yyyy/mm/dd"),
        })
    }
}

/// An ISO date (`2025-04-01`) as Excel's date, when the text is exactly one.
pub(super) fn iso_date(s: &str) -> Option<ExcelDateTime> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: u16 = s[0..4].parse().ok()?;
    let m: u8 = s[5..7].parse().ok()?;
    let d: u8 = s[8..10].parse().ok()?;
    chrono::NaiveDate::from_ymd_opt(y.into(), m.into(), d.into())?;
    ExcelDateTime::from_ymd(y, m, d).ok()
}

/// Excel refuses sheet names over 31 characters or holding `[]:*?/\`.
pub fn sheet_name(s: &str) -> String {
    let n: String = s
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    if n.is_empty() { "Sheet1".into() } else { n }
}

thread_local! {
    /// Set while a call into the workbook runs under [`guarded`].
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// rust_xlsxwriter's low-memory sheet writes each finished row to its temporary file and
/// panics (`expect`) when that write fails: on a full disk. Its calls run through here:
/// such a panic is caught and kept off the terminal (the hooks before, the screens' and
/// the report's, are skipped for it), and the file fails as any write does, named.
fn guarded<T>(path: &Path, f: impl FnOnce() -> Result<T, SheetError>) -> Result<T, SheetError> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let before = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(std::cell::Cell::get) {
                before(info);
            }
        }));
    });
    GUARDED.with(|g| g.set(true));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(false));
    r.unwrap_or_else(|payload| {
        let why = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("the workbook could not be written");
        // The library's message carries the I/O error's kind, and only in its text.
        Err(
            if ["StorageFull", "FileTooLarge", "QuotaExceeded"]
                .iter()
                .any(|k| why.contains(k))
            {
                SheetError::Full { path: path.into() }
            } else {
                werr(path, why)
            },
        )
    })
}

impl<W: Write> RowSink for XlsxSink<W> {
    fn row(&mut self, cells: &[Cell]) -> Result<(), SheetError> {
        let path = self.path.clone();
        guarded(&path, || self.row_cells(cells))
    }

    fn finish(self: Box<Self>) -> Result<usize, SheetError> {
        let path = self.path.clone();
        guarded(&path, || (*self).finish_book())
    }
}

impl<W: Write> XlsxSink<W> {
    fn row_cells(&mut self, cells: &[Cell]) -> Result<(), SheetError> {
        self.row += 1;
        let r = self.row;
        let path = &self.path;
        let sheet = self
            .book
            .worksheet_from_index(0)
            .map_err(|e| werr(path, e))?;
        for (c, cell) in cells.iter().enumerate() {
            let col = c as u16;
            let w = match cell {
                Cell::Null => 0,
                Cell::Int(i) => {
                    sheet
                        .write_number(r, col, *i as f64)
                        .map_err(|e| werr(path, e))?;
                    i.to_string().len()
                }
                Cell::Real(f) => {
                    sheet.write_number(r, col, *f).map_err(|e| werr(path, e))?;
                    f.to_string().len()
                }
                Cell::Text(s) => match iso_date(s) {
                    Some(d) => {
                        sheet
                            .write_datetime_with_format(r, col, d, &self.date)
                            .map_err(|e| werr(path, e))?;
                        10
                    }
                    None => {
                        // Always a string: a name that looks like a formula stays text.
                        sheet.write_string(r, col, s).map_err(|e| werr(path, e))?;
                        crate::text::width(s)
                    }
                },
            };
            if let Some(m) = self.widths.get_mut(c) {
                *m = (*m).max(w.min(MAX_WIDTH));
            }
        }
        Ok(())
    }

    fn finish_book(mut self) -> Result<usize, SheetError> {
        let path = self.path.clone();
        let last_row = self.row;
        let widths = std::mem::take(&mut self.widths);
        let sheet = self
            .book
            .worksheet_from_index(0)
            .map_err(|e| werr(&path, e))?;
        for (c, w) in widths.iter().enumerate() {
            sheet
                .set_column_width(c as u16, (*w + 2) as f64)
                .map_err(|e| werr(&path, e))?;
        }
        if !widths.is_empty() {
            sheet
                .autofilter(0, 0, last_row, (widths.len() - 1) as u16)
                .map_err(|e| werr(&path, e))?;
        }
        // The workbook is a zip assembled at the end; it goes to `out` (a private file,
        // or standard output) rather than to a path the library would create itself.
        let bytes = self.book.save_to_buffer().map_err(|e| werr(&path, e))?;
        self.out
            .write_all(&bytes)
            .and_then(|_| self.out.flush())
            .map_err(|e| werr_io(&path, e))?;
        Ok(0)
    }
}
