//! 発令 (辞令): what the ward appointed people to, kept as issued. A round records each
//! mover's 発令 in the transaction that moves them. The store decides what is ordered
//! ([`orders`]); the words are the caller's [`Wording`] (the ward's catalogue, Japanese
//! whatever the screen's language: a 辞令 is an official document), written once, so
//! that renaming a unit later does not rewrite what was issued.

use super::heads::head_position;
use super::machine::record::record;
use super::{Db, Filter, Result};
use crate::domain::appointment::{Appointment, Order, Post, Wording};
use crate::domain::assignment::{Assignment, Reason};
use crate::domain::staff::Staff;
use crate::domain::transfer::TransferMove;
use crate::domain::unit::{Unit, UnitKind};
use crate::domain::{Date, Id};

record!(
    Appointment,
    "appointments",
    [
        staff_id,
        issued_on,
        kind,
        unit_id,
        position,
        text,
        plan_id,
        assignment_id
    ]
);

impl Db {
    /// A person's 発令, oldest first.
    pub fn appointments_of(&self, staff_id: Id) -> Result<Vec<Appointment>> {
        let mut v: Vec<Appointment> = self.all(vec![Filter::eq("staff_id", staff_id)], "id")?;
        v.sort_by_key(|a| (a.issued_on, a.id));
        Ok(v)
    }

    /// The 発令 of one day (発令一覧), in the order issued.
    pub fn appointments_on(&self, day: Date) -> Result<Vec<Appointment>> {
        self.all(vec![Filter::eq("issued_on", day.iso())], "id")
    }

    /// Records the 発令 of a move made on `day` (see [`orders`]), in `words`. `before` is
    /// the person as they were.
    pub(crate) fn issue_move(
        &self,
        before: &Staff,
        m: &TransferMove,
        day: Date,
        plan_id: Option<Id>,
        words: &dyn Wording,
    ) -> Result<()> {
        let unit: Unit = self.get(m.to_unit_id)?;
        let parent: Option<Unit> = match unit.parent_id {
            Some(p) => self.find(p)?,
            None => None,
        };
        let was = Was {
            unit_id: before.unit_id,
            position: before.position,
            grade: before.grade,
        };
        for order in orders(&was, m, &unit, parent.as_ref()) {
            let mut a = Appointment {
                id: 0,
                staff_id: before.id,
                issued_on: day,
                kind: order.kind(),
                unit_id: Some(unit.id),
                position: Some(m.to_position),
                text: words.order(&order),
                plan_id,
                assignment_id: None,
                version: 0,
            };
            self.insert_as(&mut a, "appoint")?;
        }
        Ok(())
    }
}

impl Db {
    /// Records the 発令 of a post held beside a main one (兼務・事務取扱・事務代理): its
    /// beginning on its first day, and its end (…を解く) the day after its last, each
    /// naming the unit as it was then. Tied to the post: what was issued for it before is
    /// taken back first, so a corrected post is issued as corrected, and a post turned into
    /// a main one keeps none.
    pub(crate) fn issue_beside(&self, a: &Assignment, words: &dyn Wording) -> Result<()> {
        self.withdraw_beside(a.id)?;
        if a.kind.is_main() {
            return Ok(());
        }
        let issue = |day: Date, named_on: Date, release: bool| -> Result<()> {
            let post = self.post_as_of(a, named_on)?;
            let order = if release {
                Order::Release { kind: a.kind, post }
            } else {
                Order::Beside { kind: a.kind, post }
            };
            let mut x = Appointment {
                id: 0,
                staff_id: a.staff_id,
                issued_on: day,
                kind: order.kind(),
                unit_id: Some(a.unit_id),
                position: Some(a.position),
                text: words.order(&order),
                plan_id: None,
                assignment_id: Some(a.id),
                version: 0,
            };
            self.insert_as(&mut x, "appoint")
        };
        issue(a.start_date, a.start_date, false)?;
        if let Some(end) = a.end_date {
            issue(end.add_days(1), end, true)?;
        }
        Ok(())
    }

    /// Takes back the 発令 issued for a post beside a main one (before the post is
    /// corrected or deleted).
    pub(crate) fn withdraw_beside(&self, assignment_id: Id) -> Result<()> {
        let issued: Vec<Appointment> =
            self.all(vec![Filter::eq("assignment_id", assignment_id)], "id")?;
        for x in issued {
            self.delete::<Appointment>(x.id, x.version)?;
        }
        Ok(())
    }

    /// The post of `a` as a 辞令 names it on `day`: the unit's name (and its 課 or 部) then.
    fn post_as_of(&self, a: &Assignment, day: Date) -> Result<Post> {
        let unit = match self.unit_as_of(a.unit_id, day)? {
            Some(u) => u,
            None => self.get(a.unit_id)?,
        };
        let parent = match unit.parent_id {
            Some(p) => match self.unit_as_of(p, day)? {
                Some(u) => Some(u),
                None => self.find(p)?,
            },
            None => None,
        };
        Ok(Post {
            unit: unit_path(&unit, parent.as_ref()),
            position: a.position,
            head: head_position(unit.kind) == Some(a.position),
        })
    }
}

/// Where a person was before a move.
#[derive(Debug, Clone, Copy)]
pub struct Was {
    pub unit_id: Id,
    pub position: crate::domain::staff::Position,
    pub grade: i64,
}

/// A unit as a 辞令 names it: with its 課 (a 係) or its 部 (a 課) before it.
pub fn unit_path(unit: &Unit, parent: Option<&Unit>) -> String {
    match parent {
        Some(p) if matches!(p.kind, UnitKind::Section | UnitKind::Department) => {
            format!("{}{}", p.name, unit.name)
        }
        _ => unit.name.clone(),
    }
}

/// The 発令事項 of a move, in order: 採用, 昇任, 昇格, then the post (○○長を命ずる for a
/// head, ○○勤務を命ずる for anyone else whose unit changes or who was told nothing else).
pub fn orders(was: &Was, m: &TransferMove, unit: &Unit, parent: Option<&Unit>) -> Vec<Order> {
    let mut issued: Vec<Order> = Vec::new();
    if m.reason == Reason::Hire {
        issued.push(Order::Hire);
    }
    if m.to_position.rank() < was.position.rank() {
        issued.push(Order::Promotion {
            position: m.to_position,
        });
    }
    if let Some(g) = m.to_grade.filter(|g| *g != was.grade) {
        issued.push(Order::Grade {
            grade: g,
            up: g > was.grade,
        });
    }
    let path = unit_path(unit, parent);
    if head_position(unit.kind) == Some(m.to_position) {
        issued.push(Order::Head { unit: path });
    } else if m.to_unit_id != was.unit_id || issued.is_empty() {
        issued.push(match m.reason {
            Reason::Secondment | Reason::Dispatch => Order::Secondment { unit: path },
            _ => Order::Transfer { unit: path },
        });
    }
    issued
}
