//! What must hold under attack and accident: roles, secrecy, hostile input, kills, full
//! disks, file modes. The README's "Data safety" table names these files.

/// Several clerks and other writers on one file, in pseudo-terminals.
mod clerks;
/// `jinji demo` killed at each stage of replacing a database.
mod demo_replace;
/// A full disk (SQLite's page cap): rolled back, nothing typed lost.
mod disk_full;
/// A real full disk and a file-size limit under the real binary.
mod disk_full_fs;
/// Files only for their owner; damaged files refused.
mod files;
/// Hostile strings refused by imports and drawn harmlessly.
mod hostile;
/// Hostile strings on the command line's output.
mod hostile_cli;
/// The login comes from the real user id, never the environment.
mod identity;
/// Ten thousand random keys and every size: no panic.
mod keys;
/// SIGKILL mid-import and mid-transfer: the file stays whole.
mod kill;
/// After a panic the terminal is given back.
mod panic;
/// A supervisor reaches nothing outside their scope; `--user` no way around.
mod roles;
/// Who sees what, on random wards.
mod scope_props;
/// Ratings kept secret until disclosure, through every surface.
mod secrecy;
