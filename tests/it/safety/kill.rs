//! Killed mid-write: the binary is SIGKILLed at random moments while it imports a large
//! staff file and while it applies an April transfer round with many moves, each time
//! on a fresh copy of the same database. After every kill the file passes `jinji check`,
//! and its whole content (every table, the audit log but for its time stamps) is
//! exactly the database before the command or exactly the database after an
//! uninterrupted run of it: the batch is entirely there or entirely absent, never half.
//! The same command then runs on the survivor as on any database (to completion when
//! the batch was absent, refused or a no-op when it was there) and the file ends as the
//! uninterrupted run left it.
//!
//! Each kill waits for something seen in the file (the write lock taken, the batch
//! committed), then a random stretch drawn from a small seeded generator; where it fell
//! is what the file showed just before it. The seed is printed (`--nocapture`) and
//! `JINJI_KILL_SEED=N` replays the same draws.

#![cfg(unix)]

use crate::support::cli;

use std::collections::BTreeMap;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cli::*;
use jinji::domain::Date;
use jinji::domain::assignment::Reason;
use jinji::domain::staff::Position;
use jinji::domain::transfer::TransferMove;
use jinji::store::flow::Actor;
use jinji::store::{Db, OpenMode};
use rusqlite::Connection;

/// Kill rounds per command at a random moment after its write lock was seen taken.
const ROUNDS: usize = 20;
/// Kill rounds per command at a random moment before its transaction began.
const EARLY: usize = 2;
/// Kill rounds per command a few milliseconds after its batch was seen committed (the
/// random moments seldom hit that short stretch: the checkpoint, ANALYZE, the exit).
const PAST_COMMIT: usize = 4;
/// Uninterrupted runs timed before the rounds.
const CALIBRATIONS: usize = 3;
/// People in the imported file: enough for a transaction that many kills land in, few
/// enough that the rounds (each a fresh copy and a rerun) stay short in a debug build.
const IMPORT_ROWS: usize = 5_000;
/// People in the demo ward the transfer round is drawn from.
const WARD_STAFF: &str = "1200";
/// Moves in the transfer plan.
const MOVES: usize = 800;
/// The day the plan takes effect: after every current post of the demo began, before
/// [`TODAY`], so it can be applied then.
const EFF: &str = "2026-10-01";
/// Kills after the write lock is seen are spread over this multiple of the transaction's
/// length in an uninterrupted run, so most land inside it and some after the commit.
const SPAN: f64 = 1.2;

/// The demo's seeded generator, with the kill moments drawn from it.
struct Rng(jinji::demo::Rng);

impl Rng {
    /// The seed of `JINJI_KILL_SEED`, else a fresh one from the OS (never the clock: a test
    /// reads no date); printed so a failure can be replayed.
    fn new(test: &str) -> Rng {
        let seed = std::env::var("JINJI_KILL_SEED")
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .unwrap_or_else(|| {
                use std::hash::BuildHasher;
                std::collections::hash_map::RandomState::new().hash_one(test)
            });
        eprintln!("{test}: seed {seed} (replay with JINJI_KILL_SEED={seed})");
        Rng(jinji::demo::Rng::new(seed))
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        self.0.unit()
    }

    /// `n` numbers in [0, span): one drawn in each of `n` equal slices (so the whole
    /// span is covered whatever the seed), in shuffled order (so a trend in the
    /// machine's load does not line up with the slices).
    fn spread(&mut self, n: usize, span: f64) -> Vec<f64> {
        let mut v: Vec<f64> = (0..n)
            .map(|i| span * (i as f64 + self.unit()) / n as f64)
            .collect();
        for i in (1..v.len()).rev() {
            let j = self.0.below(i as u64 + 1) as usize;
            v.swap(i, j);
        }
        v
    }
}

/// Everything each table holds: its rows in rowid order, each value as SQL quotes it,
/// one row a line (the text is built by SQLite: fast enough for a ward of 90,000 rows).
type State = BTreeMap<String, String>;

/// The content of every table of the database: SQLite's own (`sqlite_stat1`, which the
/// import's ANALYZE fills after its commit) and an FTS index's shadow tables (its
/// content is read through the index itself) left out, and the audit log without its
/// time stamps (two runs of one command differ in nothing else).
fn state(db: &Path) -> State {
    let c = Connection::open(db).expect("open");
    let mut st = c
        .prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table'
             AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .unwrap();
    let tables: Vec<(String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let virtuals: Vec<&str> = tables
        .iter()
        .filter(|(_, sql)| sql.starts_with("CREATE VIRTUAL TABLE"))
        .map(|(n, _)| n.as_str())
        .collect();
    let mut out = State::new();
    for (name, _) in &tables {
        if virtuals.iter().any(|v| name.starts_with(&format!("{v}_"))) {
            continue;
        }
        let mut cols: Vec<String> = c
            .prepare(&format!("SELECT * FROM \"{name}\" LIMIT 0"))
            .unwrap()
            .column_names()
            .into_iter()
            .map(String::from)
            .collect();
        if name == "audit_log" {
            cols.retain(|c| c != "at");
        }
        let row = std::iter::once("quote(rowid)".to_string())
            .chain(cols.iter().map(|c| format!("quote(\"{c}\")")))
            .collect::<Vec<_>>()
            .join(" || ',' || ");
        let sql = format!(
            "SELECT coalesce(group_concat({row}, char(10) ORDER BY rowid), '') FROM \"{name}\""
        );
        out.insert(name.clone(), c.query_row(&sql, [], |r| r.get(0)).unwrap());
    }
    out
}

/// The tables where `a` and `b` differ.
fn differing(a: &State, b: &State) -> Vec<String> {
    a.keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// A single-valued query.
fn one<T: rusqlite::types::FromSql>(db: &Path, sql: &str) -> T {
    let c = Connection::open(db).expect("open");
    c.query_row(sql, [], |r| r.get(0)).expect(sql)
}

/// The database folded into its main file (nothing in a `-wal`), so a plain copy of that
/// file is the whole database.
fn settle(db: &Path) {
    let c = Connection::open(db).expect("open");
    c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("checkpoint");
    drop(c);
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    let len = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    assert_eq!(len, 0, "the pristine database has nothing left in its -wal");
}

/// A fresh copy of the pristine database.
fn fresh(pristine: &Path, copy: &Path) {
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", copy.display()));
    }
    std::fs::copy(pristine, copy).expect("copy");
}

/// Removes a round's file and SQLite's files beside it.
fn remove(db: &Path) {
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
    }
}

/// The binary under test, linked (else copied) into the scratch home once: other
/// builds sharing the target directory may replace `target/debug/jinji` while the rounds
/// run, and a run must not find it missing or half-written.
struct Jinji {
    w: Scratch,
    bin: PathBuf,
}

impl Jinji {
    fn new() -> Jinji {
        let w = Scratch::new();
        let bin = w.path("jinji-under-test");
        let src = Path::new(env!("CARGO_BIN_EXE_jinji"));
        if std::fs::hard_link(src, &bin).is_err() {
            std::fs::copy(src, &bin).expect("copy the binary");
        }
        Jinji { w, bin }
    }

    /// The binary in the scratch environment of `Scratch::cmd` (same variables, same
    /// working directory), as the real OS login ([`login`]).
    fn cmd(&self) -> Command {
        let model = self.w.cmd();
        let mut c = Command::new(&self.bin);
        c.env_clear();
        for (k, v) in model.get_envs() {
            if let Some(v) = v {
                c.env(k, v);
            }
        }
        if let Some(d) = model.get_current_dir() {
            c.current_dir(d);
        }
        c.stdin(Stdio::null());
        c
    }

    fn run<S: AsRef<std::ffi::OsStr>>(&self, args: &[S]) -> Out {
        let o = self
            .cmd()
            .args(on_today(args))
            .args(args)
            .output()
            .expect("run jinji");
        Out {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
            stdout_bytes: o.stdout,
        }
    }
}

/// When, in one uninterrupted run (measured from its spawn), the child held the write
/// lock of the transaction that wrote the batch, when the batch became visible to
/// another connection, and when the child was gone. Only to spread the kill moments over
/// each stretch: no figure is asserted.
#[derive(Debug, Clone, Copy)]
struct Phases {
    lock: Duration,
    commit: Duration,
    exit: Duration,
}

/// Uninterrupted runs of `args` on fresh copies of `pristine` at `db`, timed by
/// `measure`; the median of each phase (a machine shared with builds is noisy). The
/// last run's database stays at `db`.
fn calibrate(
    j: &Jinji,
    pristine: &Path,
    db: &Path,
    args: &[String],
    written: &dyn Fn(&Connection) -> bool,
) -> Phases {
    let mut runs: Vec<Phases> = (0..CALIBRATIONS)
        .map(|_| {
            fresh(pristine, db);
            measure(j, db, args, written)
        })
        .collect();
    let mut median = |f: fn(&Phases) -> Duration| {
        runs.sort_by_key(f);
        f(&runs[runs.len() / 2])
    };
    Phases {
        lock: median(|p| p.lock),
        commit: median(|p| p.commit),
        exit: median(|p| p.exit),
    }
}

/// A connection that watches the file while a child writes it: it tries the write lock
/// (and lets go at once), and asks whether the batch is there.
struct Probe<'a> {
    c: Connection,
    written: &'a dyn Fn(&Connection) -> bool,
}

impl Probe<'_> {
    fn new<'a>(db: &Path, written: &'a dyn Fn(&Connection) -> bool) -> Probe<'a> {
        let c = Connection::open(db).expect("open");
        c.busy_timeout(Duration::ZERO).unwrap();
        Probe { c, written }
    }

    /// Someone else holds the write lock: the child is inside a write transaction.
    fn locked(&self) -> bool {
        match self.c.execute_batch("BEGIN IMMEDIATE") {
            Ok(()) => {
                self.c.execute_batch("ROLLBACK").unwrap();
                false
            }
            Err(_) => true,
        }
    }

    fn written(&self) -> bool {
        (self.written)(&self.c)
    }
}

/// The longest any one run may take before the test gives up on it: generous, for a
/// loaded machine; reaching it is a failure, never a measurement.
const DEADLINE: Duration = Duration::from_secs(300);

/// The child, which must not outlive the deadline.
#[track_caller]
fn alive(child: &mut std::process::Child, since: Instant, what: &str) -> bool {
    if child.try_wait().unwrap().is_some() {
        return false;
    }
    if since.elapsed() > DEADLINE {
        let _ = child.kill();
        panic!("{what}: the run did not end within {DEADLINE:?}");
    }
    true
}

/// Runs `args` to completion while a probe watches the file every 2 ms. The transaction
/// is the run of busy answers that ends at the commit.
fn measure(j: &Jinji, db: &Path, args: &[String], written: &dyn Fn(&Connection) -> bool) -> Phases {
    let probe = Probe::new(db, written);
    let mut child = j
        .cmd()
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    // (moment, lock held by someone else, batch visible)
    let mut seen: Vec<(Duration, bool, bool)> = Vec::new();
    let exit = loop {
        let t = start.elapsed();
        seen.push((t, probe.locked(), probe.written()));
        if !alive(&mut child, start, "an uninterrupted run") {
            break start.elapsed();
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "the uninterrupted run succeeds: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let at = seen
        .iter()
        .position(|s| s.2)
        .unwrap_or(seen.len().saturating_sub(1));
    let commit = seen.get(at).map(|s| s.0).unwrap_or(exit);
    let mut first_busy = at;
    while first_busy > 0 && seen[first_busy - 1].1 {
        first_busy -= 1;
    }
    let lock = seen.get(first_busy).map(|s| s.0).unwrap_or(commit);
    Phases { lock, commit, exit }
}

/// When a round kills its run: a random stretch after something seen in the file (the
/// sleep picks the moment; it synchronises nothing).
#[derive(Debug, Clone, Copy)]
enum Moment {
    /// This long after the spawn: mostly before the transaction.
    AfterSpawn(Duration),
    /// This long after the child was first seen holding the write lock.
    InTransaction(Duration),
    /// This long after the batch was first seen committed: the checkpoint, ANALYZE, the
    /// exit.
    PastCommit(Duration),
}

/// Spawns `args`, waits for the moment, sends SIGKILL and reaps the child. Returns where
/// the kill fell, as the file showed it just before: "before" the transaction, "during"
/// it (the lock held, the batch not visible), "past commit", or "finished" (the run was
/// over first). The probe is closed while the child still has the file open, so closing
/// it leaves the files as the kill leaves them (a last connection would checkpoint and
/// tidy them away before `check` sees them).
fn kill_at(
    j: &Jinji,
    db: &Path,
    args: &[String],
    written: &dyn Fn(&Connection) -> bool,
    moment: Moment,
) -> &'static str {
    let probe = Probe::new(db, written);
    let mut child = j
        .cmd()
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    let (seen, then): (&dyn Fn(&Probe) -> bool, Duration) = match moment {
        Moment::AfterSpawn(d) => (&|_| true, d),
        Moment::InTransaction(d) => (&|p| p.locked() || p.written(), d),
        Moment::PastCommit(d) => (&|p| p.written(), d),
    };
    while alive(&mut child, start, "a killed run") && !seen(&probe) {
        std::thread::sleep(Duration::from_millis(1));
    }
    std::thread::sleep(then);
    let phase = if child.try_wait().unwrap().is_some() {
        "finished"
    } else if probe.written() {
        "past commit"
    } else if probe.locked() {
        "during"
    } else {
        "before"
    };
    drop(probe);
    // On unix `kill` is SIGKILL; a child already gone (not yet reaped) ignores it.
    let _ = child.kill();
    let out = child.wait_with_output().unwrap();
    if out.status.signal() == Some(9) {
        return phase;
    }
    assert!(
        out.status.success(),
        "a run not killed succeeds: {:?} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    "finished"
}

/// One command under the kill rounds.
struct Subject<'a> {
    test: &'static str,
    j: &'a Jinji,
    /// The database every round starts from.
    pristine: &'a Path,
    /// The command, on a given database file.
    args: &'a dyn Fn(&Path) -> Vec<String>,
    /// Whether another connection sees the batch committed.
    written: &'a dyn Fn(&Connection) -> bool,
}

/// Runs the kill rounds of `sub` (a fresh copy of the pristine file each), handing each
/// survivor to `verify`, which says whether the batch is there. Each kill waits for what
/// its moment is anchored on (the spawn, the write lock taken, the batch committed),
/// then a random stretch of the calibrated phase. Prints and checks where the kills
/// fell, as the file showed it: the rounds prove nothing unless some killed the run
/// inside its transaction and found the batch absent, and some found it there.
fn kill_rounds(sub: &Subject, phases: &Phases, verify: &mut dyn FnMut(&Path, &str) -> bool) {
    let mut rng = Rng::new(sub.test);
    let transaction = phases.commit.saturating_sub(phases.lock);
    let closing = phases.exit.saturating_sub(phases.commit);
    let mut moments: Vec<Moment> = rng
        .spread(ROUNDS, SPAN)
        .into_iter()
        .map(|f| Moment::InTransaction(transaction.mul_f64(f)))
        .collect();
    // The stretch before the transaction (start, opening the file, reading the input).
    for _ in 0..EARLY {
        moments.push(Moment::AfterSpawn(phases.lock.mul_f64(1.5 * rng.unit())));
    }
    for _ in 0..PAST_COMMIT {
        moments.push(Moment::PastCommit(closing.mul_f64(0.5 * rng.unit())));
    }
    let mut tally = Tally::default();
    let mut hot: BTreeMap<&'static str, usize> = BTreeMap::new();
    let round_db = sub.j.w.path("round.db");
    for (i, moment) in moments.into_iter().enumerate() {
        fresh(sub.pristine, &round_db);
        let args = (sub.args)(&round_db);
        let phase = kill_at(sub.j, &round_db, &args, sub.written, moment);
        let round = format!("{} round {i}, kill {moment:?}", sub.test);
        // A kill inside a write leaves frames in the `-wal` for the next opener to recover
        // (or to ignore, uncommitted): counted, to show the rounds reach that path.
        let wal = std::fs::metadata(format!("{}-wal", round_db.display())).map_or(0, |m| m.len());
        if wal > 0 {
            *hot.entry(phase).or_default() += 1;
        }
        let present = verify(&round_db, &round);
        assert!(
            present || !matches!(phase, "past commit" | "finished"),
            "{round}: the batch was seen committed, yet it is gone"
        );
        tally.add(phase, present);
        remove(&round_db);
    }
    eprintln!(
        "{}: where each kill fell, as the file showed it, and what the survivor held:",
        sub.test
    );
    for ((phase, present), n) in &tally.0 {
        let what = if *present { "there" } else { "absent" };
        eprintln!("{}: {phase:>12} → batch {what}: {n}", sub.test);
    }
    eprintln!(
        "{}: survivors with frames left in the -wal: {hot:?}",
        sub.test
    );
    let during = tally.count(|ph, p| ph == "during" && !p);
    let present = tally.count(|_, p| p);
    let past = tally.count(|ph, p| ph == "past commit" && p);
    assert!(
        during >= 3,
        "{}: too few kills inside the transaction found the batch absent ({during})",
        sub.test
    );
    assert!(present >= 1, "{}: no kill found the batch there", sub.test);
    assert!(
        past >= 1,
        "{}: no kill landed between the commit and the exit",
        sub.test
    );
}

/// What the rounds saw: (phase, batch there) → rounds.
#[derive(Default)]
struct Tally(BTreeMap<(&'static str, bool), usize>);

impl Tally {
    fn add(&mut self, phase: &'static str, present: bool) {
        *self.0.entry((phase, present)).or_default() += 1;
    }

    fn count(&self, f: impl Fn(&'static str, bool) -> bool) -> usize {
        self.0
            .iter()
            .filter(|((ph, pr), _)| f(ph, *pr))
            .map(|(_, n)| n)
            .sum()
    }
}

/// `jinji check` on a round's file, with the round named if it fails.
#[track_caller]
fn check(j: &Jinji, db: &Path, round: &str) {
    let out = j.run(&["--db", s(db), "check"]);
    assert_eq!(out.code, 0, "{round}: check fails: {out:#?}");
    out.no_panic();
}

/// The FTS index of names agrees with its own content (a half-written index would not).
fn fts_sound(db: &Path, round: &str) {
    let c = Connection::open(db).expect("open");
    c.execute_batch("INSERT INTO staff_names(staff_names) VALUES ('integrity-check')")
        .unwrap_or_else(|e| panic!("{round}: the name index is damaged: {e}"));
}

/// A staff file of `n` new people in `unit`, numbers K000000 on (the demo's are digits).
fn big_file(w: &Scratch, unit: &str, n: usize) -> PathBuf {
    let mut s = String::from(
        "staff_no,family_name,given_name,family_kana,given_kana,birth_date,hire_date,\
         unit_code,position,grade,job_type,sex\n",
    );
    for i in 0..n {
        s.push_str(&format!(
            "K{i:06},山田,太郎,ヤマダ,タロウ,1980-04-01,2005-04-01,{unit},clerk,2,office,M\n"
        ));
    }
    let p = w.path("big.csv");
    std::fs::write(&p, s).unwrap();
    p
}

const FILE_PEOPLE: &str = "SELECT count(*) FROM staff WHERE staff_no GLOB 'K*'";
const IMPORT_AUDIT: &str =
    "SELECT count(*) FROM audit_log WHERE action = 'import' AND table_name = 'staff'";

#[test]
fn a_killed_import_is_all_there_or_absent() {
    const TEST: &str = "killed import";
    let n = IMPORT_ROWS as i64;
    let j = Jinji::new();
    let w = &j.w;
    let pristine = w.path("d.db");
    j.run(&[
        "--db",
        s(&pristine),
        "demo",
        "--staff",
        "60",
        "--today",
        TODAY,
    ])
    .ok();
    // The file's numbers carry a letter to tell them from the demo's seven digits.
    j.run(&[
        "--db",
        s(&pristine),
        "--user",
        "admin",
        "settings",
        "staff_no_length",
        "0",
    ])
    .ok();
    let unit: String = one(
        &pristine,
        "SELECT code FROM units WHERE kind = 'team' AND valid_to IS NULL ORDER BY code",
    );
    let file = big_file(w, &unit, IMPORT_ROWS);
    settle(&pristine);
    assert_eq!(
        one::<i64>(&pristine, FILE_PEOPLE),
        0,
        "the file's people are new"
    );
    assert_eq!(one::<i64>(&pristine, IMPORT_AUDIT), 0);
    let before = state(&pristine);
    let args = |db: &Path| -> Vec<String> {
        ["--db", s(db), "import", "staff", s(&file), "--today", TODAY]
            .map(String::from)
            .to_vec()
    };

    // Uninterrupted imports: their phases, and the database one leaves.
    let written = |c: &Connection| {
        c.query_row(FILE_PEOPLE, [], |r| r.get::<_, i64>(0))
            .is_ok_and(|k| k > 0)
    };
    let full = w.path("full.db");
    let phases = calibrate(&j, &pristine, &full, &args(&full), &written);
    check(&j, &full, "uninterrupted");
    assert_eq!(one::<i64>(&full, FILE_PEOPLE), n);
    // One audit row for each person created, in the import's own transaction.
    assert_eq!(one::<i64>(&full, IMPORT_AUDIT), n);
    let after = state(&full);

    let sub = Subject {
        test: TEST,
        j: &j,
        pristine: &pristine,
        args: &args,
        written: &written,
    };
    kill_rounds(&sub, &phases, &mut |db, round| {
        check(&j, db, round);
        fts_sound(db, round);
        let people: i64 = one(db, FILE_PEOPLE);
        let audit: i64 = one(db, IMPORT_AUDIT);
        assert!(
            people == 0 || people == n,
            "{round}: {people} of the file's {n} people are in the database"
        );
        let present = people == n;
        assert_eq!(
            audit,
            if present { n } else { 0 },
            "{round}: the import's audit rows follow its people ({people} in)"
        );
        assert_before_or_after(db, round, present, &before, &after, "import");

        // The survivor takes the same file as any database would: all of it created
        // again, or all of it found unchanged.
        let out = j.run(&args(db));
        assert_eq!(out.code, 0, "{round}: importing again: {out:#?}");
        let said = if present {
            format!("{n} unchanged")
        } else {
            format!("{n} created")
        };
        assert!(out.stderr.contains(&said), "{round}: {}", out.stderr);
        check(&j, db, round);
        assert_as_one_run_leaves(db, round, &after, "importing again");
        present
    });
}

/// The database is exactly as before the batch or exactly as after it, as `present` says.
#[track_caller]
fn assert_before_or_after(
    db: &Path,
    round: &str,
    present: bool,
    before: &State,
    after: &State,
    what: &str,
) {
    let now = state(db);
    let expected = if present { after } else { before };
    assert!(
        &now == expected,
        "{round}: the database is neither as before nor as after the {what}; \
         tables differing from the {} state: {:?}",
        if present { "after" } else { "before" },
        differing(&now, expected)
    );
}

/// After the batch ran again, the database is as one uninterrupted run leaves it.
#[track_caller]
fn assert_as_one_run_leaves(db: &Path, round: &str, after: &State, doing: &str) {
    let end = state(db);
    assert!(
        &end == after,
        "{round}: after {doing} the database is not as one run leaves it: {:?}",
        differing(&end, after)
    );
}

/// The transfer plan of the kill rounds: `MOVES` clerks, seniors and engineers of the
/// ward each sent to another team, effective `EFF`, written through the store as the
/// HR office would (one transaction). Returns the plan's number and name.
fn big_plan(db: &Path) -> (i64, String) {
    let mut store = Db::open(db, OpenMode::Existing).expect("open");
    store.set_actor(login());
    let me = store
        .account_by_login(login())
        .unwrap()
        .expect("the demo's creator has an account");
    let visible = store.visibility(&me, 2026).unwrap();
    let who = Actor {
        account: &me,
        visible: &visible,
    };
    let c = Connection::open(db).unwrap();
    let teams: Vec<i64> = c
        .prepare(
            "SELECT id FROM units WHERE kind = 'team' AND valid_to IS NULL
             AND (valid_from IS NULL OR valid_from <= ?1) ORDER BY code",
        )
        .unwrap()
        .query_map([EFF], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let people: Vec<(i64, i64, String)> = c
        .prepare(
            // People at work on the round's day: one away on a leave then is not moved.
            "SELECT id, unit_id, position FROM staff WHERE status = 'active'
             AND position IN ('clerk', 'senior', 'engineer')
             AND NOT EXISTS (SELECT 1 FROM leaves l WHERE l.staff_id = staff.id
               AND l.kind NOT IN ('partial_leave', 'childcare_short_hours')
               AND l.start_date <= ?2 AND (l.end_date IS NULL OR l.end_date >= ?2))
             ORDER BY staff_no LIMIT ?1",
        )
        .unwrap()
        .query_map(rusqlite::params![MOVES as i64, EFF], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    drop(c);
    assert_eq!(people.len(), MOVES, "the ward has enough people to move");
    assert!(teams.len() > 2);
    let name = "kill test round";
    // Applied weeks after its day: a late 発令 this ward's plan check lets through as a
    // warning, accepted on the command line.
    store.set_rule("plan.date_past", "warning").unwrap();
    let plan = store
        .new_transfer_plan(name, Date::parse_any(EFF).expect("date"), who)
        .unwrap();
    store
        .write(|| {
            for (i, (staff_id, unit_id, position)) in people.iter().enumerate() {
                let mut to = teams[i % teams.len()];
                if to == *unit_id {
                    to = teams[(i + 1) % teams.len()];
                }
                let mut m = TransferMove {
                    id: 0,
                    plan_id: plan.id,
                    staff_id: *staff_id,
                    to_unit_id: to,
                    to_position: Position::from_code(position).expect("position"),
                    reason: Reason::Transfer,
                    note: String::new(),
                    to_grade: None,
                    version: 0,
                };
                store.put_transfer_move(&mut m, who)?;
            }
            Ok(())
        })
        .expect("moves");
    (plan.id, name.to_string())
}

#[test]
fn a_killed_transfer_round_is_all_there_or_absent() {
    const TEST: &str = "killed transfer round";
    let moves = MOVES as i64;
    let j = Jinji::new();
    let w = &j.w;
    let pristine = w.path("ward.db");
    j.run(&[
        "--db",
        s(&pristine),
        "demo",
        "--staff",
        WARD_STAFF,
        "--today",
        TODAY,
    ])
    .ok();
    let (plan, name) = big_plan(&pristine);
    settle(&pristine);
    check(&j, &pristine, "pristine");
    let state_sql = format!("SELECT state FROM transfer_plans WHERE id = {plan}");
    // The posts the round opens: on its day, under the plan's name, for its people.
    let opened_sql = format!(
        "SELECT count(*) FROM assignments a JOIN transfer_moves m
           ON m.staff_id = a.staff_id AND m.plan_id = {plan}
         WHERE a.start_date = '{EFF}' AND a.note = '{name}'"
    );
    // The people standing where the plan sends them, in the position it gives them.
    let moved_sql = format!(
        "SELECT count(*) FROM staff s JOIN transfer_moves m
           ON m.staff_id = s.id AND m.plan_id = {plan}
         WHERE s.unit_id = m.to_unit_id AND s.position = m.to_position"
    );
    let audit_sql = "SELECT count(*) FROM audit_log WHERE action LIKE 'transfer.%'";
    assert_eq!(one::<String>(&pristine, &state_sql), "draft");
    assert_eq!(one::<i64>(&pristine, &opened_sql), 0);
    // The demo's own writes of posts held beside the main one reset supervisors under
    // the round's names too: the round's rows are those past the pristine file's.
    let audit0: i64 = one(&pristine, audit_sql);
    assert_eq!(
        one::<i64>(
            &pristine,
            &format!("SELECT count(*) FROM transfer_moves WHERE plan_id = {plan}")
        ),
        moves
    );
    let before = state(&pristine);
    let plan_arg = plan.to_string();
    let args = |db: &Path| -> Vec<String> {
        [
            "--db",
            s(db),
            "transfer",
            "apply",
            &plan_arg,
            "--accept-warnings",
            "--today",
            TODAY,
        ]
        .map(String::from)
        .to_vec()
    };

    // Uninterrupted rounds: their phases, and the database one leaves.
    let written = |c: &Connection| {
        c.query_row(&state_sql, [], |r| r.get::<_, String>(0))
            .is_ok_and(|s| s == "applied")
    };
    let full = w.path("full.db");
    let phases = calibrate(&j, &pristine, &full, &args(&full), &written);
    check(&j, &full, "uninterrupted");
    assert_eq!(one::<i64>(&full, &opened_sql), moves);
    assert_eq!(one::<i64>(&full, &moved_sql), moves);
    // Every post closed, opened, person moved, supervisor reset, and the plan itself.
    let audited: i64 = one::<i64>(&full, audit_sql) - audit0;
    assert!(
        audited > 2 * moves,
        "{audited} audit rows for {moves} moves"
    );
    let after = state(&full);

    let sub = Subject {
        test: TEST,
        j: &j,
        pristine: &pristine,
        args: &args,
        written: &written,
    };
    kill_rounds(&sub, &phases, &mut |db, round| {
        check(&j, db, round);
        fts_sound(db, round);
        let plan_state: String = one(db, &state_sql);
        let opened: i64 = one(db, &opened_sql);
        let moved: i64 = one(db, &moved_sql);
        let audit: i64 = one::<i64>(db, audit_sql) - audit0;
        let present = match plan_state.as_str() {
            "applied" => true,
            "draft" => false,
            other => panic!("{round}: the plan is {other}"),
        };
        assert_eq!(
            (opened, audit),
            if present { (moves, audited) } else { (0, 0) },
            "{round}: the plan is {plan_state}; posts opened and audit rows must follow"
        );
        if present {
            assert_eq!(moved, moves, "{round}: everyone of an applied plan moved");
        }
        assert_before_or_after(db, round, present, &before, &after, "round");

        // The survivor: a draft plan applies as on any database; an applied one is
        // refused as applied, and nothing changes.
        let out = j.run(&args(db));
        if present {
            out.fails(2, &["already been applied"]);
        } else {
            assert_eq!(out.code, 0, "{round}: applying again: {out:#?}");
        }
        check(&j, db, round);
        assert_as_one_run_leaves(db, round, &after, "applying again");
        present
    });
}
