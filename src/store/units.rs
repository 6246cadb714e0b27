//! Units: the organisation tree.

use super::machine::record::record;
use super::{Db, Filter, Result, StoreError};
use crate::domain::unit::Unit;
use crate::domain::{Date, Id, Invalid, Problem};

/// SQL for the name unit `$unit` had on day `$day` (a post's start, say), `$now` being
/// its name today: the first of its ended versions that was still in force then, read down
/// the index on (unit_id, valid_to), else today's. History lists show names as they were.
macro_rules! name_on {
    ($unit:literal, $day:literal, $now:literal) => {
        concat!(
            "COALESCE((SELECT v.name FROM unit_versions v WHERE v.unit_id = ",
            $unit,
            " AND v.valid_to > ",
            $day,
            " ORDER BY v.valid_to LIMIT 1), ",
            $now,
            ")"
        )
    };
}
pub(crate) use name_on;

record!(
    Unit,
    "units",
    [code, name, kana, parent_id, kind, valid_from, valid_to],
    {
        fn tidy(&mut self) {
            // A reading typed in hiragana is kept in katakana, as a person's is.
            self.kana = crate::domain::normalize::katakana(&self.kana);
        }
        fn check_stored(&self, db: &Db) -> Result<()> {
            match self.parent_id {
                Some(p) => {
                    let parent: Option<Unit> = db.find(p)?;
                    match parent {
                        None => Err(Invalid::one("parent_code", Problem::Unknown).into()),
                        Some(parent) if parent.kind.child() != Some(self.kind) => {
                            Err(Invalid::one(
                                "kind",
                                Problem::Rule {
                                    rule: "unit_kind_under_parent",
                                },
                            )
                            .into())
                        }
                        Some(_) if self.id != 0 && db.unit_subtree(self.id)?.contains(&p) => Err(
                            Invalid::one("parent_code", Problem::Rule { rule: "unit_cycle" })
                                .into(),
                        ),
                        Some(_) => Ok(()),
                    }
                }
                None => Ok(()),
            }
        }
    }
);

impl Db {
    pub fn unit_by_code(&self, code: &str) -> Result<Option<Unit>> {
        Ok(self
            .all::<Unit>(vec![Filter::eq("code", code)], "code")?
            .pop())
    }

    /// Every unit, in code order (the tree is small: hundreds to a few thousand rows).
    pub fn units(&self) -> Result<Vec<Unit>> {
        self.all(vec![], "code")
    }

    pub fn unit_children(&self, parent: Id) -> Result<Vec<Unit>> {
        self.all(vec![Filter::eq("parent_id", parent)], "code")
    }

    /// The unit and every unit below it.
    pub fn unit_subtree(&self, root: Id) -> Result<Vec<Id>> {
        let mut st = self.conn().prepare_cached(
            "WITH RECURSIVE t(id) AS (SELECT ?1 UNION ALL
               SELECT u.id FROM units u JOIN t ON u.parent_id = t.id)
             SELECT id FROM t",
        )?;
        let ids = st.query_map([root], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// The section (課) a unit belongs to: a team's parent, a section itself; for higher
    /// units, the unit itself.
    pub fn section_of(&self, unit: Id) -> Result<Option<Unit>> {
        let mut u: Option<Unit> = self.find(unit)?;
        while let Some(x) = &u {
            match x.kind {
                crate::domain::unit::UnitKind::Team => {
                    u = x.parent_id.map(|p| self.find(p)).transpose()?.flatten()
                }
                _ => return Ok(u),
            }
        }
        Ok(None)
    }

    /// Abolishes a unit from `on`: it stays in history but takes no new people.
    pub fn retire_unit(&self, id: Id, version: i64, on: Date) -> Result<Unit> {
        self.write(|| {
            let mut u: Unit = self.get(id)?;
            u.version = version;
            let open: i64 = self.conn().query_row(
                "SELECT count(*) FROM staff WHERE unit_id = ?1 AND status <> 'retired'",
                [id],
                |r| r.get(0),
            )?;
            if open > 0 {
                return Err(StoreError::Invalid(Invalid::one(
                    "valid_to",
                    Problem::Rule {
                        rule: "unit_has_staff",
                    },
                )));
            }
            u.valid_to = Some(on);
            self.update(&mut u)?;
            Ok(u)
        })
    }
}
