//! The career tab's panel: the person's self-report and qualifications (expired and
//! expiring marked), and how many reports are still missing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Ctx, Draw, block};
use crate::app::panels::CareerPanel;
use crate::app::worker::Answer;
use crate::domain::career::Expiry;
use crate::ui::theme;

impl Draw for CareerPanel {
    fn render(&self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let l = cx.lang;
        let fy = l.fiscal_year(cx.fiscal_year);
        let mut lines = Vec::new();
        if let Some(p) = &self.person {
            lines.push(Line::styled(p.full_name(), theme::title()));
            let status = match self.submitted {
                Some(Some(d)) => Span::raw(l.tf("panel.submitted_on", &[("date", &d)])),
                Some(None) => Span::styled(l.t("panel.not_submitted"), theme::warn()),
                None => Span::styled(l.t("panel.no_report"), theme::warn()),
            };
            lines.push(Line::from(vec![
                Span::raw(format!("{} {}: ", fy, l.t("view.self_reports"))),
                status,
            ]));
            if !self.wishes.is_empty() {
                lines.push(Line::raw(format!(
                    "{}: {}",
                    l.t("panel.wished_units"),
                    self.wishes.join("、")
                )));
            }
            lines.push(Line::styled(l.t("view.qualifications"), theme::dim()));
            for q in &self.quals {
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
        lines.push(match cx.answer {
            Some(Answer::Count(n)) => Line::styled(
                l.tf("panel.missing_reports", &[("fy", &fy), ("n", n)]),
                theme::warn(),
            ),
            _ => Line::styled(l.t("ui.computing"), theme::dim()),
        });
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(l.t("tab.career").into()))
            .render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_kit::{cx, draw, someone};
    use crate::app::panels::{CareerPanel, QualMark};
    use crate::app::worker::{Answer, Need};
    use crate::domain::Date;
    use crate::domain::career::Expiry;
    use crate::i18n::Lang;

    #[test]
    fn a_person_with_an_expired_and_an_expiring_qualification() {
        let panel = CareerPanel {
            person: Some(someone()),
            submitted: Some(None),
            wishes: vec!["企画課".into(), "税務課".into()],
            quals: vec![
                QualMark {
                    name: "第一種衛生管理者".into(),
                    expires_on: Some(Date::from_ymd(2026, 10, 1)),
                    expiry: Expiry::Expired,
                },
                QualMark {
                    name: "防火管理者".into(),
                    expires_on: Some(Date::from_ymd(2027, 1, 10)),
                    expiry: Expiry::Soon,
                },
                QualMark {
                    name: "簿記2級".into(),
                    expires_on: None,
                    expiry: Expiry::None,
                },
            ],
            missing: Need::Balance { units: None },
        };
        let answer = Answer::Count(12);
        insta::assert_snapshot!(draw(&panel, &cx(Lang::Ja, Some(&answer)), 48, 12));
    }
}
