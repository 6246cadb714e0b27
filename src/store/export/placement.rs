//! The kinds of 人事配置 beside the others (`kinds`): 発令, where each job type works,
//! leave periods, and 定数 with 現員 — of every year, or of one day (`--as-of`).

use super::{Access, ExportKind, person, unit};
use crate::store::staffing::counted_on_day;

// 発令一覧: each 発令 as issued, by day (the transfer round's, and those to come from
// 兼務 and 定年).
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

// 定数 by unit, year and class; 現員, 欠員 and 過員 on the year's 1 April (the day the
// year's 定数 takes effect) are read-only columns the import ignores.
pub(super) const POSTS: ExportKind = ExportKind {
    name: "posts",
    access: Access::Owned(&[unit("p.unit_id")]),
    headers: &[
        "unit_code",
        "fiscal_year",
        "class",
        "count",
        "present",
        "vacant",
        "over",
    ],
    sql: "SELECT u.code, p.fiscal_year, p.class, p.count, n.present,
                 max(p.count - n.present, 0), max(n.present - p.count, 0)
          FROM unit_posts p JOIN units u ON u.id = p.unit_id
          JOIN (SELECT q.id, (SELECT count(*) FROM post_fills f
                  WHERE f.unit_id = q.unit_id AND f.class = q.class AND f.counted
                  AND f.start_date <= printf('%04d-04-01', q.fiscal_year)
                  AND (f.end_date IS NULL OR f.end_date >= printf('%04d-04-01', q.fiscal_year))
                  AND NOT (f.status = 'retired' AND (f.retire_date IS NULL
                       OR f.retire_date < printf('%04d-04-01', q.fiscal_year)))) AS present
                FROM unit_posts q) n ON n.id = p.id
          WHERE ?SCOPE
          ORDER BY u.code, p.fiscal_year, CASE p.class WHEN 'director' THEN 0
              WHEN 'section_chief' THEN 1 WHEN 'team_chief' THEN 2 WHEN 'general' THEN 3
              ELSE 4 END",
};

/// 定数 and 現員 of one day (`jinji export posts --as-of DATE`): the 定数 of the day's
/// fiscal year, with 現員, 欠員 and 過員 counted on the day itself, as the 定数・現員
/// view shows them. The same headers as `posts`, so the file imports back. 現員 is one
/// aggregate of the day's posts joined to the rows (see `staffing::fills_sql`).
pub static POSTS_AS_OF: ExportKind = ExportKind {
    name: "posts",
    access: Access::Owned(&[unit("p.unit_id")]),
    headers: &[
        "unit_code",
        "fiscal_year",
        "class",
        "count",
        "present",
        "vacant",
        "over",
    ],
    sql: concat!(
        "SELECT u.code, p.fiscal_year, p.class, p.count, coalesce(n.present, 0),
                max(p.count - coalesce(n.present, 0), 0), max(coalesce(n.present, 0) - p.count, 0)
         FROM unit_posts p JOIN units u ON u.id = p.unit_id
         LEFT JOIN (SELECT f.unit_id, f.class, count(*) AS present FROM post_fills f WHERE ",
        counted_on_day!(),
        " GROUP BY f.unit_id, f.class) n ON n.unit_id = p.unit_id AND n.class = p.class
         WHERE ?SCOPE
         AND p.fiscal_year = CAST(substr(:day, 1, 4) AS INTEGER) - (substr(:day, 6, 2) < '04')
         ORDER BY u.code, CASE p.class WHEN 'director' THEN 0 WHEN 'section_chief' THEN 1
             WHEN 'team_chief' THEN 2 WHEN 'general' THEN 3 ELSE 4 END"
    ),
};
