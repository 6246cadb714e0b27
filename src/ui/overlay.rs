//! Where a popup goes: a box centred over the screen, and the ground cleared under it
//! (one column either side, so no wide character of the screen below is cut in half).

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::widgets::Clear;

/// Clears a popup's area and one column beyond each side, so that a double-width
/// character cut by the edge does not leave half of itself on screen.
pub(super) fn clear(frame: &mut Frame, r: Rect) {
    let full = frame.area();
    let x = r.x.saturating_sub(1);
    let right = (r.right() + 1).min(full.right());
    frame.render_widget(
        Clear,
        Rect {
            x,
            y: r.y,
            width: right - x,
            height: r.height,
        },
    );
}

pub(super) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [r] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    r
}
