//! Units (所属): the organisation tree 区役所 › 部 › 課 › 係, each with a code.

use super::{Check, Date, Id, Invalid, Validate};
use crate::code_enum;

code_enum! {
    /// Level in the tree. `office` is a whole ward office (区役所) when a city holds several.
    pub enum UnitKind { Office = "office", Department = "department", Section = "section", Team = "team" }
}

impl UnitKind {
    /// The kind a child of this kind has, if any.
    pub fn child(self) -> Option<UnitKind> {
        match self {
            UnitKind::Office => Some(UnitKind::Department),
            UnitKind::Department => Some(UnitKind::Section),
            UnitKind::Section => Some(UnitKind::Team),
            UnitKind::Team => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Unit {
    pub id: Id,
    pub code: String,
    pub name: String,
    pub kana: String,
    pub parent_id: Option<Id>,
    pub kind: UnitKind,
    /// The day the unit was set up; `None` when it is older than the records (a unit list
    /// from another system gives no founding date).
    pub valid_from: Option<Date>,
    /// Set when the unit is abolished; history keeps pointing at it.
    pub valid_to: Option<Date>,
    pub version: i64,
}

impl Unit {
    /// Whether the unit exists on `day`: set up by then (a unit older than the records
    /// always is).
    pub fn founded_by(&self, day: Date) -> bool {
        self.valid_from.is_none_or(|from| from <= day)
    }
}

pub fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 16
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl Validate for Unit {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        if self.code.is_empty() {
            c.add("unit_code", super::Problem::Required);
        } else if !is_code(&self.code) {
            c.add("unit_code", super::Problem::Malformed);
        }
        c.name("name", &self.name, 40)
            .opt_name("kana", &self.kana, 80)
            .opt_date("valid_from", self.valid_from)
            .opt_date("valid_to", self.valid_to)
            .order("valid_from", self.valid_from, "valid_to", self.valid_to);
        if self.parent_id == Some(self.id) && self.id != 0 {
            c.add(
                "parent_code",
                super::Problem::Rule {
                    rule: "unit_own_parent",
                },
            );
        }
        c.finish()
    }
}
