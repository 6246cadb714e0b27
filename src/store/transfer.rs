//! The April transfer round: plans of moves, kept by the HR office, compared and
//! discarded while drafts, applied in one transaction on their effective date — old
//! assignments closed the day before, new ones opened, each person's unit and position
//! moved, and supervisors (hence next year's evaluators) set from the new units.

use std::collections::BTreeSet;

use super::flow::Actor;
use super::machine::record::record;
use super::plans::plan;
use super::posts::{NewPost, PostActions};
use super::rule;
use super::{Db, Filter, Result, StoreError};
use crate::domain::appointment::Wording;
use crate::domain::evaluation::{EvalPeriod, EvalState, Evaluation};
use crate::domain::staff::{Staff, StaffStatus};
use crate::domain::transfer::{TransferMove, TransferPlan};
use crate::domain::unit::Unit;
use crate::domain::{Date, Id, Invalid, Problem};

record!(
    TransferPlan,
    "transfer_plans",
    [name, effective_on, state, note, applied_on, announced_on],
    {
        fn check_stored(&self, db: &Db) -> Result<()> {
            db.still_draft(self)
        }
    }
);
record!(
    TransferMove,
    "transfer_moves",
    [
        plan_id,
        staff_id,
        to_unit_id,
        to_position,
        reason,
        note,
        to_grade
    ]
);

/// Where two plans differ for one person.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanDiff {
    pub staff_id: Id,
    pub a: Option<TransferMove>,
    pub b: Option<TransferMove>,
}

/// How a round's writes are audited: each mover's old post closed, the new one opened,
/// their staff row moved.
const ROUND: PostActions = PostActions {
    close: "transfer.close",
    open: "insert",
    update: "update",
    follow: "transfer.move",
};

// Moves in the order they were put; the day's refusal is the plan's own.
plan!(TransferPlan, TransferMove, "transfer", "id", ("effective_on", "plan_not_yet"), {
    announced_on: None
});

impl Db {
    pub fn transfer_plans(&self) -> Result<Vec<TransferPlan>> {
        self.plans()
    }

    pub fn transfer_moves(&self, plan_id: Id) -> Result<Vec<TransferMove>> {
        self.plan_items::<TransferPlan>(plan_id)
    }

    /// A plan still open to change.
    fn draft_plan(&self, plan_id: Id) -> Result<TransferPlan> {
        self.draft_of(plan_id)
    }

    /// A new draft plan (HR).
    pub fn new_transfer_plan(
        &self,
        name: &str,
        effective_on: Date,
        who: Actor,
    ) -> Result<TransferPlan> {
        self.new_plan(name, effective_on, who)
    }

    /// Adds (or replaces) a person's move in a draft plan: the person active, the unit in
    /// being on the effective date.
    pub fn put_transfer_move(&self, m: &mut TransferMove, who: Actor) -> Result<()> {
        self.plan_hr::<TransferPlan>(who)?;
        self.write(|| {
            let plan = self.draft_plan(m.plan_id)?;
            let person: Staff = self
                .find(m.staff_id)?
                .ok_or_else(|| Invalid::one("staff_no", Problem::Unknown))?;
            if person.status == StaffStatus::Retired {
                return Err(rule("staff_no", "transfer_retired"));
            }
            let unit: Unit = self
                .find(m.to_unit_id)?
                .ok_or_else(|| Invalid::one("to_unit_code", Problem::Unknown))?;
            // A unit to be abolished takes no one in (nobody may stay in it when it goes).
            if unit.valid_to.is_some() || !unit.founded_by(plan.effective_on) {
                return Err(rule("to_unit_code", "unit_abolished"));
            }
            let existing = self
                .all::<TransferMove>(
                    vec![
                        Filter::eq("plan_id", m.plan_id),
                        Filter::eq("staff_id", m.staff_id),
                    ],
                    "id",
                )?
                .pop();
            match existing {
                Some(e) => {
                    m.id = e.id;
                    m.version = e.version;
                    self.update(m)
                }
                None => {
                    m.id = 0;
                    self.insert(m)
                }
            }
        })
    }

    /// Takes a person out of a draft plan.
    pub fn remove_transfer_move(&self, plan_id: Id, staff_id: Id, who: Actor) -> Result<()> {
        self.plan_hr::<TransferPlan>(who)?;
        self.write(|| {
            self.draft_plan(plan_id)?;
            let m = self
                .all::<TransferMove>(
                    vec![
                        Filter::eq("plan_id", plan_id),
                        Filter::eq("staff_id", staff_id),
                    ],
                    "id",
                )?
                .pop()
                .ok_or_else(|| Invalid::one("staff_no", Problem::Unknown))?;
            self.delete::<TransferMove>(m.id, m.version)
        })
    }

    /// Sets a draft plan aside; it stays for the record.
    pub fn discard_transfer_plan(&self, plan_id: Id, who: Actor) -> Result<TransferPlan> {
        self.discard_plan(plan_id, who)
    }

    /// The people two plans move differently (or only one of them moves).
    pub fn compare_transfer_plans(&self, a: Id, b: Id) -> Result<Vec<PlanDiff>> {
        self.get::<TransferPlan>(a)?;
        self.get::<TransferPlan>(b)?;
        let (ma, mb) = (self.transfer_moves(a)?, self.transfer_moves(b)?);
        let people: BTreeSet<Id> = ma.iter().chain(&mb).map(|m| m.staff_id).collect();
        let same = |x: &TransferMove, y: &TransferMove| {
            (x.to_unit_id, x.to_position, x.reason) == (y.to_unit_id, y.to_position, y.reason)
        };
        Ok(people
            .into_iter()
            .filter_map(|id| {
                let x = ma.iter().find(|m| m.staff_id == id).cloned();
                let y = mb.iter().find(|m| m.staff_id == id).cloned();
                match (&x, &y) {
                    (Some(x), Some(y)) if same(x, y) => None,
                    _ => Some(PlanDiff {
                        staff_id: id,
                        a: x,
                        b: y,
                    }),
                }
            })
            .collect())
    }

    /// The nearest head above a person as the staff rows stand today (see `store::heads`).
    pub fn supervisor_for(&self, person: &Staff) -> Result<Option<Id>> {
        self.supervisor_on(person, self.today())
    }

    /// Applies a draft plan (HR), all or nothing, once its check passes: any error
    /// refuses it, and warnings too unless `accept_warnings`. `on_move` hears of each move
    /// before it is made, so a caller can name the person whose move failed. Each mover's
    /// grade is set with their position and their 発令 recorded in `words` (the ward's,
    /// `i18n::WARD`). Returns the moves made.
    pub fn apply_transfer_plan(
        &self,
        plan_id: Id,
        who: Actor,
        today: Date,
        accept_warnings: bool,
        words: &dyn Wording,
        on_move: &mut dyn FnMut(&TransferMove),
    ) -> Result<usize> {
        self.plan_hr::<TransferPlan>(who)?;
        self.write(|| {
            // A plan is applied (発令) on its day, not before: until then people stay put.
            let mut plan: TransferPlan = self.plan_due(plan_id, today)?;
            let moves = self.transfer_moves(plan_id)?;
            if moves.is_empty() {
                return Err(rule("plan", "plan_empty"));
            }
            let problems = self.check_plan(plan_id, today)?;
            if problems.iter().any(|p| p.is_error()) || !(accept_warnings || problems.is_empty()) {
                return Err(StoreError::PlanProblems(problems));
            }
            let day = plan.effective_on;
            let mut touched: BTreeSet<Id> = BTreeSet::new();
            for m in &moves {
                on_move(m);
                let person: Staff = self.get(m.staff_id)?;
                if person.status == StaffStatus::Retired {
                    return Err(rule("staff_no", "transfer_retired"));
                }
                self.refuse_if_away(person.id, (day, day), "staff_no", "transfer_on_leave")?;
                let unit: Unit = self
                    .find(m.to_unit_id)?
                    .ok_or_else(|| Invalid::one("to_unit_code", Problem::Unknown))?;
                if unit.valid_to.is_some() || !unit.founded_by(day) {
                    return Err(rule("to_unit_code", "unit_abolished"));
                }
                if let Some(cur) = self.current_assignment(person.id)?
                    && cur.start_date >= day
                {
                    return Err(rule("start_date", "transfer_after_effective"));
                }
                let post = NewPost {
                    unit_id: unit.id,
                    position: m.to_position,
                    start: day,
                    reason: m.reason,
                    note: plan.name.clone(),
                };
                self.set_post(person.id, &post, today, &ROUND)?;
                if let Some(g) = m.to_grade {
                    let mut now: Staff = self.get(person.id)?;
                    if now.grade != g {
                        now.grade = g;
                        self.update_as(&mut now, "transfer.grade")?;
                    }
                }
                self.issue_move(&person, m, day, Some(plan.id), words)?;
                touched.insert(person.unit_id);
                touched.insert(unit.id);
            }
            self.reset_supervisors(&touched, &moves, day)?;
            self.plan_applied(&mut plan, today)?;
            Ok(moves.len())
        })
    }

    /// After a round: the supervisor of everyone in the units it touched (the units under
    /// them too: a new chief leads the teams below), and of the people moved; and their
    /// evaluations still in draft from the round's fiscal year on get the new evaluators.
    pub(super) fn reset_supervisors(
        &self,
        touched: &BTreeSet<Id>,
        moves: &[TransferMove],
        day: Date,
    ) -> Result<()> {
        let mut units: BTreeSet<Id> = BTreeSet::new();
        for u in touched {
            units.extend(self.unit_subtree(*u)?);
        }
        let mut people: Vec<Staff> = Vec::new();
        for u in &units {
            people.extend(self.all::<Staff>(
                vec![
                    Filter::eq("unit_id", *u),
                    Filter::eq("status", StaffStatus::Active.code()),
                ],
                "id",
            )?);
        }
        for m in moves {
            if !people.iter().any(|p| p.id == m.staff_id) {
                people.push(self.get(m.staff_id)?);
            }
        }
        let periods: Vec<Id> = self
            .all::<EvalPeriod>(vec![], "id")?
            .into_iter()
            .filter(|p| p.fiscal_year >= day.fiscal_year())
            .map(|p| p.id)
            .collect();
        // Supervisors first, all of them: a second evaluator is the supervisor's own
        // supervisor as it stands after the round, whoever else moved with them.
        let mut reset = Vec::with_capacity(people.len());
        for mut p in people {
            // On the round's (or the post's, the leave's) day, never the real one.
            let sup = self.supervisor_on(&p, day)?;
            if sup != p.supervisor_id {
                p.supervisor_id = sup;
                self.update_as(&mut p, "transfer.supervisor")?;
            }
            reset.push(p);
        }
        for p in reset {
            let sup = p.supervisor_id;
            let second = match sup {
                Some(s) => self.get::<Staff>(s)?.supervisor_id.filter(|x| *x != p.id),
                None => None,
            };
            for period in &periods {
                for mut e in self.all::<Evaluation>(
                    vec![
                        Filter::eq("period_id", *period),
                        Filter::eq("staff_id", p.id),
                    ],
                    "id",
                )? {
                    if e.state == EvalState::Draft
                        && (e.evaluator1_id, e.evaluator2_id) != (sup, second)
                    {
                        e.evaluator1_id = sup;
                        e.evaluator2_id = second;
                        self.update_as(&mut e, "transfer.evaluators")?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Deletes a draft plan and its moves (HR); applied and discarded plans are kept.
    pub fn delete_transfer_plan(&self, plan_id: Id, version: i64, who: Actor) -> Result<()> {
        self.delete_plan::<TransferPlan>(plan_id, version, who)
    }

    /// The newest draft plan, where a new move goes by default.
    pub fn latest_draft_plan(&self) -> Result<Option<TransferPlan>> {
        self.latest_draft()
    }
}
