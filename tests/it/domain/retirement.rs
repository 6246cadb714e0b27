//! 定年 and 役職定年 (src/domain/retirement.rs, src/domain/post_limit.rs) and the terms of an appointment
//! (src/domain/employment.rs): every birth year 1955–1975 against the law's table written
//! out here, the 1 April / 2 April edges, the years nobody retires at 定年, and what a
//! term and a week may be.

use crate::support::d;
use jinji::domain::employment::{EmploymentKind, NextTerm, Terms, next_term};
use jinji::domain::post_limit::{limit_position, post_limit_date, post_limit_due};
use jinji::domain::retirement::{age_at_retirement, retirement_age, retirement_date};
use jinji::domain::staff::Position;
use jinji::domain::{Check, Date, Problem};

/// (birth year, 定年退職日, age on that day) for a birthday between 2 April and 31
/// December, whose cohort is the birth year itself: 60 until the amendment, then one year
/// more every two years, 65 from the cohort born in 1967.
const TABLE: &[(i32, (i32, u32, u32), i32)] = &[
    (1955, (2016, 3, 31), 60),
    (1956, (2017, 3, 31), 60),
    (1957, (2018, 3, 31), 60),
    (1958, (2019, 3, 31), 60),
    (1959, (2020, 3, 31), 60),
    (1960, (2021, 3, 31), 60),
    (1961, (2022, 3, 31), 60),
    (1962, (2024, 3, 31), 61),
    (1963, (2025, 3, 31), 61),
    (1964, (2027, 3, 31), 62),
    (1965, (2029, 3, 31), 63),
    (1966, (2031, 3, 31), 64),
    (1967, (2033, 3, 31), 65),
    (1968, (2034, 3, 31), 65),
    (1969, (2035, 3, 31), 65),
    (1970, (2036, 3, 31), 65),
    (1971, (2037, 3, 31), 65),
    (1972, (2038, 3, 31), 65),
    (1973, (2039, 3, 31), 65),
    (1974, (2040, 3, 31), 65),
    (1975, (2041, 3, 31), 65),
];

fn ymd((y, m, dd): (i32, u32, u32)) -> Date {
    d(y, m, dd)
}

#[test]
fn every_birth_year_from_1955_to_1975_retires_where_the_table_says() {
    for &(year, day, age) in TABLE {
        for (m, dd) in [(4, 2), (6, 15), (12, 31)] {
            let birth = d(year, m, dd);
            assert_eq!(retirement_date(birth), ymd(day), "born {birth:?}");
            assert_eq!(age_at_retirement(birth), age, "born {birth:?}");
        }
        // Born 1 January to 1 April of the next year: the same school-year cohort.
        for (m, dd) in [(1, 1), (3, 31), (4, 1)] {
            let birth = d(year + 1, m, dd);
            assert_eq!(retirement_date(birth), ymd(day), "born {birth:?}");
        }
    }
}

#[test]
fn a_first_of_april_birthday_retires_with_the_year_before() {
    // One reaches an age the day before the birthday: born 1 April, 60 on 31 March.
    assert_eq!(retirement_date(d(1961, 4, 1)), d(2021, 3, 31));
    assert_eq!(retirement_date(d(1961, 4, 2)), d(2022, 3, 31));
    assert_eq!(retirement_date(d(1962, 4, 1)), d(2022, 3, 31));
    assert_eq!(retirement_date(d(1962, 4, 2)), d(2024, 3, 31));
    assert_eq!(retirement_date(d(1963, 4, 1)), d(2024, 3, 31));
    assert_eq!(retirement_date(d(1963, 4, 2)), d(2025, 3, 31));
    assert_eq!(retirement_date(d(1967, 4, 1)), d(2031, 3, 31));
    assert_eq!(retirement_date(d(1967, 4, 2)), d(2033, 3, 31));
    // 29 February is simply a day after 1 January.
    assert_eq!(retirement_date(d(1964, 2, 29)), d(2025, 3, 31));
}

#[test]
fn nobody_retires_at_teinen_on_31_march_2023_2026_2028_2030_or_2032() {
    let mut day = d(1940, 1, 1);
    let mut seen = std::collections::BTreeSet::new();
    while day <= d(1990, 12, 31) {
        seen.insert(retirement_date(day).year());
        day = day.add_days(1);
    }
    for empty in [2023, 2026, 2028, 2030, 2032] {
        assert!(!seen.contains(&empty), "someone retires on {empty}-03-31");
    }
    // And every other year from 2000 to 2050 has its retirements.
    for y in (2000..=2050).filter(|y| ![2023, 2026, 2028, 2030, 2032].contains(y)) {
        assert!(seen.contains(&y), "nobody retires on {y}-03-31");
    }
}

#[test]
fn the_age_in_force_rises_every_two_years_from_fy2023() {
    let ages: Vec<i32> = (2021..=2032).map(retirement_age).collect();
    assert_eq!(ages, [60, 60, 61, 61, 62, 62, 63, 63, 64, 64, 65, 65]);
}

#[test]
fn a_manager_leaves_the_post_on_the_first_1_april_on_or_after_turning_60() {
    assert_eq!(post_limit_date(d(1966, 4, 1)), d(2026, 4, 1));
    assert_eq!(post_limit_date(d(1966, 4, 2)), d(2027, 4, 1));
    assert_eq!(post_limit_date(d(1966, 3, 31)), d(2026, 4, 1));
    assert_eq!(post_limit_date(d(1965, 12, 31)), d(2026, 4, 1));
    assert_eq!(post_limit_date(d(1964, 2, 29)), d(2024, 4, 1));
}

#[test]
fn the_post_limit_reaches_section_chiefs_and_above_unless_excepted() {
    let chief = limit_position(1);
    assert_eq!(chief, Position::SectionChief);
    let born = d(1966, 6, 1);
    let due = Some(d(2027, 4, 1));
    assert_eq!(post_limit_due(born, Position::Director, chief, None), due);
    assert_eq!(
        post_limit_due(born, Position::SectionChief, chief, None),
        due
    );
    assert_eq!(
        post_limit_due(born, Position::DeputyChief, chief, None),
        None
    );
    assert_eq!(post_limit_due(born, Position::Clerk, chief, None), None);
    // The ward may reach further down.
    let deputies = limit_position(2);
    assert_eq!(
        post_limit_due(born, Position::DeputyChief, deputies, None),
        due
    );
    assert_eq!(limit_position(0), Position::Director);
    assert_eq!(limit_position(3), Position::TeamChief);
    // An exception (特例任用) that reaches the day keeps the post; one ending before does not.
    let e = Some(d(2028, 3, 31));
    assert_eq!(post_limit_due(born, Position::SectionChief, chief, e), None);
    let short = Some(d(2027, 3, 31));
    assert_eq!(
        post_limit_due(born, Position::SectionChief, chief, short),
        due
    );
    // The rule began on 1 April 2023: nobody left a post by it before.
    assert_eq!(
        post_limit_due(d(1962, 4, 1), Position::Director, chief, None),
        None
    );
    assert_eq!(
        post_limit_due(d(1962, 4, 2), Position::Director, chief, None),
        Some(d(2023, 4, 1))
    );
}

fn terms(kind: EmploymentKind, hours: f64) -> Terms {
    Terms {
        kind,
        weekly_hours: hours,
        term_start: None,
        term_end: None,
        renewals: 0,
    }
}

fn problems(t: &Terms) -> Vec<(&'static str, Problem)> {
    let mut c = Check::new();
    t.check(&mut c);
    match c.finish() {
        Ok(()) => Vec::new(),
        Err(e) => e.0.into_iter().map(|e| (e.field, e.problem)).collect(),
    }
}

fn rule(field: &'static str, rule: &'static str) -> (&'static str, Problem) {
    (field, Problem::Rule { rule })
}

#[test]
fn full_time_kinds_work_38_75_hours_and_short_time_kinds_less() {
    assert!(problems(&terms(EmploymentKind::Regular, 38.75)).is_empty());
    assert_eq!(
        problems(&terms(EmploymentKind::Regular, 31.0)),
        [rule("weekly_hours", "weekly_hours_full")]
    );
    let mut reappointed = terms(EmploymentKind::ReappointedShort, 31.0);
    reappointed.term_end = Some(d(2027, 3, 31));
    assert!(problems(&reappointed).is_empty());
    for h in [38.75, 0.0, -1.0, 40.0, f64::NAN] {
        assert_eq!(
            problems(&terms(EmploymentKind::PreRetirementShort, h)),
            [rule("weekly_hours", "weekly_hours_short")],
            "{h}"
        );
    }
}

#[test]
fn a_fiscal_year_term_lies_within_one_fiscal_year() {
    let mut t = terms(EmploymentKind::FiscalPart, 29.0);
    assert_eq!(
        problems(&t),
        [
            ("term_end", Problem::Required),
            ("term_start", Problem::Required)
        ]
    );
    t.term_start = Some(d(2026, 4, 1));
    t.term_end = Some(d(2027, 3, 31));
    assert!(problems(&t).is_empty());
    t.term_start = Some(d(2026, 10, 1));
    assert!(problems(&t).is_empty(), "a term begun in the year");
    t.term_end = Some(d(2027, 4, 1));
    assert_eq!(problems(&t), [rule("term_end", "term_in_fiscal_year")]);
    t.term_start = Some(d(2026, 3, 31));
    t.term_end = Some(d(2026, 4, 30));
    assert_eq!(problems(&t), [rule("term_end", "term_in_fiscal_year")]);
    t.term_end = Some(d(2026, 3, 1));
    assert_eq!(
        problems(&t),
        [(
            "term_end",
            Problem::Before {
                other: "term_start"
            }
        )]
    );
}

#[test]
fn only_kinds_with_a_term_have_one_and_only_fiscal_ones_count_renewals() {
    let mut t = terms(EmploymentKind::Regular, 38.75);
    t.term_end = Some(d(2027, 3, 31));
    t.renewals = 1;
    assert_eq!(
        problems(&t),
        [
            rule("term_end", "term_not_of_kind"),
            rule("renewals", "renewals_fiscal_only")
        ]
    );
    let mut f = terms(EmploymentKind::FixedTerm, 38.75);
    f.term_end = Some(d(2029, 3, 31));
    assert!(problems(&f).is_empty(), "a fixed term may run for years");
    let mut r = terms(EmploymentKind::FiscalFull, 38.75);
    r.term_start = Some(d(2026, 4, 1));
    r.term_end = Some(d(2027, 3, 31));
    r.renewals = 4;
    assert!(problems(&r).is_empty());
}

#[test]
fn after_the_wards_number_of_renewals_the_next_april_is_an_open_call() {
    assert_eq!(next_term(0, 2), NextTerm::Renewal);
    assert_eq!(next_term(1, 2), NextTerm::Renewal);
    assert_eq!(next_term(2, 2), NextTerm::OpenCall);
    assert_eq!(next_term(4, 2), NextTerm::OpenCall);
    assert_eq!(next_term(0, 0), NextTerm::OpenCall);
}
