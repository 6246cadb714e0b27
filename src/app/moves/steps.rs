//! Training enrolments and awards moved on (`m`): the moves as the domain offers them to
//! this account, and long-service candidates nominated in one keystroke.

use serde_json::Value;

use super::{App, Menu, Move, Workflow};
use crate::domain::Id;
use crate::domain::choice::Choice;
use crate::domain::date::fiscal_year_start;
use crate::domain::steps::{AwardStep, EnrolStep};
use crate::store::StoreError;

pub struct Enrolments;
pub struct Awards;

pub static ENROLMENT: Enrolments = Enrolments;
pub static AWARD: Awards = Awards;

impl Workflow for Enrolments {
    fn menu(&self, app: &App, id: Id) -> Result<Menu, StoreError> {
        let (e, cap) = app.session.db.enrolment_for(id, app.session.actor())?;
        let mut menu = Menu::of(e.version, &e);
        for c in EnrolStep::choices(&e, &cap) {
            match c {
                Choice::Open(s) => menu.open(Move::Enrol(s), app),
                // Open in this state, but to someone else: say who.
                Choice::Blocked(s, why) => menu.blocked(Move::Enrol(s), &why, app),
            }
        }
        Ok(menu)
    }

    fn apply(
        &self,
        app: &mut App,
        id: Id,
        version: i64,
        m: Move,
        _: &Value,
    ) -> Result<Id, StoreError> {
        let Move::Enrol(s) = m else {
            return Ok(id);
        };
        let ses = &app.session;
        ses.db
            .enrol_move(id, Some(version), s, ses.actor(), ses.today)
            .map(|e| e.id)
    }
}

impl Workflow for Awards {
    fn menu(&self, app: &App, id: Id) -> Result<Menu, StoreError> {
        let (db, lang) = (&app.session.db, app.session.lang);
        let mut menu = Menu::of(0, &Value::Null);
        if id != 0 {
            let (a, cap) = db.award_for(id, app.session.actor())?;
            menu = Menu::of(a.version, &a);
            for c in AwardStep::choices(&a, &cap) {
                match c {
                    Choice::Open(s) => menu.open(Move::Award(s), app),
                    Choice::Blocked(s, why) => menu.blocked(Move::Award(s), &why, app),
                }
            }
        }
        // The year's long-service candidates: years completed by 1 April, the start of the year.
        if app.can_write() {
            let base = fiscal_year_start(app.nav.fiscal_year);
            for years in [10, 20, 30] {
                let n = db.long_service_candidates(years, base)?.len();
                if n > 0 {
                    let text = lang.tf(
                        "ui.move_long_service_of",
                        &[
                            ("years", &years),
                            ("n", &n),
                            ("base", &app.session.date_style.show(base)),
                        ],
                    );
                    menu.moves.push((Move::LongService(years), text));
                }
            }
        }
        Ok(menu)
    }

    /// Long-service nominations are open with no award selected.
    fn without_row(&self) -> bool {
        true
    }

    fn apply(
        &self,
        app: &mut App,
        id: Id,
        version: i64,
        m: Move,
        _: &Value,
    ) -> Result<Id, StoreError> {
        let ses = &app.session;
        let (who, today) = (ses.actor(), ses.today);
        match m {
            Move::Award(s) => ses
                .db
                .award_move(id, Some(version), s, who, today)
                .map(|a| a.id),
            Move::LongService(years) => {
                let title = ses
                    .lang
                    .tf("award.long_service_title", &[("years", &years)]);
                let base = fiscal_year_start(app.nav.fiscal_year);
                ses.db
                    .nominate_long_service(years, base, &title, who, today)
                    .map(|_| id)
            }
            _ => Ok(id),
        }
    }
}
