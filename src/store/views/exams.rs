//! The lists of promotion selection (昇任選考): the kinds the ward holds and their rules,
//! each year's rounds with their counts, who may sit them and why not, the entries with
//! their scores and results, and the 合格者名簿 the April round promotes from.

use super::ColKind::*;
use super::{FULL_NAME, STAFF_NO, UNIT, ViewDef, col};
use crate::store::exam_rules::{counted_grades, rank, sits, verdict, whole_years};

pub static EXAM_KINDS: ViewDef = ViewDef {
    name: "exam_kinds",
    table: "exam_kinds",
    from: "exam_kinds t",
    ordered: None,
    unowned: None,
    columns: &[
        col("exam_code", "t.code", Text),
        col("name", "t.name", Text),
        col("exam_from", "t.from_position", Code("position")),
        col("promoted_to", "t.to_position", Code("position")),
        col("promoted_grade", "t.to_grade", Int),
        col("min_years", "t.min_years", Int),
        col("min_age", "t.min_age", Int),
        col("max_age", "t.max_age", Int),
        col("eval_count", "t.eval_count", Int),
        col("eval_floor", "t.eval_floor", Text),
        col("pool_years", "t.pool_years", Int),
        col(
            "employment_kind",
            "t.employment_kind",
            Code("employment_kind"),
        ),
    ],
    staff: None,
    unit: None,
    fiscal_year: None,
    state: None,
    default_sort: 0,
    default_desc: false,
};

/// Applications that stand (not withdrawn), and passes, of round `t`.
const APPLICANTS: &str =
    "(SELECT count(*) FROM exam_entries e WHERE e.exam_id = t.id AND e.result <> 'withdrawn')";
const PASSERS: &str =
    "(SELECT count(*) FROM exam_entries e WHERE e.exam_id = t.id AND e.result = 'passed')";

pub static EXAMS: ViewDef = ViewDef {
    name: "exams",
    table: "exams",
    from: "exams t JOIN exam_kinds k ON k.id = t.kind_id",
    ordered: None,
    unowned: None,
    columns: &[
        col("exam_kind", "k.name", Text),
        col("base_date", "t.base_date", Date),
        col("applications_close", "t.applications_close", Date),
        col("exam_held_on", "t.held_on", Date),
        col("applicants", APPLICANTS, Int),
        col("passers", PASSERS, Int),
        col("exam_announced_on", "t.announced_on", Date),
        col("exam_state", "t.state", Code("exam_state")),
    ],
    staff: None,
    unit: None,
    fiscal_year: Some("t.fiscal_year"),
    state: Some(("t.state", "exam_state")),
    default_sort: 0,
    default_desc: false,
};

/// Everyone in the positions the year's rounds take, each with the rule they fall short
/// of, if any (the verdict is read for the rows on screen; filtered by it, for all).
pub static EXAM_ELIGIBILITY: ViewDef = ViewDef {
    name: "exam_eligibility",
    table: "staff",
    from: concat!(
        "exams x JOIN exam_kinds k ON k.id = x.kind_id JOIN staff t ON ",
        sits!(),
        " JOIN staff s ON s.id = t.id LEFT JOIN units u ON u.id = t.unit_id"
    ),
    ordered: Some(concat!(
        "staff s CROSS JOIN staff t ON t.id = s.id CROSS JOIN exams x
           CROSS JOIN exam_kinds k ON k.id = x.kind_id AND ",
        sits!(),
        " LEFT JOIN units u ON u.id = t.unit_id"
    )),
    unowned: None,
    columns: &[
        col("exam_kind", "k.name", Text),
        STAFF_NO,
        FULL_NAME,
        col("exam_verdict", verdict!(), Code("exam_verdict")),
        col("position", "t.position", Code("position")),
        col(
            "years_in_post",
            whole_years!("x.base_date", crate::store::training_rules::took_up!("t")),
            Int,
        ),
        col("age", whole_years!("x.base_date", "t.birth_date"), Int),
        col("counted_grades", counted_grades!(), Text),
        col(
            "applied",
            "CASE WHEN EXISTS (SELECT 1 FROM exam_entries en
                 WHERE en.exam_id = x.id AND en.staff_id = t.id) THEN '○' ELSE '' END",
            Text,
        ),
        UNIT,
    ],
    staff: Some("t.id"),
    unit: Some("t.unit_id"),
    fiscal_year: Some("x.fiscal_year = {fy}"),
    state: Some((verdict!(), "exam_verdict")),
    default_sort: 1,
    default_desc: false,
};

/// The total of an entry's scores, when any is recorded.
const TOTAL: &str = "CASE WHEN coalesce(t.written, t.essay, t.interview) IS NOT NULL
    THEN coalesce(t.written, 0) + coalesce(t.essay, 0) + coalesce(t.interview, 0) END";

/// Entries (`t`) with their round (`x`), its kind (`k`), the person (`s`) and their unit.
const ENTRIES_FROM: &str = "exam_entries t JOIN exams x ON x.id = t.exam_id
    JOIN exam_kinds k ON k.id = x.kind_id
    JOIN staff s ON s.id = t.staff_id LEFT JOIN units u ON u.id = s.unit_id";

/// The same, read down the staff index (see `ViewDef::ordered`).
const ENTRIES_BY_PERSON: &str = "staff s CROSS JOIN exam_entries t ON t.staff_id = s.id
    CROSS JOIN exams x ON x.id = t.exam_id CROSS JOIN exam_kinds k ON k.id = x.kind_id
    LEFT JOIN units u ON u.id = s.unit_id";

pub static EXAM_ENTRIES: ViewDef = ViewDef {
    name: "exam_entries",
    table: "exam_entries",
    from: ENTRIES_FROM,
    ordered: Some(ENTRIES_BY_PERSON),
    unowned: None,
    columns: &[
        col("exam_kind", "k.name", Text),
        STAFF_NO,
        FULL_NAME,
        col("exam_result", "t.result", Code("exam_result")),
        col("total", TOTAL, Int),
        col("written", "t.written", Int),
        col("essay", "t.essay", Int),
        col("interview", "t.interview", Int),
        col("applied_via", "t.applied_via", Code("applied_via")),
        col("pool_until", "t.pool_until", Date),
        UNIT,
    ],
    staff: Some("t.staff_id"),
    unit: Some("s.unit_id"),
    fiscal_year: Some("x.fiscal_year"),
    state: Some(("t.result", "exam_result")),
    default_sort: 1,
    default_desc: false,
};

/// Passers who stand on the pool on the April round after the year in view (its 1 April)
/// and are not yet in the position they passed for.
pub static EXAM_POOL: ViewDef = ViewDef {
    name: "exam_pool",
    table: "exam_entries",
    from: ENTRIES_FROM,
    ordered: Some(ENTRIES_BY_PERSON),
    unowned: None,
    columns: &[
        col("exam_kind", "k.name", Text),
        STAFF_NO,
        FULL_NAME,
        col("position", "s.position", Code("position")),
        col(
            "in_plan",
            "CASE WHEN EXISTS (SELECT 1 FROM transfer_moves m JOIN transfer_plans p
                 ON p.id = m.plan_id WHERE m.staff_id = t.staff_id AND p.state = 'draft')
             THEN '○' ELSE '' END",
            Text,
        ),
        col("total", TOTAL, Int),
        col("pool_until", "t.pool_until", Date),
        col("fiscal_year", "x.fiscal_year", Int),
        UNIT,
    ],
    staff: Some("t.staff_id"),
    unit: Some("s.unit_id"),
    fiscal_year: Some(concat!(
        "t.pool_until >= printf('%04d-04-01', {fy} + 1) AND s.status <> 'retired' AND ",
        rank!("s.position"),
        " > ",
        rank!("k.to_position")
    )),
    state: None,
    default_sort: 1,
    default_desc: false,
};
