//! The compliance tab's panel: the year's completion per section and the overdue.

use crate::app::App;
use crate::app::worker::Need;
use crate::store::Result;

pub struct CompliancePanel {
    /// `Answer::Compliance`.
    pub tally: Need,
}

impl CompliancePanel {
    pub(super) fn load(app: &App) -> Result<Self> {
        Ok(CompliancePanel {
            tally: Need::Compliance {
                fy: app.nav.fiscal_year,
                today: app.session.today,
                units: app.count_units()?,
            },
        })
    }
}
