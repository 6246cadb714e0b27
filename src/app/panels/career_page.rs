//! One person's career on one page (the person in focus, else the user), drawn in place
//! of the list.

use crate::app::App;
use crate::domain::staff::Staff;
use crate::store::Result;
use crate::store::career_page::CareerPage;

pub struct CareerPagePanel {
    pub person: Option<Staff>,
    pub page: CareerPage,
}

impl CareerPagePanel {
    pub(super) fn load(app: &App) -> Result<Self> {
        let person = app.nav.focus.clone().or(app.session.me.clone());
        let page = match &person {
            Some(p) => app
                .session
                .db
                .career_page(p.id, app.session.visible.reader())?,
            None => Default::default(),
        };
        Ok(CareerPagePanel { person, page })
    }
}
