//! The career tab's panel: the person's self-report for the year and their
//! qualifications with how their expiry looks today, and the reports still missing.

use crate::app::App;
use crate::app::worker::Need;
use crate::domain::Date;
use crate::domain::career::{Expiry, Qualification};
use crate::domain::staff::Staff;
use crate::domain::unit::Unit;
use crate::store::Result;
use crate::store::settings::keys::EXPIRY_WARN_DAYS;
use crate::store::views::ViewQuery;

pub struct QualMark {
    pub name: String,
    pub expires_on: Option<Date>,
    pub expiry: Expiry,
}

pub struct CareerPanel {
    pub person: Option<Staff>,
    /// `None`: no report; `Some(None)`: a report not yet submitted.
    pub submitted: Option<Option<Date>>,
    pub wishes: Vec<String>,
    pub quals: Vec<QualMark>,
    /// The worklist's count (`Answer::Count`).
    pub missing: Need,
}

impl CareerPanel {
    pub(super) fn load(app: &App, person: Option<Staff>) -> Result<Self> {
        let db = &app.session.db;
        let fy = app.nav.fiscal_year;
        let report = match &person {
            Some(p) => db.self_report(p.id, fy)?,
            None => None,
        };
        let mut wishes = Vec::new();
        if let Some(r) = &report {
            for u in r.wish_units().into_iter().flatten() {
                if let Some(u) = db.find::<Unit>(u)? {
                    wishes.push(u.name);
                }
            }
        }
        let warn = db.rule_value(EXPIRY_WARN_DAYS)?;
        let quals = match &person {
            Some(p) => db.qualifications_of(p.id)?,
            None => Vec::new(),
        };
        let quals = quals
            .into_iter()
            .map(|q: Qualification| QualMark {
                expiry: q.expiry(app.session.today, warn),
                expires_on: q.expires_on,
                name: q.name,
            })
            .collect();
        Ok(CareerPanel {
            submitted: report.as_ref().map(|r| r.submitted_on),
            wishes,
            quals,
            // The worklist's own count, so both agree for every role.
            missing: Need::Rows {
                view: &crate::store::views::SELF_REPORTS_MISSING,
                query: ViewQuery {
                    units: app.scope_units()?,
                    fiscal_year: Some(fy),
                    visible: app.session.visible.clone(),
                    ..ViewQuery::on(app.session.today)
                },
            },
            person,
        })
    }
}
