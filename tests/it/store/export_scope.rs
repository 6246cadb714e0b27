//! Exports show what the account may see: admin and hr everyone, a supervisor their
//! unit's subtree and the people they evaluate (and themselves), staff themselves. A row
//! out of scope is not in the file; reference data is whole.

use crate::support::ward;

use std::collections::BTreeSet;

use jinji::domain::account::{Account, Role};
use jinji::domain::award::{Award, AwardKind, AwardState};
use jinji::domain::evaluation::{EvalKind, EvalPeriod, Evaluation, Term};
use jinji::domain::pdca::{PdcaCycle, Phase};
use jinji::domain::staff::Staff;
use jinji::domain::theme::Theme;
use jinji::domain::{FiscalYear, Id};
use jinji::store::Cell;
use jinji::store::Db;
use jinji::store::export::{Access, KINDS, kind};
use jinji::store::scope::Visibility;
use ward::*;

/// The fiscal year the visibility is computed for.
const FY: FiscalYear = 2026;

/// Every row of `name` that `v` may see, as text.
fn rows(db: &Db, name: &str, v: &Visibility) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    db.export_rows(kind(name).expect("kind"), v, |r| {
        out.push(r.iter().map(Cell::as_text).collect());
        Ok(())
    })
    .expect("export");
    out
}

/// The values of column `col` in the rows of `name` that `v` may see.
fn column(db: &Db, name: &str, col: &str, v: &Visibility) -> Vec<String> {
    let i = kind(name)
        .unwrap()
        .headers
        .iter()
        .position(|h| *h == col)
        .unwrap_or_else(|| panic!("{name} has no {col}"));
    rows(db, name, v)
        .into_iter()
        .map(|r| r[i].clone())
        .collect()
}

fn set(v: &[&str]) -> BTreeSet<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn period(db: &Db, fy: FiscalYear) -> Id {
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
}

fn evaluate(db: &Db, period: Id, who: Id, ev1: Option<Id>, ev2: Option<Id>) {
    db.insert(&mut Evaluation::draft(period, who, ev1, ev2))
        .expect("evaluation");
}

fn theme(db: &Db, who: Id) {
    let mut t = Theme {
        id: 0,
        staff_id: who,
        fiscal_year: FY,
        title: "窓口の改善".into(),
        target: "待ち時間を減らす".into(),
        difficulty: 2,
        weight: 50,
        progress: 10,
        midterm_report: String::new(),
        midterm_on: None,
        result: String::new(),
        achievement: None,
        self_assessment: String::new(),
        evaluator_comment: String::new(),
        version: 0,
    };
    db.insert(&mut t).expect("theme");
}

fn account(db: &Db, login: &str, role: Role, staff: Option<Id>) -> Account {
    let mut a = Account {
        id: 0,
        login: login.into(),
        staff_id: staff,
        role,
        active: true,
        created_on: d(2026, 4, 1),
        version: 0,
    };
    db.insert(&mut a).expect("account");
    a
}

/// The shared `Ward` plus `other` in 区民課 (outside 人事係), and evaluations: `lead`
/// evaluates `clerk` this year and `chief` two years ago; `chief` evaluates `other`.
struct Scene {
    w: Ward,
    other: Staff,
}

impl Scene {
    fn new() -> Scene {
        let w = Ward::new();
        let mut other = staff("A0005", w.sec_res, d(2010, 4, 1));
        w.db.insert(&mut other).expect("other");
        let now = period(&w.db, FY);
        let old = period(&w.db, FY - 2);
        evaluate(&w.db, now, w.clerk.id, Some(w.lead.id), Some(w.chief.id));
        evaluate(&w.db, now, w.junior.id, Some(w.lead.id), Some(w.chief.id));
        evaluate(&w.db, now, other.id, Some(w.chief.id), None);
        evaluate(&w.db, old, w.chief.id, Some(w.lead.id), None);
        for s in [&w.chief, &w.lead, &w.junior, &w.clerk, &other] {
            theme(&w.db, s.id);
        }
        Scene { w, other }
    }

    fn vis(&self, a: &Account) -> Visibility {
        self.w.db.visibility(a, FY).expect("visibility")
    }

    /// 鈴木 (係長 of 人事係) as a supervisor.
    fn lead_supervisor(&self) -> Visibility {
        let a = account(&self.w.db, "suzuki", Role::Supervisor, Some(self.w.lead.id));
        self.vis(&a)
    }
}

#[test]
fn a_supervisor_exports_their_subtree_their_evaluatees_and_themselves() {
    let sc = Scene::new();
    let v = sc.lead_supervisor();
    let db = &sc.w.db;
    // 人事係: 鈴木 and 高橋; 田中 is evaluated by 鈴木 this year. 佐藤 (evaluated two
    // years ago) and A0005 are out of scope.
    let want = set(&["A0002", "A0003", "A0004"]);
    let got: BTreeSet<String> = column(db, "staff", "staff_no", &v).into_iter().collect();
    assert_eq!(got, want);
    assert_eq!(column(db, "staff", "staff_no", &v).len(), 3, "one row each");

    let evals = column(db, "evaluations", "staff_no", &v);
    assert_eq!(
        evals.iter().cloned().collect::<BTreeSet<_>>(),
        set(&["A0003", "A0004"])
    );
    assert_eq!(evals.len(), 2);
    let themes: BTreeSet<String> = column(db, "themes", "staff_no", &v).into_iter().collect();
    assert_eq!(themes, want);
}

#[test]
fn a_staff_account_exports_one_row_of_staff_only_their_own() {
    let sc = Scene::new();
    let a = account(&sc.w.db, "takahashi", Role::Staff, Some(sc.w.junior.id));
    let v = sc.vis(&a);
    let db = &sc.w.db;
    assert_eq!(column(db, "staff", "staff_no", &v), ["A0003"]);
    assert_eq!(column(db, "evaluations", "staff_no", &v), ["A0003"]);
    assert_eq!(column(db, "themes", "staff_no", &v), ["A0003"]);
}

#[test]
fn hr_and_admin_export_everyone() {
    let sc = Scene::new();
    let db = &sc.w.db;
    let all = set(&["A0001", "A0002", "A0003", "A0004", "A0005"]);
    for (login, role) in [("hr.clerk", Role::Hr), ("hr.boss", Role::Admin)] {
        let v = sc.vis(&account(db, login, role, None));
        assert!(v.is_all(), "{role:?}");
        let got: BTreeSet<String> = column(db, "staff", "staff_no", &v).into_iter().collect();
        assert_eq!(got, all, "{role:?}");
        assert_eq!(column(db, "evaluations", "staff_no", &v).len(), 4);
        for k in KINDS {
            let mut a = Vec::new();
            let mut b = Vec::new();
            db.export_rows(k, &v, |r| {
                a.push(r.to_vec());
                Ok(())
            })
            .unwrap();
            db.export_all(k, |r| {
                b.push(r.to_vec());
                Ok(())
            })
            .unwrap();
            assert_eq!(a, b, "{}: everything", k.name);
        }
    }
}

#[test]
fn reference_data_stays_whole_and_office_registers_give_nothing_to_the_narrow() {
    let sc = Scene::new();
    let a = account(&sc.w.db, "takahashi", Role::Staff, Some(sc.w.junior.id));
    let v = sc.vis(&a);
    let db = &sc.w.db;
    assert_eq!(column(db, "units", "unit_code", &v).len(), 5, "every unit");
    for k in KINDS {
        match k.access {
            Access::Whole => {
                let mut all = 0;
                db.export_all(k, |_| {
                    all += 1;
                    Ok(())
                })
                .unwrap();
                assert_eq!(rows(db, k.name, &v).len(), all, "{}", k.name);
            }
            Access::Hr | Access::Admin => {
                assert!(rows(db, k.name, &v).is_empty(), "{}", k.name)
            }
            Access::Owned(_) => {}
        }
    }
    for name in ["units", "courses", "sessions", "surveys"] {
        assert!(
            matches!(kind(name).unwrap().access, Access::Whole),
            "{name}"
        );
    }
    for name in ["accounts", "audit"] {
        assert!(
            matches!(kind(name).unwrap().access, Access::Admin),
            "{name}"
        );
    }
    assert!(matches!(kind("incidents").unwrap().access, Access::Hr));
}

#[test]
fn an_account_without_a_person_sees_no_personal_rows() {
    let sc = Scene::new();
    let none = Visibility::Some {
        units: vec![],
        people: vec![],
        me: None,
    };
    for k in KINDS
        .iter()
        .filter(|k| matches!(k.access, Access::Owned(_)))
    {
        assert!(rows(&sc.w.db, k.name, &none).is_empty(), "{}", k.name);
    }
}

#[test]
fn pdca_cycles_follow_their_owner_person_or_unit() {
    let sc = Scene::new();
    let db = &sc.w.db;
    let cycle = |staff: Option<Id>, unit: Option<Id>, title: &str| {
        let mut c = PdcaCycle {
            id: 0,
            owner_staff_id: staff,
            owner_unit_id: unit,
            fiscal_year: FY,
            title: title.into(),
            goal: String::new(),
            metric: String::new(),
            metric_unit: String::new(),
            lower_is_better: false,
            baseline: None,
            target: None,
            result: None,
            plan_notes: String::new(),
            improvements: String::new(),
            phase: Phase::Plan,
            prev_id: None,
            progress: 0,
            version: 0,
        };
        db.insert(&mut c).expect("cycle");
    };
    cycle(Some(sc.w.junior.id), None, "junior");
    cycle(Some(sc.w.clerk.id), None, "evaluatee");
    cycle(Some(sc.w.chief.id), None, "chief");
    cycle(None, Some(sc.w.team_hr), "team");
    cycle(None, Some(sc.w.sec_hr), "section above");
    cycle(None, Some(sc.w.team_res), "elsewhere");
    let v = sc.lead_supervisor();
    let got: BTreeSet<String> = column(db, "pdca", "title", &v).into_iter().collect();
    assert_eq!(got, set(&["junior", "evaluatee", "team"]));
}

#[test]
fn ojt_pairs_show_when_mentor_or_mentee_is_visible() {
    use jinji::domain::training::OjtPair;
    let sc = Scene::new();
    let db = &sc.w.db;
    let pair = |mentor: Id, mentee: Id| {
        let mut p = OjtPair {
            id: 0,
            mentor_id: mentor,
            mentee_id: mentee,
            fiscal_year: FY,
            start_date: d(FY, 4, 1),
            end_date: d(FY + 1, 3, 31),
            goal: String::new(),
            version: 0,
        };
        db.insert(&mut p).expect("pair");
    };
    pair(sc.w.chief.id, sc.w.junior.id); // visible mentee
    pair(sc.w.lead.id, sc.other.id); // visible mentor
    pair(sc.w.chief.id, sc.other.id); // neither
    let v = sc.lead_supervisor();
    let got: BTreeSet<(String, String)> = rows(db, "ojt", &v)
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let want: BTreeSet<(String, String)> = [("A0001", "A0003"), ("A0002", "A0005")]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn award_rows_show_for_visible_recipients_and_visible_units() {
    let sc = Scene::new();
    let db = &sc.w.db;
    let award = |title: &str, unit: Option<Id>, recipients: &[Id]| {
        let mut a = Award {
            id: 0,
            kind: AwardKind::Merit,
            fiscal_year: FY,
            title: title.into(),
            achievement: String::new(),
            group_name: String::new(),
            unit_id: unit,
            state: AwardState::Nominated,
            nominated_on: d(2026, 6, 1),
            nominated_by: None,
            decided_on: None,
            decided_by: None,
            awarded_on: None,
            version: 0,
        };
        db.insert_award(&mut a, recipients).expect("award");
    };
    award("both", None, &[sc.w.chief.id, sc.w.junior.id]);
    award("chief", None, &[sc.w.chief.id]);
    award("team", Some(sc.w.team_hr), &[]);
    award("elsewhere", Some(sc.w.team_res), &[]);
    let v = sc.lead_supervisor();
    let got: BTreeSet<(String, String)> = rows(db, "awards", &v)
        .into_iter()
        .map(|r| (r[6].clone(), r[2].clone()))
        .collect();
    let want: BTreeSet<(String, String)> = [("both", "A0003"), ("team", "")]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
}
