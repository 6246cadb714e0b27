//! The awards tab's panel: the year's awards by kind, each with its share as a bar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Draw, bar, block, computing};
use crate::app::panels::AwardsPanel;
use crate::app::worker::Answer;
use crate::text::{pad, width};
use crate::ui::theme;

impl Draw for AwardsPanel {
    fn render(&self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let l = cx.lang;
        let Some(Answer::Awards(counts)) = cx.answer else {
            return computing(l, l.t("tab.awards").into(), area, buf);
        };
        let total: i64 = counts.iter().map(|c| c.1).sum();
        let fy = l.fiscal_year(cx.fiscal_year);
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
        Paragraph::new(lines)
            .block(block(l.t("tab.awards").into()))
            .render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_kit::{cx, draw};
    use crate::app::panels::AwardsPanel;
    use crate::app::worker::{Answer, Need};
    use crate::i18n::Lang;

    #[test]
    fn awards_by_kind_with_their_share() {
        let panel = AwardsPanel {
            counts: Need::Balance { units: None },
        };
        let answer = Answer::Awards(vec![
            ("merit".into(), 6),
            ("proposal".into(), 3),
            ("long_service_20".into(), 18),
        ]);
        insta::assert_snapshot!(draw(&panel, &cx(Lang::En, Some(&answer)), 44, 6));
    }
}
