//! The evaluation tab's panel: the grade distribution of the selected row's kind.

use serde_json::Value;

use crate::app::App;
use crate::app::worker::Need;
use crate::domain::evaluation::EvalKind;
use crate::store::Result;

pub struct EvaluationPanel {
    pub kind: EvalKind,
    /// `Answer::Grades`.
    pub counts: Need,
}

impl EvaluationPanel {
    pub(super) fn load(app: &App, rec: Option<&Value>) -> Result<Self> {
        let kind = rec
            .and_then(|_| app.list().and_then(|l| l.current()))
            .and_then(|r| r.cells.first())
            .and_then(|c| EvalKind::from_code(&c.as_text()))
            .unwrap_or(EvalKind::Competency);
        let counts = Need::Grades {
            fy: app.nav.fiscal_year,
            kind,
            units: app.count_units()?,
            reader: app.session.visible.reader(),
        };
        Ok(EvaluationPanel { kind, counts })
    }
}
