//! The demo ward's appointments (src/demo/appointments.rs): about a third of the people
//! 会計年度任用 with renewal counts 0–4, 再任用 people after 定年 (some short-time), people
//! serving at 60–62, 役職定年 moves in past Aprils, and retirements at 定年 exactly on the
//! law's day, so none on 31 March 2023 or 2026.

use crate::support::generated;
use crate::support::{d, today};

use generated::*;
use jinji::domain::post_limit::post_limit_date;
use jinji::domain::retirement::retirement_date;
use jinji::store::views::{ViewQuery, view};

#[test]
fn about_a_third_of_the_people_are_fiscal_year_appointees() {
    for f in all() {
        let staff = f.staff();
        let serving: Vec<_> = staff.iter().filter(|s| !s.retired()).collect();
        let fiscal = serving
            .iter()
            .filter(|s| s.kind.starts_with("fiscal_year"))
            .count();
        let share = fiscal as f64 / serving.len() as f64;
        eprintln!("[{}] 会計年度任用 {fiscal} of {}", f.name, serving.len());
        // Forty people are a small sample.
        let range = if serving.len() < 100 {
            0.15..=0.5
        } else {
            0.28..=0.38
        };
        assert!(range.contains(&share), "[{}] {share}", f.name);
    }
    let f = default_demo();
    let part = f.int("SELECT count(*) FROM staff WHERE employment_kind = 'fiscal_year_part'");
    let full = f.int("SELECT count(*) FROM staff WHERE employment_kind = 'fiscal_year_full'");
    assert!(
        part > 2 * full && full > 0,
        "part-time {part}, full-time {full}"
    );
    let renewals = f.rows(
        "SELECT DISTINCT renewals FROM staff WHERE employment_kind LIKE 'fiscal_year%'
         ORDER BY 1",
        |r| r.get::<_, i64>(0),
    );
    assert_eq!(renewals, [0, 1, 2, 3, 4]);
    // Each in the rank and file, for this fiscal year's term.
    let odd = f.int(
        "SELECT count(*) FROM staff WHERE employment_kind LIKE 'fiscal_year%'
         AND (position NOT IN ('clerk', 'engineer') OR term_start <> '2026-04-01' OR term_end <> '2027-03-31')",
    );
    assert_eq!(odd, 0);
}

#[test]
fn reappointed_people_serve_after_their_teinen_some_short_time() {
    let f = default_demo();
    let full = f.int("SELECT count(*) FROM staff WHERE employment_kind = 'reappointed_full'");
    let short = f.int(
        "SELECT count(*) FROM staff WHERE employment_kind = 'reappointed_short'
         AND weekly_hours < 38.75",
    );
    assert!(
        full > 0 && short > 0,
        "再任用 {full} full-time, {short} short-time"
    );
    for s in f
        .staff()
        .iter()
        .filter(|s| s.kind.starts_with("reappointed"))
    {
        assert!(
            retirement_date(s.birth) < today(),
            "{} reappointed before their 定年",
            s.staff_no
        );
    }
}

#[test]
fn regular_people_serve_at_60_to_62_and_none_past_their_teinen() {
    let f = default_demo();
    let fy_start = d(2026, 4, 1);
    let ages: Vec<i32> = f
        .staff()
        .iter()
        .filter(|s| !s.retired() && s.kind == "regular")
        .map(|s| fy_start.years_since(s.birth))
        .filter(|&a| a >= 60)
        .collect();
    assert!(ages.len() >= 3, "serving at 60 or over: {ages:?}");
    assert!(ages.iter().all(|&a| a <= 62), "{ages:?}");
}

#[test]
fn managers_left_their_posts_at_60_in_past_aprils() {
    let f = default_demo();
    let staff = f.staff_by_id();
    let mut moves = Vec::new();
    for (id, posts) in f.assignments() {
        for w in posts.windows(2) {
            if w[0].position == "section_chief" && w[1].position == "deputy_chief" {
                moves.push(w[1].start);
                assert_eq!(w[1].start, post_limit_date(staff[&id].birth));
                assert_eq!(w[1].reason, "transfer");
            }
        }
    }
    assert!(moves.len() >= 2, "役職定年 moves: {moves:?}");
    assert!(moves.iter().all(|m| *m >= d(2023, 4, 1) && *m <= today()));
}

#[test]
fn retirements_at_teinen_fall_on_the_laws_day_and_never_on_31_march_2023_or_2026() {
    for f in all() {
        let staff = f.staff();
        let retired: Vec<_> = staff.iter().filter(|s| s.retired()).collect();
        // The city holds two years, FY2025 and FY2026, and nobody retired at 定年 on
        // 31 March 2026.
        assert_eq!(retired.is_empty(), f.name == "city", "[{}]", f.name);
        for s in &retired {
            assert_eq!(
                s.retire,
                Some(retirement_date(s.birth)),
                "[{}] {}",
                f.name,
                s.staff_no
            );
            for empty in [d(2023, 3, 31), d(2026, 3, 31)] {
                assert_ne!(s.retire, Some(empty), "[{}] {}", f.name, s.staff_no);
            }
        }
    }
}

#[test]
fn the_appointment_worklists_have_work_in_the_demo_year() {
    let f = default_demo();
    let db = f.db();
    for name in ["retirements_due", "post_limit_due", "fiscal_terms_ending"] {
        let q = ViewQuery {
            fiscal_year: Some(2026),
            ..ViewQuery::on(today())
        };
        let n = db.view_count(view(name).unwrap(), &q).unwrap();
        eprintln!("{name}: {n}");
        assert!(n > 0, "{name} is empty");
    }
}
