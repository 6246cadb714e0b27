//! Compliance (yearly records, incidents) and PDCA (cycles, actions, check-ins, reviews,
//! surveys and evidence).

use crate::support::ward;

use jinji::domain::compliance::{ComplianceRecord, Incident, IncidentKind, IncidentStatus};
use jinji::domain::pdca::{PdcaAction, PdcaCheckin, PdcaCycle, PdcaEvidence, PdcaReview, Phase};
use jinji::domain::survey::Survey;
use jinji::domain::{Date, FiscalYear, Id, Problem};
use jinji::store::compliance::UnitCompletion;
use ward::*;

/// A compliance record to insert; the training, when given, is recorded as it is kept: a
/// completed enrolment in the yearly compliance course.
fn compliance(
    db: &jinji::store::Db,
    staff_id: Id,
    fy: FiscalYear,
    training: Option<Date>,
    check: Option<Date>,
) -> ComplianceRecord {
    if let Some(on) = training {
        compliance_training(db, staff_id, fy, on);
    }
    ComplianceRecord {
        id: 0,
        staff_id,
        fiscal_year: fy,
        due_on: d(fy, 12, 31),
        self_check_done_on: check,
        version: 0,
    }
}

#[test]
fn compliance_records_are_one_per_person_and_year() {
    let w = Ward::new();
    let mut r = compliance(&w.db, w.junior.id, 2025, Some(d(2025, 7, 1)), None);
    w.db.insert(&mut r).unwrap();
    assert_eq!(w.db.compliance_of(w.junior.id, 2025).unwrap(), Some(r));
    assert_eq!(w.db.compliance_of(w.junior.id, 2024).unwrap(), None);
    let mut again = compliance(&w.db, w.junior.id, 2025, None, None);
    assert_problem(
        w.db.insert(&mut again),
        "fiscal_year",
        Problem::Rule {
            rule: "unique_compliance_record",
        },
    );
}

#[test]
fn overdue_records_are_those_past_due_with_a_part_open() {
    let w = Ward::new();
    let mut open = compliance(&w.db, w.junior.id, 2025, None, None);
    open.due_on = d(2025, 9, 30);
    let mut half = compliance(&w.db, w.clerk.id, 2025, Some(d(2025, 6, 1)), None);
    let mut done = compliance(
        &w.db,
        w.lead.id,
        2025,
        Some(d(2025, 6, 1)),
        Some(d(2025, 6, 2)),
    );
    let mut not_yet_due = compliance(&w.db, w.chief.id, 2025, None, None);
    not_yet_due.due_on = d(2026, 3, 31);
    for r in [&mut half, &mut done, &mut open, &mut not_yet_due] {
        w.db.insert(r).unwrap();
    }
    let today = d(2026, 1, 15);
    assert_eq!(
        w.db.compliance_overdue(2025, today, 10).unwrap(),
        [open.clone(), half]
    );
    assert_eq!(
        w.db.compliance_overdue(2025, today, 1).unwrap(),
        [open.clone()]
    );
    assert!(w.db.compliance_overdue(2024, today, 10).unwrap().is_empty());
    assert!(
        w.db.compliance_overdue(2025, d(2025, 9, 30), 10)
            .unwrap()
            .is_empty(),
        "due today is not overdue"
    );
}

#[test]
fn completion_is_counted_per_unit() {
    let w = Ward::new();
    w.db.insert(&mut compliance(
        &w.db,
        w.lead.id,
        2025,
        Some(d(2025, 6, 1)),
        Some(d(2025, 6, 2)),
    ))
    .unwrap();
    w.db.insert(&mut compliance(
        &w.db,
        w.junior.id,
        2025,
        Some(d(2025, 6, 1)),
        None,
    ))
    .unwrap();
    w.db.insert(&mut compliance(
        &w.db,
        w.clerk.id,
        2025,
        Some(d(2025, 6, 1)),
        Some(d(2025, 6, 5)),
    ))
    .unwrap();
    w.db.insert(&mut compliance(&w.db, w.chief.id, 2024, None, None))
        .unwrap();
    let got = w.db.compliance_by_unit(2025).unwrap();
    assert_eq!(
        got,
        [
            UnitCompletion {
                unit_id: w.team_hr,
                total: 2,
                complete: 1
            },
            UnitCompletion {
                unit_id: w.team_res,
                total: 1,
                complete: 1
            },
        ]
    );
    assert_eq!((got[0].rate(), got[1].rate()), (0.5, 1.0));
    assert_eq!(
        UnitCompletion {
            unit_id: 1,
            total: 0,
            complete: 0
        }
        .rate(),
        0.0
    );
}

#[test]
fn incidents_are_listed_newest_report_first() {
    let w = Ward::new();
    let inc = |reported: Date| Incident {
        id: 0,
        kind: IncidentKind::Information,
        occurred_on: d(2025, 4, 1),
        reported_on: reported,
        unit_id: Some(w.team_res),
        staff_id: None,
        summary: "個人情報の誤送付".into(),
        status: IncidentStatus::Open,
        outcome: String::new(),
        version: 0,
    };
    let (mut a, mut b, mut c) = (inc(d(2025, 4, 2)), inc(d(2025, 5, 1)), inc(d(2025, 4, 20)));
    for i in [&mut a, &mut b, &mut c] {
        w.db.insert(i).unwrap();
    }
    assert_eq!(w.db.incidents(10).unwrap(), [b.clone(), c, a]);
    assert_eq!(w.db.incidents(1).unwrap(), [b]);
    let mut early = inc(d(2025, 3, 1));
    assert_problem(
        w.db.insert(&mut early),
        "reported_on",
        Problem::Before {
            other: "occurred_on",
        },
    );
    let mut blank = inc(d(2025, 4, 2));
    blank.summary = String::new();
    assert_problem(w.db.insert(&mut blank), "summary", Problem::Required);
}

fn cycle(
    owner_staff: Option<Id>,
    owner_unit: Option<Id>,
    fy: FiscalYear,
    prev: Option<Id>,
) -> PdcaCycle {
    PdcaCycle {
        id: 0,
        owner_staff_id: owner_staff,
        owner_unit_id: owner_unit,
        fiscal_year: fy,
        title: format!("{fy}年度 窓口待ち時間の短縮"),
        goal: "待ち時間を短くする".into(),
        metric: "平均待ち時間".into(),
        metric_unit: "分".into(),
        lower_is_better: true,
        baseline: Some(30.0),
        target: Some(20.0),
        result: None,
        plan_notes: String::new(),
        improvements: String::new(),
        phase: Phase::Do,
        prev_id: prev,
        progress: 40,
        version: 0,
    }
}

#[test]
fn cycles_are_listed_by_owner_and_year() {
    let w = Ward::new();
    let mut b = cycle(Some(w.junior.id), None, 2025, None);
    let mut a = cycle(Some(w.junior.id), None, 2024, None);
    let mut u = cycle(None, Some(w.team_res), 2023, None);
    for c in [&mut b, &mut a, &mut u] {
        w.db.insert(c).unwrap();
    }
    assert_eq!(w.db.pdca_of_staff(w.junior.id).unwrap(), [a, b]);
    assert_eq!(w.db.pdca_of_unit(w.team_res).unwrap(), [u]);
    assert!(w.db.pdca_of_staff(w.lead.id).unwrap().is_empty());
    assert_eq!(w.db.pdca_years().unwrap(), [2023, 2024, 2025]);
}

#[test]
fn a_cycle_has_exactly_one_owner_and_a_target_once_past_plan() {
    let w = Ward::new();
    let mut both = cycle(Some(w.junior.id), Some(w.team_hr), 2025, None);
    assert_problem(w.db.insert(&mut both), "owner_staff_no", rule("one_owner"));
    let mut none = cycle(None, None, 2025, None);
    assert_problem(w.db.insert(&mut none), "owner_staff_no", rule("one_owner"));
    let mut no_target = cycle(Some(w.junior.id), None, 2025, None);
    no_target.target = None;
    assert_problem(w.db.insert(&mut no_target), "target", Problem::Required);
    no_target.phase = Phase::Act;
    no_target.target = Some(20.0);
    assert_problem(w.db.insert(&mut no_target), "result", Problem::Required);
    no_target.progress = 120;
    assert_problem(
        w.db.insert(&mut no_target),
        "progress",
        Problem::OutOfRange { min: 0, max: 100 },
    );
}

#[test]
fn a_cycle_grows_from_an_earlier_one_never_a_later_one_or_itself() {
    let w = Ward::new();
    let me = Some(w.junior.id);
    let mut c1 = cycle(me, None, 2023, None);
    w.db.insert(&mut c1).unwrap();
    let mut c2 = cycle(me, None, 2024, Some(c1.id));
    w.db.insert(&mut c2).unwrap();
    let mut c3 = cycle(me, None, 2025, Some(c2.id));
    w.db.insert(&mut c3).unwrap();
    let ids: Vec<Id> =
        w.db.pdca_lineage(c3.id)
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect();
    assert_eq!(ids, [c3.id, c2.id, c1.id], "newest first");
    assert_eq!(w.db.pdca_lineage(c1.id).unwrap(), [c1.clone()]);

    assert_problem(
        w.db.insert(&mut cycle(me, None, 2025, Some(4242))),
        "prev_id",
        Problem::Unknown,
    );
    let mut from_future = cycle(me, None, 2022, Some(c3.id));
    assert_problem(
        w.db.insert(&mut from_future),
        "prev_id",
        rule("pdca_prev_earlier"),
    );

    // Two cycles of one year may follow each other, but not in a circle.
    let mut a = cycle(me, None, 2026, None);
    w.db.insert(&mut a).unwrap();
    let mut b = cycle(me, None, 2026, Some(a.id));
    w.db.insert(&mut b).unwrap();
    a.prev_id = Some(b.id);
    assert_problem(w.db.update(&mut a), "prev_id", rule("pdca_cycle_loop"));
    a.prev_id = Some(a.id);
    assert_problem(w.db.update(&mut a), "prev_id", rule("own_previous"));
    // A cycle others grew from stays.
    assert_problem(
        w.db.delete::<PdcaCycle>(c1.id, c1.version),
        "id",
        rule("still_referenced"),
    );
}

#[test]
fn actions_checkins_and_reviews_belong_to_a_cycle() {
    let w = Ward::new();
    let mut c = cycle(Some(w.junior.id), None, 2025, None);
    w.db.insert(&mut c).unwrap();
    let action = |desc: &str, due: Date, done: Option<Date>| PdcaAction {
        id: 0,
        cycle_id: c.id,
        description: desc.into(),
        due_on: due,
        done_on: done,
        progress: if done.is_some() { 100 } else { 30 },
        version: 0,
    };
    let mut late = action("番号札の導入", d(2025, 9, 30), None);
    let mut done = action("受付表の改訂", d(2025, 6, 30), Some(d(2025, 6, 20)));
    let mut future = action("案内表示の改善", d(2026, 2, 28), None);
    for a in [&mut late, &mut future, &mut done] {
        w.db.insert(a).unwrap();
    }
    assert_eq!(w.db.pdca_actions(c.id).unwrap(), [done, late, future]);
    assert_eq!(w.db.pdca_overdue_actions(c.id, d(2025, 12, 1)).unwrap(), 1);
    assert_eq!(w.db.pdca_overdue_actions(c.id, d(2025, 9, 30)).unwrap(), 0);

    let checkin = |on: Date| PdcaCheckin {
        id: 0,
        cycle_id: c.id,
        on_date: on,
        note: "順調".into(),
        version: 0,
    };
    let (mut k2, mut k1) = (checkin(d(2025, 8, 1)), checkin(d(2025, 6, 1)));
    w.db.insert(&mut k2).unwrap();
    w.db.insert(&mut k1).unwrap();
    assert_eq!(w.db.pdca_checkins(c.id).unwrap(), [k1, k2]);

    assert_eq!(w.db.pdca_last_review(c.id).unwrap(), None);
    let review = |on: Date| PdcaReview {
        id: 0,
        cycle_id: c.id,
        reviewer_id: w.lead.id,
        reviewed_on: on,
        comment: "よくできています".into(),
        version: 0,
    };
    let (mut r2, mut r1) = (review(d(2025, 10, 1)), review(d(2025, 7, 1)));
    w.db.insert(&mut r2).unwrap();
    w.db.insert(&mut r1).unwrap();
    assert_eq!(w.db.pdca_reviews(c.id).unwrap(), [r1, r2]);
    assert_eq!(w.db.pdca_last_review(c.id).unwrap(), Some(d(2025, 10, 1)));
    let mut bad = review(d(2025, 10, 2));
    bad.comment = "\u{1b}]0;pwned\u{7}".into();
    let esc = Problem::ControlChars {
        code: "U+001B".into(),
        within: String::new(),
    };
    assert_problem(w.db.insert(&mut bad), "comment", esc);
}

#[test]
fn surveys_are_evidence_for_a_cycle() {
    let w = Ward::new();
    let survey = |on: Date, score: f64| Survey {
        id: 0,
        unit_id: w.team_res,
        conducted_on: on,
        topic: "窓口満足度".into(),
        score,
        responses: 120,
        note: String::new(),
        version: 0,
    };
    let (mut later, mut earlier) = (survey(d(2025, 10, 1), 82.5), survey(d(2025, 5, 1), 71.0));
    w.db.insert(&mut later).unwrap();
    w.db.insert(&mut earlier).unwrap();
    assert_eq!(
        w.db.surveys_of_unit(w.team_res).unwrap(),
        [earlier.clone(), later.clone()]
    );
    assert!(w.db.surveys_of_unit(w.team_hr).unwrap().is_empty());
    assert_problem(
        w.db.insert(&mut survey(d(2025, 11, 1), 101.0)),
        "score",
        Problem::OutOfRange { min: 0, max: 100 },
    );

    let mut c = cycle(None, Some(w.team_res), 2025, None);
    w.db.insert(&mut c).unwrap();
    assert!(w.db.pdca_evidence(c.id).unwrap().is_empty());
    let ev = |survey_id| PdcaEvidence {
        id: 0,
        cycle_id: c.id,
        survey_id,
        version: 0,
    };
    w.db.insert(&mut ev(later.id)).unwrap();
    w.db.insert(&mut ev(earlier.id)).unwrap();
    assert_eq!(
        w.db.pdca_evidence(c.id).unwrap(),
        [earlier.clone(), later.clone()]
    );
    assert!(
        invalid(w.db.insert(&mut ev(later.id)))
            .0
            .iter()
            .any(|e| e.problem
                == Problem::Rule {
                    rule: "unique_evidence"
                })
    );
    assert!(
        invalid(w.db.insert(&mut ev(4242)))
            .0
            .iter()
            .any(|e| e.problem == Problem::Unknown)
    );
}
