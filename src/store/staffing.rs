//! 定数 and 現員: a unit's posts per fiscal year and class (`unit_posts`), and the people
//! who fill them as of a day, aggregated in SQL down the assignments' unit index.
//!
//! 現員 counts main posts (本務) only, unless the ward's rule says a 兼務 counts in its
//! second unit too. Wards usually count only 本務 because 定数 is the headcount the
//! 職員定数条例 and the budget pay for: a person fills one post, the one they are
//! appointed to. 兼務, 事務取扱 and 事務代理 add duties to someone already counted, with
//! no second salary and no second body; counting them again would count one person twice
//! and hide a real 欠員 behind someone who is mostly elsewhere.

use super::machine::list::id_list;
use super::machine::record::record;
use super::settings::keys::CONCURRENT_COUNTS;
use super::{Db, Result};
use crate::domain::assignment::Assignment;
use crate::domain::post::{PostClass, UnitPost, vacancies};
use crate::domain::unit::Unit;
use crate::domain::{Date, Id, Invalid, Problem};

record!(
    UnitPost,
    "unit_posts",
    [unit_id, fiscal_year, class, count],
    {
        fn check_stored(&self, db: &Db) -> Result<()> {
            // One 定数 per unit, year and class: a second is an edit of the first.
            let other: Option<Id> = db
                .conn()
                .prepare_cached(
                    "SELECT id FROM unit_posts WHERE unit_id = ?1 AND fiscal_year = ?2
                     AND class = ?3 AND id <> ?4",
                )?
                .query_map(
                    rusqlite::params![self.unit_id, self.fiscal_year, self.class.code(), self.id],
                    |r| r.get(0),
                )?
                .next()
                .transpose()?;
            if other.is_some() {
                return Err(Invalid::one("class", Problem::Duplicate).into());
            }
            Ok(())
        }
    }
);

/// One unit's 定数 and 現員 of one class on a day.
#[derive(Debug, Clone, PartialEq)]
pub struct PostCount {
    pub unit_id: Id,
    pub class: PostClass,
    /// 定数 (0 where none is set).
    pub posts: i64,
    /// 現員.
    pub present: i64,
    /// 欠員.
    pub vacant: i64,
    /// 過員.
    pub over: i64,
}

/// SQL condition: the post `f` (a row of the `post_fills` view, which gives each post
/// its class and whether it counts) is counted in 現員 on the day `$day` (an SQL
/// expression, as a literal); people retired by then are not. A literal, so that an
/// export kind's query can hold it (`concat!`).
macro_rules! counted_on {
    ($day:literal) => {
        concat!(
            "f.counted AND f.start_date <= ",
            $day,
            " AND (f.end_date IS NULL OR f.end_date >= ",
            $day,
            ") AND NOT (f.status = 'retired' AND (f.retire_date IS NULL OR f.retire_date < ",
            $day,
            "))"
        )
    };
}
pub(super) use counted_on;

/// [`counted_on`] on `day` (an SQL expression).
pub(super) fn counted_sql(day: &str) -> String {
    counted_on!(":day").replace(":day", day)
}

/// SQL: 現員 on `day` of every unit and class at once (`unit_id`, `class`, `present`),
/// one pass down the roster and each person's posts, and one GROUP BY: what a whole list
/// sorted by 現員 joins (on the city, 100,000 staff, about 0.4 s, where a count for each
/// of its 15,000 rows took 1.5 s).
pub(super) fn fills_sql(day: &str) -> String {
    format!(
        "SELECT f.unit_id, f.class, count(*) AS present FROM post_fills f
          WHERE {} GROUP BY f.unit_id, f.class",
        counted_sql(day)
    )
}

/// SQL: 現員 on `day` of the unit and class in the columns `unit` and `class`, down the
/// posts' unit index: what a window of rows counts for itself (a page of the city in a
/// few milliseconds, where the aggregate of every unit took 0.2–0.4 s for each).
pub(super) fn present_sql(unit: &str, class: &str, day: &str) -> String {
    format!(
        "(SELECT count(*) FROM post_fills f WHERE f.unit_id = {unit} AND f.class = {class}
            AND {})",
        counted_sql(day)
    )
}

/// The day the 定数・現員 view counts on: `today` in its own fiscal year, else the first
/// day (1 April) of the year in view.
pub fn day_in_view(today: Date, fy: i32) -> Date {
    if today.fiscal_year() == fy {
        today
    } else {
        crate::domain::date::fiscal_year_start(fy)
    }
}

impl Db {
    /// Whether a 兼務 counts in 現員 of its second unit (the ward's rule).
    pub fn concurrent_counts(&self) -> Result<bool> {
        Ok(self.rule_value(CONCURRENT_COUNTS)? == 1)
    }

    /// 定数 (of `day`'s fiscal year) and 現員 on `day` per unit and class, of `units` (all
    /// when `None`): every pair with a 定数 or a person, ordered by unit and class.
    pub fn posts_as_of(&self, day: Date, units: Option<&[Id]>) -> Result<Vec<PostCount>> {
        let only = |col: &str| match units {
            Some(u) => format!("AND {col} IN ({})", id_list(u)),
            None => String::new(),
        };
        let sql = format!(
            "SELECT unit_id, class, sum(p), sum(c) FROM (
               SELECT unit_id, class, count AS p, 0 AS c FROM unit_posts
                WHERE fiscal_year = ?2 {}
               UNION ALL
               SELECT f.unit_id, f.class, 0, 1 FROM post_fills f WHERE {} {})
             GROUP BY unit_id, class",
            only("unit_id"),
            counted_sql("?1"),
            only("f.unit_id"),
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map(rusqlite::params![day.iso(), day.fiscal_year()], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (unit_id, class, posts, present) = row?;
            let Some(class) = PostClass::from_code(&class) else {
                continue;
            };
            let (vacant, over) = vacancies(posts, present);
            out.push(PostCount {
                unit_id,
                class,
                posts,
                present,
                vacant,
                over,
            });
        }
        // Classes in their own order (部長級 first), not by code.
        out.sort_by_key(|c| (c.unit_id, c.class));
        Ok(out)
    }

    /// A unit's 定数 of one class in a fiscal year, if set.
    pub fn unit_post(&self, unit: Id, fy: i32, class: PostClass) -> Result<Option<UnitPost>> {
        Ok(self
            .all::<UnitPost>(
                vec![
                    super::Filter::eq("unit_id", unit),
                    super::Filter::eq("fiscal_year", fy as i64),
                    super::Filter::eq("class", class.code()),
                ],
                "id",
            )?
            .pop())
    }

    /// The posts a person holds beside their main one on `day` (兼務・事務取扱・事務代理),
    /// each with its unit, in order of start.
    pub fn posts_beside(&self, staff_id: Id, day: Date) -> Result<Vec<(Assignment, Unit)>> {
        let mut out = Vec::new();
        for a in self.assignments_of(staff_id)? {
            let held = a.start_date <= day && a.end_date.is_none_or(|e| e >= day);
            if a.kind.is_main() || !held {
                continue;
            }
            if let Some(u) = self.find::<Unit>(a.unit_id)? {
                out.push((a, u));
            }
        }
        Ok(out)
    }
}
