//! The HR office's batch steps besides the transfer round: long-service nominations, the
//! compliance reminders and the year-end 定年退職.

use super::{CmdResult, Ctx, Failure};
use crate::domain::account::Role;
use crate::i18n::WARD;
use crate::store::flow::Actor;
use crate::store::{Db, OpenMode};

fn open(ctx: &Ctx) -> Result<(Db, crate::domain::account::Account), Failure> {
    let path = ctx.db_path("jinji.db")?;
    let mut db = ctx.open(&path, OpenMode::Existing)?;
    let me = ctx.account(&mut db)?;
    Ok((db, me))
}

/// `jinji long-service --years N [--base-date D] [--nominate]`.
pub fn long_service(ctx: &Ctx, years: i32, base: &Option<String>, nominate: bool) -> CmdResult {
    let lang = ctx.lang;
    if crate::domain::award::AwardKind::long_service(years).is_none() {
        return Err(Failure::input(
            lang.tf("err.service_years", &[("years", &years)]),
        ));
    }
    let base = ctx.date_or_today(base)?;
    let (db, me) = open(ctx)?;
    let visible = db
        .visibility(&me, ctx.today.fiscal_year())
        .map_err(|e| ctx.err(e))?;
    let who = Actor {
        account: &me,
        visible: &visible,
    };
    let people = if nominate {
        let title = lang.tf("award.long_service_title", &[("years", &years)]);
        db.nominate_long_service(years, base, &title, who, ctx.today)
            .map_err(|e| ctx.err(e))?
    } else {
        let mut all = db
            .long_service_candidates(years, base)
            .map_err(|e| ctx.err(e))?;
        all.retain(|s| visible.sees(s));
        all
    };
    for s in &people {
        crate::say!(
            "{} {} {}",
            s.staff_no,
            crate::text::pad(&s.full_name(), 14),
            s.hire_date
        );
    }
    let key = if nominate {
        "cli.long_service_nominated"
    } else {
        "cli.long_service_candidates"
    };
    crate::say!(
        "{}",
        lang.tf(
            key,
            &[("n", &people.len()), ("years", &years), ("base", &base)]
        )
    );
    Ok(())
}

/// `jinji retire teinen [--year FY] [--dry-run]`: who retires at 定年 at the end of the
/// year, and (without `--dry-run`) retiring them.
pub fn teinen(ctx: &Ctx, year: Option<i32>, dry_run: bool) -> CmdResult {
    let lang = ctx.lang;
    let fy = year.unwrap_or(ctx.today.fiscal_year());
    let (db, me) = open(ctx)?;
    ctx.require(&me, &[Role::Admin, Role::Hr], "err.hr_only")?;
    let visible = db.visibility(&me, fy).map_err(|e| ctx.err(e))?;
    let who = Actor {
        account: &me,
        visible: &visible,
    };
    let done = if dry_run {
        db.teinen_due(fy)
    } else {
        db.retire_teinen(fy, ctx.today, who, &WARD)
    }
    .map_err(|e| ctx.err(e))?;
    let ids: Vec<_> = done.people.iter().map(|s| s.unit_id).collect();
    let units = db.unit_names(&ids).map_err(|e| ctx.err(e))?;
    for s in &done.people {
        crate::say!(
            "{} {} {}",
            s.staff_no,
            crate::text::pad(&s.full_name(), 14),
            units.get(&s.unit_id).map_or("", String::as_str)
        );
    }
    let key = if dry_run {
        "cli.teinen_due"
    } else {
        "cli.teinen_done"
    };
    crate::say!(
        "{}",
        lang.tf(key, &[("n", &done.people.len()), ("day", &done.day)])
    );
    Ok(())
}

/// `jinji overdue [--year FY]`: who is past due, under the supervisor to remind them.
pub fn overdue(ctx: &Ctx, year: Option<i32>) -> CmdResult {
    let lang = ctx.lang;
    let (db, me) = open(ctx)?;
    let today = ctx.today;
    let fy = year.unwrap_or(today.fiscal_year());
    let visible = db.visibility(&me, fy).map_err(|e| ctx.err(e))?;
    let rows = db
        .compliance_reminders(fy, today, &visible)
        .map_err(|e| ctx.err(e))?;
    let mut under: Option<Option<String>> = None;
    for r in &rows {
        if under.as_ref() != Some(&r.supervisor_no) {
            under = Some(r.supervisor_no.clone());
            let who = match (&r.supervisor_no, &r.supervisor_name) {
                (Some(no), Some(name)) => format!("{no} {name}"),
                _ => lang.t("cli.no_supervisor").to_string(),
            };
            crate::say!("{}", lang.tf("cli.remind_by", &[("who", &who)]));
        }
        let mut missing = Vec::new();
        if r.training_missing {
            missing.push(lang.t("cli.missing_training"));
        }
        if r.self_check_missing {
            missing.push(lang.t("cli.missing_self_check"));
        }
        // Away on leave: 休業中, not overdue.
        let state = if r.on_leave {
            lang.tf("cli.overdue_on_leave", &[("missing", &missing.join("・"))])
        } else {
            lang.tf(
                "cli.overdue_line",
                &[("due", &r.due_on), ("missing", &missing.join("・"))],
            )
        };
        crate::say!(
            "  {} {} {} {}",
            r.staff_no,
            crate::text::pad(&r.name, 14),
            crate::text::pad(&r.unit, 16),
            state
        );
    }
    crate::say!(
        "{}",
        lang.tf(
            "cli.overdue_total",
            &[("n", &rows.len()), ("fy", &lang.fiscal_year(fy))]
        )
    );
    Ok(())
}
