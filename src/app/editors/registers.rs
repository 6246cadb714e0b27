//! Forms of the HR office's registers: courses, their sessions, the courses each
//! position requires, incidents, and citizen surveys (which supervisors keep too).

use serde_json::Value;

use super::{Editor, NewCtx, SaveCtx, Typed, from_json, typed};
use crate::app::form::field::{FieldKind as K, FieldSpec, field};
use crate::domain::Id;
use crate::domain::account::Role;
use crate::domain::compliance::{Incident, IncidentKind, IncidentStatus};
use crate::domain::date::fiscal_year_start;
use crate::domain::staff::Position;
use crate::domain::survey::Survey;
use crate::domain::training::{
    Course, CourseCategory, CourseRequirement, RequiredPeriod, TrainingSession,
};
use crate::store::flow::Actor;
use crate::store::{Db, Result};

pub(in crate::app) static COURSE: Typed<Course> = typed(
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

pub(in crate::app) static SESSION: Typed<TrainingSession> = typed(
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

pub(in crate::app) static REQUIREMENT: Typed<CourseRequirement> = typed(
    &[
        field("position", "position", K::Code("position", Position::CODES)),
        field("course_id", "course_code", K::Course),
        field(
            "period",
            "required_when",
            K::Code("required_period", RequiredPeriod::CODES),
        ),
        field("months", "within_months", K::OptInt),
    ],
    |_| CourseRequirement {
        id: 0,
        course_id: 0,
        position: Position::Clerk,
        period: RequiredPeriod::Once,
        months: None,
        version: 0,
    },
);

pub(in crate::app) static INCIDENT: Typed<Incident> = typed(
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
        occurred_on: ctx.day(),
        reported_on: ctx.day(),
        unit_id: None,
        staff_id: ctx.staff.map(|s| s.id),
        summary: String::new(),
        status: IncidentStatus::Open,
        outcome: String::new(),
        version: 0,
    },
);

const SURVEY_FIELDS: &[FieldSpec] = &[
    field("unit_id", "unit_code", K::Unit),
    field("conducted_on", "conducted_on", K::Date),
    field("topic", "topic", K::Text),
    field("score", "score", K::Real),
    field("responses", "responses", K::Int),
    field("note", "note", K::Note),
];

/// Citizen surveys: kept by the HR office and by the supervisors of the sections that run
/// them (the store's rule, `save_survey`).
pub(in crate::app) struct SurveyEditor;

impl Editor for SurveyEditor {
    fn check(&self, rec: &Value) -> Option<crate::domain::Invalid> {
        super::check_as::<Survey>(rec)
    }
    fn fields(&self) -> &'static [FieldSpec] {
        SURVEY_FIELDS
    }
    fn load(&self, db: &Db, id: Id, _who: Actor) -> Result<Value> {
        let s: Survey = db.get(id)?;
        Ok(serde_json::to_value(s).unwrap_or(Value::Null))
    }
    /// A new survey is of today, and of the unit a supervisor leads, or (for the HR
    /// office) of the section of the person in focus.
    fn blank(&self, ctx: &NewCtx) -> Value {
        let unit = match (ctx.role, ctx.me) {
            (Role::Supervisor, Some(me)) => me.unit_id,
            _ => ctx
                .staff
                .and_then(|p| ctx.db.section_of(p.unit_id).ok().flatten())
                .map(|u| u.id)
                .unwrap_or(0),
        };
        serde_json::to_value(Survey {
            id: 0,
            unit_id: unit,
            conducted_on: ctx.day(),
            topic: String::new(),
            score: 0.0,
            responses: 0,
            note: String::new(),
            version: 0,
        })
        .unwrap_or(Value::Null)
    }
    fn save(&self, db: &Db, v: Value, ctx: SaveCtx) -> Result<Id> {
        let mut s: Survey = from_json(v)?;
        db.save_survey(&mut s, ctx.who)?;
        Ok(s.id)
    }
    fn delete(&self, db: &Db, id: Id, version: i64, ctx: SaveCtx) -> Result<()> {
        db.delete_survey(id, version, ctx.who)
    }
    fn open_to_all(&self) -> bool {
        true
    }
    fn not_yours(&self, _rec: &Value) -> &'static str {
        "survey_unit_or_hr"
    }
    /// Everything, for whoever writes the survey's unit (a new one: any unit they lead).
    fn fields_for(&self, db: &Db, rec: &Value, who: Actor) -> Result<Vec<FieldSpec>> {
        let unit = rec.get("unit_id").and_then(Value::as_i64).unwrap_or(0);
        let new = rec.get("id").and_then(Value::as_i64).unwrap_or(0) == 0;
        let leads_any = who.visible.units().is_some_and(|us| !us.is_empty());
        let writes = db.writes_surveys_of(unit, who)
            || (new && who.account.role == Role::Supervisor && leads_any);
        Ok(if writes {
            SURVEY_FIELDS.to_vec()
        } else {
            Vec::new()
        })
    }
}
