//! How a form is laid out on a screen of a given width: the label column, the value
//! column, the rows a text area wraps into and where its cursor sits. The screens draw
//! from it and the keys move by it (↑/↓ in a text area), so both agree.

use std::ops::Range;

use super::Form;
use super::field::FieldKind;
use crate::i18n::Lang;
use crate::text::{char_width, hidden, width};

/// Labels are cut beyond this many columns, or a third of the form where that is more.
pub const LABEL_MAX: usize = 20;
/// A text area shows at least this many rows while it is being written in…
pub const AREA_MIN: usize = 3;
/// …and at most this many (it scrolls beyond).
pub const AREA_MAX: usize = 8;
/// An area not in focus shows this many rows at most.
pub const AREA_RESTING: usize = 4;

/// The form's width on a screen `screen` columns wide (borders included).
pub fn form_width(screen: u16) -> u16 {
    screen.saturating_sub(8).min(100)
}

impl Form {
    /// The label column's width, on a screen `screen` columns wide.
    pub fn label_width(&self, l: Lang, screen: u16) -> usize {
        let most = LABEL_MAX.max(form_width(screen) as usize / 3);
        self.fields
            .iter()
            .map(|x| width(l.field(x.spec.key)))
            .max()
            .unwrap_or(0)
            .min(most)
    }

    /// The value column's width, on a screen `screen` columns wide.
    pub fn value_width(&self, l: Lang, screen: u16) -> usize {
        (form_width(screen) as usize)
            .saturating_sub(2 + self.label_width(l, screen) + 2)
            .max(4)
    }
}

/// The rows a text shows as, `w` columns wide: each line, broken where the next
/// character would pass the edge. Each row is the range of chars it shows (line breaks
/// are in none).
pub fn rows(text: &str, w: usize) -> Vec<Range<usize>> {
    let w = w.max(2);
    let mut out = Vec::new();
    let mut start = 0;
    let mut used = 0;
    let mut i = 0;
    for c in text.chars() {
        if c == '\n' {
            out.push(start..i);
            start = i + 1;
            used = 0;
        } else {
            let cw = if hidden(c) { 0 } else { char_width(c) };
            if used + cw > w && i > start {
                out.push(start..i);
                start = i;
                used = 0;
            }
            used += cw;
        }
        i += 1;
    }
    out.push(start..i);
    out
}

/// The row and the column (in display width) of the cursor. A cursor at a break the
/// width made sits at the start of the next row.
pub fn cursor_at(text: &str, rows: &[Range<usize>], cursor: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let row = rows
        .iter()
        .rposition(|r| r.start <= cursor)
        .unwrap_or(0)
        .min(rows.len().saturating_sub(1));
    let r = &rows[row];
    let col = chars[r.start..cursor.min(r.end).max(r.start)]
        .iter()
        .filter(|c| !hidden(**c))
        .map(|c| char_width(*c))
        .sum();
    (row, col)
}

/// The char in `row` nearest to display column `col` (not past its end).
pub fn char_at_column(text: &str, row: Range<usize>, col: usize) -> usize {
    let mut used = 0;
    for (i, c) in text.chars().enumerate().skip(row.start).take(row.len()) {
        let cw = if hidden(c) { 0 } else { char_width(c) };
        if used + cw > col {
            return i;
        }
        used += cw;
    }
    row.end
}

/// How many rows a field takes (its problem and notice not counted).
pub fn field_rows(kind: FieldKind, text: &str, w: usize, focused: bool) -> usize {
    if kind != FieldKind::Note {
        return 1;
    }
    let n = rows(text, w).len();
    if focused {
        n.clamp(AREA_MIN, AREA_MAX)
    } else {
        n.clamp(1, AREA_RESTING)
    }
}

/// A one-line value cut to `w` columns around the cursor: the part shown, with `…` where
/// text goes on out of sight, and the cursor's column in it.
pub fn sideways(text: &str, cursor: usize, w: usize) -> (String, usize) {
    let chars: Vec<char> = text.chars().filter(|c| !hidden(*c)).collect();
    let cursor = cursor.min(chars.len());
    let cw = |c: &char| char_width(*c);
    let total: usize = chars.iter().map(cw).sum();
    if total < w {
        let col = chars[..cursor].iter().map(cw).sum();
        return (chars.iter().collect(), col);
    }
    // Start as far left as lets the cursor (and one column after it) show: walked back
    // from the cursor, once, so a long paste costs its length and not its square.
    let w = w.max(3);
    let before: usize = chars[..cursor].iter().map(cw).sum();
    let mut start = cursor;
    if before < w {
        start = 0;
    } else {
        let mut upto = 0;
        while start > 1 && 1 + upto + cw(&chars[start - 1]) < w {
            start -= 1;
            upto += cw(&chars[start]);
        }
    }
    let mut out = String::new();
    let mut used = 0;
    if start > 0 {
        out.push('…');
        used += 1;
    }
    let col = used + chars[start..cursor].iter().map(cw).sum::<usize>();
    let mut end = start;
    while end < chars.len() {
        let c = cw(&chars[end]);
        // Room for a closing `…` if anything stays out of sight.
        let room = if end + 1 < chars.len() { w - 1 } else { w };
        if used + c > room {
            break;
        }
        out.push(chars[end]);
        used += c;
        end += 1;
    }
    if end < chars.len() {
        out.push('…');
    }
    (out, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_break_by_width_and_at_line_breaks() {
        assert_eq!(rows("ABCDEF\nXY", 4), vec![0..4, 4..6, 7..9]);
        assert_eq!(rows("山田花子", 4), vec![0..2, 2..4]);
        assert_eq!(rows("", 4), vec![0..0]);
        assert_eq!(rows("a\n", 4), vec![0..1, 2..2]);
    }

    #[test]
    fn the_cursor_at_a_wrap_starts_the_next_row() {
        let t = "山田花子";
        let r = rows(t, 4);
        assert_eq!(cursor_at(t, &r, 2), (1, 0));
        assert_eq!(cursor_at(t, &r, 1), (0, 2));
        assert_eq!(cursor_at(t, &r, 4), (1, 4));
    }

    #[test]
    fn a_long_line_shows_the_part_around_the_cursor() {
        let text = "ABCDEFGHIJ";
        assert_eq!(sideways(text, 0, 6), ("ABCDE…".to_string(), 0));
        let (shown, col) = sideways(text, 10, 6);
        assert_eq!(shown, "…GHIJ");
        assert_eq!(col, 5);
        assert_eq!(sideways("短い", 1, 10), ("短い".to_string(), 2));
        let (shown, _) = sideways("山田花子山田花子", 8, 7);
        assert!(width(&shown) <= 7, "{shown}");
        assert!(shown.starts_with('…'));
    }
}
