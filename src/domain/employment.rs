//! Employment kinds (任用形態): how a person is appointed. Regular staff are a ward's
//! core; 再任用 and 定年前再任用短時間勤務 follow 定年; 会計年度任用職員 (since April 2020)
//! are appointed one fiscal year at a time, full-time or part-time.

use super::date::fiscal_year_end;
use super::{Check, Date, Problem};
use crate::code_enum;

code_enum! {
    /// 任用形態.
    pub enum EmploymentKind {
        Regular = "regular",
        ReappointedFull = "reappointed_full",
        ReappointedShort = "reappointed_short",
        PreRetirementShort = "pre_retirement_short",
        ProvisionalReappointed = "provisional_reappointed",
        FixedTerm = "fixed_term",
        Temporary = "temporary",
        FiscalFull = "fiscal_year_full",
        FiscalPart = "fiscal_year_part",
    }
}

/// A full-time week: 7 hours 45 minutes on five days.
pub const FULL_WEEK_HOURS: f64 = 38.75;

impl EmploymentKind {
    /// 会計年度任用職員: appointed within one fiscal year, renewed (or not) each April.
    pub fn is_fiscal_year(self) -> bool {
        matches!(
            self,
            EmploymentKind::FiscalFull | EmploymentKind::FiscalPart
        )
    }
    /// Kinds whose week is shorter than a full-time one.
    pub fn is_short_time(self) -> bool {
        matches!(
            self,
            EmploymentKind::ReappointedShort
                | EmploymentKind::PreRetirementShort
                | EmploymentKind::FiscalPart
        )
    }
}

impl EmploymentKind {
    /// Kinds that end at 定年: the regular post, and 定年前再任用短時間勤務 whose term runs
    /// to the day the person would have retired. 再任用 and the fixed-term kinds end with
    /// their term instead.
    pub fn retires_at_teinen(self) -> bool {
        matches!(
            self,
            EmploymentKind::Regular | EmploymentKind::PreRetirementShort
        )
    }
    /// Kinds appointed for a term that ends on a known day: 再任用 (a year at a time),
    /// 任期付, 臨時的任用, 会計年度任用. The regular post and 定年前再任用短時間勤務 run to
    /// 定年 instead.
    pub fn has_term(self) -> bool {
        !self.retires_at_teinen()
    }
}

/// The terms of a person's appointment, as the staff record keeps them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Terms {
    pub kind: EmploymentKind,
    pub weekly_hours: f64,
    pub term_start: Option<Date>,
    pub term_end: Option<Date>,
    /// Renewals of a 会計年度任用 appointment so far (0 for the first year).
    pub renewals: i64,
}

impl Terms {
    /// Each problem named by its field: full-time kinds work a full week, short-time kinds
    /// less (and more than nothing); a term is given where the kind has one and only
    /// there; a 会計年度任用 term lies within one fiscal year.
    pub fn check(&self, c: &mut Check) {
        let h = self.weekly_hours;
        if self.kind.is_short_time() {
            if !(h > 0.0 && h < FULL_WEEK_HOURS) {
                c.add(
                    "weekly_hours",
                    Problem::Rule {
                        rule: "weekly_hours_short",
                    },
                );
            }
        } else if (h - FULL_WEEK_HOURS).abs() > 1e-9 {
            c.add(
                "weekly_hours",
                Problem::Rule {
                    rule: "weekly_hours_full",
                },
            );
        }
        if self.kind.has_term() {
            if self.term_end.is_none() {
                c.add("term_end", Problem::Required);
            }
            if self.kind.is_fiscal_year() && self.term_start.is_none() {
                c.add("term_start", Problem::Required);
            }
        } else {
            for (field, v) in [("term_start", self.term_start), ("term_end", self.term_end)] {
                if v.is_some() {
                    c.add(
                        field,
                        Problem::Rule {
                            rule: "term_not_of_kind",
                        },
                    );
                }
            }
        }
        c.opt_date("term_start", self.term_start)
            .opt_date("term_end", self.term_end)
            .order("term_start", self.term_start, "term_end", self.term_end);
        if self.kind.is_fiscal_year()
            && let (Some(s), Some(e)) = (self.term_start, self.term_end)
            && e >= s
            && e > fiscal_year_end(s.fiscal_year())
        {
            c.add(
                "term_end",
                Problem::Rule {
                    rule: "term_in_fiscal_year",
                },
            );
        }
        if self.kind.is_fiscal_year() {
            c.range("renewals", self.renewals, 0, 99);
        } else if self.renewals != 0 {
            c.add(
                "renewals",
                Problem::Rule {
                    rule: "renewals_fiscal_only",
                },
            );
        }
    }
}

/// What the April after a 会計年度任用 term needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextTerm {
    /// 更新: the same person appointed again without an open call.
    Renewal,
    /// 公募: the post is put to an open call (the person may apply).
    OpenCall,
}

impl NextTerm {
    pub fn code(self) -> &'static str {
        match self {
            NextTerm::Renewal => "renewal",
            NextTerm::OpenCall => "open_call",
        }
    }
}

/// After `before_open_call` renewals (the ward's rule, often 2) the next April is a 公募.
pub fn next_term(renewals: i64, before_open_call: i64) -> NextTerm {
    if renewals >= before_open_call {
        NextTerm::OpenCall
    } else {
        NextTerm::Renewal
    }
}
