//! Reorganisation plans in words: a step as a line, a problem as `SUBJECT: rule: what`.

use super::Lang;
use crate::domain::Date;
use crate::domain::reorg::{Issue, ReorgStep, StepKind};
use crate::domain::staff::Staff;
use crate::store::{Db, Result};

/// A problem of a plan as the command line prints it (the contract of `transfer check`):
/// the unit's code or person's staff number, the rule, what is wrong.
pub fn reorg_issue_line(lang: Lang, i: &Issue) -> String {
    format!("{}: {}: {}", i.subject, i.rule, reorg_issue_text(lang, i))
}

/// What is wrong, in words.
pub fn reorg_issue_text(lang: Lang, i: &Issue) -> String {
    lang.tf(
        &format!("reorg.issue.{}", i.rule),
        &[("count", &i.count), ("other", &i.other)],
    )
}

/// A step of a plan taking effect on `day` as a line: its order, its kind, what it does
/// to which units (by their names the day before; a unit the plan creates by its code).
pub fn reorg_step_line(lang: Lang, db: &Db, day: Date, s: &ReorgStep) -> Result<String> {
    let eve = day.add_days(-1);
    let name = |code: &str| -> Result<String> {
        let then = match db.unit_by_code(code)? {
            Some(u) => db.unit_as_of(u.id, eve)?.map(|u| u.name),
            None => None,
        };
        Ok(then.unwrap_or_else(|| code.to_string()))
    };
    let person = match s.staff_id {
        Some(id) => db
            .find::<Staff>(id)?
            .map(|p| format!("{} {}", p.staff_no, p.full_name()))
            .unwrap_or_default(),
        None => String::new(),
    };
    // Where a person goes: the unit as it is now (one the plan made, too).
    let to = match db.unit_by_code(&s.unit_code)? {
        Some(u) => u.name,
        None => s.unit_code.clone(),
    };
    let what = lang.tf(
        &format!("reorg.step.{}", s.kind.code()),
        &[
            ("code", &s.unit_code),
            ("old", &name(&s.unit_code)?),
            ("name", &s.name),
            ("parent", &name(&s.parent_code)?),
            ("other", &name(&s.other_code)?),
            ("person", &person),
            ("to", &to),
        ],
    );
    let what = match (s.kind, s.other_code.is_empty()) {
        (StepKind::Abolish, false) => format!(
            "{what}{}",
            lang.tf("reorg.step.people_to", &[("other", &name(&s.other_code)?)])
        ),
        _ => what,
    };
    Ok(format!(
        "{}. {}: {what}",
        s.seq,
        lang.label("reorg_step", s.kind.code())
    ))
}
