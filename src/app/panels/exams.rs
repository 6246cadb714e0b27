//! The promotion selection panel: the selected round's applicants, passers and pass rate
//! by sex, age band and job type, the figures wards report (a round's few dozen entries,
//! read on the screen's thread).

use serde_json::Value;

use crate::app::App;
use crate::domain::exam::{Exam, ExamKind};
use crate::store::Result;
use crate::store::exams::ExamFigures;

pub struct ExamsPanel {
    /// The round and its kind's name, when a row is selected.
    pub round: Option<(Exam, String)>,
    pub figures: ExamFigures,
}

impl ExamsPanel {
    /// The round of the selected row: the row itself on 昇任選考, the entry's round on
    /// 受験者.
    pub(super) fn load(app: &App, rec: Option<&Value>) -> Result<Self> {
        let db = &app.session.db;
        let id = rec.and_then(|r| {
            r.get("exam_id")
                .or_else(|| r.get("kind_id").and(r.get("id")))
                .and_then(Value::as_i64)
        });
        let Some(exam) = id.map(|id| db.find::<Exam>(id)).transpose()?.flatten() else {
            return Ok(ExamsPanel {
                round: None,
                figures: ExamFigures::default(),
            });
        };
        let name = db.get::<ExamKind>(exam.kind_id)?.name;
        let figures = db.exam_figures(exam.id)?;
        Ok(ExamsPanel {
            round: Some((exam, name)),
            figures,
        })
    }
}
