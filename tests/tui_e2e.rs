//! End to end: the real `jinji` binary in a pseudo-terminal, typed at key by key, its
//! screen read back through a terminal emulator (vt100), and the database it wrote read
//! afterwards.
//!
//! One session, as a clerk would use it: build the demo, visit every tab, find 山田 by
//! romaji, put them in focus, add a qualification in a form, save, quit. Then: the
//! terminal is restored (main screen, cooked mode, no bracketed paste), the row is in the
//! database, and the audit log names the clerk.
#![cfg(unix)]

use std::io::{Read, Write};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use jinji::store::export::{Cell, kind};
use jinji::store::{Db, OpenMode};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 120;
const TODAY: &str = "2026-11-24";
const LOGIN: &str = "clerk";
/// How long any one thing may take to appear; generous, for a loaded CI machine.
const TIMEOUT: Duration = Duration::from_secs(10);
/// A pause between keys, so that each one arrives as its own read.
const KEY_GAP: Duration = Duration::from_millis(40);
const QUALIFICATION: &str = "第二種電気工事士";

type Shared = Arc<Mutex<vt100::Parser>>;

/// The program in its pseudo-terminal, and what we see of it.
struct Session {
    parser: Shared,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    /// Says when the reader has seen the end of the output (the child and its pty are gone).
    reader_done: mpsc::Receiver<()>,
}

impl Session {
    fn spawn(home: &std::path::Path, args: &[&str]) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_jinji"));
        cmd.args(args);
        cmd.env_clear();
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        cmd.env("HOME", home);
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("USER", LOGIN);
        cmd.env("LOGNAME", LOGIN);
        cmd.env("LANG", "ja_JP.UTF-8");
        cmd.env("TERM", "xterm-256color");
        cmd.cwd(home);
        let child = pair
            .slave
            .spawn_command(cmd)
            .expect("spawn jinji in the pty");
        // Only the child holds the slave now, so the reader sees the end when it exits.
        drop(pair.slave);

        let parser: Shared = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let (done_tx, reader_done) = mpsc::channel();
        let sink = Arc::clone(&parser);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    // EOF, or EIO on Linux once the slave side is closed.
                    Ok(0) | Err(_) => break,
                    Ok(n) => sink.lock().expect("parser lock").process(&buf[..n]),
                }
            }
            let _ = done_tx.send(());
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Session {
            parser,
            writer,
            child,
            master: pair.master,
            reader_done,
        }
    }

    /// Types `keys` one character at a time (a multi-byte character goes whole).
    fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            let mut b = [0u8; 4];
            self.send(c.encode_utf8(&mut b).as_bytes());
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to the pty");
        self.writer.flush().expect("flush the pty");
        thread::sleep(KEY_GAP);
    }

    fn text(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    /// Polls the screen until `ok` holds; fails with the screen as it is otherwise.
    fn wait_until(&mut self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) -> String {
        let start = Instant::now();
        loop {
            {
                let p = self.parser.lock().expect("parser lock");
                if ok(p.screen()) {
                    return p.screen().contents();
                }
            }
            if start.elapsed() > TIMEOUT {
                let exited = self.child.try_wait().ok().flatten();
                panic!(
                    "timed out after {TIMEOUT:?} waiting for {what}; child exit: {exited:?}\n\
                     --- screen ---\n{}\n--------------",
                    self.text()
                );
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_for(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contents().contains(text))
    }
}

impl Drop for Session {
    /// A failed test must not leave the program running.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Where `needle` starts on the screen, as (row, column) of terminal cells.
fn locate(screen: &vt100::Screen, needle: &str) -> Option<(u16, u16)> {
    locate_below(screen, needle, 0)
}

/// Like [`locate`], looking only at rows from `first` down.
fn locate_below(screen: &vt100::Screen, needle: &str, first: u16) -> Option<(u16, u16)> {
    let (rows, cols) = screen.size();
    for r in first..rows {
        let mut line = String::new();
        let mut col_at: Vec<(usize, u16)> = Vec::new();
        for c in 0..cols {
            let Some(cell) = screen.cell(r, c) else {
                continue;
            };
            if cell.is_wide_continuation() {
                continue;
            }
            col_at.push((line.len(), c));
            let s = cell.contents();
            line.push_str(if s.is_empty() { " " } else { s });
        }
        if let Some(i) = line.find(needle) {
            let col = col_at
                .iter()
                .rev()
                .find(|(b, _)| *b <= i)
                .map_or(0, |(_, c)| *c);
            return Some((r, col));
        }
    }
    None
}

/// True when the pty's line discipline is canonical and echoes (not raw mode). Linux
/// values of the `c_lflag` bits: the termios type is nix's, which this crate cannot name.
#[cfg(target_os = "linux")]
fn cooked(master: &dyn MasterPty) -> bool {
    const ICANON: u64 = 0o000002;
    const ECHO: u64 = 0o000010;
    let t = master.get_termios().expect("termios of the pty");
    let lflags = u64::from(t.local_flags.bits());
    lflags & ICANON != 0 && lflags & ECHO != 0
}

/// One row of the screen as text.
fn row(screen: &vt100::Screen, r: u16) -> String {
    screen.rows(0, COLS).nth(r as usize).unwrap_or_default()
}

/// The count at the end of the view bar (row 2): `… 12 件`.
fn list_count(screen: &vt100::Screen) -> Option<u64> {
    let bar = row(screen, 2);
    let before = bar.trim_end().strip_suffix("件")?.trim_end();
    let digits: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.chars().rev().collect::<String>().parse().ok()
}

#[test]
fn a_clerk_finds_a_person_adds_a_qualification_and_quits() {
    let started = Instant::now();
    let home = tempfile::tempdir().expect("tempdir");
    let mut s = Session::spawn(home.path(), &["demo", "--today", TODAY]);

    // The staff list, in Japanese, in the alternate screen.
    s.wait_for("[職員名簿]");
    assert!(
        s.parser.lock().expect("lock").screen().alternate_screen(),
        "the screens open in the alternate screen"
    );

    // Every tab, by its number: the view bar marks the tab's first view.
    let tabs = [
        ('1', "職員名簿"),
        ('2', "自己申告"),
        ('3', "人事評価"),
        ('4', "配置履歴"),
        ('5', "受講"),
        ('6', "表彰"),
        ('7', "コンプライアンス"),
        ('8', "PDCAサイクル"),
    ];
    for (key, title) in tabs.iter().skip(1).chain(tabs.iter().take(1)) {
        s.keys(&key.to_string());
        s.wait_for(&format!("[{title}]"));
        // The list's own frame is titled too.
        s.wait_for(&format!("┌{title}─"));
    }

    // Search by romaji, one key at a time.
    s.keys("/");
    s.wait_for("┌職員を探す");
    s.keys("yamada");
    s.wait_until("山田 in the search results", |scr| {
        let Some((r0, c0)) = locate(scr, "┌職員を探す") else {
            return false;
        };
        let inner: Vec<String> = scr.rows(c0 + 1, 78).skip(r0 as usize + 1).collect();
        // Input line, hint, then one line per person.
        inner.first().is_some_and(|l| l.starts_with("/ yamada"))
            && inner
                .get(2)
                .is_some_and(|l| l.contains("山田") && l.contains("ヤマダ"))
    });
    // The staff number of the first result, the one Enter picks.
    let pick: String = {
        let p = s.parser.lock().expect("lock");
        let (r0, c0) = locate(p.screen(), "┌職員を探す").expect("search box");
        let first = p
            .screen()
            .rows(c0 + 1, 78)
            .nth(r0 as usize + 3)
            .expect("first result");
        first
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        pick.len() == 7 && pick.chars().all(|c| c.is_ascii_digit()),
        "a staff number first in the result line: {pick:?}"
    );
    s.send(b"\r");
    let focus = format!("対象者 {pick} 山田");
    s.wait_until(&format!("{focus:?} in the header"), |scr| {
        row(scr, 0).contains(&focus) && !scr.contents().contains("職員を探す")
    });

    // Career tab, then past the self-reports still due to its qualifications view:
    // only the person in focus.
    s.keys("2");
    s.wait_for("[自己申告]");
    s.keys("]");
    s.wait_for("[自己申告未提出]");
    s.keys("]");
    s.wait_for("[資格]");
    let before = s.wait_until("the qualification count", |scr| {
        scr.contents().contains("┌資格─") && list_count(scr).is_some()
    });
    let count = {
        let p = s.parser.lock().expect("lock");
        list_count(p.screen()).expect("count")
    };
    assert!(
        !before.contains(QUALIFICATION),
        "not there before the test adds it"
    );

    // A new qualification: the form starts on 職員番号, filled with the person in focus.
    s.keys("n");
    s.wait_for("資格 — 新規");
    s.wait_until("the focused staff number in the form", |scr| {
        locate(scr, "資格 — 新規")
            .and_then(|(top, _)| locate_below(scr, "職員番号", top))
            .is_some_and(|(r, _)| row(scr, r).contains(&pick))
    });
    s.send(b"\t");
    s.keys(QUALIFICATION);
    s.wait_until("the typed name in the 名称 field", |scr| {
        locate(scr, "資格 — 新規")
            .and_then(|(top, _)| locate_below(scr, "名称", top))
            .is_some_and(|(r, _)| row(scr, r).contains(QUALIFICATION))
    });
    s.send(b"\x13"); // Ctrl-s
    let after = s.wait_until("the form to close and the list to grow by one", |scr| {
        let text = scr.contents();
        !text.contains("資格 — 新規")
            && text.contains(QUALIFICATION)
            && list_count(scr) == Some(count + 1)
    });
    // The saved row is the selected one: its name is in the detail pane.
    assert!(
        after
            .lines()
            .any(|l| l.contains("名称") && l.contains(QUALIFICATION)),
        "the detail pane shows the new qualification:\n{after}"
    );
    assert!(
        !after.contains('\x1b'),
        "no escape sequence shows through as text:\n{after}"
    );
    assert!(
        !after.contains("お知らせ"),
        "no message popped up:\n{after}"
    );

    // While the screens are up the terminal is raw (this also shows that the check after
    // exit reads the program's terminal, not some other).
    #[cfg(target_os = "linux")]
    assert!(!cooked(&*s.master), "raw mode while the screens are up");

    // Quit: the program ends, well, and gives the terminal back.
    s.keys("q");
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        match s.child.try_wait().expect("wait for jinji") {
            Some(st) => break st,
            None if Instant::now() > deadline => panic!(
                "jinji did not exit within {TIMEOUT:?} of q\n--- screen ---\n{}",
                s.text()
            ),
            None => thread::sleep(Duration::from_millis(20)),
        }
    };
    assert!(status.success(), "exit status: {status:?}\n{}", s.text());
    s.reader_done
        .recv_timeout(TIMEOUT)
        .expect("the pty output ends after the program exits");
    {
        let p = s.parser.lock().expect("lock");
        let scr = p.screen();
        assert!(
            !scr.alternate_screen(),
            "the alternate screen was left:\n{}",
            scr.contents()
        );
        assert!(!scr.hide_cursor(), "the cursor is visible again");
        assert!(
            !scr.bracketed_paste(),
            "bracketed paste was switched off again"
        );
        assert!(
            scr.contents().contains("demo.db"),
            "the main screen shows what demo printed:\n{}",
            scr.contents()
        );
    }
    // Raw mode is undone: the line discipline is canonical and echoes again.
    #[cfg(target_os = "linux")]
    assert!(cooked(&*s.master), "cooked mode restored after exit");
    drop(s);

    // The database: the row for the person in focus, and its audit entry by the clerk.
    let db = Db::open(
        &home.path().join("data").join("jinji").join("demo.db"),
        OpenMode::ReadOnly,
    )
    .expect("open the demo database");
    let mut found = Vec::new();
    db.export_all(kind("qualifications").expect("kind"), |cells| {
        let t: Vec<String> = cells.iter().map(Cell::as_text).collect();
        if t[1] == QUALIFICATION {
            found.push(t);
        }
        Ok(())
    })
    .expect("export qualifications");
    assert_eq!(found.len(), 1, "exactly one new qualification: {found:?}");
    assert_eq!(found[0][0], pick, "for the person in focus: {found:?}");
    assert_eq!(found[0][2], TODAY, "acquired today by default: {found:?}");

    let mut audit = Vec::new();
    db.export_all(kind("audit").expect("kind"), |cells| {
        let t: Vec<String> = cells.iter().map(Cell::as_text).collect();
        if t[3] == "insert" && t[4] == "qualifications" && t[7].contains(QUALIFICATION) {
            audit.push(t);
        }
        Ok(())
    })
    .expect("export audit");
    assert_eq!(audit.len(), 1, "one audit insert: {audit:?}");
    assert_eq!(
        audit[0][2], LOGIN,
        "the audit row names the clerk: {audit:?}"
    );

    let took = started.elapsed();
    eprintln!("tui_e2e: {took:?}");
    assert!(took < Duration::from_secs(30), "took {took:?}");
}
