//! The evaluation tab's panel: the year's grade distribution of one evaluation kind.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

use super::{Ctx, Draw, block, computing};
use crate::app::panels::EvaluationPanel;
use crate::app::worker::Answer;
use crate::ui::theme;

impl Draw for EvaluationPanel {
    fn render(&self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let l = cx.lang;
        let title = l.tf(
            "panel.grade_distribution",
            &[
                ("fy", &l.fiscal_year(cx.fiscal_year)),
                ("kind", &l.label("eval_kind", self.kind.code())),
            ],
        );
        let Some(Answer::Grades(counts)) = cx.answer else {
            return computing(l, title, area, buf);
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
        BarChart::default()
            .block(block(title))
            .data(BarGroup::default().bars(&bars))
            .bar_width(((area.width.saturating_sub(2) / 6).saturating_sub(1)).clamp(3, 9))
            .bar_gap(1)
            .bar_style(theme::key())
            .value_style(theme::selected())
            .render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_kit::{cx, draw};
    use crate::app::panels::EvaluationPanel;
    use crate::app::worker::{Answer, Need};
    use crate::domain::evaluation::EvalKind;
    use crate::i18n::Lang;
    use crate::store::evaluation::GradeCounts;

    #[test]
    fn grades_of_the_year_as_bars() {
        let panel = EvaluationPanel {
            kind: EvalKind::Competency,
            counts: Need::Balance { units: None },
        };
        let answer = Answer::Grades(GradeCounts {
            by_grade: [3, 14, 40, 6, 1],
            ungraded: 9,
        });
        insta::assert_snapshot!(draw(&panel, &cx(Lang::Ja, Some(&answer)), 48, 14));
    }
}
