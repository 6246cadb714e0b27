//! Staff: the roster.

use super::machine::record::record;
use super::posts::{NewPost, PostActions, PostChange};
use super::settings::keys;
use super::{Db, Filter, ListQuery, Page, Result};
use crate::domain::assignment::{Assignment, Reason};
use crate::domain::staff::has_digits;
use crate::domain::staff::{Staff, StaffStatus};
use crate::domain::unit::Unit;
use crate::domain::{Date, Id, Invalid, Problem, Validate, normalize};

record!(
    Staff,
    "staff",
    [
        staff_no,
        family_name,
        given_name,
        family_kana,
        given_kana,
        sex,
        birth_date,
        hire_date,
        unit_id,
        position,
        grade,
        job_type,
        track,
        status,
        retire_date,
        supervisor_id,
        email,
        phone,
        employment_kind,
        weekly_hours,
        term_start,
        term_end,
        renewals,
        post_limit_exception,
    ],
    {
        // Search keys (domain::reading): every write of a person, imports included,
        // goes through here, so they never fall behind the kana. The 定年退職日 too: the
        // worklist of a year's retirements is then a window on its index, not a rule
        // computed for every row.
        const DERIVED: &'static [&'static str] = &["reading_key", "given_key", "retirement_date"];
        fn derived(&self) -> Vec<rusqlite::types::Value> {
            let (full, given) =
                crate::domain::reading::person_keys(&self.family_kana, &self.given_kana);
            let retires = self.retirement_date().map(|d| d.iso());
            vec![full.into(), given.into(), retires.into()]
        }
        fn tidy(&mut self) {
            // Kana typed in hiragana is kept in katakana, a number typed in full width in
            // ASCII, as import keeps them.
            self.family_kana = normalize::katakana(&self.family_kana);
            self.given_kana = normalize::katakana(&self.given_kana);
            self.staff_no = normalize::ascii_forms(self.staff_no.trim()).replace(' ', "");
        }
        fn check_stored(&self, db: &Db) -> Result<()> {
            self.check_staff_no(db)?;
            let unit: Option<Unit> = db.find(self.unit_id)?;
            match unit {
                None => return Err(Invalid::one("unit_code", Problem::Unknown).into()),
                Some(u) if u.valid_to.is_some() && self.status != StaffStatus::Retired => {
                    return Err(Invalid::one(
                        "unit_code",
                        Problem::Rule {
                            rule: "unit_abolished",
                        },
                    )
                    .into());
                }
                Some(_) => {}
            }
            if let Some(s) = self.supervisor_id
                && db.find::<Staff>(s)?.is_none()
            {
                return Err(Invalid::one("supervisor", Problem::Unknown).into());
            }
            Ok(())
        }
    }
);

impl Staff {
    /// A staff number has the ward's number of digits (`staff_no_length`; 0 leaves the
    /// form free). A number stored before the ward set its length stays as it is until it
    /// is changed.
    fn check_staff_no(&self, db: &Db) -> Result<()> {
        let digits = db.rule_value(keys::STAFF_NO_LENGTH)?;
        if digits == 0 || has_digits(&self.staff_no, digits as usize) {
            return Ok(());
        }
        if self.id != 0
            && db
                .find::<Staff>(self.id)?
                .is_some_and(|b| b.staff_no == self.staff_no)
        {
            return Ok(());
        }
        Err(Invalid::one("staff_no", Problem::Digits { digits }).into())
    }
}

impl Db {
    pub fn staff_by_no(&self, staff_no: &str) -> Result<Option<Staff>> {
        Ok(self
            .all::<Staff>(vec![Filter::eq("staff_no", staff_no)], "staff_no")?
            .pop())
    }

    /// One page of the people in a unit's subtree, in staff-number order.
    pub fn staff_in_subtree(
        &self,
        root: Id,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Page<Staff>> {
        let units = self.unit_subtree(root)?;
        let list = super::machine::list::id_list(&units);
        let sql = format!(
            "SELECT {} FROM staff WHERE unit_id IN ({list}) AND staff_no > ?1
             ORDER BY staff_no LIMIT ?2",
            super::machine::record::select_list::<Staff>("")
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map(
            rusqlite::params![after.unwrap_or(""), limit as i64 + 1],
            <Staff as super::Record>::from_row,
        )?;
        let mut rows: Vec<Staff> = rows.collect::<rusqlite::Result<_>>()?;
        let next = if rows.len() > limit {
            rows.truncate(limit);
            rows.last().map(|s| super::Cursor {
                sort: s.staff_no.clone().into(),
                id: s.id,
            })
        } else {
            None
        };
        Ok(Page { rows, next })
    }

    /// Active staff (not retired), paged in staff-number order.
    pub fn active_staff(&self, after: Option<super::Cursor>, limit: usize) -> Result<Page<Staff>> {
        let q = ListQuery {
            filters: vec![Filter::new("status", super::Op::Ne, "retired")],
            sort: "staff_no",
            after,
            limit,
            ..Default::default()
        };
        self.list(&q)
    }

    /// Marks a person as retired on `on` (their last day), closing their open assignment
    /// on the same day. History stays.
    pub fn retire_staff(&self, id: Id, version: i64, on: Date) -> Result<Staff> {
        self.write(|| {
            let mut s: Staff = self.get(id)?;
            s.version = version;
            s.status = StaffStatus::Retired;
            s.retire_date = Some(on);
            self.update(&mut s)?;
            if let Some(mut a) = self.current_assignment(id)? {
                a.end_date = Some(on.max(a.start_date));
                self.update(&mut a)?;
            }
            Ok(s)
        })
    }
}

impl Db {
    /// Saves a person's record. A new person gets their first post (`change`, else 採用
    /// from the hire date; closed on the retirement day of someone already retired). A
    /// changed unit or position is a new post by `change` (`set_post`): without one it is
    /// refused on `reason`. Field problems of the post are named as the form and the file
    /// name them (`effective_on`).
    pub fn save_staff(
        &self,
        s: &mut Staff,
        change: Option<PostChange>,
        today: Date,
        acts: &PostActions,
    ) -> Result<()> {
        super::Record::tidy(s);
        s.validate()?;
        self.write(|| {
            if s.id == 0 {
                self.insert_as(s, acts.open)?;
                let change = change.unwrap_or(PostChange {
                    reason: Reason::Hire,
                    from: s.hire_date,
                });
                let mut first = Assignment {
                    id: 0,
                    staff_id: s.id,
                    unit_id: s.unit_id,
                    position: s.position,
                    start_date: change.from,
                    end_date: s.retire_date.filter(|r| *r >= change.from),
                    reason: change.reason,
                    note: String::new(),
                    kind: crate::domain::post::AssignmentKind::Main,
                    version: 0,
                };
                self.insert_as(&mut first, acts.open).map_err(post_fields)?;
                return self.follow_post(s.id, today, acts.follow);
            }
            let before: Staff = self.get(s.id)?;
            let moved = (s.unit_id, s.position) != (before.unit_id, before.position);
            if !moved {
                return self.update_as(s, acts.update);
            }
            let Some(change) = change else {
                return Err(Invalid::one("reason", Problem::Required).into());
            };
            let post = NewPost {
                unit_id: s.unit_id,
                position: s.position,
                start: change.from,
                reason: change.reason,
                note: String::new(),
            };
            // The rest of the record as edited; the post moves unit and position.
            (s.unit_id, s.position) = (before.unit_id, before.position);
            // (A stale version differs too, and is refused there as a conflict.)
            if *s != before {
                self.update_as(s, acts.update)?;
            }
            self.set_post(s.id, &post, today, acts)
                .map_err(post_fields)?;
            *s = self.get(s.id)?;
            Ok(())
        })
    }
}

/// A post's problems under the names a staff record's form and file give them.
fn post_fields(e: super::StoreError) -> super::StoreError {
    match e {
        super::StoreError::Invalid(Invalid(errs)) => Invalid(
            errs.into_iter()
                .map(|mut e| {
                    if e.field == "start_date" {
                        e.field = "effective_on";
                    }
                    e
                })
                .collect(),
        )
        .into(),
        e => e,
    }
}
