//! Text by display width: Japanese characters take two columns, so tables align by width,
//! never by bytes or chars.

use unicode_width::UnicodeWidthStr;

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
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

/// `s` cut to at most `w` columns, with `…` when cut.
/// Right-aligns `s` in `w` display columns (numbers and their headings).
pub fn pad_left(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

pub fn fit(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = UnicodeWidthStr::width(c.encode_utf8(&mut [0; 4]) as &str);
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
        for c in para.chars() {
            let cw = UnicodeWidthStr::width(c.encode_utf8(&mut [0; 4]) as &str);
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
}
