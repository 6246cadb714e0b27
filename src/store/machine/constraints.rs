//! What a broken constraint means to people: a unique key of several columns is a rule of
//! its own (one application per person and session), a column is named by the key a
//! person types (a staff number, a unit code), a missing reference by its field.

use rusqlite::types::Value;

use super::record::Record;
use crate::domain::{Invalid, Problem};
use crate::store::{Db, StoreError};

impl Db {
    /// Turns a constraint failure into a field error where the field can be named.
    pub(super) fn explain_constraint<T: Record>(&self, e: rusqlite::Error, rec: &T) -> StoreError {
        let msg = e.to_string();
        if let Some(cols) = msg.split("UNIQUE constraint failed: ").nth(1) {
            // A key of several columns means something of its own (one application per
            // person and session): said as such, not as a taken staff number.
            if cols.contains(", ")
                && let Some((_, col, rule)) = COMBINED_KEYS.iter().find(|(t, ..)| *t == T::TABLE)
            {
                let problem = Problem::Rule { rule };
                return Invalid::one(field_name::<T>(col), problem).into();
            }
            // "staff.staff_no" or "self_reports.staff_id, self_reports.fiscal_year"
            let last = cols.split(", ").last().unwrap_or("");
            let col = last.rsplit('.').next().unwrap_or("");
            let field = T::COLUMNS
                .iter()
                .find(|c| **c == col)
                .copied()
                .unwrap_or("id");
            return Invalid::one(field_name::<T>(field), Problem::Duplicate).into();
        }
        if msg.contains("FOREIGN KEY constraint failed")
            && let Some(field) = self.missing_reference::<T>(rec)
        {
            return Invalid::one(field, Problem::Unknown).into();
        }
        if msg.contains("CHECK constraint failed") {
            return Invalid::one("id", Problem::Malformed).into();
        }
        e.into()
    }

    /// The first column of `rec` whose referenced row does not exist.
    fn missing_reference<T: Record>(&self, rec: &T) -> Option<&'static str> {
        let mut st = self
            .conn()
            .prepare_cached(&format!("PRAGMA foreign_key_list({})", T::TABLE))
            .ok()?;
        let fks: Vec<(String, String)> = st
            .query_map([], |r| Ok((r.get::<_, String>(2)?, r.get::<_, String>(3)?)))
            .ok()?
            .filter_map(|r| r.ok())
            .collect();
        let vals = rec.values();
        for (parent, from) in fks {
            let i = T::COLUMNS.iter().position(|c| *c == from)?;
            if let Value::Integer(v) = vals[i] {
                let exists: bool = self
                    .conn()
                    .query_row(
                        &format!("SELECT EXISTS(SELECT 1 FROM {parent} WHERE id = ?1)"),
                        [v],
                        |r| r.get(0),
                    )
                    .ok()?;
                if !exists {
                    return Some(field_name::<T>(T::COLUMNS[i]));
                }
            }
        }
        None
    }
}

/// The name a form and validation use for a column: references are named by the human key
/// a person types (a staff number, a unit code), as in the export headers.
pub(crate) fn field_name<T: Record>(col: &'static str) -> &'static str {
    match col {
        "code" if T::TABLE == "courses" => "course_code",
        "code" => "unit_code",
        "unit_id" => "unit_code",
        "staff_id" => "staff_no",
        "course_id" => "course_code",
        "parent_id" => "parent_code",
        "mentor_id" => "mentor_staff_no",
        "mentee_id" => "mentee_staff_no",
        "evaluator1_id" => "evaluator1_staff_no",
        "evaluator2_id" => "evaluator2_staff_no",
        "owner_staff_id" => "owner_staff_no",
        "owner_unit_id" => "owner_unit_code",
        "wish_unit1_id" => "wish_unit_1",
        "wish_unit2_id" => "wish_unit_2",
        "wish_unit3_id" => "wish_unit_3",
        "supervisor_id" => "supervisor",
        "interviewer_id" => "interviewer",
        "session_id" => "session",
        "period_id" => "period",
        "pair_id" => "pair",
        "author_id" => "author",
        "cycle_id" => "cycle",
        "reviewer_id" => "reviewer",
        "survey_id" => "survey",
        "award_id" => "award",
        c => c,
    }
}

/// The unique keys of several columns, by what a second row would mean: the table, the
/// column whose field the message stands under, and the rule (`rule.<key>`) it breaks.
const COMBINED_KEYS: &[(&str, &str, &str)] = &[
    ("enrolments", "session_id", "unique_enrolment"),
    ("self_reports", "fiscal_year", "unique_self_report"),
    ("evaluations", "staff_id", "unique_evaluation"),
    ("eval_periods", "term", "unique_eval_period"),
    (
        "course_requirements",
        "position",
        "unique_course_requirement",
    ),
    ("award_recipients", "staff_id", "unique_award_recipient"),
    (
        "compliance_records",
        "fiscal_year",
        "unique_compliance_record",
    ),
    ("pdca_evidence", "survey_id", "unique_evidence"),
    ("transfer_moves", "staff_id", "unique_transfer_move"),
];
