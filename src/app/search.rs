//! What a search string means: a staff number, kanji, kana (hiragana, katakana, half-width)
//! or romaji, each turned into the form it is stored in.

use wana_kana::ConvertJapanese;

use crate::domain::normalize::{ascii_forms, widen_kana};
use crate::domain::reading::{is_romaji, romaji_readings};
use crate::domain::staff::Staff;
use crate::store::scope::Visibility;
use crate::store::{Db, StoreError};

pub use crate::store::search::Needle;

fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}' | '\u{30a1}'..='\u{30fa}' | 'ー')
}

/// Reads a search string; `None` when there is nothing to search for. Full-width letters
/// and digits are read as ASCII (ｙａｍａｄａ, １２３).
pub fn needle(input: &str) -> Option<Needle> {
    let s: String = widen_kana(&ascii_forms(input))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return Some(Needle::Number(s));
    }
    let lower = s.to_lowercase();
    if is_romaji(&lower) {
        // Romaji as people type it (domain::reading): every spelling of a reading.
        let readings = romaji_readings(&lower);
        return (!readings.is_empty()).then(|| Needle::kana(readings));
    }
    if s.chars().all(is_kana) {
        return Some(Needle::kana(vec![s.to_katakana()]));
    }
    Some(Needle::Name(s))
}

/// A person found, with the name of their unit (two 山田 花子 told apart).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub staff: Staff,
    pub unit: String,
}

/// At most this many people are shown for a search.
pub const SHOWN: usize = 50;

/// The people found for `text` as typed, as an account that sees `visible` may see them,
/// each with their unit's name: the search box and every picker of a person.
pub fn find_people(db: &Db, visible: &Visibility, text: &str) -> Result<Vec<Found>, StoreError> {
    match needle(text) {
        Some(n) => find(db, visible, &n),
        None => Ok(Vec::new()),
    }
}

/// The people found for a needle (`find_people` once it is read).
pub fn find(db: &Db, visible: &Visibility, needle: &Needle) -> Result<Vec<Found>, StoreError> {
    // Fifty are shown; more are read only to be left out by what one may see.
    let limit = if visible.is_all() { SHOWN } else { 4 * SHOWN };
    let mut people = db.search_staff(needle, limit)?;
    people.retain(|s| visible.sees(s));
    people.truncate(SHOWN);
    let mut units: Vec<_> = people.iter().map(|s| s.unit_id).collect();
    units.sort_unstable();
    units.dedup();
    let names = db.unit_names(&units)?;
    Ok(people
        .into_iter()
        .map(|staff| Found {
            unit: names.get(&staff.unit_id).cloned().unwrap_or_default(),
            staff,
        })
        .collect())
}

/// The search box (`/`): what is typed, the people found, the one chosen.
pub struct SearchBox {
    pub text: String,
    pub results: Vec<Found>,
    pub selected: usize,
    /// What the results were found for: a keystroke that leaves it as it is (`yam` after
    /// `ya`, both ヤ) searches nothing.
    pub(super) found_for: Option<Needle>,
}

impl SearchBox {
    pub(super) fn new() -> SearchBox {
        SearchBox {
            text: String::new(),
            results: Vec::new(),
            selected: 0,
            found_for: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kana(k: &str) -> Option<Needle> {
        Some(Needle::kana(vec![k.into()]))
    }

    #[test]
    fn reads_each_way_of_writing() {
        assert_eq!(needle("yamada"), kana("ヤマダ"));
        assert_eq!(needle("Yamad"), kana("ヤマ"));
        assert_eq!(needle("やまだ"), kana("ヤマダ"));
        assert_eq!(needle("ヤマダ"), kana("ヤマダ"));
        assert_eq!(needle("ﾔﾏﾀﾞ"), kana("ヤマダ"));
        assert_eq!(needle("ﾊﾟﾝ"), kana("パン"));
        assert_eq!(needle("山田"), Some(Needle::Name("山田".into())));
        assert_eq!(needle("１２３"), Some(Needle::Number("123".into())));
        assert_eq!(needle("0400"), Some(Needle::Number("0400".into())));
        assert_eq!(needle("  "), None);
        assert_eq!(needle("やま だ"), kana("ヤマダ"));
        assert_eq!(needle("ｙａｍａｄａ"), kana("ヤマダ"));
        assert_eq!(needle("ＹＡＭＡ　ＤＡ"), kana("ヤマダ"));
        assert_eq!(needle("y"), None);
    }

    #[test]
    fn romaji_carries_its_folded_key() {
        let Some(Needle::Kana { exact, folded }) = needle("ryôsuke") else {
            panic!("not a reading");
        };
        assert_eq!(exact, ["リョウスケ", "リョオスケ"]);
        assert_eq!(folded, "リョスケ");
        for typed in ["ryosuke", "ryousuke", "RYŌSUKE", "ｒｙｏｕｓｕｋｅ"] {
            assert!(
                matches!(needle(typed), Some(Needle::Kana { folded: f, .. }) if f == folded),
                "{typed}"
            );
        }
        // Kana typed is folded too: おおた also lists オタ…, after オオタ….
        assert_eq!(
            needle("おおた"),
            Some(Needle::Kana {
                exact: vec!["オオタ".into()],
                folded: "オタ".into()
            })
        );
    }
}
