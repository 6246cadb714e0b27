//! Accounts: a login (the OS user by default) mapped to a staff member and a role.

use super::{Check, Date, Id, Invalid, Problem, Validate};
use crate::code_enum;

code_enum! {
    /// admin: HR manager, everything; hr: every staff record; supervisor: own unit's
    /// subtree and evaluatees; staff: own records.
    pub enum Role { Admin = "admin", Hr = "hr", Supervisor = "supervisor", Staff = "staff" }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Account {
    pub id: Id,
    pub login: String,
    pub staff_id: Option<Id>,
    pub role: Role,
    pub active: bool,
    pub created_on: Date,
    pub version: i64,
}

pub fn is_login(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'))
}

impl Validate for Account {
    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::new();
        if self.login.is_empty() {
            c.add("login", Problem::Required);
        } else if !is_login(&self.login) {
            c.add("login", Problem::Malformed);
        }
        if self.role != Role::Admin && self.role != Role::Hr && self.staff_id.is_none() {
            // A supervisor or a staff account sees records relative to a person.
            c.add(
                "staff_no",
                Problem::Rule {
                    rule: "account_needs_staff",
                },
            );
        }
        c.finish()
    }
}
