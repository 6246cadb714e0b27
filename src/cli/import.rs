//! `jinji import KIND FILE`: a roster from CSV (UTF-8 or CP932) or XLSX, checked row by
//! row and written all or nothing. `--dry-run` checks and writes nothing; Ctrl-c cancels
//! with nothing written.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use indicatif::ProgressBar;

use super::args::EncodingArg;
use super::{CmdResult, Ctx, Failure};
use crate::domain::account::Role;
use crate::i18n::{Lang, problem_text, sheet_error_text};
use crate::import::{Import, ImportReport, Watch, import_kind, import_kind_names};
use crate::sheet::{Encoding, read_table};
use crate::store::OpenMode;

pub fn run(
    ctx: &Ctx,
    name: &str,
    file: &Path,
    dry_run: bool,
    encoding: Option<EncodingArg>,
) -> CmdResult {
    let lang = ctx.lang;
    let kind = import_kind(name).ok_or_else(|| {
        Failure::input(lang.tf(
            "err.unknown_import_kind",
            &[("kind", &name), ("kinds", &import_kind_names().join(" "))],
        ))
    })?;
    let path = ctx.db_path("jinji.db")?;
    let mut db = ctx.open(&path, OpenMode::Existing)?;
    let me = ctx.account(&mut db)?;
    ctx.require(&me, &[Role::Admin, Role::Hr], "err.hr_only")?;

    // Ctrl-c from here on asks the import to stop; it then writes nothing.
    let cancel = Arc::new(AtomicBool::new(false));
    {
        let cancel = cancel.clone();
        // A second handler cannot be set (tests run several imports in one process);
        // then Ctrl-c ends the process as usual, and the open transaction with it.
        let _ = ctrlc::set_handler(move || cancel.store(true, Ordering::SeqCst));
    }
    let enc = match encoding {
        None => Encoding::Auto,
        Some(EncodingArg::Utf8) => Encoding::Utf8,
        Some(EncodingArg::Cp932) => Encoding::Cp932,
    };
    let spinner = super::progress_bar(None);
    spinner.set_message(lang.tf("cli.import_reading", &[("path", &file.display())]));
    let table = read_table(file, enc).map_err(|e| {
        spinner.finish_and_clear();
        Failure::input(sheet_error_text(lang, &e))
    })?;
    spinner.finish_and_clear();

    let mut watch = CliWatch {
        bar: super::progress_bar(Some(table.rows.len() as u64)),
        cancel,
    };
    watch
        .bar
        .set_message(lang.tf("cli.import_checking", &[("kind", &kind.name)]));
    let report = db
        .import(kind, &table.headers, &table.rows, dry_run, &mut watch)
        .map_err(|e| {
            watch.bar.finish_and_clear();
            ctx.err(e)
        })?;
    watch.bar.finish_and_clear();
    print_report(lang, file, kind.name, table.read_as, dry_run, &report)
}

/// The problems one per line as `FILE:ROW:COLUMN: reason`, then what was (or would be)
/// done; a failure when anything was refused or cancelled.
fn print_report(
    lang: Lang,
    file: &Path,
    kind: &str,
    read_as: &str,
    dry_run: bool,
    r: &ImportReport,
) -> CmdResult {
    for p in &r.problems {
        let mut e = p.problem.clone();
        // A field the kind names its own way (a person's 級, not an evaluation's 評語).
        if let ("staff", "grade") = (kind, e.field) {
            e.field = "staff.grade";
        }
        crate::say!(
            "{}:{}:{}: {}",
            file.display(),
            p.row,
            p.column,
            problem_text(lang, &e)
        );
    }
    if !r.ignored_columns.is_empty() {
        crate::say_err!(
            "{}",
            lang.tf(
                "cli.import_ignored",
                &[("columns", &r.ignored_columns.join(", "))]
            )
        );
    }
    if r.cancelled {
        return Err(Failure {
            message: lang.t("cli.import_cancelled").into(),
            code: 130,
        });
    }
    let counts: [(&str, &dyn std::fmt::Display); 7] = [
        ("kind", &kind),
        ("rows", &r.rows),
        ("created", &r.created),
        ("updated", &r.updated),
        ("unchanged", &r.unchanged),
        ("path", &file.display()),
        ("read_as", &read_as),
    ];
    if !r.problems.is_empty() {
        let rows: std::collections::BTreeSet<usize> = r.problems.iter().map(|p| p.row).collect();
        return Err(Failure::input(lang.tf(
            if dry_run {
                "cli.import_dry_problems"
            } else {
                "cli.import_refused"
            },
            &[("problems", &r.problems.len()), ("bad_rows", &rows.len())],
        )));
    }
    let key = if dry_run {
        "cli.import_dry_ok"
    } else {
        "cli.import_done"
    };
    crate::say_err!("{}", lang.tf(key, &counts));
    Ok(())
}

struct CliWatch {
    bar: ProgressBar,
    cancel: Arc<AtomicBool>,
}

impl Watch for CliWatch {
    fn row_done(&mut self, done: usize, _total: usize) {
        // indicatif redraws at most ~20 times a second whatever is set.
        if done.is_multiple_of(256) {
            self.bar.set_position(done as u64);
        }
    }
    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::SeqCst)
    }
}
