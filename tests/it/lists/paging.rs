//! Keyset paging through `Db::list`, with filters, both directions and ties.

use crate::support::ward;

use jinji::domain::staff::Staff;
use jinji::store::{Db, Filter, ListQuery, Op, SortDir, StoreError};
use ward::*;

/// A ward with 250 more people, inserted in scrambled staff-number order so that ids
/// and staff numbers do not agree; hire dates take only five values (ties).
fn crowded() -> Ward {
    let w = Ward::new();
    let mut batch: Vec<Staff> = (0..250)
        .map(|i| {
            let n = (i * 97) % 250; // a permutation of 0..250
            let unit = if n % 3 == 0 { w.team_res } else { w.team_hr };
            let mut s = staff(&format!("P{n:04}"), unit, d(2000 + (n % 5), 4, 1));
            s.given_name = format!("職員{n}");
            s
        })
        .collect();
    w.db.insert_many(&mut batch, "seed").unwrap();
    w
}

/// Every row of `q` (starting without a cursor), one page at a time.
fn pages(db: &Db, mut q: ListQuery) -> Vec<Vec<Staff>> {
    let mut out = Vec::new();
    loop {
        let page = db.list::<Staff>(&q).unwrap();
        assert!(page.rows.len() <= q.limit);
        let next = page.next.clone();
        out.push(page.rows);
        match next {
            Some(c) => q.after = Some(c),
            None => return out,
        }
        assert!(out.len() < 100, "paging does not end");
    }
}

fn query(sort: &'static str, dir: SortDir, limit: usize) -> ListQuery {
    ListQuery {
        sort,
        dir,
        limit,
        ..Default::default()
    }
}

#[test]
fn paging_by_staff_no_returns_every_row_once_in_order() {
    let w = crowded();
    let got = pages(&w.db, query("staff_no", SortDir::Asc, 100));
    assert_eq!(got.iter().map(Vec::len).collect::<Vec<_>>(), [100, 100, 54]);
    let nos: Vec<String> = got.concat().into_iter().map(|s| s.staff_no).collect();
    let mut want = nos.clone();
    want.sort();
    want.dedup();
    assert_eq!(nos, want, "every row once, in staff-number order");
    assert_eq!(nos.len() as i64, w.db.count::<Staff>(&[]).unwrap());
    assert_eq!(nos.first().map(String::as_str), Some("A0001"));
    assert_eq!(nos.last().map(String::as_str), Some("P0249"));
}

#[test]
fn paging_backwards_returns_every_row_once_in_reverse_order() {
    let w = crowded();
    let got = pages(&w.db, query("staff_no", SortDir::Desc, 100));
    assert_eq!(got.len(), 3);
    let nos: Vec<String> = got.concat().into_iter().map(|s| s.staff_no).collect();
    let mut want = nos.clone();
    want.sort();
    want.dedup();
    want.reverse();
    assert_eq!(nos, want);
    assert_eq!(nos.len(), 254);
}

#[test]
fn a_last_page_that_is_exactly_full_has_no_next_cursor() {
    let w = crowded();
    let got = pages(&w.db, query("staff_no", SortDir::Asc, 127));
    assert_eq!(got.iter().map(Vec::len).collect::<Vec<_>>(), [127, 127]);
}

#[test]
fn paging_on_a_column_with_ties_still_returns_every_row_once() {
    let w = crowded();
    for dir in [SortDir::Asc, SortDir::Desc] {
        let rows = pages(&w.db, query("hire_date", dir, 33)).concat();
        assert_eq!(rows.len(), 254, "{dir:?}");
        let keys: Vec<_> = rows.iter().map(|s| (s.hire_date, s.id)).collect();
        let mut want = keys.clone();
        want.sort();
        if dir == SortDir::Desc {
            want.reverse();
        }
        assert_eq!(
            keys, want,
            "ordered by (hire_date, id) {dir:?}, no row lost or repeated"
        );
    }
}

#[test]
fn paging_by_id_follows_insertion_order() {
    let w = crowded();
    let rows = pages(
        &w.db,
        ListQuery {
            limit: 64,
            ..Default::default()
        },
    )
    .concat();
    let ids: Vec<i64> = rows.iter().map(|s| s.id).collect();
    assert_eq!(ids, (1..=254).collect::<Vec<i64>>());
}

#[test]
fn a_filter_reduces_the_rows_and_count_agrees() {
    let w = crowded();
    let f = vec![Filter::eq("unit_id", w.team_res)];
    let n = w.db.count::<Staff>(&f).unwrap();
    assert_eq!(n, 84 + 1, "84 of the 250 plus the ward's own clerk");
    let q = ListQuery {
        filters: f,
        sort: "staff_no",
        limit: 40,
        ..Default::default()
    };
    let rows = pages(&w.db, q).concat();
    assert_eq!(rows.len() as i64, n);
    assert!(rows.iter().all(|s| s.unit_id == w.team_res));

    let like = vec![Filter::new("staff_no", Op::Like, "P01%")];
    assert_eq!(w.db.count::<Staff>(&like).unwrap(), 100);
    let before = vec![Filter::new("hire_date", Op::Lt, d(2001, 1, 1))];
    assert_eq!(
        w.db.count::<Staff>(&before).unwrap(),
        50 + 1,
        "and the chief, hired 1995"
    );
    let two = vec![
        Filter::eq("unit_id", w.team_res),
        Filter::new("hire_date", Op::Lt, d(2001, 1, 1)),
    ];
    let rows = w.db.all::<Staff>(two.clone(), "staff_no").unwrap();
    assert_eq!(rows.len() as i64, w.db.count::<Staff>(&two).unwrap());
    assert!(
        rows.iter()
            .all(|s| s.unit_id == w.team_res && s.hire_date < d(2001, 1, 1))
    );
}

#[test]
fn null_filters_select_by_absence() {
    let w = crowded();
    assert_eq!(
        w.db.count::<Staff>(&[Filter::is_null("supervisor_id")])
            .unwrap(),
        252
    );
    let with = [Filter::new("supervisor_id", Op::NotNull, 0i64)];
    assert_eq!(w.db.count::<Staff>(&with).unwrap(), 2);
}

#[test]
fn all_returns_every_matching_row_sorted() {
    let w = crowded();
    let rows = w.db.all::<Staff>(vec![], "staff_no").unwrap();
    assert_eq!(rows.len(), 254);
    assert!(rows.windows(2).all(|p| p[0].staff_no < p[1].staff_no));
}

#[test]
fn an_unknown_sort_or_filter_column_is_refused() {
    let w = Ward::new();
    let q = ListQuery {
        sort: "salary",
        ..Default::default()
    };
    assert!(matches!(w.db.list::<Staff>(&q), Err(StoreError::Sql(_))));
    let f = [Filter::eq("1=1; DROP TABLE staff; --", 1i64)];
    assert!(matches!(w.db.count::<Staff>(&f), Err(StoreError::Sql(_))));
    assert_eq!(w.db.count::<Staff>(&[]).unwrap(), 4);
}

#[test]
fn active_staff_pages_past_the_retired() {
    let w = crowded();
    let p: Staff = w.db.staff_by_no("P0100").unwrap().unwrap();
    w.db.retire_staff(p.id, p.version, d(2025, 3, 31)).unwrap();
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = w.db.active_staff(after, 60).unwrap();
        seen.extend(page.rows.into_iter().map(|s| s.staff_no));
        after = page.next;
        if after.is_none() {
            break;
        }
    }
    assert_eq!(seen.len(), 253);
    assert!(!seen.contains(&"P0100".to_string()));
    assert!(seen.windows(2).all(|p| p[0] < p[1]));
}

#[test]
fn staff_in_subtree_pages_through_a_unit_and_everything_below_it() {
    let w = crowded();
    let mut seen: Vec<String> = Vec::new();
    loop {
        let page =
            w.db.staff_in_subtree(w.sec_hr, seen.last().map(String::as_str), 50)
                .unwrap();
        let more = page.next.is_some();
        seen.extend(page.rows.into_iter().map(|s| s.staff_no));
        if !more {
            break;
        }
    }
    // 人事課 (chief) and 人事係 (lead, junior, 166 of the 250).
    assert_eq!(seen.len(), 3 + 166);
    assert!(seen.windows(2).all(|p| p[0] < p[1]));
    assert!(seen.contains(&"A0001".to_string()) && !seen.contains(&"A0004".to_string()));
    let whole = w.db.staff_in_subtree(w.dept, None, 1000).unwrap();
    assert_eq!((whole.rows.len(), whole.next), (254, None));
}
