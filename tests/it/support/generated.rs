//! Fixtures for the demo generator's tests: a few generated wards, each built once per
//! test binary, held both as a `Db` (for the store's API) and as a plain in-memory SQLite
//! copy (for free SQL over every table).

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, OnceLock};

use jinji::demo::{self, Params};
use jinji::domain::Date;
use jinji::store::Db;
use rusqlite::{Connection, Row};

pub use super::{d, today};

pub struct Fixture {
    pub name: &'static str,
    pub params: Params,
    pub db: Mutex<Db>,
    pub sql: Mutex<Connection>,
}

impl Fixture {
    pub fn build(name: &'static str, params: Params) -> Fixture {
        let db = Db::open_in_memory().expect("open in memory");
        demo::generate(&db, &params).expect("generate");
        // A plain rusqlite copy, through a temp file that is gone as soon as it is read.
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("copy.db");
        db.backup_to(&path).expect("backup");
        let mut conn = Connection::open_in_memory().expect("sqlite");
        conn.restore("main", &path, None::<fn(rusqlite::backup::Progress)>)
            .expect("restore");
        Fixture {
            name,
            params,
            db: Mutex::new(db),
            sql: Mutex::new(conn),
        }
    }

    pub fn today(&self) -> Date {
        self.params.today
    }

    pub fn cur_fy(&self) -> i32 {
        self.params.today.fiscal_year()
    }

    /// The fiscal years of history, oldest first, the current one included.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        (self.cur_fy() - self.params.years + 1)..=self.cur_fy()
    }

    pub fn conn(&self) -> MutexGuard<'_, Connection> {
        self.sql.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn db(&self) -> MutexGuard<'_, Db> {
        self.db.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Rows of a query, each mapped by `f`.
    pub fn rows<T>(&self, sql: &str, f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>) -> Vec<T> {
        let c = self.conn();
        let mut st = c.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
        st.query_map([], f)
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
            .collect::<rusqlite::Result<Vec<T>>>()
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// A single integer (a count).
    pub fn int(&self, sql: &str) -> i64 {
        self.conn()
            .query_row(sql, [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    pub fn staff(&self) -> Vec<StaffRow> {
        self.rows(
            "SELECT id, staff_no, family_name, given_name, family_kana, given_kana,
                    birth_date, hire_date, unit_id, position, status, retire_date,
                    employment_kind, retirement_date
             FROM staff ORDER BY id",
            |r| {
                Ok(StaffRow {
                    id: r.get(0)?,
                    staff_no: r.get(1)?,
                    family_name: r.get(2)?,
                    given_name: r.get(3)?,
                    family_kana: r.get(4)?,
                    given_kana: r.get(5)?,
                    birth: date(&r.get::<_, String>(6)?),
                    hire: date(&r.get::<_, String>(7)?),
                    unit_id: r.get(8)?,
                    position: r.get(9)?,
                    status: r.get(10)?,
                    retire: r.get::<_, Option<String>>(11)?.map(|s| date(&s)),
                    kind: r.get(12)?,
                    retirement: r.get::<_, Option<String>>(13)?.map(|s| date(&s)),
                })
            },
        )
    }

    pub fn staff_by_id(&self) -> HashMap<i64, StaffRow> {
        self.staff().into_iter().map(|s| (s.id, s)).collect()
    }

    pub fn units(&self) -> HashMap<i64, UnitRow> {
        self.rows("SELECT id, code, name, kind, parent_id FROM units", |r| {
            Ok(UnitRow {
                id: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                kind: r.get(3)?,
                parent: r.get(4)?,
            })
        })
        .into_iter()
        .map(|u| (u.id, u))
        .collect()
    }

    /// Every person's assignments, in order of start.
    pub fn assignments(&self) -> HashMap<i64, Vec<AssignmentRow>> {
        let mut m: HashMap<i64, Vec<AssignmentRow>> = HashMap::new();
        for a in self.rows(
            "SELECT staff_id, unit_id, position, start_date, end_date, reason
             FROM assignments WHERE kind = 'main' ORDER BY staff_id, start_date, id",
            |r| {
                Ok(AssignmentRow {
                    staff_id: r.get(0)?,
                    unit_id: r.get(1)?,
                    position: r.get(2)?,
                    start: date(&r.get::<_, String>(3)?),
                    end: r.get::<_, Option<String>>(4)?.map(|s| date(&s)),
                    reason: r.get(5)?,
                })
            },
        ) {
            m.entry(a.staff_id).or_default().push(a);
        }
        m
    }
}

#[derive(Debug, Clone)]
pub struct StaffRow {
    pub id: i64,
    pub staff_no: String,
    pub family_name: String,
    pub given_name: String,
    pub family_kana: String,
    pub given_kana: String,
    pub birth: Date,
    pub hire: Date,
    pub unit_id: i64,
    pub position: String,
    pub status: String,
    pub retire: Option<Date>,
    /// 任用形態, and the 定年退職日 of the kinds that have one.
    pub kind: String,
    pub retirement: Option<Date>,
}

impl StaffRow {
    pub fn retired(&self) -> bool {
        self.status == "retired"
    }
    /// In service at some time in fiscal year `fy` (the generator's `active_in`).
    pub fn active_in(&self, fy: i32) -> bool {
        self.hire <= fy_end(fy) && self.retire.is_none_or(|r| r >= fy_start(fy))
    }
    /// In service on day `on`.
    pub fn serving_on(&self, on: Date) -> bool {
        self.hire <= on && self.retire.is_none_or(|r| r >= on)
    }
}

#[derive(Debug, Clone)]
pub struct UnitRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub parent: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct AssignmentRow {
    pub staff_id: i64,
    pub unit_id: i64,
    pub position: String,
    pub start: Date,
    pub end: Option<Date>,
    pub reason: String,
}

/// The assignment held on day `on`, if any.
pub fn post_on(posts: &[AssignmentRow], on: Date) -> Option<&AssignmentRow> {
    posts
        .iter()
        .find(|a| a.start <= on && a.end.is_none_or(|e| e >= on))
}

pub fn date(s: &str) -> Date {
    s.parse()
        .unwrap_or_else(|e| panic!("not an ISO date: {s:?} ({e:?})"))
}

pub fn opt_date(s: Option<String>) -> Option<Date> {
    s.map(|s| date(&s))
}

pub fn fy_start(fy: i32) -> Date {
    d(fy, 4, 1)
}

pub fn fy_end(fy: i32) -> Date {
    d(fy + 1, 3, 31)
}

/// 0 is the most senior (部長), 5 the rank and file; the domain's `Position::rank`.
pub fn rank(position: &str) -> u8 {
    jinji::domain::staff::Position::from_code(position)
        .unwrap_or_else(|| panic!("unknown position {position:?}"))
        .rank()
}

/// Fails with the first few offenders and their count.
#[track_caller]
pub fn assert_none<T: std::fmt::Debug>(what: &str, bad: &[T]) {
    assert!(
        bad.is_empty(),
        "{what}: {} offenders, e.g. {:#?}",
        bad.len(),
        &bad[..bad.len().min(5)]
    );
}

fn once(
    cell: &'static OnceLock<Fixture>,
    name: &'static str,
    p: fn() -> Params,
) -> &'static Fixture {
    cell.get_or_init(|| Fixture::build(name, p()))
}

/// The default demo: 300 staff, 5 years, seed 2025, today 2026-11-24.
pub fn default_demo() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    once(&F, "default", || Params::demo(today()))
}

/// A small ward in another month: 40 staff, 3 years, today 2025-06-15.
pub fn small() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    once(&F, "small", || Params {
        staff: 40,
        years: 3,
        seed: 7,
        today: d(2025, 6, 15),
    })
}

/// A large ward: 1200 staff, 3 years, today 2026-11-24.
pub fn large() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    once(&F, "large", || Params {
        staff: 1200,
        years: 3,
        seed: 11,
        today: today(),
    })
}

/// A city of several wards (the generator makes wards of 1,500 above 600 staff): 3,200
/// staff, 2 years, today the last day of a fiscal year.
pub fn city() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    once(&F, "city", || Params {
        staff: 3200,
        years: 2,
        seed: 3,
        today: d(2027, 3, 31),
    })
}

/// The runs most rules are checked on.
pub fn all() -> [&'static Fixture; 4] {
    [default_demo(), small(), large(), city()]
}
