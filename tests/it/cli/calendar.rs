//! End to end: `jinji calendar [--year FY]` prints a fiscal year's closed days one a line
//! (`DATE<TAB>NAME`); `calendar add` / `calendar remove` keep the ward's own days, for
//! admins only, audited, refusing a duplicate, a bad date or a day already closed with a
//! message naming the field, and writing nothing then.

use crate::support::cli;

use cli::*;

/// 令和8年度 as the Cabinet Office's lists and the year-end rule give it.
const FY2026_JA: &str = "\
2026-04-29\t昭和の日
2026-05-03\t憲法記念日
2026-05-04\tみどりの日
2026-05-05\tこどもの日
2026-05-06\t振替休日
2026-07-20\t海の日
2026-08-11\t山の日
2026-09-21\t敬老の日
2026-09-22\t国民の休日
2026-09-23\t秋分の日
2026-10-12\tスポーツの日
2026-11-03\t文化の日
2026-11-23\t勤労感謝の日
2026-12-29\t年末年始
2026-12-30\t年末年始
2026-12-31\t年末年始
2027-01-01\t元日
2027-01-02\t年末年始
2027-01-03\t年末年始
2027-01-11\t成人の日
2027-02-11\t建国記念の日
2027-02-23\t天皇誕生日
2027-03-21\t春分の日
2027-03-22\t振替休日
";

#[test]
fn a_fiscal_years_closed_days_one_a_line() {
    let w = Scratch::new();
    let db = w.init("c.db");
    let out = w
        .run(&["--db", s(&db), "--lang", "ja", "calendar", "--year", "2026"])
        .ok();
    assert_eq!(out.stdout, FY2026_JA);
    let en = w
        .run(&["--db", s(&db), "--lang", "en", "calendar", "--year", "2026"])
        .ok();
    assert_eq!(en.stdout.lines().count(), 24);
    assert_eq!(en.stdout.lines().next(), Some("2026-04-29\tShowa Day"));
    assert!(en.stdout.contains("2026-09-22\tCitizens' holiday\n"));
    // 平成31年度: the accession and the days between.
    let y2019 = w
        .run(&["--db", s(&db), "--lang", "ja", "calendar", "--year", "2019"])
        .ok();
    for line in [
        "2019-04-30\t国民の休日",
        "2019-05-01\t天皇の即位の日",
        "2019-05-02\t国民の休日",
        "2019-10-22\t即位礼正殿の儀",
    ] {
        assert!(y2019.stdout.lines().any(|l| l == line), "{line}");
    }
    // Without --year: the fiscal year of the command's day (`--today`, which the helper
    // gives every run), whatever the real date.
    let fy = TODAY
        .parse::<jinji::domain::Date>()
        .expect("the tests' day")
        .fiscal_year()
        .to_string();
    let default = w.run(&["--db", s(&db), "calendar"]).ok();
    let explicit = w.run(&["--db", s(&db), "calendar", "--year", &fy]).ok();
    assert_eq!(default.stdout, explicit.stdout);
    w.run(&["--db", s(&db), "calendar", "--year", "2100"])
        .fails(2, &["--year", "2100"]);
    w.run(&["--db", s(&db), "calendar", "--year", "1947"])
        .fails(2, &["--year"]);
}

/// The audit log's entries on the ward's days, oldest first: `action actor`.
fn audit(w: &Scratch, db: &std::path::Path) -> Vec<String> {
    let out = w
        .run(&["--db", s(db), "export", "audit", "--format", "json"])
        .ok();
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out.stdout).expect("json");
    let mut v: Vec<(i64, String)> = rows
        .iter()
        .filter(|r| r["table_name"] == "ward_closed_days")
        .map(|r| {
            (
                r["id"].as_i64().unwrap_or(0),
                format!(
                    "{} {}",
                    r["action"].as_str().unwrap_or(""),
                    r["actor"].as_str().unwrap_or("")
                ),
            )
        })
        .collect();
    v.sort();
    v.into_iter().map(|(_, a)| a).collect()
}

#[test]
fn an_admin_adds_and_removes_a_ward_day_audited() {
    let w = Scratch::new();
    let db = w.init("c.db");
    let ja = |args: &[&str]| {
        let mut a = vec!["--db", s(&db), "--lang", "ja", "calendar"];
        a.extend_from_slice(args);
        w.run(&a)
    };
    let out = ja(&["add", "令和8年11月27日", "区制施行記念日"]).ok();
    assert!(
        out.stdout.contains("2026-11-27 区制施行記念日"),
        "{}",
        out.stdout
    );
    let list = ja(&["--year", "2026"]).ok();
    let lines: Vec<&str> = list.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == "2026-11-27\t区制施行記念日")
        .expect("listed");
    assert_eq!(
        (lines[at - 1], lines[at + 1]),
        ("2026-11-23\t勤労感謝の日", "2026-12-29\t年末年始"),
        "in date order"
    );
    assert_eq!(lines.len(), 25);

    let before = w.snapshot();
    ja(&["add", "2026-11-27", "二重登録"]).fails(2, &["日付", "すでに区の休日"]);
    ja(&["add", "2026-02-30", "区制施行記念日"]).fails(2, &["日付", "2026-02-30"]);
    ja(&["add", "2026-11-28", "土曜"]).fails(2, &["日付", "土曜日"]);
    ja(&["add", "2026-11-23", "祝日"]).fails(2, &["日付", "国民の祝日"]);
    ja(&["add", "2026-12-30", "年末"]).fails(2, &["日付", "年末年始"]);
    ja(&["add", "2026-11-26", " "]).fails(2, &["名称"]);
    ja(&["add", "2026-11-26", &"長".repeat(41)]).fails(2, &["名称", "40"]);
    ja(&["add", "2026-11-26", "記念\u{1b}[2J"]).fails(2, &["名称"]);
    ja(&["remove", "2026-11-23"]).fails(2, &["日付", "法律"]);
    ja(&["remove", "2026-11-26"]).fails(2, &["日付", "ありません"]);
    w.run(&[
        "--db",
        s(&db),
        "--lang",
        "en",
        "calendar",
        "add",
        "tomorrow",
        "x",
    ])
    .fails(2, &["date", "tomorrow"]);
    before.assert_unchanged(&w.snapshot());

    let out = ja(&["remove", "2026-11-27"]).ok();
    assert!(
        out.stdout.contains("2026-11-27 区制施行記念日"),
        "{}",
        out.stdout
    );
    assert_eq!(ja(&["--year", "2026"]).ok().stdout, FY2026_JA);
    assert_eq!(
        audit(&w, &db),
        [format!("insert {}", login()), format!("delete {}", login())]
    );
}

#[test]
fn only_an_admin_changes_the_calendar() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    w.run(&[
        "--db",
        s(&db),
        "calendar",
        "add",
        "2026-11-27",
        "区制施行記念日",
    ])
    .ok();
    let staff = w.login_with_role(&db, "staff");
    // A read with a writable connection first, which folds the WAL the export's
    // read-only one leaves behind: then the file is as the refusals must leave it.
    w.run(&["--db", s(&db), "calendar", "--year", "2026"]).ok();
    let before = w.snapshot();
    for login in ["hr1", staff.as_str()] {
        let run = |args: &[&str]| {
            let mut a = vec!["--db", s(&db), "--user", login, "--lang", "ja", "calendar"];
            a.extend_from_slice(args);
            w.run(&a)
        };
        // Everyone reads it; nobody but an admin changes it.
        let list = run(&["--year", "2026"]).ok();
        assert!(
            list.stdout.contains("2026-11-27\t区制施行記念日\n"),
            "{login}"
        );
        run(&["add", "2026-11-26", "臨時休庁"]).fails(2, &["管理者"]);
        run(&["remove", "2026-11-27"]).fails(2, &["管理者"]);
    }
    before.assert_unchanged(&w.snapshot());
    assert_eq!(audit(&w, &db), [format!("insert {}", login())]);
}
