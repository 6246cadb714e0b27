//! A record's form (or a move's) on screen: labels, values, the cursor where one types,
//! problems under their fields.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::overlay::{centered, clear};
use super::super::theme;
use crate::app::App;
use crate::app::form::{Field, FieldKind, Form};
use crate::app::moves::Move;
use crate::i18n::Lang;
use crate::text::{pad, width};

fn value_text(app: &App, kind: FieldKind, text: &str) -> String {
    match kind {
        FieldKind::Code(group, _) | FieldKind::OptCode(group, _)
            if !text.is_empty() && group != "grade" =>
        {
            format!("‹ {} ›", app.session.lang.label(group, text))
        }
        FieldKind::Code(..) | FieldKind::OptCode(..) => format!("‹ {text} ›"),
        FieldKind::Bool => format!(
            "‹ {} ›",
            app.session
                .lang
                .t(if text == "true" { "ui.yes" } else { "ui.no" })
        ),
        _ => text.replace(['\r', '\t'], " ").replace('\n', "⏎"),
    }
}

/// A fiscal year typed as `2026` also reads as the ward names it: `（令和8年度）`.
fn fiscal_year_hint(l: Lang, field: &Field) -> Option<String> {
    if field.spec.kind != FieldKind::FiscalYear || l != Lang::Ja {
        return None;
    }
    let name = l.fiscal_year(crate::domain::date::parse_fiscal_year(&field.text)?);
    (name != field.text.trim()).then(|| format!("（{name}）"))
}

/// A record's form, or a move's (`making`), titled with what it does.
pub(super) fn form(app: &App, f: &Form, making: Option<Move>, frame: &mut Frame, area: Rect) {
    let l = app.session.lang;
    let rows = f.fields.len()
        + f.fields.iter().filter(|x| x.error.is_some()).count()
        + usize::from(f.error.is_some())
        + f.note.as_ref().map_or(0, |n| n.lines().count());
    let r = centered(
        area,
        area.width.saturating_sub(8).min(100),
        (rows as u16 + 2).min(area.height.saturating_sub(2)),
    );
    clear(frame, r);
    let doing = match making {
        Some(m) => m.label(l).to_string(),
        None => l
            .t(if f.id.is_some() { "ui.edit" } else { "ui.new" })
            .to_string(),
    };
    let title = format!("{} — {doing}", l.t(&format!("view.{}", f.view.name())));
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let label_w = f
        .fields
        .iter()
        .map(|x| width(l.field(x.spec.key)))
        .max()
        .unwrap_or(0)
        .min(20);
    let mut lines = Vec::new();
    for n in f.note.iter().flat_map(|n| n.lines()) {
        lines.push(Line::styled(n.to_string(), theme::dim()));
    }
    let mut cursor = None;
    // Keep the focused field in view: start a little above it.
    let rows_per_field = |x: &crate::app::form::Field| 1 + usize::from(x.error.is_some());
    let visible = (inner.height as usize).saturating_sub(2 + lines.len());
    let mut start = 0;
    while start < f.focus
        && f.fields[start..=f.focus]
            .iter()
            .map(rows_per_field)
            .sum::<usize>()
            > visible
    {
        start += 1;
    }
    for (i, field) in f.fields.iter().enumerate().skip(start) {
        let focused = i == f.focus;
        let label = pad(l.field(field.spec.key), label_w);
        let value = value_text(app, field.spec.kind, &field.text);
        let style = if focused {
            theme::focus_field()
        } else {
            ratatui::style::Style::default()
        };
        if focused && field.is_typed() {
            let before: String = field.text.chars().take(field.cursor).collect();
            let x = inner.x + label_w as u16 + 2 + width(&before.replace('\n', "⏎")) as u16;
            let y = inner.y + lines.len() as u16;
            cursor = Some(Position::new(x.min(inner.right().saturating_sub(1)), y));
        }
        let mut spans = vec![
            Span::styled(label, theme::dim()),
            Span::raw("  "),
            Span::styled(value, style),
        ];
        if let Some(hint) = fiscal_year_hint(l, field) {
            spans.push(Span::styled(hint, theme::dim()));
        }
        // A reference reads by name as well as by code: `1203  戸籍住民課`.
        if let Some(name) = &field.shown {
            spans.push(Span::styled(format!("  {name}"), theme::dim()));
        }
        lines.push(Line::from(spans));
        if let Some(e) = &field.error {
            lines.push(Line::from(vec![
                Span::raw(" ".repeat(label_w + 2)),
                Span::styled(e.clone(), theme::error()),
            ]));
        }
    }
    if let Some(e) = &f.error {
        lines.push(Line::styled(e.clone(), theme::error()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    // The real cursor sits where the user types, so the IME composes in place.
    if let Some(c) = cursor
        && app.modals.last().is_some_and(|m| m.form().is_some())
    {
        frame.set_cursor_position(c);
    }
}
