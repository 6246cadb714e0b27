//! The kinds of 人事配置 beside the others (`kinds`): 発令, where each job type works,
//! leave periods, and 定数 with 現員 — of every year, or of one day (`--as-of`).

use super::{Access, ExportKind, person, unit};
use crate::store::staffing::counted_on;

// 発令一覧: each 発令 as issued, by day (the transfer round's, the posts held beside a
// main one and their end, and 定年退職).
pub(super) const APPOINTMENTS: ExportKind = ExportKind {
    name: "appointments",
    access: Access::Owned(&[person("s.id", "s.unit_id")]),
    headers: &[
        "issued_on",
        "staff_no",
        "family_name",
        "given_name",
        "kind",
        "unit_code",
        "position",
        "text",
        "plan_id",
    ],
    sql: "SELECT a.issued_on, s.staff_no, s.family_name, s.given_name, a.kind, u.code,
                 a.position, a.text, a.plan_id
          FROM appointments a JOIN staff s ON s.id = a.staff_id
          LEFT JOIN units u ON u.id = a.unit_id
          WHERE ?SCOPE
          ORDER BY a.issued_on, s.staff_no, a.id",
};

// Where each job type works (the plan check's table).
pub(super) const JOB_FITS: ExportKind = ExportKind {
    name: "job_fits",
    access: Access::Whole,
    headers: &["job_type", "unit_code"],
    sql: "SELECT f.job_type, u.code FROM job_fits f JOIN units u ON u.id = f.unit_id
          ORDER BY f.job_type, u.code",
};

pub(super) const LEAVES: ExportKind = ExportKind {
    name: "leaves",
    access: Access::Owned(&[person("s.id", "s.unit_id")]),
    headers: &["staff_no", "kind", "start_date", "end_date", "note"],
    sql: "SELECT s.staff_no, l.kind, l.start_date, l.end_date, l.note
          FROM leaves l JOIN staff s ON s.id = l.staff_id
          WHERE ?SCOPE
          ORDER BY s.staff_no, l.start_date, l.kind, l.id",
};

/// The columns of both `posts` kinds: the import reads the first four, and ignores
/// 現員, 欠員 and 過員.
const POSTS_HEADERS: &[&str] = &[
    "unit_code",
    "fiscal_year",
    "class",
    "count",
    "present",
    "vacant",
    "over",
];

/// What both `posts` kinds select: each 定数 row with 現員 from the aggregate `n`
/// joined to it (none counted: 0), and 欠員 and 過員 from the two.
macro_rules! posts_select {
    () => {
        "SELECT u.code, p.fiscal_year, p.class, p.count, coalesce(n.present, 0),
                max(p.count - coalesce(n.present, 0), 0), max(coalesce(n.present, 0) - p.count, 0)
         FROM unit_posts p JOIN units u ON u.id = p.unit_id "
    };
}

/// Classes from the top: 部長級, 課長級, 係長級, 一般, 会計年度任用.
macro_rules! class_order {
    () => {
        "CASE p.class WHEN 'director' THEN 0 WHEN 'section_chief' THEN 1
             WHEN 'team_chief' THEN 2 WHEN 'general' THEN 3 ELSE 4 END"
    };
}

// 定数 by unit, year and class, with 現員, 欠員 and 過員 on each year's 1 April (the day
// its 定数 takes effect): one aggregate per year kept, as `staffing::fills_sql` counts
// one day, rather than a count for each row.
pub(super) const POSTS: ExportKind = ExportKind {
    name: "posts",
    access: Access::Owned(&[unit("p.unit_id")]),
    headers: POSTS_HEADERS,
    sql: concat!(
        posts_select!(),
        "LEFT JOIN (SELECT y.fy, f.unit_id, f.class, count(*) AS present
              FROM (SELECT DISTINCT fiscal_year AS fy, printf('%04d-04-01', fiscal_year) AS day
                    FROM unit_posts) y
              JOIN post_fills f ON ",
        counted_on!("y.day"),
        " GROUP BY y.fy, f.unit_id, f.class) n
           ON n.fy = p.fiscal_year AND n.unit_id = p.unit_id AND n.class = p.class
         WHERE ?SCOPE
         ORDER BY u.code, p.fiscal_year, ",
        class_order!()
    ),
};

/// 定数 and 現員 of one day (`jinji export posts --as-of DATE`): the 定数 of the day's
/// fiscal year, with 現員, 欠員 and 過員 counted on the day itself, as the 定数・現員
/// view shows them. The same headers as `posts`, so the file imports back.
pub static POSTS_AS_OF: ExportKind = ExportKind {
    name: "posts",
    access: Access::Owned(&[unit("p.unit_id")]),
    headers: POSTS_HEADERS,
    sql: concat!(
        posts_select!(),
        "LEFT JOIN (SELECT f.unit_id, f.class, count(*) AS present FROM post_fills f WHERE ",
        counted_on!(":day"),
        " GROUP BY f.unit_id, f.class) n ON n.unit_id = p.unit_id AND n.class = p.class
         WHERE ?SCOPE
         AND p.fiscal_year = CAST(substr(:day, 1, 4) AS INTEGER) - (substr(:day, 6, 2) < '04')
         ORDER BY u.code, ",
        class_order!()
    ),
};
