//! The promotion selection panel: a round's applicants, passers and pass rate by sex,
//! age band and job type, in columns aligned by display width.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Draw, block, computing};
use crate::app::panels::ExamsPanel;
use crate::app::worker::Answer;
use crate::i18n::Lang;
use crate::store::exams::ExamTally;
use crate::text::{pad, pad_left, width};
use crate::ui::theme;

/// The pass rate, to a tenth of a percent ("—" with no applicants).
fn rate(passers: i64, applicants: i64) -> String {
    if applicants == 0 {
        "—".into()
    } else {
        format!("{:.1}%", passers as f64 * 100.0 / applicants as f64)
    }
}

/// A line of the table: the label, then each figure right-aligned by display width.
fn row(label: &str, w: usize, figures: [&str; 3]) -> String {
    format!(
        "{} {} {} {}",
        pad(label, w),
        pad_left(figures[0], 5),
        pad_left(figures[1], 5),
        pad_left(figures[2], 7)
    )
}

/// A group's label: a sex or job type by its catalogue label, an age band as 20代.
fn group_label(l: Lang, by: &str, code: &str) -> String {
    match by {
        "age" => l.tf(&format!("panel.exam_age_{code}"), &[]),
        _ => l.label(by, code).to_string(),
    }
}

impl Draw for ExamsPanel {
    fn render(&self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let l = cx.lang;
        let title = l.t("panel.exams").to_string();
        let Some((exam, name)) = &self.round else {
            return Paragraph::new(Line::styled(l.t("panel.exam_none"), theme::dim()))
                .block(block(title))
                .render(area, buf);
        };
        let Some(Answer::ExamFigures(f)) = cx.answer else {
            return computing(l, title, area, buf);
        };
        let mut lines = vec![
            Line::styled(
                format!("{} {name}", l.fiscal_year(exam.fiscal_year)),
                theme::title(),
            ),
            Line::raw(l.tf(
                "panel.exam_totals",
                &[
                    ("applicants", &f.applicants()),
                    ("passers", &f.passers()),
                    ("rate", &rate(f.passers(), f.applicants())),
                ],
            )),
        ];
        let groups: [(&str, &str, &[ExamTally]); 3] = [
            ("sex", "panel.exam_by_sex", &f.by_sex),
            ("age", "panel.exam_by_age", &f.by_age),
            ("job_type", "panel.exam_by_job_type", &f.by_job_type),
        ];
        let labels: Vec<Vec<String>> = groups
            .iter()
            .map(|(by, _, ts)| ts.iter().map(|t| group_label(l, by, &t.group)).collect())
            .collect();
        let w = labels
            .iter()
            .flatten()
            .map(|s| width(s))
            .max()
            .unwrap_or(0)
            .max(4);
        for ((_, head, tallies), labels) in groups.iter().zip(&labels) {
            if tallies.is_empty() {
                continue;
            }
            lines.push(Line::styled(
                row(
                    l.t(head),
                    w,
                    [
                        l.t("panel.exam_applicants"),
                        l.t("panel.exam_passers"),
                        l.t("panel.exam_rate"),
                    ],
                ),
                theme::dim(),
            ));
            for (t, label) in tallies.iter().zip(labels) {
                let figures = [
                    t.applicants.to_string(),
                    t.passers.to_string(),
                    rate(t.passers, t.applicants),
                ];
                lines.push(Line::raw(row(
                    label,
                    w,
                    figures.each_ref().map(|s| s.as_str()),
                )));
            }
        }
        Paragraph::new(lines).block(block(title)).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_kit::{cx, draw};
    use crate::app::panels::ExamsPanel;
    use crate::app::worker::{Answer, Need};
    use crate::domain::Date;
    use crate::domain::exam::{Exam, ExamState};
    use crate::i18n::Lang;
    use crate::store::exams::{ExamFigures, ExamTally};

    fn tally(group: &str, applicants: i64, passers: i64) -> ExamTally {
        ExamTally {
            group: group.into(),
            applicants,
            passers,
        }
    }

    fn panel() -> ExamsPanel {
        ExamsPanel {
            round: Some((
                Exam {
                    id: 1,
                    kind_id: 2,
                    fiscal_year: 2026,
                    base_date: Date::from_ymd(2026, 4, 1),
                    applications_close: Date::from_ymd(2026, 6, 30),
                    held_on: Date::from_ymd(2026, 9, 13),
                    announced_on: Some(Date::from_ymd(2026, 11, 20)),
                    state: ExamState::Announced,
                    note: String::new(),
                    version: 1,
                },
                "係長選考".into(),
            )),
            figures: Some(Need::ExamFigures { exam: 1 }),
        }
    }

    fn answer() -> Answer {
        Answer::ExamFigures(ExamFigures {
            by_sex: vec![tally("F", 14, 5), tally("M", 22, 7)],
            by_job_type: vec![tally("civil", 6, 2), tally("office", 30, 10)],
            by_age: vec![tally("30", 20, 8), tally("40", 16, 4)],
        })
    }

    #[test]
    fn a_rounds_figures_by_sex_age_and_job_type() {
        for lang in [Lang::Ja, Lang::En] {
            insta::assert_snapshot!(
                format!("exams_{}", lang.code()),
                draw(&panel(), &cx(lang, Some(&answer())), 40, 16)
            );
        }
    }
}
