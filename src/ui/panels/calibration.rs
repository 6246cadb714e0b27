//! The calibration view (甘辛調整): the grade spread per section and per first evaluator,
//! side by side, the most leaning first, against the mean of everyone shown.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::{Ctx, Draw, Place, computing};
use crate::app::panels::CalibrationPanel;
use crate::app::worker::Answer;
use crate::i18n::Lang;
use crate::store::calibration::{CalRow, Calibration, LEAN_MIN_N, LEAN_POINTS, Lean};
use crate::text::{fit, pad, pad_left};
use crate::ui::theme;

const NAME_W: usize = 16;

fn mean_text(m: Option<f64>) -> String {
    m.map(|m| format!("{m:.2}")).unwrap_or_else(|| "-".into())
}

fn header(l: Lang, first: &str) -> Line<'static> {
    let mut s = pad(l.t(first), NAME_W);
    // The count is four wide, each grade three: room for the lenient/strict mark.
    for (h, w) in [
        (l.t("calib.n"), 4),
        ("S", 3),
        ("A", 3),
        ("B", 3),
        ("C", 3),
        ("D", 3),
    ] {
        s.push(' ');
        s.push_str(&pad_left(h, w));
    }
    s.push_str("  ");
    s.push_str(&pad(l.t("calib.mean"), 5));
    Line::styled(s, theme::header())
}

fn row_line(l: Lang, cal: &Calibration, r: &CalRow) -> Line<'static> {
    let lean = cal.lean(r);
    let (mark, style) = match lean {
        Lean::Lenient => (l.t("calib.lenient"), theme::warn()),
        Lean::Strict => (l.t("calib.strict"), theme::error()),
        Lean::InLine => ("", Style::default()),
    };
    let c = r.counts;
    Line::from(vec![
        Span::raw(pad(&fit(&r.name, NAME_W), NAME_W)),
        Span::raw(format!(
            " {:>4} {:>3} {:>3} {:>3} {:>3} {:>3}  ",
            r.n(),
            c[0],
            c[1],
            c[2],
            c[3],
            c[4]
        )),
        Span::styled(pad(&mean_text(r.mean()), 5), style),
        Span::raw(" "),
        Span::styled(mark.to_string(), style),
    ])
}

fn table(
    l: Lang,
    cal: &Calibration,
    rows: &[CalRow],
    first: &str,
    title: String,
    area: Rect,
    buf: &mut Buffer,
) {
    let fits = area.height.saturating_sub(3) as usize;
    let mut lines = vec![header(l, first)];
    lines.extend(rows.iter().take(fits).map(|r| row_line(l, cal, r)));
    if rows.len() > fits && fits > 0 {
        lines.pop();
        lines.push(Line::styled(
            l.tf("calib.more", &[("n", &(rows.len() - fits + 1))]),
            theme::dim(),
        ));
    }
    if rows.is_empty() {
        lines.push(Line::styled(l.t("calib.none"), theme::dim()));
    }
    let block = Block::default().borders(Borders::ALL).title(title);
    Paragraph::new(lines).block(block).render(area, buf);
}

impl Draw for CalibrationPanel {
    fn place(&self) -> Place {
        Place::Instead
    }

    fn render(&self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let l = cx.lang;
        let Some(Answer::Calibration(cal)) = cx.answer else {
            return computing(l, l.t("view.calibration").into(), area, buf);
        };
        let [summary, tables] =
            Layout::vertical([Constraint::Length(5), Constraint::Min(0)]).areas(area);
        let all = CalRow {
            id: 0,
            name: l.t("calib.everyone").into(),
            counts: cal.overall,
        };
        let title = l.tf(
            "calib.title",
            &[
                ("fy", &l.fiscal_year(cx.fiscal_year)),
                ("kind", &l.label("eval_kind", self.kind.code())),
            ],
        );
        let rule = l.tf(
            "calib.rule",
            &[("points", &LEAN_POINTS), ("n", &LEAN_MIN_N)],
        );
        let lines = vec![
            header(l, "calib.scope"),
            row_line(l, cal, &all),
            Line::styled(
                fit(&rule, summary.width.saturating_sub(2) as usize),
                theme::dim(),
            ),
        ];
        Paragraph::new(lines)
            .block(Block::default().borders(Borders::ALL).title(title))
            .render(summary, buf);
        // Two tables when there is room for both, one under the other otherwise.
        let one = (NAME_W + 40) as u16;
        let [left, right] = if tables.width >= one * 2 {
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(tables)
        } else {
            Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(tables)
        };
        table(
            l,
            cal,
            &cal.by_section,
            "calib.section",
            l.t("calib.by_section").into(),
            left,
            buf,
        );
        table(
            l,
            cal,
            &cal.by_evaluator,
            "calib.evaluator",
            l.t("calib.by_evaluator").into(),
            right,
            buf,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_kit::{cx, draw};
    use crate::app::panels::CalibrationPanel;
    use crate::app::worker::{Answer, Need};
    use crate::domain::evaluation::EvalKind;
    use crate::i18n::Lang;
    use crate::store::calibration::{CalRow, Calibration};

    /// A lenient and a strict evaluator marked against everyone; on a narrow screen the
    /// two tables stack, and a table too long for its box says how many more there are.
    #[test]
    fn lenient_and_strict_against_everyone() {
        let panel = CalibrationPanel {
            kind: EvalKind::Performance,
            cal: Need::Balance { units: None },
        };
        let row = |id, name: &str, counts| CalRow {
            id,
            name: name.into(),
            counts,
        };
        let answer = Answer::Calibration(Calibration {
            overall: [10, 40, 120, 25, 5],
            by_section: vec![
                row(1, "総務課", [2, 10, 30, 6, 1]),
                row(2, "税務課", [1, 8, 28, 7, 2]),
            ],
            by_evaluator: vec![
                row(11, "佐藤 一郎", [6, 8, 2, 0, 0]),
                row(12, "鈴木 次郎", [0, 1, 6, 7, 3]),
                row(13, "高橋 三郎", [0, 4, 10, 2, 0]),
                row(14, "田中 四郎", [1, 5, 9, 2, 0]),
                row(15, "伊藤 五郎", [0, 3, 8, 3, 0]),
            ],
        });
        insta::assert_snapshot!(draw(&panel, &cx(Lang::Ja, Some(&answer)), 70, 18));
    }
}
