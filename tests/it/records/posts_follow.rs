//! One truth for where a person works. After every kind of write that touches a post —
//! the 配置履歴 form (new, edit, delete), the 職員 form, a staff import, an assignments
//! import, the April transfer round, and days passing (the catch-up when the app opens) —
//! every person's staff row holds the unit and position of the post governing it: the
//! latest that has begun by today, else their first one still to come. Checked, on the
//! demo, by an oracle of this file's own over the raw rows; a write that is refused
//! leaves every row as it was.

use crate::support::d;
use std::collections::BTreeMap;

use jinji::app::editors::{Editor, SaveCtx};
use jinji::app::view::View;

fn editor(view: &str) -> Option<&'static dyn Editor> {
    View::named(view)?.editor()
}
use jinji::demo::{Params, Rng, generate};
use jinji::domain::account::Account;
use jinji::domain::assignment::{Assignment, Reason};
use jinji::domain::staff::{Position, Staff, StaffStatus};
use jinji::domain::unit::Unit;
use jinji::domain::{Date, Id};
use jinji::i18n::WARD;
use jinji::import::{Import, Unwatched, import_kind};
use jinji::sheet::SheetRow;
use jinji::store::flow::Actor;
use jinji::store::scope::Visibility;
use jinji::store::{Db, Filter};
use serde_json::Value;

const DEMO_DAY: (i32, u32, u32) = (2026, 11, 24);

fn demo(params: &Params) -> Db {
    let mut db = Db::open_in_memory().expect("open");
    generate(&db, params).expect("demo");
    db.set_actor("admin");
    db.set_today(params.today);
    db
}

/// Where each person's row and main posts disagree with the rule, as readable lines
/// (posts held beside a main one — 兼務 and the like — never move the row).
fn disagreements(db: &Db, today: Date) -> Vec<String> {
    let staff: Vec<Staff> = db.all(vec![], "id").expect("staff");
    let mut posts: BTreeMap<Id, Vec<Assignment>> = BTreeMap::new();
    let all = db.all::<Assignment>(vec![], "start_date").expect("posts");
    for a in all.into_iter().filter(|a| a.kind.is_main()) {
        posts.entry(a.staff_id).or_default().push(a);
    }
    let mut out = Vec::new();
    for s in &staff {
        let mine = posts.get(&s.id).map(Vec::as_slice).unwrap_or(&[]);
        let Some(first) = mine.first() else {
            out.push(format!("{}: no post at all", s.staff_no));
            continue;
        };
        let governing = mine
            .iter()
            .rev()
            .find(|a| a.start_date <= today)
            .unwrap_or(first);
        if (s.unit_id, s.position) != (governing.unit_id, governing.position) {
            out.push(format!(
                "{}: row says unit {} {:?}, post from {} says unit {} {:?}",
                s.staff_no,
                s.unit_id,
                s.position,
                governing.start_date,
                governing.unit_id,
                governing.position
            ));
        }
        let open = mine.iter().filter(|a| a.end_date.is_none()).count();
        if open > 1 {
            out.push(format!("{}: {open} open posts", s.staff_no));
        }
    }
    out
}

#[track_caller]
fn assert_in_step(db: &Db, today: Date, after: &str) {
    let bad = disagreements(db, today);
    assert!(
        bad.is_empty(),
        "after {after} on {today}: {} people out of step, e.g. {:?}",
        bad.len(),
        &bad[..bad.len().min(5)]
    );
}

/// Everything a write may change, to show a refused one changed nothing.
fn snapshot(db: &Db) -> (Vec<Staff>, Vec<Assignment>) {
    (
        db.all(vec![], "id").expect("staff"),
        db.all(vec![], "id").expect("posts"),
    )
}

/// The columns of an assignments file, as exported.
const POST_COLUMNS: [&str; 6] = [
    "staff_no",
    "start_date",
    "unit_code",
    "position",
    "end_date",
    "reason",
];

/// Imports `rows` under `headers` as `kind`; whether the file was written.
fn import_file<S: AsRef<str>>(db: &Db, kind: &str, headers: &[&str], rows: &[Vec<S>]) -> bool {
    let headers: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
    let rows: Vec<SheetRow> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| SheetRow {
            row: i + 2,
            cells: csv::StringRecord::from(r.iter().map(|c| c.as_ref()).collect::<Vec<_>>()),
        })
        .collect();
    let kind = import_kind(kind).expect("kind");
    let report = db
        .import(kind, &headers, &rows, false, &mut Unwatched)
        .expect("import runs");
    report.written
}

/// A demo ward and a day, written to by every path at random.
struct World {
    db: Db,
    today: Date,
    rng: Rng,
    admin: Account,
    visible: Visibility,
    units: Vec<Unit>,
    /// Writes that went through, by kind.
    done: BTreeMap<&'static str, usize>,
    /// Writes refused (and shown to change nothing), by kind.
    refused: BTreeMap<&'static str, usize>,
}

const POSITIONS: [Position; 7] = [
    Position::Director,
    Position::SectionChief,
    Position::DeputyChief,
    Position::TeamChief,
    Position::Senior,
    Position::Clerk,
    Position::Engineer,
];
const REASONS: [Reason; 4] = [
    Reason::Transfer,
    Reason::Promotion,
    Reason::Secondment,
    Reason::Dispatch,
];

impl World {
    fn new(seed: u64) -> World {
        let today = d(DEMO_DAY.0, DEMO_DAY.1, DEMO_DAY.2);
        let db = demo(&Params {
            staff: 120,
            years: 3,
            ..Params::demo(today)
        });
        let admin = db.account_by_login("admin").expect("read").expect("admin");
        // Its rounds are about posts, not about the plan check (flows::plan_check): this
        // ward lets every problem through as a warning, which its rounds accept.
        // (Someone on leave is never moved: that rule stays an error.)
        for rule in jinji::domain::plan_check::PlanRule::ALL
            .iter()
            .filter(|r| r.fixed_severity().is_none())
        {
            db.set_rule(rule.setting_key(), "warning")
                .expect("severity");
        }
        let units: Vec<Unit> = db
            .all::<Unit>(vec![], "code")
            .expect("units")
            .into_iter()
            .filter(|u| u.valid_to.is_none())
            .collect();
        World {
            db,
            today,
            rng: Rng::new(seed),
            admin,
            visible: Visibility::All,
            units,
            done: BTreeMap::new(),
            refused: BTreeMap::new(),
        }
    }

    /// Who saves (the admin, seeing everyone), and when: as the screens pass it.
    fn ctx(&self) -> SaveCtx<'_> {
        SaveCtx {
            who: Actor {
                account: &self.admin,
                visible: &self.visible,
            },
            today: self.today,
        }
    }

    fn person(&mut self) -> Staff {
        let all: Vec<Staff> = self.db.all(vec![], "id").expect("staff");
        // Now and then a retired person, whom no new post may take.
        let pool: Vec<Staff> = if self.rng.chance(0.1) {
            all
        } else {
            all.into_iter()
                .filter(|s| s.status != StaffStatus::Retired)
                .collect()
        };
        self.rng.pick(&pool).clone()
    }

    fn unit(&mut self) -> Unit {
        self.rng.pick(&self.units).clone()
    }

    fn day_near(&mut self, before: i64, after: i64) -> Date {
        self.today.add_days(self.rng.range(-before, after))
    }

    fn posts_of(&self, id: Id) -> Vec<Assignment> {
        self.db.assignments_of(id).expect("posts")
    }

    /// Runs one write; a refused one must change nothing.
    fn write(&mut self, kind: &'static str, f: impl FnOnce(&mut World) -> bool) {
        let before = snapshot(&self.db);
        if f(self) {
            *self.done.entry(kind).or_default() += 1;
        } else {
            assert_eq!(snapshot(&self.db), before, "a refused {kind} changed rows");
            *self.refused.entry(kind).or_default() += 1;
        }
        assert_in_step(&self.db, self.today, kind);
    }

    fn step(&mut self) {
        match self.rng.weighted(&[4, 2, 4, 2, 2, 1, 2, 2]) {
            0 => self.write("assignment form: new", World::form_new_post),
            1 => self.write("assignment form: edit", World::form_edit_post),
            2 => self.write("staff form", World::staff_form),
            3 => self.write("staff import", World::staff_import),
            4 => self.write("assignments import", World::assignments_import),
            5 => self.write("transfer round", World::transfer_round),
            6 => self.write("assignment delete", World::delete_post),
            _ => self.write("days pass", World::days_pass),
        }
    }

    fn save(&self, view: &str, v: Value) -> bool {
        editor(view)
            .expect("editor")
            .save(&self.db, v, self.ctx())
            .is_ok()
    }

    fn form_new_post(&mut self) -> bool {
        let p = self.person();
        let unit = self.unit();
        let start = self.day_near(400, 200);
        // Mostly a move (no end); now and then a piece of history with its end.
        let end = self
            .rng
            .chance(0.25)
            .then(|| start.add_days(self.rng.range(0, 300)));
        let a = Assignment {
            id: 0,
            staff_id: p.id,
            unit_id: unit.id,
            position: *self.rng.pick(&POSITIONS),
            start_date: start,
            end_date: end,
            reason: *self.rng.pick(&REASONS),
            note: String::new(),
            kind: jinji::domain::post::AssignmentKind::Main,
            version: 0,
        };
        self.save("assignments", serde_json::to_value(a).expect("json"))
    }

    fn form_edit_post(&mut self) -> bool {
        let p = self.person();
        let posts = self.posts_of(p.id);
        let mut a = self.rng.pick(&posts).clone();
        match self.rng.below(3) {
            0 => a.unit_id = self.unit().id,
            1 => a.position = *self.rng.pick(&POSITIONS),
            _ => a.start_date = a.start_date.add_days(self.rng.range(-40, 40)),
        }
        self.save("assignments", serde_json::to_value(a).expect("json"))
    }

    fn staff_form(&mut self) -> bool {
        let mut s = self.person();
        let moved = self.rng.chance(0.8);
        if moved {
            if self.rng.chance(0.7) {
                s.unit_id = self.unit().id;
            }
            if self.rng.chance(0.5) {
                s.position = *self.rng.pick(&POSITIONS);
            }
        }
        s.phone = format!(
            "03-{:04}-{:04}",
            self.rng.below(10_000),
            self.rng.below(10_000)
        );
        let mut v = serde_json::to_value(&s).expect("json");
        // What the form asks when the post changes (a few saves lack it and are refused).
        if self.rng.chance(0.9) {
            let from = self.day_near(120, 200);
            v["reason"] = Value::from(self.rng.pick(&REASONS).code());
            v["effective_on"] = Value::from(from.iso());
        }
        self.save("staff", v)
    }

    fn staff_import(&mut self) -> bool {
        let mut rows = Vec::new();
        for _ in 0..self.rng.range(1, 3) {
            let p = self.person();
            let unit = self.unit();
            let pos = *self.rng.pick(&POSITIONS);
            // The file's reason and date, or blank for the defaults (昇任/定期異動, today).
            let reason = if self.rng.chance(0.5) {
                self.rng.pick(&REASONS).code().to_string()
            } else {
                String::new()
            };
            let from = if self.rng.chance(0.5) {
                self.day_near(100, 150).iso()
            } else {
                String::new()
            };
            rows.push(vec![p.staff_no, unit.code, pos.code().into(), reason, from]);
        }
        let headers = [
            "staff_no",
            "unit_code",
            "position",
            "reason",
            "effective_on",
        ];
        import_file(&self.db, "staff", &headers, &rows)
    }

    fn assignments_import(&mut self) -> bool {
        let mut rows = Vec::new();
        for _ in 0..self.rng.range(1, 3) {
            let p = self.person();
            let posts = self.posts_of(p.id);
            // An existing post changed, or a new one (a move, or history with its end).
            let (start, end) = if self.rng.chance(0.4) {
                let a = self.rng.pick(&posts).clone();
                (a.start_date, a.end_date)
            } else {
                let start = self.day_near(300, 200);
                let end = self
                    .rng
                    .chance(0.3)
                    .then(|| start.add_days(self.rng.range(0, 200)));
                (start, end)
            };
            let unit = self.unit();
            rows.push(vec![
                p.staff_no,
                start.iso(),
                unit.code,
                self.rng.pick(&POSITIONS).code().into(),
                end.map(|e| e.iso()).unwrap_or_default(),
                self.rng.pick(&REASONS).code().into(),
            ]);
        }
        import_file(&self.db, "assignments", &POST_COLUMNS, &rows)
    }

    fn transfer_round(&mut self) -> bool {
        let on = self.day_near(20, 0);
        let mut picks = Vec::new();
        for _ in 0..self.rng.range(1, 4) {
            let p = self.person();
            let unit = self.unit();
            picks.push((p.id, unit.id, *self.rng.pick(&POSITIONS)));
        }
        let SaveCtx { who, today } = self.ctx();
        let Ok(plan) = self.db.new_transfer_plan("随時異動", on, who) else {
            return false;
        };
        for (staff_id, to_unit_id, to_position) in picks {
            let mut m = jinji::domain::transfer::TransferMove {
                id: 0,
                plan_id: plan.id,
                staff_id,
                to_unit_id,
                to_position,
                reason: Reason::Transfer,
                note: String::new(),
                to_grade: None,
                version: 0,
            };
            let _ = self.db.put_transfer_move(&mut m, who);
        }
        // (The plan and its moves are not among the rows a refused round must keep.)
        self.db
            .apply_transfer_plan(plan.id, who, today, true, &WARD, &mut |_| {})
            .is_ok()
    }

    fn delete_post(&mut self) -> bool {
        let p = self.person();
        let posts = self.posts_of(p.id);
        let a = self.rng.pick(&posts).clone();
        editor("assignments")
            .expect("editor")
            .delete(&self.db, a.id, a.version, self.ctx())
            .is_ok()
    }

    /// The clock moves on and the app opens again: staff rows catch up with posts whose
    /// day has come.
    fn days_pass(&mut self) -> bool {
        self.today = self.today.add_days(self.rng.range(1, 150));
        self.db.set_today(self.today);
        self.db.follow_posts(self.today).expect("catch up");
        true
    }
}

#[test]
fn the_demo_starts_in_step_and_needed_no_catching_up() {
    let today = d(DEMO_DAY.0, DEMO_DAY.1, DEMO_DAY.2);
    let db = demo(&Params::demo(today));
    assert_in_step(&db, today, "generating the demo");
    assert!(db.staff_out_of_post(today).expect("read").is_empty());
    let caught: Vec<_> = db
        .audit_entries(Some("staff"), None, 100_000)
        .expect("audit")
        .into_iter()
        .filter(|e| e.action == "post.follow")
        .collect();
    assert!(caught.is_empty(), "the generator wrote rows out of step");
    // Retired people keep the post they last held; everyone else holds one today.
    let staff: Vec<Staff> = db.all(vec![], "id").expect("staff");
    for s in staff.iter().filter(|s| s.status != StaffStatus::Retired) {
        let g = db
            .governing_post(s.id, today)
            .expect("read")
            .expect("a post");
        assert!(
            g.start_date <= today && g.end_date.is_none(),
            "{}",
            s.staff_no
        );
    }
}

#[test]
fn every_kind_of_write_keeps_staff_rows_on_their_posts() {
    for seed in [1, 2] {
        let mut w = World::new(seed);
        assert_in_step(&w.db, w.today, "generating");
        for _ in 0..150 {
            w.step();
        }
        // Each kind did go through (and some were refused), or the test proved nothing.
        for kind in [
            "assignment form: new",
            "assignment form: edit",
            "staff form",
            "staff import",
            "assignments import",
            "transfer round",
            "assignment delete",
            "days pass",
        ] {
            assert!(
                w.done.get(kind).copied().unwrap_or(0) >= 2,
                "seed {seed}: {kind} went through {:?} times (done {:?}, refused {:?})",
                w.done.get(kind),
                w.done,
                w.refused
            );
        }
        eprintln!("seed {seed}: done {:?} refused {:?}", w.done, w.refused);
        assert!(w.refused.values().sum::<usize>() >= 5, "{:?}", w.refused);
    }
}

#[test]
fn a_post_still_to_come_moves_the_row_on_its_day() {
    let today = d(DEMO_DAY.0, DEMO_DAY.1, DEMO_DAY.2);
    let mut db = demo(&Params {
        staff: 40,
        years: 2,
        ..Params::demo(today)
    });
    let s: Staff = db
        .all::<Staff>(vec![Filter::eq("status", "active")], "id")
        .expect("staff")
        .remove(3);
    let to = db
        .all::<Unit>(vec![], "code")
        .expect("units")
        .into_iter()
        .find(|u| u.id != s.unit_id && u.valid_to.is_none())
        .expect("another unit");
    let april = d(2027, 4, 1);
    let post = jinji::store::posts::NewPost {
        unit_id: to.id,
        position: s.position,
        start: april,
        reason: Reason::Transfer,
        note: "内示".into(),
    };
    db.set_post(s.id, &post, today, &jinji::store::posts::BY_HAND)
        .expect("a post from April");
    // Announced, not yet held: the row stays, the post shows as upcoming.
    let row: Staff = db.get(s.id).expect("row");
    assert_eq!(row.unit_id, s.unit_id);
    let next = db
        .upcoming_post(s.id, today)
        .expect("read")
        .expect("upcoming");
    assert_eq!((next.unit_id, next.start_date), (to.id, april));
    let held = db.governing_post(s.id, today).expect("read").expect("held");
    assert_eq!(held.end_date, Some(d(2027, 3, 31)), "closed the day before");
    // The day before, nothing moves; on the day, opening the file moves the row.
    for (day, unit) in [(d(2027, 3, 31), s.unit_id), (april, to.id)] {
        db.set_today(day);
        db.follow_posts(day).expect("catch up");
        assert_eq!(db.get::<Staff>(s.id).expect("row").unit_id, unit, "{day}");
        assert_in_step(&db, day, "opening");
    }
    assert_eq!(db.upcoming_post(s.id, april).expect("read"), None);
}

/// A small demo on the demo's day, and its active people of `position`.
fn ward_with(position: Position) -> (Db, Vec<Staff>, Vec<Unit>) {
    let today = d(DEMO_DAY.0, DEMO_DAY.1, DEMO_DAY.2);
    let db = demo(&Params {
        staff: 60,
        years: 2,
        ..Params::demo(today)
    });
    let people: Vec<Staff> = db
        .all::<Staff>(vec![Filter::eq("status", "active")], "staff_no")
        .expect("staff")
        .into_iter()
        .filter(|s| s.position == position)
        .collect();
    let units: Vec<Unit> = db.all(vec![], "code").expect("units");
    (db, people, units)
}

fn import_rows<S: AsRef<str>>(db: &Db, kind: &str, headers: &[&str], rows: &[Vec<S>]) {
    assert!(import_file(db, kind, headers, rows), "the file is refused");
}

#[test]
fn a_staff_import_moves_people_by_its_reason_and_date_or_else_the_defaults() {
    let (db, clerks, units) = ward_with(Position::Clerk);
    let today = db.today();
    let (a, b, c) = (&clerks[0], &clerks[1], &clerks[2]);
    let elsewhere = |s: &Staff| units.iter().find(|u| u.id != s.unit_id).expect("a unit");
    let (ua, uc) = (elsewhere(a), elsewhere(c));
    let ub = units.iter().find(|u| u.id == b.unit_id).expect("B's unit");
    // Japanese headers, as a clerk's spreadsheet has them.
    import_rows(
        &db,
        "staff",
        &["職員番号", "所属コード", "職位", "異動事由", "発令日"],
        &[
            vec![&a.staff_no, &ua.code, "主事", "出向", "2026-12-01"],
            vec![&b.staff_no, &ub.code, "主任", "", ""],
            vec![&c.staff_no, &uc.code, "clerk", "", ""],
        ],
    );
    let last = |s: &Staff| db.assignments_of(s.id).expect("posts").pop().expect("post");
    // A: seconded from 1 December, not yet: the row waits, the post is upcoming.
    let pa = last(a);
    assert_eq!(
        (pa.unit_id, pa.reason, pa.start_date),
        (ua.id, Reason::Secondment, d(2026, 12, 1))
    );
    assert_eq!(db.get::<Staff>(a.id).expect("row").unit_id, a.unit_id);
    // B: 主事 → 主任 with no reason or date: 昇任 from today, in the same unit.
    let pb = last(b);
    assert_eq!(
        (pb.unit_id, pb.position, pb.reason, pb.start_date),
        (b.unit_id, Position::Senior, Reason::Promotion, today)
    );
    assert_eq!(
        db.get::<Staff>(b.id).expect("row").position,
        Position::Senior
    );
    // C: another unit, no reason or date: 定期異動 from today.
    let pc = last(c);
    assert_eq!(
        (pc.unit_id, pc.reason, pc.start_date),
        (uc.id, Reason::Transfer, today)
    );
    assert_eq!(db.get::<Staff>(c.id).expect("row").unit_id, uc.id);
    assert_in_step(&db, today, "a staff import");
    // On 1 December the app opens, and A is where the file said.
    db.follow_posts(d(2026, 12, 1)).expect("catch up");
    assert_eq!(db.get::<Staff>(a.id).expect("row").unit_id, ua.id);
    assert_in_step(&db, d(2026, 12, 1), "opening on 1 December");
}

#[test]
fn a_new_person_in_a_staff_import_comes_with_a_first_post() {
    let (db, _, units) = ward_with(Position::Clerk);
    let u = &units[units.len() - 1];
    import_rows(
        &db,
        "staff",
        &[
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
            "sex",
        ],
        &[vec![
            "2699100",
            "山田",
            "花子",
            "ヤマダ",
            "ハナコ",
            "2000-05-01",
            "2027-04-01",
            &u.code,
            "clerk",
            "1",
            "office",
            "F",
        ]],
    );
    let s = db.staff_by_no("2699100").expect("read").expect("created");
    let posts = db.assignments_of(s.id).expect("posts");
    assert_eq!(posts.len(), 1);
    assert_eq!(
        (
            posts[0].unit_id,
            posts[0].reason,
            posts[0].start_date,
            posts[0].end_date
        ),
        (u.id, Reason::Hire, d(2027, 4, 1), None)
    );
    assert_in_step(&db, db.today(), "a new person");
}

#[test]
fn an_assignments_import_moves_the_row_only_when_it_changes_the_post_held() {
    let (db, clerks, units) = ward_with(Position::Clerk);
    let today = db.today();
    let (a, b) = (&clerks[0], &clerks[1]);
    let posts_a = db.assignments_of(a.id).expect("posts");
    let open_b = db.assignments_of(b.id).expect("posts").pop().expect("post");
    let ua = units.iter().find(|u| u.id != a.unit_id).expect("a unit");
    let ub = units.iter().find(|u| u.id != b.unit_id).expect("a unit");
    let from = today
        .add_days(-10)
        .max(posts_a.last().expect("post").start_date.add_days(1));
    let mut rows = vec![
        // A: a new open post after the one held: it closes the day before, A moves.
        vec![
            a.staff_no.clone(),
            from.iso(),
            ua.code.clone(),
            "senior".into(),
            String::new(),
            "promotion".into(),
        ],
        // B: the post held, now in another unit: B moves with it.
        vec![
            b.staff_no.clone(),
            open_b.start_date.iso(),
            ub.code.clone(),
            "clerk".into(),
            String::new(),
            open_b.reason.code().into(),
        ],
    ];
    // A's first post, if long over, renamed to another unit: A's row does not move for it.
    if posts_a.len() > 1 {
        let old = &posts_a[0];
        rows.push(vec![
            a.staff_no.clone(),
            old.start_date.iso(),
            ub.code.clone(),
            old.position.code().into(),
            old.end_date.map(|e| e.iso()).unwrap_or_default(),
            old.reason.code().into(),
        ]);
    }
    import_rows(&db, "assignments", &POST_COLUMNS, &rows);
    let now_a = db.assignments_of(a.id).expect("posts");
    let closed = now_a
        .iter()
        .find(|p| p.id == posts_a.last().expect("post").id)
        .expect("kept");
    assert_eq!(closed.end_date, Some(from.add_days(-1)));
    let ra: Staff = db.get(a.id).expect("row");
    assert_eq!((ra.unit_id, ra.position), (ua.id, Position::Senior));
    assert_eq!(db.get::<Staff>(b.id).expect("row").unit_id, ub.id);
    assert_in_step(&db, today, "an assignments import");
}

#[test]
fn a_file_from_before_is_caught_up_on_its_first_open() {
    let today = d(DEMO_DAY.0, DEMO_DAY.1, DEMO_DAY.2);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.db");
    {
        let db = jinji::store::Db::open(&path, jinji::store::OpenMode::Create).expect("create");
        generate(
            &db,
            &Params {
                staff: 40,
                years: 2,
                ..Params::demo(today)
            },
        )
        .expect("demo");
    }
    // As a file written before the rule: a 配置履歴 row the staff row never followed, and
    // no record of ever catching up.
    let moved: i64 = {
        let c = rusqlite::Connection::open(&path).expect("sqlite");
        let (id, unit): (i64, i64) = c
            .query_row(
                "SELECT s.id, (SELECT min(u.id) FROM units u WHERE u.id <> s.unit_id)
                 FROM staff s WHERE s.status = 'active' ORDER BY s.id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("a person");
        c.execute("UPDATE staff SET unit_id = ?1 WHERE id = ?2", [unit, id])
            .expect("update");
        c.execute("DELETE FROM settings WHERE key = 'posts_due_on'", [])
            .expect("delete");
        id
    };
    let mut db = jinji::store::Db::open(&path, jinji::store::OpenMode::Existing).expect("open");
    db.set_actor("admin");
    assert_eq!(db.staff_out_of_post(today).expect("read"), vec![moved]);
    let done = db.follow_posts(today).expect("catch up");
    assert_eq!((done.moved, done.refused.len()), (1, 0));
    assert_in_step(&db, today, "the first open");
    let audit = db
        .audit_entries(Some("staff"), Some(moved), 5)
        .expect("audit");
    assert_eq!(audit[0].action, "post.follow");
}
