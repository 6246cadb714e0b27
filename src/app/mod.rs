//! The application state and the one path from a key to the screen: `handle` turns an
//! action into a change of what is on screen or a `Command`; `execute` is the only place
//! that writes; lists then reload from the store, the source of truth.
//!
//! Where things live: `view.rs` is the registry of views (each view's list, tab, access,
//! editor, workflow, panel); `editors/` how each record is loaded, made new, saved and
//! deleted; `moves/` one file per workflow (its menu, forms and moves); `panels/` one file
//! per panel (its state, loaded after each action); `form/` the one form machine;
//! `session.rs`, `navigate.rs` and `detail.rs` the parts of the `App` (who, where, what
//! was read for drawing); `modal.rs` the popups that take keys first.

pub mod action;
mod as_of;
mod detail;
pub mod editors;
pub mod execute;
pub mod files;
pub mod form;
mod forms;
pub mod jobs;
pub mod keymap;
pub mod list;
mod modal;
pub mod moves;
mod navigate;
pub mod panels;
pub mod picker;
mod scope;
pub mod search;
mod session;
pub use search::SearchBox;
pub mod tab;
pub mod view;
pub mod worker;

use action::{Action, Mode};
use keymap::Keymap;
use list::ListState;
use view::View;

pub use detail::Shown;
pub use execute::Command;
pub use modal::{Confirm, Modal};
pub use navigate::Nav;
pub use scope::Scope;
pub use session::Session;

use crate::domain::Date;
use crate::domain::account::Account;
use crate::domain::staff::Staff;
use crate::i18n::{Lang, error_text, newest_backup};
use crate::store::{Db, StoreError};

/// Rows of the screen not given to a list: header, tabs, view bar, table header and
/// borders, help bar.
pub const CHROME_ROWS: u16 = 7;

/// The application: who works on what (the session), where they are (navigation), the
/// popups over the screen (modals, the first to take a key), and what was read for
/// drawing (so that drawing never reads the database).
pub struct App {
    pub session: Session,
    pub nav: Nav,
    pub modals: Vec<Modal>,
    pub shown: Shown,
    /// Work under way off the UI thread.
    pub job: Option<jobs::Job>,
    pub keymap: Keymap,
    pub quit: bool,
}

impl App {
    pub fn new(db: Db, lang: Lang, account: Account, today: Date) -> Result<App, StoreError> {
        App::start(db, lang, account, today, false)
    }

    /// An app whose counts and tallies over many rows are made off the screen's thread
    /// (on a second connection to the same file), as the terminal program runs it.
    pub fn new_off_thread(
        db: Db,
        lang: Lang,
        account: Account,
        today: Date,
    ) -> Result<App, StoreError> {
        App::start(db, lang, account, today, true)
    }

    fn start(
        mut db: Db,
        lang: Lang,
        account: Account,
        today: Date,
        off_thread: bool,
    ) -> Result<App, StoreError> {
        // Everything this app writes is written as its account, on the app's day.
        db.set_actor(&account.login);
        db.set_today(today);
        // Staff rows catch up with any post whose day has come (a 内示 for 1 April); a
        // refusal is shown once the app is up rather than keeping the file closed.
        let caught_up = db.follow_posts(today);
        let me = match account.staff_id {
            Some(id) => db.find::<Staff>(id)?,
            None => None,
        };
        let visible = db.visibility(&account, today.fiscal_year())?;
        let dirs = files::Dirs::beside(db.path());
        let mut app = App {
            session: Session {
                db,
                lang,
                account,
                me,
                today,
                visible,
                date_style: crate::config::DateStyle::Iso,
                dirs,
                clock: session::wall_clock,
            },
            nav: Nav::new(today),
            modals: Vec::new(),
            shown: Shown::default(),
            job: None,
            keymap: Keymap::default(),
            quit: false,
        };
        if off_thread {
            app.shown.answers.off_thread(app.session.db.path());
        }
        app.refresh()?;
        app.load_detail()?;
        app.say_posts_caught_up(caught_up);
        Ok(app)
    }

    pub fn mode(&self) -> Mode {
        self.modals.last().map(Modal::mode).unwrap_or(Mode::Normal)
    }

    /// The view on screen.
    pub fn view(&self) -> View {
        let want = self.nav.view_of_tab[self.nav.tab.index()];
        let mut open = self
            .nav
            .tab
            .views()
            .iter()
            .copied()
            .filter(|v| self.may_open(*v));
        let first = open.next().unwrap_or(View::Staff);
        std::iter::once(first)
            .chain(open)
            .take(want + 1)
            .last()
            .unwrap_or(first)
    }

    /// Its catalogue name (`view.<name>`).
    pub fn view_name(&self) -> &'static str {
        self.view().name()
    }

    pub fn list(&self) -> Option<&ListState> {
        self.nav.lists.get(&self.view())
    }

    /// Applies focus, scope and year to the current list and reloads it.
    pub fn refresh(&mut self) -> Result<(), StoreError> {
        self.shown.answers.new_screen(&self.session.db)?;
        let units = self.scope_units()?;
        let focus = self.nav.focus.as_ref().map(|s| s.id);
        let fy = self.nav.fiscal_year;
        let rows = self.nav.size.1.saturating_sub(CHROME_ROWS).max(1) as usize;
        let view = self.view();
        let db = &self.session.db;
        if let Some(l) = self.nav.lists.get_mut(&view) {
            l.query.staff = focus.filter(|_| l.view.has_person());
            l.query.visible = self.session.visible.clone();
            l.query.units = units;
            l.query.fiscal_year = l.view.has_fiscal_year().then_some(fy);
            l.query.as_of = self.nav.as_of;
            l.query.today = self.session.today;
            l.height = rows;
            l.ask_flags(db, &mut self.shown.answers)?;
            l.reload(db, &mut self.shown.answers)?;
        }
        Ok(())
    }

    /// Handles one action: what it asks to write, `execute` writes. Problems end up in
    /// a message on screen, never in a panic.
    pub fn update(&mut self, action: Action) {
        if let Some(command) = self.handle(action) {
            self.execute(command);
        }
    }

    /// The action's change of what is on screen, and the write it asks for, if any; never
    /// writes itself.
    pub fn handle(&mut self, action: Action) -> Option<Command> {
        // The word after the last action lasts until the next key.
        if !matches!(action, Action::Tick | Action::Resize(..)) {
            self.shown.notice = None;
        }
        // A tick with nothing new (the common case while waiting) changes nothing.
        let result = if action == Action::Tick {
            self.tick()
                .and_then(|news| if news { self.load_detail() } else { Ok(()) })
                .map(|_| None)
        } else {
            self.dispatch(action)
                .and_then(|c| self.load_detail().map(|_| c))
        };
        result.unwrap_or_else(|e| {
            self.show_error(e);
            None
        })
    }

    /// A store error as the user reads it; a damaged file stops all writing.
    pub(super) fn show_error(&mut self, e: StoreError) {
        let e = self.session.db.about_file(e);
        let lang = self.session.lang;
        let mut text = error_text(lang, &e);
        if let StoreError::Damaged { path } = &e {
            // Read what can be read; write nothing more until a backup is restored.
            self.session.db.stop_writing();
            if let Some(line) = newest_backup(lang, &self.session.dirs.backups_dir, path) {
                text = format!("{text} {line}");
            }
        }
        self.modals.push(Modal::Message { text });
    }

    fn dispatch(&mut self, action: Action) -> Result<Option<Command>, StoreError> {
        if let Action::Resize(w, h) = action {
            return self.resize(w, h).map(|_| None);
        }
        match self.modals.last_mut() {
            Some(Modal::AsOf(_)) if matches!(action, Action::Save | Action::Enter) => {
                return self.choose_as_of().map(|_| None);
            }
            Some(Modal::Form(_) | Modal::Move(_)) if action == Action::Save => {
                return self.save_form();
            }
            Some(Modal::Form(_) | Modal::Move(_) | Modal::AsOf(_)) => {
                return self.form_action(action).map(|_| None);
            }
            Some(Modal::Search(_)) => return self.search_action(action).map(|_| None),
            Some(Modal::Picker(_)) => return self.picker_action(action).map(|_| None),
            Some(Modal::Confirm { .. }) => return self.confirm_action(action),
            Some(Modal::Moves(_)) => return self.menu_action(action).map(|_| None),
            Some(Modal::Files(_)) => {
                self.files_action(action);
                return Ok(None);
            }
            Some(Modal::Job) => {
                if action == Action::Cancel
                    && let Some(j) = self.job.as_mut()
                {
                    j.cancel();
                }
                return Ok(None);
            }
            Some(Modal::Help | Modal::Message { .. } | Modal::Detail) => {
                if matches!(action, Action::Cancel) {
                    self.modals.pop();
                }
                return Ok(None);
            }
            None => {}
        }
        let page = self.nav.size.1.saturating_sub(CHROME_ROWS).max(1) as isize;
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.modals.push(Modal::Help),
            Action::NextTab => self.go_tab(self.nav.tab.next().index())?,
            Action::PrevTab => self.go_tab(self.nav.tab.prev().index())?,
            Action::GoTab(i) => self.go_tab(i)?,
            Action::NextView | Action::PrevView => {
                let n = self.views().len();
                let i = &mut self.nav.view_of_tab[self.nav.tab.index()];
                *i = if action == Action::NextView {
                    (*i + 1) % n
                } else {
                    (*i + n - 1) % n
                };
                self.refresh()?;
            }
            Action::Up => self.move_by(-1)?,
            Action::Down => self.move_by(1)?,
            Action::PageUp => self.move_by(-page)?,
            Action::PageDown => self.move_by(page)?,
            Action::Top => self.move_by(isize::MIN / 2)?,
            Action::Bottom => self.move_by(isize::MAX / 2)?,
            Action::Search => self.modals.push(Modal::Search(SearchBox::new())),
            Action::FocusPerson => {
                if self.view() == View::Staff && self.nav.focus.is_none() {
                    if let Some(id) = self.list().and_then(|l| l.current()).map(|r| r.id) {
                        self.nav.focus = self.session.db.find::<Staff>(id)?;
                        self.refresh()?;
                    }
                } else {
                    self.update(Action::Search);
                }
            }
            Action::ClearFocus if self.nav.focus.take().is_some() => {
                self.refresh()?;
            }
            Action::PrevYear | Action::NextYear => {
                self.nav.fiscal_year += if action == Action::NextYear { 1 } else { -1 };
                // Another year counts on its own day again.
                self.nav.as_of = None;
                self.refresh()?;
            }
            Action::NextSort | Action::ToggleSortDir => self.sort(action == Action::NextSort)?,
            Action::NextStateFilter if self.view() == View::Calibration => {
                use crate::domain::evaluation::EvalKind;
                self.nav.calibration_kind = match self.nav.calibration_kind {
                    EvalKind::Competency => EvalKind::Performance,
                    EvalKind::Performance => EvalKind::Competency,
                };
                self.refresh()?;
            }
            Action::NextStateFilter => self.next_state_filter()?,
            Action::NextScope => self.next_scope()?,
            // Workflow moves are open to every role: the store decides who may do what.
            Action::Move => self.open_moves()?,
            Action::ShowDetail if !self.shown.detail.is_empty() => self.modals.push(Modal::Detail),
            Action::Files => self.open_files()?,
            Action::AsOf if self.view() == View::Posts => self.ask_as_of(),
            // Records are kept by the HR office, except where people write their own
            // (challenge themes); the workflows go through `m`.
            Action::New | Action::Edit | Action::Delete
                if !self.can_write()
                    && !self
                        .view()
                        .writes()
                        .editor()
                        .is_some_and(|e| e.open_to_all()) =>
            {
                self.modals.push(Modal::Message {
                    text: self.session.lang.t("err.hr_only").to_string(),
                });
            }
            Action::New => self.open_form(None)?,
            Action::Edit => {
                if let Some(id) = self.list().and_then(|l| l.current()).map(|r| r.id) {
                    self.open_form(Some(id))?;
                }
            }
            Action::Delete => self.ask_delete()?,
            _ => {}
        }
        Ok(None)
    }
}
