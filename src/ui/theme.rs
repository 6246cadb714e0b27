//! Colours and emphasis, in one place.

use ratatui::style::{Color, Modifier, Style};

pub fn title() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}
pub fn header() -> Style {
    Style::default().fg(Color::Black).bg(Color::Cyan)
}
pub fn tab_active() -> Style {
    Style::default()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}
pub fn dim() -> Style {
    Style::default().fg(Color::DarkGray)
}
pub fn key() -> Style {
    Style::default()
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}
pub fn selected() -> Style {
    Style::default()
        .bg(Color::Blue)
        .fg(Color::White)
        .add_modifier(Modifier::BOLD)
}
pub fn error() -> Style {
    Style::default().fg(Color::Red)
}
pub fn warn() -> Style {
    Style::default().fg(Color::Yellow)
}
pub fn focus_field() -> Style {
    Style::default().bg(Color::DarkGray).fg(Color::White)
}
