//! The office calendar's rules against the holidays the Cabinet Office published for
//! 2019–2027 (every day, by its Japanese name), each rule of 国民の祝日に関する法律 at its
//! edges, and the appeal window counted in 開庁日.

use crate::support::d;
use jinji::domain::Date;
use jinji::domain::calendar::{Calendar, Closure};
use jinji::domain::eval_flow::{EvalRules, response_deadline};
use jinji::domain::evaluation::{EvalState, Evaluation};
use jinji::domain::holidays::{
    Holiday, autumnal_equinox, closed_by_rule, national_holidays, vernal_equinox,
};
use jinji::i18n::Lang;

/// The published lists (内閣府「国民の祝日について」), one line a day; 休日 written by
/// the kind of day off it is (振替休日, 国民の休日).
const PUBLISHED: &[(i32, &str)] = &[
    (
        2019,
        "2019-01-01 元日;2019-01-14 成人の日;2019-02-11 建国記念の日;2019-03-21 春分の日;
         2019-04-29 昭和の日;2019-04-30 国民の休日;2019-05-01 天皇の即位の日;
         2019-05-02 国民の休日;2019-05-03 憲法記念日;2019-05-04 みどりの日;
         2019-05-05 こどもの日;2019-05-06 振替休日;2019-07-15 海の日;2019-08-11 山の日;
         2019-08-12 振替休日;2019-09-16 敬老の日;2019-09-23 秋分の日;2019-10-14 体育の日;
         2019-10-22 即位礼正殿の儀;2019-11-03 文化の日;2019-11-04 振替休日;
         2019-11-23 勤労感謝の日",
    ),
    (
        2020,
        "2020-01-01 元日;2020-01-13 成人の日;2020-02-11 建国記念の日;2020-02-23 天皇誕生日;
         2020-02-24 振替休日;2020-03-20 春分の日;2020-04-29 昭和の日;2020-05-03 憲法記念日;
         2020-05-04 みどりの日;2020-05-05 こどもの日;2020-05-06 振替休日;2020-07-23 海の日;
         2020-07-24 スポーツの日;2020-08-10 山の日;2020-09-21 敬老の日;2020-09-22 秋分の日;
         2020-11-03 文化の日;2020-11-23 勤労感謝の日",
    ),
    (
        2021,
        "2021-01-01 元日;2021-01-11 成人の日;2021-02-11 建国記念の日;2021-02-23 天皇誕生日;
         2021-03-20 春分の日;2021-04-29 昭和の日;2021-05-03 憲法記念日;2021-05-04 みどりの日;
         2021-05-05 こどもの日;2021-07-22 海の日;2021-07-23 スポーツの日;2021-08-08 山の日;
         2021-08-09 振替休日;2021-09-20 敬老の日;2021-09-23 秋分の日;2021-11-03 文化の日;
         2021-11-23 勤労感謝の日",
    ),
    (
        2022,
        "2022-01-01 元日;2022-01-10 成人の日;2022-02-11 建国記念の日;2022-02-23 天皇誕生日;
         2022-03-21 春分の日;2022-04-29 昭和の日;2022-05-03 憲法記念日;2022-05-04 みどりの日;
         2022-05-05 こどもの日;2022-07-18 海の日;2022-08-11 山の日;2022-09-19 敬老の日;
         2022-09-23 秋分の日;2022-10-10 スポーツの日;2022-11-03 文化の日;
         2022-11-23 勤労感謝の日",
    ),
    (
        2023,
        "2023-01-01 元日;2023-01-02 振替休日;2023-01-09 成人の日;2023-02-11 建国記念の日;
         2023-02-23 天皇誕生日;2023-03-21 春分の日;2023-04-29 昭和の日;2023-05-03 憲法記念日;
         2023-05-04 みどりの日;2023-05-05 こどもの日;2023-07-17 海の日;2023-08-11 山の日;
         2023-09-18 敬老の日;2023-09-23 秋分の日;2023-10-09 スポーツの日;2023-11-03 文化の日;
         2023-11-23 勤労感謝の日",
    ),
    (
        2024,
        "2024-01-01 元日;2024-01-08 成人の日;2024-02-11 建国記念の日;2024-02-12 振替休日;
         2024-02-23 天皇誕生日;2024-03-20 春分の日;2024-04-29 昭和の日;2024-05-03 憲法記念日;
         2024-05-04 みどりの日;2024-05-05 こどもの日;2024-05-06 振替休日;2024-07-15 海の日;
         2024-08-11 山の日;2024-08-12 振替休日;2024-09-16 敬老の日;2024-09-22 秋分の日;
         2024-09-23 振替休日;2024-10-14 スポーツの日;2024-11-03 文化の日;2024-11-04 振替休日;
         2024-11-23 勤労感謝の日",
    ),
    (
        2025,
        "2025-01-01 元日;2025-01-13 成人の日;2025-02-11 建国記念の日;2025-02-23 天皇誕生日;
         2025-02-24 振替休日;2025-03-20 春分の日;2025-04-29 昭和の日;2025-05-03 憲法記念日;
         2025-05-04 みどりの日;2025-05-05 こどもの日;2025-05-06 振替休日;2025-07-21 海の日;
         2025-08-11 山の日;2025-09-15 敬老の日;2025-09-23 秋分の日;2025-10-13 スポーツの日;
         2025-11-03 文化の日;2025-11-23 勤労感謝の日;2025-11-24 振替休日",
    ),
    (
        2026,
        "2026-01-01 元日;2026-01-12 成人の日;2026-02-11 建国記念の日;2026-02-23 天皇誕生日;
         2026-03-20 春分の日;2026-04-29 昭和の日;2026-05-03 憲法記念日;2026-05-04 みどりの日;
         2026-05-05 こどもの日;2026-05-06 振替休日;2026-07-20 海の日;2026-08-11 山の日;
         2026-09-21 敬老の日;2026-09-22 国民の休日;2026-09-23 秋分の日;
         2026-10-12 スポーツの日;2026-11-03 文化の日;2026-11-23 勤労感謝の日",
    ),
    (
        2027,
        "2027-01-01 元日;2027-01-11 成人の日;2027-02-11 建国記念の日;2027-02-23 天皇誕生日;
         2027-03-21 春分の日;2027-03-22 振替休日;2027-04-29 昭和の日;2027-05-03 憲法記念日;
         2027-05-04 みどりの日;2027-05-05 こどもの日;2027-07-19 海の日;2027-08-11 山の日;
         2027-09-20 敬老の日;2027-09-23 秋分の日;2027-10-11 スポーツの日;2027-11-03 文化の日;
         2027-11-23 勤労感謝の日",
    ),
];

/// A year's holidays as `DATE NAME`, by the names the screens and the command line show.
fn computed(year: i32) -> Vec<String> {
    national_holidays(year)
        .into_iter()
        .map(|(day, h)| format!("{} {}", day.iso(), Lang::Ja.label("holiday", h.code())))
        .collect()
}

#[test]
fn the_published_holidays_of_2019_to_2027() {
    for (year, list) in PUBLISHED {
        let want: Vec<String> = list.split(';').map(|l| l.trim().to_string()).collect();
        assert_eq!(computed(*year), want, "{year}");
    }
}

#[test]
fn every_holiday_has_its_name_in_both_languages() {
    for h in Holiday::ALL {
        for lang in [Lang::Ja, Lang::En] {
            assert!(lang.try_t(&format!("enum.holiday.{}", h.code())).is_some());
        }
    }
    assert_eq!(Lang::En.label("holiday", "sports_day"), "Sports Day");
}

fn on(day: Date) -> Option<Holiday> {
    closed_by_rule(day)
}

#[test]
fn a_sunday_holidays_day_off() {
    // A holiday on a Sunday: the Monday (2024-02-11 → 2/12).
    assert_eq!(on(d(2024, 2, 11)), Some(Holiday::Foundation));
    assert_eq!(on(d(2024, 2, 12)), Some(Holiday::Substitute));
    // A Sunday holiday followed by more holidays: the first day that is none.
    assert_eq!(on(d(2019, 5, 6)), Some(Holiday::Substitute));
    assert_eq!(on(d(2020, 5, 6)), Some(Holiday::Substitute));
    assert_eq!(on(d(2020, 5, 7)), None);
    // Until 2006 only the Monday: 5/4 on a Sunday (not yet a named day) gave nothing.
    assert_eq!(on(d(1997, 5, 4)), None);
    assert_eq!(on(d(1997, 5, 6)), None);
    assert_eq!(on(d(2008, 5, 6)), Some(Holiday::Substitute));
    // Until 2006 the Monday was a day off only when it was no holiday itself.
    assert_eq!(on(d(1992, 5, 4)), Some(Holiday::Substitute));
    assert_eq!(on(d(1992, 5, 6)), None);
    // The day off is a holiday of the law, not 年末年始.
    assert_eq!(on(d(2023, 1, 2)), Some(Holiday::Substitute));
    // None before the amendment of 12 April 1973; the first one on 30 April.
    assert_eq!(on(d(1973, 2, 12)), None);
    assert_eq!(on(d(1973, 4, 30)), Some(Holiday::Substitute));
}

#[test]
fn a_day_between_two_holidays() {
    assert_eq!(on(d(2026, 9, 22)), Some(Holiday::Citizens));
    assert_eq!(on(d(2032, 9, 21)), Some(Holiday::Citizens));
    assert_eq!(on(d(2032, 9, 20)), Some(Holiday::RespectForAged));
    assert_eq!(on(d(2032, 9, 22)), Some(Holiday::AutumnalEquinox));
    assert_eq!(on(d(1988, 5, 4)), Some(Holiday::Citizens), "the first one");
    assert_eq!(on(d(1985, 5, 4)), None, "before the amendment");
    assert_eq!(on(d(1986, 5, 4)), None, "a Sunday, left out until 2006");
    assert_eq!(on(d(2009, 9, 22)), Some(Holiday::Citizens));
    assert_eq!(
        on(d(2007, 5, 4)),
        Some(Holiday::Greenery),
        "named from 2007"
    );
    assert_eq!(
        on(d(2027, 9, 21)),
        None,
        "敬老 9/20 and 秋分 9/23 leave two days"
    );
}

#[test]
fn the_equinoxes_by_the_formula_at_both_ends() {
    assert_eq!(vernal_equinox(1948), Some(d(1948, 3, 21)));
    assert_eq!(autumnal_equinox(1948), Some(d(1948, 9, 23)));
    assert_eq!(on(d(1948, 9, 23)), Some(Holiday::AutumnalEquinox));
    assert_eq!(on(d(1948, 3, 21)), None, "before the law took effect");
    assert_eq!(vernal_equinox(2099), Some(d(2099, 3, 20)));
    assert_eq!(autumnal_equinox(2099), Some(d(2099, 9, 23)));
    assert_eq!(vernal_equinox(1960), Some(d(1960, 3, 20)));
    assert_eq!(vernal_equinox(1979), Some(d(1979, 3, 21)));
    assert_eq!(autumnal_equinox(1979), Some(d(1979, 9, 24)));
    assert_eq!(autumnal_equinox(2012), Some(d(2012, 9, 22)));
    assert_eq!(vernal_equinox(2025), Some(d(2025, 3, 20)));
    assert_eq!(vernal_equinox(2151), None, "beyond the formula");
}

#[test]
fn the_law_starts_on_20_july_1948() {
    assert_eq!(
        national_holidays(1948),
        vec![
            (d(1948, 9, 23), Holiday::AutumnalEquinox),
            (d(1948, 11, 3), Holiday::Culture),
            (d(1948, 11, 23), Holiday::LabourThanksgiving),
        ]
    );
    assert!(national_holidays(1947).is_empty());
    assert_eq!(on(d(1948, 5, 3)), None);
    assert_eq!(
        on(d(1948, 1, 1)),
        Some(Holiday::YearEnd),
        "the office's rule alone"
    );
    assert_eq!(on(d(1949, 1, 1)), Some(Holiday::NewYear));
}

#[test]
fn fixed_days_moved_by_amendments_and_happy_mondays() {
    assert_eq!(on(d(1988, 4, 29)), Some(Holiday::EmperorsBirthday));
    assert_eq!(on(d(1989, 4, 29)), Some(Holiday::Greenery));
    assert_eq!(on(d(2007, 4, 29)), Some(Holiday::Showa));
    assert_eq!(
        on(d(2018, 12, 24)),
        Some(Holiday::Substitute),
        "12/23 on a Sunday"
    );
    assert_eq!(on(d(2019, 12, 23)), None, "no Emperor's birthday in 2019");
    assert_eq!(on(d(2020, 2, 23)), Some(Holiday::EmperorsBirthday));
    assert_eq!(on(d(1966, 2, 11)), None);
    assert_eq!(on(d(1967, 2, 11)), Some(Holiday::Foundation));
    assert_eq!(on(d(1995, 7, 20)), None);
    assert_eq!(on(d(1996, 7, 20)), Some(Holiday::Marine));
    assert_eq!(on(d(2002, 7, 20)), Some(Holiday::Marine));
    assert_eq!(on(d(2003, 7, 21)), Some(Holiday::Marine), "3rd Monday");
    assert_eq!(on(d(2002, 9, 15)), Some(Holiday::RespectForAged));
    assert_eq!(
        on(d(2003, 9, 15)),
        Some(Holiday::RespectForAged),
        "3rd Monday"
    );
    assert_eq!(on(d(2015, 8, 11)), None);
    assert_eq!(on(d(2016, 8, 11)), Some(Holiday::Mountain));
    assert_eq!(on(d(1999, 1, 15)), Some(Holiday::ComingOfAge));
    assert_eq!(on(d(2000, 1, 10)), Some(Holiday::ComingOfAge), "2nd Monday");
    assert_eq!(on(d(2000, 1, 15)), None);
    assert_eq!(on(d(1999, 10, 10)), Some(Holiday::HealthSports));
    assert_eq!(on(d(2000, 10, 9)), Some(Holiday::HealthSports));
    assert_eq!(on(d(2019, 10, 14)), Some(Holiday::HealthSports));
    // The Olympic years: 海の日, スポーツの日 and 山の日 moved, and nothing left behind.
    assert_eq!(on(d(2020, 7, 23)), Some(Holiday::Marine));
    assert_eq!(on(d(2020, 7, 24)), Some(Holiday::Sports));
    assert_eq!(on(d(2020, 8, 10)), Some(Holiday::Mountain));
    assert_eq!(on(d(2021, 7, 22)), Some(Holiday::Marine));
    assert_eq!(on(d(2021, 7, 23)), Some(Holiday::Sports));
    assert_eq!(on(d(2021, 8, 8)), Some(Holiday::Mountain));
    assert_eq!(on(d(2020, 10, 12)), None);
    assert_eq!(on(d(2020, 7, 20)), None);
    assert_eq!(on(d(2020, 8, 11)), None);
    assert_eq!(on(d(2021, 10, 11)), None);
    assert_eq!(on(d(2021, 7, 19)), None);
    assert_eq!(on(d(2021, 8, 11)), None);
}

#[test]
fn the_days_special_laws_made_holidays() {
    for (day, h) in [
        (d(1959, 4, 10), Holiday::Wedding1959),
        (d(1989, 2, 24), Holiday::ShowaFuneral),
        (d(1990, 11, 12), Holiday::Enthronement),
        (d(1993, 6, 9), Holiday::Wedding1993),
        (d(2019, 5, 1), Holiday::Accession),
        (d(2019, 10, 22), Holiday::Enthronement),
    ] {
        assert_eq!(on(day), Some(h), "{day}");
    }
}

#[test]
fn the_year_end_closure_and_the_ward_days() {
    let cal = Calendar::with_ward_days([(d(2026, 11, 27), "区制施行記念日".to_string())]);
    for day in [
        d(2026, 12, 29),
        d(2026, 12, 31),
        d(2027, 1, 2),
        d(2027, 1, 3),
    ] {
        assert_eq!(
            cal.closed(day),
            Some(Closure::Rule(Holiday::YearEnd)),
            "{day}"
        );
    }
    assert_eq!(
        cal.closed(d(2027, 1, 1)),
        Some(Closure::Rule(Holiday::NewYear))
    );
    assert_eq!(
        cal.closed(d(2026, 11, 27)),
        Some(Closure::Ward("区制施行記念日".into()))
    );
    assert_eq!(cal.closed(d(2026, 12, 28)), None);
    assert!(cal.is_open(d(2026, 12, 28)) && !cal.is_open(d(2026, 12, 26)));
}

/// An evaluation disclosed on `on`.
fn disclosed(on: Date) -> Evaluation {
    let mut e = Evaluation::draft(1, 2, Some(3), None);
    e.state = EvalState::Disclosed;
    e.disclosed_on = Some(on);
    e
}

#[test]
fn the_appeal_window_counts_open_days() {
    let rules = EvalRules::default();
    assert_eq!(rules.response_days, 7);
    // Friday 2025-10-03: スポーツの日 (Monday 10/13) is not counted.
    assert_eq!(
        response_deadline(&disclosed(d(2025, 10, 3)), &rules),
        Some(d(2025, 10, 15))
    );
    // Friday 2026-12-25: 年末年始 and 成人の日 (2027-01-11) are not counted.
    assert_eq!(
        response_deadline(&disclosed(d(2026, 12, 25)), &rules),
        Some(d(2027, 1, 12))
    );
    // A day the ward closes is not counted either.
    let ward = EvalRules {
        calendar: Calendar::with_ward_days([(d(2025, 10, 10), "庁舎移転".to_string())]),
        ..EvalRules::default()
    };
    assert_eq!(
        response_deadline(&disclosed(d(2025, 10, 3)), &ward),
        Some(d(2025, 10, 16))
    );
}
