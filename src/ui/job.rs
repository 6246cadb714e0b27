//! The bar of work under way: what is being done, a gauge, counts and the time left.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Gauge, Paragraph};

use super::overlay::{centered, clear};
use super::theme;
use crate::app::App;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(job) = app.job.as_ref() else {
        return;
    };
    let l = app.session.lang;
    let r = centered(area, 64.min(area.width.saturating_sub(2)), 7);
    clear(frame, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(job.title.clone());
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let [gauge, counts, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(2),
    ])
    .areas(inner);
    let ratio = match job.total {
        Some(t) if t > 0 => (job.done as f64 / t as f64).clamp(0.0, 1.0),
        _ => 0.0,
    };
    frame.render_widget(
        Gauge::default()
            .ratio(ratio)
            .gauge_style(theme::selected())
            .label(format!("{:.0}%", ratio * 100.0)),
        gauge,
    );
    let mut line = match job.total {
        Some(t) => l.tf("job.rows", &[("done", &job.done), ("total", &t)]),
        None => l.tf("job.rows_open", &[("done", &job.done)]),
    };
    if let Some(eta) = job.eta() {
        line.push_str("  ");
        line.push_str(&l.tf("job.eta", &[("secs", &eta.as_secs().max(1))]));
    }
    frame.render_widget(Paragraph::new(Line::raw(line)), counts);
    let hint_text = if job.cancelling {
        l.t("job.cancelling")
    } else {
        l.t("job.esc")
    };
    frame.render_widget(Paragraph::new(Line::styled(hint_text, theme::dim())), hint);
}
