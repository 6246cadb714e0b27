//! Drawing: a pure function of the application state. Header, tabs, the tab's body, the
//! help bar from the live keymap, and modals last over `Clear`.

mod body;
mod chrome;
mod columns;
mod job;
mod modal;
mod overlay;
mod panels;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::App;

/// Below this the layout cannot hold: a message instead of a broken screen.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 12;

pub fn render(app: &App, frame: &mut Frame) {
    draw(app, frame);
    scrub(frame.buffer_mut());
}

/// Nothing from the data reaches the terminal as a control: ratatui drops control
/// characters, but a bidi override or a zero-width character rides along in the cell
/// before it. Storage refuses them; this holds for a file written around jinji too.
fn scrub(buf: &mut ratatui::buffer::Buffer) {
    for cell in &mut buf.content {
        if let std::borrow::Cow::Owned(clean) = crate::text::shown(cell.symbol()) {
            cell.set_symbol(if clean.is_empty() { " " } else { &clean });
        }
    }
}

/// The screen as plain text, for snapshots: each row's symbols without the filler cell
/// that follows a double-width character, trailing spaces trimmed, so that Japanese reads
/// naturally and its alignment shows.
pub fn screen_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for row in buf.content.chunks(buf.area.width.max(1) as usize) {
        let mut line = String::new();
        let mut skip = 0;
        for cell in row {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = cell.symbol();
            if sym.is_empty() {
                continue;
            }
            line.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, frame, area);
        return;
    }
    let [header, tabs, body, help] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::header(app, frame, header);
    chrome::tabs(app, frame, tabs);
    body::render(app, frame, body);
    if !chrome::notice(app, frame, help) {
        chrome::help_bar(app, frame, help);
    }
    modal::render(app, frame, area);
}

fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let text = app.session.lang.tf(
        "ui.too_small",
        &[
            ("w", &MIN_WIDTH),
            ("h", &MIN_HEIGHT),
            ("now_w", &area.width),
            ("now_h", &area.height),
        ],
    );
    // Broken by display width here: ratatui's word wrap can start a wide character in
    // the last column (ratatui#2679), half of it off the screen.
    let lines: Vec<Line> = crate::text::wrap(&text, area.width.into())
        .into_iter()
        .map(Line::from)
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::text::Line;
    use ratatui::widgets::Widget;

    #[test]
    fn a_frame_keeps_no_bidi_or_zero_width_character() {
        let area = Rect::new(0, 0, 12, 1);
        let mut buf = Buffer::empty(area);
        Line::from("\u{202e}甲\u{200b}乙\u{2066}x\u{feff}").render(area, &mut buf);
        super::scrub(&mut buf);
        let text: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert!(!text.chars().any(crate::text::hidden), "{text:?}");
        // Wide characters leave a blank cell after them.
        assert_eq!(text.replace(' ', ""), "甲乙x", "{text:?}");
    }
}
