//! Moves on the registers (`m`): applying for a training session (for oneself, or for
//! the person in focus), and writing a log on an OJT pair one belongs to.

use serde_json::Value;

use super::{App, Menu, Move, Workflow, date_of, text_of};
use crate::domain::Id;
use crate::domain::training::{OjtLog, OjtPair, TrainingSession};
use crate::store::StoreError;

pub struct Sessions;
pub struct OjtPairs;

pub static SESSION: Sessions = Sessions;
pub static OJT: OjtPairs = OjtPairs;

impl Workflow for Sessions {
    /// Apply for the session: oneself, and the person in focus when someone else.
    fn menu(&self, app: &App, id: Id) -> Result<Menu, StoreError> {
        let (db, lang) = (&app.session.db, app.session.lang);
        let me = app.session.me.as_ref();
        let s: TrainingSession = db.get(id)?;
        let mut menu = Menu::of(s.version, &s);
        let people = me.into_iter().chain(
            app.nav
                .focus
                .iter()
                .filter(|f| me.is_none_or(|m| m.id != f.id)),
        );
        let applied = db.applicants(id)?;
        for p in people {
            let text = lang.tf("ui.move_apply_for", &[("name", &p.full_name())]);
            if applied.contains(&p.id) {
                menu.blocked
                    .push((text, lang.t("rule.enrol_already").to_string()));
            } else {
                menu.moves.push((Move::Apply(p.id), text));
            }
        }
        if s.ends_on < app.session.today {
            let why = lang.t("rule.enrol_session_over").to_string();
            for (_, text) in menu.moves.drain(..) {
                menu.blocked.push((text, why.clone()));
            }
        }
        Ok(menu)
    }

    fn apply(&self, app: &mut App, id: Id, _: i64, m: Move, _: &Value) -> Result<Id, StoreError> {
        let Move::Apply(staff) = m else {
            return Ok(id);
        };
        let ses = &app.session;
        ses.db
            .apply_for_session(id, staff, ses.actor(), ses.today)
            .map(|_| id)
    }
}

impl Workflow for OjtPairs {
    /// Write a log, for the two people of the pair.
    fn menu(&self, app: &App, id: Id) -> Result<Menu, StoreError> {
        let lang = app.session.lang;
        let p: OjtPair = app.session.db.get(id)?;
        let mut menu = Menu::of(p.version, &p);
        let mine = app
            .session
            .me
            .as_ref()
            .is_some_and(|me| me.id == p.mentor_id || me.id == p.mentee_id);
        if mine {
            menu.open(Move::OjtLog, app);
        } else {
            let label = Move::OjtLog.label(lang).to_string();
            menu.blocked
                .push((label, lang.t("rule.ojt_log_not_yours").to_string()));
        }
        Ok(menu)
    }

    /// A log starts today, empty.
    fn form(&self, app: &App, _: Value, _: Move) -> Result<(Value, Option<String>), StoreError> {
        let today = app.session.today.iso();
        Ok((serde_json::json!({ "logged_on": today, "body": "" }), None))
    }

    fn apply(&self, app: &mut App, id: Id, _: i64, m: Move, v: &Value) -> Result<Id, StoreError> {
        if m != Move::OjtLog {
            return Ok(id);
        }
        let ses = &app.session;
        let mut log = OjtLog {
            id: 0,
            pair_id: id,
            author_id: ses.me.as_ref().map(|s| s.id).unwrap_or(0),
            logged_on: date_of(v, "logged_on").unwrap_or(ses.today),
            body: text_of(v, "body"),
            version: 0,
        };
        ses.db.save_ojt_log(&mut log, ses.actor()).map(|_| id)
    }
}
