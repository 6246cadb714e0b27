//! What the plan check reads of the ward that parts 1–3 of issue 20 change: who is away
//! on a day, who leaves before it, and the 定数 of a unit. Each rule reads the ward only
//! through these, so that swapping one in changes no rule.

use crate::domain::Date;
use crate::domain::staff::{Staff, StaffStatus};

// --- Sources that parts 1–3 of issue 20 replace. Each rule below reads the ward only
// --- through these, so that swapping one in changes no rule.

/// Whether a person is away (休職・休業・派遣) on `day`.
// Part 2 (leave as periods) replaces this with the person's leave on the day.
pub(super) fn away_on(s: &Staff, _day: Date) -> bool {
    matches!(s.status, StaffStatus::Leave | StaffStatus::Seconded)
}

/// The day a person leaves the ward, when that is before `day`: the recorded retirement,
/// or the 定年退職日 of the kinds that end at 定年, whichever comes first.
pub(super) fn leaves_before(s: &Staff, day: Date) -> Option<Date> {
    if s.status == StaffStatus::Retired {
        return Some(s.retire_date.unwrap_or(day));
    }
    [s.retire_date, s.retirement_date()]
        .into_iter()
        .flatten()
        .filter(|d| *d < day)
        .min()
}
