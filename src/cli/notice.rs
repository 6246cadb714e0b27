//! `jinji report appointment` (発令通知書) and `jinji report naiji` (内示書): a person's
//! 発令 of one day, and their move in a transfer plan, as printable text (composed in
//! `sheet::report::notice`, which the screens' `x` uses too).

use super::{CmdResult, Ctx, Failure};
use crate::domain::account::{Account, Role};
use crate::domain::staff::Staff;
use crate::sheet::report::notice;
use crate::store::Db;

/// The person, if the account may see them; else "not found", as the other reports.
fn person(ctx: &Ctx, db: &Db, me: &Account, no: &str) -> Result<Staff, Failure> {
    let visible = db
        .visibility(me, ctx.today.fiscal_year())
        .map_err(|e| ctx.err(e))?;
    db.staff_by_no(no)
        .map_err(|e| ctx.err(e))?
        .filter(|s| visible.sees(s))
        .ok_or_else(|| {
            Failure::input(ctx.lang.tf(
                "err.report_not_found",
                &[("what", &ctx.lang.field("staff_no")), ("key", &no)],
            ))
        })
}

/// 発令通知書: the 発令 of the person's latest day, or of `on`.
pub fn appointment(ctx: &Ctx, db: &Db, me: &Account, no: &str, on: Option<&str>) -> CmdResult {
    let lang = ctx.lang;
    let s = person(ctx, db, me, no)?;
    let day = match on {
        Some(d) => Some(super::parse_date(lang, d)?),
        None => None,
    };
    let Some(n) = notice::appointment(db, lang, &s, day).map_err(|e| ctx.err(e))? else {
        let when = on.unwrap_or("-");
        return Err(Failure::input(
            lang.tf("err.no_appointments", &[("staff_no", &no), ("date", &when)]),
        ));
    };
    for l in n.lines {
        crate::say!("{l}");
    }
    Ok(())
}

/// 内示書: the person's move in `plan`, or in the newest plan not set aside that moves
/// them (HR: plans are the office's alone).
pub fn naiji(ctx: &Ctx, db: &Db, me: &Account, no: &str, plan: Option<i64>) -> CmdResult {
    let lang = ctx.lang;
    ctx.require(me, &[Role::Admin, Role::Hr], "err.hr_only")?;
    let s = person(ctx, db, me, no)?;
    let Some(n) = notice::naiji(db, lang, &s, plan, ctx.today).map_err(|e| ctx.err(e))? else {
        return Err(Failure::input(
            lang.tf("err.no_naiji", &[("staff_no", &no)]),
        ));
    };
    for l in n.lines {
        crate::say!("{l}");
    }
    Ok(())
}
