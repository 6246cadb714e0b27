//! The PDCA tab's panel: the board of a supervisor's people (phase, progress, overdue
//! actions, days since the last review) over the selected cycle's lineage, target against
//! result turn by turn.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Widget};

use super::{Ctx, Draw, bar, block};
use crate::app::panels::PdcaPanel;
use crate::i18n::Lang;
use crate::text::{fit, pad, width};
use crate::ui::theme;

impl Draw for PdcaPanel {
    fn render(&self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let [top, bottom] =
            Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(area);
        self.board(cx, top, buf);
        self.lineage(cx, bottom, buf);
    }
}

/// How long ago the last review was: 今日, 昨日, N日前 (today, yesterday, N days ago).
fn days_ago(l: Lang, days: i64) -> String {
    match days {
        0 => l.t("panel.today").to_string(),
        1 => l.t("panel.yesterday").to_string(),
        n => l.tf("panel.days", &[("n", &n)]),
    }
}

/// What the board's marks mean, one mark to an item (the foot of the board and the
/// help page).
pub(crate) fn legend_items(l: Lang) -> [&'static str; 3] {
    [
        l.t("panel.legend_overdue"),
        l.t("panel.legend_days"),
        l.t("panel.legend_never"),
    ]
}

/// The legend in lines of at most `w` columns: whole items side by side where they fit,
/// an item too long for a line of its own cut with `…`.
fn legend_lines(l: Lang, w: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for item in legend_items(l) {
        match lines.last_mut() {
            Some(last) if width(last) + 2 + width(item) <= w => {
                last.push_str("  ");
                last.push_str(item);
            }
            _ => lines.push(fit(item, w)),
        }
    }
    lines
}

impl PdcaPanel {
    fn board(&self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let l = cx.lang;
        let inner_w = area.width.saturating_sub(2) as usize;
        let inner_h = area.height.saturating_sub(2) as usize;
        let mut lines = Vec::new();
        let title = match &self.board_of {
            Some(s) => l.tf("panel.board_of", &[("name", &s.full_name())]),
            None => l.t("panel.board").to_string(),
        };
        if self.board_of.is_none() {
            for part in crate::text::wrap(l.t("panel.board_hint"), inner_w) {
                lines.push(Line::styled(part, theme::dim()));
            }
        }
        let rows: Vec<(String, String, String)> = self
            .board
            .iter()
            .map(|r| {
                let phase = if r.phase.is_empty() {
                    l.t("panel.no_cycle").to_string()
                } else {
                    l.label("phase", &r.phase).to_string()
                };
                // Away on leave: 休業中 rather than overdue.
                let overdue = match r.overdue_actions {
                    _ if r.on_leave => l.label("on_leave", "away").to_string(),
                    0 => String::new(),
                    n => format!("!{n}"),
                };
                let days = r
                    .last_review
                    .map(|d| days_ago(l, cx.today.days_since(d)))
                    .unwrap_or_else(|| l.t("panel.never").into());
                (phase, overdue, days)
            })
            .collect();
        // Columns as wide as the board's own marks need; the name takes what is left (the
        // phase gives some up to keep names readable), and the progress bar goes first
        // when the panel is narrow.
        let col = |f: fn(&(String, String, String)) -> &String| {
            rows.iter().map(|r| width(f(r))).max().unwrap_or(0)
        };
        let over_w = match col(|r| &r.1) {
            0 => 0,
            n => n + 1,
        };
        // Name and phase, each with a space after it.
        let rest = inner_w.saturating_sub(6 + over_w + col(|r| &r.2) + 2);
        let mut phase_w = col(|r| &r.0).min(10);
        let with_bar = rest >= phase_w + 9 + 6;
        let mut name_w = rest.saturating_sub(phase_w + if with_bar { 6 } else { 0 });
        if name_w < 9 {
            let give = (9 - name_w).min(phase_w.saturating_sub(4));
            phase_w -= give;
            name_w += give;
        }
        let name_w = name_w.clamp(4, 12);
        for (r, (phase, overdue, days)) in self.board.iter().zip(rows) {
            let mut spans = vec![
                Span::raw(format!("{} ", pad(&fit(&r.name, name_w), name_w))),
                Span::raw(format!("{} ", pad(&fit(&phase, phase_w), phase_w))),
            ];
            if with_bar {
                spans.push(Span::styled(bar(r.progress as f64, 100.0, 6), theme::key()));
            }
            spans.push(Span::raw(format!("{:>4}% ", r.progress)));
            if over_w > 0 {
                spans.push(Span::styled(pad(&overdue, over_w), theme::error()));
            }
            spans.push(Span::styled(days, theme::dim()));
            lines.push(Line::from(spans));
        }
        // The legend at the foot, kept in view over the last rows (a long board is cut
        // anyway) wherever two rows of the board still show above it.
        if !self.board.is_empty() {
            let legend = legend_lines(l, inner_w);
            if inner_h >= legend.len() + 2 {
                lines.resize(inner_h - legend.len(), Line::raw(""));
                lines.extend(legend.into_iter().map(|x| Line::styled(x, theme::dim())));
            }
        }
        Paragraph::new(lines).block(block(title)).render(area, buf);
    }

    /// The spiral: target and result of each turn, oldest first; as many of the latest
    /// turns as fit, the bars as wide as the room allows (at least 3 cells, for the value).
    fn lineage(&self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let l = cx.lang;
        let inner_w = area.width.saturating_sub(2) as usize;
        let gap = 2;
        // ratatui leaves a bar gap after each bar, the last of a group too: a group takes
        // 2·bw + 2 + gap cells but the last needs only its two bars and the gap between them,
        // else it is cut (one bar, a clipped year).
        let fits = |bw: usize| (inner_w + gap + 1) / (2 * bw + 2 + gap);
        let shown = self.lineage.len().min(fits(3)).max(1);
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
        let groups: Vec<BarGroup> = self
            .lineage
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
        chart.render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_kit::{cx, draw, someone};
    use crate::app::panels::PdcaPanel;
    use crate::domain::Date;
    use crate::domain::pdca::{PdcaCycle, Phase};
    use crate::i18n::Lang;
    use crate::store::panels::BoardRow;

    fn turn(fiscal_year: i32, target: f64, result: Option<f64>) -> PdcaCycle {
        PdcaCycle {
            id: fiscal_year as i64,
            owner_staff_id: Some(7),
            title: "窓口待ち時間の短縮".into(),
            metric: "平均待ち時間".into(),
            metric_unit: "分".into(),
            lower_is_better: true,
            target: Some(target),
            result,
            phase: Phase::Check,
            progress: 50,
            version: 1,
            ..PdcaCycle::blank(fiscal_year)
        }
    }

    /// A row with overdue actions, one never reviewed and one without a cycle; the newest
    /// turn first in the lineage, drawn oldest first.
    #[test]
    fn a_board_over_a_lineage() {
        let row = |name: &str, phase: &str, progress, overdue_actions, last_review| BoardRow {
            staff_no: String::new(),
            name: name.into(),
            cycle_id: None,
            title: String::new(),
            phase: phase.into(),
            progress,
            overdue_actions,
            last_review,
            on_leave: false,
        };
        let panel = PdcaPanel {
            board_of: Some(someone()),
            board: vec![
                row("佐藤 一郎", "do", 40, 2, Some(Date::from_ymd(2026, 10, 25))),
                row("鈴木 次郎", "plan", 0, 0, None),
                row("高橋 三郎", "", 0, 0, None),
            ],
            lineage: vec![
                turn(2026, 12.0, None),
                turn(2025, 15.0, Some(14.0)),
                turn(2024, 20.0, Some(18.5)),
            ],
        };
        insta::assert_snapshot!(draw(&panel, &cx(Lang::Ja, None), 52, 20));
    }

    /// A person away on leave is shown 休業中 where the overdue mark would be: their
    /// actions are not late while they are away.
    #[test]
    fn a_person_on_leave_is_away_not_overdue() {
        let row = |name: &str, on_leave| BoardRow {
            staff_no: String::new(),
            name: name.into(),
            cycle_id: None,
            title: String::new(),
            phase: "do".into(),
            progress: 40,
            overdue_actions: 3,
            last_review: None,
            on_leave,
        };
        let panel = PdcaPanel {
            board_of: Some(someone()),
            board: vec![row("佐藤 一郎", false), row("鈴木 次郎", true)],
            lineage: vec![],
        };
        for lang in [Lang::Ja, Lang::En] {
            let screen = draw(&panel, &cx(lang, None), 60, 12);
            let away = lang.label("on_leave", "away");
            let lines: Vec<&str> = screen.lines().collect();
            let sato = lines.iter().find(|l| l.contains("佐藤")).expect("佐藤");
            let suzuki = lines.iter().find(|l| l.contains("鈴木")).expect("鈴木");
            assert!(sato.contains("!3") && !sato.contains(away), "{screen}");
            assert!(suzuki.contains(away) && !suzuki.contains("!3"), "{screen}");
        }
    }

    /// Reviewed today, yesterday and a fortnight ago, in a panel as narrow as the one
    /// beside a list at 80×24: the marks are explained at the foot, in both languages.
    #[test]
    fn a_narrow_board_says_today_and_explains_its_marks() {
        let today = super::super::test_kit::today();
        let row = |name: &str, overdue_actions, days: i64| BoardRow {
            staff_no: String::new(),
            name: name.into(),
            cycle_id: None,
            title: String::new(),
            phase: "do".into(),
            progress: 60,
            overdue_actions,
            last_review: Some(today.add_days(-days)),
            on_leave: false,
        };
        let panel = PdcaPanel {
            board_of: Some(someone()),
            board: vec![
                row("佐藤 一郎", 1, 0),
                row("鈴木 次郎", 0, 1),
                row("長谷川 久美子", 12, 14),
            ],
            lineage: Vec::new(),
        };
        let ja = draw(&panel, &cx(Lang::Ja, None), 36, 20);
        assert!(
            ja.contains("今日") && ja.contains("昨日") && ja.contains("14日前"),
            "{ja}"
        );
        assert!(!ja.contains("0日前") && !ja.contains(" 1日前"), "{ja}");
        insta::assert_snapshot!("board_legend_ja", ja);
        let en = draw(&panel, &cx(Lang::En, None), 36, 20);
        assert!(en.contains("today") && en.contains("yesterday"), "{en}");
        insta::assert_snapshot!("board_legend_en", en);
    }
}
