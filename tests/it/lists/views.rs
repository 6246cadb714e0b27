//! The screens' views: every view runs with every filter and every sort column on the
//! demo ward, counts agree with rows, and windows page through without gaps.

use crate::support::{demo_ward, today};
use jinji::domain::Date;
use jinji::store::views::{VIEWS, ViewQuery, view};

#[test]
fn every_view_sorts_by_every_column_both_ways() {
    let db = demo_ward();
    for v in VIEWS {
        let total = db.view_count(v, &ViewQuery::on(today())).unwrap();
        assert!(total > 0, "{} is empty", v.name);
        for sort in 0..v.columns.len() {
            for desc in [false, true] {
                let q = ViewQuery {
                    sort,
                    desc,
                    ..ViewQuery::on(today())
                };
                let rows = db.view_rows(v, &q, 0, 30).unwrap();
                assert_eq!(
                    rows.len(),
                    (total as usize).min(30),
                    "{} sort {sort}",
                    v.name
                );
                assert!(rows.iter().all(|r| r.cells.len() == v.columns.len()));
            }
        }
    }
}

#[test]
fn filters_narrow_and_counts_agree() {
    let db = demo_ward();
    let person = db
        .staff_by_no(
            &db.view_rows(view("staff").unwrap(), &ViewQuery::on(today()), 5, 1)
                .unwrap()[0]
                .cells[0]
                .as_text(),
        )
        .unwrap()
        .unwrap();
    let units = db.unit_subtree(person.unit_id).unwrap();
    for v in VIEWS {
        let all = db.view_count(v, &ViewQuery::on(today())).unwrap();
        let mut qs = vec![ViewQuery {
            units: Some(units.clone()),
            ..ViewQuery::on(today())
        }];
        if v.has_person() {
            qs.push(ViewQuery {
                staff: Some(person.id),
                ..ViewQuery::on(today())
            });
        }
        if v.has_fiscal_year() {
            qs.push(ViewQuery {
                fiscal_year: Some(2025),
                ..ViewQuery::on(today())
            });
        }
        for q in qs {
            let n = db.view_count(v, &q).unwrap();
            // A worklist of another year is another list, not a narrower one.
            if !(v.is_worklist() && q.fiscal_year.is_some()) {
                assert!(n <= all, "{} {q:?}", v.name);
            }
            let rows = db.view_rows(v, &q, 0, 10_000).unwrap();
            assert_eq!(rows.len() as i64, n, "{} {q:?}", v.name);
        }
    }
}

#[test]
fn windows_page_without_gaps_or_repeats() {
    let db = demo_ward();
    let v = view("evaluations").unwrap();
    let q = ViewQuery {
        sort: 4,
        ..ViewQuery::on(today())
    };
    let total = db.view_count(v, &q).unwrap() as usize;
    let mut ids = Vec::new();
    let mut offset = 0;
    while offset < total {
        ids.extend(
            db.view_rows(v, &q, offset, 37)
                .unwrap()
                .into_iter()
                .map(|r| r.id),
        );
        offset += 37;
    }
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), total);
    assert_eq!(ids.len(), total);
}

#[test]
fn names_sort_by_their_reading() {
    let db = demo_ward();
    for (name, col) in [
        ("staff", "full_name"),
        ("pdca", "owner"),
        ("ojt", "mentee_staff_no"),
        ("qualifications", "full_name"),
    ] {
        let v = view(name).unwrap();
        let sort = v.columns.iter().position(|c| c.key == col).unwrap();
        let q = ViewQuery {
            sort,
            ..ViewQuery::on(today())
        };
        let rows = db.view_rows(v, &q, 0, 10_000).unwrap();
        // Readings of the people in order: never decreasing.
        let readings: Vec<String> = rows
            .iter()
            .filter_map(|r| {
                let id = r.id;
                let staff_id: Option<i64> = match name {
                    "staff" => Some(id),
                    "pdca" => {
                        db.get::<jinji::domain::pdca::PdcaCycle>(id)
                            .unwrap()
                            .owner_staff_id
                    }
                    "ojt" => Some(
                        db.get::<jinji::domain::training::OjtPair>(id)
                            .unwrap()
                            .mentee_id,
                    ),
                    _ => Some(
                        db.get::<jinji::domain::career::Qualification>(id)
                            .unwrap()
                            .staff_id,
                    ),
                };
                staff_id.map(|s| {
                    let p = db.get::<jinji::domain::staff::Staff>(s).unwrap();
                    format!("{}{}", p.family_kana, p.given_kana)
                })
            })
            .collect();
        assert!(readings.windows(2).all(|w| w[0] <= w[1]), "{name} by {col}");
    }
}

/// A count reads only what its condition needs (a record's person and unit are left out
/// when nothing asks about them); it must still agree with the rows for every view, every
/// account's visibility, a person in focus, a section in scope and each year.
#[test]
fn lean_counts_agree_with_the_rows() {
    use jinji::domain::account::Account;
    use jinji::domain::staff::Staff;
    let db = demo_ward();
    let today = Date::from_ymd(2026, 11, 24);
    let accounts: Vec<Account> = db.accounts().unwrap();
    let pick = |role: &str| {
        accounts
            .iter()
            .find(|a| a.role.code() == role && a.staff_id.is_some())
            .cloned()
    };
    let mut visibilities = vec![jinji::store::scope::Visibility::All];
    for role in ["supervisor", "staff"] {
        if let Some(a) = pick(role) {
            visibilities.push(db.visibility(&a, today.fiscal_year()).unwrap());
        }
    }
    let someone: Staff = db.active_staff(None, 1).unwrap().rows.remove(0);
    let section = db.section_of(someone.unit_id).unwrap().map(|u| u.id);
    for v in VIEWS {
        for visible in &visibilities {
            for fy in [None, Some(2025), Some(2026)] {
                let mut queries = vec![ViewQuery {
                    visible: visible.clone(),
                    fiscal_year: fy,
                    ..ViewQuery::on(today)
                }];
                let mut focus = queries[0].clone();
                focus.staff = Some(someone.id);
                queries.push(focus);
                if let Some(sec) = section {
                    let mut scoped = queries[0].clone();
                    scoped.units = Some(db.unit_subtree(sec).unwrap());
                    queries.push(scoped);
                }
                for q in queries {
                    let n = db.view_count(v, &q).unwrap() as usize;
                    let rows = db.view_rows(v, &q, 0, 1_000_000).unwrap().len();
                    assert_eq!(n, rows, "{}: {q:?}", v.name);
                }
            }
        }
    }
}

/// A window read from the end of a list holds the same rows, in the same order, as the
/// window read from its start, for every view and every sort both ways (nulls included).
#[test]
fn windows_from_the_end_match_windows_from_the_start() {
    let db = demo_ward();
    for v in VIEWS {
        let total = db.view_count(v, &ViewQuery::on(today())).unwrap() as usize;
        for sort in 0..v.columns.len() {
            for desc in [false, true] {
                let q = ViewQuery {
                    sort,
                    desc,
                    ..ViewQuery::on(today())
                };
                for offset in [
                    total.saturating_sub(7),
                    total / 2 + 1,
                    total.saturating_sub(1),
                ] {
                    let a = db.view_rows(v, &q, offset, 7).unwrap();
                    let b = db.view_rows_near_end(v, &q, total, offset, 7).unwrap();
                    let ids = |r: &[jinji::store::views::ViewRow]| -> Vec<i64> {
                        r.iter().map(|x| x.id).collect()
                    };
                    assert_eq!(
                        ids(&a),
                        ids(&b),
                        "{} sort {sort} desc {desc} at {offset}",
                        v.name
                    );
                }
            }
        }
    }
}
