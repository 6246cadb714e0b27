//! What a database holds, in numbers: the summary `jinji` prints and `check` reports.

use super::{Db, Result};
use crate::domain::FiscalYear;

/// Tables counted in the summary, in the order shown.
pub const COUNTED: &[&str] = &[
    "units",
    "staff",
    "accounts",
    "self_reports",
    "qualifications",
    "career_interviews",
    "eval_periods",
    "evaluations",
    "themes",
    "assignments",
    "courses",
    "training_sessions",
    "enrolments",
    "ojt_pairs",
    "ojt_logs",
    "awards",
    "compliance_records",
    "incidents",
    "grievance_consultations",
    "pdca_cycles",
    "pdca_actions",
    "pdca_reviews",
    "surveys",
    "transfer_plans",
    "transfer_moves",
    "audit_log",
];

/// Every table the audit log can name.
pub const AUDITED: &[&str] = &[
    "units",
    "staff",
    "accounts",
    "settings",
    "self_reports",
    "qualifications",
    "career_interviews",
    "eval_periods",
    "evaluations",
    "themes",
    "assignments",
    "courses",
    "course_requirements",
    "training_sessions",
    "enrolments",
    "ojt_pairs",
    "ojt_logs",
    "awards",
    "award_recipients",
    "compliance_records",
    "incidents",
    "grievance_consultations",
    "pdca_cycles",
    "pdca_actions",
    "pdca_checkins",
    "pdca_reviews",
    "pdca_evidence",
    "surveys",
    "transfer_plans",
    "transfer_moves",
    "ward_closed_days",
    "leaves",
];

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub counts: Vec<(&'static str, i64)>,
    pub active_staff: i64,
    /// Fiscal years with evaluation periods, oldest first.
    pub fiscal_years: Vec<FiscalYear>,
    pub schema_version: i64,
}

impl Db {
    pub fn summary(&self) -> Result<Summary> {
        let mut counts = Vec::new();
        for t in COUNTED {
            // COUNTED is a fixed list of our own tables, never user input.
            let n: i64 = self
                .conn()
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
            counts.push((*t, n));
        }
        let active_staff = self.conn().query_row(
            "SELECT count(*) FROM staff WHERE status <> 'retired'",
            [],
            |r| r.get(0),
        )?;
        let mut st = self
            .conn()
            .prepare("SELECT DISTINCT fiscal_year FROM eval_periods ORDER BY 1")?;
        let fiscal_years = st
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Summary {
            counts,
            active_staff,
            fiscal_years,
            schema_version: super::migrate::user_version(self)?,
        })
    }
}
