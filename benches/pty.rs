//! The real binary in a pseudo-terminal, on two databases (the demo ward and a city's):
//! the figures of the scale budget as a person meets them — start to first frame, a
//! search keystroke, a move and a page, a tab switch, saving an edit, a 課長's board —
//! each from the key sent to the screen drawn (the last byte of the redraw that follows
//! it), with the peak resident memory, side by side and as a ratio. Counts and tallies
//! that are made off the screen's thread arrive later as a redraw of their own; the time
//! until the last of them is shown for the tab switch too ("all figures in").
//!
//! `scripts/bench-scale.sh` builds the databases and runs this; by hand:
//! `cargo bench --bench pty -- DEMO.db CITY.db [SAMPLES]`. Without two databases it prints
//! how to call it and ends (so `cargo test --benches` passes through it).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 120;
/// No output for this long: the screen has settled (nothing more is coming).
const QUIET: Duration = Duration::from_millis(40);
/// A pause this long in the output ends a redraw (one frame is written in one go).
const FRAME_GAP: Duration = Duration::from_millis(4);

struct Term {
    parser: vt100::Parser,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    /// Output as it arrives, with when it arrived.
    rx: Receiver<(Instant, Vec<u8>)>,
    home: tempfile::TempDir,
}

impl Term {
    fn spawn(db: &Path, user: Option<&str>) -> (Term, Instant) {
        let home = tempfile::tempdir().expect("home");
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_jinji"));
        cmd.args(["--db", &db.display().to_string(), "--lang", "ja"]);
        if let Some(u) = user {
            cmd.args(["--user", u]);
        }
        cmd.env("HOME", home.path());
        cmd.env("XDG_DATA_HOME", home.path().join("data"));
        cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
        cmd.env("LANG", "ja_JP.UTF-8");
        cmd.env("TERM", "xterm-256color");
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 16384];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                    break;
                }
            }
        });
        let writer = pair.master.take_writer().expect("writer");
        let t = Term {
            parser: vt100::Parser::new(ROWS, COLS, 0),
            writer,
            child,
            _master: pair.master,
            rx,
            home,
        };
        (t, started)
    }

    /// Takes in output until none has come for `QUIET`; the time of the last byte.
    fn settle(&mut self, limit: Duration) -> Option<Instant> {
        let end = Instant::now() + limit;
        let mut last = None;
        loop {
            match self.rx.recv_timeout(QUIET) {
                Ok((at, bytes)) => {
                    self.parser.process(&bytes);
                    last = Some(at);
                }
                Err(_) if last.is_some() || Instant::now() > end => return last,
                Err(_) => {}
            }
        }
    }

    /// From the start to the end of the first frame that shows the list and its count
    /// (the exact count may follow in a redraw of its own).
    fn first_frame(&mut self, started: Instant) -> Duration {
        let end = started + Duration::from_secs(60);
        let mut last = None;
        loop {
            let shown = self.screen().contains('件');
            let wait = if shown { FRAME_GAP } else { QUIET };
            match self.rx.recv_timeout(wait) {
                Ok((at, bytes)) => {
                    self.parser.process(&bytes);
                    last = Some(at);
                }
                Err(_) if shown || Instant::now() > end => break,
                Err(_) => {}
            }
        }
        last.map(|t| t - started).unwrap_or_default()
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Sends a key and waits for the redraw: from the key to the last byte drawn.
    fn key(&mut self, bytes: &[u8]) -> Duration {
        self.key_all(bytes).0
    }

    /// Sends a key: the time to the end of the redraw that answers it, and to the end of
    /// everything drawn after (figures arriving from off the screen's thread).
    fn key_all(&mut self, bytes: &[u8]) -> (Duration, Duration) {
        self.settle(Duration::from_millis(0));
        let sent = Instant::now();
        self.writer.write_all(bytes).expect("write");
        self.writer.flush().expect("flush");
        let mut drawn = None;
        let mut last = None;
        let end = sent + Duration::from_secs(30);
        loop {
            let wait = if drawn.is_none() && last.is_some() {
                FRAME_GAP
            } else {
                QUIET
            };
            match self.rx.recv_timeout(wait) {
                Ok((at, bytes)) => {
                    self.parser.process(&bytes);
                    last = Some(at);
                }
                Err(_) if last.is_some() && drawn.is_none() => drawn = last,
                Err(_) if last.is_some() || Instant::now() > end => break,
                Err(_) => {}
            }
        }
        let since = |t: Option<Instant>| {
            t.map(|t| t.saturating_duration_since(sent))
                .unwrap_or_default()
        };
        (since(drawn), since(last))
    }

    /// Peak resident memory of the program, MiB.
    fn peak_mib(&self) -> f64 {
        let Some(pid) = self.child.process_id() else {
            return 0.0;
        };
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|kb| kb.parse::<f64>().ok())
            })
            .map(|kb| kb / 1024.0)
            .unwrap_or(0.0)
    }

    fn quit(mut self) {
        let _ = self.writer.write_all(b"\x1b\x1b\x1bq");
        let _ = self.writer.flush();
        std::thread::sleep(Duration::from_millis(100));
        let _ = self.child.kill();
        drop(self.home);
    }
}

/// p95 in milliseconds.
fn p95(mut v: Vec<Duration>) -> f64 {
    v.sort();
    let i = ((v.len() as f64) * 0.95).ceil() as usize;
    v.get(i.saturating_sub(1).min(v.len().saturating_sub(1)))
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

/// A 課長 (section chief) leading about 60 people, as a login.
fn section_chief(db: &Path) -> Option<String> {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .ok()?;
    c.query_row(
        "SELECT a.login FROM staff s JOIN accounts a ON a.staff_id = s.id
         WHERE s.position = 'section_chief' AND s.status = 'active'
         ORDER BY abs((SELECT count(*) FROM staff x JOIN units u ON u.id = x.unit_id
                       WHERE x.status <> 'retired'
                         AND (u.id = s.unit_id OR u.parent_id = s.unit_id)) - 60), s.staff_no
         LIMIT 1",
        [],
        |r| r.get(0),
    )
    .ok()
}

/// Every figure for one database.
fn measure(db: &Path, samples: usize) -> Vec<(&'static str, f64)> {
    let mut out = Vec::new();
    // Start to first frame: the list and its count on screen.
    let mut starts = Vec::new();
    for _ in 0..10 {
        let (mut t, started) = Term::spawn(db, None);
        starts.push(t.first_frame(started));
        t.quit();
    }
    out.push(("start to first frame (p95)", p95(starts)));

    let (mut t, _) = Term::spawn(db, None);
    t.settle(Duration::from_secs(30));
    let mut search = Vec::new();
    t.key(b"/");
    // Every way of writing, one character at a time and back: romaji (ya → ヤ), kana,
    // kanji (one and two characters by prefix, three by trigram) and a staff number.
    let typed = ["yama", "やまだ", "山田太", "2600"];
    'typing: loop {
        for word in typed {
            for c in word.chars() {
                search.push(t.key(c.to_string().as_bytes()));
            }
            for _ in word.chars() {
                t.key(b"\x7f");
            }
            if search.len() >= samples {
                break 'typing;
            }
        }
    }
    t.key(b"\x1b");
    out.push(("search keystroke (p95)", p95(search)));

    let mut moves = Vec::new();
    for i in 0..samples {
        if i % 30 == 0 {
            t.key(b"g");
        }
        moves.push(t.key(b"j"));
    }
    out.push(("move in a list (p95)", p95(moves)));
    let mut pages = Vec::new();
    for i in 0..samples {
        if i % 10 == 0 {
            t.key(b"g");
        }
        pages.push(t.key(b"\x1b[6~"));
    }
    out.push(("page in a list (p95)", p95(pages)));

    let mut tabs = Vec::new();
    let mut tabs_all = Vec::new();
    t.key(b"1");
    for _ in 0..samples {
        let (drawn, all) = t.key_all(b"\t");
        tabs.push(drawn);
        tabs_all.push(all);
    }
    out.push(("tab switch (p95)", p95(tabs)));
    out.push(("  … all figures in (p95)", p95(tabs_all)));

    // Saving an edit of a person (written with its audit row).
    t.key(b"1");
    t.key(b"g");
    let mut saves = Vec::new();
    for _ in 0..samples.min(50) {
        t.key(b"e");
        saves.push(t.key(b"\x13"));
        if t.screen().contains("Ctrl") && t.screen().contains("Esc") {
            t.key(b"\x1b");
        }
    }
    out.push(("save an edit (p95)", p95(saves)));
    let peak = t.peak_mib();
    t.quit();

    // A 課長's board: the PDCA tab of a section chief with about 60 people.
    if let Some(login) = section_chief(db) {
        let (mut t, _) = Term::spawn(db, Some(&login));
        t.settle(Duration::from_secs(30));
        let mut board = Vec::new();
        for _ in 0..samples {
            board.push(t.key(b"8"));
            t.key(b"1");
        }
        out.push(("課長's board, 60 people (p95)", p95(board)));
        t.quit();
    }
    out.push(("resident memory, peak (MiB)", peak));
    out
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let (Some(small), Some(big)) = (args.first(), args.get(1)) else {
        println!("usage: cargo bench --bench pty -- DEMO.db CITY.db [SAMPLES]");
        println!("       (scripts/bench-scale.sh builds both databases and runs it)");
        return;
    };
    let samples: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(50);
    let (small, big) = (PathBuf::from(small), PathBuf::from(big));
    let a = measure(&small, samples);
    let b = measure(&big, samples);
    println!(
        "{:<34} {:>12} {:>12} {:>7}",
        "the real binary, 120x40, ja", "demo", "city", "ratio"
    );
    for ((what, x), (_, y)) in a.iter().zip(&b) {
        let unit = if what.contains("MiB") { "MiB" } else { "ms" };
        let ratio = if *x > 0.0 { y / x } else { 0.0 };
        // Padded by display width: 課長 takes four columns.
        let what = jinji::text::pad(what, 34);
        println!("{what} {x:>9.2} {unit:<3}{y:>9.2} {unit:<3}{ratio:>6.1}x");
    }
}
