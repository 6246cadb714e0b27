//! Modals over the screen: the form, questions, messages, search and help.

mod form;
mod help;
mod picker;
mod search;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::overlay::{centered, clear};
use super::theme;
use crate::app::moves::MoveMenu;
use crate::app::{App, Modal};
use crate::text::width;
use form::form;
use help::help;
use picker::picker;
use search::search;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    for m in &app.modals {
        match m {
            Modal::Form(f) | Modal::AsOf(f) => form(app, f, None, frame, area),
            Modal::Move(mf) => form(app, &mf.form, Some(mf.m), frame, area),
            Modal::Confirm { question, .. } => {
                message(app, frame, area, question, "ui.confirm_title", true)
            }
            Modal::Message { text } => message(app, frame, area, text, "ui.message_title", false),
            Modal::Search(sb) => search(app, sb, frame, area),
            Modal::Picker(p) => picker(app, p, frame, area),
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

/// A message or a question in a box of at most 72 columns, its text broken by display
/// width to the box (a long path too), the box as tall as the lines it holds.
fn message(app: &App, frame: &mut Frame, area: Rect, text: &str, title: &str, question: bool) {
    let w = 72.min(area.width.saturating_sub(4));
    let inner = w.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = text
        .lines()
        .flat_map(|l| crate::text::wrap(l, inner))
        .map(Line::raw)
        .collect();
    lines.push(Line::raw(""));
    if question {
        lines.push(Line::styled(app.session.lang.t("ui.yes_no"), theme::key()));
    } else {
        lines.push(Line::styled(
            app.session.lang.t("ui.press_esc"),
            theme::dim(),
        ));
    }
    let r = centered(area, w, (lines.len() as u16 + 3).max(7));
    clear(frame, r);
    let p = Paragraph::new(lines).block(
        Block::default()
            .borders(Borders::ALL)
            .title(app.session.lang.t(title)),
    );
    frame.render_widget(p, r);
}

/// The workflow moves open on a record; below them, the ones waiting for someone else.
fn moves(app: &App, menu: &MoveMenu, frame: &mut Frame, area: Rect) {
    let l = app.session.lang;
    let mut extra = Vec::new();
    if !menu.blocked.is_empty() {
        extra.push(l.t("ui.moves_waiting").to_string());
        for (label, why) in &menu.blocked {
            extra.push(format!(" {label} — {why}"));
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
/// not choices (why a move waits). All of it stays in the box: a choice too long for the
/// screen is cut with `…`, the other lines are broken by display width.
fn choices(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    labels: &[&str],
    selected: usize,
    extra: Vec<String>,
) {
    let natural = labels
        .iter()
        .map(|x| width(x) + 2)
        .chain(extra.iter().map(|x| width(x)))
        .max()
        .unwrap_or(20)
        .max(width(title) + 4)
        + 4;
    let w = (natural as u16).min(area.width.saturating_sub(4));
    let inner = w.saturating_sub(2) as usize;
    let mut lines = Vec::new();
    for (i, label) in labels.iter().enumerate() {
        let text = format!(" {} ", crate::text::fit(label, inner.saturating_sub(2)));
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
        for x in &extra {
            for part in crate::text::wrap(x, inner) {
                lines.push(Line::styled(part, theme::dim()));
            }
        }
    }
    let r = centered(area, w, lines.len() as u16 + 2);
    clear(frame, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title.to_string());
    frame.render_widget(Paragraph::new(lines).block(block), r);
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
