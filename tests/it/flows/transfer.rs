//! The April transfer round through the store (src/store/transfer.rs): who may keep plans,
//! how a person's move is put into a draft (added, replaced, refused), how a plan is
//! applied — old posts closed the day before, new ones opened, people moved, supervisors
//! and draft evaluators reset — all or nothing, and the states a plan passes through.

use crate::support::today;
use crate::support::ward;

use jinji::domain::account::Role;
use jinji::domain::assignment::{Assignment, Reason};
use jinji::domain::evaluation::{EvalKind, EvalPeriod, EvalState, Evaluation, Grade, Term};
use jinji::domain::staff::{Position, Staff, StaffStatus};
use jinji::domain::transfer::{PlanState, TransferMove, TransferPlan};
use jinji::domain::unit::{Unit, UnitKind};
use jinji::domain::{Date, FiscalYear, Id, Problem};
use jinji::i18n::WARD;
use jinji::store::flow::Actor;
use jinji::store::{Db, StoreError};
use ward::*;

/// The field a move's unit is refused on.
const TO_UNIT: &str = "to_unit_code";

/// The day the plans of these tests take effect (mid FY2026).
fn eff() -> Date {
    d(2026, 10, 1)
}

/// The shared `Ward` made whole for a round: a director over 総務部, a chief and a team
/// chief for 区民課 › 区民係, an empty 庶務係 under 人事課, everyone with a current post
/// and the supervisor the tree gives them, and evaluations in FY2025, FY2026, FY2027.
struct Round {
    w: Ward,
    /// 庶務係 under 人事課, with nobody in it.
    team_gen: Id,
    /// 部長 of 総務部.
    director: Id,
    /// 課長 of 区民課.
    res_chief: Id,
    /// 係長 of 区民係.
    res_lead: Id,
    /// Competency periods by fiscal year: 2025, 2026, 2027.
    periods: [Id; 3],
    hr: Who,
}

const FYS: [FiscalYear; 3] = [2025, 2026, 2027];

impl Round {
    fn new() -> Round {
        let w = Ward::new();
        let db = &w.db;
        let mut gen_team = unit("D01S01T2", "庶務係", Some(w.sec_hr), UnitKind::Team);
        db.insert(&mut gen_team).expect("team");

        let person = |no: &str, unit: Id, pos: Position, grade: i64, sup: Option<Id>| {
            let mut s = staff(no, unit, d(1996, 4, 1));
            s.position = pos;
            s.grade = grade;
            s.supervisor_id = sup;
            db.insert(&mut s).expect("staff");
            s.id
        };
        let director = person("A0005", w.dept, Position::Director, 7, None);
        let res_chief = person(
            "A0006",
            w.sec_res,
            Position::SectionChief,
            6,
            Some(director),
        );
        let res_lead = person("A0007", w.team_res, Position::TeamChief, 4, Some(res_chief));
        let set_sup = |id: Id, sup: Id| {
            let mut s: Staff = db.get(id).expect("staff");
            s.supervisor_id = Some(sup);
            db.update(&mut s).expect("supervisor");
        };
        set_sup(w.chief.id, director);
        set_sup(w.clerk.id, res_lead);

        // Everyone's posts: the clerk came from 人事係 in 2021.
        let post = |staff: Id, unit: Id, pos: Position, start: Date, end: Option<Date>| {
            let mut a = assignment(staff, unit, start, end);
            a.position = pos;
            db.insert(&mut a).expect("assignment");
        };
        post(
            w.chief.id,
            w.sec_hr,
            Position::SectionChief,
            d(2020, 4, 1),
            None,
        );
        post(
            w.lead.id,
            w.team_hr,
            Position::TeamChief,
            d(2022, 4, 1),
            None,
        );
        post(w.junior.id, w.team_hr, Position::Clerk, d(2024, 4, 1), None);
        let clerk = w.clerk.id;
        post(
            clerk,
            w.team_hr,
            Position::Clerk,
            d(2015, 4, 1),
            Some(d(2021, 3, 31)),
        );
        post(clerk, w.team_res, Position::Clerk, d(2021, 4, 1), None);
        post(director, w.dept, Position::Director, d(2023, 4, 1), None);
        post(
            res_chief,
            w.sec_res,
            Position::SectionChief,
            d(2022, 4, 1),
            None,
        );
        post(
            res_lead,
            w.team_res,
            Position::TeamChief,
            d(2025, 4, 1),
            None,
        );

        let periods = FYS.map(|fy| {
            let mut p = EvalPeriod {
                id: 0,
                fiscal_year: fy,
                kind: EvalKind::Competency,
                term: Term::Full,
                start_date: d(fy, 4, 1),
                end_date: d(fy + 1, 3, 31),
                base_date: d(fy + 1, 3, 31),
                version: 0,
            };
            db.insert(&mut p).expect("period");
            p.id
        });
        let eval = |period: Id, staff: Id, e1: Id, e2: Id, submitted: bool| {
            let mut e = Evaluation::draft(period, staff, Some(e1), Some(e2));
            if submitted {
                e.state = EvalState::SelfSubmitted;
                e.self_rating = Some(Grade::A);
                e.self_submitted_on = Some(d(2026, 9, 1));
            }
            db.insert(&mut e).expect("evaluation");
        };
        let (chief, lead, junior) = (w.chief.id, w.lead.id, w.junior.id);
        // Every FY: the junior in draft under 鈴木 and 佐藤.
        for p in periods {
            eval(p, junior, lead, chief, false);
        }
        // FY2026 besides: the clerk in draft, the lead past draft, the 区民係 chief in draft.
        eval(periods[1], clerk, res_lead, res_chief, false);
        eval(periods[1], lead, chief, director, true);
        eval(periods[1], res_lead, res_chief, director, false);

        let hr = Who::new(db, "hr.clerk", Role::Hr, None);
        // These rounds are applied weeks after their day: a late 発令 the ward here allows
        // with a warning (the plan check's own tests keep the default).
        db.set_rule("plan.date_past", "warning").expect("severity");
        let r = Round {
            team_gen: gen_team.id,
            director,
            res_chief,
            res_lead,
            periods,
            hr,
            w,
        };
        r.assert_supervisors_follow_the_tree();
        r
    }

    fn db(&self) -> &Db {
        &self.w.db
    }

    fn hr(&self) -> Actor<'_> {
        self.hr.actor()
    }

    fn person(&self, id: Id) -> Staff {
        self.db().get(id).expect("staff")
    }

    fn plan(&self, id: Id) -> TransferPlan {
        self.db().get(id).expect("plan")
    }

    /// A draft plan effective on [`eff`].
    fn new_plan(&self, name: &str) -> TransferPlan {
        self.db()
            .new_transfer_plan(name, eff(), self.hr())
            .expect("plan")
    }

    /// Puts a move into `plan` as HR.
    fn put(&self, plan: Id, staff: Id, unit: Id, pos: Position, reason: Reason) -> TransferMove {
        let mut m = mv(plan, staff, unit, pos, reason);
        // A move to a position the person's grade does not fit sets the nearest grade of
        // it, as the plan's check requires of a promotion.
        let grade = self.person(staff).grade;
        let (lo, hi) = pos.grades();
        if !(lo..=hi).contains(&grade) {
            m.to_grade = Some(grade.clamp(lo, hi));
        }
        self.db().put_transfer_move(&mut m, self.hr()).expect("put");
        m
    }

    /// The evaluation of `staff` in the period of `fy`.
    fn eval(&self, fy: FiscalYear, staff: Id) -> Evaluation {
        let i = FYS.iter().position(|y| *y == fy).expect("fy");
        self.db()
            .all::<Evaluation>(vec![], "id")
            .expect("evaluations")
            .into_iter()
            .find(|e| e.period_id == self.periods[i] && e.staff_id == staff)
            .unwrap_or_else(|| panic!("no FY{fy} evaluation of {staff}"))
    }

    fn evaluators(&self, fy: FiscalYear, staff: Id) -> (Option<Id>, Option<Id>) {
        let e = self.eval(fy, staff);
        (e.evaluator1_id, e.evaluator2_id)
    }

    /// Every active person's supervisor is the nearest head above them.
    #[track_caller]
    fn assert_supervisors_follow_the_tree(&self) {
        for p in self.db().all::<Staff>(vec![], "id").expect("staff") {
            if p.status == StaffStatus::Active {
                assert_eq!(
                    p.supervisor_id,
                    self.db().supervisor_for(&p).expect("supervisor_for"),
                    "supervisor of {}",
                    p.staff_no
                );
            }
        }
    }

    /// No two assignments of anyone share a day, and everyone has one open post at most.
    #[track_caller]
    fn assert_no_overlaps(&self) {
        for p in self.db().all::<Staff>(vec![], "id").expect("staff") {
            let posts = self.db().assignments_of(p.id).expect("assignments");
            for (i, a) in posts.iter().enumerate() {
                for b in &posts[i + 1..] {
                    assert!(!a.overlaps(b), "{}: {a:?} overlaps {b:?}", p.staff_no);
                }
            }
            let open = posts.iter().filter(|a| a.end_date.is_none()).count();
            assert!(open <= 1, "{}: {open} open posts", p.staff_no);
        }
    }
}

fn mv(plan: Id, staff: Id, unit: Id, pos: Position, reason: Reason) -> TransferMove {
    TransferMove {
        id: 0,
        plan_id: plan,
        staff_id: staff,
        to_unit_id: unit,
        to_position: pos,
        reason,
        note: String::new(),
        to_grade: None,
        version: 0,
    }
}

/// Applies `plan`, its check's warnings accepted, returning the result and the people `on_move` heard of, in order.
fn apply(db: &Db, plan: Id, who: Actor, on: Date) -> (Result<usize, StoreError>, Vec<Id>) {
    let mut heard = Vec::new();
    let r = db.apply_transfer_plan(plan, who, on, true, &WARD, &mut |m| heard.push(m.staff_id));
    (r, heard)
}

/// Every table a round writes, and the length of the audit log.
#[derive(Debug, PartialEq)]
struct Tables {
    staff: Vec<Staff>,
    assignments: Vec<Assignment>,
    evaluations: Vec<Evaluation>,
    plans: Vec<TransferPlan>,
    moves: Vec<TransferMove>,
    units: Vec<Unit>,
    audit: usize,
}

fn tables(db: &Db) -> Tables {
    Tables {
        staff: db.all(vec![], "id").expect("staff"),
        assignments: db.all(vec![], "id").expect("assignments"),
        evaluations: db.all(vec![], "id").expect("evaluations"),
        plans: db.all(vec![], "id").expect("plans"),
        moves: db.all(vec![], "id").expect("moves"),
        units: db.all(vec![], "id").expect("units"),
        audit: audit_count(db),
    }
}

/// The audit actions on `table` newer than the entry with id `after`, oldest first.
fn actions_since(db: &Db, after: Id, table: &str) -> Vec<String> {
    let mut v: Vec<_> = db
        .audit_entries(Some(table), None, 1_000_000)
        .expect("audit")
        .into_iter()
        .filter(|e| e.id > after)
        .collect();
    v.reverse();
    v.into_iter().map(|e| e.action).collect()
}

fn last_audit_id(db: &Db) -> Id {
    db.audit_entries(None, None, 1)
        .expect("audit")
        .first()
        .map_or(0, |e| e.id)
}

// ---------------------------------------------------------------------------------------
// Who may keep plans.
// ---------------------------------------------------------------------------------------

#[test]
fn admin_and_hr_may_do_everything_with_a_plan() {
    for role in [Role::Admin, Role::Hr] {
        let r = Round::new();
        let who = Who::new(r.db(), "office", role, None);
        let a = who.actor();
        let db = r.db();
        let p = db.new_transfer_plan(" 秋の異動 ", eff(), a).expect("new");
        assert_eq!(
            (p.name.as_str(), p.effective_on, p.state, p.applied_on),
            ("秋の異動", eff(), PlanState::Draft, None),
            "{role:?}"
        );
        let mut m = mv(
            p.id,
            r.w.junior.id,
            r.w.team_res,
            Position::Clerk,
            Reason::Transfer,
        );
        db.put_transfer_move(&mut m, a).expect("put");
        let mut m2 = mv(
            p.id,
            r.w.clerk.id,
            r.w.team_hr,
            Position::Clerk,
            Reason::Transfer,
        );
        db.put_transfer_move(&mut m2, a).expect("put");
        db.remove_transfer_move(p.id, r.w.clerk.id, a)
            .expect("remove");
        let other = db.new_transfer_plan("別案", eff(), a).expect("new");
        assert_eq!(
            db.discard_transfer_plan(other.id, a)
                .expect("discard")
                .state,
            PlanState::Discarded
        );
        let (done, heard) = apply(db, p.id, a, today());
        assert_eq!(done.expect("apply"), 1, "{role:?}");
        assert_eq!(heard, vec![r.w.junior.id]);
        assert_eq!(r.plan(p.id).state, PlanState::Applied);
    }
}

#[test]
fn supervisors_and_staff_are_refused_every_write_and_nothing_changes() {
    let r = Round::new();
    let db = r.db();
    let p = r.new_plan("秋の異動");
    r.put(
        p.id,
        r.w.junior.id,
        r.w.team_res,
        Position::Clerk,
        Reason::Transfer,
    );
    let people = [
        ("sato", Role::Supervisor, r.w.chief.id),
        ("suzuki", Role::Supervisor, r.w.lead.id),
        ("takahashi", Role::Staff, r.w.junior.id),
    ];
    for (login, role, me) in people {
        let who = Who::new(db, login, role, Some(me));
        let a = who.actor();
        let before = tables(db);
        let hr_only = rule("transfer_hr_only");
        assert_problem(
            db.new_transfer_plan("私案", eff(), a),
            "plan",
            hr_only.clone(),
        );
        // A new move and a change of the existing one alike.
        for (staff, unit) in [(r.w.clerk.id, r.w.team_hr), (r.w.junior.id, r.team_gen)] {
            let mut m = mv(p.id, staff, unit, Position::Clerk, Reason::Transfer);
            assert_problem(db.put_transfer_move(&mut m, a), "plan", hr_only.clone());
        }
        assert_problem(
            db.remove_transfer_move(p.id, r.w.junior.id, a),
            "plan",
            hr_only.clone(),
        );
        assert_problem(db.discard_transfer_plan(p.id, a), "plan", hr_only.clone());
        let (res, heard) = apply(db, p.id, a, today());
        assert_problem(res, "plan", hr_only);
        assert!(heard.is_empty(), "{login}: no move was tried");
        assert_eq!(tables(db), before, "{login} ({role:?}) wrote nothing");
    }
    assert_eq!(r.plan(p.id).state, PlanState::Draft);
}

// ---------------------------------------------------------------------------------------
// Putting moves into a draft.
// ---------------------------------------------------------------------------------------

#[test]
fn put_replaces_the_move_of_a_person_already_in_the_plan() {
    let r = Round::new();
    let db = r.db();
    let p = r.new_plan("秋の異動");
    let other = r.new_plan("別案");
    let first = r.put(
        p.id,
        r.w.junior.id,
        r.w.team_res,
        Position::Clerk,
        Reason::Transfer,
    );
    r.put(
        other.id,
        r.w.junior.id,
        r.w.team_res,
        Position::Clerk,
        Reason::Transfer,
    );
    let again = r.put(
        p.id,
        r.w.junior.id,
        r.team_gen,
        Position::Senior,
        Reason::Promotion,
    );
    assert_eq!(again.id, first.id, "the same row");
    assert_eq!(again.version, first.version + 1);
    let moves = db.transfer_moves(p.id).expect("moves");
    assert_eq!(moves.len(), 1, "{moves:?}");
    assert_eq!(
        (moves[0].to_unit_id, moves[0].to_position, moves[0].reason),
        (r.team_gen, Position::Senior, Reason::Promotion)
    );
    // The other plan keeps its own move of the same person.
    let theirs = db.transfer_moves(other.id).expect("moves");
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0].to_unit_id, r.w.team_res);
    // A stale copy still replaces: put is "this person's move is now this".
    let mut stale = first.clone();
    stale.to_unit_id = r.w.team_hr;
    db.put_transfer_move(&mut stale, r.hr()).expect("put");
    let moves = db.transfer_moves(p.id).expect("moves");
    assert_eq!(moves.len(), 1);
    assert_eq!(moves[0].to_unit_id, r.w.team_hr);
    // Removing takes the person out; removing again finds nobody.
    db.remove_transfer_move(p.id, r.w.junior.id, r.hr())
        .expect("remove");
    assert!(db.transfer_moves(p.id).expect("moves").is_empty());
    assert_problem(
        db.remove_transfer_move(p.id, r.w.junior.id, r.hr()),
        "staff_no",
        Problem::Unknown,
    );
    assert_eq!(db.transfer_moves(other.id).expect("moves").len(), 1);
}

#[test]
fn put_refuses_unknown_or_abolished_units_and_retired_or_unknown_people() {
    let r = Round::new();
    let db = r.db();
    let p = r.new_plan("秋の異動");
    let unknown = Problem::Unknown;
    // 区民係's old neighbour, abolished before the plan's day.
    let mut gone = unit("D01S02T2", "旧係", Some(r.w.sec_res), UnitKind::Team);
    db.insert(&mut gone).expect("unit");
    let gone = db
        .retire_unit(gone.id, gone.version, eff().add_days(-1))
        .expect("abolish");
    // One founded the day after, and one founded on the day itself.
    let mut later = unit("D01S02T3", "新係", Some(r.w.sec_res), UnitKind::Team);
    later.valid_from = Some(eff().add_days(1));
    db.insert(&mut later).expect("unit");
    let mut on_day = unit("D01S02T4", "新設係", Some(r.w.sec_res), UnitKind::Team);
    on_day.valid_from = Some(eff());
    db.insert(&mut on_day).expect("unit");
    // One to be abolished from the plan's day on: in being that day, but it takes no one
    // in (no one may be left in a unit when it goes).
    let mut last = unit("D01S02T5", "廃止予定係", Some(r.w.sec_res), UnitKind::Team);
    db.insert(&mut last).expect("unit");
    let last = db
        .retire_unit(last.id, last.version, eff())
        .expect("abolish");
    // A retired clerk.
    let mut old = staff("A0009", r.w.team_res, d(1990, 4, 1));
    db.insert(&mut old).expect("staff");
    db.retire_staff(old.id, old.version, d(2026, 3, 31))
        .expect("retire");

    let before = tables(db);
    let try_put = |staff: Id, unit: Id| {
        let mut m = mv(p.id, staff, unit, Position::Clerk, Reason::Transfer);
        db.put_transfer_move(&mut m, r.hr())
    };
    let junior = r.w.junior.id;
    assert_problem(try_put(junior, 9_999), TO_UNIT, unknown.clone());
    assert_problem(try_put(junior, gone.id), TO_UNIT, rule("unit_abolished"));
    assert_problem(try_put(junior, later.id), TO_UNIT, rule("unit_abolished"));
    assert_problem(
        try_put(old.id, r.w.team_hr),
        "staff_no",
        rule("transfer_retired"),
    );
    assert_problem(try_put(9_999, r.w.team_hr), "staff_no", unknown);
    assert_eq!(tables(db), before, "a refused move writes nothing");

    assert_problem(
        try_put(r.w.clerk.id, last.id),
        TO_UNIT,
        rule("unit_abolished"),
    );
    try_put(junior, on_day.id).expect("a unit founded on the day");
    assert_eq!(db.transfer_moves(p.id).expect("moves").len(), 1);
}

// ---------------------------------------------------------------------------------------
// Applying a plan.
// ---------------------------------------------------------------------------------------

#[test]
fn applying_closes_old_posts_opens_new_ones_and_moves_people() {
    let r = Round::new();
    let db = r.db();
    let (junior, clerk, lead, chief) = (r.w.junior.id, r.w.clerk.id, r.w.lead.id, r.w.chief.id);
    let p = r.new_plan("秋の異動");
    // 鈴木 leaves 人事係 for 区民課 as deputy; 田中 goes the other way into the chiefless team.
    r.put(
        p.id,
        lead,
        r.w.sec_res,
        Position::DeputyChief,
        Reason::Promotion,
    );
    r.put(p.id, clerk, r.w.team_hr, Position::Senior, Reason::Transfer);
    let old_lead = db.current_assignment(lead).expect("post").expect("open");
    let old_clerk = db.current_assignment(clerk).expect("post").expect("open");

    let (done, heard) = apply(db, p.id, r.hr(), today());
    assert_eq!(done.expect("apply"), 2);
    assert_eq!(
        heard,
        vec![lead, clerk],
        "on_move hears of each move in order"
    );

    let plan = r.plan(p.id);
    assert_eq!(
        (plan.state, plan.applied_on),
        (PlanState::Applied, Some(today()))
    );
    r.assert_no_overlaps();
    for (who, old, unit, pos, reason) in [
        (
            lead,
            &old_lead,
            r.w.sec_res,
            Position::DeputyChief,
            Reason::Promotion,
        ),
        (
            clerk,
            &old_clerk,
            r.w.team_hr,
            Position::Senior,
            Reason::Transfer,
        ),
    ] {
        let posts = db.assignments_of(who).expect("posts");
        let closed = posts.iter().find(|a| a.id == old.id).expect("old post");
        assert_eq!(closed.end_date, Some(d(2026, 9, 30)), "the day before");
        assert_eq!(
            (closed.unit_id, closed.position, closed.start_date),
            (old.unit_id, old.position, old.start_date),
            "only the end changes"
        );
        let new = db.current_assignment(who).expect("post").expect("open");
        assert_eq!(
            (
                new.unit_id,
                new.position,
                new.start_date,
                new.end_date,
                new.reason
            ),
            (unit, pos, eff(), None, reason)
        );
        let s = r.person(who);
        assert_eq!((s.unit_id, s.position), (unit, pos));
    }
    // The clerk's history keeps its first post untouched.
    assert_eq!(db.assignments_of(clerk).expect("posts").len(), 3);

    // Supervisors: the deputy under 区民課's chief; the junior, left behind by his team
    // chief, and the clerk, come into that team, under the next head up (人事課's chief).
    assert_eq!(r.person(lead).supervisor_id, Some(r.res_chief));
    assert_eq!(r.person(junior).supervisor_id, Some(chief));
    assert_eq!(r.person(clerk).supervisor_id, Some(chief));
    // 区民係's chief lost nobody above him.
    assert_eq!(r.person(r.res_lead).supervisor_id, Some(r.res_chief));
    r.assert_supervisors_follow_the_tree();

    // Draft evaluations of FY2026 on follow; the earlier year and non-drafts do not.
    let new_pair = (Some(chief), Some(r.director));
    assert_eq!(r.evaluators(2026, junior), new_pair);
    assert_eq!(r.evaluators(2027, junior), new_pair);
    assert_eq!(r.evaluators(2026, clerk), new_pair);
    assert_eq!(
        r.evaluators(2025, junior),
        (Some(lead), Some(chief)),
        "FY2025"
    );
    let submitted = r.eval(2026, lead);
    assert_eq!(submitted.state, EvalState::SelfSubmitted);
    assert_eq!(
        (submitted.evaluator1_id, submitted.evaluator2_id),
        (Some(chief), Some(r.director)),
        "past draft: kept"
    );
    assert_eq!(
        r.evaluators(2026, r.res_lead),
        (Some(r.res_chief), Some(r.director)),
        "unchanged"
    );
}

#[test]
fn a_member_moved_under_a_team_chief_gets_that_chief() {
    let r = Round::new();
    let junior = r.w.junior.id;
    let p = r.new_plan("秋の異動");
    r.put(
        p.id,
        junior,
        r.w.team_res,
        Position::Clerk,
        Reason::Transfer,
    );
    apply(r.db(), p.id, r.hr(), today()).0.expect("apply");
    assert_eq!(r.person(junior).supervisor_id, Some(r.res_lead));
    assert_eq!(
        r.evaluators(2026, junior),
        (Some(r.res_lead), Some(r.res_chief))
    );
    // Those left in 人事係 keep their chiefs.
    assert_eq!(r.person(r.w.lead.id).supervisor_id, Some(r.w.chief.id));
    r.assert_supervisors_follow_the_tree();
    r.assert_no_overlaps();
}

/// 鈴木 leaves 人事係; 区民係's chief takes it over by the same plan.
fn chiefs_swap(r: &Round) -> Id {
    let p = r.new_plan("係長交代");
    r.put(
        p.id,
        r.w.lead.id,
        r.w.sec_res,
        Position::DeputyChief,
        Reason::Promotion,
    );
    r.put(
        p.id,
        r.res_lead,
        r.w.team_hr,
        Position::TeamChief,
        Reason::Transfer,
    );
    p.id
}

#[test]
fn members_left_behind_get_the_chief_who_arrives_by_the_same_plan() {
    let r = Round::new();
    let p = chiefs_swap(&r);
    apply(r.db(), p, r.hr(), today()).0.expect("apply");
    // 高橋 stays in 人事係 under its new chief; 田中, left without one in 区民係, goes to
    // the next head up.
    assert_eq!(r.person(r.w.junior.id).supervisor_id, Some(r.res_lead));
    assert_eq!(r.person(r.w.clerk.id).supervisor_id, Some(r.res_chief));
    assert_eq!(r.person(r.res_lead).supervisor_id, Some(r.w.chief.id));
    assert_eq!(r.person(r.w.lead.id).supervisor_id, Some(r.res_chief));
    r.assert_supervisors_follow_the_tree();
    r.assert_no_overlaps();
    assert_eq!(r.evaluators(2026, r.w.junior.id).0, Some(r.res_lead));
    assert_eq!(
        r.evaluators(2026, r.w.clerk.id),
        (Some(r.res_chief), Some(r.director))
    );
    // 区民係's old chief, now in 人事係: evaluated by 人事課's chief and the director.
    assert_eq!(
        r.evaluators(2026, r.res_lead),
        (Some(r.w.chief.id), Some(r.director))
    );
}

#[test]
fn second_evaluator_follows_a_first_evaluator_who_moves_by_the_same_plan() {
    let r = Round::new();
    let p = chiefs_swap(&r);
    apply(r.db(), p, r.hr(), today()).0.expect("apply");
    // 高橋's new first evaluator is 区民係's old chief, whose supervisor is now 佐藤
    // (人事課's chief): the second evaluator must be 佐藤, not 区民課's chief.
    let new_sup = r.person(r.res_lead).supervisor_id;
    assert_eq!(new_sup, Some(r.w.chief.id));
    for fy in [2026, 2027] {
        assert_eq!(
            r.evaluators(fy, r.w.junior.id),
            (Some(r.res_lead), new_sup),
            "FY{fy}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// All or nothing.
// ---------------------------------------------------------------------------------------

/// A plan of three valid moves, then `bad` last; `spoil` runs after the moves are put.
/// Applying fails with `field`/`rule_name`, hears of `bad` last, and changes nothing;
/// without `bad` the plan then applies.
fn fails_on_last_move(
    prepare: impl Fn(&Round) -> Id,
    bad_move: impl Fn(&Round, Id),
    spoil: impl Fn(&Round),
    field: &str,
    rule_name: &'static str,
) {
    let r = Round::new();
    let db = r.db();
    let bad = prepare(&r);
    let p = r.new_plan("秋の異動");
    // Moves that reset supervisors and evaluators, if they were made.
    r.put(
        p.id,
        r.w.lead.id,
        r.w.sec_res,
        Position::DeputyChief,
        Reason::Promotion,
    );
    r.put(
        p.id,
        r.res_lead,
        r.w.team_hr,
        Position::TeamChief,
        Reason::Transfer,
    );
    r.put(
        p.id,
        r.w.junior.id,
        r.team_gen,
        Position::Clerk,
        Reason::Transfer,
    );
    bad_move(&r, p.id);
    spoil(&r);
    let before = tables(db);
    let (res, heard) = apply(db, p.id, r.hr(), today());
    assert_problem(res, field, rule(rule_name));
    assert_eq!(
        heard,
        vec![r.w.lead.id, r.res_lead, r.w.junior.id, bad],
        "the failing person is heard of last"
    );
    assert_eq!(tables(db), before, "{rule_name}: every table as it was");
    assert_eq!(r.plan(p.id).state, PlanState::Draft);
    // Without the bad move the same plan goes through.
    db.remove_transfer_move(p.id, bad, r.hr()).expect("remove");
    assert_eq!(apply(db, p.id, r.hr(), today()).0.expect("apply"), 3);
    r.assert_no_overlaps();
    r.assert_supervisors_follow_the_tree();
}

#[test]
fn a_plan_whose_last_person_took_a_post_after_its_day_changes_nothing() {
    // 田中 moved within 区民係 on 2026-11-01, after the plan's day.
    let later_post = |r: &Round| {
        let db = r.db();
        let mut cur = db
            .current_assignment(r.w.clerk.id)
            .expect("post")
            .expect("open");
        cur.end_date = Some(d(2026, 10, 31));
        db.update(&mut cur).expect("close");
        let mut a = assignment(r.w.clerk.id, r.w.team_res, d(2026, 11, 1), None);
        a.position = Position::Senior;
        db.insert(&mut a).expect("post");
        r.w.clerk.id
    };
    let to_hr = |r: &Round, p: Id| {
        r.put(
            p,
            r.w.clerk.id,
            r.w.team_hr,
            Position::Clerk,
            Reason::Transfer,
        );
    };
    fails_on_last_move(
        later_post,
        to_hr,
        |_| {},
        "start_date",
        "transfer_after_effective",
    );
}

#[test]
fn a_plan_whose_last_person_took_a_post_on_its_day_changes_nothing() {
    let on_the_day = |r: &Round| {
        let db = r.db();
        let mut cur = db
            .current_assignment(r.w.clerk.id)
            .expect("post")
            .expect("open");
        cur.end_date = Some(eff().add_days(-1));
        db.update(&mut cur).expect("close");
        db.insert(&mut assignment(r.w.clerk.id, r.w.team_res, eff(), None))
            .expect("post");
        r.w.clerk.id
    };
    let to_hr = |r: &Round, p: Id| {
        r.put(
            p,
            r.w.clerk.id,
            r.w.team_hr,
            Position::Clerk,
            Reason::Transfer,
        );
    };
    fails_on_last_move(
        on_the_day,
        to_hr,
        |_| {},
        "start_date",
        "transfer_after_effective",
    );
}

#[test]
fn a_plan_whose_last_unit_was_abolished_after_the_move_was_put_changes_nothing() {
    // A new team for 田中, abolished (it never took anyone) after the move was put.
    let new_team = |r: &Round| {
        let mut u = unit("D01S02T9", "臨時係", Some(r.w.sec_res), UnitKind::Team);
        r.db().insert(&mut u).expect("unit");
        r.w.clerk.id
    };
    let unit_id = |r: &Round| {
        r.db()
            .unit_by_code("D01S02T9")
            .expect("unit")
            .expect("unit")
    };
    let to_it = |r: &Round, p: Id| {
        r.put(
            p,
            r.w.clerk.id,
            unit_id(r).id,
            Position::Clerk,
            Reason::Transfer,
        );
    };
    let abolish = |r: &Round| {
        let u = unit_id(r);
        r.db()
            .retire_unit(u.id, u.version, d(2026, 9, 1))
            .expect("abolish");
    };
    fails_on_last_move(new_team, to_it, abolish, TO_UNIT, "unit_abolished");
}

#[test]
fn a_plan_whose_last_person_retired_after_the_move_was_put_changes_nothing() {
    let to_hr = |r: &Round, p: Id| {
        r.put(
            p,
            r.w.clerk.id,
            r.w.team_hr,
            Position::Clerk,
            Reason::Transfer,
        );
    };
    let retire = |r: &Round| {
        // Even where the ward lets its check only warn of a leaver, the round moves no one
        // who has retired.
        r.db()
            .set_rule("plan.retiring", "warning")
            .expect("severity");
        let s = r.person(r.w.clerk.id);
        r.db()
            .retire_staff(s.id, s.version, d(2026, 9, 30))
            .expect("retire");
    };
    fails_on_last_move(
        |r| r.w.clerk.id,
        to_hr,
        retire,
        "staff_no",
        "transfer_retired",
    );
}

// ---------------------------------------------------------------------------------------
// A plan's states and days.
// ---------------------------------------------------------------------------------------

#[test]
fn an_applied_plan_is_not_applied_or_changed_again() {
    let r = Round::new();
    let db = r.db();
    let p = r.new_plan("秋の異動");
    r.put(
        p.id,
        r.w.junior.id,
        r.w.team_res,
        Position::Clerk,
        Reason::Transfer,
    );
    apply(db, p.id, r.hr(), today()).0.expect("apply");
    let before = tables(db);
    let (res, heard) = apply(db, p.id, r.hr(), today());
    assert_problem(res, "plan", rule("plan_applied"));
    assert!(heard.is_empty());
    let mut m = mv(
        p.id,
        r.w.clerk.id,
        r.w.team_hr,
        Position::Clerk,
        Reason::Transfer,
    );
    assert_problem(
        db.put_transfer_move(&mut m, r.hr()),
        "plan",
        rule("plan_applied"),
    );
    assert_problem(
        db.remove_transfer_move(p.id, r.w.junior.id, r.hr()),
        "plan",
        rule("plan_applied"),
    );
    assert_problem(
        db.discard_transfer_plan(p.id, r.hr()),
        "plan",
        rule("plan_applied"),
    );
    assert_eq!(tables(db), before);
}

#[test]
fn a_discarded_plan_is_not_applied_or_changed() {
    let r = Round::new();
    let db = r.db();
    let p = r.new_plan("秋の異動");
    r.put(
        p.id,
        r.w.junior.id,
        r.w.team_res,
        Position::Clerk,
        Reason::Transfer,
    );
    let gone = db.discard_transfer_plan(p.id, r.hr()).expect("discard");
    assert_eq!((gone.state, gone.applied_on), (PlanState::Discarded, None));
    assert_eq!(r.plan(p.id), gone);
    let before = tables(db);
    let discarded = || rule("plan_discarded");
    let (res, heard) = apply(db, p.id, r.hr(), today());
    assert_problem(res, "plan", discarded());
    assert!(heard.is_empty());
    let mut m = mv(
        p.id,
        r.w.clerk.id,
        r.w.team_hr,
        Position::Clerk,
        Reason::Transfer,
    );
    assert_problem(db.put_transfer_move(&mut m, r.hr()), "plan", discarded());
    let mut m = mv(
        p.id,
        r.w.junior.id,
        r.team_gen,
        Position::Clerk,
        Reason::Transfer,
    );
    assert_problem(db.put_transfer_move(&mut m, r.hr()), "plan", discarded());
    assert_problem(
        db.remove_transfer_move(p.id, r.w.junior.id, r.hr()),
        "plan",
        discarded(),
    );
    assert_problem(db.discard_transfer_plan(p.id, r.hr()), "plan", discarded());
    assert_eq!(tables(db), before);
    // It stays for the record, with its move.
    assert_eq!(db.transfer_moves(p.id).expect("moves").len(), 1);
    assert!(db.transfer_plans().expect("plans").contains(&gone));
}

#[test]
fn a_plan_is_applied_on_its_day_and_not_before() {
    let r = Round::new();
    let db = r.db();
    let p = r.new_plan("秋の異動");
    r.put(
        p.id,
        r.w.junior.id,
        r.w.team_res,
        Position::Clerk,
        Reason::Transfer,
    );
    let before = tables(db);
    let (res, heard) = apply(db, p.id, r.hr(), eff().add_days(-1));
    assert_problem(res, "effective_on", rule("plan_not_yet"));
    assert!(heard.is_empty());
    assert_eq!(tables(db), before);
    apply(db, p.id, r.hr(), eff()).0.expect("on the day");
    assert_eq!(r.plan(p.id).applied_on, Some(eff()));
    assert_eq!(r.person(r.w.junior.id).unit_id, r.w.team_res);
}

#[test]
fn an_empty_plan_is_not_applied() {
    let r = Round::new();
    let db = r.db();
    let p = r.new_plan("空の案");
    let before = tables(db);
    assert_problem(
        apply(db, p.id, r.hr(), today()).0,
        "plan",
        rule("plan_empty"),
    );
    assert_eq!(tables(db), before);
    // Nor one whose only move was taken out again.
    r.put(
        p.id,
        r.w.junior.id,
        r.w.team_res,
        Position::Clerk,
        Reason::Transfer,
    );
    db.remove_transfer_move(p.id, r.w.junior.id, r.hr())
        .expect("remove");
    let before = tables(db);
    assert_problem(
        apply(db, p.id, r.hr(), today()).0,
        "plan",
        rule("plan_empty"),
    );
    assert_eq!(tables(db), before);
    assert_eq!(r.plan(p.id).state, PlanState::Draft);
}

// ---------------------------------------------------------------------------------------
// Comparing plans.
// ---------------------------------------------------------------------------------------

#[test]
fn compare_lists_exactly_the_people_moved_differently_or_in_one_plan() {
    let r = Round::new();
    let db = r.db();
    let (junior, clerk, lead, chief) = (r.w.junior.id, r.w.clerk.id, r.w.lead.id, r.w.chief.id);
    let a = r.new_plan("A案");
    let b = r.new_plan("B案");
    // Alike in both.
    r.put(
        a.id,
        junior,
        r.w.team_res,
        Position::Clerk,
        Reason::Transfer,
    );
    r.put(
        b.id,
        junior,
        r.w.team_res,
        Position::Clerk,
        Reason::Transfer,
    );
    // Another position.
    r.put(
        a.id,
        lead,
        r.team_gen,
        Position::TeamChief,
        Reason::Transfer,
    );
    r.put(
        b.id,
        lead,
        r.team_gen,
        Position::DeputyChief,
        Reason::Transfer,
    );
    // Another reason.
    r.put(a.id, clerk, r.w.team_hr, Position::Clerk, Reason::Transfer);
    r.put(
        b.id,
        clerk,
        r.w.team_hr,
        Position::Clerk,
        Reason::Secondment,
    );
    // Another unit.
    r.put(
        a.id,
        r.director,
        r.w.sec_res,
        Position::SectionChief,
        Reason::Transfer,
    );
    r.put(
        b.id,
        r.director,
        r.w.sec_hr,
        Position::SectionChief,
        Reason::Transfer,
    );
    // Only in A, only in B.
    let only_a = r.put(
        a.id,
        chief,
        r.w.sec_res,
        Position::SectionChief,
        Reason::Transfer,
    );
    let only_b = r.put(
        b.id,
        r.res_lead,
        r.w.team_hr,
        Position::TeamChief,
        Reason::Transfer,
    );
    // A different note alone is no different move.
    let mut noted = mv(
        a.id,
        junior,
        r.w.team_res,
        Position::Clerk,
        Reason::Transfer,
    );
    noted.note = "本人希望".into();
    db.put_transfer_move(&mut noted, r.hr()).expect("put");

    let diffs = db.compare_transfer_plans(a.id, b.id).expect("compare");
    let mut who: Vec<Id> = diffs.iter().map(|x| x.staff_id).collect();
    who.sort();
    let mut expected = vec![lead, clerk, r.director, chief, r.res_lead];
    expected.sort();
    assert_eq!(who, expected, "{diffs:#?}");
    let of = |id: Id| diffs.iter().find(|x| x.staff_id == id).expect("diff");
    assert_eq!(of(chief).a.as_ref(), Some(&only_a));
    assert_eq!(of(chief).b, None);
    assert_eq!(of(r.res_lead).a, None);
    assert_eq!(of(r.res_lead).b.as_ref(), Some(&only_b));
    let l = of(lead);
    assert_eq!(
        (
            l.a.as_ref().map(|m| m.to_position),
            l.b.as_ref().map(|m| m.to_position)
        ),
        (Some(Position::TeamChief), Some(Position::DeputyChief))
    );
    assert_eq!(l.a.as_ref().map(|m| m.plan_id), Some(a.id));
    assert_eq!(l.b.as_ref().map(|m| m.plan_id), Some(b.id));

    // The other way round: the same people, sides swapped.
    let back = db.compare_transfer_plans(b.id, a.id).expect("compare");
    assert_eq!(back.len(), diffs.len());
    for x in &back {
        let y = of(x.staff_id);
        assert_eq!((&x.a, &x.b), (&y.b, &y.a));
    }
    // A plan against itself, and two empty plans: nobody.
    assert!(
        db.compare_transfer_plans(a.id, a.id)
            .expect("same")
            .is_empty()
    );
    let (e1, e2) = (r.new_plan("空1"), r.new_plan("空2"));
    assert!(
        db.compare_transfer_plans(e1.id, e2.id)
            .expect("empty")
            .is_empty()
    );
    // Against an empty plan: everyone in the other.
    assert_eq!(
        db.compare_transfer_plans(a.id, e1.id)
            .expect("vs empty")
            .len(),
        5
    );
    // An unknown plan is an error, not an empty difference.
    assert!(matches!(
        db.compare_transfer_plans(a.id, 9_999),
        Err(StoreError::NotFound { .. })
    ));
}

// ---------------------------------------------------------------------------------------
// The audit log.
// ---------------------------------------------------------------------------------------

#[test]
fn the_round_is_audited_step_by_step() {
    let r = Round::new();
    let db = r.db();
    let discarded = r.new_plan("別案");
    let mark = last_audit_id(db);
    db.discard_transfer_plan(discarded.id, r.hr())
        .expect("discard");
    assert_eq!(
        actions_since(db, mark, "transfer_plans"),
        vec!["transfer.discard"]
    );

    let p = chiefs_swap(&r);
    let mark = last_audit_id(db);
    apply(db, p, r.hr(), today()).0.expect("apply");
    let plans = actions_since(db, mark, "transfer_plans");
    assert_eq!(plans, vec!["transfer.apply"]);
    let posts = actions_since(db, mark, "assignments");
    assert_eq!(
        posts,
        vec!["transfer.close", "insert", "transfer.close", "insert"],
        "each mover: the old post closed, the new one opened"
    );
    let staff = actions_since(db, mark, "staff");
    assert_eq!(
        staff.iter().filter(|a| *a == "transfer.move").count(),
        2,
        "{staff:?}"
    );
    // 鈴木, 区民係's old chief, 高橋 and 田中 got new supervisors.
    assert_eq!(
        staff.iter().filter(|a| *a == "transfer.supervisor").count(),
        4,
        "{staff:?}"
    );
    // 鈴木's promotion sets his grade with his position.
    assert_eq!(
        staff.iter().filter(|a| *a == "transfer.grade").count(),
        1,
        "{staff:?}"
    );
    assert!(
        staff
            .iter()
            .all(|a| a == "transfer.move" || a == "transfer.supervisor" || a == "transfer.grade"),
        "{staff:?}"
    );
    // The 発令: 鈴木's promotion, grade and post; 区民係's old chief's new head post.
    let issued = actions_since(db, mark, "appointments");
    assert_eq!(issued, vec!["appoint"; 4]);
    let evals = actions_since(db, mark, "evaluations");
    assert!(!evals.is_empty());
    assert!(
        evals.iter().all(|a| a == "transfer.evaluators"),
        "{evals:?}"
    );
    // Every row of the round under the account that applied it, and no other table.
    let entries: Vec<_> = db
        .audit_entries(None, None, 1_000)
        .expect("audit")
        .into_iter()
        .filter(|e| e.id > mark)
        .collect();
    assert!(
        entries.iter().all(|e| e.actor == "hr.admin"),
        "{entries:#?}"
    );
    assert!(
        entries.iter().all(|e| [
            "transfer_plans",
            "assignments",
            "staff",
            "evaluations",
            "appointments"
        ]
        .contains(&e.table_name.as_str())),
        "{entries:#?}"
    );
    assert_eq!(
        entries.len(),
        plans.len() + posts.len() + staff.len() + evals.len() + issued.len()
    );
}

#[test]
/// A unit set to close takes no one in: the move is refused when it is put, not left to
/// fail when the plan is applied.
fn a_unit_set_to_close_takes_no_one_in() {
    let r = Round::new();
    let db = r.db();
    let mut closing = unit("D01S02T5", "廃止予定係", Some(r.w.sec_res), UnitKind::Team);
    db.insert(&mut closing).expect("unit");
    let closing = db
        .retire_unit(closing.id, closing.version, d(2027, 3, 31))
        .expect("abolish at the end of the year");
    let p = r.new_plan("秋の異動");
    let before = tables(db);
    let mut m = mv(
        p.id,
        r.w.clerk.id,
        closing.id,
        Position::Clerk,
        Reason::Transfer,
    );
    assert_problem(
        db.put_transfer_move(&mut m, r.hr()),
        TO_UNIT,
        rule("unit_abolished"),
    );
    assert_eq!(tables(db), before, "nothing written");
}

/// A person away on a leave on the plan's effective date is not moved: the round refuses
/// by the plan's check (always an error: no ward setting lets it through) and changes
/// nothing, even when the leave has ended by the day it is applied (the date that counts
/// is the plan's).
#[test]
fn a_plan_that_moves_a_person_on_leave_on_its_day_changes_nothing() {
    use jinji::domain::leave::LeaveKind;
    use jinji::domain::plan_check::PlanRule;
    use jinji::store::leaves::BY_HAND;
    let r = Round::new();
    let db = r.db();
    let p = r.new_plan("秋の異動");
    r.put(
        p.id,
        r.w.junior.id,
        r.team_gen,
        Position::Clerk,
        Reason::Transfer,
    );
    r.put(
        p.id,
        r.w.clerk.id,
        r.w.team_hr,
        Position::Clerk,
        Reason::Transfer,
    );
    let mut l = leave(
        r.w.clerk.id,
        LeaveKind::ChildcareLeave,
        d(2026, 9, 1),
        Some(eff()),
    );
    db.put_leave(&mut l, today(), &BY_HAND).expect("leave");
    assert_problem(
        db.set_rule("plan.on_leave", "warning"),
        "plan.on_leave",
        rule("plan_severity_fixed"),
    );
    let before = tables(db);
    match apply(db, p.id, r.hr(), today()).0 {
        Err(StoreError::PlanProblems(ps)) => assert!(
            ps.iter()
                .any(|x| x.rule == PlanRule::OnLeave && x.is_error()),
            "{ps:?}"
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(tables(db), before, "every table as it was");
    assert_eq!(r.plan(p.id).state, PlanState::Draft);
}
