//! 定年 under the 2023 amendment of 地方公務員法: the day a person retires at the
//! retirement age. 役職定年 lives in `post_limit`, beside the positions it reaches.

use super::{Date, FiscalYear};

/// The retirement age in force for a fiscal year: raised by one year every two years
/// from FY2023 until it reaches 65 in FY2031.
pub fn retirement_age(fy: FiscalYear) -> i32 {
    match fy {
        ..=2022 => 60,
        2023..=2024 => 61,
        2025..=2026 => 62,
        2027..=2028 => 63,
        2029..=2030 => 64,
        _ => 65,
    }
}

/// The fiscal year of the amendment's coming into force (2023-04-01).
const AMENDED_FROM: FiscalYear = 2023;

/// The school-year cohort of a birthday: people born Y-04-02 … Y+1-04-01 share cohort Y.
/// In law one reaches an age on the day before the birthday, so a person born on 1 April
/// reaches each age on 31 March, in the fiscal year before.
pub fn cohort(birth: Date) -> i32 {
    if (birth.month(), birth.day()) <= (4, 1) {
        birth.year() - 1
    } else {
        birth.year()
    }
}

/// The fiscal year at whose end a cohort retires at 定年.
///
/// A cohort reaches age `n` in fiscal year `cohort + n`. It retires at the end of the
/// first fiscal year, from the one in which it turns 60, in which its age reaches the age
/// in force. The amendment came into force on 2023-04-01 and reached everyone still
/// serving then, among them those whose old 60-rule retirement day was 2023-03-31: the
/// statute's transitional table gives them 61 like the FY2023 cohort, so no fiscal year
/// before the amendment's first ends anyone's service from FY2022 on. Hence nobody
/// retires at 定年 on 31 March 2023, 2026, 2028, 2030 or 2032.
pub fn retirement_fy(cohort: i32) -> FiscalYear {
    let mut fy = cohort + 60;
    loop {
        let superseded = fy == AMENDED_FROM - 1;
        if !superseded && fy - cohort >= retirement_age(fy) {
            return fy;
        }
        fy += 1;
    }
}

/// 定年退職日: the 31 March that ends the person's service at the retirement age.
pub fn retirement_date(birth: Date) -> Date {
    Date::from_ymd(retirement_fy(cohort(birth)) + 1, 3, 31)
}

/// The age a person has reached on their retirement day.
pub fn age_at_retirement(birth: Date) -> i32 {
    let c = cohort(birth);
    retirement_fy(c) - c
}
