//! What each tab shows beyond its list, loaded after each action (drawing never reads
//! the database): self-report and qualifications, the grade distribution, tenure and the
//! generalist/specialist balance, hours and missing required courses, award counts,
//! compliance per section and the overdue, the supervisor's PDCA board and a cycle's lineage.

use serde_json::Value;

use super::App;
use super::tab::Tab;
use super::worker::Need;
use crate::domain::career::{Expiry, Qualification};
use crate::domain::evaluation::EvalKind;
use crate::domain::pdca::PdcaCycle;
use crate::domain::staff::{Staff, Track};
use crate::domain::{Date, Id};
use crate::store::Result;
use crate::store::panels::BoardRow;

pub struct QualMark {
    pub name: String,
    pub expires_on: Option<Date>,
    pub expiry: Expiry,
}

#[derive(Default)]
pub enum Panel {
    #[default]
    None,
    Career {
        person: Option<Staff>,
        submitted: Option<Option<Date>>,
        wishes: Vec<String>,
        quals: Vec<QualMark>,
        /// The worklist's count (`Answer::Count`).
        missing: Need,
    },
    Evaluation {
        kind: EvalKind,
        /// `Answer::Grades`.
        counts: Need,
    },
    /// One person's career on one page (the person in focus, else the user).
    CareerPage {
        person: Option<Staff>,
        page: crate::store::career_page::CareerPage,
    },
    /// The calibration view: grades per section and per first evaluator.
    Calibration {
        kind: EvalKind,
        /// `Answer::Calibration`.
        cal: Need,
    },
    Placement {
        person: Option<Staff>,
        years_in_post: Option<i32>,
        /// A post of the person's still to come (a 内示), with its unit's name.
        upcoming: Option<(String, crate::domain::assignment::Assignment)>,
        long_years: i32,
        /// `Answer::Balance`.
        balance: Need,
    },
    Training {
        person: Option<Staff>,
        hours: f64,
        required: Vec<String>,
    },
    Awards {
        /// `Answer::Awards`.
        counts: Need,
    },
    Compliance {
        /// `Answer::Compliance`.
        tally: Need,
    },
    Pdca {
        board_of: Option<Staff>,
        board: Vec<BoardRow>,
        lineage: Vec<PdcaCycle>,
    },
}

impl Panel {
    /// What the panel shows that is computed over many rows (off the screen's thread).
    pub fn need(&self) -> Option<&Need> {
        match self {
            Panel::Career { missing: n, .. }
            | Panel::Evaluation { counts: n, .. }
            | Panel::Calibration { cal: n, .. }
            | Panel::Placement { balance: n, .. }
            | Panel::Awards { counts: n }
            | Panel::Compliance { tally: n } => Some(n),
            Panel::None
            | Panel::CareerPage { .. }
            | Panel::Training { .. }
            | Panel::Pdca { .. } => None,
        }
    }
}

/// The person a record belongs to, from its JSON.
fn person_of(view: &str, rec: &Value) -> Option<Id> {
    let key = match view {
        "staff" | "self_reports_missing" | "required_missing" => "id",
        "ojt" => "mentee_id",
        "pdca" => "owner_staff_id",
        _ => "staff_id",
    };
    rec.get(key).and_then(Value::as_i64)
}

impl App {
    pub(super) fn load_panel(&mut self, rec: Option<&Value>) -> Result<()> {
        let view = self.view_name();
        let person: Option<Staff> =
            match rec
                .and_then(|r| person_of(view, r))
                .or(self.nav.focus.as_ref().map(|s| s.id))
            {
                Some(id) => self.session.db.find(id)?,
                None => None,
            };
        let fy = self.nav.fiscal_year;
        let units = self.count_units()?;
        let db = &self.session.db;
        self.shown.panel = match self.nav.tab {
            Tab::Staff => Panel::None,
            Tab::Career if view == "career_page" => {
                let person = self.nav.focus.clone().or(self.session.me.clone());
                let page = match &person {
                    Some(p) => db.career_page(p.id, self.session.visible.reader())?,
                    None => Default::default(),
                };
                Panel::CareerPage { person, page }
            }
            Tab::Career => {
                let report = match &person {
                    Some(p) => db.self_report(p.id, fy)?,
                    None => None,
                };
                let mut wishes = Vec::new();
                if let Some(r) = &report {
                    for u in r.wish_units().into_iter().flatten() {
                        if let Some(u) = db.find::<crate::domain::unit::Unit>(u)? {
                            wishes.push(u.name);
                        }
                    }
                }
                let warn = db.rule_value(crate::store::settings::keys::EXPIRY_WARN_DAYS)?;
                let quals = match &person {
                    Some(p) => db.qualifications_of(p.id)?,
                    None => Vec::new(),
                };
                let quals = quals
                    .into_iter()
                    .map(|q: Qualification| QualMark {
                        expiry: q.expiry(self.session.today, warn),
                        expires_on: q.expires_on,
                        name: q.name,
                    })
                    .collect();
                Panel::Career {
                    submitted: report.as_ref().map(|r| r.submitted_on),
                    wishes,
                    quals,
                    // The worklist's own count, so both agree for every role.
                    missing: Need::Rows {
                        view: "self_reports_missing",
                        query: crate::store::views::ViewQuery {
                            units: self.scope_units()?,
                            fiscal_year: Some(fy),
                            visible: self.session.visible.clone(),
                            ..crate::store::views::ViewQuery::on(self.session.today)
                        },
                    },
                    person,
                }
            }
            Tab::Evaluation if view == "calibration" => {
                let kind = self.nav.calibration_kind;
                let cal = Need::Calibration {
                    fy,
                    kind,
                    units,
                    reader: self.session.visible.reader(),
                };
                Panel::Calibration { kind, cal }
            }
            // The office calendar is the year's list alone.
            Tab::Evaluation if view == "calendar" => Panel::None,
            Tab::Evaluation => {
                let kind = rec
                    .and_then(|_| self.list().and_then(|l| l.current()))
                    .and_then(|r| r.cells.first())
                    .and_then(|c| EvalKind::from_code(&c.as_text()))
                    .unwrap_or(EvalKind::Competency);
                let counts = Need::Grades {
                    fy,
                    kind,
                    units,
                    reader: self.session.visible.reader(),
                };
                Panel::Evaluation { kind, counts }
            }
            Tab::Placement => {
                let long_years =
                    db.rule_value(crate::store::settings::keys::LONG_TENURE_YEARS)? as i32;
                // The post held today: a move still to come has closed it already.
                let years_in_post = match &person {
                    Some(p) => db
                        .governing_post(p.id, self.session.today)?
                        .filter(|a| {
                            a.start_date <= self.session.today
                                && a.end_date.is_none_or(|e| e >= self.session.today)
                        })
                        .map(|a| a.years_in_post(self.session.today)),
                    None => None,
                };
                let upcoming = match &person {
                    Some(p) => db.upcoming_post(p.id, self.session.today)?.map(|a| {
                        let unit = db
                            .find::<crate::domain::unit::Unit>(a.unit_id)
                            .ok()
                            .flatten()
                            .map(|u| u.name)
                            .unwrap_or_default();
                        (unit, a)
                    }),
                    None => None,
                };
                Panel::Placement {
                    person,
                    years_in_post,
                    upcoming,
                    long_years,
                    balance: Need::Balance { units },
                }
            }
            Tab::Training => {
                let (hours, required) = match &person {
                    Some(p) => (
                        db.training_hours(p.id, fy)?,
                        db.required_not_taken(p.id, fy)?
                            .into_iter()
                            .map(|c| c.title)
                            .collect(),
                    ),
                    None => (0.0, Vec::new()),
                };
                Panel::Training {
                    person,
                    hours,
                    required,
                }
            }
            Tab::Awards => Panel::Awards {
                counts: Need::Awards { fy, units },
            },
            Tab::Compliance => Panel::Compliance {
                tally: Need::Compliance {
                    fy,
                    today: self.session.today,
                    units,
                },
            },
            Tab::Pdca => {
                // The board of the person in focus, else of the user, when they lead people.
                let lead = self
                    .nav
                    .focus
                    .clone()
                    .or(self.session.me.clone())
                    .filter(|s| s.position.is_supervisory());
                let board = match &lead {
                    Some(s) => {
                        db.pdca_board(s.id, &db.unit_subtree(s.unit_id)?, fy, self.session.today)?
                    }
                    None => Vec::new(),
                };
                let lineage = match rec
                    .and_then(|r| r.get("id"))
                    .and_then(Value::as_i64)
                    .filter(|_| view == "pdca")
                {
                    Some(id) => db.pdca_lineage(id)?,
                    None => Vec::new(),
                };
                Panel::Pdca {
                    board_of: lead,
                    board,
                    lineage,
                }
            }
        };
        if let Some(need) = self.shown.panel.need() {
            self.shown.answers.ask(&self.session.db, need.clone())?;
        }
        Ok(())
    }
}

/// Long tenure: at least `years` in the post, unless a specialist (whose depth is the point).
pub fn is_long_tenure(person: &Staff, years_in_post: i32, years: i32) -> bool {
    years_in_post >= years && person.track != Track::Specialist
}
