//! The real `jinji` binary's commands in a scratch home (`support::cli`).

/// Refusals: exit code, one `jinji:` line, nothing written.
mod bad_input;
/// Long-service nominations and compliance reminders.
mod batch;
/// `jinji calendar` and its add/remove.
mod calendar;
/// `--today`: one clock for every command and the screens.
mod clock;
/// Demo, init, seed, users, backup, check and the global flags.
mod commands;
/// `jinji export KIND` in CSV and JSON, and who may run it.
mod export;
/// `jinji eval …` and `jinji pdca …` as the demo's logins.
mod flow;
/// `jinji reorg …` and the tree of a day.
mod reorg;
/// `jinji settings`: the ward's rules, set by admins within range.
mod settings;
/// `jinji transfer …` and the transfer moves' export.
mod transfer;
/// `jinji users add|list|remove` and who may manage accounts.
mod users;
