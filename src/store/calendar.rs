//! The office calendar: the ward's own closed days (区の休日) are kept here; the law's
//! holidays and 年末年始 are computed by `domain::holidays` and never stored, so that
//! one set of rules answers for the command line, the screens and every count of 開庁日.

use super::machine::record::record;
use super::{Db, Filter, Result, rule};
use crate::domain::account::{Account, Role};
use crate::domain::calendar::{Calendar, ClosedDay, Closure, WardDay};
use crate::domain::date::{fiscal_year_end, fiscal_year_start};
use crate::domain::holidays::{Holiday, closed_by_rule, rule_days};
use crate::domain::{Date, FiscalYear, Id};

record!(WardDay, "ward_closed_days", [closed_on, name], {
    fn check_stored(&self, db: &Db) -> Result<()> {
        match db.ward_day_on(self.closed_on)? {
            Some(other) if other.id != self.id => {
                Err(rule("closed_on", "calendar_ward_day_exists"))
            }
            _ => Ok(()),
        }
    }
});

/// Only an admin changes the calendar every count of 開庁日 reads.
fn admin(who: &Account) -> Result<()> {
    if who.role == Role::Admin {
        Ok(())
    } else {
        Err(rule("closed_on", "calendar_admin_only"))
    }
}

impl Db {
    /// The ward's own days, oldest first.
    pub fn ward_days(&self) -> Result<Vec<WardDay>> {
        self.all(Vec::new(), "closed_on")
    }

    pub fn ward_day_on(&self, on: Date) -> Result<Option<WardDay>> {
        Ok(self
            .all::<WardDay>(vec![Filter::eq("closed_on", on.iso())], "closed_on")?
            .into_iter()
            .next())
    }

    /// The calendar every count of 開庁日 reads: the rules and the ward's days.
    pub fn calendar(&self) -> Result<Calendar> {
        Ok(Calendar::with_ward_days(
            self.ward_days()?.into_iter().map(|w| (w.closed_on, w.name)),
        ))
    }

    /// The closed days of a fiscal year, oldest first (`jinji calendar`).
    pub fn closed_days(&self, fy: FiscalYear) -> Result<Vec<ClosedDay>> {
        Ok(self.calendar()?.fiscal_year(fy))
    }

    /// Adds a ward day (id 0) or changes one (admins).
    pub fn save_ward_day(&self, day: &mut WardDay, who: &Account) -> Result<()> {
        admin(who)?;
        day.name = day.name.trim().to_string();
        if day.id == 0 {
            self.insert(day)
        } else {
            self.update(day)
        }
    }

    /// Removes the ward day on a date (admins); a day of the rules is not the ward's to
    /// remove, and a date with no ward day is said to have none.
    pub fn remove_ward_day(&self, on: Date, who: &Account) -> Result<WardDay> {
        admin(who)?;
        self.write(|| {
            let Some(day) = self.ward_day_on(on)? else {
                return Err(match closed_by_rule(on) {
                    Some(_) => rule("closed_on", "calendar_fixed_by_rule"),
                    None => rule("closed_on", "calendar_no_ward_day"),
                });
            };
            self.delete::<WardDay>(day.id, day.version)?;
            Ok(day)
        })
    }

    /// Removes a ward day by its row (the screens), if still at `version` (admins).
    pub fn delete_ward_day(&self, id: Id, version: i64, who: &Account) -> Result<()> {
        admin(who)?;
        self.delete::<WardDay>(id, version)
    }
}

/// The rows of the register of closed days for a fiscal year (the list `calendar`), as
/// SQL: the rules' days computed here, as constants, with the ward's rows of the table
/// beside them. Each rule's day gets the id minus its date as digits (`-20270101`), which
/// no stored row has; everything written into the text is a date, a number or a code.
pub(super) fn register_sql(fy: FiscalYear) -> String {
    let (from, to) = (fiscal_year_start(fy), fiscal_year_end(fy));
    let rules = rule_days(from, to);
    let values: Vec<String> = rules
        .iter()
        .map(|&(day, h)| {
            let kind = Closure::Rule(h).kind().code();
            let digits = day.iso().replace('-', "");
            format!("(-{digits}, '{}', '{}', '{kind}')", day.iso(), h.code())
        })
        .collect();
    let dates: Vec<String> = rules
        .iter()
        .map(|(d, _)| format!("'{}'", d.iso()))
        .collect();
    // A fiscal year always holds 年末年始, so the list of constants is never empty.
    format!(
        "(SELECT column1 AS id, column2 AS closed_on, column3 AS name, column4 AS kind,
                 {fy} AS fiscal_year
            FROM (VALUES {})
          UNION ALL
          SELECT w.id, w.closed_on, w.name, 'ward', {fy}
            FROM ward_closed_days w
           WHERE w.closed_on BETWEEN '{}' AND '{}' AND w.closed_on NOT IN ({}))",
        values.join(", "),
        from.iso(),
        to.iso(),
        dates.join(", ")
    )
}

/// The rule's day a register row of the rules stands for (its id is minus its date).
pub fn rule_row(id: Id) -> Option<(Date, Holiday)> {
    if id >= 0 {
        return None;
    }
    let n = -id;
    let on = Date::new(
        (n / 10_000) as i32,
        (n / 100 % 100) as u32,
        (n % 100) as u32,
    )?;
    let why = closed_by_rule(on)?;
    Some((on, why))
}
