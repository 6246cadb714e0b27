//! Leave periods (休職・休業) in the store: two that take whole days never overlap; the
//! staff row's status follows every write of a leave, and the day a leave begins or ends
//! once the file is opened on it; retired people stay retired; a file from before leaves
//! were periods keeps its people's absence as open leaves; a head away leaves their people
//! to the head above until they are back.

use crate::support::ward::*;

use jinji::domain::leave::LeaveKind;
use jinji::domain::staff::{Staff, StaffStatus};
use jinji::domain::{Date, Id, Problem};
use jinji::store::leaves::BY_HAND;
use jinji::store::{Db, OpenMode};

fn status(db: &Db, id: Id) -> StaffStatus {
    db.get::<Staff>(id).expect("staff").status
}

/// The day the records here are written on.
fn day() -> Date {
    d(2026, 11, 24)
}

#[test]
fn two_leaves_that_take_whole_days_may_not_overlap_and_a_refusal_writes_nothing() {
    let w = Ward::new();
    let db = &w.db;
    let id = w.junior.id;
    let mut child = leave(
        id,
        LeaveKind::ChildcareLeave,
        d(2026, 4, 1),
        Some(d(2027, 3, 31)),
    );
    db.put_leave(&mut child, day(), &BY_HAND)
        .expect("childcare");
    let audit = audit_count(db);
    let mut sick = leave(
        id,
        LeaveKind::SickLeave,
        d(2027, 3, 31),
        Some(d(2027, 4, 30)),
    );
    assert_problem(
        db.put_leave(&mut sick, day(), &BY_HAND),
        "start_date",
        Problem::Overlap,
    );
    assert_eq!(audit_count(db), audit, "nothing written");
    assert_eq!(db.leaves_of(id).unwrap().len(), 1);
    // The day after, or a shorter day beside it, is fine.
    sick.start_date = d(2027, 4, 1);
    db.put_leave(&mut sick, day(), &BY_HAND).expect("after");
    let mut partial = leave(id, LeaveKind::PartialLeave, d(2026, 10, 1), None);
    db.put_leave(&mut partial, day(), &BY_HAND)
        .expect("部分休業 beside");
    // Another person's leave never clashes with this one's.
    let mut other = leave(w.clerk.id, LeaveKind::ChildcareLeave, d(2026, 4, 1), None);
    db.put_leave(&mut other, day(), &BY_HAND)
        .expect("another person");
    // Editing a leave into another's days is refused too.
    sick.start_date = d(2027, 3, 1);
    assert_problem(
        db.put_leave(&mut sick, day(), &BY_HAND),
        "start_date",
        Problem::Overlap,
    );
}

#[test]
fn the_status_follows_every_write_of_a_leave() {
    let w = Ward::new();
    let db = &w.db;
    let id = w.junior.id;
    assert_eq!(status(db, id), StaffStatus::Active);
    let mut l = leave(id, LeaveKind::SickSuspension, d(2026, 9, 1), None);
    db.put_leave(&mut l, day(), &BY_HAND).expect("insert");
    assert_eq!(status(db, id), StaffStatus::Leave, "a leave running today");
    l.kind = LeaveKind::PublicInterestDispatch;
    db.put_leave(&mut l, day(), &BY_HAND).expect("edit");
    assert_eq!(status(db, id), StaffStatus::Seconded, "派遣");
    l.kind = LeaveKind::ChildcareShortHours;
    db.put_leave(&mut l, day(), &BY_HAND).expect("edit");
    assert_eq!(
        status(db, id),
        StaffStatus::Active,
        "shorter days are days at work"
    );
    l.kind = LeaveKind::SickSuspension;
    db.put_leave(&mut l, day(), &BY_HAND).expect("edit");
    // Moved to another person: both follow.
    l.staff_id = w.clerk.id;
    db.put_leave(&mut l, day(), &BY_HAND).expect("move");
    assert_eq!(status(db, id), StaffStatus::Active);
    assert_eq!(status(db, w.clerk.id), StaffStatus::Leave);
    db.delete_leave(l.id, l.version, day()).expect("delete");
    assert_eq!(
        status(db, w.clerk.id),
        StaffStatus::Active,
        "deleted: at work"
    );
    // Every status change is audited, in the leave's transaction.
    let follows: i64 = {
        let c = rusqlite::Connection::open(w.path()).unwrap();
        c.query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'leave.follow'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(follows, 7);
}

fn supervisor(db: &Db, id: Id) -> Option<Id> {
    db.get::<Staff>(id).expect("staff").supervisor_id
}

#[test]
fn a_head_away_leaves_their_people_to_the_head_above_until_they_are_back() {
    let w = Ward::new();
    let db = &w.db;
    assert_eq!(supervisor(db, w.junior.id), Some(w.lead.id));
    // The 係長 takes 育児休業 from this month: the 課長 leads 人事係 meanwhile.
    let mut l = leave(w.lead.id, LeaveKind::ChildcareLeave, d(2026, 11, 1), None);
    db.put_leave(&mut l, day(), &BY_HAND).expect("insert");
    assert_eq!(status(db, w.lead.id), StaffStatus::Leave);
    assert_eq!(supervisor(db, w.junior.id), Some(w.chief.id), "while away");
    // Back at work (the leave ended yesterday): the 係長 leads again.
    l.end_date = Some(day().add_days(-1));
    db.put_leave(&mut l, day(), &BY_HAND).expect("ended");
    assert_eq!(status(db, w.lead.id), StaffStatus::Active);
    assert_eq!(supervisor(db, w.junior.id), Some(w.lead.id), "back");
    // A clerk's leave changes nobody's supervisor.
    let mut own = leave(w.junior.id, LeaveKind::SickSuspension, d(2026, 11, 1), None);
    db.put_leave(&mut own, day(), &BY_HAND).expect("clerk away");
    assert_eq!(supervisor(db, w.junior.id), Some(w.lead.id));
}

#[test]
fn a_retired_person_stays_retired_whatever_their_leaves() {
    let w = Ward::new();
    let db = &w.db;
    let s: Staff = db.get(w.clerk.id).unwrap();
    db.retire_staff(s.id, s.version, d(2026, 3, 31))
        .expect("retire");
    let mut l = leave(
        s.id,
        LeaveKind::SickSuspension,
        d(2025, 4, 1),
        Some(d(2026, 3, 31)),
    );
    db.put_leave(&mut l, d(2025, 10, 1), &BY_HAND)
        .expect("insert");
    assert_eq!(status(db, s.id), StaffStatus::Retired);
    db.follow_posts(day()).expect("open");
    assert_eq!(status(db, s.id), StaffStatus::Retired);
}

#[test]
fn the_status_moves_on_the_day_a_leave_begins_and_the_day_after_it_ends() {
    let w = Ward::new();
    let db = &w.db;
    let id = w.junior.id;
    // Written ahead: it begins on 1 December and ends on 31 January.
    let mut l = leave(
        id,
        LeaveKind::ChildcareLeave,
        d(2026, 12, 1),
        Some(d(2027, 1, 31)),
    );
    db.put_leave(&mut l, day(), &BY_HAND).expect("insert");
    assert_eq!(status(db, id), StaffStatus::Active, "not begun");
    let due = |db: &Db| db.setting("leaves_due_on").unwrap();
    assert_eq!(due(db).as_deref(), Some("2026-12-01"));
    // Opened the day before: nothing moves.
    db.follow_posts(d(2026, 11, 30)).expect("open");
    assert_eq!(status(db, id), StaffStatus::Active);
    db.follow_posts(d(2026, 12, 1)).expect("open");
    assert_eq!(status(db, id), StaffStatus::Leave, "its first day");
    assert_eq!(
        due(db).as_deref(),
        Some("2027-02-01"),
        "next: the day after it ends"
    );
    db.follow_posts(d(2027, 1, 31)).expect("open");
    assert_eq!(status(db, id), StaffStatus::Leave, "its last day");
    db.follow_posts(d(2027, 2, 3))
        .expect("open, some days late");
    assert_eq!(status(db, id), StaffStatus::Active, "back at work");
    assert_eq!(due(db).as_deref(), Some(""), "nothing more to come");
}

#[test]
fn a_file_from_before_leave_periods_keeps_its_people_away_as_open_leaves() {
    let w = Ward::new();
    let path = w.path();
    let (junior, clerk) = (w.junior.id, w.clerk.id);
    let post_start = d(2022, 4, 1);
    let mut post = assignment(clerk, w.team_res, post_start, None);
    w.db.insert(&mut post).expect("post");
    drop(w.db);
    {
        // The file as the program before leave periods (schema 11) left it: what the
        // later steps added taken away again, newest first.
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(&format!(
            "DROP TABLE exam_entries; DROP TABLE exams; DROP TABLE exam_kinds;
             DROP INDEX eval_periods_kind_end;
             DROP INDEX assignments_unit_held; DROP INDEX staff_managers_birth;
             DROP TABLE reorg_steps; DROP TABLE reorg_plans; DROP TABLE unit_versions;
             DROP TABLE appointments; DROP TABLE job_fits;
             ALTER TABLE transfer_plans DROP COLUMN announced_on;
             ALTER TABLE transfer_moves DROP COLUMN to_grade;
             DROP VIEW post_fills; DROP INDEX assignments_unit_start;
             ALTER TABLE assignments DROP COLUMN kind; DROP TABLE unit_posts;
             DROP TABLE leaves; DELETE FROM settings WHERE key = 'leaves_due_on';
             UPDATE staff SET status = 'leave' WHERE id = {junior};
             UPDATE staff SET status = 'seconded' WHERE id = {clerk};
             PRAGMA user_version = 11;"
        ))
        .unwrap();
    }
    let db = Db::open(&path, OpenMode::Create).expect("migrate");
    let kinds = |id| {
        db.leaves_of(id)
            .unwrap()
            .into_iter()
            .map(|l| (l.kind, l.start_date, l.end_date))
            .collect::<Vec<_>>()
    };
    // No post: from the hire; a post held: from its first day.
    assert_eq!(
        kinds(junior),
        [(LeaveKind::SickSuspension, d(2024, 4, 1), None)]
    );
    assert_eq!(
        kinds(clerk),
        [(LeaveKind::PublicInterestDispatch, post_start, None)]
    );
    assert!(kinds(w.lead.id).is_empty());
    // Opening it moves no one: the statuses are what the leaves give.
    db.follow_posts(day()).expect("open");
    assert_eq!(status(&db, junior), StaffStatus::Leave);
    assert_eq!(status(&db, clerk), StaffStatus::Seconded);
    assert_eq!(status(&db, w.lead.id), StaffStatus::Active);
}
