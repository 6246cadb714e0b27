//! `x`: the list on screen written to a file (Excel, CSV, JSON), and a backup of the
//! database (HR office). Both run as jobs off the UI thread.

use std::path::PathBuf;

use super::jobs::Job;
use super::{App, Modal};
use crate::domain::account::Role;
use crate::i18n::{Lang, error_text, sheet_error_text};
use crate::sheet::write::{Format, Heading, sink};
use crate::store::export::Cell;
use crate::store::views::{ColKind, ViewCol, view};
use crate::store::{Db, OpenMode, StoreError};

/// What the file menu offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileItem {
    Export { format: Format, cp932: bool },
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
    pub(super) fn open_files(&mut self) {
        let mut items: Vec<FileItem> = [
            (Format::Xlsx, false),
            (Format::Csv, false),
            (Format::Csv, true),
            (Format::Json, false),
        ]
        .into_iter()
        .map(|(format, cp932)| FileItem::Export { format, cp932 })
        .collect();
        if matches!(self.account.role, Role::Admin | Role::Hr) {
            items.push(FileItem::Backup);
        }
        let items = items
            .into_iter()
            .map(|i| (i, self.lang.t(i.label_key()).to_string()))
            .collect();
        self.modals
            .push(Modal::Files(FileMenu { items, selected: 0 }));
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
                    FileItem::Backup => self.start_backup(),
                }
            }
            _ => {}
        }
    }

    fn start_job(&mut self, job: Job) {
        self.job = Some(job);
        self.modals.push(Modal::Job);
    }

    /// Writes every row of the list on screen (its year, scope, filter, search and
    /// order, within what the account may see) to a new file in the export directory.
    fn start_export(&mut self, format: Format, cp932: bool) {
        let name = self.view_name();
        let (Some(def), Some(list)) = (view(name), self.list()) else {
            return;
        };
        let q = list.query.clone();
        let lang = self.lang;
        let db_path = self.db.path().to_path_buf();
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let dest = self
            .dirs
            .export_dir
            .join(format!("{name}-{stamp}.{}", format.extension()));
        let view_label = lang.t(&format!("view.{name}"));
        let title = lang.tf("job.exporting", &[("view", &view_label)]);
        self.start_job(Job::spawn(title, move |rep| {
            let fail = |e: StoreError| error_text(lang, &e);
            let db = Db::open(&db_path, OpenMode::ReadOnly).map_err(fail)?;
            let total = db.view_count(def, &q).ok().map(|n| n as usize);
            crate::store::create_private_file(&dest).map_err(fail)?;
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(&dest)
                .map_err(|e| lang.tf("err.write", &[("path", &dest.display()), ("reason", &e)]))?;
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
        let lang = self.lang;
        let db_path = self.db.path().to_path_buf();
        let dirs = self.dirs.clone();
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
            let text = match outcome {
                Ok(t) | Err(t) => t,
            };
            self.modals.push(Modal::Message { text });
        }
    }
}

/// A cell as the list shows it: codes by their label; numbers and dates stay values, so a
/// spreadsheet can sum and sort them.
fn shown_cell(lang: Lang, col: &ViewCol, c: &Cell) -> Cell {
    match (col.kind, c) {
        (ColKind::Code(group), Cell::Text(code)) => Cell::Text(lang.label(group, code).into()),
        (ColKind::Stamp, Cell::Text(t)) => Cell::Text(
            chrono::DateTime::parse_from_rfc3339(t)
                .map(|d| {
                    d.with_timezone(&chrono::Local)
                        .format("%Y-%m-%d %H:%M")
                        .to_string()
                })
                .unwrap_or_else(|_| t.clone()),
        ),
        (_, c) => c.clone(),
    }
}
