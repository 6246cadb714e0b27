//! The store's side of an import (the import module above the store reads the file): one
//! batch of records, written all or nothing in one IMMEDIATE transaction, each write
//! with its audit row (action `import`). It takes domain records, never a sheet's rows.
//!
//! Here: the batch itself (its transaction, the human keys it has already looked up, and
//! a record's plain insert-or-update). `records` has what is particular to one kind: a
//! record found by its natural key, a person's or a post's write with its post rules,
//! a course's requirements.

mod records;
mod round;

use std::collections::HashMap;

use super::{Db, Record, Result};
use crate::domain::Id;

/// What writing one record did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Created,
    Updated,
    Unchanged,
}

/// One import's writes, inside its transaction (see [`Db::import_batch`]): the database,
/// and the ids of human keys (staff numbers, unit and course codes) asked for so far or
/// created by the batch.
pub struct Batch<'d> {
    db: &'d Db,
    staff_ids: HashMap<String, Id>,
    unit_ids: HashMap<String, Id>,
    course_ids: HashMap<String, Id>,
}

impl Db {
    /// Runs `f` over one batch in one IMMEDIATE transaction, committed only when `f`
    /// returns true (a batch with problems, a dry run or a cancelled one writes nothing).
    /// A `large` batch gets a bigger page cache while it runs, and the planner's figures
    /// are brought up to date after it is written.
    pub fn import_batch(
        &self,
        large: bool,
        f: impl FnOnce(Batch<'_>) -> Result<bool>,
    ) -> Result<bool> {
        // A large file touches most pages of its tables and their indexes: a cache that
        // holds them saves reading them again from the OS for every row.
        let cache: i64 = self
            .conn()
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .unwrap_or(-2000);
        if large {
            self.conn().pragma_update(None, "cache_size", -65_536)?;
        }
        let written = self.write_then(|| {
            f(Batch {
                db: self,
                staff_ids: HashMap::new(),
                unit_ids: HashMap::new(),
                course_ids: HashMap::new(),
            })
        });
        let _ = self.conn().pragma_update(None, "cache_size", cache);
        let written = written?;
        if written && large {
            // Many rows in: the planner's figures are brought up to date with them.
            self.analyze()?;
        }
        Ok(written)
    }
}

impl Batch<'_> {
    /// The day the batch's rules by date go by (the database's clock).
    pub fn today(&self) -> crate::domain::Date {
        self.db.today()
    }

    pub fn staff_id(&mut self, no: &str) -> Result<Option<Id>> {
        let sql = "SELECT id FROM staff WHERE staff_no = ?1";
        cached_id(self.db, &mut self.staff_ids, sql, no)
    }

    pub fn unit_id(&mut self, code: &str) -> Result<Option<Id>> {
        let sql = "SELECT id FROM units WHERE code = ?1";
        cached_id(self.db, &mut self.unit_ids, sql, code)
    }

    pub fn course_id(&mut self, code: &str) -> Result<Option<Id>> {
        let sql = "SELECT id FROM courses WHERE code = ?1";
        cached_id(self.db, &mut self.course_ids, sql, code)
    }

    /// Remembers the id of a person the batch wrote, for the rows after.
    pub fn know_staff(&mut self, no: String, id: Id) {
        self.staff_ids.insert(no, id);
    }

    pub fn know_unit(&mut self, code: String, id: Id) {
        self.unit_ids.insert(code, id);
    }

    pub fn know_course(&mut self, code: String, id: Id) {
        self.course_ids.insert(code, id);
    }

    pub fn find<T: Record>(&self, id: Id) -> Result<Option<T>> {
        self.db.find(id)
    }

    pub fn get<T: Record>(&self, id: Id) -> Result<T> {
        self.db.get(id)
    }

    /// Writes `new` as a new record, or over `old` when a value differs. Problems of the
    /// record's own rules come back as `Err(Invalid)`.
    pub fn upsert<T: Record + PartialEq>(&self, mut new: T, old: Option<T>) -> Result<(Saved, T)> {
        match old {
            None => {
                self.db.insert_as(&mut new, "import")?;
                Ok((Saved::Created, new))
            }
            Some(old) => {
                new.set_id(old.id());
                new.set_version(old.version());
                if new == old {
                    return Ok((Saved::Unchanged, new));
                }
                self.db.update_as(&mut new, "import")?;
                Ok((Saved::Updated, new))
            }
        }
    }

    /// Saves a stored record changed after its row was written (a reference settled once
    /// every row is in).
    pub fn update<T: Record>(&self, rec: &mut T) -> Result<()> {
        self.db.update_as(rec, "import")
    }
}

/// The id a human key stands for, asked of the database once and then kept.
fn cached_id(db: &Db, cache: &mut HashMap<String, Id>, sql: &str, key: &str) -> Result<Option<Id>> {
    if let Some(id) = cache.get(key) {
        return Ok(Some(*id));
    }
    let mut st = db.conn().prepare_cached(sql)?;
    let mut rows = st.query([key])?;
    let id: Option<Id> = match rows.next()? {
        Some(r) => Some(r.get(0)?),
        None => None,
    };
    if let Some(id) = id {
        cache.insert(key.to_string(), id);
    }
    Ok(id)
}
