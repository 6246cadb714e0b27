//! Query plans of the lists (issue 7): each list's first window is read through its
//! indexes (`EXPLAIN QUERY PLAN`), so a later change cannot quietly fall back to sorting
//! or scanning a city's whole table.

use crate::support::today;
use jinji::app::view::{Open, View};
use jinji::demo::{Params, generate};
use jinji::domain::account::Account;
use jinji::store::Db;
use jinji::store::scope::Visibility;
use jinji::store::views::{VIEWS, ViewDef, ViewQuery, view};

/// Registers that stay small in a city, whatever its size: a full scan or a sort of them
/// costs nothing, and the planner's choice for a few dozen rows may flip with the data.
const SMALL: &[&str] = &[
    // The course catalogue and its requirements: tens of rows.
    "courses",
    "requirements",
    // A year's training sessions: about a hundred.
    "sessions",
    // The transfer round's plans: a few a year (read newest first down the rowid).
    "transfer_plans",
    // Reorganisations: a plan or two a year, tens of steps each.
    "reorg_plans",
    "reorg_steps",
    // Incidents and awards: a handful to tens a year.
    "incidents",
    "awards",
    // The office calendar: some twenty-five closed days a year, computed and joined.
    "calendar",
    // Promotion selection: a few kinds, a few rounds a year.
    "exam_kinds",
    "exams",
];

/// Lists that count over every post held on their day in one aggregate (定数・現員's
/// 現員): one pass down the roster by design, the cheapest way on a city (0.4 s, against
/// 1.2 s reading each unit's history down the unit index). Their own table is read by
/// its index as every list's.
const AGGREGATES: &[&str] = &["posts"];

/// Of `what`, the scans an aggregating list makes of the roster by design.
fn but_the_aggregate<'a>(v: &ViewDef, what: Vec<&'a str>) -> Vec<&'a str> {
    if AGGREGATES.contains(&v.name) {
        what.into_iter()
            .filter(|l| !l.starts_with("SCAN s"))
            .collect()
    } else {
        what
    }
}

/// The demo ward with the planner's statistics, as every real database has them after
/// seed, demo, import or migration.
fn demo_ward() -> Db {
    let db = Db::open_in_memory().unwrap();
    generate(&db, &Params::demo(today())).unwrap();
    db.analyze().unwrap();
    db
}

/// A list as it first opens: its default sort, fiscal year 2026 where it has one.
fn first_window(v: &ViewDef, visible: Visibility) -> ViewQuery {
    ViewQuery {
        fiscal_year: v.has_fiscal_year().then_some(2026),
        visible,
        sort: v.default_sort,
        desc: v.default_desc,
        ..ViewQuery::on(today())
    }
}

/// Lines of `plan` that read a table end to end: the record table `t` or its person `s`
/// without an index, or any table into a Bloom filter before the first row (the screen's
/// connection builds none: a window stops long before such a filter pays).
fn full_scans(plan: &[String]) -> Vec<&str> {
    plan.iter()
        .map(String::as_str)
        .filter(|l| matches!(*l, "SCAN t" | "SCAN s") || l.starts_with("BLOOM FILTER"))
        .collect()
}

/// A failure naming the view, what went wrong and the whole plan.
fn failure(v: &ViewDef, what: &[&str], plan: &[String]) -> String {
    format!("{}: {}\n  {}", v.name, what.join("; "), plan.join("\n  "))
}

#[test]
fn small_registers_are_views() {
    for name in SMALL {
        assert!(view(name).is_some(), "no view {name}");
    }
}

/// Over everyone, a list's window is read down an index in its order and stops after 40
/// rows. "USE TEMP B-TREE FOR LAST TERM OF ORDER BY" only orders ties within one key.
#[test]
fn everyones_lists_read_their_order_from_an_index() {
    let db = demo_ward();
    let mut failures = Vec::new();
    for v in VIEWS.iter().filter(|v| !SMALL.contains(&v.name)) {
        let plan = db
            .window_plan(v, &first_window(v, Visibility::All))
            .unwrap();
        let mut what = but_the_aggregate(v, full_scans(&plan));
        if plan
            .iter()
            .any(|l| l.starts_with("USE TEMP B-TREE FOR ORDER BY"))
        {
            what.push("sorts every row (USE TEMP B-TREE FOR ORDER BY)");
        }
        if !what.is_empty() {
            failures.push(failure(v, &what, &plan));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The page after a row is read down the same index from that row's sort key (keyset
/// paging): no full scan, no sort of every row, whatever the row's depth in the list.
#[test]
fn everyones_next_page_seeks_its_index_from_the_row_before() {
    let db = demo_ward();
    let mut failures = Vec::new();
    for v in VIEWS.iter().filter(|v| !SMALL.contains(&v.name)) {
        let q = first_window(v, Visibility::All);
        let Some(anchor) = db.view_rows(v, &q, 0, 1).unwrap().pop() else {
            continue;
        };
        let plan = db.next_plan(v, &q, &anchor).unwrap();
        let mut what = but_the_aggregate(v, full_scans(&plan));
        if plan
            .iter()
            .any(|l| l.starts_with("USE TEMP B-TREE FOR ORDER BY"))
        {
            what.push("sorts every row (USE TEMP B-TREE FOR ORDER BY)");
        }
        if !plan.iter().any(|l| l.contains(">?") || l.contains("<?")) {
            what.push("does not seek from the row's key");
        }
        if !what.is_empty() {
            failures.push(failure(v, &what, &plan));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// What an account of `role` may see, and every view it can open.
fn narrowed(db: &Db, role: &str) -> (Visibility, Vec<&'static ViewDef>) {
    let accounts: Vec<Account> = db.accounts().unwrap();
    let a = accounts
        .iter()
        .find(|a| a.role.code() == role && a.staff_id.is_some())
        .unwrap_or_else(|| panic!("a {role} account with a person"));
    let visible = db.visibility(a, today().fiscal_year()).unwrap();
    assert!(!visible.is_all(), "{role} sees everyone");
    // Accounts and the audit log are the admin's, the transfer round and incidents HR's
    // (who see everyone).
    // Small registers are read whole, as above.
    let views = View::ALL
        .into_iter()
        .filter(|v| v.spec().open != Open::Admin && v.spec().open != Open::Hr)
        .filter_map(View::list)
        .filter(|v| !SMALL.contains(&v.name))
        .collect();
    (visible, views)
}

/// Narrowed to what an account sees, the few rows are found through indexes: the record
/// table and its person by their keys, the people seen by unit or by id, never by reading
/// the roster (or its index) end to end. The rows are then sorted, which is cheap.
fn narrowed_lists_find_their_rows_by_index(role: &str) {
    let db = demo_ward();
    let (visible, views) = narrowed(&db, role);
    let mut failures = Vec::new();
    for v in views {
        let plan = db
            .window_plan(v, &first_window(v, visible.clone()))
            .unwrap();
        let mut what = but_the_aggregate(v, full_scans(&plan));
        what.extend(
            plan.iter()
                .map(String::as_str)
                .filter(|l| l.starts_with("SCAN staff")),
        );
        if !what.is_empty() {
            failures.push(failure(v, &what, &plan));
        }
    }
    assert!(failures.is_empty(), "{role}:\n{}", failures.join("\n\n"));
}

#[test]
fn a_supervisors_lists_find_their_rows_by_index() {
    narrowed_lists_find_their_rows_by_index("supervisor");
}

/// A staff account sees only themselves: their own rows by their id, not a read of the
/// whole roster (as an empty `unit_id IN ()` beside their id once made it).
#[test]
fn a_staff_members_lists_find_their_rows_by_index() {
    narrowed_lists_find_their_rows_by_index("staff");
}
