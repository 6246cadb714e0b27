//! Windows read down an index in the list's order (`ViewDef::ordered`, with the rows left
//! out read after: a section's own PDCA cycles, people without a supervisor) hold exactly
//! the rows of the whole list sorted, for every view, every sort both ways, a year and a
//! section, from the start and from the end; and so do a list sorted once into ids and
//! read back by id (an order no index holds).

use crate::support::demo_ward;
use jinji::domain::Date;
use jinji::store::Cell;
use jinji::store::Db;
use jinji::store::views::{VIEWS, ViewDef, ViewQuery};

/// The whole list in its order, as the export reads it (every row sorted at once).
fn sorted(db: &Db, v: &ViewDef, q: &ViewQuery) -> Vec<Vec<Cell>> {
    let mut all = Vec::new();
    db.view_each(v, q, |cells| {
        all.push(cells.to_vec());
        Ok(())
    })
    .unwrap();
    all
}

#[test]
fn windows_in_index_order_are_the_sorted_rows() {
    let db = demo_ward();
    let today = Date::from_ymd(2026, 11, 24);
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
                    ..ViewQuery::on(today)
                };
                let year = ViewQuery {
                    fiscal_year: Some(2026),
                    ..base.clone()
                };
                let scoped = ViewQuery {
                    units: Some(units.clone()),
                    ..year.clone()
                };
                for q in [base, year, scoped] {
                    let all = sorted(&db, v, &q);
                    let total = all.len();
                    // About a dozen windows a list, of an odd size so they straddle.
                    let step = (total / 12).max(7) | 1;
                    let mut read = Vec::new();
                    let mut offset = 0;
                    while offset < total {
                        let w = if offset > total / 2 {
                            db.view_rows_near_end(v, &q, total, offset, step).unwrap()
                        } else {
                            db.view_rows(v, &q, offset, step).unwrap()
                        };
                        assert!(!w.is_empty(), "{} {q:?}: nothing at {offset}", v.name);
                        read.extend(w.into_iter().map(|r| r.cells));
                        offset += step;
                    }
                    assert_eq!(read.len(), total, "{} {q:?}", v.name);
                    // Sorted once into ids, then read by id: the same rows.
                    let ids = db.view_order(v, &q).unwrap();
                    let by_id: Vec<_> = db
                        .view_rows_by_ids(v, &q, &ids)
                        .unwrap()
                        .into_iter()
                        .map(|r| r.cells)
                        .collect();
                    assert_eq!(
                        by_id, all,
                        "{} sort {sort} desc {desc} by id: {q:?}",
                        v.name
                    );
                    for (i, (a, b)) in read.iter().zip(&all).enumerate() {
                        assert_eq!(a, b, "{} sort {sort} desc {desc} row {i}: {q:?}", v.name);
                    }
                    // A window past the end of the rows read in order (into those left
                    // out) starts where it should.
                    if total > 3 {
                        let w = db.view_rows(v, &q, total - 3, 10).unwrap();
                        let cells: Vec<_> = w.into_iter().map(|r| r.cells).collect();
                        assert_eq!(cells, all[total - 3..].to_vec(), "{} tail {q:?}", v.name);
                    }
                }
            }
        }
    }
}
