//! Moving about the current list: its size on screen, the tab, the selection, its order
//! and its state filter. Each touches only the list shown.

use std::collections::HashMap;

use super::list::{ListState, state_codes};
use super::tab::Tab;
use super::view::View;
use super::{App, CHROME_ROWS, Scope};
use crate::domain::evaluation::EvalKind;
use crate::domain::{Date, FiscalYear};
use crate::store::StoreError;

/// Where the user is: the tab, the view shown in each tab, each list's place, the person
/// in focus, the scope and the year, and the screen's size.
pub struct Nav {
    pub tab: Tab,
    /// The view shown in each tab (its index among the tab's views).
    pub view_of_tab: [usize; Tab::ALL.len()],
    pub lists: HashMap<View, ListState>,
    pub focus: Option<crate::domain::staff::Staff>,
    pub scope: Scope,
    pub fiscal_year: FiscalYear,
    /// The day 定数・現員 counts on, as chosen (`a`); `None`: today, or 1 April of another
    /// year in view. The year in view is its fiscal year.
    pub as_of: Option<Date>,
    /// The evaluation kind the calibration view compares (`f` switches).
    pub calibration_kind: EvalKind,
    pub size: (u16, u16),
}

impl Nav {
    /// The first tab, every list at its start, the year of `today`.
    pub fn new(today: Date) -> Nav {
        let lists = View::ALL
            .into_iter()
            .filter_map(|v| Some((v, ListState::new(v.list()?, today))))
            .collect();
        Nav {
            tab: Tab::Staff,
            view_of_tab: [0; Tab::ALL.len()],
            lists,
            focus: None,
            scope: Scope::Everyone,
            fiscal_year: today.fiscal_year(),
            as_of: None,
            calibration_kind: EvalKind::Competency,
            size: (120, 40),
        }
    }
}

impl App {
    /// The list on screen and the database, to change one with the other.
    fn current_list(&mut self) -> Option<(&mut ListState, &crate::store::Db)> {
        let view = self.view();
        let db = &self.session.db;
        self.nav.lists.get_mut(&view).map(|l| (l, db))
    }

    /// Reloads the list on screen (a new order or filter): a new screen for the worker.
    fn reload_list(&mut self) -> Result<(), StoreError> {
        self.shown.answers.new_screen(&self.session.db)?;
        let view = self.view();
        match self.nav.lists.get_mut(&view) {
            Some(l) => l.reload(&self.session.db, &mut self.shown.answers),
            None => Ok(()),
        }
    }

    /// A new size changes how many rows show, not which: the count stands, only the
    /// window is fetched again (and only when its height changed).
    pub(super) fn resize(&mut self, w: u16, h: u16) -> Result<(), StoreError> {
        self.nav.size = (w, h);
        let rows = h.saturating_sub(CHROME_ROWS).max(1) as usize;
        match self.current_list() {
            Some((l, db)) => l.set_height(db, rows),
            None => Ok(()),
        }
    }

    pub(super) fn go_tab(&mut self, i: usize) -> Result<(), StoreError> {
        self.nav.tab = Tab::from_index(i);
        self.refresh()
    }

    pub(super) fn move_by(&mut self, delta: isize) -> Result<(), StoreError> {
        match self.current_list() {
            Some((l, db)) => l.move_by(db, delta),
            None => Ok(()),
        }
    }

    /// `s` sorts by the next column, `S` turns the order round.
    pub(super) fn sort(&mut self, next_column: bool) -> Result<(), StoreError> {
        let Some((l, _)) = self.current_list() else {
            return Ok(());
        };
        if next_column {
            l.query.sort = (l.query.sort + 1) % l.view.columns.len();
        } else {
            l.query.desc = !l.query.desc;
        }
        self.reload_list()
    }

    /// `f`: the next state of the list's state column, then all of them again.
    pub(super) fn next_state_filter(&mut self) -> Result<(), StoreError> {
        let Some((l, _)) = self.current_list() else {
            return Ok(());
        };
        let Some((_, group)) = l.view.state else {
            return Ok(());
        };
        let codes = state_codes(group);
        l.query.state = match &l.query.state {
            None => codes.first().map(|c| c.to_string()),
            Some(s) => codes
                .iter()
                .skip_while(|c| *c != s)
                .nth(1)
                .map(|c| c.to_string()),
        };
        l.selected = 0;
        self.reload_list()
    }
}
