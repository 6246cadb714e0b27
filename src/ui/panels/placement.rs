//! The placement tab's panel: the person's years in the post (long tenure marked), a post
//! still to come, and the generalist/specialist balance per section.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Draw, bar, block};
use crate::app::panels::{PlacementPanel, is_long_tenure};
use crate::app::worker::Answer;
use crate::text::{fit, pad, width};
use crate::ui::theme;

impl Draw for PlacementPanel {
    fn render(&self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let l = cx.lang;
        let mut lines = Vec::new();
        if let (Some(p), Some(y)) = (&self.person, self.years_in_post) {
            let long = is_long_tenure(p, y, self.long_years);
            let text = l.tf(
                "panel.years_in_post",
                &[("name", &p.full_name()), ("n", &y)],
            );
            if long {
                lines.push(Line::from(vec![
                    Span::styled(text, theme::warn()),
                    Span::styled(format!(" {}", l.t("panel.long_tenure")), theme::error()),
                ]));
            } else {
                lines.push(Line::raw(text));
            }
        }
        if let Some((unit, a)) = &self.upcoming {
            let post = format!("{unit} {}", l.label("position", a.position.code()));
            let text = l.tf(
                "panel.upcoming_post",
                &[
                    ("on", &cx.date_style.show(a.start_date)),
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
        let balance = match cx.answer {
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
        Paragraph::new(lines)
            .block(block(l.t("tab.placement").into()))
            .render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_kit::{cx, draw, someone};
    use crate::app::panels::PlacementPanel;
    use crate::app::worker::{Answer, Need};
    use crate::domain::Date;
    use crate::domain::assignment::{Assignment, Reason};
    use crate::domain::staff::Position;
    use crate::i18n::Lang;

    /// Long tenure marked, a 内示 wrapped under it, and only the sections that fit.
    #[test]
    fn long_tenure_a_post_to_come_and_the_sections_that_fit() {
        let panel = PlacementPanel {
            person: Some(someone()),
            years_in_post: Some(6),
            upcoming: Some((
                "福祉保健部 子ども家庭支援課".into(),
                Assignment {
                    id: 1,
                    staff_id: 7,
                    unit_id: 9,
                    position: Position::SectionChief,
                    start_date: Date::from_ymd(2027, 4, 1),
                    end_date: None,
                    reason: Reason::Transfer,
                    note: String::new(),
                    kind: crate::domain::post::AssignmentKind::Main,
                    version: 1,
                },
            )),
            long_years: 5,
            balance: Need::Balance { units: None },
        };
        let answer = Answer::Balance(
            [
                ("総務課", 20, 2),
                ("税務課", 15, 10),
                ("土木課", 3, 18),
                ("企画課", 9, 1),
            ]
            .into_iter()
            .map(|(n, g, s)| (n.to_string(), g, s))
            .collect(),
        );
        insta::assert_snapshot!(draw(&panel, &cx(Lang::Ja, Some(&answer)), 40, 11));
    }
}
