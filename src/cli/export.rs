//! `jinji export KIND`: CSV (UTF-8 with BOM, so Excel opens it, or CP932), XLSX or JSON,
//! streamed.
//! The file holds what the acting account may see: admin and hr everyone, a supervisor
//! their unit's subtree and the people they evaluate, staff themselves.

use std::io::Write;
use std::path::Path;

use super::args::{EncodingArg, Format};
use super::{CmdResult, Ctx, Failure};
use crate::domain::account::Role;
use crate::i18n::Lang;
use crate::sheet::write::{Format as SheetFormat, sink};
use crate::sheet::{Heading, SheetError};
use crate::store::export::{Access, ExportKind, POSTS_AS_OF, UNITS_AS_OF, kind, kind_names};
use crate::store::scope::Visibility;
use crate::store::{Db, OpenMode, StoreError};

pub fn run(
    ctx: &Ctx,
    name: &str,
    format: Option<Format>,
    encoding: EncodingArg,
    out: Option<&Path>,
    as_of: Option<&str>,
) -> CmdResult {
    let lang = ctx.lang;
    let format = format.unwrap_or_else(|| format_of(out));
    let mut k = kind(name).ok_or_else(|| {
        Failure::input(lang.tf(
            "err.unknown_kind",
            &[("kind", &name), ("kinds", &kind_names().join(" "))],
        ))
    })?;
    // The tree of a day under its names of then; 定数 and 現員 of a day.
    let day = match as_of {
        None => None,
        Some(d) => {
            k = match k.name {
                "units" => &UNITS_AS_OF,
                "posts" => &POSTS_AS_OF,
                _ => {
                    return Err(Failure::input(
                        lang.tf("err.as_of_kinds", &[("kind", &name)]),
                    ));
                }
            };
            let day = super::parse_date(lang, d).map_err(|f| {
                Failure::input(lang.tf("err.as_of_date", &[("reason", &f.message)]))
            })?;
            Some(day)
        }
    };
    let path = ctx.db_path("jinji.db")?;
    let mut db = ctx.open(&path, OpenMode::ReadOnly)?;
    let me = ctx.account(&mut db)?;
    // Accounts and the audit log are for admins alone, the incidents register for the HR
    // office; every other kind is cut down to what the account may see.
    match k.access {
        Access::Admin => ctx.require(&me, &[Role::Admin], "err.admin_only")?,
        Access::Hr => ctx.require(&me, &[Role::Admin, Role::Hr], "err.hr_only")?,
        Access::Whole | Access::Owned(_) => {}
    }
    let visible = db
        .visibility(&me, ctx.today.fiscal_year())
        .map_err(|e| ctx.err(e))?;
    let hl = header_lang(ctx);
    let heading = heading(k, hl);
    let cp932 = encoding == EncodingArg::Cp932;
    let (rows, replaced) = match out {
        Some(p) => {
            let file = crate::store::machine::files::create_private(p)
                .map_err(|e| write_err(ctx, &p.display(), &e))?;
            let w = std::io::BufWriter::new(file);
            // Rows counted as they go (to a file; standard output stays clean).
            let bar = super::progress_bar(None);
            bar.set_message(k.name);
            let r = write(
                &db,
                (k, day),
                &visible,
                format.sheet(),
                &heading,
                cp932,
                w,
                p,
                &bar,
            );
            bar.finish_and_clear();
            // Nothing half-written is left behind (a full disk, a database error).
            r.map_err(|e| {
                let _ = std::fs::remove_file(p);
                e.failure(ctx)
            })?
        }
        None => {
            let stdout = std::io::stdout();
            let w = std::io::BufWriter::new(stdout.lock());
            match write(
                &db,
                (k, day),
                &visible,
                format.sheet(),
                &heading,
                cp932,
                w,
                Path::new("-"),
                &indicatif::ProgressBar::hidden(),
            ) {
                Ok(n) => n,
                // A reader that stops early (`| head`) is not a failure.
                Err(WriteError::Sheet(SheetError::Write { reason, .. }))
                    if reason.contains("Broken pipe") =>
                {
                    return Ok(());
                }
                Err(e) => return Err(e.failure(ctx)),
            }
        }
    };
    if replaced > 0 {
        crate::say_err!("{}", lang.tf("cli.cp932_replaced", &[("count", &replaced)]));
    }
    if let Some(p) = out {
        crate::say_err!(
            "{}",
            lang.tf(
                "cli.exported",
                &[("kind", &k.name), ("rows", &rows), ("path", &p.display())]
            )
        );
    }
    Ok(())
}

fn write_err(ctx: &Ctx, p: &dyn std::fmt::Display, e: &dyn std::fmt::Display) -> Failure {
    Failure::system(ctx.lang.tf("err.write", &[("path", p), ("reason", e)]))
}

/// The format an output file's name asks for (CSV unless it ends in .xlsx or .json).
fn format_of(out: Option<&Path>) -> Format {
    match out
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("xlsx") => Format::Xlsx,
        Some("json") => Format::Json,
        _ => Format::Csv,
    }
}

/// Column titles in `lang` (snake_case in English), JSON keys, and the sheet's name.
pub fn heading(k: &ExportKind, lang: Lang) -> Heading<'static> {
    Heading {
        titles: k
            .headers
            .iter()
            .map(|h| {
                if lang == Lang::Ja {
                    column_title(lang, k.name, h).to_string()
                } else {
                    h.to_string()
                }
            })
            .collect(),
        keys: k.headers.to_vec(),
        sheet: lang.try_t(&format!("table.{}", k.name)).unwrap_or(k.name),
    }
}

/// A column's title in `lang`: the kind's own (`col.staff.grade` 級) before the shared
/// one (`col.grade` 評語), else the snake_case name.
pub fn column_title(lang: Lang, kind: &str, col: &'static str) -> &'static str {
    lang.try_t(&format!("col.{kind}.{col}"))
        .or_else(|| lang.try_t(&format!("col.{col}")))
        .unwrap_or(col)
}

/// Headers are English snake_case unless `--lang ja` asks for Japanese.
fn header_lang(ctx: &Ctx) -> Lang {
    if ctx.lang_explicit {
        ctx.lang
    } else {
        Lang::En
    }
}

/// Why an export stopped: the database or the file.
#[derive(Debug)]
pub enum WriteError {
    Store(StoreError),
    Sheet(SheetError),
}

impl WriteError {
    fn failure(self, ctx: &Ctx) -> Failure {
        match self {
            WriteError::Store(e) => ctx.err(e),
            WriteError::Sheet(e) => Failure::system(crate::i18n::sheet_error_text(ctx.lang, &e)),
        }
    }
}

/// Writes every row of `k` (as of the day, if one is given) that `visible` may see;
/// returns the row count and how many characters CP932 could not hold.
#[allow(clippy::too_many_arguments)]
pub fn write<W: Write>(
    db: &Db,
    (k, day): (&ExportKind, Option<crate::domain::Date>),
    visible: &Visibility,
    format: SheetFormat,
    heading: &Heading<'_>,
    cp932: bool,
    w: W,
    path: &Path,
    bar: &indicatif::ProgressBar,
) -> Result<(usize, usize), WriteError> {
    let mut sink = sink(format, heading, cp932, w, path).map_err(WriteError::Sheet)?;
    let mut n: usize = 0;
    let mut failed = None;
    db.export_rows_on(k, visible, day, |cells| {
        n += 1;
        if n.is_multiple_of(1024) {
            bar.set_position(n as u64);
        }
        sink.row(cells).map_err(|e| {
            failed = Some(e);
            StoreError::Sql("write".into())
        })
    })
    .map_err(|e| match failed.take() {
        Some(s) => WriteError::Sheet(s),
        None => WriteError::Store(e),
    })?;
    let replaced = sink.finish().map_err(WriteError::Sheet)?;
    Ok((n, replaced))
}
