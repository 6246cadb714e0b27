//! Several clerks, and other writers, on one database file: the real `jinji` binary in
//! pseudo-terminals, the file read back afterwards.
//!
//! What is proven:
//! - Two processes editing the same staff record: the second save is refused with a
//!   conflict that names who changed the record and when, nothing is overwritten, a
//!   reload shows the other clerk's value, and a save after it lands on top; the audit
//!   log holds both changes, in order, each with its actor.
//! - A write lock held by another connection for 2 s is waited for (busy timeout 5 s):
//!   the save lands after the lock is released, without any message.
//! - A write lock held past the 5 s timeout gives the busy message; the form and the
//!   typed text survive it, the app keeps working, and a later save lands.
#![cfg(unix)]

use crate::support::pty;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use jinji::store::{Db, OpenMode};
use pty::{Session, TODAY, locate, locate_below, row};

const EDIT_TITLE: &str = "職員名簿 — 編集";
const BACKTAB: &[u8] = b"\x1b[Z";
const BACKSPACE: &[u8] = b"\x7f";
const CTRL_S: &[u8] = b"\x13";
/// The first staff record of the demo, selected when the list opens.
const FIRST: &str = "0000001";

/// Builds the demo database in `home` (through the pty, as a clerk would) and quits;
/// returns the file.
fn demo_db(home: &Path) -> PathBuf {
    let mut s = Session::spawn(home, &["demo", "--today", TODAY]);
    s.wait_for("[職員名簿]");
    s.keys("q");
    let st = s.wait_exit();
    assert!(st.success(), "demo exit status: {st:?}\n{}", s.text());
    let path = home.join("data").join("jinji").join("demo.db");
    assert!(path.exists(), "the demo file at {}", path.display());
    path
}

/// The app on an existing file as `login`, on the staff list.
fn open_as(home: &Path, db: &Path, login: &str) -> Session {
    let db = db.to_str().expect("utf-8 path");
    let mut s = Session::spawn(home, &["--db", db, "--user", login]);
    s.wait_for("[職員名簿]");
    s.wait_until(&format!("{login} in the header"), |scr| {
        row(scr, 0).contains(&format!("利用者 {login}"))
    });
    s
}

/// Like `Session::wait_until`, with its own deadline (for waits near the busy timeout).
fn wait_long(
    s: &mut Session,
    limit: Duration,
    what: &str,
    ok: impl Fn(&vt100::Screen) -> bool,
) -> String {
    let start = Instant::now();
    loop {
        {
            let p = s.parser.lock().expect("parser lock");
            if ok(p.screen()) {
                return p.screen().contents();
            }
        }
        if start.elapsed() > limit {
            let exited = s.child.try_wait().ok().flatten();
            panic!(
                "timed out after {limit:?} waiting for {what}; child exit: {exited:?}\n\
                 --- screen ---\n{}\n--------------",
                s.text()
            );
        }
        thread::sleep(Duration::from_millis(20));
    }
}

/// The row of the field `label` in the open edit form.
fn form_row(scr: &vt100::Screen, label: &str) -> Option<String> {
    let (top, _) = locate(scr, EDIT_TITLE)?;
    let (r, _) = locate_below(scr, label, top)?;
    Some(row(scr, r))
}

fn form_field_has(scr: &vt100::Screen, label: &str, value: &str) -> bool {
    form_row(scr, label).is_some_and(|l| l.contains(value))
}

/// The text inside the box titled `title`, its lines joined, without spaces (wrapping
/// may fall anywhere).
fn box_text(scr: &vt100::Screen, title: &str) -> Option<String> {
    let (top, left) = locate(scr, &format!("┌{title}"))?;
    let (_, cols) = scr.size();
    let right =
        (left + 1..cols).find(|&c| scr.cell(top, c).is_some_and(|x| x.contents() == "┐"))?;
    let mut out = String::new();
    for r in top + 1..scr.size().0 {
        if scr.cell(r, left).is_some_and(|x| x.contents() == "└") {
            return Some(out.chars().filter(|c| !c.is_whitespace()).collect());
        }
        out.push_str(
            &scr.rows(left + 1, right - left - 1)
                .nth(r as usize)
                .unwrap_or_default(),
        );
    }
    None
}

/// The detail pane shows `value` on the line of `label`.
fn detail_has(scr: &vt100::Screen, label: &str, value: &str) -> bool {
    scr.contents()
        .lines()
        .any(|l| l.contains(label) && l.contains(value))
}

/// (id, email, phone, version) of a staff member, read straight from the file.
fn staff_row(db: &Path, staff_no: &str) -> (i64, String, String, i64) {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open read-only");
    c.busy_timeout(Duration::from_secs(5)).expect("timeout");
    c.query_row(
        "SELECT id, email, phone, version FROM staff WHERE staff_no = ?1",
        [staff_no],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )
    .expect("the staff row")
}

/// Opens the edit form of the selected (first) staff member.
fn open_form(s: &mut Session) {
    s.keys("e");
    s.wait_until("the edit form", |scr| {
        form_field_has(scr, "職員番号", FIRST)
    });
}

/// The 職員 form's fields after メール (任用形態 … 更新回数): Shift-Tab from the first field
/// wraps to the last.
const AFTER_MAIL: usize = 6;

/// In an open form, from its first field: the phone field (内線), emptied, then `value`.
fn type_phone(s: &mut Session, old: &str, value: &str) {
    for _ in 0..AFTER_MAIL + 2 {
        s.send(BACKTAB);
    }
    for _ in old.chars() {
        s.send(BACKSPACE);
    }
    s.keys(value);
    s.wait_until(&format!("{value:?} in 内線"), |scr| {
        form_field_has(scr, "内線", value)
    });
}

/// In an open form, from its first field: `value` typed into the empty mail field.
fn type_mail(s: &mut Session, value: &str) {
    for _ in 0..AFTER_MAIL + 1 {
        s.send(BACKTAB);
    }
    s.keys(value);
    s.wait_until(&format!("{value:?} in メール"), |scr| {
        form_field_has(scr, "メール", value)
    });
}

fn quit(s: &mut Session) {
    s.keys("q");
    let st = s.wait_exit();
    assert!(st.success(), "exit status: {st:?}\n{}", s.text());
    s.assert_restored();
}

#[test]
fn two_clerks_one_record_the_second_save_is_a_conflict() {
    const MAIL2: &str = "hr2@ku.jp";
    const PHONE1: &str = "4321";
    let started = Instant::now();
    let home = tempfile::tempdir().expect("tempdir");
    let db = demo_db(home.path());
    let (id, mail0, phone0, v0) = staff_row(&db, FIRST);
    assert!(mail0.is_empty(), "the demo leaves mail empty: {mail0:?}");
    assert!(!phone0.is_empty() && phone0 != PHONE1, "{phone0:?}");

    let mut hr1 = open_as(home.path(), &db, "hr1");
    let mut hr2 = open_as(home.path(), &db, "hr2");
    open_form(&mut hr1);
    open_form(&mut hr2);

    // hr2 saves first.
    type_mail(&mut hr2, MAIL2);
    hr2.send(CTRL_S);
    hr2.wait_until("hr2's form to close on the saved mail", |scr| {
        !scr.contents().contains(EDIT_TITLE) && detail_has(scr, "メール", MAIL2)
    });
    let after2 = staff_row(&db, FIRST);
    assert_eq!(
        after2,
        (id, MAIL2.to_string(), phone0.clone(), v0 + 1),
        "hr2's save"
    );
    let hr2_at = {
        let r = Db::open(&db, OpenMode::ReadOnly).expect("open");
        let e = r.audit_entries(Some("staff"), Some(id), 1).expect("audit");
        assert_eq!(e[0].actor, "hr2", "{e:?}");
        e[0].at.clone()
    };

    // hr1, on the version it read before, saves second: a question, not a save.
    type_phone(&mut hr1, &phone0, PHONE1);
    hr1.send(CTRL_S);
    let screen = hr1.wait_until("the conflict question", |scr| {
        locate(scr, "┌確認").is_some()
    });
    let q = {
        let p = hr1.parser.lock().expect("lock");
        box_text(p.screen(), "確認").expect("the question box")
    };
    assert!(q.contains("hr2"), "the question names hr2: {q}\n{screen}");
    // The stamp is stored in UTC and said in local time, to the minute.
    // (The box's text is read without its spaces.)
    let hr2_local = jinji::text::local_stamp(&hr2_at).replace(' ', "");
    assert!(
        q.contains(&hr2_local),
        "the question says when ({hr2_local}): {q}\n{screen}"
    );
    // Which record, by what people know: staff number and name, not a row number.
    assert!(
        q.contains(&format!("職員{FIRST}")) && !q.contains(&format!("#{id}")),
        "and which record: {q}\n{screen}"
    );
    assert!(
        q.contains("最新の内容を読み直しますか？") && q.contains("y:はい"),
        "a reload is offered: {q}\n{screen}"
    );
    // Nothing was overwritten.
    assert_eq!(
        staff_row(&db, FIRST),
        after2,
        "hr2's value still stands after hr1's refused save"
    );

    // Reload: the form now holds hr2's mail and the stored phone; hr1's typing is gone.
    hr1.keys("y");
    hr1.wait_until("the reloaded form", |scr| {
        locate(scr, "┌確認").is_none()
            && form_field_has(scr, "メール", MAIL2)
            && form_field_has(scr, "内線", &phone0)
            && !form_field_has(scr, "内線", PHONE1)
    });

    // hr1's change again, now on top of hr2's.
    type_phone(&mut hr1, &phone0, PHONE1);
    hr1.send(CTRL_S);
    hr1.wait_until("hr1's form to close on both values", |scr| {
        !scr.contents().contains(EDIT_TITLE)
            && !scr.contents().contains("お知らせ")
            && detail_has(scr, "内線", PHONE1)
            && detail_has(scr, "メール", MAIL2)
    });
    assert_eq!(
        staff_row(&db, FIRST),
        (id, MAIL2.to_string(), PHONE1.to_string(), v0 + 2),
        "both changes are in the file"
    );

    // The audit log: hr2's change, then hr1's, which started from hr2's.
    let r = Db::open(&db, OpenMode::ReadOnly).expect("open");
    let mut log = r.audit_entries(Some("staff"), Some(id), 10).expect("audit");
    log.reverse();
    let last: Vec<_> = log.iter().rev().take(2).rev().collect();
    let who: Vec<(&str, &str)> = last
        .iter()
        .map(|e| (e.actor.as_str(), e.action.as_str()))
        .collect();
    assert_eq!(who, [("hr2", "update"), ("hr1", "update")], "{log:#?}");
    let text = |o: &Option<String>| o.clone().unwrap_or_default();
    assert!(
        text(&last[0].after).contains(MAIL2) && text(&last[0].after).contains(&phone0),
        "{:?}",
        last[0]
    );
    assert!(
        text(&last[1].before).contains(MAIL2),
        "hr1's change started from hr2's: {:?}",
        last[1]
    );
    assert!(
        text(&last[1].after).contains(MAIL2) && text(&last[1].after).contains(PHONE1),
        "{:?}",
        last[1]
    );
    assert!(last[0].id < last[1].id);
    drop(r);

    quit(&mut hr1);
    quit(&mut hr2);
    eprintln!("two clerks: {:?}", started.elapsed());
}

/// A write lock taken by another connection in a thread and held for `hold`; returns
/// when it is taken, and a receiver that says when it was released.
fn hold_lock(db: &Path, hold: Duration) -> (Instant, mpsc::Receiver<Instant>) {
    let path = db.to_path_buf();
    let (taken_tx, taken_rx) = mpsc::channel();
    let (done_tx, done_rx) = mpsc::channel();
    thread::spawn(move || {
        let c = rusqlite::Connection::open(&path).expect("open");
        c.execute_batch("BEGIN IMMEDIATE")
            .expect("take the write lock");
        let _ = taken_tx.send(Instant::now());
        thread::sleep(hold);
        c.execute_batch("ROLLBACK").expect("release the lock");
        let _ = done_tx.send(Instant::now());
    });
    let taken = taken_rx
        .recv_timeout(Duration::from_secs(10))
        .expect("the lock is taken");
    (taken, done_rx)
}

#[test]
fn a_write_lock_held_two_seconds_is_waited_for() {
    const MAIL: &str = "wait@ku.jp";
    let started = Instant::now();
    let home = tempfile::tempdir().expect("tempdir");
    let db = demo_db(home.path());
    let (id, _, phone0, v0) = staff_row(&db, FIRST);

    let mut s = open_as(home.path(), &db, "hr1");
    open_form(&mut s);
    type_mail(&mut s, MAIL);

    let (taken, released) = hold_lock(&db, Duration::from_secs(2));
    s.send(CTRL_S);
    wait_long(
        &mut s,
        Duration::from_secs(15),
        "the form to close on the saved mail",
        |scr| !scr.contents().contains(EDIT_TITLE) && detail_has(scr, "メール", MAIL),
    );
    let closed = Instant::now();
    let released = released
        .recv_timeout(Duration::from_secs(10))
        .expect("the lock was released");
    let waited = closed - taken;
    assert!(
        waited >= Duration::from_millis(1900) && closed >= released,
        "the save waited for the lock: closed {waited:?} after it was taken"
    );
    let screen = s.text();
    assert!(
        !screen.contains("お知らせ") && !screen.contains("データベースが使用中"),
        "no message:\n{screen}"
    );
    assert_eq!(
        staff_row(&db, FIRST),
        (id, MAIL.to_string(), phone0, v0 + 1),
        "the save landed"
    );
    quit(&mut s);
    eprintln!(
        "lock 2 s: save waited {waited:?}; test {:?}",
        started.elapsed()
    );
}

#[test]
fn a_write_lock_held_past_the_timeout_is_busy_and_nothing_is_lost() {
    const MAIL: &str = "busy@ku.jp";
    let started = Instant::now();
    let home = tempfile::tempdir().expect("tempdir");
    let db = demo_db(home.path());
    let before = staff_row(&db, FIRST);
    let (id, _, ref phone0, v0) = before;

    let mut s = open_as(home.path(), &db, "hr1");
    open_form(&mut s);
    type_mail(&mut s, MAIL);

    // The lock stays with the test until the busy message is on the screen (≥ 5 s).
    let lock = rusqlite::Connection::open(&db).expect("open");
    lock.execute_batch("BEGIN IMMEDIATE")
        .expect("take the write lock");
    let pressed = Instant::now();
    s.send(CTRL_S);
    let screen = wait_long(&mut s, Duration::from_secs(20), "the busy message", |scr| {
        locate(scr, "┌お知らせ").is_some()
    });
    let waited = pressed.elapsed();
    let msg = {
        let p = s.parser.lock().expect("lock");
        box_text(p.screen(), "お知らせ").expect("the message box")
    };
    assert!(
        msg.contains("データベースが使用中です（他の利用者が書込み中）")
            && msg.contains("しばらくしてから再度お試しください"),
        "the busy message: {msg}\n{screen}"
    );
    assert!(
        waited >= Duration::from_millis(4500),
        "it waited for the busy timeout first: {waited:?}"
    );
    assert!(
        s.child.try_wait().expect("try_wait").is_none(),
        "the app is still running"
    );
    assert_eq!(staff_row(&db, FIRST), before, "nothing written");

    // Esc closes the message: the form is there, with the typed mail.
    s.keys("\x1b");
    s.wait_until("the form back with the typed mail", |scr| {
        locate(scr, "┌お知らせ").is_none()
            && locate(scr, "┌確認").is_none()
            && form_field_has(scr, "メール", MAIL)
    });

    // The lock goes; the same form saves.
    lock.execute_batch("ROLLBACK").expect("release");
    drop(lock);
    s.send(CTRL_S);
    s.wait_until("the form to close on the saved mail", |scr| {
        !scr.contents().contains(EDIT_TITLE)
            && !scr.contents().contains("お知らせ")
            && detail_has(scr, "メール", MAIL)
    });
    assert_eq!(
        staff_row(&db, FIRST),
        (id, MAIL.to_string(), phone0.clone(), v0 + 1),
        "the save landed"
    );

    // The list still moves.
    s.keys("j");
    s.wait_until("the second staff member in the detail pane", |scr| {
        detail_has(scr, "職員番号", "0000002")
    });
    quit(&mut s);
    eprintln!(
        "lock past timeout: busy after {waited:?}; test {:?}",
        started.elapsed()
    );
}
