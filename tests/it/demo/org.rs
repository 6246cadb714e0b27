//! The demo generator obeys its own rules for the organisation, the roster and accounts.
//! (Assignments, supervisors and the generator as a whole are in `demo_placement.rs`;
//! the records over the years in `demo_evaluation.rs`, `demo_training_awards.rs` and
//! `demo_pdca_compliance.rs`.)

use crate::support::generated;

use std::collections::{HashMap, HashSet};

use generated::*;
use jinji::domain::retirement::retirement_fy;
use jinji::domain::staff::is_katakana;

#[test]
fn serving_staff_number_what_was_asked() {
    for f in all() {
        let staff = f.staff();
        let serving = staff.iter().filter(|s| !s.retired()).count();
        let active = staff.iter().filter(|s| s.status == "active").count();
        eprintln!(
            "[{}] staff: {serving} serving ({active} active), {} retired",
            f.name,
            staff.len() - serving
        );
        assert_eq!(serving, f.params.staff, "[{}] serving staff", f.name);
        assert!(
            active * 10 >= serving * 9,
            "[{}] only {active} active",
            f.name
        );
        // Retirements at 定年, on the law's day: a history of FY2025 alone has none (nobody
        // retired at 定年 on 31 March 2026).
        let cur = f.today().fiscal_year();
        let any_teinen = (cur - f.params.years + 1..cur)
            .any(|fy| (fy - 66..=fy - 60).any(|c| retirement_fy(c) == fy));
        assert_eq!(
            staff.iter().any(|s| s.retired()),
            any_teinen,
            "[{}] retirements in {} years",
            f.name,
            f.params.years
        );
    }
    let serving = default_demo().int("SELECT count(*) FROM staff WHERE status = 'active'");
    assert!(
        (280..=300).contains(&serving),
        "default demo: {serving} active"
    );
}

#[test]
fn units_form_a_tree_office_department_section_team() {
    for f in all() {
        let units = f.units();
        let child = |k: &str| match k {
            "office" => Some("department"),
            "department" => Some("section"),
            "section" => Some("team"),
            _ => None,
        };
        let mut bad = Vec::new();
        for u in units.values() {
            match u.parent {
                None if u.kind != "office" => {
                    bad.push(format!("{} {} has no parent", u.code, u.kind))
                }
                Some(_) if u.kind == "office" => {
                    bad.push(format!("office {} has a parent", u.code))
                }
                Some(p) => {
                    let parent = &units[&p];
                    if child(&parent.kind) != Some(u.kind.as_str()) {
                        bad.push(format!(
                            "{} {} under {} {}",
                            u.kind, u.name, parent.kind, parent.name
                        ));
                    }
                }
                None => {}
            }
        }
        assert_none(&format!("[{}] units out of the tree", f.name), &bad);
        let count = |k: &str| units.values().filter(|u| u.kind == k).count();
        let offices: Vec<_> = units.values().filter(|u| u.kind == "office").collect();
        assert!(!offices.is_empty());
        assert!(
            offices.iter().all(|o| o.name.ends_with("区役所")),
            "{offices:?}"
        );
        // Every department has a section and every section a team.
        for (kind, sub) in [
            ("office", "department"),
            ("department", "section"),
            ("section", "team"),
        ] {
            let empty: Vec<_> = units
                .values()
                .filter(|u| u.kind == kind)
                .filter(|u| {
                    !units
                        .values()
                        .any(|c| c.parent == Some(u.id) && c.kind == sub)
                })
                .map(|u| &u.name)
                .collect();
            assert_none(&format!("[{}] {kind} without a {sub}", f.name), &empty);
        }
        eprintln!(
            "[{}] units: {} offices, {} departments, {} sections, {} teams",
            f.name,
            offices.len(),
            count("department"),
            count("section"),
            count("team")
        );
    }
}

#[test]
fn a_city_holds_several_wards_each_its_own_tree() {
    let offices = |f: &Fixture| f.int("SELECT count(*) FROM units WHERE kind = 'office'");
    assert_eq!(offices(default_demo()), 1);
    assert_eq!(offices(small()), 1);
    // Above 600 staff the generator makes wards of 1,500: 1,200 is still one ward.
    assert_eq!(offices(large()), 1);
    let f = city();
    assert_eq!(offices(f), 3, "3,200 staff in wards of 1,500");
    // Each ward's codes carry its number, and each ward has its own 人事 team and staff.
    let units = f.units();
    let ward_of = |mut id: i64| loop {
        match units[&id].parent {
            Some(p) => id = p,
            None => return id,
        }
    };
    let mut bad = Vec::new();
    for u in units.values() {
        let root = &units[&ward_of(u.id)];
        if u.code.get(..3) != root.code.get(..3) {
            bad.push((u.code.clone(), root.code.clone()));
        }
    }
    assert_none("unit codes outside their ward's prefix", &bad);
    let mut per_ward: HashMap<i64, usize> = HashMap::new();
    for s in f.staff().iter().filter(|s| !s.retired()) {
        *per_ward.entry(ward_of(s.unit_id)).or_default() += 1;
    }
    eprintln!("[city] serving staff per ward: {:?}", per_ward.values());
    assert_eq!(per_ward.len(), 3);
    assert!(
        per_ward.values().all(|&n| (1000..=1100).contains(&n)),
        "{per_ward:?}"
    );
}

#[test]
fn one_director_per_department_and_one_chief_per_section() {
    for f in all() {
        let units = f.units();
        let staff = f.staff();
        let mut heads: HashMap<(i64, &str), usize> = HashMap::new();
        let mut misplaced = Vec::new();
        for s in staff.iter().filter(|s| !s.retired()) {
            let kind = units[&s.unit_id].kind.as_str();
            match s.position.as_str() {
                "director" if kind != "department" => misplaced.push((&s.staff_no, kind)),
                "section_chief" if kind != "section" => misplaced.push((&s.staff_no, kind)),
                "director" | "section_chief" => {
                    *heads.entry((s.unit_id, s.position.as_str())).or_default() += 1;
                }
                _ => {}
            }
            if s.position == "director" {
                assert_eq!(
                    s.status, "active",
                    "[{}] 部長 {} not active",
                    f.name, s.staff_no
                );
            }
        }
        assert_none(
            &format!("[{}] 部長/課長 outside a 部/課", f.name),
            &misplaced,
        );
        let mut wrong = Vec::new();
        for u in units.values() {
            let want = match u.kind.as_str() {
                "department" => "director",
                "section" => "section_chief",
                _ => continue,
            };
            let n = heads.get(&(u.id, want)).copied().unwrap_or(0);
            if n != 1 {
                wrong.push((u.name.clone(), want, n));
            }
        }
        assert_none(
            &format!("[{}] units without exactly one head", f.name),
            &wrong,
        );
    }
}

#[test]
fn the_pyramid_rank_and_file_over_team_chiefs_over_section_chiefs() {
    for f in [default_demo(), large()] {
        let n = |pos: &str| {
            f.int(&format!(
                "SELECT count(*) FROM staff WHERE status <> 'retired' AND position IN ({pos})"
            ))
        };
        let rank_and_file = n("'clerk','engineer','senior'");
        let team = n("'team_chief'");
        let section = n("'section_chief'");
        eprintln!(
            "[{}] 主事/技師/主任 {rank_and_file}, 係長 {team}, 課長 {section}",
            f.name
        );
        assert!(
            rank_and_file >= 2 * team,
            "[{}] {rank_and_file} vs {team} 係長",
            f.name
        );
        assert!(team > section, "[{}] {team} 係長 vs {section} 課長", f.name);
        assert!(n("'senior'") > team, "[{}] fewer 主任 than 係長", f.name);
    }
}

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '々')
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}' | 'ー')
}

#[test]
fn names_in_kanji_with_katakana_readings_and_unique_numbers() {
    for f in all() {
        let staff = f.staff();
        let mut bad = Vec::new();
        for s in &staff {
            let family_ok = !s.family_name.is_empty() && s.family_name.chars().all(is_kanji);
            // Some given names are written in hiragana (さくら), as in life.
            let given_ok = !s.given_name.is_empty()
                && s.given_name.chars().all(|c| is_kanji(c) || is_hiragana(c));
            let kana_ok = !s.family_kana.is_empty()
                && !s.given_kana.is_empty()
                && is_katakana(&s.family_kana)
                && is_katakana(&s.given_kana);
            if !(family_ok && given_ok && kana_ok) {
                bad.push(s.clone());
            }
        }
        assert_none(&format!("[{}] names", f.name), &bad);
        let kanji = staff
            .iter()
            .filter(|s| s.given_name.chars().all(is_kanji))
            .count();
        assert!(
            kanji * 10 >= staff.len() * 8,
            "[{}] {kanji} kanji given names",
            f.name
        );
        let numbers: HashSet<&str> = staff.iter().map(|s| s.staff_no.as_str()).collect();
        assert_eq!(
            numbers.len(),
            staff.len(),
            "[{}] staff numbers repeat",
            f.name
        );
        // 職員番号: the hire year's last two digits, then a sequence.
        let malformed: Vec<_> = staff
            .iter()
            .filter(|s| {
                s.staff_no.len() != 7
                    || !s.staff_no.chars().all(|c| c.is_ascii_digit())
                    || s.staff_no[..2] != format!("{:02}", s.hire.year() % 100)
            })
            .map(|s| (&s.staff_no, s.hire))
            .collect();
        assert_none(&format!("[{}] staff numbers", f.name), &malformed);
    }
}

#[test]
fn ages_and_hire_dates_fit_the_position() {
    for f in all() {
        let today = f.today();
        let mut bad = Vec::new();
        for s in f.staff() {
            let hire_age = s.hire.years_since(s.birth);
            let end = s.retire.unwrap_or(today);
            let age = end.years_since(s.birth);
            let why = if hire_age < 18 {
                "hired before 18"
            } else if s.hire > today {
                "hired after today"
            } else if s.hire.month() != 4 || s.hire.day() != 1 {
                "not hired on 1 April"
            } else if s.position == "director" && age < 50 {
                "部長 under 50"
            } else if s.position == "section_chief" && age < 40 {
                "課長 under 40"
            } else if s.retire.is_none() && s.retirement.is_some_and(|r| r < today) {
                "in service past 定年"
            } else if s.kind.starts_with("reappointed") && age > 65 {
                "再任用 past 65"
            } else if s.retire.is_some() && s.retire != s.retirement {
                "retired on a day that is not the 定年退職日"
            } else if s.retire.is_some() != s.retired() || s.retire.is_some_and(|r| r > today) {
                "retire date and status disagree"
            } else {
                continue;
            };
            bad.push((why, s.staff_no, s.position, s.birth, s.hire, s.retire));
        }
        assert_none(&format!("[{}] ages and hire dates", f.name), &bad);
    }
}

#[test]
fn accounts_admin_hr_and_every_supervisor() {
    for f in all() {
        let accounts: Vec<(String, Option<i64>, String)> = f.rows(
            "SELECT login, staff_id, role FROM accounts WHERE active = 1",
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        );
        let role_of = |login: &str| accounts.iter().find(|a| a.0 == login).map(|a| a.2.as_str());
        assert_eq!(role_of("admin"), Some("admin"), "[{}]", f.name);
        assert_eq!(role_of("hr1"), Some("hr"), "[{}]", f.name);
        let admin_staff = accounts.iter().find(|a| a.0 == "admin").and_then(|a| a.1);
        let by_staff: HashMap<i64, &str> = accounts
            .iter()
            .filter_map(|a| a.1.map(|s| (s, a.2.as_str())))
            .collect();
        let staff = f.staff();
        let missing: Vec<_> = staff
            .iter()
            .filter(|s| !s.retired() && rank(&s.position) <= 3)
            .filter(|s| by_staff.get(&s.id) != Some(&"supervisor") && admin_staff != Some(s.id))
            .map(|s| (&s.staff_no, &s.position, by_staff.get(&s.id)))
            .collect();
        assert_none(
            &format!("[{}] 係長+ without a supervisor account", f.name),
            &missing,
        );
        let retired: Vec<_> = staff
            .iter()
            .filter(|s| s.retired() && by_staff.contains_key(&s.id))
            .map(|s| &s.staff_no)
            .collect();
        assert_none(&format!("[{}] accounts of retired staff", f.name), &retired);
    }
}

/// The generator fills the search index of names once after inserting the roster (not a
/// row at a time): every person is in it once, and found by part of their name.
#[test]
fn everyone_is_in_the_search_index_of_names() {
    use jinji::store::search::Needle;
    for f in all() {
        assert_eq!(
            f.int("SELECT count(*) FROM staff_names"),
            f.int("SELECT count(*) FROM staff"),
            "[{}] names indexed",
            f.name
        );
        assert_eq!(
            f.int(
                "SELECT count(*) FROM staff s JOIN staff_names n ON n.rowid = s.id \
                 WHERE n.name = s.family_name || s.given_name"
            ),
            f.int("SELECT count(*) FROM staff"),
            "[{}] each under their own name",
            f.name
        );
        let db = f.db();
        for s in f.staff().iter().step_by(97) {
            let name: String = format!("{}{}", s.family_name, s.given_name);
            if name.chars().count() < 3 {
                continue;
            }
            let found = db.search_staff(&Needle::Name(name.clone()), 200).unwrap();
            assert!(
                found.iter().any(|p| p.id == s.id),
                "[{}] {name} not found",
                f.name
            );
        }
    }
}
