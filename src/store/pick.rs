//! What a form's pickers offer: sessions and courses found by what is typed, a page at a
//! time (a city runs thousands of sessions; a picker shows a screenful).

use std::collections::HashMap;

use super::machine::record::select_list;
use super::{Db, Record, Result};
use crate::domain::training::{Course, TrainingSession};
use crate::domain::{Date, Id};

/// `s` as a LIKE pattern's literal part: `%`, `_` and the escape itself escaped with `\`.
fn like_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A typed search split into the course it names (code or part of the title) and the
/// start it names (a day, or the start of one: `2026-06`); either may be empty.
fn course_and_day(text: &str) -> (String, String) {
    let mut course = Vec::new();
    let mut day = String::new();
    for word in text.split_whitespace() {
        if let Some(d) = Date::parse_any(word) {
            day = d.iso();
        } else if word.chars().all(|c| c.is_ascii_digit() || c == '-') && word.len() >= 4 {
            day = word.to_string();
        } else {
            course.push(word);
        }
    }
    (course.join(" "), day)
}

impl Db {
    /// Up to `limit` sessions whose course code starts with, or whose course title holds,
    /// what is typed, and whose start matches a typed day: the coming ones first (soonest
    /// first), then the past ones (latest first). Each with its course.
    pub fn sessions_to_pick(
        &self,
        text: &str,
        today: Date,
        limit: usize,
    ) -> Result<Vec<(TrainingSession, Course)>> {
        let (course, day) = course_and_day(text);
        let sql = format!(
            "SELECT {} FROM training_sessions t JOIN courses c ON c.id = t.course_id
              WHERE (?1 = '' OR c.code LIKE ?2 || '%' ESCAPE '\\'
                             OR c.title LIKE '%' || ?2 || '%' ESCAPE '\\')
                AND (?3 = '' OR t.starts_on LIKE ?4 || '%' ESCAPE '\\')
              ORDER BY t.starts_on < ?5,
                       CASE WHEN t.starts_on >= ?5 THEN t.starts_on END,
                       t.starts_on DESC, c.code
              LIMIT ?6",
            select_list::<TrainingSession>("t.")
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map(
            rusqlite::params![
                course,
                like_literal(&course),
                day,
                like_literal(&day),
                today.iso(),
                limit as i64
            ],
            TrainingSession::from_row,
        )?;
        let sessions: Vec<TrainingSession> = rows.collect::<rusqlite::Result<_>>()?;
        let mut courses: HashMap<Id, Course> = HashMap::new();
        let mut out = Vec::with_capacity(sessions.len());
        for s in sessions {
            let c = match courses.get(&s.course_id) {
                Some(c) => c.clone(),
                None => match self.find::<Course>(s.course_id)? {
                    Some(c) => {
                        courses.insert(c.id, c.clone());
                        c
                    }
                    None => continue,
                },
            };
            out.push((s, c));
        }
        Ok(out)
    }

    /// Up to `limit` courses whose code starts with, or whose title holds, what is typed:
    /// those still offered on `today` first, each group in code order.
    pub fn courses_to_pick(&self, text: &str, today: Date, limit: usize) -> Result<Vec<Course>> {
        let text = text.trim();
        let sql = format!(
            "SELECT {} FROM courses
              WHERE ?1 = '' OR code LIKE ?2 || '%' ESCAPE '\\' OR title LIKE '%' || ?2 || '%' ESCAPE '\\'
              ORDER BY coalesce(until < ?3, 0), code
              LIMIT ?4",
            select_list::<Course>("")
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map(
            rusqlite::params![text, like_literal(text), today.iso(), limit as i64],
            Course::from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_the_course_from_the_day() {
        assert_eq!(
            course_and_day("CMP01 2026-06-01"),
            ("CMP01".into(), "2026-06-01".into())
        );
        assert_eq!(
            course_and_day("情報 2026-06"),
            ("情報".into(), "2026-06".into())
        );
        assert_eq!(course_and_day("語学"), ("語学".into(), String::new()));
        assert_eq!(like_literal("50%_a\\"), "50\\%\\_a\\\\");
    }
}
