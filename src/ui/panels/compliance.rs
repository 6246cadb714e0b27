//! The compliance tab's panel: the year's completion per section (under 90% marked) over
//! the overdue.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Draw, bar, block, computing};
use crate::app::panels::CompliancePanel;
use crate::app::worker::Answer;
use crate::text::{fit, pad, width};
use crate::ui::theme;

impl Draw for CompliancePanel {
    fn render(&self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let l = cx.lang;
        let Some(Answer::Compliance {
            sections,
            overdue_total,
            overdue,
        }) = cx.answer
        else {
            return computing(l, l.t("tab.compliance").into(), area, buf);
        };
        let fy = l.fiscal_year(cx.fiscal_year);
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
        Paragraph::new(lines)
            .block(block(l.tf("panel.completion", &[("fy", &fy)])))
            .render(top, buf);
        let mut lines = Vec::new();
        for (no, name, due, on_leave) in overdue {
            // Away on leave: 休業中, not a due date passed.
            let due = if *on_leave {
                l.label("on_leave", "away")
            } else {
                due.as_str()
            };
            lines.push(Line::raw(format!(
                "{no}  {}  {due}",
                pad(&fit(name, 12), 12)
            )));
        }
        if overdue.is_empty() {
            lines.push(Line::styled(l.t("panel.none"), theme::dim()));
        }
        Paragraph::new(lines)
            .block(block(l.tf("panel.overdue", &[("n", overdue_total)])))
            .render(bottom, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_kit::{cx, draw};
    use crate::app::panels::CompliancePanel;
    use crate::app::worker::{Answer, Need};
    use crate::i18n::Lang;

    #[test]
    fn completion_per_section_over_the_overdue() {
        let panel = CompliancePanel {
            tally: Need::Balance { units: None },
        };
        let answer = Answer::Compliance {
            sections: vec![
                ("総務課".into(), 40, 40),
                ("税務課".into(), 30, 40),
                ("子ども家庭支援課".into(), 0, 0),
            ],
            overdue_total: 11,
            overdue: vec![(
                "2300006".into(),
                "山田 花子".into(),
                "2026-09-30".into(),
                false,
            )],
        };
        insta::assert_snapshot!(draw(&panel, &cx(Lang::Ja, Some(&answer)), 44, 12));
    }
}
