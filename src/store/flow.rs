//! The workflows: the evaluation chain and the PDCA spiral. Each move is checked against
//! who is acting and the record's state, then written in one transaction with its audit
//! row (named after the move). A record the account may not see is not found.

use super::scope::Visibility;
use super::settings::keys;
use super::{Db, Filter, Record, Result, StoreError};
use crate::domain::account::{Account, Role};
use crate::domain::choice::Choice;
use crate::domain::eval_flow::{Acting, EvalInput, EvalRules, EvalStep};
use crate::domain::evaluation::{EvalKind, EvalPeriod, Evaluation, Grade, Term};
use crate::domain::staff::Staff;
use crate::domain::staff::StaffStatus;
use crate::domain::{Date, FiscalYear, Id, Invalid, Problem};

/// Who is acting: the account and what it may see.
#[derive(Debug, Clone, Copy)]
pub struct Actor<'a> {
    pub account: &'a Account,
    pub visible: &'a Visibility,
}

impl Actor<'_> {
    pub(crate) fn hr(&self) -> bool {
        matches!(self.account.role, Role::Admin | Role::Hr)
    }
}

impl Db {
    /// The ward's rules for the chain (settings, with their defaults) and its calendar.
    pub fn eval_rules(&self) -> Result<EvalRules> {
        Ok(EvalRules {
            response_days: self.rule_value(keys::APPEAL_WINDOW_DAYS)? as u32,
            calendar: self.calendar()?,
        })
    }

    /// An evaluation whose evaluatee the actor may see.
    pub fn evaluation_for(&self, id: Id, who: Actor) -> Result<Evaluation> {
        self.seen_by(id, who, |e: &Evaluation| e.staff_id)
    }

    /// A record whose person (`person` of it) the actor may see; anything else, there or
    /// not, is not found.
    pub(crate) fn seen_by<T: Record>(
        &self,
        id: Id,
        who: Actor,
        person: impl Fn(&T) -> Id,
    ) -> Result<T> {
        let not_found = || StoreError::NotFound {
            table: T::TABLE,
            id,
        };
        let rec: T = self.find(id)?.ok_or_else(not_found)?;
        let p: Staff = self.get(person(&rec))?;
        if who.visible.sees(&p) {
            Ok(rec)
        } else {
            Err(not_found())
        }
    }

    pub fn eval_acting(&self, e: &Evaluation, who: Actor) -> Acting {
        Acting::of(e, who.account.staff_id, who.hr())
    }

    /// The moves of an evaluation as the actor sees them today: theirs to make, or due
    /// but another's (the screens' menu shows both).
    pub fn eval_choices(
        &self,
        e: &Evaluation,
        who: Actor,
        today: Date,
    ) -> Result<Vec<Choice<EvalStep>>> {
        let rules = self.eval_rules()?;
        Ok(EvalStep::choices(
            e,
            &self.eval_acting(e, who),
            today,
            &rules,
        ))
    }

    /// The moves the actor may make on an evaluation today.
    pub fn eval_moves(&self, e: &Evaluation, who: Actor, today: Date) -> Result<Vec<EvalStep>> {
        Ok(crate::domain::choice::open(
            &self.eval_choices(e, who, today)?,
        ))
    }

    /// Makes a move of the evaluation chain. `version` (when given) is the version the
    /// actor saw: a newer one is a conflict, not silently overwritten.
    pub fn eval_move(
        &self,
        id: Id,
        version: Option<i64>,
        step: EvalStep,
        input: &EvalInput,
        who: Actor,
        today: Date,
    ) -> Result<Evaluation> {
        self.write(|| {
            let e = self.evaluation_for(id, who)?;
            let rules = self.eval_rules()?;
            let acting = self.eval_acting(&e, who);
            step.check(&e, &acting, today, &rules)?;
            if step == EvalStep::Submit {
                self.check_theme_weights(&e)?;
            }
            let mut n = step.apply(&e, &acting, input, today, &rules)?;
            if let Some(v) = version {
                n.version = v;
            }
            self.update_as(&mut n, &format!("eval.{}", step.code()))?;
            Ok(n)
        })
    }

    /// A performance evaluation is submitted with challenge themes weighing 100 in all.
    fn check_theme_weights(&self, e: &Evaluation) -> Result<()> {
        let period: EvalPeriod = self.get(e.period_id)?;
        if period.kind != EvalKind::Performance {
            return Ok(());
        }
        let sum: i64 = self
            .themes_of(e.staff_id, period.fiscal_year)?
            .iter()
            .map(|t| t.weight)
            .sum();
        if sum != 100 {
            return Err(Invalid::one(
                "weight",
                Problem::Sum {
                    expected: 100,
                    actual: sum,
                },
            )
            .into());
        }
        Ok(())
    }

    /// What the evaluatee's challenge themes suggest for a performance evaluation.
    pub fn eval_suggestion(&self, e: &Evaluation) -> Result<Option<(f64, Grade)>> {
        let period: EvalPeriod = self.get(e.period_id)?;
        if period.kind != EvalKind::Performance {
            return Ok(None);
        }
        Ok(crate::domain::suggestion::theme_suggestion(
            &self.themes_of(e.staff_id, period.fiscal_year)?,
        ))
    }

    /// Opens an evaluation period (HR): the period, and an evaluation in draft for every
    /// person at work on its base date, with their supervisor as first evaluator and the
    /// supervisor's supervisor as second (HR corrects either on the form). People without
    /// a supervisor (部長, evaluated outside this register) are left out. One transaction.
    pub fn open_eval_period(
        &self,
        fy: FiscalYear,
        kind: EvalKind,
        base_date: Date,
        who: Actor,
    ) -> Result<(EvalPeriod, usize)> {
        if !who.hr() {
            return Err(Invalid::one(
                "kind",
                Problem::Rule {
                    rule: "eval_hr_only",
                },
            )
            .into());
        }
        self.write(|| {
            if self.eval_period(fy, kind, Term::Full)?.is_some() {
                return Err(Invalid::one(
                    "kind",
                    Problem::Rule {
                        rule: "eval_period_exists",
                    },
                )
                .into());
            }
            let mut p = EvalPeriod {
                id: 0,
                fiscal_year: fy,
                kind,
                term: Term::Full,
                start_date: crate::domain::date::fiscal_year_start(fy),
                end_date: crate::domain::date::fiscal_year_end(fy),
                base_date,
                version: 0,
            };
            self.insert(&mut p)?;
            // Everyone in service, on leave or not, but those away more of the period
            // than the ward's rule allows (`eval_absence_limit`).
            let away = self.days_away_between(p.start_date, p.end_date)?;
            let limit = self.rule_value(super::settings::keys::EVAL_ABSENCE_LIMIT)?;
            let days = p.end_date.days_since(p.start_date) + 1;
            let people: Vec<Staff> = self
                .all::<Staff>(
                    vec![Filter::new(
                        "status",
                        super::Op::Ne,
                        StaffStatus::Retired.code(),
                    )],
                    "staff_no",
                )?
                .into_iter()
                .filter(|s| {
                    !crate::domain::leave::over_absence_limit(
                        away.get(&s.id).copied().unwrap_or(0),
                        days,
                        limit,
                    )
                })
                .collect();
            let supervisor: std::collections::HashMap<Id, Option<Id>> =
                people.iter().map(|s| (s.id, s.supervisor_id)).collect();
            let mut rows: Vec<Evaluation> = people
                .iter()
                .filter(|s| s.hire_date <= base_date)
                .filter_map(|s| {
                    let first = s.supervisor_id.filter(|f| supervisor.contains_key(f))?;
                    let second = supervisor
                        .get(&first)
                        .copied()
                        .flatten()
                        .filter(|x| *x != s.id);
                    Some(Evaluation::draft(p.id, s.id, Some(first), second))
                })
                .collect();
            self.insert_many(&mut rows, "eval.open")?;
            Ok((p, rows.len()))
        })
    }
}
