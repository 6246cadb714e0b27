//! Who works on what: the database, the account and its person, what it may see, the
//! app's day and language. Fixed for the life of the app (the language and date style
//! follow the user's settings at start).

use super::files::Dirs;
use crate::config::DateStyle;
use crate::domain::Date;
use crate::domain::account::Account;
use crate::domain::staff::Staff;
use crate::i18n::Lang;
use crate::store::Db;
use crate::store::flow::Actor;
use crate::store::scope::Visibility;

pub struct Session {
    pub db: Db,
    pub lang: Lang,
    pub account: Account,
    /// The staff record of the account, if it has one.
    pub me: Option<Staff>,
    /// The one clock's day, read once when the app started.
    pub today: Date,
    /// What the account may see (its role); applied to every list, search and count.
    pub visible: Visibility,
    pub date_style: DateStyle,
    /// Where exports and backups go.
    pub dirs: Dirs,
    /// The wall clock an export's file name is stamped with: the real one, unless a test
    /// fixes it.
    pub clock: fn() -> chrono::NaiveDateTime,
}

/// The real wall clock, in local time.
pub fn wall_clock() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

impl Session {
    /// Who writes and reads: the account and what it may see.
    pub fn actor(&self) -> Actor<'_> {
        Actor {
            account: &self.account,
            visible: &self.visible,
        }
    }
}
