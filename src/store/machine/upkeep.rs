//! Keeping the file in shape: bulk loading, the planner's statistics, the write-ahead
//! log folded in; and what work off the screen's thread needs of a connection (whether the
//! data changed, stopping a statement no one waits for).

use std::ffi::c_int;

use rusqlite::ffi;

use crate::store::{Db, Result};

impl Db {
    /// Whether the planner may build Bloom filters. A screen reads windows: a few rows
    /// down an index, each joined by key, stopping at the window's end. For such a loop
    /// SQLite may first read the whole inner table into a Bloom filter, sized for lookups
    /// it estimates without the LIMIT (a city's overdue compliance: 37 ms for 33 rows
    /// that take 1 ms without it). Off for every connection; the worker, which counts and
    /// tallies whole tables, turns them back on.
    pub fn set_bloom_filters(&self, on: bool) {
        const SQLITE_TESTCTRL_OPTIMIZATIONS: c_int = 15;
        const SQLITE_TESTCTRL_GETOPT: c_int = 16;
        const SQLITE_BLOOM_FILTER: c_int = 0x0008_0000;
        let mut off: c_int = 0;
        // SAFETY: the handle is this connection's, open while `self` lives and used on the
        // connection's own thread, with nothing else borrowed from it; GETOPT writes the
        // connection's mask of disabled optimisations to the int it is given and
        // OPTIMIZATIONS sets it (as the sqlite3 shell's `.testctrl optimizations` does).
        unsafe {
            let db = self.conn().handle();
            ffi::sqlite3_test_control(SQLITE_TESTCTRL_GETOPT, db, &mut off as *mut c_int);
            let off = if on {
                off & !SQLITE_BLOOM_FILTER
            } else {
                off | SQLITE_BLOOM_FILTER
            };
            ffi::sqlite3_test_control(SQLITE_TESTCTRL_OPTIMIZATIONS, db, off);
        }
    }

    /// For filling a file nobody else uses yet (the generator writes into a scratch file
    /// that is moved into place only when complete): the rollback journal in memory, a
    /// 32 MiB cache (a city's seed measured 45 s with it, 54 s with 128 or 512 MiB: pages
    /// spilled from it stay in the system's cache, and a larger one costs more to keep),
    /// and no foreign-key lookups (the generator's tests prove its references; `check`
    /// proves a file's). `false` returns to WAL and checked keys.
    pub fn set_bulk_load(&self, on: bool) -> Result<()> {
        self.conn()
            .pragma_update(None, "foreign_keys", if on { "OFF" } else { "ON" })?;
        if on {
            self.conn().pragma_update(None, "journal_mode", "MEMORY")?;
            self.conn().pragma_update(None, "synchronous", "OFF")?;
            self.conn().pragma_update(None, "cache_size", -32_768)?;
        } else {
            self.conn().pragma_update(None, "journal_mode", "WAL")?;
            self.conn().pragma_update(None, "synchronous", "NORMAL")?;
            self.conn().pragma_update(None, "cache_size", -2_000)?;
        }
        Ok(())
    }

    /// The query planner's figures on every table and index (how many rows, how
    /// selective), from a sample, so that it picks the index that finds a section's rows
    /// and not the one that reads a year of them. Well under a second for a city.
    pub fn analyze(&self) -> Result<()> {
        self.conn()
            .execute_batch("PRAGMA analysis_limit = 1000; ANALYZE;")?;
        Ok(())
    }

    /// Caps the file at `pages` pages (SQLite's `max_page_count`): a write that needs more
    /// fails as on a full disk. Returns the cap in force (never below the pages in use).
    pub fn cap_pages(&self, pages: i64) -> Result<i64> {
        Ok(self
            .conn()
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| {
                r.get(0)
            })?)
    }

    /// The pages the file holds now.
    pub fn page_count(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("PRAGMA page_count", [], |r| r.get(0))?)
    }

    /// Brings the planner's figures up to date where the data has changed much since
    /// (cheap when it has not): at the end of a session.
    pub fn optimize(&self) -> Result<()> {
        self.conn()
            .execute_batch("PRAGMA analysis_limit = 1000; PRAGMA optimize;")?;
        Ok(())
    }

    /// Moves the write-ahead log into the main file (after a large batch), so the file
    /// is complete on its own.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Changes since this connection opened: its own writes and other connections'
    /// commits. Anything computed from the data is stale once this differs.
    pub fn data_stamp(&self) -> Result<(i64, u64)> {
        let other: i64 = self
            .conn()
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        Ok((other, self.conn().total_changes()))
    }

    /// Stops a statement under way whenever `stop` says so (asked every few thousand
    /// steps): work off the screen's thread no one waits for any more.
    pub fn stop_when(&self, stop: impl FnMut() -> bool + Send + 'static) -> Result<()> {
        self.conn().progress_handler(4000, Some(stop))?;
        Ok(())
    }
}
