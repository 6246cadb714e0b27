//! Finding people: by staff-number prefix, by reading (kana prefix of the full name or the
//! given name), or by part of the name in kanji.

use super::machine::record::select_list;
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

    /// People matching the needle: by staff number for a number; for a reading or a name,
    /// serving staff before retired and within each by what matched in its index's order
    /// (the reading in 五十音順, the name), the full reading or family name before the
    /// given name.
    /// Each way of searching goes through an index (the query plans are tested): a staff
    /// number or a reading by prefix; a name by prefix of the family or given name when it
    /// is one or two characters, by any part of it (FTS5 trigram) from three. A prefix
    /// search reads its index in order and stops at the limit: "ヤ" in a city matches
    /// 8,000 people, of whom the first fifty are read.
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

/// The statement of a search and its two arguments (the third is the limit). A prefix
/// search is a UNION ALL of branches, serving then retired people for each indexed
/// column, each read in its index's order (the column, status, staff number) up to the
/// limit; the few people chosen are then put in that order and read. Three characters of a name or
/// more are found through the trigram index (few people) and sorted.
fn search_query(needle: &Needle) -> (String, String, String) {
    let cols = select_list::<Staff>("s.");
    // Serving people before retired ones, for names; a staff number is one person, shown
    // by number whoever they are (and the number's index holds no status to split by).
    const SPLIT: &[(u8, &str)] = &[(0, "status <> 'retired'"), (1, "status = 'retired'")];
    const WHOLE: &[(u8, &str)] = &[(0, "1")];
    let prefix = |columns: &[&str], statuses: &[(u8, &str)]| {
        // Chosen from the indexes alone (each holds its column, status and staff number);
        // only the chosen are read whole.
        let mut branches = Vec::new();
        for &(retired, status) in statuses {
            for (branch, col) in columns.iter().enumerate() {
                branches.push(format!(
                    "SELECT * FROM (SELECT id, {retired} AS retired, {branch} AS branch, \
                     {col} AS matched, status, staff_no FROM staff \
                     WHERE {col} >= ?1 AND {col} < ?2 AND {status} \
                     ORDER BY {col}, status, staff_no LIMIT ?3)"
                ));
            }
        }
        // Someone found by two branches keeps the first (SQLite takes `matched` from the
        // row that holds the minimum).
        format!(
            "SELECT {cols} FROM (
                 SELECT id, retired, min(branch) AS branch, matched, status, staff_no
                 FROM ({}) GROUP BY id
                 ORDER BY retired, branch, matched, status, staff_no LIMIT ?3) c
             JOIN staff s ON s.id = c.id
             ORDER BY c.retired, c.branch, c.matched, c.status, c.staff_no",
            branches.join(" UNION ALL ")
        )
    };
    match needle {
        Needle::Number(n) => (prefix(&["staff_no"], WHOLE), n.clone(), past_prefix(n)),
        Needle::Kana(k) => (
            prefix(&["(family_kana || given_kana)", "given_kana"], SPLIT),
            k.clone(),
            past_prefix(k),
        ),
        Needle::Name(n) if n.chars().count() < 3 => (
            prefix(&["family_name", "given_name"], SPLIT),
            n.clone(),
            past_prefix(n),
        ),
        // A phrase in double quotes matches the characters as typed, in order.
        Needle::Name(n) => (
            format!(
                "SELECT {cols} FROM staff s
                 WHERE s.id IN (SELECT rowid FROM staff_names WHERE staff_names MATCH ?1)
                 ORDER BY s.status = 'retired', s.family_kana || s.given_kana, s.staff_no
                 LIMIT ?3"
            ),
            format!("\"{}\"", n.replace('"', "\"\"")),
            String::new(),
        ),
    }
}
