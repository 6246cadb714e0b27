//! jinji (人事): staff records and the staff capability plan of a Japanese ward office.

pub mod app;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod import;
pub mod sheet;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;
