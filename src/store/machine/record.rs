//! One machine for every table: get, insert, update (with a version check), delete, each
//! write validated and audited in the same transaction.

use rusqlite::types::Value;

use super::audit;
use crate::domain::{Id, Invalid, Problem, Validate};
use crate::store::{Db, Result, StoreError};

/// A domain type stored as one row of one table (`id`, `version`, then `COLUMNS`).
pub trait Record: Validate + serde::Serialize + Clone + Sized {
    const TABLE: &'static str;
    /// Data columns, in order, without `id` and `version`.
    const COLUMNS: &'static [&'static str];
    fn id(&self) -> Id;
    fn set_id(&mut self, id: Id);
    fn version(&self) -> i64;
    fn set_version(&mut self, v: i64);
    fn values(&self) -> Vec<Value>;
    /// The same values, borrowed for binding.
    fn bind_values(&self) -> Vec<rusqlite::types::ToSqlOutput<'_>>;
    /// Reads a row selected as `id, version, COLUMNS…`.
    fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Self>;
    /// What people type made into the form it is stored in (kana in katakana, a number
    /// in ASCII digits): done before every write is checked, forms and files alike.
    fn tidy(&mut self) {}
    /// Rules that need the database (overlaps, sums, references); run inside the write.
    fn check_stored(&self, _db: &Db) -> Result<()> {
        Ok(())
    }
    /// Columns the store derives from the others (a person's folded reading, to search
    /// by): written with every insert and update, never read back.
    const DERIVED: &'static [&'static str] = &[];
    /// The values of `DERIVED`, in order.
    fn derived(&self) -> Vec<Value> {
        Vec::new()
    }
}

/// The columns an insert or update writes: the data, then what is derived from it.
fn written<T: Record>() -> impl Iterator<Item = &'static str> {
    T::COLUMNS.iter().chain(T::DERIVED).copied()
}

/// The values an insert binds, in the order of `written`.
fn bound<T: Record>(rec: &T) -> Vec<rusqlite::types::ToSqlOutput<'_>> {
    let mut v = rec.bind_values();
    v.extend(
        rec.derived()
            .into_iter()
            .map(rusqlite::types::ToSqlOutput::Owned),
    );
    v
}

/// Implements `Record` for a struct whose fields are named as its table's columns.
macro_rules! record {
    ($ty:ty, $table:literal, [$($field:ident),+ $(,)?]) => {
        record!($ty, $table, [$($field),+], {});
    };
    ($ty:ty, $table:literal, [$($field:ident),+ $(,)?], { $($extra:item)* }) => {
        impl $crate::store::Record for $ty {
            const TABLE: &'static str = $table;
            const COLUMNS: &'static [&'static str] = &[$(stringify!($field)),+];
            fn id(&self) -> $crate::domain::Id { self.id }
            fn set_id(&mut self, id: $crate::domain::Id) { self.id = id; }
            fn version(&self) -> i64 { self.version }
            fn set_version(&mut self, v: i64) { self.version = v; }
            fn values(&self) -> Vec<rusqlite::types::Value> {
                vec![$($crate::store::machine::col::Col::to_sql(&self.$field)),+]
            }
            fn bind_values(&self) -> Vec<rusqlite::types::ToSqlOutput<'_>> {
                vec![$($crate::store::machine::col::Col::bind(&self.$field)),+]
            }
            #[allow(unused_assignments)]
            fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
                let mut i = 1;
                Ok(Self {
                    id: r.get(0)?,
                    version: r.get(1)?,
                    $($field: { i += 1; $crate::store::machine::col::get(r, i)? }),+
                })
            }
            $($extra)*
        }
    };
}
pub(crate) use record;

/// `INSERT INTO t (cols…, version) VALUES (?1…, 1)`.
fn insert_sql<T: Record>() -> String {
    let cols = written::<T>().collect::<Vec<_>>().join(", ");
    let marks = (1..=written::<T>().count())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "INSERT INTO {} ({cols}, version) VALUES ({marks}, 1)",
        T::TABLE
    )
}

/// `id, version, col1, col2 …` for a SELECT.
pub(crate) fn select_list<T: Record>(alias: &str) -> String {
    let mut s = format!("{alias}id, {alias}version");
    for c in T::COLUMNS {
        s.push_str(", ");
        s.push_str(alias);
        s.push_str(c);
    }
    s
}

impl Db {
    pub fn get<T: Record>(&self, id: Id) -> Result<T> {
        self.find::<T>(id)?.ok_or(StoreError::NotFound {
            table: T::TABLE,
            id,
        })
    }

    pub fn find<T: Record>(&self, id: Id) -> Result<Option<T>> {
        let sql = format!(
            "SELECT {} FROM {} WHERE id = ?1",
            select_list::<T>(""),
            T::TABLE
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let mut rows = st.query([id])?;
        match rows.next()? {
            Some(r) => Ok(Some(T::from_row(r)?)),
            None => Ok(None),
        }
    }

    /// Validates, inserts and audits; sets the new id and version 1 on `rec`.
    pub fn insert<T: Record>(&self, rec: &mut T) -> Result<()> {
        self.insert_as(rec, "insert")
    }

    /// `insert`, audited under the name of the work that made it (`import`).
    pub(crate) fn insert_as<T: Record>(&self, rec: &mut T, action: &str) -> Result<()> {
        rec.tidy();
        rec.validate()?;
        self.write(|| {
            rec.check_stored(self)?;
            let id = self.insert_row(rec)?;
            rec.set_id(id);
            rec.set_version(1);
            audit::record(self, action, T::TABLE, id, None::<&T>, Some(&*rec))?;
            Ok(())
        })
    }

    fn insert_row<T: Record>(&self, rec: &T) -> Result<Id> {
        let mut st = self.conn().prepare_cached(&insert_sql::<T>())?;
        st.execute(rusqlite::params_from_iter(bound(rec)))
            .map_err(|e| self.explain_constraint::<T>(e, rec))?;
        Ok(self.conn().last_insert_rowid())
    }

    /// Inserts many rows in one transaction with one audit entry for the batch (imports).
    /// Each row is validated and checked against the stored rules; all or nothing.
    pub fn insert_many<T: Record>(&self, recs: &mut [T], action: &str) -> Result<()> {
        self.insert_batch(recs, action, true)
    }

    /// Like `insert_many` but without the rules that need the database, for the demo
    /// generator, whose output obeys them by construction (its tests prove it) and whose
    /// scale (millions of rows) cannot afford a query per row.
    pub fn insert_many_generated<T: Record>(&self, recs: &mut [T], action: &str) -> Result<()> {
        self.insert_batch(recs, action, false)
    }

    fn insert_batch<T: Record>(&self, recs: &mut [T], action: &str, check: bool) -> Result<()> {
        if recs.is_empty() {
            return Ok(());
        }
        self.write(|| {
            // One prepared statement for the whole batch.
            let mut st = self.conn().prepare_cached(&insert_sql::<T>())?;
            for rec in recs.iter_mut() {
                rec.tidy();
                rec.validate()?;
                if check {
                    rec.check_stored(self)?;
                }
                st.execute(rusqlite::params_from_iter(bound(rec)))
                    .map_err(|e| self.explain_constraint::<T>(e, rec))?;
                rec.set_id(self.conn().last_insert_rowid());
                rec.set_version(1);
            }
            let summary = serde_json::json!({ "rows": recs.len() });
            audit::record_json(
                self,
                action,
                T::TABLE,
                None,
                None,
                Some(summary.to_string()),
            )
        })
    }

    /// Saves `rec` if nobody changed it since it was read (same `version`); otherwise a
    /// `Conflict` naming who changed it and when. Bumps `rec`'s version on success.
    pub fn update<T: Record>(&self, rec: &mut T) -> Result<()> {
        self.update_as(rec, "update")
    }

    /// `update`, audited under the name of the move that made it (`eval.finalize`).
    pub(crate) fn update_as<T: Record>(&self, rec: &mut T, action: &str) -> Result<()> {
        rec.tidy();
        rec.validate()?;
        self.write(|| {
            let before: T = self.get(rec.id())?;
            if before.version() != rec.version() {
                return Err(self.conflict(T::TABLE, rec.id()));
            }
            rec.check_stored(self)?;
            let sets = written::<T>()
                .enumerate()
                .map(|(i, c)| format!("{c} = ?{}", i + 1))
                .collect::<Vec<_>>()
                .join(", ");
            let n = written::<T>().count();
            let sql = format!(
                "UPDATE {} SET {sets}, version = version + 1 WHERE id = ?{} AND version = ?{}",
                T::TABLE,
                n + 1,
                n + 2
            );
            let mut vals = rec.values();
            vals.extend(rec.derived());
            vals.push(Value::Integer(rec.id()));
            vals.push(Value::Integer(rec.version()));
            let changed = self
                .conn()
                .prepare_cached(&sql)?
                .execute(rusqlite::params_from_iter(vals))
                .map_err(|e| self.explain_constraint::<T>(e, rec))?;
            if changed == 0 {
                return Err(self.conflict(T::TABLE, rec.id()));
            }
            rec.set_version(rec.version() + 1);
            audit::record(self, action, T::TABLE, rec.id(), Some(&before), Some(&*rec))?;
            Ok(())
        })
    }

    /// Deletes the row if it is still at `version`.
    pub fn delete<T: Record>(&self, id: Id, version: i64) -> Result<()> {
        self.write(|| {
            let before: T = self.get(id)?;
            if before.version() != version {
                return Err(self.conflict(T::TABLE, id));
            }
            let sql = format!("DELETE FROM {} WHERE id = ?1 AND version = ?2", T::TABLE);
            self.conn()
                .prepare_cached(&sql)?
                .execute(rusqlite::params![id, version])
                .map_err(|e| match StoreError::from(e) {
                    StoreError::Sql(m) if m.contains("FOREIGN KEY") => {
                        StoreError::Invalid(Invalid::one(
                            "id",
                            Problem::Rule {
                                rule: "still_referenced",
                            },
                        ))
                    }
                    e => e,
                })?;
            audit::record(self, "delete", T::TABLE, id, Some(&before), None::<&T>)?;
            Ok(())
        })
    }

    /// Who last changed a row, for a conflict message.
    fn conflict(&self, table: &'static str, id: Id) -> StoreError {
        let known_as = audit::known_as(self, table, id);
        match audit::last_change(self, table, id) {
            Ok(Some((by, at))) => StoreError::Conflict {
                table,
                id,
                known_as,
                by,
                at,
            },
            Ok(None) => StoreError::Conflict {
                table,
                id,
                known_as,
                by: "?".into(),
                at: "?".into(),
            },
            Err(e) => e,
        }
    }
}
