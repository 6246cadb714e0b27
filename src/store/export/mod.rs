//! Exports: every kind as rows of text cells under stable snake_case headers.
//!
//! Each kind is one SQL query whose columns are its headers, in order. Foreign keys come
//! out as human keys (staff_no, unit_code, course_code), never internal ids, except where
//! the id is itself the key (award, incident, PDCA cycle, audit row). Every query ends
//! in an ORDER BY that is total (it ends in a unique column), so two exports of the same
//! data are the same bytes. Rows are streamed: nothing holds a whole table.
//!
//! An export shows what the account may see (DESIGN "Who sees what"): each kind says
//! whose its rows are ([`Access`]), and a row none of whose owners is visible is simply
//! not in the file. Reference data (units, courses, sessions, surveys) is whole.

//!
//! Here: what every kind is made of (`ExportKind`, `Access`, its owners) and how a kind's
//! query is cut down to a reader. `kinds` holds the kinds themselves (their headers and
//! SQL); `rows` streams a kind's rows out of the database. Turning the rows into a file
//! (CSV, XLSX, JSON, the headers' titles) is above the store: the sheet writers and the
//! `jinji export` command.

mod exams;
mod kinds;
mod placement;
mod rows;

use std::borrow::Cow;

pub use kinds::{KINDS, kind, kind_names};
pub use placement::POSTS_AS_OF;

use super::scope::Visibility;

/// Where an owned kind's query takes the visibility condition: `WHERE ?SCOPE`, after its
/// joins and before its ORDER BY.
const SCOPE: &str = "?SCOPE";

/// One owner of a row: a person (their id and the unit they belong to) or a unit, as SQL
/// expressions over the kind's query.
#[derive(Debug, Clone, Copy)]
pub struct Owner {
    person: Option<&'static str>,
    unit: Option<&'static str>,
}

/// A person owns the row: `id` is their staff id, `unit` their current unit. They are
/// visible when listed among the account's people or in one of its units.
const fn person(id: &'static str, unit: &'static str) -> Owner {
    Owner {
        person: Some(id),
        unit: Some(unit),
    }
}

/// A unit owns the row (a unit's PDCA cycle, a unit's award).
const fn unit(col: &'static str) -> Owner {
    Owner {
        person: None,
        unit: Some(col),
    }
}

/// Who may have a kind's rows.
#[derive(Debug, Clone, Copy)]
pub enum Access {
    /// Reference data, whole for every account: units, courses, sessions, surveys.
    Whole,
    /// Personal rows: a row is in the file when any of its owners is visible. The query
    /// holds `WHERE ?SCOPE` where the condition goes.
    Owned(&'static [Owner]),
    /// The HR office's own register (incidents): admin and hr only.
    Hr,
    /// Admin only: accounts and the audit log.
    Admin,
}

/// One exportable kind: its name on the command line, its headers, its query, and who
/// may have its rows.
pub struct ExportKind {
    pub name: &'static str,
    pub headers: &'static [&'static str],
    pub access: Access,
    sql: &'static str,
}

/// The tree of units as it was on a day (`jinji export units --as-of DATE`): each unit's
/// name, reading, parent and kind of then; units not yet founded or already abolished
/// left out. The same headers as `units`, so the file imports back.
pub static UNITS_AS_OF: ExportKind = ExportKind {
    name: "units",
    access: Access::Whole,
    headers: &[
        "unit_code",
        "name",
        "parent_code",
        "kind",
        "kana",
        "valid_from",
        "valid_to",
    ],
    sql: "SELECT u.code, coalesce(v.name, u.name), p.code, coalesce(v.kind, u.kind),
                 coalesce(v.kana, u.kana), u.valid_from, u.valid_to
          FROM units u
          LEFT JOIN unit_versions v ON v.id = (SELECT x.id FROM unit_versions x
              WHERE x.unit_id = u.id AND x.valid_to > :day ORDER BY x.valid_to LIMIT 1)
          LEFT JOIN units p ON p.id = CASE WHEN v.id IS NULL THEN u.parent_id ELSE v.parent_id END
          WHERE (u.valid_from IS NULL OR u.valid_from <= :day)
            AND (u.valid_to IS NULL OR u.valid_to > :day)
          ORDER BY u.code",
};

impl ExportKind {
    /// The query for what `visible` may see; `None` when nothing of this kind is.
    fn sql_for(&self, visible: &Visibility) -> Option<Cow<'static, str>> {
        match (self.access, visible) {
            (Access::Whole, _) => Some(Cow::Borrowed(self.sql)),
            (Access::Hr | Access::Admin, Visibility::All) => Some(Cow::Borrowed(self.sql)),
            (Access::Hr | Access::Admin, Visibility::Some { .. }) => None,
            (Access::Owned(owners), _) => {
                let cond = owned_condition(owners, visible);
                Some(Cow::Owned(self.sql.replacen(SCOPE, &cond, 1)))
            }
        }
    }
}

/// The condition that a row with `owners` is visible: "1" when everything is, else
/// the owners' conditions joined by OR (each unit by `IN (ids)`, each person by
/// `IN (ids)` or their unit's), "0" when none can be.
fn owned_condition(owners: &[Owner], visible: &Visibility) -> String {
    if visible.is_all() {
        return "1".into();
    }
    let parts: Vec<String> = owners
        .iter()
        .filter_map(|o| {
            let people_in = o
                .person
                .map(|col| move |list: &str| format!("{col} IN ({list})"));
            let people_in = people_in.as_ref().map(|f| f as &dyn Fn(&str) -> String);
            visible.condition(o.unit, people_in)
        })
        .filter(|c| c != "0")
        .collect();
    if parts.is_empty() {
        "0".into()
    } else {
        format!("({})", parts.join(" OR "))
    }
}

impl std::fmt::Debug for ExportKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportKind")
            .field("name", &self.name)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_kinds_take_the_condition_once_and_the_others_never() {
        for k in KINDS {
            let n = k.sql.matches(SCOPE).count();
            match k.access {
                Access::Owned(owners) => {
                    assert_eq!(n, 1, "{}: one `WHERE ?SCOPE`", k.name);
                    assert!(k.sql.contains("WHERE ?SCOPE\n"), "{}", k.name);
                    assert!(!owners.is_empty(), "{}", k.name);
                }
                _ => assert_eq!(n, 0, "{}", k.name),
            }
        }
    }

    #[test]
    fn the_condition_lists_units_and_people() {
        let owners = [person("s.id", "s.unit_id"), unit("p.owner_unit_id")];
        assert_eq!(owned_condition(&owners, &Visibility::All), "1");
        let v = Visibility::Some {
            units: vec![3, 4],
            people: vec![9],
            me: None,
        };
        assert_eq!(
            owned_condition(&owners, &v),
            "((s.unit_id IN (3,4) OR s.id IN (9)) OR (p.owner_unit_id IN (3,4)))"
        );
        let me = Visibility::Some {
            units: vec![],
            people: vec![9],
            me: None,
        };
        assert_eq!(owned_condition(&owners, &me), "((s.id IN (9)))");
        let none = Visibility::Some {
            units: vec![],
            people: vec![],
            me: None,
        };
        assert_eq!(owned_condition(&owners, &none), "0");
    }
}
