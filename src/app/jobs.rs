//! Long work off the UI thread (DESIGN: "runs on a thread that reports progress, and the
//! UI stays live"): exporting a whole list, backing up the database. The work opens its
//! own connection, reports rows or pages done, and stops when asked; the screen shows a
//! bar with counts and the time left, and `Esc` cancels.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

enum Msg {
    Progress { done: usize, total: Option<usize> },
    Finished(Result<String, String>),
}

/// Work under way.
pub struct Job {
    /// What is being done, as the screen names it.
    pub title: String,
    pub done: usize,
    pub total: Option<usize>,
    pub started: Instant,
    /// Set once `Esc` asked the work to stop.
    pub cancelling: bool,
    cancel: Arc<AtomicBool>,
    rx: Receiver<Msg>,
}

/// What the work holds to report and to be told to stop.
pub struct Reporter {
    tx: Sender<Msg>,
    cancel: Arc<AtomicBool>,
    last: Option<Instant>,
}

impl Reporter {
    /// Reports progress; sent at most every 50 ms (a screen does not redraw faster).
    pub fn progress(&mut self, done: usize, total: Option<usize>) {
        let now = Instant::now();
        if self
            .last
            .is_some_and(|l| now.duration_since(l) < Duration::from_millis(50))
        {
            return;
        }
        self.last = Some(now);
        let _ = self.tx.send(Msg::Progress { done, total });
    }

    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

impl Job {
    /// Starts `work` on its own thread. It returns the message to show when done, or the
    /// error to show.
    pub fn spawn(
        title: String,
        work: impl FnOnce(&mut Reporter) -> Result<String, String> + Send + 'static,
    ) -> Job {
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let mut rep = Reporter {
            tx: tx.clone(),
            cancel: cancel.clone(),
            last: None,
        };
        std::thread::spawn(move || {
            // A panic in the work is reported as its failure, never left hanging.
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&mut rep)))
                .unwrap_or_else(|_| Err("internal error".into()));
            let _ = tx.send(Msg::Finished(result));
        });
        Job {
            title,
            done: 0,
            total: None,
            started: Instant::now(),
            cancelling: false,
            cancel,
            rx,
        }
    }

    pub fn cancel(&mut self) {
        self.cancelling = true;
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Takes in what the work reported; the outcome once it has finished.
    pub fn poll(&mut self) -> Option<Result<String, String>> {
        while let Ok(m) = self.rx.try_recv() {
            match m {
                Msg::Progress { done, total } => {
                    self.done = done;
                    self.total = total;
                }
                Msg::Finished(r) => return Some(r),
            }
        }
        None
    }

    /// Time left at the pace so far, once there is a pace to go by.
    pub fn eta(&self) -> Option<Duration> {
        let total = self.total?;
        if self.done == 0 || self.done >= total {
            return None;
        }
        let spent = self.started.elapsed().as_secs_f64();
        Some(Duration::from_secs_f64(
            spent / self.done as f64 * (total - self.done) as f64,
        ))
    }
}
