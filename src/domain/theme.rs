//! Challenge themes (チャレンジテーマ): what a person sets out to achieve in the year, with
//! its weight among their themes and, once judged, its achievement — the ground of the
//! performance evaluation.

use super::{Check, Date, FiscalYear, Id, Invalid, Validate};

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Theme {
    pub id: Id,
    pub staff_id: Id,
    pub fiscal_year: FiscalYear,
    pub title: String,
    pub target: String,
    /// 1 (standard) – 3 (hard).
    pub difficulty: i64,
    /// Share of the person's themes, percent; a person's weights add up to 100.
    pub weight: i64,
    pub progress: i64,
    /// 中間報告 (due by October).
    pub midterm_report: String,
    pub midterm_on: Option<Date>,
    pub result: String,
    /// Achievement 0–100 once the year is judged.
    pub achievement: Option<i64>,
    pub self_assessment: String,
    pub evaluator_comment: String,
    pub version: i64,
}

impl Validate for Theme {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("staff_no", self.staff_id)
            .fiscal_year("fiscal_year", self.fiscal_year)
            .text("title", &self.title, 100)
            .req_note("target", &self.target, 1000)
            .range("difficulty", self.difficulty, 1, 3)
            .range("weight", self.weight, 0, 100)
            .range("progress", self.progress, 0, 100)
            .note("midterm_report", &self.midterm_report, 2000)
            .opt_date("midterm_on", self.midterm_on)
            .note("result", &self.result, 2000)
            .note("self_assessment", &self.self_assessment, 2000)
            .note("evaluator_comment", &self.evaluator_comment, 2000);
        if let Some(a) = self.achievement {
            c.range("achievement", a, 0, 100);
        }
        c.finish()
    }
}
