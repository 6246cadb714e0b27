//! Accounts: who may log in, as whom, with which role.

use super::machine::record::record;
use super::{Db, Filter, Result};
use crate::domain::Date;
use crate::domain::account::{Account, Role};

record!(
    Account,
    "accounts",
    [login, staff_id, role, active, created_on]
);

impl Db {
    /// Records a refused attempt to act as another account (`--user`), by the login that
    /// tried, so that admins see it in the audit log beside every change.
    pub fn log_refused_user(&self, wanted: &str) -> Result<()> {
        self.write(|| {
            super::machine::audit::record_json(
                self,
                "refused",
                "accounts",
                None,
                None,
                Some(serde_json::json!({ "user": wanted }).to_string()),
            )
        })
    }

    pub fn account_by_login(&self, login: &str) -> Result<Option<Account>> {
        Ok(self
            .all::<Account>(vec![Filter::eq("login", login)], "login")?
            .pop())
    }

    pub fn accounts(&self) -> Result<Vec<Account>> {
        self.all(vec![], "login")
    }

    /// Whether any account exists (a city has 100,000: not read to learn that).
    pub fn has_accounts(&self) -> Result<bool> {
        Ok(self
            .conn()
            .query_row("SELECT EXISTS(SELECT 1 FROM accounts)", [], |r| r.get(0))?)
    }

    /// Makes `login` an active admin (creating the account if needed, on `today`): the
    /// person who creates a database can use it at once.
    pub fn ensure_admin(&self, login: &str, today: Date) -> Result<Account> {
        self.write(|| match self.account_by_login(login)? {
            Some(a) if a.role == Role::Admin && a.active => Ok(a),
            Some(mut a) => {
                a.role = Role::Admin;
                a.active = true;
                self.update(&mut a)?;
                Ok(a)
            }
            None => {
                let mut a = Account {
                    id: 0,
                    login: login.to_string(),
                    staff_id: None,
                    role: Role::Admin,
                    active: true,
                    created_on: today,
                    version: 0,
                };
                self.insert(&mut a)?;
                Ok(a)
            }
        })
    }
}
