//! The `App` driven in-process by keys (the live keymap), checked in its state, the
//! database and the screen (`support::driver`).

/// Award forms naming one recipient or a group.
mod awards;
/// The office calendar's screen: closed days listed, added and removed by admins.
mod calendar;
/// The `x` file menu: exports, reports and backups as jobs off the UI thread; its snapshots.
mod files;
/// What follows an edit (the focus, prefilled units) and what new records start from.
mod follow;
/// Forms by keys: create, inline validation, edit, conflict, delete, cancel.
mod forms;
/// Tabs, views, windowed lists and the fiscal year moved by keys.
mod keys;
/// Workflow moves (`m`) typed by the people whose turn it is.
mod moves;
/// A word after every action, a question before every lock, messages that say what is wrong.
mod notices;
/// Reference fields filled from pickers: units, people, sessions, courses.
mod picker;
/// A person's post changed from the 職員 form and the 配置履歴 list.
mod posts;
/// Random key sequences: no panic, lists in range, every size draws.
mod props;
/// Each role sees what it may in every list, search and count.
mod roles;
/// Finding a person four ways, and the focus that follows.
mod search;
/// Two people on one file: versions, who changed it, rows gone.
mod shared;
/// Romaji as people type it: every spelling of every reading finds the same people.
mod spellings;
/// Text areas, sideways scrolling, pastes, editing keys, every problem at once in view.
mod text_fields;
/// Counts and tallies made off the screen's thread.
mod worker;
