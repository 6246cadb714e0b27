//! Finding the transfer round's imported records by the keys a file names them by: a 発令
//! by its person, day and sentence; a row of the job-type table by its job type and unit.

use super::Batch;
use crate::domain::appointment::Appointment;
use crate::domain::plan_check::JobFit;
use crate::domain::staff::JobType;
use crate::domain::{Date, Id};
use crate::store::{Filter, Result};

impl Batch<'_> {
    /// A person's 発令 of a day with this sentence.
    pub fn appointment_of(&self, staff: Id, on: Date, text: &str) -> Result<Option<Appointment>> {
        Ok(self
            .db
            .all::<Appointment>(
                vec![
                    Filter::eq("staff_id", staff),
                    Filter::eq("issued_on", on.iso()),
                ],
                "id",
            )?
            .into_iter()
            .find(|a| a.text == text))
    }

    /// The table's row placing `job` in `unit`.
    pub fn job_fit_of(&self, job: JobType, unit: Id) -> Result<Option<JobFit>> {
        Ok(self
            .db
            .all::<JobFit>(
                vec![
                    Filter::eq("job_type", job.code()),
                    Filter::eq("unit_id", unit),
                ],
                "id",
            )?
            .pop())
    }

    /// Whether a transfer plan of this number is kept.
    pub fn plan_exists(&self, id: Id) -> Result<bool> {
        Ok(self
            .db
            .find::<crate::domain::transfer::TransferPlan>(id)?
            .is_some())
    }
}
