//! What the plan check reads of the ward that parts 1–3 of issue 20 change: who is away
//! on a day, who leaves before it, and the 定数 of a unit. Each rule reads the ward only
//! through these, so that swapping one in changes no rule.

use crate::domain::staff::{Staff, StaffStatus};
use crate::domain::{Date, FiscalYear, Id};
use crate::store::{Db, Result};

// --- Sources that parts 1–3 of issue 20 replace. Each rule below reads the ward only
// --- through these, so that swapping one in changes no rule.

/// Whether a person is away (休職・休業・派遣) on `day`.
// Part 2 (leave as periods) replaces this with the person's leave on the day.
pub(super) fn away_on(s: &Staff, _day: Date) -> bool {
    matches!(s.status, StaffStatus::Leave | StaffStatus::Seconded)
}

/// The day a person leaves the ward, when that is before `day`.
// Part 1 (定年) adds the 定年退職日: this takes the earlier of it and `retire_date`.
pub(super) fn leaves_before(s: &Staff, day: Date) -> Option<Date> {
    match (s.status, s.retire_date) {
        (_, Some(r)) if r < day => Some(r),
        (StaffStatus::Retired, r) => Some(r.unwrap_or(day)),
        _ => None,
    }
}

impl Db {
    /// The 定数 of a unit for a class of post in a fiscal year.
    // Part 3 (定数) replaces this with the ward's posts; until then no unit has any and
    // the rule over 定数 is silent.
    pub(super) fn posts_of(
        &self,
        _unit: Id,
        _class: &'static str,
        _fy: FiscalYear,
    ) -> Result<Option<i64>> {
        Ok(None)
    }
}
