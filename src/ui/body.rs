//! A tab's body: the view bar (views, scope, sort, filter, count), the list of the visible
//! window with a scrollbar, and the detail pane of the selected record.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Cell as TCell, Paragraph, Row, Scrollbar, ScrollbarOrientation, ScrollbarState,
    Table, TableState, Wrap,
};

use super::theme;
use crate::app::list::ListState;
use crate::app::{App, Scope};
use crate::i18n::Lang;
use crate::store::export::Cell;
use crate::store::views::{ColKind, ViewCol};
use crate::text::width;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let [bar, main] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    view_bar(app, frame, bar);
    let Some(list) = app.list() else { return };
    let has_panel = !matches!(app.panel, crate::app::panel::Panel::None);
    let side_w = if has_panel {
        (main.width * 2 / 5).clamp(36, 64)
    } else {
        (main.width / 4).clamp(28, 48)
    };
    let [table, side] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(side_w)]).areas(main);
    render_list(app, list, frame, table);
    if has_panel {
        let [detail, panel] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(side);
        render_detail(app, frame, detail);
        super::panel::render(app, frame, panel);
    } else {
        render_detail(app, frame, side);
    }
}

fn view_bar(app: &App, frame: &mut Frame, area: Rect) {
    let l = app.lang;
    let mut spans = Vec::new();
    let current = app.view_name();
    for v in app.tab.views() {
        let name = l.t(&format!("view.{v}"));
        if *v == current {
            spans.push(Span::styled(format!("[{name}]"), theme::title()));
        } else {
            spans.push(Span::styled(format!(" {name} "), theme::dim()));
        }
        spans.push(Span::raw(" "));
    }
    if let Some(list) = app.list() {
        let scope = match app.scope {
            Scope::Everyone => l.t("ui.scope_all"),
            Scope::MyUnit => l.t("ui.scope_unit"),
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
        spans.push(Span::styled(
            format!(
                "│ {} {}  {} {}{}  {} {}  {}",
                l.t("ui.scope"),
                scope,
                l.t("ui.sort"),
                sort_col,
                arrow,
                l.t("ui.filter"),
                state,
                l.tf("ui.count", &[("n", &list.total)])
            ),
            theme::dim(),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A cell as people read it: codes by label, percentages with a sign.
pub fn cell_text(lang: Lang, col: &ViewCol, c: &Cell) -> String {
    match (col.kind, c) {
        (_, Cell::Null) => String::new(),
        (ColKind::Code(group), Cell::Text(code)) => lang.label(group, code).to_string(),
        (ColKind::Percent, c) => format!("{}%", c.as_text()),
        (_, c) => c.as_text().replace(['\n', '\r', '\t'], " "),
    }
}

/// Which columns show, and how wide, by display width of the header and the visible
/// cells. When they do not fit, free text gives way first (never below 8 columns); then
/// the rightmost columns are left out rather than cut.
fn layout_columns(
    lang: Lang,
    list: &ListState,
    texts: &[Vec<String>],
    available: usize,
) -> Vec<(usize, u16)> {
    let cols = list.view.columns;
    let mut w: Vec<usize> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let head = width(lang.field(c.key));
            let cells = texts.iter().map(|r| width(&r[i])).max().unwrap_or(0);
            head.max(cells).clamp(2, 28)
        })
        .collect();
    let mut shown = cols.len();
    let total = |w: &[usize], n: usize| w[..n].iter().sum::<usize>() + n.saturating_sub(1);
    while total(&w, shown) > available {
        let shrinkable = (0..shown)
            .filter(|&i| cols[i].kind == ColKind::Text && w[i] > 8)
            .max_by_key(|&i| w[i]);
        match shrinkable {
            Some(i) => w[i] -= 1,
            None if shown > 1 => shown -= 1,
            None => break,
        }
    }
    (0..shown).map(|i| (i, w[i] as u16)).collect()
}

fn render_list(app: &App, list: &ListState, frame: &mut Frame, area: Rect) {
    let l = app.lang;
    let texts: Vec<Vec<String>> = list
        .rows
        .iter()
        .map(|r| {
            list.view
                .columns
                .iter()
                .zip(&r.cells)
                .map(|(c, v)| cell_text(l, c, v))
                .collect()
        })
        .collect();
    let available = area.width.saturating_sub(3) as usize;
    let shown = layout_columns(l, list, &texts, available);
    let header = Row::new(shown.iter().map(|&(i, _)| {
        let mut s = l.field(list.view.columns[i].key).to_string();
        if i == list.query.sort {
            s.push_str(if list.query.desc { "↓" } else { "↑" });
        }
        TCell::from(s)
    }))
    .style(theme::title());
    let rows = texts
        .iter()
        .map(|r| Row::new(shown.iter().map(|&(i, _)| TCell::from(r[i].as_str()))));
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
    if list.total == 0 {
        let inner = area.inner(Margin {
            horizontal: 2,
            vertical: 2,
        });
        frame.render_widget(Paragraph::new(l.t("ui.empty")).style(theme::dim()), inner);
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

fn render_detail(app: &App, frame: &mut Frame, area: Rect) {
    let l = app.lang;
    let label_w = app
        .detail
        .iter()
        .map(|(k, _)| width(l.field(k)))
        .max()
        .unwrap_or(0)
        .min(16);
    let lines: Vec<Line> = app
        .detail
        .iter()
        .map(|(k, v)| {
            Line::from(vec![
                Span::styled(crate::text::pad(l.field(k), label_w), theme::dim()),
                Span::raw(" "),
                Span::raw(v.replace(['\r', '\t'], " ")),
            ])
        })
        .collect();
    let p = Paragraph::new(lines).wrap(Wrap { trim: false }).block(
        Block::default()
            .borders(Borders::ALL)
            .title(l.t("ui.detail")),
    );
    frame.render_widget(p, area);
}
