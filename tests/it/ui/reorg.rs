//! The 組織改正 views in Japanese and English: the demo's plans and the steps of each,
//! and `m` on next April's draft, whose apply waits on the problem its check finds; and
//! the 配置履歴 of a person whose team was split off, under the names of each post's day.

use super::screens::{LANGS, app_as, screen_at};
use jinji::app::action::Action;

#[test]
fn reorganisation_views_and_the_draft_plans_moves() {
    for (lang, code) in LANGS {
        let mut a = app_as(lang, "hr1");
        a.update(Action::GoTab(3));
        while a.view_name() != "reorg_plans" {
            a.update(Action::NextView);
        }
        insta::assert_snapshot!(format!("{code}_reorg_plans"), screen_at(&a, 120, 40));
        a.update(Action::NextView);
        assert_eq!(a.view_name(), "reorg_steps");
        a.update(Action::Move);
        insta::assert_snapshot!(format!("{code}_reorg_steps_moves"), screen_at(&a, 120, 40));
    }
}

/// A plan whose day has come and whose check finds nothing: `m` offers to apply it, the
/// question says how many people move, and a yes applies it.
#[test]
fn applying_a_plan_asks_first_and_says_how_many_people_move() {
    use jinji::app::Modal;
    use jinji::domain::Date;
    use jinji::domain::reorg::{ReorgStep, StepKind};
    use jinji::domain::transfer::PlanState;
    for (lang, code) in LANGS {
        let mut a = app_as(lang, "hr1");
        let db = &a.session.db;
        let hr = db.account_by_login("hr1").unwrap().unwrap();
        let vis = db.visibility(&hr, 2026).unwrap();
        let who = jinji::store::flow::Actor {
            account: &hr,
            visible: &vis,
        };
        let plan = db
            .new_reorg_plan("窓口統合", Date::from_ymd(2026, 10, 1), who)
            .unwrap();
        // 証明係 into 住民記録係: its people (and nobody else) move.
        let gone = db.unit_by_code("200103").unwrap().unwrap();
        let people = db
            .count::<jinji::domain::staff::Staff>(&[
                jinji::store::Filter::eq("unit_id", gone.id),
                jinji::store::Filter::new("status", jinji::store::Op::Ne, "retired"),
            ])
            .unwrap();
        assert!(people > 0);
        let mut s = ReorgStep {
            id: 0,
            plan_id: plan.id,
            seq: 0,
            kind: StepKind::Merge,
            unit_code: "200103".into(),
            name: String::new(),
            kana: String::new(),
            parent_code: String::new(),
            other_code: "200102".into(),
            staff_id: None,
            note: String::new(),
            version: 0,
        };
        db.put_reorg_step(&mut s, who).unwrap();
        a.update(Action::GoTab(3));
        while a.view_name() != "reorg_plans" {
            a.update(Action::NextView);
        }
        a.update(Action::Move);
        a.update(Action::Submit);
        let Some(Modal::Confirm { question, .. }) = a.modals.last() else {
            panic!("a question first");
        };
        assert!(question.contains(&people.to_string()), "{question}");
        insta::assert_snapshot!(format!("{code}_reorg_apply_asks"), screen_at(&a, 120, 40));
        a.update(Action::Yes);
        let p: jinji::domain::reorg::ReorgPlan = a.session.db.get(plan.id).unwrap();
        assert_eq!(p.state, PlanState::Applied);
        let gone: jinji::domain::unit::Unit = a.session.db.get(gone.id).unwrap();
        assert_eq!(gone.valid_to, Some(Date::from_ymd(2026, 10, 1)));
    }
}
