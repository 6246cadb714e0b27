//! The importable kinds (their columns, keys and header spellings) and what their rows
//! share; the rows themselves are in `import_people.rs`, `import_training.rs` and
//! `import_records.rs`.

use super::import::{Fields, ImportKind, Importer, Outcome};
use super::{Record, Result};
use crate::domain::{FieldError, Id, Invalid, Problem, Validate};

/// Every kind `jinji import` takes, in the order a new database is filled.
pub const IMPORT_KINDS: &[ImportKind] = &[
    ImportKind {
        name: "units",
        columns: &[
            "unit_code",
            "name",
            "parent_code",
            "kind",
            "kana",
            "valid_from",
            "valid_to",
        ],
        // Other systems' unit lists give no founding date: such a unit is older than the
        // records.
        required: &["name", "kind"],
        key_len: 1,
        self_ref: Some("parent_code"),
        aliases: &[("所属名", "name"), ("組織コード", "unit_code")],
        row: super::import_people::unit_row,
        finish: Some(super::import_people::settle_parents),
    },
    ImportKind {
        name: "staff",
        columns: &[
            "staff_no",
            "family_name",
            "given_name",
            "family_kana",
            "given_kana",
            "birth_date",
            "hire_date",
            "unit_code",
            "position",
            "grade",
            "job_type",
            "track",
            "status",
            "sex",
            "retire_date",
            "supervisor_staff_no",
            "email",
            "phone",
            // Why and from when a changed unit or position holds (a new post).
            "reason",
            "effective_on",
        ],
        required: &[
            "family_name",
            "given_name",
            "family_kana",
            "given_kana",
            "birth_date",
            "hire_date",
            "unit_code",
            "position",
            "grade",
            "job_type",
            "sex",
        ],
        key_len: 1,
        self_ref: Some("supervisor_staff_no"),
        aliases: &[
            ("姓", "family_name"),
            ("氏（カナ）", "family_kana"),
            ("名（カナ）", "given_kana"),
            ("セイ", "family_kana"),
            ("メイ", "given_kana"),
            ("採用年月日", "hire_date"),
            ("級", "grade"),
            ("上司職員番号", "supervisor_staff_no"),
            ("退職年月日", "retire_date"),
        ],
        row: super::import_people::staff_row,
        finish: Some(super::import_people::settle_supervisors),
    },
    ImportKind {
        name: "assignments",
        columns: &[
            "staff_no",
            "start_date",
            "unit_code",
            "position",
            "end_date",
            "reason",
        ],
        required: &["unit_code", "position", "reason"],
        key_len: 2,
        self_ref: None,
        aliases: &[("発令日", "start_date")],
        row: super::import_people::assignment_row,
        finish: Some(super::import_people::follow_posts),
    },
    ImportKind {
        name: "courses",
        columns: &[
            "course_code",
            "title",
            "category",
            "hours",
            "provider",
            "since",
            "until",
            "required_for",
            "required_when",
            "within_months",
        ],
        required: &["title", "category", "hours", "since"],
        key_len: 1,
        self_ref: None,
        aliases: &[("研修名", "title")],
        row: super::import_training::course_row,
        finish: None,
    },
    ImportKind {
        name: "sessions",
        columns: &[
            "course_code",
            "starts_on",
            "fiscal_year",
            "ends_on",
            "place",
            "capacity",
        ],
        required: &["ends_on", "capacity"],
        key_len: 2,
        self_ref: None,
        aliases: &[],
        row: super::import_training::session_row,
        finish: None,
    },
    ImportKind {
        name: "enrolments",
        columns: &[
            "staff_no",
            "course_code",
            "starts_on",
            "state",
            "hours",
            "applied_on",
            "completed_on",
        ],
        required: &["state", "applied_on"],
        key_len: 3,
        self_ref: None,
        aliases: &[],
        row: super::import_training::enrolment_row,
        finish: None,
    },
    ImportKind {
        name: "qualifications",
        columns: &["staff_no", "name", "acquired_on", "expires_on", "issuer"],
        required: &[],
        key_len: 3,
        self_ref: None,
        aliases: &[("資格名", "name"), ("資格名称", "name")],
        row: super::import_people::qualification_row,
        finish: None,
    },
    ImportKind {
        name: "surveys",
        columns: &[
            "unit_code",
            "conducted_on",
            "topic",
            "score",
            "responses",
            "note",
        ],
        required: &["score", "responses"],
        key_len: 3,
        self_ref: None,
        aliases: &[("アンケート名", "topic"), ("調査日", "conducted_on")],
        row: super::import_records::survey_row,
        finish: None,
    },
];

/// The key cell as a code; `None` (with the problem noted) when empty or refused.
pub(super) fn key(f: &mut Fields<'_>, col: &'static str) -> Option<String> {
    match f.code(col) {
        Some(v) if !v.is_empty() => Some(v),
        Some(_) => {
            f.problem(col, Problem::Required);
            None
        }
        None => None,
    }
}

/// A required cell that must name a stored row (`unknown` when none has that key).
pub(super) fn reference(
    f: &mut Fields<'_>,
    col: &'static str,
    found: impl FnOnce(&str) -> Result<Option<Id>>,
) -> Result<Option<Id>> {
    let Some(v) = key(f, col) else {
        return Ok(None);
    };
    let id = found(&v)?;
    if id.is_none() {
        f.problem(col, Problem::Unknown);
    }
    Ok(id)
}

/// Ends a row: when reading found problems, the record's own checks add theirs for other
/// fields (so a dry run lists everything at once) and nothing is written.
pub(super) fn refused<T: Validate>(f: &mut Fields<'_>, rec: &T, seen: &[FieldError]) -> Outcome {
    if let Err(Invalid(errs)) = rec.validate() {
        for e in errs {
            if !seen.iter().any(|s| s.field == e.field) {
                f.problem(e.field, e.problem);
            }
        }
    }
    Outcome::Refused
}

/// Katakana from what people type in a kana column: half-width or hiragana.
pub(super) fn katakana(s: String) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3041}'..='\u{3096}' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
            c => c,
        })
        .collect()
}

pub(super) fn find<T: Record>(
    imp: &Importer<'_>,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Option<T>> {
    let id: Option<Id> = {
        let mut st = imp.db.conn().prepare_cached(sql)?;
        let mut rows = st.query(params)?;
        match rows.next()? {
            Some(r) => Some(r.get(0)?),
            None => None,
        }
    };
    match id {
        Some(id) => imp.db.find(id),
        None => Ok(None),
    }
}

macro_rules! set_enum {
    ($f:expr, $col:literal, $group:literal, $ty:ty, $target:expr) => {
        $f.set_enum($col, $group, <$ty>::CODES, <$ty>::from_code, $target)
    };
}

pub(super) use set_enum;
