//! `jinji reorg …`: reorganisations (組織改正).

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ReorgCommand {
    /// The plans, with their state and number of steps.
    Plans,
    /// Start a draft plan.
    New {
        name: String,
        /// The day the steps take effect (e.g. 2027-04-01 or R09.04.01).
        #[arg(long, value_name = "DATE")]
        effective: String,
    },
    /// Add a step at the end of a draft plan. KIND: create (UNIT_CODE new, --name, --kana,
    /// --parent), rename (--name, --kana), move (--parent), merge (into --other), split
    /// (UNIT_CODE new, out of --other, --name, --kana), abolish (its people to --other),
    /// place (--staff to UNIT_CODE: a person listed before a merge, split or abolition).
    Step {
        plan: i64,
        kind: String,
        #[arg(value_name = "UNIT_CODE")]
        unit: String,
        #[arg(long, default_value = "")]
        name: String,
        #[arg(long, default_value = "")]
        kana: String,
        /// The new parent's code.
        #[arg(long, value_name = "CODE", default_value = "")]
        parent: String,
        /// The other unit's code (merged into, split from, where people go).
        #[arg(long, value_name = "CODE", default_value = "")]
        other: String,
        #[arg(long, value_name = "STAFF_NO")]
        staff: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Take step SEQ out of a draft plan.
    Drop { plan: i64, seq: i64 },
    /// A plan's steps, in order.
    Show { plan: i64 },
    /// Every problem of a plan, one per line (`UNIT_CODE: rule: what`); exit 2 if any.
    Check { plan: i64 },
    /// Apply a draft plan on or after its day: every step in one transaction, or none.
    Apply { plan: i64 },
    /// Set a draft plan aside.
    Discard { plan: i64 },
}
