//! Modals over the screen: the form, questions, messages, search and help.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::overlay::{centered, clear};
use super::theme;
use crate::app::action::Mode;
use crate::app::form::{Field, FieldKind, Form};
use crate::app::keymap::key_name;
use crate::app::moves::{Move, MoveMenu};
use crate::app::{App, Modal, SearchBox};
use crate::i18n::Lang;
use crate::text::{pad, width};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    for m in &app.modals {
        match m {
            Modal::Form(f) => form(app, f, None, frame, area),
            Modal::Move(mf) => form(app, &mf.form, Some(mf.m), frame, area),
            Modal::Confirm { question, .. } => {
                message(app, frame, area, question, "ui.confirm_title", true)
            }
            Modal::Message { text } => message(app, frame, area, text, "ui.message_title", false),
            Modal::Search(sb) => search(app, sb, frame, area),
            Modal::Help => help(app, frame, area),
            Modal::Moves(menu) => moves(app, menu, frame, area),
            Modal::Detail => detail(app, frame, area),
            Modal::Files(menu) => {
                let labels: Vec<&str> = menu.items.iter().map(|(_, l)| l.as_str()).collect();
                let view = app.session.lang.t(&format!("view.{}", app.view_name()));
                let title = app.session.lang.tf("files.title", &[("view", &view)]);
                choices(frame, area, &title, &labels, menu.selected, Vec::new());
            }
            Modal::Job => super::job::render(app, frame, area),
        }
    }
}

fn message(app: &App, frame: &mut Frame, area: Rect, text: &str, title: &str, question: bool) {
    let r = centered(area, 72, (text.lines().count() as u16 + 5).max(7));
    clear(frame, r);
    let mut lines: Vec<Line> = text.lines().map(|l| Line::raw(l.to_string())).collect();
    lines.push(Line::raw(""));
    if question {
        lines.push(Line::styled(app.session.lang.t("ui.yes_no"), theme::key()));
    } else {
        lines.push(Line::styled(
            app.session.lang.t("ui.press_esc"),
            theme::dim(),
        ));
    }
    let p = Paragraph::new(lines).wrap(Wrap { trim: false }).block(
        Block::default()
            .borders(Borders::ALL)
            .title(app.session.lang.t(title)),
    );
    frame.render_widget(p, r);
}

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
fn form(app: &App, f: &Form, making: Option<Move>, frame: &mut Frame, area: Rect) {
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

fn search(app: &App, sb: &SearchBox, frame: &mut Frame, area: Rect) {
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

/// The lines of help for one mode: each action once, with all its keys.
fn help_lines<'a>(app: &'a App, mode: Mode, title: &str) -> Vec<Line<'a>> {
    let l = app.session.lang;
    let mut lines = vec![Line::styled(l.t(title).to_string(), theme::title())];
    let mut seen: Vec<&str> = Vec::new();
    for b in app.keymap.bindings(mode) {
        if seen.contains(&b.help) {
            continue;
        }
        seen.push(b.help);
        let keys = if b.help == "help.go_tab" {
            "1-8".to_string()
        } else {
            let all: Vec<String> = app
                .keymap
                .bindings(mode)
                .filter(|x| x.help == b.help)
                .map(|x| key_name(x.key, x.mods))
                .collect();
            all.join(" / ")
        };
        lines.push(Line::from(vec![
            Span::styled(pad(&format!("  {keys}"), 20), theme::key()),
            Span::raw(" "),
            Span::raw(l.t(b.help)),
        ]));
    }
    lines
}

fn help(app: &App, frame: &mut Frame, area: Rect) {
    let r = centered(
        area,
        area.width.saturating_sub(4).min(110),
        area.height.saturating_sub(2),
    );
    clear(frame, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(app.session.lang.t("ui.help_title"));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    // Lists on the left; search, forms and questions on the right.
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    frame.render_widget(
        Paragraph::new(help_lines(app, Mode::Normal, "ui.help_lists")),
        left,
    );
    let mut rest = help_lines(app, Mode::Search, "ui.help_search");
    for (mode, title) in [
        (Mode::Form, "ui.help_forms"),
        (Mode::Confirm, "ui.help_confirm"),
    ] {
        rest.push(Line::raw(""));
        rest.extend(help_lines(app, mode, title));
    }
    frame.render_widget(Paragraph::new(rest), right);
}

/// The workflow moves open on a record; below them, the ones waiting for someone else.
fn moves(app: &App, menu: &MoveMenu, frame: &mut Frame, area: Rect) {
    let l = app.session.lang;
    let mut extra = Vec::new();
    if !menu.blocked.is_empty() {
        extra.push(Line::styled(l.t("ui.moves_waiting"), theme::dim()));
        for (label, why) in &menu.blocked {
            extra.push(Line::styled(format!(" {label} — {why}"), theme::dim()));
        }
    }
    let labels: Vec<&str> = menu.moves.iter().map(|(_, label)| label.as_str()).collect();
    choices(
        frame,
        area,
        l.t("ui.moves_title"),
        &labels,
        menu.selected,
        extra,
    );
}

/// A list to choose one from, the chosen one highlighted, with lines below it that are
/// not choices (why a move waits).
fn choices(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    labels: &[&str],
    selected: usize,
    extra: Vec<Line<'static>>,
) {
    let mut lines = Vec::new();
    for (i, label) in labels.iter().enumerate() {
        let text = format!(" {label} ");
        if i == selected {
            lines.push(Line::styled(text, theme::selected()));
        } else {
            lines.push(Line::raw(text));
        }
    }
    if !extra.is_empty() {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.extend(extra);
    }
    let w = lines
        .iter()
        .map(|x| x.width() as u16)
        .max()
        .unwrap_or(20)
        .max(width(title) as u16 + 4)
        + 4;
    let r = centered(
        area,
        w.min(area.width.saturating_sub(4)),
        lines.len() as u16 + 2,
    );
    clear(frame, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title.to_string());
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        r,
    );
}

/// The selected record in full (`v`), for when the pane beside the list is too short.
fn detail(app: &App, frame: &mut Frame, area: Rect) {
    let w = area.width.saturating_sub(4).min(100);
    let mut lines = super::body::detail_lines(app, w.saturating_sub(2) as usize);
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    lines.truncate(h.saturating_sub(2) as usize);
    let r = centered(area, w, h);
    clear(frame, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(app.session.lang.t("ui.detail"));
    frame.render_widget(Paragraph::new(lines).block(block), r);
}
