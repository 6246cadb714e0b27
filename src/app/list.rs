//! A list on screen: the query, the count, the selection, and only the rows of the
//! visible window (a list of 100,000 builds the 30 rows it shows).

use std::sync::Arc;

use super::worker::{Answer, Answers, INLINE_CAP, Need};
use crate::domain::{Date, Id};
use crate::store::views::{TRANSFER_MOVES, ViewDef, ViewQuery, ViewRow};
use crate::store::{Db, Result};

pub struct ListState {
    pub view: &'static ViewDef,
    pub query: ViewQuery,
    /// Rows in the list; while `exact` is false, a lower bound (`INLINE_CAP`): the exact
    /// count is being made off the screen's thread.
    pub total: usize,
    pub exact: bool,
    /// The ids in the list's order when no index holds it and the list is long: sorted
    /// once off the screen's thread, each window then read by id.
    order: Option<Arc<Vec<Id>>>,
    /// That order is being made: the screen says so (and has no rows to show yet).
    pub sorting: bool,
    pub selected: usize,
    /// Index of the first row of `rows`.
    pub offset: usize,
    pub rows: Vec<ViewRow>,
    /// Rows the screen shows at once.
    pub height: usize,
}

impl ListState {
    pub fn new(view: &'static ViewDef, today: Date) -> ListState {
        ListState {
            view,
            query: ViewQuery {
                sort: view.default_sort,
                desc: view.default_desc,
                ..ViewQuery::on(today)
            },
            total: 0,
            exact: true,
            order: None,
            sorting: false,
            selected: 0,
            offset: 0,
            rows: Vec::new(),
            height: 20,
        }
    }

    /// Counts again and refetches the window, keeping the selection where it can. A
    /// count already made for the same rows is taken as it is; a long list is counted off
    /// the screen's thread (when there is a worker) and shows `INLINE_CAP` until then.
    pub fn reload(&mut self, db: &Db, answers: &mut Answers) -> Result<()> {
        let need = self.need();
        self.exact = true;
        self.total = match answers.get(&need) {
            Some(Answer::Count(n)) => *n as usize,
            _ if answers.is_off_thread() => {
                match db.view_count_upto(self.view, &self.query, INLINE_CAP)? {
                    Some(n) => n as usize,
                    None => {
                        answers.ask(db, need)?;
                        self.exact = false;
                        INLINE_CAP
                    }
                }
            }
            _ => match answers.ask(db, need)? {
                Some(Answer::Count(n)) => *n as usize,
                _ => 0,
            },
        };
        if !self.exact && self.selected >= self.total {
            self.count_now(db)?;
        }
        self.order = None;
        self.sorting = false;
        // A long list in an order no index holds: sorted once, off the screen's thread.
        if (!self.exact || self.total > INLINE_CAP) && answers.is_off_thread() {
            let need = self.order_need();
            match answers.get(&need) {
                Some(Answer::Ids(ids)) => self.take_order(ids.clone()),
                _ if db.window_sorts(self.view, &self.query)? => {
                    answers.ask(db, need)?;
                    self.sorting = true;
                }
                _ => {}
            }
        }
        self.selected = self.selected.min(self.total.saturating_sub(1));
        self.fetch(db)
    }

    fn take_order(&mut self, ids: Arc<Vec<Id>>) {
        self.total = ids.len();
        self.exact = true;
        self.order = Some(ids);
        self.sorting = false;
    }

    /// Takes in the order once it has been made, and reads the window by it.
    pub fn sorted(&mut self, db: &Db, answers: &Answers) -> Result<()> {
        if !self.sorting {
            return Ok(());
        }
        if let Some(Answer::Ids(ids)) = answers.get(&self.order_need()) {
            self.take_order(ids.clone());
            self.selected = self.selected.min(self.total.saturating_sub(1));
            self.fetch(db)?;
        }
        Ok(())
    }

    /// What counting this list means, as asked of the worker (whatever its order).
    fn need(&self) -> Need {
        Need::Rows {
            view: self.view,
            query: ViewQuery {
                sort: 0,
                desc: false,
                ..self.query.clone()
            },
        }
    }

    /// Sorting this list into ids, as asked of the worker.
    fn order_need(&self) -> Need {
        Need::Order {
            view: self.view,
            query: self.query.clone(),
        }
    }

    /// Takes in the exact count once it has been made.
    pub fn counted(&mut self, answers: &Answers) {
        if let (false, Some(Answer::Count(n))) = (self.exact, answers.get(&self.need())) {
            self.total = *n as usize;
            self.exact = true;
        }
    }

    /// A plan's move list marks the moves its check finds a problem in. The check is
    /// asked of the worker when the list is shown (again after any write: the answer is
    /// kept only while the data stands), never while it is drawn; no marks until then.
    pub fn ask_flags(&mut self, db: &Db, answers: &mut Answers) -> Result<()> {
        if self.view != &TRANSFER_MOVES {
            return Ok(());
        }
        let need = Need::PlanFlags {
            today: self.query.today,
        };
        if let Some(Answer::Flags(f)) = answers.ask(db, need)? {
            self.query.flagged = Some(f.clone());
        }
        Ok(())
    }

    /// Takes in the check's marks once they have come; whether the list is to be read
    /// again.
    pub fn take_flags(&mut self, answers: &Answers) -> bool {
        if self.view != &TRANSFER_MOVES {
            return false;
        }
        let need = Need::PlanFlags {
            today: self.query.today,
        };
        match answers.get(&need) {
            Some(Answer::Flags(f)) if self.query.flagged.as_ref() != Some(f) => {
                self.query.flagged = Some(f.clone());
                true
            }
            _ => false,
        }
    }

    /// The exact count here and now (the last row is asked for before it has come).
    fn count_now(&mut self, db: &Db) -> Result<()> {
        if !self.exact {
            self.total = db.view_count(self.view, &self.query)? as usize;
            self.exact = true;
        }
        Ok(())
    }

    /// Puts the window where the selection is seen.
    fn place(&mut self) {
        let h = self.height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + h {
            self.offset = self.selected + 1 - h;
        }
        self.offset = self.offset.min(self.total.saturating_sub(h));
    }

    /// The window the selection has moved to. Where it meets the window shown, only the
    /// rows new to it are read, after the last row's sort key or before the first's
    /// (keyset paging): a page at row 45,000 costs what the first page costs.
    fn step(&mut self, db: &Db) -> Result<()> {
        let (was, old) = (self.offset, std::mem::take(&mut self.rows));
        self.place();
        let h = self.height.max(1);
        let (o, end) = (self.offset, was + old.len());
        if self.order.is_none() && !self.sorting && !old.is_empty() {
            let stop = (o + h).min(self.total);
            if o > was && o <= end {
                let keep = &old[o - was..stop.min(end) - was];
                let n = stop.saturating_sub(end);
                if let Some(more) =
                    db.view_rows_next(self.view, &self.query, &old[old.len() - 1], n, false)?
                {
                    self.rows = keep.iter().cloned().chain(more).collect();
                    return self.mark(db);
                }
            } else if o < was && o + h >= was {
                let keep = &old[..stop.saturating_sub(was).min(old.len())];
                if let Some(before) =
                    db.view_rows_next(self.view, &self.query, &old[0], was - o, true)?
                {
                    self.rows = before.into_iter().chain(keep.iter().cloned()).collect();
                    return self.mark(db);
                }
            }
        }
        self.read(db)?;
        self.mark(db)
    }

    /// Reads the window again where the selection is.
    fn fetch(&mut self, db: &Db) -> Result<()> {
        self.place();
        self.read(db)?;
        self.mark(db)
    }

    /// Marks the people on a unit's roster by a post beside their main one.
    fn mark(&mut self, db: &Db) -> Result<()> {
        db.mark_beside(self.view, &self.query, &mut self.rows)
    }

    /// Reads the window at its offset.
    fn read(&mut self, db: &Db) -> Result<()> {
        let h = self.height.max(1);
        if self.sorting {
            self.rows.clear();
            return Ok(());
        }
        if let Some(order) = &self.order {
            let end = (self.offset + h).min(order.len());
            self.rows = db.view_rows_by_ids(self.view, &self.query, &order[self.offset..end])?;
            return Ok(());
        }
        // The second half of a long list is read from its end (an offset is stepped over).
        self.rows = if self.exact && self.offset > self.total / 2 {
            db.view_rows_near_end(self.view, &self.query, self.total, self.offset, h)?
        } else {
            db.view_rows(self.view, &self.query, self.offset, h)?
        };
        Ok(())
    }

    /// Moves the selection to `to` (clamped), fetching a new window only when it leaves
    /// the current one.
    pub fn select(&mut self, db: &Db, to: usize) -> Result<()> {
        if self.total == 0 {
            self.selected = 0;
            return Ok(());
        }
        if to >= self.total && !self.exact {
            self.count_now(db)?;
        }
        self.selected = to.min(self.total - 1);
        let h = self.height.max(1);
        if self.rows.is_empty() {
            self.fetch(db)?;
        } else if self.selected < self.offset || self.selected >= self.offset + h {
            self.step(db)?;
        }
        Ok(())
    }

    pub fn move_by(&mut self, db: &Db, delta: isize) -> Result<()> {
        let to = (self.selected as isize + delta).max(0) as usize;
        self.select(db, to)
    }

    pub fn set_height(&mut self, db: &Db, h: usize) -> Result<()> {
        if h != self.height {
            self.height = h.max(1);
            self.fetch(db)?;
        }
        Ok(())
    }

    pub fn current(&self) -> Option<&ViewRow> {
        self.rows.get(self.selected.checked_sub(self.offset)?)
    }
}

/// The codes of a label group, for cycling a state filter.
pub fn state_codes(group: &str) -> &'static [&'static str] {
    use crate::domain::{award, evaluation, pdca, staff, training};
    match group {
        "status" => staff::StaffStatus::CODES,
        "eval_state" => evaluation::EvalState::CODES,
        "reason" => crate::domain::assignment::Reason::CODES,
        "enrolment_state" => training::EnrolmentState::CODES,
        "award_state" => award::AwardState::CODES,
        "phase" => pdca::Phase::CODES,
        "table" => crate::store::summary::AUDITED,
        "role" => crate::domain::account::Role::CODES,
        "plan_state" => crate::domain::transfer::PlanState::CODES,
        "position" => staff::Position::CODES,
        "course_category" => training::CourseCategory::CODES,
        "incident_status" => crate::domain::compliance::IncidentStatus::CODES,
        "closed_kind" => crate::domain::calendar::ClosedKind::CODES,
        "leave_state" => crate::domain::leave::LEAVE_STATES,
        _ => &[],
    }
}
