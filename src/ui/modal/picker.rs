//! A picker over its form: what is typed, a line on how to search, and the things offered
//! in columns aligned by display width, the chosen one highlighted.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::overlay::{centered, clear};
use super::super::theme;
use crate::app::App;
use crate::app::picker::{PickKind, Picker, box_height};
use crate::text::{fit, pad, width};

/// No column but the last is wider than this (a long path or title is cut with `…`).
const MAX_COLUMN: usize = 24;

pub(super) fn picker(app: &App, p: &Picker, frame: &mut Frame, area: Rect) {
    let l = app.session.lang;
    let r = centered(
        area,
        area.width.saturating_sub(4).min(96),
        box_height(area.height),
    );
    clear(frame, r);
    let label = l.field(p.field);
    let title = l.tf("picker.title", &[("field", &label)]);
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let w = inner.width as usize;
    let mut lines = vec![
        Line::from(vec![
            Span::styled("> ", theme::key()),
            Span::raw(p.text.clone()),
        ]),
        Line::styled(
            fit(l.t(&format!("picker.hint_{}", p.kind.name())), w),
            theme::dim(),
        ),
    ];
    let room = (inner.height as usize).saturating_sub(lines.len()).max(1);
    if p.rows.is_empty() {
        let key = if p.text.trim().is_empty() && p.kind == PickKind::Staff {
            "picker.type_to_search"
        } else {
            "ui.no_results"
        };
        lines.push(Line::styled(l.t(key), theme::dim()));
    }
    // The row chosen stays in view even on a screen other than the one scrolled for.
    let top = p
        .top
        .min(p.selected)
        .max((p.selected + 1).saturating_sub(room));
    let shown = p.rows.iter().enumerate().skip(top).take(room);
    let columns = p.rows.first().map_or(0, |r| r.cells.len());
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            p.rows
                .iter()
                .skip(top)
                .take(room)
                .map(|r| r.cells.get(c).map_or(0, |s| width(s)))
                .max()
                .unwrap_or(0)
                .min(MAX_COLUMN)
        })
        .collect();
    for (i, row) in shown {
        let mut text = String::from(" ");
        for (c, cell) in row.cells.iter().enumerate() {
            if c + 1 == row.cells.len() {
                text.push_str(cell);
            } else {
                text.push_str(&pad(&fit(cell, widths[c]), widths[c]));
                text.push_str("  ");
            }
        }
        let text = pad(&fit(&text, w), w);
        let style = if i == p.selected {
            theme::selected()
        } else {
            ratatui::style::Style::default()
        };
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    // The real cursor where one types, so the IME composes in the search line.
    if app
        .modals
        .last()
        .is_some_and(|m| matches!(m, crate::app::Modal::Picker(_)))
    {
        let x = inner.x + 2 + width(&p.text) as u16;
        frame.set_cursor_position(Position::new(
            x.min(inner.right().saturating_sub(1)),
            inner.y,
        ));
    }
}
