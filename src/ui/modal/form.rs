//! A record's form (or a move's) on screen: labels, values, the cursor where one types,
//! problems under their fields. Text areas wrap and scroll, one-line fields scroll
//! sideways with the cursor, and the form scrolls to keep the field in focus (and its
//! problem) in view; marks on the frame say there is more above or below.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Text;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::overlay::{centered, clear};
use super::super::theme;
use crate::app::App;
use crate::app::form::layout::{self, form_width};
use crate::app::form::{Field, FieldKind, Form};
use crate::app::moves::Move;
use crate::i18n::Lang;
use crate::text::{fit, pad, wrap};

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
        _ => text.replace(['\r', '\t', '\n'], " "),
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

/// A field as drawn: its rows, and where the cursor sits in them (row, column).
struct Drawn {
    lines: Vec<Line<'static>>,
    cursor: Option<(usize, usize)>,
}

/// A field's rows: label and value (a text area's rows as they wrap, a one-line value
/// around its cursor), then its problem and any word on what a paste did.
fn field_rows(app: &App, f: &Form, i: usize, label_w: usize, value_w: usize) -> Drawn {
    let l = app.session.lang;
    let field = &f.fields[i];
    let focused = i == f.focus;
    let style = if focused {
        theme::focus_field()
    } else {
        ratatui::style::Style::default()
    };
    let label = pad(&fit(l.field(field.spec.key), label_w), label_w);
    let mut values: Vec<Span<'static>> = Vec::new();
    let mut cursor = None;
    match field.spec.kind {
        FieldKind::Note => {
            let rows = layout::rows(&field.text, value_w);
            let shown = layout::field_rows(field.spec.kind, &field.text, value_w, focused);
            let (row, col) = layout::cursor_at(&field.text, &rows, field.cursor);
            let first = if focused {
                (row + 1).saturating_sub(shown)
            } else {
                0
            };
            let chars: Vec<char> = field.text.chars().collect();
            let mut lines = Vec::new();
            for k in first..first + shown {
                let text: String = rows
                    .get(k)
                    .map(|r| chars[r.clone()].iter().collect())
                    .unwrap_or_default();
                let cut = k + 1 == first + shown && first + shown < rows.len();
                let text = if cut {
                    format!("{}…", fit(&text, value_w.saturating_sub(1)))
                } else {
                    text
                };
                lines.push(Line::from(vec![
                    Span::styled(
                        if k == first {
                            label.clone()
                        } else {
                            " ".repeat(label_w)
                        },
                        theme::dim(),
                    ),
                    Span::raw("  "),
                    Span::styled(pad(&text, if focused { value_w } else { 0 }), style),
                ]));
            }
            if focused {
                cursor = Some((row - first, col));
            }
            return with_notes(field, Drawn { lines, cursor }, label_w, value_w);
        }
        _ if field.is_typed() => {
            let (text, col) = layout::sideways(
                &value_text(app, field.spec.kind, &field.text),
                if focused { field.cursor } else { 0 },
                value_w,
            );
            if focused {
                cursor = Some((0, col));
            }
            values.push(Span::styled(text, style));
        }
        _ => values.push(Span::styled(
            fit(&value_text(app, field.spec.kind, &field.text), value_w),
            style,
        )),
    }
    if let Some(hint) = fiscal_year_hint(l, field) {
        values.push(Span::styled(hint, theme::dim()));
    }
    // A reference reads by name as well as by code: `1203  戸籍住民課`.
    if let Some(name) = &field.shown {
        values.push(Span::styled(format!("  {name}"), theme::dim()));
    }
    let mut spans = vec![Span::styled(label, theme::dim()), Span::raw("  ")];
    spans.extend(values);
    let drawn = Drawn {
        lines: vec![Line::from(spans)],
        cursor,
    };
    with_notes(field, drawn, label_w, value_w)
}

/// The field's problem (and the word on a paste) under it, wrapped to the value column.
fn with_notes(field: &Field, mut d: Drawn, label_w: usize, value_w: usize) -> Drawn {
    for (text, style) in [(&field.error, theme::error()), (&field.info, theme::warn())] {
        for line in text.iter().flat_map(|t| wrap(t, value_w)) {
            d.lines.push(Line::from(vec![
                Span::raw(" ".repeat(label_w + 2)),
                Span::styled(line, style),
            ]));
        }
    }
    d
}

/// A record's form, or a move's (`making`), titled with what it does.
pub(super) fn form(app: &App, f: &Form, making: Option<Move>, frame: &mut Frame, area: Rect) {
    let l = app.session.lang;
    let label_w = f.label_width(l, area.width);
    let value_w = f.value_width(l, area.width);
    let inner_w = (form_width(area.width) as usize).saturating_sub(2);
    // The note above the fields scrolls with them; the form's own problem stays at the
    // foot, always in view.
    let note: Vec<Line> = f
        .note
        .iter()
        .flat_map(|n| wrap(n, inner_w))
        .map(|n| Line::styled(n, theme::dim()))
        .collect();
    let fields: Vec<Drawn> = (0..f.fields.len())
        .map(|i| field_rows(app, f, i, label_w, value_w))
        .collect();
    let foot: Vec<Line> = f
        .error
        .iter()
        .flat_map(|e| wrap(e, inner_w))
        .map(|e| Line::styled(e, theme::error()))
        .collect();
    let body_rows = note.len() + fields.iter().map(|d| d.lines.len()).sum::<usize>();
    let r = centered(
        area,
        form_width(area.width),
        ((body_rows + foot.len()) as u16 + 2).min(area.height.saturating_sub(2)),
    );
    clear(frame, r);
    let doing = match making {
        Some(m) => m.label(l).to_string(),
        None => l
            .t(if f.id.is_some() { "ui.edit" } else { "ui.new" })
            .to_string(),
    };
    let mut title = format!("{} — {doing}", l.t(&format!("view.{}", f.view.name())));
    let asks_day = matches!(app.modals.last(), Some(crate::app::Modal::AsOf(_)));
    if asks_day {
        title = format!(
            "{} — {}",
            l.t(&format!("view.{}", f.view.name())),
            l.t("ui.as_of")
        );
    }
    // A new record of a year's list is for the year on screen: the title says which.
    if making.is_none()
        && !asks_day
        && f.id.is_none()
        && f.view.list().is_some_and(|v| v.has_fiscal_year())
    {
        let fy = f
            .base
            .get("fiscal_year")
            .and_then(serde_json::Value::as_i64)
            .and_then(|y| i32::try_from(y).ok())
            .unwrap_or(app.nav.fiscal_year);
        title = format!("{title}（{}）", l.fiscal_year(fy));
    }
    let mut block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(r);
    let room = (inner.height as usize).saturating_sub(foot.len()).max(1);
    // Scroll as little as keeps the field in focus, its rows and its problem, in view.
    let focus_at = note.len()
        + fields[..f.focus.min(fields.len())]
            .iter()
            .map(|d| d.lines.len())
            .sum::<usize>();
    let focus_end = focus_at + fields.get(f.focus).map_or(1, |d| d.lines.len());
    let start = focus_end.saturating_sub(room).min(focus_at);
    if start > 0 {
        block = block.title(Line::from("▲").right_aligned());
    }
    if start + room < body_rows {
        block = block.title_bottom(Line::from("▼").right_aligned());
    }
    frame.render_widget(block, r);
    let cursor = fields
        .get(f.focus)
        .and_then(|d| d.cursor)
        .map(|(row, col)| {
            let y = (focus_at + row).saturating_sub(start);
            let x = inner.x as usize + label_w + 2 + col;
            Position::new(
                (x as u16).min(inner.right().saturating_sub(1)),
                inner.y + y as u16,
            )
        });
    let lines: Vec<Line> = note
        .into_iter()
        .chain(fields.into_iter().flat_map(|d| d.lines))
        .skip(start)
        .take(room)
        .chain(foot)
        .collect();
    frame.render_widget(Paragraph::new(Text::from(lines)), inner);
    // The real cursor sits where the user types, so the IME composes in place.
    if let Some(c) = cursor
        && app.modals.last().is_some_and(|m| m.form().is_some())
        && c.y < inner.y + room as u16
    {
        frame.set_cursor_position(c);
    }
}
