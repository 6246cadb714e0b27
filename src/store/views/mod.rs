//! Rows for the screens: each view is one query over a record table with the names a
//! person reads joined in, filtered by scope (a person, a unit's subtree), fiscal year and
//! state, sorted by any column, and fetched one window at a time.

mod appointments;
mod beside;
mod bind;
mod count;
mod exams;
mod leaves;
mod order;
mod posts;
mod records;
mod registers;
mod reorg;
mod seen;
mod transfer;
mod window;
mod worklists;

pub use appointments::*;
pub use bind::Flagged;
pub use exams::*;
pub use leaves::*;
pub use posts::*;
pub use records::*;
pub use registers::*;
pub use reorg::*;
pub use transfer::*;
pub use worklists::*;

use rusqlite::types::Value;

use super::Cell;
use super::machine::cell::cell_of;
use super::machine::list::id_list;
use super::{Db, Result};
use crate::domain::{Date, FiscalYear, Id};

/// How a column's cells are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColKind {
    Text,
    /// A code shown through its label group (`enum.<group>.<code>`).
    Code(&'static str),
    /// A code of the group by its label, or a name a person gave (text that is no code
    /// of the group) as written: the calendar's days, named by the law or by the ward.
    Named(&'static str),
    Date,
    Int,
    Real,
    /// 0–100, drawn as a bar where there is room.
    Percent,
    /// A surplus or shortfall (過不足): a shortfall as the catalogue writes one (△2 in a
    /// Japanese table), a surplus signed.
    Balance,
    /// A UTC time stamp, shown in local time.
    Stamp,
}

#[derive(Debug)]
pub struct ViewCol {
    /// Catalogue key of the header (`col.<key>`).
    pub key: &'static str,
    pub(super) expr: &'static str,
    pub kind: ColKind,
    /// What the column sorts by when that differs from what it shows (names by reading).
    pub(super) sort: Option<&'static str>,
}

pub(super) const fn col(key: &'static str, expr: &'static str, kind: ColKind) -> ViewCol {
    ViewCol {
        key,
        expr,
        kind,
        sort: None,
    }
}

/// A column of names, sorted by their reading (五十音順), not by the code points of kanji.
pub(super) const fn name_col(
    key: &'static str,
    expr: &'static str,
    reading: &'static str,
) -> ViewCol {
    ViewCol {
        key,
        expr,
        kind: ColKind::Text,
        sort: Some(reading),
    }
}

/// One list a tab can show.
#[derive(Debug)]
pub struct ViewDef {
    /// Catalogue key of the view's name (`view.<name>`), and the record table it edits.
    pub name: &'static str,
    pub table: &'static str,
    /// FROM clause; the record table is `t`, its person (if any) `s`.
    pub(super) from: &'static str,
    /// The same rows with the table the usual sort columns come from as the outer loop
    /// (its alias the second word: `staff s`, `ojt_logs t`) and every join in order
    /// (`CROSS JOIN`): sorted by one of its columns, a list then reads its window down
    /// that table's index instead of sorting every row of the year.
    pub(super) ordered: Option<&'static str>,
    /// Rows `ordered` leaves out, having no row in its outer table (a section's own PDCA
    /// cycles, a person without a supervisor): read after the others, where their empty
    /// sort key puts them.
    pub(super) unowned: Option<&'static str>,
    pub columns: &'static [ViewCol],
    /// The column holding the person a row belongs to (for person focus).
    pub(super) staff: Option<&'static str>,
    /// The column holding the unit a row belongs to (for unit scope).
    pub(super) unit: Option<&'static str>,
    pub(super) fiscal_year: Option<&'static str>,
    /// The state column, and the label group of its codes.
    pub state: Option<(&'static str, &'static str)>,
    pub default_sort: usize,
    /// Newest first (the audit log).
    pub default_desc: bool,
}

/// A list is its name: there is one definition of each.
impl PartialEq for ViewDef {
    fn eq(&self, other: &ViewDef) -> bool {
        self.name == other.name
    }
}

impl ViewDef {
    pub fn has_fiscal_year(&self) -> bool {
        self.fiscal_year.is_some()
    }
    /// A worklist names the year in its condition: it lists one year's work, never all.
    pub fn is_worklist(&self) -> bool {
        self.fiscal_year.is_some_and(|c| c.contains("{fy}"))
    }
    pub fn has_person(&self) -> bool {
        self.staff.is_some()
    }
}

/// What a list shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewQuery {
    /// Only this person's rows.
    pub staff: Option<Id>,
    /// Only rows of these units (a subtree).
    pub units: Option<Vec<Id>>,
    pub fiscal_year: Option<FiscalYear>,
    pub state: Option<String>,
    /// Only these people (search results).
    pub people: Option<Vec<Id>>,
    pub sort: usize,
    pub desc: bool,
    /// What the account may see; rows outside it do not exist for the query.
    pub visible: super::scope::Visibility,
    /// The day worklists count from (overdue, tenure): the caller's clock, never read
    /// here.
    pub today: Date,
    /// The day 定数・現員 counts on, as the clerk chose it (`None`: the default day of
    /// the year in view, `staffing::day_in_view`). Its fiscal year is the year in view.
    pub as_of: Option<Date>,
    /// The moves a plan check found problems in (`{flagged}`), once it has run.
    pub flagged: Option<std::sync::Arc<Flagged>>,
}

impl ViewQuery {
    /// Everything, in the default order, as of `today`.
    pub fn on(today: Date) -> ViewQuery {
        ViewQuery {
            staff: None,
            units: None,
            fiscal_year: None,
            state: None,
            people: None,
            sort: 0,
            desc: false,
            visible: Default::default(),
            today,
            as_of: None,
            flagged: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ViewRow {
    pub id: Id,
    pub cells: Vec<Cell>,
    /// The value the list is sorted by, as read: the next window starts after it.
    pub(super) key: Value,
    /// On the roster of a unit, a person there by a post beside their main one: its kind
    /// and that unit's name (`Db::mark_beside`).
    pub beside: Option<(crate::domain::post::AssignmentKind, String)>,
}

impl ViewRow {
    /// A row as the window statements select it: the id, each column's cell, then the
    /// sort key.
    pub(super) fn read(r: &rusqlite::Row, width: usize) -> rusqlite::Result<ViewRow> {
        let mut cells = Vec::with_capacity(width);
        for i in 0..width {
            cells.push(cell_of(r.get_ref(i + 1)?));
        }
        Ok(ViewRow {
            id: r.get(0)?,
            cells,
            key: r.get(width + 1)?,
            beside: None,
        })
    }
}

/// Every list, in the order the tabs show them.
pub static VIEWS: &[&ViewDef] = &[
    &records::STAFF,
    &leaves::LEAVES,
    &records::SELF_REPORTS,
    &worklists::SELF_REPORTS_MISSING,
    &records::QUALIFICATIONS,
    &records::INTERVIEWS,
    &exams::EXAM_KINDS,
    &exams::EXAMS,
    &exams::EXAM_ELIGIBILITY,
    &exams::EXAM_ENTRIES,
    &exams::EXAM_POOL,
    &records::EVALUATIONS,
    &records::THEMES,
    &records::ASSIGNMENTS,
    &worklists::LONG_TENURE,
    &appointments::RETIREMENTS_DUE,
    &appointments::POST_LIMIT_DUE,
    &appointments::FISCAL_TERMS_ENDING,
    &posts::POSTS,
    &transfer::TRANSFER_PLANS,
    &transfer::TRANSFER_MOVES,
    &records::ENROLMENTS,
    &registers::SESSIONS,
    &registers::COURSES,
    &registers::REQUIREMENTS,
    &worklists::REQUIRED_MISSING,
    &records::OJT,
    &registers::OJT_LOGS,
    &records::AWARDS,
    &records::COMPLIANCE,
    &worklists::COMPLIANCE_OVERDUE,
    &registers::INCIDENTS,
    &registers::CONSULTATIONS,
    &registers::COMPLAINTS,
    &records::PDCA,
    &registers::SURVEYS,
    &registers::ACCOUNTS,
    &registers::AUDIT,
    &registers::CALENDAR,
    &registers::EVAL_PERIODS,
    &reorg::REORG_PLANS,
    &reorg::REORG_STEPS,
];

/// The person of a row and their unit, as most lists show them.
const STAFF_NO: ViewCol = col("staff_no", "s.staff_no", ColKind::Text);
const FULL_NAME: ViewCol = name_col(
    "full_name",
    "s.family_name || ' ' || s.given_name",
    "s.family_kana || s.given_kana",
);
const UNIT: ViewCol = col("unit", "u.name", ColKind::Text);

/// The list of a catalogue name, for tests and scripts; the screens name their lists
/// through the app's registry (`app::view`).
pub fn view(name: &str) -> Option<&'static ViewDef> {
    VIEWS.iter().copied().find(|v| v.name == name)
}

impl ViewDef {
    pub(super) fn where_clause(&self, q: &ViewQuery, params: &mut Vec<Value>) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let (Some(staff), Some(col)) = (q.staff, self.staff) {
            params.push(Value::Integer(staff));
            let p = format!("?{}", params.len());
            if col.contains("?STAFF") {
                parts.push(format!("{} IS NOT NULL", col.replace("?STAFF", &p)));
            } else {
                parts.push(format!("{col} = {p}"));
            }
        }
        if let (Some(units), Some(col)) = (&q.units, self.unit) {
            parts.push(self.in_units(col, units, q));
        }
        if let (Some(people), Some(col)) = (&q.people, self.staff)
            && !col.contains("?STAFF")
        {
            parts.push(format!("{col} IN ({})", id_list(people)));
        }
        match (q.fiscal_year, self.fiscal_year) {
            // A worklist's condition names the year itself (see `bind`).
            (_, Some(cond)) if cond.contains("{fy}") => parts.push(format!("({cond})")),
            (Some(fy), Some(col)) => {
                params.push(Value::Integer(fy as i64));
                parts.push(format!("{col} = ?{}", params.len()));
            }
            _ => {}
        }
        if let (Some(state), Some((col, _))) = (&q.state, self.state) {
            params.push(Value::Text(state.clone()));
            parts.push(format!("{col} = ?{}", params.len()));
        }
        if let Some(c) = self.seen(&q.visible) {
            parts.push(c);
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", parts.join(" AND "))
        }
    }
}

impl Db {
    /// Every row of a view in the order asked for, streamed to `each` (exports of what a
    /// list shows; no page limit, nothing held).
    pub fn view_each(
        &self,
        v: &ViewDef,
        q: &ViewQuery,
        mut each: impl FnMut(&[Cell]) -> Result<()>,
    ) -> Result<()> {
        let mut params = Vec::new();
        let wh = v.where_clause(q, &mut params);
        let cols: Vec<&str> = v.columns.iter().map(|c| c.expr).collect();
        let sql = self.bind(
            format!(
                "SELECT {} FROM {} {wh} ORDER BY {}",
                cols.join(", "),
                v.from,
                v.order_by(q, false)
            ),
            q,
        )?;
        let mut st = self.conn().prepare(&sql)?;
        let mut rows = st.query(rusqlite::params_from_iter(params))?;
        let mut cells = Vec::with_capacity(cols.len());
        while let Some(r) = rows.next()? {
            cells.clear();
            for i in 0..cols.len() {
                cells.push(cell_of(r.get_ref(i)?));
            }
            each(&cells)?;
        }
        Ok(())
    }

    /// The position of a row in a view (to keep the selection on it after a save).
    pub fn view_position(&self, v: &ViewDef, q: &ViewQuery, id: Id) -> Result<Option<usize>> {
        // Small views only; large ones keep the offset instead.
        let total = self.view_count(v, q)?;
        if total > 20_000 {
            return Ok(None);
        }
        let rows = self.view_rows(v, q, 0, total as usize)?;
        Ok(rows.iter().position(|r| r.id == id))
    }
}
