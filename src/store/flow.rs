//! The workflows: the evaluation chain and the PDCA spiral. Each move is checked against
//! who is acting and the record's state, then written in one transaction with its audit
//! row (named after the move). A record the account may not see is not found.

use super::scope::Visibility;
use super::settings::keys;
use super::{Db, Result, StoreError};
use crate::domain::account::{Account, Role};
use crate::domain::eval_flow::{Acting, EvalInput, EvalRules, EvalStep};
use crate::domain::evaluation::{EvalKind, EvalPeriod, Evaluation, Grade, Theme};
use crate::domain::pdca::{PdcaCheckin, PdcaCycle, PdcaEvidence, PdcaReview, Phase};
use crate::domain::pdca_flow::{PdcaActing, PdcaInput, PdcaStep};
use crate::domain::staff::Staff;
use crate::domain::survey::Survey;
use crate::domain::unit::Unit;
use crate::domain::{Date, FiscalYear, Id, Invalid, Problem};

/// Who is acting: the account and what it may see.
#[derive(Debug, Clone, Copy)]
pub struct Actor<'a> {
    pub account: &'a Account,
    pub visible: &'a Visibility,
}

impl Actor<'_> {
    fn hr(&self) -> bool {
        matches!(self.account.role, Role::Admin | Role::Hr)
    }
}

fn rule(field: &'static str, rule: &'static str) -> StoreError {
    Invalid::one(field, Problem::Rule { rule }).into()
}

/// The suggestion of challenge themes for the performance rating: achievement weighted
/// by each theme's share and lifted by its difficulty (standard 1.0, easier 0.9, harder
/// 1.2), as a score and the grade it points to. `None` until every theme is judged.
pub fn theme_suggestion(themes: &[Theme]) -> Option<(f64, Grade)> {
    if themes.is_empty() || themes.iter().any(|t| t.achievement.is_none()) {
        return None;
    }
    let score: f64 = themes
        .iter()
        .map(|t| {
            let lift = match t.difficulty {
                1 => 0.9,
                3 => 1.2,
                _ => 1.0,
            };
            t.achievement.unwrap_or(0) as f64 * lift * t.weight as f64 / 100.0
        })
        .sum();
    let grade = match score {
        s if s >= 115.0 => Grade::S,
        s if s >= 105.0 => Grade::A,
        s if s >= 85.0 => Grade::B,
        s if s >= 60.0 => Grade::C,
        _ => Grade::D,
    };
    Some(((score * 10.0).round() / 10.0, grade))
}

impl Db {
    /// The ward's rules for the chain (settings), with their defaults.
    pub fn eval_rules(&self) -> Result<EvalRules> {
        let days = self.setting_i64(keys::APPEAL_WINDOW_DAYS, 7)?;
        Ok(EvalRules {
            response_days: days.clamp(1, 60) as u32,
        })
    }

    /// An evaluation whose evaluatee the actor may see.
    pub fn evaluation_for(&self, id: Id, who: Actor) -> Result<Evaluation> {
        let not_found = || StoreError::NotFound {
            table: "evaluations",
            id,
        };
        let e: Evaluation = self.find(id)?.ok_or_else(not_found)?;
        let person: Staff = self.get(e.staff_id)?;
        if who.visible.sees(&person) {
            Ok(e)
        } else {
            Err(not_found())
        }
    }

    pub fn eval_acting(&self, e: &Evaluation, who: Actor) -> Acting {
        Acting::of(e, who.account.staff_id, who.hr())
    }

    /// The moves the actor may make on an evaluation today.
    pub fn eval_moves(&self, e: &Evaluation, who: Actor, today: Date) -> Result<Vec<EvalStep>> {
        let rules = self.eval_rules()?;
        Ok(EvalStep::available(
            e,
            &self.eval_acting(e, who),
            today,
            rules,
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
            step.check(&e, &acting, today, rules)?;
            if step == EvalStep::Submit {
                self.check_theme_weights(&e)?;
            }
            let mut n = step.apply(&e, &acting, input, today, rules)?;
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
        Ok(theme_suggestion(
            &self.themes_of(e.staff_id, period.fiscal_year)?,
        ))
    }

    /// A cycle whose owner (person or unit) the actor may see.
    pub fn pdca_for(&self, id: Id, who: Actor) -> Result<PdcaCycle> {
        let not_found = || StoreError::NotFound {
            table: "pdca_cycles",
            id,
        };
        let c: PdcaCycle = self.find(id)?.ok_or_else(not_found)?;
        let seen = match (c.owner_staff_id, c.owner_unit_id, who.visible) {
            (_, _, Visibility::All) => true,
            (Some(s), _, v) => v.sees(&self.get::<Staff>(s)?),
            (None, Some(u), Visibility::Some { units, .. }) => units.contains(&u),
            (None, None, _) => false,
        };
        if seen { Ok(c) } else { Err(not_found()) }
    }

    /// The actor's capacities on a cycle: its owner (or the chief of its unit), a lead
    /// over the owner, or the HR office.
    pub fn pdca_acting(&self, c: &PdcaCycle, who: Actor) -> Result<PdcaActing> {
        let me: Option<Staff> = match who.account.staff_id {
            Some(id) => self.find(id)?,
            None => None,
        };
        let owner = match (&me, c.owner_staff_id, c.owner_unit_id) {
            (Some(m), Some(s), _) => m.id == s,
            (Some(m), None, Some(u)) => m.unit_id == u && m.position.is_supervisory(),
            _ => false,
        };
        // A lead outranks the owner within their unit's subtree: a deputy is no lead over
        // their own chief, and a unit's own cycle is led from the units above it.
        let (owner_unit, outranked) = match (c.owner_staff_id, c.owner_unit_id, &me) {
            (Some(s), _, Some(m)) => {
                let o: Staff = self.get(s)?;
                (Some(o.unit_id), m.position.rank() < o.position.rank())
            }
            (None, Some(u), Some(m)) => (Some(u), u != m.unit_id),
            _ => (None, false),
        };
        let lead = !owner
            && outranked
            && me.as_ref().is_some_and(|m| m.position.is_supervisory())
            && who.account.role == Role::Supervisor
            && owner_unit.is_some_and(|u| who.visible.units().is_none_or(|us| us.contains(&u)));
        Ok(PdcaActing {
            owner,
            lead,
            hr: who.hr(),
        })
    }

    /// Moves a cycle to its next phase; closing also starts the next turn of the spiral
    /// (returned with it), both in one transaction.
    pub fn pdca_move(
        &self,
        id: Id,
        version: Option<i64>,
        step: PdcaStep,
        input: &PdcaInput,
        who: Actor,
        today: Date,
    ) -> Result<(PdcaCycle, Option<PdcaCycle>)> {
        self.write(|| {
            let c = self.pdca_for(id, who)?;
            let acting = self.pdca_acting(&c, who)?;
            let actions = self.pdca_actions(c.id)?.len();
            let (mut n, mut next) = step.apply(&c, &acting, actions, input, today)?;
            if let Some(v) = version {
                n.version = v;
            }
            self.update_as(&mut n, &format!("pdca.{}", step.code()))?;
            if let Some(next) = &mut next {
                self.insert(next)?;
            }
            Ok((n, next))
        })
    }

    /// A supervisor's dated review of a subordinate's cycle (or an HR officer's); kept.
    pub fn pdca_review(
        &self,
        cycle_id: Id,
        comment: &str,
        who: Actor,
        today: Date,
    ) -> Result<PdcaReview> {
        self.write(|| {
            let c = self.pdca_for(cycle_id, who)?;
            let acting = self.pdca_acting(&c, who)?;
            if !(acting.lead || acting.hr) || acting.owner {
                return Err(rule("reviewer", "pdca_review_by_lead"));
            }
            // A review is signed by a person; an account without one cannot sign.
            let Some(reviewer_id) = who.account.staff_id else {
                return Err(rule("reviewer", "pdca_review_needs_person"));
            };
            let mut r = PdcaReview {
                id: 0,
                cycle_id: c.id,
                reviewer_id,
                reviewed_on: today,
                comment: comment.to_string(),
                version: 0,
            };
            self.insert(&mut r)?;
            Ok(r)
        })
    }

    /// A dated note while the plan is carried out (Do, or Check while measuring).
    pub fn pdca_checkin(
        &self,
        cycle_id: Id,
        note: &str,
        who: Actor,
        today: Date,
    ) -> Result<PdcaCheckin> {
        self.write(|| {
            let c = self.pdca_for(cycle_id, who)?;
            let acting = self.pdca_acting(&c, who)?;
            if !(acting.owner || acting.lead || acting.hr) {
                return Err(rule("phase", "pdca_owner_or_lead"));
            }
            if !matches!(c.phase, Phase::Do | Phase::Check) {
                return Err(rule("phase", "pdca_checkin_phase"));
            }
            let mut k = PdcaCheckin {
                id: 0,
                cycle_id: c.id,
                on_date: today,
                note: note.to_string(),
                version: 0,
            };
            self.insert(&mut k)?;
            Ok(k)
        })
    }

    /// Attaches a citizen survey to a cycle's Check as evidence.
    pub fn pdca_attach_survey(&self, cycle_id: Id, survey_id: Id, who: Actor) -> Result<()> {
        self.write(|| {
            let c = self.pdca_for(cycle_id, who)?;
            let acting = self.pdca_acting(&c, who)?;
            if !(acting.owner || acting.lead || acting.hr) {
                return Err(rule("phase", "pdca_owner_or_lead"));
            }
            if !matches!(c.phase, Phase::Check | Phase::Act) {
                return Err(rule("phase", "pdca_evidence_phase"));
            }
            if self.find::<Survey>(survey_id)?.is_none() {
                return Err(Invalid::one("survey", Problem::Unknown).into());
            }
            if self.pdca_evidence(c.id)?.iter().any(|s| s.id == survey_id) {
                return Err(Invalid::one("survey", Problem::Duplicate).into());
            }
            self.insert(&mut PdcaEvidence {
                id: 0,
                cycle_id: c.id,
                survey_id,
                version: 0,
            })
        })
    }

    /// Surveys that may serve as evidence for a cycle: the latest of the owner's section
    /// (課), newest first.
    pub fn pdca_candidate_surveys(&self, c: &PdcaCycle, fy: FiscalYear) -> Result<Vec<Survey>> {
        let unit = match (c.owner_staff_id, c.owner_unit_id) {
            (Some(s), _) => self.get::<Staff>(s)?.unit_id,
            (None, Some(u)) => u,
            (None, None) => return Ok(Vec::new()),
        };
        let section = self.section_of(unit)?.map(|u: Unit| u.id).unwrap_or(unit);
        let mut out = self.surveys_of_unit(section)?;
        out.retain(|s| s.conducted_on.fiscal_year() <= fy);
        out.reverse();
        // The latest few: evidence of this turn, not of years ago.
        out.truncate(3);
        Ok(out)
    }
}
