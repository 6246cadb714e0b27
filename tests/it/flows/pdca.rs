//! The PDCA spiral as a workflow (src/domain/pdca_flow.rs, src/store/flow.rs): who may
//! move a cycle, what each phase needs, closing into the next linked turn in one
//! transaction, reviews and check-ins.

use crate::support::ward;

use jinji::domain::account::Role;
use jinji::domain::evaluation::{EvalKind, EvalPeriod, Evaluation, Term};
use jinji::domain::pdca::{PdcaAction, PdcaCycle, Phase};
use jinji::domain::pdca_flow::{PdcaActing, PdcaInput, PdcaStep};
use jinji::domain::staff::{Position, Staff};
use jinji::domain::{Date, FiscalYear, Id, Problem};
use jinji::store::{Db, StoreError};
use ward::*;

const FY: FiscalYear = 2025;

fn cycle(owner_staff: Option<Id>, owner_unit: Option<Id>) -> PdcaCycle {
    PdcaCycle {
        id: 0,
        owner_staff_id: owner_staff,
        owner_unit_id: owner_unit,
        fiscal_year: FY,
        title: "窓口待ち時間の短縮".into(),
        goal: "繁忙期の待ち時間を短くする".into(),
        metric: "平均待ち時間".into(),
        metric_unit: "分".into(),
        lower_is_better: true,
        baseline: Some(30.0),
        target: Some(20.0),
        result: None,
        plan_notes: "番号札と事前案内".into(),
        improvements: String::new(),
        phase: Phase::Plan,
        prev_id: None,
        progress: 0,
        version: 0,
    }
}

fn action(cycle_id: Id) -> PdcaAction {
    PdcaAction {
        id: 0,
        cycle_id,
        description: "番号札の導入".into(),
        due_on: d(2025, 9, 30),
        done_on: None,
        progress: 0,
        version: 0,
    }
}

/// The shared `Ward` with, besides: 課長 of 区民課 (`stranger`, another section), a clerk
/// of 区民係 (`outsider`), and a clerk of 人事係 who holds a supervisor account (`peer`).
struct Scene {
    w: Ward,
    stranger: Staff,
    peer: Staff,
    /// 高橋: the owner of a person's cycle.
    junior: Who,
    /// 鈴木 (係長 of 人事係): a lead over 高橋, the owner of 人事係's cycle.
    lead: Who,
    /// 佐藤 (課長 of 人事課): a lead over both.
    chief: Who,
    /// 田中 of 区民係 as an HR officer.
    hr: Who,
    /// An admin account without a person.
    admin: Who,
    /// 区民係's clerk with a staff account.
    outsider: Who,
}

impl Scene {
    fn new() -> Scene {
        let w = Ward::new();
        let mut stranger = staff("A0006", w.sec_res, d(1998, 4, 1));
        stranger.position = Position::SectionChief;
        stranger.grade = 6;
        w.db.insert(&mut stranger).expect("stranger");
        let mut outsider = staff("A0007", w.team_res, d(2019, 4, 1));
        w.db.insert(&mut outsider).expect("outsider");
        let mut peer = staff("A0008", w.team_hr, d(2018, 4, 1));
        w.db.insert(&mut peer).expect("peer");
        let db = &w.db;
        Scene {
            junior: Who::new(db, "takahashi", Role::Staff, Some(w.junior.id)),
            lead: Who::new(db, "suzuki", Role::Supervisor, Some(w.lead.id)),
            chief: Who::new(db, "sato", Role::Supervisor, Some(w.chief.id)),
            hr: Who::new(db, "tanaka", Role::Hr, Some(w.clerk.id)),
            admin: Who::new(db, "root", Role::Admin, None),
            outsider: Who::new(db, "outsider", Role::Staff, Some(outsider.id)),
            stranger,
            peer,
            w,
        }
    }

    fn db(&self) -> &Db {
        &self.w.db
    }

    /// A cycle of 高橋 in Plan with one action.
    fn juniors(&self) -> PdcaCycle {
        self.plan(cycle(Some(self.w.junior.id), None))
    }

    /// `c` stored in Plan, with one action.
    fn plan(&self, mut c: PdcaCycle) -> PdcaCycle {
        self.db().insert(&mut c).expect("cycle");
        self.db().insert(&mut action(c.id)).expect("action");
        c
    }

    fn stored(&self, id: Id) -> PdcaCycle {
        self.db().get(id).expect("cycle")
    }

    fn mv(
        &self,
        who: &Who,
        id: Id,
        step: PdcaStep,
        input: PdcaInput,
        today: Date,
    ) -> Result<(PdcaCycle, Option<PdcaCycle>), StoreError> {
        self.db()
            .pdca_move(id, None, step, &input, who.actor(), today)
    }

    /// Moves cycle `id` up to `phase` as HR (result 18, improvements noted).
    fn advance_to(&self, id: Id, phase: Phase) {
        let steps = [
            (PdcaStep::Do, Phase::Do),
            (PdcaStep::Check, Phase::Check),
            (PdcaStep::Act, Phase::Act),
            (PdcaStep::Close, Phase::Closed),
        ];
        for (step, to) in steps {
            if self.stored(id).phase >= to {
                continue;
            }
            if to > phase {
                break;
            }
            self.mv(&self.hr, id, step, full(), d(2025, 10, 1))
                .expect("advance");
        }
        assert_eq!(self.stored(id).phase, phase);
    }

    /// The audit actions on a cycle, oldest first.
    fn actions(&self, id: Id) -> Vec<String> {
        let mut v: Vec<String> = self
            .db()
            .audit_entries(Some("pdca_cycles"), Some(id), 100)
            .expect("audit")
            .into_iter()
            .map(|a| a.action)
            .collect();
        v.reverse();
        v
    }

    fn cycles(&self) -> usize {
        self.db()
            .pdca_of_staff(self.w.junior.id)
            .expect("cycles")
            .len()
            + self
                .db()
                .pdca_of_unit(self.w.team_hr)
                .expect("cycles")
                .len()
    }

    /// Asserts that `r` failed with `problem` on `field` and that cycle `id`, the number
    /// of cycles and the audit log are as they were.
    #[track_caller]
    fn refused<T: std::fmt::Debug>(
        &self,
        id: Id,
        r: impl FnOnce() -> Result<T, StoreError>,
        field: &str,
        problem: Problem,
    ) {
        let (before, n, audit) = (self.stored(id), self.cycles(), audit_count(self.db()));
        assert_problem(r(), field, problem);
        assert_eq!(self.stored(id), before, "the cycle is unchanged");
        assert_eq!(self.cycles(), n, "no cycle added");
        assert_eq!(audit_count(self.db()), audit, "no audit row");
    }

    #[track_caller]
    fn not_found<T: std::fmt::Debug>(&self, id: Id, r: Result<T, StoreError>) {
        assert!(
            matches!(r, Err(StoreError::NotFound { table: "pdca_cycles", id: i }) if i == id),
            "{r:?}"
        );
    }
}

fn full() -> PdcaInput {
    PdcaInput {
        result: Some(18.0),
        improvements: "予約制の導入を検討する".into(),
    }
}

fn none() -> PdcaInput {
    PdcaInput::default()
}

fn result(r: f64) -> PdcaInput {
    PdcaInput {
        result: Some(r),
        ..none()
    }
}

fn improve(t: &str) -> PdcaInput {
    PdcaInput {
        improvements: t.into(),
        ..none()
    }
}

#[test]
fn the_owner_a_lead_and_hr_each_take_a_cycle_round() {
    let sc = Scene::new();
    let owners = [
        (
            "owner",
            &sc.junior,
            PdcaActing {
                owner: true,
                ..PdcaActing::default()
            },
        ),
        (
            "team lead",
            &sc.lead,
            PdcaActing {
                lead: true,
                ..PdcaActing::default()
            },
        ),
        (
            "section lead",
            &sc.chief,
            PdcaActing {
                lead: true,
                ..PdcaActing::default()
            },
        ),
        (
            "hr officer",
            &sc.hr,
            PdcaActing {
                hr: true,
                ..PdcaActing::default()
            },
        ),
        (
            "admin",
            &sc.admin,
            PdcaActing {
                hr: true,
                ..PdcaActing::default()
            },
        ),
    ];
    for (label, who, acting) in owners {
        let c = sc.juniors();
        assert_eq!(
            sc.db().pdca_acting(&c, who.actor()).unwrap(),
            acting,
            "{label}"
        );
        let today = d(2025, 10, 1);
        let steps = [
            (PdcaStep::Do, none(), Phase::Do),
            (PdcaStep::Check, none(), Phase::Check),
            (PdcaStep::Act, result(18.0), Phase::Act),
            (PdcaStep::Close, improve("予約制の導入"), Phase::Closed),
        ];
        for (step, input, phase) in steps {
            let (n, next) = sc
                .mv(who, c.id, step, input, today)
                .unwrap_or_else(|e| panic!("{label}: {step:?}: {e:?}"));
            assert_eq!(n.phase, phase, "{label}");
            assert_eq!(next.is_some(), step == PdcaStep::Close, "{label}");
            assert_eq!(sc.stored(c.id), n, "{label}: what is returned is stored");
        }
        assert_eq!(
            sc.actions(c.id),
            ["insert", "pdca.do", "pdca.check", "pdca.act", "pdca.close"],
            "{label}"
        );
    }
}

#[test]
fn a_units_cycle_is_owned_by_its_chief_and_led_from_above() {
    let sc = Scene::new();
    let c = sc.plan(cycle(None, Some(sc.w.team_hr)));
    let acting = |who: &Who| sc.db().pdca_acting(&c, who.actor()).unwrap();
    assert_eq!(
        acting(&sc.lead),
        PdcaActing {
            owner: true,
            ..PdcaActing::default()
        },
        "係長 of 人事係"
    );
    assert_eq!(
        acting(&sc.chief),
        PdcaActing {
            lead: true,
            ..PdcaActing::default()
        },
        "課長 of 人事課"
    );
    // A clerk of the unit neither owns nor sees it.
    sc.not_found(c.id, sc.db().pdca_for(c.id, sc.junior.actor()));
    let (n, _) = sc
        .mv(&sc.lead, c.id, PdcaStep::Do, none(), d(2025, 6, 1))
        .unwrap();
    assert_eq!(n.phase, Phase::Do);
    let (n, _) = sc
        .mv(&sc.chief, c.id, PdcaStep::Check, none(), d(2025, 9, 1))
        .unwrap();
    assert_eq!(n.phase, Phase::Check);
}

#[test]
fn someone_unrelated_does_not_see_the_cycle_or_may_not_move_it() {
    let sc = Scene::new();
    let c = sc.juniors();
    let today = d(2025, 10, 1);
    let audit = audit_count(sc.db());
    // Out of scope: not found, whatever they try.
    let stranger = Who::new(sc.db(), "kumin", Role::Supervisor, Some(sc.stranger.id));
    for who in [&sc.outsider, &stranger] {
        sc.not_found(c.id, sc.db().pdca_for(c.id, who.actor()));
        sc.not_found(c.id, sc.mv(who, c.id, PdcaStep::Do, none(), today));
        sc.not_found(c.id, sc.db().pdca_review(c.id, "所見", who.actor(), today));
        sc.not_found(
            c.id,
            sc.db().pdca_checkin(c.id, "進捗", None, who.actor(), today),
        );
    }
    assert_eq!(audit_count(sc.db()), audit);
    assert_eq!(sc.stored(c.id), c);

    // In scope but neither owner nor lead: the stranger once they evaluate 高橋 (a person,
    // not their unit), and a clerk who holds a supervisor account.
    let mut p = EvalPeriod {
        id: 0,
        fiscal_year: FY,
        kind: EvalKind::Competency,
        term: Term::Full,
        start_date: d(FY, 4, 1),
        end_date: d(FY + 1, 3, 31),
        base_date: d(FY + 1, 3, 31),
        version: 0,
    };
    sc.db().insert(&mut p).unwrap();
    sc.db()
        .insert(&mut Evaluation::draft(
            p.id,
            sc.w.junior.id,
            Some(sc.w.lead.id),
            Some(sc.stranger.id),
        ))
        .unwrap();
    let stranger = Who::new(sc.db(), "kumin", Role::Supervisor, Some(sc.stranger.id));
    let peer = Who::new(sc.db(), "peer", Role::Supervisor, Some(sc.peer.id));
    for who in [&stranger, &peer] {
        assert_eq!(sc.db().pdca_for(c.id, who.actor()).unwrap(), c, "in scope");
        assert_eq!(
            sc.db().pdca_acting(&c, who.actor()).unwrap(),
            PdcaActing::default()
        );
        sc.refused(
            c.id,
            || sc.mv(who, c.id, PdcaStep::Do, none(), today),
            "phase",
            rule("pdca_owner_or_lead"),
        );
    }
    sc.advance_to(c.id, Phase::Do);
    for who in [&stranger, &peer] {
        sc.refused(
            c.id,
            || sc.db().pdca_checkin(c.id, "進捗", None, who.actor(), today),
            "phase",
            rule("pdca_owner_or_lead"),
        );
        sc.refused(
            c.id,
            || sc.db().pdca_review(c.id, "所見", who.actor(), today),
            "reviewer",
            rule("pdca_review_by_lead"),
        );
    }
    assert!(sc.db().pdca_checkins(c.id).unwrap().is_empty());
    assert!(sc.db().pdca_reviews(c.id).unwrap().is_empty());
}

#[test]
fn leaving_plan_needs_actions_a_target_and_a_metric_all_named() {
    let sc = Scene::new();
    let mut c = cycle(Some(sc.w.junior.id), None);
    c.metric = String::new();
    c.target = None;
    sc.db().insert(&mut c).unwrap();
    let today = d(2025, 5, 1);
    let problems = |r: Result<(PdcaCycle, Option<PdcaCycle>), StoreError>| {
        let mut v: Vec<(&str, Problem)> = invalid(r)
            .0
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect();
        v.sort_by_key(|(f, _)| *f);
        v
    };
    let audit = audit_count(sc.db());
    assert_eq!(
        problems(sc.mv(&sc.junior, c.id, PdcaStep::Do, none(), today)),
        [
            ("actions", rule("pdca_needs_actions")),
            ("metric", Problem::Required),
            ("target", Problem::Required),
        ]
    );
    assert_eq!(audit_count(sc.db()), audit);
    assert_eq!(sc.stored(c.id), c);

    c.metric = "平均待ち時間".into();
    sc.db().update(&mut c).unwrap();
    assert_eq!(
        problems(sc.mv(&sc.junior, c.id, PdcaStep::Do, none(), today)),
        [
            ("actions", rule("pdca_needs_actions")),
            ("target", Problem::Required)
        ]
    );
    sc.db().insert(&mut action(c.id)).unwrap();
    assert_eq!(
        problems(sc.mv(&sc.junior, c.id, PdcaStep::Do, none(), today)),
        [("target", Problem::Required)]
    );
    c.target = Some(20.0);
    sc.db().update(&mut c).unwrap();
    let (n, _) = sc
        .mv(&sc.junior, c.id, PdcaStep::Do, none(), today)
        .unwrap();
    assert_eq!(n.phase, Phase::Do);
}

#[test]
fn the_phases_come_in_order() {
    let sc = Scene::new();
    let c = sc.juniors();
    let today = d(2025, 10, 1);
    for step in [PdcaStep::Check, PdcaStep::Act, PdcaStep::Close] {
        sc.refused(
            c.id,
            || sc.mv(&sc.hr, c.id, step, full(), today),
            "phase",
            rule("pdca_phase_not_yet"),
        );
    }
    sc.advance_to(c.id, Phase::Check);
    for step in [PdcaStep::Do, PdcaStep::Check] {
        sc.refused(
            c.id,
            || sc.mv(&sc.hr, c.id, step, full(), today),
            "phase",
            rule("pdca_phase_passed"),
        );
    }
    sc.advance_to(c.id, Phase::Closed);
    for step in PdcaStep::ALL {
        sc.refused(
            c.id,
            || sc.mv(&sc.junior, c.id, *step, full(), today),
            "phase",
            rule("pdca_phase_passed"),
        );
    }
    assert_eq!(PdcaStep::next_for(Phase::Closed), None);
}

#[test]
fn entering_act_needs_a_result() {
    let sc = Scene::new();
    let c = sc.juniors();
    sc.advance_to(c.id, Phase::Check);
    sc.refused(
        c.id,
        || sc.mv(&sc.junior, c.id, PdcaStep::Act, none(), d(2026, 2, 1)),
        "result",
        Problem::Required,
    );
    let (n, _) = sc
        .mv(&sc.junior, c.id, PdcaStep::Act, result(21.5), d(2026, 2, 1))
        .unwrap();
    assert_eq!((n.phase, n.result), (Phase::Act, Some(21.5)));
    assert_eq!(n.target_met(), Some(false), "less is better; 21.5 > 20");

    // A result measured during Check is enough.
    let mut m = sc.juniors();
    sc.advance_to(m.id, Phase::Check);
    m = sc.stored(m.id);
    m.result = Some(19.0);
    sc.db().update(&mut m).unwrap();
    let (n, _) = sc
        .mv(&sc.lead, m.id, PdcaStep::Act, none(), d(2026, 2, 1))
        .unwrap();
    assert_eq!((n.phase, n.result), (Phase::Act, Some(19.0)));
}

#[test]
fn closing_needs_improvements() {
    let sc = Scene::new();
    let c = sc.juniors();
    sc.advance_to(c.id, Phase::Check);
    sc.mv(&sc.junior, c.id, PdcaStep::Act, result(18.0), d(2026, 2, 1))
        .unwrap();
    sc.refused(
        c.id,
        || {
            sc.mv(
                &sc.junior,
                c.id,
                PdcaStep::Close,
                improve("  "),
                d(2026, 3, 1),
            )
        },
        "improvements",
        Problem::Required,
    );
    // Improvements written during Act are enough.
    let mut a = sc.stored(c.id);
    a.improvements = "受付の案内表示を増やす".into();
    sc.db().update(&mut a).unwrap();
    let (n, next) = sc
        .mv(&sc.junior, c.id, PdcaStep::Close, none(), d(2026, 3, 1))
        .unwrap();
    assert_eq!(n.phase, Phase::Closed);
    assert_eq!(n.improvements, "受付の案内表示を増やす");
    assert_eq!(next.unwrap().plan_notes, "受付の案内表示を増やす");
}

#[test]
fn closing_spirals_into_a_linked_next_cycle() {
    let sc = Scene::new();
    let c = sc.juniors();
    sc.advance_to(c.id, Phase::Check);
    sc.mv(&sc.junior, c.id, PdcaStep::Act, result(18.0), d(2026, 2, 1))
        .unwrap();
    let audit = audit_count(sc.db());
    let (closed, next) = sc
        .mv(
            &sc.lead,
            c.id,
            PdcaStep::Close,
            improve("予約制を試行する"),
            d(2026, 3, 10),
        )
        .unwrap();
    let next = next.expect("the next turn");
    assert_eq!(
        (closed.phase, closed.progress, closed.improvements.as_str()),
        (Phase::Closed, 100, "予約制を試行する")
    );
    assert_eq!(
        next,
        PdcaCycle {
            id: next.id,
            owner_staff_id: Some(sc.w.junior.id),
            owner_unit_id: None,
            fiscal_year: FY,
            title: c.title.clone(),
            goal: c.goal.clone(),
            metric: c.metric.clone(),
            metric_unit: c.metric_unit.clone(),
            lower_is_better: true,
            baseline: Some(18.0),
            target: None,
            result: None,
            plan_notes: "予約制を試行する".into(),
            improvements: String::new(),
            phase: Phase::Plan,
            prev_id: Some(c.id),
            progress: 0,
            version: 1,
        }
    );
    assert_ne!(next.id, c.id);
    assert_eq!(sc.stored(next.id), next, "the next turn is stored");
    assert_eq!(sc.stored(c.id), closed);
    let lineage: Vec<Id> = sc
        .db()
        .pdca_lineage(next.id)
        .unwrap()
        .iter()
        .map(|x| x.id)
        .collect();
    assert_eq!(lineage, [next.id, c.id]);
    assert_eq!(sc.actions(c.id).last().unwrap(), "pdca.close");
    assert_eq!(sc.actions(next.id), ["insert"]);
    assert_eq!(audit_count(sc.db()), audit + 2, "the close and the insert");

    // The next turn must be planned before it starts: a target and actions of its own.
    let problems: Vec<&str> =
        invalid(sc.mv(&sc.junior, next.id, PdcaStep::Do, none(), d(2026, 4, 1)))
            .fields()
            .collect();
    assert_eq!(problems, ["target", "actions"]);
}

#[test]
fn a_turn_closed_in_a_new_fiscal_year_starts_the_next_in_that_year() {
    let sc = Scene::new();
    let c = sc.juniors();
    sc.advance_to(c.id, Phase::Act);
    let (_, next) = sc
        .mv(&sc.junior, c.id, PdcaStep::Close, full(), d(2026, 4, 10))
        .unwrap();
    let next = next.unwrap();
    assert_eq!(next.fiscal_year, 2026);
    assert_eq!(next.prev_id, Some(c.id));
}

#[test]
fn if_the_next_turn_cannot_be_stored_the_close_is_undone_too() {
    let sc = Scene::new();
    let c = sc.juniors();
    sc.advance_to(c.id, Phase::Act);
    // Closed in FY2201, the next turn would lie outside the years a record may hold.
    sc.refused(
        c.id,
        || sc.mv(&sc.junior, c.id, PdcaStep::Close, full(), d(2201, 6, 1)),
        "fiscal_year",
        Problem::OutOfRange {
            min: 1900,
            max: 2200,
        },
    );
    assert_eq!(sc.stored(c.id).phase, Phase::Act);
    assert_eq!(sc.db().pdca_lineage(c.id).unwrap().len(), 1);
}

#[test]
fn if_the_database_refuses_the_next_turn_the_close_is_undone_too() {
    let sc = Scene::new();
    let c = sc.juniors();
    sc.advance_to(c.id, Phase::Act);
    let before = sc.stored(c.id);
    let (n, audit) = (sc.cycles(), audit_count(sc.db()));
    {
        let raw = rusqlite::Connection::open(sc.w.path()).expect("open");
        raw.execute_batch(
            "CREATE TRIGGER no_next_turn BEFORE INSERT ON pdca_cycles
             BEGIN SELECT RAISE(ABORT, 'no new cycles'); END;",
        )
        .expect("trigger");
    }
    let r = sc.mv(&sc.junior, c.id, PdcaStep::Close, full(), d(2026, 3, 1));
    assert!(r.is_err(), "{r:?}");
    assert_eq!(sc.stored(c.id), before, "still in Act, same version");
    assert_eq!(sc.cycles(), n);
    assert_eq!(audit_count(sc.db()), audit);
}

#[test]
fn a_stale_version_is_a_conflict() {
    let sc = Scene::new();
    let c = sc.juniors();
    let db = sc.db();
    let (n, _) = db
        .pdca_move(
            c.id,
            Some(c.version),
            PdcaStep::Do,
            &none(),
            sc.junior.actor(),
            d(2025, 5, 1),
        )
        .unwrap();
    assert_eq!(n.version, c.version + 1);
    let audit = audit_count(db);
    let stale = db.pdca_move(
        c.id,
        Some(c.version),
        PdcaStep::Check,
        &none(),
        sc.lead.actor(),
        d(2025, 9, 1),
    );
    assert!(
        matches!(
            stale,
            Err(StoreError::Conflict {
                table: "pdca_cycles",
                ..
            })
        ),
        "{stale:?}"
    );
    assert_eq!(sc.stored(c.id), n);
    assert_eq!(audit_count(db), audit);
}

#[test]
fn reviews_are_written_by_a_lead_or_hr_never_by_the_owner() {
    let sc = Scene::new();
    let c = sc.juniors();
    let today = d(2025, 7, 1);
    sc.refused(
        c.id,
        || {
            sc.db()
                .pdca_review(c.id, "自己評価", sc.junior.actor(), today)
        },
        "reviewer",
        rule("pdca_review_by_lead"),
    );
    // An HR officer reviewing their own cycle is still its owner.
    let hr_owner = Who::new(sc.db(), "takahashi.hr", Role::Hr, Some(sc.w.junior.id));
    sc.refused(
        c.id,
        || sc.db().pdca_review(c.id, "自分の", hr_owner.actor(), today),
        "reviewer",
        rule("pdca_review_by_lead"),
    );
    let mut written = Vec::new();
    for (who, by, on) in [
        (&sc.lead, sc.w.lead.id, d(2025, 7, 1)),
        (&sc.chief, sc.w.chief.id, d(2025, 7, 2)),
        (&sc.hr, sc.w.clerk.id, d(2025, 7, 3)),
    ] {
        let r = sc
            .db()
            .pdca_review(c.id, "順調です", who.actor(), on)
            .unwrap();
        assert_eq!(
            (r.cycle_id, r.reviewer_id, r.reviewed_on, r.comment.as_str()),
            (c.id, by, on, "順調です")
        );
        written.push(r);
    }
    assert_eq!(sc.db().pdca_reviews(c.id).unwrap(), written);
    assert_problem(
        sc.db().pdca_review(c.id, " ", sc.lead.actor(), today),
        "comment",
        Problem::Required,
    );
    // A unit's cycle: its chief owns it, so the one above reviews it.
    let u = sc.plan(cycle(None, Some(sc.w.team_hr)));
    sc.refused(
        u.id,
        || {
            sc.db()
                .pdca_review(u.id, "自分の係", sc.lead.actor(), today)
        },
        "reviewer",
        rule("pdca_review_by_lead"),
    );
    sc.db()
        .pdca_review(u.id, "課として確認", sc.chief.actor(), today)
        .unwrap();
}

#[test]
fn check_ins_are_written_during_do_and_check_only() {
    let sc = Scene::new();
    let c = sc.juniors();
    let note = |on: Date| {
        sc.db()
            .pdca_checkin(c.id, "番号札を配布", None, sc.junior.actor(), on)
    };
    sc.refused(
        c.id,
        || note(d(2025, 5, 1)),
        "phase",
        rule("pdca_checkin_phase"),
    );
    sc.advance_to(c.id, Phase::Do);
    let k1 = note(d(2025, 6, 1)).unwrap();
    assert_eq!((k1.cycle_id, k1.on_date), (c.id, d(2025, 6, 1)));
    assert_problem(
        sc.db()
            .pdca_checkin(c.id, "", None, sc.junior.actor(), d(2025, 6, 2)),
        "note",
        Problem::Required,
    );
    sc.advance_to(c.id, Phase::Check);
    let k2 = sc
        .db()
        .pdca_checkin(c.id, "測定中", None, sc.lead.actor(), d(2025, 9, 1))
        .unwrap();
    sc.advance_to(c.id, Phase::Act);
    sc.refused(
        c.id,
        || note(d(2026, 2, 1)),
        "phase",
        rule("pdca_checkin_phase"),
    );
    sc.advance_to(c.id, Phase::Closed);
    sc.refused(
        c.id,
        || note(d(2026, 3, 1)),
        "phase",
        rule("pdca_checkin_phase"),
    );
    assert_eq!(sc.db().pdca_checkins(c.id).unwrap(), [k1, k2]);
}

#[test]
fn a_subordinate_is_no_lead_over_their_chiefs_cycle() {
    let sc = Scene::new();
    let mut deputy = staff("A0009", sc.w.sec_hr, d(2005, 4, 1));
    deputy.position = Position::DeputyChief;
    deputy.grade = 5;
    deputy.supervisor_id = Some(sc.w.chief.id);
    sc.db().insert(&mut deputy).unwrap();
    let deputy = Who::new(sc.db(), "deputy", Role::Supervisor, Some(deputy.id));
    let c = sc.plan(cycle(Some(sc.w.chief.id), None));
    assert_eq!(
        sc.db().pdca_acting(&c, deputy.actor()).unwrap(),
        PdcaActing::default(),
        "the chief's subordinate does not lead the chief"
    );
    sc.refused(
        c.id,
        || {
            sc.db()
                .pdca_review(c.id, "部下から", deputy.actor(), d(2025, 7, 1))
        },
        "reviewer",
        rule("pdca_review_by_lead"),
    );
}
