//! The promotion selection panel: the selected round's applicants, passers and pass rate
//! by sex, age band and job type, the figures wards report (counted off the screen's
//! thread: a city's round has thousands of entries).

use serde_json::Value;

use crate::app::App;
use crate::app::worker::Need;
use crate::domain::exam::{Exam, ExamKind};
use crate::store::Result;

pub struct ExamsPanel {
    /// The round and its kind's name, when a row is selected.
    pub round: Option<(Exam, String)>,
    /// `Answer::ExamFigures` of the round.
    pub figures: Option<Need>,
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
                figures: None,
            });
        };
        let name = db.get::<ExamKind>(exam.kind_id)?.name;
        Ok(ExamsPanel {
            figures: Some(Need::ExamFigures { exam: exam.id }),
            round: Some((exam, name)),
        })
    }
}
