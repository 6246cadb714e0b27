//! Leave and absence (休職・休業) as periods, and the status that follows from them.
//!
//! A person's leaves are the truth; `staff.status` is a copy kept for the lists, counts
//! and scopes that read it through indexes (as the unit and position copy their post, see
//! `store::posts`). Every write of a leave moves the copy in its own transaction. The day
//! the next leave begins or ends is kept (`leaves_due_on`); `follow_leaves`, run with the
//! one clock's today when the app or a command opens the file, catches the copies up once
//! it has come, reading only that marker on every other day. Retired people stay retired.

use std::collections::HashMap;

use super::machine::record::record;
use super::settings::keys::{LEAVES_DUE_ON, SERVICE_EXCLUDED_LEAVES};
use super::{Db, Filter, Record, Result, rule};
use crate::domain::leave::{self, Leave, LeaveKind};
use crate::domain::staff::Staff;
use crate::domain::{Date, Id, Invalid, Problem};

record!(
    Leave,
    "leaves",
    [staff_id, kind, start_date, end_date, note],
    {
        fn check_stored(&self, db: &Db) -> Result<()> {
            // Two leaves that take whole days (or two of one kind) never share a day.
            if db.find::<Staff>(self.staff_id)?.is_none() {
                return Err(Invalid::one("staff_no", Problem::Unknown).into());
            }
            if db.leaves_of(self.staff_id)?.iter().any(|o| self.clashes(o)) {
                return Err(Invalid::one("start_date", Problem::Overlap).into());
            }
            Ok(())
        }
    }
);

/// The names a leave's writes are audited under.
#[derive(Debug, Clone, Copy)]
pub struct LeaveActions {
    pub insert: &'static str,
    pub update: &'static str,
    /// The staff row's status following its leaves.
    pub follow: &'static str,
}

/// From the screens.
pub const BY_HAND: LeaveActions = LeaveActions {
    insert: "insert",
    update: "update",
    follow: "leave.follow",
};

/// From a file.
pub const BY_IMPORT: LeaveActions = LeaveActions {
    insert: "import",
    update: "import",
    follow: "import",
};

/// A leave that runs on `?1` (SQL over `leaves l`).
const RUNS_ON: &str = "l.start_date <= ?1 AND (l.end_date IS NULL OR l.end_date >= ?1)";

/// The kinds that take a person away whole days, as an SQL list.
fn away_codes() -> String {
    LeaveKind::ALL
        .iter()
        .filter(|k| k.is_away())
        .map(|k| format!("'{}'", k.code()))
        .collect::<Vec<_>>()
        .join(",")
}

impl Db {
    /// A person's leaves, oldest first.
    pub fn leaves_of(&self, staff_id: Id) -> Result<Vec<Leave>> {
        self.all(vec![Filter::eq("staff_id", staff_id)], "start_date")
    }

    /// The leave in effect for a person on `day`: the one that takes them away, else one
    /// that shortens their day.
    pub fn leave_on(&self, staff_id: Id, day: Date) -> Result<Option<Leave>> {
        let all = self.leaves_of(staff_id)?;
        if let Some(l) = leave::away_on(&all, day) {
            return Ok(Some(l.clone()));
        }
        Ok(all.into_iter().find(|l| l.covers(day)))
    }

    /// Refuses, under `rule_key` on `field`, a person away any day of `from..=to` (a
    /// move in the transfer round on its day, an enrolment in a session that falls in
    /// their leave).
    pub fn refuse_if_away(
        &self,
        staff_id: Id,
        (from, to): (Date, Date),
        field: &'static str,
        rule_key: &'static str,
    ) -> Result<()> {
        if leave::days_away(&self.leaves_of(staff_id)?, from, to, |_| true) > 0 {
            return Err(rule(field, rule_key));
        }
        Ok(())
    }

    /// Days each person is away within `from..=to` (only people away at all).
    pub fn days_away_between(&self, from: Date, to: Date) -> Result<HashMap<Id, i64>> {
        let sql = format!(
            "SELECT {} FROM leaves WHERE kind IN ({}) AND start_date <= ?2
               AND (end_date IS NULL OR end_date >= ?1) ORDER BY staff_id, start_date",
            super::machine::record::select_list::<Leave>(""),
            away_codes()
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map([from.iso(), to.iso()], Leave::from_row)?;
        let mut by_person: HashMap<Id, Vec<Leave>> = HashMap::new();
        for l in rows {
            let l = l?;
            by_person.entry(l.staff_id).or_default().push(l);
        }
        Ok(by_person
            .into_iter()
            .map(|(id, ls)| (id, leave::days_away(&ls, from, to, |_| true)))
            .collect())
    }

    /// The leave kinds whose days do not count as service (the ward's rule).
    pub fn service_excluded_kinds(&self) -> Result<Vec<LeaveKind>> {
        Ok(self
            .list_rule(SERVICE_EXCLUDED_LEAVES)?
            .iter()
            .filter_map(|c| LeaveKind::from_code(c))
            .collect())
    }

    /// The day a person's service began, moved on by the days of the leaves the ward
    /// does not count as service, up to `base`: service on `base` is counted from it.
    pub fn service_from(&self, staff_id: Id, hire: Date, base: Date) -> Result<Date> {
        let excluded = self.service_excluded_kinds()?;
        let away = leave::days_away(&self.leaves_of(staff_id)?, hire, base, |k| {
            excluded.contains(&k)
        });
        Ok(hire.add_days(away))
    }

    /// Saves a leave as entered (new or edited) and moves the person's status with it,
    /// in one transaction.
    pub fn put_leave(&self, l: &mut Leave, today: Date, acts: &LeaveActions) -> Result<()> {
        self.write(|| {
            let mut people = vec![l.staff_id];
            if l.id == 0 {
                self.insert_as(l, acts.insert)?;
            } else {
                let before: Leave = self.get(l.id)?;
                self.update_as(l, acts.update)?;
                if before.staff_id != l.staff_id {
                    people.push(before.staff_id);
                }
            }
            for id in people {
                self.follow_leave(id, today, acts.follow)?;
            }
            Ok(())
        })
    }

    /// Deletes a leave (if still at `version`); the person's status follows.
    pub fn delete_leave(&self, id: Id, version: i64, today: Date) -> Result<()> {
        self.write(|| {
            let l: Leave = self.get(id)?;
            self.delete::<Leave>(id, version)?;
            self.follow_leave(l.staff_id, today, BY_HAND.follow)
        })
    }

    /// Moves a person's status to what their leaves give on `today` (audited as
    /// `action`), and keeps the day any leave of theirs next begins or ends. A head who
    /// goes away, or comes back, changes who leads their people: those of every unit they
    /// head by any post get their supervisors again, as after a round.
    pub(crate) fn follow_leave(&self, staff_id: Id, today: Date, action: &str) -> Result<()> {
        self.write(|| {
            let leaves = self.leaves_of(staff_id)?;
            let mut s: Staff = self.get(staff_id)?;
            let status = leave::status_on(&leaves, today, s.status);
            if status != s.status {
                s.status = status;
                self.update_as(&mut s, action)?;
                if s.position.is_supervisory() {
                    let mut units = vec![s.unit_id];
                    units.extend(
                        self.posts_beside(s.id, today)?
                            .into_iter()
                            .map(|(_, u)| u.id),
                    );
                    self.reset_unit_supervisors(&units, today)?;
                }
            }
            let next = leaves
                .iter()
                .flat_map(|l| [Some(l.start_date), l.end_date.map(|e| e.add_days(1))])
                .flatten()
                .filter(|d| *d > today)
                .min();
            if let Some(next) = next {
                self.bring_due_forward(LEAVES_DUE_ON, &next.iso())?;
            }
            Ok(())
        })
    }

    /// Keeps the day the next leave begins or ends ("" for none).
    fn put_leaves_due(&self, day: &str) -> Result<()> {
        self.put_derived_setting(LEAVES_DUE_ON, day)
    }

    /// Marks a new file as caught up (it holds no leaves yet).
    pub(super) fn leaves_followed_from_the_start(&self) -> Result<()> {
        self.put_leaves_due("")
    }

    /// Marks the file as not caught up, so that the next `follow_leaves` reads every
    /// leave (the demo, after writing its periods in bulk).
    pub(crate) fn leaves_to_catch_up(&self) -> Result<()> {
        self.conn()
            .execute("DELETE FROM settings WHERE key = ?1", [LEAVES_DUE_ON])?;
        Ok(())
    }

    /// Catches every status up with the leaves on `today`: when a leave's first day or
    /// the day after its last has come (or the file was never caught up); on other days
    /// only the marker is read. Returns how many statuses moved.
    pub fn follow_leaves(&self, today: Date) -> Result<usize> {
        if self.conn().is_readonly(rusqlite::MAIN_DB)? {
            return Ok(0);
        }
        match self.setting(LEAVES_DUE_ON)? {
            Some(d) if d.is_empty() || d > today.iso() => return Ok(0),
            _ => {}
        }
        self.write(|| {
            // Whoever is away today, and whoever the copy says is away: the rest are at
            // work by both, and need no look.
            let sql = format!(
                "SELECT l.staff_id FROM leaves l WHERE {RUNS_ON}
                 UNION SELECT id FROM staff WHERE status IN ('leave', 'seconded')"
            );
            let people: Vec<Id> = self
                .conn()
                .prepare(&sql)?
                .query_map([today.iso()], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut moved = 0;
            for id in people {
                let s: Staff = self.get(id)?;
                let status = leave::status_on(&self.leaves_of(id)?, today, s.status);
                if status != s.status {
                    self.follow_leave(id, today, "leave.follow")?;
                    moved += 1;
                }
            }
            let next: Option<String> = self.conn().query_row(
                "SELECT min(d) FROM (SELECT min(start_date) AS d FROM leaves WHERE start_date > ?1
                   UNION ALL SELECT min(date(end_date, '+1 day')) FROM leaves WHERE end_date >= ?1)",
                [today.iso()],
                |r| r.get(0),
            )?;
            self.put_leaves_due(next.as_deref().unwrap_or(""))?;
            Ok(moved)
        })
    }
}
