//! Scope: which rows the lists show (everyone the account may see, or one section), and
//! what counts and charts may cover; which lists and writes the account's role opens; and
//! the user's settings applied at start.

use super::view::{Open, View};
use super::{App, Modal};
use crate::domain::Id;
use crate::domain::account::Role;
use crate::store::StoreError;

/// Which rows a list shows besides the fiscal year and a person in focus: everyone the
/// user may see, or one section (課) and the teams under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Everyone,
    Section { id: Id, name: String },
}

impl App {
    /// Applies the user's settings; their mistakes are shown at once.
    pub fn configure(&mut self, config: &crate::config::Config) {
        self.session.date_style = config.date_style;
        if let Some(d) = &config.export_dir {
            self.session.dirs.export_dir = d.clone();
        }
        for (action, key, mods) in &config.keys {
            self.keymap.rebind(action, *key, *mods);
        }
        if !config.problems.is_empty() {
            let text = format!(
                "{}\n{}",
                self.session.lang.t("config.title"),
                config.problems.join("\n")
            );
            self.modals.push(Modal::Message { text });
        }
        let _ = self.load_detail();
    }

    /// Units in the current scope (`None`: everyone).
    /// Units in the current scope (`None`: all); lists add the account's visibility on top.
    pub fn scope_units(&self) -> Result<Option<Vec<Id>>, StoreError> {
        match &self.nav.scope {
            Scope::Everyone => Ok(None),
            Scope::Section { id, .. } => Ok(Some(self.session.db.unit_subtree(*id)?)),
        }
    }

    /// Units that counts and charts may cover: the scope, within what the account may see.
    pub fn count_units(&self) -> Result<Option<Vec<Id>>, StoreError> {
        match (&self.nav.scope, self.session.visible.units()) {
            (Scope::Everyone, None) => Ok(None),
            (Scope::Everyone, Some(mine)) => Ok(Some(mine.to_vec())),
            (Scope::Section { id, .. }, mine) => {
                let mut units = self.session.db.unit_subtree(*id)?;
                if let Some(mine) = mine {
                    units.retain(|u| mine.contains(u));
                }
                Ok(Some(units))
            }
        }
    }

    /// `u`: everyone → my section → the focused person's section → everyone.
    pub(super) fn next_scope(&mut self) -> Result<(), StoreError> {
        let mut choices = vec![Scope::Everyone];
        for p in [self.session.me.as_ref(), self.nav.focus.as_ref()]
            .into_iter()
            .flatten()
        {
            if let Some(sec) = self.session.db.section_of(p.unit_id)? {
                let s = Scope::Section {
                    id: sec.id,
                    name: sec.name,
                };
                if !choices.contains(&s) {
                    choices.push(s);
                }
            }
        }
        // Nothing to narrow to (an account of no unit, no one in focus): say why `u`
        // changes nothing.
        if choices.len() == 1 {
            self.shown.notice = Some(self.session.lang.t("ui.scope_no_unit").to_string());
            return Ok(());
        }
        let i = choices
            .iter()
            .position(|c| *c == self.nav.scope)
            .unwrap_or(0);
        self.nav.scope = choices[(i + 1) % choices.len()].clone();
        self.refresh()
    }

    /// The views of the current tab this account may open.
    pub fn views(&self) -> Vec<View> {
        let views = self.nav.tab.views().iter().copied();
        views.filter(|v| self.may_open(*v)).collect()
    }

    /// Whether the account's role opens the view.
    pub fn may_open(&self, view: View) -> bool {
        let role = self.session.account.role;
        match view.spec().open {
            Open::All => true,
            Open::Leads => role != Role::Staff,
            Open::Hr => self.can_write(),
            Open::Admin => role == Role::Admin,
        }
    }

    /// The account's role as the header shows it.
    pub fn role_label(&self) -> &'static str {
        self.session
            .lang
            .label("role", self.session.account.role.code())
    }

    /// Admins and HR write; supervisors and staff read (and do their own steps).
    pub fn can_write(&self) -> bool {
        matches!(self.session.account.role, Role::Admin | Role::Hr)
    }
}
