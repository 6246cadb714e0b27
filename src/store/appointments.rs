//! 発令 (辞令): what the ward appointed people to, kept as issued. A round records each
//! mover's 発令 in the transaction that moves them; the sentences are the ward's own
//! (Japanese, whatever the screen's language: a 辞令 is an official document) and are
//! written once, so that renaming a unit later does not rewrite what was issued.

use super::machine::record::record;
use super::transfer::head_position;
use super::{Db, Filter, Result};
use crate::domain::appointment::{Appointment, AppointmentKind};
use crate::domain::assignment::Reason;
use crate::domain::staff::Staff;
use crate::domain::transfer::TransferMove;
use crate::domain::unit::{Unit, UnitKind};
use crate::domain::{Date, Id};
use crate::i18n::Lang;

record!(
    Appointment,
    "appointments",
    [staff_id, issued_on, kind, unit_id, position, text, plan_id]
);

/// The language 発令 are issued in.
const WARD: Lang = Lang::Ja;

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

    /// A unit as a 辞令 names it: with its 課 (a 係) or its 部 (a 課) before it.
    fn unit_path(&self, unit: &Unit) -> Result<String> {
        let parent: Option<Unit> = match unit.parent_id {
            Some(p) => self.find(p)?,
            None => None,
        };
        Ok(match parent {
            Some(p) if matches!(p.kind, UnitKind::Section | UnitKind::Department) => {
                format!("{}{}", p.name, unit.name)
            }
            _ => unit.name.clone(),
        })
    }

    /// Records the 発令 of a move made on `day`: 採用, 昇任, 昇格, then the post (○○長を命ずる
    /// for a head, ○○勤務を命ずる for anyone else whose unit changes or who was told
    /// nothing else). `before` is the person as they were.
    pub(crate) fn issue_move(
        &self,
        before: &Staff,
        m: &TransferMove,
        day: Date,
        plan_id: Option<Id>,
    ) -> Result<()> {
        let unit: Unit = self.get(m.to_unit_id)?;
        let path = self.unit_path(&unit)?;
        let position = WARD.label("position", m.to_position.code());
        let mut issued: Vec<(AppointmentKind, String)> = Vec::new();
        if m.reason == Reason::Hire {
            issued.push((AppointmentKind::Hire, WARD.t("appoint.hire").to_string()));
        }
        if m.to_position.rank() < before.position.rank() {
            let t = WARD.tf("appoint.promotion", &[("position", &position)]);
            issued.push((AppointmentKind::Promotion, t));
        }
        if let Some(g) = m.to_grade.filter(|g| *g != before.grade) {
            let key = if g > before.grade {
                "appoint.grade_up"
            } else {
                "appoint.grade_set"
            };
            issued.push((AppointmentKind::Grade, WARD.tf(key, &[("grade", &g)])));
        }
        if head_position(unit.kind) == Some(m.to_position) {
            let t = WARD.tf("appoint.head_of", &[("unit", &path)]);
            issued.push((AppointmentKind::Head, t));
        } else if m.to_unit_id != before.unit_id || issued.is_empty() {
            let (kind, key) = match m.reason {
                Reason::Secondment | Reason::Dispatch => {
                    (AppointmentKind::Secondment, "appoint.secondment")
                }
                _ => (AppointmentKind::Transfer, "appoint.transfer"),
            };
            issued.push((kind, WARD.tf(key, &[("unit", &path)])));
        }
        for (kind, text) in issued {
            let mut a = Appointment {
                id: 0,
                staff_id: before.id,
                issued_on: day,
                kind,
                unit_id: Some(unit.id),
                position: Some(m.to_position),
                text,
                plan_id,
                version: 0,
            };
            self.insert_as(&mut a, "appoint")?;
        }
        Ok(())
    }
}
