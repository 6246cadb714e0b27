//! End to end: `jinji transfer …` and `jinji export transfer_moves` on a small demo
//! database (its plan #1 drafted for next April), as the demo's HR clerk `hr1`, its
//! supervisors and staff (`s<staff_no>`), each test in a scratch home.

use crate::support::cli;

use std::collections::BTreeSet;
use std::path::PathBuf;

use cli::*;
use serde_json::Value;

/// A day before [`TODAY`], after every current post of the demo
/// began: plans effective then can be applied today.
const EFF: &str = "2026-10-01";
/// The day before it.
const EVE: &str = "2026-09-30";
/// The day most of the demo's current posts began (its last April round).
const APRIL: &str = "2026-04-01";
const HR: Option<&str> = Some("hr1");

/// The columns of the 内示 list, as the export contract gives them.
const MOVE_HEADERS: [&str; 18] = [
    "plan_id",
    "plan_name",
    "effective_on",
    "plan_state",
    "staff_no",
    "family_name",
    "given_name",
    "from_unit_code",
    "from_position",
    "to_unit_code",
    "to_unit_name",
    "to_position",
    "reason",
    "transfer_wish",
    "wish_unit_1",
    "wish_unit_2",
    "wish_unit_3",
    "note",
];

/// A demo database of 80 people in a scratch home.
struct Demo {
    w: Scratch,
    db: PathBuf,
}

impl Demo {
    fn new() -> Demo {
        let w = Scratch::new();
        let db = w.path("d.db");
        w.run(&["--db", s(&db), "demo", "--staff", "80", "--today", TODAY])
            .ok();
        // These rounds take effect before TODAY: a late 発令, which this ward's plan check
        // lets through with a warning (the check's own tests keep the default error).
        w.run(&["--db", s(&db), "settings", "plan.date_past", "warning"])
            .ok();
        Demo { w, db }
    }

    /// Runs `args` on the demo as `user` (else as the OS login, its admin).
    fn run(&self, user: Option<&str>, args: &[&str]) -> Out {
        let mut all = vec!["--db", s(&self.db)];
        if let Some(u) = user {
            all.extend(["--user", u]);
        }
        all.extend(args);
        self.w.run(&all)
    }

    /// `jinji transfer ARGS…` as `user`.
    fn transfer(&self, user: Option<&str>, args: &[&str]) -> Out {
        let mut all = vec!["transfer"];
        all.extend(args);
        self.run(user, &all)
    }

    /// A new plan as HR; its number.
    fn new_plan(&self, name: &str, effective: &str) -> String {
        let out = self
            .transfer(HR, &["new", name, "--effective", effective])
            .ok();
        assert!(
            out.stdout.contains(name) && out.stdout.contains(effective),
            "{}",
            out.stdout
        );
        let id = out
            .stdout
            .split('#')
            .nth(1)
            .and_then(|t| t.split_whitespace().next())
            .unwrap_or_else(|| panic!("no plan number in {:?}", out.stdout));
        assert!(id.parse::<i64>().is_ok(), "{id}");
        id.to_string()
    }

    /// `transfer add PLAN STAFF_NO --unit CODE EXTRA…` as HR; the line it prints.
    fn add(&self, plan: &str, staff_no: &str, unit: &str, extra: &[&str]) -> String {
        let mut args = vec!["add", plan, staff_no, "--unit", unit];
        args.extend(extra);
        self.transfer(HR, &args).ok().stdout
    }

    /// Every file of the scratch home, once a command that opens the database for
    /// writing has tidied the empty `-wal` a read-only export may leave behind.
    fn snapshot(&self) -> Snapshot {
        self.transfer(HR, &["plans"]).ok();
        self.w.snapshot()
    }

    fn rows_as(&self, user: Option<&str>, kind: &str) -> Vec<Value> {
        let out = self.run(user, &["export", kind, "--format", "json"]).ok();
        serde_json::from_str(&out.stdout).expect("json")
    }

    fn rows(&self, kind: &str) -> Vec<Value> {
        self.rows_as(None, kind)
    }

    /// An export as CSV text, to compare before and after.
    fn csv(&self, kind: &str) -> String {
        self.run(None, &["export", kind]).ok().stdout
    }

    /// What a round writes: the people, their posts, the evaluations, the plans.
    fn state(&self) -> [String; 4] {
        [
            self.csv("staff"),
            self.csv("assignments"),
            self.csv("evaluations"),
            self.csv("transfer_moves"),
        ]
    }

    fn person(&self, staff_no: &str) -> Value {
        self.rows("staff")
            .into_iter()
            .find(|r| r["staff_no"] == staff_no)
            .unwrap_or_else(|| panic!("no staff {staff_no}"))
    }

    /// A person's posts, oldest first.
    fn posts(&self, staff_no: &str) -> Vec<Value> {
        let mut v: Vec<Value> = self
            .rows("assignments")
            .into_iter()
            .filter(|r| r["staff_no"] == staff_no)
            .collect();
        v.sort_by_key(|r| txt(r, "start_date"));
        v
    }

    /// Active people below the chiefs, in a team, by staff number, with the start of
    /// their current post.
    fn members(&self) -> Vec<Member> {
        let teams: BTreeSet<String> = self
            .rows("units")
            .iter()
            .filter(|u| u["kind"] == "team" && u["valid_to"].is_null())
            .map(|u| txt(u, "unit_code"))
            .collect();
        let posts = self.rows("assignments");
        let mut v: Vec<Member> = self
            .rows("staff")
            .iter()
            .filter(|r| r["status"] == "active")
            .filter(|r| ["clerk", "senior"].contains(&r["position"].as_str().unwrap_or("")))
            .filter(|r| teams.contains(&txt(r, "unit_code")))
            .filter_map(|r| {
                let no = txt(r, "staff_no");
                let open = posts
                    .iter()
                    .find(|a| a["staff_no"] == no.as_str() && a["end_date"].is_null())?;
                Some(Member {
                    no,
                    unit: txt(r, "unit_code"),
                    position: txt(r, "position"),
                    since: txt(open, "start_date"),
                })
            })
            .collect();
        v.sort_by(|a, b| a.no.cmp(&b.no));
        v
    }

    /// Teams with an active team chief: (team code, the chief's staff number), the chief
    /// with the lowest staff number where a team has two.
    fn led_teams(&self) -> Vec<(String, String)> {
        let mut chiefs: Vec<(String, String)> = self
            .rows("staff")
            .iter()
            .filter(|r| r["status"] == "active" && r["position"] == "team_chief")
            .map(|r| (txt(r, "unit_code"), txt(r, "staff_no")))
            .collect();
        chiefs.sort();
        chiefs.dedup_by(|a, b| a.0 == b.0);
        chiefs
    }

    /// Every team code.
    fn teams(&self) -> Vec<String> {
        self.rows("units")
            .iter()
            .filter(|u| u["kind"] == "team" && u["valid_to"].is_null())
            .map(|u| txt(u, "unit_code"))
            .collect()
    }

    /// The unit's name.
    fn unit_name(&self, code: &str) -> String {
        self.rows("units")
            .iter()
            .find(|u| u["unit_code"] == code)
            .map(|u| txt(u, "name"))
            .unwrap_or_else(|| panic!("no unit {code}"))
    }

    /// An active login with `role` whose person holds one of `positions`.
    fn login_of(&self, role: &str, positions: &[&str]) -> (String, String) {
        let staff = self.rows("staff");
        self.rows("accounts")
            .iter()
            .filter(|a| a["role"] == role && a["active"] == 1)
            .find_map(|a| {
                let no = a["staff_no"].as_str()?;
                let p = staff.iter().find(|r| r["staff_no"] == no)?;
                (positions.contains(&p["position"].as_str()?) && p["status"] == "active")
                    .then(|| (txt(a, "login"), no.to_string()))
            })
            .unwrap_or_else(|| panic!("no active {role} among {positions:?}"))
    }
}

#[derive(Debug, Clone)]
struct Member {
    no: String,
    unit: String,
    position: String,
    since: String,
}

fn txt(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_string()
}

/// The row is of plan number `plan`.
fn of_plan(r: &Value, plan: &str) -> bool {
    r["plan_id"]
        .as_i64()
        .is_some_and(|id| plan.parse() == Ok(id))
}

/// The lines of `out` whose first word is a staff number among `nos`.
fn lines_of<'a>(out: &'a str, nos: &[&str]) -> Vec<&'a str> {
    out.lines()
        .filter(|l| {
            l.split_whitespace()
                .next()
                .is_some_and(|w| nos.contains(&w))
        })
        .collect()
}

/// No two of a person's posts share a day.
#[track_caller]
fn assert_no_overlaps(posts: &[Value]) {
    let end = |a: &Value| a["end_date"].as_str().unwrap_or("9999-12-31").to_string();
    for (i, a) in posts.iter().enumerate() {
        for b in &posts[i + 1..] {
            let overlap = txt(a, "start_date") <= end(b) && txt(b, "start_date") <= end(a);
            assert!(!overlap, "{a} overlaps {b}");
        }
    }
}

#[test]
fn hr_drafts_compares_discards_and_applies_a_round() {
    let t = Demo::new();
    let members = t.members();
    let led = t.led_teams();
    // 1: into a team with a chief, from another team.
    let (a, (to_a, chief_a)) = members
        .iter()
        .filter(|m| m.since.as_str() < EFF)
        .find_map(|m| Some((m.clone(), led.iter().find(|(u, _)| *u != m.unit)?.clone())))
        .expect("a member to move under another team's chief");
    // 2: a clerk promoted to senior in another team; 3: someone only the second plan moves.
    let b = members
        .iter()
        .find(|m| m.no != a.no && m.position == "clerk" && m.since.as_str() < EFF)
        .expect("a clerk")
        .clone();
    let teams = t.teams();
    let to_b = teams
        .iter()
        .find(|u| **u != b.unit && **u != to_a)
        .expect("a team");
    let to_b2 = teams
        .iter()
        .find(|u| **u != b.unit && *u != to_b)
        .expect("another team");
    let c = members
        .iter()
        .find(|m| m.no != a.no && m.no != b.no)
        .expect("a third")
        .clone();

    let p = t.new_plan("秋の異動", EFF);
    let q = t.new_plan("秋の異動（別案）", EFF);
    assert_ne!(p, q);
    let line = t.add(&p, &a.no, &to_a, &[]);
    assert!(line.starts_with(&a.no), "{line}");
    assert!(line.contains(&t.unit_name(&to_a)), "{line}");
    let line = t.add(
        &p,
        &b.no,
        to_b,
        &[
            "--position",
            "senior",
            "--reason",
            "promotion",
            "--grade",
            "3",
        ],
    );
    assert!(
        line.contains(&t.unit_name(to_b)) && line.contains("Promotion"),
        "{line}"
    );
    t.add(&q, &a.no, &to_a, &[]);
    t.add(&q, &b.no, to_b2, &[]);
    t.add(&q, &c.no, &to_a, &[]);

    let show = t.transfer(HR, &["show", &p]).ok().stdout;
    assert_eq!(show.lines().count(), 2, "{show}");
    assert_eq!(lines_of(&show, &[&a.no, &b.no]).len(), 2, "{show}");
    let plans = t.transfer(HR, &["plans"]).ok().stdout;
    assert!(
        plans.contains(&format!("#{p} 秋の異動 (effective {EFF}) Draft: 2 moves")),
        "{plans}"
    );
    assert!(
        plans.contains(&format!("(effective {EFF}) Draft: 3 moves")),
        "{plans}"
    );
    assert!(plans.contains("#1 "), "the demo's plan: {plans}");

    // Compare: the clerk goes elsewhere, the third only in the second plan; 1 alike.
    let diff = t.transfer(HR, &["compare", &p, &q]).ok().stdout;
    assert_eq!(diff.lines().count(), 2, "{diff}");
    assert_eq!(lines_of(&diff, &[&b.no, &c.no]).len(), 2, "{diff}");
    assert!(lines_of(&diff, &[&a.no]).is_empty(), "{diff}");
    let same = t.transfer(HR, &["compare", &p, &p]).ok().stdout;
    assert_eq!(same.trim(), "the two plans move everyone alike");
    // Taking the third out of the second plan leaves one difference.
    let out = t.transfer(HR, &["remove", &q, &c.no]).ok().stdout;
    assert!(
        out.contains(&c.no) && out.contains(&format!("#{q}")),
        "{out}"
    );
    let diff = t.transfer(HR, &["compare", &p, &q]).ok().stdout;
    assert_eq!(lines_of(&diff, &[&b.no]).len(), 1, "{diff}");
    assert_eq!(diff.lines().count(), 1, "{diff}");

    // The second plan is set aside, and then is no longer applied or changed.
    t.transfer(HR, &["discard", &q]).ok();
    let before = t.snapshot();
    t.transfer(HR, &["apply", &q]).fails(2, &["discarded"]);
    t.transfer(HR, &["add", &q, &c.no, "--unit", &to_a])
        .fails(2, &["discarded"]);
    t.transfer(HR, &["discard", &q]).fails(2, &["discarded"]);
    before.assert_unchanged(&t.w.snapshot());

    // Applying the first.
    let (staff0, posts0) = (t.rows("staff"), t.rows("assignments"));
    let out = t
        .transfer(HR, &["apply", &p, "--accept-warnings"])
        .ok()
        .stdout;
    // The warnings accepted come first, the plan applied last.
    assert_eq!(
        out.lines().last().unwrap_or_default(),
        format!("transfer plan #{p} applied: 2 moves, effective {EFF}")
    );
    let plans = t.transfer(HR, &["plans"]).ok().stdout;
    assert!(
        plans.contains(&format!("#{p} 秋の異動 (effective {EFF}) Applied: 2 moves")),
        "{plans}"
    );
    assert!(plans.contains("Discarded: 2 moves"), "{plans}");

    for (m, unit, pos, reason) in [
        (&a, to_a.as_str(), a.position.as_str(), "transfer"),
        (&b, to_b.as_str(), "senior", "promotion"),
    ] {
        let s = t.person(&m.no);
        assert_eq!(
            (txt(&s, "unit_code"), txt(&s, "position")),
            (unit.into(), pos.into())
        );
        let posts = t.posts(&m.no);
        assert_no_overlaps(&posts);
        let old = posts
            .iter()
            .find(|x| x["start_date"] == m.since.as_str())
            .expect("the old post");
        assert_eq!(txt(old, "end_date"), EVE, "{}: closed the day before", m.no);
        assert_eq!(txt(old, "unit_code"), m.unit);
        let new = posts.last().expect("posts");
        assert_eq!(
            (
                txt(new, "unit_code"),
                txt(new, "position"),
                txt(new, "start_date"),
                new["end_date"].is_null(),
                txt(new, "reason"),
            ),
            (unit.into(), pos.into(), EFF.into(), true, reason.into()),
            "{}",
            m.no
        );
        assert_eq!(posts.iter().filter(|x| x["end_date"].is_null()).count(), 1);
    }
    assert_eq!(
        txt(&t.person(&a.no), "supervisor_staff_no"),
        chief_a,
        "the new team's chief"
    );

    // Nobody else changed post; nobody else's record changed but their supervisor's.
    let movers = [a.no.as_str(), b.no.as_str()];
    let others = |rows: &[Value]| -> Vec<Value> {
        rows.iter()
            .filter(|r| !movers.contains(&r["staff_no"].as_str().unwrap_or("")))
            .cloned()
            .collect()
    };
    assert_eq!(others(&t.rows("assignments")), others(&posts0));
    let strip = |rows: Vec<Value>| -> Vec<Value> {
        rows.into_iter()
            .map(|mut r| {
                r["supervisor_staff_no"] = Value::Null;
                r
            })
            .collect()
    };
    assert_eq!(strip(others(&t.rows("staff"))), strip(others(&staff0)));

    // Applied once only.
    let before = t.snapshot();
    t.transfer(HR, &["apply", &p, "--accept-warnings"])
        .fails(2, &["the plan has already been applied"]);
    t.transfer(HR, &["remove", &p, &a.no])
        .fails(2, &["already been applied"]);
    before.assert_unchanged(&t.w.snapshot());
}

#[test]
fn a_plan_is_not_applied_before_its_day() {
    let t = Demo::new();
    let plans = t.transfer(HR, &["plans"]).ok().stdout;
    assert!(
        plans.contains("#1 ") && plans.contains("(effective 2027-04-01) Draft"),
        "{plans}"
    );
    let before = t.snapshot();
    t.transfer(HR, &["apply", "1"])
        .fails(2, &["takes effect on its date"]);
    before.assert_unchanged(&t.w.snapshot());
    let empty = t.new_plan("空の案", EFF);
    let before = t.snapshot();
    t.transfer(HR, &["apply", &empty])
        .fails(2, &["the plan has no moves"]);
    before.assert_unchanged(&t.w.snapshot());
}

#[test]
fn a_move_to_a_unit_or_person_that_does_not_exist_is_refused_by_name() {
    let t = Demo::new();
    let m = t.members().into_iter().next().expect("a member");
    let team = t.teams().into_iter().next().expect("a team");
    let before = t.snapshot();
    t.transfer(HR, &["add", "1", &m.no, "--unit", "999999"])
        .fails(2, &["999999"]);
    t.transfer(HR, &["add", "1", "9999999", "--unit", &team])
        .fails(2, &["9999999"]);
    t.transfer(
        HR,
        &["add", "1", &m.no, "--unit", &team, "--position", "boss"],
    )
    .fails(2, &["boss"]);
    t.transfer(
        HR,
        &["add", "1", &m.no, "--unit", &team, "--reason", "exile"],
    )
    .fails(2, &["exile"]);
    t.transfer(HR, &["add", "99", &m.no, "--unit", &team])
        .fails(2, &["99"]);
    t.transfer(HR, &["show", "99"]).fails(2, &["99"]);
    t.transfer(HR, &["compare", "1", "99"]).fails(2, &["99"]);
    t.transfer(HR, &["discard", "99"]).fails(2, &["99"]);
    t.transfer(HR, &["apply", "99"]).fails(2, &["99"]);
    t.transfer(HR, &["new", "x", "--effective", "2026-13-01"])
        .fails(2, &["2026-13-01"]);
    before.assert_unchanged(&t.w.snapshot());
}

#[test]
fn supervisors_and_staff_may_not_touch_plans_and_nothing_is_written() {
    let t = Demo::new();
    let (chief, chief_no) = t.login_of("supervisor", &["team_chief", "section_chief"]);
    let (clerk, _) = t.login_of("staff", &["clerk", "senior"]);
    let m = t
        .members()
        .into_iter()
        .find(|m| m.no != chief_no)
        .expect("a member");
    let team = t.teams().into_iter().next().expect("a team");
    let p = t.new_plan("秋の異動", EFF);
    t.add(&p, &m.no, &team, &[]);
    let before = t.snapshot();
    for who in [chief.as_str(), clerk.as_str()] {
        let me = Some(who);
        for args in [
            vec!["plans"],
            vec!["new", "私案", "--effective", EFF],
            vec!["add", &p, &m.no, "--unit", &team],
            vec!["add", &p, &chief_no, "--unit", &team],
            vec!["remove", &p, &m.no],
            vec!["show", &p],
            vec!["compare", "1", &p],
            vec!["discard", &p],
            vec!["apply", &p],
        ] {
            t.transfer(me, &args)
                .fails(2, &["only admin or HR may do this"]);
        }
    }
    before.assert_unchanged(&t.w.snapshot());
    let plans = t.transfer(HR, &["plans"]).ok().stdout;
    assert!(
        plans.contains(&format!("#{p} 秋の異動 (effective {EFF}) Draft: 1 moves")),
        "{plans}"
    );
}

#[test]
fn export_transfer_moves_lists_every_plans_moves_for_hr_only() {
    let t = Demo::new();
    let demo_moves = t.transfer(HR, &["show", "1"]).ok().stdout;
    let demo_nos: BTreeSet<String> = demo_moves
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(String::from)
        .collect();
    assert!(!demo_nos.is_empty(), "the demo drafts a round");
    // And a B案 beside it, with the problems the plan check is for.
    let b_nos: BTreeSet<String> = t
        .transfer(HR, &["show", "2"])
        .ok()
        .stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(String::from)
        .collect();
    assert!(!b_nos.is_empty(), "the demo drafts a B案");
    let members = t.members();
    let teams = t.teams();
    let to = |m: &Member| teams.iter().find(|u| **u != m.unit).expect("team").clone();
    let p = t.new_plan("秋の異動", EFF);
    let q = t.new_plan("別案", EFF);
    let (m1, m2) = (&members[0], &members[1]);
    t.add(&p, &m1.no, &to(m1), &["--note", "本人希望"]);
    t.add(&p, &m2.no, &to(m2), &["--reason", "secondment"]);
    t.add(&q, &m1.no, &to(m1), &[]);
    t.transfer(HR, &["discard", &q]).ok();

    // CSV: the contract's header line, then a row of each move of each plan.
    let out = t.run(HR, &["export", "transfer_moves"]).ok();
    assert!(
        out.stdout_bytes.starts_with(b"\xEF\xBB\xBF"),
        "CSV starts with a BOM"
    );
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&out.stdout_bytes[3..]);
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|rec| rec.expect("CSV").iter().map(String::from).collect())
        .collect();
    assert_eq!(rows[0], MOVE_HEADERS, "header line");
    assert_eq!(
        rows.len(),
        1 + demo_nos.len() + b_nos.len() + 3,
        "{rows:#?}"
    );

    let json = t.rows_as(HR, "transfer_moves");
    let got: BTreeSet<(String, String, String)> = json
        .iter()
        .map(|r| {
            (
                r["plan_id"].to_string(),
                txt(r, "staff_no"),
                txt(r, "plan_state"),
            )
        })
        .collect();
    let mut want: BTreeSet<(String, String, String)> = demo_nos
        .iter()
        .map(|n| ("1".into(), n.clone(), "draft".into()))
        .chain(
            b_nos
                .iter()
                .map(|n| ("2".into(), n.clone(), "draft".into())),
        )
        .collect();
    want.insert((p.clone(), m1.no.clone(), "draft".into()));
    want.insert((p.clone(), m2.no.clone(), "draft".into()));
    want.insert((q.clone(), m1.no.clone(), "discarded".into()));
    assert_eq!(got, want);
    let row = |plan: &str, no: &str| {
        json.iter()
            .find(|r| of_plan(r, plan) && r["staff_no"] == no)
            .expect("row")
            .clone()
    };
    let r1 = row(&p, &m1.no);
    assert_eq!(txt(&r1, "plan_name"), "秋の異動");
    assert_eq!(txt(&r1, "effective_on"), EFF);
    assert_eq!(txt(&r1, "from_unit_code"), m1.unit);
    assert_eq!(txt(&r1, "from_position"), m1.position);
    assert_eq!(txt(&r1, "to_unit_code"), to(m1));
    assert_eq!(txt(&r1, "to_unit_name"), t.unit_name(&to(m1)));
    assert_eq!(txt(&r1, "to_position"), m1.position);
    assert_eq!(txt(&r1, "reason"), "transfer");
    assert_eq!(txt(&r1, "note"), "本人希望");
    assert_eq!(txt(&row(&p, &m2.no), "reason"), "secondment");

    // Not to a supervisor, nor to a file for one.
    let (chief, _) = t.login_of("supervisor", &["team_chief", "section_chief"]);
    let before = t.snapshot();
    t.run(Some(&chief), &["export", "transfer_moves"])
        .fails(2, &["only admin or HR may do this"]);
    t.run(
        Some(&chief),
        &[
            "export",
            "transfer_moves",
            "--format",
            "json",
            "--out",
            "m.json",
        ],
    )
    .fails(2, &["only admin or HR may do this"]);
    before.assert_unchanged(&t.w.snapshot());
    assert!(!t.w.path("m.json").exists());
}

#[test]
fn an_apply_that_fails_on_one_move_names_that_person_and_writes_nothing() {
    let t = Demo::new();
    let members = t.members();
    let teams = t.teams();
    let to = |m: &Member| teams.iter().find(|u| **u != m.unit).expect("team").clone();
    // Two who have been in post since before April, then one who took up a post on the
    // plan's day: that move cannot be made.
    let fine: Vec<&Member> = members
        .iter()
        .filter(|m| m.since.as_str() < APRIL)
        .take(2)
        .collect();
    assert_eq!(fine.len(), 2);
    let bad = members
        .iter()
        .find(|m| m.since == APRIL)
        .expect("someone in post since April");
    let p = t.new_plan("四月の異動", APRIL);
    for m in [fine[0], fine[1], bad] {
        t.add(&p, &m.no, &to(m), &[]);
    }
    let before = t.state();
    let files = t.snapshot();
    let out = t.transfer(HR, &["apply", &p, "--accept-warnings"]);
    out.fails(
        2,
        &[
            &format!("jinji: {}: ", bad.no),
            "the person's current post starts on or after the plan's effective date",
        ],
    );
    for m in &fine {
        assert!(
            !out.stderr.contains(&m.no),
            "names only the failing person: {}",
            out.stderr
        );
    }
    files.assert_unchanged(&t.w.snapshot());
    assert_eq!(
        t.state(),
        before,
        "staff, posts, evaluations and plans as they were"
    );
    let plans = t.transfer(HR, &["plans"]).ok().stdout;
    assert!(
        plans.contains(&format!(
            "#{p} 四月の異動 (effective {APRIL}) Draft: 3 moves"
        )),
        "{plans}"
    );

    // Without that move the plan goes through.
    t.transfer(HR, &["remove", &p, &bad.no]).ok();
    let out = t
        .transfer(HR, &["apply", &p, "--accept-warnings"])
        .ok()
        .stdout;
    assert!(out.contains("2 moves"), "{out}");
    for m in &fine {
        assert_eq!(txt(&t.person(&m.no), "unit_code"), to(m));
        assert_no_overlaps(&t.posts(&m.no));
    }
    assert_eq!(txt(&t.person(&bad.no), "unit_code"), bad.unit);
}

// ---------------------------------------------------------------------------------------
// `transfer show` and the export are one list (the 内示 list): they should agree.
// ---------------------------------------------------------------------------------------

/// The English label of a transfer wish code.
fn wish_label(code: &str) -> &'static str {
    match code {
        "stay" => "Stay",
        "move" => "Move",
        "either" => "Either",
        other => panic!("wish {other:?}"),
    }
}

#[test]
fn show_and_export_show_the_same_wish() {
    let t = Demo::new();
    // Someone whose wish changed between FY2025 and FY2026.
    let reports = t.rows("self_reports");
    let wish = |no: &str, fy: i64| {
        reports
            .iter()
            .find(|r| r["staff_no"] == no && r["fiscal_year"] == fy)
            .map(|r| txt(r, "transfer_wish"))
    };
    let m = t
        .members()
        .into_iter()
        .find(|m| {
            let (a, b) = (wish(&m.no, 2025), wish(&m.no, 2026));
            a.is_some() && b.is_some() && a != b
        })
        .expect("someone whose wish changed");
    let to = t.teams().into_iter().find(|u| *u != m.unit).expect("team");
    let p = t.new_plan("秋の異動", EFF);
    t.add(&p, &m.no, &to, &[]);
    let exported = t
        .rows_as(HR, "transfer_moves")
        .into_iter()
        .find(|r| r["staff_no"] == m.no.as_str() && of_plan(r, &p))
        .expect("row");
    let show = t.transfer(HR, &["show", &p]).ok().stdout;
    let line = lines_of(&show, &[&m.no])[0].to_string();
    let shown = line.split("wish: ").nth(1).expect("wish").to_string();
    assert!(
        shown.starts_with(wish_label(&txt(&exported, "transfer_wish"))),
        "show: {line:?}; export: {exported}"
    );
}

#[test]
fn show_of_an_applied_plan_names_where_people_came_from() {
    let t = Demo::new();
    let m = t.members().into_iter().next().expect("a member");
    let to = t.teams().into_iter().find(|u| *u != m.unit).expect("team");
    let p = t.new_plan("秋の異動", EFF);
    t.add(&p, &m.no, &to, &[]);
    t.transfer(HR, &["apply", &p, "--accept-warnings"]).ok();
    let exported = t
        .rows_as(HR, "transfer_moves")
        .into_iter()
        .find(|r| r["staff_no"] == m.no.as_str() && of_plan(r, &p))
        .expect("row");
    assert_eq!(
        txt(&exported, "from_unit_code"),
        m.unit,
        "the export is right"
    );
    let show = t.transfer(HR, &["show", &p]).ok().stdout;
    let line = lines_of(&show, &[&m.no])[0].to_string();
    let from_to = format!("{} → {}", t.unit_name(&m.unit), t.unit_name(&to));
    assert!(line.contains(&from_to), "{line:?} should read {from_to:?}");
}

// ---------------------------------------------------------------------------------------
// `transfer check`: one line per problem, exit 2 on an error.
// ---------------------------------------------------------------------------------------

/// The problem lines of `transfer check` as (subject, rule), each line checked for the
/// contract's form `SUBJECT: rule: what`.
fn problem_lines(out: &str) -> Vec<(String, String)> {
    out.lines()
        .map(|l| {
            let mut parts = l.splitn(3, ": ");
            let (subject, rule, what) = (
                parts.next().unwrap_or_default(),
                parts.next().unwrap_or_default(),
                parts.next().unwrap_or_default(),
            );
            assert!(
                !subject.is_empty()
                    && !subject.contains(' ')
                    && !rule.is_empty()
                    && rule.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    && !what.is_empty(),
                "not `SUBJECT: rule: what`: {l:?}"
            );
            (subject.to_string(), rule.to_string())
        })
        .collect()
}

#[test]
fn check_prints_every_problem_and_fails_only_on_an_error() {
    let t = Demo::new();
    let members = t.members();
    let m = members
        .iter()
        .find(|m| m.position == "clerk")
        .expect("a clerk");
    // A team with a 係長 already, that is not the member's own.
    let staff = t.rows("staff");
    let led: BTreeSet<String> = staff
        .iter()
        .filter(|r| r["position"] == "team_chief" && r["status"] == "active")
        .map(|r| txt(r, "unit_code"))
        .collect();
    let to = t
        .teams()
        .into_iter()
        .find(|u| *u != m.unit && led.contains(u))
        .expect("a led team");
    let p = t.new_plan("点検", EFF);
    // Made its 係長 with no grade: a second head, and a promotion without its grade.
    t.add(&p, &m.no, &to, &["--position", "team_chief"]);
    let before = t.snapshot();
    let out = t.transfer(HR, &["check", &p]);
    assert_eq!(out.code, 2, "{out:?}");
    let found = problem_lines(&out.stdout);
    assert!(
        found.contains(&(m.no.clone(), "promotion_without_grade".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&(to.clone(), "two_heads".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&(format!("#{p}"), "date_past".into())),
        "{found:?}"
    );
    assert!(out.stderr.contains("errors"), "{}", out.stderr);
    before.assert_unchanged(&t.w.snapshot());
    // Applying is refused, accepted warnings or not, naming the first error.
    t.transfer(HR, &["apply", &p, "--accept-warnings"])
        .fails(2, &["the plan's check found errors"]);

    // Moved as a 主事 instead: warnings only (the late date, maybe supervisors): exit 0.
    t.add(&p, &m.no, &to, &["--position", &m.position]);
    let out = t.transfer(HR, &["check", &p]).ok();
    let found = problem_lines(&out.stdout);
    assert!(
        found.contains(&(format!("#{p}"), "date_past".into())),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|(_, r)| r != "two_heads" && r != "promotion_without_grade")
    );
    // Not applied until the warnings are accepted.
    t.transfer(HR, &["apply", &p]).fails(2, &["accept them"]);
    t.transfer(HR, &["apply", &p, "--accept-warnings"]).ok();
}

// ---------------------------------------------------------------------------------------
// 発令: recorded on apply, printed as the 発令通知書, exported and imported back.
// ---------------------------------------------------------------------------------------

#[test]
fn an_applied_round_issues_each_movers_appointments_which_export_and_import_back() {
    let t = Demo::new();
    let m = t
        .members()
        .into_iter()
        .find(|m| m.position == "clerk")
        .expect("a clerk");
    let to = t.teams().into_iter().find(|u| *u != m.unit).expect("team");
    let p = t.new_plan("秋の異動", EFF);
    t.add(&p, &m.no, &to, &[]);
    t.transfer(HR, &["apply", &p, "--accept-warnings"]).ok();
    // The 発令通知書 of the day: the team's 勤務 in the ward's words.
    let notice = t
        .run(HR, &["--lang", "ja", "report", "appointment", &m.no])
        .ok()
        .stdout;
    let team = t.unit_name(&to);
    assert!(
        notice.starts_with("発令通知書\n")
            && notice.contains("令和8年10月1日")
            && notice.contains(&format!("{team}勤務を命ずる")),
        "{notice}"
    );
    // A day with none is named.
    t.run(HR, &["report", "appointment", &m.no, "--on", "2026-10-02"])
        .fails(2, &[&m.no, "2026-10-02"]);
    // In the 発令一覧 with its plan; and the list imports back as it is.
    let rows = t.rows_as(HR, "appointments");
    let mine: Vec<&Value> = rows
        .iter()
        .filter(|r| r["staff_no"] == m.no.as_str() && r["issued_on"] == EFF)
        .collect();
    assert_eq!(mine.len(), 1, "{mine:?}");
    assert_eq!(mine[0]["plan_id"].to_string(), p);
    assert_eq!(txt(mine[0], "kind"), "transfer");
    for kind in ["appointments", "job_fits"] {
        let file = t.w.path(&format!("{kind}.csv"));
        t.run(None, &["export", kind, "--out", s(&file)]).ok();
        let out = t.run(None, &["import", kind, s(&file), "--dry-run"]).ok();
        assert!(
            out.stderr.contains(" 0 created, 0 updated, "),
            "{kind}: {}",
            out.stderr
        );
    }
    // A job type that is none is refused by its row and column.
    let bad = t.w.path("fits.csv");
    std::fs::write(&bad, "job_type,unit_code\n魔法使い,100101\n").expect("write");
    let out = t.run(None, &["import", "job_fits", s(&bad)]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stdout.contains("fits.csv:2:job_type: "), "{out:?}");
}

/// `jinji transfer check 1` on the demo as it comes: its clean April plan has no error
/// (exit 0), its B案 has (exit 2).
#[test]
fn the_demo_plan_checks_clean_and_its_b_plan_does_not() {
    let w = Scratch::new();
    let db = w.path("d.db");
    w.run(&["--db", s(&db), "demo", "--today", TODAY]).ok();
    let check = |plan: &str| w.run(&["--db", s(&db), "--today", TODAY, "transfer", "check", plan]);
    let one = check("1");
    assert_eq!(one.code, 0, "{}{}", one.stdout, one.stderr);
    let two = check("2");
    assert_eq!(two.code, 2, "{}{}", two.stdout, two.stderr);
}
