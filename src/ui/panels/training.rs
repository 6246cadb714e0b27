//! The training tab's panel: the person's hours in the year and the required courses not
//! yet taken.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Ctx, Draw, block};
use crate::app::panels::TrainingPanel;
use crate::ui::theme;

impl Draw for TrainingPanel {
    fn render(&self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let l = cx.lang;
        let fy = l.fiscal_year(cx.fiscal_year);
        let mut lines = Vec::new();
        match &self.person {
            Some(p) => {
                lines.push(Line::styled(p.full_name(), theme::title()));
                lines.push(Line::raw(
                    l.tf("panel.hours", &[("fy", &fy), ("h", &self.hours)]),
                ));
                lines.push(Line::styled(l.t("panel.required_missing"), theme::dim()));
                if self.required.is_empty() {
                    lines.push(Line::raw(format!(" {}", l.t("panel.none"))));
                }
                for c in &self.required {
                    lines.push(Line::styled(format!(" {c}"), theme::warn()));
                }
            }
            None => lines.push(Line::styled(l.t("panel.pick_person"), theme::dim())),
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(l.t("tab.training").into()))
            .render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_kit::{cx, draw, someone};
    use crate::app::panels::TrainingPanel;
    use crate::i18n::Lang;

    #[test]
    fn hours_and_the_required_courses_not_taken() {
        let panel = TrainingPanel {
            person: Some(someone()),
            hours: 12.5,
            required: vec!["情報セキュリティ研修".into(), "ハラスメント防止研修".into()],
        };
        insta::assert_snapshot!(draw(&panel, &cx(Lang::Ja, None), 40, 8));
    }
}
