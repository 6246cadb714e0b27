//! Dates as the ward writes them: ISO in storage, the fiscal year (年度, April–March) and
//! the era calendar (和暦: 令和7年4月1日 / R07.04.01) for people.

mod era;

pub use era::{
    ERAS, Era, era_long, era_short, fiscal_year_ja, fiscal_year_ja_short, parse_fiscal_year,
};

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
        Date::read(s).ok()
    }

    /// As `parse_any`, and why not: a text not written as a date, or one written as a date
    /// that does not exist (2025-02-30, 令和1年4月1日). The one place that tells them apart,
    /// for forms, the command line and import alike.
    pub fn read(s: &str) -> Result<Date, DateProblem> {
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
            return Ok(d);
        }
        match parse_numeric(&s, &['/', '-', '.']) {
            Err(DateProblem::Malformed) => era::parse_era(&s),
            r => r,
        }
    }
}

/// Why a text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Not written as a date.
    Malformed,
    /// Written as a date, but no such day exists (30 February, month 13, 令和0年).
    NoSuchDay,
}

fn parse_numeric(s: &str, seps: &[char]) -> Result<Date, DateProblem> {
    let parts: Vec<&str> = s.split(|c| seps.contains(&c)).collect();
    if parts.len() != 3 {
        return Err(DateProblem::Malformed);
    }
    let num = |p: &str| p.parse::<u32>().map_err(|_| DateProblem::Malformed);
    let (y, m, d) = (num(parts[0])?, num(parts[1])?, num(parts[2])?);
    if !(1000..=9999).contains(&y) {
        return Err(DateProblem::Malformed);
    }
    Date::new(y as i32, m, d).ok_or(DateProblem::NoSuchDay)
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

/// Whether two periods (first day, last day or none for open) share at least one day.
pub fn periods_overlap(a: (Date, Option<Date>), b: (Date, Option<Date>)) -> bool {
    let far = Date::from_ymd(9999, 12, 31);
    a.0 <= b.1.unwrap_or(far) && b.0 <= a.1.unwrap_or(far)
}

pub fn fiscal_year_start(fy: FiscalYear) -> Date {
    Date::from_ymd(fy, 4, 1)
}

pub fn fiscal_year_end(fy: FiscalYear) -> Date {
    Date::from_ymd(fy + 1, 3, 31)
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
    fn a_day_that_does_not_exist_is_told_from_a_text_that_is_no_date() {
        for s in [
            "2025-02-30",
            "2025/2/29",
            "2025-13-01",
            "令和7年2月30日",
            "R7.2.30",
            "令和1年4月1日",
        ] {
            assert_eq!(Date::read(s), Err(DateProblem::NoSuchDay), "{s}");
        }
        for s in [
            "",
            "2025",
            "2025-02",
            "30 Feb 2025",
            "令和7年",
            "R7.2",
            "abc",
        ] {
            assert_eq!(Date::read(s), Err(DateProblem::Malformed), "{s}");
        }
        assert_eq!(Date::read("2024-02-29"), Ok(Date::from_ymd(2024, 2, 29)));
        assert_eq!(Date::read("令和7年4月1日"), Ok(Date::from_ymd(2025, 4, 1)));
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
