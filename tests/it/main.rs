//! Every integration test of jinji, in one binary: the crate is linked once, not once a
//! file. Each folder says what it covers (its `mod.rs` lists its files, a line each);
//! `support` holds what the tests share. `cargo test --test it FOLDER::FILE` runs one file.

/// The `App` driven in-process by keys (the live keymap), checked in its state, the
/// database and the screen.
mod app;
/// The real `jinji` binary's commands in a scratch home (`support::cli`).
mod cli;
/// The demo generator obeys its own rules, on wards built once per run (`support::generated`).
mod demo;
/// Domain rules with no database: the calendar's law and the step machines.
mod domain;
/// Workflows through the store: who may make which move, with dates and audit rows.
mod flows;
/// Files in and out: imports, exports, reports and restores, read back as another program
/// would.
mod io;
/// The lists the screens read: views, paging, order, query plans and worklists.
mod lists;
/// Records people keep and write themselves, and where a person works.
mod records;
/// What must hold under attack and accident: roles, secrecy, hostile input, kills, full
/// disks, file modes.
mod safety;
/// The store's API: records, validation, audit, versions, exports, opening files
/// (`support::ward`).
mod store;
/// What reaches the terminal: snapshots of the screens and the real binary in a
/// pseudo-terminal.
mod ui;

/// Fixtures and runners the folders share.
mod support;
