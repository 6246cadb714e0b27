//! Fixtures shared by the store's integration tests: a small ward (部 › 課 › 係), a few
//! people, record builders with valid defaults, and helpers to read store errors.

use std::fmt::Debug;
use std::path::{Path, PathBuf};

use jinji::domain::account::{Account, Role};
use jinji::domain::assignment::{Assignment, Reason};
use jinji::domain::staff::{JobType, Position, Sex, Staff, Track};
use jinji::domain::unit::{Unit, UnitKind};
use jinji::domain::{Date, Id, Invalid, Problem};
use jinji::store::flow::Actor;
use jinji::store::scope::Visibility;
use jinji::store::{Db, OpenMode, StoreError};
use tempfile::TempDir;

pub use super::d;

pub fn rule(name: &'static str) -> Problem {
    Problem::Rule { rule: name }
}

/// The `Invalid` inside an error, or a panic that shows what came instead.
pub fn invalid<T: Debug>(r: Result<T, StoreError>) -> Invalid {
    match r {
        Err(StoreError::Invalid(i)) => i,
        other => panic!("expected StoreError::Invalid, got {other:?}"),
    }
}

/// Asserts that `r` failed validation with `problem` on `field`.
#[track_caller]
pub fn assert_problem<T: Debug>(r: Result<T, StoreError>, field: &str, problem: Problem) {
    let inv = invalid(r);
    assert!(
        inv.0
            .iter()
            .any(|e| e.field == field && e.problem == problem),
        "expected `{field}: {problem:?}`, got {inv:?}"
    );
}

pub fn unit(code: &str, name: &str, parent_id: Option<Id>, kind: UnitKind) -> Unit {
    Unit {
        id: 0,
        code: code.into(),
        name: name.into(),
        kana: String::new(),
        parent_id,
        kind,
        valid_from: Some(d(2000, 4, 1)),
        valid_to: None,
        version: 0,
    }
}

/// A valid active clerk; change what the test needs.
pub fn staff(no: &str, unit_id: Id, hire: Date) -> Staff {
    Staff {
        staff_no: no.into(),
        family_name: "山田".into(),
        given_name: "太郎".into(),
        family_kana: "ヤマダ".into(),
        given_kana: "タロウ".into(),
        sex: Sex::Male,
        unit_id,
        grade: 2,
        ..Staff::blank(hire)
    }
}

pub fn assignment(staff_id: Id, unit_id: Id, start: Date, end: Option<Date>) -> Assignment {
    Assignment {
        id: 0,
        staff_id,
        unit_id,
        position: Position::Clerk,
        start_date: start,
        end_date: end,
        reason: Reason::Transfer,
        note: String::new(),
        kind: jinji::domain::post::AssignmentKind::Main,
        version: 0,
    }
}

/// A leave of a person, with no note.
pub fn leave(
    staff_id: Id,
    kind: jinji::domain::leave::LeaveKind,
    start: Date,
    end: Option<Date>,
) -> jinji::domain::leave::Leave {
    jinji::domain::leave::Leave {
        id: 0,
        staff_id,
        kind,
        start_date: start,
        end_date: end,
        note: String::new(),
        version: 0,
    }
}

/// A ward on a temporary file: 総務部 › {人事課 › 人事係, 区民課 › 区民係} and four people.
pub struct Ward {
    pub db: Db,
    pub dept: Id,
    pub sec_hr: Id,
    pub sec_res: Id,
    pub team_hr: Id,
    pub team_res: Id,
    /// 課長 of 人事課, hired 1995.
    pub chief: Staff,
    /// 係長 of 人事係, hired 2012, reports to `chief`.
    pub lead: Staff,
    /// New clerk in 人事係, hired 2024-04-01, reports to `lead`.
    pub junior: Staff,
    /// Clerk in 区民係, hired 2015-04-01 (a specialist).
    pub clerk: Staff,
    pub dir: TempDir,
}

impl Ward {
    /// The ward on `today` with each person's main post, as their staff row says, kept
    /// as a post (by hand, as the 配置履歴 form writes one).
    pub fn with_posts(today: Date) -> Ward {
        let mut w = Ward::new();
        w.db.set_today(today);
        for s in [&w.chief, &w.lead, &w.junior, &w.clerk] {
            let mut a = assignment(s.id, s.unit_id, s.hire_date, None);
            a.position = s.position;
            w.db.put_assignment(
                &mut a,
                today,
                &jinji::store::posts::BY_HAND,
                &jinji::i18n::WARD,
            )
            .expect("main post");
        }
        w
    }

    pub fn new() -> Ward {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut db = Db::open(&dir.path().join("jinji.db"), OpenMode::Create).expect("open");
        db.set_actor("hr.admin");
        // The fixtures' numbers carry a letter (A0001): this ward leaves their form free.
        db.set_rule("staff_no_length", "0")
            .expect("staff_no_length");
        let add = |db: &Db, mut u: Unit| {
            db.insert(&mut u).expect("unit");
            u.id
        };
        let dept = add(&db, unit("D01", "総務部", None, UnitKind::Department));
        let sec_hr = add(&db, unit("D01S01", "人事課", Some(dept), UnitKind::Section));
        let sec_res = add(&db, unit("D01S02", "区民課", Some(dept), UnitKind::Section));
        let team_hr = add(
            &db,
            unit("D01S01T1", "人事係", Some(sec_hr), UnitKind::Team),
        );
        let team_res = add(
            &db,
            unit("D01S02T1", "区民係", Some(sec_res), UnitKind::Team),
        );

        let mut chief = staff("A0001", sec_hr, d(1995, 4, 1));
        chief.family_name = "佐藤".into();
        chief.family_kana = "サトウ".into();
        chief.position = Position::SectionChief;
        chief.grade = 6;
        db.insert(&mut chief).expect("chief");

        let mut lead = staff("A0002", team_hr, d(2012, 4, 1));
        lead.family_name = "鈴木".into();
        lead.family_kana = "スズキ".into();
        lead.position = Position::TeamChief;
        lead.grade = 4;
        lead.supervisor_id = Some(chief.id);
        db.insert(&mut lead).expect("lead");

        let mut junior = staff("A0003", team_hr, d(2024, 4, 1));
        junior.family_name = "高橋".into();
        junior.family_kana = "タカハシ".into();
        junior.grade = 1;
        junior.supervisor_id = Some(lead.id);
        db.insert(&mut junior).expect("junior");

        let mut clerk = staff("A0004", team_res, d(2015, 4, 1));
        clerk.family_name = "田中".into();
        clerk.family_kana = "タナカ".into();
        clerk.job_type = JobType::Civil;
        clerk.track = Track::Specialist;
        db.insert(&mut clerk).expect("clerk");

        Ward {
            db,
            dept,
            sec_hr,
            sec_res,
            team_hr,
            team_res,
            chief,
            lead,
            junior,
            clerk,
            dir,
        }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("jinji.db")
    }
}

/// The bytes and modification time of a file, to show it was not touched. The file is
/// first dated back to 2001, so that any write after this moves its time, however fine or
/// coarse the file system's clock and whatever the real date.
pub fn snapshot(p: &Path) -> (Vec<u8>, std::time::SystemTime) {
    let past = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    std::fs::File::open(p)
        .and_then(|f| f.set_modified(past))
        .expect("date the file back");
    let bytes = std::fs::read(p).expect("read");
    let mtime = std::fs::metadata(p)
        .and_then(|m| m.modified())
        .expect("mtime");
    (bytes, mtime)
}

/// The names in a directory, sorted.
pub fn dir_names(p: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(p)
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// How many audit rows the database holds.
pub fn audit_count(db: &Db) -> usize {
    db.audit_entries(None, None, 1_000_000)
        .expect("audit")
        .len()
}

/// Records the year's compliance training of a person the one way it is kept: a completed
/// enrolment in the ward's yearly compliance course (made on first use, required every
/// year of every position), in a session of that fiscal year.
pub fn compliance_training(db: &Db, staff_id: Id, fy: i32, on: Date) {
    use jinji::domain::training::{
        Course, CourseCategory, CourseRequirement, Enrolment, EnrolmentState, RequiredPeriod,
        TrainingSession,
    };
    let course = match db.course_by_code("CMPYEAR").expect("course") {
        Some(c) => c,
        None => {
            let mut c = Course {
                id: 0,
                code: "CMPYEAR".into(),
                title: "コンプライアンス研修".into(),
                category: CourseCategory::Compliance,
                hours: 3.0,
                provider: String::new(),
                since: d(2000, 4, 1),
                until: None,
                version: 0,
            };
            db.insert(&mut c).expect("course");
            for &position in Position::ALL {
                db.insert(&mut CourseRequirement {
                    id: 0,
                    course_id: c.id,
                    position,
                    period: RequiredPeriod::EveryYear,
                    months: None,
                    version: 0,
                })
                .expect("requirement");
            }
            c
        }
    };
    let starts = d(fy, 4, 1);
    let session = match db.session_by("CMPYEAR", starts).expect("session") {
        Some(s) => s,
        None => {
            let mut s = TrainingSession {
                id: 0,
                course_id: course.id,
                fiscal_year: fy,
                starts_on: starts,
                ends_on: d(fy + 1, 3, 31),
                place: "オンライン".into(),
                capacity: 1000,
                version: 0,
            };
            db.insert(&mut s).expect("session");
            s
        }
    };
    db.insert(&mut Enrolment {
        id: 0,
        session_id: session.id,
        staff_id,
        state: EnrolmentState::Completed,
        hours: 3.0,
        applied_on: starts,
        completed_on: Some(on),
        version: 0,
    })
    .expect("enrolment");
}

/// The fiscal year the workflow tests' accounts see.
pub const WHO_FY: i32 = 2025;

/// An account and what it may see (as of `WHO_FY`), to act through the workflows.
pub struct Who {
    pub account: Account,
    pub visible: Visibility,
}

impl Who {
    pub fn new(db: &Db, login: &str, role: Role, staff: Option<Id>) -> Who {
        let account = Account {
            id: 0,
            login: login.into(),
            staff_id: staff,
            role,
            active: true,
            created_on: d(2025, 4, 1),
            version: 0,
        };
        let visible = db.visibility(&account, WHO_FY).expect("visibility");
        Who { account, visible }
    }

    pub fn actor(&self) -> Actor<'_> {
        Actor {
            account: &self.account,
            visible: &self.visible,
        }
    }
}
