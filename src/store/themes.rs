//! Challenge themes written by the people they belong to: the evaluatee writes the plan,
//! progress, mid-year report and result; the first evaluator judges achievement and
//! comments; HR may correct anything. Each side is locked once its stage has passed.

use super::flow::Actor;
use super::rule;
use super::{Db, Filter, Result};
use crate::domain::account::Role;
use crate::domain::disclosure::Reader;
use crate::domain::eval_flow::Acting;
use crate::domain::evaluation::{EvalKind, EvalState, Evaluation};
use crate::domain::staff::Staff;
use crate::domain::theme::Theme;
use crate::domain::{Date, FiscalYear, Id, Invalid, Problem};

/// Which side of a theme an account writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeSide {
    /// The HR office: everything.
    Hr,
    /// The evaluatee: the plan, progress and result.
    Owner,
    /// The first evaluator: achievement and comment.
    Judge,
    None,
}

impl ThemeSide {
    /// The fields this side writes (`None`: all).
    pub fn fields(self) -> Option<&'static [&'static str]> {
        match self {
            ThemeSide::Hr => None,
            ThemeSide::Owner => Some(OWNER_FIELDS),
            ThemeSide::Judge => Some(JUDGE_FIELDS),
            ThemeSide::None => Some(&[]),
        }
    }
}

impl Db {
    /// The performance evaluation a person's themes of a year feed.
    fn performance_of(&self, staff_id: Id, fy: FiscalYear) -> Result<Option<Evaluation>> {
        let Some(p) = self.eval_period(
            fy,
            EvalKind::Performance,
            crate::domain::evaluation::Term::Full,
        )?
        else {
            return Ok(None);
        };
        Ok(self
            .all::<Evaluation>(
                vec![
                    Filter::eq("period_id", p.id),
                    Filter::eq("staff_id", staff_id),
                ],
                "id",
            )?
            .pop())
    }

    /// A person's themes of a year as `reader` may see them: the evaluator's achievement
    /// and comment only once the year's performance evaluation lets them.
    pub fn themes_seen(&self, staff_id: Id, fy: FiscalYear, reader: Reader) -> Result<Vec<Theme>> {
        let eval = match reader {
            Reader::Office => None,
            Reader::Person(_) => self.performance_of(staff_id, fy)?,
        };
        Ok(self
            .themes_of(staff_id, fy)?
            .into_iter()
            .map(|t| t.as_seen_by(reader, eval.as_ref()))
            .collect())
    }

    /// One theme as `reader` may see it.
    pub fn theme_as_seen(&self, t: Theme, reader: Reader) -> Result<Theme> {
        let eval = match reader {
            Reader::Office => None,
            Reader::Person(_) => self.performance_of(t.staff_id, t.fiscal_year)?,
        };
        Ok(t.as_seen_by(reader, eval.as_ref()))
    }

    /// Which side of a person's themes of a year the actor writes now, or why none.
    pub fn theme_side(&self, staff_id: Id, fy: FiscalYear, who: Actor) -> Result<ThemeSide> {
        if matches!(who.account.role, Role::Admin | Role::Hr) {
            return Ok(ThemeSide::Hr);
        }
        let eval = self.performance_of(staff_id, fy)?;
        let acting = match &eval {
            Some(e) => Acting::of(e, who.account.staff_id, false),
            None => Acting {
                evaluatee: who.account.staff_id == Some(staff_id),
                ..Acting::default()
            },
        };
        let state = eval.map(|e| e.state).unwrap_or(EvalState::Draft);
        Ok(if acting.evaluatee {
            if state >= EvalState::SelfSubmitted {
                return Err(rule("staff_no", "theme_locked_submitted"));
            }
            ThemeSide::Owner
        } else if acting.first {
            if state >= EvalState::FirstDone {
                return Err(rule("staff_no", "theme_locked_judged"));
            }
            ThemeSide::Judge
        } else {
            ThemeSide::None
        })
    }

    /// Saves a theme (new when its id is 0) as the actor may: each side changes only its
    /// own fields; anything else is refused naming the field.
    pub fn save_theme(&self, t: &mut Theme, who: Actor, today: Date) -> Result<()> {
        self.write(|| {
            let person: Option<Staff> = self.find(t.staff_id)?;
            if !person.as_ref().is_some_and(|p| who.visible.sees(p)) {
                return Err(Invalid::one("staff_no", Problem::Unknown).into());
            }
            let before: Option<Theme> = match t.id {
                0 => None,
                id => Some(self.theme_for(id, who)?),
            };
            if let Some(b) = &before
                && (b.staff_id != t.staff_id || b.fiscal_year != t.fiscal_year)
                && !matches!(who.account.role, Role::Admin | Role::Hr)
            {
                return Err(rule("staff_no", "theme_not_yours"));
            }
            // What the writer was not shown comes back as it is, not as their blank.
            if let Some(b) = &before {
                let shown = self.theme_as_seen(b.clone(), who.visible.reader())?;
                if shown.achievement != b.achievement
                    || shown.evaluator_comment != b.evaluator_comment
                {
                    if t.achievement == shown.achievement {
                        t.achievement = b.achievement;
                    }
                    if t.evaluator_comment == shown.evaluator_comment {
                        t.evaluator_comment = b.evaluator_comment.clone();
                    }
                }
            }
            let side = self.theme_side(t.staff_id, t.fiscal_year, who)?;
            if let Some(mine) = side.fields() {
                if side == ThemeSide::None || (side == ThemeSide::Judge && before.is_none()) {
                    return Err(rule("staff_no", "theme_not_yours"));
                }
                let was = before.clone().unwrap_or_else(|| Theme {
                    achievement: None,
                    evaluator_comment: String::new(),
                    ..t.clone()
                });
                let now = serde_json::to_value(&*t).unwrap_or_default();
                let then = serde_json::to_value(&was).unwrap_or_default();
                for f in OWNER_FIELDS.iter().chain(JUDGE_FIELDS) {
                    if !mine.contains(f) && now.get(*f) != then.get(*f) {
                        return Err(rule(f, "theme_other_side"));
                    }
                }
            }
            // A mid-year report is dated the day it is first written (by its writer).
            let writes_date = side.fields().is_none_or(|f| f.contains(&"midterm_on"));
            if writes_date && !t.midterm_report.trim().is_empty() && t.midterm_on.is_none() {
                t.midterm_on = Some(today);
            }
            if t.id == 0 {
                self.insert(t)
            } else {
                self.update(t)
            }
        })
    }

    /// A theme whose person the actor may see.
    pub fn theme_for(&self, id: Id, who: Actor) -> Result<Theme> {
        self.seen_by(id, who, |t: &Theme| t.staff_id)
    }

    /// Removes a theme: HR, or its owner while the plan is still theirs to change.
    pub fn delete_theme(&self, id: Id, version: i64, who: Actor) -> Result<()> {
        self.write(|| {
            let t = self.theme_for(id, who)?;
            match self.theme_side(t.staff_id, t.fiscal_year, who)? {
                ThemeSide::Hr | ThemeSide::Owner => self.delete::<Theme>(id, version),
                _ => Err(rule("staff_no", "theme_not_yours")),
            }
        })
    }
}

/// The evaluatee's side of a theme: the plan, its progress and its result.
const OWNER_FIELDS: &[&str] = &[
    "title",
    "target",
    "difficulty",
    "weight",
    "progress",
    "midterm_report",
    "midterm_on",
    "result",
    "self_assessment",
];
/// The first evaluator's side. The two sides are every field a person may change; the
/// rest (person, year) are keys.
const JUDGE_FIELDS: &[&str] = &["achievement", "evaluator_comment"];
