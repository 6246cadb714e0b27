//! End to end: `jinji import KIND FILE` from CSV (UTF-8 with or without BOM, CP932) and
//! XLSX, English or Japanese headers; problems as `FILE:ROW:COLUMN: reason`, all or
//! nothing; round trips with `jinji export`; and `Db::import` through the library.

mod cli;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cli::*;
use jinji::sheet::{Encoding, read_table};
use jinji::store::export::{Cell, kind};
use jinji::store::import::{Unwatched, Watch, import_kind, import_kind_names};
use jinji::store::{Db, OpenMode};
use serde_json::Value;

/// The kinds `import` takes, in the order a new database is filled.
const ORDER: [&str; 7] = [
    "units",
    "staff",
    "assignments",
    "courses",
    "sessions",
    "enrolments",
    "qualifications",
];

const UNITS: &str = "unit_code,name,parent_code,kind,kana,valid_from,valid_to\n\
    U1,総務課,,section,ソウムカ,2000-04-01,\n\
    U2,人事課,,section,ジンジカ,2000-04-01,\n";

const STAFF_H: &str = "staff_no,family_name,given_name,family_kana,given_kana,birth_date,\
    hire_date,unit_code,position,grade,job_type,track,status,sex,retire_date,\
    supervisor_staff_no,email,phone";

const JA_H: &str = "職員番号,氏,名,氏カナ,名カナ,生年月日,採用日,所属コード,職位,級,職種,性別";

/// A valid staff row under [`STAFF_H`].
fn person(no: &str, family: &str, sup: &str, email: &str) -> String {
    format!(
        "{no},{family},太郎,ヤマダ,タロウ,1980-04-01,2005-04-01,U1,clerk,2,office,\
         generalist,active,M,,{sup},{email},"
    )
}

/// A CSV text (LF line ends) of `header` and `rows`.
fn table(header: &str, rows: &[String]) -> String {
    let mut s = format!("{header}\n");
    for r in rows {
        s.push_str(r);
        s.push('\n');
    }
    s
}

fn put(w: &Scratch, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = w.path(name);
    std::fs::write(&p, bytes).expect("write the test file");
    p
}

fn import(w: &Scratch, db: &Path, kind: &str, file: &str, extra: &[&str]) -> Out {
    let mut args = vec!["--db", s(db), "import", kind, file];
    args.extend_from_slice(extra);
    w.run(&args)
}

/// An empty database (admin: the scratch login) holding units U1 and U2.
fn ward(w: &Scratch) -> PathBuf {
    let db = w.init("w.db");
    put(w, "units.csv", UNITS);
    import(w, &db, "units", "units.csv", &[]).ok();
    db
}

fn export(w: &Scratch, db: &Path, args: &[&str]) -> Vec<u8> {
    let mut a = vec!["--db", s(db), "export"];
    a.extend_from_slice(args);
    w.run(&a).ok().stdout_bytes
}

/// Staff as exported to JSON, by staff number.
fn staff_json(w: &Scratch, db: &Path) -> BTreeMap<String, Value> {
    let out = export(w, db, &["staff", "--format", "json"]);
    let rows: Vec<Value> = serde_json::from_slice(&out).expect("json");
    rows.into_iter()
        .map(|r| (r["staff_no"].as_str().unwrap().to_string(), r))
        .collect()
}

fn audit(w: &Scratch, db: &Path) -> Vec<Value> {
    serde_json::from_slice(&export(w, db, &["audit", "--format", "json"])).expect("json")
}

/// `FILE:ROW:COLUMN:` of each problem line, sorted.
#[track_caller]
fn problem_places(out: &Out) -> Vec<String> {
    out.no_panic();
    assert_eq!(out.code, 2, "problems mean exit 2: {out:#?}");
    let mut v: Vec<String> = out
        .stdout
        .lines()
        .map(|l| {
            let mut parts = l.splitn(4, ':');
            let place: Vec<&str> = parts.by_ref().take(3).collect();
            let reason = parts.next().unwrap_or("");
            assert!(
                reason.starts_with(' ') && reason.len() > 1,
                "a reason: {l:?}"
            );
            format!("{}:", place.join(":"))
        })
        .collect();
    v.sort();
    v
}

#[test]
fn the_seven_kinds_are_importable() {
    assert_eq!(import_kind_names(), ORDER);
    assert!(import_kind("accounts").is_none() && import_kind("audit").is_none());
}

#[test]
fn utf8_with_and_without_bom_and_cp932_read_alike() {
    let w = Scratch::new();
    let db = ward(&w);
    let text = table(
        JA_H,
        &["0000101,山田,花子,ﾔﾏﾀﾞ,ハナコ,1990-05-01,2015-04-01,U1,主事,2,事務,女".into()],
    );
    put(&w, "bom.csv", format!("\u{feff}{text}"));
    put(&w, "plain.csv", &text);
    put(&w, "sjis.csv", encoding_rs::SHIFT_JIS.encode(&text).0);
    let o = import(&w, &db, "staff", "bom.csv", &[]).ok();
    assert!(
        o.stderr
            .contains("(UTF-8): 1 rows — 1 created, 0 updated, 0 unchanged"),
        "{}",
        o.stderr
    );
    let o = import(&w, &db, "staff", "plain.csv", &[]).ok();
    assert!(
        o.stderr
            .contains("(UTF-8): 1 rows — 0 created, 0 updated, 1 unchanged"),
        "{}",
        o.stderr
    );
    let o = import(&w, &db, "staff", "sjis.csv", &[]).ok();
    assert!(
        o.stderr
            .contains("(CP932): 1 rows — 0 created, 0 updated, 1 unchanged"),
        "{}",
        o.stderr
    );
    import(&w, &db, "staff", "sjis.csv", &["--encoding", "cp932"]).ok();
    import(&w, &db, "staff", "sjis.csv", &["--encoding", "utf8"])
        .fails(2, &["sjis.csv:1:", "UTF-8", "--encoding"]);
    let st = &staff_json(&w, &db)["0000101"];
    assert_eq!(
        [
            &st["family_name"],
            &st["given_name"],
            &st["family_kana"],
            &st["position"],
            &st["job_type"],
            &st["sex"],
            &st["track"],
            &st["status"]
        ],
        [
            "山田",
            "花子",
            "ヤマダ",
            "clerk",
            "office",
            "F",
            "generalist",
            "active"
        ]
    );
}

#[test]
fn xlsx_reads_typed_cells_and_names_rows_as_excel_does() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let w = Scratch::new();
    let db = ward(&w);
    let heads: Vec<&str> = STAFF_H.split(',').collect();
    let write = |name: &str, bad_grade: bool| {
        let mut book = Workbook::new();
        let sh = book.add_worksheet();
        let date = Format::new().set_num_format("yyyy/mm/dd");
        for (c, h) in heads.iter().enumerate() {
            sh.write_string(0, c as u16, *h).unwrap();
        }
        for (r, no) in [(1u32, 2600005.0), (2, 2600006.0)] {
            let cells = person("x", "佐藤", "", "");
            for (c, v) in cells.split(',').enumerate() {
                match heads[c] {
                    "staff_no" => sh.write_number(r, 0, no).map(|_| ()),
                    "grade" if bad_grade && r == 2 => sh.write_number(r, c as u16, 99).map(|_| ()),
                    "grade" => sh.write_number(r, c as u16, 3).map(|_| ()),
                    "birth_date" | "hire_date" => {
                        let (y, m, d) = (
                            v[0..4].parse().unwrap(),
                            v[5..7].parse().unwrap(),
                            v[8..].parse().unwrap(),
                        );
                        let dt = ExcelDateTime::from_ymd(y, m, d).unwrap();
                        sh.write_datetime_with_format(r, c as u16, &dt, &date)
                            .map(|_| ())
                    }
                    _ if v.is_empty() => Ok(()),
                    _ => sh.write_string(r, c as u16, v).map(|_| ()),
                }
                .unwrap();
            }
        }
        book.save(w.path(name)).unwrap();
    };
    write("bad.xlsx", true);
    let o = import(&w, &db, "staff", "bad.xlsx", &[]);
    assert_eq!(problem_places(&o), ["bad.xlsx:3:grade:"]);
    assert!(staff_json(&w, &db).is_empty(), "nothing written");
    write("good.xlsx", false);
    let o = import(&w, &db, "staff", "good.xlsx", &[]).ok();
    assert!(
        o.stderr.contains("(XLSX): 2 rows — 2 created"),
        "{}",
        o.stderr
    );
    let st = &staff_json(&w, &db)["2600005"];
    assert_eq!(
        [&st["birth_date"], &st["hire_date"], &st["grade"]],
        [&Value::from("1980-04-01"), &"2005-04-01".into(), &3.into()]
    );
}

#[test]
fn bad_rows_are_listed_by_row_and_column_and_nothing_is_written() {
    let w = Scratch::new();
    let db = ward(&w);
    let long = "x".repeat(10_240);
    let rows = [
        person("2001", "山田", "2003", ""),
        person("2002", &long, "", ""),
        person("2003", "田中", "", ""),
        "2004,山田,太\u{1b}郎,ヤマダ,タロウ,1980-13-01,2005-04-01,ZZ,clerk,99,office,generalist,active,M,,,,".into(),
        "2005,山田\u{202e},太郎,yamada,タロウ,1980-04-01,2005-04-01,U1,boss,2,office,generalist,active,M,,,,".into(),
    ];
    put(&w, "bad.csv", table(STAFF_H, &rows));
    let before = audit(&w, &db).len();
    let o = import(&w, &db, "staff", "bad.csv", &[]);
    assert_eq!(
        problem_places(&o),
        [
            "bad.csv:3:family_name:",
            "bad.csv:5:birth_date:",
            "bad.csv:5:given_name:",
            "bad.csv:5:grade:",
            "bad.csv:5:unit_code:",
            "bad.csv:6:family_kana:",
            "bad.csv:6:family_name:",
            "bad.csv:6:position:",
        ]
    );
    let has = |l: &str| o.stdout.lines().any(|x| x == l);
    assert!(
        has("bad.csv:3:family_name: Family name must be at most 20 characters"),
        "{}",
        o.stdout
    );
    assert!(has(
        "bad.csv:5:given_name: Given name contains control characters"
    ));
    assert!(has(
        "bad.csv:6:family_name: Family name contains control characters"
    ));
    assert!(has(
        "bad.csv:5:unit_code: Unit code refers to nothing that exists"
    ));
    assert!(o.stdout.len() < 2_000, "the 10 kB value is not echoed back");
    assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
    assert!(
        o.stderr
            .starts_with("jinji: 8 problems in 3 rows: nothing was written"),
        "{}",
        o.stderr
    );
    assert!(
        staff_json(&w, &db).is_empty(),
        "the good rows are not written either"
    );
    assert_eq!(audit(&w, &db).len(), before);
}

#[test]
fn problems_are_named_by_the_files_own_headers_and_in_japanese_with_lang_ja() {
    let w = Scratch::new();
    let db = ward(&w);
    put(
        &w,
        "ja.csv",
        table(
            JA_H,
            &[
                "3001,山田,太郎,ヤマダ,タロウ,1980-04-01,2005-04-01,ZZ9,主事,2,事務,男".into(),
                "3002,山\u{1b}田,太郎,ヤマダ,タロウ,1980-04-01,2005-04-01,U1,主事,2,事務,男".into(),
            ],
        ),
    );
    let en = import(&w, &db, "staff", "ja.csv", &[]);
    assert_eq!(
        problem_places(&en),
        ["ja.csv:2:所属コード:", "ja.csv:3:氏:"]
    );
    assert!(
        en.stdout
            .contains("ja.csv:2:所属コード: Unit code refers to nothing that exists"),
        "{}",
        en.stdout
    );
    let ja = w.run(&["--db", s(&db), "--lang", "ja", "import", "staff", "ja.csv"]);
    assert_eq!(
        problem_places(&ja),
        ["ja.csv:2:所属コード:", "ja.csv:3:氏:"]
    );
    assert!(
        ja.stdout
            .contains("ja.csv:2:所属コード: 所属コードに該当するものがありません"),
        "{}",
        ja.stdout
    );
    assert!(
        ja.stdout
            .contains("ja.csv:3:氏: 氏に使用できない制御文字が含まれています"),
        "{}",
        ja.stdout
    );
    assert!(
        ja.stderr
            .contains("2 行に 2 件の問題があるため、何も書き込んでいません"),
        "{}",
        ja.stderr
    );
    put(&w, "empty.csv", "");
    w.run(&[
        "--db",
        s(&db),
        "--lang",
        "ja",
        "import",
        "staff",
        "empty.csv",
    ])
    .fails(2, &["empty.csv: ファイルが空です"]);
}

#[test]
fn formula_looking_names_import_as_text_verbatim() {
    let w = Scratch::new();
    let db = ward(&w);
    let odd = ["=SUM(A1)", "+81312345678", "@x", "-1"];
    let rows: Vec<String> = odd
        .iter()
        .enumerate()
        .map(|(i, n)| person(&format!("40{i}"), n, "", ""))
        .collect();
    put(&w, "odd.csv", table(STAFF_H, &rows));
    import(&w, &db, "staff", "odd.csv", &[]).ok();
    let st = staff_json(&w, &db);
    for (i, n) in odd.iter().enumerate() {
        assert_eq!(st[&format!("40{i}")]["family_name"], *n);
    }
}

#[test]
#[ignore = "BUG: CSV export prefixes formula-looking text with ' and import keeps it, so re-importing an export changes the data"]
fn a_csv_export_with_formula_looking_names_imports_back_unchanged() {
    let w = Scratch::new();
    let db = ward(&w);
    put(
        &w,
        "odd.csv",
        table(
            STAFF_H,
            &[
                person("401", "=SUM(A1)", "", ""),
                person("402", "@x", "", ""),
            ],
        ),
    );
    import(&w, &db, "staff", "odd.csv", &[]).ok();
    let before = staff_json(&w, &db);
    put(&w, "again.csv", export(&w, &db, &["staff"]));
    let o = import(&w, &db, "staff", "again.csv", &[]).ok();
    assert_eq!(staff_json(&w, &db), before, "names as they were");
    assert!(o.stderr.contains("0 updated, 2 unchanged"), "{}", o.stderr);
}

#[test]
fn empty_and_header_only_files() {
    let w = Scratch::new();
    let db = ward(&w);
    put(&w, "empty.csv", "");
    import(&w, &db, "staff", "empty.csv", &[])
        .fails(2, &["empty.csv: the file is empty (no header row)"]);
    put(&w, "bom.csv", "\u{feff}\n\n");
    import(&w, &db, "staff", "bom.csv", &[]).fails(2, &["bom.csv", "empty"]);
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet();
    book.save(w.path("empty.xlsx")).unwrap();
    import(&w, &db, "staff", "empty.xlsx", &[]).fails(2, &["empty.xlsx", "empty"]);
    put(&w, "head.csv", format!("{STAFF_H}\n"));
    let o = import(&w, &db, "staff", "head.csv", &[]).ok();
    assert!(
        o.stderr
            .contains("0 rows — 0 created, 0 updated, 0 unchanged"),
        "{}",
        o.stderr
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn typed_forms_are_normalised() {
    let w = Scratch::new();
    let db = ward(&w);
    let row = " ０１２３４５６ , 山田\u{3000},\u{3000}太郎 ,ﾔﾏﾀﾞ,たろう,１９８０／０４／０１,2005/4/1,Ｕ１,clerk,３,office,generalist,active,M,,,  a@example.jp ,";
    put(&w, "n.csv", table(STAFF_H, &[row.into()]));
    import(&w, &db, "staff", "n.csv", &[]).ok();
    let st = staff_json(&w, &db);
    let p = &st["0123456"];
    assert_eq!(
        [
            &p["family_name"],
            &p["given_name"],
            &p["family_kana"],
            &p["given_kana"],
            &p["birth_date"],
            &p["hire_date"],
            &p["unit_code"],
            &p["email"]
        ],
        [
            "山田",
            "太郎",
            "ヤマダ",
            "タロウ",
            "1980-04-01",
            "2005-04-01",
            "U1",
            "a@example.jp"
        ]
    );
    assert_eq!(p["grade"], 3);
}

#[test]
fn a_missing_key_column_is_a_problem_on_the_header_row() {
    let w = Scratch::new();
    let db = ward(&w);
    put(&w, "nokey.csv", "family_name,email\n山田,a@b\n");
    let o = import(&w, &db, "staff", "nokey.csv", &[]);
    assert_eq!(problem_places(&o), ["nokey.csv:1:staff_no:"]);
    put(&w, "late.csv", "\n\n氏,メール\n山田,a@b\n");
    assert_eq!(
        problem_places(&import(&w, &db, "staff", "late.csv", &[])),
        ["late.csv:3:staff_no:"]
    );
    put(
        &w,
        "asg.csv",
        "staff_no,unit_code,position,reason\n1,U1,clerk,hire\n",
    );
    assert_eq!(
        problem_places(&import(&w, &db, "assignments", "asg.csv", &[])),
        ["asg.csv:1:start_date:"]
    );
}

#[test]
fn supervisors_later_in_the_file_are_found_and_unknown_ones_refused() {
    let w = Scratch::new();
    let db = ward(&w);
    put(
        &w,
        "late.csv",
        table(
            STAFF_H,
            &[
                person("5001", "部下", "5002", ""),
                person("5002", "上司", "", ""),
            ],
        ),
    );
    import(&w, &db, "staff", "late.csv", &[]).ok();
    assert_eq!(staff_json(&w, &db)["5001"]["supervisor_staff_no"], "5002");
    put(
        &w,
        "none.csv",
        table(
            STAFF_H,
            &[
                person("5003", "部下", "", ""),
                person("5004", "部下", "9999", ""),
            ],
        ),
    );
    let o = import(&w, &db, "staff", "none.csv", &[]);
    assert_eq!(problem_places(&o), ["none.csv:3:supervisor_staff_no:"]);
    assert!(!staff_json(&w, &db).contains_key("5003"), "all or nothing");
}

#[test]
fn reimport_changes_nothing_and_one_changed_cell_is_one_audited_update() {
    let w = Scratch::new();
    let db = ward(&w);
    let mut rows = vec![
        person("6001", "山田", "", "a@x.jp"),
        person("6002", "佐藤", "6001", ""),
        person("6003", "鈴木", "", ""),
    ];
    put(&w, "s.csv", table(STAFF_H, &rows));
    import(&w, &db, "staff", "s.csv", &[]).ok();
    let (n, before) = (audit(&w, &db).len(), staff_json(&w, &db));
    let o = import(&w, &db, "staff", "s.csv", &[]).ok();
    assert!(
        o.stderr
            .contains("3 rows — 0 created, 0 updated, 3 unchanged"),
        "{}",
        o.stderr
    );
    assert_eq!(
        (audit(&w, &db).len(), staff_json(&w, &db)),
        (n, before.clone())
    );
    rows[1] = person("6002", "佐藤", "6001", "new@x.jp");
    put(&w, "s.csv", table(STAFF_H, &rows));
    let o = import(&w, &db, "staff", "s.csv", &[]).ok();
    assert!(
        o.stderr
            .contains("3 rows — 0 created, 1 updated, 2 unchanged"),
        "{}",
        o.stderr
    );
    let log = audit(&w, &db);
    assert_eq!(log.len(), n + 1, "one audit row");
    let last = &log[n];
    assert_eq!(
        (&last["table_name"], &last["actor"]),
        (&Value::from("staff"), &Value::from(LOGIN))
    );
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    assert!(
        text(&last["before"]).contains("\"6002\"") && !text(&last["before"]).contains("new@x.jp")
    );
    assert!(text(&last["after"]).contains("new@x.jp"), "{last}");
    let after = staff_json(&w, &db);
    assert_eq!(after["6002"]["email"], "new@x.jp");
    assert_eq!(
        (&after["6001"], &after["6003"]),
        (&before["6001"], &before["6003"])
    );
}

#[test]
fn a_partial_file_updates_only_its_columns() {
    let w = Scratch::new();
    let db = ward(&w);
    put(
        &w,
        "s.csv",
        table(
            STAFF_H,
            &[
                person("7001", "山田", "", "old@x.jp"),
                person("7002", "佐藤", "7001", ""),
            ],
        ),
    );
    import(&w, &db, "staff", "s.csv", &[]).ok();
    let before = staff_json(&w, &db);
    put(&w, "mail.csv", "staff_no,email\n7002,b@x.jp\n");
    let o = import(&w, &db, "staff", "mail.csv", &[]).ok();
    assert!(
        o.stderr
            .contains("1 rows — 0 created, 1 updated, 0 unchanged"),
        "{}",
        o.stderr
    );
    let after = staff_json(&w, &db);
    let mut want = before["7002"].clone();
    want["email"] = "b@x.jp".into();
    assert_eq!(after["7002"], want);
    assert_eq!(after["7001"], before["7001"]);
}

/// Exports the seven kinds of `db` as CSV into files `{prefix}{kind}.csv`; returns the
/// bytes of each.
fn export_all(w: &Scratch, db: &Path, prefix: &str, extra: &[&str]) -> Vec<Vec<u8>> {
    ORDER
        .iter()
        .map(|k| {
            let mut args = vec![*k];
            args.extend_from_slice(extra);
            let bytes = export(w, db, &args);
            put(w, &format!("{prefix}{k}.csv"), &bytes);
            bytes
        })
        .collect()
}

#[test]
fn every_kind_round_trips_through_csv_byte_for_byte() {
    let w = Scratch::new();
    let demo = w.demo("d.db");
    let first = export_all(&w, &demo, "a_", &[]);
    let fresh = w.init("e.db");
    for k in ORDER {
        let o = import(&w, &fresh, k, &format!("a_{k}.csv"), &[]).ok();
        assert!(
            o.stderr.contains(" 0 updated, 0 unchanged"),
            "{k}: {}",
            o.stderr
        );
    }
    let again = export_all(&w, &fresh, "b_", &[]);
    for (i, k) in ORDER.iter().enumerate() {
        assert!(first[i].len() > 200, "{k}: the demo holds rows");
        assert!(
            first[i] == again[i],
            "{k}: the second export differs from the first"
        );
    }
}

#[test]
fn every_kind_round_trips_through_japanese_headers() {
    let w = Scratch::new();
    let demo = w.demo("d.db");
    let en = export_all(&w, &demo, "en_", &[]);
    let ja = export_all(&w, &demo, "ja_", &["--lang", "ja"]);
    assert!(String::from_utf8_lossy(&ja[1]).starts_with("\u{feff}職員番号,氏,名,氏カナ,名カナ"));
    let fresh = w.init("e.db");
    for k in ORDER {
        w.run(&[
            "--db",
            s(&fresh),
            "--lang",
            "ja",
            "import",
            k,
            &format!("ja_{k}.csv"),
        ])
        .ok();
    }
    for (i, k) in ORDER.iter().enumerate() {
        assert!(
            export(&w, &fresh, &[k]) == en[i],
            "{k}: differs after a Japanese round trip"
        );
    }
}

#[test]
fn staff_round_trip_through_xlsx() {
    let w = Scratch::new();
    let demo = w.demo("d.db");
    put(&w, "units.csv", export(&w, &demo, &["units"]));
    let csv = export(&w, &demo, &["staff"]);
    w.run(&["--db", s(&demo), "export", "staff", "--out", "staff.xlsx"])
        .ok();
    let fresh = w.init("e.db");
    import(&w, &fresh, "units", "units.csv", &[]).ok();
    let o = import(&w, &fresh, "staff", "staff.xlsx", &[]).ok();
    assert!(o.stderr.contains("(XLSX)"), "{}", o.stderr);
    assert!(
        export(&w, &fresh, &["staff"]) == csv,
        "staff differs after XLSX"
    );
}

#[test]
fn a_failing_import_leaves_the_database_as_it_was() {
    let w = Scratch::new();
    let demo = w.demo("d.db");
    let before: Vec<Vec<u8>> = ["staff", "audit", "units"]
        .iter()
        .map(|k| export(&w, &demo, &[k]))
        .collect();
    let text = String::from_utf8(before[0].clone()).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    assert!(lines.len() > 40);
    // Every row changed a little (email), one of them wrong (grade 99).
    for l in lines.iter_mut().skip(1) {
        let mut cells: Vec<String> = l.split(',').map(String::from).collect();
        cells[16] = format!("{}@example.jp", cells[0]);
        *l = cells.join(",");
    }
    let mut bad: Vec<String> = lines[30].split(',').map(String::from).collect();
    bad[9] = "99".into();
    lines[30] = bad.join(",");
    put(&w, "many.csv", lines.join("\n") + "\n");
    let o = import(&w, &demo, "staff", "many.csv", &[]);
    assert_eq!(problem_places(&o), ["many.csv:31:grade:"]);
    let after: Vec<Vec<u8>> = ["staff", "audit", "units"]
        .iter()
        .map(|k| export(&w, &demo, &[k]))
        .collect();
    assert!(before == after, "nothing written");
}

#[test]
fn a_dry_run_counts_and_writes_nothing() {
    let w = Scratch::new();
    let db = ward(&w);
    put(
        &w,
        "s.csv",
        table(
            STAFF_H,
            &[
                person("8001", "山田", "", ""),
                person("8002", "佐藤", "8001", ""),
            ],
        ),
    );
    let n = audit(&w, &db).len();
    let o = import(&w, &db, "staff", "s.csv", &["--dry-run"]).ok();
    assert_eq!(
        o.stderr.trim(),
        "Dry run of staff from s.csv (UTF-8): 2 rows would be 2 created, 0 updated, 0 unchanged. Nothing was written."
    );
    assert!(staff_json(&w, &db).is_empty());
    assert_eq!(audit(&w, &db).len(), n);
    put(&w, "b.csv", table(STAFF_H, &[person("8003", "", "", "")]));
    let o = import(&w, &db, "staff", "b.csv", &["--dry-run"]);
    assert_eq!(problem_places(&o), ["b.csv:2:family_name:"]);
    assert!(
        o.stderr
            .contains("Dry run: 1 problems in 1 rows; nothing was written."),
        "{}",
        o.stderr
    );
}

#[test]
fn staff_and_supervisors_cannot_import() {
    let w = Scratch::new();
    let demo = w.demo("d.db");
    put(&w, "staff.csv", export(&w, &demo, &["staff"]));
    let before = export(&w, &demo, &["audit"]);
    for role in ["staff", "supervisor"] {
        let login = w.login_with_role(&demo, role);
        w.run_as(&login, &["--db", s(&demo), "import", "staff", "staff.csv"])
            .fails(2, &["admin", "HR"]);
        w.run_as(
            &login,
            &[
                "--db",
                s(&demo),
                "import",
                "units",
                "nowhere.csv",
                "--dry-run",
            ],
        )
        .fails(2, &[]);
    }
    let hr = w.login_with_role(&demo, "hr");
    w.run_as(
        &hr,
        &[
            "--db",
            s(&demo),
            "import",
            "staff",
            "staff.csv",
            "--dry-run",
        ],
    )
    .ok();
    assert!(export(&w, &demo, &["audit"]) == before);
}

/// Cancels once `after` rows are done.
struct CancelAfter {
    after: usize,
    done: usize,
}

impl Watch for CancelAfter {
    fn row_done(&mut self, done: usize, _total: usize) {
        self.done = done;
    }
    fn cancelled(&self) -> bool {
        self.done >= self.after
    }
}

fn lib_rows(db: &Db, name: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    db.export_all(kind(name).unwrap(), |r| {
        out.push(r.iter().map(Cell::as_text).collect());
        Ok(())
    })
    .unwrap();
    out
}

#[test]
fn a_cancelled_import_through_the_library_writes_nothing() {
    let w = Scratch::new();
    let path = ward(&w);
    let rows: Vec<String> = (0..200)
        .map(|i| person(&format!("9{i:05}"), "山田", "", ""))
        .collect();
    let file = put(&w, "many.csv", table(STAFF_H, &rows));
    let t = read_table(&file, Encoding::Auto).expect("read");
    assert_eq!(
        (t.rows.len(), t.rows[0].row, t.rows[199].row, t.read_as),
        (200, 2, 201, "UTF-8")
    );
    let db = Db::open(&path, OpenMode::Existing).expect("open");
    let staff = import_kind("staff").unwrap();
    let audit_before = lib_rows(&db, "audit");
    for after in [70, 200] {
        let mut watch = CancelAfter { after, done: 0 };
        let r = db
            .import(staff, &t.headers, &t.rows, false, &mut watch)
            .expect("import");
        assert!(r.cancelled && !r.written, "after {after}: {r:?}");
        assert!(
            lib_rows(&db, "staff").is_empty(),
            "after {after}: nothing written"
        );
        assert_eq!(lib_rows(&db, "audit"), audit_before);
    }
    let r = db
        .import(staff, &t.headers, &t.rows, true, &mut Unwatched)
        .unwrap();
    assert_eq!(
        (r.rows, r.created, r.written, r.cancelled),
        (200, 200, false, false)
    );
    assert!(
        lib_rows(&db, "staff").is_empty(),
        "a dry run writes nothing"
    );
    let r = db
        .import(staff, &t.headers, &t.rows, false, &mut Unwatched)
        .unwrap();
    assert!(
        r.written && r.problems.is_empty() && r.created == 200,
        "{r:?}"
    );
    assert_eq!(lib_rows(&db, "staff").len(), 200);
}

#[test]
#[ignore = "BUG: CSV row numbers come from csv::Position::line, which lags one line behind with CRLF line ends"]
fn rows_of_a_crlf_file_are_the_lines_an_editor_shows() {
    let w = Scratch::new();
    let db = ward(&w);
    let text =
        table(STAFF_H, &[person("1", "", "", ""), person("2", "", "", "")]).replace('\n', "\r\n");
    put(&w, "crlf.csv", text);
    let o = import(&w, &db, "staff", "crlf.csv", &[]);
    assert_eq!(
        problem_places(&o),
        ["crlf.csv:2:family_name:", "crlf.csv:3:family_name:"]
    );
}

#[test]
#[ignore = "BUG: a row right after a blank line is reported on the blank line (csv::Position::line)"]
fn rows_after_a_blank_line_keep_their_line_number() {
    let w = Scratch::new();
    let db = ward(&w);
    put(
        &w,
        "gap.csv",
        format!(
            "{STAFF_H}\n{}\n\n{}\n",
            person("1", "山田", "", ""),
            person("2", "", "", "")
        ),
    );
    let o = import(&w, &db, "staff", "gap.csv", &[]);
    assert_eq!(problem_places(&o), ["gap.csv:4:family_name:"]);
}
