//! Who may sit a round of promotion selection, written once as SQL for the eligibility
//! list, a person's own application, the figures and the command line. A row is a person
//! (`t`, a `staff` row) against a round (`x`, an `exams` row) of its kind (`k`).
//!
//! - Only people in the positions the kind takes: from `from_position` up to just below
//!   the position it promotes to (`ExamKind::takes`), and not retired.
//! - The verdict names the first rule the person falls short of, in the order a ward's
//!   notice lists them: already on the kind's pool from an earlier round (a passer waits
//!   for a post, and does not sit again), employment kind, whole years in the present position by the
//!   base date (counted from `took_up!`), age on the base date, and the last so many
//!   finalized 能力評価 (periods ended by the base date), each at the floor or above.

/// A position's seniority as `Position::rank` gives it (0 is the most senior).
macro_rules! rank {
    ($p:literal) => {
        concat!(
            "(CASE ",
            $p,
            " WHEN 'director' THEN 0 WHEN 'section_chief' THEN 1 WHEN 'deputy_chief' THEN 2
               WHEN 'team_chief' THEN 3 WHEN 'senior' THEN 4 ELSE 5 END)"
        )
    };
}

/// The person `t` is of the positions round `x`'s kind `k` takes.
macro_rules! sits {
    () => {
        concat!(
            "t.status <> 'retired' AND ",
            crate::store::exam_rules::rank!("t.position"),
            " > ",
            crate::store::exam_rules::rank!("k.to_position"),
            " AND ",
            crate::store::exam_rules::rank!("t.position"),
            " <= ",
            crate::store::exam_rules::rank!("k.from_position")
        )
    };
}

/// The grades of `t`'s last finalized 能力評価 (periods ended by the base date), newest
/// first, as one string (`BAB`): as many as a kind may count (`EVAL_COUNT_MAX`), read
/// down the periods newest first, each person's evaluation of a period found by its
/// index — a few lookups a person, where a city's eligibility reads a hundred thousand.
macro_rules! last_grades {
    () => {
        "(SELECT group_concat(g, '' ORDER BY d DESC) FROM (SELECT e.grade AS g, p.end_date AS d
             FROM eval_periods p JOIN evaluations e ON e.staff_id = t.id AND e.period_id = p.id
             WHERE p.kind = 'competency' AND p.end_date <= x.base_date
               AND e.state IN ('finalized', 'disclosed')
             ORDER BY p.end_date DESC LIMIT 3))"
    };
}

/// The grades of `last_grades!` the kind counts (its `eval_count` newest).
macro_rules! counted_grades {
    () => {
        concat!(
            "substr(",
            crate::store::exam_rules::last_grades!(),
            ", 1, k.eval_count)"
        )
    };
}

/// The verdict code (`domain::exam::Verdict`) of `t` for round `x`.
macro_rules! verdict {
    () => {
        concat!(
            "(CASE WHEN EXISTS (SELECT 1 FROM exam_entries pe JOIN exams px ON px.id = pe.exam_id
                     WHERE pe.staff_id = t.id AND px.kind_id = k.id
                       AND px.fiscal_year < x.fiscal_year AND pe.pool_until >= x.base_date)
                   THEN 'pooled'
                 WHEN k.employment_kind IS NOT NULL AND t.employment_kind <> k.employment_kind
                   THEN 'employment'
                 WHEN ",
            crate::store::exam_rules::whole_years!(
                "x.base_date",
                crate::store::training_rules::took_up!("t")
            ),
            " < k.min_years THEN 'years'
                 WHEN k.min_age IS NOT NULL AND ",
            crate::store::exam_rules::whole_years!("x.base_date", "t.birth_date"),
            " < k.min_age THEN 'age'
                 WHEN k.max_age IS NOT NULL AND ",
            crate::store::exam_rules::whole_years!("x.base_date", "t.birth_date"),
            " > k.max_age THEN 'age'
                 WHEN k.eval_count > 0 AND NOT (SELECT length(c) = k.eval_count
                       AND (k.eval_floor = 'D'
                         OR c NOT GLOB '*[' || substr('SABCD', instr('SABCD', k.eval_floor) + 1) || ']*')
                     FROM (SELECT ",
            crate::store::exam_rules::counted_grades!(),
            " AS c)) THEN 'evaluation'
                 ELSE 'eligible' END)"
        )
    };
}

/// Whole years to the ISO day `$to` from the ISO day the rest of the tokens give (read
/// once: the days as numbers, YYYYMMDD, apart by whole ten-thousands).
macro_rules! whole_years {
    ($to:literal, $($from:tt)+) => {
        concat!(
            "((CAST(replace(",
            $to,
            ", '-', '') AS INTEGER) - CAST(replace(",
            $($from)+,
            ", '-', '') AS INTEGER)) / 10000)"
        )
    };
}

/// The candidates of the rounds `x` (joined to their kinds `k`): the FROM of every
/// reading of eligibility.
macro_rules! candidates {
    () => {
        concat!(
            "exams x JOIN exam_kinds k ON k.id = x.kind_id JOIN staff t ON ",
            crate::store::exam_rules::sits!()
        )
    };
}

pub(crate) use {candidates, counted_grades, last_grades, rank, sits, verdict, whole_years};

#[cfg(test)]
mod tests {
    use crate::domain::staff::Position;

    #[test]
    fn the_sql_rank_is_the_positions_rank() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        for p in Position::ALL {
            let sql = format!("SELECT {} FROM (SELECT ?1 AS p)", rank!("p"));
            let r: i64 = conn.query_row(&sql, [p.code()], |r| r.get(0)).unwrap();
            assert_eq!(r, p.rank() as i64, "{p:?}");
        }
    }
}
