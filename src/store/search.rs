//! Finding people: by staff-number prefix, by reading (kana prefix of the full name or the
//! given name), or by part of the name in kanji.

use super::record::select_list;
use super::{Db, Record, Result};
use crate::domain::staff::Staff;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Needle {
    /// ASCII digits: a staff-number prefix.
    Number(String),
    /// Full-width katakana without spaces: a prefix of the reading.
    Kana(String),
    /// Part of the name as written (kanji).
    Name(String),
}

/// The smallest string greater than every string starting with `p`: `p` with its last
/// character moved one code point on (a prefix as an index range `>= p AND < next`).
fn past_prefix(p: &str) -> String {
    let mut chars: Vec<char> = p.chars().collect();
    while let Some(last) = chars.pop() {
        if let Some(next) = char::from_u32(last as u32 + 1) {
            chars.push(next);
            return chars.into_iter().collect();
        }
    }
    String::from("\u{10ffff}")
}

impl Db {
    /// Runs `f`, which inserts many people, with the search index filled once after it
    /// rather than a row at a time by its trigger: FTS5 writes a segment for each
    /// statement that touches it and merges them (seconds of a city's seed).
    pub(crate) fn staff_in_bulk<R>(&self, f: impl FnOnce() -> Result<R>) -> Result<R> {
        self.write(|| {
            let c = self.conn();
            let trigger: String = c.query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'staff_names_insert'",
                [],
                |r| r.get(0),
            )?;
            let last: i64 =
                c.query_row("SELECT coalesce(max(id), 0) FROM staff", [], |r| r.get(0))?;
            c.execute_batch("DROP TRIGGER staff_names_insert")?;
            let r = f()?;
            c.execute(
                "INSERT INTO staff_names(rowid, name) \
                 SELECT id, family_name || given_name FROM staff WHERE id > ?1",
                [last],
            )?;
            c.execute_batch(&trigger)?;
            Ok(r)
        })
    }

    /// People matching the needle, serving staff first, then by staff number. Each way
    /// of searching goes through an index (the query plans are tested): a staff number
    /// or a reading by prefix; a name by prefix of the family or given name when it is
    /// one or two characters, by any part of it (FTS5 trigram) from three.
    pub fn search_staff(&self, needle: &Needle, limit: usize) -> Result<Vec<Staff>> {
        let (sql, a, b) = search_query(needle);
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params![a, b, limit as i64], Staff::from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How SQLite runs a search (`EXPLAIN QUERY PLAN`), one line per step: tests hold
    /// every kind of search to its index.
    pub fn search_plan(&self, needle: &Needle) -> Result<Vec<String>> {
        let (sql, a, b) = search_query(needle);
        self.query_plan(&sql, rusqlite::params![a, b, 20])
    }

    /// `EXPLAIN QUERY PLAN` of a statement: the detail of each step.
    pub(crate) fn query_plan(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<String>> {
        let mut st = self.conn().prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let rows = st.query_map(params, |r| r.get::<_, String>(3))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The statement of a search and its two arguments (the third is the limit). The people
/// are chosen from the indexes alone (each branch of a UNION ALL reads one index, which
/// holds the order too) and only the chosen ones are read whole. Someone found by both
/// branches comes twice: twice the limit is chosen, so the first `limit` different
/// people are among them (sorting out the twins costs more than choosing twice as many).
fn search_query(needle: &Needle) -> (String, String, String) {
    let range = |col: &str| {
        format!("SELECT id, status, staff_no FROM staff WHERE {col} >= ?1 AND {col} < ?2")
    };
    let (chosen, a, b) = match needle {
        Needle::Number(n) => (range("staff_no"), n.clone(), past_prefix(n)),
        Needle::Kana(k) => (
            format!(
                "{} UNION ALL {}",
                range("(family_kana || given_kana)"),
                range("given_kana")
            ),
            k.clone(),
            past_prefix(k),
        ),
        Needle::Name(n) if n.chars().count() < 3 => (
            format!("{} UNION ALL {}", range("family_name"), range("given_name")),
            n.clone(),
            past_prefix(n),
        ),
        // A phrase in double quotes matches the characters as typed, in order.
        Needle::Name(n) => (
            "SELECT id, status, staff_no FROM staff
             WHERE id IN (SELECT rowid FROM staff_names WHERE staff_names MATCH ?1)"
                .to_string(),
            format!("\"{}\"", n.replace('"', "\"\"")),
            String::new(),
        ),
    };
    let sql = format!(
        "SELECT {} FROM staff WHERE id IN (
             SELECT id FROM ({chosen}) ORDER BY status = 'retired', staff_no LIMIT 2 * ?3)
         ORDER BY status = 'retired', staff_no LIMIT ?3",
        select_list::<Staff>("")
    );
    (sql, a, b)
}
