//! Settings kept in the database file itself (demo flag, rules such as the long-tenure
//! threshold), audited like every other write.

use super::{Db, Result, audit};

impl Db {
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        let mut st = self
            .conn()
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")?;
        let mut rows = st.query([key])?;
        Ok(match rows.next()? {
            Some(r) => Some(r.get(0)?),
            None => None,
        })
    }

    /// A numeric setting, or `default` when unset or unreadable.
    pub fn setting_i64(&self, key: &str, default: i64) -> Result<i64> {
        Ok(self
            .setting(key)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(default))
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.write(|| {
            let before = self.setting(key)?;
            self.conn().execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
            audit::record_json(
                self,
                "setting",
                "settings",
                None,
                before.map(|b| serde_json::json!({ key: b }).to_string()),
                Some(serde_json::json!({ key: value }).to_string()),
            )
        })
    }

    /// A demo database honours `--user` for anyone, so a visitor can try every role.
    pub fn is_demo(&self) -> Result<bool> {
        Ok(self.setting("demo")?.as_deref() == Some("1"))
    }
}

/// Keys of the settings the program reads.
pub mod keys {
    pub const DEMO: &str = "demo";
    pub const LONG_TENURE_YEARS: &str = "long_tenure_years";
    pub const MENTOR_MIN_YEARS: &str = "mentor_min_years";
    pub const APPEAL_WINDOW_DAYS: &str = "appeal_window_days";
    pub const EXPIRY_WARN_DAYS: &str = "expiry_warn_days";
}
