//! Importing the transfer round's records: the 発令 issued (発令一覧), and the ward's table
//! of where each job type works.

use super::fields::Fields;
use super::row::{reference, refused, set_enum};
use super::{Importer, Outcome};
use crate::domain::Problem;
use crate::domain::appointment::{Appointment, AppointmentKind};
use crate::domain::plan_check::JobFit;
use crate::domain::staff::{JobType, Position};
use crate::store::Result;

/// A 発令 is named by its person, its day and its sentence (as issued).
pub(super) fn appointment_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let staff = reference(f, "staff_no", |n| imp.store.staff_id(n))?;
    let on = f.key_date("issued_on");
    let text = match f.text("text") {
        Some(t) if !t.is_empty() => Some(t),
        Some(_) => {
            f.problem("text", Problem::Required);
            None
        }
        None => None,
    };
    let (Some(staff), Some(on), Some(text)) = (staff, on, text) else {
        return Ok(Outcome::Refused);
    };
    let old = imp.store.appointment_of(staff, on, &text)?;
    let mut a = old.clone().unwrap_or(Appointment {
        id: 0,
        staff_id: staff,
        issued_on: on,
        kind: AppointmentKind::Transfer,
        unit_id: None,
        position: None,
        text,
        plan_id: None,
        assignment_id: None,
        version: 0,
    });
    if old.is_none() {
        f.require_new();
    }
    set_enum!(f, "kind", "appointment_kind", AppointmentKind, &mut a.kind);
    if let Some(code) = f.code("unit_code") {
        a.unit_id = if code.is_empty() {
            None
        } else {
            let id = imp.store.unit_id(&code)?;
            if id.is_none() {
                f.problem("unit_code", Problem::Unknown);
            }
            id
        };
    }
    if let Some(p) = f.code("position") {
        a.position = if p.is_empty() {
            None
        } else {
            let mut pos = Position::Clerk;
            set_enum!(f, "position", "position", Position, &mut pos);
            Some(pos)
        };
    }
    if let Some(p) = f.code("plan_id") {
        a.plan_id = match p.parse::<i64>() {
            _ if p.is_empty() => None,
            Ok(id) if imp.store.plan_exists(id)? => Some(id),
            Ok(_) => {
                f.problem("plan_id", Problem::Unknown);
                None
            }
            Err(_) => {
                f.problem("plan_id", Problem::Malformed);
                None
            }
        };
    }
    let seen = f.problems().to_vec();
    if !seen.is_empty() {
        return Ok(refused(f, &a, &seen));
    }
    Ok(imp.store.upsert(a, old)?.0.into())
}

/// A row of the job-type table: this job type works in this unit and below.
pub(super) fn job_fit_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let mut job = JobType::Office;
    set_enum!(f, "job_type", "job_type", JobType, &mut job);
    let unit = reference(f, "unit_code", |c| imp.store.unit_id(c))?;
    let seen = f.problems().to_vec();
    let Some(unit) = unit.filter(|_| seen.is_empty()) else {
        return Ok(Outcome::Refused);
    };
    let old = imp.store.job_fit_of(job, unit)?;
    let fit = old.clone().unwrap_or(JobFit {
        id: 0,
        job_type: job,
        unit_id: unit,
        version: 0,
    });
    Ok(imp.store.upsert(fit, old)?.0.into())
}
