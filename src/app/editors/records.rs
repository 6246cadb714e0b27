//! Each record type's form: its fields in the order a clerk fills them, and what a new
//! record starts from (the person in focus, today, the fiscal year in view).

use serde_json::Value;

use super::{Editor, NewCtx, SaveCtx, Typed, focus_id, typed};
use crate::app::form::field::{FieldKind as K, FieldSpec, field};
use crate::domain::Date;
use crate::domain::Id;
use crate::domain::account::{Account, Role};
use crate::domain::assignment::{Assignment, Reason};
use crate::domain::award::{Award, AwardKind, AwardState};
use crate::domain::career::{CareerInterview, Qualification, SelfReport, TransferWish};
use crate::domain::compliance::ComplianceRecord;
use crate::domain::date::fiscal_year_end;
use crate::domain::employment::EmploymentKind;
use crate::domain::pdca::{PdcaCycle, Phase};
use crate::domain::post::AssignmentKind;
use crate::domain::staff::{JobType, Position, Sex, Staff, StaffStatus, Track};
use crate::domain::training::{Enrolment, EnrolmentState, OjtPair};
use crate::store::flow::Actor;
use crate::store::{Db, Result};

/// The fields of a term (任期) that close the 職員 form's list.
pub(in crate::app) const STAFF_TERM_FIELDS: usize = 3;

pub(in crate::app) static STAFF: Typed<Staff> = typed(
    &[
        field("staff_no", "staff_no", K::Text),
        field("family_name", "family_name", K::Text),
        field("given_name", "given_name", K::Text),
        field("family_kana", "family_kana", K::Text),
        field("given_kana", "given_kana", K::Text),
        field("sex", "sex", K::Code("sex", Sex::CODES)),
        field("birth_date", "birth_date", K::Date),
        field("hire_date", "hire_date", K::Date),
        field("unit_id", "unit_code", K::Unit),
        field("position", "position", K::Code("position", Position::CODES)),
        field("grade", "salary_grade", K::Int),
        field("job_type", "job_type", K::Code("job_type", JobType::CODES)),
        field("track", "track", K::Code("track", Track::CODES)),
        field("status", "status", K::Code("status", StaffStatus::CODES)),
        field("retire_date", "retire_date", K::OptDate),
        field("supervisor_id", "supervisor", K::OptStaff),
        field("phone", "phone", K::Text),
        field("email", "email", K::Text),
        // 任用: the term fields last, so that the detail of a kind without a term can
        // leave them off (`StaffEditor::detail_fields_for`).
        field(
            "employment_kind",
            "employment_kind",
            K::Code("employment_kind", EmploymentKind::CODES),
        ),
        field("weekly_hours", "weekly_hours", K::Real),
        field("post_limit_exception", "post_limit_exception", K::OptDate),
        field("term_start", "term_start", K::OptDate),
        field("term_end", "term_end", K::OptDate),
        field("renewals", "renewals", K::Int),
    ],
    |ctx| Staff {
        sex: Sex::Female,
        unit_id: ctx.staff.map(|s| s.unit_id).unwrap_or(0),
        ..Staff::blank(ctx.today)
    },
);

pub(in crate::app) static SELF_REPORT: Typed<SelfReport> = typed(
    &[
        field("staff_id", "staff_no", K::Staff),
        field("fiscal_year", "fiscal_year", K::FiscalYear),
        field("career_goal", "career_goal", K::Note),
        field("wished_fields", "wished_fields", K::Note),
        field(
            "transfer_wish",
            "transfer_wish",
            K::Code("transfer_wish", TransferWish::CODES),
        ),
        field("wish_unit1_id", "wish_unit_1", K::OptUnit),
        field("wish_unit2_id", "wish_unit_2", K::OptUnit),
        field("wish_unit3_id", "wish_unit_3", K::OptUnit),
        field("promotion_exam", "promotion_exam", K::Bool),
        field("self_dev_plan", "self_dev_plan", K::Note),
        field("submitted_on", "submitted_on", K::OptDate),
    ],
    |ctx| SelfReport {
        id: 0,
        staff_id: focus_id(ctx),
        fiscal_year: ctx.fiscal_year,
        career_goal: String::new(),
        wished_fields: String::new(),
        transfer_wish: TransferWish::Stay,
        wish_unit1_id: None,
        wish_unit2_id: None,
        wish_unit3_id: None,
        promotion_exam: false,
        self_dev_plan: String::new(),
        submitted_on: None,
        version: 0,
    },
);

pub(in crate::app) static QUALIFICATION: Typed<Qualification> = typed(
    &[
        field("staff_id", "staff_no", K::Staff),
        field("name", "qualification", K::Text),
        field("issuer", "issuer", K::Text),
        field("acquired_on", "acquired_on", K::Date),
        field("expires_on", "expires_on", K::OptDate),
    ],
    |ctx| Qualification {
        id: 0,
        staff_id: focus_id(ctx),
        name: String::new(),
        issuer: String::new(),
        acquired_on: ctx.day(),
        expires_on: None,
        version: 0,
    },
);

pub(in crate::app) static INTERVIEW: Typed<CareerInterview> = typed(
    &[
        field("staff_id", "staff_no", K::Staff),
        field("held_on", "held_on", K::Date),
        field("interviewer_id", "interviewer", K::OptStaff),
        field("notes", "notes", K::Note),
    ],
    |ctx| CareerInterview {
        id: 0,
        staff_id: focus_id(ctx),
        held_on: ctx.day(),
        interviewer_id: None,
        notes: String::new(),
        version: 0,
    },
);

pub(in crate::app) static ASSIGNMENT: Typed<Assignment> = typed(
    &[
        field("staff_id", "staff_no", K::Staff),
        field("unit_id", "unit_code", K::Unit),
        field("position", "position", K::Code("position", Position::CODES)),
        field("start_date", "start_date", K::Date),
        field("end_date", "end_date", K::OptDate),
        field("reason", "reason", K::Code("reason", Reason::CODES)),
        field(
            "kind",
            "kind",
            K::Code("assignment_kind", AssignmentKind::CODES),
        ),
        field("note", "note", K::Note),
    ],
    |ctx| Assignment {
        id: 0,
        staff_id: focus_id(ctx),
        unit_id: ctx.staff.map(|s| s.unit_id).unwrap_or(0),
        position: ctx.staff.map(|s| s.position).unwrap_or(Position::Clerk),
        start_date: crate::domain::date::fiscal_year_start(ctx.fiscal_year),
        end_date: None,
        reason: Reason::Transfer,
        note: String::new(),
        kind: AssignmentKind::Main,
        version: 0,
    },
);

pub(in crate::app) static ENROLMENT: Typed<Enrolment> = typed(
    &[
        field("staff_id", "staff_no", K::Staff),
        field("session_id", "session", K::Session),
        field(
            "state",
            "state",
            K::Code("enrolment_state", EnrolmentState::CODES),
        ),
        field("hours", "hours", K::Real),
        field("applied_on", "applied_on", K::Date),
        field("completed_on", "completed_on", K::OptDate),
    ],
    |ctx| Enrolment {
        id: 0,
        session_id: 0,
        staff_id: focus_id(ctx),
        state: EnrolmentState::Applied,
        hours: 0.0,
        applied_on: ctx.day(),
        completed_on: None,
        version: 0,
    },
);

pub(in crate::app) static OJT: Typed<OjtPair> = typed(
    &[
        field("mentee_id", "mentee_staff_no", K::Staff),
        field("mentor_id", "mentor_staff_no", K::Staff),
        field("fiscal_year", "fiscal_year", K::FiscalYear),
        field("start_date", "start_date", K::Date),
        field("end_date", "end_date", K::Date),
        field("goal", "goal", K::Note),
    ],
    |ctx| OjtPair {
        id: 0,
        mentor_id: ctx.staff.and_then(|s| s.supervisor_id).unwrap_or(0),
        mentee_id: focus_id(ctx),
        fiscal_year: ctx.fiscal_year,
        start_date: ctx
            .today
            .max(crate::domain::date::fiscal_year_start(ctx.fiscal_year)),
        end_date: fiscal_year_end(ctx.fiscal_year),
        goal: String::new(),
        version: 0,
    },
);

pub(in crate::app) static AWARD: Typed<Award> = typed(
    &[
        field("kind", "kind", K::Code("award_kind", AwardKind::CODES)),
        field("fiscal_year", "fiscal_year", K::FiscalYear),
        field("title", "title", K::Text),
        field("recipients", "recipients", K::StaffList),
        field("achievement", "achievement", K::Note),
        field("group_name", "group_name", K::Text),
        field("unit_id", "unit_code", K::OptUnit),
        field("state", "state", K::Code("award_state", AwardState::CODES)),
        field("nominated_on", "nominated_on", K::Date),
        field("decided_on", "decided_on", K::OptDate),
        field("awarded_on", "awarded_on", K::OptDate),
    ],
    |ctx| Award {
        id: 0,
        kind: AwardKind::Merit,
        fiscal_year: ctx.fiscal_year,
        title: String::new(),
        achievement: String::new(),
        group_name: String::new(),
        unit_id: ctx.staff.map(|s| s.unit_id),
        state: AwardState::Nominated,
        nominated_on: ctx.day(),
        nominated_by: None,
        decided_on: None,
        decided_by: None,
        awarded_on: None,
        version: 0,
    },
);

pub(in crate::app) static COMPLIANCE: Typed<ComplianceRecord> = typed(
    &[
        field("staff_id", "staff_no", K::Staff),
        field("fiscal_year", "fiscal_year", K::FiscalYear),
        field("due_on", "due_on", K::Date),
        // The training itself is recorded as an enrolment in 研修 (see `training_rules`).
        field("self_check_done_on", "self_check_done_on", K::OptDate),
    ],
    |ctx| ComplianceRecord {
        id: 0,
        staff_id: focus_id(ctx),
        fiscal_year: ctx.fiscal_year,
        due_on: Date::from_ymd(ctx.fiscal_year, 10, 31),
        self_check_done_on: None,
        version: 0,
    },
);

/// The compliance form, and beside it in the detail the year's training: an enrolment
/// kept in 研修, shown here, written there.
pub(in crate::app) struct ComplianceEditor;

static COMPLIANCE_DETAIL: std::sync::LazyLock<Vec<FieldSpec>> = std::sync::LazyLock::new(|| {
    let mut f = COMPLIANCE.fields.to_vec();
    f.insert(3, field("training_done_on", "training_done_on", K::OptDate));
    f
});

impl Editor for ComplianceEditor {
    fn fields(&self) -> &'static [FieldSpec] {
        COMPLIANCE.fields
    }
    fn detail_fields(&self) -> &'static [FieldSpec] {
        &COMPLIANCE_DETAIL
    }
    fn load(&self, db: &Db, id: Id, who: Actor) -> Result<Value> {
        let mut v = COMPLIANCE.load(db, id, who)?;
        let r: ComplianceRecord = db.get(id)?;
        let done = db.compliance_training_done(r.staff_id, r.fiscal_year)?;
        if let Some(o) = v.as_object_mut() {
            o.insert(
                "training_done_on".into(),
                done.map_or(Value::Null, |d| Value::from(d.iso())),
            );
        }
        Ok(v)
    }
    fn blank(&self, ctx: &NewCtx) -> Value {
        COMPLIANCE.blank(ctx)
    }
    fn save(&self, db: &Db, v: Value, ctx: SaveCtx) -> Result<Id> {
        COMPLIANCE.save(db, v, ctx)
    }
    fn check(&self, rec: &Value) -> Option<crate::domain::Invalid> {
        COMPLIANCE.check(rec)
    }
    fn delete(&self, db: &Db, id: Id, version: i64, ctx: SaveCtx) -> Result<()> {
        COMPLIANCE.delete(db, id, version, ctx)
    }
}

pub(in crate::app) static PDCA: Typed<PdcaCycle> = typed(
    &[
        field("owner_staff_id", "owner_staff_no", K::OptStaff),
        field("owner_unit_id", "owner_unit_code", K::OptUnit),
        field("fiscal_year", "fiscal_year", K::FiscalYear),
        field("title", "title", K::Text),
        field("goal", "goal", K::Note),
        field("metric", "metric", K::Text),
        field("metric_unit", "metric_unit", K::Text),
        field("lower_is_better", "lower_is_better", K::Bool),
        field("baseline", "baseline", K::OptReal),
        field("target", "target", K::OptReal),
        field("result", "result", K::OptReal),
        field("phase", "phase", K::Code("phase", Phase::CODES)),
        field("progress", "progress", K::Int),
        field("plan_notes", "plan_notes", K::Note),
        field("improvements", "improvements", K::Note),
        field("prev_id", "prev_id", K::OptInt),
    ],
    |ctx| PdcaCycle {
        owner_staff_id: ctx.staff.map(|s| s.id),
        ..PdcaCycle::blank(ctx.fiscal_year)
    },
);

pub(in crate::app) static ACCOUNT: Typed<Account> = typed(
    &[
        field("login", "login", K::Text),
        field("role", "role", K::Code("role", Role::CODES)),
        field("staff_id", "staff_no", K::OptStaff),
        field("active", "active", K::Bool),
    ],
    |ctx| Account {
        id: 0,
        login: String::new(),
        staff_id: ctx.staff.map(|s| s.id),
        role: Role::Staff,
        active: true,
        created_on: ctx.day(),
        version: 0,
    },
);
