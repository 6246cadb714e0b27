//! Work that may take longer than a frame — a list's count, a panel's tally over a year of
//! a city — done off the screen's thread on a second, read-only connection. The screen
//! shows what it has at once and the rest as it arrives ("集計中…" until then).
//!
//! Each question carries the screen's epoch: once the user has moved on (another tab,
//! year, filter), questions asked for the old screen are dropped, and a statement under
//! way for one is stopped. Answers are kept until the data changes (`Db::data_stamp`), so
//! a screen visited again shows its figures at once.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::domain::disclosure::Reader;
use crate::domain::evaluation::{EvalKind, Term};
use crate::domain::plan_check::PlanProblem;
use crate::domain::{Date, FiscalYear, Id};
use crate::store::calibration::Calibration;
use crate::store::evaluation::GradeCounts;
use crate::store::panels::Overdue;
use crate::store::views::{Flagged, ViewDef, ViewQuery};
use crate::store::{Db, OpenMode, Result};

/// Lists counted this far on the screen's thread; a longer one shows "1,000+" at once
/// and its exact count when the worker has made it.
pub const INLINE_CAP: usize = 1000;

/// Something to compute from the data, with everything that decides the result.
#[derive(Debug, Clone, PartialEq)]
pub enum Need {
    /// How many rows a list has.
    Rows {
        view: &'static ViewDef,
        query: ViewQuery,
    },
    /// The ids of a list in an order no index holds.
    Order {
        view: &'static ViewDef,
        query: ViewQuery,
    },
    /// The grades of an evaluation kind in a year (`None`: every unit).
    Grades {
        fy: FiscalYear,
        kind: EvalKind,
        units: Option<Vec<Id>>,
        /// Whose eyes: ratings not yet theirs to see are not counted.
        reader: Reader,
    },
    Calibration {
        fy: FiscalYear,
        kind: EvalKind,
        units: Option<Vec<Id>>,
        reader: Reader,
    },
    /// Generalists and specialists per section.
    Balance { units: Option<Vec<Id>> },
    Awards {
        fy: FiscalYear,
        units: Option<Vec<Id>>,
    },
    /// Completion per section and the overdue.
    Compliance {
        fy: FiscalYear,
        today: Date,
        units: Option<Vec<Id>>,
    },
    /// The moves of the draft plans their check finds a problem in (the marks of the
    /// plan's move list): a check of a city's round takes most of a second.
    PlanFlags { today: Date },
    /// Every problem of one plan (the plan views' panel).
    PlanProblems { plan: Id, today: Date },
    /// A round of promotion selection's figures (a city's 係長選考 has some 9,000 entries).
    ExamFigures { exam: Id },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Count(i64),
    Ids(Arc<Vec<Id>>),
    Grades(GradeCounts),
    Calibration(Calibration),
    Balance(Vec<(String, i64, i64)>),
    Awards(Vec<(String, i64)>),
    Compliance {
        sections: Vec<(String, i64, i64)>,
        overdue_total: i64,
        overdue: Vec<Overdue>,
    },
    Flags(Arc<Flagged>),
    Problems(Arc<Vec<PlanProblem>>),
    ExamFigures(crate::store::exams::ExamFigures),
}

impl Need {
    pub fn compute(&self, db: &Db) -> Result<Answer> {
        let units = |u: &Option<Vec<Id>>| u.as_deref().map(<[Id]>::to_vec);
        Ok(match self {
            Need::Rows { view, query } => Answer::Count(db.view_count(view, query)?),
            Need::Order { view, query } => Answer::Ids(Arc::new(db.view_order(view, query)?)),
            Need::Grades {
                fy,
                kind,
                units: u,
                reader,
            } => Answer::Grades(match db.eval_period(*fy, *kind, Term::Full)? {
                Some(p) => {
                    let all = match units(u) {
                        Some(u) => u,
                        None => db.units()?.iter().map(|u| u.id).collect(),
                    };
                    db.grade_counts(p.id, &all, *reader)?
                }
                None => GradeCounts::default(),
            }),
            Need::Calibration {
                fy,
                kind,
                units: u,
                reader,
            } => Answer::Calibration(match db.eval_period(*fy, *kind, Term::Full)? {
                Some(p) => db.calibration(p.id, u.as_deref(), *reader)?,
                None => Calibration::default(),
            }),
            Need::Balance { units: u } => {
                Answer::Balance(db.track_balance_by_section(u.as_deref())?)
            }
            Need::Awards { fy, units: u } => Answer::Awards(db.award_counts(*fy, u.as_deref())?),
            Need::Compliance {
                fy,
                today,
                units: u,
            } => {
                let (overdue_total, overdue) =
                    db.compliance_overdue_in(*fy, *today, u.as_deref(), 12)?;
                Answer::Compliance {
                    sections: db.compliance_by_section(*fy, u.as_deref())?,
                    overdue_total,
                    overdue,
                }
            }
            Need::ExamFigures { exam } => Answer::ExamFigures(db.exam_figures(*exam)?),
            Need::PlanFlags { today } => Answer::Flags(Arc::new(db.flagged_moves(*today)?)),
            Need::PlanProblems { plan, today } => {
                Answer::Problems(Arc::new(db.check_plan(*plan, *today)?))
            }
        })
    }
}

/// A question as sent, and as it comes back with its answer (`None`: dropped, stopped
/// or failed).
struct Question {
    epoch: u64,
    /// The data it is asked of (`Db::data_stamp` on the screen's connection).
    stamp: (i64, u64),
    need: Need,
}

/// The worker thread and its connection.
struct Worker {
    tx: Sender<Question>,
    rx: Receiver<(Question, Option<Answer>)>,
    /// The screen's epoch, shared: the worker drops and stops what is older.
    epoch: Arc<AtomicU64>,
}

impl Worker {
    fn start(path: &Path) -> Option<Worker> {
        // Opened here, so that a file that cannot be read again says so now.
        let db = Db::open(path, OpenMode::ReadOnly).ok()?;
        // It reads whole tables, where a Bloom filter saves lookups.
        db.set_bloom_filters(true);
        let (tx, questions) = channel::<Question>();
        let (answers, rx) = channel();
        let epoch = Arc::new(AtomicU64::new(0));
        let running = Arc::new(AtomicU64::new(0));
        {
            let (epoch, running) = (epoch.clone(), running.clone());
            db.stop_when(move || running.load(Ordering::Relaxed) < epoch.load(Ordering::Relaxed))
                .ok()?;
        }
        let now = epoch.clone();
        std::thread::spawn(move || {
            while let Ok(q) = questions.recv() {
                // An answer for a screen already left is not worth a statement.
                let answer = if q.epoch < now.load(Ordering::Relaxed) {
                    None
                } else {
                    running.store(q.epoch, Ordering::Relaxed);
                    q.need.compute(&db).ok()
                };
                if answers.send((q, answer)).is_err() {
                    return;
                }
            }
        });
        Some(Worker { tx, rx, epoch })
    }
}

/// What has been computed, what is asked, and who computes it.
#[derive(Default)]
pub struct Answers {
    known: Vec<(Need, Answer)>,
    asked: Vec<Need>,
    /// Asked, and sent to the worker once the frame that asked is drawn (`send_held`):
    /// its reading of whole tables would otherwise slow that frame's own (on a disk
    /// whose pages are not yet cached, by several times).
    held: Vec<Question>,
    worker: Option<Worker>,
    epoch: u64,
    /// `Db::data_stamp` when `known` was last checked.
    stamp: (i64, u64),
}

/// Answers kept at most (a screen asks two or three; the tabs visited keep theirs).
const KEEP: usize = 64;

impl Answers {
    /// Answers off the screen's thread from now on, for the database file at `path`.
    pub fn off_thread(&mut self, path: &Path) {
        self.worker = Worker::start(path);
    }

    pub fn is_off_thread(&self) -> bool {
        self.worker.is_some()
    }

    pub fn get(&self, need: &Need) -> Option<&Answer> {
        self.known.iter().find(|(n, _)| n == need).map(|(_, a)| a)
    }

    /// A new screen: questions asked for the last one are no longer waited for, and
    /// answers made before the data changed are forgotten.
    pub fn new_screen(&mut self, db: &Db) -> Result<()> {
        self.epoch += 1;
        if let Some(w) = &self.worker {
            w.epoch.store(self.epoch, Ordering::Relaxed);
        }
        self.asked.clear();
        self.held.clear();
        let stamp = db.data_stamp()?;
        if stamp != self.stamp {
            self.stamp = stamp;
            self.known.clear();
        }
        Ok(())
    }

    /// The answer if known; else it is asked of the worker (and `None` until it comes),
    /// or, without one, computed here and now.
    pub fn ask(&mut self, db: &Db, need: Need) -> Result<Option<&Answer>> {
        if let Some(i) = self.known.iter().position(|(n, _)| *n == need) {
            return Ok(Some(&self.known[i].1));
        }
        match &self.worker {
            Some(_) => {
                if !self.asked.contains(&need) {
                    self.held.push(Question {
                        epoch: self.epoch,
                        stamp: self.stamp,
                        need: need.clone(),
                    });
                    self.asked.push(need);
                }
                Ok(None)
            }
            None => {
                let answer = need.compute(db)?;
                self.keep(need, answer);
                Ok(self.known.last().map(|(_, a)| a))
            }
        }
    }

    /// Sends the worker what was asked: after the frame is drawn.
    pub fn send_held(&mut self) {
        let Some(w) = &self.worker else {
            return;
        };
        for q in self.held.drain(..) {
            let need = q.need.clone();
            if w.tx.send(q).is_err() {
                // The worker is gone: nothing more will come for this question.
                self.asked.retain(|n| *n != need);
            }
        }
    }

    fn keep(&mut self, need: Need, answer: Answer) {
        if self.known.len() >= KEEP {
            self.known.remove(0);
        }
        self.known.push((need, answer));
    }

    /// Takes in the answers that have come; whether any did. A question that failed off
    /// the screen's thread is asked again here, so that its error is shown, not a
    /// "counting…" that never ends.
    pub fn take_in(&mut self, db: &Db) -> Result<bool> {
        let Some(w) = &self.worker else {
            return Ok(false);
        };
        let come: Vec<_> = w.rx.try_iter().collect();
        let mut any = false;
        for (q, answer) in come {
            // Made from data since changed: of no use.
            if q.stamp != self.stamp {
                continue;
            }
            let current = q.epoch == self.epoch;
            match answer {
                Some(a) => {
                    self.asked.retain(|n| *n != q.need);
                    if self.get(&q.need).is_none() {
                        self.keep(q.need, a);
                    }
                    any = true;
                }
                // Failed on this screen. (Dropped for a screen since left: the same
                // question asked again is still on its way.)
                None if current => {
                    self.asked.retain(|n| *n != q.need);
                    let a = q.need.compute(db)?;
                    self.keep(q.need, a);
                    any = true;
                }
                None => {}
            }
        }
        Ok(any)
    }

    /// Whether an answer is still awaited (the screen then wakes to take it in).
    pub fn waiting(&self) -> bool {
        !self.asked.is_empty()
    }
}

impl super::App {
    /// Takes in what work off the screen's thread has sent; whether anything came.
    pub(super) fn tick(&mut self) -> Result<bool, crate::store::StoreError> {
        self.poll_job();
        // Drawn or not (a test, a benchmark), what was asked goes out by the next tick.
        self.shown.answers.send_held();
        if !self.shown.answers.take_in(&self.session.db)? {
            return Ok(false);
        }
        let answers = &mut self.shown.answers;
        for l in self.nav.lists.values_mut() {
            l.counted(answers);
            l.sorted(&self.session.db, answers)?;
            if l.take_flags(answers) {
                l.reload(&self.session.db, answers)?;
            }
        }
        Ok(true)
    }
}
