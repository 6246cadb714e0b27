//! The demo generator obeys its own rules for assignment history and supervisors, and as
//! a whole: determinism, integrity, its report and speed. (The organisation, roster and
//! accounts are in `demo_org.rs`.)

use crate::support::generated;

use generated::*;
use jinji::demo::{self, Params};
use jinji::domain::post_limit::post_limit_date;
use jinji::store::Cell;
use jinji::store::export::KINDS;
use jinji::store::{Db, StoreError};

fn export_all(db: &Db) -> Vec<(&'static str, Vec<Vec<Cell>>)> {
    KINDS
        .iter()
        .filter(|k| k.name != "audit")
        .map(|k| {
            let mut rows = Vec::new();
            db.export_all(k, |r| {
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
        db.export_all(staff, |r| {
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
        let staff = f.staff_by_id();
        for (id, posts) in f.assignments() {
            for w in posts.windows(2) {
                moves += 1;
                if (w[1].start.month(), w[1].start.day()) == (4, 1) {
                    april += 1;
                }
                let (was, now) = (rank(&w[0].position), rank(&w[1].position));
                // 役職定年: a 課長 leaves the post, down to a non-management one, on the
                // first 1 April after reaching 60.
                let post_limit = now > was
                    && rank(&w[0].position) <= rank("section_chief")
                    && rank(&w[1].position) > rank("section_chief")
                    && w[1].reason == "transfer"
                    && w[1].start == post_limit_date(staff[&id].birth);
                if post_limit {
                    continue;
                }
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

/// The demo's first plan for next April is clean: it moves nobody who retires (定年) or
/// whose term ends before its day, nor anyone away, so its check finds no error; the B案
/// keeps the problems it is drafted with.
#[test]
fn the_clean_plan_checks_without_errors_and_the_b_plan_keeps_its_errors() {
    for f in all() {
        let db = f.db();
        let plans = db.transfer_plans().expect("plans");
        let Some(first) = plans.iter().find(|p| p.name.ends_with("（案）")) else {
            continue;
        };
        let errors: Vec<_> = db
            .check_plan(first.id, f.today())
            .expect("check")
            .into_iter()
            .filter(|p| p.is_error())
            .collect();
        assert_eq!(errors, vec![], "[{}] {}", f.name, first.name);
        if let Some(b) = plans.iter().find(|p| p.name.ends_with("（B案）")) {
            let problems = db.check_plan(b.id, f.today()).expect("check");
            assert!(problems.iter().any(|p| p.is_error()), "[{}]", f.name);
        }
    }
}

/// The heads away this year are each on a leave of their own kind and day, and whoever
/// holds a post for one of them holds it from the day they left (or after).
#[test]
fn the_heads_away_are_on_leaves_of_several_kinds_from_several_days() {
    let f = default_demo();
    let today = f.today().iso();
    let away = f.rows(
        &format!(
            "SELECT DISTINCT h.staff_no, l.kind, l.start_date, a.start_date
             FROM assignments a
             JOIN staff h ON h.unit_id = a.unit_id AND h.position = a.position
             JOIN leaves l ON l.staff_id = h.id AND l.start_date <= '{today}'
                  AND (l.end_date IS NULL OR l.end_date >= '{today}')
             WHERE a.kind <> 'main' AND a.end_date IS NULL ORDER BY 1"
        ),
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        },
    );
    assert!(away.len() >= 3, "{away:?}");
    let kinds: std::collections::BTreeSet<_> = away.iter().map(|a| &a.1).collect();
    let days: std::collections::BTreeSet<_> = away.iter().map(|a| &a.2).collect();
    assert!(kinds.len() >= 3, "{away:?}");
    assert!(days.len() >= 3, "{away:?}");
    for (no, _, left, held) in &away {
        assert!(held >= left, "{no}: held from {held}, away from {left}");
    }
}
