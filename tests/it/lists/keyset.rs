//! Keyset paging (issue 7): a list moved a row or a page at a time reads only the rows
//! new to its window, after the last row's sort key or before the first's. Whatever the
//! view, sort, direction, year or section, and across the rows an index leaves out (a
//! section's own PDCA cycles, people without a supervisor, empty keys), every window so
//! read holds exactly the rows read by position.

use crate::support::{demo_ward, today};
use jinji::app::list::ListState;
use jinji::app::worker::Answers;
use jinji::domain::staff::Staff;
use jinji::store::Db;
use jinji::store::views::{VIEWS, ViewDef, ViewQuery};

/// The list's window as read by position, beside what the list holds.
fn check(db: &Db, l: &ListState, what: &str) {
    let h = l.height;
    let by_position = db.view_rows(l.view, &l.query, l.offset, h).unwrap();
    assert_eq!(
        l.rows,
        by_position,
        "{} sort {} desc {} fy {:?} units {}: {what} at row {} (offset {})",
        l.view.name,
        l.query.sort,
        l.query.desc,
        l.query.fiscal_year,
        l.query.units.is_some(),
        l.selected,
        l.offset
    );
    assert!(l.selected >= l.offset && l.selected < l.offset + h.max(1));
}

/// Pages down and rows down from the top, pages up and rows up again; then from the end
/// (read from there by position) pages up, where every window is read before the one shown.
fn walk(db: &Db, v: &'static ViewDef, q: ViewQuery) {
    let mut answers = Answers::default();
    let mut l = ListState::new(v, today());
    l.query = q;
    l.height = 9;
    l.reload(db, &mut answers).unwrap();
    if l.total < 2 * l.height {
        return;
    }
    let pages = (l.total / l.height).min(15) as isize;
    let steps: Vec<(isize, &str)> = std::iter::repeat_n((9, "page down"), pages as usize)
        .chain(std::iter::repeat_n((1, "row down"), 12))
        .chain(std::iter::repeat_n((-9, "page up"), 4))
        .chain(std::iter::repeat_n((-1, "row up"), 14))
        .chain(std::iter::repeat_n((4, "4 down"), 5))
        .collect();
    for (delta, what) in steps {
        l.move_by(db, delta).unwrap();
        check(db, &l, what);
    }
    l.select(db, l.total - 1).unwrap();
    check(db, &l, "end");
    for _ in 0..pages {
        l.move_by(db, -9).unwrap();
        check(db, &l, "page up from the end");
    }
    for _ in 0..12 {
        l.move_by(db, -1).unwrap();
        check(db, &l, "row up from the end");
    }
}

#[test]
fn keyset_windows_are_the_windows_by_position() {
    let db = demo_ward();
    let someone = db.active_staff(None, 1).unwrap().rows.remove(0);
    let section = db
        .section_of(someone.unit_id)
        .unwrap()
        .map(|u| u.id)
        .unwrap();
    let units = db.unit_subtree(section).unwrap();
    for v in VIEWS {
        for sort in 0..v.columns.len() {
            for desc in [false, true] {
                let base = ViewQuery {
                    sort,
                    desc,
                    ..ViewQuery::on(today())
                };
                let year = ViewQuery {
                    fiscal_year: v.has_fiscal_year().then_some(2025),
                    ..base.clone()
                };
                let scoped = ViewQuery {
                    units: Some(units.clone()),
                    ..year.clone()
                };
                for q in [base, year, scoped] {
                    walk(&db, v, q);
                }
            }
        }
    }
}

/// A row changed under the window (another clerk's edit moving it elsewhere in the
/// order) leaves no gap and no row twice: the next page is still the page by position.
#[test]
fn a_row_moved_elsewhere_in_the_order_is_not_lost() {
    let db = demo_ward();
    let v = jinji::store::views::view("staff").unwrap();
    let mut answers = Answers::default();
    let mut l = ListState::new(v, today());
    l.height = 10;
    // By reading (五十音順).
    l.query.sort = 1;
    l.reload(&db, &mut answers).unwrap();
    l.move_by(&db, 10).unwrap();
    // The last row shown leaves for the end of the reading order.
    let gone = l.rows.last().unwrap().id;
    let mut s: Staff = db.get(gone).unwrap();
    s.family_kana = "ンンン".into();
    db.update(&mut s).unwrap();
    l.move_by(&db, 10).unwrap();
    let by_position = db.view_rows(v, &l.query, l.offset, 10).unwrap();
    assert_eq!(l.rows.len(), 10);
    // The window read after the old last row's key starts where that row used to be:
    // exactly the rows after it by position, none of them the row that moved.
    assert!(l.rows.iter().all(|r| r.id != gone));
    assert_eq!(l.rows[1..], by_position[..9]);
}

/// Read straight from the store, the page after a row and the page before one are the
/// pages by position for every list as it first opens (whose sort keys are never empty).
#[test]
fn the_store_reads_the_page_after_and_before_a_row() {
    let db = demo_ward();
    let h = 8;
    for v in VIEWS {
        for desc in [false, true] {
            let q = ViewQuery {
                sort: v.default_sort,
                desc,
                fiscal_year: v.has_fiscal_year().then_some(2025),
                ..ViewQuery::on(today())
            };
            let rows = db.view_rows(v, &q, 0, 3 * h).unwrap();
            if rows.len() < 3 * h {
                continue;
            }
            let next = db.view_rows_next(v, &q, &rows[h - 1], h, false).unwrap();
            assert_eq!(next.as_deref(), Some(&rows[h..2 * h]), "{} after", v.name);
            let before = db.view_rows_next(v, &q, &rows[2 * h], h, true).unwrap();
            assert_eq!(
                before.as_deref(),
                Some(&rows[h..2 * h]),
                "{} before",
                v.name
            );
            // Past the list's start there are not enough rows: read by position instead.
            let short = db.view_rows_next(v, &q, &rows[2], h, true).unwrap();
            assert_eq!(short, None, "{} before the start", v.name);
        }
    }
}
