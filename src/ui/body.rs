//! A tab's body: the view bar (views, scope, sort, filter, count), the list of the visible
//! window with a scrollbar, the detail pane of the selected record, and the view's panel
//! under the detail (or, for a panel that takes the whole body, in place of them).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Cell as TCell, Paragraph, Row, Scrollbar, ScrollbarOrientation, ScrollbarState,
    Table, TableState,
};

use super::panels::{self, Place};
use super::theme;
use crate::app::list::ListState;
use crate::app::{App, Scope};
use crate::config::DateStyle;
use crate::domain::account::Role;
use crate::i18n::Lang;
use crate::store::Cell;
use crate::store::views::{ColKind, ViewCol};
use crate::text::{fit, width};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let [bar, main] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    view_bar(app, frame, bar);
    let panel = panels::shown(app);
    if let Some(p) = panel.as_ref().filter(|p| p.place() == Place::Instead) {
        return frame.render_widget(p, main);
    }
    let Some(list) = app.list() else { return };
    let side_w = if panel.is_some() {
        (main.width * 2 / 5).clamp(36, 64)
    } else {
        (main.width / 4).clamp(28, 48)
    };
    let [table, side] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(side_w)]).areas(main);
    render_list(app, list, frame, table);
    if let Some(p) = &panel {
        let [detail, below] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(side);
        render_detail(app, frame, detail);
        frame.render_widget(p, below);
    } else {
        render_detail(app, frame, side);
    }
}

fn view_bar(app: &App, frame: &mut Frame, area: Rect) {
    let l = app.session.lang;
    let mut spans = Vec::new();
    let status = status_text(app);
    let current = app.view();
    let views = app.views();
    let names: Vec<&str> = views
        .iter()
        .map(|v| l.t(&format!("view.{}", v.name())))
        .collect();
    let all_w: usize = names.iter().map(|n| crate::text::width(n) + 3).sum();
    if all_w + crate::text::width(&status) <= area.width as usize {
        for (v, name) in views.iter().zip(&names) {
            if *v == current {
                spans.push(Span::styled(format!("[{name}]"), theme::title()));
            } else {
                spans.push(Span::styled(format!(" {name} "), theme::dim()));
            }
            spans.push(Span::raw(" "));
        }
    } else {
        // Too narrow for every name: the one shown with as many of its neighbours as fit,
        // `…` where more are hidden, and where it stands among them.
        let i = views.iter().position(|v| *v == current).unwrap_or(0);
        let counter = format!(" {}/{} ", i + 1, views.len());
        let room = (area.width as usize)
            .saturating_sub(crate::text::width(&status) + crate::text::width(&counter) + 4);
        let w = |k: usize| crate::text::width(names[k]) + 3;
        let (mut a, mut b, mut used) = (i, i, w(i));
        loop {
            let right = b + 1 < names.len() && used + w(b + 1) <= room;
            if right {
                b += 1;
                used += w(b);
            }
            let left = a > 0 && used + w(a - 1) <= room;
            if left {
                a -= 1;
                used += w(a);
            }
            if !right && !left {
                break;
            }
        }
        if a > 0 {
            spans.push(Span::styled("…", theme::dim()));
        }
        for (k, name) in names.iter().enumerate().take(b + 1).skip(a) {
            if k == i {
                spans.push(Span::styled(format!("[{name}]"), theme::title()));
            } else {
                spans.push(Span::styled(format!(" {name} "), theme::dim()));
            }
            spans.push(Span::raw(" "));
        }
        if b + 1 < names.len() {
            spans.push(Span::styled("…", theme::dim()));
        }
        spans.push(Span::styled(counter, theme::dim()));
    }
    spans.push(Span::styled(status, theme::dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Scope, sort, filter and count of the list shown.
fn status_text(app: &App) -> String {
    let l = app.session.lang;
    if let Some(list) = app.list() {
        let scope = match &app.nav.scope {
            // A staff member sees only their own records: "everyone" would say otherwise.
            Scope::Everyone if app.session.account.role == Role::Staff => l.t("ui.scope_own"),
            Scope::Everyone => l.t("ui.scope_all"),
            Scope::Section { name, .. } => name.as_str(),
        };
        let sort_col = list
            .view
            .columns
            .get(list.query.sort)
            .map(|c| l.field(c.key))
            .unwrap_or("");
        let arrow = if list.query.desc { "↓" } else { "↑" };
        let state = match (&list.query.state, list.view.state) {
            (Some(s), Some((_, group))) => l.label(group, s).to_string(),
            _ => l.t("ui.all").to_string(),
        };
        return format!(
            "│ {} {}  {} {}{}  {} {}  {}",
            l.t("ui.scope"),
            scope,
            l.t("ui.sort"),
            sort_col,
            arrow,
            l.t("ui.filter"),
            state,
            if list.exact {
                l.tf("ui.count", &[("n", &list.total)])
            } else {
                // Still being counted off the screen's thread.
                l.tf("ui.count_more", &[("n", &list.total)])
            }
        );
    }
    String::new()
}

/// A cell as people read it: codes by label, percentages with a sign.
pub fn cell_text(lang: Lang, style: DateStyle, col: &ViewCol, c: &Cell) -> String {
    match (col.kind, c) {
        (_, Cell::Null) => String::new(),
        (ColKind::Date, Cell::Text(t)) => t
            .parse()
            .map(|d| style.show(d))
            .unwrap_or_else(|_| t.clone()),
        (ColKind::Code(group), Cell::Text(code)) => lang.label(group, code).to_string(),
        (ColKind::Named(group), Cell::Text(t)) => {
            lang.named(group, t).replace(['\n', '\r', '\t'], " ")
        }
        (ColKind::Percent, c) => format!("{}%", c.as_text()),
        (ColKind::Balance, Cell::Int(n)) => match n {
            n if *n < 0 => lang.tf("ui.balance_short", &[("n", &n.unsigned_abs())]),
            n if *n > 0 => lang.tf("ui.balance_over", &[("n", n)]),
            _ => "0".into(),
        },
        (ColKind::Stamp, Cell::Text(t)) => crate::text::local_stamp(t),
        (_, c) => c.as_text().replace(['\n', '\r', '\t'], " "),
    }
}

fn render_list(app: &App, list: &ListState, frame: &mut Frame, area: Rect) {
    let l = app.session.lang;
    let texts: Vec<Vec<String>> = list
        .rows
        .iter()
        .map(|r| {
            list.view
                .columns
                .iter()
                .zip(&r.cells)
                .map(|(c, v)| match (&r.beside, c.key) {
                    // There by a post beside the main one: the kind and this unit.
                    (Some((kind, unit)), "unit") => {
                        format!("{} {unit}", l.label("beside_mark", kind.code()))
                    }
                    _ => cell_text(l, app.session.date_style, c, v),
                })
                .collect()
        })
        .collect();
    let available = area.width.saturating_sub(3) as usize;
    let shown = super::columns::layout(l, app.session.date_style, list.view.columns, available);
    let header = Row::new(shown.iter().map(|&(i, w)| {
        let mut s = l.field(list.view.columns[i].key).to_string();
        if i == list.query.sort {
            s.push_str(if list.query.desc { "↓" } else { "↑" });
        }
        TCell::from(fit(&s, w.into()))
    }))
    .style(theme::title());
    let rows = texts.iter().map(|r| {
        Row::new(
            shown
                .iter()
                .map(|&(i, w)| TCell::from(fit(&r[i], w.into()))),
        )
    });
    let title = l.t(&format!("view.{}", list.view.name));
    let widths: Vec<Constraint> = shown.iter().map(|&(_, w)| Constraint::Length(w)).collect();
    let table = Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .row_highlight_style(theme::selected())
        .block(Block::default().borders(Borders::ALL).title(title));
    let mut state = TableState::default();
    if list.total > 0 {
        state.select(Some(list.selected.saturating_sub(list.offset)));
    }
    frame.render_stateful_widget(table, area, &mut state);
    // A long list in an order no index holds is being sorted off the screen's thread.
    let note = match (list.sorting, list.total) {
        (true, _) => Some("ui.sorting"),
        (false, 0) => Some("ui.empty"),
        _ => None,
    };
    if let Some(key) = note {
        let inner = area.inner(Margin {
            horizontal: 2,
            vertical: 2,
        });
        frame.render_widget(Paragraph::new(l.t(key)).style(theme::dim()), inner);
    }
    let mut sb = ScrollbarState::new(list.total).position(list.selected);
    frame.render_stateful_widget(
        Scrollbar::new(ScrollbarOrientation::VerticalRight),
        area.inner(Margin {
            horizontal: 0,
            vertical: 1,
        }),
        &mut sb,
    );
}

/// The selected record as label/value lines for `inner_w` columns, values wrapped
/// under their column (the pane beside the list, and the full view on `v`).
pub(super) fn detail_lines(app: &App, inner_w: usize) -> Vec<Line<'static>> {
    let l = app.session.lang;
    let longest = app
        .shown
        .detail
        .iter()
        .map(|(k, _)| width(l.field(k)))
        .max()
        .unwrap_or(0);
    // Labels get at most 40% of the pane; values wrap under the value column.
    let label_w = longest.min(inner_w * 2 / 5).max(4);
    let value_w = inner_w.saturating_sub(label_w + 1).max(4);
    let mut lines: Vec<Line> = Vec::new();
    for (k, v) in &app.shown.detail {
        let value = v.replace(['\r', '\t'], " ");
        for (n, part) in crate::text::wrap(&value, value_w).into_iter().enumerate() {
            let label = if n == 0 {
                crate::text::fit(l.field(k), label_w)
            } else {
                String::new()
            };
            lines.push(Line::from(vec![
                Span::styled(crate::text::pad(&label, label_w), theme::dim()),
                Span::raw(" "),
                Span::raw(part),
            ]));
        }
    }
    lines
}

fn render_detail(app: &App, frame: &mut Frame, area: Rect) {
    let l = app.session.lang;
    let inner_w = area.width.saturating_sub(2) as usize;
    let inner_h = area.height.saturating_sub(2) as usize;
    let mut lines = detail_lines(app, inner_w);
    if lines.len() > inner_h && inner_h > 0 {
        lines.truncate(inner_h - 1);
        lines.push(Line::styled(l.t("ui.more_in_form"), theme::dim()));
    }
    let p = Paragraph::new(lines).block(
        Block::default()
            .borders(Borders::ALL)
            .title(l.t("ui.detail")),
    );
    frame.render_widget(p, area);
}
