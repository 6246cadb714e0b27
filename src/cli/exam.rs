//! `jinji exam`: the year's rounds of promotion selection, and who may sit one (HR).

use super::args::ExamCommand;
use super::{CmdResult, Ctx, Failure};
use crate::domain::account::Role;
use crate::domain::exam::{ExamKind, Verdict};
use crate::store::{Db, OpenMode};

pub fn run(ctx: &Ctx, action: ExamCommand) -> CmdResult {
    let path = ctx.db_path("jinji.db")?;
    let mut db = ctx.open(&path, OpenMode::Existing)?;
    let me = ctx.account(&mut db)?;
    ctx.require(&me, &[Role::Admin, Role::Hr], "err.hr_only")?;
    match action {
        ExamCommand::List { year } => list(ctx, &db, year.unwrap_or(ctx.today.fiscal_year())),
        ExamCommand::Eligible { kind, year, all } => eligible(
            ctx,
            &db,
            &kind,
            year.unwrap_or(ctx.today.fiscal_year()),
            all,
        ),
    }
}

fn list(ctx: &Ctx, db: &Db, fy: i32) -> CmdResult {
    let l = ctx.lang;
    let kinds = db.exam_kinds().map_err(|e| ctx.err(e))?;
    for x in db.exams_of_year(fy).map_err(|e| ctx.err(e))? {
        let Some(k) = kinds.iter().find(|k| k.id == x.kind_id) else {
            continue;
        };
        let f = db.exam_figures(x.id).map_err(|e| ctx.err(e))?;
        crate::say!(
            "{} {} {} {}",
            crate::text::pad(&k.code, 12),
            crate::text::pad(&k.name, 12),
            crate::text::pad(l.label("exam_state", x.state.code()), 8),
            l.tf(
                "cli.exam_counts",
                &[("applicants", &f.applicants()), ("passers", &f.passers())]
            )
        );
    }
    Ok(())
}

fn eligible(ctx: &Ctx, db: &Db, code: &str, fy: i32, all: bool) -> CmdResult {
    let l = ctx.lang;
    let kind: ExamKind = db
        .exam_kind_by_code(code)
        .map_err(|e| ctx.err(e))?
        .ok_or_else(|| Failure::input(l.tf("err.exam_kind", &[("code", &code)])))?;
    let exam = db
        .exam_of(kind.id, fy)
        .map_err(|e| ctx.err(e))?
        .ok_or_else(|| {
            Failure::input(l.tf(
                "err.exam_no_round",
                &[("name", &kind.name), ("fy", &l.fiscal_year(fy))],
            ))
        })?;
    // Every verdict read once: the people listed, then the count of each verdict.
    let candidates = db.exam_candidates(exam.id, false).map_err(|e| ctx.err(e))?;
    let mut counts = std::collections::BTreeMap::new();
    for c in &candidates {
        *counts.entry(c.verdict).or_insert(0) += 1;
        if all || c.verdict == Verdict::Eligible {
            crate::say!(
                "{} {} {}",
                c.staff_no,
                crate::text::pad(&c.name, 14),
                l.label("exam_verdict", c.verdict.code())
            );
        }
    }
    for (v, n) in counts {
        crate::say!(
            "{} {n}",
            crate::text::pad(l.label("exam_verdict", v.code()), 16)
        );
    }
    Ok(())
}
