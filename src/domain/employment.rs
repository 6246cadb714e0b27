//! Employment kinds (任用形態): how a person is appointed. Regular staff are a ward's
//! core; 再任用 and 定年前再任用短時間勤務 follow 定年; 会計年度任用職員 (since April 2020)
//! are appointed one fiscal year at a time, full-time or part-time.

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
