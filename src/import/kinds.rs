//! The importable kinds (their columns, keys and header spellings); their rows are read
//! in `people.rs`, `training.rs` and `records.rs`.

use super::ImportKind;
use super::{leaves, people, records, training};

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
        row: people::unit_row,
        finish: Some(people::settle_parents),
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
        row: people::staff_row,
        finish: Some(people::settle_supervisors),
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
        row: people::assignment_row,
        finish: Some(people::follow_posts),
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
        row: training::course_row,
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
        row: training::session_row,
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
        row: training::enrolment_row,
        finish: None,
    },
    ImportKind {
        name: "qualifications",
        columns: &["staff_no", "name", "acquired_on", "expires_on", "issuer"],
        required: &[],
        key_len: 3,
        self_ref: None,
        aliases: &[("資格名", "name"), ("資格名称", "name")],
        row: people::qualification_row,
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
        row: records::survey_row,
        finish: None,
    },
    ImportKind {
        name: "leaves",
        columns: &["staff_no", "kind", "start_date", "end_date", "note"],
        required: &[],
        key_len: 3,
        self_ref: None,
        // 職員番号, 種別, 開始日, 終了日, 備考: the columns' own labels.
        aliases: &[],
        row: leaves::leave_row,
        finish: None,
    },
];

/// The kind named `name`, if it can be imported.
pub fn import_kind(name: &str) -> Option<&'static ImportKind> {
    IMPORT_KINDS.iter().find(|k| k.name == name)
}

pub fn import_kind_names() -> Vec<&'static str> {
    IMPORT_KINDS.iter().map(|k| k.name).collect()
}
