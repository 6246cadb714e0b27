//! The awards tab's panel: the year's awards by kind.

use crate::app::App;
use crate::app::worker::Need;
use crate::store::Result;

pub struct AwardsPanel {
    /// `Answer::Awards`.
    pub counts: Need,
}

impl AwardsPanel {
    pub(super) fn load(app: &App) -> Result<Self> {
        Ok(AwardsPanel {
            counts: Need::Awards {
                fy: app.nav.fiscal_year,
                units: app.count_units()?,
            },
        })
    }
}
