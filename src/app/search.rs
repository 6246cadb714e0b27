//! What a search string means: a staff number, kanji, kana (hiragana, katakana, half-width)
//! or romaji, each turned into the form it is stored in.

use wana_kana::ConvertJapanese;

use crate::domain::normalize::widen_kana;
use crate::domain::staff::Staff;

pub use crate::store::search::Needle;

fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}' | '\u{30a1}'..='\u{30fa}' | 'ー')
}

/// Reads a search string; `None` when there is nothing to search for.
pub fn needle(input: &str) -> Option<Needle> {
    let s: String = widen_kana(input.trim())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if s.is_empty() {
        return None;
    }
    let digits: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            c => c,
        })
        .collect();
    if digits.chars().all(|c| c.is_ascii_digit()) {
        return Some(Needle::Number(digits));
    }
    if s.chars()
        .all(|c| c.is_ascii_alphabetic() || c == '-' || c == '\'')
    {
        // Romaji: convert what makes kana; a trailing consonant still being typed is dropped
        // ("yamad" searches ヤマ…).
        let kana = s.to_lowercase().to_katakana();
        let kana: String = kana.chars().take_while(|c| is_kana(*c)).collect();
        return (!kana.is_empty()).then_some(Needle::Kana(kana));
    }
    if s.chars().all(is_kana) {
        return Some(Needle::Kana(s.to_katakana()));
    }
    Some(Needle::Name(s))
}

/// The search box (`/`): what is typed, the people found, the one chosen.
pub struct SearchBox {
    pub text: String,
    pub results: Vec<Staff>,
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

    #[test]
    fn reads_each_way_of_writing() {
        assert_eq!(needle("yamada"), Some(Needle::Kana("ヤマダ".into())));
        assert_eq!(needle("Yamad"), Some(Needle::Kana("ヤマ".into())));
        assert_eq!(needle("やまだ"), Some(Needle::Kana("ヤマダ".into())));
        assert_eq!(needle("ヤマダ"), Some(Needle::Kana("ヤマダ".into())));
        assert_eq!(needle("ﾔﾏﾀﾞ"), Some(Needle::Kana("ヤマダ".into())));
        assert_eq!(needle("ﾊﾟﾝ"), Some(Needle::Kana("パン".into())));
        assert_eq!(needle("山田"), Some(Needle::Name("山田".into())));
        assert_eq!(needle("１２３"), Some(Needle::Number("123".into())));
        assert_eq!(needle("0400"), Some(Needle::Number("0400".into())));
        assert_eq!(needle("  "), None);
        assert_eq!(needle("やま だ"), Some(Needle::Kana("ヤマダ".into())));
    }
}
