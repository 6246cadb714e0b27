//! End to end: `jinji export KIND` for every kind, in CSV and JSON, and who may run it.

use crate::support::cli;

use std::collections::BTreeSet;

use cli::*;
use jinji::store::export::{KINDS, kind, kind_names};

/// Columns that hold a calendar date.
fn is_date_column(h: &str) -> bool {
    h.ends_with("_date")
        || h.ends_with("_on")
        || ["valid_from", "valid_to", "since", "until"].contains(&h)
}

/// Splits CSV output after checking its byte-order mark.
#[track_caller]
fn csv_rows(out: &Out) -> Vec<Vec<String>> {
    assert!(
        out.stdout_bytes.starts_with(b"\xEF\xBB\xBF"),
        "CSV starts with a UTF-8 BOM"
    );
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&out.stdout_bytes[3..]);
    r.records()
        .map(|rec| rec.expect("CSV parses").iter().map(String::from).collect())
        .collect()
}

#[test]
fn kind_names_match_the_kinds() {
    let names = kind_names();
    assert_eq!(names.len(), KINDS.len());
    for k in ["units", "staff", "accounts", "audit"] {
        assert!(names.contains(&k), "{k}");
    }
}

#[test]
fn every_kind_exports_as_csv_under_the_contract_headers() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    for (i, name) in kind_names().into_iter().enumerate() {
        let k = &KINDS[i];
        assert_eq!(k.name, name);
        let out = w.run(&["--db", s(&db), "export", name, "--format", "csv"]);
        let out = out.ok();
        assert!(out.stderr.is_empty(), "{name}: {}", out.stderr);
        let text = std::str::from_utf8(&out.stdout_bytes[3..]).expect("UTF-8");
        let first = text.split("\r\n").next().unwrap();
        assert_eq!(first, k.headers.join(","), "{name}: header line");
        let rows = csv_rows(&out);
        assert_eq!(rows[0], k.headers, "{name}");
        assert!(rows.len() > 1, "{name}: the demo holds rows");
        for row in &rows[1..] {
            assert_eq!(row.len(), k.headers.len(), "{name}: {row:?}");
            for (h, v) in k.headers.iter().zip(row) {
                if is_date_column(h) && !v.is_empty() {
                    assert!(is_iso_date(v), "{name}.{h}: {v:?} is not YYYY-MM-DD");
                }
            }
        }
    }
}

#[test]
fn every_kind_exports_as_json_objects_with_the_contract_keys() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    for k in KINDS {
        let out = w
            .run(&["--db", s(&db), "export", k.name, "--format", "json"])
            .ok();
        let v: serde_json::Value = serde_json::from_str(&out.stdout)
            .unwrap_or_else(|e| panic!("{}: JSON: {e}\n{}", k.name, out.stdout));
        let rows = v.as_array().expect("an array");
        assert!(!rows.is_empty(), "{}: the demo holds rows", k.name);
        let want: BTreeSet<&str> = k.headers.iter().copied().collect();
        for row in rows {
            let obj = row.as_object().expect("an object");
            let keys: BTreeSet<&str> = obj.keys().map(String::as_str).collect();
            assert_eq!(keys, want, "{}", k.name);
            for h in k.headers.iter().filter(|h| is_date_column(h)) {
                match &obj[*h] {
                    serde_json::Value::Null => {}
                    serde_json::Value::String(d) => {
                        assert!(is_iso_date(d), "{}.{h}: {d:?}", k.name)
                    }
                    other => panic!("{}.{h}: {other} is not a date", k.name),
                }
            }
        }
    }
}

#[test]
fn staff_numbers_stay_text_in_json() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let out = w
        .run(&["--db", s(&db), "export", "staff", "--format", "json"])
        .ok();
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out.stdout).unwrap();
    assert!(rows.iter().all(|r| r["staff_no"].is_string()));
}

#[test]
fn japanese_headers_with_lang_ja() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let out = w
        .run(&["--db", s(&db), "--lang", "ja", "export", "staff"])
        .ok();
    let rows = csv_rows(&out);
    assert_eq!(rows[0][0], "職員番号");
    assert_eq!(rows[0].len(), kind("staff").unwrap().headers.len());
    let en = csv_rows(&w.run(&["--db", s(&db), "export", "staff"]).ok());
    assert_eq!(rows[1..], en[1..], "only the headers change");
    for k in KINDS {
        let out = w
            .run(&["--db", s(&db), "export", k.name, "--lang", "ja"])
            .ok();
        let rows = csv_rows(&out);
        assert_eq!(rows[0].len(), k.headers.len(), "{}", k.name);
    }
}

#[test]
fn headers_are_english_by_default_whatever_the_locale() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let o = w
        .cmd()
        .env("LANG", "ja_JP.UTF-8")
        .args(["--db", s(&db), "export", "staff"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.starts_with("\u{feff}staff_no,"),
        "{}",
        text.chars().take(40).collect::<String>()
    );
}

#[test]
fn exports_are_the_same_bytes_twice() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    for k in ["staff", "assignments", "evaluations"] {
        let a = w.run(&["--db", s(&db), "export", k]).ok();
        let b = w.run(&["--db", s(&db), "export", k]).ok();
        assert_eq!(a.stdout_bytes, b.stdout_bytes, "{k}");
    }
}

#[test]
fn export_out_writes_a_private_file_and_says_so_on_stderr() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let stdout = w.run(&["--db", s(&db), "export", "staff"]).ok();
    let rows = csv_rows(&stdout).len() - 1;
    let f = w.path("staff.csv");
    let out = w
        .run(&["--db", s(&db), "export", "staff", "--out", s(&f)])
        .ok();
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", out.stderr);
    assert!(lines[0].contains("staff.csv"), "{}", lines[0]);
    assert!(lines[0].contains(&format!("{rows} rows")), "{}", lines[0]);
    assert_eq!(std::fs::read(&f).unwrap(), stdout.stdout_bytes);
    #[cfg(unix)]
    assert_eq!(mode(&f), 0o600);

    let j = w.path("units.json");
    w.run(&[
        "export",
        "units",
        "--format",
        "json",
        "--out",
        s(&j),
        "--db",
        s(&db),
    ])
    .ok();
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&j).unwrap()).unwrap();
    assert!(v.as_array().is_some_and(|a| !a.is_empty()));
    #[cfg(unix)]
    assert_eq!(mode(&j), 0o600);
}

#[test]
fn export_out_into_a_missing_directory_fails_cleanly() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let before = w.snapshot();
    let f = w.path("no/such/dir/staff.csv");
    w.run(&["--db", s(&db), "export", "staff", "--out", s(&f)])
        .fails(1, &["staff.csv"]);
    before.assert_unchanged(&w.snapshot());
}

#[test]
fn hr_may_export_in_a_demo_database() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let a = w.run(&["--db", s(&db), "export", "staff"]).ok();
    let b = w
        .run(&["--db", s(&db), "--user", "hr1", "export", "staff"])
        .ok();
    assert_eq!(a.stdout, b.stdout);
    let a = w.run(&["--db", s(&db), "export", "incidents"]).ok();
    let b = w
        .run(&["--db", s(&db), "--user", "hr1", "export", "incidents"])
        .ok();
    assert_eq!(a.stdout, b.stdout, "the incidents register is HR's");
    for kind in ["audit", "accounts"] {
        w.run(&["--db", s(&db), "--user", "hr1", "export", kind])
            .fails(2, &["admin"]);
    }
}

/// The rows of `kind` as `user` (the admin when `None`) exports them, as JSON objects.
fn json_rows(w: &Scratch, db: &std::path::Path, user: Option<&str>, kind: &str) -> Vec<Json> {
    let mut args = vec!["--db", s(db)];
    if let Some(u) = user {
        args.extend(["--user", u]);
    }
    args.extend(["export", kind, "--format", "json"]);
    serde_json::from_str(&w.run(&args).ok().stdout).expect("JSON")
}

type Json = serde_json::Value;

fn text(v: &Json) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// The staff number behind a login (from the admin's accounts export).
fn staff_no_of(w: &Scratch, db: &std::path::Path, login: &str) -> String {
    json_rows(w, db, None, "accounts")
        .iter()
        .find(|a| a["login"] == login)
        .map(|a| text(&a["staff_no"]))
        .expect("the account")
}

/// Who `me` may see, worked out from the admin's exports: the people of their unit's
/// subtree, the people they evaluate this fiscal year or later, and themselves.
fn visible_to_supervisor(w: &Scratch, db: &std::path::Path, me: &str) -> BTreeSet<String> {
    let fy = today().fiscal_year() as i64;
    let staff = json_rows(w, db, None, "staff");
    let unit_of = |no: &str| {
        staff
            .iter()
            .find(|r| r["staff_no"] == no)
            .map(|r| text(&r["unit_code"]))
            .expect("the person")
    };
    let units = json_rows(w, db, None, "units");
    let mut subtree: BTreeSet<String> = [unit_of(me)].into();
    loop {
        let more: Vec<String> = units
            .iter()
            .filter(|u| subtree.contains(&text(&u["parent_code"])))
            .map(|u| text(&u["unit_code"]))
            .filter(|c| !subtree.contains(c))
            .collect();
        if more.is_empty() {
            break;
        }
        subtree.extend(more);
    }
    let mut people: BTreeSet<String> = staff
        .iter()
        .filter(|r| subtree.contains(&text(&r["unit_code"])))
        .map(|r| text(&r["staff_no"]))
        .collect();
    for e in json_rows(w, db, None, "evaluations") {
        let evaluates = e["evaluator1_staff_no"] == me || e["evaluator2_staff_no"] == me;
        if evaluates && e["fiscal_year"].as_i64() >= Some(fy) {
            people.insert(text(&e["staff_no"]));
        }
    }
    people.insert(me.to_string());
    people
}

#[test]
fn a_supervisor_exports_their_subtree_and_evaluatees_only() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let login = w.login_with_role(&db, "supervisor");
    let me = staff_no_of(&w, &db, &login);
    let want = visible_to_supervisor(&w, &db, &me);
    let everyone = json_rows(&w, &db, None, "staff").len();
    assert!(
        want.len() > 1 && want.len() < everyone,
        "a meaningful scope: {} of {everyone}",
        want.len()
    );

    let got = json_rows(&w, &db, Some(&login), "staff");
    let nos: BTreeSet<String> = got.iter().map(|r| text(&r["staff_no"])).collect();
    assert_eq!(nos, want);
    assert_eq!(got.len(), want.len(), "one row per person");

    // Evaluations: the admin's rows of the visible people, in the same order (what of
    // each the supervisor may read before disclosure is the secrecy tests' matter).
    let key = |e: &Json| {
        ["fiscal_year", "kind", "term", "staff_no", "state"]
            .map(|k| text(&e[k]))
            .join(" ")
    };
    let all = json_rows(&w, &db, None, "evaluations");
    let mine: Vec<String> = all
        .iter()
        .filter(|e| want.contains(&text(&e["staff_no"])))
        .map(key)
        .collect();
    assert!(!mine.is_empty());
    let got: Vec<String> = json_rows(&w, &db, Some(&login), "evaluations")
        .iter()
        .map(key)
        .collect();
    assert_eq!(got, mine);

    // CSV says the same, and reference data is whole.
    let csv = csv_rows(
        &w.run(&["--db", s(&db), "--user", &login, "export", "staff"])
            .ok(),
    );
    assert_eq!(csv.len() - 1, want.len());
    assert_eq!(
        json_rows(&w, &db, Some(&login), "units"),
        json_rows(&w, &db, None, "units")
    );
}

#[test]
fn a_staff_account_exports_one_row_of_staff_itself() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let login = w.login_with_role(&db, "staff");
    let me = staff_no_of(&w, &db, &login);
    let f = w.path("me.csv");
    let out = w
        .run(&[
            "--db",
            s(&db),
            "--user",
            &login,
            "export",
            "staff",
            "--out",
            s(&f),
        ])
        .ok();
    assert!(out.stderr.contains("wrote 1 rows"), "{}", out.stderr);
    let rows = json_rows(&w, &db, Some(&login), "staff");
    assert_eq!(rows.len(), 1);
    assert_eq!(text(&rows[0]["staff_no"]), me);
    #[cfg(unix)]
    assert_eq!(mode(&f), 0o600);
    for kind in ["evaluations", "themes", "qualifications", "enrolments"] {
        let rows = json_rows(&w, &db, Some(&login), kind);
        assert!(
            rows.iter().all(|r| text(&r["staff_no"]) == me),
            "{kind}: only their own"
        );
    }
}

#[test]
fn accounts_audit_and_incidents_are_refused_to_supervisors_and_staff() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let f = w.path("out.csv");
    for role in ["supervisor", "staff"] {
        let login = w.login_with_role(&db, role);
        let before = w.snapshot();
        for kind in ["accounts", "audit", "incidents"] {
            let args = [
                "--db",
                s(&db),
                "--user",
                &login,
                "export",
                kind,
                "--out",
                s(&f),
            ];
            w.run(&args).fails(2, &["admin"]);
            w.run(&args[..6]).fails(2, &["admin"]);
        }
        before.assert_unchanged(&w.snapshot());
    }
}

#[test]
fn the_user_flag_is_refused_to_a_non_admin_of_a_real_database() {
    let w = Scratch::new();
    let db = w.init("i.db");
    w.run(&["--db", s(&db), "users", "add", "bob", "--role", "hr"])
        .ok();
    w.run(&["--db", s(&db), "users", "add", "boss", "--role", "admin"])
        .ok();
    // The admin may act as bob, with bob's rights.
    w.run(&["--db", s(&db), "--user", "bob", "export", "audit"])
        .fails(2, &["admin"]);
    // Once the real login is HR, it may not act as the admin.
    be(&db, Me::Is("hr", None));
    w.run(&["--db", s(&db), "export", "staff"]).ok();
    w.run(&["--db", s(&db), "--user", "boss", "export", "audit"])
        .fails(2, &["--user"]);
    be(&db, Me::Nobody);
    w.run(&["--db", s(&db), "export", "staff"])
        .fails(2, &[login()]);
}

#[test]
fn an_empty_database_exports_headers_and_an_empty_array() {
    let w = Scratch::new();
    let db = w.init("i.db");
    let out = w.run(&["--db", s(&db), "export", "staff"]).ok();
    assert_eq!(
        csv_rows(&out),
        vec![kind("staff").unwrap().headers.to_vec()]
    );
    let out = w
        .run(&["--db", s(&db), "export", "staff", "--format", "json"])
        .ok();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v, serde_json::json!([]));
}

/// `export posts --as-of DAY`: the 定数 of the day's fiscal year with 現員 counted on the
/// day — on a 1 April the same rows as that year's in the export of every year; a date
/// that is none is refused naming `--as-of`.
#[test]
fn posts_export_as_of_a_day() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let run = |args: &[&str]| {
        let mut all = vec!["--db", s(&db), "export", "posts", "--format", "csv"];
        all.extend(args);
        w.run(&all)
    };
    let every = csv_rows(&run(&[]).ok());
    let april = csv_rows(&run(&["--as-of", "2026-04-01"]).ok());
    assert_eq!(april[0], every[0], "the same headers");
    let of_2026: Vec<&Vec<String>> = every.iter().skip(1).filter(|r| r[1] == "2026").collect();
    assert!(!of_2026.is_empty());
    assert_eq!(april[1..].iter().collect::<Vec<_>>(), of_2026);
    // Another day of the year: its own 現員, the year's 定数.
    let autumn = csv_rows(&run(&["--as-of", "令和8年11月24日"]).ok());
    assert_eq!(autumn.len(), april.len());
    assert!(autumn[1..].iter().all(|r| r[1] == "2026"));
    run(&["--as-of", "2026-02-30"]).fails(2, &["--as-of", "2026-02-30"]);
    run(&["--as-of", "someday"]).fails(2, &["--as-of", "someday"]);
}
