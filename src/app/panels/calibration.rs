//! The calibration view (甘辛調整): grades per section and per first evaluator, drawn in
//! place of the list.

use crate::app::App;
use crate::app::worker::Need;
use crate::domain::evaluation::EvalKind;
use crate::store::Result;

pub struct CalibrationPanel {
    pub kind: EvalKind,
    /// `Answer::Calibration`.
    pub cal: Need,
}

impl CalibrationPanel {
    pub(super) fn load(app: &App) -> Result<Self> {
        let kind = app.nav.calibration_kind;
        let cal = Need::Calibration {
            fy: app.nav.fiscal_year,
            kind,
            units: app.count_units()?,
            reader: app.session.visible.reader(),
        };
        Ok(CalibrationPanel { kind, cal })
    }
}
