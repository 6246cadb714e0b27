//! `jinji calendar [--year FY]`, `calendar add DATE NAME`, `calendar remove DATE`: the
//! office calendar's closed days, and the ward's own days (admins).

use super::args::CalendarCommand;
use super::{CmdResult, Ctx, Failure};
use crate::domain::Date;
use crate::domain::account::{Account, Role};
use crate::domain::calendar::{Closure, FIRST_YEAR, LAST_YEAR, WardDay};
use crate::i18n::Lang;
use crate::store::{Db, OpenMode};

fn open(ctx: &Ctx) -> Result<(Db, Account), Failure> {
    let path = ctx.db_path("jinji.db")?;
    let mut db = ctx.open(&path, OpenMode::Existing)?;
    let me = ctx.account(&mut db)?;
    Ok((db, me))
}

/// A date as people type it, or a message naming the field.
fn date_arg(lang: Lang, s: &str) -> Result<Date, Failure> {
    Date::read(s).map_err(|e| Failure::input(super::date_text(lang, "err.calendar_date", s, e)))
}

/// A closed day's name as the user reads it.
fn name_of(lang: Lang, c: &Closure) -> String {
    match c {
        Closure::Rule(h) => lang.label("holiday", h.code()).to_string(),
        Closure::Ward(name) => name.clone(),
    }
}

pub fn run(ctx: &Ctx, action: Option<CalendarCommand>, year: Option<i32>) -> CmdResult {
    let lang = ctx.lang;
    let (db, me) = open(ctx)?;
    match action {
        None => {
            let fy = year.unwrap_or_else(|| ctx.today.fiscal_year());
            if !(FIRST_YEAR..=LAST_YEAR).contains(&fy) {
                return Err(Failure::input(lang.tf(
                    "err.calendar_year",
                    &[("year", &fy), ("min", &FIRST_YEAR), ("max", &LAST_YEAR)],
                )));
            }
            for c in db.closed_days(fy).map_err(|e| ctx.err(e))? {
                crate::say!("{}\t{}", c.date.iso(), name_of(lang, &c.closure));
            }
        }
        Some(CalendarCommand::Add { date, name }) => {
            ctx.require(&me, &[Role::Admin], "err.admin_only")?;
            let mut day = WardDay {
                id: 0,
                closed_on: date_arg(lang, &date)?,
                name,
                version: 0,
            };
            db.save_ward_day(&mut day, &me).map_err(|e| ctx.err(e))?;
            crate::say!(
                "{}",
                lang.tf(
                    "cli.calendar_added",
                    &[("date", &day.closed_on.iso()), ("name", &day.name)]
                )
            );
        }
        Some(CalendarCommand::Remove { date }) => {
            ctx.require(&me, &[Role::Admin], "err.admin_only")?;
            let on = date_arg(lang, &date)?;
            let day = db.remove_ward_day(on, &me).map_err(|e| ctx.err(e))?;
            crate::say!(
                "{}",
                lang.tf(
                    "cli.calendar_removed",
                    &[("date", &day.closed_on.iso()), ("name", &day.name)]
                )
            );
        }
    }
    Ok(())
}
