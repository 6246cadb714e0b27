//! The PDCA tab's panel: the board of a supervisor's people and the lineage of the
//! selected cycle, turn by turn.

use serde_json::Value;

use crate::app::App;
use crate::domain::pdca::PdcaCycle;
use crate::domain::staff::Staff;
use crate::store::Result;
use crate::store::panels::BoardRow;

pub struct PdcaPanel {
    pub board_of: Option<Staff>,
    pub board: Vec<BoardRow>,
    pub lineage: Vec<PdcaCycle>,
}

impl PdcaPanel {
    /// `cycle`: the selected record when it is a cycle.
    pub(super) fn load(app: &App, cycle: Option<&Value>) -> Result<Self> {
        let db = &app.session.db;
        let fy = app.nav.fiscal_year;
        // The board of the person in focus, else of the user, when they lead people.
        let lead = app
            .nav
            .focus
            .clone()
            .or(app.session.me.clone())
            .filter(|s| s.position.is_supervisory());
        let board = match &lead {
            Some(s) => db.pdca_board(s.id, &db.unit_subtree(s.unit_id)?, fy, app.session.today)?,
            None => Vec::new(),
        };
        let lineage = match cycle.and_then(|r| r.get("id")).and_then(Value::as_i64) {
            Some(id) => db.pdca_lineage(id)?,
            None => Vec::new(),
        };
        Ok(PdcaPanel {
            board_of: lead,
            board,
            lineage,
        })
    }
}
