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

use std::borrow::Cow;

use rusqlite::types::ValueRef;

use super::scope::Visibility;
use super::{Db, Result, StoreError};

/// One exported value. Text stays text (a staff number "00123" is never a number).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Cell {
    /// The cell as CSV text: `Null` is empty, a whole `Real` has no ".0" (8.0 → "8").
    pub fn as_text(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Int(i) => i.to_string(),
            // Display of f64 writes the shortest form that reads back: 7.5, 8, 0.1.
            Cell::Real(f) => f.to_string(),
            Cell::Text(s) => s.clone(),
        }
    }

    fn from_sql(v: ValueRef<'_>) -> Cell {
        match v {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(i) => Cell::Int(i),
            ValueRef::Real(f) => Cell::Real(f),
            ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
            // STRICT tables hold no blobs; should one appear, it is not exportable text.
            ValueRef::Blob(_) => Cell::Null,
        }
    }
}

/// A SQLite value as a cell (shared with the screens' views).
pub(crate) fn cell_of(v: ValueRef<'_>) -> Cell {
    Cell::from_sql(v)
}

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

/// Every kind, in the order `jinji export` lists them.
#[rustfmt::skip]
pub const KINDS: &[ExportKind] = &[
    ExportKind {
        name: "units",
        access: Access::Whole,
        headers: &[
            "unit_code", "name", "parent_code", "kind", "kana", "valid_from", "valid_to",
        ],
        sql: "SELECT u.code, u.name, p.code, u.kind, u.kana, u.valid_from, u.valid_to
              FROM units u LEFT JOIN units p ON p.id = u.parent_id
              ORDER BY u.code",
    },
    ExportKind {
        name: "staff",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &[
            "staff_no", "family_name", "given_name", "family_kana", "given_kana", "birth_date",
            "hire_date", "unit_code", "position", "grade", "job_type", "track", "status", "sex",
            "retire_date", "supervisor_staff_no", "email", "phone",
        ],
        sql: "SELECT s.staff_no, s.family_name, s.given_name, s.family_kana, s.given_kana,
                     s.birth_date, s.hire_date, u.code, s.position, s.grade, s.job_type, s.track,
                     s.status, s.sex, s.retire_date, sup.staff_no, s.email, s.phone
              FROM staff s JOIN units u ON u.id = s.unit_id
              LEFT JOIN staff sup ON sup.id = s.supervisor_id
              WHERE ?SCOPE
              ORDER BY s.staff_no",
    },
    ExportKind {
        name: "accounts",
        access: Access::Admin,
        headers: &["login", "staff_no", "role", "active", "created_on"],
        sql: "SELECT a.login, s.staff_no, a.role, a.active, a.created_on
              FROM accounts a LEFT JOIN staff s ON s.id = a.staff_id
              ORDER BY a.login",
    },
    ExportKind {
        name: "self_reports",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &[
            "staff_no", "fiscal_year", "submitted", "transfer_wish", "wish_unit_1",
            "wish_unit_2", "wish_unit_3", "submitted_on", "promotion_exam", "career_goal",
            "wished_fields", "self_dev_plan",
        ],
        sql: "SELECT s.staff_no, r.fiscal_year, (r.submitted_on IS NOT NULL), r.transfer_wish,
                     w1.code, w2.code, w3.code, r.submitted_on, r.promotion_exam, r.career_goal,
                     r.wished_fields, r.self_dev_plan
              FROM self_reports r JOIN staff s ON s.id = r.staff_id
              LEFT JOIN units w1 ON w1.id = r.wish_unit1_id
              LEFT JOIN units w2 ON w2.id = r.wish_unit2_id
              LEFT JOIN units w3 ON w3.id = r.wish_unit3_id
              WHERE ?SCOPE
              ORDER BY s.staff_no, r.fiscal_year",
    },
    ExportKind {
        name: "qualifications",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &["staff_no", "name", "acquired_on", "expires_on", "issuer"],
        sql: "SELECT s.staff_no, q.name, q.acquired_on, q.expires_on, q.issuer
              FROM qualifications q JOIN staff s ON s.id = q.staff_id
              WHERE ?SCOPE
              ORDER BY s.staff_no, q.acquired_on, q.name, q.id",
    },
    ExportKind {
        name: "interviews",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &["staff_no", "held_on", "interviewer_staff_no", "notes"],
        sql: "SELECT s.staff_no, c.held_on, i.staff_no, c.notes
              FROM career_interviews c JOIN staff s ON s.id = c.staff_id
              LEFT JOIN staff i ON i.id = c.interviewer_id
              WHERE ?SCOPE
              ORDER BY s.staff_no, c.held_on, c.id",
    },
    ExportKind {
        name: "evaluations",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &[
            "fiscal_year", "kind", "staff_no", "evaluator1_staff_no", "evaluator2_staff_no",
            "state", "grade", "term", "self_rating", "first_rating", "second_rating",
            "start_interview_on", "end_interview_on", "disclosed_on", "response",
        ],
        sql: "SELECT p.fiscal_year, p.kind, s.staff_no, e1.staff_no, e2.staff_no, e.state,
                     e.grade, p.term, e.self_rating, e.first_rating, e.second_rating,
                     e.start_interview_on, e.end_interview_on, e.disclosed_on, e.response
              FROM evaluations e JOIN eval_periods p ON p.id = e.period_id
              JOIN staff s ON s.id = e.staff_id
              LEFT JOIN staff e1 ON e1.id = e.evaluator1_id
              LEFT JOIN staff e2 ON e2.id = e.evaluator2_id
              WHERE ?SCOPE
              ORDER BY p.fiscal_year, p.kind, p.term, s.staff_no",
    },
    ExportKind {
        name: "themes",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &[
            "staff_no", "fiscal_year", "title", "target", "difficulty", "weight", "progress",
            "achievement", "midterm_on",
        ],
        sql: "SELECT s.staff_no, t.fiscal_year, t.title, t.target, t.difficulty, t.weight,
                     t.progress, t.achievement, t.midterm_on
              FROM themes t JOIN staff s ON s.id = t.staff_id
              WHERE ?SCOPE
              ORDER BY s.staff_no, t.fiscal_year, t.id",
    },
    ExportKind {
        name: "assignments",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &[
            "staff_no", "unit_code", "position", "start_date", "end_date", "reason",
        ],
        sql: "SELECT s.staff_no, u.code, a.position, a.start_date, a.end_date, a.reason
              FROM assignments a JOIN staff s ON s.id = a.staff_id
              JOIN units u ON u.id = a.unit_id
              WHERE ?SCOPE
              ORDER BY s.staff_no, a.start_date, a.id",
    },
    ExportKind {
        name: "courses",
        access: Access::Whole,
        headers: &[
            "course_code", "title", "category", "hours", "provider", "since", "until",
            "required_for",
        ],
        // required_for: position codes in rank order (most senior first), then code order.
        sql: "SELECT c.code, c.title, c.category, c.hours, c.provider, c.since, c.until,
                     (SELECT group_concat(r.position, ';' ORDER BY CASE r.position
                         WHEN 'director' THEN 0 WHEN 'section_chief' THEN 1
                         WHEN 'deputy_chief' THEN 2 WHEN 'team_chief' THEN 3
                         WHEN 'senior' THEN 4 ELSE 5 END, r.position)
                      FROM course_requirements r WHERE r.course_id = c.id)
              FROM courses c
              ORDER BY c.code",
    },
    ExportKind {
        name: "sessions",
        access: Access::Whole,
        headers: &[
            "course_code", "fiscal_year", "starts_on", "ends_on", "place", "capacity",
            "enrolled",
        ],
        sql: "SELECT c.code, t.fiscal_year, t.starts_on, t.ends_on, t.place, t.capacity,
                     (SELECT count(*) FROM enrolments e
                      WHERE e.session_id = t.id AND e.state <> 'cancelled')
              FROM training_sessions t JOIN courses c ON c.id = t.course_id
              ORDER BY c.code, t.starts_on, t.id",
    },
    ExportKind {
        name: "enrolments",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &[
            "staff_no", "course_code", "fiscal_year", "state", "hours", "starts_on",
            "applied_on", "completed_on",
        ],
        sql: "SELECT s.staff_no, c.code, t.fiscal_year, e.state, e.hours, t.starts_on,
                     e.applied_on, e.completed_on
              FROM enrolments e JOIN staff s ON s.id = e.staff_id
              JOIN training_sessions t ON t.id = e.session_id
              JOIN courses c ON c.id = t.course_id
              WHERE ?SCOPE
              ORDER BY s.staff_no, t.starts_on, c.code, e.id",
    },
    ExportKind {
        name: "ojt",
        access: Access::Owned(&[person("m.id", "m.unit_id"), person("n.id", "n.unit_id")]),
        headers: &[
            "mentor_staff_no", "mentee_staff_no", "start_date", "end_date", "fiscal_year",
            "goal", "logs",
        ],
        sql: "SELECT m.staff_no, n.staff_no, o.start_date, o.end_date, o.fiscal_year, o.goal,
                     (SELECT count(*) FROM ojt_logs l WHERE l.pair_id = o.id)
              FROM ojt_pairs o JOIN staff m ON m.id = o.mentor_id
              JOIN staff n ON n.id = o.mentee_id
              WHERE ?SCOPE
              ORDER BY o.fiscal_year, m.staff_no, n.staff_no, o.start_date, o.id",
    },
    ExportKind {
        name: "awards",
        access: Access::Owned(&[person("s.id", "s.unit_id"), unit("a.unit_id")]),
        headers: &[
            "id", "kind", "staff_no", "state", "decided_on", "fiscal_year", "title",
            "group_name", "unit_code", "nominated_on", "awarded_on",
        ],
        // One row per recipient; an award nobody has been named for yet gives one row.
        sql: "SELECT a.id, a.kind, s.staff_no, a.state, a.decided_on, a.fiscal_year, a.title,
                     a.group_name, u.code, a.nominated_on, a.awarded_on
              FROM awards a LEFT JOIN award_recipients r ON r.award_id = a.id
              LEFT JOIN staff s ON s.id = r.staff_id
              LEFT JOIN units u ON u.id = a.unit_id
              WHERE ?SCOPE
              ORDER BY a.id, s.staff_no",
    },
    ExportKind {
        name: "compliance",
        access: Access::Owned(&[person("s.id", "s.unit_id")]),
        headers: &[
            "staff_no", "fiscal_year", "training_done", "self_check_done", "due_on",
            "training_done_on", "self_check_done_on",
        ],
        sql: "SELECT s.staff_no, c.fiscal_year, (c.training_done_on IS NOT NULL),
                     (c.self_check_done_on IS NOT NULL), c.due_on, c.training_done_on,
                     c.self_check_done_on
              FROM compliance_records c JOIN staff s ON s.id = c.staff_id
              WHERE ?SCOPE
              ORDER BY s.staff_no, c.fiscal_year",
    },
    ExportKind {
        name: "incidents",
        access: Access::Hr,
        headers: &[
            "id", "kind", "occurred_on", "reported_on", "unit_code", "staff_no", "status",
            "summary", "outcome",
        ],
        sql: "SELECT i.id, i.kind, i.occurred_on, i.reported_on, u.code, s.staff_no, i.status,
                     i.summary, i.outcome
              FROM incidents i LEFT JOIN units u ON u.id = i.unit_id
              LEFT JOIN staff s ON s.id = i.staff_id
              ORDER BY i.id",
    },
    ExportKind {
        name: "pdca",
        access: Access::Owned(&[person("s.id", "s.unit_id"), unit("p.owner_unit_id")]),
        headers: &[
            "id", "owner_staff_no", "owner_unit_code", "fiscal_year", "phase", "prev_id",
            "progress", "title", "metric", "metric_unit", "baseline", "target", "result",
        ],
        sql: "SELECT p.id, s.staff_no, u.code, p.fiscal_year, p.phase, p.prev_id, p.progress,
                     p.title, p.metric, p.metric_unit, p.baseline, p.target, p.result
              FROM pdca_cycles p LEFT JOIN staff s ON s.id = p.owner_staff_id
              LEFT JOIN units u ON u.id = p.owner_unit_id
              WHERE ?SCOPE
              ORDER BY p.id",
    },
    ExportKind {
        name: "surveys",
        access: Access::Whole,
        headers: &["unit_code", "conducted_on", "topic", "score", "responses"],
        sql: "SELECT u.code, v.conducted_on, v.topic, v.score, v.responses
              FROM surveys v JOIN units u ON u.id = v.unit_id
              ORDER BY u.code, v.conducted_on, v.topic, v.id",
    },
    ExportKind {
        name: "audit",
        access: Access::Admin,
        headers: &[
            "id", "at", "actor", "action", "table_name", "row_id", "before", "after",
        ],
        sql: "SELECT id, at, actor, action, table_name, row_id, \"before\", \"after\"
              FROM audit_log ORDER BY id",
    },
];

/// The kind named `name` (as typed on the command line), if there is one.
pub fn kind(name: &str) -> Option<&'static ExportKind> {
    KINDS.iter().find(|k| k.name == name)
}

/// Every kind's name, in `KINDS` order (for usage messages).
pub fn kind_names() -> Vec<&'static str> {
    KINDS.iter().map(|k| k.name).collect()
}

impl Db {
    /// Streams the rows of one kind that `visible` may see (no whole-table Vec: 100,000
    /// staff must export in constant memory), calling `each` per row with cells in header
    /// order. An error from `each` stops the export and is returned. Rows out of scope
    /// are not read at all; an admin-only or HR-only kind gives no rows to a narrower
    /// visibility (the command line refuses such a request before it gets here).
    pub fn export_rows(
        &self,
        kind: &ExportKind,
        visible: &Visibility,
        mut each: impl FnMut(&[Cell]) -> Result<()>,
    ) -> Result<()> {
        let Some(sql) = kind.sql_for(visible) else {
            return Ok(());
        };
        let mut st = self.conn().prepare_cached(&sql)?;
        let n = st.column_count();
        if n != kind.headers.len() {
            return Err(StoreError::Sql(format!(
                "export {}: query gives {n} columns for {} headers",
                kind.name,
                kind.headers.len()
            )));
        }
        let mut rows = st.query([])?;
        let mut cells = Vec::with_capacity(n);
        while let Some(r) = rows.next()? {
            cells.clear();
            for i in 0..n {
                cells.push(Cell::from_sql(r.get_ref(i)?));
            }
            each(&cells)?;
        }
        Ok(())
    }

    /// Every row of one kind, whatever anyone may see (backups of a kind, tests).
    pub fn export_all(
        &self,
        kind: &ExportKind,
        each: impl FnMut(&[Cell]) -> Result<()>,
    ) -> Result<()> {
        self.export_rows(kind, &Visibility::All, each)
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
        };
        assert_eq!(
            owned_condition(&owners, &v),
            "((s.unit_id IN (3,4) OR s.id IN (9)) OR (p.owner_unit_id IN (3,4)))"
        );
        let me = Visibility::Some {
            units: vec![],
            people: vec![9],
        };
        assert_eq!(owned_condition(&owners, &me), "((s.id IN (9)))");
        let none = Visibility::Some {
            units: vec![],
            people: vec![],
        };
        assert_eq!(owned_condition(&owners, &none), "0");
    }
}
