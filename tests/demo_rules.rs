//! The demo generator obeys its own rules: determinism, the organisation, the roster,
//! assignment history, accounts, integrity and speed. (Evaluations, training, awards,
//! compliance and PDCA are in `demo_history.rs`.)

mod demo_support;

use std::collections::{HashMap, HashSet};

use demo_support::*;
use jinji::demo::{self, Params};
use jinji::domain::staff::is_katakana;
use jinji::store::export::{Cell, KINDS};
use jinji::store::{Db, StoreError};

fn export_all(db: &Db) -> Vec<(&'static str, Vec<Vec<Cell>>)> {
    KINDS
        .iter()
        .filter(|k| k.name != "audit")
        .map(|k| {
            let mut rows = Vec::new();
            db.export_rows(k, |r| {
                rows.push(r.to_vec());
                Ok(())
            })
            .unwrap();
            (k.name, rows)
        })
        .collect()
}

fn generated(p: &Params) -> Db {
    let db = Db::open_in_memory().unwrap();
    demo::generate(&db, p).unwrap();
    db
}

#[test]
fn same_seed_and_day_give_identical_exports() {
    let f = default_demo();
    let again = generated(&f.params);
    let a = export_all(&f.db());
    let b = export_all(&again);
    assert_eq!(a.len(), KINDS.len() - 1);
    for ((kind, ra), (_, rb)) in a.iter().zip(&b) {
        assert!(!ra.is_empty(), "export {kind} is empty");
        assert_eq!(ra.len(), rb.len(), "export {kind}: row counts differ");
        if let Some(k) = (0..ra.len()).find(|&k| ra[k] != rb[k]) {
            panic!(
                "export {kind} differs at row {k}:\n{:?}\n{:?}",
                ra[k], rb[k]
            );
        }
    }
}

#[test]
fn another_seed_gives_other_staff() {
    let f = default_demo();
    let other = generated(&Params {
        seed: f.params.seed + 1,
        ..f.params.clone()
    });
    let staff = KINDS.iter().find(|k| k.name == "staff").unwrap();
    let rows = |db: &Db| {
        let mut v = Vec::new();
        db.export_rows(staff, |r| {
            v.push(r.to_vec());
            Ok(())
        })
        .unwrap();
        v
    };
    let (a, b) = (rows(&f.db()), rows(&other));
    assert_ne!(a, b);
    let same = a.iter().filter(|r| b.contains(r)).count();
    assert!(
        same * 10 < a.len(),
        "{same} of {} staff rows identical under another seed",
        a.len()
    );
}

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
        assert!(
            staff.iter().any(|s| s.retired()),
            "[{}] no one retired in {} years",
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
            } else if age > 60 {
                "in service past 60"
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
fn the_first_assignment_is_the_hire() {
    for f in all() {
        let posts = f.assignments();
        let mut bad = Vec::new();
        for s in f.staff() {
            match posts.get(&s.id).map(|p| &p[0]) {
                Some(a) if a.start == s.hire && a.reason == "hire" => {}
                other => bad.push((s.staff_no, s.hire, other.cloned())),
            }
            let hires = posts[&s.id].iter().filter(|a| a.reason == "hire").count();
            assert_eq!(hires, 1, "[{}] staff {} hired {hires} times", f.name, s.id);
        }
        assert_none(&format!("[{}] first assignments", f.name), &bad);
    }
}

#[test]
fn assignments_are_contiguous_and_never_overlap() {
    for f in all() {
        let today = f.today();
        let mut bad = Vec::new();
        for (id, posts) in f.assignments() {
            for a in &posts {
                if a.end.is_some_and(|e| e < a.start) || a.start > today {
                    bad.push((id, "ends before it starts or starts after today", a.clone()));
                }
            }
            for w in posts.windows(2) {
                match w[0].end {
                    None => bad.push((id, "open assignment followed by another", w[1].clone())),
                    Some(e) if e >= w[1].start => bad.push((id, "overlap", w[1].clone())),
                    Some(e) if e.add_days(1) != w[1].start => bad.push((id, "gap", w[1].clone())),
                    _ => {}
                }
            }
        }
        assert_none(&format!("[{}] assignment history", f.name), &bad);
    }
}

#[test]
fn no_transfer_into_the_post_already_held() {
    for f in all() {
        let mut bad = Vec::new();
        for (id, posts) in f.assignments() {
            for (k, w) in posts.windows(2).enumerate() {
                // A secondment keeps the person in the personnel team on paper.
                let seconded = matches!(w[1].reason.as_str(), "secondment" | "dispatch");
                if w[0].unit_id == w[1].unit_id && w[0].position == w[1].position && !seconded {
                    let last = k + 2 == posts.len();
                    bad.push((id, last, w[1].reason.clone(), w[1].start));
                }
            }
        }
        assert_none(
            &format!("[{}] (staff, into the last post?, reason, start)", f.name),
            &bad,
        );
    }
}

#[test]
fn one_open_assignment_per_serving_person_and_it_is_the_current_post() {
    for f in all() {
        let posts = f.assignments();
        let mut bad = Vec::new();
        for s in f.staff() {
            let p = &posts[&s.id];
            let open: Vec<_> = p.iter().filter(|a| a.end.is_none()).collect();
            if s.retired() {
                let last = p.last().and_then(|a| a.end);
                if !open.is_empty() || last != s.retire {
                    bad.push((s.staff_no, "retired: open post or last end ≠ retire date"));
                }
                continue;
            }
            let [a] = open[..] else {
                bad.push((s.staff_no, "not exactly one open assignment"));
                continue;
            };
            let away = matches!(a.reason.as_str(), "secondment" | "dispatch");
            if a.unit_id != s.unit_id && !away {
                bad.push((s.staff_no.clone(), "open assignment's unit ≠ staff unit"));
            }
            if a.position != s.position {
                bad.push((
                    s.staff_no.clone(),
                    "open assignment's position ≠ staff position",
                ));
            }
            if away != (s.status == "seconded") {
                bad.push((
                    s.staff_no.clone(),
                    "status seconded ⇔ on secondment/dispatch",
                ));
            }
        }
        assert_none(&format!("[{}] open assignments", f.name), &bad);
    }
}

#[test]
fn most_moves_start_on_1_april_and_promotions_go_up() {
    for f in all() {
        let mut moves = 0;
        let mut april = 0;
        let mut down = Vec::new();
        for (id, posts) in f.assignments() {
            for w in posts.windows(2) {
                moves += 1;
                if (w[1].start.month(), w[1].start.day()) == (4, 1) {
                    april += 1;
                }
                let (was, now) = (rank(&w[0].position), rank(&w[1].position));
                if now > was || (w[1].reason == "promotion") != (now < was) {
                    down.push((id, w[0].position.clone(), w[1].clone()));
                }
            }
        }
        eprintln!("[{}] moves {moves}, on 1 April {april}", f.name);
        assert!(moves > 0);
        assert!(
            april * 10 >= moves * 9,
            "[{}] {april} of {moves} on 1 April",
            f.name
        );
        assert_none(
            &format!("[{}] demotions or promotions in name only", f.name),
            &down,
        );
    }
}

/// Each person's supervisor: someone serving, senior to them (a seconded 係長 sits in
/// 人事係 under its 係長), and never someone who is away on secondment.
fn supervisor_problems(f: &Fixture) -> Vec<(String, String)> {
    let staff = f.staff_by_id();
    let sup: Vec<(i64, Option<i64>)> = f.rows("SELECT id, supervisor_id FROM staff", |r| {
        Ok((r.get(0)?, r.get(1)?))
    });
    let mut bad = Vec::new();
    for (id, s) in &sup {
        let me = &staff[id];
        let Some(s) = s else {
            if !me.retired() && me.position != "director" {
                bad.push((me.staff_no.clone(), "no supervisor".to_string()));
            }
            continue;
        };
        let boss = &staff[s];
        let senior = if me.status == "seconded" {
            rank(&boss.position) <= rank(&me.position)
        } else {
            rank(&boss.position) < rank(&me.position)
        };
        if boss.retired() || boss.status == "seconded" || !senior {
            bad.push((
                me.staff_no.clone(),
                format!(
                    "{} ({}) → {} {} ({})",
                    me.position, me.status, boss.staff_no, boss.position, boss.status
                ),
            ));
        }
    }
    bad
}

#[test]
fn supervisors_are_serving_seniors() {
    for f in all() {
        assert_none(
            &format!("[{}] supervisors", f.name),
            &supervisor_problems(f),
        );
    }
}

#[test]
fn a_seconded_team_chief_supervises_no_one() {
    // Seed 21 seconds a 係長 to 人事係 who is listed before that team's own 係長.
    let f = Fixture::build(
        "seed21",
        Params {
            staff: 1200,
            years: 2,
            seed: 21,
            today: today(),
        },
    );
    assert_none("[seed21] supervisors", &supervisor_problems(&f));
    let evaluations = f.int(
        "SELECT count(*) FROM evaluations e JOIN staff b ON b.id = e.evaluator1_id
         WHERE b.status = 'seconded'",
    );
    assert_eq!(evaluations, 0, "evaluations written by a seconded 係長");
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

#[test]
fn integrity_is_sound_and_a_second_run_is_refused() {
    for f in all() {
        let db = f.db();
        let problems = db.integrity_problems().unwrap();
        assert_none(&format!("[{}] integrity", f.name), &problems);
        let before = f.int("SELECT count(*) FROM staff");
        match demo::generate(&db, &f.params) {
            Err(StoreError::Denied(_)) => {}
            other => panic!("[{}] a second run: {:?}", f.name, other.map(|r| r.total())),
        }
        let after = db.count::<jinji::domain::staff::Staff>(&[]).expect("count");
        assert_eq!(after, before, "[{}] the refused run wrote staff", f.name);
    }
}

#[test]
fn the_report_counts_what_was_written() {
    let f = small();
    let db = Db::open_in_memory().unwrap();
    let report = demo::generate(&db, &f.params).unwrap();
    for (table, n) in &report.rows {
        let stored = f.int(&format!("SELECT count(*) FROM {table}"));
        assert_eq!(stored, *n as i64, "report for {table}");
    }
    assert!(report.total() > 0);
}

#[test]
fn the_default_demo_is_quick() {
    let f = default_demo();
    eprintln!(
        "default demo (300 staff, 5 years): {:?} ({} build)",
        f.elapsed,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    let bound = if cfg!(debug_assertions) { 20.0 } else { 2.0 };
    assert!(f.elapsed.as_secs_f64() < bound, "took {:?}", f.elapsed);
}
