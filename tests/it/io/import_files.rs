//! End to end: `jinji import KIND FILE` from CSV (UTF-8 with or without BOM, CP932) and
//! XLSX, English or Japanese headers; problems as `FILE:ROW:COLUMN: reason`, all or
//! nothing; round trips with `jinji export`; and `Db::import` through the library.

use crate::support::cli;

use std::collections::BTreeMap;
use std::path::PathBuf;

use cli::*;
use jinji::import::{Import, Unwatched, Watch, import_kind, import_kind_names};
use jinji::sheet::{Encoding, read_table};
use jinji::store::Cell;
use jinji::store::export::kind;
use jinji::store::{Db, OpenMode};
use serde_json::Value;

/// The kinds `import` takes, in the order a new database is filled.
#[rustfmt::skip]
const ORDER: [&str; 13] = [
    "units", "staff", "assignments", "courses", "sessions", "enrolments", "qualifications",
    "surveys", "posts", "appointments", "job_fits", "leaves", "exam_results",
];

/// Exam results come back into the ward that holds their rounds and the evaluations that
/// let their people sit them (`exam_results_come_back_from_the_marking_sheet`), never
/// into an empty file.
fn into_an_empty_file(k: &&&str) -> bool {
    **k != "exam_results"
}

const UNITS: &str = "unit_code,name,parent_code,kind,kana,valid_from,valid_to\n\
    U1,総務課,,section,ソウムカ,2000-04-01,\n\
    U2,人事課,,section,ジンジカ,2000-04-01,\n";

const STAFF_H: &str = "staff_no,family_name,given_name,family_kana,given_kana,birth_date,\
    hire_date,unit_code,position,grade,job_type,track,status,sex,retire_date,\
    supervisor_staff_no,email,phone";

const JA_H: &str = "職員番号,氏,名,氏カナ,名カナ,生年月日,採用日,所属コード,職位,級,職種,性別";

/// An empty database whose staff numbers may be of any form: the files here number
/// people 5001, A1 … (the seven digits of a ward's default are tested on their own).
fn init_free(w: &Scratch) -> PathBuf {
    let db = w.init("w.db");
    w.run(&["--db", s(&db), "settings", "staff_no_length", "0"])
        .ok();
    db
}

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

#[track_caller]
fn says(text: &str, part: &str) {
    assert!(text.contains(part), "expected {part:?} in {text:?}");
}

/// The values of `names` (space-separated) in `v`, space-separated.
fn fields(v: &Value, names: &str) -> String {
    let one = |n: &str| match &v[n] {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    names.split(' ').map(one).collect::<Vec<_>>().join(" ")
}

/// `FILE:ROW:COLUMN:` of each problem line, sorted, after checking the refusal's shape:
/// exit 2, each line with a reason, one line on stderr.
#[track_caller]
fn problem_places(out: &Out) -> Vec<String> {
    out.no_panic();
    assert_eq!(out.code, 2, "problems mean exit 2: {out:#?}");
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    let place = |l: &str| {
        let mut parts = l.splitn(4, ':');
        let place: Vec<&str> = parts.by_ref().take(3).collect();
        let reason = parts.next().unwrap_or("");
        assert!(reason.len() > 1 && reason.starts_with(' '), "{l:?}");
        format!("{}:", place.join(":"))
    };
    let mut v: Vec<String> = out.stdout.lines().map(place).collect();
    v.sort();
    v
}

/// A scratch world and the database the test works on.
struct T {
    w: Scratch,
    db: PathBuf,
}

impl T {
    /// An empty database (admin: the scratch login) holding units U1 and U2.
    fn ward() -> T {
        let w = Scratch::new();
        let db = init_free(&w);
        let t = T { w, db };
        t.put("units.csv", UNITS);
        t.import("units", "units.csv", &[]).ok();
        t
    }

    fn demo() -> T {
        let w = Scratch::new();
        let db = w.demo("d.db");
        T { w, db }
    }

    fn put(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.w.path(name);
        std::fs::write(&p, bytes).expect("write the test file");
        p
    }

    /// A staff file of `rows` under the English headers.
    fn staff_file(&self, name: &str, rows: &[String]) -> PathBuf {
        self.put(name, table(STAFF_H, rows))
    }

    /// `jinji --db DB ARGS…`
    fn on(&self, args: &[&str]) -> Out {
        self.w.run(&[&["--db", s(&self.db)][..], args].concat())
    }

    fn import(&self, kind: &str, file: &str, extra: &[&str]) -> Out {
        self.on(&[&["import", kind, file][..], extra].concat())
    }

    /// An import that succeeds and says `counts` on stderr.
    #[track_caller]
    fn imports(&self, kind: &str, file: &str, counts: &str) -> Out {
        let o = self.import(kind, file, &[]).ok();
        says(&o.stderr, counts);
        o
    }

    /// The problems of a refused staff import.
    #[track_caller]
    fn refused(&self, file: &str) -> Vec<String> {
        problem_places(&self.import("staff", file, &[]))
    }

    fn export(&self, args: &[&str]) -> Vec<u8> {
        self.on(&[&["export"][..], args].concat()).ok().stdout_bytes
    }

    /// Staff as exported to JSON, by staff number.
    fn staff(&self) -> BTreeMap<String, Value> {
        let out = self.export(&["staff", "--format", "json"]);
        let rows: Vec<Value> = serde_json::from_slice(&out).expect("json");
        let no = |r: &Value| r["staff_no"].as_str().unwrap().to_string();
        rows.into_iter().map(|r| (no(&r), r)).collect()
    }

    fn audit(&self) -> Vec<Value> {
        serde_json::from_slice(&self.export(&["audit", "--format", "json"])).expect("json")
    }

    /// Exports the kinds as CSV into files `{prefix}{kind}.csv`; returns the bytes.
    fn export_all(&self, prefix: &str, extra: &[&str]) -> Vec<Vec<u8>> {
        let one = |k: &&str| {
            let bytes = self.export(&[&[*k][..], extra].concat());
            self.put(&format!("{prefix}{k}.csv"), &bytes);
            bytes
        };
        ORDER.iter().map(one).collect()
    }
}

#[test]
fn the_importable_kinds_in_order() {
    assert_eq!(import_kind_names(), ORDER);
    assert!(import_kind("accounts").is_none() && import_kind("audit").is_none());
}

#[test]
fn utf8_with_and_without_bom_and_cp932_read_alike() {
    let t = T::ward();
    let row = "0000101,山田,花子,ﾔﾏﾀﾞ,ハナコ,1990-05-01,2015-04-01,U1,主事,2,事務,女";
    let text = table(JA_H, &[row.into()]);
    t.put("bom.csv", format!("\u{feff}{text}"));
    t.put("plain.csv", &text);
    t.put("sjis.csv", encoding_rs::SHIFT_JIS.encode(&text).0);
    let (new, same) = (
        "1 rows — 1 created, 0 updated",
        "1 rows — 0 created, 0 updated, 1 unchanged",
    );
    t.imports("staff", "bom.csv", &format!("(UTF-8): {new}"));
    t.imports("staff", "plain.csv", &format!("(UTF-8): {same}"));
    t.imports("staff", "sjis.csv", &format!("(CP932): {same}"));
    t.import("staff", "sjis.csv", &["--encoding", "cp932"]).ok();
    let wrong = t.import("staff", "sjis.csv", &["--encoding", "utf8"]);
    wrong.fails(2, &["sjis.csv:1:", "UTF-8", "--encoding"]);
    let names = "family_name given_name family_kana position job_type sex track status";
    let want = "山田 花子 ヤマダ clerk office F generalist active";
    assert_eq!(fields(&t.staff()["0000101"], names), want);
}

#[test]
fn xlsx_reads_typed_cells_and_names_rows_as_excel_does() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let t = T::ward();
    let heads: Vec<&str> = STAFF_H.split(',').collect();
    let write = |name: &str, bad_grade: bool| {
        let mut book = Workbook::new();
        let sh = book.add_worksheet();
        let date = Format::new().set_num_format("yyyy/mm/dd");
        sh.write_row(0, 0, heads.iter().copied()).unwrap();
        for (r, no) in [(1u32, 2600005.0), (2, 2600006.0)] {
            let cells = person("x", "佐藤", "", "");
            for (c, v) in cells.split(',').enumerate() {
                let col = c as u16;
                let grade = if bad_grade && r == 2 { 99 } else { 3 };
                match heads[c] {
                    "staff_no" => sh.write_number(r, 0, no),
                    "grade" => sh.write_number(r, col, grade),
                    "birth_date" | "hire_date" => {
                        let n = |a: usize, b: usize| v[a..b].parse::<u16>().unwrap();
                        let dt = ExcelDateTime::from_ymd(n(0, 4), n(5, 7) as u8, n(8, 10) as u8);
                        sh.write_datetime_with_format(r, col, dt.unwrap(), &date)
                    }
                    _ if v.is_empty() => continue,
                    _ => sh.write_string(r, col, v),
                }
                .unwrap();
            }
        }
        book.save(t.w.path(name)).unwrap();
    };
    write("bad.xlsx", true);
    assert_eq!(t.refused("bad.xlsx"), ["bad.xlsx:3:grade:"]);
    assert!(t.staff().is_empty(), "nothing written");
    write("good.xlsx", false);
    t.imports("staff", "good.xlsx", "(XLSX): 2 rows — 2 created");
    let st = &t.staff()["2600005"];
    assert_eq!(
        fields(st, "birth_date hire_date grade"),
        "1980-04-01 2005-04-01 3"
    );
}

#[test]
fn bad_rows_are_listed_by_row_and_column_and_nothing_is_written() {
    let t = T::ward();
    let long = "x".repeat(10_240);
    let esc = "2004,山田,太\u{1b}郎,ヤマダ,タロウ,1980-13-01,2005-04-01,ZZ,clerk,99,office,\
               generalist,active,M,,,,";
    let rlo = "2005,山田\u{202e},太郎,yamada,タロウ,1980-04-01,2005-04-01,U1,boss,2,office,\
               generalist,active,M,,,,";
    let rows = [
        person("2001", "山田", "2003", ""),
        person("2002", &long, "", ""),
        person("2003", "田中", "", ""),
        esc.into(),
        rlo.into(),
    ];
    t.staff_file("bad.csv", &rows);
    let before = t.audit().len();
    let o = t.import("staff", "bad.csv", &[]);
    #[rustfmt::skip]
    let want = [
        "bad.csv:3:family_name:",
        "bad.csv:5:birth_date:", "bad.csv:5:given_name:", "bad.csv:5:grade:", "bad.csv:5:unit_code:",
        "bad.csv:6:family_kana:", "bad.csv:6:family_name:", "bad.csv:6:position:",
    ];
    assert_eq!(problem_places(&o), want);
    for line in [
        "bad.csv:3:family_name: Family name must be at most 20 characters",
        "bad.csv:5:given_name: Given name contains the invisible control character U+001B",
        "bad.csv:6:family_name: Family name contains the invisible control character U+202E",
        "bad.csv:5:unit_code: Unit code refers to nothing that exists",
    ] {
        assert!(
            o.stdout.lines().any(|l| l == line),
            "{line:?}: {}",
            o.stdout
        );
    }
    assert!(o.stdout.len() < 2_000, "the 10 kB value is not echoed back");
    says(
        &o.stderr,
        "jinji: 8 problems in 3 rows: nothing was written",
    );
    assert!(t.staff().is_empty(), "the good rows are not written either");
    assert_eq!(t.audit().len(), before);
}

#[test]
fn problems_are_named_by_the_files_own_headers_and_in_japanese_with_lang_ja() {
    let t = T::ward();
    let rows = [
        "3001,山田,太郎,ヤマダ,タロウ,1980-04-01,2005-04-01,ZZ9,主事,2,事務,男".into(),
        "3002,山\u{1b}田,太郎,ヤマダ,タロウ,1980-04-01,2005-04-01,U1,主事,2,事務,男".into(),
    ];
    t.put("ja.csv", table(JA_H, &rows));
    let places = ["ja.csv:2:所属コード:", "ja.csv:3:氏:"];
    let en = t.import("staff", "ja.csv", &[]);
    assert_eq!(problem_places(&en), places);
    says(
        &en.stdout,
        "ja.csv:2:所属コード: Unit code refers to nothing that exists\n",
    );
    let ja = t.on(&["--lang", "ja", "import", "staff", "ja.csv"]);
    assert_eq!(problem_places(&ja), places);
    says(
        &ja.stdout,
        "ja.csv:2:所属コード: 所属コードに該当するものがありません\n",
    );
    says(
        &ja.stdout,
        "ja.csv:3:氏: 氏に使えない制御文字（U+001B）が含まれています\n",
    );
    says(
        &ja.stderr,
        "2 行に 2 件の問題があるため、何も書き込んでいません",
    );
    t.put("empty.csv", "");
    let empty = t.on(&["--lang", "ja", "import", "staff", "empty.csv"]);
    empty.fails(2, &["empty.csv: ファイルが空です"]);
}

#[test]
fn formula_looking_names_import_as_text_verbatim() {
    let t = T::ward();
    let odd = ["=SUM(A1)", "+81312345678", "@x", "-1"];
    let no = |i: usize| format!("40{i}");
    let rows: Vec<String> = (0..4).map(|i| person(&no(i), odd[i], "", "")).collect();
    t.staff_file("odd.csv", &rows);
    t.imports("staff", "odd.csv", "4 created");
    let st = t.staff();
    for (i, name) in odd.iter().enumerate() {
        assert_eq!(st[&no(i)]["family_name"], *name);
    }
}

#[test]
fn a_csv_export_with_formula_looking_names_imports_back_unchanged() {
    let t = T::ward();
    let rows = [
        person("401", "=SUM(A1)", "", ""),
        person("402", "@x", "", ""),
    ];
    t.staff_file("odd.csv", &rows);
    t.imports("staff", "odd.csv", "2 created");
    let before = t.staff();
    t.put("again.csv", t.export(&["staff"]));
    let o = t.import("staff", "again.csv", &[]).ok();
    assert_eq!(t.staff(), before, "names as they were");
    says(&o.stderr, "0 updated, 2 unchanged");
}

#[test]
fn empty_and_header_only_files() {
    let t = T::ward();
    t.put("empty.csv", "");
    let o = t.import("staff", "empty.csv", &[]);
    o.fails(2, &["empty.csv: the file is empty (no header row)"]);
    t.put("bom.csv", "\u{feff}\n\n");
    t.import("staff", "bom.csv", &[])
        .fails(2, &["bom.csv", "empty"]);
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet();
    book.save(t.w.path("empty.xlsx")).unwrap();
    t.import("staff", "empty.xlsx", &[])
        .fails(2, &["empty.xlsx", "empty"]);
    t.put("head.csv", format!("{STAFF_H}\n"));
    let o = t.imports("staff", "head.csv", "0 rows — 0 created, 0 updated");
    assert!(o.stdout.is_empty());
}

#[test]
fn typed_forms_are_normalised() {
    let t = T::ward();
    let row = " ０１２３４５６ , 山田\u{3000},\u{3000}太郎 ,ﾔﾏﾀﾞ,たろう,１９８０／０４／０１,2005/4/1,\
               Ｕ１,clerk,３,office,generalist,active,M,,,  a@example.jp ,";
    t.staff_file("n.csv", &[row.into()]);
    t.imports("staff", "n.csv", "1 created");
    let st = &t.staff()["0123456"];
    let names = "family_name given_name family_kana given_kana birth_date";
    assert_eq!(fields(st, names), "山田 太郎 ヤマダ タロウ 1980-04-01");
    let names = "hire_date unit_code grade email";
    assert_eq!(fields(st, names), "2005-04-01 U1 3 a@example.jp");
}

#[test]
fn a_missing_key_column_is_a_problem_on_the_header_row() {
    let t = T::ward();
    t.put("nokey.csv", "family_name,email\n山田,a@b\n");
    assert_eq!(t.refused("nokey.csv"), ["nokey.csv:1:staff_no:"]);
    t.put("late.csv", "\n\n氏,メール\n山田,a@b\n");
    assert_eq!(t.refused("late.csv"), ["late.csv:3:staff_no:"]);
    t.put(
        "a.csv",
        "staff_no,unit_code,position,reason\n1,U1,clerk,hire\n",
    );
    let o = t.import("assignments", "a.csv", &[]);
    assert_eq!(problem_places(&o), ["a.csv:1:start_date:"]);
}

/// Another system's unit list has no founding date: its units are taken as older than the
/// records, export with an empty date, and import again unchanged.
#[test]
fn a_unit_list_without_founding_dates_is_taken() {
    let w = Scratch::new();
    let t = T {
        db: init_free(&w),
        w,
    };
    t.put(
        "other.csv",
        "unit_code,name,parent_code,kind
D1,総務部,,department
S1,人事課,D1,section
         T1,人事係,S1,team
",
    );
    t.imports("units", "other.csv", "3 created");
    let out = String::from_utf8(t.export(&["units"])).expect("utf-8");
    says(&out, "S1,人事課,D1,section,,,\r\n");
    t.put("again.csv", out.as_bytes());
    t.imports("units", "again.csv", "0 created, 0 updated, 3 unchanged");
    // A person can be placed in such a unit: it exists whatever the day.
    t.put(
        "people.csv",
        "staff_no,family_name,given_name,family_kana,given_kana,birth_date,hire_date,         unit_code,position,grade,job_type,sex
         8001,山田,太郎,ヤマダ,タロウ,1960-04-01,1982-04-01,T1,clerk,2,office,M
",
    );
    t.imports("staff", "people.csv", "1 created");
}

/// A row whose parent's row was refused says which row that was, not that the parent is
/// nowhere to be found; a parent that is nowhere is still called unknown. (人事係 names a
/// row that is itself fine until its own parent fails: it is not blamed.)
#[test]
fn a_child_of_a_refused_row_names_that_row() {
    let w = Scratch::new();
    let t = T {
        db: init_free(&w),
        w,
    };
    t.put(
        "bad.csv",
        "unit_code,name,parent_code,kind
T1,人事係,S1,team
D1,総務部,,bureau
         S1,人事課,D1,section
S2,区民課,ZZ,section
",
    );
    let o = t.on(&["--lang", "en", "import", "units", "bad.csv"]);
    assert_eq!(
        problem_places(&o),
        [
            "bad.csv:3:kind:",
            "bad.csv:4:parent_code:",
            "bad.csv:5:parent_code:",
        ]
    );
    let line = |row: &str| {
        o.stdout
            .lines()
            .find(|l| l.starts_with(&format!("bad.csv:{row}:")))
            .unwrap_or_default()
            .to_string()
    };
    says(&line("4"), "names row 3 of this file, which was refused");
    says(&line("5"), "refers to nothing that exists");
    let ja = t.on(&["--lang", "ja", "import", "units", "bad.csv"]);
    says(&ja.stdout, "このファイルの 3 行目が取り込めなかったため");
}

#[test]
fn supervisors_later_in_the_file_are_found_and_unknown_ones_refused() {
    let t = T::ward();
    let rows = [
        person("5001", "部下", "5002", ""),
        person("5002", "上司", "", ""),
    ];
    t.staff_file("late.csv", &rows);
    t.imports("staff", "late.csv", "2 created");
    assert_eq!(t.staff()["5001"]["supervisor_staff_no"], "5002");
    let rows = [
        person("5003", "部下", "", ""),
        person("5004", "部下", "9999", ""),
    ];
    t.staff_file("none.csv", &rows);
    assert_eq!(t.refused("none.csv"), ["none.csv:3:supervisor_staff_no:"]);
    assert!(!t.staff().contains_key("5003"), "all or nothing");
}

#[test]
fn reimport_changes_nothing_and_one_changed_cell_is_one_audited_update() {
    let t = T::ward();
    let mut rows = vec![
        person("6001", "山田", "", "a@x.jp"),
        person("6002", "佐藤", "6001", ""),
        person("6003", "鈴木", "", ""),
    ];
    t.staff_file("s.csv", &rows);
    t.imports("staff", "s.csv", "3 created");
    let (n, before) = (t.audit().len(), t.staff());
    t.imports(
        "staff",
        "s.csv",
        "3 rows — 0 created, 0 updated, 3 unchanged",
    );
    assert_eq!((t.audit().len(), t.staff()), (n, before.clone()));
    rows[1] = person("6002", "佐藤", "6001", "new@x.jp");
    t.staff_file("s.csv", &rows);
    t.imports(
        "staff",
        "s.csv",
        "3 rows — 0 created, 1 updated, 2 unchanged",
    );
    let log = t.audit();
    assert_eq!(log.len(), n + 1, "one audit row");
    assert_eq!(
        fields(&log[n], "table_name actor"),
        format!("staff {}", login())
    );
    let (old, new) = (fields(&log[n], "before"), fields(&log[n], "after"));
    assert!(
        old.contains("\"6002\"") && !old.contains("new@x.jp"),
        "{old}"
    );
    assert!(
        new.contains("\"6002\"") && new.contains("new@x.jp"),
        "{new}"
    );
    let after = t.staff();
    assert_eq!(after["6002"]["email"], "new@x.jp");
    assert_eq!(
        [&after["6001"], &after["6003"]],
        [&before["6001"], &before["6003"]]
    );
}

#[test]
fn a_partial_file_updates_only_its_columns() {
    let t = T::ward();
    let rows = [
        person("7001", "山田", "", "a@x.jp"),
        person("7002", "佐藤", "7001", ""),
    ];
    t.staff_file("s.csv", &rows);
    t.imports("staff", "s.csv", "2 created");
    let before = t.staff();
    t.put("mail.csv", "staff_no,email\n7002,b@x.jp\n");
    t.imports(
        "staff",
        "mail.csv",
        "1 rows — 0 created, 1 updated, 0 unchanged",
    );
    let after = t.staff();
    let mut want = before["7002"].clone();
    want["email"] = "b@x.jp".into();
    assert_eq!([&after["7002"], &after["7001"]], [&want, &before["7001"]]);
}

#[test]
fn every_kind_round_trips_through_csv_byte_for_byte() {
    let mut t = T::demo();
    let first = t.export_all("a_", &[]);
    // Posts beside main ones go out as what they are (and come back so: the second
    // export is the same).
    let posts = String::from_utf8_lossy(&first[2]);
    for kind in [",concurrent", ",acting_duties", ",deputy"] {
        assert!(posts.contains(kind), "assignments carry {kind}");
    }
    t.db = t.w.init("e.db");
    for k in ORDER
        .iter()
        .filter(|k| **k != "assignments")
        .filter(into_an_empty_file)
    {
        t.imports(k, &format!("a_{k}.csv"), " 0 updated, 0 unchanged");
    }
    // Each person came with their first post (採用 from the hire date): the file's
    // first post of each fills it in or finds it as it is; every other row is new.
    let rows = |b: &[u8]| b.iter().filter(|c| **c == b'\n').count() - 1;
    let (posts, people) = (rows(&first[2]), rows(&first[1]));
    let o = t.import("assignments", "a_assignments.csv", &[]).ok();
    let n = |word: &str| -> usize {
        let at = o.stderr.find(&format!(" {word}")).expect(word);
        let digits = o.stderr[..at].rsplit(' ').next().unwrap_or("");
        digits.parse().expect("a count")
    };
    assert_eq!(n("created"), posts - people, "{}", o.stderr);
    assert_eq!(n("updated") + n("unchanged"), people, "{}", o.stderr);
    let again = t.export_all("b_", &[]);
    for (i, k) in ORDER
        .iter()
        .enumerate()
        .filter(|(_, k)| into_an_empty_file(k))
    {
        // A ward of 60 has few specialist teams: its job-type table is a handful of rows.
        let least = if *k == "job_fits" { 60 } else { 200 };
        assert!(first[i].len() > least, "{k}: the demo holds rows");
        assert!(first[i] == again[i], "{k}: the second export differs");
    }
}

#[test]
fn every_kind_round_trips_through_japanese_headers() {
    let mut t = T::demo();
    let en = t.export_all("en_", &[]);
    let ja = t.export_all("ja_", &["--lang", "ja"]);
    assert!(ja[1].starts_with("\u{feff}職員番号,氏,名,氏カナ,名カナ".as_bytes()));
    t.db = t.w.init("e.db");
    for k in ORDER.iter().filter(into_an_empty_file) {
        t.on(&["--lang", "ja", "import", k, &format!("ja_{k}.csv")])
            .ok();
    }
    for (i, k) in ORDER
        .iter()
        .enumerate()
        .filter(|(_, k)| into_an_empty_file(k))
    {
        assert!(t.export(&[*k]) == en[i], "{k}: differs");
    }
}

/// HR brings the marks in from the spreadsheet the tests were scored in: the export comes
/// back unchanged, a changed score is the one update, and a row of a round that does not
/// exist, or a new entry in a round announced, is refused by its column.
#[test]
fn exam_results_come_back_from_the_marking_sheet() {
    let t = T::demo();
    let sheet = String::from_utf8(t.export(&["exam_results", "--lang", "ja"])).unwrap();
    let rows = sheet.lines().count() - 1;
    assert!(rows > 10, "the demo's entries: {rows}");
    t.put("marks.csv", &sheet);
    t.imports(
        "exam_results",
        "marks.csv",
        &format!("0 updated, {rows} unchanged"),
    );
    // One entry's written score changed, as a marker would.
    let mut lines: Vec<String> = sheet.lines().map(String::from).collect();
    let mut cells: Vec<String> = lines[1].split(',').map(String::from).collect();
    cells[7] = if cells[7] == "55" { "56" } else { "55" }.into();
    let changed = cells.join(",");
    lines[1] = changed.clone();
    t.put("marks.csv", lines.join("\n") + "\n");
    t.imports("exam_results", "marks.csv", "1 updated");
    let after = String::from_utf8(t.export(&["exam_results", "--lang", "ja"])).unwrap();
    assert!(after.contains(&changed), "{changed}");
    // A round that does not exist, and someone new to a round already announced.
    let head = lines[0].clone();
    let mut bad = cells.clone();
    bad[1] = "nosuch".into();
    let chief = t
        .staff()
        .into_values()
        .find(|p| p["position"] == "section_chief");
    let mut chief_row = cells.clone();
    chief_row[2] = chief.unwrap()["staff_no"].as_str().unwrap().into();
    t.put(
        "bad.csv",
        format!("{head}\n{}\n{}\n", bad.join(","), chief_row.join(",")),
    );
    let places = problem_places(&t.import("exam_results", "bad.csv", &[]));
    // The demo's rounds are announced: a new entry is refused by its round.
    assert_eq!(places, ["bad.csv:2:区分コード:", "bad.csv:3:区分コード:"]);
}

#[test]
fn staff_round_trip_through_xlsx() {
    let mut t = T::demo();
    t.put("units.csv", t.export(&["units"]));
    let csv = t.export(&["staff"]);
    t.export(&["staff", "--out", "staff.xlsx"]);
    t.db = t.w.init("e.db");
    t.imports("units", "units.csv", "26 created");
    t.imports("staff", "staff.xlsx", "(XLSX)");
    assert!(t.export(&["staff"]) == csv, "staff differs after XLSX");
}

#[test]
fn a_failing_import_leaves_the_database_as_it_was() {
    let t = T::demo();
    let kinds = ["staff", "audit", "units", "assignments"];
    let before: Vec<Vec<u8>> = kinds.iter().map(|k| t.export(&[*k])).collect();
    let text = String::from_utf8(before[0].clone()).unwrap();
    // Every row changed a little (email), one of them wrong (grade 99).
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    assert!(lines.len() > 40);
    for (i, l) in lines.iter_mut().enumerate().skip(1) {
        let mut cells: Vec<String> = l.split(',').map(String::from).collect();
        cells[16] = format!("{}@example.jp", cells[0]);
        if i == 30 {
            cells[9] = "99".into();
        }
        *l = cells.join(",");
    }
    t.put("many.csv", lines.join("\n") + "\n");
    assert_eq!(t.refused("many.csv"), ["many.csv:31:grade:"]);
    let after: Vec<Vec<u8>> = kinds.iter().map(|k| t.export(&[*k])).collect();
    assert!(before == after, "nothing written");
}

#[test]
fn a_dry_run_counts_and_writes_nothing() {
    let t = T::ward();
    let rows = [
        person("8001", "山田", "", ""),
        person("8002", "佐藤", "8001", ""),
    ];
    t.staff_file("s.csv", &rows);
    let n = t.audit().len();
    let o = t.import("staff", "s.csv", &["--dry-run"]).ok();
    assert_eq!(
        o.stderr.trim(),
        "Dry run of staff from s.csv (UTF-8): 2 rows would be 2 created, 0 updated, \
         0 unchanged. Nothing was written."
    );
    assert!(t.staff().is_empty());
    assert_eq!(t.audit().len(), n);
    t.staff_file("b.csv", &[person("8003", "", "", "")]);
    let o = t.import("staff", "b.csv", &["--dry-run"]);
    assert_eq!(problem_places(&o), ["b.csv:2:family_name:"]);
    says(
        &o.stderr,
        "Dry run: 1 problems in 1 rows; nothing was written.",
    );
}

#[test]
fn staff_and_supervisors_cannot_import() {
    let t = T::demo();
    t.put("staff.csv", t.export(&["staff"]));
    let before = t.export(&["audit"]);
    let db = s(&t.db);
    for role in ["staff", "supervisor"] {
        let login = t.w.login_with_role(&t.db, role);
        // A demo database honours --user for anyone.
        let o =
            t.w.run(&["--db", db, "--user", &login, "import", "staff", "staff.csv"]);
        o.fails(2, &["admin", "HR"]);
        let o = t.w.run(&[
            "--db",
            db,
            "--user",
            &login,
            "import",
            "units",
            "no.csv",
            "--dry-run",
        ]);
        o.fails(2, &["admin", "HR"]);
    }
    let hr = t.w.login_with_role(&t.db, "hr");
    let o = t.w.run(&[
        "--db",
        db,
        "--user",
        &hr,
        "import",
        "staff",
        "staff.csv",
        "--dry-run",
    ]);
    says(&o.ok().stderr, "64 unchanged");
    assert!(t.export(&["audit"]) == before);
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
    let t = T::ward();
    let rows: Vec<String> = (0..200)
        .map(|i| person(&format!("9{i:05}"), "山田", "", ""))
        .collect();
    let file = t.staff_file("many.csv", &rows);
    let tb = read_table(&file, Encoding::Auto).expect("read");
    let shape = (tb.rows.len(), tb.rows[0].row, tb.rows[199].row, tb.read_as);
    assert_eq!(shape, (200, 2, 201, "UTF-8"));
    let db = Db::open(&t.db, OpenMode::Existing).expect("open");
    let staff = import_kind("staff").unwrap();
    let audit_before = lib_rows(&db, "audit");
    // Asked between rows (70) and only once every row is in (200).
    for after in [70, 200] {
        let mut watch = CancelAfter { after, done: 0 };
        let r = db
            .import(staff, &tb.headers, &tb.rows, false, &mut watch)
            .unwrap();
        assert!(r.cancelled && !r.written, "after {after}: {r:?}");
        assert!(
            lib_rows(&db, "staff").is_empty(),
            "after {after}: nothing written"
        );
        assert_eq!(lib_rows(&db, "audit"), audit_before);
    }
    let r = db
        .import(staff, &tb.headers, &tb.rows, true, &mut Unwatched)
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
        .import(staff, &tb.headers, &tb.rows, false, &mut Unwatched)
        .unwrap();
    assert!(
        r.written && r.problems.is_empty() && r.created == 200,
        "{r:?}"
    );
    assert_eq!(lib_rows(&db, "staff").len(), 200);
}

#[test]
fn rows_of_a_crlf_file_are_the_lines_an_editor_shows() {
    let t = T::ward();
    let text = table(STAFF_H, &[person("1", "", "", ""), person("2", "", "", "")]);
    t.put("crlf.csv", text.replace('\n', "\r\n"));
    let want = ["crlf.csv:2:family_name:", "crlf.csv:3:family_name:"];
    assert_eq!(t.refused("crlf.csv"), want);
}

#[test]
fn rows_after_a_blank_line_keep_their_line_number() {
    let t = T::ward();
    let (good, bad) = (person("1", "山田", "", ""), person("2", "", "", ""));
    t.put("gap.csv", format!("{STAFF_H}\n{good}\n\n{bad}\n"));
    assert_eq!(t.refused("gap.csv"), ["gap.csv:4:family_name:"]);
}

/// Leave periods import by their Japanese headers and kind labels; a row that overlaps
/// another leave of the person (in the file or stored) is named by file, row and column,
/// and nothing is written.
#[test]
fn leaves_import_with_japanese_headers_and_an_overlap_is_named_by_row() {
    let t = T::ward();
    t.staff_file(
        "staff.csv",
        &[
            person("5001", "山田", "", ""),
            person("5002", "佐藤", "", ""),
        ],
    );
    t.imports("staff", "staff.csv", "2 created");
    t.put(
        "leaves.csv",
        "職員番号,種別,開始日,終了日,備考\n\
         5001,育児休業,2026-04-01,2027-03-31,第一子\n\
         5001,部分休業,2027-04-01,,\n\
         5002,病気休暇,2026-11-01,2026-11-30,\n",
    );
    t.imports("leaves", "leaves.csv", "3 created");
    let staff = t.staff();
    assert_eq!(
        staff["5001"]["status"], "leave",
        "away today: the status follows"
    );
    assert_eq!(staff["5002"]["status"], "leave");
    let csv = String::from_utf8(t.export(&["leaves"])).unwrap();
    assert_eq!(
        csv.trim_start_matches('\u{feff}').replace("\r\n", "\n"),
        "staff_no,kind,start_date,end_date,note\n\
         5001,childcare_leave,2026-04-01,2027-03-31,第一子\n\
         5001,partial_leave,2027-04-01,,\n\
         5002,sick_leave,2026-11-01,2026-11-30,\n"
    );
    let before = t.export(&["leaves"]);
    t.put(
        "more.csv",
        "staff_no,kind,start_date,end_date,note\n\
         5002,sick_leave,2026-12-01,2026-12-10,\n\
         5001,sick_suspension,2027-03-01,,\n",
    );
    let out = t.import("leaves", "more.csv", &[]);
    assert_eq!(problem_places(&out), ["more.csv:3:start_date:"], "{out:#?}");
    assert!(t.export(&["leaves"]) == before, "nothing written");
}
