//! 兼務, 事務取扱 and 事務代理 on the second unit's roster: a person who holds a post in a
//! unit beside their main one is one of its people too, listed (once) when the roster is
//! scoped to that unit and marked by the kind of post. Counts of the roster count rows of
//! people, so nobody is counted twice wherever both their units are in scope.

use super::{ViewDef, ViewQuery, ViewRow};
use crate::domain::Id;
use crate::domain::post::AssignmentKind;
use crate::store::machine::list::id_list;
use crate::store::{Db, Result};

/// The list whose rows are people by their main unit: the roster.
const ROSTER: &str = "staff";

/// SQL condition: posts `a` held beside a main one on `day` (an ISO date).
fn held_beside(day: &str) -> String {
    format!(
        "a.kind <> 'main' AND a.start_date <= '{day}' AND (a.end_date IS NULL OR a.end_date >= '{day}')"
    )
}

impl ViewDef {
    /// SQL condition: the row belongs to `units` — by its unit column, or, on the roster,
    /// by a post its person holds there beside their main one on the query's day.
    pub(super) fn in_units(&self, col: &str, units: &[Id], q: &ViewQuery) -> String {
        let ids = id_list(units);
        match self.staff.filter(|_| self.name == ROSTER) {
            Some(person) => format!(
                "({col} IN ({ids}) OR {person} IN (SELECT a.staff_id FROM assignments a
                   WHERE a.unit_id IN ({ids}) AND {}))",
                held_beside(&q.today.iso())
            ),
            None => format!("{col} IN ({ids})"),
        }
    }
}

impl Db {
    /// Marks the rows of the roster scoped to units that are there by a post beside the
    /// person's main one: the kind of post and the unit it is in (read after the window,
    /// so drawing reads nothing).
    pub fn mark_beside(&self, v: &ViewDef, q: &ViewQuery, rows: &mut [ViewRow]) -> Result<()> {
        let (Some(units), true) = (&q.units, v.name == ROSTER) else {
            return Ok(());
        };
        if rows.is_empty() {
            return Ok(());
        }
        let people: Vec<Id> = rows.iter().map(|r| r.id).collect();
        let ids = id_list(units);
        let sql = format!(
            "SELECT a.staff_id, a.kind, u.name FROM assignments a
               JOIN staff s ON s.id = a.staff_id JOIN units u ON u.id = a.unit_id
             WHERE a.staff_id IN ({}) AND a.unit_id IN ({ids}) AND s.unit_id NOT IN ({ids})
               AND {}
             ORDER BY a.start_date, a.id",
            id_list(&people),
            held_beside(&q.today.iso())
        );
        let mut st = self.conn().prepare(&sql)?;
        let found = st.query_map([], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for f in found {
            let (id, kind, unit) = f?;
            let Some(kind) = AssignmentKind::from_code(&kind) else {
                continue;
            };
            if let Some(r) = rows.iter_mut().find(|r| r.id == id && r.beside.is_none()) {
                r.beside = Some((kind, unit));
            }
        }
        Ok(())
    }
}
