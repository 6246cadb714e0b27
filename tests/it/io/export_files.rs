//! End to end: the files `jinji export` writes, read back as another program would —
//! XLSX through calamine, CSV in UTF-8 (BOM) and CP932 — and how they are created.

use crate::support::cli;

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto};
use cli::*;
use jinji::sheet::{Encoding, read_table};
use jinji::store::export::kind;

const STAFF_H: &str = "staff_no,family_name,given_name,family_kana,given_kana,birth_date,\
    hire_date,unit_code,position,grade,job_type,track,status,sex,retire_date,\
    supervisor_staff_no,email,phone";

/// A database with one unit and three people whose names a spreadsheet or CP932 would
/// trip over: 0000001 `=1+1`, 0000002 `𠮷野`, 0000003 `@x` `-1` with phone `+81 …`.
fn ward(w: &Scratch) -> PathBuf {
    let db = w.init("w.db");
    std::fs::write(
        w.path("units.csv"),
        "unit_code,name,parent_code,kind,kana,valid_from,valid_to\n\
         U1,総務課,,section,ソウムカ,2000-04-01,\n",
    )
    .unwrap();
    w.run(&["--db", s(&db), "import", "units", "units.csv"])
        .ok();
    let row = |no: &str, family: &str, given: &str, phone: &str| {
        format!(
            "{no},{family},{given},ヤマダ,タロウ,1980-04-01,2005-04-01,U1,clerk,2,office,\
             generalist,active,M,,,,{phone}\n"
        )
    };
    let text = format!(
        "{STAFF_H}\n{}{}{}",
        row("0000001", "=1+1", "花子", ""),
        row("0000002", "𠮷野", "太郎", ""),
        row("0000003", "@x", "-1", "+81 3 1234 5678"),
    );
    std::fs::write(w.path("staff.csv"), text).unwrap();
    w.run(&["--db", s(&db), "import", "staff", "staff.csv"])
        .ok();
    db
}

fn export(w: &Scratch, db: &Path, args: &[&str]) -> Out {
    let mut a = vec!["--db", s(db), "export"];
    a.extend_from_slice(args);
    w.run(&a).ok()
}

/// CSV rows of `text` (no BOM).
fn csv_rows(text: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text)
        .records()
        .map(|r| r.expect("CSV parses").iter().map(String::from).collect())
        .collect()
}

fn row_of<'a>(rows: &'a [Vec<String>], no: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r[0] == no)
        .unwrap_or_else(|| panic!("no row {no}"))
}

#[test]
fn xlsx_holds_headers_text_as_text_and_dates_as_dates() {
    let w = Scratch::new();
    let db = ward(&w);
    let out = export(&w, &db, &["staff", "--out", "staff.xlsx"]);
    assert_eq!(out.stderr.trim(), "staff: wrote 3 rows to staff.xlsx");
    let mut book = open_workbook_auto(w.path("staff.xlsx")).expect("calamine opens it");
    let name = book.sheet_names()[0].clone();
    assert_eq!(name, "Staff");
    let range = book.worksheet_range(&name).expect("sheet");
    let rows: Vec<&[Data]> = range.rows().collect();
    let headers = kind("staff").unwrap().headers;
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[0],
        headers
            .iter()
            .map(|h| Data::String(h.to_string()))
            .collect::<Vec<_>>()
    );
    let at = |h: &str| headers.iter().position(|x| *x == h).unwrap();
    let (r, row) = rows
        .iter()
        .enumerate()
        .find(|(_, r)| r[0] == Data::String("0000001".into()))
        .expect("a staff number with its zeros, as a string");
    assert_eq!(row[at("family_name")], Data::String("=1+1".into()));
    let formulas = book.worksheet_formula(&name).expect("formulas");
    let pos = (r as u32, at("family_name") as u32);
    assert!(
        formulas.get_value(pos).is_none_or(|f| f.is_empty()),
        "{:?}",
        formulas.get_value(pos)
    );
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formula anywhere"
    );
    for (h, want) in [("birth_date", (1980, 4, 1)), ("hire_date", (2005, 4, 1))] {
        match &row[at(h)] {
            Data::DateTime(dt) => {
                assert!(dt.is_datetime(), "{h}");
                let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
                assert_eq!(((y, m, d), (hh, mm, ss)), (want, (0, 0, 0)), "{h}");
            }
            other => panic!("{h}: {other:?} is not a date cell"),
        }
    }
    assert_eq!(row[at("grade")], Data::Float(2.0), "numbers are numbers");
    assert!(matches!(row[at("retire_date")], Data::Empty));
    let row3 = rows
        .iter()
        .find(|r| r[0] == Data::String("0000003".into()))
        .unwrap();
    assert_eq!(row3[at("given_name")], Data::String("-1".into()));
    assert_eq!(row3[at("phone")], Data::String("+81 3 1234 5678".into()));
    // The importer reads it back as the text it was.
    let t = read_table(&w.path("staff.xlsx"), Encoding::Auto).expect("read");
    assert_eq!(t.headers, headers);
    let first = t.rows.iter().find(|r| &r.cells[0] == "0000001").unwrap();
    assert_eq!((&first.cells[1], &first.cells[5]), ("=1+1", "1980-04-01"));
}

#[test]
fn xlsx_in_japanese_has_japanese_headers_and_sheet_name() {
    let w = Scratch::new();
    let db = ward(&w);
    w.run(&[
        "--db",
        s(&db),
        "--lang",
        "ja",
        "export",
        "staff",
        "--out",
        "ja.xlsx",
    ])
    .ok();
    let mut book = open_workbook_auto(w.path("ja.xlsx")).unwrap();
    let name = book.sheet_names()[0].clone();
    assert_eq!(name, "職員");
    let range = book.worksheet_range(&name).unwrap();
    let head: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        &head[..6],
        ["職員番号", "氏", "名", "氏カナ", "名カナ", "生年月日"]
    );
}

#[test]
fn cp932_csv_has_no_bom_and_geta_for_what_it_cannot_hold() {
    let w = Scratch::new();
    let db = ward(&w);
    let out = export(&w, &db, &["staff", "--encoding", "cp932"]);
    let bytes = &out.stdout_bytes;
    assert!(!bytes.starts_with(b"\xEF\xBB\xBF"), "no BOM");
    assert!(bytes.starts_with(b"staff_no,"));
    let (text, had_errors) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(bytes);
    assert!(!had_errors, "valid Shift_JIS");
    assert!(
        std::str::from_utf8(bytes).is_err(),
        "not UTF-8: the names are in CP932"
    );
    let rows = csv_rows(text.as_bytes());
    assert_eq!(row_of(&rows, "0000002")[1], "〓野");
    assert_eq!(row_of(&rows, "0000001")[2], "花子");
    assert!(!text.contains('𠮷'));
    assert_eq!(
        out.stderr.trim(),
        "1 characters CP932 cannot hold were written as 〓"
    );
    let file = export(
        &w,
        &db,
        &["staff", "--encoding", "cp932", "--out", "sj.csv"],
    );
    assert!(
        file.stderr.contains("1 characters CP932 cannot hold"),
        "{}",
        file.stderr
    );
    assert!(
        std::fs::read(w.path("sj.csv")).unwrap() == *bytes,
        "file and stdout alike"
    );
    let ja = w
        .run(&[
            "--db",
            s(&db),
            "--lang",
            "ja",
            "export",
            "staff",
            "--encoding",
            "cp932",
        ])
        .ok();
    assert!(
        ja.stderr
            .contains("CP932 で表せない文字 1 字を〓として書き出しました"),
        "{}",
        ja.stderr
    );
    let (text, _) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(&ja.stdout_bytes);
    assert!(text.starts_with("職員番号,氏,名"), "{text}");
}

#[test]
fn utf8_csv_keeps_the_bom_and_every_character() {
    let w = Scratch::new();
    let db = ward(&w);
    let out = export(&w, &db, &["staff"]);
    assert!(out.stdout_bytes.starts_with(b"\xEF\xBB\xBFstaff_no,"));
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    let rows = csv_rows(&out.stdout_bytes[3..]);
    assert_eq!(row_of(&rows, "0000002")[1], "𠮷野");
    export(&w, &db, &["staff", "--encoding", "utf8", "--out", "u.csv"]);
    assert!(std::fs::read(w.path("u.csv")).unwrap() == out.stdout_bytes);
}

#[test]
fn csv_neutralises_formula_looking_text_and_json_does_not() {
    let w = Scratch::new();
    let db = ward(&w);
    let out = export(&w, &db, &["staff"]);
    let rows = csv_rows(&out.stdout_bytes[3..]);
    let h = &rows[0];
    let at = |name: &str| h.iter().position(|x| x == name).unwrap();
    assert_eq!(row_of(&rows, "0000001")[at("family_name")], "'=1+1");
    let three = row_of(&rows, "0000003");
    assert_eq!(three[at("family_name")], "'@x");
    assert_eq!(three[at("given_name")], "'-1");
    assert_eq!(three[at("phone")], "'+81 3 1234 5678");
    assert_eq!(three[at("grade")], "2");
    assert_eq!(three[at("family_kana")], "ヤマダ");
    let json = export(&w, &db, &["staff", "--format", "json"]);
    let v: Vec<serde_json::Value> = serde_json::from_str(&json.stdout).unwrap();
    let one = v.iter().find(|r| r["staff_no"] == "0000001").unwrap();
    assert_eq!(one["family_name"], "=1+1");
}

#[cfg(unix)]
#[test]
fn exported_files_are_created_for_their_owner_only() {
    let w = Scratch::new();
    let db = ward(&w);
    for f in ["p.csv", "p.xlsx", "p.json"] {
        export(&w, &db, &["staff", "--out", f]);
        assert_eq!(mode(&w.path(f)), 0o600, "{f}");
    }
}

#[cfg(unix)]
#[test]
fn an_export_over_a_readable_file_leaves_it_private() {
    use std::os::unix::fs::PermissionsExt;
    let w = Scratch::new();
    let db = ward(&w);
    for f in ["q.csv", "q.xlsx", "q.json"] {
        std::fs::write(w.path(f), b"old").unwrap();
        std::fs::set_permissions(w.path(f), std::fs::Permissions::from_mode(0o644)).unwrap();
        export(&w, &db, &["staff", "--out", f]);
        assert_eq!(mode(&w.path(f)), 0o600, "{f}");
    }
}

#[test]
fn the_format_follows_the_out_extension_unless_given() {
    let w = Scratch::new();
    let db = ward(&w);
    let bytes = |f: &str| std::fs::read(w.path(f)).unwrap();
    export(&w, &db, &["staff", "--out", "a.xlsx"]);
    assert!(bytes("a.xlsx").starts_with(b"PK\x03\x04"), "a zip");
    assert!(open_workbook_auto(w.path("a.xlsx")).is_ok());
    export(&w, &db, &["staff", "--out", "b.XLSX"]);
    assert!(bytes("b.XLSX").starts_with(b"PK\x03\x04"));
    export(&w, &db, &["staff", "--out", "c.json"]);
    let v: Vec<serde_json::Value> = serde_json::from_slice(&bytes("c.json")).expect("JSON");
    assert_eq!(v.len(), 3);
    assert_eq!(v[0]["staff_no"], "0000001");
    for f in ["d.csv", "e.txt", "noext"] {
        export(&w, &db, &["staff", "--out", f]);
        assert!(bytes(f).starts_with(b"\xEF\xBB\xBFstaff_no,"), "{f}: CSV");
    }
    export(&w, &db, &["staff", "--format", "json", "--out", "f.csv"]);
    assert!(
        serde_json::from_slice::<serde_json::Value>(&bytes("f.csv")).is_ok(),
        "--format wins"
    );
    export(&w, &db, &["staff", "--format", "csv", "--out", "g.xlsx"]);
    assert!(bytes("g.xlsx").starts_with(b"\xEF\xBB\xBF"));
}
