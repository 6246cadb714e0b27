//! Two rules of training written once, as SQL, for every list, panel, count and export
//! that needs them:
//!
//! - what a person still owes of the courses their position requires (必修未受講), by each
//!   requirement's period: a course due every fiscal year is owed until completed in the
//!   year; one due within some months of taking up the position (hire or promotion) is
//!   owed once that time ends within the year, until completed after taking it up; one
//!   due once is owed until completed. Only people at work owe anything: those away on
//!   a leave today (休職・休業, 派遣) are exempt while away, and owe again once it ends. The
//!   status read here follows each person's leaves (`store::leaves`), so the lists read
//!   one indexed column rather than the periods.
//! - the year's compliance training (the training half of a compliance record): the day
//!   the person first completed, in that fiscal year, a compliance course the register
//!   requires every year. It is recorded as an enrolment in 研修 and nowhere else, so the
//!   コンプライアンス tab and the 研修 tab count the same people.
//!
//! `{fy}` is the fiscal year in view, filled in by `Db::bind` (or `owed_in`).

/// The day a person (`$p`, a `staff` row) took up their present position: their first
/// post in it, else their hire.
macro_rules! took_up {
    ($p:literal) => {
        concat!(
            "coalesce((SELECT min(a.start_date) FROM assignments a WHERE a.staff_id = ",
            $p,
            ".id AND a.position = ",
            $p,
            ".position), ",
            $p,
            ".hire_date)"
        )
    };
}

/// True when person `$p` owes requirement `q` (a `course_requirements` row) in year
/// `{fy}`.
macro_rules! owes {
    ($p:literal) => {
        concat!(
            "(NOT EXISTS (SELECT 1 FROM enrolments e JOIN training_sessions ts ON ts.id = e.session_id
               WHERE e.staff_id = ",
            $p,
            ".id AND ts.course_id = q.course_id AND e.state = 'completed'
                 AND (q.period = 'once'
                   OR (q.period = 'every_year' AND ts.fiscal_year = {fy})
                   OR (q.period = 'within_months' AND e.completed_on >= ",
            $crate::store::training_rules::took_up!($p),
            ")))
             AND (q.period <> 'within_months'
               OR date(",
            $crate::store::training_rules::took_up!($p),
            ", '+' || q.months || ' months') <= printf('%04d-03-31', {fy} + 1)))"
        )
    };
}

/// People who owe anything in year `{fy}`: at work, hired by the year's end.
macro_rules! owing_person {
    ($p:literal) => {
        concat!(
            $p,
            ".status = 'active' AND ",
            $p,
            ".hire_date <= printf('%04d-03-31', {fy} + 1)"
        )
    };
}

/// Requirement `q` of course `c` is one person `$p` owes in year `{fy}` (a course still
/// offered, required of their position).
macro_rules! owed_where {
    ($p:literal) => {
        concat!(
            "q.position = ",
            $p,
            ".position AND c.until IS NULL AND ",
            $crate::store::training_rules::owing_person!($p),
            " AND ",
            $crate::store::training_rules::owes!($p)
        )
    };
}

/// The requirements person `$p` owes in year `{fy}`, as `FROM … WHERE …` over
/// `course_requirements q` and `courses c`.
macro_rules! owed {
    ($p:literal) => {
        concat!(
            "FROM course_requirements q JOIN courses c ON c.id = q.course_id WHERE ",
            $crate::store::training_rules::owed_where!($p)
        )
    };
}

/// The day the person of compliance record `$r` did the year's compliance training, or
/// NULL.
macro_rules! compliance_training_done {
    ($r:literal) => {
        concat!(
            "(SELECT min(e.completed_on) FROM enrolments e
               JOIN training_sessions ts ON ts.id = e.session_id
              WHERE e.staff_id = ",
            $r,
            ".staff_id AND e.state = 'completed' AND ts.fiscal_year = ",
            $r,
            ".fiscal_year
                AND ts.course_id IN (SELECT q.course_id FROM course_requirements q
                      JOIN courses k ON k.id = q.course_id
                     WHERE q.period = 'every_year' AND k.category = 'compliance'))"
        )
    };
}

pub(super) use {compliance_training_done, owed, owed_where, owes, owing_person, took_up};

/// `sql` with the fiscal year put in where the rules name `{fy}`.
pub(super) fn owed_in(sql: &str, fy: crate::domain::FiscalYear) -> String {
    sql.replace("{fy}", &fy.to_string())
}
