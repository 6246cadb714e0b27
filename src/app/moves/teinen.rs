//! The year-end 定年退職 from the 定年退職予定者 list (`m`): everyone of the year in view
//! whose 定年退職日 has come retires at once, with their 発令 — the same store move as
//! `jinji retire teinen`.

use serde_json::Value;

use super::{App, Menu, Move, Workflow};
use crate::domain::Id;
use crate::i18n::WARD;
use crate::store::StoreError;

pub struct Retirements;

pub static TEINEN: Retirements = Retirements;

impl Workflow for Retirements {
    fn menu(&self, app: &App, _: Id) -> Result<Menu, StoreError> {
        let mut menu = Menu::of(0, &Value::Null);
        if !app.can_write() {
            return Ok(menu);
        }
        let due = app.session.db.teinen_due(app.nav.fiscal_year)?;
        if due.people.is_empty() {
            return Ok(menu);
        }
        let lang = app.session.lang;
        let text = lang.tf(
            "ui.move_teinen_of",
            &[
                ("n", &due.people.len()),
                ("day", &app.session.date_style.show(due.day)),
            ],
        );
        if let Some(why) = due.not_yet(app.session.today) {
            // Not yet: the menu says so, and why.
            menu.blocked
                .push((text, crate::i18n::invalid_text(lang, &why)));
        } else {
            menu.moves.push((Move::Teinen, text));
        }
        Ok(menu)
    }

    /// The act is the year's, not a row's.
    fn without_row(&self) -> bool {
        true
    }

    fn apply(&self, app: &mut App, id: Id, _: i64, m: Move, _: &Value) -> Result<Id, StoreError> {
        if m != Move::Teinen {
            return Ok(id);
        }
        let ses = &app.session;
        ses.db
            .retire_teinen(app.nav.fiscal_year, ses.today, ses.actor(), &WARD)
            .map(|_| id)
    }
}
