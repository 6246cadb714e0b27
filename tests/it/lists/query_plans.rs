//! Query plans: each way of finding people goes through an index (`EXPLAIN QUERY PLAN`),
//! so a later change cannot quietly fall back to reading every row of a city's roster.

use jinji::app::search::{Needle, needle};
use jinji::domain::reading::person_keys;
use jinji::store::Db;

fn plan(db: &Db, typed: &str) -> String {
    let n = needle(typed).expect("a needle");
    db.search_plan(&n).expect("plan").join("\n")
}

/// No step reads the staff table from end to end.
#[track_caller]
fn indexed(plan: &str, index: &str) {
    assert!(
        !plan.lines().any(|l| l.trim() == "SCAN staff"),
        "a full scan of staff:\n{plan}"
    );
    assert!(plan.contains(index), "expected {index}:\n{plan}");
}

#[test]
fn every_kind_of_search_uses_its_index() {
    let db = Db::open_in_memory().unwrap();
    // A staff number by prefix: the unique index on staff_no.
    indexed(&plan(&db, "26000"), "staff_no");
    // A reading of one or two characters, in kana or romaji: the reading index.
    for typed in ["や", "ヤマ", "ya", "ﾔﾏ"] {
        // Covering: the order is read from the index, not from every matching row.
        indexed(&plan(&db, typed), "COVERING INDEX staff_reading ");
        indexed(&plan(&db, typed), "COVERING INDEX staff_given_kana");
        // And its folded key (ota finds オオタ), in the full reading and the given name.
        indexed(&plan(&db, typed), "COVERING INDEX staff_reading_key");
        indexed(&plan(&db, typed), "COVERING INDEX staff_given_key");
    }
    // Every exact reading a spelling may be (ōno: オウノ, オオノ), each through its index.
    indexed(&plan(&db, "ōno"), "COVERING INDEX staff_reading ");
    indexed(&plan(&db, "kenichi"), "COVERING INDEX staff_given_key");
    // Longer readings as well.
    indexed(&plan(&db, "やまだたろう"), "staff_reading");
    // A name of one or two characters: family or given name by prefix.
    for typed in ["山", "山田"] {
        indexed(&plan(&db, typed), "COVERING INDEX staff_family_name");
        indexed(&plan(&db, typed), "COVERING INDEX staff_given_name");
    }
    // Three characters or more: any part of the name through the trigram index.
    for typed in ["山田太", "田太郎", "渡邉美"] {
        indexed(&plan(&db, typed), "staff_names");
    }
}

#[test]
fn the_trigram_index_follows_the_roster() {
    use jinji::domain::staff::Staff;
    let db = Db::open_in_memory().unwrap();
    jinji::demo::generate(
        &db,
        &jinji::demo::Params {
            staff: 40,
            ..jinji::demo::Params::demo(jinji::domain::Date::from_ymd(2026, 11, 24))
        },
    )
    .unwrap();
    let find = |typed: &str| -> Vec<String> {
        db.search_staff(&needle(typed).unwrap(), 50)
            .unwrap()
            .into_iter()
            .map(|s| s.staff_no)
            .collect()
    };
    let mut s: Staff = db.active_staff(None, 1).unwrap().rows.remove(0);
    let part = format!("{}{}", s.family_name, s.given_name);
    let middle: String = part.chars().skip(1).take(3).collect();
    if middle.chars().count() == 3 {
        assert!(find(&middle).contains(&s.staff_no), "{middle}");
    }
    // Renamed: found by the new name, by any part of it and by its start.
    s.family_name = "勅使河原".into();
    db.update(&mut s).unwrap();
    assert!(find("使河原").contains(&s.staff_no));
    assert!(
        find("勅使").contains(&s.staff_no),
        "two characters: family name by prefix"
    );
    let full = format!("勅使河原{}", s.given_name);
    assert_eq!(find(&full), vec![s.staff_no.clone()], "the whole new name");
}

/// A prefix search reads each index in order and stops at the limit; what it returns is
/// exactly the first of everyone matching, in the order promised: for a reading or a name,
/// serving before retired, the full reading (or family name) before the given name (for a
/// reading: as typed, then folded), then what matched, status and staff number; for a
/// number, by number; someone matching twice comes once.
#[test]
fn prefix_results_are_the_first_of_everyone_matching_in_order() {
    use jinji::domain::staff::Staff;
    let db = Db::open_in_memory().unwrap();
    jinji::demo::generate(
        &db,
        &jinji::demo::Params::demo(jinji::domain::Date::from_ymd(2026, 11, 24)),
    )
    .unwrap();
    let n = db.count::<Staff>(&[]).unwrap();
    let everyone: Vec<Staff> = (1..=n + 50)
        .filter_map(|id| db.find::<Staff>(id).unwrap())
        .collect();
    assert_eq!(everyone.len() as i64, n);
    for typed in [
        "ヤ", "サ", "カ", "ヤマ", "山", "田", "2", "26", "9", "ota", "oota", "ono", "ryosuke",
        "ichiro", "yuko", "ken",
    ] {
        let key = |s: &Staff| -> Option<(bool, u8, String, String, String)> {
            let reading = format!("{}{}", s.family_kana, s.given_kana);
            let (full_key, given_key) = person_keys(&s.family_kana, &s.given_kana);
            let exactly = |exact: &[String], r: &str| exact.iter().any(|k| r.starts_with(k));
            let (branch, matched) = match needle(typed).unwrap() {
                // A reading as typed, in the full reading then the given name; then the
                // folded key in each.
                Needle::Kana { exact, .. } if exactly(&exact, &reading) => (0, reading),
                Needle::Kana { exact, .. } if exactly(&exact, &s.given_kana) => {
                    (1, s.given_kana.clone())
                }
                Needle::Kana { folded, .. } if full_key.starts_with(&folded) => (2, full_key),
                Needle::Kana { folded, .. } if given_key.starts_with(&folded) => (3, given_key),
                Needle::Name(k) if s.family_name.starts_with(&k) => (0, s.family_name.clone()),
                Needle::Name(k) if s.given_name.starts_with(&k) => (1, s.given_name.clone()),
                Needle::Number(k) if s.staff_no.starts_with(&k) => (0, s.staff_no.clone()),
                _ => return None,
            };
            let status = s.status.code().to_string();
            // A number finds whoever holds it, in number order.
            let retired = status == "retired" && !typed.starts_with(|c: char| c.is_ascii_digit());
            Some((retired, branch, matched, status, s.staff_no.clone()))
        };
        let mut want: Vec<_> = everyone
            .iter()
            .filter_map(|s| key(s).map(|k| (k, s.id)))
            .collect();
        want.sort();
        let want: Vec<i64> = want.into_iter().take(20).map(|(_, id)| id).collect();
        let got: Vec<i64> = db
            .search_staff(&needle(typed).unwrap(), 20)
            .unwrap()
            .iter()
            .map(|s| s.id)
            .collect();
        assert!(!want.is_empty(), "{typed}: nobody to find");
        assert_eq!(got, want, "{typed}");
    }
}
