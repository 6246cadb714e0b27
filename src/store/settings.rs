//! Settings kept in the database file itself (demo flag, rules such as the long-tenure
//! threshold), audited like every other write.

use super::machine::audit;
use super::{Db, Result};
use crate::domain::{Invalid, Problem};

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

    /// Writes a setting the store derives from its records (the day something next falls
    /// due), like the search index: in the transaction of the record that sets it, whose
    /// own rows carry the audit.
    pub(super) fn put_derived_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?
            .execute([key, value])?;
        Ok(())
    }

    /// Brings a due-day marker forward to `next` when that is sooner ("" is nothing due;
    /// unset, the file was never caught up, and its first catch-up reads everything).
    pub(super) fn bring_due_forward(&self, key: &str, next: &str) -> Result<()> {
        match self.setting(key)? {
            Some(due) if due.is_empty() || next < due.as_str() => {
                self.put_derived_setting(key, next)
            }
            _ => Ok(()),
        }
    }

    /// A demo database honours `--user` for anyone, so a visitor can try every role.
    pub fn is_demo(&self) -> Result<bool> {
        Ok(self.setting("demo")?.as_deref() == Some("1"))
    }
}

/// A rule of the ward that an admin may set: its key, default and range.
#[derive(Debug, Clone, Copy)]
pub struct WardRule {
    pub key: &'static str,
    pub default: i64,
    pub min: i64,
    pub max: i64,
}

/// The rules an admin may set (`jinji settings`), with their defaults.
pub const RULES: &[WardRule] = &[
    WardRule {
        key: keys::APPEAL_WINDOW_DAYS,
        default: 7,
        min: 1,
        max: 60,
    },
    WardRule {
        key: keys::LONG_TENURE_YEARS,
        default: 5,
        min: 1,
        max: 40,
    },
    WardRule {
        key: keys::MENTOR_MIN_YEARS,
        default: 3,
        min: 0,
        max: 40,
    },
    WardRule {
        key: keys::EXPIRY_WARN_DAYS,
        default: 90,
        min: 0,
        max: 730,
    },
    // 0: letters and digits, up to 12, for a ward whose numbers are not all digits.
    WardRule {
        key: keys::STAFF_NO_LENGTH,
        default: 7,
        min: 0,
        max: 12,
    },
    // 役職定年: the lowest position it covers, by rank (0 部長級, 1 課長級, 2 課長補佐級,
    // 3 係長級); see `domain::retirement`.
    WardRule {
        key: keys::POST_AGE_LIMIT_POSITION,
        default: 1,
        min: 0,
        max: 3,
    },
    // 会計年度任用: renewals before the next April needs an open call (公募).
    WardRule {
        key: keys::FISCAL_RENEWALS_BEFORE_OPEN_CALL,
        default: 2,
        min: 0,
        max: 20,
    },
    // 1: a 兼務 counts in 現員 of its second unit too (see `store::staffing`).
    WardRule {
        key: keys::CONCURRENT_COUNTS,
        default: 0,
        min: 0,
        max: 1,
    },
    // Leave (休職・休業): a person away more than this share (%) of an evaluation period's
    // days is not evaluated for it.
    WardRule {
        key: keys::EVAL_ABSENCE_LIMIT,
        default: 50,
        min: 0,
        max: 100,
    },
];

/// A ward rule whose value is a list of codes (`jinji settings KEY a,b,c`; `-` for none).
#[derive(Debug, Clone, Copy)]
pub struct ListRule {
    pub key: &'static str,
    pub default: &'static [&'static str],
    /// The codes a value may hold.
    pub codes: &'static [&'static str],
}

/// The list-valued rules an admin may set.
pub const LIST_RULES: &[ListRule] = &[ListRule {
    key: keys::SERVICE_EXCLUDED_LEAVES,
    default: &[
        "sick_suspension",
        "self_development_leave",
        "spouse_accompany_leave",
        "union_full_time",
        "suspension",
    ],
    codes: crate::domain::leave::LeaveKind::CODES,
}];

impl Db {
    /// A list rule's codes: as set, else its default (codes no longer known are dropped).
    pub fn list_rule(&self, key: &str) -> Result<Vec<String>> {
        let Some(r) = LIST_RULES.iter().find(|r| r.key == key) else {
            return Ok(Vec::new());
        };
        Ok(match self.setting(key)? {
            Some(v) => split_codes(&v)
                .filter(|c| r.codes.contains(c))
                .map(str::to_string)
                .collect(),
            None => r.default.iter().map(|c| c.to_string()).collect(),
        })
    }

    /// Sets a list rule; a code it does not know is named. `-` (or nothing) sets none.
    fn set_list_rule(&self, r: &ListRule, value: &str) -> Result<()> {
        let mut codes: Vec<&str> = Vec::new();
        for c in split_codes(value) {
            if !r.codes.contains(&c) {
                return Err(Invalid::one(
                    r.key,
                    Problem::NotACode {
                        code: c.to_string(),
                    },
                )
                .into());
            }
            if !codes.contains(&c) {
                codes.push(c);
            }
        }
        self.set_setting(r.key, &codes.join(","))
    }
}

/// The codes of a list rule's value, as written (`a, b`; `-` alone for none).
fn split_codes(v: &str) -> impl Iterator<Item = &str> {
    v.split([',', ' ', '、'])
        .map(str::trim)
        .filter(|c| !c.is_empty() && *c != "-")
}

impl Db {
    /// A ward rule's value: as set, else its default; always within its range.
    pub fn rule_value(&self, key: &str) -> Result<i64> {
        let Some(r) = RULES.iter().find(|r| r.key == key) else {
            return Ok(0);
        };
        Ok(self.setting_i64(key, r.default)?.clamp(r.min, r.max))
    }

    /// Sets a ward rule, refusing an unknown key or a value out of its range.
    pub fn set_rule(&self, key: &str, value: &str) -> Result<()> {
        if let Some(r) = PlanRule::ALL.iter().find(|r| r.setting_key() == key) {
            return self.set_plan_severity(*r, value);
        }
        if let Some(r) = LIST_RULES.iter().find(|r| r.key == key) {
            return self.set_list_rule(r, value);
        }
        let Some(r) = RULES.iter().find(|r| r.key == key) else {
            return Err(Invalid::one("key", Problem::Unknown).into());
        };
        match value.trim().parse::<i64>() {
            Ok(v) if (r.min..=r.max).contains(&v) => self.set_setting(r.key, &v.to_string()),
            Ok(_) => Err(Invalid::one(
                r.key,
                Problem::OutOfRange {
                    min: r.min,
                    max: r.max,
                },
            )
            .into()),
            Err(_) => Err(Invalid::one(r.key, Problem::Malformed).into()),
        }
    }
}

/// Keys of the settings the program reads.
pub mod keys {
    pub const DEMO: &str = "demo";
    pub const LONG_TENURE_YEARS: &str = "long_tenure_years";
    pub const MENTOR_MIN_YEARS: &str = "mentor_min_years";
    pub const APPEAL_WINDOW_DAYS: &str = "appeal_window_days";
    pub const EXPIRY_WARN_DAYS: &str = "expiry_warn_days";
    /// The digits of a staff number (0: any letters and digits). See `store::staff`.
    pub const STAFF_NO_LENGTH: &str = "staff_no_length";
    /// The day the next upcoming post begins, when staff rows must follow it ("" for none;
    /// unset until the file is first caught up). See `store::posts`.
    pub const POSTS_DUE_ON: &str = "posts_due_on";
    /// The lowest position (by rank) the post age limit (役職定年) covers.
    pub const POST_AGE_LIMIT_POSITION: &str = "post_age_limit_position";
    /// Renewals of a 会計年度任用 appointment before an open call (公募).
    pub const FISCAL_RENEWALS_BEFORE_OPEN_CALL: &str = "fiscal_renewals_before_open_call";
    /// Whether a 兼務 counts in 現員 of its second unit (0: only 本務 counts).
    pub const CONCURRENT_COUNTS: &str = "concurrent_counts";
    /// Leave: the share (%) of an evaluation period away above which no evaluation.
    pub const EVAL_ABSENCE_LIMIT: &str = "eval_absence_limit";
    /// Leave: the kinds whose days do not count as service (a list of codes).
    pub const SERVICE_EXCLUDED_LEAVES: &str = "service_excluded_leaves";
    /// The next day a leave begins or ends, when statuses must follow ("" for none; unset
    /// until the file is first caught up). See `store::leaves`.
    pub const LEAVES_DUE_ON: &str = "leaves_due_on";
}

// --- The severity of each kind of transfer-plan problem (`plan.<rule>`: error | warning).

use crate::domain::plan_check::{PlanRule, Severity};

impl Db {
    /// The severity the ward gives each kind of plan problem: as set, else its default.
    pub fn plan_severities(&self) -> Result<std::collections::BTreeMap<PlanRule, Severity>> {
        PlanRule::ALL
            .iter()
            .map(|r| {
                let set = self.setting(r.setting_key())?;
                let s = set.as_deref().and_then(Severity::from_code);
                let s = r.fixed_severity().or(s).unwrap_or(r.default_severity());
                Ok((*r, s))
            })
            .collect()
    }

    /// Sets the severity of a kind of plan problem, refusing anything but its codes, and
    /// any but its own for a rule whose severity is fixed.
    fn set_plan_severity(&self, rule: PlanRule, value: &str) -> Result<()> {
        match Severity::from_code(value.trim()) {
            Some(s) if rule.fixed_severity().is_some_and(|f| f != s) => {
                Err(super::rule(rule.setting_key(), "plan_severity_fixed"))
            }
            Some(s) => self.set_setting(rule.setting_key(), s.code()),
            None => Err(Invalid::one(rule.setting_key(), Problem::Malformed).into()),
        }
    }
}
