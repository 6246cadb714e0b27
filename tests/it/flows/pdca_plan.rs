//! Planning and carrying out a PDCA cycle (src/store/pdca_moves.rs): the Plan is written
//! only while in Plan and only its own fields; actions are added in Plan or Do with a due
//! date; an action is done once, in Do; a check-in carries the cycle's progress, audited;
//! only the owner, a lead over them or the HR office may; out of scope is not found.

use crate::support::ward;

use jinji::domain::account::Role;
use jinji::domain::evaluation::{EvalKind, EvalPeriod, Evaluation, Term};
use jinji::domain::pdca::{PdcaAction, PdcaCycle, Phase};
use jinji::domain::pdca_flow::{PdcaInput, PdcaStep};
use jinji::domain::staff::Position;
use jinji::domain::{Date, FiscalYear, Id, Problem};
use jinji::store::{Db, StoreError};
use ward::*;

const FY: FiscalYear = 2025;

/// A cycle of 高橋 in Plan with nothing planned yet but its title.
fn bare(owner: Id) -> PdcaCycle {
    PdcaCycle {
        owner_staff_id: Some(owner),
        title: "窓口待ち時間の短縮".into(),
        ..PdcaCycle::blank(FY)
    }
}

/// What the owner writes as the Plan.
fn planned(c: &PdcaCycle) -> PdcaCycle {
    PdcaCycle {
        goal: "繁忙期の待ち時間を短くする".into(),
        metric: "平均待ち時間".into(),
        metric_unit: "分".into(),
        lower_is_better: true,
        baseline: Some(30.0),
        target: Some(20.0),
        plan_notes: "番号札と事前案内".into(),
        ..c.clone()
    }
}

/// The shared `Ward` with, besides: 課長 of 区民課 (`stranger`, who also evaluates 高橋 and
/// so sees them without leading them), a clerk of 区民係 (`outsider`), and a clerk of
/// 人事係 who holds a supervisor account (`peer`).
struct Scene {
    w: Ward,
    /// 高橋: the owner.
    junior: Who,
    /// 鈴木 (係長 of 人事係): a lead over 高橋.
    lead: Who,
    /// 佐藤 (課長 of 人事課): a lead over both.
    chief: Who,
    /// An HR officer of 区民係, and an admin without a person.
    hr: Who,
    admin: Who,
    /// A staff account of 区民係: out of scope.
    outsider: Who,
    /// 課長 of 区民課 before they evaluate anyone of 人事課: out of scope.
    kumin: Who,
    /// The same person once they are 高橋's second evaluator: in scope, no capacity.
    stranger: Who,
    /// A clerk of 人事係 with a supervisor account: in scope, no capacity.
    peer: Who,
}

impl Scene {
    fn new() -> Scene {
        let w = Ward::new();
        let db = &w.db;
        let mut stranger = staff("A0006", w.sec_res, d(1998, 4, 1));
        stranger.position = Position::SectionChief;
        stranger.grade = 6;
        db.insert(&mut stranger).expect("stranger");
        let mut outsider = staff("A0007", w.team_res, d(2019, 4, 1));
        db.insert(&mut outsider).expect("outsider");
        let mut peer = staff("A0008", w.team_hr, d(2018, 4, 1));
        db.insert(&mut peer).expect("peer");
        let kumin = Who::new(db, "kumin", Role::Supervisor, Some(stranger.id));
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
        db.insert(&mut p).expect("period");
        db.insert(&mut Evaluation::draft(
            p.id,
            w.junior.id,
            Some(w.lead.id),
            Some(stranger.id),
        ))
        .expect("evaluation");
        Scene {
            junior: Who::new(db, "takahashi", Role::Staff, Some(w.junior.id)),
            lead: Who::new(db, "suzuki", Role::Supervisor, Some(w.lead.id)),
            chief: Who::new(db, "sato", Role::Supervisor, Some(w.chief.id)),
            hr: Who::new(db, "tanaka", Role::Hr, Some(w.clerk.id)),
            admin: Who::new(db, "root", Role::Admin, None),
            outsider: Who::new(db, "outsider", Role::Staff, Some(outsider.id)),
            stranger: Who::new(db, "kumin2", Role::Supervisor, Some(stranger.id)),
            peer: Who::new(db, "peer", Role::Supervisor, Some(peer.id)),
            kumin,
            w,
        }
    }

    fn db(&self) -> &Db {
        &self.w.db
    }

    /// A bare cycle of 高橋 stored in Plan.
    fn bare(&self) -> PdcaCycle {
        let mut c = bare(self.w.junior.id);
        self.db().insert(&mut c).expect("cycle");
        c
    }

    /// A planned cycle of 高橋 with one action, stored in Plan.
    fn ready(&self) -> (PdcaCycle, PdcaAction) {
        let mut c = planned(&bare(self.w.junior.id));
        self.db().insert(&mut c).expect("cycle");
        let mut a = action(c.id, "番号札の導入");
        self.db().insert(&mut a).expect("action");
        (c, a)
    }

    fn stored(&self, id: Id) -> PdcaCycle {
        self.db().get(id).expect("cycle")
    }

    fn action(&self, id: Id) -> PdcaAction {
        self.db().get(id).expect("action")
    }

    /// Moves cycle `id` up to `phase` as HR.
    fn advance_to(&self, id: Id, phase: Phase) {
        let steps = [
            (PdcaStep::Do, Phase::Do),
            (PdcaStep::Check, Phase::Check),
            (PdcaStep::Act, Phase::Act),
            (PdcaStep::Close, Phase::Closed),
        ];
        let input = PdcaInput {
            result: Some(18.0),
            improvements: "予約制の導入を検討する".into(),
        };
        for (step, to) in steps {
            if self.stored(id).phase >= to {
                continue;
            }
            if to > phase {
                break;
            }
            self.db()
                .pdca_move(id, None, step, &input, self.hr.actor(), d(2025, 10, 1))
                .expect("advance");
        }
        assert_eq!(self.stored(id).phase, phase);
    }

    /// The audit actions on a table's row, oldest first.
    fn audit(&self, table: &str, id: Id) -> Vec<String> {
        let mut v: Vec<String> = self
            .db()
            .audit_entries(Some(table), Some(id), 100)
            .expect("audit")
            .into_iter()
            .map(|a| a.action)
            .collect();
        v.reverse();
        v
    }

    /// Everything a refused write could have touched.
    fn world(&self, id: Id) -> (PdcaCycle, Vec<PdcaAction>, usize, usize) {
        (
            self.stored(id),
            self.db().pdca_actions(id).expect("actions"),
            self.db().pdca_checkins(id).expect("checkins").len(),
            audit_count(self.db()),
        )
    }

    /// Asserts that `r` failed with `problem` on `field` and that cycle `id`, its
    /// actions, its check-ins and the audit log are as they were.
    #[track_caller]
    fn refused<T: std::fmt::Debug>(
        &self,
        id: Id,
        r: impl FnOnce() -> Result<T, StoreError>,
        field: &str,
        problem: Problem,
    ) {
        let before = self.world(id);
        assert_problem(r(), field, problem);
        assert_eq!(self.world(id), before, "nothing written");
    }

    #[track_caller]
    fn not_found<T: std::fmt::Debug>(&self, id: Id, r: Result<T, StoreError>) {
        let before = self.world(id);
        assert!(
            matches!(r, Err(StoreError::NotFound { table: "pdca_cycles", id: i }) if i == id),
            "{r:?}"
        );
        assert_eq!(self.world(id), before, "nothing written");
    }
}

fn action(cycle_id: Id, what: &str) -> PdcaAction {
    PdcaAction {
        id: 0,
        cycle_id,
        description: what.into(),
        due_on: d(2025, 9, 30),
        done_on: None,
        progress: 0,
        version: 0,
    }
}

#[test]
fn the_plan_writes_its_own_fields_and_nothing_else() {
    let sc = Scene::new();
    let c = sc.bare();
    // Everything else in the argument is ignored: title, phase, progress, result,
    // improvements, owner, year, lineage.
    let arg = PdcaCycle {
        title: "別の題".into(),
        phase: Phase::Closed,
        progress: 80,
        result: Some(5.0),
        improvements: "勝手な改善".into(),
        owner_staff_id: Some(sc.w.lead.id),
        fiscal_year: FY + 1,
        prev_id: Some(c.id),
        ..planned(&c)
    };
    let n = sc
        .db()
        .pdca_plan(&arg, Some(c.version), sc.junior.actor())
        .expect("plan");
    let want = PdcaCycle {
        version: c.version + 1,
        ..planned(&c)
    };
    assert_eq!(n, want);
    assert_eq!(sc.stored(c.id), want, "what is returned is stored");
    assert_eq!(sc.audit("pdca_cycles", c.id), ["insert", "pdca.plan"]);
    // Without a version the current one is written over; a stale one is a conflict.
    let again = PdcaCycle {
        goal: "二度目の目標".into(),
        ..n.clone()
    };
    let before = sc.world(c.id);
    let stale = sc
        .db()
        .pdca_plan(&again, Some(c.version), sc.junior.actor());
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
    assert_eq!(sc.world(c.id), before);
    let n = sc.db().pdca_plan(&again, None, sc.junior.actor()).unwrap();
    assert_eq!(
        (n.goal.as_str(), n.version),
        ("二度目の目標", c.version + 2)
    );
}

#[test]
fn the_plan_is_validated() {
    let sc = Scene::new();
    let c = sc.bare();
    let long = PdcaCycle {
        metric: "測".repeat(81),
        ..planned(&c)
    };
    sc.refused(
        c.id,
        || sc.db().pdca_plan(&long, None, sc.junior.actor()),
        "metric",
        Problem::TooLong { max: 80 },
    );
    let nan = PdcaCycle {
        target: Some(f64::NAN),
        ..planned(&c)
    };
    sc.refused(
        c.id,
        || sc.db().pdca_plan(&nan, None, sc.junior.actor()),
        "target",
        Problem::Malformed,
    );
}

#[test]
fn the_plan_is_written_only_in_plan() {
    let sc = Scene::new();
    for phase in [Phase::Do, Phase::Check, Phase::Act, Phase::Closed] {
        let (c, _) = sc.ready();
        sc.advance_to(c.id, phase);
        let arg = PdcaCycle {
            goal: "変えたい".into(),
            ..sc.stored(c.id)
        };
        for who in [&sc.junior, &sc.lead, &sc.hr] {
            sc.refused(
                c.id,
                || sc.db().pdca_plan(&arg, None, who.actor()),
                "phase",
                rule("pdca_plan_phase"),
            );
        }
    }
}

#[test]
fn the_owner_a_lead_and_hr_may_plan() {
    let sc = Scene::new();
    for (label, who) in [
        ("owner", &sc.junior),
        ("team lead", &sc.lead),
        ("section lead", &sc.chief),
        ("hr", &sc.hr),
        ("admin", &sc.admin),
    ] {
        let c = sc.bare();
        let n = sc
            .db()
            .pdca_plan(&planned(&c), None, who.actor())
            .unwrap_or_else(|e| panic!("{label}: {e:?}"));
        assert_eq!(n.target, Some(20.0), "{label}");
        let a = sc
            .db()
            .pdca_add_action(c.id, "案内板の設置", Some(d(2025, 7, 1)), who.actor())
            .unwrap_or_else(|e| panic!("{label}: {e:?}"));
        assert_eq!(a.cycle_id, c.id, "{label}");
    }
}

#[test]
fn actions_are_added_in_plan_or_do_with_a_due_date() {
    let sc = Scene::new();
    let c = sc.bare();
    let add =
        |what: &str, due: Option<Date>| sc.db().pdca_add_action(c.id, what, due, sc.junior.actor());
    sc.refused(
        c.id,
        || add("番号札の導入", None),
        "due_on",
        Problem::Required,
    );
    sc.refused(
        c.id,
        || add("  ", Some(d(2025, 6, 30))),
        "description",
        Problem::Required,
    );
    sc.refused(
        c.id,
        || add(&"長".repeat(201), Some(d(2025, 6, 30))),
        "description",
        Problem::TooLong { max: 200 },
    );
    sc.refused(
        c.id,
        || add("\u{1b}[2J番号札", Some(d(2025, 6, 30))),
        "description",
        Problem::ControlChars {
            code: "U+001B".into(),
            within: String::new(),
        },
    );
    let a = add("  番号札の導入  ", Some(d(2025, 6, 30))).expect("in Plan");
    assert_eq!(
        a,
        PdcaAction {
            id: a.id,
            cycle_id: c.id,
            description: "番号札の導入".into(),
            due_on: d(2025, 6, 30),
            done_on: None,
            progress: 0,
            version: 1,
        },
        "trimmed, not done, stored"
    );
    assert_eq!(sc.action(a.id), a);
    assert_eq!(sc.audit("pdca_actions", a.id), ["insert"]);
    // Adding an action writes nothing on the cycle.
    assert_eq!(sc.stored(c.id), c);

    sc.db()
        .pdca_plan(&planned(&c), None, sc.junior.actor())
        .unwrap();
    sc.advance_to(c.id, Phase::Do);
    let b = add("事前案内の送付", Some(d(2025, 8, 31))).expect("in Do");
    assert_eq!(sc.db().pdca_actions(c.id).unwrap(), [a, b]);
    for phase in [Phase::Check, Phase::Act, Phase::Closed] {
        sc.advance_to(c.id, phase);
        sc.refused(
            c.id,
            || add("遅すぎる取組", Some(d(2026, 3, 1))),
            "phase",
            rule("pdca_plan_phase"),
        );
    }
}

#[test]
fn once_planned_with_an_action_the_cycle_moves_to_do() {
    let sc = Scene::new();
    let c = sc.bare();
    let today = d(2025, 5, 1);
    let mv = || {
        sc.db().pdca_move(
            c.id,
            None,
            PdcaStep::Do,
            &PdcaInput::default(),
            sc.junior.actor(),
            today,
        )
    };
    let fields = |r: Result<(PdcaCycle, Option<PdcaCycle>), StoreError>| {
        let mut v: Vec<&str> = invalid(r).fields().collect();
        v.sort();
        v
    };
    assert_eq!(fields(mv()), ["actions", "metric", "target"]);
    sc.db()
        .pdca_plan(&planned(&c), None, sc.junior.actor())
        .unwrap();
    assert_eq!(fields(mv()), ["actions"]);
    sc.db()
        .pdca_add_action(
            c.id,
            "番号札の導入",
            Some(d(2025, 6, 30)),
            sc.junior.actor(),
        )
        .unwrap();
    let (n, next) = mv().expect("to Do");
    assert_eq!((n.phase, next), (Phase::Do, None));
    assert_eq!(sc.stored(c.id), n);
    assert_eq!(
        sc.audit("pdca_cycles", c.id),
        ["insert", "pdca.plan", "pdca.do"]
    );
    // The plan is fixed now; actions may still be added.
    sc.refused(
        c.id,
        || sc.db().pdca_plan(&planned(&n), None, sc.junior.actor()),
        "phase",
        rule("pdca_plan_phase"),
    );
    sc.db()
        .pdca_add_action(c.id, "事前案内", Some(d(2025, 7, 31)), sc.junior.actor())
        .expect("an action in Do");
}

#[test]
fn an_action_is_done_once_and_only_in_do() {
    let sc = Scene::new();
    let (c, a) = sc.ready();
    let b = sc
        .db()
        .pdca_add_action(c.id, "事前案内", Some(d(2025, 7, 31)), sc.junior.actor())
        .unwrap();
    let done = |id: Id, on: Date| sc.db().pdca_action_done(id, sc.junior.actor(), on);
    sc.refused(
        c.id,
        || done(a.id, d(2025, 5, 1)),
        "phase",
        rule("pdca_plan_phase"),
    );
    sc.advance_to(c.id, Phase::Do);
    let cycle = sc.stored(c.id);
    let x = done(a.id, d(2025, 6, 20)).expect("done in Do");
    assert_eq!(
        x,
        PdcaAction {
            done_on: Some(d(2025, 6, 20)),
            progress: 100,
            version: a.version + 1,
            ..a.clone()
        }
    );
    assert_eq!(sc.action(a.id), x);
    assert_eq!(
        sc.audit("pdca_actions", a.id),
        ["insert", "pdca.action_done"]
    );
    assert_eq!(sc.stored(c.id), cycle, "the cycle is not touched");
    // Once.
    sc.refused(
        c.id,
        || done(a.id, d(2025, 6, 21)),
        "done_on",
        rule("pdca_action_done"),
    );
    assert_eq!(sc.action(a.id), x, "the first date stays");
    // A lead may mark one done too, but not once the cycle is in Check.
    sc.advance_to(c.id, Phase::Check);
    sc.refused(
        c.id,
        || {
            sc.db()
                .pdca_action_done(b.id, sc.lead.actor(), d(2025, 9, 1))
        },
        "phase",
        rule("pdca_plan_phase"),
    );
    assert_eq!(sc.action(b.id).done_on, None);
    // An action that does not exist.
    let r = sc.db().pdca_action_done(4242, sc.hr.actor(), d(2025, 9, 1));
    assert!(
        matches!(
            r,
            Err(StoreError::NotFound {
                table: "pdca_actions",
                id: 4242
            })
        ),
        "{r:?}"
    );
}

#[test]
fn a_lead_and_hr_mark_actions_done() {
    let sc = Scene::new();
    let (c, a) = sc.ready();
    let b = sc
        .db()
        .pdca_add_action(c.id, "事前案内", Some(d(2025, 7, 31)), sc.junior.actor())
        .unwrap();
    sc.advance_to(c.id, Phase::Do);
    sc.db()
        .pdca_action_done(a.id, sc.chief.actor(), d(2025, 7, 1))
        .expect("a lead");
    sc.db()
        .pdca_action_done(b.id, sc.admin.actor(), d(2025, 7, 2))
        .expect("the admin");
    assert_eq!(
        (sc.action(a.id).done_on, sc.action(b.id).done_on),
        (Some(d(2025, 7, 1)), Some(d(2025, 7, 2)))
    );
}

#[test]
fn a_check_in_carries_the_cycles_progress_audited() {
    let sc = Scene::new();
    let (c, _) = sc.ready();
    sc.advance_to(c.id, Phase::Do);
    let checkin = |note: &str, progress: Option<i64>, on: Date| {
        sc.db()
            .pdca_checkin(c.id, note, progress, sc.junior.actor(), on)
    };
    let before = sc.stored(c.id);
    let k = checkin("番号札を配布", Some(40), d(2025, 6, 1)).expect("check-in");
    assert_eq!(
        (k.cycle_id, k.on_date, k.note.as_str()),
        (c.id, d(2025, 6, 1), "番号札を配布")
    );
    let n = sc.stored(c.id);
    assert_eq!(
        n,
        PdcaCycle {
            progress: 40,
            version: before.version + 1,
            ..before.clone()
        }
    );
    assert_eq!(
        sc.audit("pdca_cycles", c.id).last().map(String::as_str),
        Some("pdca.progress")
    );
    assert_eq!(sc.audit("pdca_checkins", k.id), ["insert"]);
    // Without a progress, or the same one, the cycle is not written.
    let cycle_audit = sc.audit("pdca_cycles", c.id).len();
    checkin("配布を継続", None, d(2025, 6, 15)).unwrap();
    checkin("変わらず", Some(40), d(2025, 6, 20)).unwrap();
    assert_eq!(sc.stored(c.id), n);
    assert_eq!(sc.audit("pdca_cycles", c.id).len(), cycle_audit);
    // Out of range: neither the note nor the progress is kept.
    for p in [-1, 101] {
        sc.refused(
            c.id,
            || checkin("おかしな値", Some(p), d(2025, 7, 1)),
            "progress",
            Problem::OutOfRange { min: 0, max: 100 },
        );
    }
    // A lead notes progress during Check as well.
    sc.advance_to(c.id, Phase::Check);
    sc.db()
        .pdca_checkin(c.id, "測定中", Some(90), sc.lead.actor(), d(2025, 9, 1))
        .unwrap();
    assert_eq!(sc.stored(c.id).progress, 90);
    assert_eq!(sc.db().pdca_checkins(c.id).unwrap().len(), 4);
    // Not in Plan.
    let (p, _) = sc.ready();
    sc.refused(
        p.id,
        || {
            sc.db().pdca_checkin(
                p.id,
                "まだ計画中",
                Some(10),
                sc.junior.actor(),
                d(2025, 5, 1),
            )
        },
        "phase",
        rule("pdca_checkin_phase"),
    );
}

#[test]
fn someone_in_scope_without_a_capacity_is_refused_everything() {
    let sc = Scene::new();
    let (c, a) = sc.ready();
    let today = d(2025, 6, 1);
    for who in [&sc.stranger, &sc.peer] {
        assert_eq!(sc.db().pdca_for(c.id, who.actor()).unwrap(), c, "in scope");
        sc.refused(
            c.id,
            || sc.db().pdca_plan(&planned(&c), None, who.actor()),
            "phase",
            rule("pdca_owner_or_lead"),
        );
        sc.refused(
            c.id,
            || {
                sc.db()
                    .pdca_add_action(c.id, "横から", Some(today), who.actor())
            },
            "phase",
            rule("pdca_owner_or_lead"),
        );
    }
    sc.advance_to(c.id, Phase::Do);
    for who in [&sc.stranger, &sc.peer] {
        sc.refused(
            c.id,
            || sc.db().pdca_action_done(a.id, who.actor(), today),
            "phase",
            rule("pdca_owner_or_lead"),
        );
        sc.refused(
            c.id,
            || {
                sc.db()
                    .pdca_checkin(c.id, "横から", Some(50), who.actor(), today)
            },
            "phase",
            rule("pdca_owner_or_lead"),
        );
    }
}

#[test]
fn out_of_scope_the_cycle_is_not_found() {
    let sc = Scene::new();
    let (c, a) = sc.ready();
    let today = d(2025, 6, 1);
    let (p, _) = sc.ready();
    sc.advance_to(p.id, Phase::Do);
    let pa = sc.db().pdca_actions(p.id).unwrap()[0].clone();
    for who in [&sc.outsider, &sc.kumin] {
        sc.not_found(c.id, sc.db().pdca_plan(&planned(&c), None, who.actor()));
        sc.not_found(
            c.id,
            sc.db()
                .pdca_add_action(c.id, "外から", Some(today), who.actor()),
        );
        // An action out of sight is named as the action, as one that is not there.
        for (cycle, action) in [(c.id, a.id), (p.id, pa.id)] {
            let before = sc.world(cycle);
            let r = sc.db().pdca_action_done(action, who.actor(), today);
            assert!(
                matches!(r, Err(StoreError::NotFound { table: "pdca_actions", id }) if id == action),
                "{r:?}"
            );
            assert_eq!(sc.world(cycle), before, "nothing written");
        }
        sc.not_found(
            p.id,
            sc.db()
                .pdca_checkin(p.id, "外から", Some(50), who.actor(), today),
        );
    }
    // A cycle that does not exist.
    let r = sc
        .db()
        .pdca_add_action(4242, "どこにも", Some(today), sc.hr.actor());
    assert!(
        matches!(
            r,
            Err(StoreError::NotFound {
                table: "pdca_cycles",
                id: 4242
            })
        ),
        "{r:?}"
    );
}

#[test]
fn a_units_cycle_is_planned_by_its_chief_not_by_its_clerks() {
    let sc = Scene::new();
    let mut c = bare(sc.w.junior.id);
    c.owner_staff_id = None;
    c.owner_unit_id = Some(sc.w.team_hr);
    sc.db().insert(&mut c).unwrap();
    // The clerk (staff account) does not see the unit's cycle at all.
    sc.not_found(
        c.id,
        sc.db().pdca_plan(&planned(&c), None, sc.junior.actor()),
    );
    // Its chief owns it: plans it, adds an action and starts it.
    sc.db()
        .pdca_plan(&planned(&c), None, sc.lead.actor())
        .expect("the chief of the unit plans");
    sc.db()
        .pdca_add_action(c.id, "係内の手順書", Some(d(2025, 6, 30)), sc.lead.actor())
        .unwrap();
    let (n, _) = sc
        .db()
        .pdca_move(
            c.id,
            None,
            PdcaStep::Do,
            &PdcaInput::default(),
            sc.lead.actor(),
            d(2025, 5, 1),
        )
        .unwrap();
    assert_eq!(n.phase, Phase::Do);
    // The peer (a clerk of the unit with a supervisor account) is no chief.
    sc.refused(
        c.id,
        || {
            sc.db()
                .pdca_checkin(c.id, "係員", Some(10), sc.peer.actor(), d(2025, 6, 1))
        },
        "phase",
        rule("pdca_owner_or_lead"),
    );
}
