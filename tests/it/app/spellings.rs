//! Romaji as people type it: every reading in the demo ward, spelled each way people write
//! it (Hepburn, wāpuro, passports, macrons, a doubled n), finds the same people, the exact
//! reading first; and `find_people`, the search every picker of a person shares, names
//! each person's unit and shows only whom the account may see.

use std::collections::BTreeSet;

use jinji::app::search::{Found, Needle, find_people, needle};
use jinji::domain::staff::Staff;
use jinji::store::Db;
use jinji::store::scope::Visibility;
use wana_kana::ConvertJapanese;

use crate::support::demo_ward;
use crate::support::ward::{Ward, staff};

fn is_vowel(c: char) -> bool {
    "aiueo".contains(c)
}

/// The ways a reading (katakana) is written in romaji, named.
fn spellings(reading: &str) -> Vec<(&'static str, String)> {
    // wana_kana writes wāpuro with Hepburn's consonants: ryousuke, oota, ken'ichi.
    let wapuro = reading.to_romaji();
    let c: Vec<char> = wapuro.chars().collect();
    // Each style: how it writes a long o, u and a, the ン before a vowel (n'), and ン
    // before b/m/p; `before` is what follows the long vowel (passports write oh only
    // before a consonant or at the end).
    type Long = fn(char, char, Option<char>) -> String;
    let styles: [(&str, Long, &str, bool); 6] = [
        ("hepburn", |v, _, _| v.to_string(), "n'", false),
        ("wapuro", |v, w, _| format!("{v}{w}"), "n'", false),
        ("kenn", |v, w, _| format!("{v}{w}"), "nn", true),
        (
            "macron",
            |v, _, _| match v {
                'o' => "ō".into(),
                'u' => "ū".into(),
                _ => "ā".into(),
            },
            "n'",
            false,
        ),
        (
            "circumflex",
            |v, _, _| match v {
                'o' => "ô".into(),
                'u' => "û".into(),
                _ => "â".into(),
            },
            "n'",
            false,
        ),
        (
            "passport",
            |v, _, next| {
                let h = next.is_none_or(|n| !is_vowel(n) && n != 'y' && n != '\'');
                if h && v != 'a' {
                    format!("{v}h")
                } else {
                    v.to_string()
                }
            },
            "n",
            false,
        ),
    ];
    let mut out = Vec::new();
    for (name, long, n_vowel, kenn) in styles {
        let mut s = String::new();
        let mut i = 0;
        while i < c.len() {
            let (ch, next) = (c[i], c.get(i + 1).copied());
            let pair = matches!(
                (ch, next),
                ('o', Some('o' | 'u')) | ('u', Some('u')) | ('a', Some('a'))
            );
            if let (true, Some(second)) = (pair, next) {
                s.push_str(&long(ch, second, c.get(i + 2).copied()));
                i += 2;
                continue;
            }
            // ン: wana_kana writes n' before a vowel or y, n elsewhere (before a consonant,
            // at the end, before the n of the ナ row).
            let is_n = ch == 'n'
                && match next {
                    Some('\'') => true,
                    None => true,
                    Some(n) => !is_vowel(n) && n != 'y',
                };
            if is_n {
                if next == Some('\'') {
                    s.push_str(n_vowel);
                    i += 2;
                    continue;
                }
                if kenn {
                    s.push_str("nn");
                } else if name == "passport" && matches!(next, Some('b' | 'm' | 'p')) {
                    s.push('m');
                } else {
                    s.push('n');
                }
                i += 1;
                continue;
            }
            s.push(ch);
            i += 1;
        }
        out.push((name, s));
    }
    out
}

fn reads(s: &Staff, prefixes: &[String]) -> bool {
    let full = format!("{}{}", s.family_kana, s.given_kana);
    prefixes
        .iter()
        .any(|p| full.starts_with(p.as_str()) || s.given_kana.starts_with(p.as_str()))
}

fn everyone(db: &Db) -> Vec<Staff> {
    let n = db.count::<Staff>(&[]).unwrap();
    (1..=n + 50)
        .filter_map(|id| db.find::<Staff>(id).unwrap())
        .collect()
}

#[test]
fn the_spellings_are_the_ways_people_write() {
    let s = |r: &str| -> Vec<String> { spellings(r).into_iter().map(|(_, s)| s).collect() };
    assert_eq!(s("オオタ"), ["ota", "oota", "oota", "ōta", "ôta", "ohta"]);
    assert_eq!(
        s("ケンイチ"),
        [
            "ken'ichi", "ken'ichi", "kennichi", "ken'ichi", "ken'ichi", "kenichi"
        ]
    );
    assert_eq!(
        s("ホンマ"),
        ["honma", "honma", "honnma", "honma", "honma", "homma"]
    );
    assert_eq!(
        s("ユウコ"),
        ["yuko", "yuuko", "yuuko", "yūko", "yûko", "yuhko"]
    );
    assert_eq!(s("オオイシ")[5], "oishi", "no h before a vowel");
    assert_eq!(s("カンナ")[2], "kannna");
}

/// For every distinct reading (family or given) in the demo ward, each spelling finds the
/// people the reading typed in kana finds; where the spelling says the reading exactly
/// (wāpuro, a doubled n, macrons; passports with oh), the people whose reading begins with
/// it come before anyone found only through the folded key.
#[test]
fn every_spelling_of_every_reading_finds_the_same_people_exact_first() {
    let db = demo_ward();
    let people = everyone(&db);
    let readings: BTreeSet<String> = people
        .iter()
        .flat_map(|s| [s.family_kana.clone(), s.given_kana.clone()])
        .collect();
    assert!(readings.len() > 100, "{} readings", readings.len());
    let find = |n: &Needle| db.search_staff(n, 10_000).unwrap();
    let (mut exact_checked, mut folded_found) = (0, 0);
    for reading in &readings {
        let by_kana = find(&needle(reading).unwrap());
        let ids = |found: &[Staff]| found.iter().map(|s| s.id).collect::<BTreeSet<_>>();
        let want = ids(&by_kana);
        // Everyone of this reading is found by it.
        for s in &people {
            if s.family_kana == *reading || s.given_kana == *reading {
                assert!(want.contains(&s.id), "{reading}: {} missing", s.staff_no);
            }
        }
        for (style, typed) in spellings(reading) {
            let n = needle(&typed).unwrap_or_else(|| panic!("{typed}: no needle"));
            let Needle::Kana { exact, .. } = &n else {
                panic!("{typed} is not read as a reading: {n:?}");
            };
            let found = find(&n);
            assert_eq!(ids(&found), want, "{reading} spelled {style} {typed:?}");
            if !exact.contains(reading) {
                // Hepburn's ota for オオタ (its exact reading is オタ), a passport's oishi.
                assert!(
                    matches!(style, "hepburn" | "passport") || reading.contains(['ヂ', 'ヅ']),
                    "{reading} spelled {style} {typed:?} reads {exact:?}"
                );
                continue;
            }
            exact_checked += 1;
            // Serving people, then retired ones: within each, what the spelling says
            // exactly first.
            for retired in [false, true] {
                let group: Vec<&Staff> = found
                    .iter()
                    .filter(|s| (s.status.code() == "retired") == retired)
                    .collect();
                let first_other = group.iter().position(|s| !reads(s, exact));
                if let Some(at) = first_other {
                    folded_found += 1;
                    assert!(
                        group[at..].iter().all(|s| !reads(s, exact)),
                        "{reading} spelled {style} {typed:?}: someone read exactly after {}",
                        group[at].staff_no
                    );
                }
            }
        }
    }
    assert!(exact_checked > 4 * readings.len(), "{exact_checked}");
    assert!(
        folded_found > 0,
        "no reading found anyone only through its fold"
    );
}

fn names(found: &[Found]) -> Vec<String> {
    found
        .iter()
        .map(|f| format!("{}{}", f.staff.family_name, f.staff.given_name))
        .collect()
}

/// The issue's people: a small ward with 大野 良介, 太田, 小竹 (オタケ), 後藤, 小野 and 健.
#[test]
fn the_issues_spellings_find_their_people() {
    let w = Ward::new();
    let db = &w.db;
    let add = |no: &str, name: (&str, &str), kana: (&str, &str)| {
        let mut s = staff(no, w.team_res, crate::support::d(2015, 4, 1));
        (s.family_name, s.given_name) = (name.0.into(), name.1.into());
        (s.family_kana, s.given_kana) = (kana.0.into(), kana.1.into());
        db.insert(&mut s).unwrap();
    };
    add("B0001", ("大野", "良介"), ("オオノ", "リョウスケ"));
    add("B0002", ("太田", "一郎"), ("オオタ", "イチロウ"));
    add("B0003", ("小竹", "一郎"), ("オタケ", "イチロウ"));
    add("B0004", ("後藤", "花子"), ("ゴトウ", "ハナコ"));
    add("B0005", ("小野", "花子"), ("オノ", "ハナコ"));
    add("B0006", ("石井", "健"), ("イシイ", "ケン"));
    add("B0007", ("石井", "健一"), ("イシイ", "ケンイチ"));
    let all = Visibility::All;
    let find = |typed: &str| names(&find_people(db, &all, typed).unwrap());
    for typed in [
        "ryosuke", "ryousuke", "ryôsuke", "ryōsuke", "RYOHSUKE", "oono", "ōno",
    ] {
        assert!(find(typed).contains(&"大野良介".into()), "{typed}");
    }
    assert_eq!(
        find("ota"),
        ["小竹一郎", "太田一郎"],
        "オタ exactly, then オオタ"
    );
    for typed in ["oota", "ohta", "ōta", "ôta", "OHTA"] {
        assert_eq!(find(typed), ["太田一郎", "小竹一郎"], "{typed}");
    }
    for typed in ["goto", "gotou", "gotoh", "gotō"] {
        assert_eq!(find(typed), ["後藤花子"], "{typed}");
    }
    assert_eq!(
        find("ono"),
        ["小野花子", "大野良介"],
        "オノ exactly, then オオノ"
    );
    assert_eq!(find("kenn"), find("ken"));
    assert_eq!(find("ken"), ["石井健", "石井健一"]);
    for typed in ["kenichi", "ken'ichi", "kennichi"] {
        assert_eq!(find(typed), ["石井健一"], "{typed}");
    }
    assert_eq!(
        find("ｏｈｔａ"),
        find("ohta"),
        "full-width letters read as ASCII"
    );
    // Kana and kanji keep their meaning.
    assert_eq!(find("おおた"), ["太田一郎", "小竹一郎"]);
    assert_eq!(find("大野"), ["大野良介"]);
}

/// A person's folded reading follows their record: renamed オオタケ, they are found by
/// Hepburn's otake, which only the folded key finds.
#[test]
fn an_edited_reading_is_found_by_its_spellings() {
    let w = Ward::new();
    let db = &w.db;
    let mut s = w.clerk.clone();
    let otake = |db: &Db| find_people(db, &Visibility::All, "otake").unwrap();
    assert!(otake(db).is_empty());
    s.family_kana = "オオタケ".into();
    db.update(&mut s).unwrap();
    assert_eq!(names(&otake(db)), ["田中太郎"]);
    assert_eq!(
        names(&find_people(db, &Visibility::All, "ootake").unwrap()),
        ["田中太郎"]
    );
    s.family_kana = "タナカ".into();
    db.update(&mut s).unwrap();
    assert!(otake(db).is_empty(), "the old reading is gone");
}

/// Each person found comes with their unit's name; an account that sees one unit finds
/// nobody outside it.
#[test]
fn find_people_names_units_and_keeps_to_what_one_sees() {
    let w = Ward::new();
    let found = find_people(&w.db, &Visibility::All, "太郎").unwrap();
    let units: Vec<(&str, &str)> = found
        .iter()
        .map(|f| (f.staff.staff_no.as_str(), f.unit.as_str()))
        .collect();
    assert_eq!(
        units,
        [
            ("A0001", "人事課"),
            ("A0002", "人事係"),
            ("A0003", "人事係"),
            ("A0004", "区民係")
        ]
    );
    let team = Visibility::Some {
        units: vec![w.team_hr],
        people: vec![],
        me: None,
    };
    let found = find_people(&w.db, &team, "太郎").unwrap();
    let nos: Vec<&str> = found.iter().map(|f| f.staff.staff_no.as_str()).collect();
    assert_eq!(nos, ["A0002", "A0003"]);
    assert!(find_people(&w.db, &team, " ").unwrap().is_empty());
}
