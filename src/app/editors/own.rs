//! Forms people fill in themselves: their self-report, handed in from the form, and the
//! logs of their OJT pair. The store decides who may write what (`store::own`).

use serde_json::Value;

use super::{Editor, NewCtx, SaveCtx, from_json};
use crate::app::form::field::{FieldKind as K, FieldSpec, field};
use crate::domain::career::SelfReport;
use crate::domain::training::OjtLog;
use crate::domain::{FiscalYear, Id};
use crate::store::flow::Actor;
use crate::store::{Db, Result};

/// The person's own fields of a self-report, and the box that hands it in.
const OWN_REPORT: &[&str] = &[
    "career_goal",
    "wished_fields",
    "transfer_wish",
    "wish_unit1_id",
    "wish_unit2_id",
    "wish_unit3_id",
    "promotion_exam",
    "self_dev_plan",
    "submit_now",
];

static REPORT_FIELDS: std::sync::LazyLock<Vec<FieldSpec>> = std::sync::LazyLock::new(|| {
    let mut f = super::records::SELF_REPORT.fields.to_vec();
    f.push(field("submit_now", "submit_now", K::Bool));
    f
});

pub(in crate::app) struct SelfReportEditor;

impl Editor for SelfReportEditor {
    fn check(&self, rec: &Value) -> Option<crate::domain::Invalid> {
        super::check_as::<SelfReport>(rec)
    }
    fn fields(&self) -> &'static [FieldSpec] {
        &REPORT_FIELDS
    }
    /// The year's report, the draft if begun.
    fn existing(&self, db: &Db, person: Id, fy: FiscalYear) -> Result<Option<Id>> {
        Ok(db.self_report(person, fy)?.map(|r| r.id))
    }
    fn detail_fields(&self) -> &'static [FieldSpec] {
        super::records::SELF_REPORT.fields
    }
    fn load(&self, db: &Db, id: Id, who: Actor) -> Result<Value> {
        super::records::SELF_REPORT.load(db, id, who)
    }
    fn blank(&self, ctx: &NewCtx) -> Value {
        super::records::SELF_REPORT.blank(ctx)
    }
    fn save(&self, db: &Db, v: Value, ctx: SaveCtx) -> Result<Id> {
        let submit = v.get("submit_now").and_then(Value::as_bool) == Some(true);
        let mut r: SelfReport = from_json(v)?;
        db.save_self_report(&mut r, submit, ctx.who, ctx.today)?;
        Ok(r.id)
    }
    fn delete(&self, db: &Db, id: Id, version: i64, ctx: SaveCtx) -> Result<()> {
        db.delete_self_report(id, version, ctx.who)
    }
    fn open_to_all(&self) -> bool {
        true
    }
    /// Handing in locks the report for its author.
    fn locks(&self, rec: &Value) -> Option<&'static str> {
        let submit = rec.get("submit_now").and_then(Value::as_bool) == Some(true);
        let handed_in = rec.get("submitted_on").is_some_and(|v| !v.is_null());
        (submit && !handed_in).then_some("lock.self_report")
    }
    fn not_yours(&self, rec: &Value) -> &'static str {
        match rec.get("submitted_on") {
            Some(v) if !v.is_null() => "self_report_submitted",
            _ => "self_report_not_yours",
        }
    }
    /// The HR office writes every field; the person their own until handed in.
    fn fields_for(&self, _db: &Db, rec: &Value, who: Actor) -> Result<Vec<FieldSpec>> {
        if who.hr() {
            return Ok(self.fields().to_vec());
        }
        let staff = rec.get("staff_id").and_then(Value::as_i64);
        let handed_in = rec.get("submitted_on").is_some_and(|v| !v.is_null());
        if staff.is_none() || staff != who.account.staff_id || handed_in {
            return Ok(Vec::new());
        }
        Ok(self
            .fields()
            .iter()
            .filter(|f| OWN_REPORT.contains(&f.name))
            .copied()
            .collect())
    }
}

const LOG_FIELDS: &[FieldSpec] = &[
    field("logged_on", "logged_on", K::Date),
    field("body", "body", K::Note),
];

/// OJT logs: each written by one of the pair, as themselves.
pub(in crate::app) struct OjtLogEditor;

impl Editor for OjtLogEditor {
    fn check(&self, rec: &Value) -> Option<crate::domain::Invalid> {
        super::check_as::<OjtLog>(rec)
    }
    fn fields(&self) -> &'static [FieldSpec] {
        LOG_FIELDS
    }
    fn load(&self, db: &Db, id: Id, _who: Actor) -> Result<Value> {
        let log: OjtLog = db.get(id)?;
        Ok(serde_json::to_value(log).unwrap_or(Value::Null))
    }
    /// A new log goes on the pair of the person in focus (or of oneself) in the year.
    fn blank(&self, ctx: &NewCtx) -> Value {
        let me = ctx.me.map(|s| s.id).unwrap_or(0);
        let who = ctx.staff.map(|s| s.id).unwrap_or(me);
        let pair = ctx
            .db
            .ojt_pair_of(who, ctx.fiscal_year)
            .ok()
            .flatten()
            .map(|p| p.id)
            .unwrap_or(0);
        serde_json::to_value(OjtLog {
            id: 0,
            pair_id: pair,
            author_id: me,
            logged_on: ctx.day(),
            body: String::new(),
            version: 0,
        })
        .unwrap_or(Value::Null)
    }
    fn save(&self, db: &Db, v: Value, ctx: SaveCtx) -> Result<Id> {
        let mut log: OjtLog = from_json(v)?;
        db.save_ojt_log(&mut log, ctx.who)?;
        Ok(log.id)
    }
    fn delete(&self, db: &Db, id: Id, version: i64, ctx: SaveCtx) -> Result<()> {
        db.delete_ojt_log(id, version, ctx.who)
    }
    fn open_to_all(&self) -> bool {
        true
    }
    fn not_yours(&self, _rec: &Value) -> &'static str {
        "ojt_log_not_yours"
    }
    fn fields_for(&self, _db: &Db, rec: &Value, who: Actor) -> Result<Vec<FieldSpec>> {
        let author = rec.get("author_id").and_then(Value::as_i64);
        Ok(
            if who.hr() || (author.is_some() && author == who.account.staff_id) {
                LOG_FIELDS.to_vec()
            } else {
                Vec::new()
            },
        )
    }
}
