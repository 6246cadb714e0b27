//! What every scratch environment of the real binary shares (`support::cli`, `support::pty`): who
//! it runs as, and what it keeps of the environment the tests run in.

use std::ffi::OsString;
use std::sync::OnceLock;

/// What `USER` and `LOGNAME` say in every scratch environment: no login of anyone's. jinji
/// takes the login from the process's real user id; a program that believed these would
/// find no account and fail every test that runs it.
pub const DECOY: &str = "not-the-login";

/// The OS login the binary runs as: the name of this process's real user id in the
/// password database, as `id -un` reads it (not from the environment either).
pub fn login() -> &'static str {
    static LOGIN: OnceLock<String> = OnceLock::new();
    LOGIN.get_or_init(|| id_un(&[]))
}

/// The name the password database gives the user id `uid`.
pub fn login_of(uid: u32) -> String {
    id_un(&[&uid.to_string()])
}

fn id_un(user: &[&str]) -> String {
    let o = std::process::Command::new("id")
        .arg("-un")
        .args(user)
        .env_clear()
        .output()
        .expect("run `id -un`");
    assert!(o.status.success(), "`id -un {user:?}`: {o:?}");
    let name = String::from_utf8(o.stdout).expect("a login in UTF-8");
    let name = name.trim().to_string();
    assert!(!name.is_empty(), "`id -un {user:?}` names no one");
    name
}

/// Variables the scratch environment keeps from ours: the time zone, and libfaketime's
/// shifted clock (scripts/shifted-clock.sh), so that the program under test lives on the
/// same day, at the same hour, as the test that reads its output.
const KEPT: &[&str] = &[
    "TZ",
    "LD_PRELOAD",
    "FAKETIME",
    "FAKETIME_DONT_FAKE_MONOTONIC",
    "FAKETIME_NO_CACHE",
    "FAKETIME_SHARED",
];

/// The kept variables that are set here, with their values.
pub fn kept() -> Vec<(&'static str, OsString)> {
    KEPT.iter()
        .filter_map(|k| std::env::var_os(k).map(|v| (*k, v)))
        .collect()
}
