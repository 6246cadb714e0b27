//! The tabs' own panels: grade distribution, tenure and balance, hours and missing
//! courses, compliance per section, the supervisor's board and a cycle's lineage.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Paragraph, Wrap};

use super::theme;
use crate::app::App;
use crate::app::panel::{Panel, is_long_tenure};
use crate::app::worker::Answer;
use crate::domain::career::Expiry;
use crate::i18n::Lang;
use crate::text::{fit, pad, width};

/// A bar of `w` cells for `part` of `whole`.
fn bar(part: f64, whole: f64, w: usize) -> String {
    let filled = if whole > 0.0 {
        ((part / whole) * w as f64).round() as usize
    } else {
        0
    };
    format!(
        "{}{}",
        "█".repeat(filled.min(w)),
        "░".repeat(w - filled.min(w))
    )
}

fn block(title: String) -> Block<'static> {
    Block::default().borders(Borders::ALL).title(title)
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let l = app.session.lang;
    let fy = l.fiscal_year(app.nav.fiscal_year);
    match &app.shown.panel {
        // Drawn in place of the list (see `calibration`).
        Panel::None | Panel::Calibration { .. } | Panel::CareerPage { .. } => {}
        Panel::Career {
            person,
            submitted,
            wishes,
            quals,
            missing,
        } => {
            let mut lines = Vec::new();
            if let Some(p) = person {
                lines.push(Line::styled(p.full_name(), theme::title()));
                let status = match submitted {
                    Some(Some(d)) => Span::raw(l.tf("panel.submitted_on", &[("date", d)])),
                    Some(None) => Span::styled(l.t("panel.not_submitted"), theme::warn()),
                    None => Span::styled(l.t("panel.no_report"), theme::warn()),
                };
                lines.push(Line::from(vec![
                    Span::raw(format!("{} {}: ", fy, l.t("view.self_reports"))),
                    status,
                ]));
                if !wishes.is_empty() {
                    lines.push(Line::raw(format!(
                        "{}: {}",
                        l.t("panel.wished_units"),
                        wishes.join("、")
                    )));
                }
                lines.push(Line::styled(l.t("view.qualifications"), theme::dim()));
                for q in quals {
                    let (mark, style) = match q.expiry {
                        Expiry::Expired => (l.t("panel.expired"), theme::error()),
                        Expiry::Soon => (l.t("panel.expiring"), theme::warn()),
                        _ => ("", Style::default()),
                    };
                    let until = q.expires_on.map(|d| d.iso()).unwrap_or_default();
                    lines.push(Line::from(vec![
                        Span::raw(format!(" {} {until} ", q.name)),
                        Span::styled(mark, style),
                    ]));
                }
            } else {
                lines.push(Line::styled(l.t("panel.pick_person"), theme::dim()));
            }
            lines.push(Line::raw(""));
            lines.push(match app.shown.answers.get(missing) {
                Some(Answer::Count(n)) => Line::styled(
                    l.tf("panel.missing_reports", &[("fy", &fy), ("n", n)]),
                    theme::warn(),
                ),
                _ => Line::styled(l.t("ui.computing"), theme::dim()),
            });
            frame.render_widget(
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .block(block(l.t("tab.career").into())),
                area,
            );
        }
        Panel::Evaluation { kind, counts } => {
            let title = l.tf(
                "panel.grade_distribution",
                &[("fy", &fy), ("kind", &l.label("eval_kind", kind.code()))],
            );
            let Some(Answer::Grades(counts)) = app.shown.answers.get(counts) else {
                return computing(l, title, frame, area);
            };
            let labels = ["S", "A", "B", "C", "D"];
            let mut bars: Vec<Bar> = labels
                .iter()
                .zip(counts.by_grade)
                .map(|(g, n)| {
                    Bar::default()
                        .label(Line::from(*g))
                        .value(n as u64)
                        .text_value(n.to_string())
                })
                .collect();
            bars.push(
                Bar::default()
                    .label(Line::from(l.t("panel.ungraded")))
                    .value(counts.ungraded as u64)
                    .text_value(counts.ungraded.to_string()),
            );
            let chart = BarChart::default()
                .block(block(title))
                .data(BarGroup::default().bars(&bars))
                .bar_width(((area.width.saturating_sub(2) / 6).saturating_sub(1)).clamp(3, 9))
                .bar_gap(1)
                .bar_style(theme::key())
                .value_style(theme::selected());
            frame.render_widget(chart, area);
        }
        Panel::Placement {
            person,
            years_in_post,
            upcoming,
            long_years,
            balance,
        } => {
            let mut lines = Vec::new();
            if let (Some(p), Some(y)) = (person, years_in_post) {
                let long = is_long_tenure(p, *y, *long_years);
                let text = l.tf("panel.years_in_post", &[("name", &p.full_name()), ("n", y)]);
                if long {
                    lines.push(Line::from(vec![
                        Span::styled(text, theme::warn()),
                        Span::styled(format!(" {}", l.t("panel.long_tenure")), theme::error()),
                    ]));
                } else {
                    lines.push(Line::raw(text));
                }
            }
            if let Some((unit, a)) = upcoming {
                let post = format!("{unit} {}", l.label("position", a.position.code()));
                let text = l.tf(
                    "panel.upcoming_post",
                    &[
                        ("on", &app.session.date_style.show(a.start_date)),
                        ("post", &post),
                        ("reason", &l.label("reason", a.reason.code())),
                    ],
                );
                // A long unit name wraps rather than losing the reason off the edge.
                let w = area.width.saturating_sub(2) as usize;
                for part in crate::text::wrap(&text, w) {
                    lines.push(Line::styled(part, theme::key()));
                }
            }
            if !lines.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(l.t("panel.balance"), theme::dim()));
            let balance = match app.shown.answers.get(balance) {
                Some(Answer::Balance(b)) => b.as_slice(),
                _ => {
                    lines.push(Line::styled(l.t("ui.computing"), theme::dim()));
                    &[]
                }
            };
            // Only the sections the panel has room for (a city has over a thousand).
            let room = (area.height as usize).saturating_sub(2 + lines.len());
            let balance = &balance[..balance.len().min(room)];
            let name_w = balance
                .iter()
                .map(|b| width(&b.0))
                .max()
                .unwrap_or(0)
                .min(16);
            for (name, g, s) in balance {
                lines.push(Line::from(vec![
                    Span::raw(format!("{} ", pad(&fit(name, name_w), name_w))),
                    Span::styled(format!("G{g:>3} "), theme::key()),
                    Span::styled(format!("S{s:>3} "), theme::warn()),
                    Span::raw(bar(*s as f64, (*g + *s) as f64, 10)),
                ]));
            }
            frame.render_widget(
                Paragraph::new(lines).block(block(l.t("tab.placement").into())),
                area,
            );
        }
        Panel::Training {
            person,
            hours,
            required,
        } => {
            let mut lines = Vec::new();
            match person {
                Some(p) => {
                    lines.push(Line::styled(p.full_name(), theme::title()));
                    lines.push(Line::raw(l.tf("panel.hours", &[("fy", &fy), ("h", hours)])));
                    lines.push(Line::styled(l.t("panel.required_missing"), theme::dim()));
                    if required.is_empty() {
                        lines.push(Line::raw(format!(" {}", l.t("panel.none"))));
                    }
                    for c in required {
                        lines.push(Line::styled(format!(" {c}"), theme::warn()));
                    }
                }
                None => lines.push(Line::styled(l.t("panel.pick_person"), theme::dim())),
            }
            frame.render_widget(
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .block(block(l.t("tab.training").into())),
                area,
            );
        }
        Panel::Awards { counts } => {
            let Some(Answer::Awards(counts)) = app.shown.answers.get(counts) else {
                return computing(l, l.t("tab.awards").into(), frame, area);
            };
            let total: i64 = counts.iter().map(|c| c.1).sum();
            let mut lines = vec![Line::styled(
                l.tf("panel.awards_in", &[("fy", &fy), ("n", &total)]),
                theme::title(),
            )];
            let w = counts
                .iter()
                .map(|(k, _)| width(l.label("award_kind", k)))
                .max()
                .unwrap_or(0);
            for (k, n) in counts {
                lines.push(Line::raw(format!(
                    "{} {n:>4} {}",
                    pad(l.label("award_kind", k), w),
                    bar(*n as f64, total as f64, 12)
                )));
            }
            frame.render_widget(
                Paragraph::new(lines).block(block(l.t("tab.awards").into())),
                area,
            );
        }
        Panel::Compliance { tally } => match app.shown.answers.get(tally) {
            Some(Answer::Compliance {
                sections,
                overdue_total,
                overdue,
            }) => compliance(l, &fy, sections, *overdue_total, overdue, frame, area),
            _ => computing(l, l.t("tab.compliance").into(), frame, area),
        },
        Panel::Pdca { .. } => pdca(app, frame, area),
    }
}

/// A panel whose figures are still being made off the screen's thread.
pub(super) fn computing(l: Lang, title: String, frame: &mut Frame, area: Rect) {
    frame.render_widget(
        Paragraph::new(Line::styled(l.t("ui.computing"), theme::dim())).block(block(title)),
        area,
    );
}

fn compliance(
    l: Lang,
    fy: &str,
    sections: &[(String, i64, i64)],
    overdue_total: i64,
    overdue: &[(String, String, String)],
    frame: &mut Frame,
    area: Rect,
) {
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(area);
    // Only the sections there is room for (a city has over a thousand).
    let sections = &sections[..sections.len().min((top.height as usize).saturating_sub(2))];
    let name_w = sections
        .iter()
        .map(|s| width(&s.0))
        .max()
        .unwrap_or(0)
        .min(14);
    let lines: Vec<Line> = sections
        .iter()
        .map(|(name, done, total)| {
            let rate = if *total > 0 {
                *done as f64 * 100.0 / *total as f64
            } else {
                0.0
            };
            let style = if rate < 90.0 {
                theme::warn()
            } else {
                Style::default()
            };
            Line::from(vec![
                Span::raw(format!("{} ", pad(&fit(name, name_w), name_w))),
                Span::styled(bar(*done as f64, *total as f64, 12), style),
                Span::raw(format!(" {rate:>5.1}%")),
            ])
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(block(l.tf("panel.completion", &[("fy", &fy)]))),
        top,
    );
    let mut lines = Vec::new();
    for (no, name, due) in overdue {
        lines.push(Line::raw(format!(
            "{no}  {}  {due}",
            pad(&fit(name, 12), 12)
        )));
    }
    if overdue.is_empty() {
        lines.push(Line::styled(l.t("panel.none"), theme::dim()));
    }
    frame.render_widget(
        Paragraph::new(lines).block(block(l.tf("panel.overdue", &[("n", &overdue_total)]))),
        bottom,
    );
}

fn pdca(app: &App, frame: &mut Frame, area: Rect) {
    let l = app.session.lang;
    let Panel::Pdca {
        board_of,
        board,
        lineage,
    } = &app.shown.panel
    else {
        return;
    };
    let [top, bottom] = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Percentage(60), Constraint::Percentage(40)])
        .areas(area);
    let mut lines = Vec::new();
    let title = match board_of {
        Some(s) => l.tf("panel.board_of", &[("name", &s.full_name())]),
        None => l.t("panel.board").to_string(),
    };
    if board_of.is_none() {
        for part in crate::text::wrap(l.t("panel.board_hint"), top.width.saturating_sub(2).into()) {
            lines.push(Line::styled(part, theme::dim()));
        }
    }
    for r in board {
        let phase = if r.phase.is_empty() {
            l.t("panel.no_cycle").to_string()
        } else {
            l.label("phase", &r.phase).to_string()
        };
        let days = r
            .last_review
            .map(|d| l.tf("panel.days", &[("n", &app.session.today.days_since(d))]))
            .unwrap_or_else(|| l.t("panel.never").into());
        let mut spans = vec![
            Span::raw(format!("{} ", pad(&fit(&r.name, 10), 10))),
            Span::raw(format!("{} ", pad(&fit(&phase, 10), 10))),
            Span::styled(bar(r.progress as f64, 100.0, 6), theme::key()),
            Span::raw(format!("{:>4}% ", r.progress)),
        ];
        if r.overdue_actions > 0 {
            spans.push(Span::styled(
                format!("!{} ", r.overdue_actions),
                theme::error(),
            ));
        }
        spans.push(Span::styled(days, theme::dim()));
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines).block(block(title)), top);
    // The spiral: target and result of each turn, oldest first; as many of the latest
    // turns as fit, the bars as wide as the room allows (at least 3 cells, for the value).
    let inner_w = bottom.width.saturating_sub(2) as usize;
    let gap = 2;
    // ratatui leaves a bar gap after each bar, the last of a group too: a group takes
    // 2·bw + 2 + gap cells but the last needs only its two bars and the gap between them,
    // else it is cut (one bar, a clipped year).
    let fits = |bw: usize| (inner_w + gap + 1) / (2 * bw + 2 + gap);
    let shown = lineage.len().min(fits(3)).max(1);
    let bw = (3..=7).rev().find(|&bw| fits(bw) >= shown).unwrap_or(3);
    // 令和8年度 under a group wide enough for it, else R8年度.
    let year_label = |fy| {
        let full = l.fiscal_year(fy);
        if width(&full) <= 2 * bw + 1 {
            full
        } else {
            l.fiscal_year_short(fy)
        }
    };
    let groups: Vec<BarGroup> = lineage
        .iter()
        .take(shown)
        .rev()
        .map(|c| {
            let v = |x: Option<f64>| (x.unwrap_or(0.0) * 10.0).max(0.0) as u64;
            BarGroup::default()
                .label(Line::from(year_label(c.fiscal_year)))
                .bars(&[
                    Bar::default()
                        .value(v(c.target))
                        .text_value(c.target.map(|t| t.to_string()).unwrap_or_default())
                        .style(theme::dim()),
                    Bar::default()
                        .value(v(c.result))
                        .text_value(c.result.map(|t| t.to_string()).unwrap_or_default())
                        .style(theme::key()),
                ])
        })
        .collect();
    let mut chart = BarChart::default()
        .block(block(l.t("panel.lineage").into()))
        .bar_width(bw as u16)
        .bar_gap(1)
        .group_gap(gap as u16);
    for g in groups {
        chart = chart.data(g);
    }
    frame.render_widget(chart, bottom);
}
