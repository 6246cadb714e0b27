//! Who may see what: admin and hr everyone; a supervisor the people of their unit's
//! subtree and the people they evaluate; staff themselves. A record out of scope is not
//! found, not merely hidden.

use super::machine::list::id_list;
use super::{Db, Result};
use crate::domain::account::{Account, Role};
use crate::domain::disclosure::Reader;
use crate::domain::staff::Staff;
use crate::domain::{FiscalYear, Id};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Visibility {
    #[default]
    All,
    /// People in these units, and these people besides; `me` the reader's own person
    /// (whose place in each evaluation's chain decides what of it they see).
    Some {
        units: Vec<Id>,
        people: Vec<Id>,
        me: Option<Id>,
    },
}

impl Visibility {
    pub fn is_all(&self) -> bool {
        matches!(self, Visibility::All)
    }

    /// Who reads, for what of an evaluation they may see before its disclosure.
    pub fn reader(&self) -> Reader {
        match self {
            Visibility::All => Reader::Office,
            Visibility::Some { me, .. } => Reader::Person(*me),
        }
    }

    /// An SQL condition: a row's unit column in the units, or its people (rendered by
    /// `people_in` from the id list) among the people. `None` when everything is visible.
    pub(crate) fn condition(
        &self,
        unit_col: Option<&str>,
        people_in: Option<&dyn Fn(&str) -> String>,
    ) -> Option<String> {
        let Visibility::Some { units, people, .. } = self else {
            return None;
        };
        let mut parts = Vec::new();
        if let (Some(u), false) = (unit_col, units.is_empty()) {
            parts.push(format!("{u} IN ({})", id_list(units)));
        }
        if let (Some(f), false) = (people_in, people.is_empty()) {
            parts.push(f(&id_list(people)));
        }
        Some(if parts.is_empty() {
            "0".into()
        } else {
            format!("({})", parts.join(" OR "))
        })
    }

    /// The people seen, for an `IN (…)` (`None` when everything is visible): those of
    /// the units and the people besides, as a query of their ids; only people, as their
    /// ids (an empty `unit_id IN ()` beside them would read the whole roster).
    pub(crate) fn people_query(&self) -> Option<String> {
        let Visibility::Some { units, people, .. } = self else {
            return None;
        };
        Some(if units.is_empty() {
            id_list(people)
        } else {
            format!(
                "SELECT id FROM staff WHERE unit_id IN ({}) OR id IN ({})",
                id_list(units),
                id_list(people)
            )
        })
    }

    /// Whether a person is visible.
    pub fn sees(&self, s: &Staff) -> bool {
        match self {
            Visibility::All => true,
            Visibility::Some { units, people, .. } => {
                units.contains(&s.unit_id) || people.contains(&s.id)
            }
        }
    }

    /// The units whose counts and charts may be shown (`None`: all).
    pub fn units(&self) -> Option<&[Id]> {
        match self {
            Visibility::All => None,
            Visibility::Some { units, .. } => Some(units),
        }
    }
}

impl Db {
    /// What an account may see, as of fiscal year `fy` (whose evaluations count).
    pub fn visibility(&self, account: &Account, fy: FiscalYear) -> Result<Visibility> {
        let me: Option<Staff> = match account.staff_id {
            Some(id) => self.find(id)?,
            None => None,
        };
        Ok(match (account.role, me) {
            (Role::Admin | Role::Hr, _) => Visibility::All,
            (Role::Supervisor, Some(me)) => {
                let units = self.unit_subtree(me.unit_id)?;
                let mut st = self.conn().prepare_cached(
                    "SELECT DISTINCT e.staff_id FROM evaluations e JOIN eval_periods p ON p.id = e.period_id
                     WHERE p.fiscal_year >= ?1 AND (e.evaluator1_id = ?2 OR e.evaluator2_id = ?2)",
                )?;
                let mut people: Vec<Id> = st
                    .query_map(rusqlite::params![fy, me.id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                people.push(me.id);
                Visibility::Some {
                    units,
                    people,
                    me: Some(me.id),
                }
            }
            (Role::Staff, Some(me)) => Visibility::Some {
                units: Vec::new(),
                people: vec![me.id],
                me: Some(me.id),
            },
            // A supervisor or staff account without a person sees no one.
            (_, None) => Visibility::Some {
                units: Vec::new(),
                people: Vec::new(),
                me: None,
            },
        })
    }
}
