//! Query plans: each way of finding people goes through an index (`EXPLAIN QUERY PLAN`),
//! so a later change cannot quietly fall back to reading every row of a city's roster.

use jinji::app::search::needle;
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
        indexed(&plan(&db, typed), "COVERING INDEX staff_reading");
        indexed(&plan(&db, typed), "COVERING INDEX staff_given_kana");
    }
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
