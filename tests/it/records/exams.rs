//! Who may sit a round of promotion selection (昇任選考): the positions a kind takes, and
//! the first rule a person falls short of — employment kind, whole years in the present
//! position, age on the base date, the last finalized 能力評価 — each at its edge.
//! The fixture here is shared with `exam_rounds`.

use crate::support::ward::{Ward, assignment, staff};
use jinji::domain::employment::EmploymentKind;
use jinji::domain::evaluation::{EvalKind, EvalPeriod, EvalState, Evaluation, Grade, Term};
use jinji::domain::exam::{Exam, ExamKind, ExamState, Verdict};
use jinji::domain::staff::{Position, Staff, StaffStatus};
use jinji::domain::{Date, FiscalYear, Id};

pub(super) use crate::support::d;

/// The fiscal year of every round here.
pub(super) const FY: FiscalYear = 2025;

/// The base date (基準日) years and age are counted to.
pub(super) fn base() -> Date {
    d(2025, 4, 1)
}

/// The small ward with competency periods FY2022–2025 and a performance one of FY2024.
pub(super) struct Exams {
    pub w: Ward,
    /// Competency periods, FY2022 first.
    comp: Vec<Id>,
    perf: Id,
}

impl Exams {
    pub fn new() -> Exams {
        let w = Ward::new();
        let period = |fy: FiscalYear, kind| {
            let mut p = EvalPeriod {
                id: 0,
                fiscal_year: fy,
                kind,
                term: Term::Full,
                start_date: d(fy, 4, 1),
                end_date: d(fy + 1, 3, 31),
                base_date: d(fy + 1, 3, 31),
                version: 0,
            };
            w.db.insert(&mut p).expect("period");
            p.id
        };
        let comp = (2022..=2025)
            .map(|fy| period(fy, EvalKind::Competency))
            .collect();
        let perf = period(2024, EvalKind::Performance);
        Exams { w, comp, perf }
    }

    pub fn kind(&self, code: &str) -> ExamKind {
        self.w.db.exam_kind_by_code(code).unwrap().expect("kind")
    }

    /// Changes a kind's rule as the ward would.
    pub fn set_kind(&self, code: &str, f: impl FnOnce(&mut ExamKind)) {
        let mut k = self.kind(code);
        f(&mut k);
        self.w.db.update(&mut k).expect("kind");
    }

    /// The open FY2025 round of a kind: applications to 30 June, tests on 13 September.
    pub fn open(&self, code: &str) -> Exam {
        let mut x = Exam {
            id: 0,
            kind_id: self.kind(code).id,
            fiscal_year: FY,
            base_date: base(),
            applications_close: d(2025, 6, 30),
            held_on: d(2025, 9, 13),
            announced_on: None,
            state: ExamState::Open,
            note: String::new(),
            version: 0,
        };
        self.w.db.insert(&mut x).expect("round");
        x
    }

    /// A regular person in `position` since `since` (their hire date, no posts kept),
    /// born in 1985, with no evaluations.
    pub fn bare(&self, no: &str, position: Position, since: Date) -> Staff {
        let mut s = staff(no, self.w.team_res, since);
        s.birth_date = d(1985, 6, 1);
        s.position = position;
        s.grade = position.grades().0;
        self.w.db.insert(&mut s).expect("person");
        s
    }

    /// As `bare`, with the last two competency evaluations finalized at B and A: one
    /// who meets every rule but the position and the years.
    pub fn person(&self, no: &str, position: Position, since: Date) -> Id {
        let s = self.bare(no, position, since);
        self.graded(
            s.id,
            2023,
            EvalKind::Competency,
            EvalState::Finalized,
            Grade::B,
        );
        self.graded(
            s.id,
            2024,
            EvalKind::Competency,
            EvalState::Finalized,
            Grade::A,
        );
        s.id
    }

    /// An evaluation of `fy` moved up to `state`, every rating given `g`.
    pub fn graded(&self, staff: Id, fy: FiscalYear, kind: EvalKind, state: EvalState, g: Grade) {
        let period = match kind {
            EvalKind::Competency => self.comp[(fy - 2022) as usize],
            EvalKind::Performance => self.perf,
        };
        let mut e = Evaluation::draft(period, staff, None, None);
        let s = state.step();
        let on = |day| Some(d(fy + 1, 3, day));
        let reached = |t: EvalState| s >= t.step();
        if reached(EvalState::SelfSubmitted) {
            (e.self_rating, e.self_submitted_on) = (Some(g), on(1));
        }
        if reached(EvalState::FirstDone) {
            (e.first_rating, e.first_done_on) = (Some(g), on(5));
        }
        if reached(EvalState::SecondDone) {
            (e.second_rating, e.second_done_on) = (Some(g), on(10));
        }
        if reached(EvalState::Finalized) {
            (e.grade, e.finalized_on) = (Some(g), on(20));
        }
        if reached(EvalState::Disclosed) {
            e.disclosed_on = on(25);
        }
        e.state = state;
        self.w.db.insert(&mut e).expect("evaluation");
    }

    pub fn verdict(&self, exam: &Exam, staff: Id) -> Option<Verdict> {
        self.w.db.exam_verdict(exam.id, staff).unwrap()
    }
}

#[test]
fn years_in_the_position_count_whole_years_to_the_base_date() {
    let x = Exams::new();
    let exam = x.open("team_chief");
    assert_eq!(x.kind("team_chief").min_years, 3);
    // With no post kept, the hire date is when they took up the position.
    let on_the_day = x.person("B0001", Position::Senior, d(2022, 4, 1));
    let a_day_short = x.person("B0002", Position::Senior, d(2022, 4, 2));
    assert_eq!(x.verdict(&exam, on_the_day), Some(Verdict::Eligible));
    assert_eq!(x.verdict(&exam, a_day_short), Some(Verdict::Years));
    // With posts kept, the first one in the present position counts, not the hire date.
    for (no, from, want) in [
        ("B0003", d(2022, 4, 1), Verdict::Eligible),
        ("B0004", d(2022, 4, 2), Verdict::Years),
    ] {
        let id = x.person(no, Position::Senior, d(2010, 4, 1));
        let mut clerk = assignment(id, x.w.team_res, d(2010, 4, 1), Some(from.add_days(-1)));
        x.w.db.insert(&mut clerk).expect("clerk post");
        let mut senior = assignment(id, x.w.team_res, from, None);
        senior.position = Position::Senior;
        x.w.db.insert(&mut senior).expect("senior post");
        assert_eq!(x.verdict(&exam, id), Some(want), "{no} senior since {from}");
    }
}

#[test]
fn age_on_the_base_date_is_held_to_the_kinds_limits() {
    let x = Exams::new();
    let exam = x.open("team_chief");
    x.set_kind("team_chief", |k| {
        (k.min_age, k.max_age) = (Some(30), Some(50))
    });
    let born = |no, on: Date| {
        let id = x.person(no, Position::Senior, d(2020, 4, 1));
        let mut s: Staff = x.w.db.get(id).unwrap();
        s.birth_date = on;
        x.w.db.update(&mut s).expect("birth date");
        x.verdict(&exam, id)
    };
    // 51 on the base date is past 50; a day younger is 50.
    assert_eq!(born("B0001", d(1974, 4, 1)), Some(Verdict::Age));
    assert_eq!(born("B0002", d(1974, 4, 2)), Some(Verdict::Eligible));
    // 30 on the base date is old enough; a day younger is 29.
    assert_eq!(born("B0003", d(1995, 4, 1)), Some(Verdict::Eligible));
    assert_eq!(born("B0004", d(1995, 4, 2)), Some(Verdict::Age));
    // Without limits age does not matter.
    x.set_kind("team_chief", |k| (k.min_age, k.max_age) = (None, None));
    assert_eq!(born("B0005", d(1995, 4, 2)), Some(Verdict::Eligible));
}

#[test]
fn only_the_kinds_employment_kind_may_sit_it_and_that_rule_is_named_first() {
    let x = Exams::new();
    let exam = x.open("team_chief");
    let mut s = x.bare("B0001", Position::Senior, d(2024, 4, 1));
    s.employment_kind = EmploymentKind::FixedTerm;
    (s.term_start, s.term_end) = (Some(d(2024, 4, 1)), Some(d(2027, 3, 31)));
    x.w.db.update(&mut s).expect("fixed term");
    // Short of years and evaluations too, but employment comes first in the notice.
    assert_eq!(x.verdict(&exam, s.id), Some(Verdict::Employment));
    x.set_kind("team_chief", |k| k.employment_kind = None);
    assert_eq!(x.verdict(&exam, s.id), Some(Verdict::Years));
}

/// An evaluation of a person: its year, kind, state and grade.
type Evaluated = (FiscalYear, EvalKind, EvalState, Grade);

#[test]
fn the_last_finalized_competency_evaluations_must_each_be_at_the_floor() {
    use EvalKind::{Competency, Performance};
    use EvalState::{Disclosed, Draft, Finalized, SecondDone};
    use Grade::{A, B, C};
    let x = Exams::new();
    let exam = x.open("team_chief");
    let cases: [(&str, &[Evaluated], Verdict); 8] = [
        // One finalized where two are needed.
        (
            "one",
            &[(2024, Competency, Finalized, A)],
            Verdict::Evaluation,
        ),
        (
            "B and A",
            &[
                (2023, Competency, Finalized, B),
                (2024, Competency, Disclosed, A),
            ],
            Verdict::Eligible,
        ),
        (
            "a C among the last two, older As",
            &[
                (2022, Competency, Finalized, A),
                (2023, Competency, Finalized, C),
                (2024, Competency, Finalized, A),
            ],
            Verdict::Evaluation,
        ),
        (
            "a C older than the last two",
            &[
                (2022, Competency, Finalized, C),
                (2023, Competency, Finalized, A),
                (2024, Competency, Finalized, B),
            ],
            Verdict::Eligible,
        ),
        // A C not yet finalized is not the last evaluation: the two before it are.
        (
            "a C at second_done",
            &[
                (2022, Competency, Finalized, A),
                (2023, Competency, Finalized, A),
                (2024, Competency, SecondDone, C),
            ],
            Verdict::Eligible,
        ),
        (
            "a draft does not make two",
            &[
                (2023, Competency, Draft, A),
                (2024, Competency, Finalized, A),
            ],
            Verdict::Evaluation,
        ),
        // FY2025's period ends a year after the base date.
        (
            "a C of a period ending after the base date",
            &[
                (2023, Competency, Finalized, A),
                (2024, Competency, Finalized, A),
                (2025, Competency, Finalized, C),
            ],
            Verdict::Eligible,
        ),
        (
            "a performance evaluation does not make two",
            &[
                (2024, Competency, Finalized, A),
                (2024, Performance, Finalized, A),
            ],
            Verdict::Evaluation,
        ),
    ];
    for (i, (what, evals, want)) in cases.iter().enumerate() {
        let s = x.bare(&format!("E{i:04}"), Position::Senior, d(2020, 4, 1));
        for &(fy, kind, state, g) in evals.iter() {
            x.graded(s.id, fy, kind, state, g);
        }
        assert_eq!(x.verdict(&exam, s.id), Some(*want), "{what}");
    }
}

#[test]
fn only_the_positions_from_the_kinds_lowest_to_just_below_its_own_are_candidates() {
    let x = Exams::new();
    let since = d(2015, 4, 1);
    let mut people = Vec::new();
    for (i, p) in Position::ALL.iter().enumerate() {
        people.push((*p, x.person(&format!("P{i:04}"), *p, since)));
    }
    let mut retired = x.bare("P0099", Position::Senior, since);
    (retired.status, retired.retire_date) = (StaffStatus::Retired, Some(d(2025, 3, 31)));
    x.w.db.update(&mut retired).expect("retired");
    for (code, takes) in [
        ("senior", &[Position::Clerk, Position::Engineer][..]),
        ("team_chief", &[Position::Senior][..]),
        // 課長補佐 sits 管理職選考 with 係長.
        ("manager", &[Position::TeamChief, Position::DeputyChief][..]),
    ] {
        let exam = x.open(code);
        for (p, id) in &people {
            let want = takes.contains(p).then_some(Verdict::Eligible);
            assert_eq!(x.verdict(&exam, *id), want, "{p:?} for {code}");
        }
        assert_eq!(x.verdict(&exam, retired.id), None, "retired, for {code}");
    }
}

#[test]
fn the_manager_selection_takes_no_one_over_55_by_default() {
    let x = Exams::new();
    let exam = x.open("manager");
    assert_eq!(x.kind("manager").max_age, Some(55));
    for (no, born, want) in [
        ("M0001", d(1969, 4, 1), Verdict::Age),
        ("M0002", d(1969, 4, 2), Verdict::Eligible),
    ] {
        let id = x.person(no, Position::TeamChief, d(2020, 4, 1));
        let mut s: Staff = x.w.db.get(id).unwrap();
        s.birth_date = born;
        x.w.db.update(&mut s).expect("birth date");
        assert_eq!(x.verdict(&exam, id), Some(want), "born {born}");
    }
}
