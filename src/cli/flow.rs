//! `jinji eval STEP …` and `jinji pdca …`: the workflows from the command line, under the
//! same rules as the screens. A batch moves all of its records or none.

use super::args::{EvalArgs, KindArg, PdcaCommand, TermArg};
use super::{CmdResult, Ctx, Failure};
use crate::domain::account::Account;
use crate::domain::eval_flow::{EvalInput, EvalStep};
use crate::domain::evaluation::{BoardDecision, EvalKind, Evaluation, Grade, Term};
use crate::domain::pdca_flow::{PdcaInput, PdcaStep};
use crate::domain::staff::Staff;
use crate::domain::{Date, Id, Invalid, Problem};
use crate::i18n::error_text;
use crate::store::flow::Actor;
use crate::store::scope::Visibility;
use crate::store::{Db, Filter, OpenMode, StoreError};

/// The database, who is acting, and what they may see.
pub(super) fn open(ctx: &Ctx) -> Result<(Db, Account, Visibility), Failure> {
    let path = ctx.db_path("jinji.db")?;
    let mut db = ctx.open(&path, OpenMode::Existing)?;
    let me = ctx.account(&mut db)?;
    let visible = db
        .visibility(&me, ctx.today.fiscal_year())
        .map_err(|e| ctx.err(e))?;
    Ok((db, me, visible))
}

fn parse_date(ctx: &Ctx, s: &Option<String>) -> Result<Option<Date>, Failure> {
    match s {
        None => Ok(None),
        Some(s) => super::parse_date(ctx.lang, s).map(Some),
    }
}

pub fn eval(ctx: &Ctx, a: EvalArgs) -> CmdResult {
    let lang = ctx.lang;
    if a.step == "open" {
        return open_period(ctx, &a);
    }
    let step = EvalStep::from_code(&a.step.replace('-', "_")).ok_or_else(|| {
        Failure::input(lang.tf(
            "err.unknown_step",
            &[("step", &a.step), ("steps", &EvalStep::CODES.join(" "))],
        ))
    })?;
    let rating = match &a.rating {
        None => None,
        Some(r) => Some(
            Grade::from_code(&r.trim().to_uppercase())
                .ok_or_else(|| Failure::input(lang.tf("err.bad_rating", &[("value", r)])))?,
        ),
    };
    let decision = match &a.decision {
        None => None,
        Some(d) => Some(
            BoardDecision::from_code(&d.trim().replace('-', "_")).ok_or_else(|| {
                Failure::input(lang.tf(
                    "err.bad_decision",
                    &[("value", d), ("codes", &BoardDecision::CODES.join(" "))],
                ))
            })?,
        ),
    };
    let input = EvalInput {
        rating,
        text: a.comment.clone().unwrap_or_default(),
        start_interview_on: parse_date(ctx, &a.start_interview)?,
        end_interview_on: parse_date(ctx, &a.end_interview)?,
        start_interview_note: a.start_note.clone(),
        end_interview_note: a.end_note.clone(),
        decision,
        decided_on: parse_date(ctx, &a.decided_on)?,
    };
    let (db, me, visible) = open(ctx)?;
    let who = Actor {
        account: &me,
        visible: &visible,
    };
    let today = ctx.today;
    let year = a.year.unwrap_or(today.fiscal_year());
    let kind = match a.kind {
        KindArg::Competency => EvalKind::Competency,
        KindArg::Performance => EvalKind::Performance,
    };
    let term = match a.term {
        TermArg::Full => Term::Full,
        TermArg::H1 => Term::H1,
        TermArg::H2 => Term::H2,
    };
    let kind_label = lang.label("eval_kind", kind.code());
    let period = db
        .eval_period(year, kind, term)
        .map_err(|e| ctx.err(e))?
        .ok_or_else(|| {
            Failure::input(lang.tf(
                "err.no_period",
                &[("kind", &kind_label), ("year", &lang.fiscal_year(year))],
            ))
        })?;
    // Which evaluations: the people named, or every one the move applies to now.
    let mut targets: Vec<(Staff, Evaluation)> = Vec::new();
    if a.all {
        let all: Vec<Evaluation> = db
            .all(vec![Filter::eq("period_id", period.id)], "id")
            .map_err(|e| ctx.err(e))?;
        for e in all {
            let Ok(e) = db.evaluation_for(e.id, who) else {
                continue;
            };
            if db
                .eval_moves(&e, who, today)
                .map_err(|e| ctx.err(e))?
                .contains(&step)
            {
                let s: Staff = db.get(e.staff_id).map_err(|e| ctx.err(e))?;
                targets.push((s, e));
            }
        }
    } else {
        if a.staff.is_empty() {
            return Err(Failure::input(lang.t("err.eval_who").into()));
        }
        for no in &a.staff {
            let unknown = || Failure::input(lang.tf("err.unknown_staff", &[("staff_no", no)]));
            // Someone the account may not see is not found, as if not there.
            let s = db
                .staff_by_no(no)
                .map_err(|e| ctx.err(e))?
                .filter(|s| visible.sees(s))
                .ok_or_else(unknown)?;
            let e = db
                .all::<Evaluation>(
                    vec![
                        Filter::eq("period_id", period.id),
                        Filter::eq("staff_id", s.id),
                    ],
                    "id",
                )
                .map_err(|e| ctx.err(e))?
                .pop()
                .ok_or_else(|| Failure::input(lang.tf("err.no_evaluation", &[("staff_no", no)])))?;
            targets.push((s, e));
        }
    }
    let mut moved = Vec::new();
    let mut failed_on = String::new();
    let result = db.write(|| {
        for (s, e) in &targets {
            failed_on.clone_from(&s.staff_no);
            moved.push((s, db.eval_move(e.id, None, step, &input, who, today)?));
        }
        Ok(())
    });
    if let Err(err) = result {
        let code = if err.is_user_error() { 2 } else { 1 };
        return Err(Failure {
            message: format!("{failed_on}: {}", error_text(lang, &err)),
            code,
        });
    }
    let step_label = lang.label("eval_step", step.code());
    for (s, n) in &moved {
        crate::say!(
            "{}",
            lang.tf(
                "cli.eval_moved",
                &[
                    ("staff_no", &s.staff_no),
                    ("name", &s.full_name()),
                    ("move", &step_label),
                    ("state", &lang.label("eval_state", n.state.code())),
                ]
            )
        );
    }
    if a.all {
        crate::say!(
            "{}",
            lang.tf(
                "cli.eval_moved_n",
                &[("n", &moved.len()), ("move", &step_label)]
            )
        );
    }
    Ok(())
}

pub fn pdca(ctx: &Ctx, action: PdcaCommand) -> CmdResult {
    let lang = ctx.lang;
    let (db, me, visible) = open(ctx)?;
    let who = Actor {
        account: &me,
        visible: &visible,
    };
    let today = ctx.today;
    let err = |e: StoreError| ctx.err(e);
    match action {
        PdcaCommand::Advance {
            id,
            result,
            improvements,
        } => {
            let c = db.pdca_for(id, who).map_err(err)?;
            let step = PdcaStep::next_for(c.phase).ok_or_else(|| {
                ctx.err(
                    Invalid::one(
                        "phase",
                        Problem::Rule {
                            rule: "pdca_phase_passed",
                        },
                    )
                    .into(),
                )
            })?;
            let input = PdcaInput {
                result,
                improvements: improvements.unwrap_or_default(),
            };
            move_cycle(ctx, &db, id, step, &input, who, today)
        }
        PdcaCommand::Close { id, improvements } => {
            let input = PdcaInput {
                result: None,
                improvements: improvements.unwrap_or_default(),
            };
            move_cycle(ctx, &db, id, PdcaStep::Close, &input, who, today)
        }
        PdcaCommand::Review { id, comment } => {
            let r = db.pdca_review(id, &comment, who, today).map_err(err)?;
            crate::say!(
                "{}",
                lang.tf(
                    "cli.pdca_reviewed",
                    &[("id", &id), ("date", &r.reviewed_on)]
                )
            );
            Ok(())
        }
        PdcaCommand::Checkin { id, note, progress } => {
            let k = db
                .pdca_checkin(id, &note, progress, who, today)
                .map_err(err)?;
            crate::say!(
                "{}",
                lang.tf("cli.pdca_checkin", &[("id", &id), ("date", &k.on_date)])
            );
            Ok(())
        }
    }
}

fn move_cycle(
    ctx: &Ctx,
    db: &Db,
    id: Id,
    step: PdcaStep,
    input: &PdcaInput,
    who: Actor,
    today: Date,
) -> CmdResult {
    let lang = ctx.lang;
    let (c, next) = db
        .pdca_move(id, None, step, input, who, today)
        .map_err(|e| ctx.err(e))?;
    crate::say!(
        "{}",
        lang.tf(
            "cli.pdca_moved",
            &[("id", &id), ("phase", &lang.label("phase", c.phase.code()))]
        )
    );
    if let Some(n) = next {
        let baseline = n.baseline.map(|b| b.to_string()).unwrap_or_default();
        crate::say!(
            "{}",
            lang.tf(
                "cli.pdca_next",
                &[("id", &id), ("next", &n.id), ("baseline", &baseline)]
            )
        );
    }
    Ok(())
}

/// `jinji eval open --kind K [--year FY] [--base-date D]`: a new period, and a draft
/// evaluation for everyone at work on its base day.
fn open_period(ctx: &Ctx, a: &EvalArgs) -> CmdResult {
    let lang = ctx.lang;
    if !a.staff.is_empty() || a.all {
        return Err(Failure::input(lang.t("err.eval_open_all").into()));
    }
    let (db, me, visible) = open(ctx)?;
    let who = Actor {
        account: &me,
        visible: &visible,
    };
    let year = a.year.unwrap_or(ctx.today.fiscal_year());
    let kind = match a.kind {
        KindArg::Competency => EvalKind::Competency,
        KindArg::Performance => EvalKind::Performance,
    };
    let base = match parse_date(ctx, &a.base_date)? {
        Some(d) => d,
        None => match kind {
            EvalKind::Competency => Date::from_ymd(year, 10, 1),
            EvalKind::Performance => Date::from_ymd(year + 1, 3, 31),
        },
    };
    let (p, n) = db
        .open_eval_period(year, kind, base, who)
        .map_err(|e| ctx.err(e))?;
    crate::say!(
        "{}",
        lang.tf(
            "cli.eval_opened",
            &[
                ("kind", &lang.label("eval_kind", kind.code())),
                ("year", &lang.fiscal_year(p.fiscal_year)),
                ("base", &p.base_date),
                ("n", &n),
            ]
        )
    );
    Ok(())
}
