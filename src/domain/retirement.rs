//! 定年 and 役職定年 under the 2023 amendment of 地方公務員法: the day a person retires
//! at the retirement age, and the day a 管理監督職 leaves the post at 60.

use super::staff::Position;
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

/// 役職定年 (管理監督職勤務上限年齢制), in force from 2023-04-01: a 管理監督職 leaves the post
/// on the first 1 April on or after the 60th birthday, that is, the first 1 April after
/// the day they reach 60 in law.
pub fn post_limit_date(birth: Date) -> Date {
    let sixty = birth.add_years(60);
    if (sixty.month(), sixty.day()) <= (4, 1) {
        Date::from_ymd(sixty.year(), 4, 1)
    } else {
        Date::from_ymd(sixty.year() + 1, 4, 1)
    }
}

/// The first 1 April the post age limit applied.
pub const POST_LIMIT_FROM: (i32, u32, u32) = (2023, 4, 1);

/// A 管理監督職 under the ward's rule: positions at or above `lowest` (by default 課長級).
pub fn is_management_post(position: Position, lowest: Position) -> bool {
    position.rank() <= lowest.rank()
}

/// The lowest position the post age limit covers, from the ward rule's value (the rank of
/// the position: 0 部長級 … 3 係長級).
pub fn limit_position(rank: i64) -> Position {
    Position::ALL
        .iter()
        .copied()
        .filter(|p| i64::from(p.rank()) <= rank)
        .max_by_key(|p| p.rank())
        .unwrap_or(Position::SectionChief)
}

/// The day a person leaves a 管理監督職 under the post age limit, unless an exception
/// (特例任用) recorded until `exception_until` still holds on that day. `None` when the
/// limit does not reach them (not a 管理監督職, or the day is before the rule's start).
pub fn post_limit_due(
    birth: Date,
    position: Position,
    lowest: Position,
    exception_until: Option<Date>,
) -> Option<Date> {
    let (y, m, d) = POST_LIMIT_FROM;
    let day = post_limit_date(birth);
    let excepted = exception_until.is_some_and(|until| until >= day);
    (is_management_post(position, lowest) && day >= Date::from_ymd(y, m, d) && !excepted)
        .then_some(day)
}
