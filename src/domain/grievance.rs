//! Grievances about evaluation (苦情): the informal consultation (苦情相談) the HR office
//! records here, and the formal complaint (苦情処理), which is the evaluatee's appeal of a
//! disclosed evaluation with the review board's decision on it (`Evaluation`). Whoever
//! consults or complains may suffer no disadvantage for it; nothing of either reaches the
//! evaluators.

use super::{Check, Date, Id, Invalid, Validate};
use crate::code_enum;

code_enum! {
    /// How a consultation ended: 対応中 / 説明・助言で終了 / 解決 / 苦情処理へ移行 / 取下げ.
    pub enum ConsultationEnding {
        Ongoing = "ongoing",
        Explained = "explained",
        Resolved = "resolved",
        Complaint = "complaint",
        Withdrawn = "withdrawn",
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Consultation {
    pub id: Id,
    /// Who consulted.
    pub staff_id: Id,
    pub consulted_on: Date,
    /// The 苦情相談員 who heard it.
    pub counsellor_id: Option<Id>,
    /// What was said.
    pub subject: String,
    /// What they were told, or what was done.
    pub reply: String,
    pub ending: ConsultationEnding,
    pub version: i64,
}

impl Validate for Consultation {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("staff_no", self.staff_id)
            .date("consulted_on", self.consulted_on)
            .req_note("subject", &self.subject, 4000)
            .note("reply", &self.reply, 4000);
        if self.counsellor_id == Some(self.staff_id) {
            c.add(
                "counsellor_staff_no",
                super::Problem::Rule {
                    rule: "own_counsellor",
                },
            );
        }
        c.finish()
    }
}
