//! End to end: `jinji eval STEP …` and `jinji pdca …` on a small demo database, acting as
//! the demo's logins (`hr1`, `s<staff_no>`), each test in a scratch home.

use crate::support::cli;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use cli::*;
use serde_json::Value;

/// The fiscal year of the demo built around [`TODAY`].
const FY: &str = "2026";

/// A demo database in a scratch home.
struct Demo {
    w: Scratch,
    db: PathBuf,
}

impl Demo {
    fn new() -> Demo {
        let w = Scratch::new();
        let db = w.demo("d.db");
        Demo { w, db }
    }

    /// Runs `args` on the demo, as `user` when given (else as the OS login, its admin).
    fn run(&self, user: Option<&str>, args: &[&str]) -> Out {
        let mut all = vec!["--db", s(&self.db)];
        if let Some(u) = user {
            all.extend(["--user", u]);
        }
        all.extend(args);
        self.w.run(&all)
    }

    /// `jinji eval STEP STAFF_NO… --kind KIND --year FY EXTRA…`.
    fn eval(
        &self,
        user: Option<&str>,
        step: &str,
        staff: &[&str],
        kind: &str,
        extra: &[&str],
    ) -> Out {
        let mut args = vec!["eval", step];
        args.extend(staff);
        args.extend(["--kind", kind, "--year", FY]);
        args.extend(extra);
        self.run(user, &args)
    }

    /// An export as `user` sees it, as JSON rows.
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

    /// The evaluations of this year of `kind`.
    fn evals(&self, kind: &str) -> Vec<Value> {
        self.rows("evaluations")
            .into_iter()
            .filter(|r| r["fiscal_year"] == 2026 && r["kind"] == kind && r["term"] == "full")
            .collect()
    }

    fn eval_of(&self, staff_no: &str, kind: &str) -> Value {
        self.evals(kind)
            .into_iter()
            .find(|r| r["staff_no"] == staff_no)
            .unwrap_or_else(|| panic!("no {kind} evaluation of {staff_no}"))
    }

    /// Active logins by staff number, with their role.
    fn logins(&self) -> BTreeMap<String, (String, String)> {
        self.rows("accounts")
            .into_iter()
            .filter(|r| r["active"] == 1)
            .filter_map(|r| {
                Some((
                    r["staff_no"].as_str()?.to_string(),
                    (
                        r["login"].as_str()?.to_string(),
                        r["role"].as_str()?.to_string(),
                    ),
                ))
            })
            .collect()
    }

    /// The (actor, action, table) of every audit row, oldest first.
    fn audit(&self) -> Vec<(String, String, String)> {
        self.rows("audit")
            .into_iter()
            .map(|r| {
                (
                    r["actor"].as_str().unwrap_or_default().to_string(),
                    r["action"].as_str().unwrap_or_default().to_string(),
                    r["table_name"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    }

    /// What a refused command must leave alone: the evaluations, the cycles and the
    /// audit log.
    fn state(&self) -> (String, String, usize) {
        (
            self.csv("evaluations"),
            self.csv("pdca"),
            self.audit().len(),
        )
    }
}

fn txt(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_string()
}

fn login(staff_no: &str) -> String {
    format!("s{staff_no}")
}

/// The day every command of these tests runs on.
fn today() -> String {
    TODAY.to_string()
}

/// Staff numbers of this year's competency evaluations in `state`, with a second
/// evaluator or not.
fn in_state(t: &Demo, state: &str, second: Option<bool>) -> Vec<String> {
    t.evals("competency")
        .into_iter()
        .filter(|r| r["state"] == state)
        .filter(|r| second.is_none_or(|s| r["evaluator2_staff_no"].is_string() == s))
        .map(|r| txt(&r, "staff_no"))
        .collect()
}

#[test]
fn hr_finalizes_and_discloses_and_the_evaluatee_agrees() {
    let t = Demo::new();
    let row = t
        .evals("competency")
        .into_iter()
        .find(|r| r["state"] == "second_done")
        .expect("a second_done evaluation in the demo");
    let no = txt(&row, "staff_no");
    let me = login(&no);

    let out = t
        .eval(Some("hr1"), "finalize", &[&no], "competency", &[])
        .ok();
    assert!(
        out.stdout.contains(&no) && out.stdout.contains("Finalized"),
        "{}",
        out.stdout
    );
    let e = t.eval_of(&no, "competency");
    assert_eq!(e["state"], "finalized");
    assert_eq!(
        e["grade"], row["second_rating"],
        "the grade defaults to the second rating"
    );

    let out = t
        .eval(Some("hr1"), "disclose", &[&no], "competency", &[])
        .ok();
    assert!(out.stdout.contains("Disclosed"), "{}", out.stdout);
    let out = t
        .eval(
            Some(&me),
            "agree",
            &[&no],
            "competency",
            &["--note", "納得しました"],
        )
        .ok();
    assert!(out.stdout.contains(&no), "{}", out.stdout);

    let e = t.eval_of(&no, "competency");
    assert_eq!(e["state"], "disclosed");
    assert_eq!(txt(&e, "disclosed_on"), today());
    assert_eq!(e["response"], "agreed");
    let audit = t.audit();
    let evals: Vec<(String, String)> = audit
        .iter()
        .filter(|(_, _, table)| table == "evaluations")
        .map(|(actor, action, _)| (actor.clone(), action.clone()))
        .collect();
    assert_eq!(
        evals[evals.len() - 3..],
        [
            ("hr1".to_string(), "eval.finalize".to_string()),
            ("hr1".to_string(), "eval.disclose".to_string()),
            (me.clone(), "eval.agree".to_string()),
        ]
    );
    // Once only.
    let before = t.state();
    t.eval(
        Some(&me),
        "appeal",
        &[&no],
        "competency",
        &["--reason", "やはり不服"],
    )
    .fails(2, &[&format!("{no}: "), "already answered"]);
    assert_eq!(t.state(), before);
}

#[test]
fn an_illegal_move_exits_2_with_the_rule_and_writes_nothing() {
    let t = Demo::new();
    let logins = t.logins();
    // One whose first evaluator signs in as a supervisor.
    let row = t
        .evals("competency")
        .into_iter()
        .find(|r| {
            r["state"] == "second_done"
                && r["evaluator2_staff_no"].is_string()
                && logins
                    .get(&txt(r, "evaluator1_staff_no"))
                    .is_some_and(|(_, role)| role == "supervisor")
        })
        .expect("a second_done evaluation whose first evaluator signs in");
    let no = &txt(&row, "staff_no");
    let e1 = login(&txt(&row, "evaluator1_staff_no"));
    let early = &in_state(&t, "first_done", Some(true))[0];
    let before = t.state();

    t.eval(Some(&login(no)), "finalize", &[no], "competency", &[])
        .fails(2, &[&format!("{no}: "), "Only the HR office may do this"]);
    t.eval(
        Some("hr1"),
        "first",
        &[no],
        "competency",
        &["--rating", "B"],
    )
    .fails(
        2,
        &[&format!("{no}: "), "Only the first evaluator may do this"],
    );
    t.eval(Some("hr1"), "finalize", &[early], "competency", &[])
        .fails(
            2,
            &[
                &format!("{early}: "),
                "The stage before this one is not done yet",
            ],
        );
    t.eval(None, "disclose", &[no], "competency", &[])
        .fails(2, &[&format!("{no}: "), "not done yet"]);
    // The first evaluator's stage is locked once passed.
    t.eval(Some(&e1), "first", &[no], "competency", &["--rating", "A"])
        .fails(
            2,
            &[&format!("{no}: "), "This stage has passed and is locked"],
        );
    assert_eq!(t.state(), before, "nothing was written");
}

#[test]
fn a_batch_with_one_illegal_move_writes_none() {
    let t = Demo::new();
    let done = in_state(&t, "second_done", Some(true));
    let (a, b) = (&done[0], &done[1]);
    let bad = &in_state(&t, "first_done", Some(true))[0];
    let before = t.state();
    // The illegal one last: the others were already moved inside the transaction.
    t.eval(Some("hr1"), "finalize", &[a, b, bad], "competency", &[])
        .fails(2, &[&format!("{bad}: "), "not done yet"]);
    assert_eq!(t.state(), before, "none of the batch was written");
    for no in [a, b] {
        assert_eq!(t.eval_of(no, "competency")["state"], "second_done");
    }

    let out = t
        .eval(Some("hr1"), "finalize", &[a, b], "competency", &[])
        .ok();
    assert_eq!(out.stdout.lines().count(), 2, "{}", out.stdout);
    for no in [a, b] {
        assert_eq!(t.eval_of(no, "competency")["state"], "finalized");
    }
}

#[test]
fn a_staff_number_out_of_scope_is_not_found() {
    let t = Demo::new();
    let logins = t.logins();
    let (sup_no, (sup, _)) = logins
        .iter()
        .find(|(_, (_, role))| role == "supervisor")
        .expect("a supervisor");
    let visible: BTreeSet<String> = t
        .rows_as(Some(sup), "staff")
        .iter()
        .map(|r| txt(r, "staff_no"))
        .collect();
    assert!(visible.contains(sup_no), "a supervisor sees themselves");
    let hidden = t
        .evals("competency")
        .into_iter()
        .map(|r| txt(&r, "staff_no"))
        .find(|no| !visible.contains(no))
        .expect("someone this supervisor may not see");
    let before = t.state();
    t.eval(
        Some(sup),
        "first",
        &[&hidden],
        "competency",
        &["--rating", "B"],
    )
    .fails(2, &[&format!("{hidden}: no such staff member")]);
    // Exactly as if there were no such person.
    t.eval(
        Some(sup),
        "first",
        &["0000000"],
        "competency",
        &["--rating", "B"],
    )
    .fails(2, &["0000000: no such staff member"]);
    // A staff account sees only itself.
    let (own, (me, _)) = logins
        .iter()
        .find(|(no, (_, role))| role == "staff" && **no != hidden)
        .expect("a staff login");
    assert_ne!(own, &hidden);
    t.eval(Some(me), "agree", &[&hidden], "competency", &[])
        .fails(2, &[&format!("{hidden}: no such staff member")]);
    assert_eq!(t.state(), before);
}

#[test]
fn a_performance_evaluation_is_submitted_rated_and_sent_back() {
    let t = Demo::new();
    let logins = t.logins();
    let sup = |no: &str| logins.get(no).is_some_and(|(_, r)| r == "supervisor");
    let row = t
        .evals("performance")
        .into_iter()
        .find(|r| {
            r["state"] == "draft"
                && logins.contains_key(&txt(r, "staff_no"))
                && sup(&txt(r, "evaluator1_staff_no"))
                && sup(&txt(r, "evaluator2_staff_no"))
        })
        .expect("a draft performance evaluation with two evaluators who sign in");
    let no = txt(&row, "staff_no");
    let (e1, e2) = (
        login(&txt(&row, "evaluator1_staff_no")),
        login(&txt(&row, "evaluator2_staff_no")),
    );
    let p = "performance";

    let out = t
        .eval(
            Some(&login(&no)),
            "submit",
            &[&no],
            p,
            &["--rating", "a", "--comment", "目標を達成"],
        )
        .ok();
    assert!(out.stdout.contains("Self-evaluated"), "{}", out.stdout);
    let e = t.eval_of(&no, p);
    assert_eq!(
        (e["state"].clone(), e["self_rating"].clone()),
        ("self_submitted".into(), "A".into())
    );

    let before = t.state();
    t.eval(Some(&e1), "first", &[&no], p, &[])
        .fails(2, &[&format!("{no}: "), "required"]);
    t.eval(Some(&e1), "first", &[&no], p, &["--rating", "X"])
        .fails(2, &["\"X\" is not a grade"]);
    assert_eq!(t.state(), before);

    let out = t
        .eval(Some(&e1), "first", &[&no], p, &["--rating", "B"])
        .ok();
    assert!(out.stdout.contains("First done"), "{}", out.stdout);
    t.eval(Some(&e2), "send-back", &[&no], p, &[])
        .fails(2, &[&format!("{no}: "), "required"]);
    let out = t
        .eval(
            Some(&e2),
            "send-back",
            &[&no],
            p,
            &["--reason", "根拠を追記してください"],
        )
        .ok();
    assert!(out.stdout.contains("Self-evaluated"), "{}", out.stdout);
    let e = t.eval_of(&no, p);
    assert_eq!(e["state"], "self_submitted");
    assert_eq!(e["first_rating"], "B", "kept as the draft to revise");
    t.eval(Some(&login(&no)), "submit", &[&no], p, &["--rating", "S"])
        .fails(
            2,
            &[&format!("{no}: "), "This stage has passed and is locked"],
        );
    let actions: Vec<String> = t
        .audit()
        .into_iter()
        .filter(|(_, _, table)| table == "evaluations")
        .map(|(_, action, _)| action)
        .collect();
    assert_eq!(
        actions[actions.len() - 3..],
        ["eval.submit", "eval.first", "eval.send_back"]
    );
}

#[test]
fn all_finalizes_every_evaluation_ready_for_it() {
    let t = Demo::new();
    let ready =
        in_state(&t, "second_done", None).len() + in_state(&t, "first_done", Some(false)).len();
    assert!(ready > 0);
    let out = t
        .run(
            Some("hr1"),
            &[
                "eval",
                "finalize",
                "--all",
                "--kind",
                "competency",
                "--year",
                FY,
            ],
        )
        .ok();
    assert!(
        out.stdout
            .contains(&format!("Finalize: {ready} evaluation(s)")),
        "{}",
        out.stdout
    );
    assert!(in_state(&t, "second_done", None).is_empty());
    assert!(in_state(&t, "first_done", Some(false)).is_empty());
    assert!(
        !in_state(&t, "first_done", Some(true)).is_empty(),
        "those wait for the second"
    );
    assert_eq!(in_state(&t, "finalized", None).len(), ready);
}

#[test]
fn an_unknown_step_or_a_bad_call_exits_2() {
    let t = Demo::new();
    let no = &in_state(&t, "second_done", None)[0];
    let before = t.state();
    t.eval(Some("hr1"), "promote", &[no], "competency", &[])
        .fails(2, &["unknown move \"promote\"", "send_back", "interviews"]);
    t.eval(Some("hr1"), "finalize", &[], "competency", &[])
        .fails(2, &["--all"]);
    t.run(Some("hr1"), &["eval", "finalize", no]).usage_error();
    t.run(Some("hr1"), &["eval", "finalize", no, "--kind", "merit"])
        .usage_error();
    t.run(
        Some("hr1"),
        &[
            "eval",
            "finalize",
            no,
            "--kind",
            "competency",
            "--year",
            "2019",
        ],
    )
    .fails(2, &["2019"]);
    assert_eq!(t.state(), before);
}

#[test]
fn a_pdca_cycle_is_advanced_closed_and_reviewed() {
    let t = Demo::new();
    let logins = t.logins();
    let hr1_no = logins
        .iter()
        .find(|(_, (l, _))| l == "hr1")
        .map(|(no, _)| no.clone())
        .expect("hr1 is a person");
    let cycles = t.rows("pdca");
    let c = cycles
        .iter()
        .find(|r| {
            r["fiscal_year"] == 2026
                && r["phase"] == "do"
                && r["owner_staff_no"].is_string()
                && r["owner_staff_no"] != hr1_no.as_str()
        })
        .expect("a person's cycle in Do");
    let id = c["id"].as_i64().unwrap().to_string();
    let id = id.as_str();
    let row = |id: &str| -> Value {
        t.rows("pdca")
            .into_iter()
            .find(|r| r["id"].as_i64().map(|i| i.to_string()).as_deref() == Some(id))
            .expect("cycle")
    };

    // Close is only for a cycle in Act.
    let before = t.state();
    t.run(None, &["pdca", "close", id, "--improvements", "早すぎる"])
        .fails(2, &["has not reached this phase"]);
    assert_eq!(t.state(), before);

    let out = t.run(None, &["pdca", "advance", id]).ok();
    assert!(
        out.stdout.contains(&format!("cycle #{id}: Check")),
        "{}",
        out.stdout
    );
    t.run(None, &["pdca", "checkin", id, "--note", "測定を開始"])
        .ok();
    let before = t.state();
    t.run(None, &["pdca", "advance", id])
        .fails(2, &["Result is required"]);
    assert_eq!(t.state(), before);
    let out = t
        .run(None, &["pdca", "advance", id, "--result", "12.5"])
        .ok();
    assert!(
        out.stdout.contains(&format!("cycle #{id}: Act")),
        "{}",
        out.stdout
    );
    t.run(None, &["pdca", "close", id])
        .fails(2, &["Improvements is required"]);
    let out = t
        .run(
            None,
            &["pdca", "close", id, "--improvements", "予約制を試行する"],
        )
        .ok();
    assert!(
        out.stdout.contains(&format!("cycle #{id}: Closed")),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("baseline 12.5"), "{}", out.stdout);

    let closed = row(id);
    assert_eq!(
        (closed["phase"].clone(), closed["progress"].clone()),
        ("closed".into(), 100.into())
    );
    assert_eq!(closed["result"], 12.5);
    let next = t
        .rows("pdca")
        .into_iter()
        .find(|r| r["prev_id"].as_i64().map(|i| i.to_string()).as_deref() == Some(id))
        .expect("the next turn links back");
    let next_id = next["id"].as_i64().unwrap().to_string();
    assert!(
        out.stdout
            .contains(&format!("next turn is cycle #{next_id}")),
        "{}",
        out.stdout
    );
    assert_eq!(next["phase"], "plan");
    assert_eq!(next["baseline"], 12.5);
    assert!(next["target"].is_null(), "{next}");
    assert_eq!(next["owner_staff_no"], c["owner_staff_no"]);
    assert_eq!(next["title"], c["title"]);
    assert_eq!(next["progress"], 0);

    // The next turn needs its own plan before it starts; check-ins wait for Do.
    let before = t.state();
    t.run(None, &["pdca", "advance", &next_id])
        .fails(2, &["Target is required", "action"]);
    t.run(None, &["pdca", "checkin", &next_id, "--note", "まだ"])
        .fails(2, &["check-ins are written during Do or Check"]);
    t.run(None, &["pdca", "advance", "999999"])
        .fails(2, &["not found"]);
    assert_eq!(t.state(), before);

    let out = t
        .run(
            Some("hr1"),
            &[
                "pdca",
                "review",
                &next_id,
                "--comment",
                "予約制の効果を見ること",
            ],
        )
        .ok();
    assert!(
        out.stdout
            .contains(&format!("review of cycle #{next_id} written ({})", today())),
        "{}",
        out.stdout
    );
    let audit = t.audit();
    let tail: Vec<(String, String)> = audit[audit.len() - 6..]
        .iter()
        .map(|(actor, action, table)| (action.clone(), format!("{table}/{actor}")))
        .collect();
    assert_eq!(
        tail,
        [
            (
                "pdca.check".to_string(),
                format!("pdca_cycles/{}", cli::login())
            ),
            (
                "insert".to_string(),
                format!("pdca_checkins/{}", cli::login())
            ),
            (
                "pdca.act".to_string(),
                format!("pdca_cycles/{}", cli::login())
            ),
            (
                "pdca.close".to_string(),
                format!("pdca_cycles/{}", cli::login())
            ),
            (
                "insert".to_string(),
                format!("pdca_cycles/{}", cli::login())
            ),
            ("insert".to_string(), "pdca_reviews/hr1".to_string()),
        ]
    );
}

#[test]
fn a_pdca_cycle_out_of_scope_is_not_found() {
    let t = Demo::new();
    let logins = t.logins();
    let (own, (me, _)) = logins
        .iter()
        .find(|(_, (_, role))| role == "staff")
        .expect("a staff login");
    let other = t
        .rows("pdca")
        .into_iter()
        .find(|r| {
            r["fiscal_year"] == 2026 && r["phase"] == "do" && r["owner_staff_no"] != own.as_str()
        })
        .expect("a cycle of someone else");
    let id = other["id"].as_i64().unwrap().to_string();
    let before = t.state();
    for args in [
        vec!["pdca", "advance", id.as_str()],
        vec!["pdca", "checkin", id.as_str(), "--note", "x"],
        vec!["pdca", "review", id.as_str(), "--comment", "x"],
    ] {
        t.run(Some(me), &args)
            .fails(2, &[&format!("#{id} not found")]);
    }
    assert_eq!(t.state(), before);
}
