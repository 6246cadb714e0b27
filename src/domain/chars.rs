//! Characters a field may not hold, and how a refusal names them: control and invisible
//! characters by their code, emoji (refused in names) as they look.

use super::Problem;

/// True for characters that must never reach storage: C0/C1 controls (except tab and
/// newline in long text), bidi controls, and zero-width joiners, spaces and marks.
pub fn is_forbidden_char(c: char, multiline: bool) -> bool {
    match c {
        '\t' | '\n' => !multiline,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        // The Arabic letter mark (a bidi control too), word joiner and invisible operators.
        '\u{061c}' | '\u{2060}'..='\u{2064}' | '\u{feff}' => true,
        _ => false,
    }
}

/// Characters of emoji: pictographs, and what joins or modifies them (zero-width joiner,
/// variation selectors 15 and 16, keycap, tags). Skin tones and regional indicators lie
/// in the pictographs' planes. Ideographic variation selectors (U+E0100…, a kanji's
/// form in a name) are not among them.
pub(super) fn is_emoji_part(c: char) -> bool {
    is_pictograph(c)
        || matches!(
            c,
            '\u{200d}' | '\u{fe0e}' | '\u{fe0f}' | '\u{20e3}' | '\u{e0020}'..='\u{e007f}'
        )
}

/// The visible part of emoji: the pictographic planes and the symbol blocks emoji come
/// from (☀, ✂, ⌚, ⭐).
fn is_pictograph(c: char) -> bool {
    matches!(
        c,
        '\u{1f000}'..='\u{1faff}'
            | '\u{2600}'..='\u{27bf}'
            | '\u{2300}'..='\u{23ff}'
            | '\u{2b00}'..='\u{2bff}'
    )
}

/// The problem of the refused character `c` at byte `at` of `v`, named so that a person
/// can find it: an emoji whole, as it looks (in a name); an invisible character by its
/// code, with the emoji sequence it joins, if any. Never the control character itself,
/// which could act on the terminal that shows the message.
pub(super) fn refused(v: &str, at: usize, c: char, name: bool) -> Problem {
    let start = v[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, p)| is_emoji_part(p))
        .last()
        .map_or(at, |(i, _)| i);
    let end = v[at..]
        .char_indices()
        .find(|&(_, n)| !is_emoji_part(n))
        .map_or(v.len(), |(i, _)| at + i);
    let seq = &v[start..end];
    let code = format!("U+{:04X}", c as u32);
    if !seq.chars().any(is_pictograph) {
        return Problem::ControlChars {
            code,
            within: String::new(),
        };
    }
    if name {
        Problem::Emoji {
            shown: seq.to_string(),
        }
    } else {
        Problem::ControlChars {
            code,
            within: seq.to_string(),
        }
    }
}

/// The first character no one-line text may hold, named (a file's cell read on import).
/// In a name (`name`), an emoji sequence it breaks is named as an emoji.
pub fn line_problem(v: &str, name: bool) -> Option<Problem> {
    v.char_indices()
        .find(|&(_, c)| is_forbidden_char(c, false))
        .map(|(at, c)| refused(v, at, c, name))
}

/// Full-width katakana, the long-vowel mark and the middle dot; spaces between words.
pub fn is_katakana(s: &str) -> bool {
    s.chars().all(|c| {
        matches!(
            c,
            '\u{30a1}'..='\u{30fa}' | 'ー' | '・' | 'ヽ' | 'ヾ' | '\u{3000}' | ' '
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::domain::{Check, Problem};

    fn first(c: &mut Check) -> Problem {
        c.finish().unwrap_err().0.remove(0).problem
    }

    #[test]
    fn names_refuse_emoji_naming_the_whole_sequence() {
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        assert_eq!(
            first(Check::new().name("family_name", &format!("山田{family}"), 20)),
            Problem::Emoji {
                shown: family.into()
            }
        );
        // A skin tone and a variation selector stay with the emoji they change.
        let thumb = "\u{1f44d}\u{1f3fd}";
        assert_eq!(
            first(Check::new().name("given_name", &format!("太郎{thumb}"), 20)),
            Problem::Emoji {
                shown: thumb.into()
            }
        );
        assert_eq!(
            first(Check::new().kana("given_kana", "ハナコ\u{2764}\u{fe0f}", 40, true)),
            Problem::Emoji {
                shown: "\u{2764}\u{fe0f}".into()
            }
        );
        // An invisible character alone is named by its code, never shown.
        assert_eq!(
            first(Check::new().name("family_name", "山\u{fe0f}田", 20)),
            Problem::ControlChars {
                code: "U+FE0F".into(),
                within: String::new()
            }
        );
        // A kanji's ideographic variation selector belongs to a name.
        assert!(
            Check::new()
                .name("family_name", "葛\u{e0100}西", 20)
                .finish()
                .is_ok()
        );
        // A kana with an emoji is refused once, for the emoji.
        let err = Check::new()
            .kana("family_kana", "ヤマダ\u{1f600}", 40, true)
            .finish()
            .unwrap_err();
        assert_eq!(err.0.len(), 1, "{err:?}");
    }

    #[test]
    fn notes_keep_plain_emoji_but_name_a_joiner() {
        assert!(
            Check::new()
                .note("body", "よろしく\u{1f600}", 100)
                .finish()
                .is_ok()
        );
        assert!(
            Check::new()
                .note("body", "\u{2764}\u{fe0f}", 100)
                .finish()
                .is_ok()
        );
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        assert_eq!(
            first(Check::new().note("body", &format!("家族{family}です"), 100)),
            Problem::ControlChars {
                code: "U+200D".into(),
                within: family.into()
            }
        );
        assert_eq!(
            first(Check::new().note("body", "abc\u{202e}def", 100)),
            Problem::ControlChars {
                code: "U+202E".into(),
                within: String::new()
            }
        );
    }

    #[test]
    fn a_files_cell_names_a_broken_emoji_sequence_as_its_column_takes_it() {
        use super::line_problem;
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        let cell = format!("山田{family}");
        assert_eq!(
            line_problem(&cell, true),
            Some(Problem::Emoji {
                shown: family.into()
            })
        );
        assert_eq!(
            line_problem(&cell, false),
            Some(Problem::ControlChars {
                code: "U+200D".into(),
                within: family.into()
            })
        );
        assert_eq!(line_problem("山田\u{1f600}", false), None);
    }
}
