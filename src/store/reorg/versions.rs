//! A unit's dated versions: what a rename or a move ends is kept as a version that ran
//! to its day, so the history shows names as they were.

use crate::domain::reorg::UnitVersion;
use crate::domain::unit::Unit;
use crate::domain::{Date, Id};
use crate::store::machine::record::record;
use crate::store::{Db, Filter, Result};

record!(
    UnitVersion,
    "unit_versions",
    [unit_id, name, kana, parent_id, kind, valid_from, valid_to]
);

impl Db {
    /// The day the unit's latest ended version ended, if it has one.
    pub(super) fn last_version_end(&self, unit_id: Id) -> Result<Option<Date>> {
        let d: Option<String> = self.conn().query_row(
            "SELECT max(valid_to) FROM unit_versions WHERE unit_id = ?1",
            [unit_id],
            |r| r.get(0),
        )?;
        Ok(d.and_then(|d| d.parse().ok()))
    }

    /// Keeps the unit's version in force as one that ends on `day`.
    pub(super) fn end_version(&self, u: &Unit, day: Date) -> Result<()> {
        let from = self.last_version_end(u.id)?.or(u.valid_from);
        let mut v = UnitVersion {
            id: 0,
            unit_id: u.id,
            name: u.name.clone(),
            kana: u.kana.clone(),
            parent_id: u.parent_id,
            kind: u.kind,
            valid_from: from,
            valid_to: day,
            version: 0,
        };
        self.insert(&mut v)
    }

    /// A unit's ended versions, oldest first.
    pub fn unit_versions(&self, unit_id: Id) -> Result<Vec<UnitVersion>> {
        self.all(vec![Filter::eq("unit_id", unit_id)], "valid_to")
    }

    /// The unit as it was on `day`: its name, reading, parent and kind then (`None` for a
    /// unit not founded by then or abolished by then).
    pub fn unit_as_of(&self, unit_id: Id, day: Date) -> Result<Option<Unit>> {
        let Some(mut u) = self.find::<Unit>(unit_id)? else {
            return Ok(None);
        };
        if !u.founded_by(day) || u.valid_to.is_some_and(|to| to <= day) {
            return Ok(None);
        }
        if let Some(v) = self
            .unit_versions(unit_id)?
            .into_iter()
            .find(|v| v.valid_to > day)
        {
            (u.name, u.kana, u.parent_id, u.kind) = (v.name, v.kana, v.parent_id, v.kind);
        }
        Ok(Some(u))
    }
}
