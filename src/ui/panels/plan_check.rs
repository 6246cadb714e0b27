//! The plan views' panel: the plan's problems, errors first, each as its severity, its
//! person or unit, its rule, and the sentence saying what is wrong (wrapped).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Draw, block};
use crate::app::panels::PlanCheckPanel;
use crate::app::worker::Answer;
use crate::i18n::{plan_problem_text, plan_rule_label};
use crate::ui::theme;

impl Draw for PlanCheckPanel {
    fn render(&self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let l = cx.lang;
        let mut lines = Vec::new();
        let w = area.width.saturating_sub(4) as usize;
        let problems: &[_] = match cx.answer {
            Some(Answer::Problems(ps)) => ps,
            _ => &[],
        };
        match (&self.plan, cx.answer) {
            (None, _) => lines.push(Line::styled(l.t("panel.plan_check_none"), theme::dim())),
            (Some(_), None) => lines.push(Line::styled(l.t("ui.computing"), theme::dim())),
            (Some(_), _) if problems.is_empty() => {
                lines.push(Line::styled(l.t("cli.plan_no_problems"), theme::key()))
            }
            (Some(_), _) => {
                let errors = problems.iter().filter(|p| p.is_error()).count();
                lines.push(Line::raw(l.tf(
                    "panel.plan_check_counts",
                    &[("e", &errors), ("w", &(problems.len() - errors))],
                )));
            }
        }
        let room = (area.height as usize).saturating_sub(2);
        for p in self.in_order(problems) {
            if lines.len() >= room {
                break;
            }
            let style = if p.is_error() {
                theme::error()
            } else {
                theme::warn()
            };
            let mark = if self.person.is_some() && p.staff_id == self.person {
                "▶ "
            } else {
                ""
            };
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{mark}[{}] ", l.label("severity", p.severity.code())),
                    style,
                ),
                Span::raw(format!("{} ", p.subject)),
                Span::styled(plan_rule_label(l, p).to_string(), theme::dim()),
            ]));
            for part in crate::text::wrap(&plan_problem_text(l, p, cx.date_style), w) {
                lines.push(Line::raw(format!("  {part}")));
            }
        }
        Paragraph::new(lines)
            .block(block(l.t("panel.plan_check").into()))
            .render(area, buf);
    }
}
