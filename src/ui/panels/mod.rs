//! The tabs' own panels, one module each: its drawing from the state app/panels/ loaded
//! under the same name, and its snapshot. A new panel is one file here and a line in
//! `drawn` below. Drawing reads only the panel's state and `Ctx`: no database, no change.

mod awards;
mod calibration;
mod career;
mod career_page;
mod compliance;
mod evaluation;
mod exams;
mod pdca;
mod placement;
mod plan_check;
mod training;

pub(crate) use pdca::legend_items;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::theme;
use crate::app::App;
use crate::app::panels::Panel;
use crate::app::worker::Answer;
use crate::config::DateStyle;
use crate::domain::{Date, FiscalYear};
use crate::i18n::Lang;

/// What a panel may read besides its own state.
pub struct Ctx<'a> {
    pub lang: Lang,
    pub fiscal_year: FiscalYear,
    pub today: Date,
    pub date_style: DateStyle,
    /// The figures the panel asked for off the screen's thread, once they are made.
    pub answer: Option<&'a Answer>,
}

/// Where a panel goes in the tab's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Under the detail pane, beside the list.
    Beside,
    /// The whole body, in place of the list and the detail.
    Instead,
}

trait Draw {
    fn place(&self) -> Place {
        Place::Beside
    }
    fn render(&self, cx: &Ctx, area: Rect, buf: &mut Buffer);
}

fn drawn(panel: &Panel) -> Option<&dyn Draw> {
    match panel {
        Panel::None => None,
        Panel::Career(p) => Some(p),
        Panel::CareerPage(p) => Some(p),
        Panel::Evaluation(p) => Some(p),
        Panel::Calibration(p) => Some(p),
        Panel::Placement(p) => Some(p),
        Panel::Training(p) => Some(p),
        Panel::Awards(p) => Some(p),
        Panel::Compliance(p) => Some(p),
        Panel::Pdca(p) => Some(p),
        Panel::Exams(p) => Some(p),
        Panel::PlanCheck(p) => Some(p),
    }
}

/// The panel of the view shown, ready to draw.
pub struct Shown<'a> {
    panel: &'a dyn Draw,
    cx: Ctx<'a>,
}

impl Shown<'_> {
    pub fn place(&self) -> Place {
        self.panel.place()
    }
}

impl Widget for &Shown<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.panel.render(&self.cx, area, buf);
    }
}

/// The view's panel, if it has one.
pub fn shown(app: &App) -> Option<Shown<'_>> {
    let panel = drawn(&app.shown.panel)?;
    let cx = Ctx {
        lang: app.session.lang,
        fiscal_year: app.nav.fiscal_year,
        today: app.session.today,
        date_style: app.session.date_style,
        answer: app
            .shown
            .panel
            .need()
            .and_then(|n| app.shown.answers.get(n)),
    };
    Some(Shown { panel, cx })
}

/// A bar of `w` cells for `part` of `whole`.
fn bar(part: f64, whole: f64, w: usize) -> String {
    let filled = if whole > 0.0 {
        ((part / whole) * w as f64).round() as usize
    } else {
        0
    };
    format!(
        "{}{}",
        "█".repeat(filled.min(w)),
        "░".repeat(w - filled.min(w))
    )
}

fn block(title: String) -> Block<'static> {
    Block::default().borders(Borders::ALL).title(title)
}

/// A panel whose figures are still being made off the screen's thread.
fn computing(l: Lang, title: String, area: Rect, buf: &mut Buffer) {
    Paragraph::new(Line::styled(l.t("ui.computing"), theme::dim()))
        .block(block(title))
        .render(area, buf);
}

/// What the panels' snapshots share: a fixed day, a person, and the panel drawn alone.
#[cfg(test)]
mod test_kit {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    use super::{Ctx, Draw};
    use crate::app::worker::Answer;
    use crate::config::DateStyle;
    use crate::domain::Date;
    use crate::domain::staff::{Position, Sex, Staff};
    use crate::i18n::Lang;

    pub fn today() -> Date {
        Date::from_ymd(2026, 11, 24)
    }

    pub fn cx(lang: Lang, answer: Option<&Answer>) -> Ctx<'_> {
        Ctx {
            lang,
            fiscal_year: 2026,
            today: today(),
            date_style: DateStyle::Iso,
            answer,
        }
    }

    pub fn someone() -> Staff {
        Staff {
            id: 7,
            staff_no: "2300006".into(),
            family_name: "山田".into(),
            given_name: "花子".into(),
            family_kana: "ヤマダ".into(),
            given_kana: "ハナコ".into(),
            sex: Sex::Female,
            birth_date: Date::from_ymd(1985, 6, 1),
            unit_id: 3,
            position: Position::SectionChief,
            grade: 5,
            version: 1,
            ..Staff::blank(Date::from_ymd(2008, 4, 1))
        }
    }

    /// The panel alone on a `w`×`h` screen, as text for `insta::assert_snapshot!`.
    pub fn draw(panel: &dyn Draw, cx: &Ctx, w: u16, h: u16) -> String {
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        panel.render(cx, buf.area, &mut buf);
        crate::ui::screen_text(&buf)
    }
}
