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
mod exams;
mod pdca;
mod placement;
mod plan_check;
mod training;

use serde_json::Value;

pub use awards::AwardsPanel;
pub use calibration::CalibrationPanel;
pub use career::{CareerPanel, QualMark};
pub use career_page::CareerPagePanel;
pub use compliance::CompliancePanel;
pub use evaluation::EvaluationPanel;
pub use exams::ExamsPanel;
pub use pdca::PdcaPanel;
pub use placement::{PlacementPanel, is_long_tenure};
pub use plan_check::PlanCheckPanel;
pub use training::TrainingPanel;

use super::App;
use super::view::{PanelKind, View};
use super::worker::Need;
use crate::domain::staff::Staff;
use crate::store::Result;

#[derive(Default)]
pub enum Panel {
    #[default]
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
    /// A round of promotion selection's figures.
    Exams(ExamsPanel),
    /// The problems of the selected transfer plan.
    PlanCheck(PlanCheckPanel),
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
            Panel::PlanCheck(p) => p.check.as_ref(),
            Panel::Exams(p) => p.figures.as_ref(),
            Panel::None | Panel::CareerPage(_) | Panel::Training(_) | Panel::Pdca(_) => None,
        }
    }
}

impl App {
    pub(super) fn load_panel(&mut self, rec: Option<&Value>) -> Result<()> {
        let view = self.view();
        self.shown.panel = match view.spec().panel {
            None => Panel::None,
            Some(PanelKind::CareerPage) => Panel::CareerPage(CareerPagePanel::load(self)?),
            Some(PanelKind::Career) => {
                Panel::Career(CareerPanel::load(self, self.person_in_view(view, rec)?)?)
            }
            Some(PanelKind::Calibration) => Panel::Calibration(CalibrationPanel::load(self)?),
            Some(PanelKind::Evaluation) => Panel::Evaluation(EvaluationPanel::load(self, rec)?),
            Some(PanelKind::Placement) => {
                Panel::Placement(PlacementPanel::load(self, self.person_in_view(view, rec)?)?)
            }
            Some(PanelKind::Training) => {
                Panel::Training(TrainingPanel::load(self, self.person_in_view(view, rec)?)?)
            }
            Some(PanelKind::Awards) => Panel::Awards(AwardsPanel::load(self)?),
            Some(PanelKind::Compliance) => Panel::Compliance(CompliancePanel::load(self)?),
            Some(PanelKind::Pdca) => Panel::Pdca(PdcaPanel::load(self, None)?),
            Some(PanelKind::PdcaLineage) => Panel::Pdca(PdcaPanel::load(self, rec)?),
            Some(PanelKind::Exams) => Panel::Exams(ExamsPanel::load(self, rec)?),
            Some(PanelKind::PlanCheck) => Panel::PlanCheck(PlanCheckPanel::load(self, rec)?),
        };
        if let Some(need) = self.shown.panel.need() {
            self.shown.answers.ask(&self.session.db, need.clone())?;
        }
        Ok(())
    }

    /// The person the selected record belongs to, else the person in focus.
    fn person_in_view(&self, view: View, rec: Option<&Value>) -> Result<Option<Staff>> {
        let person = view.spec().person;
        match rec
            .and_then(|r| r.get(person).and_then(Value::as_i64))
            .or(self.nav.focus.as_ref().map(|s| s.id))
        {
            Some(id) => self.session.db.find(id),
            None => Ok(None),
        }
    }
}
