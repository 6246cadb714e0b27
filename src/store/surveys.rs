//! Citizen surveys (市民アンケート): what a section measured of its citizens, entered by
//! the HR office or by the section's own supervisors, and attached to a PDCA Check.

use super::flow::Actor;
use super::machine::record::record;
use super::{Db, Filter, Result, rule};
use crate::domain::Id;
use crate::domain::account::Role;
use crate::domain::survey::Survey;

record!(
    Survey,
    "surveys",
    [unit_id, conducted_on, topic, score, responses, note]
);

impl Db {
    pub fn surveys_of_unit(&self, unit_id: Id) -> Result<Vec<Survey>> {
        self.all(vec![Filter::eq("unit_id", unit_id)], "conducted_on")
    }

    /// Whether `who` writes the surveys of `unit`: the HR office any; a supervisor those
    /// of the units they lead (their unit's subtree), as with the units' PDCA cycles.
    pub fn writes_surveys_of(&self, unit: Id, who: Actor) -> bool {
        who.hr()
            || (who.account.role == Role::Supervisor
                && who.visible.units().is_some_and(|us| us.contains(&unit)))
    }

    /// Saves a survey (new when its id is 0) for the units `who` may write for, before
    /// and after the change.
    pub fn save_survey(&self, s: &mut Survey, who: Actor) -> Result<()> {
        self.write(|| {
            if !self.writes_surveys_of(s.unit_id, who) {
                return Err(rule("unit_code", "survey_unit_or_hr"));
            }
            if s.id == 0 {
                return self.insert(s);
            }
            let before: Survey = self.get(s.id)?;
            if !self.writes_surveys_of(before.unit_id, who) {
                return Err(rule("unit_code", "survey_unit_or_hr"));
            }
            self.update(s)
        })
    }

    /// Deletes a survey no cycle cites, by the same people who may write it.
    pub fn delete_survey(&self, id: Id, version: i64, who: Actor) -> Result<()> {
        self.write(|| {
            let s: Survey = self.get(id)?;
            if !self.writes_surveys_of(s.unit_id, who) {
                return Err(rule("unit_code", "survey_unit_or_hr"));
            }
            self.delete::<Survey>(id, version)
        })
    }
}
