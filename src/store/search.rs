//! Finding people: by staff-number prefix, by reading (kana prefix of the full name or the
//! given name, exact or folded), or by part of the name in kanji.

use std::collections::HashMap;

use rusqlite::types::Value;

use super::machine::record::select_list;
use super::{Db, Record, Result};
use crate::domain::Id;
use crate::domain::reading::fold;
use crate::domain::staff::Staff;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Needle {
    /// ASCII digits: a staff-number prefix.
    Number(String),
    /// A prefix of the reading: the full-width katakana it may be exactly (one, or a few
    /// where romaji cannot tell: ōno is オウノ or オオノ), found first, and their folded key
    /// (`domain::reading::fold`), which finds every reading spelled alike (ono: オノ, オオノ).
    Kana { exact: Vec<String>, folded: String },
    /// Part of the name as written (kanji).
    Name(String),
}

impl Needle {
    /// A reading that may be any of `exact` (katakana, at least one).
    pub fn kana(exact: Vec<String>) -> Needle {
        let folded = exact.first().map(|k| fold(k)).unwrap_or_default();
        Needle::Kana { exact, folded }
    }
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
    /// given name; a reading found as typed before one found only through its folded key.
    /// Each way of searching goes through an index (the query plans are tested): a staff
    /// number or a reading by prefix; a name by prefix of the family or given name when it
    /// is one or two characters, by any part of it (FTS5 trigram) from three. A prefix
    /// search reads its index in order and stops at the limit: "ヤ" in a city matches
    /// 8,000 people, of whom the first fifty are read.
    pub fn search_staff(&self, needle: &Needle, limit: usize) -> Result<Vec<Staff>> {
        let (sql, params) = search_query(needle, limit);
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(params), Staff::from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How SQLite runs a search (`EXPLAIN QUERY PLAN`), one line per step: tests hold
    /// every kind of search to its index.
    pub fn search_plan(&self, needle: &Needle) -> Result<Vec<String>> {
        let (sql, params) = search_query(needle, 20);
        self.query_plan(&sql, rusqlite::params_from_iter(params))
    }

    /// The names of these units, in one read (the people a search found, each shown with
    /// their unit).
    pub fn unit_names(&self, ids: &[Id]) -> Result<HashMap<Id, String>> {
        let sql = format!(
            "SELECT id, name FROM units WHERE id IN ({})",
            super::machine::list::id_list(ids)
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
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

/// The statement of a search and its arguments (`?1` the limit). A prefix search is a
/// UNION ALL of branches, serving then retired people for each indexed column, each read in
/// its index's order (the column, status, staff number) up to the limit; the few people
/// chosen are then put in order and read. A reading's branches come in tiers: the exact
/// kana in the full reading, then in the given name, then the folded key in each, so that
/// `ota` lists オタ before オオタ. Three characters of a name or more are found through the
/// trigram index (few people) and sorted.
fn search_query(needle: &Needle, limit: usize) -> (String, Vec<Value>) {
    let cols = select_list::<Staff>("s.");
    // Serving people before retired ones, for names; a staff number is one person, shown
    // by number whoever they are (and the number's index holds no status to split by).
    const SPLIT: &[(u8, &str)] = &[(0, "status <> 'retired'"), (1, "status = 'retired'")];
    const WHOLE: &[(u8, &str)] = &[(0, "1")];
    let mut params: Vec<Value> = vec![Value::Integer(limit as i64)];
    // Each branch: its tier, its column and the bounds of its prefix (`>= ?lo AND < ?lo+1`).
    let mut branches: Vec<(u8, &str, usize)> = Vec::new();
    let mut branch = |tier: u8, col: &'static str, prefix: &str| {
        params.push(Value::Text(prefix.to_string()));
        params.push(Value::Text(past_prefix(prefix)));
        branches.push((tier, col, params.len() - 1));
    };
    let statuses = match needle {
        Needle::Number(n) => {
            branch(0, "staff_no", n);
            WHOLE
        }
        Needle::Kana { exact, folded } => {
            for k in exact {
                branch(0, "(family_kana || given_kana)", k);
                branch(1, "given_kana", k);
            }
            branch(2, "reading_key", folded);
            branch(3, "given_key", folded);
            SPLIT
        }
        Needle::Name(n) if n.chars().count() < 3 => {
            branch(0, "family_name", n);
            branch(1, "given_name", n);
            SPLIT
        }
        // A phrase in double quotes matches the characters as typed, in order.
        Needle::Name(n) => {
            params.push(Value::Text(format!("\"{}\"", n.replace('"', "\"\""))));
            return (
                format!(
                    "SELECT {cols} FROM staff s
                     WHERE s.id IN (SELECT rowid FROM staff_names WHERE staff_names MATCH ?2)
                     ORDER BY s.status = 'retired', s.family_kana || s.given_kana, s.staff_no
                     LIMIT ?1"
                ),
                params,
            );
        }
    };
    // Chosen from the indexes alone (each holds its column, status and staff number); only
    // the chosen are read whole.
    let mut selects = Vec::new();
    for &(retired, status) in statuses {
        for &(tier, col, lo) in &branches {
            selects.push(format!(
                "SELECT * FROM (SELECT id, {retired} AS retired, {tier} AS tier, \
                 {col} AS matched, status, staff_no FROM staff \
                 WHERE {col} >= ?{lo} AND {col} < ?{} AND {status} \
                 ORDER BY {col}, status, staff_no LIMIT ?1)",
                lo + 1
            ));
        }
    }
    // Someone found by two branches keeps the first (SQLite takes `matched` from the row
    // that holds the minimum).
    let sql = format!(
        "SELECT {cols} FROM (
             SELECT id, retired, min(tier) AS tier, matched, status, staff_no
             FROM ({}) GROUP BY id
             ORDER BY retired, tier, matched, status, staff_no LIMIT ?1) c
         JOIN staff s ON s.id = c.id
         ORDER BY c.retired, c.tier, c.matched, c.status, c.staff_no",
        selects.join(" UNION ALL ")
    );
    (sql, params)
}
