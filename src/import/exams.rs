//! Importing promotion selection's results: one row an entry, known by its round (the
//! fiscal year and the kind's code) and its person, as HR brings the marks in from the
//! spreadsheet the tests were scored in. A new row is an application (by HR, unless the
//! file says how), and the person must be one who may sit the round; the pool day
//! follows the result once the round is announced, whatever the file says of it.

use super::fields::Fields;
use super::row::{reference, refused, set_enum};
use super::{Importer, Outcome};
use crate::domain::Problem;
use crate::domain::exam::{AppliedVia, ExamEntry, ExamResult};
use crate::store::Result;

pub(super) fn exam_result_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let fy = f.key_fiscal_year("fiscal_year");
    let code = match f.code("exam_code") {
        Some(c) if !c.is_empty() => Some(c),
        _ => {
            f.problem("exam_code", Problem::Required);
            None
        }
    };
    let staff = reference(f, "staff_no", |n| imp.store.staff_id(n))?;
    let (Some(fy), Some(code), Some(staff)) = (fy, code, staff) else {
        return Ok(Outcome::Refused);
    };
    let Some(exam) = imp.store.exam_id(&code, fy)? else {
        f.problem("exam_code", Problem::Unknown);
        return Ok(Outcome::Refused);
    };
    let old: Option<ExamEntry> = imp.store.exam_entry_of(exam, staff)?;
    if old.is_none()
        && let Some((col, rule)) = imp.store.exam_refuses(exam, staff)?
    {
        f.problem(col, Problem::Rule { rule });
        return Ok(Outcome::Refused);
    }
    let mut e = old
        .clone()
        .unwrap_or_else(|| ExamEntry::application(exam, staff, imp.store.today(), AppliedVia::Hr));
    if f.has("applied_on") {
        f.set_date("applied_on", &mut e.applied_on);
    }
    if f.has("applied_via") {
        set_enum!(
            f,
            "applied_via",
            "applied_via",
            AppliedVia,
            &mut e.applied_via
        );
    }
    f.set_opt_int("written", &mut e.written);
    f.set_opt_int("essay", &mut e.essay);
    f.set_opt_int("interview", &mut e.interview);
    if f.has("result") {
        set_enum!(f, "result", "exam_result", ExamResult, &mut e.result);
    }
    let seen = f.problems().to_vec();
    if !seen.is_empty() {
        return Ok(refused(f, &e, &seen));
    }
    Ok(imp.store.put_exam_entry(e, old)?.into())
}
