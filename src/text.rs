//! Text by display width: Japanese characters take two columns, so tables align by width,
//! never by bytes or chars.

use unicode_width::UnicodeWidthStr;

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` padded with spaces to `w` columns (unchanged if already wider).
pub fn pad(s: &str, w: usize) -> String {
    let n = width(s);
    let mut out = String::with_capacity(s.len() + w.saturating_sub(n));
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(n)));
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn pads_by_display_width() {
        assert_eq!(super::width("山田 太郎"), 9);
        assert_eq!(super::pad("山田", 6), "山田  ");
        assert_eq!(super::pad("abc", 2), "abc");
    }
}
