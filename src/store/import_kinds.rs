//! The importable kinds: how a row of each becomes a record, matched by its key. Kept
//! apart from the machinery in `import.rs`.

use super::import::{Fields, ImportKind, Importer, Later, Outcome};
use super::{Record, Result, StoreError};
use crate::domain::assignment::{Assignment, Reason};
use crate::domain::career::Qualification;
use crate::domain::staff::{JobType, Position, Sex, Staff, StaffStatus, Track};
use crate::domain::training::{
    Course, CourseCategory, CourseRequirement, Enrolment, EnrolmentState, TrainingSession,
};
use crate::domain::unit::{Unit, UnitKind};
use crate::domain::{Date, FieldError, Id, Invalid, Problem, Validate};

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
        required: &["name", "kind", "valid_from"],
        key_len: 1,
        aliases: &[("所属名", "name"), ("組織コード", "unit_code")],
        row: unit_row,
        finish: Some(settle_parents),
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
        row: staff_row,
        finish: Some(settle_supervisors),
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
        aliases: &[("発令日", "start_date")],
        row: assignment_row,
        finish: None,
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
        ],
        required: &["title", "category", "hours", "since"],
        key_len: 1,
        aliases: &[("研修名", "title")],
        row: course_row,
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
        aliases: &[],
        row: session_row,
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
        aliases: &[],
        row: enrolment_row,
        finish: None,
    },
    ImportKind {
        name: "qualifications",
        columns: &["staff_no", "name", "acquired_on", "expires_on", "issuer"],
        required: &[],
        key_len: 3,
        aliases: &[("資格名", "name"), ("資格名称", "name")],
        row: qualification_row,
        finish: None,
    },
];

/// The key cell as a code; `None` (with the problem noted) when empty or refused.
fn key(f: &mut Fields<'_>, col: &'static str) -> Option<String> {
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
fn reference(
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
fn refused<T: Validate>(f: &mut Fields<'_>, rec: &T, seen: &[FieldError]) -> Outcome {
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
fn katakana(s: String) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3041}'..='\u{3096}' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
            c => c,
        })
        .collect()
}

fn find<T: Record>(
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

fn unit_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let Some(code) = key(f, "unit_code") else {
        return Ok(Outcome::Refused);
    };
    let old: Option<Unit> = match imp.unit_id(&code)? {
        Some(id) => imp.db.find(id)?,
        None => None,
    };
    let mut u = old.clone().unwrap_or(Unit {
        id: 0,
        code: code.clone(),
        name: String::new(),
        kana: String::new(),
        parent_id: None,
        kind: UnitKind::Team,
        valid_from: Date::from_ymd(1, 1, 1),
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
    f.set_date("valid_from", &mut u.valid_from);
    f.set_opt_date("valid_to", &mut u.valid_to);
    let mut parent_later = None;
    if let Some(p) = f.code("parent_code") {
        if p.is_empty() {
            u.parent_id = None;
        } else if let Some(id) = imp.unit_id(&p)? {
            u.parent_id = Some(id);
        } else {
            parent_later = Some(p);
        }
    }
    let seen = f.problems().to_vec();
    if !seen.is_empty() {
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
    let (o, saved) = imp.upsert(u, old)?;
    imp.unit_ids.insert(code, saved.id);
    if let Some(key) = parent_later {
        imp.later.push(Later {
            row: f.row_no(),
            column: "parent_code",
            id: saved.id,
            key,
        });
    }
    Ok(o)
}

/// Sets each parent named by a unit further down the file.
fn settle_parents(imp: &mut Importer<'_>) -> Result<()> {
    for l in std::mem::take(&mut imp.later) {
        let Some(pid) = imp.unit_id(&l.key)? else {
            imp.late_problem(l.row, l.column, Problem::Unknown);
            continue;
        };
        if l.id == 0 {
            // A refused row: only whether the reference exists was asked.
            continue;
        }
        let mut u: Unit = imp.db.get(l.id)?;
        u.parent_id = Some(pid);
        settle(imp, l.row, &mut u)?;
    }
    Ok(())
}

/// Saves a record changed when settling; its problems go to its row.
fn settle<T: Record>(imp: &mut Importer<'_>, row: usize, rec: &mut T) -> Result<()> {
    match imp.db.update_as(rec, "import") {
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

fn staff_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let Some(no) = key(f, "staff_no") else {
        return Ok(Outcome::Refused);
    };
    let old: Option<Staff> = match imp.staff_id(&no)? {
        Some(id) => imp.db.find(id)?,
        None => None,
    };
    let mut s = old.clone().unwrap_or(Staff {
        id: 0,
        staff_no: no.clone(),
        family_name: String::new(),
        given_name: String::new(),
        family_kana: String::new(),
        given_kana: String::new(),
        sex: Sex::Other,
        birth_date: Date::from_ymd(1, 1, 1),
        hire_date: Date::from_ymd(1, 1, 1),
        unit_id: 0,
        position: Position::Clerk,
        grade: 1,
        job_type: JobType::Office,
        track: Track::Generalist,
        status: StaffStatus::Active,
        retire_date: None,
        supervisor_id: None,
        email: String::new(),
        phone: String::new(),
        version: 0,
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
        && let Some(id) = reference(f, "unit_code", |c| imp.unit_id(c))?
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
        } else if let Some(id) = imp.staff_id(&v)? {
            s.supervisor_id = Some(id);
        } else {
            // Someone further down the file: settled when every row is in.
            sup_later = Some(v);
        }
    }
    f.set_text("email", &mut s.email);
    f.set_text("phone", &mut s.phone);
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
    let (o, saved) = imp.upsert(s, old)?;
    imp.staff_ids.insert(no, saved.id);
    if let Some(key) = sup_later {
        imp.later.push(Later {
            row: f.row_no(),
            column: "supervisor_staff_no",
            id: saved.id,
            key,
        });
    }
    Ok(o)
}

/// Sets each supervisor who is a person further down the file.
fn settle_supervisors(imp: &mut Importer<'_>) -> Result<()> {
    for l in std::mem::take(&mut imp.later) {
        let Some(sid) = imp.staff_id(&l.key)? else {
            imp.late_problem(l.row, l.column, Problem::Unknown);
            continue;
        };
        if l.id == 0 {
            // A refused row: only whether the reference exists was asked.
            continue;
        }
        let mut s: Staff = imp.db.get(l.id)?;
        s.supervisor_id = Some(sid);
        settle(imp, l.row, &mut s)?;
    }
    Ok(())
}

fn assignment_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let staff = reference(f, "staff_no", |n| imp.staff_id(n))?;
    let start = f.key_date("start_date");
    let (Some(staff), Some(start)) = (staff, start) else {
        return Ok(Outcome::Refused);
    };
    let old: Option<Assignment> = find(
        imp,
        "SELECT id FROM assignments WHERE staff_id = ?1 AND start_date = ?2",
        rusqlite::params![staff, start.to_string()],
    )?;
    let mut a = old.clone().unwrap_or(Assignment {
        id: 0,
        staff_id: staff,
        unit_id: 0,
        position: Position::Clerk,
        start_date: start,
        end_date: None,
        reason: Reason::Transfer,
        note: String::new(),
        version: 0,
    });
    if old.is_none() {
        f.require_new();
    }
    if f.has("unit_code")
        && let Some(id) = reference(f, "unit_code", |c| imp.unit_id(c))?
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
    Ok(imp.upsert(a, old)?.0)
}

fn course_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let Some(code) = key(f, "course_code") else {
        return Ok(Outcome::Refused);
    };
    let old: Option<Course> = match imp.course_id(&code)? {
        Some(id) => imp.db.find(id)?,
        None => None,
    };
    let mut c = old.clone().unwrap_or(Course {
        id: 0,
        code: code.clone(),
        title: String::new(),
        category: CourseCategory::PowerUp,
        hours: 0.0,
        provider: String::new(),
        since: Date::from_ymd(1, 1, 1),
        until: None,
        version: 0,
    });
    if old.is_none() {
        f.require_new();
    }
    f.set_text("title", &mut c.title);
    set_enum!(
        f,
        "category",
        "course_category",
        CourseCategory,
        &mut c.category
    );
    f.set_real("hours", &mut c.hours);
    f.set_text("provider", &mut c.provider);
    f.set_date("since", &mut c.since);
    f.set_opt_date("until", &mut c.until);
    // Positions the course is required of, most senior first: `section_chief;team_chief`
    // or `課長、係長`.
    let mut required: Option<Vec<Position>> = None;
    if let Some(list) = f.text("required_for") {
        let mut ps = Vec::new();
        for part in list
            .split([';', ',', '、', '，', '・', ' ', '　'])
            .filter(|p| !p.is_empty())
        {
            match super::import::enum_code("position", Position::CODES, part)
                .and_then(Position::from_code)
            {
                Some(p) if !ps.contains(&p) => ps.push(p),
                Some(_) => {}
                None => f.problem("required_for", Problem::Malformed),
            }
        }
        required = Some(ps);
    }
    let seen = f.problems().to_vec();
    if !seen.is_empty() {
        return Ok(refused(f, &c, &seen));
    }
    let (mut o, saved) = imp.upsert(c, old)?;
    imp.course_ids.insert(code, saved.id);
    if let Some(want) = required
        && sync_requirements(imp, saved.id, &want)?
        && o == Outcome::Unchanged
    {
        o = Outcome::Updated;
    }
    Ok(o)
}

/// Makes the course's requirements exactly `want`; true when anything changed.
fn sync_requirements(imp: &Importer<'_>, course: Id, want: &[Position]) -> Result<bool> {
    let have: Vec<CourseRequirement> = imp
        .db
        .all(vec![super::Filter::eq("course_id", course)], "position")?;
    let mut changed = false;
    for r in &have {
        if !want.contains(&r.position) {
            imp.db.delete::<CourseRequirement>(r.id, r.version)?;
            changed = true;
        }
    }
    for p in want {
        if !have.iter().any(|r| r.position == *p) {
            let mut r = CourseRequirement {
                id: 0,
                course_id: course,
                position: *p,
                version: 0,
            };
            imp.db.insert_as(&mut r, "import")?;
            changed = true;
        }
    }
    Ok(changed)
}

/// The session named by a course code and its first day.
fn session_key(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Option<(Id, Date)>> {
    let course = reference(f, "course_code", |c| imp.course_id(c))?;
    let starts = f.key_date("starts_on");
    Ok(course.zip(starts))
}

fn session_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let Some((course, starts)) = session_key(imp, f)? else {
        return Ok(Outcome::Refused);
    };
    let old: Option<TrainingSession> = find(
        imp,
        "SELECT id FROM training_sessions WHERE course_id = ?1 AND starts_on = ?2 ORDER BY id",
        rusqlite::params![course, starts.to_string()],
    )?;
    let mut t = old.clone().unwrap_or(TrainingSession {
        id: 0,
        course_id: course,
        fiscal_year: starts.fiscal_year(),
        starts_on: starts,
        ends_on: starts,
        place: String::new(),
        capacity: 0,
        version: 0,
    });
    if old.is_none() {
        f.require_new();
    }
    let mut fy = i64::from(t.fiscal_year);
    if f.code("fiscal_year").is_some_and(|v| !v.is_empty()) {
        f.set_int("fiscal_year", &mut fy);
    }
    t.fiscal_year = i32::try_from(fy).unwrap_or(t.fiscal_year);
    f.set_date("ends_on", &mut t.ends_on);
    f.set_text("place", &mut t.place);
    f.set_int("capacity", &mut t.capacity);
    let seen = f.problems().to_vec();
    if !seen.is_empty() {
        return Ok(refused(f, &t, &seen));
    }
    Ok(imp.upsert(t, old)?.0)
}

fn enrolment_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let staff = reference(f, "staff_no", |n| imp.staff_id(n))?;
    let key = session_key(imp, f)?;
    let (Some(staff), Some((course, starts))) = (staff, key) else {
        return Ok(Outcome::Refused);
    };
    let session: Option<TrainingSession> = find(
        imp,
        "SELECT id FROM training_sessions WHERE course_id = ?1 AND starts_on = ?2 ORDER BY id",
        rusqlite::params![course, starts.to_string()],
    )?;
    let Some(session) = session else {
        f.problem("starts_on", Problem::Unknown);
        return Ok(Outcome::Refused);
    };
    let old: Option<Enrolment> = find(
        imp,
        "SELECT id FROM enrolments WHERE session_id = ?1 AND staff_id = ?2",
        rusqlite::params![session.id, staff],
    )?;
    let course_hours = imp.db.get::<Course>(course)?.hours;
    let mut e = old.clone().unwrap_or(Enrolment {
        id: 0,
        session_id: session.id,
        staff_id: staff,
        state: EnrolmentState::Applied,
        hours: course_hours,
        applied_on: Date::from_ymd(1, 1, 1),
        completed_on: None,
        version: 0,
    });
    if old.is_none() {
        f.require_new();
    }
    set_enum!(f, "state", "enrolment_state", EnrolmentState, &mut e.state);
    f.set_real("hours", &mut e.hours);
    f.set_date("applied_on", &mut e.applied_on);
    f.set_opt_date("completed_on", &mut e.completed_on);
    let seen = f.problems().to_vec();
    if !seen.is_empty() {
        return Ok(refused(f, &e, &seen));
    }
    Ok(imp.upsert(e, old)?.0)
}

fn qualification_row(imp: &mut Importer<'_>, f: &mut Fields<'_>) -> Result<Outcome> {
    let staff = reference(f, "staff_no", |n| imp.staff_id(n))?;
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
    let old: Option<Qualification> = find(
        imp,
        "SELECT id FROM qualifications WHERE staff_id = ?1 AND name = ?2 AND acquired_on = ?3
         ORDER BY id",
        rusqlite::params![staff, name, acquired.to_string()],
    )?;
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
    Ok(imp.upsert(q, old)?.0)
}
