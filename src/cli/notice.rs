//! `jinji report appointment` (発令通知書) and `jinji report naiji` (内示書): a person's
//! 発令 of one day, and their move in a transfer plan, as printable text.

use super::{CmdResult, Ctx, Failure};
use crate::config::DateStyle;
use crate::domain::account::{Account, Role};
use crate::domain::staff::Staff;
use crate::domain::transfer::{TransferMove, TransferPlan};
use crate::domain::unit::Unit;
use crate::i18n::Lang;
use crate::store::Db;

/// Days as the document's language writes them: 令和9年4月1日, or 2027-04-01.
fn style(lang: Lang) -> DateStyle {
    match lang {
        Lang::Ja => DateStyle::EraLong,
        Lang::En => DateStyle::Iso,
    }
}

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

/// The heading lines of both documents: title, day, and to whom.
fn heading(lang: Lang, title: &str, day: crate::domain::Date, s: &Staff) -> Vec<String> {
    vec![
        title.to_string(),
        String::new(),
        lang.tf("notice.dated", &[("date", &style(lang).show(day))]),
        lang.tf(
            "notice.to",
            &[("staff_no", &s.staff_no), ("name", &s.full_name())],
        ),
        String::new(),
    ]
}

/// 発令通知書: the 発令 of the person's latest day, or of `on`.
pub fn appointment(ctx: &Ctx, db: &Db, me: &Account, no: &str, on: Option<&str>) -> CmdResult {
    let lang = ctx.lang;
    let s = person(ctx, db, me, no)?;
    let all = db.appointments_of(s.id).map_err(|e| ctx.err(e))?;
    let day = match on {
        Some(d) => Some(super::parse_date(lang, d)?),
        None => all.last().map(|a| a.issued_on),
    };
    let items: Vec<_> = all.iter().filter(|a| Some(a.issued_on) == day).collect();
    let Some(day) = day.filter(|_| !items.is_empty()) else {
        let when = on.unwrap_or("-");
        return Err(Failure::input(
            lang.tf("err.no_appointments", &[("staff_no", &no), ("date", &when)]),
        ));
    };
    let mut lines = heading(lang, lang.t("notice.appointment_title"), day, &s);
    lines.push(lang.t("notice.appointment_items").to_string());
    for a in items {
        lines.push(format!("  {}", a.text));
    }
    for l in lines {
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
    let err = |e| ctx.err(e);
    let mut found: Option<(TransferPlan, TransferMove)> = None;
    for p in db.transfer_plans().map_err(err)?.into_iter().rev() {
        let wanted = match plan {
            Some(id) => p.id == id,
            None => p.state != crate::domain::transfer::PlanState::Discarded,
        };
        if !wanted {
            continue;
        }
        if let Some(m) = db
            .transfer_moves(p.id)
            .map_err(err)?
            .into_iter()
            .find(|m| m.staff_id == s.id)
        {
            found = Some((p, m));
            break;
        }
    }
    let Some((p, m)) = found else {
        return Err(Failure::input(
            lang.tf("err.no_naiji", &[("staff_no", &no)]),
        ));
    };
    let unit = |id| -> String {
        db.find::<Unit>(id)
            .ok()
            .flatten()
            .map(|u| u.name)
            .unwrap_or_default()
    };
    // Where they are before the day: the post held then.
    let before = db
        .assignments_of(s.id)
        .map_err(err)?
        .into_iter()
        .rfind(|a| a.start_date < p.effective_on);
    let (from_unit, from_pos) = match &before {
        Some(a) => (a.unit_id, a.position),
        None => (s.unit_id, s.position),
    };
    let day = p.announced_on.unwrap_or(ctx.today);
    let show = |d| style(lang).show(d);
    let mut lines = heading(lang, lang.t("notice.naiji_title"), day, &s);
    lines.push(lang.tf("notice.naiji_lead", &[("date", &show(p.effective_on))]));
    lines.push(lang.tf(
        "notice.naiji_from",
        &[
            ("unit", &unit(from_unit)),
            ("position", &lang.label("position", from_pos.code())),
        ],
    ));
    lines.push(lang.tf(
        "notice.naiji_to",
        &[
            ("unit", &unit(m.to_unit_id)),
            ("position", &lang.label("position", m.to_position.code())),
        ],
    ));
    if let Some(g) = m.to_grade {
        lines.push(lang.tf("notice.naiji_grade", &[("grade", &g)]));
    }
    lines.push(lang.tf("notice.naiji_plan", &[("id", &p.id), ("name", &p.name)]));
    for l in lines {
        crate::say!("{l}");
    }
    Ok(())
}
