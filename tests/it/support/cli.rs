//! Helpers for the end-to-end tests of the `jinji` binary: a scratch home for every
//! test (HOME, XDG dirs, LANG, a decoy USER/LOGNAME), a runner, and file snapshots to
//! prove that a refused command wrote nothing.

use super::os_env;
pub use os_env::{DECOY, login, login_of};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::SystemTime;

use tempfile::TempDir;

/// The day every demo and seed in these tests is built around, and the day every command
/// that decides by date is given (`--today`).
pub use super::{TODAY, today};

/// What one run of the binary left behind.
#[derive(Debug)]
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub stdout_bytes: Vec<u8>,
}

impl Out {
    /// Asserts exit 0 and returns self.
    #[track_caller]
    pub fn ok(self) -> Out {
        assert_eq!(self.code, 0, "expected success; got {self:#?}");
        self.no_panic();
        self
    }

    #[track_caller]
    pub fn no_panic(&self) -> &Out {
        assert!(
            !self.stderr.contains("panicked") && !self.stderr.contains("BACKTRACE"),
            "the program panicked: {}",
            self.stderr
        );
        self
    }

    /// Asserts the documented failure shape: exit `code`, nothing on stdout, and one
    /// non-empty line on stderr starting `jinji:` that contains every word in `names`.
    #[track_caller]
    pub fn fails(&self, code: i32, names: &[&str]) -> &Out {
        self.no_panic();
        assert_eq!(self.code, code, "exit code; got {self:#?}");
        let lines: Vec<&str> = self.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "stderr must be one line: {:?}", self.stderr);
        assert!(
            lines[0].starts_with("jinji: ") && lines[0].len() > "jinji: ".len(),
            "stderr must start `jinji: `: {:?}",
            self.stderr
        );
        assert!(
            self.stdout.is_empty(),
            "nothing on stdout: {:?}",
            self.stdout
        );
        for n in names {
            assert!(
                lines[0].contains(n),
                "stderr should name {n:?}: {:?}",
                lines[0]
            );
        }
        self
    }

    /// A usage error from clap: exit 2, no panic, something on stderr.
    #[track_caller]
    pub fn usage_error(&self) -> &Out {
        self.no_panic();
        assert_eq!(self.code, 2, "exit code; got {self:#?}");
        assert!(!self.stderr.trim().is_empty(), "clap says something");
        assert!(
            self.stdout.is_empty(),
            "nothing on stdout: {:?}",
            self.stdout
        );
        self
    }
}

/// A private world for one test: home, data and config dirs, and a working directory.
pub struct Scratch {
    pub dir: TempDir,
}

impl Default for Scratch {
    fn default() -> Self {
        Self::new()
    }
}

impl Scratch {
    pub fn new() -> Scratch {
        Scratch {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A path in the working directory (the scratch root).
    pub fn path(&self, name: &str) -> PathBuf {
        self.root().join(name)
    }

    /// Where jinji keeps its files: `$XDG_DATA_HOME/jinji`.
    pub fn data_dir(&self) -> PathBuf {
        self.root().join("data").join("jinji")
    }

    /// The binary with a scratch environment, in the scratch root. It runs as the real
    /// user ([`login`]); `USER` and `LOGNAME` say [`DECOY`].
    pub fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_jinji"));
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.root())
            .env("XDG_DATA_HOME", self.root().join("data"))
            .env("XDG_CONFIG_HOME", self.root().join("config"))
            .env("USER", DECOY)
            .env("LOGNAME", DECOY)
            .env("LANG", "C.UTF-8")
            .envs(os_env::kept())
            .current_dir(self.root())
            .stdin(Stdio::null());
        c
    }

    /// Runs the binary on [`TODAY`] (`--today`, unless `args` name a day of their own):
    /// no outcome depends on the real date.
    pub fn run(&self, args: &[&str]) -> Out {
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

    /// Builds a small demo database at `name` in the working directory.
    pub fn demo(&self, name: &str) -> PathBuf {
        let p = self.path(name);
        self.run(&["--db", s(&p), "demo", "--staff", "60", "--today", TODAY])
            .ok();
        p
    }

    /// Creates an empty database at `name` (its admin: [`login`]).
    pub fn init(&self, name: &str) -> PathBuf {
        let p = self.path(name);
        self.run(&["--db", s(&p), "init"]).ok();
        p
    }

    /// Every file under the scratch root: its bytes and modification time.
    pub fn snapshot(&self) -> Snapshot {
        let mut files = BTreeMap::new();
        walk(self.root(), &mut files);
        Snapshot(files)
    }

    /// A login of the demo database at `db` with `role` (read from the accounts export).
    pub fn login_with_role(&self, db: &Path, role: &str) -> String {
        let out = self
            .run(&["--db", s(db), "export", "accounts", "--format", "json"])
            .ok();
        let rows: Vec<serde_json::Value> = serde_json::from_str(&out.stdout).expect("json");
        rows.iter()
            .find(|r| r["role"] == role && r["active"] == 1)
            .and_then(|r| r["login"].as_str())
            .unwrap_or_else(|| panic!("no active {role} in {}", out.stdout))
            .to_string()
    }
}

/// What the real login is to be in a database, for a test that needs it to be someone
/// other than the admin who made the file.
#[derive(Debug, Clone, Copy)]
pub enum Me<'a> {
    /// An active account with this role (`hr`, `supervisor`, `staff`, `admin`), for the
    /// person with this staff number.
    Is(&'a str, Option<&'a str>),
    /// The account is there but disabled.
    Disabled,
    /// No account at all (it is renamed away).
    Nobody,
}

/// Makes the real login's account in `db` what `me` says, writing the file through the
/// store as a fixture: jinji itself lets only an admin change accounts, and the real login
/// is the only one a test can run as.
pub fn be(db: &Path, me: Me<'_>) {
    use jinji::domain::account::Role;
    let mut store = jinji::store::Db::open(db, jinji::store::OpenMode::Existing).expect("open");
    store.set_actor("fixture");
    let away = format!("{}-was-here", login());
    let mut a = [login(), away.as_str()]
        .iter()
        .find_map(|l| store.account_by_login(l).expect("accounts"))
        .unwrap_or_else(|| panic!("{} has no account in {}", login(), db.display()));
    a.login = login().to_string();
    match me {
        Me::Is(role, staff) => {
            a.role = Role::from_code(role).unwrap_or_else(|| panic!("no role {role}"));
            a.staff_id = staff.map(|no| {
                store
                    .staff_by_no(no)
                    .expect("staff")
                    .unwrap_or_else(|| panic!("no staff {no}"))
                    .id
            });
            a.active = true;
        }
        Me::Disabled => a.active = false,
        Me::Nobody => a.login = away,
    }
    store.update(&mut a).expect("update the account");
}

/// `--today TODAY`, unless the arguments already name a day: a global flag, to go
/// before them (after a `--`, it would be an operand).
pub fn on_today<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Vec<&'static str> {
    let named = args
        .iter()
        .any(|a| a.as_ref().to_string_lossy().starts_with("--today"));
    if named {
        vec![]
    } else {
        vec!["--today", TODAY]
    }
}

/// True when some line of a table holds every cell in `cells`, the first one first.
pub fn has_row(table: &str, cells: &[&str]) -> bool {
    table.lines().any(|l| {
        let words: Vec<&str> = l.split_whitespace().collect();
        words.first() == cells.first() && cells.iter().all(|c| words.contains(c))
    })
}

/// A path as an argument.
pub fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

pub struct Snapshot(pub BTreeMap<PathBuf, (Vec<u8>, SystemTime)>);

impl Snapshot {
    /// Asserts that no file changed, vanished or appeared. SQLite's shared-memory index
    /// (`-shm`) is not data and may come and go; a read-only connection may leave an
    /// empty `-wal` behind, which changes no data either.
    #[track_caller]
    pub fn assert_unchanged(&self, after: &Snapshot) {
        let shm = |p: &Path| p.to_string_lossy().ends_with("-shm");
        let wal = |p: &Path| p.to_string_lossy().ends_with("-wal");
        for (p, (bytes, mtime)) in self.0.iter().filter(|(p, _)| !shm(p)) {
            let Some((b2, m2)) = after.0.get(p) else {
                panic!("{} was removed", p.display());
            };
            assert!(bytes == b2, "{} changed", p.display());
            if !wal(p) {
                assert_eq!(mtime, m2, "{}: modification time changed", p.display());
            }
        }
        for (p, (bytes, _)) in &after.0 {
            if self.0.contains_key(p) || shm(p) {
                continue;
            }
            assert!(wal(p) && bytes.is_empty(), "{} was created", p.display());
        }
    }
}

fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, (Vec<u8>, SystemTime)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if let Ok(m) = std::fs::metadata(&p) {
            let bytes = std::fs::read(&p).unwrap_or_default();
            out.insert(p, (bytes, m.modified().expect("mtime")));
        }
    }
}

/// The permission bits of a file (unix).
#[cfg(unix)]
pub fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

/// `YYYY-MM-DD`, nothing else.
pub fn is_iso_date(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
        && chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok()
}

impl Scratch {
    /// The binary run by `sh` after `prelude` (`umask 077`, `ulimit -f 64`): the shell
    /// sets it up and then becomes jinji, with the scratch environment, on [`TODAY`] as
    /// [`Scratch::run`].
    pub fn run_in_sh(&self, prelude: &str, args: &[&str]) -> Out {
        let jinji = self.cmd();
        let mut c = Command::new("sh");
        c.arg("-c")
            .arg(format!("{prelude}; exec \"$0\" \"$@\""))
            .arg(jinji.get_program())
            .args(on_today(args))
            .args(args)
            .env_clear()
            .current_dir(self.root())
            .stdin(Stdio::null());
        for (k, v) in jinji.get_envs() {
            if let Some(v) = v {
                c.env(k, v);
            }
        }
        let o = c.output().expect("run jinji");
        Out {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
            stdout_bytes: o.stdout,
        }
    }
}

/// The database file at `p`, opened read-only (to look, never to write).
pub fn read_only(p: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open_with_flags(p, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open")
}

/// The refusals in the audit log: (actor, the login wanted).
pub fn refusals(db: &Path) -> Vec<(String, String)> {
    let c = read_only(db);
    let mut st = c
        .prepare(
            "SELECT actor, after FROM audit_log
             WHERE action = 'refused' AND table_name = 'accounts' ORDER BY id",
        )
        .unwrap();
    st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
        .map(|r| {
            let (actor, after) = r.unwrap();
            let v: serde_json::Value = serde_json::from_str(&after).expect("json");
            (actor, v["user"].as_str().expect("user").to_string())
        })
        .collect()
}
