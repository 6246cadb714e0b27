//! Reading a roster: CSV in UTF-8 (with or without BOM) or Shift_JIS/CP932, or the first
//! sheet of an XLSX workbook, into a header row and rows of text, each with the row number
//! a person finds it under (the line in a text editor, the row in Excel).

use std::path::{Path, PathBuf};

use calamine::{Data, Reader};

use super::SheetError;

/// How the bytes of a CSV file are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8 when the bytes are UTF-8 (a BOM says so outright), else CP932.
    #[default]
    Auto,
    Utf8,
    Cp932,
}

impl Encoding {
    pub fn parse(s: &str) -> Option<Encoding> {
        match s.to_ascii_lowercase().replace(['-', '_'], "").as_str() {
            "auto" => Some(Encoding::Auto),
            "utf8" | "utf8bom" => Some(Encoding::Utf8),
            "cp932" | "sjis" | "shiftjis" | "windows31j" | "ms932" => Some(Encoding::Cp932),
            _ => None,
        }
    }
}

/// One data row: where it is in the file, and its cells as text.
#[derive(Debug, Clone)]
pub struct SheetRow {
    pub row: usize,
    pub cells: csv::StringRecord,
}

/// A file read whole: its header row and its data rows (blank rows left out).
#[derive(Debug, Clone)]
pub struct Table {
    pub path: PathBuf,
    pub headers: Vec<String>,
    pub rows: Vec<SheetRow>,
    /// What the file was read as: "UTF-8", "CP932" or "XLSX".
    pub read_as: &'static str,
}

impl Table {
    /// The cell under header `col` in `r` ("" beyond the end of a short row).
    pub fn cell<'a>(&self, r: &'a SheetRow, col: usize) -> &'a str {
        r.cells.get(col).unwrap_or("")
    }
}

/// Reads `path` by its extension: `.csv`/`.txt` (comma), `.tsv` (tab), `.xlsx`/`.xlsm`.
pub fn read_table(path: &Path, enc: Encoding) -> Result<Table, SheetError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => read_csv(path, enc, b','),
        "tsv" => read_csv(path, enc, b'\t'),
        "xlsx" | "xlsm" => read_xlsx(path),
        _ => Err(SheetError::UnknownType { path: path.into() }),
    }
}

fn io(path: &Path, e: impl std::fmt::Display) -> SheetError {
    SheetError::Io {
        path: path.into(),
        reason: e.to_string(),
    }
}

/// The bytes as text, in the encoding given or found, and its name.
pub fn decode(
    path: &Path,
    bytes: &[u8],
    enc: Encoding,
) -> Result<(String, &'static str), SheetError> {
    let line_of = |at: usize| {
        bytes[..at.min(bytes.len())]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1
    };
    let utf8 = |b: &[u8]| -> Result<String, SheetError> {
        std::str::from_utf8(b)
            .map(str::to_string)
            .map_err(|e| SheetError::Encoding {
                path: path.into(),
                row: line_of(e.valid_up_to() + (bytes.len() - b.len())),
                encoding: "UTF-8",
            })
    };
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let body = if bom { &bytes[3..] } else { bytes };
    let cp932 = || -> Result<String, SheetError> {
        let (text, had_errors) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(bytes);
        if had_errors {
            let at = text.find('\u{fffd}').unwrap_or(0);
            let row = text[..at].matches('\n').count() + 1;
            return Err(SheetError::Encoding {
                path: path.into(),
                row,
                encoding: "CP932 (Shift_JIS)",
            });
        }
        Ok(text.into_owned())
    };
    match enc {
        Encoding::Utf8 => Ok((utf8(body)?, "UTF-8")),
        Encoding::Cp932 => Ok((cp932()?, "CP932")),
        Encoding::Auto if bom => Ok((utf8(body)?, "UTF-8")),
        Encoding::Auto => match std::str::from_utf8(bytes) {
            Ok(s) => Ok((s.to_string(), "UTF-8")),
            Err(_) => Ok((cp932()?, "CP932")),
        },
    }
}

fn read_csv(path: &Path, enc: Encoding, delimiter: u8) -> Result<Table, SheetError> {
    let bytes = std::fs::read(path).map_err(|e| io(path, e))?;
    let (text, read_as) = decode(path, &bytes, enc)?;
    drop(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut rec = csv::StringRecord::new();
    // The csv crate's line numbers run behind with CRLF ends and after blank lines
    // (rust-csv #395, #208); its byte offsets are right, so lines are counted here.
    let mut lines = LineCounter::new(&text);
    loop {
        let line = lines.at(reader.position().byte() as usize);
        match reader.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let row = e
                    .position()
                    .map(|p| lines.at(p.byte() as usize))
                    .unwrap_or(line);
                return Err(SheetError::Csv {
                    path: path.into(),
                    row,
                    reason: csv_reason(&e),
                });
            }
        }
        if is_blank(rec.iter()) {
            continue;
        }
        // A record read after blank lines starts at its first non-blank byte.
        let row = rec
            .position()
            .map(|p| lines.at(skip_blank_lines(&text, p.byte() as usize)))
            .unwrap_or(line);
        match headers {
            None => headers = Some(header_row(rec.iter())),
            Some(_) => rows.push(SheetRow {
                row,
                cells: rec.clone(),
            }),
        }
    }
    let headers = headers.ok_or_else(|| SheetError::Empty { path: path.into() })?;
    Ok(Table {
        path: path.into(),
        headers,
        rows,
        read_as,
    })
}

/// Line numbers (1-based) of byte offsets, asked for in increasing order.
struct LineCounter<'t> {
    text: &'t [u8],
    at: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte < self.at {
            self.at = 0;
            self.line = 1;
        }
        self.line += self.text[self.at..byte]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.at = byte;
        self.line
    }
}

/// The first byte at or after `at` that is not part of a blank line.
fn skip_blank_lines(text: &str, mut at: usize) -> usize {
    let b = text.as_bytes();
    loop {
        let mut i = at;
        while i < b.len() && (b[i] == b'\r' || b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        if i < b.len() && b[i] == b'\n' {
            at = i + 1;
        } else {
            return at;
        }
    }
}

fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!("not UTF-8 text in field {}", err.field() + 1),
        _ => e.to_string(),
    }
}

fn is_blank<'a>(mut cells: impl Iterator<Item = &'a str>) -> bool {
    cells.all(|c| c.trim().is_empty())
}

/// Header cells trimmed, with the empty ones Excel leaves at the end of a row dropped.
fn header_row<'a>(cells: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut h: Vec<String> = cells
        .map(|c| {
            c.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
                .to_string()
        })
        .collect();
    while h.last().is_some_and(|c| c.is_empty()) {
        h.pop();
    }
    h
}

fn read_xlsx(path: &Path) -> Result<Table, SheetError> {
    let unreadable = |e: &dyn std::fmt::Display| SheetError::Unreadable {
        path: path.into(),
        reason: e.to_string(),
    };
    if !path.exists() {
        return Err(io(path, std::io::Error::from(std::io::ErrorKind::NotFound)));
    }
    let mut book = calamine::open_workbook_auto(path).map_err(|e| unreadable(&e))?;
    let range = match book.worksheet_range_at(0) {
        Some(r) => r.map_err(|e| unreadable(&e))?,
        None => return Err(SheetError::Empty { path: path.into() }),
    };
    let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let row = first_row + i + 1;
        let mut rec = csv::StringRecord::with_capacity(64, cells.len());
        for (c, d) in cells.iter().enumerate() {
            match cell_text(d) {
                Ok(t) => rec.push_field(&t),
                Err(reason) => {
                    return Err(SheetError::CellError {
                        path: path.into(),
                        row,
                        column: headers
                            .as_ref()
                            .and_then(|h| h.get(c).cloned())
                            .unwrap_or_else(|| column_letter(c)),
                        reason,
                    });
                }
            }
        }
        if is_blank(rec.iter()) {
            continue;
        }
        match headers {
            None => headers = Some(header_row(rec.iter())),
            Some(_) => rows.push(SheetRow { row, cells: rec }),
        }
    }
    let headers = headers.ok_or_else(|| SheetError::Empty { path: path.into() })?;
    Ok(Table {
        path: path.into(),
        headers,
        rows,
        read_as: "XLSX",
    })
}

/// A cell as the text it stands for: whole numbers without ".0" (a staff number typed as
/// a number stays 2600005), dates as ISO dates.
fn cell_text(d: &Data) -> Result<String, String> {
    Ok(match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 => {
            format!("{}", *f as i64)
        }
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "1" } else { "0" }.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{d:02}")
            } else {
                format!("{y:04}-{m:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTime(dt) => dt.as_f64().to_string(),
        Data::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Err(e.to_string()),
    })
}

/// `A`, `B`, … `Z`, `AA` for a 0-based column.
pub fn column_letter(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn encodings_are_told_apart() {
        let p = Path::new("x.csv");
        let sjis = encoding_rs::SHIFT_JIS.encode("職員番号,氏\r\n1,山田\r\n").0;
        assert_eq!(decode(p, &sjis, Encoding::Auto).unwrap().1, "CP932");
        assert_eq!(
            decode(p, &sjis, Encoding::Auto).unwrap().0,
            "職員番号,氏\r\n1,山田\r\n"
        );
        let bom = b"\xEF\xBB\xBFa,b\n".to_vec();
        assert_eq!(
            decode(p, &bom, Encoding::Auto).unwrap(),
            ("a,b\n".into(), "UTF-8")
        );
        let err = decode(p, &sjis, Encoding::Utf8).unwrap_err();
        assert!(
            matches!(err, SheetError::Encoding { row: 1, .. }),
            "{err:?}"
        );
        let mut bad = b"a\nb\n".to_vec();
        bad.extend([0x82, 0xff, b'\n']);
        let err = decode(p, &bad, Encoding::Cp932).unwrap_err();
        assert!(
            matches!(err, SheetError::Encoding { row: 3, .. }),
            "{err:?}"
        );
    }
}
