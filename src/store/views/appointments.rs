//! Appointment worklists (任用): who retires at 定年 at the end of the year in view, who
//! reaches the post age limit (役職定年) on the 1 April after it, and whose 会計年度任用
//! term ends in it, with 更新 or 公募 due. Each condition is a range or an equality on an
//! indexed column of `staff` (the derived `retirement_date`, `birth_date`, `term_end`),
//! so a city's list is a window on an index, not a rule computed for every person; each
//! list is first sorted by the column its index orders (the retirements by birth date
//! within the day), so its windows are read down, and seek along, that index.

use super::ColKind::*;
use super::{FULL_NAME, STAFF_NO, UNIT, ViewCol, ViewDef, col};

/// What the three lists share: one row a person (`t`, also `s` for the shared columns),
/// seen and scoped by that person and their unit, no state, oldest first.
const PEOPLE: ViewDef = ViewDef {
    name: "",
    table: "staff",
    from: "staff t JOIN staff s ON s.id = t.id LEFT JOIN units u ON u.id = t.unit_id",
    ordered: None,
    unowned: None,
    columns: &[],
    staff: Some("t.id"),
    unit: Some("t.unit_id"),
    fiscal_year: None,
    state: None,
    default_sort: 0,
    default_desc: false,
};

const POSITION: ViewCol = col("position", "t.position", Code("position"));
const BIRTH_DATE: ViewCol = col("birth_date", "t.birth_date", Date);
const RETIREMENT_DATE: ViewCol = col("retirement_date", "t.retirement_date", Date);
const EMPLOYMENT_KIND: ViewCol = col(
    "employment_kind",
    "t.employment_kind",
    Code("employment_kind"),
);

/// 定年退職予定者: the 定年退職日 is the 31 March that ends the year in view. Those the
/// April round has already retired on that day stay on their year's list.
pub static RETIREMENTS_DUE: ViewDef = ViewDef {
    name: "retirements_due",
    columns: &[
        STAFF_NO,
        FULL_NAME,
        UNIT,
        POSITION,
        BIRTH_DATE,
        // The age reached in law on the day (one reaches an age the day before the
        // birthday, so 1 April birthdays count a year earlier).
        col(
            "retirement_age",
            "CAST(substr(t.retirement_date, 1, 4) AS INTEGER)
               - CAST(substr(t.birth_date, 1, 4) AS INTEGER)
               - (substr(t.birth_date, 6, 5) > '04-01')",
            Int,
        ),
        RETIREMENT_DATE,
        EMPLOYMENT_KIND,
        col("retire_date", "t.retire_date", Date),
    ],
    fiscal_year: Some(
        "t.retirement_date = printf('%04d-03-31', {fy} + 1)
         AND (t.status <> 'retired' OR t.retire_date = t.retirement_date)",
    ),
    default_sort: 4,
    ..PEOPLE
};

/// 役職定年 対象者: people in a 管理監督職 (at or above the ward rule's position, by the
/// ranks of `Position::rank`) who reach 60 in law within the year in view, and so leave
/// the post on the 1 April after it (`domain::post_limit::post_limit_date`), without a
/// recorded exception (特例任用) reaching that day. The rule began on 2023-04-01.
pub static POST_LIMIT_DUE: ViewDef = ViewDef {
    name: "post_limit_due",
    columns: &[
        STAFF_NO,
        FULL_NAME,
        UNIT,
        POSITION,
        BIRTH_DATE,
        col("post_limit_date", "printf('%04d-04-01', {fy} + 1)", Date),
        RETIREMENT_DATE,
        col("post_limit_exception", "t.post_limit_exception", Date),
    ],
    fiscal_year: Some(
        "{fy} >= 2022 AND t.status <> 'retired'
         AND t.employment_kind = 'regular'
         AND t.position IN ('director', 'section_chief', 'deputy_chief', 'team_chief')
         AND t.birth_date BETWEEN printf('%04d-04-02', {fy} - 60)
                              AND printf('%04d-04-01', {fy} - 59)
         AND (CASE t.position WHEN 'director' THEN 0 WHEN 'section_chief' THEN 1
              WHEN 'deputy_chief' THEN 2 WHEN 'team_chief' THEN 3 ELSE 9 END)
             <= {rule:post_age_limit_position}
         AND (t.post_limit_exception IS NULL
              OR t.post_limit_exception < printf('%04d-04-01', {fy} + 1))",
    ),
    default_sort: 4,
    ..PEOPLE
};

/// 会計年度任用 任期満了: terms ending in the year in view; the next April is a 更新, or a
/// 公募 once the ward's number of renewals is reached (`domain::employment::next_term`).
pub static FISCAL_TERMS_ENDING: ViewDef = ViewDef {
    name: "fiscal_terms_ending",
    columns: &[
        STAFF_NO,
        FULL_NAME,
        UNIT,
        col("term_end", "t.term_end", Date),
        col("renewals", "t.renewals", Int),
        col(
            "next_term",
            "CASE WHEN t.renewals >= {rule:fiscal_renewals_before_open_call}
                  THEN 'open_call' ELSE 'renewal' END",
            Code("next_term"),
        ),
        EMPLOYMENT_KIND,
        col("weekly_hours", "t.weekly_hours", Real),
        col("term_start", "t.term_start", Date),
    ],
    fiscal_year: Some(
        "t.employment_kind IN ('fiscal_year_full', 'fiscal_year_part')
         AND t.status <> 'retired'
         AND t.term_end BETWEEN printf('%04d-04-01', {fy}) AND printf('%04d-03-31', {fy} + 1)",
    ),
    default_sort: 3,
    ..PEOPLE
};
