//! Compliance (コンプライアンス): the yearly training and self-check (自主点検) per person;
//! the incidents register (HR only). The year's training is an enrolment in a compliance
//! course required every year (研修); the record keeps its due date and the self-check.

use super::{Check, Date, FiscalYear, Id, Invalid, Problem, Validate};
use crate::code_enum;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ComplianceRecord {
    pub id: Id,
    pub staff_id: Id,
    pub fiscal_year: FiscalYear,
    pub due_on: Date,
    pub self_check_done_on: Option<Date>,
    pub version: i64,
}

impl Validate for ComplianceRecord {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("staff_no", self.staff_id)
            .fiscal_year("fiscal_year", self.fiscal_year)
            .date("due_on", self.due_on)
            .opt_date("self_check_done_on", self.self_check_done_on);
        // The year's training is due within the year.
        if self.due_on.fiscal_year() != self.fiscal_year {
            c.add(
                "due_on",
                Problem::Rule {
                    rule: "in_fiscal_year",
                },
            );
        }
        c.finish()
    }
}

code_enum! {
    /// 公益通報 / ハラスメント / 情報漏えい / 会計事務 / 交通事故 / その他.
    pub enum IncidentKind {
        Whistleblowing = "whistleblowing",
        Harassment = "harassment",
        Information = "information",
        Accounting = "accounting",
        Traffic = "traffic",
        Other = "other",
    }
}

code_enum! { pub enum IncidentStatus { Open = "open", Investigating = "investigating", Closed = "closed" } }

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Incident {
    pub id: Id,
    pub kind: IncidentKind,
    pub occurred_on: Date,
    pub reported_on: Date,
    pub unit_id: Option<Id>,
    pub staff_id: Option<Id>,
    pub summary: String,
    pub status: IncidentStatus,
    pub outcome: String,
    pub version: i64,
}

impl Validate for Incident {
    fn validate(&self) -> Result<(), Invalid> {
        Check::new()
            .date("occurred_on", self.occurred_on)
            .order(
                "occurred_on",
                Some(self.occurred_on),
                "reported_on",
                Some(self.reported_on),
            )
            .req_note("summary", &self.summary, 4000)
            .note("outcome", &self.outcome, 4000)
            .finish()
    }
}
