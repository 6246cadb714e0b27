//! Where a person works, from the screens: the 職員 form and the 配置履歴 form both write
//! through the store's posts (`store::posts`), so the staff row and the open post never
//! disagree. A changed unit or position on the 職員 form is a new post: the form asks
//! why and from when before it saves. When the app opens, it says whose staff row could
//! not catch up with their post.

use serde_json::Value;

use super::{Ask, Editor, NewCtx, SaveCtx, Typed, from_json, typed};
use crate::app::form::field::{FieldKind as K, FieldSpec, field};
use crate::app::{App, Modal};
use crate::domain::assignment::{Assignment, Reason};
use crate::domain::employment::EmploymentKind;
use crate::domain::post::{PostClass, UnitPost};
use crate::domain::post_limit::{limit_position, post_limit_due};
use crate::domain::staff::{Position, Staff};
use crate::domain::unit::Unit;
use crate::domain::{Date, FiscalYear, Id};
use crate::i18n::Lang;
use crate::i18n::{WARD, error_text};
use crate::store::flow::Actor;
use crate::store::posts::{BY_HAND, Followed, PostChange};
use crate::store::settings::keys::POST_AGE_LIMIT_POSITION;
use crate::store::{Db, Result, StoreError};

/// What the 職員 form asks when the unit or position changes.
static POST_CHANGE: &[FieldSpec] = &[
    field("reason", "reason", K::Code("reason", Reason::CODES)),
    field("effective_on", "effective_on", K::Date),
];

/// A unit's 定数 of one class in a fiscal year (the 定数・現員 view).
pub(in crate::app) static UNIT_POST: Typed<UnitPost> = typed(
    &[
        field("unit_id", "unit_code", K::Unit),
        field("fiscal_year", "fiscal_year", K::FiscalYear),
        field("class", "class", K::Code("post_class", PostClass::CODES)),
        field("count", "count", K::Int),
    ],
    |ctx| UnitPost {
        id: 0,
        unit_id: ctx.staff.map(|s| s.unit_id).unwrap_or(0),
        fiscal_year: ctx.fiscal_year,
        class: PostClass::General,
        count: 0,
        version: 0,
    },
);

/// The 職員 form.
pub(in crate::app) struct StaffEditor;

impl Editor for StaffEditor {
    fn check(&self, rec: &Value) -> Option<crate::domain::Invalid> {
        super::check_as::<Staff>(rec)
    }
    fn fields(&self) -> &'static [FieldSpec] {
        super::records::STAFF.fields
    }
    fn load(&self, db: &Db, id: Id, who: Actor) -> Result<Value> {
        super::records::STAFF.load(db, id, who)
    }
    fn blank(&self, ctx: &NewCtx) -> Value {
        super::records::STAFF.blank(ctx)
    }
    /// A kind without a term shows no term fields.
    fn detail_fields_for(&self, rec: &Value) -> &'static [FieldSpec] {
        let all = super::records::STAFF.fields;
        let has_term = rec
            .get("employment_kind")
            .and_then(Value::as_str)
            .and_then(EmploymentKind::from_code)
            .is_some_and(EmploymentKind::has_term);
        if has_term {
            all
        } else {
            &all[..all.len() - super::records::STAFF_TERM_FIELDS]
        }
    }
    /// A worklist whose work is the person's own record (a term to renew) opens it.
    fn existing(&self, _db: &Db, person: Id, _fy: FiscalYear) -> Result<Option<Id>> {
        Ok(Some(person))
    }
    fn derived_dates(&self, db: &Db, rec: &Value) -> Result<Vec<(&'static str, Date)>> {
        let s: Staff = from_json(rec.clone())?;
        let lowest = limit_position(db.rule_value(POST_AGE_LIMIT_POSITION)?);
        let limit = post_limit_due(s.birth_date, s.position, lowest, s.post_limit_exception)
            .filter(|d| s.retirement_date().is_none_or(|r| *d <= r));
        Ok(s.retirement_date()
            .map(|d| ("retirement_date", d))
            .into_iter()
            .chain(limit.map(|d| ("post_limit_date", d)))
            .collect())
    }
    fn ask(&self, db: &Db, rec: &Value, today: Date, lang: Lang) -> Result<Option<Ask>> {
        let s: Staff = from_json(rec.clone())?;
        if s.id == 0 {
            return Ok(None);
        }
        let before: Staff = db.get(s.id)?;
        if (s.unit_id, s.position) == (before.unit_id, before.position) {
            return Ok(None);
        }
        let post = |unit: Id, p: Position| {
            let name = db
                .find::<Unit>(unit)
                .ok()
                .flatten()
                .map(|u| u.name)
                .unwrap_or_default();
            format!("{name} {}", lang.label("position", p.code()))
        };
        let promoted = s.position.rank() < before.position.rank();
        let reason = if promoted {
            Reason::Promotion
        } else {
            Reason::Transfer
        };
        let note = [
            lang.tf(
                "form.post_change",
                &[
                    ("from", &post(before.unit_id, before.position)),
                    ("to", &post(s.unit_id, s.position)),
                ],
            ),
            lang.t("form.post_change_how").to_string(),
            lang.t("form.post_change_when").to_string(),
        ]
        .join("\n");
        Ok(Some(Ask {
            fields: POST_CHANGE,
            values: vec![Value::from(reason.code()), Value::from(today.iso())],
            note,
        }))
    }
    fn save(&self, db: &Db, v: Value, ctx: SaveCtx) -> Result<Id> {
        let change = match (
            v.get("reason")
                .and_then(Value::as_str)
                .and_then(Reason::from_code),
            v.get("effective_on")
                .and_then(Value::as_str)
                .and_then(|d| d.parse::<Date>().ok()),
        ) {
            (Some(reason), Some(from)) => Some(PostChange { reason, from }),
            _ => None,
        };
        let mut s: Staff = from_json(v)?;
        db.save_staff(&mut s, change, ctx.today, &BY_HAND)?;
        Ok(s.id)
    }
    fn delete(&self, db: &Db, id: Id, version: i64, ctx: SaveCtx) -> Result<()> {
        super::records::STAFF.delete(db, id, version, ctx)
    }
}

/// The 配置履歴 form: a new open post after the current one is a move; deleting the open
/// post of a move takes it back.
pub(in crate::app) struct AssignmentEditor;

impl Editor for AssignmentEditor {
    fn check(&self, rec: &Value) -> Option<crate::domain::Invalid> {
        super::check_as::<Assignment>(rec)
    }
    fn fields(&self) -> &'static [FieldSpec] {
        super::records::ASSIGNMENT.fields
    }
    fn load(&self, db: &Db, id: Id, who: Actor) -> Result<Value> {
        super::records::ASSIGNMENT.load(db, id, who)
    }
    fn blank(&self, ctx: &NewCtx) -> Value {
        super::records::ASSIGNMENT.blank(ctx)
    }
    fn save(&self, db: &Db, v: Value, ctx: SaveCtx) -> Result<Id> {
        let mut a: Assignment = from_json(v)?;
        db.put_assignment(&mut a, ctx.today, &BY_HAND, &WARD)?;
        Ok(a.id)
    }
    fn delete(&self, db: &Db, id: Id, version: i64, ctx: SaveCtx) -> Result<()> {
        db.delete_assignment(id, version, ctx.today)
    }
}

impl App {
    /// After the staff rows caught up with their posts on opening: says who could not
    /// follow (or what stopped it), once the app is up.
    pub(in crate::app) fn say_posts_caught_up(&mut self, caught: Result<Followed, StoreError>) {
        let text = match caught {
            Ok(f) if f.refused.is_empty() => return,
            Ok(f) => self
                .session
                .lang
                .tf("err.posts_not_followed", &[("n", &f.refused.len())]),
            Err(e) => error_text(self.session.lang, &self.session.db.about_file(e)),
        };
        self.modals.push(Modal::Message { text });
    }
}
