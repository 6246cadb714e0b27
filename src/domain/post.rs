//! Posts (定数) and the kinds of assignment. A unit's 定数 is set per fiscal year and per
//! class of post (部長級, 課長級, 係長級, 一般) plus its budget of 会計年度任用 positions;
//! 現員 against it gives 欠員 (vacancies) or 過員 (people over it).

use super::employment::EmploymentKind;
use super::staff::Position;
use super::{Check, FiscalYear, Id, Invalid, Validate};
use crate::code_enum;

code_enum! {
    /// 職層: the class of post a 定数 counts. `FiscalYear` is the unit's budget of
    /// 会計年度任用 positions, which those people count against whatever their position.
    pub enum PostClass {
        Director = "director",
        SectionChief = "section_chief",
        TeamChief = "team_chief",
        General = "general",
        FiscalYear = "fiscal_year",
    }
}

code_enum! {
    /// 本務 / 兼務 / 事務取扱 / 事務代理: a person's one main post, and the posts held beside it.
    pub enum AssignmentKind {
        Main = "main",
        Concurrent = "concurrent",
        ActingDuties = "acting_duties",
        Deputy = "deputy",
    }
}

impl AssignmentKind {
    pub fn is_main(self) -> bool {
        self == AssignmentKind::Main
    }
}

impl Position {
    /// The class of post the position fills: 課長補佐 sits with the 係長 at 係長級.
    pub fn class(self) -> PostClass {
        match self {
            Position::Director => PostClass::Director,
            Position::SectionChief => PostClass::SectionChief,
            Position::DeputyChief | Position::TeamChief => PostClass::TeamChief,
            Position::Senior | Position::Clerk | Position::Engineer => PostClass::General,
        }
    }
}

/// The 定数 a person counts against: 会計年度任用職員 against the unit's budget of those
/// positions, everyone else against their position's class.
pub fn counted_class(position: Position, kind: EmploymentKind) -> PostClass {
    if kind.is_fiscal_year() {
        PostClass::FiscalYear
    } else {
        position.class()
    }
}

/// One unit's 定数 of one class in one fiscal year.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct UnitPost {
    pub id: Id,
    pub unit_id: Id,
    pub fiscal_year: FiscalYear,
    pub class: PostClass,
    pub count: i64,
    pub version: i64,
}

impl Validate for UnitPost {
    fn validate(&self) -> Result<(), Invalid> {
        Check::new()
            .id("unit_code", self.unit_id)
            .fiscal_year("fiscal_year", self.fiscal_year)
            .range("count", self.count, 0, 9999)
            .finish()
    }
}

/// 定数 against 現員: the vacancies (欠員) when positive, the people over it (過員) when
/// negative.
pub fn vacancies(posts: i64, present: i64) -> (i64, i64) {
    let gap = posts - present;
    (gap.max(0), (-gap).max(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_position_fills_its_class() {
        use Position as P;
        use PostClass as C;
        let want = [
            (P::Director, C::Director),
            (P::SectionChief, C::SectionChief),
            (P::DeputyChief, C::TeamChief),
            (P::TeamChief, C::TeamChief),
            (P::Senior, C::General),
            (P::Clerk, C::General),
            (P::Engineer, C::General),
        ];
        assert_eq!(want.len(), P::ALL.len());
        for (p, c) in want {
            assert_eq!(p.class(), c, "{p}");
        }
    }

    #[test]
    fn fiscal_year_appointees_count_against_their_budget() {
        assert_eq!(
            counted_class(Position::Clerk, EmploymentKind::FiscalPart),
            PostClass::FiscalYear
        );
        assert_eq!(
            counted_class(Position::Clerk, EmploymentKind::ReappointedShort),
            PostClass::General
        );
        assert_eq!(
            counted_class(Position::TeamChief, EmploymentKind::Regular),
            PostClass::TeamChief
        );
    }

    #[test]
    fn a_gap_is_vacancies_or_people_over() {
        assert_eq!(vacancies(5, 3), (2, 0));
        assert_eq!(vacancies(3, 5), (0, 2));
        assert_eq!(vacancies(4, 4), (0, 0));
    }
}
