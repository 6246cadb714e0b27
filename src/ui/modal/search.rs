//! The search box (`/`) and the people it finds.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::overlay::{centered, clear};
use super::super::theme;
use crate::app::{App, SearchBox};
use crate::text::{fit, pad, width};

pub(super) fn search(app: &App, sb: &SearchBox, frame: &mut Frame, area: Rect) {
    let l = app.session.lang;
    let r = centered(area, 80, area.height.saturating_sub(6).min(24));
    clear(frame, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(l.t("ui.search_title"));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let mut lines = vec![Line::from(vec![
        Span::styled("/ ", theme::key()),
        Span::raw(sb.text.clone()),
    ])];
    lines.push(Line::styled(l.t("ui.search_hint"), theme::dim()));
    if sb.results.is_empty() && !sb.text.is_empty() {
        lines.push(Line::styled(l.t("ui.no_results"), theme::dim()));
    }
    // Staff number, name, reading and position in columns (a longer name pushes the rest
    // on rather than lose what identifies the person); the unit takes what is left of the
    // line, cut with … when long. Widths are display columns.
    const COLUMNS: [usize; 4] = [8, 14, 18, 13];
    for (i, f) in sb.results.iter().enumerate() {
        let s = &f.staff;
        let cells = [
            s.staff_no.clone(),
            s.full_name(),
            s.full_kana(),
            l.label("position", s.position.code()).to_string(),
        ];
        let mut text = String::new();
        for (cell, w) in cells.iter().zip(COLUMNS) {
            text.push_str(&pad(cell, w));
            text.push_str("  ");
        }
        let left = (inner.width as usize).saturating_sub(width(&text));
        text.push_str(&fit(&f.unit, left));
        let style = if i == sb.selected {
            theme::selected()
        } else {
            ratatui::style::Style::default()
        };
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    frame.set_cursor_position(Position::new(inner.x + 2 + width(&sb.text) as u16, inner.y));
}
