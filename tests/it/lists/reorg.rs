//! History lists under the names of their day: on the demo ward, a post in the section
//! renamed on 2022-04-01 that began before then reads the old name; today's lists the new.

use crate::support::{demo_ward, today};
use jinji::store::views::{ViewQuery, view};

#[test]
fn the_post_history_names_a_renamed_section_as_it_was() {
    let db = demo_ward();
    let sec = db.unit_by_code("200100").unwrap().unwrap();
    assert_eq!(sec.name, "戸籍住民課");
    // Every post in the section: those begun before 2022-04-01 say 区民課, the rest the
    // name of today.
    let posts: Vec<(String, String)> = {
        let all = db
            .view_rows(
                view("assignments").unwrap(),
                &ViewQuery::on(today()),
                0,
                100_000,
            )
            .unwrap();
        let ids: Vec<i64> = all.iter().map(|r| r.id).collect();
        let mut out = Vec::new();
        for (r, id) in all.iter().zip(ids) {
            let a: jinji::domain::assignment::Assignment = db.get(id).unwrap();
            if a.unit_id == sec.id {
                out.push((a.start_date.iso(), r.cells[2].as_text()));
            }
        }
        out
    };
    assert!(
        posts.iter().any(|(d, _)| d.as_str() < "2022-04-01"),
        "{posts:?}"
    );
    assert!(
        posts.iter().any(|(d, _)| d.as_str() >= "2022-04-01"),
        "{posts:?}"
    );
    for (day, name) in posts {
        let want = if day.as_str() < "2022-04-01" {
            "区民課"
        } else {
            "戸籍住民課"
        };
        assert_eq!(name, want, "a post of {day}");
    }
    // Today's staff list names the section as it is now.
    let staff = db
        .view_rows(view("staff").unwrap(), &ViewQuery::on(today()), 0, 100_000)
        .unwrap();
    assert!(
        !staff
            .iter()
            .any(|r| r.cells.iter().any(|c| c.as_text() == "区民課"))
    );
}
