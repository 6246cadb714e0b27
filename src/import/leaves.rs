//! Importing leave periods (休職・休業): one row a leave, known by its person, kind and
//! first day; the person's status follows each row as it is written.

use super::fields::{Fields, enum_code};
use super::row::{reference, refused};
use super::{Importer, Outcome};
use crate::domain::Problem;
use crate::domain::leave::{Leave, LeaveKind};
use crate::store::Result;

pub(super) fn leave_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let staff = reference(f, "staff_no", |n| imp.store.staff_id(n))?;
    let kind = match f.text("kind") {
        Some(v) if v.is_empty() => {
            f.problem("kind", Problem::Required);
            None
        }
        Some(v) => {
            let k = enum_code("leave_kind", LeaveKind::CODES, &v).and_then(LeaveKind::from_code);
            if k.is_none() {
                f.problem("kind", Problem::Malformed);
            }
            k
        }
        None => None,
    };
    let start = f.key_date("start_date");
    let (Some(staff), Some(kind), Some(start)) = (staff, kind, start) else {
        return Ok(Outcome::Refused);
    };
    let old: Option<Leave> = imp.store.leave_of(staff, kind, start)?;
    let mut l = old.clone().unwrap_or(Leave {
        id: 0,
        staff_id: staff,
        kind,
        start_date: start,
        end_date: None,
        note: String::new(),
        version: 0,
    });
    f.set_opt_date("end_date", &mut l.end_date);
    f.set_text("note", &mut l.note);
    let seen = f.problems().to_vec();
    if !seen.is_empty() {
        return Ok(refused(f, &l, &seen));
    }
    Ok(imp.store.put_leave(l, old)?.into())
}
