//! Header, tab bar and help bar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs};

use super::theme;
use crate::app::App;
use crate::app::keymap::key_name;
use crate::app::tab::Tab;
use crate::text::width;

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
    // 定数・現員 counts on a day: which one.
    if app.view() == crate::app::view::View::Posts {
        spans.push(Span::raw(format!(
            "│ {} {} ",
            l.t("ui.as_of"),
            app.as_of_text(app.posts_day())
        )));
    }
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

/// Every tab, at any width the screen allows: full names where they fit, else the short
/// forms (`tab.<name>.short`), else those without the padding around each.
pub fn tabs(app: &App, frame: &mut Frame, area: Rect) {
    let l = app.session.lang;
    let titles = |short: bool| -> Vec<String> {
        Tab::ALL
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let name = match short {
                    true => l
                        .try_t(&format!("{}.short", t.key()))
                        .unwrap_or(l.t(t.key())),
                    false => l.t(t.key()),
                };
                format!("{} {name}", i + 1)
            })
            .collect()
    };
    // Each title, its padding on both sides, and a divider between titles.
    let need = |ts: &[String], pad: usize| {
        ts.iter().map(|t| width(t) + 2 * pad).sum::<usize>() + ts.len().saturating_sub(1)
    };
    let room = area.width as usize;
    let (titles, pad) = [(false, 1), (true, 1), (true, 0)]
        .into_iter()
        .map(|(short, pad)| (titles(short), pad))
        .find(|(ts, pad)| need(ts, *pad) <= room)
        .unwrap_or_else(|| (titles(true), 0));
    let space = " ".repeat(pad);
    let tabs = Tabs::new(titles)
        .select(app.nav.tab.index())
        .highlight_style(theme::tab_active())
        .padding(space.clone(), space)
        .divider("│");
    frame.render_widget(tabs, area);
}

/// Keys of the bar that the screen shows elsewhere (the tab numbers on the tab bar) or
/// that wait on the help page, in the order they give way when the bar is too narrow.
const GIVE_WAY: [&str; 5] = [
    "help.go_tab",
    "help.scope",
    "help.filter",
    "help.sort",
    "help.focus",
];

/// The most used keys of the current mode, from the live keymap. Where the width is short,
/// labels take their short forms (`help.<name>.short`), the gaps narrow, and then the keys
/// in [`GIVE_WAY`] are left to the help page: the rest (`m`, `x`, `?`, …) stay in view.
pub fn help_bar(app: &App, frame: &mut Frame, area: Rect) {
    let l = app.session.lang;
    let mut items: Vec<(String, &str)> = Vec::new();
    for b in app.keymap.bindings(app.mode()).filter(|b| b.bar) {
        if items.iter().any(|(_, h)| *h == b.help) {
            continue;
        }
        let key = if b.help == "help.go_tab" {
            "1-8".to_string()
        } else {
            key_name(b.key, b.mods)
        };
        items.push((key, b.help));
    }
    let label = |help: &str, short: bool| match short {
        true => l
            .try_t(&format!("{help}.short"))
            .unwrap_or_else(|| l.t(help)),
        false => l.t(help),
    };
    let need = |items: &[(String, &str)], short: bool, gap: usize| {
        let n = items.len();
        items
            .iter()
            .map(|(k, h)| width(k) + 1 + width(label(h, short)))
            .sum::<usize>()
            + gap * n.saturating_sub(1)
    };
    let room = area.width as usize;
    let (mut short, mut gap) = (false, 2);
    for (s, g) in [(false, 2), (true, 2), (true, 1)] {
        (short, gap) = (s, g);
        if need(&items, s, g) <= room {
            break;
        }
    }
    for help in GIVE_WAY {
        if need(&items, short, gap) <= room {
            break;
        }
        items.retain(|(_, h)| *h != help);
    }
    let mut spans = Vec::new();
    for (key, help) in &items {
        if !spans.is_empty() {
            spans.push(Span::raw(" ".repeat(gap)));
        }
        spans.push(Span::styled(key.clone(), theme::key()));
        spans.push(Span::raw(format!(" {}", label(help, short))));
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
