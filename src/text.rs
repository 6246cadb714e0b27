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
/// characters, and the screens pass every drawn cell through [`shown`], which drops bidi
/// controls and zero-width characters — the ones storage refuses, should a file hold them
/// anyway. (Text knows nothing of the screens: they use it, not the other way round.)
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

pub fn char_width(c: char) -> usize {
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

/// `s` cut to at most `w` columns, with `…` as its last character when cut: the one way
/// every list, panel and box shortens a cell. A wide character that would straddle the
/// edge goes too (never half of it), so the result may be a column short of `w`.
pub fn fit(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_string();
    }
    if w == 0 {
        return String::new();
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

/// What goes down to the next line when `c` does not fit after `line`, taken off it: a
/// closing mark never starts a line (行頭禁則), so the character before it goes down too;
/// a half-width word goes down whole (English breaks at spaces). Nothing when that would
/// leave the line empty.
fn carry(line: &mut String, c: char) -> String {
    let half = |x: char| !x.is_whitespace() && char_width(x) == 1;
    let whole = line.clone();
    let mut down: Vec<char> = Vec::new();
    let mut first = c;
    while no_line_start(first) && down.len() < 4 {
        match line.pop() {
            Some(p) => {
                down.push(p);
                first = p;
            }
            None => break,
        }
    }
    if half(first) {
        let keep = line.trim_end_matches(half).len();
        if keep > 0 && line[..keep].ends_with(' ') {
            down.extend(line[keep..].chars().rev());
            line.truncate(keep - 1);
        }
    }
    if line.trim().is_empty() {
        *line = whole;
        return String::new();
    }
    down.iter().rev().collect()
}

/// Marks that close a phrase, which Japanese typesetting never puts at a line's start.
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '。' | '、'
            | '，'
            | '．'
            | '）'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '・'
            | '：'
            | '；'
            | '？'
            | '！'
            | 'ー'
            | ')'
            | ','
            | '.'
    )
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
                let carried = carry(&mut line, c);
                lines.push(std::mem::take(&mut line));
                used = width(&carried);
                line = carried;
                // A space that broke the line is where it broke.
                if c == ' ' {
                    continue;
                }
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
        // A closing mark takes the character before it to the next line.
        assert_eq!(super::wrap("あいう。", 6), ["あい", "う。"]);
        // Half-width words break at spaces.
        assert_eq!(
            super::wrap("too small (now 50×10).", 16),
            ["too small (now", "50×10)."]
        );
        assert_eq!(super::wrap("abcdefgh", 4), ["abcd", "efgh"]);
        assert_eq!(
            super::wrap("現在 50×10）。広げて", 12),
            ["現在", "50×10）。広", "げて"]
        );
        assert!(
            super::wrap("漢字かな交じり文", 5)
                .iter()
                .all(|l| super::width(l) <= 5)
        );
    }

    #[test]
    fn japanese_cut_short_ends_with_an_ellipsis_within_its_width() {
        use super::{fit, width};
        let name = "長谷川 久美子";
        for w in 0..width(name) {
            let cut = fit(name, w);
            assert!(width(&cut) <= w, "{cut:?} wider than {w}");
            if w > 0 {
                assert!(cut.ends_with('…'), "{cut:?} at {w}");
            }
        }
        // 長谷 takes 4 columns and … one: 川 would straddle the edge, so it goes.
        assert_eq!(fit(name, 6), "長谷…");
        assert_eq!(fit(name, 7), "長谷川…");
        assert_eq!(fit(name, 8), "長谷川 …");
        assert_eq!(fit(name, 1), "…");
        assert_eq!(fit(name, 0), "");
        assert_eq!(fit(name, width(name)), name);
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
