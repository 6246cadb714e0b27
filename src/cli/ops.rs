//! demo, init, seed, backup, check, and the summary a bare `jinji` prints.

use std::path::Path;
use std::time::Instant;

use super::{CmdResult, Ctx, Failure, os_login};
use crate::demo::{self, Params};
use crate::domain::account::Role;
use crate::i18n::Lang;
use crate::store::{Db, OpenMode, Staging, StoreError, summary::Summary};
use crate::text::pad;

/// A bare `jinji`: the database's contents in numbers (the screens arrive in the next version).
pub fn summary(ctx: &Ctx) -> CmdResult {
    let path = ctx.db_path("jinji.db")?;
    let mut db = ctx.open(&path, OpenMode::Create)?;
    // A new (or empty) file: whoever creates it is its admin.
    if !db.has_accounts().map_err(|e| ctx.err(e))? {
        db.ensure_admin(&os_login(ctx.lang)?, ctx.today)
            .map_err(|e| ctx.err(e))?;
    }
    let me = ctx.account(&mut db)?;
    open_or_summarise(ctx, db, me)
}

/// On a terminal, the screens (on the clock's today); otherwise (a pipe, a script) the
/// summary in text.
fn open_or_summarise(ctx: &Ctx, db: Db, me: crate::domain::account::Account) -> CmdResult {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        let mut app =
            crate::app::App::new_off_thread(db, ctx.lang, me, ctx.today).map_err(|e| ctx.err(e))?;
        // The screens back up where `jinji backup` does.
        if let Ok(dir) = super::backup::backups_dir(ctx) {
            app.session.dirs.backups_dir = dir;
        }
        app.configure(&ctx.config);
        crate::tui::run(app)
            .map_err(|e| Failure::system(ctx.lang.tf("err.terminal", &[("reason", &e)])))
    } else {
        // Counts over the whole ward are for those who see the whole ward.
        let whole = matches!(me.role, Role::Admin | Role::Hr);
        print_summary(ctx.lang, &db, whole)
    }
}

pub fn print_summary(lang: Lang, db: &Db, whole: bool) -> CmdResult {
    let s: Summary = db.summary().map_err(|e| super::Failure::store(lang, &e))?;
    crate::say!(
        "{}",
        lang.tf("cli.summary_title", &[("path", &db.path().display())])
    );
    if !whole {
        crate::say!(
            "  {}",
            lang.tf("cli.schema", &[("version", &s.schema_version)])
        );
        return Ok(());
    }
    crate::say!(
        "  {}  ·  {}",
        lang.tf("cli.schema", &[("version", &s.schema_version)]),
        lang.tf("cli.active_staff", &[("count", &s.active_staff)])
    );
    let years: Vec<String> = s
        .fiscal_years
        .iter()
        .map(|y| lang.fiscal_year(*y))
        .collect();
    if years.is_empty() {
        crate::say!("  {}", lang.t("cli.no_years"));
    } else {
        crate::say!(
            "  {}",
            lang.tf(
                "cli.fiscal_years",
                &[("years", &years.join(list_separator(lang)))]
            )
        );
    }
    crate::say!();
    let width = s
        .counts
        .iter()
        .map(|(t, _)| crate::text::width(lang.t(&format!("table.{t}"))))
        .max()
        .unwrap_or(0);
    for (t, n) in &s.counts {
        crate::say!(
            "  {}  {:>9}",
            pad(lang.t(&format!("table.{t}")), width),
            lang.tf("cli.rows", &[("count", n)])
        );
    }
    Ok(())
}

/// Generates into a new file beside `path` and moves it over it in one rename, so a failed
/// or killed run leaves the old database as it was (and the next run clears what it left).
fn generate_into(ctx: &Ctx, path: &Path, params: &Params) -> Result<(Db, usize, f64), Failure> {
    if let Some(dir) = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && !d.is_dir())
    {
        return Err(ctx.err(StoreError::Io {
            path: path.into(),
            reason: format!("directory {} does not exist", dir.display()),
        }));
    }
    let staging = Staging::beside(path).map_err(|e| ctx.err(e))?;
    let admin = os_login(ctx.lang)?;
    let started = Instant::now();
    let rows = (|| -> Result<usize, StoreError> {
        let db = Db::open(staging.path(), OpenMode::Create)?;
        db.set_bulk_load(true)?;
        let report = demo::generate(&db, params)?;
        db.ensure_admin(&admin, params.today)?;
        db.set_bulk_load(false)?;
        db.analyze()?;
        db.checkpoint()?;
        Ok(report.total())
    })()
    .map_err(|e| ctx.err(e))?;
    staging.replace(path).map_err(|e| ctx.err(e))?;
    let db = ctx.open(path, OpenMode::Existing)?;
    Ok((db, rows, started.elapsed().as_secs_f64()))
}

pub fn demo(ctx: &Ctx, staff: u32, seed: u64) -> CmdResult {
    let path = ctx.db_path("demo.db")?;
    // Only a demo database is ever replaced: a real one named by mistake stays as it is.
    if path.exists() {
        let old = ctx.open(&path, OpenMode::ReadOnly)?;
        if !old.is_demo().map_err(|e| ctx.err(e))? {
            return Err(Failure::input(
                ctx.lang.tf("err.not_empty", &[("path", &path.display())]),
            ));
        }
    }
    let params = Params {
        staff: staff as usize,
        seed,
        ..Params::demo(ctx.today)
    };
    let (db, rows, secs) = generate_into(ctx, &path, &params)?;
    crate::say!(
        "{}",
        ctx.lang.tf(
            "cli.demo_built",
            &[
                ("path", &path.display()),
                ("rows", &rows),
                ("secs", &format!("{secs:.2}"))
            ]
        )
    );
    crate::say!();
    let mut db = db;
    let me = ctx.account(&mut db)?;
    open_or_summarise(ctx, db, me)
}

pub fn init(ctx: &Ctx) -> CmdResult {
    let path = ctx.db_path("jinji.db")?;
    if path.exists() {
        return Err(Failure::input(
            ctx.lang.tf("err.exists", &[("path", &path.display())]),
        ));
    }
    let db = ctx.open(&path, OpenMode::Create)?;
    let login = os_login(ctx.lang)?;
    db.ensure_admin(&login, ctx.today).map_err(|e| ctx.err(e))?;
    crate::say!(
        "{}",
        ctx.lang.tf(
            "cli.initialised",
            &[("path", &path.display()), ("login", &login)]
        )
    );
    Ok(())
}

pub fn seed(ctx: &Ctx, staff: u32, years: i32, seed: u64) -> CmdResult {
    let path = ctx.db_path("jinji.db")?;
    // Seeding builds a new file: only one that holds nothing but its creator's account
    // may be replaced.
    if path.exists() {
        let db = ctx.open(&path, OpenMode::ReadOnly)?;
        let staff = db
            .count::<crate::domain::staff::Staff>(&[])
            .map_err(|e| ctx.err(e))?;
        let accounts = db.accounts().map_err(|e| ctx.err(e))?;
        let me = os_login(ctx.lang)?;
        if staff > 0 || accounts.iter().any(|a| a.login != me) {
            return Err(Failure::input(
                ctx.lang.tf("err.not_empty", &[("path", &path.display())]),
            ));
        }
    }
    let params = Params {
        staff: staff as usize,
        years,
        seed,
        today: ctx.today,
    };
    let (_db, rows, secs) = generate_into(ctx, &path, &params)?;
    crate::say!(
        "{}",
        ctx.lang.tf(
            "cli.seeded",
            &[
                ("path", &path.display()),
                ("staff", &staff),
                ("years", &years),
                ("rows", &rows),
                ("secs", &format!("{secs:.1}"))
            ]
        )
    );
    Ok(())
}

/// Between the items of a list in a sentence: 令和7年度、令和8年度 / FY2025, FY2026.
fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "、",
        Lang::En => ", ",
    }
}
