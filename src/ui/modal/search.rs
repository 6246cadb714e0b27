//! The search box (`/`) and the people it finds.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::overlay::{centered, clear};
use super::super::theme;
use crate::app::{App, SearchBox};
use crate::text::{pad, width};

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
    for (i, s) in sb.results.iter().enumerate() {
        let text = format!(
            "{}  {}  {}  {}",
            pad(&s.staff_no, 8),
            pad(&s.full_name(), 14),
            pad(&s.full_kana(), 20),
            l.label("position", s.position.code())
        );
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
