//! `jinji transfer …`: the April transfer round from the command line (HR).

use super::args::TransferCommand;
use super::plans::{self, Desk, PlanWords};
use super::{CmdResult, Ctx, Failure};
use crate::config::DateStyle;
use crate::domain::assignment::Reason;
use crate::domain::staff::{Position, Staff};
use crate::domain::transfer::{TransferMove, TransferPlan};
use crate::domain::unit::Unit;
use crate::i18n::{Lang, WARD, error_text, plan_problem_line};
use crate::store::Db;

fn staff(ctx: &Ctx, db: &Db, no: &str) -> Result<Staff, Failure> {
    db.staff_by_no(no)
        .map_err(|e| ctx.err(e))?
        .ok_or_else(|| Failure::input(ctx.lang.tf("err.unknown_staff", &[("staff_no", &no)])))
}

/// How the transfer round's plans are named in messages.
const WORDS: PlanWords = PlanWords {
    unknown: "err.unknown_plan",
    line: "cli.plan_line",
    state: "plan_state",
    created: "cli.plan_created",
    discarded: "cli.plan_discarded",
};

fn plan(ctx: &Ctx, db: &Db, id: i64) -> Result<TransferPlan, Failure> {
    plans::find(ctx, db, &WORDS, id)
}

fn unit_name(db: &Db, id: i64) -> String {
    db.find::<Unit>(id)
        .ok()
        .flatten()
        .map(|u| u.name)
        .unwrap_or_default()
}

/// One move as a line: who, from where to where, and what they wished.
fn move_line(lang: Lang, db: &Db, p: &TransferPlan, m: &TransferMove) -> String {
    let s: Option<Staff> = db.find(m.staff_id).ok().flatten();
    // Where they are before the day: the post held then (after an applied plan, too).
    let before = db
        .assignments_of(m.staff_id)
        .ok()
        .and_then(|all| all.into_iter().rfind(|a| a.start_date < p.effective_on));
    let (no, name) = match &s {
        Some(s) => (s.staff_no.clone(), s.full_name()),
        None => Default::default(),
    };
    let from = before
        .map(|a| unit_name(db, a.unit_id))
        .or_else(|| s.as_ref().map(|s| unit_name(db, s.unit_id)))
        .unwrap_or_default();
    // The wish of the fiscal year before the one the plan takes effect in (as the export).
    let wish = db
        .self_report(m.staff_id, p.effective_on.fiscal_year() - 1)
        .ok()
        .flatten()
        .map(|r| {
            let mut w = lang
                .label("transfer_wish", r.transfer_wish.code())
                .to_string();
            for u in r.wish_units().into_iter().flatten() {
                w.push(' ');
                w.push_str(&unit_name(db, u));
            }
            w
        })
        .unwrap_or_else(|| lang.t("cli.plan_none").into());
    lang.tf(
        "cli.plan_move",
        &[
            ("staff_no", &no),
            ("name", &name),
            ("from", &from),
            ("to", &unit_name(db, m.to_unit_id)),
            ("position", &lang.label("position", m.to_position.code())),
            ("reason", &lang.label("reason", m.reason.code())),
            ("wish", &wish),
        ],
    )
}

pub fn run(ctx: &Ctx, action: TransferCommand) -> CmdResult {
    let lang = ctx.lang;
    let desk = Desk::open(ctx)?;
    let (db, who) = (&desk.db, desk.who());
    let err = |e| ctx.err(e);
    match action {
        TransferCommand::Plans => plans::list::<TransferPlan>(ctx, db, &WORDS)?,
        TransferCommand::New { name, effective } => {
            plans::create::<TransferPlan>(ctx, &desk, &WORDS, &name, &effective)?
        }
        TransferCommand::Add {
            plan: plan_id,
            staff: no,
            unit,
            position,
            reason,
            note,
            grade,
        } => {
            let p = plan(ctx, db, plan_id)?;
            let s = staff(ctx, db, &no)?;
            let u = db
                .unit_by_code(&unit)
                .map_err(err)?
                .ok_or_else(|| Failure::input(lang.tf("err.unknown_unit", &[("code", &unit)])))?;
            let bad = |field: &str, v: &str| {
                Failure::input(lang.tf("err.bad_code", &[("field", &field), ("value", &v)]))
            };
            let to_position = match &position {
                Some(x) => Position::from_code(x).ok_or_else(|| bad("position", x))?,
                None => s.position,
            };
            let reason = Reason::from_code(&reason).ok_or_else(|| bad("reason", &reason))?;
            let mut m = TransferMove {
                id: 0,
                plan_id: p.id,
                staff_id: s.id,
                to_unit_id: u.id,
                to_position,
                reason,
                note,
                to_grade: grade,
                version: 0,
            };
            db.put_transfer_move(&mut m, who).map_err(err)?;
            crate::say!("{}", move_line(lang, db, &p, &m));
        }
        TransferCommand::Remove {
            plan: id,
            staff: no,
        } => {
            let s = staff(ctx, db, &no)?;
            db.remove_transfer_move(id, s.id, who).map_err(err)?;
            crate::say!(
                "{}",
                lang.tf("cli.plan_removed", &[("staff_no", &no), ("id", &id)])
            );
        }
        TransferCommand::Show { plan: id } => {
            let p = plan(ctx, db, id)?;
            for m in db.transfer_moves(id).map_err(err)? {
                crate::say!("{}", move_line(lang, db, &p, &m));
            }
        }
        TransferCommand::Compare { a, b } => {
            plan(ctx, db, a)?;
            plan(ctx, db, b)?;
            let lines = crate::i18n::plan_diff_lines(lang, db, a, b).map_err(err)?;
            if lines.is_empty() {
                crate::say!("{}", lang.t("cli.plan_same"));
            }
            for line in lines {
                crate::say!("{line}");
            }
        }
        TransferCommand::Discard { plan: id } => {
            plans::discard::<TransferPlan>(ctx, &desk, &WORDS, id)?
        }
        TransferCommand::Check { plan: id } => {
            plan(ctx, db, id)?;
            let problems = db.check_plan(id, ctx.today).map_err(err)?;
            for p in &problems {
                crate::say!("{}", plan_problem_line(lang, p, DateStyle::Iso));
            }
            if problems.iter().any(|p| p.is_error()) {
                let n = problems.iter().filter(|p| p.is_error()).count();
                return Err(Failure::input(lang.tf("cli.plan_has_errors", &[("n", &n)])));
            }
            if problems.is_empty() {
                crate::say!("{}", lang.t("cli.plan_no_problems"));
            }
        }
        TransferCommand::Apply {
            plan: id,
            accept_warnings,
        } => {
            let p = plan(ctx, db, id)?;
            // The warnings it accepts, said once the plan is applied.
            let warnings = if accept_warnings {
                db.check_plan(id, ctx.today).map_err(err)?
            } else {
                Vec::new()
            };
            let mut on = None;
            let n = db
                .apply_transfer_plan(id, who, ctx.today, accept_warnings, &WARD, &mut |m| {
                    on = Some(m.staff_id)
                })
                .map_err(|e| {
                    // Name the person whose move could not be made.
                    let no = on
                        .and_then(|s| db.find::<Staff>(s).ok().flatten())
                        .map(|s| format!("{}: ", s.staff_no))
                        .unwrap_or_default();
                    Failure {
                        code: if e.is_user_error() { 2 } else { 1 },
                        message: format!("{no}{}", error_text(lang, &e)),
                    }
                })?;
            for w in &warnings {
                crate::say!("{}", plan_problem_line(lang, w, DateStyle::Iso));
            }
            crate::say!(
                "{}",
                lang.tf(
                    "cli.plan_applied",
                    &[("id", &id), ("n", &n), ("effective", &p.effective_on)]
                )
            );
        }
    }
    Ok(())
}
