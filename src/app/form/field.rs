//! What a form field is: the record's key, its label, and the kind of value it takes.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// May hold line breaks (typed as-is; pasted text keeps them).
    Note,
    Date,
    OptDate,
    Int,
    OptInt,
    /// A fiscal year, kept as the year it starts in; typed as `2026`, `令和8年度` or `R8`.
    FiscalYear,
    Real,
    OptReal,
    Bool,
    /// A code from a label group; Space or ←/→ cycles through `codes`.
    Code(&'static str, &'static [&'static str]),
    /// An optional code (empty allowed).
    OptCode(&'static str, &'static [&'static str]),
    /// A person, typed as a staff number.
    Staff,
    OptStaff,
    /// A unit, typed as its code.
    Unit,
    OptUnit,
    /// A training session, typed as its course code and start date (`CMP01 2026-06-01`).
    Session,
    /// A course, typed as its code.
    Course,
    /// A kind of promotion selection, by its code.
    ExamKind,
    /// Several people, typed as staff numbers separated by spaces or commas.
    StaffList,
}

impl FieldKind {
    /// A field that names another record (a person, a unit, a course, a session): it is
    /// chosen from a picker, and shows the chosen thing's name beside its code.
    pub fn is_reference(self) -> bool {
        matches!(
            self,
            FieldKind::Staff
                | FieldKind::OptStaff
                | FieldKind::StaffList
                | FieldKind::Unit
                | FieldKind::OptUnit
                | FieldKind::Session
                | FieldKind::Course
                | FieldKind::ExamKind
        )
    }
}

/// A field of a record's form.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    /// The record's field (JSON key).
    pub name: &'static str,
    /// The label (`col.<key>`), also the name validation uses for this field.
    pub key: &'static str,
    pub kind: FieldKind,
}

pub const fn field(name: &'static str, key: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec { name, key, kind }
}
