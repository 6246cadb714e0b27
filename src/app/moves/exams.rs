//! Moves on a round of promotion selection (`m` on 昇任選考): a person applies for it
//! themselves; the HR office brings in the applications the self-reports wished for,
//! closes the applications, and announces the results (passers go on the pool).

use serde_json::Value;

use super::{App, Menu, Move, Workflow};
use crate::domain::exam::{Exam, ExamState, Verdict};
use crate::domain::{Id, Invalid, Problem};
use crate::store::StoreError;

pub struct Exams;

pub static EXAM: Exams = Exams;

impl Workflow for Exams {
    fn menu(&self, app: &App, id: Id) -> Result<Menu, StoreError> {
        let db = &app.session.db;
        let x: Exam = db.get(id)?;
        let mut menu = Menu::of(x.version, &x);
        // One's own application, or why not.
        if let Some(me) = app.session.me.as_ref() {
            let why = match db.exam_verdict(id, me.id)? {
                _ if x.state != ExamState::Open => Some("exam_not_open"),
                _ if app.session.today > x.applications_close => Some("exam_applications_closed"),
                None => Some("exam_not_of_position"),
                Some(Verdict::Eligible) if db.exam_entered(id, me.id)? => Some("exam_already"),
                Some(Verdict::Eligible) => None,
                Some(v) => Some(crate::store::exams::ineligible(v)),
            };
            match why {
                None => menu.open(Move::ExamApply, app),
                // Only a person the round is for hears why they may not sit it.
                Some("exam_not_of_position") => {}
                Some(rule) => menu.blocked(
                    Move::ExamApply,
                    &Invalid::one("exam", Problem::Rule { rule }),
                    app,
                ),
            }
        }
        if app.can_write() {
            if x.state != ExamState::Announced {
                menu.open(Move::ExamWishes, app);
            }
            if x.state == ExamState::Open {
                menu.open(Move::ExamClose, app);
            }
            // Results are announced once the tests are held.
            if x.state != ExamState::Announced && app.session.today < x.held_on {
                let why = Invalid::one(
                    "exam_announced_on",
                    Problem::Before {
                        other: "exam_held_on",
                    },
                );
                menu.blocked(Move::ExamAnnounce, &why, app);
            } else if x.state != ExamState::Announced {
                menu.open(Move::ExamAnnounce, app);
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
        let ses = &app.session;
        let (db, who, today) = (&ses.db, ses.actor(), ses.today);
        match m {
            Move::ExamApply => db.apply_for_exam(id, who, today).map(|_| ()),
            Move::ExamWishes => db.take_exam_wishes(id, who, today).map(|_| ()),
            Move::ExamClose => db.close_exam(id, version, who),
            Move::ExamAnnounce => db.announce_exam(id, version, who, today).map(|_| ()),
            _ => Ok(()),
        }
        .map(|_| id)
    }
}
