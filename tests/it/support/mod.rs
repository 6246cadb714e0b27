//! What the tests share, one home for each helper. The day every test is built around is
//! here, once: the demo's base day, the `--today` the real binary is given, and the
//! in-process apps' today are all [`TODAY`].

pub mod cli;
pub mod driver;
pub mod generated;
pub mod os_env;
pub mod pty;
pub mod ward;

use jinji::domain::Date;

/// The day the demo wards are built around and every test's today, as the command line
/// takes it (`--today`).
pub const TODAY: &str = "2026-11-24";

/// [`TODAY`] as a date.
pub fn today() -> Date {
    Date::parse_any(TODAY).expect("TODAY is a date")
}

/// A date, briefly.
pub fn d(y: i32, m: u32, day: u32) -> Date {
    Date::from_ymd(y, m, day)
}
