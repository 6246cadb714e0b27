//! Japan's national holidays by the rules of 国民の祝日に関する法律 (in force from
//! 1948-07-20) and its amendments, with the days special laws made holidays; and the
//! office's own closure at the turn of the year (年末年始, 29 December – 3 January).
//!
//! Computed, never stored: the rules below are the one truth the CLI, the screens and
//! every count of 開庁日 read. They hold for 1948–2099 (the equinox formula's range; it
//! is extended to 2150 so that a fiscal year's last months are known too).

use chrono::{Datelike, Weekday};

use super::Date;
use crate::code_enum;

code_enum! {
    /// Why the rules close the office on a day (labels `enum.holiday.<code>`: the official
    /// names). The same day keeps one name through the years it is what it is: 4/29 is
    /// 天皇誕生日 to 1988, みどりの日 to 2006, 昭和の日 since.
    pub enum Holiday {
        NewYear = "new_year",
        ComingOfAge = "coming_of_age_day",
        Foundation = "foundation_day",
        EmperorsBirthday = "emperors_birthday",
        VernalEquinox = "vernal_equinox_day",
        Showa = "showa_day",
        Greenery = "greenery_day",
        Constitution = "constitution_day",
        Children = "childrens_day",
        Marine = "marine_day",
        Mountain = "mountain_day",
        RespectForAged = "respect_for_aged_day",
        AutumnalEquinox = "autumnal_equinox_day",
        // 体育の日 (1966–2019).
        HealthSports = "health_sports_day",
        // スポーツの日 (from 2020).
        Sports = "sports_day",
        Culture = "culture_day",
        LabourThanksgiving = "labour_thanksgiving_day",
        // 皇太子明仁親王の結婚の儀 (1959-04-10).
        Wedding1959 = "crown_prince_wedding_1959",
        // 昭和天皇の大喪の礼 (1989-02-24).
        ShowaFuneral = "showa_funeral",
        // 即位礼正殿の儀の行われる日 (1990-11-12, 2019-10-22).
        Enthronement = "enthronement_ceremony",
        // 皇太子徳仁親王の結婚の儀 (1993-06-09).
        Wedding1993 = "crown_prince_wedding_1993",
        // 天皇の即位の日 (2019-05-01).
        Accession = "accession_day",
        // 振替休日: the day off for a holiday that fell on a Sunday.
        Substitute = "substitute_holiday",
        // 国民の休日: a day between two holidays.
        Citizens = "citizens_holiday",
        // 年末年始: not a holiday of the law, but a day the office is closed.
        YearEnd = "year_end",
    }
}

/// The days special laws made holidays, once each.
const SPECIAL_DAYS: &[(i32, u32, u32, Holiday)] = &[
    (1959, 4, 10, Holiday::Wedding1959),
    (1989, 2, 24, Holiday::ShowaFuneral),
    (1990, 11, 12, Holiday::Enthronement),
    (1993, 6, 9, Holiday::Wedding1993),
    (2019, 5, 1, Holiday::Accession),
    (2019, 10, 22, Holiday::Enthronement),
];

/// The law took effect on 20 July 1948: nothing before is a holiday of it.
fn law_start() -> Date {
    Date::from_ymd(1948, 7, 20)
}

/// 振替休日 exist from the amendment of 12 April 1973.
fn substitutes_from() -> Date {
    Date::from_ymd(1973, 4, 12)
}

/// 国民の休日 exist from the amendment of 27 December 1985.
fn citizens_from() -> Date {
    Date::from_ymd(1985, 12, 27)
}

/// From 2007 a Sunday holiday's day off is the next day that is no holiday (before, only
/// the Monday, and none when the Monday was a holiday itself).
fn next_free_day_from() -> Date {
    Date::from_ymd(2007, 1, 1)
}

/// The `n`th Monday of a month (Happy Monday: 成人の日 and 体育の日 from 2000, 海の日 and
/// 敬老の日 from 2003).
fn nth_monday(year: i32, month: u32, n: u32) -> Date {
    let first = Date::from_ymd(year, month, 1);
    let to_monday = (7 - first.0.weekday().num_days_from_monday()) % 7;
    first.add_days(i64::from(to_monday + 7 * (n - 1)))
}

/// The day of the month of an equinox by the formula of the National Astronomical
/// Observatory's tables: `int(base + 0.242194 × (Y − 1980) − int((Y − leap) / 4))`,
/// with the base and leap-year offset of each century span. The inner division
/// truncates towards zero, as the formula's own `int` does for the years before 1983.
fn equinox(year: i32, bases: [f64; 3]) -> Option<u32> {
    let (base, leap) = match year {
        1900..=1979 => (bases[0], 1983),
        1980..=2099 => (bases[1], 1980),
        2100..=2150 => (bases[2], 1980),
        _ => return None,
    };
    let y = f64::from(year - 1980);
    let leaps = f64::from((year - leap) / 4);
    Some((base + 0.242194 * y - leaps).floor() as u32)
}

/// 春分の日 (in March).
pub fn vernal_equinox(year: i32) -> Option<Date> {
    equinox(year, [20.8357, 20.8431, 21.8510]).and_then(|d| Date::new(year, 3, d))
}

/// 秋分の日 (in September).
pub fn autumnal_equinox(year: i32) -> Option<Date> {
    equinox(year, [23.2588, 23.2488, 24.2488]).and_then(|d| Date::new(year, 9, d))
}

/// The holidays a year has by name (国民の祝日, and the special days), oldest first,
/// without the days off that follow from them.
fn named(year: i32) -> Vec<(Date, Holiday)> {
    use Holiday::*;
    let on = |m, d| Date::from_ymd(year, m, d);
    let mut v = vec![
        (on(1, 1), NewYear),
        (on(5, 3), Constitution),
        (on(5, 5), Children),
        (on(11, 3), Culture),
        (on(11, 23), LabourThanksgiving),
    ];
    v.push(if year < 2000 {
        (on(1, 15), ComingOfAge)
    } else {
        (nth_monday(year, 1, 2), ComingOfAge)
    });
    if year >= 1967 {
        v.push((on(2, 11), Foundation));
    }
    // The birthday of the Emperor of the day; none in 2019, the year of the accession.
    match year {
        ..=1988 => v.push((on(4, 29), EmperorsBirthday)),
        1989..=2018 => v.push((on(12, 23), EmperorsBirthday)),
        2020.. => v.push((on(2, 23), EmperorsBirthday)),
        _ => {}
    }
    match year {
        1989..=2006 => v.push((on(4, 29), Greenery)),
        2007.. => {
            v.push((on(4, 29), Showa));
            v.push((on(5, 4), Greenery));
        }
        _ => {}
    }
    v.extend(vernal_equinox(year).map(|d| (d, VernalEquinox)));
    v.extend(autumnal_equinox(year).map(|d| (d, AutumnalEquinox)));
    // The Tokyo Olympics moved 海の日, スポーツの日 and 山の日 in 2020 and again in 2021.
    match year {
        1996..=2002 => v.push((on(7, 20), Marine)),
        2020 => v.push((on(7, 23), Marine)),
        2021 => v.push((on(7, 22), Marine)),
        2003.. => v.push((nth_monday(year, 7, 3), Marine)),
        _ => {}
    }
    match year {
        2020 => v.push((on(8, 10), Mountain)),
        2021 => v.push((on(8, 8), Mountain)),
        2016.. => v.push((on(8, 11), Mountain)),
        _ => {}
    }
    match year {
        1966..=2002 => v.push((on(9, 15), RespectForAged)),
        2003.. => v.push((nth_monday(year, 9, 3), RespectForAged)),
        _ => {}
    }
    match year {
        1966..=1999 => v.push((on(10, 10), HealthSports)),
        2000..=2019 => v.push((nth_monday(year, 10, 2), HealthSports)),
        2020 => v.push((on(7, 24), Sports)),
        2021 => v.push((on(7, 23), Sports)),
        2022.. => v.push((nth_monday(year, 10, 2), Sports)),
        _ => {}
    }
    v.extend(
        SPECIAL_DAYS
            .iter()
            .filter(|s| s.0 == year)
            .map(|&(y, m, d, h)| (Date::from_ymd(y, m, d), h)),
    );
    let start = law_start();
    v.retain(|(d, _)| *d >= start);
    v.sort();
    v
}

/// Every holiday of the law in a year, oldest first: the named days, their 振替休日 and
/// the 国民の休日 between two of them.
pub fn national_holidays(year: i32) -> Vec<(Date, Holiday)> {
    let named = named(year);
    let is_named = |d: Date| named.iter().any(|(x, _)| *x == d);
    let mut out = named.clone();
    for &(d, _) in &named {
        if d.0.weekday() != Weekday::Sun || d < substitutes_from() {
            continue;
        }
        let mut off = d.add_days(1);
        if d >= next_free_day_from() {
            while is_named(off) {
                off = off.add_days(1);
            }
        } else if is_named(off) {
            continue;
        }
        out.push((off, Holiday::Substitute));
    }
    for &(d, _) in &named {
        let between = d.add_days(1);
        let taken = out.iter().any(|(x, _)| *x == between);
        // Until 2006 the law left out a Sunday between two holidays.
        let old_sunday = between < next_free_day_from() && between.0.weekday() == Weekday::Sun;
        if between >= citizens_from() && !taken && !old_sunday && is_named(between.add_days(1)) {
            out.push((between, Holiday::Citizens));
        }
    }
    out.sort();
    out
}

/// Whether the day falls in 年末年始 (29 December – 3 January).
pub fn is_year_end(d: Date) -> bool {
    matches!((d.month(), d.day()), (12, 29..) | (1, ..=3))
}

/// The days the rules close the office from `from` to `to` (both included), oldest first,
/// each once: a holiday of the law by its name (元日 is 元日), else 年末年始.
pub fn rule_days(from: Date, to: Date) -> Vec<(Date, Holiday)> {
    let mut days = std::collections::BTreeMap::new();
    for y in from.year()..=to.year() {
        for (m, day) in [(1, 1), (1, 2), (1, 3), (12, 29), (12, 30), (12, 31)] {
            days.insert(Date::from_ymd(y, m, day), Holiday::YearEnd);
        }
        days.extend(national_holidays(y));
    }
    days.into_iter()
        .filter(|(d, _)| (from..=to).contains(d))
        .collect()
}

/// Why the rules close the office on `d`, if they do: a holiday of the law first (元日
/// is 元日, not 年末年始), then the year-end closure. Saturdays and Sundays are not named.
pub fn closed_by_rule(d: Date) -> Option<Holiday> {
    national_holidays(d.year())
        .into_iter()
        .find(|(x, _)| *x == d)
        .map(|(_, h)| h)
        .or_else(|| is_year_end(d).then_some(Holiday::YearEnd))
}
