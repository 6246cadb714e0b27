//! Enrolments and awards moved on from the screens (`m`), and long-service candidates
//! nominated in one keystroke.

use super::App;
use super::flow::Move;
use crate::domain::Id;
use crate::domain::date::fiscal_year_start;
use crate::domain::steps::{AwardStep, EnrolStep};
use crate::store::StoreError;

impl App {
    pub(super) fn enrol_menu(
        &self,
        id: Id,
        blocked: &mut Vec<(String, String)>,
    ) -> Result<(i64, Vec<(Move, String)>), StoreError> {
        let lang = self.lang;
        let (e, cap) = self.db.enrolment_for(id, self.actor())?;
        let mut moves = Vec::new();
        for s in EnrolStep::ALL.iter().copied() {
            let m = Move::Enrol(s);
            match s.check(&e, &cap) {
                Ok(()) => moves.push((m, m.label(lang).to_string())),
                // Open in this state, but to someone else: say who.
                Err(inv)
                    if s.check(
                        &e,
                        &crate::domain::steps::Capacity {
                            own: true,
                            lead: true,
                            hr: true,
                        },
                    )
                    .is_ok() =>
                {
                    blocked.push((
                        m.label(lang).to_string(),
                        crate::i18n::invalid_text(lang, &inv),
                    ))
                }
                Err(_) => {}
            }
        }
        Ok((e.version, moves))
    }

    pub(super) fn award_menu(
        &self,
        id: Id,
        blocked: &mut Vec<(String, String)>,
    ) -> Result<(i64, Vec<(Move, String)>), StoreError> {
        let lang = self.lang;
        let mut moves = Vec::new();
        let mut version = 0;
        if id != 0 {
            let (a, cap) = self.db.award_for(id, self.actor())?;
            version = a.version;
            for s in AwardStep::ALL.iter().copied() {
                let m = Move::Award(s);
                match s.check(&a, &cap) {
                    Ok(()) => moves.push((m, m.label(lang).to_string())),
                    Err(inv) if !a.state.is_decided() && !cap.hr => blocked.push((
                        m.label(lang).to_string(),
                        crate::i18n::invalid_text(lang, &inv),
                    )),
                    Err(_) => {}
                }
            }
        }
        // The year's long-service candidates: years completed by 1 April, the start of the year.
        if self.can_write() {
            let base = fiscal_year_start(self.fiscal_year);
            for years in [10, 20, 30] {
                let n = self.db.long_service_candidates(years, base)?.len();
                if n > 0 {
                    let m = Move::LongService(years);
                    let text = lang.tf(
                        "ui.move_long_service_of",
                        &[
                            ("years", &years),
                            ("n", &n),
                            ("base", &self.date_style.show(base)),
                        ],
                    );
                    moves.push((m, text));
                }
            }
        }
        Ok((version, moves))
    }

    pub(super) fn make_step_move(
        &mut self,
        id: Id,
        version: i64,
        m: Move,
    ) -> Result<Id, StoreError> {
        let who = self.actor();
        let today = self.today;
        match m {
            Move::Enrol(s) => self
                .db
                .enrol_move(id, Some(version), s, who, today)
                .map(|e| e.id),
            Move::Award(s) => self
                .db
                .award_move(id, Some(version), s, who, today)
                .map(|a| a.id),
            Move::LongService(years) => {
                let title = self
                    .lang
                    .tf("award.long_service_title", &[("years", &years)]);
                let base = fiscal_year_start(self.fiscal_year);
                self.db
                    .nominate_long_service(years, base, &title, who, today)
                    .map(|_| id)
            }
            _ => Ok(id),
        }
    }
}
