//! Importing the organisation and its people: units, staff, assignments, qualifications.

use super::fields::{Fields, enum_code};
use super::row::{katakana, key, reference, refused, set_enum};
use super::{Importer, Later, Outcome};
use crate::domain::assignment::{Assignment, Reason};
use crate::domain::career::Qualification;
use crate::domain::employment::EmploymentKind;
use crate::domain::post::AssignmentKind;
use crate::domain::staff::{JobType, Position, Sex, Staff, StaffStatus, Track};
use crate::domain::unit::{Unit, UnitKind};
use crate::domain::{Date, Invalid, Problem};
use crate::store::{Record, Result, StoreError};

pub(super) fn unit_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let Some(code) = key(f, "unit_code") else {
        return Ok(Outcome::Refused);
    };
    let old: Option<Unit> = match imp.store.unit_id(&code)? {
        Some(id) => imp.store.find(id)?,
        None => None,
    };
    let mut u = old.clone().unwrap_or(Unit {
        id: 0,
        code: code.clone(),
        name: String::new(),
        kana: String::new(),
        parent_id: None,
        kind: UnitKind::Team,
        valid_from: None,
        valid_to: None,
        version: 0,
    });
    if old.is_none() {
        f.require_new();
    }
    f.set_text("name", &mut u.name);
    f.set_text("kana", &mut u.kana);
    u.kana = katakana(u.kana);
    set_enum!(f, "kind", "unit_kind", UnitKind, &mut u.kind);
    f.set_opt_date("valid_from", &mut u.valid_from);
    f.set_opt_date("valid_to", &mut u.valid_to);
    let mut parent_later = None;
    if let Some(p) = f.code("parent_code") {
        if p.is_empty() {
            u.parent_id = None;
        } else if let Some(id) = imp.store.unit_id(&p)? {
            u.parent_id = Some(id);
        } else {
            parent_later = Some(p);
        }
    }
    let seen = f.problems().to_vec();
    if !seen.is_empty() {
        imp.refused.insert(code, f.row_no());
        // Still say, at the end, whether the reference is anywhere to be found.
        if let Some(key) = parent_later {
            imp.later.push(Later {
                row: f.row_no(),
                column: "parent_code",
                id: 0,
                key,
            });
        }
        return Ok(refused(f, &u, &seen));
    }
    let (o, saved) = match imp.store.upsert(u, old) {
        Ok(done) => done,
        Err(e) => {
            imp.refused.insert(code, f.row_no());
            return Err(e);
        }
    };
    imp.store.know_unit(code, saved.id);
    if let Some(key) = parent_later {
        imp.later.push(Later {
            row: f.row_no(),
            column: "parent_code",
            id: saved.id,
            key,
        });
    }
    Ok(o.into())
}

/// Sets each parent named by a unit further down the file.
pub(super) fn settle_parents(imp: &mut Importer<'_>) -> Result<()> {
    for l in std::mem::take(&mut imp.later) {
        let Some(pid) = imp.store.unit_id(&l.key)? else {
            let problem = imp.missing(&l.key);
            imp.late_problem(l.row, l.column, problem);
            continue;
        };
        if l.id == 0 {
            // A refused row: only whether the reference exists was asked.
            continue;
        }
        let mut u: Unit = imp.store.get(l.id)?;
        u.parent_id = Some(pid);
        settle(imp, l.row, &mut u)?;
    }
    Ok(())
}

/// Saves a record changed when settling; its problems go to its row.
fn settle<T: Record>(imp: &mut Importer<'_>, row: usize, rec: &mut T) -> Result<()> {
    match imp.store.update(rec) {
        Ok(()) => Ok(()),
        Err(StoreError::Invalid(Invalid(errs))) => {
            for e in errs {
                imp.late_problem(row, e.field, e.problem);
            }
            Ok(())
        }
        Err(e) => Err(e),
    }
}

pub(super) fn staff_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let Some(no) = key(f, "staff_no") else {
        return Ok(Outcome::Refused);
    };
    let old: Option<Staff> = match imp.store.staff_id(&no)? {
        Some(id) => imp.store.find(id)?,
        None => None,
    };
    // A new person's dates are required columns: they start as no day at all.
    let none = Date::from_ymd(1, 1, 1);
    let mut s = old.clone().unwrap_or(Staff {
        staff_no: no.clone(),
        birth_date: none,
        ..Staff::blank(none)
    });
    let new = old.is_none();
    if new {
        f.require_new();
    }
    f.set_text("family_name", &mut s.family_name);
    f.set_text("given_name", &mut s.given_name);
    f.set_text("family_kana", &mut s.family_kana);
    f.set_text("given_kana", &mut s.given_kana);
    s.family_kana = katakana(std::mem::take(&mut s.family_kana));
    s.given_kana = katakana(std::mem::take(&mut s.given_kana));
    f.set_date("birth_date", &mut s.birth_date);
    f.set_date("hire_date", &mut s.hire_date);
    if f.has("unit_code")
        && let Some(id) = reference(f, "unit_code", |c| imp.store.unit_id(c))?
    {
        s.unit_id = id;
    }
    set_enum!(f, "position", "position", Position, &mut s.position);
    f.set_int("grade", &mut s.grade);
    set_enum!(f, "job_type", "job_type", JobType, &mut s.job_type);
    if new && !f.has("track") {
        // As the ward assigns it: technical job types follow the specialist track.
        s.track = if s.job_type.is_technical() {
            Track::Specialist
        } else {
            Track::Generalist
        };
    }
    set_enum!(f, "track", "track", Track, &mut s.track);
    set_enum!(f, "status", "status", StaffStatus, &mut s.status);
    set_enum!(f, "sex", "sex", Sex, &mut s.sex);
    f.set_opt_date("retire_date", &mut s.retire_date);
    let mut sup_later = None;
    if let Some(v) = f.code("supervisor_staff_no") {
        if v.is_empty() {
            s.supervisor_id = None;
        } else if let Some(id) = imp.store.staff_id(&v)? {
            s.supervisor_id = Some(id);
        } else {
            // Someone further down the file: settled when every row is in.
            sup_later = Some(v);
        }
    }
    f.set_text("email", &mut s.email);
    f.set_text("phone", &mut s.phone);
    set_enum!(
        f,
        "employment_kind",
        "employment_kind",
        EmploymentKind,
        &mut s.employment_kind
    );
    f.set_real("weekly_hours", &mut s.weekly_hours);
    f.set_opt_date("term_start", &mut s.term_start);
    f.set_opt_date("term_end", &mut s.term_end);
    f.set_int("renewals", &mut s.renewals);
    f.set_opt_date("post_limit_exception", &mut s.post_limit_exception);
    // `retirement_date` is derived from the birth date and the kind on every write: a
    // file's value (an export read back, or one written before the birth date was put
    // right) is not read, so it can never disagree with the law's day.
    let reason = opt_reason(f);
    let from = f.opt_date("effective_on").flatten();
    let seen = f.problems().to_vec();
    if !seen.is_empty() {
        // Still say, at the end, whether the reference is anywhere to be found.
        if let Some(key) = sup_later {
            imp.later.push(Later {
                row: f.row_no(),
                column: "supervisor_staff_no",
                id: 0,
                key,
            });
        }
        return Ok(refused(f, &s, &seen));
    }
    let (o, saved) = imp.store.save_person(s, old, reason, from)?;
    imp.store.know_staff(no, saved.id);
    if let Some(key) = sup_later {
        imp.later.push(Later {
            row: f.row_no(),
            column: "supervisor_staff_no",
            id: saved.id,
            key,
        });
    }
    Ok(o.into())
}

/// `reason`, when the file has it filled in: why a unit or position changed.
fn opt_reason(f: &mut Fields<'_>) -> Option<Reason> {
    let v = f.text("reason").filter(|v| !v.is_empty())?;
    let r = enum_code("reason", Reason::CODES, &v).and_then(Reason::from_code);
    if r.is_none() {
        f.problem("reason", Problem::Malformed);
    }
    r
}

/// Sets each supervisor who is a person further down the file.
pub(super) fn settle_supervisors(imp: &mut Importer<'_>) -> Result<()> {
    for l in std::mem::take(&mut imp.later) {
        let Some(sid) = imp.store.staff_id(&l.key)? else {
            imp.late_problem(l.row, l.column, Problem::Unknown);
            continue;
        };
        if l.id == 0 {
            // A refused row: only whether the reference exists was asked.
            continue;
        }
        let mut s: Staff = imp.store.get(l.id)?;
        s.supervisor_id = Some(sid);
        settle(imp, l.row, &mut s)?;
    }
    Ok(())
}

pub(super) fn assignment_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let staff = reference(f, "staff_no", |n| imp.store.staff_id(n))?;
    let start = f.key_date("start_date");
    let (Some(staff), Some(start)) = (staff, start) else {
        return Ok(Outcome::Refused);
    };
    // A post beside the main one may begin on the main one's day: the kind is part of
    // the key (本務 when the file has no column).
    let mut kind = AssignmentKind::Main;
    set_enum!(f, "kind", "assignment_kind", AssignmentKind, &mut kind);
    let old: Option<Assignment> = imp.store.assignment_at(staff, start, kind)?;
    let mut a = old.clone().unwrap_or(Assignment {
        id: 0,
        staff_id: staff,
        unit_id: 0,
        position: Position::Clerk,
        start_date: start,
        end_date: None,
        reason: Reason::Transfer,
        note: String::new(),
        kind,
        version: 0,
    });
    if old.is_none() {
        f.require_new();
    }
    if f.has("unit_code")
        && let Some(id) = reference(f, "unit_code", |c| imp.store.unit_id(c))?
    {
        a.unit_id = id;
    }
    set_enum!(f, "position", "position", Position, &mut a.position);
    f.set_opt_date("end_date", &mut a.end_date);
    set_enum!(f, "reason", "reason", Reason, &mut a.reason);
    let seen = f.problems().to_vec();
    if !seen.is_empty() {
        return Ok(refused(f, &a, &seen));
    }
    let outcome = match old {
        Some(o) => {
            (a.id, a.version) = (o.id, o.version);
            if a == o {
                return Ok(Outcome::Unchanged);
            }
            Outcome::Updated
        }
        None => Outcome::Created,
    };
    for id in imp.store.write_assignment(&mut a)? {
        imp.following.push((id, f.row_no()));
    }
    Ok(outcome)
}

/// Each person whose posts the file changed: their staff row follows the post that
/// governs it now that every row is in (not each row in passing, so that an old post in
/// a unit abolished since is never their unit on the way).
pub(super) fn follow_posts(imp: &mut Importer<'_>) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    // The last row that touched a person names their problem.
    for (id, row) in std::mem::take(&mut imp.following).into_iter().rev() {
        if !seen.insert(id) {
            continue;
        }
        match imp.store.follow_post(id) {
            Ok(()) => {}
            Err(StoreError::Invalid(Invalid(errs))) => {
                for e in errs {
                    imp.late_problem(row, e.field, e.problem);
                }
            }
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

pub(super) fn qualification_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let staff = reference(f, "staff_no", |n| imp.store.staff_id(n))?;
    let name = match f.text("name") {
        Some(n) if !n.is_empty() => Some(n),
        Some(_) => {
            f.problem("name", Problem::Required);
            None
        }
        None => None,
    };
    let acquired = f.key_date("acquired_on");
    let (Some(staff), Some(name), Some(acquired)) = (staff, name, acquired) else {
        return Ok(Outcome::Refused);
    };
    let old: Option<Qualification> = imp.store.qualification_of(staff, &name, acquired)?;
    let mut q = old.clone().unwrap_or(Qualification {
        id: 0,
        staff_id: staff,
        name,
        issuer: String::new(),
        acquired_on: acquired,
        expires_on: None,
        version: 0,
    });
    f.set_opt_date("expires_on", &mut q.expires_on);
    f.set_text("issuer", &mut q.issuer);
    let seen = f.problems().to_vec();
    if !seen.is_empty() {
        return Ok(refused(f, &q, &seen));
    }
    Ok(imp.store.upsert(q, old)?.0.into())
}
