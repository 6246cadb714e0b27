//! One person's career on one page: posts held, evaluation grades, challenge themes,
//! training hours and awards, year by year.

use super::{Db, Result};
use crate::domain::disclosure::Reader;
use crate::domain::{Date, FiscalYear, Id};

/// A post held: unit, position code, from, to (open while current), reason code.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    pub unit: String,
    pub position: String,
    pub from: Date,
    pub to: Option<Date>,
    pub reason: String,
}

/// A year's evaluation: kind code, final grade (else the latest rating), state code.
#[derive(Debug, Clone, PartialEq)]
pub struct YearGrade {
    pub fiscal_year: FiscalYear,
    pub kind: String,
    pub grade: Option<String>,
    pub state: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeLine {
    pub fiscal_year: FiscalYear,
    pub title: String,
    pub weight: i64,
    pub achievement: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AwardLine {
    pub fiscal_year: FiscalYear,
    pub kind: String,
    pub title: String,
    pub state: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct CareerPage {
    pub posts: Vec<Post>,
    pub grades: Vec<YearGrade>,
    pub themes: Vec<ThemeLine>,
    /// Completed training hours per fiscal year.
    pub hours: Vec<(FiscalYear, f64)>,
    pub awards: Vec<AwardLine>,
}

fn date(s: Option<String>) -> Option<Date> {
    s.and_then(|s| s.parse().ok())
}

impl Db {
    /// Everything of one person's career, newest first in each part; grades and the
    /// evaluator's achievement as far as `reader` may see them.
    pub fn career_page(&self, staff_id: Id, reader: Reader) -> Result<CareerPage> {
        let seen = |sql: &str| super::disclosure::bind(sql, reader);
        let c = self.conn();
        let mut page = CareerPage::default();
        // Each post under the name its unit had when it began.
        let mut st = c.prepare_cached(concat!(
            "SELECT ",
            super::units::name_on!("a.unit_id", "a.start_date", "u.name"),
            ", a.position, a.start_date, a.end_date, a.reason FROM assignments a
             JOIN units u ON u.id = a.unit_id WHERE a.staff_id = ?1 ORDER BY a.start_date DESC"
        ))?;
        for r in st.query_map([staff_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })? {
            let (unit, position, from, to, reason): (
                String,
                String,
                String,
                Option<String>,
                String,
            ) = r?;
            if let Some(from) = date(Some(from)) {
                page.posts.push(Post {
                    unit,
                    position,
                    from,
                    to: date(to),
                    reason,
                });
            }
        }
        let mut st = c.prepare_cached(&seen(
            "SELECT p.fiscal_year, p.kind, {grade:e}, e.state
             FROM evaluations e JOIN eval_periods p ON p.id = e.period_id
             WHERE e.staff_id = ?1 ORDER BY p.fiscal_year DESC, p.kind",
        ))?;
        for r in st.query_map([staff_id], |r| {
            Ok(YearGrade {
                fiscal_year: r.get(0)?,
                kind: r.get(1)?,
                grade: r.get(2)?,
                state: r.get(3)?,
            })
        })? {
            page.grades.push(r?);
        }
        let mut st = c.prepare_cached(&seen(
            "SELECT t.fiscal_year, t.title, t.weight, CASE WHEN {theme_seen:t} THEN t.achievement END
             FROM themes t WHERE t.staff_id = ?1 ORDER BY t.fiscal_year DESC, t.id",
        ))?;
        for r in st.query_map([staff_id], |r| {
            Ok(ThemeLine {
                fiscal_year: r.get(0)?,
                title: r.get(1)?,
                weight: r.get(2)?,
                achievement: r.get(3)?,
            })
        })? {
            page.themes.push(r?);
        }
        let mut st = c.prepare_cached(
            "SELECT t.fiscal_year, sum(e.hours) FROM enrolments e
             JOIN training_sessions t ON t.id = e.session_id
             WHERE e.staff_id = ?1 AND e.state = 'completed'
             GROUP BY t.fiscal_year ORDER BY t.fiscal_year DESC",
        )?;
        for r in st.query_map([staff_id], |r| Ok((r.get(0)?, r.get(1)?)))? {
            page.hours.push(r?);
        }
        let mut st = c.prepare_cached(
            "SELECT a.fiscal_year, a.kind, a.title, a.state FROM awards a
             JOIN award_recipients r ON r.award_id = a.id WHERE r.staff_id = ?1
             ORDER BY a.fiscal_year DESC, a.id DESC",
        )?;
        for r in st.query_map([staff_id], |r| {
            Ok(AwardLine {
                fiscal_year: r.get(0)?,
                kind: r.get(1)?,
                title: r.get(2)?,
                state: r.get(3)?,
            })
        })? {
            page.awards.push(r?);
        }
        Ok(page)
    }
}
