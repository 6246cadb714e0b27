//! `jinji export KIND`: CSV (UTF-8 with BOM, so Excel opens it) or JSON, streamed.
//! The file holds what the acting account may see: admin and hr everyone, a supervisor
//! their unit's subtree and the people they evaluate, staff themselves.

use std::io::Write;
use std::path::Path;

use super::args::Format;
use super::{CmdResult, Ctx, Failure};
use crate::domain::Date;
use crate::domain::account::Role;
use crate::i18n::Lang;
use crate::store::export::{Access, Cell, ExportKind, kind, kind_names};
use crate::store::scope::Visibility;
use crate::store::{Db, OpenMode, StoreError};

pub fn run(ctx: &Ctx, name: &str, format: Format, out: Option<&Path>) -> CmdResult {
    let lang = ctx.lang;
    let k = kind(name).ok_or_else(|| {
        Failure::input(lang.tf(
            "err.unknown_kind",
            &[("kind", &name), ("kinds", &kind_names().join(" "))],
        ))
    })?;
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
        .visibility(&me, Date::today().fiscal_year())
        .map_err(|e| ctx.err(e))?;
    let write_err = |p: &dyn std::fmt::Display, e: &dyn std::fmt::Display| {
        Failure::system(lang.tf("err.write", &[("path", p), ("reason", e)]))
    };
    let rows = match out {
        Some(p) => {
            let file = create_private(p).map_err(|e| write_err(&p.display(), &e))?;
            let mut w = std::io::BufWriter::new(file);
            let n = write(&db, k, &visible, format, header_lang(ctx), &mut w)
                .map_err(|e| ctx.err(e))?;
            w.flush().map_err(|e| write_err(&p.display(), &e))?;
            n
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            match write(&db, k, &visible, format, header_lang(ctx), &mut w)
                .and_then(|n| w.flush().map(|_| n).map_err(io_err))
            {
                Ok(n) => n,
                // A reader that stops early (`| head`) is not a failure.
                Err(StoreError::Io { reason, .. }) if reason.contains("Broken pipe") => {
                    return Ok(());
                }
                Err(e) => return Err(ctx.err(e)),
            }
        }
    };
    if let Some(p) = out {
        eprintln!(
            "{}",
            lang.tf(
                "cli.exported",
                &[("kind", &k.name), ("rows", &rows), ("path", &p.display())]
            )
        );
    }
    Ok(())
}

/// Headers are English snake_case unless `--lang ja` asks for Japanese.
fn header_lang(ctx: &Ctx) -> Lang {
    if ctx.lang_explicit {
        ctx.lang
    } else {
        Lang::En
    }
}

fn io_err(e: std::io::Error) -> StoreError {
    StoreError::Io {
        path: "-".into(),
        reason: e.to_string(),
    }
}

/// Personal data: the file is created for its owner only.
fn create_private(p: &Path) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(p)
}

/// Writes every row of `k` that `visible` may see; returns the row count.
pub fn write(
    db: &Db,
    k: &ExportKind,
    visible: &Visibility,
    format: Format,
    lang: Lang,
    w: &mut dyn Write,
) -> Result<usize, StoreError> {
    let mut n = 0;
    match format {
        Format::Csv => {
            w.write_all("\u{feff}".as_bytes()).map_err(io_err)?;
            let mut csv = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(w);
            let heads: Vec<&str> = k
                .headers
                .iter()
                .map(|h| {
                    if lang == Lang::Ja {
                        lang.try_t(&format!("col.{h}")).unwrap_or(h)
                    } else {
                        h
                    }
                })
                .collect();
            csv.write_record(&heads).map_err(|e| io_err(e.into()))?;
            db.export_rows(k, visible, |cells| {
                n += 1;
                csv.write_record(cells.iter().map(csv_text))
                    .map_err(|e| io_err(e.into()))
            })?;
            csv.flush().map_err(io_err)?;
        }
        Format::Json => {
            w.write_all(b"[").map_err(io_err)?;
            db.export_rows(k, visible, |cells| {
                let obj: serde_json::Map<String, serde_json::Value> = k
                    .headers
                    .iter()
                    .zip(cells)
                    .map(|(h, c)| (h.to_string(), json_value(c)))
                    .collect();
                w.write_all(if n == 0 { b"\n" } else { b",\n" })
                    .map_err(io_err)?;
                serde_json::to_writer(&mut *w, &obj).map_err(|e| io_err(e.into()))?;
                n += 1;
                Ok(())
            })?;
            w.write_all(b"\n]\n").map_err(io_err)?;
        }
    }
    Ok(n)
}

/// A text cell that a spreadsheet would run as a formula gets a leading apostrophe.
fn csv_text(c: &Cell) -> String {
    match c {
        Cell::Text(s) if s.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{s}"),
        c => c.as_text(),
    }
}

fn json_value(c: &Cell) -> serde_json::Value {
    match c {
        Cell::Null => serde_json::Value::Null,
        Cell::Int(i) => (*i).into(),
        Cell::Real(f) => serde_json::Number::from_f64(*f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        Cell::Text(s) => s.clone().into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_looking_text_is_neutralised() {
        assert_eq!(csv_text(&Cell::Text("=1+1".into())), "'=1+1");
        assert_eq!(csv_text(&Cell::Text("@SUM(A1)".into())), "'@SUM(A1)");
        assert_eq!(csv_text(&Cell::Text("山田".into())), "山田");
        assert_eq!(csv_text(&Cell::Int(-5)), "-5");
    }
}
