//! The application state and the one path from a key to the screen: `update` turns an
//! action into a change of view state or a command; `execute` is the only place that
//! writes; lists then reload from the store, the source of truth.

pub mod action;
mod detail;
pub mod edit;
mod editors;
mod editors_calendar;
mod editors_eval;
mod editors_own;
mod editors_posts;
mod editors_registers;
mod editors_transfer;
pub mod files;
pub mod flow;
pub mod form;
mod form_text;
pub mod jobs;
pub mod keymap;
pub mod list;
mod modal;
mod move_fields;
mod navigate;
pub mod panels;
mod pdca_moves;
mod register_moves;
mod scope;
pub mod search;
pub use search::SearchBox;
mod steps_moves;
pub mod tab;
mod transfer_flow;
pub mod worker;

use std::collections::HashMap;

use action::{Action, Mode};
use edit::editor;
use form::Form;
use keymap::Keymap;
use list::ListState;
use tab::Tab;

use crate::domain::account::Account;
use crate::domain::staff::Staff;
use crate::domain::{Date, FiscalYear, Id};
use crate::i18n::{Lang, error_text, newest_backup};
use crate::store::views::view;
use crate::store::{Db, StoreError};

/// Rows of the screen not given to a list: header, tabs, view bar, table header and
/// borders, help bar.
pub const CHROME_ROWS: u16 = 7;

pub enum Confirm {
    Delete {
        view: &'static str,
        id: Id,
        version: i64,
    },
    DropChanges,
    Reload,
    /// A workflow move that writes nothing but itself (disclose, start Do).
    Move {
        view: &'static str,
        id: Id,
        version: i64,
        m: flow::Move,
    },
}

pub enum Modal {
    Form(Form),
    Confirm {
        question: String,
        on_yes: Confirm,
    },
    Help,
    Message {
        text: String,
    },
    Search(SearchBox),
    Moves(flow::MoveMenu),
    /// The selected record in full.
    Detail,
    /// `x`: the list to a file, a backup.
    Files(files::FileMenu),
    /// The bar of the job under way (`App::job`).
    Job,
}

impl Modal {
    fn mode(&self) -> Mode {
        match self {
            Modal::Form(_) => Mode::Form,
            Modal::Confirm { .. } => Mode::Confirm,
            Modal::Help => Mode::Help,
            Modal::Message { .. } => Mode::Message,
            Modal::Search(_) => Mode::Search,
            Modal::Moves(_) | Modal::Files(_) => Mode::Menu,
            Modal::Detail => Mode::Message,
            Modal::Job => Mode::Progress,
        }
    }
}

/// Which rows a list shows besides the fiscal year and a person in focus: everyone the
/// user may see, or one section (課) and the teams under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Everyone,
    Section { id: Id, name: String },
}

pub struct App {
    pub db: Db,
    pub lang: Lang,
    pub account: Account,
    /// The staff record of the account, if it has one.
    pub me: Option<Staff>,
    pub today: Date,
    pub fiscal_year: FiscalYear,
    pub tab: Tab,
    /// The view shown in each tab.
    pub view_of_tab: [usize; 8],
    pub lists: HashMap<&'static str, ListState>,
    pub focus: Option<Staff>,
    pub scope: Scope,
    pub modals: Vec<Modal>,
    pub keymap: Keymap,
    pub size: (u16, u16),
    pub quit: bool,
    /// The selected record as (label key, text) pairs, loaded after every action so that
    /// drawing never reads the database.
    pub detail: Vec<(&'static str, String)>,
    /// The tab's own panel (charts, board, lineage), loaded likewise.
    pub panel: panels::Panel,
    /// What the account may see (its role); applied to every list, search and count.
    pub visible: crate::store::scope::Visibility,
    pub date_style: crate::config::DateStyle,
    /// The evaluation kind the calibration view compares (`f` switches).
    pub calibration_kind: crate::domain::evaluation::EvalKind,
    /// Work under way off the UI thread.
    pub job: Option<jobs::Job>,
    /// Where exports and backups go.
    pub dirs: files::Dirs,
    /// Counts and tallies, made off the screen's thread once `compute_off_thread` is on.
    pub answers: worker::Answers,
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
        let db_path = db.path().to_path_buf();
        let mut lists = HashMap::new();
        for t in Tab::ALL {
            for v in t.views() {
                if let Some(def) = view(v) {
                    lists.insert(def.name, ListState::new(def, today));
                }
            }
        }
        let mut app = App {
            db,
            lang,
            account,
            me,
            today,
            fiscal_year: today.fiscal_year(),
            tab: Tab::Staff,
            view_of_tab: [0; 8],
            lists,
            focus: None,
            scope: Scope::Everyone,
            modals: Vec::new(),
            keymap: Keymap::default(),
            size: (120, 40),
            quit: false,
            detail: Vec::new(),
            panel: panels::Panel::None,
            visible: crate::store::scope::Visibility::All,
            answers: worker::Answers::default(),
            date_style: crate::config::DateStyle::Iso,
            calibration_kind: crate::domain::evaluation::EvalKind::Competency,
            job: None,
            dirs: files::Dirs::beside(db_path.as_path()),
        };
        app.visible = app.db.visibility(&app.account, today.fiscal_year())?;
        if off_thread {
            app.answers.off_thread(app.db.path());
        }
        app.refresh()?;
        app.load_detail()?;
        app.say_posts_caught_up(caught_up);
        Ok(app)
    }

    pub fn mode(&self) -> Mode {
        self.modals.last().map(Modal::mode).unwrap_or(Mode::Normal)
    }

    pub fn view_name(&self) -> &'static str {
        let views = self.views();
        views[self.view_of_tab[self.tab.index()].min(views.len() - 1)]
    }

    pub fn list(&self) -> Option<&ListState> {
        self.lists.get(self.view_name())
    }

    /// Applies focus, scope and year to the current list and reloads it.
    pub fn refresh(&mut self) -> Result<(), StoreError> {
        self.answers.new_screen(&self.db)?;
        let units = self.scope_units()?;
        let focus = self.focus.as_ref().map(|s| s.id);
        let fy = self.fiscal_year;
        let rows = self.size.1.saturating_sub(CHROME_ROWS).max(1) as usize;
        let name = self.view_name();
        let db = &self.db;
        if let Some(l) = self.lists.get_mut(name) {
            l.query.staff = focus.filter(|_| l.view.has_person());
            l.query.visible = self.visible.clone();
            l.query.units = units;
            l.query.fiscal_year = l.view.has_fiscal_year().then_some(fy);
            l.query.today = self.today;
            l.height = rows;
            l.reload(db, &mut self.answers)?;
        }
        Ok(())
    }

    /// Handles one action; problems end up in a message on screen, never in a panic.
    pub fn update(&mut self, action: Action) {
        // A tick with nothing new (the common case while waiting) changes nothing.
        let result = if action == Action::Tick {
            self.tick()
                .and_then(|news| if news { self.load_detail() } else { Ok(()) })
        } else {
            self.dispatch(action).and_then(|_| self.load_detail())
        };
        if let Err(e) = result {
            let e = self.db.about_file(e);
            let mut text = error_text(self.lang, &e);
            if let StoreError::Damaged { path } = &e {
                // Read what can be read; write nothing more until a backup is restored.
                self.db.stop_writing();
                if let Some(line) = newest_backup(self.lang, &self.dirs.backups_dir, path) {
                    text = format!("{text} {line}");
                }
            }
            self.modals.push(Modal::Message { text });
        }
    }

    fn dispatch(&mut self, action: Action) -> Result<(), StoreError> {
        if let Action::Resize(w, h) = action {
            return self.resize(w, h);
        }
        match self.modals.last_mut() {
            Some(Modal::Form(_)) => return self.form_action(action),
            Some(Modal::Search(_)) => return self.search_action(action),
            Some(Modal::Confirm { .. }) => return self.confirm_action(action),
            Some(Modal::Moves(_)) => return self.menu_action(action),
            Some(Modal::Files(_)) => {
                self.files_action(action);
                return Ok(());
            }
            Some(Modal::Job) => {
                if action == Action::Cancel
                    && let Some(j) = self.job.as_mut()
                {
                    j.cancel();
                }
                return Ok(());
            }
            Some(Modal::Help | Modal::Message { .. } | Modal::Detail) => {
                if matches!(action, Action::Cancel) {
                    self.modals.pop();
                }
                return Ok(());
            }
            None => {}
        }
        let page = self.size.1.saturating_sub(CHROME_ROWS).max(1) as isize;
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.modals.push(Modal::Help),
            Action::NextTab => self.go_tab((self.tab.index() + 1) % 8)?,
            Action::PrevTab => self.go_tab((self.tab.index() + 7) % 8)?,
            Action::GoTab(i) => self.go_tab(i)?,
            Action::NextView | Action::PrevView => {
                let n = self.views().len();
                let i = &mut self.view_of_tab[self.tab.index()];
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
                if self.view_name() == "staff" && self.focus.is_none() {
                    if let Some(id) = self.list().and_then(|l| l.current()).map(|r| r.id) {
                        self.focus = self.db.find::<Staff>(id)?;
                        self.refresh()?;
                    }
                } else {
                    self.update(Action::Search);
                }
            }
            Action::ClearFocus if self.focus.take().is_some() => {
                self.refresh()?;
            }
            Action::PrevYear | Action::NextYear => {
                self.fiscal_year += if action == Action::NextYear { 1 } else { -1 };
                self.refresh()?;
            }
            Action::NextSort | Action::ToggleSortDir => self.sort(action == Action::NextSort)?,
            Action::NextStateFilter if self.view_name() == "calibration" => {
                use crate::domain::evaluation::EvalKind;
                self.calibration_kind = match self.calibration_kind {
                    EvalKind::Competency => EvalKind::Performance,
                    EvalKind::Performance => EvalKind::Competency,
                };
                self.refresh()?;
            }
            Action::NextStateFilter => self.next_state_filter()?,
            Action::NextScope => self.next_scope()?,
            // Workflow moves are open to every role: the store decides who may do what.
            Action::Move => self.open_moves()?,
            Action::ShowDetail if !self.detail.is_empty() => self.modals.push(Modal::Detail),
            Action::Files => self.open_files()?,
            // Records are kept by the HR office, except where people write their own
            // (challenge themes); the workflows go through `m`.
            Action::New | Action::Edit | Action::Delete
                if !self.can_write()
                    && !editor(
                        modal::worklist_target(self.view_name()).unwrap_or(self.view_name()),
                    )
                    .is_some_and(|e| e.open_to_all()) =>
            {
                self.modals.push(Modal::Message {
                    text: self.lang.t("err.hr_only").to_string(),
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
        Ok(())
    }
}
