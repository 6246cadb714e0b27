//! Challenge themes written by the people they belong to (src/store/themes.rs): the
//! evaluatee writes the plan, progress and result; the first evaluator judges achievement
//! and comments; the HR office writes everything. Each side is locked once its stage of
//! the performance evaluation has passed; anyone else is refused; a person out of sight
//! is unknown; a mid-year report is dated; weights stay within 100.

use crate::support::ward;

use jinji::domain::account::Role;
use jinji::domain::eval_flow::{EvalInput, EvalStep};
use jinji::domain::evaluation::{EvalKind, EvalPeriod, EvalState, Evaluation, Grade, Term};
use jinji::domain::staff::{Position, Staff};
use jinji::domain::theme::Theme;
use jinji::domain::{Date, FiscalYear, Id, Problem};
use jinji::store::themes::ThemeSide;
use jinji::store::{Db, StoreError};
use ward::*;

const FY: FiscalYear = 2025;

fn today() -> Date {
    d(2025, 11, 10)
}

/// Every field of a theme somebody writes, and which side writes it.
const OWNER_FIELDS: [&str; 9] = [
    "title",
    "target",
    "difficulty",
    "weight",
    "progress",
    "midterm_report",
    "midterm_on",
    "result",
    "self_assessment",
];
const JUDGE_FIELDS: [&str; 2] = ["achievement", "evaluator_comment"];

fn all_fields() -> Vec<&'static str> {
    OWNER_FIELDS
        .iter()
        .chain(JUDGE_FIELDS.iter())
        .copied()
        .collect()
}

/// Changes one field of a theme to another valid value.
fn change(t: &mut Theme, field: &str) {
    match field {
        "title" => t.title = "窓口案内の改善".into(),
        "target" => t.target = "待ち時間を二割短縮する".into(),
        "difficulty" => t.difficulty = 3,
        "weight" => t.weight = 40,
        "progress" => t.progress = 70,
        "midterm_report" => t.midterm_report = "番号札を導入した".into(),
        "midterm_on" => t.midterm_on = Some(d(2025, 10, 20)),
        "result" => t.result = "待ち時間は三割減った".into(),
        "self_assessment" => t.self_assessment = "計画どおり".into(),
        "achievement" => t.achievement = Some(90),
        "evaluator_comment" => t.evaluator_comment = "よく取り組んだ".into(),
        other => panic!("no field {other}"),
    }
}

fn theme(staff_id: Id, fy: FiscalYear, weight: i64) -> Theme {
    Theme {
        id: 0,
        staff_id,
        fiscal_year: fy,
        title: format!("テーマ{weight}"),
        target: "窓口の待ち時間を短縮する".into(),
        difficulty: 2,
        weight,
        progress: 50,
        midterm_report: String::new(),
        midterm_on: None,
        result: String::new(),
        achievement: None,
        self_assessment: String::new(),
        evaluator_comment: String::new(),
        version: 0,
    }
}

/// The shared `Ward` with 高橋 (junior) evaluated for performance in FY2025 by 鈴木 (lead,
/// first) and 佐藤 (chief, second); 田中 of 区民係 and the chief of 区民課 see nobody of
/// 人事係; a clerk of 人事係 holds a supervisor account without evaluating anyone.
struct Scene {
    w: Ward,
    eval: Id,
    /// The evaluatee: writes the plan and result.
    junior: Who,
    /// The first evaluator: judges.
    lead: Who,
    /// The second evaluator: neither side.
    chief: Who,
    /// An HR officer without a person, and an admin with one.
    hr: Who,
    admin: Who,
    /// 田中 of 区民係 with a staff account: out of scope.
    clerk: Who,
    /// 課長 of 区民課: a supervisor of another section, out of scope.
    stranger: Who,
    /// A clerk of 人事係 with a supervisor account: in scope, no capacity.
    peer: Who,
    peer_staff: Staff,
}

impl Scene {
    fn new() -> Scene {
        let w = Ward::new();
        let db = &w.db;
        let mut stranger = staff("A0006", w.sec_res, d(1998, 4, 1));
        stranger.position = Position::SectionChief;
        stranger.grade = 6;
        db.insert(&mut stranger).expect("stranger");
        let mut peer = staff("A0008", w.team_hr, d(2018, 4, 1));
        db.insert(&mut peer).expect("peer");
        let mut p = EvalPeriod {
            id: 0,
            fiscal_year: FY,
            kind: EvalKind::Performance,
            term: Term::Full,
            start_date: d(FY, 4, 1),
            end_date: d(FY + 1, 3, 31),
            base_date: d(FY + 1, 3, 31),
            version: 0,
        };
        db.insert(&mut p).expect("period");
        let mut e = Evaluation::draft(p.id, w.junior.id, Some(w.lead.id), Some(w.chief.id));
        db.insert(&mut e).expect("evaluation");
        Scene {
            eval: e.id,
            junior: Who::new(db, "takahashi", Role::Staff, Some(w.junior.id)),
            lead: Who::new(db, "suzuki", Role::Supervisor, Some(w.lead.id)),
            chief: Who::new(db, "sato", Role::Supervisor, Some(w.chief.id)),
            hr: Who::new(db, "hr.clerk", Role::Hr, None),
            admin: Who::new(db, "root", Role::Admin, Some(w.clerk.id)),
            clerk: Who::new(db, "tanaka", Role::Staff, Some(w.clerk.id)),
            stranger: Who::new(db, "kumin", Role::Supervisor, Some(stranger.id)),
            peer: Who::new(db, "peer", Role::Supervisor, Some(peer.id)),
            peer_staff: peer,
            w,
        }
    }

    fn db(&self) -> &Db {
        &self.w.db
    }

    /// A theme of 高橋 of FY2025 stored as it is (weight 60).
    fn put(&self) -> Theme {
        self.put_theme(theme(self.w.junior.id, FY, 60))
    }

    fn put_theme(&self, mut t: Theme) -> Theme {
        self.db().insert(&mut t).expect("theme");
        t
    }

    fn stored(&self, id: Id) -> Theme {
        self.db().get(id).expect("theme")
    }

    fn themes(&self) -> Vec<Theme> {
        let mut v = self.db().themes_of(self.w.junior.id, FY).expect("themes");
        v.extend(
            self.db()
                .themes_of(self.w.junior.id, FY - 1)
                .expect("themes"),
        );
        v.extend(self.db().themes_of(self.peer_staff.id, FY).expect("themes"));
        v
    }

    fn save(&self, who: &Who, t: &mut Theme) -> Result<(), StoreError> {
        self.db().save_theme(t, who.actor(), today())
    }

    /// Puts the evaluation in `state` as the chain would have left it.
    fn at(&self, state: EvalState) {
        let mut e: Evaluation = self.db().get(self.eval).expect("evaluation");
        let s = state.step();
        e.state = state;
        if s >= EvalState::SelfSubmitted.step() {
            (e.self_rating, e.self_submitted_on) = (Some(Grade::A), Some(d(2026, 3, 5)));
        }
        if s >= EvalState::FirstDone.step() {
            (e.first_rating, e.first_done_on) = (Some(Grade::B), Some(d(2026, 3, 10)));
        }
        if s >= EvalState::SecondDone.step() {
            (e.second_rating, e.second_done_on) = (Some(Grade::B), Some(d(2026, 3, 15)));
        }
        if s >= EvalState::Finalized.step() {
            (e.grade, e.finalized_on) = (Some(Grade::B), Some(d(2026, 4, 20)));
        }
        if s >= EvalState::Disclosed.step() {
            e.disclosed_on = Some(d(2026, 5, 11));
        }
        self.db().update(&mut e).expect("evaluation in state");
    }

    fn state(&self) -> EvalState {
        self.db()
            .get::<Evaluation>(self.eval)
            .expect("evaluation")
            .state
    }

    /// Asserts that `r` failed with `problem` on `field` and that no theme and no audit
    /// row changed.
    #[track_caller]
    fn refused<T: std::fmt::Debug>(
        &self,
        r: impl FnOnce() -> Result<T, StoreError>,
        field: &str,
        problem: Problem,
    ) {
        let (before, audit) = (self.themes(), audit_count(self.db()));
        assert_problem(r(), field, problem);
        assert_eq!(self.themes(), before, "no theme changed");
        assert_eq!(audit_count(self.db()), audit, "no audit row");
    }

    #[track_caller]
    fn not_found<T: std::fmt::Debug>(&self, id: Id, r: Result<T, StoreError>) {
        assert!(
            matches!(r, Err(StoreError::NotFound { table: "themes", id: i }) if i == id),
            "{r:?}"
        );
    }
}

#[test]
fn each_side_writes_its_own_fields_and_is_refused_the_others() {
    let sc = Scene::new();
    let sides: [(&str, &Who, Option<&[&str]>); 4] = [
        ("evaluatee", &sc.junior, Some(&OWNER_FIELDS)),
        ("first evaluator", &sc.lead, Some(&JUDGE_FIELDS)),
        ("hr officer", &sc.hr, None),
        ("admin", &sc.admin, None),
    ];
    let mut wrong = Vec::new();
    for (label, who, mine) in sides {
        for f in all_fields() {
            // A fresh theme for each try.
            for t in sc.themes() {
                sc.db().delete::<Theme>(t.id, t.version).expect("clear");
            }
            let before = sc.put();
            let mut t = before.clone();
            change(&mut t, f);
            let audit = audit_count(sc.db());
            let allowed = mine.is_none_or(|m| m.contains(&f));
            match (allowed, sc.save(who, &mut t)) {
                (true, Ok(())) => {
                    let stored = sc.stored(before.id);
                    let mut want = before.clone();
                    change(&mut want, f);
                    want.version = before.version + 1;
                    if f == "midterm_report" {
                        want.midterm_on = Some(today());
                    }
                    if stored != want || t != want {
                        wrong.push(format!("{label} / {f}: stored {stored:?}"));
                    }
                    if audit_count(sc.db()) != audit + 1 {
                        wrong.push(format!("{label} / {f}: not one audit row"));
                    }
                }
                (false, Err(StoreError::Invalid(inv)))
                    if inv.0.len() == 1
                        && inv.0[0].field == f
                        && inv.0[0].problem == rule("theme_other_side") =>
                {
                    if sc.stored(before.id) != before || audit_count(sc.db()) != audit {
                        wrong.push(format!("{label} / {f}: refused but written"));
                    }
                }
                (allowed, got) => {
                    wrong.push(format!("{label} / {f}: allowed {allowed}, got {got:?}"))
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_fields_of_each_side_are_as_specified() {
    assert_eq!(ThemeSide::Hr.fields(), None);
    assert_eq!(ThemeSide::Owner.fields(), Some(&OWNER_FIELDS[..]));
    assert_eq!(ThemeSide::Judge.fields(), Some(&JUDGE_FIELDS[..]));
    assert_eq!(ThemeSide::None.fields(), Some(&[][..]));
}

#[test]
fn the_side_follows_the_account_and_the_state_of_the_performance_evaluation() {
    let sc = Scene::new();
    let owner = Ok(ThemeSide::Owner);
    let judge = Ok(ThemeSide::Judge);
    let submitted = Err(("staff_no", rule("theme_locked_submitted")));
    let judged = Err(("staff_no", rule("theme_locked_judged")));
    #[rustfmt::skip]
    let table = [
        (EvalState::Draft,         owner.clone(),     judge.clone()),
        (EvalState::SelfSubmitted, submitted.clone(), judge.clone()),
        (EvalState::FirstDone,     submitted.clone(), judged.clone()),
        (EvalState::SecondDone,    submitted.clone(), judged.clone()),
        (EvalState::Finalized,     submitted.clone(), judged.clone()),
        (EvalState::Disclosed,     submitted.clone(), judged.clone()),
    ];
    let side = |who: &Who| {
        sc.db()
            .theme_side(sc.w.junior.id, FY, who.actor())
            .map_err(|e| {
                let i = invalid::<()>(Err(e));
                (i.0[0].field, i.0[0].problem.clone())
            })
    };
    for (state, evaluatee, first) in table {
        sc.at(state);
        assert_eq!(side(&sc.junior), evaluatee, "{state:?}: the evaluatee");
        assert_eq!(side(&sc.lead), first, "{state:?}: the first evaluator");
        for (label, who) in [("second", &sc.chief), ("peer", &sc.peer)] {
            assert_eq!(side(who), Ok(ThemeSide::None), "{state:?}: {label}");
        }
        for (label, who) in [("hr", &sc.hr), ("admin", &sc.admin)] {
            assert_eq!(side(who), Ok(ThemeSide::Hr), "{state:?}: {label}");
        }
    }
    // A year without a performance evaluation: the person writes their own; nobody
    // judges.
    assert_eq!(
        sc.db()
            .theme_side(sc.w.junior.id, FY - 1, sc.junior.actor())
            .unwrap(),
        ThemeSide::Owner
    );
    assert_eq!(
        sc.db()
            .theme_side(sc.w.junior.id, FY - 1, sc.lead.actor())
            .unwrap(),
        ThemeSide::None
    );
}

#[test]
fn the_evaluatee_is_locked_once_the_self_assessment_is_submitted() {
    let sc = Scene::new();
    let a = sc.put();
    let mut b = theme(sc.w.junior.id, FY, 30);
    sc.save(&sc.junior, &mut b)
        .expect("the evaluatee adds a theme");
    let mut c = theme(sc.w.junior.id, FY, 10);
    sc.save(&sc.junior, &mut c)
        .expect("and another, 100 in all");
    // Submitted through the chain, with the themes weighing 100.
    sc.db()
        .eval_move(
            sc.eval,
            None,
            EvalStep::Submit,
            &EvalInput {
                rating: Some(Grade::A),
                ..EvalInput::default()
            },
            sc.junior.actor(),
            d(2026, 3, 5),
        )
        .expect("submit");
    assert_eq!(sc.state(), EvalState::SelfSubmitted);
    let locked = || rule("theme_locked_submitted");
    for f in OWNER_FIELDS {
        let mut t = sc.stored(a.id);
        change(&mut t, f);
        sc.refused(|| sc.save(&sc.junior, &mut t), "staff_no", locked());
    }
    sc.refused(
        || sc.save(&sc.junior, &mut theme(sc.w.junior.id, FY, 0)),
        "staff_no",
        locked(),
    );
    let b = sc.stored(b.id);
    sc.refused(
        || sc.db().delete_theme(b.id, b.version, sc.junior.actor()),
        "staff_no",
        locked(),
    );
    // The first evaluator's turn has come; the HR office may still correct.
    let mut t = sc.stored(a.id);
    t.achievement = Some(95);
    sc.save(&sc.lead, &mut t)
        .expect("the first evaluator judges");
    let mut t = sc.stored(a.id);
    t.title = "人事が直した題".into();
    sc.save(&sc.hr, &mut t).expect("hr corrects");
    assert_eq!(sc.stored(a.id).title, "人事が直した題");
}

#[test]
fn the_first_evaluator_is_locked_once_the_first_evaluation_is_done_until_sent_back() {
    let sc = Scene::new();
    let a = sc.put();
    sc.at(EvalState::SelfSubmitted);
    let mut t = sc.stored(a.id);
    t.achievement = Some(80);
    t.evaluator_comment = "概ね達成".into();
    sc.save(&sc.lead, &mut t)
        .expect("judged while self-submitted");
    sc.db()
        .eval_move(
            sc.eval,
            None,
            EvalStep::First,
            &EvalInput {
                rating: Some(Grade::B),
                ..EvalInput::default()
            },
            sc.lead.actor(),
            d(2026, 3, 12),
        )
        .expect("first");
    for f in JUDGE_FIELDS {
        let mut t = sc.stored(a.id);
        change(&mut t, f);
        sc.refused(
            || sc.save(&sc.lead, &mut t),
            "staff_no",
            rule("theme_locked_judged"),
        );
    }
    // The second evaluator sends it back: the first evaluator may judge again.
    sc.db()
        .eval_move(
            sc.eval,
            None,
            EvalStep::SendBack,
            &EvalInput {
                text: "達成度を見直してください".into(),
                ..EvalInput::default()
            },
            sc.chief.actor(),
            d(2026, 3, 14),
        )
        .expect("send back");
    let mut t = sc.stored(a.id);
    t.achievement = Some(70);
    sc.save(&sc.lead, &mut t).expect("judged again");
    assert_eq!(sc.stored(a.id).achievement, Some(70));
    // The evaluatee stays locked.
    let mut t = sc.stored(a.id);
    t.progress = 99;
    sc.refused(
        || sc.save(&sc.junior, &mut t),
        "staff_no",
        rule("theme_locked_submitted"),
    );
}

#[test]
fn the_first_evaluator_cannot_create_a_theme() {
    let sc = Scene::new();
    // Not even one that holds nothing but the judge's fields.
    let mut t = theme(sc.w.junior.id, FY, 50);
    sc.refused(
        || sc.save(&sc.lead, &mut t),
        "staff_no",
        rule("theme_not_yours"),
    );
    let mut t = theme(sc.w.junior.id, FY, 50);
    t.achievement = Some(80);
    sc.refused(
        || sc.save(&sc.lead, &mut t),
        "staff_no",
        rule("theme_not_yours"),
    );
    assert!(sc.themes().is_empty());
}

#[test]
fn anyone_else_in_scope_writes_nothing() {
    let sc = Scene::new();
    let a = sc.put();
    for (label, who) in [("second evaluator", &sc.chief), ("peer", &sc.peer)] {
        for f in all_fields() {
            let mut t = sc.stored(a.id);
            change(&mut t, f);
            sc.refused(|| sc.save(who, &mut t), "staff_no", rule("theme_not_yours"));
        }
        sc.refused(
            || sc.save(who, &mut theme(sc.w.junior.id, FY, 10)),
            "staff_no",
            rule("theme_not_yours"),
        );
        sc.refused(
            || sc.db().delete_theme(a.id, a.version, who.actor()),
            "staff_no",
            rule("theme_not_yours"),
        );
        assert_eq!(
            sc.db().theme_for(a.id, who.actor()).unwrap(),
            a,
            "{label} sees it"
        );
    }
}

#[test]
fn a_person_out_of_scope_is_unknown_and_their_themes_not_found() {
    let sc = Scene::new();
    let a = sc.put();
    for who in [&sc.clerk, &sc.stranger] {
        sc.refused(
            || sc.save(who, &mut theme(sc.w.junior.id, FY, 10)),
            "staff_no",
            Problem::Unknown,
        );
        let mut t = a.clone();
        t.progress = 80;
        sc.refused(|| sc.save(who, &mut t), "staff_no", Problem::Unknown);
        sc.not_found(a.id, sc.db().theme_for(a.id, who.actor()));
        sc.not_found(a.id, sc.db().delete_theme(a.id, a.version, who.actor()));
    }
    // Nobody at all.
    sc.refused(
        || sc.save(&sc.hr, &mut theme(9999, FY, 10)),
        "staff_no",
        Problem::Unknown,
    );
    // A theme that is not there.
    sc.not_found(4242, sc.db().theme_for(4242, sc.hr.actor()));
    assert_eq!(sc.stored(a.id), a);
}

#[test]
fn a_theme_stays_with_its_person_and_year_except_for_hr() {
    let sc = Scene::new();
    let a = sc.put();
    // The evaluatee may not carry it into another year, nor the first evaluator hand it
    // to someone else they see.
    let mut t = a.clone();
    t.fiscal_year = FY - 1;
    sc.refused(
        || sc.save(&sc.junior, &mut t),
        "staff_no",
        rule("theme_not_yours"),
    );
    let mut t = a.clone();
    t.staff_id = sc.peer_staff.id;
    sc.refused(
        || sc.save(&sc.lead, &mut t),
        "staff_no",
        rule("theme_not_yours"),
    );
    // Nor to someone the evaluatee does not see.
    let mut t = a.clone();
    t.staff_id = sc.peer_staff.id;
    sc.refused(|| sc.save(&sc.junior, &mut t), "staff_no", Problem::Unknown);
    // The HR office may.
    let mut t = a.clone();
    t.staff_id = sc.peer_staff.id;
    sc.save(&sc.hr, &mut t).expect("hr moves it");
    assert_eq!(sc.stored(a.id).staff_id, sc.peer_staff.id);
}

#[test]
fn a_midterm_report_without_a_date_is_dated_the_day_it_is_written() {
    let sc = Scene::new();
    // A new theme with its report.
    let mut t = theme(sc.w.junior.id, FY, 30);
    t.midterm_report = "順調".into();
    sc.save(&sc.junior, &mut t).unwrap();
    assert_eq!(
        t.midterm_on,
        Some(today()),
        "the saved theme carries the date"
    );
    assert_eq!(sc.stored(t.id).midterm_on, Some(today()));
    // A later save keeps the date it got.
    let mut u = sc.stored(t.id);
    u.midterm_report = "順調（追記）".into();
    sc.db()
        .save_theme(&mut u, sc.junior.actor(), d(2025, 12, 1))
        .unwrap();
    assert_eq!(sc.stored(t.id).midterm_on, Some(today()));
    // A date given is kept.
    let mut v = theme(sc.w.junior.id, FY, 30);
    v.midterm_report = "遅れ気味".into();
    v.midterm_on = Some(d(2025, 10, 31));
    sc.save(&sc.junior, &mut v).unwrap();
    assert_eq!(sc.stored(v.id).midterm_on, Some(d(2025, 10, 31)));
    // No report (or only blanks), no date.
    let mut w = theme(sc.w.junior.id, FY, 20);
    w.midterm_report = " \n ".into();
    sc.save(&sc.junior, &mut w).unwrap();
    assert_eq!(sc.stored(w.id).midterm_on, None);
    // The HR office's report is dated too.
    let mut x = sc.stored(w.id);
    x.midterm_report = "人事が記入".into();
    sc.save(&sc.hr, &mut x).unwrap();
    assert_eq!(sc.stored(w.id).midterm_on, Some(today()));
}

#[test]
fn the_weights_of_a_person_and_year_may_not_exceed_100() {
    let sc = Scene::new();
    let a = sc.put(); // 60
    // Neither another year nor another person counts.
    sc.put_theme(theme(sc.w.junior.id, FY - 1, 100));
    sc.put_theme(theme(sc.peer_staff.id, FY, 100));
    let sum = |actual| Problem::Sum {
        expected: 100,
        actual,
    };
    sc.refused(
        || sc.save(&sc.junior, &mut theme(sc.w.junior.id, FY, 50)),
        "weight",
        sum(110),
    );
    sc.refused(
        || sc.save(&sc.hr, &mut theme(sc.w.junior.id, FY, 41)),
        "weight",
        sum(101),
    );
    let mut b = theme(sc.w.junior.id, FY, 40);
    sc.save(&sc.junior, &mut b).expect("100 in all");
    // Raising one of them beyond the rest's room.
    let mut t = sc.stored(a.id);
    t.weight = 61;
    sc.refused(|| sc.save(&sc.junior, &mut t), "weight", sum(101));
    // Lowering one and raising the other, in turn.
    let mut t = sc.stored(a.id);
    t.weight = 50;
    sc.save(&sc.junior, &mut t).unwrap();
    let mut t = sc.stored(b.id);
    t.weight = 50;
    sc.save(&sc.junior, &mut t).unwrap();
    let total: i64 = sc
        .db()
        .themes_of(sc.w.junior.id, FY)
        .unwrap()
        .iter()
        .map(|t| t.weight)
        .sum();
    assert_eq!(total, 100);
}

#[test]
fn progress_and_achievement_outside_0_to_100_are_refused() {
    let sc = Scene::new();
    let a = sc.put();
    let range = Problem::OutOfRange { min: 0, max: 100 };
    for p in [-1, 101, 1000] {
        let mut t = sc.stored(a.id);
        t.progress = p;
        sc.refused(|| sc.save(&sc.junior, &mut t), "progress", range.clone());
        sc.refused(
            || {
                let mut n = theme(sc.w.junior.id, FY, 10);
                n.progress = p;
                sc.save(&sc.junior, &mut n)
            },
            "progress",
            range.clone(),
        );
    }
    for p in [0, 100] {
        let mut t = sc.stored(a.id);
        t.progress = p;
        sc.save(&sc.junior, &mut t).unwrap();
        assert_eq!(sc.stored(a.id).progress, p);
    }
    let mut t = sc.stored(a.id);
    t.achievement = Some(101);
    sc.refused(|| sc.save(&sc.lead, &mut t), "achievement", range.clone());
}

#[test]
fn hr_writes_everything_at_any_stage() {
    let sc = Scene::new();
    let a = sc.put();
    sc.at(EvalState::Disclosed);
    let mut t = sc.stored(a.id);
    for f in all_fields() {
        change(&mut t, f);
    }
    sc.save(&sc.hr, &mut t)
        .expect("hr writes every field at once");
    let mut want = a.clone();
    for f in all_fields() {
        change(&mut want, f);
    }
    want.version = a.version + 1;
    assert_eq!(sc.stored(a.id), want);
    // Creates one for the person, judged already, and deletes it again.
    let mut n = theme(sc.w.junior.id, FY, 30);
    n.achievement = Some(100);
    n.evaluator_comment = "人事が記入".into();
    sc.save(&sc.admin, &mut n).expect("admin creates");
    assert_eq!(sc.stored(n.id).achievement, Some(100));
    sc.db()
        .delete_theme(n.id, sc.stored(n.id).version, sc.hr.actor())
        .expect("hr deletes");
    assert!(sc.db().find::<Theme>(n.id).unwrap().is_none());
}

#[test]
fn a_theme_is_deleted_by_hr_or_by_its_person_while_the_plan_is_theirs() {
    let sc = Scene::new();
    // The evaluatee while in draft.
    let a = sc.put();
    let audit = audit_count(sc.db());
    sc.db()
        .delete_theme(a.id, a.version, sc.junior.actor())
        .expect("the evaluatee deletes");
    assert!(sc.db().find::<Theme>(a.id).unwrap().is_none());
    assert_eq!(audit_count(sc.db()), audit + 1);
    let entry = &sc
        .db()
        .audit_entries(Some("themes"), Some(a.id), 1)
        .unwrap()[0];
    assert_eq!(entry.action, "delete");
    // A stale version is a conflict.
    let b = sc.put();
    let mut moved = b.clone();
    moved.progress = 10;
    sc.save(&sc.junior, &mut moved).unwrap();
    let stale = sc.db().delete_theme(b.id, b.version, sc.junior.actor());
    assert!(
        matches!(
            stale,
            Err(StoreError::Conflict {
                table: "themes",
                ..
            })
        ),
        "{stale:?}"
    );
    let b = sc.stored(b.id);
    // The first evaluator never deletes.
    sc.refused(
        || sc.db().delete_theme(b.id, b.version, sc.lead.actor()),
        "staff_no",
        rule("theme_not_yours"),
    );
    // After submitting, neither does the evaluatee; the HR office still may.
    sc.at(EvalState::FirstDone);
    sc.refused(
        || sc.db().delete_theme(b.id, b.version, sc.junior.actor()),
        "staff_no",
        rule("theme_locked_submitted"),
    );
    sc.refused(
        || sc.db().delete_theme(b.id, b.version, sc.lead.actor()),
        "staff_no",
        rule("theme_locked_judged"),
    );
    sc.db()
        .delete_theme(b.id, b.version, sc.admin.actor())
        .expect("admin deletes");
    assert!(sc.themes().is_empty());
}

#[test]
fn the_evaluatee_creates_themes_but_without_the_judges_fields() {
    let sc = Scene::new();
    let mut t = theme(sc.w.junior.id, FY, 70);
    t.self_assessment = "やってみる".into();
    sc.save(&sc.junior, &mut t).expect("the evaluatee creates");
    assert_eq!(sc.stored(t.id), t);
    assert_eq!(t.version, 1);
    for f in JUDGE_FIELDS {
        let mut n = theme(sc.w.junior.id, FY, 10);
        change(&mut n, f);
        sc.refused(|| sc.save(&sc.junior, &mut n), f, rule("theme_other_side"));
    }
    // Nor for somebody else, nor in a year already submitted.
    sc.refused(
        || sc.save(&sc.junior, &mut theme(sc.peer_staff.id, FY, 10)),
        "staff_no",
        Problem::Unknown,
    );
    sc.at(EvalState::SelfSubmitted);
    sc.refused(
        || sc.save(&sc.junior, &mut theme(sc.w.junior.id, FY, 10)),
        "staff_no",
        rule("theme_locked_submitted"),
    );
}
