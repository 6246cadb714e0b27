//! The help page: every key of every mode, from the keymap in force.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::overlay::{centered, clear};
use super::super::theme;
use crate::app::App;
use crate::app::action::Mode;
use crate::app::keymap::key_name;
use crate::text::pad;

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

pub(super) fn help(app: &App, frame: &mut Frame, area: Rect) {
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
    // On the PDCA tab the board's marks come first: what `!1`, 未確認 and N日前 mean.
    let mut rest = Vec::new();
    if app.nav.tab == crate::app::tab::Tab::Pdca {
        let l = app.session.lang;
        rest.push(Line::styled(l.t("panel.board_legend"), theme::title()));
        for item in crate::ui::panels::legend_items(l) {
            rest.push(Line::raw(format!("  {item}")));
        }
        rest.push(Line::raw(""));
    }
    rest.extend(help_lines(app, Mode::Search, "ui.help_search"));
    for (mode, title) in [
        (Mode::Form, "ui.help_forms"),
        (Mode::Confirm, "ui.help_confirm"),
    ] {
        rest.push(Line::raw(""));
        rest.extend(help_lines(app, mode, title));
    }
    frame.render_widget(Paragraph::new(rest), right);
}
