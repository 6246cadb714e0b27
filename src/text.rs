//! Text by display width: Japanese characters take two columns, so tables align by width,
//! never by bytes or chars.

use unicode_width::UnicodeWidthStr;

pub fn width(s: &str) -> usize {
    if may_hide(s) {
        s.chars().filter(|&c| !hidden(c)).map(char_width).sum()
    } else {
        UnicodeWidthStr::width(s)
    }
}

/// Characters that never reach the terminal, so they take no column: ratatui drops control
/// characters, and every frame is scrubbed of bidi controls and zero-width characters
/// ([`crate::ui::render`]) — the ones storage refuses, should a file hold them anyway.
pub fn hidden(c: char) -> bool {
    crate::domain::validate::is_forbidden_char(c, false)
}

/// `s` without the characters that never reach the terminal.
pub fn shown(s: &str) -> std::borrow::Cow<'_, str> {
    if may_hide(s) && s.chars().any(hidden) {
        s.chars().filter(|&c| !hidden(c)).collect::<String>().into()
    } else {
        s.into()
    }
}

/// False when `s` surely holds no hidden character: none of the lead bytes they can have
/// (C0, DEL, C1 under 0xC2, U+061C under 0xD8, U+2000–U+2FFF under 0xE2, U+FEFF under 0xEF). Widths are asked
/// for on every cell drawn, so the common text skips the character walk.
fn may_hide(s: &str) -> bool {
    s.bytes()
        .any(|b| b < 0x20 || matches!(b, 0x7f | 0xc2 | 0xd8 | 0xe2 | 0xef))
}

fn char_width(c: char) -> usize {
    UnicodeWidthStr::width(c.encode_utf8(&mut [0; 4]) as &str)
}

/// A stored UTC time stamp (RFC 3339) as local time to the minute; as it is if it is not
/// one.
pub fn local_stamp(t: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(t)
        .map(|d| {
            d.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| t.to_string())
}

/// `s` padded with spaces to `w` columns (unchanged if already wider).
pub fn pad(s: &str, w: usize) -> String {
    let n = width(s);
    let mut out = String::with_capacity(s.len() + w.saturating_sub(n));
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(n)));
    out
}

/// Right-aligns `s` in `w` display columns (numbers and their headings).
pub fn pad_left(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

/// `s` cut to at most `w` columns, with `…` when cut.
pub fn fit(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars().filter(|&c| !hidden(c)) {
        let cw = char_width(c);
        if used + cw + 1 > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    out
}

/// Lines of at most `w` columns, broken by display width (Japanese has no spaces to break
/// at), keeping explicit line breaks.
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    let w = w.max(2);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for c in para.chars().filter(|&c| !hidden(c)) {
            let cw = char_width(c);
            if used + cw > w {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    #[test]
    fn pads_by_display_width() {
        assert_eq!(super::width("山田 太郎"), 9);
        assert_eq!(super::pad("山田", 6), "山田  ");
        assert_eq!(super::pad("abc", 2), "abc");
    }

    #[test]
    fn fits_and_wraps_by_width() {
        assert_eq!(super::fit("まちづくり推進課", 9), "まちづく…");
        assert_eq!(super::fit("abc", 3), "abc");
        assert_eq!(super::wrap("あいうえお", 4), ["あい", "うえ", "お"]);
        assert_eq!(super::wrap("ab\ncd", 10), ["ab", "cd"]);
        assert!(
            super::wrap("漢字かな交じり文", 5)
                .iter()
                .all(|l| super::width(l) <= 5)
        );
    }

    #[test]
    fn what_never_reaches_the_terminal_takes_no_column() {
        let hostile = "山\u{1b}[2J\u{9b}\u{202e}田\u{200b}\t";
        assert_eq!(super::width(hostile), 2 + 3 + 2);
        assert_eq!(super::shown(hostile), "山[2J田");
        assert_eq!(super::fit(hostile, 5), "山[2…");
        assert_eq!(super::wrap("\u{1b}]52;c;aGk=\u{7}", 80), ["]52;c;aGk="]);
        assert_eq!(super::width("─…※ＡＢ"), 1 + 1 + 1 + 4);
    }
}
