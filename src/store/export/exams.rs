//! The kinds of promotion selection: the year's rounds with their counts (`exams`), and
//! each entry with its scores and result (`exam_results`), which HR also brings in from
//! the spreadsheet the tests were marked in.

use super::{Access, ExportKind, person};

pub(super) const EXAMS: ExportKind = ExportKind {
    name: "exams",
    access: Access::Whole,
    headers: &[
        "fiscal_year",
        "exam_code",
        "exam_name",
        "base_date",
        "applications_close",
        "held_on",
        "announced_on",
        "state",
        "applicants",
        "passers",
    ],
    sql: "SELECT x.fiscal_year, k.code, k.name, x.base_date, x.applications_close, x.held_on,
                 x.announced_on, x.state,
                 (SELECT count(*) FROM exam_entries e
                   WHERE e.exam_id = x.id AND e.result <> 'withdrawn'),
                 (SELECT count(*) FROM exam_entries e
                   WHERE e.exam_id = x.id AND e.result = 'passed')
          FROM exams x JOIN exam_kinds k ON k.id = x.kind_id
          ORDER BY x.fiscal_year, k.code",
};

pub(super) const EXAM_RESULTS: ExportKind = ExportKind {
    name: "exam_results",
    access: Access::Owned(&[person("s.id", "s.unit_id")]),
    headers: &[
        "fiscal_year",
        "exam_code",
        "staff_no",
        "family_name",
        "given_name",
        "applied_on",
        "applied_via",
        "written",
        "essay",
        "interview",
        "result",
        "pool_until",
    ],
    sql: "SELECT x.fiscal_year, k.code, s.staff_no, s.family_name, s.given_name, e.applied_on,
                 e.applied_via, e.written, e.essay, e.interview, e.result, e.pool_until
          FROM exam_entries e JOIN exams x ON x.id = e.exam_id
          JOIN exam_kinds k ON k.id = x.kind_id JOIN staff s ON s.id = e.staff_id
          WHERE ?SCOPE
          ORDER BY x.fiscal_year, k.code, s.staff_no",
};
