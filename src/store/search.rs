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

impl Db {
    /// People matching the needle, serving staff first, then by staff number.
    pub fn search_staff(&self, needle: &Needle, limit: usize) -> Result<Vec<Staff>> {
        // instr/substr instead of LIKE: what people type may hold % or _.
        let (cond, arg) = match needle {
            Needle::Number(n) => ("substr(staff_no, 1, length(?1)) = ?1", n),
            Needle::Kana(k) => (
                "(substr(family_kana || given_kana, 1, length(?1)) = ?1
                  OR substr(given_kana, 1, length(?1)) = ?1)",
                k,
            ),
            Needle::Name(n) => ("instr(family_name || given_name, ?1) > 0", n),
        };
        let sql = format!(
            "SELECT {} FROM staff WHERE {cond}
             ORDER BY status = 'retired', staff_no LIMIT ?2",
            select_list::<Staff>("")
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params![arg, limit as i64], Staff::from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
