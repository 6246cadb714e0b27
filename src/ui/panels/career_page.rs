//! One person's career on one page: who they are, the posts they held, their grades,
//! challenge themes, training hours and awards, newest first.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::{Ctx, Draw, Place};
use crate::app::panels::CareerPagePanel;
use crate::i18n::Lang;
use crate::store::career_page::CareerPage;
use crate::text::{fit, pad, pad_left};
use crate::ui::theme;

fn boxed(title: &str, lines: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title.to_string());
    Paragraph::new(lines).block(block).render(area, buf);
}

fn empty(l: Lang) -> Line<'static> {
    Line::styled(l.t("career.none").to_string(), theme::dim())
}

fn posts(cx: &Ctx, page: &CareerPage, w: usize) -> Vec<Line<'static>> {
    let l = cx.lang;
    let mut out: Vec<Line> = page
        .posts
        .iter()
        .map(|p| {
            let to =
                p.to.map(|d| cx.date_style.show(d))
                    .unwrap_or_else(|| l.t("career.now").into());
            Line::from(vec![
                Span::raw(format!(
                    "{} – {} ",
                    cx.date_style.show(p.from),
                    pad(&to, 10)
                )),
                Span::raw(fit(
                    &l.tf(
                        "career.post_line",
                        &[
                            ("unit", &p.unit),
                            ("position", &l.label("position", &p.position)),
                            ("reason", &l.label("reason", &p.reason)),
                        ],
                    ),
                    w.saturating_sub(26),
                )),
            ])
        })
        .collect();
    if out.is_empty() {
        out.push(empty(l));
    }
    out
}

fn grades(l: Lang, page: &CareerPage) -> Vec<Line<'static>> {
    let mut out: Vec<Line> = page
        .grades
        .iter()
        .map(|g| {
            Line::from(vec![
                Span::raw(format!("{} ", pad(&l.fiscal_year(g.fiscal_year), 10))),
                Span::raw(format!("{} ", pad(l.label("eval_kind", &g.kind), 12))),
                Span::styled(pad(g.grade.as_deref().unwrap_or("-"), 3), theme::key()),
                Span::styled(l.label("eval_state", &g.state).to_string(), theme::dim()),
            ])
        })
        .collect();
    if out.is_empty() {
        out.push(empty(l));
    }
    out
}

fn themes(l: Lang, page: &CareerPage, w: usize) -> Vec<Line<'static>> {
    let mut out: Vec<Line> = page
        .themes
        .iter()
        .map(|t| {
            let got = t
                .achievement
                .map(|a| format!("{a}%"))
                .unwrap_or_else(|| "-".into());
            Line::raw(format!(
                "{} {} {} {}",
                pad(&l.fiscal_year(t.fiscal_year), 10),
                pad_left(&format!("{}%", t.weight), 4),
                pad_left(&got, 4),
                fit(&t.title, w.saturating_sub(24))
            ))
        })
        .collect();
    if out.is_empty() {
        out.push(empty(l));
    }
    out
}

fn hours_and_awards(l: Lang, page: &CareerPage, w: usize) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(
        l.t("career.hours").to_string(),
        theme::header(),
    )];
    if page.hours.is_empty() {
        out.push(empty(l));
    }
    for (y, h) in &page.hours {
        out.push(Line::raw(format!(
            "{} {}",
            pad(&l.fiscal_year(*y), 10),
            l.tf("career.hours_of", &[("h", h)])
        )));
    }
    out.push(Line::raw(""));
    out.push(Line::styled(
        l.t("career.awards").to_string(),
        theme::header(),
    ));
    if page.awards.is_empty() {
        out.push(empty(l));
    }
    for a in &page.awards {
        out.push(Line::raw(fit(
            &format!(
                "{} {}",
                pad(&l.fiscal_year(a.fiscal_year), 10),
                l.tf(
                    "career.award_line",
                    &[
                        ("kind", &l.label("award_kind", &a.kind)),
                        ("title", &a.title),
                        ("state", &l.label("award_state", &a.state)),
                    ],
                )
            ),
            w,
        )));
    }
    out
}

impl Draw for CareerPagePanel {
    fn place(&self) -> Place {
        Place::Instead
    }

    fn render(&self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let l = cx.lang;
        let page = &self.page;
        let Some(p) = &self.person else {
            boxed(
                l.t("view.career_page"),
                vec![Line::styled(l.t("career.pick"), theme::dim())],
                area,
                buf,
            );
            return;
        };
        let [head, body] =
            Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(area);
        let years = cx.today.years_since(p.hire_date);
        let who = l.tf(
            "career.who",
            &[
                ("no", &p.staff_no),
                ("name", &p.full_name()),
                ("position", &l.label("position", p.position.code())),
                ("hired", &cx.date_style.show(p.hire_date)),
                ("years", &years),
                ("track", &l.label("track", p.track.code())),
            ],
        );
        boxed(l.t("view.career_page"), vec![Line::raw(who)], head, buf);
        let [top, bottom] =
            Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);
        let [tl, tr] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(top);
        let [bl, br] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .areas(bottom);
        let inner = |r: Rect| r.width.saturating_sub(2) as usize;
        boxed(l.t("career.posts"), posts(cx, page, inner(tl)), tl, buf);
        boxed(l.t("career.grades"), grades(l, page), tr, buf);
        boxed(l.t("career.themes"), themes(l, page, inner(bl)), bl, buf);
        boxed(
            l.t("career.hours_awards"),
            hours_and_awards(l, page, inner(br)),
            br,
            buf,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_kit::{cx, draw, someone};
    use crate::app::panels::CareerPagePanel;
    use crate::domain::Date;
    use crate::i18n::Lang;
    use crate::store::career_page::{AwardLine, CareerPage, Post, ThemeLine, YearGrade};

    /// Posts newest first with the current one open, grades, themes, hours and awards, each
    /// in its box.
    #[test]
    fn a_career_on_one_page() {
        let post = |unit: &str, position: &str, from, to, reason: &str| Post {
            unit: unit.into(),
            position: position.into(),
            from,
            to,
            reason: reason.into(),
        };
        let panel = CareerPagePanel {
            person: Some(someone()),
            page: CareerPage {
                posts: vec![
                    post(
                        "総務課",
                        "section_chief",
                        Date::from_ymd(2024, 4, 1),
                        None,
                        "promotion",
                    ),
                    post(
                        "税務課",
                        "team_chief",
                        Date::from_ymd(2018, 4, 1),
                        Some(Date::from_ymd(2024, 3, 31)),
                        "transfer",
                    ),
                ],
                grades: vec![YearGrade {
                    fiscal_year: 2025,
                    kind: "competency".into(),
                    grade: Some("A".into()),
                    state: "disclosed".into(),
                }],
                themes: vec![ThemeLine {
                    fiscal_year: 2025,
                    title: "窓口待ち時間の短縮".into(),
                    weight: 40,
                    achievement: Some(90),
                }],
                hours: vec![(2026, 12.5), (2025, 20.0)],
                awards: vec![AwardLine {
                    fiscal_year: 2025,
                    kind: "proposal".into(),
                    title: "電子申請の改善".into(),
                    state: "awarded".into(),
                }],
            },
        };
        insta::assert_snapshot!(draw(&panel, &cx(Lang::Ja, None), 100, 20));
    }
}
