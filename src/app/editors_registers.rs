//! Forms of the HR office's registers: courses, their sessions, the courses each
//! position requires, and incidents.

use super::edit::{Typed, typed};
use super::form::{FieldKind as K, field};
use crate::domain::compliance::{Incident, IncidentKind, IncidentStatus};
use crate::domain::date::fiscal_year_start;
use crate::domain::staff::Position;
use crate::domain::training::{Course, CourseCategory, CourseRequirement, TrainingSession};

pub(super) static COURSE: Typed<Course> = typed(
    &[
        field("code", "course_code", K::Text),
        field("title", "title", K::Text),
        field(
            "category",
            "category",
            K::Code("course_category", CourseCategory::CODES),
        ),
        field("hours", "hours", K::Real),
        field("provider", "provider", K::Text),
        field("since", "since", K::Date),
        field("until", "until", K::OptDate),
    ],
    |ctx| Course {
        id: 0,
        code: String::new(),
        title: String::new(),
        category: CourseCategory::RankBased,
        hours: 0.0,
        provider: String::new(),
        since: fiscal_year_start(ctx.fiscal_year),
        until: None,
        version: 0,
    },
);

pub(super) static SESSION: Typed<TrainingSession> = typed(
    &[
        field("course_id", "course_code", K::Course),
        field("fiscal_year", "fiscal_year", K::FiscalYear),
        field("starts_on", "starts_on", K::Date),
        field("ends_on", "ends_on", K::Date),
        field("place", "place", K::Text),
        field("capacity", "capacity", K::Int),
    ],
    |ctx| {
        let day = ctx.today.max(fiscal_year_start(ctx.fiscal_year));
        TrainingSession {
            id: 0,
            course_id: 0,
            fiscal_year: ctx.fiscal_year,
            starts_on: day,
            ends_on: day,
            place: String::new(),
            capacity: 30,
            version: 0,
        }
    },
);

pub(super) static REQUIREMENT: Typed<CourseRequirement> = typed(
    &[
        field("position", "position", K::Code("position", Position::CODES)),
        field("course_id", "course_code", K::Course),
    ],
    |_| CourseRequirement {
        id: 0,
        course_id: 0,
        position: Position::Clerk,
        version: 0,
    },
);

pub(super) static INCIDENT: Typed<Incident> = typed(
    &[
        field(
            "kind",
            "incident_kind",
            K::Code("incident_kind", IncidentKind::CODES),
        ),
        field("occurred_on", "occurred_on", K::Date),
        field("reported_on", "reported_on", K::Date),
        field("unit_id", "unit_code", K::OptUnit),
        field("staff_id", "staff_no", K::OptStaff),
        field("summary", "summary", K::Note),
        field(
            "status",
            "incident_status",
            K::Code("incident_status", IncidentStatus::CODES),
        ),
        field("outcome", "outcome", K::Note),
    ],
    |ctx| Incident {
        id: 0,
        kind: IncidentKind::Other,
        occurred_on: ctx.today,
        reported_on: ctx.today,
        unit_id: None,
        staff_id: ctx.staff.map(|s| s.id),
        summary: String::new(),
        status: IncidentStatus::Open,
        outcome: String::new(),
        version: 0,
    },
);
