//! `jinji reorg …`: reorganisations (組織改正) from the command line (HR).

use super::args::ReorgCommand;
use super::plans::{self, Desk, PlanWords};
use super::{CmdResult, Ctx, Failure};
use crate::domain::reorg::{ReorgPlan, ReorgStep, StepKind};
use crate::i18n::{reorg_issue_line, reorg_step_line};
use crate::store::Db;

/// How reorganisations are named in messages.
const WORDS: PlanWords = PlanWords {
    unknown: "err.unknown_reorg",
    line: "cli.reorg_line",
    state: "reorg_state",
    created: "cli.reorg_created",
    discarded: "cli.reorg_discarded",
};

fn plan(ctx: &Ctx, db: &Db, id: i64) -> Result<ReorgPlan, Failure> {
    plans::find(ctx, db, &WORDS, id)
}

/// Prints a plan's problems; a plan with any is refused with exit 2.
fn check(ctx: &Ctx, db: &Db, id: i64) -> Result<usize, Failure> {
    let c = db.check_reorg_plan(id).map_err(|e| ctx.err(e))?;
    for i in &c.issues {
        crate::say!("{}", reorg_issue_line(ctx.lang, i));
    }
    if c.issues.is_empty() {
        Ok(c.moving)
    } else {
        Err(Failure {
            code: 2,
            message: ctx
                .lang
                .tf("cli.reorg_problems", &[("id", &id), ("n", &c.issues.len())]),
        })
    }
}

pub fn run(ctx: &Ctx, action: ReorgCommand) -> CmdResult {
    let lang = ctx.lang;
    // The tree is the HR office's to change, as transfer plans are.
    let desk = Desk::open(ctx)?;
    let (db, who) = (&desk.db, desk.who());
    let err = |e| ctx.err(e);
    match action {
        ReorgCommand::Plans => plans::list::<ReorgPlan>(ctx, db, &WORDS)?,
        ReorgCommand::New { name, effective } => {
            plans::create::<ReorgPlan>(ctx, &desk, &WORDS, &name, &effective)?
        }
        ReorgCommand::Step {
            plan: id,
            kind,
            unit,
            name,
            kana,
            parent,
            other,
            staff,
            note,
        } => {
            let p = plan(ctx, db, id)?;
            let kind = StepKind::from_code(&kind).ok_or_else(|| {
                Failure::input(lang.tf("err.bad_code", &[("field", &"kind"), ("value", &kind)]))
            })?;
            let staff_id = match staff {
                Some(no) => Some(
                    db.staff_by_no(&no)
                        .map_err(err)?
                        .ok_or_else(|| {
                            Failure::input(lang.tf("err.unknown_staff", &[("staff_no", &no)]))
                        })?
                        .id,
                ),
                None => None,
            };
            let mut s = ReorgStep {
                id: 0,
                plan_id: id,
                seq: 0,
                kind,
                unit_code: unit,
                name,
                kana,
                parent_code: parent,
                other_code: other,
                staff_id,
                note,
                version: 0,
            };
            db.put_reorg_step(&mut s, who).map_err(err)?;
            let line = reorg_step_line(lang, db, p.effective_on, &s).map_err(err)?;
            crate::say!("{line}");
        }
        ReorgCommand::Drop { plan: id, seq } => {
            let s = db
                .reorg_steps(id)
                .map_err(err)?
                .into_iter()
                .find(|s| s.seq == seq)
                .ok_or_else(|| {
                    Failure::input(lang.tf("err.unknown_reorg_step", &[("id", &id), ("seq", &seq)]))
                })?;
            db.delete_reorg_step(s.id, s.version, who).map_err(err)?;
            crate::say!(
                "{}",
                lang.tf("cli.reorg_dropped", &[("id", &id), ("seq", &seq)])
            );
        }
        ReorgCommand::Show { plan: id } => {
            let p = plan(ctx, db, id)?;
            for s in db.reorg_steps(id).map_err(err)? {
                let line = reorg_step_line(lang, db, p.effective_on, &s).map_err(err)?;
                crate::say!("{line}");
            }
        }
        ReorgCommand::Check { plan: id } => {
            plan(ctx, db, id)?;
            let n = check(ctx, db, id)?;
            crate::say!("{}", lang.tf("cli.reorg_ok", &[("id", &id), ("n", &n)]));
        }
        ReorgCommand::Apply { plan: id } => {
            let p = plan(ctx, db, id)?;
            check(ctx, db, id)?;
            let n = db.apply_reorg_plan(id, who, ctx.today).map_err(err)?;
            crate::say!(
                "{}",
                lang.tf(
                    "cli.reorg_applied",
                    &[("id", &id), ("n", &n), ("effective", &p.effective_on)]
                )
            );
        }
        ReorgCommand::Discard { plan: id } => plans::discard::<ReorgPlan>(ctx, &desk, &WORDS, id)?,
    }
    Ok(())
}
