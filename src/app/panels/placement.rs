//! The placement tab's panel: the person's years in the post held today, a post still to
//! come (a 内示), and the generalist/specialist balance per section.

use crate::app::App;
use crate::app::worker::Need;
use crate::domain::assignment::Assignment;
use crate::domain::staff::{Staff, Track};
use crate::domain::unit::Unit;
use crate::store::Result;
use crate::store::settings::keys::LONG_TENURE_YEARS;

pub struct PlacementPanel {
    pub person: Option<Staff>,
    pub years_in_post: Option<i32>,
    /// A post of the person's still to come (a 内示), with its unit's name.
    pub upcoming: Option<(String, Assignment)>,
    pub long_years: i32,
    /// `Answer::Balance`.
    pub balance: Need,
}

impl PlacementPanel {
    pub(super) fn load(app: &App, person: Option<Staff>) -> Result<Self> {
        let db = &app.session.db;
        let today = app.session.today;
        let long_years = db.rule_value(LONG_TENURE_YEARS)? as i32;
        // The post held today: a move still to come has closed it already.
        let years_in_post = match &person {
            Some(p) => db
                .governing_post(p.id, today)?
                .filter(|a| a.start_date <= today && a.end_date.is_none_or(|e| e >= today))
                .map(|a| a.years_in_post(today)),
            None => None,
        };
        let upcoming = match &person {
            Some(p) => db.upcoming_post(p.id, today)?.map(|a| {
                let unit = db
                    .find::<Unit>(a.unit_id)
                    .ok()
                    .flatten()
                    .map(|u| u.name)
                    .unwrap_or_default();
                (unit, a)
            }),
            None => None,
        };
        Ok(PlacementPanel {
            person,
            years_in_post,
            upcoming,
            long_years,
            balance: Need::Balance {
                units: app.count_units()?,
            },
        })
    }
}

/// Long tenure: at least `years` in the post, unless a specialist (whose depth is the point).
pub fn is_long_tenure(person: &Staff, years_in_post: i32, years: i32) -> bool {
    years_in_post >= years && person.track != Track::Specialist
}
