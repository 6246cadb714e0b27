//! 役職定年 (管理監督職勤務上限年齢制) under the 2023 amendment of 地方公務員法: the day a
//! 管理監督職 leaves the post at 60, and which positions the ward's rule reaches.

use super::Date;
use super::staff::Position;

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
