//! Header, tab bar and help bar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs};

use super::theme;
use crate::app::App;
use crate::app::keymap::key_name;
use crate::app::tab::Tab;

/// User, role, database, fiscal year in view, and the person in focus.
pub fn header(app: &App, frame: &mut Frame, area: Rect) {
    let l = app.session.lang;
    let mut spans = vec![
        Span::styled(format!(" {} ", l.t("ui.app")), theme::title()),
        Span::raw(format!(
            "│ {} {} ({}) ",
            l.t("ui.user"),
            app.session.account.login,
            app.role_label()
        )),
        Span::raw(format!(
            "│ {} {} ",
            l.t("ui.fiscal_year"),
            l.fiscal_year(app.nav.fiscal_year)
        )),
    ];
    if let Some(p) = &app.nav.focus {
        spans.push(Span::raw(format!(
            "│ {} {} {} ",
            l.t("ui.focus"),
            p.staff_no,
            p.full_name()
        )));
    }
    spans.push(Span::raw(format!("│ {}", app.session.db.path().display())));
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme::header()),
        area,
    );
}

pub fn tabs(app: &App, frame: &mut Frame, area: Rect) {
    let titles: Vec<String> = Tab::ALL
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{} {}", i + 1, app.session.lang.t(t.key())))
        .collect();
    let tabs = Tabs::new(titles)
        .select(app.nav.tab.index())
        .highlight_style(theme::tab_active())
        .divider("│");
    frame.render_widget(tabs, area);
}

/// The most used keys of the current mode, from the live keymap.
pub fn help_bar(app: &App, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    let mut seen = Vec::new();
    for b in app.keymap.bindings(app.mode()).filter(|b| b.bar) {
        if seen.contains(&b.help) {
            continue;
        }
        seen.push(b.help);
        let key = if b.help == "help.go_tab" {
            "1-8".to_string()
        } else {
            key_name(b.key, b.mods)
        };
        spans.push(Span::styled(key, theme::key()));
        spans.push(Span::raw(format!(" {}  ", app.session.lang.t(b.help))));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The word after the last action (「保存しました」), in the status line until the next
/// key; false when there is none and the help bar has the line.
pub fn notice(app: &App, frame: &mut Frame, area: Rect) -> bool {
    let Some(text) = &app.shown.notice else {
        return false;
    };
    let text = crate::text::fit(&format!(" {text}"), area.width.into());
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(text, theme::title()))),
        area,
    );
    true
}
