//! Dates as the ward writes them: ISO in storage, the fiscal year (年度, April–March) and
//! the era calendar (和暦: 令和7年4月1日 / R07.04.01) for people.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

/// A calendar date. Stored and exchanged as ISO `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

/// A fiscal year, named by the calendar year it starts in (令和7年度 = 2025).
pub type FiscalYear = i32;

impl Date {
    /// Panics on an impossible date: only for literals in code and tests.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Self {
        Date(NaiveDate::from_ymd_opt(y, m, d).expect("valid literal date"))
    }
    pub fn new(y: i32, m: u32, d: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(y, m, d).map(Date)
    }
    /// The real clock's date, in the local time zone. Read once, by the command line's
    /// clock (`cli::run`, unless `--today` names the day); everything else is given the day.
    pub fn today() -> Self {
        Date(chrono::Local::now().date_naive())
    }
    pub fn year(self) -> i32 {
        self.0.year()
    }
    pub fn month(self) -> u32 {
        self.0.month()
    }
    pub fn day(self) -> u32 {
        self.0.day()
    }
    pub fn fiscal_year(self) -> FiscalYear {
        if self.month() >= 4 {
            self.year()
        } else {
            self.year() - 1
        }
    }
    pub fn add_days(self, n: i64) -> Self {
        Date(self.0 + chrono::Duration::days(n))
    }
    pub fn days_since(self, earlier: Date) -> i64 {
        (self.0 - earlier.0).num_days()
    }
    /// Whole years from `earlier` to `self` (age, years of service).
    pub fn years_since(self, earlier: Date) -> i32 {
        let mut y = self.year() - earlier.year();
        if (self.month(), self.day()) < (earlier.month(), earlier.day()) {
            y -= 1;
        }
        y
    }
    /// The same day `n` years later; 29 February becomes 28 February in common years.
    pub fn add_years(self, n: i32) -> Self {
        let y = self.year() + n;
        Date::new(y, self.month(), self.day()).unwrap_or_else(|| Date::from_ymd(y, 2, 28))
    }
    /// `YYYY-MM-DD`, digit by digit: stored dates are written millions of times in a
    /// city's seed, where the formatter's padding machinery showed in the profile.
    pub fn iso(self) -> String {
        let (y, m, d) = (self.year(), self.month(), self.day());
        if !(0..=9999).contains(&y) {
            return self.to_string();
        }
        let mut b = *b"0000-00-00";
        for (at, width, n) in [(0, 4, y as u32), (5, 2, m), (8, 2, d)] {
            let mut n = n;
            for k in (at..at + width).rev() {
                b[k] = b'0' + (n % 10) as u8;
                n /= 10;
            }
        }
        b.iter().map(|&c| char::from(c)).collect()
    }
    pub fn is_weekend(self) -> bool {
        self.0.weekday().number_from_monday() >= 6
    }
    /// Parses ISO (`2025-04-01`, `2025/4/1`) and era dates (`令和7年4月1日`, `令和元年5月1日`,
    /// `R7.4.1`, `R07.04.01`, `H25.8.1`); full-width digits are accepted.
    pub fn parse_any(s: &str) -> Option<Date> {
        let s: String = s
            .trim()
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '／' | '－' | '．' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
                _ => c,
            })
            .collect();
        if let Ok(d) = s.parse::<Date>() {
            return Some(d);
        }
        if let Some(d) = parse_numeric(&s, &['/', '-', '.']) {
            return Some(d);
        }
        parse_era(&s)
    }
}

fn parse_numeric(s: &str, seps: &[char]) -> Option<Date> {
    let parts: Vec<&str> = s.split(|c| seps.contains(&c)).collect();
    if parts.len() != 3 {
        return None;
    }
    let y = parts[0].parse().ok()?;
    let m = parts[1].parse().ok()?;
    let d = parts[2].parse().ok()?;
    if !(1000..=9999).contains(&y) {
        return None;
    }
    Date::new(y, m, d)
}

fn parse_era(s: &str) -> Option<Date> {
    let (era, rest) = ERAS.iter().find_map(|e| {
        s.strip_prefix(e.kanji)
            .or_else(|| s.strip_prefix(e.letter))
            .or_else(|| s.strip_prefix(e.letter.to_ascii_lowercase().as_str()))
            .map(|rest| (e, rest))
    })?;
    let (y, m, d) = if let Some(rest) = rest.strip_suffix('日') {
        let (y, rest) = rest.split_once('年')?;
        let (m, d) = rest.split_once('月')?;
        let y = if y == "元" { 1 } else { y.parse().ok()? };
        (y, m.parse().ok()?, d.parse().ok()?)
    } else {
        let parts: Vec<&str> = rest.split(['.', '/', '-']).collect();
        if parts.len() != 3 {
            return None;
        }
        (
            parts[0].parse().ok()?,
            parts[1].parse().ok()?,
            parts[2].parse().ok()?,
        )
    };
    if y < 1 {
        return None;
    }
    let date = Date::new(era.start.0 + y - 1, m, d)?;
    // The date must fall inside the era it names (令和1年4月1日 is still 平成).
    (Era::of(date).map(|e| e.kanji) == Some(era.kanji)).then_some(date)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // By hand: chrono's strftime parser is slow on a path that runs millions of times.
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a date (YYYY-MM-DD): {:?}", self.0)
    }
}
impl std::error::Error for DateError {}

impl FromStr for Date {
    type Err = DateError;
    /// Strict ISO `YYYY-MM-DD`, as stored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.len() != 10 {
            return Err(DateError(s.to_string()));
        }
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Date)
            .map_err(|_| DateError(s.to_string()))
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

pub fn fiscal_year_start(fy: FiscalYear) -> Date {
    Date::from_ymd(fy, 4, 1)
}

pub fn fiscal_year_end(fy: FiscalYear) -> Date {
    Date::from_ymd(fy + 1, 3, 31)
}

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
    let (era, rest) = ERAS.iter().find_map(|e| {
        s.strip_prefix(e.kanji)
            .or_else(|| s.strip_prefix(e.letter))
            .or_else(|| s.strip_prefix(e.letter.to_ascii_lowercase().as_str()))
            .map(|rest| (e, rest))
    })?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_is_the_displayed_date_and_reads_back() {
        let mut d = Date::from_ymd(1899, 12, 25);
        while d < Date::from_ymd(2101, 1, 10) {
            assert_eq!(d.iso(), d.to_string());
            assert_eq!(d.iso().parse::<Date>(), Ok(d));
            d = d.add_days(1);
        }
        assert_eq!(Date::from_ymd(7, 1, 2).iso(), "0007-01-02");
    }

    #[test]
    fn fiscal_year_turns_in_april() {
        assert_eq!(Date::from_ymd(2025, 3, 31).fiscal_year(), 2024);
        assert_eq!(Date::from_ymd(2025, 4, 1).fiscal_year(), 2025);
        assert_eq!(Date::from_ymd(2026, 3, 31).fiscal_year(), 2025);
        assert_eq!(fiscal_year_ja(2025), "令和7年度");
        assert_eq!(fiscal_year_ja(2013), "平成25年度");
        assert_eq!(fiscal_year_ja_short(2026), "R8年度");
        assert_eq!(fiscal_year_ja_short(2019), "R元年度");
        assert_eq!(fiscal_year_ja_short(1988), "S63年度");
    }

    #[test]
    fn fiscal_years_are_named_as_wards_name_them() {
        // Named by the era in force for most of the year, its first year 元年度.
        for (fy, name) in [
            (2026, "令和8年度"),
            (2020, "令和2年度"),
            (2019, "令和元年度"), // began on 1 April 2019, a month before Reiwa
            (2018, "平成30年度"),
            (1989, "平成元年度"),
            (1988, "昭和63年度"), // ended in Heisei, named by Showa
            (1926, "大正15年度"), // Showa began on 25 December 1926
            (1912, "大正元年度"),
            (1850, "1850年度"),
        ] {
            assert_eq!(fiscal_year_ja(fy), name, "{fy}");
            assert_eq!(
                parse_fiscal_year(&fiscal_year_ja_short(fy)),
                Some(fy),
                "{fy}"
            );
            if fy > 1868 {
                assert_eq!(parse_fiscal_year(name), Some(fy), "{name}");
            }
        }
    }

    #[test]
    fn fiscal_years_read_as_people_type_them() {
        for (s, fy) in [
            ("2026", 2026),
            ("２０２６", 2026),
            (" 2026 ", 2026),
            ("2026年度", 2026),
            ("FY2026", 2026),
            ("令和8年度", 2026),
            ("令和8", 2026),
            ("令和８年度", 2026),
            ("R8", 2026),
            ("r08", 2026),
            ("Ｒ８", 2026),
            ("令和元年度", 2019),
            ("R1", 2019),
            ("平成31年度", 2019), // as written before the era changed
            ("H30", 2018),
            ("昭和63年度", 1988),
            ("平成元年度", 1989),
        ] {
            assert_eq!(parse_fiscal_year(s), Some(fy), "{s}");
        }
        for s in [
            "",
            "令和",
            "令和0年度",
            "平成32年度",
            "昭和64年度",
            "R",
            "26",
            "20260",
            "令和8年度度",
            "令和八年度",
            "X8",
        ] {
            assert_eq!(parse_fiscal_year(s), None, "{s}");
        }
    }

    #[test]
    fn era_boundaries() {
        assert_eq!(era_long(Date::from_ymd(2019, 4, 30)), "平成31年4月30日");
        assert_eq!(era_long(Date::from_ymd(2019, 5, 1)), "令和元年5月1日");
        assert_eq!(era_long(Date::from_ymd(1989, 1, 7)), "昭和64年1月7日");
        assert_eq!(era_long(Date::from_ymd(1989, 1, 8)), "平成元年1月8日");
        assert_eq!(era_short(Date::from_ymd(2025, 4, 1)), "R07.04.01");
        assert_eq!(era_short(Date::from_ymd(2013, 8, 1)), "H25.08.01");
        assert_eq!(era_long(Date::from_ymd(1850, 1, 1)), "1850-01-01");
    }

    #[test]
    fn parses_what_people_type() {
        let d = Date::from_ymd(2025, 4, 1);
        for s in [
            "2025-04-01",
            "2025/4/1",
            "２０２５／４／１",
            "令和7年4月1日",
            "R7.4.1",
            "R07.04.01",
            "r07.04.01",
        ] {
            assert_eq!(Date::parse_any(s), Some(d), "{s}");
        }
        assert_eq!(
            Date::parse_any("令和元年5月1日"),
            Some(Date::from_ymd(2019, 5, 1))
        );
        assert_eq!(Date::parse_any("H25.8.1"), Some(Date::from_ymd(2013, 8, 1)));
        assert_eq!(Date::parse_any("令和1年4月1日"), None); // that day was Heisei
        assert_eq!(Date::parse_any("2025-02-30"), None);
        assert_eq!(Date::parse_any("昨日"), None);
        assert!("2025-4-1".parse::<Date>().is_err());
    }

    #[test]
    fn years_of_service() {
        let hire = Date::from_ymd(2015, 4, 1);
        assert_eq!(Date::from_ymd(2025, 3, 31).years_since(hire), 9);
        assert_eq!(Date::from_ymd(2025, 4, 1).years_since(hire), 10);
        assert_eq!(
            Date::from_ymd(2024, 2, 29).add_years(1),
            Date::from_ymd(2025, 2, 28)
        );
    }
}
