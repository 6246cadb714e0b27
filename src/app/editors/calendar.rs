//! The office calendar's register (人事評価 › 閉庁日): the ward's own days are added,
//! renamed and removed here by admins, through the store's calendar functions; the days of
//! the rules are shown but fixed.

use serde_json::{Value, json};

use super::{Editor, NewCtx, SaveCtx, from_json};
use crate::app::form::field::{FieldKind as K, FieldSpec, field};
use crate::domain::Id;
use crate::domain::account::Role;
use crate::domain::calendar::{ClosedKind, Closure, WardDay};

use crate::domain::holidays::Holiday;
use crate::store::calendar::rule_row;
use crate::store::flow::Actor;
use crate::store::{Db, Result, rule};

const FIELDS: &[FieldSpec] = &[
    field("closed_on", "closed_on", K::Date),
    field("name", "name", K::Text),
];

/// A ward day in the detail pane.
const WARD_DETAIL: &[FieldSpec] = &[
    field("closed_on", "closed_on", K::Date),
    field("name", "name", K::Text),
    field(
        "closed_kind",
        "closed_kind",
        K::Code("closed_kind", ClosedKind::CODES),
    ),
];

/// A day of the rules: its name is a holiday's code, shown by its label.
const RULE_DETAIL: &[FieldSpec] = &[
    field("closed_on", "closed_on", K::Date),
    field("holiday", "name", K::Code("holiday", Holiday::CODES)),
    field(
        "closed_kind",
        "closed_kind",
        K::Code("closed_kind", ClosedKind::CODES),
    ),
];

fn is_rule(rec: &Value) -> bool {
    rec.get("holiday").is_some_and(Value::is_string)
}

pub(in crate::app) struct CalendarEditor;

impl Editor for CalendarEditor {
    fn check(&self, rec: &Value) -> Option<crate::domain::Invalid> {
        super::check_as::<WardDay>(rec)
    }
    fn fields(&self) -> &'static [FieldSpec] {
        FIELDS
    }
    fn detail_fields_for(&self, rec: &Value) -> &'static [FieldSpec] {
        if is_rule(rec) {
            RULE_DETAIL
        } else {
            WARD_DETAIL
        }
    }
    fn load(&self, db: &Db, id: Id, _who: Actor) -> Result<Value> {
        if let Some((on, why)) = rule_row(id) {
            return Ok(json!({
                "id": id,
                "closed_on": on,
                "holiday": why.code(),
                "closed_kind": Closure::Rule(why).kind().code(),
                "version": 0,
            }));
        }
        let day: WardDay = db.get(id)?;
        let mut v = serde_json::to_value(day).unwrap_or(Value::Null);
        if let Some(o) = v.as_object_mut() {
            o.insert("closed_kind".into(), ClosedKind::Ward.code().into());
        }
        Ok(v)
    }
    fn blank(&self, ctx: &NewCtx) -> Value {
        let day = WardDay {
            id: 0,
            closed_on: ctx.day(),
            name: String::new(),
            version: 0,
        };
        serde_json::to_value(day).unwrap_or(Value::Null)
    }
    fn save(&self, db: &Db, v: Value, ctx: SaveCtx) -> Result<Id> {
        let mut day: WardDay = from_json(v)?;
        db.save_ward_day(&mut day, ctx.who.account)?;
        Ok(day.id)
    }
    fn delete(&self, db: &Db, id: Id, version: i64, ctx: SaveCtx) -> Result<()> {
        if rule_row(id).is_some() {
            return Err(rule("closed_on", "calendar_fixed_by_rule"));
        }
        db.delete_ward_day(id, version, ctx.who.account)
    }
    /// Not only the HR office's: an admin alone writes here, as the store holds.
    fn open_to_all(&self) -> bool {
        true
    }
    fn fields_for(&self, _db: &Db, rec: &Value, who: Actor) -> Result<Vec<FieldSpec>> {
        Ok(if is_rule(rec) || who.account.role != Role::Admin {
            Vec::new()
        } else {
            FIELDS.to_vec()
        })
    }
    fn not_yours(&self, rec: &Value) -> &'static str {
        if is_rule(rec) {
            "calendar_fixed_by_rule"
        } else {
            "calendar_admin_only"
        }
    }
    fn owner_field(&self) -> &'static str {
        "closed_on"
    }
    fn may_delete(&self, rec: &Value, who: Actor) -> Result<()> {
        if is_rule(rec) {
            Err(rule("closed_on", "calendar_fixed_by_rule"))
        } else if who.account.role != Role::Admin {
            Err(rule("closed_on", "calendar_admin_only"))
        } else {
            Ok(())
        }
    }
}
