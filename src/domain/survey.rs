//! Citizen surveys (市民アンケート): the evidence a PDCA Check can point to.

use super::{Check, Date, Id, Invalid, Validate};

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Survey {
    pub id: Id,
    pub unit_id: Id,
    pub conducted_on: Date,
    pub topic: String,
    /// Share of satisfied answers, 0–100.
    pub score: f64,
    pub responses: i64,
    pub note: String,
    pub version: i64,
}

impl Validate for Survey {
    fn validate(&self) -> Result<(), Invalid> {
        Check::new()
            .id("unit_code", self.unit_id)
            .date("conducted_on", self.conducted_on)
            .text("topic", &self.topic, 80)
            .range_f("score", self.score, 0.0, 100.0)
            .range("responses", self.responses, 0, 10_000_000)
            .note("note", &self.note, 2000)
            .finish()
    }
}
