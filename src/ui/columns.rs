//! Which columns of a list show, and how wide. The answer comes from the view's columns,
//! the language, the date style and the room on screen — never from the rows in view — so
//! that paging through a list moves no column and hides none. A cell wider than its
//! column is cut with `…`.

use crate::config::DateStyle;
use crate::domain::Date;
use crate::i18n::Lang;
use crate::store::views::{ColKind, ViewCol};
use crate::text::width;

/// The width a column asks for: its heading (with room for the sort arrow) or what its
/// cells usually need, whichever is wider. Codes take their widest label; dates the
/// widest date of the style; free text a width by what the column holds.
fn natural(lang: Lang, style: DateStyle, col: &ViewCol) -> usize {
    let head = width(lang.field(col.key)) + 1;
    let cells = match col.kind {
        ColKind::Code(group) => lang.labels(group).map(width).max().unwrap_or(4),
        // The ward's own names beside the labels of the law's.
        ColKind::Named(group) => lang.labels(group).map(width).max().unwrap_or(0).max(12),
        // Two-digit month and day: the widest a date of the style gets.
        ColKind::Date => width(&style.show(Date::from_ymd(2026, 12, 28))),
        ColKind::Stamp => width("YYYY-MM-DD hh:mm"),
        ColKind::Int | ColKind::Percent | ColKind::Balance => 4,
        ColKind::Real => 5,
        ColKind::Text => text_width(col.key),
    };
    head.max(cells).clamp(2, 30)
}

/// What a text column holds, by its name: numbers and names have a usual length; free
/// text takes a fair share and gives way first when room is short.
fn text_width(key: &str) -> usize {
    match key {
        k if k == "staff_no" || k.ends_with("_staff_no") => 7,
        "code" | "unit_code" => 6,
        "full_name" | "interviewer" | "recipients" => 11,
        "kana" => 15,
        "unit" | "to_unit_name" | "wish_unit_1" => 14,
        // A person or, for a section's own cycle, a unit.
        "owner" => 12,
        "login" | "actor" | "course_code" => 10,
        // Grades (S, A, …) and marks (○).
        "grade" | "self_rating" | "first_rating" | "second_rating" => 2,
        "promotion_exam" | "active" | "in_plan" => 1,
        _ => 20,
    }
}

/// The narrowest a column may give way to before columns on the right are left out.
fn floor(col: &ViewCol, natural: usize) -> usize {
    match col.kind {
        ColKind::Text => natural.min(12),
        ColKind::Code(_) | ColKind::Named(_) => natural.min(8),
        _ => natural,
    }
}

/// The columns shown (index into the view's columns) and their widths, in `available`
/// cells with one between columns. Text and labels give way first; if that is not enough,
/// the rightmost columns are left out rather than cutting names further.
pub(super) fn layout(
    lang: Lang,
    style: DateStyle,
    cols: &[ViewCol],
    available: usize,
) -> Vec<(usize, u16)> {
    let natural: Vec<usize> = cols.iter().map(|c| natural(lang, style, c)).collect();
    let total = |w: &[usize]| w.iter().sum::<usize>() + w.len().saturating_sub(1);
    for shown in (1..=cols.len()).rev() {
        let mut w = natural[..shown].to_vec();
        while total(&w) > available {
            let Some(i) = (0..shown)
                .filter(|&i| w[i] > floor(&cols[i], natural[i]))
                .max_by_key(|&i| w[i])
            else {
                break;
            };
            w[i] -= 1;
        }
        if total(&w) <= available || shown == 1 {
            return w
                .into_iter()
                .enumerate()
                .map(|(i, x)| (i, x as u16))
                .collect();
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use crate::config::DateStyle;
    use crate::i18n::Lang;
    use crate::store::views::STAFF;

    /// The layout of a list depends on its columns and the room alone: the same at every
    /// width for the same room, the leftmost columns kept, none wider than it asks.
    #[test]
    fn columns_fill_the_room_from_the_left() {
        for lang in [Lang::Ja, Lang::En] {
            for room in [30, 49, 77, 120, 200] {
                let shown = super::layout(lang, DateStyle::Iso, STAFF.columns, room);
                let used: usize =
                    shown.iter().map(|&(_, w)| w as usize).sum::<usize>() + shown.len() - 1;
                assert!(used <= room, "{lang:?} {room}: {shown:?}");
                let idx: Vec<usize> = shown.iter().map(|&(i, _)| i).collect();
                assert_eq!(idx, (0..shown.len()).collect::<Vec<_>>());
            }
            let wide = super::layout(lang, DateStyle::Iso, STAFF.columns, 200);
            assert_eq!(wide.len(), STAFF.columns.len(), "{lang:?}: {wide:?}");
        }
    }
}
