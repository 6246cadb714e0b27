//! End to end: `jinji reorg …` and `jinji export units --as-of` on a small demo database,
//! as the demo's HR clerk `hr1`: a plan checked (exit 2 with one line per problem),
//! fixed, applied, and the tree of a day before and after it.

use crate::support::cli;

use cli::*;

/// After every current post of the demo began, before [`TODAY`]: applicable today.
const EFF: &str = "2026-10-01";
const HR: Option<&str> = Some("hr1");

fn run(w: &Scratch, db: &std::path::Path, user: Option<&str>, args: &[&str]) -> Out {
    let mut all = vec!["--db", s(db)];
    if let Some(u) = user {
        all.extend(["--user", u]);
    }
    all.extend(args);
    w.run(&all)
}

/// A team with people in it, its name, and another open team.
fn teams(db: &std::path::Path) -> (String, String, String) {
    let c = read_only(db);
    let open = "u.kind = 'team' AND u.valid_to IS NULL";
    let (full, name): (String, String) = c
        .query_row(
            &format!(
                "SELECT u.code, u.name FROM units u WHERE {open} AND EXISTS (SELECT 1 FROM staff s
                 WHERE s.unit_id = u.id AND s.status <> 'retired') ORDER BY u.code LIMIT 1"
            ),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("a team with people");
    let other: String = c
        .query_row(
            &format!(
                "SELECT u.code FROM units u WHERE {open} AND u.code <> ?1 ORDER BY u.code LIMIT 1"
            ),
            [&full],
            |r| r.get(0),
        )
        .expect("another team");
    (full, name, other)
}

#[test]
fn a_plan_is_checked_fixed_applied_and_the_tree_of_a_day_keeps_its_names() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let (team, old_name, other) = teams(&db);
    let reorg = |args: &[&str]| {
        let mut all = vec!["--lang", "en", "reorg"];
        all.extend(args);
        run(&w, &db, HR, &all)
    };
    let out = reorg(&["new", "FY2026 autumn", "--effective", EFF]).ok();
    let plan = out
        .stdout
        .split('#')
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .to_string();
    reorg(&["step", &plan, "rename", &other, "--name", "新名称係"]).ok();
    reorg(&["step", &plan, "abolish", &team]).ok();

    // Exit 2, one line per problem naming the unit and the rule; nothing applied.
    let out = reorg(&["check", &plan]);
    assert_eq!(out.code, 2, "{out:#?}");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{out:#?}");
    assert!(
        lines[0].starts_with(&format!("{team}: reorg_has_people: ")),
        "{}",
        lines[0]
    );
    assert_eq!(reorg(&["apply", &plan]).code, 2);
    // Only HR keeps plans.
    assert_ne!(run(&w, &db, None, &["reorg", "check", &plan]).code, 0);

    // Fixed: the abolished team's people go to the other one.
    reorg(&["drop", &plan, "2"]).ok();
    reorg(&["step", &plan, "abolish", &team, "--other", &other]).ok();
    let out = reorg(&["check", &plan]).ok();
    assert!(out.stdout.contains("no problems"), "{out:#?}");
    reorg(&["apply", &plan]).ok();

    let units_on = |day: &str| {
        run(
            &w,
            &db,
            HR,
            &["export", "units", "--as-of", day, "--format", "json"],
        )
        .ok()
        .stdout
    };
    let before = units_on("2026-09-30");
    let after = units_on(EFF);
    assert!(before.contains(&format!("\"{team}\"")) && before.contains(&old_name));
    assert!(
        !after.contains(&format!("\"{team}\"")),
        "abolished units are left out"
    );
    assert!(after.contains("新名称係") && !before.contains("新名称係"));
    // --as-of is for the tree alone.
    run(&w, &db, HR, &["export", "staff", "--as-of", EFF]).fails(2, &["--as-of"]);
}
