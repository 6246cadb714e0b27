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
    include_str!("migrations/006_calendar.sql"),
    include_str!("migrations/007_required_periods.sql"),
    include_str!("migrations/008_grievances.sql"),
    include_str!("migrations/009_reading_keys.sql"),
    include_str!("migrations/010_employment.sql"),
    include_str!("migrations/011_employment_terms.sql"),
    include_str!("migrations/012_leaves.sql"),
    include_str!("migrations/013_posts.sql"),
    include_str!("migrations/014_appointments.sql"),
    include_str!("migrations/015_reorganisations.sql"),
    include_str!("migrations/016_appointment_kinds.sql"),
    include_str!("migrations/017_exams.sql"),
];

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = STEPS.len() as i64;

fn migrations() -> Migrations<'static> {
    // Each step ends by checking every foreign key: steps run with the checks off, so that
    // one may rebuild a table others refer to.
    Migrations::new(
        STEPS
            .iter()
            .enumerate()
            .map(|(i, s)| match i + 1 {
                9 => M::up_with_hook(s, fill_reading_keys),
                _ => M::up(s),
            })
            .map(|m| m.foreign_key_check())
            .collect(),
    )
}

/// Step 9's keys for the people already kept: the fold is Rust's, not SQL's.
fn fill_reading_keys(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    let people: Vec<(i64, String, String)> = tx
        .prepare("SELECT id, family_kana, given_kana FROM staff")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut st = tx.prepare("UPDATE staff SET reading_key = ?1, given_key = ?2 WHERE id = ?3")?;
    for (id, family, given) in people {
        let (full, given) = crate::domain::reading::person_keys(&family, &given);
        st.execute(rusqlite::params![full, given, id])?;
    }
    Ok(())
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
    done?;
    if v == 0 {
        // A new file holds no posts: its staff rows have nothing to catch up with.
        db.posts_followed_from_the_start()?;
        db.leaves_followed_from_the_start()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    #[test]
    fn migrations_are_valid() {
        assert!(super::migrations().validate().is_ok());
    }

    fn one<T: rusqlite::types::FromSql>(c: &Connection, sql: &str) -> T {
        c.query_row(sql, [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// A ward kept by schema 5 (before 007): units with founding dates, required courses
    /// without periods, and compliance training dates kept on the records, one of them
    /// also an enrolment in the compliance course and one only on the record.
    fn ward_at_5() -> Connection {
        let mut c = Connection::open_in_memory().unwrap();
        c.pragma_update(None, "foreign_keys", "ON").unwrap();
        super::migrations().to_version(&mut c, 5).unwrap();
        c.execute_batch(
            "INSERT INTO units (id, code, name, parent_id, kind, valid_from)
                 VALUES (1, 'S1', '人事課', NULL, 'section', '2000-04-01'),
                        (2, 'T1', '人事係', 1, 'team', '2000-04-01');
             INSERT INTO staff (id, staff_no, family_name, given_name, family_kana, given_kana,
                 sex, birth_date, hire_date, unit_id, position, grade, job_type, track, status)
                 VALUES (1, 'A1', '山田', '太郎', 'ヤマダ', 'タロウ', 'M', '1980-04-01',
                         '2005-04-01', 2, 'clerk', 2, 'office', 'generalist', 'active'),
                        (2, 'A2', '鈴木', '花子', 'スズキ', 'ハナコ', 'F', '1985-04-01',
                         '2010-04-01', 2, 'senior', 3, 'office', 'generalist', 'active');
             INSERT INTO courses (id, code, title, category, hours, since)
                 VALUES (1, 'CMP01', 'コンプライアンス研修', 'compliance', 3, '2005-04-01'),
                        (2, 'RNK03', '主任昇任者研修', 'rank_based', 12, '2005-04-01'),
                        (3, 'OJT01', 'OJTトレーナー研修', 'ojt', 6, '2005-04-01');
             INSERT INTO course_requirements (course_id, position)
                 VALUES (1, 'clerk'), (1, 'senior'), (2, 'senior'), (3, 'senior');
             INSERT INTO training_sessions (id, course_id, fiscal_year, starts_on, ends_on, capacity)
                 VALUES (1, 1, 2025, '2025-06-01', '2025-10-31', 100);
             INSERT INTO enrolments (session_id, staff_id, state, hours, applied_on, completed_on)
                 VALUES (1, 1, 'completed', 3, '2025-05-01', '2025-07-01');
             INSERT INTO compliance_records (staff_id, fiscal_year, due_on, training_done_on,
                 self_check_done_on)
                 VALUES (1, 2025, '2025-10-31', '2025-07-01', NULL),
                        (2, 2025, '2025-10-31', '2025-08-15', '2025-08-20'),
                        (2, 2024, '2024-10-31', NULL, NULL);",
        )
        .unwrap();
        c
    }

    #[test]
    fn a_ward_at_schema_5_migrates_keeping_what_it_held() {
        let mut c = ward_at_5();
        c.pragma_update(None, "foreign_keys", "OFF").unwrap();
        super::migrations().to_latest(&mut c).unwrap();
        c.pragma_update(None, "foreign_keys", "ON").unwrap();
        assert_eq!(one::<i64>(&c, "PRAGMA user_version"), super::SCHEMA_VERSION);
        // Units: kept, and a founding date may now be unknown.
        assert_eq!(one::<i64>(&c, "SELECT count(*) FROM units"), 2);
        c.execute(
            "INSERT INTO units (code, name, parent_id, kind) VALUES ('T2', '給与係', 1, 'team')",
            [],
        )
        .unwrap();
        // Periods by category: compliance every year, a rank's course within 12 months,
        // anything else once.
        let periods: Vec<(String, String, Option<i64>)> = c
            .prepare(
                "SELECT c.code, q.period, q.months FROM course_requirements q
                 JOIN courses c ON c.id = q.course_id ORDER BY c.code, q.position",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let p = |c: &str, p: &str, m: Option<i64>| (c.to_string(), p.to_string(), m);
        assert_eq!(
            periods,
            [
                p("CMP01", "every_year", None),
                p("CMP01", "every_year", None),
                p("OJT01", "once", None),
                p("RNK03", "within_months", Some(12)),
            ]
        );
        // The training date kept only on A2's record is now an enrolment in the yearly
        // compliance course; A1's already was one, and is not doubled.
        let done: Vec<(String, String)> = c
            .prepare(
                "SELECT s.staff_no, e.completed_on FROM enrolments e
                 JOIN staff s ON s.id = e.staff_id JOIN training_sessions t ON t.id = e.session_id
                 WHERE e.state = 'completed' AND t.course_id = 1 AND t.fiscal_year = 2025
                 ORDER BY 1",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(
            done,
            [
                ("A1".to_string(), "2025-07-01".to_string()),
                ("A2".into(), "2025-08-15".into())
            ]
        );
        assert_eq!(
            one::<i64>(
                &c,
                "SELECT count(*) FROM pragma_table_info('compliance_records')
                 WHERE name = 'training_done_on'"
            ),
            0,
            "one place for the training"
        );
        assert_eq!(one::<i64>(&c, "SELECT count(*) FROM compliance_records"), 3);
        assert_eq!(
            one::<i64>(&c, "SELECT count(*) FROM pragma_foreign_key_check"),
            0
        );
        let note: String = one(&c, "SELECT after FROM audit_log WHERE action = 'migrate'");
        assert!(note.contains("\"compliance_training_kept\":1"), "{note}");
        // The people already kept get their folded readings (ヤマダタロウ → ヤマダタロ).
        let keys: String = one(
            &c,
            "SELECT group_concat(reading_key || '/' || given_key, ' ') FROM staff",
        );
        assert_eq!(keys, "ヤマダタロ/タロ スズキハナコ/ハナコ");
    }

    #[test]
    fn dates_kept_without_any_compliance_course_get_one() {
        let mut c = ward_at_5();
        c.execute_batch(
            "DELETE FROM enrolments; DELETE FROM training_sessions;
             DELETE FROM course_requirements WHERE course_id = 1; DELETE FROM courses WHERE id = 1;",
        )
        .unwrap();
        c.pragma_update(None, "foreign_keys", "OFF").unwrap();
        super::migrations().to_latest(&mut c).unwrap();
        let (code, positions): (String, i64) = c
            .query_row(
                "SELECT c.code, count(q.id) FROM courses c
                 JOIN course_requirements q ON q.course_id = c.id AND q.period = 'every_year'
                 WHERE c.category = 'compliance' GROUP BY c.id",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((code.as_str(), positions), ("CMPYEAR", 2));
        assert_eq!(
            one::<i64>(
                &c,
                "SELECT count(*) FROM enrolments WHERE state = 'completed'"
            ),
            2
        );
    }
}
