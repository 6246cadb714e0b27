//! Evaluation: periods, the evaluation chain, challenge themes.

use crate::support::ward;

use jinji::domain::disclosure::Reader;
use jinji::domain::evaluation::{EvalKind, EvalPeriod, EvalState, Evaluation, Grade, Term};
use jinji::domain::theme::Theme;
use jinji::domain::{FiscalYear, Id, Problem};
use ward::*;

fn period(fy: FiscalYear, kind: EvalKind, term: Term) -> EvalPeriod {
    let (start, end) = match term {
        Term::Full => (d(fy, 4, 1), d(fy + 1, 3, 31)),
        Term::H1 => (d(fy, 4, 1), d(fy, 9, 30)),
        Term::H2 => (d(fy, 10, 1), d(fy + 1, 3, 31)),
    };
    EvalPeriod {
        id: 0,
        fiscal_year: fy,
        kind,
        term,
        start_date: start,
        end_date: end,
        base_date: end,
        version: 0,
    }
}

fn evaluation(period_id: Id, staff_id: Id, ev1: Option<Id>, ev2: Option<Id>) -> Evaluation {
    Evaluation::draft(period_id, staff_id, ev1, ev2)
}

/// Moves `e` through the chain up to `state`, every stage rated `g`.
fn advance(e: &mut Evaluation, state: EvalState, g: Grade) {
    let s = state.step();
    let on = |m| Some(d(2026, 1, m));
    if s >= EvalState::SelfSubmitted.step() {
        (e.self_rating, e.self_submitted_on) = (Some(g), on(5));
    }
    if s >= EvalState::FirstDone.step() {
        (e.first_rating, e.first_done_on) = (Some(g), on(10));
    }
    if s >= EvalState::SecondDone.step() {
        (e.second_rating, e.second_done_on) = (Some(g), on(15));
    }
    if s >= EvalState::Finalized.step() {
        (e.grade, e.finalized_on) = (Some(g), on(20));
    }
    e.state = state;
}

#[test]
fn eval_periods_are_found_by_year_kind_and_term_and_are_unique() {
    let w = Ward::new();
    let mut h2 = period(2025, EvalKind::Performance, Term::H2);
    let mut h1 = period(2025, EvalKind::Performance, Term::H1);
    let mut comp = period(2025, EvalKind::Competency, Term::Full);
    let mut last = period(2024, EvalKind::Competency, Term::Full);
    for p in [&mut h2, &mut h1, &mut comp, &mut last] {
        w.db.insert(p).unwrap();
    }
    let got = w.db.eval_periods(2025).unwrap();
    assert_eq!(got.len(), 3);
    assert_eq!(got[2], h2, "by start date");
    assert_eq!(
        w.db.eval_period(2025, EvalKind::Performance, Term::H1)
            .unwrap(),
        Some(h1)
    );
    assert_eq!(
        w.db.eval_period(2025, EvalKind::Competency, Term::H1)
            .unwrap(),
        None
    );
    assert_eq!(w.db.summary().unwrap().fiscal_years, [2024, 2025]);
    let mut dup = period(2025, EvalKind::Competency, Term::Full);
    assert_problem(
        w.db.insert(&mut dup),
        "term",
        Problem::Rule {
            rule: "unique_eval_period",
        },
    );
    let mut wrong_year = period(2025, EvalKind::Competency, Term::H1);
    wrong_year.fiscal_year = 2026;
    assert_problem(
        w.db.insert(&mut wrong_year),
        "start_date",
        rule("in_fiscal_year"),
    );
}

#[test]
fn evaluations_wait_for_the_first_then_the_second_evaluator() {
    let w = Ward::new();
    let mut p = period(2025, EvalKind::Competency, Term::Full);
    w.db.insert(&mut p).unwrap();
    let (chief, lead) = (Some(w.chief.id), Some(w.lead.id));
    let mut junior = evaluation(p.id, w.junior.id, lead, chief);
    advance(&mut junior, EvalState::SelfSubmitted, Grade::B);
    let mut clerk = evaluation(p.id, w.clerk.id, chief, lead);
    advance(&mut clerk, EvalState::FirstDone, Grade::A);
    let mut lead_own = evaluation(p.id, w.lead.id, chief, None);
    for e in [&mut junior, &mut clerk, &mut lead_own] {
        w.db.insert(e).unwrap();
    }
    let ids = |v: Vec<Evaluation>| v.into_iter().map(|e| e.id).collect::<Vec<_>>();
    assert_eq!(
        ids(w.db.evaluations_pending_for(w.lead.id).unwrap()),
        [junior.id, clerk.id]
    );
    assert!(
        w.db.evaluations_pending_for(w.chief.id).unwrap().is_empty(),
        "lead's own is a draft"
    );
    assert_eq!(w.db.evaluations_of(w.junior.id).unwrap(), [junior.clone()]);
    let counts = w.db.eval_state_counts(p.id).unwrap();
    assert_eq!(
        counts,
        [
            (EvalState::Draft, 1),
            (EvalState::SelfSubmitted, 1),
            (EvalState::FirstDone, 1)
        ]
    );

    let mut dup = evaluation(p.id, w.junior.id, lead, None);
    let inv = invalid(w.db.insert(&mut dup));
    assert!(
        inv.0.iter().any(|e| e.problem
            == Problem::Rule {
                rule: "unique_evaluation"
            }),
        "{inv:?}"
    );
    let mut own = evaluation(p.id, w.chief.id, chief, None);
    assert_problem(
        w.db.insert(&mut own),
        "evaluator1_staff_no",
        rule("own_evaluator"),
    );
    let mut skipped = evaluation(p.id, w.chief.id, None, None);
    skipped.state = EvalState::FirstDone;
    assert_problem(w.db.insert(&mut skipped), "first_rating", Problem::Required);
}

#[test]
fn grade_counts_cover_a_units_subtree() {
    let w = Ward::new();
    let mut p = period(2025, EvalKind::Performance, Term::Full);
    w.db.insert(&mut p).unwrap();
    for (s, g) in [
        (&w.lead, Some(Grade::A)),
        (&w.junior, Some(Grade::B)),
        (&w.clerk, Some(Grade::A)),
    ] {
        let mut e = evaluation(p.id, s.id, Some(w.chief.id), None);
        if let Some(g) = g {
            advance(&mut e, EvalState::Finalized, g);
        }
        w.db.insert(&mut e).unwrap();
    }
    w.db.insert(&mut evaluation(p.id, w.chief.id, None, None))
        .unwrap();
    let all =
        w.db.grade_counts(p.id, &w.db.unit_subtree(w.dept).unwrap(), Reader::Office)
            .unwrap();
    assert_eq!(
        (all.by_grade, all.ungraded, all.total()),
        ([0, 2, 1, 0, 0], 1, 4)
    );
    let res =
        w.db.grade_counts(p.id, &w.db.unit_subtree(w.sec_res).unwrap(), Reader::Office)
            .unwrap();
    assert_eq!((res.by_grade, res.ungraded), ([0, 1, 0, 0, 0], 0));
    assert_eq!(
        w.db.grade_counts(p.id, &[], Reader::Office)
            .unwrap()
            .total(),
        0
    );
}

fn theme(staff_id: Id, fy: FiscalYear, title: &str, weight: i64) -> Theme {
    Theme {
        id: 0,
        staff_id,
        fiscal_year: fy,
        title: title.into(),
        target: "待ち時間を2割短縮".into(),
        difficulty: 2,
        weight,
        progress: 0,
        midterm_report: String::new(),
        midterm_on: None,
        result: String::new(),
        achievement: None,
        self_assessment: String::new(),
        evaluator_comment: String::new(),
        version: 0,
    }
}

#[test]
fn theme_weights_over_100_are_refused() {
    let w = Ward::new();
    let mut a = theme(w.junior.id, 2025, "窓口改善", 60);
    let mut b = theme(w.junior.id, 2025, "研修企画", 40);
    w.db.insert(&mut a).unwrap();
    w.db.insert(&mut b).unwrap();
    let mut c = theme(w.junior.id, 2025, "もう一つ", 1);
    assert_problem(
        w.db.insert(&mut c),
        "weight",
        Problem::Sum {
            expected: 100,
            actual: 101,
        },
    );
    // A theme's own weight is not counted twice when it is saved again.
    a.progress = 50;
    w.db.update(&mut a).unwrap();
    a.weight = 70;
    assert_problem(
        w.db.update(&mut a),
        "weight",
        Problem::Sum {
            expected: 100,
            actual: 110,
        },
    );
    // Other years and other people are separate.
    w.db.insert(&mut theme(w.junior.id, 2026, "来年度", 100))
        .unwrap();
    w.db.insert(&mut theme(w.lead.id, 2025, "係の運営", 100))
        .unwrap();
    let got = w.db.themes_of(w.junior.id, 2025).unwrap();
    assert_eq!(
        got.iter()
            .map(|t| (t.weight, t.progress))
            .collect::<Vec<_>>(),
        [(60, 50), (40, 0)]
    );
}

#[test]
fn theme_progress_out_of_range_is_refused() {
    let w = Ward::new();
    let mut t = theme(w.junior.id, 2025, "窓口改善", 50);
    t.progress = 101;
    assert_problem(
        w.db.insert(&mut t),
        "progress",
        Problem::OutOfRange { min: 0, max: 100 },
    );
    t.progress = 100;
    t.achievement = Some(-1);
    assert_problem(
        w.db.insert(&mut t),
        "achievement",
        Problem::OutOfRange { min: 0, max: 100 },
    );
    t.achievement = Some(80);
    t.target = " ".into();
    assert_problem(w.db.insert(&mut t), "target", Problem::Required);
}

/// Opening a period makes an evaluation for everyone in service with a supervisor but
/// those away more of the period than the ward's rule allows (half, unless set).
#[test]
fn people_away_more_than_the_limit_of_a_period_are_not_evaluated_for_it() {
    use jinji::domain::account::Role;
    use jinji::domain::leave::LeaveKind;
    use jinji::domain::staff::Staff;
    use jinji::store::leaves::BY_HAND;
    let evaluated = |limit: Option<&str>| {
        let w = Ward::new();
        if let Some(l) = limit {
            w.db.set_rule("eval_absence_limit", l).unwrap();
        }
        let away = |id, kind, start, end| {
            let mut l = leave(id, kind, start, end);
            w.db.put_leave(&mut l, d(2026, 11, 24), &BY_HAND).unwrap();
        };
        // FY2025 has 365 days: the lead is away 182 of them, the junior 183.
        away(
            w.lead.id,
            LeaveKind::ChildcareLeave,
            d(2025, 10, 1),
            Some(d(2026, 3, 31)),
        );
        away(
            w.junior.id,
            LeaveKind::ChildcareLeave,
            d(2025, 9, 30),
            Some(d(2026, 6, 30)),
        );
        // The clerk is on an open 病気休職 from 2026-03-01 (away today): 31 days of it.
        away(w.clerk.id, LeaveKind::SickSuspension, d(2026, 3, 1), None);
        let mut clerk: Staff = w.db.get(w.clerk.id).unwrap();
        clerk.supervisor_id = Some(w.lead.id);
        w.db.update(&mut clerk).unwrap();
        let hr = Who::new(&w.db, "hr1", Role::Hr, None);
        w.db.open_eval_period(2025, EvalKind::Competency, d(2025, 4, 1), hr.actor())
            .expect("open");
        let mut ids: Vec<Id> =
            w.db.all::<Evaluation>(vec![], "id")
                .unwrap()
                .into_iter()
                .map(|e| e.staff_id)
                .collect();
        ids.sort();
        (ids, [w.chief.id, w.lead.id, w.junior.id, w.clerk.id])
    };
    // The chief has no supervisor; the junior was away over half; the clerk, on leave
    // today, was away only 31 days of the period and is evaluated.
    let (got, [_, lead, _, clerk]) = evaluated(None);
    assert_eq!(got, [lead, clerk]);
    // The ward's rule: up to 60% away is still evaluated; at 0, any day away is too many.
    let (got, _) = evaluated(Some("60"));
    assert_eq!(got.len(), 3, "{got:?}");
    let (got, _) = evaluated(Some("0"));
    assert!(got.is_empty(), "{got:?}");
}
