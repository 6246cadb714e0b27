//! After a panic the terminal is given back: the real binary (a debug build, which can be
//! told to panic on a key) in a pseudo-terminal, panicking with its screens up, leaves the
//! main screen, raw mode and bracketed paste, shows the cursor, and says what happened.
#![cfg(unix)]

use crate::support::pty;

use pty::{Session, Spawn};

#[test]
fn a_panic_gives_the_terminal_back() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(Spawn {
        env: &[("JINJI_PANIC_KEY", "Z")],
        ..Spawn::new(
            home.path(),
            &["demo", "--staff", "60", "--today", pty::TODAY],
        )
    });
    s.wait_for("[職員名簿]");
    {
        let p = s.parser.lock().unwrap();
        assert!(p.screen().alternate_screen() && p.screen().bracketed_paste());
    }
    #[cfg(target_os = "linux")]
    assert!(
        !pty::cooked(&*s.master),
        "raw mode while the screens are up"
    );
    // In the search box: a panic in the middle of work, not on a quiet screen.
    s.keys("/");
    s.wait_for("┌職員を探す");
    s.keys("Z");
    let status = s.wait_exit();
    assert!(!status.success(), "a panic is a failure: {status:?}");
    s.assert_restored();
    let text = s.text();
    assert!(
        text.contains("injected panic"),
        "the report is on the main screen:\n{text}"
    );
}
