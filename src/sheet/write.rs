//! Writing rows of cells: CSV (UTF-8 with BOM so Excel opens it, or CP932 on request),
//! XLSX (bold frozen header, widths that fit Japanese text, dates as dates, text always
//! as text) and JSON. Rows are written as they come: nothing holds a whole table, and an
//! XLSX sheet keeps one row in memory (its strings in a shared table).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Heading, RowSink, SheetError, werr_io};
use crate::store::Cell;

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
        Format::Xlsx => Box::new(super::xlsx::XlsxSink::new(heading, out, path)?),
    })
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
                .map_err(|e| werr_io(path, e))?;
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
        .map_err(|e| werr_io(&self.path, e))
    }
}

impl<W: Write> RowSink for CsvSink<W> {
    fn row(&mut self, cells: &[Cell]) -> Result<(), SheetError> {
        let texts: Vec<String> = cells.iter().map(csv_text).collect();
        self.record(&texts)
    }
    fn finish(mut self: Box<Self>) -> Result<usize, SheetError> {
        self.out.flush().map_err(|e| werr_io(&self.path, e))?;
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
        out.write_all(b"[").map_err(|e| werr_io(path, e))?;
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
            .map_err(|e| werr_io(&self.path, e))?;
        serde_json::to_writer(&mut self.out, &obj).map_err(|e| werr_io(&self.path, e.into()))?;
        self.n += 1;
        Ok(())
    }
    fn finish(mut self: Box<Self>) -> Result<usize, SheetError> {
        self.out
            .write_all(b"\n]\n")
            .and_then(|_| self.out.flush())
            .map_err(|e| werr_io(&self.path, e))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::xlsx::{iso_date, sheet_name};

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
