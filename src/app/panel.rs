//! What each tab shows beyond its list, loaded after each action (drawing never reads
//! the database): self-report and qualifications, the grade distribution, tenure and the
//! generalist/specialist balance, hours and missing required courses, award counts,
//! compliance per section and the overdue, the supervisor's PDCA board and a cycle's lineage.

use serde_json::Value;

use super::App;
use super::tab::Tab;
use crate::domain::career::{Expiry, Qualification};
use crate::domain::evaluation::{EvalKind, Term};
use crate::domain::pdca::PdcaCycle;
use crate::domain::staff::{Staff, Track};
use crate::domain::{Date, Id};
use crate::store::Result;
use crate::store::evaluation::GradeCounts;
use crate::store::panels::BoardRow;

pub struct QualMark {
    pub name: String,
    pub expires_on: Option<Date>,
    pub expiry: Expiry,
}

pub enum Panel {
    None,
    Career {
        person: Option<Staff>,
        submitted: Option<Option<Date>>,
        wishes: Vec<String>,
        quals: Vec<QualMark>,
        missing: i64,
    },
    Evaluation {
        kind: EvalKind,
        counts: GradeCounts,
    },
    /// One person's career on one page (the person in focus, else the user).
    CareerPage {
        person: Option<Staff>,
        page: crate::store::career_page::CareerPage,
    },
    /// The calibration view: grades per section and per first evaluator.
    Calibration {
        kind: EvalKind,
        cal: crate::store::calibration::Calibration,
    },
    Placement {
        person: Option<Staff>,
        years_in_post: Option<i32>,
        long_years: i32,
        balance: Vec<(String, i64, i64)>,
    },
    Training {
        person: Option<Staff>,
        hours: f64,
        required: Vec<String>,
    },
    Awards {
        counts: Vec<(String, i64)>,
    },
    Compliance {
        sections: Vec<(String, i64, i64)>,
        overdue_total: i64,
        overdue: Vec<(String, String, String)>,
    },
    Pdca {
        board_of: Option<Staff>,
        board: Vec<BoardRow>,
        lineage: Vec<PdcaCycle>,
    },
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
        // Aggregates do not follow the selection: they stay until the list reloads (a new
        // tab, year, scope, focus, or a write), unless the evaluation kind changes.
        let kind = self
            .list()
            .and_then(|l| l.current())
            .and_then(|r| r.cells.first())
            .map(|c| c.as_text());
        let key = (
            self.tab,
            if self.tab == Tab::Evaluation {
                kind.unwrap_or_default()
            } else {
                String::new()
            },
        );
        if matches!(self.tab, Tab::Evaluation | Tab::Awards | Tab::Compliance)
            && self.panel_key.as_ref() == Some(&key)
        {
            return Ok(());
        }
        self.panel_key = Some(key);
        let person: Option<Staff> = match rec
            .and_then(|r| person_of(view, r))
            .or(self.focus.as_ref().map(|s| s.id))
        {
            Some(id) => self.db.find(id)?,
            None => None,
        };
        let fy = self.fiscal_year;
        let units = self.count_units()?;
        let db = &self.db;
        self.panel = match self.tab {
            Tab::Staff => Panel::None,
            Tab::Career if view == "career_page" => {
                let person = self.focus.clone().or(self.me.clone());
                let page = match &person {
                    Some(p) => db.career_page(p.id)?,
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
                        expiry: q.expiry(self.today, warn),
                        expires_on: q.expires_on,
                        name: q.name,
                    })
                    .collect();
                Panel::Career {
                    submitted: report.as_ref().map(|r| r.submitted_on),
                    wishes,
                    quals,
                    // The worklist's own count, so both agree for every role.
                    missing: match crate::store::views::view("self_reports_missing") {
                        Some(v) => db.view_count(
                            v,
                            &crate::store::views::ViewQuery {
                                units: self.scope_units()?,
                                fiscal_year: Some(fy),
                                visible: self.visible.clone(),
                                today: Some(self.today),
                                ..Default::default()
                            },
                        )?,
                        None => 0,
                    },
                    person,
                }
            }
            Tab::Evaluation if view == "calibration" => {
                let kind = self.calibration_kind;
                let cal = match db.eval_period(fy, kind, Term::Full)? {
                    Some(p) => db.calibration(p.id, units.as_deref())?,
                    None => Default::default(),
                };
                Panel::Calibration { kind, cal }
            }
            Tab::Evaluation => {
                let kind = rec
                    .and_then(|_| self.list().and_then(|l| l.current()))
                    .and_then(|r| r.cells.first())
                    .and_then(|c| EvalKind::from_code(&c.as_text()))
                    .unwrap_or(EvalKind::Competency);
                let counts = match db.eval_period(fy, kind, Term::Full)? {
                    Some(p) => {
                        let all: Vec<Id> = match &units {
                            Some(u) => u.clone(),
                            None => db.units()?.iter().map(|u| u.id).collect(),
                        };
                        db.grade_counts(p.id, &all)?
                    }
                    None => GradeCounts::default(),
                };
                Panel::Evaluation { kind, counts }
            }
            Tab::Placement => {
                let long_years =
                    db.rule_value(crate::store::settings::keys::LONG_TENURE_YEARS)? as i32;
                let years_in_post = match &person {
                    Some(p) => db
                        .current_assignment(p.id)?
                        .map(|a| a.years_in_post(self.today)),
                    None => None,
                };
                Panel::Placement {
                    person,
                    years_in_post,
                    long_years,
                    balance: db.track_balance_by_section(units.as_deref())?,
                }
            }
            Tab::Training => {
                let (hours, required) = match &person {
                    Some(p) => (
                        db.training_hours(p.id, fy)?,
                        db.required_not_taken(p.id)?
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
                counts: db.award_counts(fy, units.as_deref())?,
            },
            Tab::Compliance => {
                let (overdue_total, overdue) =
                    db.compliance_overdue_in(fy, self.today, units.as_deref(), 12)?;
                Panel::Compliance {
                    sections: db.compliance_by_section(fy, units.as_deref())?,
                    overdue_total,
                    overdue,
                }
            }
            Tab::Pdca => {
                // The board of the person in focus, else of the user, when they lead people.
                let lead = self
                    .focus
                    .clone()
                    .or(self.me.clone())
                    .filter(|s| s.position.is_supervisory());
                let board = match &lead {
                    Some(s) => db.pdca_board(s.id, &db.unit_subtree(s.unit_id)?, fy, self.today)?,
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
        Ok(())
    }
}

/// Long tenure: at least `years` in the post, unless a specialist (whose depth is the point).
pub fn is_long_tenure(person: &Staff, years_in_post: i32, years: i32) -> bool {
    years_in_post >= years && person.track != Track::Specialist
}
