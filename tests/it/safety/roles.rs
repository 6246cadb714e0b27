//! Roles hold under attack: a supervisor reaches no record outside their unit's subtree
//! and the people they evaluate, and `--user` is no way around the accounts.
//!
//! What is proven:
//! - From the command line, a supervisor (a 係長, then a 課長) who names a stranger, a
//!   unit above or beside their own, or a PDCA cycle of either by number or id
//!   (`report eval-sheet`, `report unit-summary`, every `eval` step, `pdca advance |
//!   close | review | checkin`) gets exit 2 and the very message a number that does not
//!   exist gets; the HR and admin commands (`transfer …`, the HR and admin export kinds,
//!   `backup`, `restore`, `import`, `users`, `settings KEY VALUE`, `long-service
//!   --nominate`, `eval open`) are refused; none of them writes anything. What answers
//!   (`export` of every other kind as JSON and CSV, `long-service`, `overdue`,
//!   `settings`, `check`, the bare summary) holds no row of anyone out of sight, and
//!   `eval STEP --all` moves no evaluation of theirs. Ids that do not exist, negative or
//!   too large ones, and odd staff numbers get a clear message, never a panic.
//! - In the screens, the same supervisors find nobody out of sight by number, name, kana
//!   or romaji and cannot focus them; no list of any tab (every view, every year, every
//!   scope) holds a record of theirs, the screen drawn never names the stranger, and the
//!   file menu offers reports only of people and units in sight.
//! - In a real (non-demo) database, `--user` from an HR, supervisor, staff, disabled or
//!   unknown login is refused with exit 2 naming `--user` on a read, two writes and the
//!   bare summary, does nothing, and leaves exactly one `refused` row in the audit log
//!   naming who tried and whom they wanted; an admin's `--user` is honoured, as the
//!   account named (and a disabled or unknown account named is refused).

use crate::support::cli;
use crate::support::driver;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use cli::*;
use jinji::app::action::Action;
use jinji::app::files::FileItem;
use jinji::app::{App, Modal, Scope};
use jinji::demo::Params;
use jinji::i18n::Lang;
use jinji::store::scope::Visibility;
use jinji::store::{Db, OpenMode};
use rusqlite::{Connection, OptionalExtension};
use serde_json::Value;
use wana_kana::ConvertJapanese;

/// A staff number no demo holds.
const NO_ONE: &str = "0000000";
/// Every `eval` step but `open`.
const STEPS: [&str; 10] = [
    "submit",
    "first",
    "second",
    "send_back",
    "finalize",
    "disclose",
    "agree",
    "appeal",
    "outcome",
    "interviews",
];
/// What every step may need, so that a refusal is never for want of an argument.
const STEP_ARGS: [&str; 8] = [
    "--rating",
    "B",
    "--comment",
    "x",
    "--start-interview",
    "2026-05-01",
    "--end-interview",
    "2026-11-20",
];

#[derive(Debug, Clone)]
struct Person {
    id: i64,
    no: String,
    family: String,
    given: String,
    family_kana: String,
    given_kana: String,
}

impl Person {
    /// The ways a screen may write the name.
    fn names(&self) -> [String; 2] {
        [
            format!("{} {}", self.family, self.given),
            format!("{}{}", self.family, self.given),
        ]
    }
}

/// A supervisor, and what lies outside their sight.
struct Targets {
    login: String,
    me: Person,
    /// Someone of another department, tied to no one the supervisor sees.
    far: Person,
    /// The supervisor's own supervisor, one unit up.
    boss: Person,
    /// Codes of units outside the subtree: the one above, the ward, and the far
    /// person's team, section and department.
    units: Vec<String>,
    /// The latest PDCA cycles of the far person, the boss, the unit above and the units
    /// of the far person.
    cycles: Vec<i64>,
}

fn person(c: &Connection, id: i64) -> Person {
    c.query_row(
        "SELECT id, staff_no, family_name, given_name, family_kana, given_kana
         FROM staff WHERE id = ?1",
        [id],
        |r| {
            Ok(Person {
                id: r.get(0)?,
                no: r.get(1)?,
                family: r.get(2)?,
                given: r.get(3)?,
                family_kana: r.get(4)?,
                given_kana: r.get(5)?,
            })
        },
    )
    .expect("person")
}

/// Picks a supervisor of `position` (`team_chief` 係長, `section_chief` 課長) and what
/// lies outside their sight, in the demo at `c`.
fn pick(c: &Connection, position: &str) -> Targets {
    // The first active supervisor account of that position whose own supervisor is at
    // work (that supervisor sits one unit up, outside the subtree).
    let (login, me, boss): (String, i64, i64) = c
        .query_row(
            "SELECT a.login, s.id, b.id FROM accounts a JOIN staff s ON s.id = a.staff_id
             JOIN staff b ON b.id = s.supervisor_id
             WHERE a.role = 'supervisor' AND a.active = 1 AND s.status = 'active'
               AND s.position = ?1 AND b.status = 'active'
             ORDER BY s.staff_no LIMIT 1",
            [position],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("a supervisor of that position");
    // The far person. `up` walks from the supervisor's unit to the root, `dept` is every
    // unit of the supervisor's department. Wanted: someone at work in another department
    // and never posted in this one; never evaluated by the supervisor (in any year);
    // nobody's supervisor, evaluator, interviewer, OJT partner, award nominator or
    // decider; without an HR account; with no award given in this department; with a
    // name no one else has; and with an evaluation and a PDCA cycle of their own. A
    // stranger with records to leak, whose number and name may appear nowhere the
    // supervisor looks.
    let far: i64 = c
        .query_row(
            "WITH RECURSIVE up(id, parent_id, kind) AS (
                 SELECT u.id, u.parent_id, u.kind FROM units u
                 JOIN staff me ON me.unit_id = u.id WHERE me.id = ?1
                 UNION ALL
                 SELECT u.id, u.parent_id, u.kind FROM units u JOIN up ON u.id = up.parent_id),
             dept(id) AS (
                 SELECT id FROM up WHERE kind = 'department'
                 UNION ALL
                 SELECT u.id FROM units u JOIN dept ON u.parent_id = dept.id)
             SELECT s.id FROM staff s
             WHERE s.status = 'active' AND s.id <> ?1
               AND s.unit_id NOT IN dept
               AND NOT EXISTS (SELECT 1 FROM assignments a
                               WHERE a.staff_id = s.id AND a.unit_id IN dept)
               AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.staff_id = s.id
                               AND ?1 IN (e.evaluator1_id, e.evaluator2_id))
               AND NOT EXISTS (SELECT 1 FROM staff x WHERE x.supervisor_id = s.id)
               AND NOT EXISTS (SELECT 1 FROM evaluations e
                               WHERE s.id IN (e.evaluator1_id, e.evaluator2_id))
               AND NOT EXISTS (SELECT 1 FROM career_interviews i WHERE i.interviewer_id = s.id)
               AND NOT EXISTS (SELECT 1 FROM ojt_pairs o WHERE s.id IN (o.mentor_id, o.mentee_id))
               AND NOT EXISTS (SELECT 1 FROM awards w WHERE s.id IN (w.nominated_by, w.decided_by))
               AND NOT EXISTS (SELECT 1 FROM award_recipients r JOIN awards w ON w.id = r.award_id
                               WHERE r.staff_id = s.id AND w.unit_id IN dept)
               AND NOT EXISTS (SELECT 1 FROM accounts a
                               WHERE a.staff_id = s.id AND a.role IN ('admin', 'hr'))
               AND (SELECT count(*) FROM staff x
                    WHERE x.family_name = s.family_name AND x.given_name = s.given_name) = 1
               AND EXISTS (SELECT 1 FROM evaluations e WHERE e.staff_id = s.id)
               AND EXISTS (SELECT 1 FROM pdca_cycles p WHERE p.owner_staff_id = s.id)
             ORDER BY s.staff_no LIMIT 1",
            [me],
            |r| r.get(0),
        )
        .expect("a stranger in another department");
    // The unit above the supervisor's own, and the far person's units up to (not
    // including) the ward.
    let above: (i64, String) = c
        .query_row(
            "SELECT p.id, p.code FROM staff s JOIN units u ON u.id = s.unit_id
             JOIN units p ON p.id = u.parent_id WHERE s.id = ?1",
            [me],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("a unit above");
    let root: String = c
        .query_row("SELECT code FROM units WHERE parent_id IS NULL", [], |r| {
            r.get(0)
        })
        .expect("the ward");
    let mut st = c
        .prepare(
            "WITH RECURSIVE up(id, parent_id, code) AS (
                 SELECT u.id, u.parent_id, u.code FROM units u
                 JOIN staff s ON s.unit_id = u.id WHERE s.id = ?1
                 UNION ALL
                 SELECT u.id, u.parent_id, u.code FROM units u JOIN up ON u.id = up.parent_id)
             SELECT id, code FROM up WHERE parent_id IS NOT NULL",
        )
        .unwrap();
    let far_units: Vec<(i64, String)> = st
        .query_map([far], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let latest = |col: &str, id: i64| -> Option<i64> {
        c.query_row(
            &format!("SELECT max(id) FROM pdca_cycles WHERE {col} = ?1"),
            [id],
            |r| r.get(0),
        )
        .optional()
        .unwrap()
        .flatten()
    };
    let mut cycles: Vec<i64> = [
        latest("owner_staff_id", far),
        latest("owner_staff_id", boss),
    ]
    .into_iter()
    .chain(
        std::iter::once(above.0)
            .chain(far_units.iter().map(|u| u.0))
            .map(|u| latest("owner_unit_id", u)),
    )
    .flatten()
    .collect();
    cycles.sort_unstable();
    cycles.dedup();
    let mut units = vec![above.1, root];
    units.extend(far_units.into_iter().map(|u| u.1));
    Targets {
        login,
        me: person(c, me),
        far: person(c, far),
        boss: person(c, boss),
        units,
        cycles,
    }
}

/// Who and which units an account may see, as the library decides it.
struct Seen {
    people: HashSet<i64>,
    units: HashSet<i64>,
    nos: HashSet<String>,
    codes: HashSet<String>,
}

fn seen(path: &Path, login: &str, fy: i32) -> Seen {
    let vis = {
        let db = Db::open(path, OpenMode::ReadOnly).expect("open");
        let acct = db.account_by_login(login).unwrap().expect("account");
        db.visibility(&acct, fy).unwrap()
    };
    let Visibility::Some { units, people, .. } = vis else {
        panic!("{login} sees everyone");
    };
    let c = read_only(path);
    let mut out = Seen {
        people: HashSet::new(),
        units: units.iter().copied().collect(),
        nos: HashSet::new(),
        codes: HashSet::new(),
    };
    let mut st = c
        .prepare("SELECT id, staff_no, unit_id FROM staff")
        .unwrap();
    for r in st
        .query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get(2)?))
        })
        .unwrap()
    {
        let (id, no, unit) = r.unwrap();
        if units.contains(&unit) || people.contains(&id) {
            out.people.insert(id);
            out.nos.insert(no);
        }
    }
    let mut st = c.prepare("SELECT id, code FROM units").unwrap();
    for r in st
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
    {
        let (id, code) = r.unwrap();
        if units.contains(&id) {
            out.codes.insert(code);
        }
    }
    out
}

/// Asserts that the targets lie outside what `login` sees in every year of the demo
/// (an earlier year widens the sight by the people evaluated since).
fn assert_out_of_sight(path: &Path, t: &Targets) {
    for fy in 2022..=today().fiscal_year() {
        let v = seen(path, &t.login, fy);
        assert!(v.people.contains(&t.me.id), "{} sees themselves", t.login);
        for p in [&t.far, &t.boss] {
            assert!(
                !v.people.contains(&p.id),
                "{} sees {} in {fy}",
                t.login,
                p.no
            );
        }
        for u in &t.units {
            assert!(!v.codes.contains(u), "{} sees unit {u} in {fy}", t.login);
        }
    }
}

/// The owner columns of each personal export kind: people (by staff number) and units
/// (by code); a row belongs to the account when any owner is in sight.
fn owners(kind: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    Some(match kind {
        "staff" | "self_reports" | "qualifications" | "interviews" | "evaluations" | "themes"
        | "assignments" | "enrolments" | "compliance" => (&["staff_no"], &[]),
        "ojt" => (&["mentor_staff_no", "mentee_staff_no"], &[]),
        "awards" => (&["staff_no"], &["unit_code"]),
        "pdca" => (&["owner_staff_no"], &["owner_unit_code"]),
        _ => return None,
    })
}

/// Export kinds every account may run, cut to what it sees.
const OPEN_KINDS: [&str; 16] = [
    "units",
    "staff",
    "self_reports",
    "qualifications",
    "interviews",
    "evaluations",
    "themes",
    "assignments",
    "courses",
    "sessions",
    "enrolments",
    "ojt",
    "awards",
    "compliance",
    "pdca",
    "surveys",
];
/// Export kinds for the HR office or the admin alone.
const CLOSED_KINDS: [&str; 4] = ["accounts", "transfer_moves", "incidents", "audit"];

/// Every command a supervisor might aim at `t`'s strangers, run as `t.login`.
fn attack(w: &Scratch, db: &Path, t: &Targets, backup: &Path, evil: &Path) {
    let fy = today().fiscal_year();
    let sight = seen(db, &t.login, fy);
    let run = |args: &[&str]| {
        let mut a = vec!["--db", s(db), "--user", t.login.as_str()];
        a.extend_from_slice(args);
        w.run(&a)
    };
    // A record out of sight reads exactly as one that is not there.
    let same = |o: &Out, key: &str, none: &Out, none_key: &str| {
        assert_eq!(
            o.stderr.replace(key, "KEY"),
            none.stderr.replace(none_key, "KEY"),
            "{} on {key}: out of sight must read as not there",
            t.login
        );
    };
    let with = |a: &[&str], b: &[&str]| -> Vec<String> {
        a.iter().chain(b).map(|x| x.to_string()).collect()
    };
    let run_v = |v: Vec<String>| run(&v.iter().map(String::as_str).collect::<Vec<_>>());
    // A command that opens the file for writing checkpoints and removes the WAL as it
    // closes; one run first (the admin's) settles the file before the snapshot.
    w.run(&["--db", s(db), "settings"]).ok();
    let before = w.snapshot();

    // 評価シート and 所属別集計: out of sight in every year.
    let none = run(&["report", "eval-sheet", NO_ONE, "--out", "x.xlsx"]);
    none.fails(2, &[NO_ONE]);
    for p in [&t.far, &t.boss] {
        for y in 2022..=fy {
            let y = y.to_string();
            let o = run(&[
                "report",
                "eval-sheet",
                &p.no,
                "--year",
                &y,
                "--out",
                "x.xlsx",
            ]);
            o.fails(2, &[&p.no]);
            same(&o, &p.no, &none, NO_ONE);
        }
    }
    let none = run(&["report", "unit-summary", "999999", "--out", "x.xlsx"]);
    none.fails(2, &["999999"]);
    for u in &t.units {
        let o = run(&["report", "unit-summary", u, "--out", "x.xlsx"]);
        o.fails(2, &[u]);
        same(&o, u, &none, "999999");
    }

    // Every step of the evaluation chain, on either kind.
    for kind in ["competency", "performance"] {
        let none = run_v(with(&["eval", "first", NO_ONE, "--kind", kind], &STEP_ARGS));
        none.fails(2, &[NO_ONE]);
        for step in STEPS {
            for p in [&t.far, &t.boss] {
                let o = run_v(with(&["eval", step, &p.no, "--kind", kind], &STEP_ARGS));
                o.fails(2, &[&p.no]);
                same(&o, &p.no, &none, NO_ONE);
            }
        }
        // A batch with themselves and a stranger: refused whole, naming the stranger.
        let o = run_v(with(
            &["eval", "first", &t.me.no, &t.far.no, "--kind", kind],
            &STEP_ARGS,
        ));
        o.fails(2, &[&t.far.no]);
    }

    // PDCA cycles of strangers and of units outside.
    assert!(!t.cycles.is_empty());
    let huge = i64::MAX.to_string();
    let none = run(&["pdca", "advance", &huge]);
    none.fails(2, &[&huge]);
    for id in &t.cycles {
        let id = id.to_string();
        for args in [
            &["pdca", "advance", &id, "--result", "1"][..],
            &["pdca", "close", &id, "--improvements", "x"],
            &["pdca", "review", &id, "--comment", "x"],
            &["pdca", "checkin", &id, "--note", "x", "--progress", "50"],
        ] {
            let o = run(args);
            o.fails(2, &[&id]);
            same(&o, &id, &none, &huge);
        }
    }
    // Ids that cannot be: a message, never a panic.
    run(&["pdca", "close", "0"]).fails(2, &["#0"]);
    run(&["pdca", "checkin", "--note", "x", "--", "-1"]).fails(2, &["-1"]);
    run(&["pdca", "advance", "-1"]).usage_error();
    run(&["pdca", "review", "99999999999999999999", "--comment", "x"]).usage_error();
    // Staff numbers and unit codes that are not numbers at all.
    let long = "9".repeat(300);
    for key in ["", "%", "_______", "0000001' OR '1'='1", long.as_str()] {
        run(&["report", "eval-sheet", key, "--out", "x.xlsx"]).fails(2, &[key]);
        run(&["report", "unit-summary", key, "--out", "x.xlsx"]).fails(2, &[key]);
        run(&[
            "eval",
            "first",
            key,
            "--kind",
            "competency",
            "--rating",
            "B",
        ])
        .fails(2, &[key]);
    }

    // The HR office's and the admin's commands.
    let code = t.units[0].as_str();
    for args in [
        &["transfer", "plans"][..],
        &["transfer", "show", "1"],
        &["transfer", "compare", "1", "1"],
        &["transfer", "new", "x", "--effective", "2027-04-01"],
        &["transfer", "add", "1", &t.far.no, "--unit", code],
        &["transfer", "add", "1", &t.me.no, "--unit", code],
        &["transfer", "remove", "1", &t.far.no],
        &["transfer", "discard", "1"],
        &["transfer", "apply", "1"],
        &["backup"],
        &["backup", "y.db"],
        &["import", "staff", s(evil)],
        &["import", "staff", s(evil), "--dry-run"],
    ] {
        run(args).fails(2, &["HR"]);
    }
    for args in [
        &["restore", s(backup)][..],
        &["users", "list"],
        &["users", "add", "evil", "--role", "admin"],
        &["users", "remove", "admin"],
        &["settings", "appeal_window_days", "30"],
    ] {
        run(args).fails(2, &["admin"]);
    }
    for kind in CLOSED_KINDS {
        run(&["export", kind]).fails(2, &[]);
        run(&["export", kind, "--out", "x.csv"]).fails(2, &[]);
    }
    run(&["long-service", "--years", "10", "--nominate"]).fails(2, &[]);
    run(&["eval", "open", "--kind", "competency", "--year", "2027"]).fails(2, &[]);

    // What answers holds nobody out of sight: every export kind, as JSON and CSV.
    for kind in OPEN_KINDS {
        let json = run(&["export", kind, "--format", "json"]).ok();
        let rows: Vec<Value> = serde_json::from_str(&json.stdout).expect("json");
        if let Some((people, units)) = owners(kind) {
            for r in &rows {
                let mine = people
                    .iter()
                    .any(|c| r[*c].as_str().is_some_and(|n| sight.nos.contains(n)))
                    || units
                        .iter()
                        .any(|c| r[*c].as_str().is_some_and(|u| sight.codes.contains(u)));
                assert!(
                    mine,
                    "{}: export {kind} holds a row out of sight: {r}",
                    t.login
                );
                for c in people {
                    assert_ne!(r[*c].as_str(), Some(t.boss.no.as_str()), "{kind}: {r}");
                }
            }
            if let Some(id) = rows
                .iter()
                .filter_map(|r| r["id"].as_i64())
                .find(|id| kind == "pdca" && t.cycles.contains(id))
            {
                panic!("{}: export pdca holds cycle {id}", t.login);
            }
        }
        assert!(
            !json.stdout.contains(&t.far.no),
            "{kind} names {}",
            t.far.no
        );
        let csv = run(&["export", kind]).ok();
        assert!(!csv.stdout.contains(&t.far.no), "{kind} names {}", t.far.no);
    }
    // Worklists.
    let listed = |out: &str| -> Vec<String> {
        out.lines()
            .filter_map(|l| l.split_whitespace().next())
            .filter(|w| w.len() == 7 && w.bytes().all(|b| b.is_ascii_digit()))
            .map(String::from)
            .collect()
    };
    for years in ["10", "20", "30"] {
        for base in ["2026-11-24", "2027-04-01", "2030-04-01"] {
            let o = run(&["long-service", "--years", years, "--base-date", base]).ok();
            for no in listed(&o.stdout) {
                assert!(sight.nos.contains(&no), "long-service lists {no}");
            }
        }
    }
    for y in 2022..=fy {
        let o = run(&["overdue", "--year", &y.to_string()]).ok();
        // Indented lines are the people; the lines above them name who reminds.
        let people: Vec<&str> = o.stdout.lines().filter(|l| l.starts_with("  ")).collect();
        for no in listed(&people.join("\n")) {
            assert!(sight.nos.contains(&no), "overdue {y} lists {no}");
        }
        assert!(!o.stdout.contains(&t.far.no));
    }
    for args in [&["settings"][..], &["check"], &[]] {
        let o = run(args).ok();
        assert!(!o.stdout.contains(&t.far.no));
        for n in t.far.names() {
            assert!(!o.stdout.contains(&n));
        }
    }
    // None of it wrote a byte.
    before.assert_unchanged(&w.snapshot());

    // The batch moves: whatever `--all` moves is the supervisor's people's.
    let evaluations = || -> Vec<(i64, i64, i64, String)> {
        let c = read_only(db);
        let mut st = c
            .prepare("SELECT id, staff_id, version, state FROM evaluations ORDER BY id")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let last_audit = |c: &Connection| -> i64 {
        c.query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |r| {
            r.get(0)
        })
        .unwrap()
    };
    let strangers = |all: &[(i64, i64, i64, String)]| -> Vec<(i64, i64, i64, String)> {
        all.iter()
            .filter(|e| !sight.people.contains(&e.1))
            .cloned()
            .collect()
    };
    let was = evaluations();
    let mark = last_audit(&read_only(db));
    for kind in ["competency", "performance"] {
        for step in STEPS {
            for y in 2022..=fy {
                let y = y.to_string();
                let o = run_v(with(
                    &["eval", step, "--all", "--kind", kind, "--year", &y],
                    &STEP_ARGS,
                ));
                o.no_panic();
                assert!(o.code == 0 || o.code == 2, "{step} {y}: {o:#?}");
            }
        }
    }
    let now = evaluations();
    assert_eq!(strangers(&was), strangers(&now), "{}: --all", t.login);
    // The batches were live: some of their own people's evaluations moved.
    let moved = was.iter().zip(&now).filter(|(a, b)| a != b).count();
    assert!(moved > 0, "{}: --all moved nothing", t.login);
    let c = read_only(db);
    let mut st = c
        .prepare(
            "SELECT l.actor, l.table_name, e.staff_id FROM audit_log l
             LEFT JOIN evaluations e ON e.id = l.row_id AND l.table_name = 'evaluations'
             WHERE l.id > ?1",
        )
        .unwrap();
    for r in st
        .query_map([mark], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<i64>>(2)?,
            ))
        })
        .unwrap()
    {
        let (actor, table, staff) = r.unwrap();
        assert_eq!(actor, t.login);
        assert_eq!(table, "evaluations");
        assert!(
            staff.is_some_and(|s| sight.people.contains(&s)),
            "{staff:?}"
        );
    }
}

#[test]
fn a_supervisor_reaches_no_other_units_records_from_the_command_line() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    // A backup for `restore`, and a roster that would change a stranger, made beforehand.
    let backup = w.path("b.db");
    w.run(&["--db", s(&db), "backup", s(&backup)]).ok();
    assert_eq!(
        read_only(&db)
            .query_row(
                "SELECT count(*) FROM staff WHERE staff_no = ?1",
                [NO_ONE],
                |r| r.get::<_, i64>(0)
            )
            .unwrap(),
        0
    );
    for position in ["team_chief", "section_chief"] {
        let t = pick(&read_only(&db), position);
        assert_out_of_sight(&db, &t);
        // The admin's exports do hold the stranger: a leak would show.
        for kind in ["staff", "evaluations", "assignments", "pdca"] {
            let o = w.run(&["--db", s(&db), "export", kind]).ok();
            assert!(o.stdout.contains(&t.far.no), "{kind}: {}", t.far.no);
        }
        let evil = w.path(&format!("evil-{position}.csv"));
        std::fs::write(
            &evil,
            format!("staff_no,email\n{},evil@example.com\n", t.far.no),
        )
        .unwrap();
        attack(&w, &db, &t, &backup, &evil);
    }
}

/// Ids of the records of each table that belong to no one `sight` sees.
fn unseen_ids(c: &Connection, sight: &Seen) -> HashMap<&'static str, HashSet<i64>> {
    let pairs = |sql: &str| -> Vec<(i64, Option<i64>, Option<i64>)> {
        let mut st = c.prepare(sql).unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let sees = |p: Option<i64>| p.is_some_and(|p| sight.people.contains(&p));
    let unit = |u: Option<i64>| u.is_some_and(|u| sight.units.contains(&u));
    let mut m: HashMap<&'static str, HashSet<i64>> = HashMap::new();
    let mut put = |table: &'static str,
                   rows: Vec<(i64, Option<i64>, Option<i64>)>,
                   theirs: &dyn Fn(Option<i64>, Option<i64>) -> bool| {
        m.insert(
            table,
            rows.into_iter()
                .filter(|(_, a, b)| !theirs(*a, *b))
                .map(|r| r.0)
                .collect(),
        );
    };
    put("staff", pairs("SELECT id, id, NULL FROM staff"), &|a, _| {
        sees(a)
    });
    for t in [
        "self_reports",
        "qualifications",
        "career_interviews",
        "evaluations",
        "themes",
        "assignments",
        "enrolments",
        "compliance_records",
    ] {
        put(
            t,
            pairs(&format!("SELECT id, staff_id, NULL FROM {t}")),
            &|a, _| sees(a),
        );
    }
    put(
        "ojt_pairs",
        pairs("SELECT id, mentor_id, mentee_id FROM ojt_pairs"),
        &|a, b| sees(a) || sees(b),
    );
    put(
        "ojt_logs",
        pairs(
            "SELECT l.id, o.mentor_id, o.mentee_id FROM ojt_logs l JOIN ojt_pairs o ON o.id = l.pair_id",
        ),
        &|a, b| sees(a) || sees(b),
    );
    put(
        "pdca_cycles",
        pairs("SELECT id, owner_staff_id, owner_unit_id FROM pdca_cycles"),
        &|a, b| sees(a) || unit(b),
    );
    // An award is theirs through its unit or any recipient.
    let mut awards: HashMap<i64, bool> = HashMap::new();
    for (id, r, u) in pairs(
        "SELECT w.id, r.staff_id, w.unit_id FROM awards w
         LEFT JOIN award_recipients r ON r.award_id = w.id",
    ) {
        *awards.entry(id).or_default() |= sees(r) || unit(u);
    }
    m.insert(
        "awards",
        awards.into_iter().filter(|a| !a.1).map(|a| a.0).collect(),
    );
    m
}

/// Checks the screen as it is: the list's every row (all windows), the screen drawn, and
/// the file menu. Returns the rows seen.
fn check_screen(
    app: &mut App,
    t: &Targets,
    sight: &Seen,
    unseen: &HashMap<&str, HashSet<i64>>,
) -> usize {
    let at = format!(
        "{}: {} (year {}, scope {:?})",
        t.login,
        app.view_name(),
        app.nav.fiscal_year,
        app.nav.scope
    );
    if let Some(Modal::Message { text }) = app.modals.last() {
        panic!("{at}: {text}");
    }
    let mut n = 0;
    if let Some(l) = app.list() {
        let foreign = unseen.get(l.view.table);
        let no_col = l.view.columns.iter().position(|c| c.key == "staff_no");
        for r in app
            .session
            .db
            .view_rows(l.view, &l.query, 0, 100_000)
            .unwrap()
        {
            n += 1;
            assert!(
                !foreign.is_some_and(|f| f.contains(&r.id)),
                "{at}: {} #{} is out of sight",
                l.view.table,
                r.id
            );
            if let Some(i) = no_col {
                let no = r.cells[i].as_text();
                assert!(no.is_empty() || sight.nos.contains(&no), "{at}: {no}");
            }
            for c in &r.cells {
                let c = c.as_text();
                assert_ne!(c, t.far.no, "{at}");
                for name in t.far.names() {
                    assert!(!c.contains(&name), "{at}: {c}");
                }
            }
        }
    }
    let screen = driver::render(app, 120, 40);
    assert!(!screen.contains(&t.far.no), "{at}:\n{screen}");
    for name in t.far.names() {
        assert!(!screen.contains(&name), "{at}:\n{screen}");
    }
    // `x`: reports only of people and units in sight.
    app.update(Action::Files);
    let Some(Modal::Files(menu)) = app.modals.last() else {
        panic!("{at}: no file menu");
    };
    for (item, label) in &menu.items {
        match item {
            FileItem::EvalSheet(id) | FileItem::Appointment(id) => {
                assert!(sight.people.contains(id), "{at}: {label}")
            }
            FileItem::Naiji(_) => panic!("{at}: a supervisor is offered a 内示書"),
            FileItem::UnitSummary(id) => assert!(sight.units.contains(id), "{at}: {label}"),
            FileItem::Backup => panic!("{at}: a supervisor is offered a backup"),
            FileItem::Export { .. } => {}
        }
    }
    app.update(Action::Cancel);
    assert!(app.modals.is_empty(), "{at}");
    n
}

/// Types `text` into the search box; returns the people found, then picks the first.
fn search(app: &mut App, text: &str) -> Vec<jinji::domain::staff::Staff> {
    app.update(Action::GoTab(0));
    app.update(Action::Search);
    for c in text.chars() {
        app.update(Action::Char(c));
    }
    let Some(Modal::Search(sb)) = app.modals.last() else {
        panic!("no search box");
    };
    let found = sb.results.iter().map(|f| f.staff.clone()).collect();
    app.update(Action::Submit);
    found
}

#[test]
fn a_supervisor_reaches_no_other_units_records_in_the_screens() {
    let today = driver::today();
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("w.db");
    driver::demo_file(&path, &Params::demo(today));
    for position in ["team_chief", "section_chief"] {
        let t = pick(&read_only(&path), position);
        assert_out_of_sight(&path, &t);
        let sight = seen(&path, &t.login, today.fiscal_year());
        let unseen = unseen_ids(&read_only(&path), &sight);
        assert!(unseen["staff"].contains(&t.far.id) && unseen["staff"].contains(&t.boss.id));
        assert!(t.cycles.iter().all(|c| unseen["pdca_cycles"].contains(c)));

        let db = Db::open(&path, OpenMode::Existing).unwrap();
        let account = db.account_by_login(&t.login).unwrap().unwrap();
        let mut app = App::new(db, Lang::Ja, account, today).unwrap();
        app.update(Action::Resize(120, 40));

        // Search: by number (whole and its first digits), name, kana and romaji.
        let romaji = t.far.family_kana.to_romaji();
        let needles = [
            t.far.no.clone(),
            t.far.no[..4].to_string(),
            t.boss.no.clone(),
            format!("{}{}", t.far.family, t.far.given),
            t.far.family.clone(),
            format!("{}{}", t.far.family_kana, t.far.given_kana),
            t.far.family_kana.clone(),
            romaji,
            format!("{}{}", t.boss.family, t.boss.given),
        ];
        for needle in &needles {
            let found = search(&mut app, needle);
            for p in &found {
                assert!(
                    sight.people.contains(&p.id),
                    "{needle:?} finds {}",
                    p.staff_no
                );
            }
            // Nobody found, nobody focused; else someone in sight.
            match &app.nav.focus {
                None => assert!(found.is_empty(), "{needle:?}"),
                Some(f) => assert!(
                    sight.people.contains(&f.id),
                    "{needle:?} focuses {}",
                    f.staff_no
                ),
            }
            app.update(Action::ClearFocus);
            assert!(app.nav.focus.is_none());
        }
        for no in [&t.far.no, &t.boss.no] {
            assert!(search(&mut app, no).is_empty(), "{no}");
            assert!(app.nav.focus.is_none(), "{no} focused");
        }

        // Every view of every tab, in every year of the demo and every scope.
        let mut rows = 0;
        for tab in 0..8 {
            app.update(Action::GoTab(tab));
            let views = app.views();
            for v in &views {
                assert!(
                    !matches!(
                        v.name(),
                        "accounts" | "audit" | "incidents" | "transfer_moves" | "transfer_plans"
                    ),
                    "{} opens {v}",
                    t.login
                );
            }
            for _ in 0..views.len() {
                let mut scopes = 0;
                loop {
                    for _ in 0..5 {
                        rows += check_screen(&mut app, &t, &sight, &unseen);
                        app.update(Action::PrevYear);
                    }
                    for _ in 0..5 {
                        app.update(Action::NextYear);
                    }
                    assert_eq!(app.nav.fiscal_year, today.fiscal_year());
                    app.update(Action::NextScope);
                    scopes += 1;
                    if app.nav.scope == Scope::Everyone || scopes > 3 {
                        break;
                    }
                }
                assert!(scopes >= 2, "{}: the scope offers their section", t.login);
                app.update(Action::NextView);
            }
        }
        assert!(rows > 1000, "{}: {rows} rows", t.login);

        // Focusing from the roster takes someone in sight.
        app.update(Action::GoTab(0));
        app.update(Action::Bottom);
        app.update(Action::FocusPerson);
        let f = app.nav.focus.clone().expect("focused");
        assert!(sight.people.contains(&f.id));
    }
}

/// Every file under the scratch root but the database and its WAL and SHM.
fn files_but(w: &Scratch, db: &Path) -> BTreeSet<(PathBuf, Vec<u8>)> {
    let db = s(db).to_string();
    w.snapshot()
        .0
        .into_iter()
        .filter(|(p, _)| !s(p).starts_with(&db))
        .map(|(p, (b, _))| (p, b))
        .collect()
}

/// Each row of a query as text.
fn dump(c: &Connection, sql: &str) -> Vec<String> {
    let mut st = c.prepare(sql).unwrap();
    let n = st.column_count();
    st.query_map([], |r| {
        Ok((0..n)
            .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
            .collect::<Vec<_>>()
            .join("|"))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// What a command could change: accounts, settings, and the audit log but its refusals.
fn state(db: &Path) -> Vec<String> {
    let c = read_only(db);
    [
        "SELECT * FROM accounts ORDER BY id",
        "SELECT * FROM settings ORDER BY key",
        "SELECT * FROM staff ORDER BY id",
        "SELECT * FROM audit_log WHERE action <> 'refused' ORDER BY id",
    ]
    .iter()
    .flat_map(|q| dump(&c, q))
    .collect()
}

#[test]
fn user_flag_from_a_non_admin_is_refused_and_logged() {
    let w = Scratch::new();
    let db = w.init("j.db");
    // The real login: the file's admin, until `be` makes it someone else.
    let on_db = |args: &[&str]| w.run(&[&["--db", s(&db)][..], args].concat());
    // A section and its three people, for the accounts that need one.
    std::fs::write(
        w.path("units.csv"),
        "unit_code,name,parent_code,kind,valid_from\nU1,総務課,,section,2000-04-01\n",
    )
    .unwrap();
    std::fs::write(
        w.path("staff.csv"),
        "staff_no,family_name,given_name,family_kana,given_kana,birth_date,hire_date,\
         unit_code,position,grade,job_type,track,status,sex,supervisor_staff_no\n\
         0000001,山田,一郎,ヤマダ,イチロウ,1970-04-01,1995-04-01,U1,section_chief,6,office,generalist,active,M,\n\
         0000002,佐藤,花子,サトウ,ハナコ,1980-04-01,2005-04-01,U1,clerk,2,office,generalist,active,F,0000001\n\
         0000003,鈴木,次郎,スズキ,ジロウ,1985-04-01,2010-04-01,U1,clerk,2,office,generalist,active,M,0000001\n",
    )
    .unwrap();
    on_db(&["import", "units", "units.csv"]).ok();
    on_db(&["import", "staff", "staff.csv"]).ok();
    for (login, role, no) in [
        ("hrx", "hr", Some("0000003")),
        ("supx", "supervisor", Some("0000001")),
        ("stx", "staff", Some("0000002")),
        ("boss", "admin", None),
        ("boss2", "admin", Some("0000003")),
        ("off", "hr", Some("0000002")),
    ] {
        let mut args = vec!["users", "add", login, "--role", role];
        args.extend(no.iter().flat_map(|n| ["--staff", *n]));
        on_db(&args).ok();
    }
    on_db(&["users", "remove", "off"]).ok();

    let commands: [&[&str]; 4] = [
        &["export", "staff", "--out", "leak.csv"],
        &["users", "add", "evil", "--role", "admin"],
        &["settings", "appeal_window_days", "30"],
        &[],
    ];
    let mut attempts = 0;
    // The real login as HR, supervisor and staff; disabled; with no account at all.
    let triers = [
        Me::Is("hr", Some("0000003")),
        Me::Is("supervisor", Some("0000001")),
        Me::Is("staff", Some("0000002")),
        Me::Disabled,
        Me::Nobody,
    ];
    for me in triers {
        be(&db, me);
        for wanted in ["boss", "boss2", "hrx", "ghost"] {
            for cmd in commands {
                let files = files_but(&w, &db);
                let was = state(&db);
                let log = refusals(&db);
                let o = w.run(&[&["--db", s(&db), "--user", wanted][..], cmd].concat());
                o.fails(2, &["--user"]);
                assert_eq!(files_but(&w, &db), files, "{me:?} as {wanted} {cmd:?}");
                assert_eq!(state(&db), was, "{me:?} as {wanted} {cmd:?}");
                let now = refusals(&db);
                assert_eq!(now.len(), log.len() + 1, "one refusal per attempt");
                assert_eq!(now[..log.len()], log[..]);
                assert_eq!(
                    now.last().unwrap(),
                    &(login().to_string(), wanted.to_string())
                );
                attempts += 1;
            }
        }
    }
    assert_eq!(refusals(&db).len(), attempts);
    assert!(!w.path("leak.csv").exists());

    // Naming oneself is no --user at all; the account's own rights apply.
    be(&db, Me::Is("hr", Some("0000003")));
    on_db(&["--user", login(), "export", "staff"]).ok();
    on_db(&["--user", login(), "users", "list"]).fails(2, &["admin"]);
    // The admin's --user is honoured, as the account named.
    be(&db, Me::Is("admin", None));
    on_db(&["--user", "hrx", "export", "staff", "--out", "ok.csv"]).ok();
    assert!(w.path("ok.csv").is_file());
    on_db(&["--user", "hrx", "users", "list"]).fails(2, &["admin"]);
    on_db(&["--user", "boss2", "users", "add", "q", "--role", "hr"]).ok();
    let last: (String, String, String) = read_only(&db)
        .query_row(
            "SELECT actor, table_name, after FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((last.0.as_str(), last.1.as_str()), ("boss2", "accounts"));
    assert!(last.2.contains("\"q\""), "{}", last.2);
    // A disabled or unknown account is refused, named or acting itself.
    on_db(&["--user", "off", "export", "staff"]).fails(2, &["off"]);
    on_db(&["--user", "ghost", "export", "staff"]).fails(2, &["ghost"]);
    be(&db, Me::Disabled);
    on_db(&["export", "staff"]).fails(2, &[login()]);
    assert_eq!(refusals(&db).len(), attempts, "no refusal logged for these");
}
