//! The office calendar: the days the ward's offices are closed and the 開庁日 counted
//! between them. Saturdays, Sundays, the holidays of the law and 年末年始 (see
//! `holidays`), and the days the ward adds (a `WardDay` each, kept by the store).

use std::collections::BTreeMap;

use super::date::{fiscal_year_end, fiscal_year_start};
use super::holidays::{Holiday, closed_by_rule, rule_days};
use super::{Check, Date, FiscalYear, Id, Invalid, Problem, Validate};
use crate::code_enum;

code_enum! {
    /// What kind of closed day (labels `enum.closed_kind.<code>`).
    pub enum ClosedKind {
        National = "national",
        YearEnd = "year_end",
        Ward = "ward",
    }
}

/// The years the calendar's rules are known for (a ward day outside them is refused).
pub const FIRST_YEAR: i32 = 1948;
pub const LAST_YEAR: i32 = 2099;

/// Why the office is closed on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Closure {
    Rule(Holiday),
    /// A day the ward added, by the name it gave.
    Ward(String),
}

impl Closure {
    pub fn kind(&self) -> ClosedKind {
        match self {
            Closure::Rule(Holiday::YearEnd) => ClosedKind::YearEnd,
            Closure::Rule(_) => ClosedKind::National,
            Closure::Ward(_) => ClosedKind::Ward,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedDay {
    pub date: Date,
    pub closure: Closure,
}

/// The closed days: the rules, and the ward's own days by date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    ward: BTreeMap<Date, String>,
}

impl Calendar {
    /// The rules with the ward's days added.
    pub fn with_ward_days(days: impl IntoIterator<Item = (Date, String)>) -> Self {
        Calendar {
            ward: days.into_iter().collect(),
        }
    }

    /// Why the office is closed on `d` besides being a Saturday or Sunday, if it is. The
    /// rules come first: a ward day on a day the law later made a holiday goes by the law.
    pub fn closed(&self, d: Date) -> Option<Closure> {
        closed_by_rule(d)
            .map(Closure::Rule)
            .or_else(|| self.ward.get(&d).map(|n| Closure::Ward(n.clone())))
    }

    /// A 開庁日: neither a Saturday, a Sunday nor a closed day.
    pub fn is_open(&self, d: Date) -> bool {
        !d.is_weekend() && !self.ward.contains_key(&d) && closed_by_rule(d).is_none()
    }

    /// The day `n` 開庁日 after `from` (`from` itself not counted; `n` = 0 is `from`).
    pub fn add_open_days(&self, from: Date, n: u32) -> Date {
        let mut d = from;
        let mut left = n;
        while left > 0 {
            d = d.add_days(1);
            if self.is_open(d) {
                left -= 1;
            }
        }
        d
    }

    /// The closed days from `from` to `to` (both included), oldest first; Saturdays and
    /// Sundays only where something else closes them too.
    pub fn closed_days(&self, from: Date, to: Date) -> Vec<ClosedDay> {
        let mut days: BTreeMap<Date, Closure> = self
            .ward
            .range(from..=to)
            .map(|(d, n)| (*d, Closure::Ward(n.clone())))
            .collect();
        days.extend(
            rule_days(from, to)
                .into_iter()
                .map(|(d, h)| (d, Closure::Rule(h))),
        );
        days.into_iter()
            .map(|(date, closure)| ClosedDay { date, closure })
            .collect()
    }

    /// The closed days of a fiscal year (April–March).
    pub fn fiscal_year(&self, fy: FiscalYear) -> Vec<ClosedDay> {
        self.closed_days(fiscal_year_start(fy), fiscal_year_end(fy))
    }
}

/// A day the ward closes its offices besides those of the rules (区の休日: a ward's
/// anniversary, a day the offices move), named as the ward names it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WardDay {
    pub id: Id,
    pub closed_on: Date,
    pub name: String,
    pub version: i64,
}

impl Validate for WardDay {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.text("name", &self.name, 40);
        // A name is shown where the rules show their codes: it must not read as one.
        if Holiday::from_code(self.name.trim()).is_some() {
            c.add(
                "name",
                Problem::Rule {
                    rule: "calendar_name_reserved",
                },
            );
        }
        let d = self.closed_on;
        if !(FIRST_YEAR..=LAST_YEAR).contains(&d.year()) {
            c.add(
                "closed_on",
                Problem::OutOfRange {
                    min: FIRST_YEAR.into(),
                    max: LAST_YEAR.into(),
                },
            );
        } else if closed_by_rule(d).is_some() {
            c.add(
                "closed_on",
                Problem::Rule {
                    rule: "calendar_closed_by_rule",
                },
            );
        } else if d.is_weekend() {
            c.add(
                "closed_on",
                Problem::Rule {
                    rule: "calendar_weekend",
                },
            );
        }
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day)
    }

    #[test]
    fn a_ward_day_is_no_open_day() {
        let cal = Calendar::default();
        assert_eq!(cal.add_open_days(d(2025, 10, 6), 0), d(2025, 10, 6));
        let ward = Calendar::with_ward_days([(d(2025, 10, 6), "区制記念日".to_string())]);
        assert_eq!(ward.add_open_days(d(2025, 10, 3), 1), d(2025, 10, 7));
        assert_eq!(
            ward.closed(d(2025, 10, 6)),
            Some(Closure::Ward("区制記念日".into()))
        );
        assert!(!ward.is_open(d(2025, 10, 6)) && cal.is_open(d(2025, 10, 6)));
    }

    #[test]
    fn a_fiscal_year_lists_each_day_once_with_the_rule_first() {
        let cal = Calendar::with_ward_days([
            (d(2026, 5, 1), "区制記念日".to_string()),
            // Stored before a law made it a holiday: the law's name wins.
            (d(2027, 1, 1), "旧記念日".to_string()),
        ]);
        let days = cal.fiscal_year(2026);
        let dates: Vec<Date> = days.iter().map(|c| c.date).collect();
        let mut sorted = dates.clone();
        sorted.dedup();
        assert_eq!(dates, sorted, "oldest first, once each");
        assert_eq!(days.first().map(|c| c.date), Some(d(2026, 4, 29)));
        assert_eq!(days.last().map(|c| c.date), Some(d(2027, 3, 22)));
        let at = |x: Date| days.iter().find(|c| c.date == x).map(|c| c.closure.clone());
        assert_eq!(at(d(2026, 5, 1)), Some(Closure::Ward("区制記念日".into())));
        assert_eq!(at(d(2027, 1, 1)), Some(Closure::Rule(Holiday::NewYear)));
        assert_eq!(at(d(2026, 12, 29)), Some(Closure::Rule(Holiday::YearEnd)));
        assert_eq!(at(d(2026, 9, 22)), Some(Closure::Rule(Holiday::Citizens)));
        assert_eq!(at(d(2026, 12, 26)), None, "a plain Saturday is not listed");
        // 19 holidays of the law from April to March, 5 more days of 年末年始, one ward day.
        assert_eq!(days.len(), 19 + 5 + 1);
    }

    #[test]
    fn a_ward_day_is_a_weekday_the_rules_leave_open() {
        let day = |y, m, dd, name: &str| WardDay {
            id: 0,
            closed_on: d(y, m, dd),
            name: name.into(),
            version: 0,
        };
        assert!(day(2026, 5, 1, "区制記念日").validate().is_ok());
        let problem = |w: WardDay| w.validate().unwrap_err().0[0].clone();
        let e = problem(day(2026, 5, 4, "区制記念日"));
        assert_eq!(
            (e.field, e.problem),
            (
                "closed_on",
                Problem::Rule {
                    rule: "calendar_closed_by_rule"
                }
            )
        );
        let e = problem(day(2026, 12, 30, "区制記念日"));
        assert_eq!(e.field, "closed_on");
        let e = problem(day(2026, 5, 2, "区制記念日"));
        assert_eq!(
            e.problem,
            Problem::Rule {
                rule: "calendar_weekend"
            }
        );
        let e = problem(day(2100, 5, 3, "区制記念日"));
        assert_eq!(
            e.problem,
            Problem::OutOfRange {
                min: 1948,
                max: 2099
            }
        );
        assert_eq!(problem(day(2026, 5, 1, " ")).field, "name");
        assert_eq!(problem(day(2026, 5, 1, "new_year")).field, "name");
        assert_eq!(problem(day(2026, 5, 1, "記念\u{1b}[2J")).field, "name");
    }
}
