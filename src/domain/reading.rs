//! Readings as people type them. One reading is spelled many ways in romaji: Hepburn drops
//! long vowels (Ota for オオタ), wāpuro writes them (oota, ryousuke) and doubles ン (kenn),
//! passports write oh (Ohta, Satoh) and m before b/m/p (Homma), others mark them (Ōno,
//! ryôsuke). Search compares readings through a folded key in which each of these spells
//! the same thing; the kana a spelling can stand for exactly ranks first.

use wana_kana::ConvertJapanese;

/// At most this many exact readings for one typed string: each ambiguity (ō: オウ or オオ;
/// kenichi: ケニチ or ケンイチ) doubles them, and each is a branch of the search.
const MAX_READINGS: usize = 4;

/// The vowel a katakana mora ends in (small kana included: キャ ends in a); `None` for ン,
/// ッ, ー and anything else.
fn vowel(c: char) -> Option<char> {
    const ROWS: [(char, &str); 5] = [
        ('a', "アカサタナハマヤラワガザダバパァャヵヮ"),
        ('i', "イキシチニヒミリギジヂビピィ"),
        ('u', "ウクスツヌフムユルグズヅブプゥュヴ"),
        ('e', "エケセテネヘメレゲゼデベペェヶ"),
        ('o', "オコソトノホモヨロヲゴゾドボポォョ"),
    ];
    ROWS.iter()
        .find(|(_, row)| row.contains(c))
        .map(|(v, _)| *v)
}

/// Whether `c` after a mora ending in `v` only makes that vowel long (コウ, オオ, ユウ, キイ).
/// エイ is not folded: Hepburn and passports both write it (Keiko).
fn lengthens(v: char, c: char) -> bool {
    matches!(
        (v, c),
        ('a', 'ア') | ('i', 'イ') | ('u', 'ウ') | ('e', 'エ') | ('o', 'オ' | 'ウ') | (_, 'ー')
    )
}

/// What ン and the kana after it fold to when romaji cannot tell them apart: kenichi is
/// ケニチ or ケンイチ, kanna カナ or カンナ, shinya シニャ or シンヤ.
fn n_before(c: char) -> Option<&'static str> {
    Some(match c {
        'ア' | 'ナ' => "ナ",
        'イ' | 'ニ' => "ニ",
        'ウ' | 'ヌ' => "ヌ",
        'エ' | 'ネ' => "ネ",
        'オ' | 'ノ' => "ノ",
        'ヤ' => "ニャ",
        'ユ' => "ニュ",
        'ヨ' => "ニョ",
        _ => return None,
    })
}

/// The folded key of a reading (katakana; hiragana is read as katakana): long vowels made
/// short (オオタ, オウタ, オータ → オタ; リョウスケ → リョスケ; ユウキ → ユキ), ン before a vowel,
/// ヤユヨ or the ナ row joined to it (ケンイチ → ケニチ, カンナ → カナ), and ヂ ヅ ヲ read as
/// ジ ズ オ. Every romaji spelling of a reading folds to the key of that reading; so do
/// readings that differ only in these (オタ and オオタ), and search ranks the exact one first.
pub fn fold(reading: &str) -> String {
    let kana: Vec<char> = reading
        .chars()
        .map(|c| match c {
            'ぁ'..='ゖ' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
            c => c,
        })
        .map(|c| match c {
            'ヂ' => 'ジ',
            'ヅ' => 'ズ',
            'ヲ' => 'オ',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(reading.len());
    let mut last: Option<char> = None;
    let mut i = 0;
    while i < kana.len() {
        let c = kana[i];
        if c == 'ン'
            && let Some(joined) = kana.get(i + 1).and_then(|&n| n_before(n))
        {
            out.push_str(joined);
            last = joined.chars().last().and_then(vowel);
            i += 2;
            continue;
        }
        if !last.is_some_and(|v| lengthens(v, c)) {
            out.push(c);
            last = vowel(c);
        }
        i += 1;
    }
    out
}

/// A person's two search keys: the folded full reading (family then given, folded as one
/// string, as it is typed) and the folded given name.
pub fn person_keys(family_kana: &str, given_kana: &str) -> (String, String) {
    (
        fold(&format!("{family_kana}{given_kana}")),
        fold(given_kana),
    )
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'i' | 'u' | 'e' | 'o')
}

fn is_kana(c: char) -> bool {
    matches!(c, '\u{30a1}'..='\u{30fa}' | 'ー')
}

/// Whether `s` (lower case) is romaji as people type it: ASCII letters, a hyphen for ー, an
/// apostrophe after n, and vowels with a macron or a circumflex.
pub fn is_romaji(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_alphabetic() || "-'āīūēōâîûêô".contains(c))
}

/// The readings (katakana) a romaji string may stand for, the one as typed first; empty
/// when nothing makes kana yet. A consonant still being typed at the end is dropped
/// (`yamad` reads ヤマ…). Every reading returned folds to the same key.
pub fn romaji_readings(typed: &str) -> Vec<String> {
    let s: Vec<char> = typed.to_lowercase().chars().collect();
    // A long vowel passports write with h (Ohta, Satoh, Yuhki): before a consonant or at
    // the end; before a vowel or y the h begins a syllable (Kohei: コヘイ, which the fold
    // finds as コウヘイ).
    let h_ends = |next: Option<&char>| {
        next.is_none_or(|&n| n.is_ascii_alphabetic() && !is_vowel(n) && n != 'y')
    };
    let mut spellings: Vec<String> = vec![String::new()];
    let mut i = 0;
    while i < s.len() {
        let (c, prev, next) = (s[i], i.checked_sub(1).map(|p| s[p]), s.get(i + 1));
        let after_vowel = prev.is_some_and(is_vowel);
        let vowel_or_y = |n: Option<&char>| n.is_some_and(|&n| is_vowel(n) || n == 'y');
        let alternatives: &[&str] = match c {
            'ā' | 'â' => &["aa"],
            'ī' | 'î' => &["ii"],
            'ū' | 'û' => &["uu"],
            'ē' | 'ê' => &["ee"],
            'ō' | 'ô' => &["ou", "oo"],
            'h' if prev == Some('o') && h_ends(next) => &["u", "o"],
            'h' if prev == Some('u') && h_ends(next) => &["u"],
            // Hepburn's and passports' m before b, m, p is ン (Homma, Namba).
            'm' if after_vowel && matches!(next, Some('b' | 'm' | 'p')) => &["n'"],
            // Wāpuro's nn is ン; before a vowel it may also be Hepburn's ン + ナ row
            // (kanna), and nnn is ン + ナ row.
            'n' if next == Some(&'n') => {
                i += 1;
                if vowel_or_y(s.get(i + 1)) {
                    &["n'", "nn"]
                } else {
                    &["n'"]
                }
            }
            // Hepburn's n before a vowel or y may be ン without its apostrophe (Kenichi).
            'n' if after_vowel && vowel_or_y(next) => &["n", "n'"],
            _ => {
                for sp in &mut spellings {
                    sp.push(c);
                }
                i += 1;
                continue;
            }
        };
        spellings = spellings
            .iter()
            .flat_map(|sp| alternatives.iter().map(move |a| format!("{sp}{a}")))
            .take(MAX_READINGS)
            .collect();
        i += 1;
    }
    let mut readings: Vec<String> = Vec::new();
    for sp in spellings {
        let kana: String = sp
            .to_katakana()
            .chars()
            .take_while(|&c| is_kana(c))
            .collect();
        if !kana.is_empty() && !readings.contains(&kana) {
            readings.push(kana);
        }
    }
    readings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_vowels_fold_to_short() {
        for (reading, key) in [
            ("オオタ", "オタ"),
            ("オウタ", "オタ"),
            ("オータ", "オタ"),
            ("オタ", "オタ"),
            ("リョウスケ", "リョスケ"),
            ("ゴトウ", "ゴト"),
            ("ユウキ", "ユキ"),
            ("イイヅカ", "イズカ"),
            ("サトウ", "サト"),
            ("オオオカ", "オカ"),
            ("ナカアライ", "ナカライ"),
            ("ケイコ", "ケイコ"),
            ("ヨーコ", "ヨコ"),
            ("おおの", "オノ"),
        ] {
            assert_eq!(fold(reading), key, "{reading}");
        }
    }

    #[test]
    fn n_before_a_vowel_or_the_na_row_folds_with_it() {
        for (reading, key) in [
            ("ケンイチ", "ケニチ"),
            ("ケニチ", "ケニチ"),
            ("シンヤ", "シニャ"),
            ("カンナ", "カナ"),
            ("ジュンイチロウ", "ジュニチロ"),
            ("ケン", "ケン"),
            ("ホンマ", "ホンマ"),
            ("シンオオクボ", "シノクボ"),
        ] {
            assert_eq!(fold(reading), key, "{reading}");
        }
    }

    #[test]
    fn each_spelling_reads_as_its_kana() {
        let r = |s: &str| romaji_readings(s);
        assert_eq!(r("ryosuke"), ["リョスケ"]);
        assert_eq!(r("ryousuke"), ["リョウスケ"]);
        assert_eq!(r("ryôsuke"), ["リョウスケ", "リョオスケ"]);
        assert_eq!(r("RYŌSUKE"), ["リョウスケ", "リョオスケ"]);
        assert_eq!(r("ohta"), ["オウタ", "オオタ"]);
        assert_eq!(r("satoh"), ["サトウ", "サトオ"]);
        assert_eq!(r("yuhki"), ["ユウキ"]);
        assert_eq!(r("kohei"), ["コヘイ"]);
        assert_eq!(r("kenn"), ["ケン"]);
        assert_eq!(r("ken"), ["ケン"]);
        assert_eq!(r("kenichi"), ["ケニチ", "ケンイチ"]);
        assert_eq!(r("ken'ichi"), ["ケンイチ"]);
        assert_eq!(r("kennichi"), ["ケンイチ", "ケンニチ"]);
        assert_eq!(r("konnna"), ["コンナ"]);
        assert_eq!(r("homma"), ["ホンマ"]);
        assert_eq!(r("namba"), ["ナンバ"]);
        assert_eq!(r("o-no"), ["オーノ"]);
        assert_eq!(r("yamad"), ["ヤマ"]);
        assert_eq!(r("y"), Vec::<String>::new());
        assert_eq!(r("ōno"), ["オウノ", "オオノ"]);
    }

    #[test]
    fn every_spelling_of_a_reading_folds_to_its_key() {
        for (reading, spellings) in [
            (
                "リョウスケ",
                &["ryosuke", "ryousuke", "ryôsuke", "ryōsuke", "ryohsuke"][..],
            ),
            ("オオタ", &["ota", "oota", "ohta", "ōta", "o-ta"]),
            ("ゴトウ", &["goto", "gotou", "gotoh", "gotō"]),
            ("ケンイチ", &["kenichi", "ken'ichi", "kennichi"]),
            ("ホンマ", &["homma", "honma", "honnma"]),
            ("シンヤ", &["shinya", "shin'ya", "shinnya"]),
            ("ユウコ", &["yuko", "yuuko", "yūko", "yuhko"]),
        ] {
            for s in spellings {
                for r in romaji_readings(s) {
                    assert_eq!(fold(&r), fold(reading), "{s} read {r}");
                }
            }
        }
    }

    #[test]
    fn ambiguity_is_bounded() {
        assert!(romaji_readings("ōōōōōō").len() <= MAX_READINGS);
        assert!(romaji_readings("kanenanini").len() <= MAX_READINGS);
    }
}
