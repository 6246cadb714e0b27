//! The workflows' arguments: the evaluation chain's moves (`jinji eval`), the PDCA
//! cycle's (`jinji pdca`) and the April transfer round's (`jinji transfer`).

use clap::{Subcommand, ValueEnum};

use super::fiscal_year_arg;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Competency,
    Performance,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TermArg {
    Full,
    H1,
    H2,
}

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// The move: submit, first, second, send_back, finalize, disclose, agree, appeal,
    /// outcome, interviews; or `open` (HR) to open the period with an evaluation for
    /// everyone at work on its base date.
    pub step: String,
    /// Staff numbers of the evaluatees (all moved in one transaction, or none).
    #[arg(value_name = "STAFF_NO")]
    pub staff: Vec<String>,
    /// Fiscal year of the period: 2026, 令和8年度 or R8 (default: the current one).
    #[arg(long, value_parser = fiscal_year_arg)]
    pub year: Option<i32>,
    #[arg(long, value_enum)]
    pub kind: KindArg,
    #[arg(long, value_enum, default_value_t = TermArg::Full)]
    pub term: TermArg,
    /// Every evaluation of the period that this move applies to now (HR batches).
    #[arg(long, conflicts_with = "staff")]
    pub all: bool,
    /// The rating (S, A, B, C, D) of the stage, or the grade HR decides.
    #[arg(long)]
    pub rating: Option<String>,
    /// The comment, send-back reason, response note or appeal outcome.
    #[arg(long, visible_aliases = ["reason", "note", "outcome"])]
    pub comment: Option<String>,
    /// 期首面談 date (interviews).
    #[arg(long, value_name = "DATE")]
    pub start_interview: Option<String>,
    /// 期末面談 date (interviews).
    #[arg(long, value_name = "DATE")]
    pub end_interview: Option<String>,
    /// What was discussed at the 期首面談 (interviews).
    #[arg(long, value_name = "TEXT")]
    pub start_note: Option<String>,
    /// What was discussed at the 期末面談 (interviews).
    #[arg(long, value_name = "TEXT")]
    pub end_note: Option<String>,
    /// The review board's decision on a complaint (outcome): upheld, partly_upheld,
    /// dismissed.
    #[arg(long, value_name = "DECISION")]
    pub decision: Option<String>,
    /// The day the board decided (outcome; default today).
    #[arg(long, value_name = "DATE")]
    pub decided_on: Option<String>,
    /// 評価基準日 of a period being opened (default: 1 October for 能力評価, 31 March for
    /// 業績評価).
    #[arg(long, value_name = "DATE")]
    pub base_date: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum PdcaCommand {
    /// Move a cycle to its next phase (Plan → Do → Check → Act → closed).
    Advance {
        id: i64,
        /// The measured result (entering Act).
        #[arg(long)]
        result: Option<f64>,
        /// What to improve next time (closing).
        #[arg(long)]
        improvements: Option<String>,
    },
    /// Close a cycle in Act and start the next turn from its result.
    Close {
        id: i64,
        #[arg(long)]
        improvements: Option<String>,
    },
    /// Write a supervisor's review of a cycle.
    Review {
        id: i64,
        #[arg(long)]
        comment: String,
    },
    /// Note progress on a cycle (Do or Check).
    Checkin {
        id: i64,
        #[arg(long)]
        note: String,
        /// The cycle's progress, percent.
        #[arg(long)]
        progress: Option<i64>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TransferCommand {
    /// The plans, with their state and number of moves.
    Plans,
    /// Start a draft plan.
    New {
        name: String,
        /// The day the moves take effect (e.g. 2027-04-01 or R09.04.01).
        #[arg(long, value_name = "DATE")]
        effective: String,
    },
    /// Put a person's move into a draft plan (or change it).
    Add {
        plan: i64,
        #[arg(value_name = "STAFF_NO")]
        staff: String,
        /// The new unit's code.
        #[arg(long, value_name = "CODE")]
        unit: String,
        /// The new position (default: the present one), e.g. team_chief.
        #[arg(long)]
        position: Option<String>,
        /// transfer (default), promotion, secondment, dispatch.
        #[arg(long, default_value = "transfer")]
        reason: String,
        #[arg(long, default_value = "")]
        note: String,
        /// The salary grade (級) the move sets with the position (default: kept).
        #[arg(long)]
        grade: Option<i64>,
    },
    /// Take a person out of a draft plan.
    Remove {
        plan: i64,
        #[arg(value_name = "STAFF_NO")]
        staff: String,
    },
    /// A plan's moves, each beside the person's transfer wish (the 内示 list; `jinji
    /// export transfer_moves` writes it as a file).
    Show { plan: i64 },
    /// Who two plans move differently.
    Compare { a: i64, b: i64 },
    /// Set a draft plan aside.
    Discard { plan: i64 },
    /// Apply a draft plan: every move in one transaction, or none. Refused while its
    /// check finds an error, or a warning not accepted.
    Apply {
        plan: i64,
        /// Apply although the check warns (the warnings are printed).
        #[arg(long)]
        accept_warnings: bool,
    },
    /// Every problem the plan would make, one a line: `STAFF_NO or UNIT_CODE: rule: what`
    /// (errors first). Exit 2 when there is an error.
    Check { plan: i64 },
}
