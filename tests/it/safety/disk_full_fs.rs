//! A real full disk under the real binary: a write (an import), a backup and an export
//! (CSV and XLSX), each on a file system with no room left — a small tmpfs of the test's
//! own where the machine lets it mount one — and each past a file-size limit (`ulimit
//! -f`, which sends SIGXFSZ: jinji must not die of it). Each time the command exits 1
//! with one line naming the file and saying the disk is full, nothing half-written is
//! left, and the database passes `jinji check` afterwards.
#![cfg(unix)]

use crate::support::cli;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use cli::*;

/// A small tmpfs mounted on a temporary directory, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// `None` (said why) when the machine does not let the test mount one: not root, or
    /// a container without the right to mount.
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(dir.path())
            .output();
        match out {
            Ok(o) if o.status.success() => Some(Tmpfs { dir }),
            Ok(o) => {
                eprintln!(
                    "no tmpfs (mount refused: {}); the size limit alone stands for a full disk",
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("no tmpfs (no mount: {e}); the size limit alone stands for a full disk");
                None
            }
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Fills the file system but for `free` bytes (a file of zeros up to the brim, then
    /// cut back), so that what is written next runs out of room.
    fn leave_free(&self, free: u64) {
        let filler = self.path("filler");
        let mut f = std::fs::File::create(&filler).unwrap();
        let chunk = vec![0u8; 64 << 10];
        loop {
            match f.write(&chunk) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::StorageFull => break,
                Err(e) => panic!("filling the tmpfs: {e}"),
            }
        }
        let len = f.metadata().unwrap().len();
        f.set_len(len.saturating_sub(free)).unwrap();
    }

    /// Room again (the disk cleared).
    fn clear(&self) {
        let _ = std::fs::remove_file(self.path("filler"));
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

/// A file of new sections, enough to need far more room than is left: its rows in the
/// database are named 満杯試験課.
fn units_file(w: &Scratch) -> PathBuf {
    let mut csv = String::from("unit_code,name,parent_code,kind,kana,valid_from\n");
    for i in 0..3_000 {
        csv.push_str(&format!(
            "Z{i:05},満杯試験課,,section,マンパイシケンカ,2020-04-01\n"
        ));
    }
    let p = w.path("units.csv");
    std::fs::write(&p, csv).unwrap();
    p
}

fn count(db: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

/// The failure every case must end in: exit 1, one line naming `file` and the full disk.
#[track_caller]
fn said_full(out: &Out, file: &Path) {
    out.fails(1, &[s(file), "the disk is full"]);
}

/// A full disk under an import: nothing of the file is in the database (not a row, not
/// an audit row), which passes the check, and the same import lands once there is room.
/// `run` runs jinji with `args` under the full disk.
fn an_import(w: &Scratch, db: &Path, run: &dyn Fn(&[&str]) -> Out, make_room: &dyn Fn()) {
    let file = units_file(w);
    let audit = count(db, "SELECT count(*) FROM audit_log");
    said_full(&run(&["--db", s(db), "import", "units", s(&file)]), db);
    make_room();
    assert_eq!(
        count(db, "SELECT count(*) FROM units WHERE name = '満杯試験課'"),
        0
    );
    assert_eq!(count(db, "SELECT count(*) FROM audit_log"), audit);
    w.run(&["--db", s(db), "check"]).ok();
    w.run(&["--db", s(db), "import", "units", s(&file)]).ok();
    assert_eq!(
        count(db, "SELECT count(*) FROM units WHERE name = '満杯試験課'"),
        3_000
    );
}

/// A backup into `dest` on a full disk: refused naming it, no copy left.
fn a_backup(w: &Scratch, db: &Path, dest: &Path, run: &dyn Fn(&[&str]) -> Out) {
    said_full(&run(&["--db", s(db), "backup", s(dest)]), dest);
    assert!(!dest.exists(), "no half copy");
    w.run(&["--db", s(db), "check"]).ok();
}

/// Exports (CSV and XLSX) to `dest…` on a full disk: refused naming the file, none left.
fn an_export(w: &Scratch, db: &Path, dest: &Path, run: &dyn Fn(&[&str]) -> Out) {
    for ext in ["csv", "xlsx"] {
        let file = dest.with_extension(ext);
        let out = run(&["--db", s(db), "export", "evaluations", "--out", s(&file)]);
        said_full(&out, &file);
        assert!(!file.exists(), "no half-written {}", file.display());
    }
    w.run(&["--db", s(db), "check"]).ok();
}

#[test]
fn a_full_file_system_refuses_a_write_a_backup_and_an_export_clearly() {
    let Some(fs) = Tmpfs::mount("8m") else {
        return;
    };
    let w = Scratch::new();
    let db = fs.path("d.db");
    std::fs::copy(w.demo("demo.db"), &db).unwrap();
    let run = |args: &[&str]| w.run(args);

    // Room for the database's shared memory and a little of its log, not for the import.
    fs.leave_free(256 << 10);
    an_import(&w, &db, &run, &|| fs.clear());

    // The database elsewhere; the copy and the exports onto the full disk.
    let elsewhere = w.demo("elsewhere.db");
    fs.leave_free(128 << 10);
    a_backup(&w, &elsewhere, &fs.path("b.db"), &run);
    fs.clear();
    fs.leave_free(16 << 10);
    an_export(&w, &elsewhere, &fs.path("x"), &run);
    fs.clear();
}

#[test]
fn a_file_size_limit_refuses_a_write_a_backup_and_an_export_clearly() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    // In blocks of 512 bytes: the shared memory (32 KiB) fits, the import's log does not.
    let ws = &w;
    let under =
        |blocks: u32| move |args: &[&str]| ws.run_in_sh(&format!("ulimit -f {blocks}"), args);
    an_import(&w, &db, &under(256), &|| {});
    a_backup(&w, &db, &w.path("b.db"), &under(256));
    an_export(&w, &db, &w.path("x"), &under(64));
}
