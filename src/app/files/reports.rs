//! The reports `x` offers beside the list: a person's evaluation sheet, 発令通知書 and
//! 内示書, and a unit's summary, each written as a job to the export directory, its path
//! said in the status line.

use crate::app::App;
use crate::app::jobs::Job;
use crate::domain::Id;
use crate::domain::account::Role;
use crate::domain::staff::Staff;
use crate::domain::unit::Unit;
use crate::i18n::{Lang, error_text};
use crate::sheet::report::notice;
use crate::store::{Db, OpenMode, StoreError};

use super::FileItem;

impl App {
    /// Whose evaluation sheet `x` offers: the person in focus, the one selected in the
    /// roster, or (for staff) oneself.
    pub(super) fn report_person(&self) -> Result<Option<Staff>, StoreError> {
        if let Some(p) = &self.nav.focus {
            return Ok(Some(p.clone()));
        }
        if self.view() == crate::app::view::View::Staff
            && let Some(id) = self.list().and_then(|l| l.current()).map(|r| r.id)
        {
            return self.session.db.find::<Staff>(id);
        }
        Ok(self
            .session
            .me
            .clone()
            .filter(|_| self.session.account.role == Role::Staff))
    }

    /// Which unit's summary `x` offers: the section in scope, else the whole ward for the
    /// HR office or a supervisor's own section, else their own unit; never a unit the
    /// account may not see (staff see no unit's figures).
    pub(super) fn report_unit(&self) -> Result<Option<Unit>, StoreError> {
        let sees = |u: &Unit| {
            self.session
                .visible
                .units()
                .is_none_or(|us| us.contains(&u.id))
        };
        let mut candidates = Vec::new();
        if let crate::app::Scope::Section { id, .. } = &self.nav.scope {
            candidates.push(self.session.db.find::<Unit>(*id)?);
        }
        match (self.session.account.role, &self.session.me) {
            (Role::Admin | Role::Hr, _) => candidates.push(
                self.session
                    .db
                    .units()?
                    .into_iter()
                    .find(|u| u.parent_id.is_none()),
            ),
            (Role::Supervisor, Some(me)) => {
                candidates.push(self.session.db.section_of(me.unit_id)?);
                candidates.push(self.session.db.find::<Unit>(me.unit_id)?);
            }
            _ => {}
        }
        Ok(candidates.into_iter().flatten().find(|u| sees(u)))
    }

    /// The notices `x` offers of a person: the 発令通知書 once they have a 発令, the
    /// 内示書 (HR office: plans are its alone) while a plan moves them.
    pub(super) fn notices_of(&self, p: &Staff) -> Result<Vec<FileItem>, StoreError> {
        let db = &self.session.db;
        let mut items = Vec::new();
        if !db.appointments_of(p.id)?.is_empty() {
            items.push(FileItem::Appointment(p.id));
        }
        if matches!(self.session.account.role, Role::Admin | Role::Hr)
            && notice::naiji_move(db, p, None)?.is_some()
        {
            items.push(FileItem::Naiji(p.id));
        }
        Ok(items)
    }

    /// A report workbook (evaluation sheet or unit summary) for the year in view.
    pub(super) fn start_report(&mut self, person: Option<Id>, unit: Option<Id>) {
        let lang = self.session.lang;
        let db_path = self.session.db.path().to_path_buf();
        let fy = self.nav.fiscal_year;
        let reader = self.session.visible.reader();
        let dir = self.session.dirs.export_dir.clone();
        let title = lang.t("job.report").to_string();
        self.start_job(Job::spawn(title, move |_rep| {
            let fail = |e: StoreError| error_text(lang, &e);
            let xfail = |e: rust_xlsxwriter::XlsxError| e.to_string();
            let db = Db::open(&db_path, OpenMode::ReadOnly).map_err(fail)?;
            let (bytes, name) = match (person, unit) {
                (Some(id), _) => {
                    let p: Staff = db.get(id).map_err(fail)?;
                    let sheet = db.eval_sheet(&p, fy, reader).map_err(fail)?;
                    let bytes = crate::sheet::report::eval_sheet(lang, &sheet).map_err(xfail)?;
                    (bytes, format!("eval-sheet-{}-{fy}.xlsx", p.staff_no))
                }
                (None, Some(id)) => {
                    let u: Unit = db.get(id).map_err(fail)?;
                    let sum = db.unit_summary(&u, fy, reader).map_err(fail)?;
                    let bytes = crate::sheet::report::unit_summary(lang, &sum).map_err(xfail)?;
                    (bytes, format!("unit-summary-{}-{fy}.xlsx", u.code))
                }
                (None, None) => return Err(String::new()),
            };
            write_report(lang, &dir.join(name), &bytes)
        }));
    }

    /// A person's 発令通知書 or 内示書 as printable text, as `jinji report appointment` /
    /// `report naiji` print it.
    pub(super) fn start_notice(&mut self, item: FileItem, person: Id) {
        let lang = self.session.lang;
        let db_path = self.session.db.path().to_path_buf();
        let today = self.session.today;
        let dir = self.session.dirs.export_dir.clone();
        let title = lang.t("job.report").to_string();
        self.start_job(Job::spawn(title, move |_rep| {
            let fail = |e: StoreError| error_text(lang, &e);
            let db = Db::open(&db_path, OpenMode::ReadOnly).map_err(fail)?;
            let p: Staff = db.get(person).map_err(fail)?;
            let (kind, n) = match item {
                FileItem::Naiji(_) => ("naiji", notice::naiji(&db, lang, &p, None, today)),
                _ => ("appointment", notice::appointment(&db, lang, &p, None)),
            };
            let n = n.map_err(fail)?.ok_or_else(|| match item {
                FileItem::Naiji(_) => lang.tf("err.no_naiji", &[("staff_no", &p.staff_no)]),
                _ => lang.tf(
                    "err.no_appointments",
                    &[("staff_no", &p.staff_no), ("date", &"-")],
                ),
            })?;
            let mut text = n.lines.join("\n");
            text.push('\n');
            let name = format!("{kind}-{}-{}.txt", p.staff_no, n.day.iso());
            write_report(lang, &dir.join(name), text.as_bytes())
        }));
    }
}

/// Writes a report's bytes to `dest` (readable by its owner only), replacing an older
/// one; nothing half-written is left behind. The status line's word, or the error.
fn write_report(lang: Lang, dest: &std::path::Path, bytes: &[u8]) -> Result<String, String> {
    let fail = |e: StoreError| error_text(lang, &e);
    let _ = std::fs::remove_file(dest);
    crate::store::create_private_file(dest).map_err(fail)?;
    std::fs::write(dest, bytes).map_err(|e| {
        let _ = std::fs::remove_file(dest);
        if crate::sheet::no_room(&e) {
            fail(StoreError::DiskFull {
                path: dest.to_path_buf(),
            })
        } else {
            lang.tf("err.write", &[("path", &dest.display()), ("reason", &e)])
        }
    })?;
    Ok(lang.tf("cli.report_done", &[("path", &dest.display())]))
}
