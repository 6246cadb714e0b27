//! The era calendar (和暦) as people read and write it: 令和7年4月1日, R07.04.01, and fiscal
//! years as 令和8年度.

use super::{Date, fiscal_year_end, fiscal_year_start};
use crate::domain::FiscalYear;

/// A Japanese era (元号).
#[derive(Debug, PartialEq, Eq)]
pub struct Era {
    pub kanji: &'static str,
    pub letter: &'static str,
    pub romaji: &'static str,
    /// First day (Gregorian).
    pub start: (i32, u32, u32),
}

/// Newest first.
pub const ERAS: &[Era] = &[
    Era {
        kanji: "令和",
        letter: "R",
        romaji: "Reiwa",
        start: (2019, 5, 1),
    },
    Era {
        kanji: "平成",
        letter: "H",
        romaji: "Heisei",
        start: (1989, 1, 8),
    },
    Era {
        kanji: "昭和",
        letter: "S",
        romaji: "Showa",
        start: (1926, 12, 25),
    },
    Era {
        kanji: "大正",
        letter: "T",
        romaji: "Taisho",
        start: (1912, 7, 30),
    },
    Era {
        kanji: "明治",
        letter: "M",
        romaji: "Meiji",
        start: (1868, 10, 23),
    },
];

impl Era {
    pub fn of(d: Date) -> Option<&'static Era> {
        ERAS.iter()
            .find(|e| d >= Date::from_ymd(e.start.0, e.start.1, e.start.2))
    }
    /// The era year of a date (元年 = 1).
    pub fn year_of(&self, d: Date) -> i32 {
        d.year() - self.start.0 + 1
    }
}

/// `令和7年` for the era year of `d` (the first year is written 元年).
fn era_year(d: Date) -> Option<String> {
    let e = Era::of(d)?;
    let y = e.year_of(d);
    Some(if y == 1 {
        format!("{}元年", e.kanji)
    } else {
        format!("{}{y}年", e.kanji)
    })
}

/// `令和7年4月1日`. Before Meiji: ISO.
pub fn era_long(d: Date) -> String {
    match era_year(d) {
        Some(y) => format!("{y}{}月{}日", d.month(), d.day()),
        None => d.iso(),
    }
}

/// `R07.04.01`. Before Meiji: ISO.
pub fn era_short(d: Date) -> String {
    match Era::of(d) {
        Some(e) => format!(
            "{}{:02}.{:02}.{:02}",
            e.letter,
            e.year_of(d),
            d.month(),
            d.day()
        ),
        None => d.iso(),
    }
}

/// The era a fiscal year is named by: the one in force for most of it, i.e. on its middle
/// day, 1 October. Wards call the year that began in Heisei on 1 April 2019 令和元年度, and
/// the one that ended in Heisei on 31 March 1989 昭和63年度.
fn fiscal_year_era(fy: FiscalYear) -> Option<&'static Era> {
    Era::of(Date::new(fy, 10, 1)?)
}

/// The fiscal year as `令和7年度` (its first year `令和元年度`). Before Meiji: `1850年度`.
pub fn fiscal_year_ja(fy: FiscalYear) -> String {
    match fiscal_year_era(fy) {
        Some(e) if fy == e.start.0 => format!("{}元年度", e.kanji),
        Some(e) => format!("{}{}年度", e.kanji, fy - e.start.0 + 1),
        None => format!("{fy}年度"),
    }
}

/// The fiscal year where room is short, as wards abbreviate it: `R8年度`, `R元年度`.
pub fn fiscal_year_ja_short(fy: FiscalYear) -> String {
    match fiscal_year_era(fy) {
        Some(e) if fy == e.start.0 => format!("{}元年度", e.letter),
        Some(e) => format!("{}{}年度", e.letter, fy - e.start.0 + 1),
        None => format!("{fy}年度"),
    }
}

/// Reads a fiscal year as people type it: `2026`, `２０２６`, `FY2026`, `2026年度`,
/// `令和8年度`, `令和8`, `R8`, `令和元年度`. An era year names the fiscal year that carries
/// it (`令和元年度` = 2019) or, as documents written before the change did, the one that
/// began in that era (`平成31年度` = 2019); an era year the era never reached is refused.
pub fn parse_fiscal_year(s: &str) -> Option<FiscalYear> {
    let s: String = s
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xfee0).unwrap_or(c)
            }
            _ => c,
        })
        .collect();
    let s = s
        .strip_suffix("年度")
        .or_else(|| s.strip_suffix('年'))
        .unwrap_or(&s);
    let western = s
        .strip_prefix("FY")
        .or_else(|| s.strip_prefix("fy"))
        .unwrap_or(s);
    if western.len() == 4 && western.bytes().all(|b| b.is_ascii_digit()) {
        return western.parse().ok();
    }
    let (era, rest) = era_prefix(s)?;
    let n: i32 = if rest == "元" {
        1
    } else if !rest.is_empty() && rest.len() <= 2 && rest.bytes().all(|b| b.is_ascii_digit()) {
        rest.parse().ok()?
    } else {
        return None;
    };
    let fy = era.start.0 + n - 1;
    // The era must be in force during that fiscal year: 平成31 is 2019, 平成32 is nothing.
    let started = Date::from_ymd(era.start.0, era.start.1, era.start.2) <= fiscal_year_end(fy);
    let next = ERAS
        .iter()
        .rev()
        .find(|e| e.start > era.start)
        .map(|e| Date::from_ymd(e.start.0, e.start.1, e.start.2));
    let not_ended = next.is_none_or(|d| fiscal_year_start(fy) < d);
    (n >= 1 && started && not_ended).then_some(fy)
}

/// The era a text starts with (漢字, its letter in either case) and what follows.
fn era_prefix(s: &str) -> Option<(&'static Era, &str)> {
    ERAS.iter().find_map(|e| {
        s.strip_prefix(e.kanji)
            .or_else(|| s.strip_prefix(e.letter))
            .or_else(|| s.strip_prefix(e.letter.to_ascii_lowercase().as_str()))
            .map(|rest| (e, rest))
    })
}

/// A date in the era calendar: `令和7年4月1日`, `R07.04.01`, `r7/4/1`, `令和元年5月1日`.
/// A day outside the era it names (令和1年4月1日 is still 平成) does not exist.
pub(super) fn parse_era(s: &str) -> Result<Date, super::DateProblem> {
    use super::DateProblem::{Malformed, NoSuchDay};
    let (era, rest) = era_prefix(s).ok_or(Malformed)?;
    let num = |p: &str| p.parse::<u32>().map_err(|_| Malformed);
    let (y, m, d) = if let Some(rest) = rest.strip_suffix('日') {
        let (y, rest) = rest.split_once('年').ok_or(Malformed)?;
        let (m, d) = rest.split_once('月').ok_or(Malformed)?;
        let y = if y == "元" { 1 } else { num(y)? };
        (y, num(m)?, num(d)?)
    } else {
        let parts: Vec<&str> = rest.split(['.', '/', '-']).collect();
        if parts.len() != 3 {
            return Err(Malformed);
        }
        (num(parts[0])?, num(parts[1])?, num(parts[2])?)
    };
    if !(1..=200).contains(&y) {
        return Err(NoSuchDay);
    }
    let date = Date::new(era.start.0 + y as i32 - 1, m, d).ok_or(NoSuchDay)?;
    if Era::of(date).map(|e| e.kanji) == Some(era.kanji) {
        Ok(date)
    } else {
        Err(NoSuchDay)
    }
}
