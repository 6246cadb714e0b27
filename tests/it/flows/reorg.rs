//! Reorganisations through the store (src/store/reorg.rs): a unit's name as of a day
//! around a rename, the versions written on apply, a merge that moves people with posts
//! dated the day, and a plan refused whole while a unit would be abolished with people
//! and nowhere for them to go.

use crate::support::today;
use crate::support::ward;

use jinji::domain::account::Role;
use jinji::domain::assignment::Assignment;
use jinji::domain::reorg::{ReorgPlan, ReorgStep, StepKind};
use jinji::domain::staff::Staff;
use jinji::domain::transfer::PlanState;
use jinji::domain::unit::Unit;
use jinji::domain::{Date, Id};
use jinji::store::flow::Actor;
use jinji::store::views::{ViewQuery, view};
use ward::*;

/// The day the plans of these tests take effect.
fn eff() -> Date {
    d(2026, 4, 1)
}

/// The shared `Ward` with the people's posts: the clerk in 区民係 since 2019 (and the
/// others where they are since their hire).
struct Reorg {
    w: Ward,
    hr: Who,
}

impl Reorg {
    fn new() -> Reorg {
        let w = Ward::new();
        for (s, from) in [
            (&w.chief, d(2020, 4, 1)),
            (&w.lead, d(2022, 4, 1)),
            (&w.junior, d(2024, 4, 1)),
            (&w.clerk, d(2019, 4, 1)),
        ] {
            let mut a = assignment(s.id, s.unit_id, from, None);
            a.position = s.position;
            w.db.insert(&mut a).expect("post");
        }
        let hr = Who::new(&w.db, "hr.clerk", Role::Hr, None);
        Reorg { w, hr }
    }

    fn hr(&self) -> Actor<'_> {
        self.hr.actor()
    }

    fn plan(&self) -> ReorgPlan {
        self.w
            .db
            .new_reorg_plan("令和8年度組織改正", eff(), self.hr())
            .expect("plan")
    }

    fn step(&self, plan: Id, kind: StepKind, code: &str, f: impl FnOnce(&mut ReorgStep)) {
        let mut s = ReorgStep {
            id: 0,
            plan_id: plan,
            seq: 0,
            kind,
            unit_code: code.into(),
            name: String::new(),
            kana: String::new(),
            parent_code: String::new(),
            other_code: String::new(),
            staff_id: None,
            note: String::new(),
            version: 0,
        };
        f(&mut s);
        self.w.db.put_reorg_step(&mut s, self.hr()).expect("step");
    }

    fn unit(&self, id: Id) -> Unit {
        self.w.db.get(id).expect("unit")
    }
}

#[test]
fn a_renamed_unit_has_its_old_name_before_the_day_and_the_new_one_from_it() {
    let r = Reorg::new();
    let db = &r.w.db;
    let p = r.plan();
    r.step(p.id, StepKind::Rename, "D01S02", |s| {
        s.name = "戸籍住民課".into();
        s.kana = "コセキジュウミンカ".into();
    });
    assert!(db.check_reorg_plan(p.id).unwrap().issues.is_empty());
    db.apply_reorg_plan(p.id, r.hr(), today()).expect("apply");

    let name_on = |day| db.unit_as_of(r.w.sec_res, day).unwrap().unwrap().name;
    assert_eq!(name_on(d(2019, 4, 1)), "区民課");
    assert_eq!(name_on(d(2026, 3, 31)), "区民課");
    assert_eq!(name_on(eff()), "戸籍住民課");
    assert_eq!(name_on(d(2027, 1, 1)), "戸籍住民課");
    // Today's row holds the new version; the one that ended is kept with its last day.
    assert_eq!(r.unit(r.w.sec_res).name, "戸籍住民課");
    let v = db.unit_versions(r.w.sec_res).unwrap();
    assert_eq!(v.len(), 1);
    assert_eq!(
        (v[0].name.as_str(), v[0].valid_from),
        ("区民課", Some(d(2000, 4, 1)))
    );
    assert_eq!(v[0].valid_to, eff());
    let plan: ReorgPlan = db.get(p.id).unwrap();
    assert_eq!(plan.state, PlanState::Applied);
    // A plan once applied takes no further step.
    assert!(db.apply_reorg_plan(p.id, r.hr(), today()).is_err());
}

#[test]
fn the_post_history_names_each_unit_as_it_was_when_the_post_began() {
    let r = Reorg::new();
    let db = &r.w.db;
    let p = r.plan();
    r.step(p.id, StepKind::Rename, "D01S02T1", |s| {
        s.name = "住民記録係".into()
    });
    db.apply_reorg_plan(p.id, r.hr(), today()).expect("apply");
    // The clerk's 2019 post is in 区民係, the name of 2019; today's lists say the new one.
    let q = ViewQuery {
        staff: Some(r.w.clerk.id),
        ..ViewQuery::on(today())
    };
    let rows = db
        .view_rows(view("assignments").unwrap(), &q, 0, 10)
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].cells[2].as_text(), "区民係");
    let page = db
        .career_page(r.w.clerk.id, jinji::domain::disclosure::Reader::Office)
        .unwrap();
    assert_eq!(page.posts[0].unit, "区民係");
    let rows = db.view_rows(view("staff").unwrap(), &q, 0, 10).unwrap();
    assert!(
        rows.iter()
            .any(|r| r.cells.iter().any(|c| c.as_text() == "住民記録係"))
    );
}

#[test]
fn a_merge_moves_its_people_with_posts_dated_the_day() {
    let r = Reorg::new();
    let db = &r.w.db;
    let p = r.plan();
    r.step(p.id, StepKind::Merge, "D01S02T1", |s| {
        s.other_code = "D01S01T1".into()
    });
    assert_eq!(db.check_reorg_plan(p.id).unwrap().moving, 1);
    assert_eq!(
        db.apply_reorg_plan(p.id, r.hr(), today()).expect("apply"),
        1
    );

    let posts: Vec<Assignment> = db.assignments_of(r.w.clerk.id).unwrap();
    assert_eq!(posts.len(), 2);
    assert_eq!(posts[0].end_date, Some(d(2026, 3, 31)));
    assert_eq!(
        (posts[1].unit_id, posts[1].start_date),
        (r.w.team_hr, eff())
    );
    assert_eq!(posts[1].note, "令和8年度組織改正");
    let clerk: Staff = db.get(r.w.clerk.id).unwrap();
    assert_eq!(clerk.unit_id, r.w.team_hr);
    // The merged unit is closed from the day, and the clerk reports to 人事係's chief.
    assert_eq!(r.unit(r.w.team_res).valid_to, Some(eff()));
    assert_eq!(clerk.supervisor_id, Some(r.w.lead.id));
}

#[test]
fn an_abolition_with_people_and_nowhere_for_them_is_refused_and_nothing_is_written() {
    let r = Reorg::new();
    let db = &r.w.db;
    let p = r.plan();
    r.step(p.id, StepKind::Rename, "D01S01", |s| {
        s.name = "職員課".into()
    });
    r.step(p.id, StepKind::Abolish, "D01S02T1", |_| {});
    let c = db.check_reorg_plan(p.id).unwrap();
    assert_eq!(c.issues.len(), 1);
    let i = &c.issues[0];
    assert_eq!(
        (i.subject.as_str(), i.rule, i.count),
        ("D01S02T1", "reorg_has_people", 1)
    );
    let before = audit_count(db);
    let e = db.apply_reorg_plan(p.id, r.hr(), today()).unwrap_err();
    assert!(format!("{e:?}").contains("reorg_has_problems"), "{e:?}");
    assert_eq!(audit_count(db), before);
    assert_eq!(r.unit(r.w.sec_hr).name, "人事課");
    assert_eq!(r.unit(r.w.team_res).valid_to, None);
    assert!(db.unit_versions(r.w.sec_hr).unwrap().is_empty());

    // A section with teams still open cannot go either, nor can a plan before its day.
    let q = r.plan();
    r.step(q.id, StepKind::Abolish, "D01S02", |s| {
        s.other_code = "D01S01".into()
    });
    let c = db.check_reorg_plan(q.id).unwrap();
    assert_eq!(c.issues[0].rule, "reorg_has_units");
    assert!(db.apply_reorg_plan(q.id, r.hr(), d(2026, 3, 31)).is_err());
}

#[test]
fn a_split_takes_the_people_listed_and_abolishing_with_a_destination_moves_the_rest() {
    let r = Reorg::new();
    let db = &r.w.db;
    let p = r.plan();
    r.step(p.id, StepKind::Split, "D01S01T3", |s| {
        s.other_code = "D01S01T1".into();
        s.name = "給与係".into();
    });
    r.step(p.id, StepKind::Place, "D01S01T3", |s| {
        s.staff_id = Some(r.w.junior.id)
    });
    // Placed a second time the same day: refused by the check.
    r.step(p.id, StepKind::Place, "D01S01T1", |s| {
        s.staff_id = Some(r.w.junior.id)
    });
    let c = db.check_reorg_plan(p.id).unwrap();
    assert_eq!(c.issues.len(), 1, "{:?}", c.issues);
    assert_eq!(c.issues[0].rule, "reorg_place_late");
    let last = db.reorg_steps(p.id).unwrap().pop().unwrap();
    db.delete_reorg_step(last.id, last.version, r.hr()).unwrap();
    db.apply_reorg_plan(p.id, r.hr(), today()).expect("apply");
    let new = db.unit_by_code("D01S01T3").unwrap().unwrap();
    assert_eq!(
        (new.parent_id, new.valid_from),
        (Some(r.w.sec_hr), Some(eff()))
    );
    let junior: Staff = db.get(r.w.junior.id).unwrap();
    assert_eq!(junior.unit_id, new.id);
    let lead: Staff = db.get(r.w.lead.id).unwrap();
    assert_eq!(lead.unit_id, r.w.team_hr);
}

#[test]
fn only_the_hr_office_keeps_plans() {
    let r = Reorg::new();
    let who = Who::new(&r.w.db, "s.a0004", Role::Staff, Some(r.w.clerk.id));
    assert!(r.w.db.new_reorg_plan("x", eff(), who.actor()).is_err());
}
