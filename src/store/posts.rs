//! Where a person works, written once. Their posts (配置履歴, `assignments`) are the truth;
//! the unit and position on the staff row are a copy, kept there because every list,
//! count and scope reads them through indexes (a city's lists stay windows).
//!
//! The copy follows the post that *governs* on a day: the latest post that has begun by
//! then (the one held, or last held after retirement), else — for someone whose first
//! post is still to come — that first post. A post that begins after today (a 内示 for
//! 1 April) is upcoming: the staff row moves on its day, not before.
//!
//! Every write of a post goes through here and moves the copy in the same transaction:
//! `set_post` (a new post; the open one closes the day before), `put_assignment` (the
//! 配置履歴 form and import), `delete_assignment`, and `save_staff` in `staff.rs` (the 職員
//! form and the staff import, where a changed unit or position becomes a new post). The day an
//! upcoming post begins is kept (`posts_due_on`); `follow_posts`, run with the one clock's
//! today when the app or a command opens the file, catches the staff rows up once it has
//! come, reading only that marker on every other day.

use super::settings::keys::POSTS_DUE_ON;
use super::{Db, Result, rule};
use crate::domain::appointment::Wording;
use crate::domain::assignment::{Assignment, Reason};
use crate::domain::post::AssignmentKind;
use crate::domain::staff::{Position, Staff, StaffStatus};
use crate::domain::unit::Unit;
use crate::domain::{Date, Id, Invalid, Problem, Validate};

/// A new post for a person.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPost {
    pub unit_id: Id,
    pub position: Position,
    pub start: Date,
    pub reason: Reason,
    pub note: String,
}

/// Why and from when a unit or position changed on the 職員 form or in a staff import
/// (for a new person: their first post, by default 採用 from the hire date).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PostChange {
    pub reason: Reason,
    pub from: Date,
}

/// The names the writes of a post are audited under, by the work that makes them.
#[derive(Debug, Clone, Copy)]
pub struct PostActions {
    /// The open post closed by a new one.
    pub close: &'static str,
    /// A post added.
    pub open: &'static str,
    /// A post edited.
    pub update: &'static str,
    /// The staff row moved to follow its post.
    pub follow: &'static str,
}

/// From the screens.
pub const BY_HAND: PostActions = PostActions {
    close: "post.close",
    open: "insert",
    update: "update",
    follow: "post.follow",
};

/// From a file: every row of an import is audited as `import`.
pub const BY_IMPORT: PostActions = PostActions {
    close: "import",
    open: "import",
    update: "import",
    follow: "import",
};

/// What `follow_posts` did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Followed {
    /// People whose staff row moved to their post.
    pub moved: usize,
    /// People whose row could not follow (their post's unit since abolished, …); they are
    /// tried again at the next open.
    pub refused: Vec<Id>,
}

/// The id of the main post governing `person`'s staff row on `day` (SQL expressions), read
/// down the index of each person's posts by start date.
fn governing_sql(person: &str, day: &str) -> String {
    format!(
        "COALESCE(
            (SELECT g.id FROM assignments g WHERE g.staff_id = {person} AND g.start_date <= {day}
              AND g.kind = 'main' ORDER BY g.start_date DESC LIMIT 1),
            (SELECT g.id FROM assignments g WHERE g.staff_id = {person} AND g.kind = 'main'
              ORDER BY g.start_date LIMIT 1))"
    )
}

impl Db {
    /// The post that governs a person's staff row on `day` (see the module's note).
    pub fn governing_post(&self, staff_id: Id, day: Date) -> Result<Option<Assignment>> {
        let id: Option<Id> = self
            .conn()
            .prepare_cached(&format!("SELECT {}", governing_sql("?1", "?2")))?
            .query_row(rusqlite::params![staff_id, day.iso()], |r| r.get(0))?;
        match id {
            Some(id) => self.find(id),
            None => Ok(None),
        }
    }

    /// The next post to begin after `day`, while the person holds one that has begun.
    pub fn upcoming_post(&self, staff_id: Id, day: Date) -> Result<Option<Assignment>> {
        let next = self
            .assignments_of(staff_id)?
            .into_iter()
            .find(|a| a.kind.is_main() && a.start_date > day);
        let held = self
            .governing_post(staff_id, day)?
            .is_some_and(|g| g.start_date <= day);
        Ok(next.filter(|_| held))
    }

    /// People whose staff row disagrees with the post governing it on `day` (none, once
    /// every write has gone through here and `follow_posts` has run).
    pub fn staff_out_of_post(&self, day: Date) -> Result<Vec<Id>> {
        let sql = format!(
            "SELECT s.id FROM staff s JOIN assignments a ON a.id = {}
             WHERE a.unit_id <> s.unit_id OR a.position <> s.position ORDER BY s.id",
            governing_sql("s.id", "?1")
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map([day.iso()], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Moves a person's staff row to the post governing it on `today` (audited as
    /// `action`), and keeps the day of any post of theirs still to come.
    pub(crate) fn follow_post(&self, staff_id: Id, today: Date, action: &str) -> Result<()> {
        self.write(|| {
            if let Some(p) = self.governing_post(staff_id, today)? {
                let mut s: Staff = self.get(staff_id)?;
                if (s.unit_id, s.position) != (p.unit_id, p.position) {
                    s.unit_id = p.unit_id;
                    s.position = p.position;
                    self.update_as(&mut s, action)?;
                }
            }
            let next: Option<String> = self
                .conn()
                .prepare_cached(
                    "SELECT min(start_date) FROM assignments
                     WHERE staff_id = ?1 AND start_date > ?2 AND kind = 'main'",
                )?
                .query_row(rusqlite::params![staff_id, today.iso()], |r| r.get(0))?;
            if let Some(next) = next {
                self.bring_due_forward(POSTS_DUE_ON, &next)?;
            }
            Ok(())
        })
    }

    /// Keeps the day the next upcoming post begins ("" for none). Bookkeeping derived from
    /// the posts, like the search index: it is written in the transaction of the post
    /// that sets it, whose own rows carry the audit.
    fn put_due(&self, day: &str) -> Result<()> {
        self.put_derived_setting(POSTS_DUE_ON, day)
    }

    /// Marks a new file as caught up (there is nothing in it to follow yet), so that its
    /// first open writes nothing.
    pub(super) fn posts_followed_from_the_start(&self) -> Result<()> {
        self.put_due("")
    }

    /// Catches every staff row up with its post on `today`: at once when an upcoming post's
    /// day has come (or the file has never been caught up), else only the marker is read.
    /// Nothing is written through a read-only connection; the next open that can write
    /// catches up.
    pub fn follow_posts(&self, today: Date) -> Result<Followed> {
        // Statuses follow their leaves on the same opens (`store::leaves`).
        self.follow_leaves(today)?;
        if self.conn().is_readonly(rusqlite::MAIN_DB)? {
            return Ok(Followed::default());
        }
        match self.setting(POSTS_DUE_ON)? {
            Some(d) if d.is_empty() || d > today.iso() => return Ok(Followed::default()),
            _ => {}
        }
        self.write(|| {
            let mut done = Followed::default();
            for id in self.staff_out_of_post(today)? {
                // One person's refusal (a unit abolished since) holds up no one else.
                match self.follow_post(id, today, "post.follow") {
                    Ok(()) => done.moved += 1,
                    Err(super::StoreError::Invalid(_)) => done.refused.push(id),
                    Err(e) => return Err(e),
                }
            }
            let next: Option<String> = if done.refused.is_empty() {
                self.conn().query_row(
                    "SELECT min(start_date) FROM assignments WHERE start_date > ?1 AND kind = 'main'",
                    [today.iso()],
                    |r| r.get(0),
                )?
            } else {
                Some(today.iso())
            };
            self.put_due(next.as_deref().unwrap_or(""))?;
            Ok(done)
        })
    }

    /// A new post for a person, from `post.start`: their open post closes the day before,
    /// the new one opens, and the staff row follows (on the day, if it is still to come) —
    /// one transaction, each row audited under `acts`.
    pub fn set_post(
        &self,
        staff_id: Id,
        post: &NewPost,
        today: Date,
        acts: &PostActions,
    ) -> Result<Assignment> {
        self.write(|| {
            let person: Staff = self
                .find(staff_id)?
                .ok_or_else(|| Invalid::one("staff_no", Problem::Unknown))?;
            if person.status == StaffStatus::Retired {
                return Err(rule("staff_no", "transfer_retired"));
            }
            let unit: Unit = self
                .find(post.unit_id)?
                .ok_or_else(|| Invalid::one("unit_code", Problem::Unknown))?;
            if unit.valid_to.is_some() || unit.valid_from.is_some_and(|f| f > post.start) {
                return Err(rule("unit_code", "unit_abolished"));
            }
            if let Some(mut open) = self.current_assignment(staff_id)? {
                if open.start_date >= post.start {
                    return Err(rule("start_date", "post_not_after"));
                }
                open.end_date = Some(post.start.add_days(-1));
                self.update_as(&mut open, acts.close)?;
            }
            let mut a = Assignment {
                id: 0,
                staff_id,
                unit_id: post.unit_id,
                position: post.position,
                start_date: post.start,
                end_date: None,
                reason: post.reason,
                note: post.note.clone(),
                kind: AssignmentKind::Main,
                version: 0,
            };
            self.insert_as(&mut a, acts.open)?;
            self.follow_post(staff_id, today, acts.follow)?;
            Ok(a)
        })
    }

    /// Saves a post as entered (the 配置履歴 form). A new post with no end after the open
    /// one is a move (`set_post`); anything else is written as it is. Either way the staff
    /// row follows in the same transaction.
    pub fn put_assignment(
        &self,
        a: &mut Assignment,
        today: Date,
        acts: &PostActions,
        words: &dyn Wording,
    ) -> Result<()> {
        self.write(|| {
            let before: Option<Assignment> = match a.id {
                0 => None,
                id => self.find(id)?,
            };
            for id in self.write_assignment(a, today, acts)? {
                self.follow_post(id, today, acts.follow)?;
            }
            // A post held beside the main one is issued (兼ねて…を命ずる) and, once it
            // has an end, released; a correction of what the 発令 say issues them again.
            let issued_as =
                |p: &Assignment| (p.kind, p.unit_id, p.position, p.start_date, p.end_date);
            let beside = !a.kind.is_main() || before.as_ref().is_some_and(|b| !b.kind.is_main());
            if beside && before.as_ref().is_none_or(|b| issued_as(b) != issued_as(a)) {
                self.issue_beside(a, words)?;
            }
            // A post held beside the main one may make its holder a unit's head: the
            // people of that unit (and of the one it left) get their supervisors again.
            let mut units: Vec<Id> = before
                .iter()
                .chain(std::iter::once(&*a))
                .filter(|p| !p.kind.is_main())
                .map(|p| p.unit_id)
                .collect();
            units.dedup();
            self.reset_unit_supervisors(&units, today)
        })
    }

    /// `put_assignment` without the following: returns the people whose staff row is to
    /// follow (an import follows them once every row is in).
    pub(crate) fn write_assignment(
        &self,
        a: &mut Assignment,
        today: Date,
        acts: &PostActions,
    ) -> Result<Vec<Id>> {
        a.validate()?;
        self.write(|| {
            if a.id == 0 {
                let open = self.current_assignment(a.staff_id)?;
                if a.kind.is_main()
                    && a.end_date.is_none()
                    && let Some(open) = open
                    && open.start_date < a.start_date
                {
                    let post = NewPost {
                        unit_id: a.unit_id,
                        position: a.position,
                        start: a.start_date,
                        reason: a.reason,
                        note: a.note.clone(),
                    };
                    *a = self.set_post(a.staff_id, &post, today, acts)?;
                } else {
                    self.insert_as(a, acts.open)?;
                }
                return Ok(vec![a.staff_id]);
            }
            let before: Assignment = self.get(a.id)?;
            self.update_as(a, acts.update)?;
            Ok(if before.staff_id != a.staff_id {
                vec![before.staff_id, a.staff_id]
            } else {
                vec![a.staff_id]
            })
        })
    }

    /// Deletes a post (if still at `version`). A person keeps at least one; deleting the
    /// open post of a move takes the move back: the post it closed is open again.
    pub fn delete_assignment(&self, id: Id, version: i64, today: Date) -> Result<()> {
        self.write(|| {
            let a: Assignment = self.get(id)?;
            let others: Vec<Assignment> = self
                .assignments_of(a.staff_id)?
                .into_iter()
                .filter(|o| o.id != id && o.kind.is_main())
                .collect();
            if !a.kind.is_main() {
                self.withdraw_beside(id)?;
                self.delete::<Assignment>(id, version)?;
                return self.reset_unit_supervisors(&[a.unit_id], today);
            }
            if others.is_empty() {
                return Err(rule("id", "post_last"));
            }
            self.delete::<Assignment>(id, version)?;
            let person: Staff = self.get(a.staff_id)?;
            if a.end_date.is_none()
                && person.status != StaffStatus::Retired
                && let Some(mut prev) = others
                    .into_iter()
                    .find(|o| o.end_date == Some(a.start_date.add_days(-1)))
            {
                prev.end_date = None;
                self.update_as(&mut prev, "post.reopen")?;
            }
            self.follow_post(a.staff_id, today, BY_HAND.follow)
        })
    }
}
