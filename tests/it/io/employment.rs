//! The staff file's 任用 columns (employment_kind, weekly_hours, the term, renewals, the
//! post-limit exception) import under English and Japanese headers and export back as
//! they were; `retirement_date` is derived from the birth date and the kind, so a file's
//! value is accepted and not read.

use crate::support::cli::*;

use std::path::PathBuf;

use serde_json::Value;

const UNITS: &str = "unit_code,name,parent_code,kind,kana,valid_from,valid_to\n\
                     U1,区民課,,section,クミンカ,2000-04-01,\n";

fn ward(w: &Scratch) -> PathBuf {
    let db = w.init("w.db");
    std::fs::write(w.path("units.csv"), UNITS).unwrap();
    w.run(&["--db", s(&db), "import", "units", "units.csv"])
        .ok();
    db
}

fn staff_json(w: &Scratch, db: &std::path::Path) -> Vec<Value> {
    let out = w
        .run(&["--db", s(db), "export", "staff", "--format", "json"])
        .ok();
    serde_json::from_slice(out.stdout_bytes.as_slice()).expect("json")
}

fn one<'a>(rows: &'a [Value], no: &str) -> &'a Value {
    rows.iter().find(|r| r["staff_no"] == no).expect(no)
}

#[test]
fn japanese_headers_and_labels_import_and_the_retirement_date_is_derived() {
    let w = Scratch::new();
    let db = ward(&w);
    // A 会計年度任用 clerk by its label, and a regular person whose file claims a wrong
    // 定年退職日 (60 under the old rule): the law's day is kept.
    let text = "職員番号,氏,名,氏カナ,名カナ,生年月日,採用日,所属コード,職位,級,職種,性別,\
                任用形態,週勤務時間,任期開始日,任期満了日,更新回数,定年退職日\n\
                2600001,窓口,花子,マドグチ,ハナコ,1985-05-05,2024-04-01,U1,主事,1,事務,女,\
                会計年度任用（パートタイム）,29,2026-04-01,2027-03-31,2,\n\
                0500001,山田,太郎,ヤマダ,タロウ,1964-06-01,1987-04-01,U1,主任,3,事務,男,\
                正規,38.75,,,0,2024-03-31\n";
    std::fs::write(w.path("ja.csv"), text).unwrap();
    w.run(&["--db", s(&db), "import", "staff", "ja.csv"]).ok();
    let rows = staff_json(&w, &db);
    let clerk = one(&rows, "2600001");
    assert_eq!(clerk["employment_kind"], "fiscal_year_part");
    assert_eq!(clerk["weekly_hours"], 29.0);
    assert_eq!(clerk["term_start"], "2026-04-01");
    assert_eq!(clerk["term_end"], "2027-03-31");
    assert_eq!(clerk["renewals"], 2);
    assert_eq!(
        clerk["retirement_date"],
        Value::Null,
        "no 定年 for 会計年度任用"
    );
    let regular = one(&rows, "0500001");
    assert_eq!(regular["employment_kind"], "regular");
    assert_eq!(regular["retirement_date"], "2027-03-31");
}

#[test]
fn the_staff_file_round_trips_its_appointment_columns() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let first = w
        .run(&["--db", s(&db), "export", "staff"])
        .ok()
        .stdout_bytes;
    let header = String::from_utf8_lossy(&first[..first.iter().position(|b| *b == b'\n').unwrap()])
        .to_string();
    for col in [
        "employment_kind",
        "weekly_hours",
        "term_end",
        "renewals",
        "retirement_date",
    ] {
        assert!(header.contains(col), "{col} in {header}");
    }
    std::fs::write(w.path("staff.csv"), &first).unwrap();
    // Into a fresh database holding the demo's units, then out again: the same bytes.
    let fresh = w.init("fresh.db");
    let units = w
        .run(&["--db", s(&db), "export", "units"])
        .ok()
        .stdout_bytes;
    std::fs::write(w.path("units.csv"), &units).unwrap();
    w.run(&["--db", s(&fresh), "import", "units", "units.csv"])
        .ok();
    w.run(&["--db", s(&fresh), "import", "staff", "staff.csv"])
        .ok();
    let second = w
        .run(&["--db", s(&fresh), "export", "staff"])
        .ok()
        .stdout_bytes;
    assert_eq!(
        String::from_utf8_lossy(&first),
        String::from_utf8_lossy(&second)
    );
}

#[test]
fn a_part_time_kind_of_a_full_week_is_refused_naming_its_column() {
    let w = Scratch::new();
    let db = ward(&w);
    let text = "staff_no,family_name,given_name,family_kana,given_kana,birth_date,hire_date,\
                unit_code,position,grade,job_type,sex,employment_kind,weekly_hours,term_start,\
                term_end\n\
                2600002,窓口,花子,マドグチ,ハナコ,1985-05-05,2026-04-01,U1,clerk,1,office,F,\
                fiscal_year_part,38.75,2026-04-01,2027-04-30\n";
    std::fs::write(w.path("bad.csv"), text).unwrap();
    let out = w.run(&["--db", s(&db), "import", "staff", "bad.csv"]);
    out.no_panic();
    assert_eq!(out.code, 2, "{out:#?}");
    for place in ["bad.csv:2:weekly_hours:", "bad.csv:2:term_end:"] {
        assert!(out.stdout.contains(place), "{place} in {}", out.stdout);
    }
    assert!(staff_json(&w, &db).is_empty(), "nothing written");
}
