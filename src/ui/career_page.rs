//! One person's career on one page: who they are, the posts they held, their grades,
//! challenge themes, training hours and awards, newest first.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::theme;
use crate::app::App;
use crate::app::panel::Panel;
use crate::i18n::Lang;
use crate::store::career_page::CareerPage;
use crate::text::{fit, pad, pad_left};

fn boxed(title: &str, lines: Vec<Line<'static>>, frame: &mut Frame, area: Rect) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title.to_string());
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn empty(l: Lang) -> Line<'static> {
    Line::styled(l.t("career.none").to_string(), theme::dim())
}

fn posts(app: &App, page: &CareerPage, w: usize) -> Vec<Line<'static>> {
    let l = app.session.lang;
    let mut out: Vec<Line> = page
        .posts
        .iter()
        .map(|p| {
            let to =
                p.to.map(|d| app.session.date_style.show(d))
                    .unwrap_or_else(|| l.t("career.now").into());
            Line::from(vec![
                Span::raw(format!(
                    "{} – {} ",
                    app.session.date_style.show(p.from),
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

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let l = app.session.lang;
    let Panel::CareerPage { person, page } = &app.shown.panel else {
        return;
    };
    let Some(p) = person else {
        boxed(
            l.t("view.career_page"),
            vec![Line::styled(l.t("career.pick"), theme::dim())],
            frame,
            area,
        );
        return;
    };
    let [head, body] = Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(area);
    let years = app.session.today.years_since(p.hire_date);
    let who = l.tf(
        "career.who",
        &[
            ("no", &p.staff_no),
            ("name", &p.full_name()),
            ("position", &l.label("position", p.position.code())),
            ("hired", &app.session.date_style.show(p.hire_date)),
            ("years", &years),
            ("track", &l.label("track", p.track.code())),
        ],
    );
    boxed(l.t("view.career_page"), vec![Line::raw(who)], frame, head);
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);
    let [tl, tr] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(top);
    let [bl, br] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(bottom);
    let inner = |r: Rect| r.width.saturating_sub(2) as usize;
    boxed(l.t("career.posts"), posts(app, page, inner(tl)), frame, tl);
    boxed(l.t("career.grades"), grades(l, page), frame, tr);
    boxed(l.t("career.themes"), themes(l, page, inner(bl)), frame, bl);
    boxed(
        l.t("career.hours_awards"),
        hours_and_awards(l, page, inner(br)),
        frame,
        br,
    );
}
