//! Reorganisations (組織改正): a plan of steps that change the tree of units on one day
//! (usually 1 April), drafted and checked before it is applied; and the versions a unit
//! keeps of what it was called and where it stood before.

use std::collections::{BTreeMap, BTreeSet};

use super::transfer::PlanState;
use super::unit::{Unit, UnitKind};
use super::{Check, Date, Id, Invalid, Validate};
use crate::code_enum;

code_enum! {
    /// What a step does (see each field of `ReorgStep` for what it reads).
    pub enum StepKind {
        Create = "create", Rename = "rename", Move = "move", Merge = "merge",
        Split = "split", Abolish = "abolish", Place = "place"
    }
}

/// A version of a unit that has ended: in force from `valid_from` (`None`: since before
/// the records) to the day before `valid_to`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct UnitVersion {
    pub id: Id,
    pub unit_id: Id,
    pub name: String,
    pub kana: String,
    pub parent_id: Option<Id>,
    pub kind: UnitKind,
    pub valid_from: Option<Date>,
    pub valid_to: Date,
    pub version: i64,
}

impl Validate for UnitVersion {
    fn validate(&self) -> Result<(), Invalid> {
        Check::new()
            .id("unit_code", self.unit_id)
            .name("name", &self.name, 40)
            .opt_name("kana", &self.kana, 80)
            .opt_date("valid_from", self.valid_from)
            .date("valid_to", self.valid_to)
            .order(
                "valid_from",
                self.valid_from,
                "valid_to",
                Some(self.valid_to),
            )
            .finish()
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReorgPlan {
    pub id: Id,
    pub name: String,
    /// The day the steps take effect (usually 1 April).
    pub effective_on: Date,
    pub state: PlanState,
    pub note: String,
    pub applied_on: Option<Date>,
    pub version: i64,
}

impl Validate for ReorgPlan {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.text("name", &self.name, 80)
            .date("effective_on", self.effective_on)
            .note("note", &self.note, 2000)
            .opt_date("applied_on", self.applied_on);
        if (self.state == PlanState::Applied) != self.applied_on.is_some() {
            c.add("applied_on", super::Problem::Required);
        }
        c.finish()
    }
}

/// One step. Units are named by code, so that a step can name a unit an earlier step of
/// the plan creates.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReorgStep {
    pub id: Id,
    pub plan_id: Id,
    /// Steps apply in this order.
    pub seq: i64,
    pub kind: StepKind,
    /// The unit the step is about (created, renamed, moved, merged away, split off,
    /// abolished), or for `place` where the person goes.
    pub unit_code: String,
    /// The new name (create, rename, split).
    pub name: String,
    pub kana: String,
    /// The new parent (create, move; split: else the source's parent).
    pub parent_code: String,
    /// The other unit: merge → the one kept; split → the source; abolish → where its
    /// people go.
    pub other_code: String,
    /// The person a `place` step moves.
    pub staff_id: Option<Id>,
    pub note: String,
    pub version: i64,
}

impl Validate for ReorgStep {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        c.id("plan", self.plan_id)
            .opt_name("name", &self.name, 40)
            .opt_name("kana", &self.kana, 80)
            .note("note", &self.note, 400);
        if !super::unit::is_code(&self.unit_code) {
            c.add("unit_code", super::Problem::Malformed);
        }
        for (field, v) in [
            ("parent_code", &self.parent_code),
            ("other_code", &self.other_code),
        ] {
            if !v.is_empty() && !super::unit::is_code(v) {
                c.add(field, super::Problem::Malformed);
            }
        }
        c.finish()
    }
}

/// Something wrong with a plan: the unit (by code) or person (by staff number) it is
/// about, the rule, and the figure or other unit the message names.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub subject: String,
    pub rule: &'static str,
    pub count: usize,
    pub other: String,
}

/// A unit as the plan leaves it so far, while the steps are checked in order.
struct Sim {
    kind: UnitKind,
    parent: Option<String>,
    open: bool,
    people: usize,
}

/// What the plan is checked against: the tree and where people are on the day before it.
pub struct Ground<'a> {
    pub units: &'a [Unit],
    /// Active people per unit id.
    pub people: &'a BTreeMap<Id, usize>,
    /// Unit ids of the active people a `place` step names (`None`: not an active person),
    /// with their staff numbers.
    pub placed: &'a BTreeMap<Id, (String, Option<Id>)>,
}

/// A plan's steps checked: every problem, and how many people they move.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checked {
    pub issues: Vec<Issue>,
    pub moving: usize,
}

/// Every problem of a plan's steps (in order) on day `day`; none means it can be applied.
/// An abolition (or a merge) leaves nobody behind and no open unit below it.
pub fn check_steps(day: Date, ground: &Ground, steps: &[ReorgStep]) -> Checked {
    let by_id: BTreeMap<Id, &Unit> = ground.units.iter().map(|u| (u.id, u)).collect();
    let mut tree: BTreeMap<String, Sim> = ground
        .units
        .iter()
        .map(|u| {
            let open = u.founded_by(day) && u.valid_to.is_none_or(|to| to > day);
            let parent = u
                .parent_id
                .and_then(|p| by_id.get(&p))
                .map(|p| p.code.clone());
            let people = ground.people.get(&u.id).copied().unwrap_or(0);
            (
                u.code.clone(),
                Sim {
                    kind: u.kind,
                    parent,
                    open,
                    people,
                },
            )
        })
        .collect();
    let code_of: BTreeMap<Id, String> = ground
        .units
        .iter()
        .map(|u| (u.id, u.code.clone()))
        .collect();
    let mut issues = Vec::new();
    let mut issue = |subject: &str, rule: &'static str, count: usize, other: &str| {
        issues.push(Issue {
            subject: subject.to_string(),
            rule,
            count,
            other: other.to_string(),
        })
    };
    let mut moved = BTreeSet::new();
    let mut moving = 0;
    let open = |t: &BTreeMap<String, Sim>, c: &str| t.get(c).is_some_and(|u| u.open);
    for s in steps {
        let code = s.unit_code.as_str();
        let needs_name = matches!(
            s.kind,
            StepKind::Create | StepKind::Rename | StepKind::Split
        );
        if needs_name && s.name.trim().is_empty() {
            issue(code, "reorg_name_required", 0, "");
        }
        match s.kind {
            StepKind::Create | StepKind::Split => {
                if tree.contains_key(code) {
                    issue(code, "reorg_code_taken", 0, "");
                    continue;
                }
                let source = (s.kind == StepKind::Split).then_some(s.other_code.as_str());
                if let Some(src) = source
                    && !open(&tree, src)
                {
                    issue(code, "reorg_unknown_unit", 0, src);
                    continue;
                }
                let parent = match (s.parent_code.as_str(), source) {
                    ("", Some(src)) => tree[src].parent.clone(),
                    ("", None) => None,
                    (p, _) => Some(p.to_string()),
                };
                let kind = match (&parent, source) {
                    (_, Some(src)) => Some(tree[src].kind),
                    (Some(p), None) => tree.get(p).and_then(|p| p.kind.child()),
                    (None, None) => Some(UnitKind::Office),
                };
                if let Some(p) = &parent
                    && !open(&tree, p)
                {
                    issue(code, "reorg_unknown_unit", 0, p);
                    continue;
                }
                let Some(kind) = kind else {
                    issue(
                        code,
                        "reorg_kind_under_parent",
                        0,
                        parent.as_deref().unwrap_or(""),
                    );
                    continue;
                };
                if let Some(p) = &parent
                    && tree[p.as_str()].kind.child() != Some(kind)
                {
                    issue(code, "reorg_kind_under_parent", 0, p);
                }
                tree.insert(
                    code.to_string(),
                    Sim {
                        kind,
                        parent,
                        open: true,
                        people: 0,
                    },
                );
            }
            _ if s.kind != StepKind::Place && !open(&tree, code) => {
                issue(code, "reorg_unknown_unit", 0, code);
            }
            StepKind::Rename => {}
            StepKind::Move => {
                let p = s.parent_code.as_str();
                if !open(&tree, p) {
                    issue(code, "reorg_unknown_unit", 0, p);
                    continue;
                }
                if tree[p].kind.child() != Some(tree[code].kind) {
                    issue(code, "reorg_kind_under_parent", 0, p);
                }
                // Under itself or a unit below it: walk up from the new parent.
                let mut up = Some(p.to_string());
                while let Some(u) = up {
                    if u == code {
                        issue(code, "reorg_cycle", 0, p);
                        break;
                    }
                    up = tree.get(&u).and_then(|x| x.parent.clone());
                }
                if let Some(u) = tree.get_mut(code) {
                    u.parent = Some(p.to_string());
                }
            }
            StepKind::Merge | StepKind::Abolish => {
                let to = s.other_code.as_str();
                if s.kind == StepKind::Merge && (to.is_empty() || to == code) {
                    issue(code, "reorg_merge_into", 0, to);
                    continue;
                }
                if !to.is_empty() && !open(&tree, to) {
                    issue(code, "reorg_unknown_unit", 0, to);
                    continue;
                }
                let children = tree
                    .values()
                    .filter(|u| u.open && u.parent.as_deref() == Some(code))
                    .count();
                if children > 0 {
                    issue(code, "reorg_has_units", children, "");
                }
                let people = tree[code].people;
                if people > 0 && to.is_empty() {
                    issue(code, "reorg_has_people", people, "");
                }
                if let Some(t) = tree.get_mut(to) {
                    t.people += people;
                    moving += people;
                }
                let u = tree.get_mut(code).expect("checked open above");
                u.open = false;
                u.people = 0;
            }
            StepKind::Place => {
                let Some((no, at)) = s.staff_id.and_then(|id| ground.placed.get(&id)) else {
                    issue(code, "reorg_unknown_person", 0, "");
                    continue;
                };
                let Some(at) = at else {
                    issue(no, "reorg_unknown_person", 0, "");
                    continue;
                };
                if !open(&tree, code) {
                    issue(no, "reorg_unknown_unit", 0, code);
                    continue;
                }
                // A person moves once on a day: a listed person goes before the step that
                // closes their unit, and only once.
                let from = code_of.get(at).map(String::as_str).unwrap_or("");
                if !moved.insert(s.staff_id) || !open(&tree, from) {
                    issue(no, "reorg_place_late", 0, from);
                    continue;
                }
                if let Some(f) = tree.get_mut(from) {
                    f.people = f.people.saturating_sub(1);
                }
                if let Some(t) = tree.get_mut(code) {
                    t.people += 1;
                    moving += 1;
                }
            }
        }
    }
    Checked { issues, moving }
}
