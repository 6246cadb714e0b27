//! Awards (表彰): nominations, decisions, group awards.

use super::{Check, Date, FiscalYear, Id, Invalid, Problem, Validate};
use crate::code_enum;

code_enum! {
    /// 職務功績 / 提案 / 善行 / 永年勤続 (10, 20, 30 years).
    pub enum AwardKind {
        Merit = "merit",
        Proposal = "proposal",
        GoodDeed = "good_deed",
        LongService10 = "long_service_10",
        LongService20 = "long_service_20",
        LongService30 = "long_service_30",
    }
}

impl AwardKind {
    /// The years of service a long-service award stands for.
    pub fn service_years(self) -> Option<i32> {
        match self {
            AwardKind::LongService10 => Some(10),
            AwardKind::LongService20 => Some(20),
            AwardKind::LongService30 => Some(30),
            _ => None,
        }
    }
    pub fn long_service(years: i32) -> Option<AwardKind> {
        match years {
            10 => Some(AwardKind::LongService10),
            20 => Some(AwardKind::LongService20),
            30 => Some(AwardKind::LongService30),
            _ => None,
        }
    }
}

code_enum! {
    /// 推薦 → 審査 → 決定 (表彰 / 見送り).
    pub enum AwardState { Nominated = "nominated", InReview = "in_review", Awarded = "awarded", Declined = "declined" }
}

impl AwardState {
    pub fn is_decided(self) -> bool {
        matches!(self, AwardState::Awarded | AwardState::Declined)
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Award {
    pub id: Id,
    pub kind: AwardKind,
    pub fiscal_year: FiscalYear,
    pub title: String,
    pub achievement: String,
    /// Set for a group award (e.g. a project team); the recipients are its members.
    pub group_name: String,
    pub unit_id: Option<Id>,
    pub state: AwardState,
    pub nominated_on: Date,
    pub nominated_by: Option<Id>,
    pub decided_on: Option<Date>,
    pub decided_by: Option<Id>,
    pub awarded_on: Option<Date>,
    pub version: i64,
}

impl Validate for Award {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.fiscal_year("fiscal_year", self.fiscal_year)
            .text("title", &self.title, 80)
            .note("achievement", &self.achievement, 2000)
            .opt_text("group_name", &self.group_name, 80)
            .order(
                "nominated_on",
                Some(self.nominated_on),
                "decided_on",
                self.decided_on,
            )
            .order("decided_on", self.decided_on, "awarded_on", self.awarded_on);
        if self.state.is_decided() != self.decided_on.is_some() {
            c.add(
                "decided_on",
                Problem::Rule {
                    rule: "decided_has_date",
                },
            );
        }
        if self.awarded_on.is_some() && self.state != AwardState::Awarded {
            c.add(
                "awarded_on",
                Problem::Rule {
                    rule: "awarded_only",
                },
            );
        }
        c.finish()
    }
}

/// A person an award names; a group award names several.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AwardRecipient {
    pub id: Id,
    pub award_id: Id,
    pub staff_id: Id,
    pub version: i64,
}

impl Validate for AwardRecipient {
    fn validate(&self) -> Result<(), Invalid> {
        Check::new()
            .id("award", self.award_id)
            .id("staff_no", self.staff_id)
            .finish()
    }
}
