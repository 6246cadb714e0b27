//! What the plan check reads of a person beside their leaves: a status that says they are
//! away (the day they leave the ward is `Staff::leaves_before`).

use crate::domain::Date;
use crate::domain::leave::{self, Leave};
use crate::domain::plan_check::Arg;
use crate::domain::staff::{Staff, StaffStatus};

/// What takes a person away on `day`, for the problem's sentence: the leave of theirs in
/// effect (育児休業 …); for someone with no leave on record, a status that says away (set
/// by hand, or kept by a file from before leaves had periods).
pub(super) fn away_on(leaves: &[Leave], s: &Staff, day: Date) -> Option<Arg> {
    if leaves.is_empty() {
        return matches!(s.status, StaffStatus::Leave | StaffStatus::Seconded)
            .then(|| Arg::Label("status", s.status.code()));
    }
    leave::away_on(leaves, day).map(|l| Arg::Label("leave_kind", l.kind.code()))
}
