//! The training tab's panel: the person's hours in the year and the required courses
//! they have not taken.

use crate::app::App;
use crate::domain::staff::Staff;
use crate::store::Result;

pub struct TrainingPanel {
    pub person: Option<Staff>,
    pub hours: f64,
    pub required: Vec<String>,
}

impl TrainingPanel {
    pub(super) fn load(app: &App, person: Option<Staff>) -> Result<Self> {
        let fy = app.nav.fiscal_year;
        let (hours, required) = match &person {
            Some(p) => (
                app.session.db.training_hours(p.id, fy)?,
                app.session
                    .db
                    .required_not_taken(p.id, fy)?
                    .into_iter()
                    .map(|c| c.title)
                    .collect(),
            ),
            None => (0.0, Vec::new()),
        };
        Ok(TrainingPanel {
            person,
            hours,
            required,
        })
    }
}
