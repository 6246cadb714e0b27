//! What the tests share, one home for each helper. The day every test is built around is
//! here, once: the demo's base day, the `--today` the real binary is given, and the
//! in-process apps' today are all [`TODAY`].

/// The real binary in a scratch home: a runner, its output, snapshots of the files.
pub mod cli;
/// An `App` over a demo ward, keys typed through the live keymap, readers of its state.
pub mod driver;
/// Demo wards generated once per run, as a `Db` and as plain SQL.
pub mod generated;
/// Who the real binary runs as, and what of our environment it keeps (TZ, faketime).
pub mod os_env;
/// The real binary in a pseudo-terminal, its screen read back through vt100.
pub mod pty;
/// A small hand-made ward on a temporary file, record builders, store error readers.
pub mod ward;

use jinji::demo::{Params, generate};
use jinji::domain::Date;
use jinji::store::Db;

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

/// The default demo ward (about 300 staff, 5 years) as of [`TODAY`], in memory.
pub fn demo_ward() -> Db {
    let db = Db::open_in_memory().expect("open in memory");
    generate(&db, &Params::demo(today())).expect("demo");
    db
}
