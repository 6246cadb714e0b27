//! Writing rows of cells: CSV (UTF-8 with BOM so Excel opens it, or CP932 on request),
//! XLSX (bold frozen header, widths that fit Japanese text, dates as dates, text always
//! as text) and JSON. Rows are written as they come: nothing holds a whole table, and an
//! XLSX sheet keeps one row in memory (its strings in a shared table).

use std::io::Write;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Workbook};

use super::SheetError;
use crate::store::export::Cell;

/// The substitute for a character CP932 cannot hold: 〓 (geta), as Japanese systems do.
pub const GETA: char = '〓';

/// A file format to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Json,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
        }
    }
}

/// What a written file needs besides its rows.
pub struct Heading<'a> {
    /// Column titles as shown (English snake_case or Japanese).
    pub titles: Vec<String>,
    /// JSON keys: the stable snake_case names.
    pub keys: Vec<&'a str>,
    /// The sheet's name in a workbook.
    pub sheet: &'a str,
}

/// Where rows go, one at a time.
pub trait RowSink {
    fn row(&mut self, cells: &[Cell]) -> Result<(), SheetError>;
    /// Ends the file; returns how many characters had to be replaced by 〓 (CP932 only).
    fn finish(self: Box<Self>) -> Result<usize, SheetError>;
}

/// A sink writing `format` to `out` (`path` names it in messages). CSV and JSON stream;
/// an XLSX workbook is assembled when finished.
pub fn sink<'a, W: Write + 'a>(
    format: Format,
    heading: &Heading<'_>,
    cp932: bool,
    out: W,
    path: &Path,
) -> Result<Box<dyn RowSink + 'a>, SheetError> {
    Ok(match format {
        Format::Csv => Box::new(CsvSink::new(heading, cp932, out, path)?),
        Format::Json => Box::new(JsonSink::new(heading, out, path)?),
        Format::Xlsx => Box::new(XlsxSink::new(heading, out, path)?),
    })
}

fn werr(path: &Path, e: impl std::fmt::Display) -> SheetError {
    SheetError::Write {
        path: path.into(),
        reason: e.to_string(),
    }
}

/// A text cell that a spreadsheet would run as a formula gets a leading apostrophe.
pub fn csv_text(c: &Cell) -> String {
    match c {
        Cell::Text(s) if s.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{s}"),
        c => c.as_text(),
    }
}

struct CsvSink<W: Write> {
    out: W,
    path: PathBuf,
    cp932: bool,
    line: String,
    replaced: usize,
}

/// One CSV record (RFC 4180, CRLF): a field is quoted when it holds a comma, a quote or a
/// line break, or when it is the only field and empty (so the line is not blank).
fn csv_line<T: AsRef<str>>(out: &mut String, fields: &[T]) {
    for (i, f) in fields.iter().enumerate() {
        let f = f.as_ref();
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\r', '\n']) || (fields.len() == 1 && f.is_empty()) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(f);
        }
    }
    out.push_str("\r\n");
}

impl<W: Write> CsvSink<W> {
    fn new(h: &Heading<'_>, cp932: bool, mut out: W, path: &Path) -> Result<Self, SheetError> {
        if !cp932 {
            out.write_all("\u{feff}".as_bytes())
                .map_err(|e| werr(path, e))?;
        }
        let mut s = CsvSink {
            out,
            path: path.into(),
            cp932,
            line: String::with_capacity(256),
            replaced: 0,
        };
        s.record(&h.titles)?;
        Ok(s)
    }

    fn record<T: AsRef<str>>(&mut self, fields: &[T]) -> Result<(), SheetError> {
        self.line.clear();
        csv_line(&mut self.line, fields);
        if self.cp932 {
            let (bytes, n) = to_cp932(&self.line);
            self.replaced += n;
            self.out.write_all(&bytes)
        } else {
            self.out.write_all(self.line.as_bytes())
        }
        .map_err(|e| werr(&self.path, e))
    }
}

impl<W: Write> RowSink for CsvSink<W> {
    fn row(&mut self, cells: &[Cell]) -> Result<(), SheetError> {
        let texts: Vec<String> = cells.iter().map(csv_text).collect();
        self.record(&texts)
    }
    fn finish(mut self: Box<Self>) -> Result<usize, SheetError> {
        self.out.flush().map_err(|e| werr(&self.path, e))?;
        Ok(self.replaced)
    }
}

/// `text` in CP932; each character it cannot hold becomes 〓. Returns the bytes and how
/// many characters were replaced.
pub fn to_cp932(text: &str) -> (Vec<u8>, usize) {
    let mut enc = encoding_rs::SHIFT_JIS.new_encoder();
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text;
    let mut replaced = 0;
    loop {
        let cap = enc
            .max_buffer_length_from_utf8_without_replacement(rest.len())
            .unwrap_or(rest.len() * 2 + 16);
        let start = out.len();
        out.resize(start + cap, 0);
        let (res, read, written) =
            enc.encode_from_utf8_without_replacement(rest, &mut out[start..], true);
        out.truncate(start + written);
        rest = &rest[read..];
        match res {
            encoding_rs::EncoderResult::InputEmpty => break,
            encoding_rs::EncoderResult::OutputFull => {}
            encoding_rs::EncoderResult::Unmappable(_) => {
                replaced += 1;
                // 〓 in Shift_JIS.
                out.extend_from_slice(&[0x81, 0xac]);
            }
        }
    }
    (out, replaced)
}

struct JsonSink<W: Write> {
    out: W,
    path: PathBuf,
    keys: Vec<String>,
    n: usize,
}

impl<W: Write> JsonSink<W> {
    fn new(h: &Heading<'_>, mut out: W, path: &Path) -> Result<Self, SheetError> {
        out.write_all(b"[").map_err(|e| werr(path, e))?;
        Ok(JsonSink {
            out,
            path: path.into(),
            keys: h.keys.iter().map(|k| k.to_string()).collect(),
            n: 0,
        })
    }
}

impl<W: Write> RowSink for JsonSink<W> {
    fn row(&mut self, cells: &[Cell]) -> Result<(), SheetError> {
        let obj: serde_json::Map<String, serde_json::Value> = self
            .keys
            .iter()
            .zip(cells)
            .map(|(h, c)| (h.clone(), json_value(c)))
            .collect();
        self.out
            .write_all(if self.n == 0 { b"\n" } else { b",\n" })
            .map_err(|e| werr(&self.path, e))?;
        serde_json::to_writer(&mut self.out, &obj).map_err(|e| werr(&self.path, e))?;
        self.n += 1;
        Ok(())
    }
    fn finish(mut self: Box<Self>) -> Result<usize, SheetError> {
        self.out
            .write_all(b"\n]\n")
            .and_then(|_| self.out.flush())
            .map_err(|e| werr(&self.path, e))?;
        Ok(0)
    }
}

fn json_value(c: &Cell) -> serde_json::Value {
    match c {
        Cell::Null => serde_json::Value::Null,
        Cell::Int(i) => (*i).into(),
        Cell::Real(f) => serde_json::Number::from_f64(*f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        Cell::Text(s) => s.clone().into(),
    }
}

/// Widest a column grows, in characters of Excel's default font.
const MAX_WIDTH: usize = 60;

struct XlsxSink<W: Write> {
    out: W,
    book: Workbook,
    path: PathBuf,
    row: u32,
    widths: Vec<usize>,
    date: XFormat,
}

impl<W: Write> XlsxSink<W> {
    fn new(h: &Heading<'_>, out: W, path: &Path) -> Result<Self, SheetError> {
        let mut book = Workbook::new();
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
fn iso_date(s: &str) -> Option<ExcelDateTime> {
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

impl<W: Write> RowSink for XlsxSink<W> {
    fn row(&mut self, cells: &[Cell]) -> Result<(), SheetError> {
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

    fn finish(mut self: Box<Self>) -> Result<usize, SheetError> {
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
            .map_err(|e| werr(&path, e))?;
        Ok(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_looking_text_is_neutralised() {
        assert_eq!(csv_text(&Cell::Text("=1+1".into())), "'=1+1");
        assert_eq!(csv_text(&Cell::Text("@SUM(A1)".into())), "'@SUM(A1)");
        assert_eq!(csv_text(&Cell::Text("山田".into())), "山田");
        assert_eq!(csv_text(&Cell::Int(-5)), "-5");
    }

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let mut s = String::new();
        csv_line(&mut s, &["a", "b,c", "say \"hi\"", "two\nlines", ""]);
        assert_eq!(s, "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
        s.clear();
        csv_line(&mut s, &[""]);
        assert_eq!(s, "\"\"\r\n");
    }

    #[test]
    fn cp932_replaces_what_it_cannot_hold() {
        let (b, n) = to_cp932("山田,𠮷野\r\n");
        assert_eq!(n, 1);
        let (back, _) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(&b);
        assert_eq!(back, "山田,〓野\r\n");
    }

    #[test]
    fn only_real_dates_become_dates() {
        assert!(iso_date("2025-04-01").is_some());
        assert!(iso_date("2025-02-30").is_none());
        assert!(iso_date("2025/04/01").is_none());
        assert!(iso_date("20250401").is_none());
    }

    #[test]
    fn sheet_names_fit_excel() {
        assert_eq!(sheet_name("a/b"), "ab");
        assert_eq!(sheet_name(""), "Sheet1");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }
}
