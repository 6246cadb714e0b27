//! Who sees what, on random wards: for a supervisor, every list and the staff and
//! evaluations exports hold exactly the people of their unit's subtree, the people they
//! evaluate (this fiscal year or later) and themselves; a staff account sees itself.
//! The expected sets are worked out here from the generated tree, not by the store.

use crate::support::ward;

use std::collections::BTreeSet;

use jinji::domain::account::{Account, Role};
use jinji::domain::evaluation::{EvalKind, EvalPeriod, Evaluation, Term};
use jinji::domain::pdca::{PdcaCycle, Phase};
use jinji::domain::theme::Theme;
use jinji::domain::unit::UnitKind;
use jinji::domain::{FiscalYear, Id};
use jinji::store::Cell;
use jinji::store::Db;
use jinji::store::export::kind;
use jinji::store::scope::Visibility;
use jinji::store::views::{ViewQuery, view};
use proptest::prelude::*;
use proptest::sample::Index;
use ward::{d, staff, unit};

/// The fiscal year visibility is computed for; periods lie a year either side of it.
const FY: FiscalYear = 2026;

/// One generated ward.
#[derive(Debug, Clone)]
struct World {
    /// Per department (部) under the office, its sections (課), each a count of teams (係).
    depts: Vec<Vec<usize>>,
    /// Each person's unit (an index into every unit, the office first).
    staff: Vec<Index>,
    /// Evaluations: the person, the period (of six: two kinds × three years), and the
    /// first and second evaluators (anyone but the person).
    evals: Vec<(Index, usize, Option<Index>, Option<Index>)>,
    /// People with a challenge theme.
    themes: Vec<Index>,
    /// PDCA cycles: owned by a person (true) or a unit (false), which one.
    pdca: Vec<(bool, Index)>,
    /// The supervisor, and a staff account's person.
    sup: Index,
    me: Index,
}

fn world() -> impl Strategy<Value = World> {
    (
        prop::collection::vec(prop::collection::vec(0usize..3, 0..3), 1..4),
        prop::collection::vec(any::<Index>(), 1..24),
        prop::collection::vec(
            (
                any::<Index>(),
                0usize..6,
                prop::option::of(any::<Index>()),
                prop::option::of(any::<Index>()),
            ),
            0..30,
        ),
        prop::collection::vec(any::<Index>(), 0..12),
        prop::collection::vec((any::<bool>(), any::<Index>()), 0..8),
        any::<Index>(),
        any::<Index>(),
    )
        .prop_map(|(depts, staff, evals, themes, pdca, sup, me)| World {
            depts,
            staff,
            evals,
            themes,
            pdca,
            sup,
            me,
        })
}

/// What was written, with the ids the database gave.
struct Built {
    db: Db,
    /// Unit ids and each unit's parent (an index into `units`).
    units: Vec<Id>,
    parent: Vec<Option<usize>>,
    /// Each person: id, staff number, unit (index).
    people: Vec<(Id, String, usize)>,
    /// Each period's fiscal year and kind code.
    periods: Vec<(Id, FiscalYear, &'static str)>,
    evals: Vec<Eval>,
    /// Each theme: id, person.
    themes: Vec<(Id, usize)>,
    /// Each cycle: id, owner person or owner unit (indexes).
    pdca: Vec<(Id, Option<usize>, Option<usize>)>,
}

/// An evaluation as written: its id, the person, the period and the evaluators (indexes).
struct Eval {
    id: Id,
    who: usize,
    period: usize,
    e1: Option<usize>,
    e2: Option<usize>,
}

fn build(w: &World) -> Built {
    let db = Db::open_in_memory().expect("db");
    // The world's numbers (S001) carry a letter: this ward leaves their form free.
    db.set_rule("staff_no_length", "0")
        .expect("staff_no_length");
    let mut units = Vec::new();
    let mut parent = Vec::new();
    let mut add = |code: String, p: Option<usize>, kind: UnitKind, units: &mut Vec<Id>| {
        let mut u = unit(&code, &code, p.map(|i| units[i]), kind);
        db.insert(&mut u).expect("unit");
        units.push(u.id);
        parent.push(p);
        units.len() - 1
    };
    let office = add("K".into(), None, UnitKind::Office, &mut units);
    for (di, sections) in w.depts.iter().enumerate() {
        let dept = add(
            format!("D{di}"),
            Some(office),
            UnitKind::Department,
            &mut units,
        );
        for (si, teams) in sections.iter().enumerate() {
            let sec = add(
                format!("D{di}S{si}"),
                Some(dept),
                UnitKind::Section,
                &mut units,
            );
            for ti in 0..*teams {
                add(
                    format!("D{di}S{si}T{ti}"),
                    Some(sec),
                    UnitKind::Team,
                    &mut units,
                );
            }
        }
    }

    let mut people = Vec::new();
    for (i, at) in w.staff.iter().enumerate() {
        let u = at.index(units.len());
        let no = format!("S{i:03}");
        let mut s = staff(&no, units[u], d(2015, 4, 1));
        db.insert(&mut s).expect("staff");
        people.push((s.id, no, u));
    }

    let mut periods = Vec::new();
    for fy in [FY - 1, FY, FY + 1] {
        for (kind, code) in [
            (EvalKind::Competency, "competency"),
            (EvalKind::Performance, "performance"),
        ] {
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
            db.insert(&mut p).expect("period");
            periods.push((p.id, fy, code));
        }
    }

    let n = people.len();
    let mut evals = Vec::new();
    let mut seen = BTreeSet::new();
    for (who, period, e1, e2) in &w.evals {
        let who = who.index(n);
        if !seen.insert((*period, who)) {
            continue;
        }
        // Anyone but the person themselves.
        let other = |e: &Option<Index>| e.map(|e| e.index(n)).filter(|&e| e != who);
        let (e1, e2) = (other(e1), other(e2));
        let mut ev = Evaluation::draft(
            periods[*period].0,
            people[who].0,
            e1.map(|i| people[i].0),
            e2.map(|i| people[i].0),
        );
        db.insert(&mut ev).expect("evaluation");
        evals.push(Eval {
            id: ev.id,
            who,
            period: *period,
            e1,
            e2,
        });
    }

    let mut themes = Vec::new();
    for who in &w.themes {
        let who = who.index(n);
        let mut t = Theme {
            id: 0,
            staff_id: people[who].0,
            fiscal_year: FY,
            title: "窓口の改善".into(),
            target: "待ち時間を減らす".into(),
            difficulty: 1,
            weight: 0,
            progress: 0,
            midterm_report: String::new(),
            midterm_on: None,
            result: String::new(),
            achievement: None,
            self_assessment: String::new(),
            evaluator_comment: String::new(),
            version: 0,
        };
        db.insert(&mut t).expect("theme");
        themes.push((t.id, who));
    }

    let mut pdca = Vec::new();
    for (i, (by_person, which)) in w.pdca.iter().enumerate() {
        let (p, u) = if *by_person {
            (Some(which.index(n)), None)
        } else {
            (None, Some(which.index(units.len())))
        };
        let mut c = PdcaCycle {
            id: 0,
            owner_staff_id: p.map(|p| people[p].0),
            owner_unit_id: u.map(|u| units[u]),
            fiscal_year: FY,
            title: format!("cycle {i}"),
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
        pdca.push((c.id, p, u));
    }

    Built {
        db,
        units,
        parent,
        people,
        periods,
        evals,
        themes,
        pdca,
    }
}

impl Built {
    /// The units at or below `root` (indexes), by walking up from each unit.
    fn subtree(&self, root: usize) -> BTreeSet<usize> {
        (0..self.units.len())
            .filter(|&u| {
                let mut at = Some(u);
                while let Some(x) = at {
                    if x == root {
                        return true;
                    }
                    at = self.parent[x];
                }
                false
            })
            .collect()
    }

    /// Who a supervisor sees (indexes into `people`).
    fn visible_to(&self, sup: usize) -> (BTreeSet<usize>, BTreeSet<usize>) {
        let units = self.subtree(self.people[sup].2);
        let mut people: BTreeSet<usize> = (0..self.people.len())
            .filter(|&p| units.contains(&self.people[p].2))
            .collect();
        for e in &self.evals {
            if self.periods[e.period].1 >= FY && (e.e1 == Some(sup) || e.e2 == Some(sup)) {
                people.insert(e.who);
            }
        }
        people.insert(sup);
        (units, people)
    }

    fn account(&self, login: &str, role: Role, who: usize) -> Visibility {
        let mut a = Account {
            id: 0,
            login: login.into(),
            staff_id: Some(self.people[who].0),
            role,
            active: true,
            created_on: d(FY, 4, 1),
            version: 0,
        };
        self.db.insert(&mut a).expect("account");
        self.db.visibility(&a, FY).expect("visibility")
    }

    /// The row ids of a list as `v` sees it; the count must agree.
    fn view_ids(&self, name: &str, v: &Visibility) -> BTreeSet<Id> {
        let def = view(name).expect("view");
        let q = ViewQuery {
            visible: v.clone(),
            ..ViewQuery::on(d(FY, 11, 24))
        };
        let rows = self.db.view_rows(def, &q, 0, 100_000).expect("rows");
        let count = self.db.view_count(def, &q).expect("count");
        assert_eq!(count as usize, rows.len(), "{name}: count and rows agree");
        let ids: BTreeSet<Id> = rows.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), rows.len(), "{name}: no row twice");
        ids
    }

    /// One column of an export as `v` sees it, in file order.
    fn export_col(&self, name: &str, col: &str, v: &Visibility) -> Vec<String> {
        let k = kind(name).expect("kind");
        let i = k.headers.iter().position(|h| *h == col).expect("column");
        let mut out = Vec::new();
        self.db
            .export_rows(k, v, |r| {
                out.push(r[i].as_text());
                Ok(())
            })
            .expect("export");
        out
    }

    fn export_rows(&self, name: &str, v: &Visibility) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        self.db
            .export_rows(kind(name).expect("kind"), v, |r| {
                out.push(r.iter().map(Cell::as_text).collect());
                Ok(())
            })
            .expect("export");
        out
    }
}

/// Checks every list and the staff and evaluations exports against `units`/`people`.
fn check_scope(b: &Built, v: &Visibility, units: &BTreeSet<usize>, people: &BTreeSet<usize>) {
    let ids =
        |set: &BTreeSet<usize>| -> BTreeSet<Id> { set.iter().map(|&p| b.people[p].0).collect() };

    // Lists.
    assert_eq!(b.view_ids("staff", v), ids(people), "staff list");
    let evals: BTreeSet<Id> = b
        .evals
        .iter()
        .filter(|e| people.contains(&e.who))
        .map(|e| e.id)
        .collect();
    assert_eq!(b.view_ids("evaluations", v), evals, "evaluations list");
    let themes: BTreeSet<Id> = b
        .themes
        .iter()
        .filter(|t| people.contains(&t.1))
        .map(|t| t.0)
        .collect();
    assert_eq!(b.view_ids("themes", v), themes, "themes list");
    let cycles: BTreeSet<Id> = b
        .pdca
        .iter()
        .filter(|c| {
            c.1.is_some_and(|p| people.contains(&p)) || c.2.is_some_and(|u| units.contains(&u))
        })
        .map(|c| c.0)
        .collect();
    assert_eq!(b.view_ids("pdca", v), cycles, "pdca list");

    // Exports.
    let mut got = b.export_col("staff", "staff_no", v);
    let want: Vec<String> = people.iter().map(|&p| b.people[p].1.clone()).collect();
    got.sort();
    assert_eq!(got, want, "staff export");

    let mut got: Vec<(String, String, String)> = b
        .export_rows("evaluations", v)
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone(), r[2].clone()))
        .collect();
    let mut want: Vec<(String, String, String)> = b
        .evals
        .iter()
        .filter(|e| people.contains(&e.who))
        .map(|e| {
            let (_, fy, kind) = b.periods[e.period];
            (fy.to_string(), kind.to_string(), b.people[e.who].1.clone())
        })
        .collect();
    got.sort();
    want.sort();
    assert_eq!(got, want, "evaluations export");

    let mut got: Vec<String> = b.export_col("pdca", "id", v);
    got.sort();
    let mut want: Vec<String> = cycles.iter().map(|c| c.to_string()).collect();
    want.sort();
    assert_eq!(got, want, "pdca export");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_supervisor_sees_their_subtree_their_evaluatees_and_themselves(w in world()) {
        let b = build(&w);
        let sup = w.sup.index(b.people.len());
        let v = b.account("boss", Role::Supervisor, sup);
        let (units, people) = b.visible_to(sup);
        check_scope(&b, &v, &units, &people);
    }

    #[test]
    fn a_staff_account_sees_itself_alone(w in world()) {
        let b = build(&w);
        let me = w.me.index(b.people.len());
        let v = b.account("me", Role::Staff, me);
        check_scope(&b, &v, &BTreeSet::new(), &[me].into());
        prop_assert_eq!(b.export_col("staff", "staff_no", &v), vec![b.people[me].1.clone()]);
    }

    #[test]
    fn hr_sees_everyone(w in world()) {
        let b = build(&w);
        let v = b.account("clerk", Role::Hr, w.me.index(b.people.len()));
        prop_assert!(v.is_all());
        let all_units: BTreeSet<usize> = (0..b.units.len()).collect();
        let everyone: BTreeSet<usize> = (0..b.people.len()).collect();
        check_scope(&b, &v, &all_units, &everyone);
    }
}
