//! Text as people type it into spreadsheets, made into the form it is stored in: stray
//! spaces trimmed, full-width digits and letters in codes and numbers made ASCII,
//! half-width katakana made full-width. Control characters are never "cleaned" away
//! silently: validation refuses them, naming the field.

/// Half-width katakana to full-width, voiced marks joined (ｶﾞ → ガ).
pub fn widen_kana(s: &str) -> String {
    // U+FF61 ｡ … U+FF9D ﾝ in order, each beside its full-width form.
    const FULL: &str = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
    static MAP: std::sync::LazyLock<Vec<char>> =
        std::sync::LazyLock::new(|| FULL.chars().collect());
    // Most text has none: no copy char by char.
    if !s.chars().any(|c| ('\u{ff61}'..='\u{ff9f}').contains(&c)) {
        return s.to_string();
    }
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ﾞ' | 'ﾟ' => {
                if let Some(last) = out.pop() {
                    let step = if c == 'ﾞ' { 1 } else { 2 };
                    let voiced = char::from_u32(last as u32 + step).filter(|_| {
                        "カキクケコサシスセソタチツテトハヒフヘホ".contains(last)
                            && (step == 1 || "ハヒフヘホ".contains(last))
                    });
                    out.push(match (last, voiced) {
                        ('ウ', _) if step == 1 => 'ヴ',
                        (_, Some(v)) => v,
                        (l, None) => l,
                    });
                }
            }
            c => out.push(
                (c as usize)
                    .checked_sub(0xff61)
                    .and_then(|i| MAP.get(i))
                    .copied()
                    .unwrap_or(c),
            ),
        }
    }
    out.into_iter().collect()
}

/// Full-width ASCII (ＡＢＣ１２３－．／) to ASCII, and the ideographic space to a space:
/// for codes, numbers and dates, which are ASCII in storage.
pub fn ascii_forms(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            // Minus signs and dashes typed for a hyphen in a code or a negative number.
            '\u{2212}' | '\u{2010}' | '\u{2011}' | '\u{2013}' => '-',
            c => c,
        })
        .collect()
}

/// Katakana from what people type in a kana field: hiragana and half-width katakana
/// become full-width katakana (やまだ, ﾔﾏﾀﾞ → ヤマダ). The one conversion for forms and
/// import alike.
pub fn katakana(s: &str) -> String {
    widen_kana(s)
        .chars()
        .map(|c| match c {
            '\u{3041}'..='\u{3096}' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// A one-line text: half-width katakana widened, spaces (either width) trimmed at both
/// ends, and each run of spaces inside made one (its first).
pub fn clean_line(s: &str) -> String {
    let wide = widen_kana(s);
    let mut out = String::with_capacity(wide.len());
    let mut in_space = false;
    for c in wide.trim_matches(is_space).chars() {
        if is_space(c) {
            if !in_space {
                out.push(c);
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// A space of either width (tabs and line breaks are not spaces here: validation names
/// them as control characters in a one-line field).
fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_stray_spaces_and_half_width_kana() {
        assert_eq!(clean_line("  山田\u{3000}"), "山田");
        assert_eq!(clean_line("Mary   Ann"), "Mary Ann");
        assert_eq!(clean_line("ﾔﾏﾀﾞ ﾀﾛｳ"), "ヤマダ タロウ");
        assert_eq!(clean_line("ｳﾞｨｰ"), "ヴィー");
        assert_eq!(clean_line(""), "");
    }

    #[test]
    fn kana_fields_take_hiragana_and_half_width_kana() {
        assert_eq!(katakana("やまだ はなこ"), "ヤマダ ハナコ");
        assert_eq!(katakana("ﾔﾏﾀﾞ"), "ヤマダ");
        assert_eq!(katakana("おおの・りょうすけ"), "オオノ・リョウスケ");
        assert_eq!(katakana("ヤマダ"), "ヤマダ");
    }

    #[test]
    fn codes_and_numbers_become_ascii() {
        assert_eq!(ascii_forms("２６００００５"), "2600005");
        assert_eq!(ascii_forms("Ｋ－０１"), "K-01");
        assert_eq!(ascii_forms("２０２５／０４／０１"), "2025/04/01");
        assert_eq!(ascii_forms("−3"), "-3");
    }
}
