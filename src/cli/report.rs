//! `jinji report`: the evaluation sheet of a person and the summary of a unit, as Excel
//! workbooks, for what the acting account may see.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::args::ReportCommand;
use super::{CmdResult, Ctx, Failure};
use crate::domain::staff::Staff;
use crate::sheet::report;
use crate::store::{OpenMode, StoreError};

pub fn run(ctx: &Ctx, action: ReportCommand) -> CmdResult {
    let lang = ctx.lang;
    let path = ctx.db_path("jinji.db")?;
    let mut db = ctx.open(&path, OpenMode::ReadOnly)?;
    let me = ctx.account(&mut db)?;
    let this_year = ctx.today.fiscal_year();
    let not_found = |what: &str, key: &str| {
        Failure::input(lang.tf("err.report_not_found", &[("what", &what), ("key", &key)]))
    };
    let (bytes, out) = match action {
        // Printable text, not workbooks.
        ReportCommand::Appointment { staff, on } => {
            return super::notice::appointment(ctx, &db, &me, &staff, on.as_deref());
        }
        ReportCommand::Naiji { staff, plan } => {
            return super::notice::naiji(ctx, &db, &me, &staff, plan);
        }
        ReportCommand::EvalSheet { staff, year, out } => {
            let fy = year.unwrap_or(this_year);
            let visible = db.visibility(&me, fy).map_err(|e| ctx.err(e))?;
            // A person out of the account's sight is not found, not merely hidden.
            let person: Staff = db
                .staff_by_no(&staff)
                .map_err(|e| ctx.err(e))?
                .filter(|s| visible.sees(s))
                .ok_or_else(|| not_found(lang.field("staff_no"), &staff))?;
            let sheet = db
                .eval_sheet(&person, fy, visible.reader())
                .map_err(|e| ctx.err(e))?;
            let bytes = report::eval_sheet(lang, &sheet).map_err(|e| xlsx_err(ctx, &e))?;
            let out = out.unwrap_or_else(|| PathBuf::from(format!("eval-sheet-{staff}-{fy}.xlsx")));
            (bytes, out)
        }
        ReportCommand::UnitSummary { unit, year, out } => {
            let fy = year.unwrap_or(this_year);
            let visible = db.visibility(&me, fy).map_err(|e| ctx.err(e))?;
            let u = db
                .unit_by_code(&unit)
                .map_err(|e| ctx.err(e))?
                .filter(|u| visible.units().is_none_or(|us| us.contains(&u.id)))
                .ok_or_else(|| not_found(lang.field("unit_code"), &unit))?;
            let sum = db
                .unit_summary(&u, fy, visible.reader())
                .map_err(|e| ctx.err(e))?;
            let bytes = report::unit_summary(lang, &sum).map_err(|e| xlsx_err(ctx, &e))?;
            let out =
                out.unwrap_or_else(|| PathBuf::from(format!("unit-summary-{unit}-{fy}.xlsx")));
            (bytes, out)
        }
    };
    write_file(ctx, &out, &bytes)?;
    crate::say_err!(
        "{}",
        lang.tf("cli.report_done", &[("path", &out.display())])
    );
    Ok(())
}

fn xlsx_err(ctx: &Ctx, e: &dyn std::fmt::Display) -> Failure {
    ctx.err(StoreError::Io {
        path: "-".into(),
        reason: e.to_string(),
    })
}

fn write_file(ctx: &Ctx, p: &Path, bytes: &[u8]) -> CmdResult {
    let fail = |e: std::io::Error| {
        if crate::sheet::no_room(&e) {
            ctx.err(StoreError::DiskFull { path: p.into() })
        } else {
            Failure::system(
                ctx.lang
                    .tf("err.write", &[("path", &p.display()), ("reason", &e)]),
            )
        }
    };
    let mut f = crate::store::machine::files::create_private(p).map_err(fail)?;
    f.write_all(bytes).and_then(|_| f.flush()).map_err(|e| {
        // Nothing half-written is left behind.
        let _ = std::fs::remove_file(p);
        fail(e)
    })
}
