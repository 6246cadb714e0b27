//! The real `jinji` binary in a pseudo-terminal, typed at key by key, its screen read
//! back through a terminal emulator (vt100) and its raw output bytes kept for tests that
//! look at what reached the terminal. Shared by the end-to-end tests.

use super::os_env;
pub use os_env::{DECOY, login};

use std::io::{Read, Write};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const ROWS: u16 = 40;
pub const COLS: u16 = 120;
/// The day the demo is built around and the program takes as today (`--today`).
pub use super::TODAY;
/// How long any one thing may take to appear; generous, for a loaded CI machine.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// A pause between keys, so that each one arrives as its own read.
pub const KEY_GAP: Duration = Duration::from_millis(40);

type Shared = Arc<Mutex<vt100::Parser>>;

/// The program in its pseudo-terminal, and what we see of it.
pub struct Session {
    pub parser: Shared,
    /// Every byte the program wrote to its terminal, in order.
    pub raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    pub master: Box<dyn MasterPty + Send>,
    /// Says when the reader has seen the end of the output (the child and its pty are gone).
    pub reader_done: mpsc::Receiver<()>,
}

/// How to start the program: its arguments, its home, the terminal's size, and any
/// environment beyond the usual.
pub struct Spawn<'a> {
    pub home: &'a std::path::Path,
    pub args: &'a [&'a str],
    pub rows: u16,
    pub cols: u16,
    pub env: &'a [(&'a str, &'a str)],
}

impl<'a> Spawn<'a> {
    pub fn new(home: &'a std::path::Path, args: &'a [&'a str]) -> Spawn<'a> {
        Spawn {
            home,
            args,
            rows: ROWS,
            cols: COLS,
            env: &[],
        }
    }
}

impl Session {
    pub fn spawn(home: &std::path::Path, args: &[&str]) -> Session {
        Session::start(Spawn::new(home, args))
    }

    pub fn start(o: Spawn<'_>) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: o.rows,
                cols: o.cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let home = o.home;
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_jinji"));
        // The program's today is the demo's (unless the test names a day): the screens
        // never depend on the real date.
        if !o.args.iter().any(|a| a.starts_with("--today")) {
            cmd.args(["--today", TODAY]);
        }
        cmd.args(o.args);
        cmd.env_clear();
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        cmd.env("HOME", home);
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        // The program is whoever runs it: these say someone else, and change nothing.
        cmd.env("USER", DECOY);
        cmd.env("LOGNAME", DECOY);
        for (k, v) in os_env::kept() {
            cmd.env(k, v);
        }
        cmd.env("LANG", "ja_JP.UTF-8");
        cmd.env("TERM", "xterm-256color");
        for (k, v) in o.env {
            cmd.env(k, v);
        }
        cmd.cwd(home);
        let child = pair
            .slave
            .spawn_command(cmd)
            .expect("spawn jinji in the pty");
        // Only the child holds the slave now, so the reader sees the end when it exits.
        drop(pair.slave);

        let parser: Shared = Arc::new(Mutex::new(vt100::Parser::new(o.rows, o.cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let (done_tx, reader_done) = mpsc::channel();
        let sink = Arc::clone(&parser);
        let log = Arc::clone(&raw);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    // EOF, or EIO on Linux once the slave side is closed.
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        log.lock().expect("raw lock").extend_from_slice(&buf[..n]);
                        sink.lock().expect("parser lock").process(&buf[..n]);
                    }
                }
            }
            let _ = done_tx.send(());
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Session {
            parser,
            raw,
            writer,
            child,
            master: pair.master,
            reader_done,
        }
    }
    /// Types `keys` one character at a time (a multi-byte character goes whole).
    pub fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            let mut b = [0u8; 4];
            self.send(c.encode_utf8(&mut b).as_bytes());
        }
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to the pty");
        self.writer.flush().expect("flush the pty");
        thread::sleep(KEY_GAP);
    }

    pub fn text(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    /// Polls the screen until `ok` holds; fails with the screen as it is otherwise.
    pub fn wait_until(&mut self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) -> String {
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

    pub fn wait_for(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contents().contains(text))
    }

    /// Waits for the program to end; fails with the screen if it does not in time.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            match self.child.try_wait().expect("wait for jinji") {
                Some(st) => return st,
                None if Instant::now() > deadline => panic!(
                    "jinji did not exit within {TIMEOUT:?}\n--- screen ---\n{}",
                    self.text()
                ),
                None => thread::sleep(Duration::from_millis(20)),
            }
        }
    }

    /// After the program has ended: the terminal is as it was before it started (main
    /// screen, cursor shown, bracketed paste off, cooked mode).
    pub fn assert_restored(&mut self) {
        self.reader_done
            .recv_timeout(TIMEOUT)
            .expect("the pty output ends after the program exits");
        {
            let p = self.parser.lock().expect("lock");
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
        }
        // Raw mode is undone: the line discipline is canonical and echoes again.
        #[cfg(target_os = "linux")]
        assert!(cooked(&*self.master), "cooked mode restored after exit");
    }

    /// Everything written to the terminal so far.
    pub fn bytes(&self) -> Vec<u8> {
        self.raw.lock().expect("raw lock").clone()
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
pub fn locate(screen: &vt100::Screen, needle: &str) -> Option<(u16, u16)> {
    locate_below(screen, needle, 0)
}

/// Like [`locate`], looking only at rows from `first` down.
pub fn locate_below(screen: &vt100::Screen, needle: &str, first: u16) -> Option<(u16, u16)> {
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
pub fn cooked(master: &dyn MasterPty) -> bool {
    const ICANON: u64 = 0o000002;
    const ECHO: u64 = 0o000010;
    let t = master.get_termios().expect("termios of the pty");
    let lflags = u64::from(t.local_flags.bits());
    lflags & ICANON != 0 && lflags & ECHO != 0
}

/// One row of the screen as text.
pub fn row(screen: &vt100::Screen, r: u16) -> String {
    screen.rows(0, COLS).nth(r as usize).unwrap_or_default()
}
