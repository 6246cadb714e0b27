//! Leave and absence (休職・休業・休暇) as periods: a kind, a first day and a last day (or
//! none yet). A person's status on any day follows from their leaves: away on a leave
//! that takes whole days → 休職 (or 派遣中 for a dispatch to a public-interest body);
//! 部分休業 and 育児短時間勤務 shorten the day but keep the person at work.

use super::staff::StaffStatus;
use super::{Check, Date, Id, Invalid, Problem, Validate};
use crate::code_enum;

code_enum! {
    /// 休職・休業の種別.
    pub enum LeaveKind {
        ChildcareLeave = "childcare_leave",
        PartialLeave = "partial_leave",
        ChildcareShortHours = "childcare_short_hours",
        FamilyCareLeave = "family_care_leave",
        SickLeave = "sick_leave",
        SickSuspension = "sick_suspension",
        SelfDevelopment = "self_development_leave",
        SpouseAccompany = "spouse_accompany_leave",
        PublicInterestDispatch = "public_interest_dispatch",
        UnionFullTime = "union_full_time",
        Suspension = "suspension",
    }
}

/// Where a leave stands on a day (the 休職・休業 list's filter): in effect (現在休業中),
/// still to come, or ended.
pub const LEAVE_STATES: &[&str] = &["current", "upcoming", "ended"];

/// 病気休暇: up to 90 days (人事院規則 15-14 and the wards' rules that follow it).
pub const SICK_LEAVE_MAX_DAYS: i64 = 90;
/// 病気休職 (分限): up to 3 years (地方公務員法 28条 and the wards' 条例).
pub const SICK_SUSPENSION_MAX_YEARS: i32 = 3;

impl LeaveKind {
    /// Whether the person is away from work whole days (部分休業 and 育児短時間勤務 work
    /// shorter days instead).
    pub fn is_away(self) -> bool {
        !matches!(
            self,
            LeaveKind::PartialLeave | LeaveKind::ChildcareShortHours
        )
    }

    /// The status a leave of this kind gives while it runs.
    pub fn status(self) -> StaffStatus {
        match self {
            LeaveKind::PublicInterestDispatch => StaffStatus::Seconded,
            k if k.is_away() => StaffStatus::Leave,
            _ => StaffStatus::Active,
        }
    }

    /// The kinds long service excludes unless the ward says otherwise: the 休職 kinds and
    /// 停職 (time under them is not service; 育児休業 and the others count).
    pub const SERVICE_EXCLUDED: &'static [LeaveKind] = &[
        LeaveKind::SickSuspension,
        LeaveKind::SelfDevelopment,
        LeaveKind::SpouseAccompany,
        LeaveKind::UnionFullTime,
        LeaveKind::Suspension,
    ];
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Leave {
    pub id: Id,
    pub staff_id: Id,
    pub kind: LeaveKind,
    pub start_date: Date,
    /// `None` while the end is not yet known.
    pub end_date: Option<Date>,
    pub note: String,
    pub version: i64,
}

impl Leave {
    /// Whether the leave runs on `day`.
    pub fn covers(&self, day: Date) -> bool {
        self.start_date <= day && self.end_date.is_none_or(|e| day <= e)
    }

    /// Whether two leaves share at least one day.
    pub fn overlaps(&self, other: &Leave) -> bool {
        super::date::periods_overlap(
            (self.start_date, self.end_date),
            (other.start_date, other.end_date),
        )
    }

    /// Whether the two may not run at once: two leaves that take whole days, or two of
    /// one kind.
    pub fn clashes(&self, other: &Leave) -> bool {
        self.id != other.id
            && (self.kind == other.kind || self.kind.is_away() && other.kind.is_away())
            && self.overlaps(other)
    }

    /// Days of this leave within `from..=to` (0 when it falls outside).
    pub fn days_within(&self, from: Date, to: Date) -> i64 {
        let start = self.start_date.max(from);
        let end = self.end_date.map_or(to, |e| e.min(to));
        (end.days_since(start) + 1).max(0)
    }
}

impl Validate for Leave {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("staff_no", self.staff_id)
            .date("start_date", self.start_date)
            .opt_date("end_date", self.end_date)
            .order(
                "start_date",
                Some(self.start_date),
                "end_date",
                self.end_date,
            )
            .note("note", &self.note, 400);
        if let Some(end) = self.end_date.filter(|e| *e >= self.start_date) {
            match self.kind {
                LeaveKind::SickLeave
                    if self.days_within(self.start_date, end) > SICK_LEAVE_MAX_DAYS =>
                {
                    c.add(
                        "end_date",
                        Problem::Threshold {
                            rule: "sick_leave_days",
                            value: SICK_LEAVE_MAX_DAYS,
                        },
                    );
                }
                LeaveKind::SickSuspension
                    if end >= self.start_date.add_years(SICK_SUSPENSION_MAX_YEARS) =>
                {
                    c.add(
                        "end_date",
                        Problem::Threshold {
                            rule: "sick_suspension_years",
                            value: SICK_SUSPENSION_MAX_YEARS as i64,
                        },
                    );
                }
                _ => {}
            }
        }
        c.finish()
    }
}

/// The leave that takes the person away on `day`, if any (the leaves of one person).
pub fn away_on(leaves: &[Leave], day: Date) -> Option<&Leave> {
    leaves.iter().find(|l| l.kind.is_away() && l.covers(day))
}

/// The person's status on `day` by their leaves: 退職 stays 退職 (a retirement is not
/// undone by a leave), else the status of the leave that takes them away, else 在職.
pub fn status_on(leaves: &[Leave], day: Date, current: StaffStatus) -> StaffStatus {
    if current == StaffStatus::Retired {
        return StaffStatus::Retired;
    }
    away_on(leaves, day).map_or(StaffStatus::Active, |l| l.kind.status())
}

/// Days within `from..=to` on which the person is away whole days (a day counted once
/// even if two records cover it), of the kinds `counts` accepts.
pub fn days_away(
    leaves: &[Leave],
    from: Date,
    to: Date,
    counts: impl Fn(LeaveKind) -> bool,
) -> i64 {
    let mut spans: Vec<(Date, Date)> = leaves
        .iter()
        .filter(|l| l.kind.is_away() && counts(l.kind))
        .filter(|l| l.days_within(from, to) > 0)
        .map(|l| (l.start_date.max(from), l.end_date.map_or(to, |e| e.min(to))))
        .collect();
    spans.sort();
    let mut total = 0;
    let mut reached: Option<Date> = None;
    for (s, e) in spans {
        let s = reached.map_or(s, |r| s.max(r.add_days(1)));
        if e >= s {
            total += e.days_since(s) + 1;
        }
        reached = Some(reached.map_or(e, |r| r.max(e)));
    }
    total
}

/// Whether a person away `away` days of a period of `days` days exceeds the ward's limit
/// (`limit_percent` of the period): such a person is not evaluated for it.
pub fn over_absence_limit(away: i64, days: i64, limit_percent: i64) -> bool {
    away * 100 > days * limit_percent
}
