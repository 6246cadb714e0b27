//! What each tab shows beyond its list, loaded after each action so that drawing never
//! reads the database. One module per panel holds its state (what was prefetched for
//! drawing) and its load from the store; its drawing and snapshot live under the same name
//! in ui/panels/. A new panel is one file here and a line in this enum (and in `load_panel`
//! and `need` below), then one file in ui/panels/.

mod awards;
mod calibration;
mod career;
mod career_page;
mod compliance;
mod evaluation;
mod pdca;
mod placement;
mod training;

use serde_json::Value;

pub use awards::AwardsPanel;
pub use calibration::CalibrationPanel;
pub use career::{CareerPanel, QualMark};
pub use career_page::CareerPagePanel;
pub use compliance::CompliancePanel;
pub use evaluation::EvaluationPanel;
pub use pdca::PdcaPanel;
pub use placement::{PlacementPanel, is_long_tenure};
pub use training::TrainingPanel;

use super::App;
use super::tab::Tab;
use super::worker::Need;
use crate::domain::Id;
use crate::domain::staff::Staff;
use crate::store::Result;

pub enum Panel {
    None,
    /// Self-report and qualifications of the person, and the reports still missing.
    Career(CareerPanel),
    /// One person's career on one page, in place of the list.
    CareerPage(CareerPagePanel),
    /// The grade distribution of an evaluation kind.
    Evaluation(EvaluationPanel),
    /// Grades per section and per first evaluator, in place of the list.
    Calibration(CalibrationPanel),
    /// Tenure in the post, a post to come, and the generalist/specialist balance.
    Placement(PlacementPanel),
    /// Hours and the required courses not yet taken.
    Training(TrainingPanel),
    Awards(AwardsPanel),
    /// Completion per section and the overdue.
    Compliance(CompliancePanel),
    /// The supervisor's board and a cycle's lineage.
    Pdca(PdcaPanel),
}

impl Panel {
    /// What the panel shows that is computed over many rows (off the screen's thread).
    pub fn need(&self) -> Option<&Need> {
        match self {
            Panel::Career(p) => Some(&p.missing),
            Panel::Evaluation(p) => Some(&p.counts),
            Panel::Calibration(p) => Some(&p.cal),
            Panel::Placement(p) => Some(&p.balance),
            Panel::Awards(p) => Some(&p.counts),
            Panel::Compliance(p) => Some(&p.tally),
            Panel::None | Panel::CareerPage(_) | Panel::Training(_) | Panel::Pdca(_) => None,
        }
    }
}

/// The person a record belongs to, from its JSON.
fn person_of(view: &str, rec: &Value) -> Option<Id> {
    let key = match view {
        "staff" | "self_reports_missing" | "required_missing" => "id",
        "ojt" => "mentee_id",
        "pdca" => "owner_staff_id",
        _ => "staff_id",
    };
    rec.get(key).and_then(Value::as_i64)
}

impl App {
    pub(super) fn load_panel(&mut self, rec: Option<&Value>) -> Result<()> {
        let view = self.view_name();
        self.panel = match self.tab {
            Tab::Staff => Panel::None,
            Tab::Career if view == "career_page" => Panel::CareerPage(CareerPagePanel::load(self)?),
            Tab::Career => Panel::Career(CareerPanel::load(self, self.person_in_view(view, rec)?)?),
            Tab::Evaluation if view == "calibration" => {
                Panel::Calibration(CalibrationPanel::load(self)?)
            }
            // The office calendar is the year's list alone.
            Tab::Evaluation if view == "calendar" => Panel::None,
            Tab::Evaluation => Panel::Evaluation(EvaluationPanel::load(self, rec)?),
            Tab::Placement => {
                Panel::Placement(PlacementPanel::load(self, self.person_in_view(view, rec)?)?)
            }
            Tab::Training => {
                Panel::Training(TrainingPanel::load(self, self.person_in_view(view, rec)?)?)
            }
            Tab::Awards => Panel::Awards(AwardsPanel::load(self)?),
            Tab::Compliance => Panel::Compliance(CompliancePanel::load(self)?),
            // Only a cycle of the cycles' own list has a lineage.
            Tab::Pdca => Panel::Pdca(PdcaPanel::load(self, rec.filter(|_| view == "pdca"))?),
        };
        if let Some(need) = self.panel.need() {
            self.answers.ask(&self.db, need.clone())?;
        }
        Ok(())
    }

    /// The person the selected record belongs to, else the person in focus.
    fn person_in_view(&self, view: &str, rec: Option<&Value>) -> Result<Option<Staff>> {
        match rec
            .and_then(|r| person_of(view, r))
            .or(self.focus.as_ref().map(|s| s.id))
        {
            Some(id) => self.db.find(id),
            None => Ok(None),
        }
    }
}
