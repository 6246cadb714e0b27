//! Schema migrations (rusqlite_migration, tracked in `user_version`). A database newer
//! than this program is refused; an older one is backed up before it is migrated.

use rusqlite_migration::{M, Migrations};

use super::{Db, Result, StoreError};

const STEPS: &[&str] = &[
    include_str!("migrations/001_init.sql"),
    include_str!("migrations/002_pdca_plan_notes.sql"),
    include_str!("migrations/003_transfer_plans.sql"),
    include_str!("migrations/004_search.sql"),
    include_str!("migrations/005_list_order.sql"),
    include_str!("migrations/007_required_periods.sql"),
];

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = STEPS.len() as i64;

fn migrations() -> Migrations<'static> {
    // Each step ends by checking every foreign key: steps run with the checks off, so that
    // one may rebuild a table others refer to.
    Migrations::new(STEPS.iter().map(|s| M::up(s).foreign_key_check()).collect())
}

pub(crate) fn user_version(db: &Db) -> Result<i64> {
    Ok(db
        .conn()
        .query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuses a database from a newer jinji, or a SQLite file that is not ours.
pub(crate) fn ensure_known(db: &Db) -> Result<()> {
    let v = user_version(db)?;
    if v > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: db.path().into(),
            found: v,
            known: SCHEMA_VERSION,
        });
    }
    let tables: i64 = db.conn().query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
        [],
        |r| r.get(0),
    )?;
    // A new file has nothing yet; one of ours has its tables. A SQLite file of another
    // program has tables and a version (any version) but not ours.
    let ours: i64 = db.conn().query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'
         AND name IN ('staff', 'units', 'accounts', 'audit_log')",
        [],
        |r| r.get(0),
    )?;
    if (v == 0 && tables > 0) || (v > 0 && ours < 4) {
        return Err(StoreError::NotADatabase {
            path: db.path().into(),
        });
    }
    Ok(())
}

pub(crate) fn run(db: &mut Db) -> Result<()> {
    ensure_known(db)?;
    let v = user_version(db)?;
    if v == SCHEMA_VERSION {
        return Ok(());
    }
    if v > 0 && db.path().to_str() != Some(":memory:") {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
        let mut name = db.path().as_os_str().to_owned();
        name.push(format!(".schema{v}-{stamp}.bak"));
        db.backup_to(std::path::Path::new(&name))?;
    }
    // A table is rebuilt by copying it and dropping the old one, which the checks would
    // refuse while other tables refer to it; they are switched off (outside the
    // transaction, where SQLite honours it) and each step checks them before it commits.
    db.conn.pragma_update(None, "foreign_keys", "OFF")?;
    let done = migrations()
        .to_latest(&mut db.conn)
        .map_err(|e| StoreError::Sql(format!("migration failed: {e}")));
    db.conn.pragma_update(None, "foreign_keys", "ON")?;
    done
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        assert!(super::migrations().validate().is_ok());
    }
}
