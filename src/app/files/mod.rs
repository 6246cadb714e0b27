//! `x`: the list on screen written to a file (Excel, CSV, JSON), and a backup of the
//! database (HR office). Both run as jobs off the UI thread. The reports of a person or
//! a unit it offers are in `reports`.

use std::path::PathBuf;

mod reports;

use super::jobs::Job;
use super::{App, Modal};
use crate::domain::Id;
use crate::domain::account::Role;
use crate::i18n::{Lang, error_text, sheet_error_text};
use crate::sheet::Heading;
use crate::sheet::write::{Format, sink};
use crate::store::Cell;
use crate::store::views::{ColKind, ViewCol};
use crate::store::{Db, OpenMode, StoreError};

/// What the file menu offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileItem {
    Export {
        format: Format,
        cp932: bool,
    },
    /// 評価シート of a person, for the year in view.
    EvalSheet(Id),
    /// 所属別集計 of a unit, for the year in view.
    UnitSummary(Id),
    /// 発令通知書 of a person: the 発令 of their latest day.
    Appointment(Id),
    /// 内示書 of a person: their move in the newest plan that moves them.
    Naiji(Id),
    Backup,
}

impl FileItem {
    fn label_key(self) -> &'static str {
        match self {
            FileItem::Export {
                format: Format::Xlsx,
                ..
            } => "files.xlsx",
            FileItem::Export {
                format: Format::Csv,
                cp932: false,
            } => "files.csv",
            FileItem::Export {
                format: Format::Csv,
                cp932: true,
            } => "files.csv_sjis",
            FileItem::Export {
                format: Format::Json,
                ..
            } => "files.json",
            FileItem::EvalSheet(_) => "files.eval_sheet",
            FileItem::UnitSummary(_) => "files.unit_summary",
            FileItem::Appointment(_) => "files.appointment",
            FileItem::Naiji(_) => "files.naiji",
            FileItem::Backup => "files.backup",
        }
    }
}

pub struct FileMenu {
    pub items: Vec<(FileItem, String)>,
    pub selected: usize,
}

/// Where files are written: exports to `export_dir`, backups to `backups_dir` (the same
/// place as `jinji backup`), keeping `backup_keep`.
#[derive(Debug, Clone)]
pub struct Dirs {
    pub export_dir: PathBuf,
    pub backups_dir: PathBuf,
    pub backup_keep: usize,
}

impl Dirs {
    /// Exports where jinji was started, backups beside the database.
    pub fn beside(db: &std::path::Path) -> Dirs {
        let parent = db
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("."));
        Dirs {
            export_dir: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            backups_dir: parent.join("backups"),
            backup_keep: 10,
        }
    }
}

impl App {
    /// `x`: the formats the list can be written in, and a backup for the HR office.
    pub(super) fn open_files(&mut self) -> Result<(), StoreError> {
        let mut items: Vec<FileItem> = [
            (Format::Xlsx, false),
            (Format::Csv, false),
            (Format::Csv, true),
            (Format::Json, false),
        ]
        .into_iter()
        .map(|(format, cp932)| FileItem::Export { format, cp932 })
        .collect();
        let mut names = Vec::new();
        if let Some(p) = self.report_person()? {
            items.push(FileItem::EvalSheet(p.id));
            names.push(p.full_name());
            for notice in self.notices_of(&p)? {
                items.push(notice);
                names.push(p.full_name());
            }
        }
        if let Some(u) = self.report_unit()? {
            items.push(FileItem::UnitSummary(u.id));
            names.push(u.name);
        }
        if matches!(self.session.account.role, Role::Admin | Role::Hr) {
            items.push(FileItem::Backup);
        }
        let mut names = names.into_iter();
        let items = items
            .into_iter()
            .map(|i| {
                let label = match i {
                    FileItem::EvalSheet(_)
                    | FileItem::UnitSummary(_)
                    | FileItem::Appointment(_)
                    | FileItem::Naiji(_) => self.session.lang.tf(
                        i.label_key(),
                        &[
                            ("name", &names.next().unwrap_or_default()),
                            ("year", &self.session.lang.fiscal_year(self.nav.fiscal_year)),
                        ],
                    ),
                    _ => self.session.lang.t(i.label_key()).to_string(),
                };
                (i, label)
            })
            .collect();
        self.modals
            .push(Modal::Files(FileMenu { items, selected: 0 }));
        Ok(())
    }

    pub(super) fn files_action(&mut self, action: super::action::Action) {
        use super::action::Action;
        let Some(Modal::Files(menu)) = self.modals.last_mut() else {
            return;
        };
        match action {
            Action::Cancel => {
                self.modals.pop();
            }
            Action::Up => menu.selected = menu.selected.saturating_sub(1),
            Action::Down => menu.selected = (menu.selected + 1).min(menu.items.len() - 1),
            Action::Submit => {
                let item = menu.items[menu.selected].0;
                self.modals.pop();
                match item {
                    FileItem::Export { format, cp932 } => self.start_export(format, cp932),
                    FileItem::EvalSheet(id) => self.start_report(Some(id), None),
                    FileItem::UnitSummary(id) => self.start_report(None, Some(id)),
                    FileItem::Appointment(id) | FileItem::Naiji(id) => self.start_notice(item, id),
                    FileItem::Backup => self.start_backup(),
                }
            }
            _ => {}
        }
    }

    pub(super) fn start_job(&mut self, job: Job) {
        self.job = Some(job);
        self.modals.push(Modal::Job);
    }

    /// Writes every row of the list on screen (its year, scope, filter, search and
    /// order, within what the account may see) to a new file in the export directory.
    fn start_export(&mut self, format: Format, cp932: bool) {
        let name = self.view_name();
        let (Some(def), Some(list)) = (self.view().list(), self.list()) else {
            return;
        };
        let q = list.query.clone();
        let lang = self.session.lang;
        let db_path = self.session.db.path().to_path_buf();
        // Stamped to the second; a second export of the list within it gets `-2`.
        let stem = format!("{name}-{}", (self.session.clock)().format("%Y%m%d-%H%M%S"));
        let export_dir = self.session.dirs.export_dir.clone();
        let view_label = lang.t(&format!("view.{name}"));
        let title = lang.tf("job.exporting", &[("view", &view_label)]);
        self.start_job(Job::spawn(title, move |rep| {
            let fail = |e: StoreError| error_text(lang, &e);
            let db = Db::open(&db_path, OpenMode::ReadOnly).map_err(fail)?;
            let total = db.view_count(def, &q).ok().map(|n| n as usize);
            let (dest, file) =
                crate::store::machine::files::create_unique(&export_dir, &stem, format.extension())
                    .map_err(fail)?;
            let heading = Heading {
                titles: def
                    .columns
                    .iter()
                    .map(|c| lang.field(c.key).to_string())
                    .collect(),
                keys: def.columns.iter().map(|c| c.key).collect(),
                sheet: view_label,
            };
            let written = (|| -> Result<(usize, usize), String> {
                let mut out = sink(
                    format,
                    &heading,
                    cp932,
                    std::io::BufWriter::new(file),
                    &dest,
                )
                .map_err(|e| sheet_error_text(lang, &e))?;
                let mut n = 0;
                let mut failed = None;
                let r = db.view_each(def, &q, |cells| {
                    if rep.cancelled() {
                        return Err(StoreError::Cancelled);
                    }
                    let shown: Vec<Cell> = def
                        .columns
                        .iter()
                        .zip(cells)
                        .map(|(col, c)| shown_cell(lang, col, c))
                        .collect();
                    out.row(&shown).map_err(|e| {
                        failed = Some(sheet_error_text(lang, &e));
                        StoreError::Cancelled
                    })?;
                    n += 1;
                    rep.progress(n, total);
                    Ok(())
                });
                if let Some(f) = failed {
                    return Err(f);
                }
                r.map_err(fail)?;
                let replaced = out.finish().map_err(|e| sheet_error_text(lang, &e))?;
                Ok((n, replaced))
            })();
            match written {
                Ok((rows, replaced)) => {
                    let mut text = lang.tf(
                        "job.exported",
                        &[("path", &dest.display()), ("rows", &rows)],
                    );
                    if replaced > 0 {
                        text.push('\n');
                        text.push_str(&lang.tf("cli.cp932_replaced", &[("count", &replaced)]));
                    }
                    Ok(text)
                }
                Err(e) => {
                    // Nothing half-written is left behind.
                    let _ = std::fs::remove_file(&dest);
                    Err(e)
                }
            }
        }));
    }

    /// A copy of the database in the backups directory, through SQLite's backup API.
    fn start_backup(&mut self) {
        let lang = self.session.lang;
        let db_path = self.session.db.path().to_path_buf();
        let dirs = self.session.dirs.clone();
        let title = lang.t("job.backing_up").to_string();
        self.start_job(Job::spawn(title, move |rep| {
            let fail = |e: StoreError| error_text(lang, &e);
            let db = Db::open(&db_path, OpenMode::ReadOnly).map_err(fail)?;
            let (dest, pruned) = db
                .backup_into(&dirs.backups_dir, dirs.backup_keep, &mut |done, total| {
                    rep.progress(done, Some(total));
                    !rep.cancelled()
                })
                .map_err(fail)?;
            let mut text = lang.tf("cli.backup_done", &[("path", &dest.display())]);
            if pruned > 0 {
                text.push('\n');
                text.push_str(&lang.tf("cli.backup_pruned", &[("count", &pruned)]));
            }
            Ok(text)
        }));
    }

    /// Takes in the job's progress; when it is finished, its outcome replaces the bar.
    pub(super) fn poll_job(&mut self) {
        let Some(job) = self.job.as_mut() else {
            return;
        };
        if let Some(outcome) = job.poll() {
            self.job = None;
            self.modals.retain(|m| !matches!(m, Modal::Job));
            match outcome {
                // Done, and nothing more to say (a replaced character, backups pruned):
                // a word in the status line, as after any action.
                Ok(text) if !text.contains('\n') => self.shown.notice = Some(text),
                Ok(text) | Err(text) => self.modals.push(Modal::Message { text }),
            }
        }
    }
}

/// A cell as the list shows it: codes by their label; numbers and dates stay values, so a
/// spreadsheet can sum and sort them.
pub(super) fn shown_cell(lang: Lang, col: &ViewCol, c: &Cell) -> Cell {
    match (col.kind, c) {
        (ColKind::Code(group), Cell::Text(code)) => Cell::Text(lang.label(group, code).into()),
        (ColKind::Named(group), Cell::Text(t)) => Cell::Text(lang.named(group, t).into()),
        (ColKind::Stamp, Cell::Text(t)) => Cell::Text(crate::text::local_stamp(t)),
        (_, c) => c.clone(),
    }
}
