//! 発令通知書 (a person's 発令 of one day) and 内示書 (their move in a transfer plan) as
//! printable text: one composition for `jinji report appointment` / `report naiji` and
//! for the screens' `x`.

use crate::config::DateStyle;
use crate::domain::staff::Staff;
use crate::domain::transfer::{PlanState, TransferMove, TransferPlan};
use crate::domain::unit::Unit;
use crate::domain::{Date, Id};
use crate::i18n::Lang;
use crate::store::{Db, Result};

/// Days as the document's language writes them: 令和9年4月1日, or 2027-04-01.
fn style(lang: Lang) -> DateStyle {
    match lang {
        Lang::Ja => DateStyle::EraLong,
        Lang::En => DateStyle::Iso,
    }
}

/// The heading lines of both documents: title, day, and to whom.
fn heading(lang: Lang, title: &str, day: Date, s: &Staff) -> Vec<String> {
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

/// A notice's lines and the day it speaks of (the 発令日, or the plan's day).
pub struct Notice {
    pub day: Date,
    pub lines: Vec<String>,
}

/// 発令通知書: the 発令 of the person's latest day, or of `on`; `None` when they have none
/// that day.
pub fn appointment(db: &Db, lang: Lang, s: &Staff, on: Option<Date>) -> Result<Option<Notice>> {
    let all = db.appointments_of(s.id)?;
    let Some(day) = on.or_else(|| all.last().map(|a| a.issued_on)) else {
        return Ok(None);
    };
    let items: Vec<_> = all.iter().filter(|a| a.issued_on == day).collect();
    if items.is_empty() {
        return Ok(None);
    }
    let mut lines = heading(lang, lang.t("notice.appointment_title"), day, s);
    lines.push(lang.t("notice.appointment_items").to_string());
    lines.extend(items.iter().map(|a| format!("  {}", a.text)));
    Ok(Some(Notice { day, lines }))
}

/// The person's move in `plan`, or in the newest plan not set aside that moves them.
pub fn naiji_move(
    db: &Db,
    s: &Staff,
    plan: Option<Id>,
) -> Result<Option<(TransferPlan, TransferMove)>> {
    for p in db.transfer_plans()?.into_iter().rev() {
        let wanted = match plan {
            Some(id) => p.id == id,
            None => p.state != PlanState::Discarded,
        };
        if !wanted {
            continue;
        }
        if let Some(m) = db
            .transfer_moves(p.id)?
            .into_iter()
            .find(|m| m.staff_id == s.id)
        {
            return Ok(Some((p, m)));
        }
    }
    Ok(None)
}

/// 内示書: the person's move in `plan` (as `naiji_move` finds it), dated its 内示日 or
/// else `today`; `None` when no plan moves them.
pub fn naiji(
    db: &Db,
    lang: Lang,
    s: &Staff,
    plan: Option<Id>,
    today: Date,
) -> Result<Option<Notice>> {
    let Some((p, m)) = naiji_move(db, s, plan)? else {
        return Ok(None);
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
        .assignments_of(s.id)?
        .into_iter()
        .rfind(|a| a.start_date < p.effective_on);
    let (from_unit, from_pos) = match &before {
        Some(a) => (a.unit_id, a.position),
        None => (s.unit_id, s.position),
    };
    let day = p.announced_on.unwrap_or(today);
    let show = |d| style(lang).show(d);
    let mut lines = heading(lang, lang.t("notice.naiji_title"), day, s);
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
    Ok(Some(Notice {
        day: p.effective_on,
        lines,
    }))
}
