//! The command-line contract (DESIGN.md): global flags before or after the subcommand.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

mod flow;
mod reorg;

pub use flow::{EvalArgs, KindArg, PdcaCommand, TermArg, TransferCommand};
pub use reorg::ReorgCommand;

/// A `--year` as people write it: `2026`, `令和8年度`, `R8`.
fn fiscal_year_arg(s: &str) -> Result<i32, String> {
    crate::domain::date::parse_fiscal_year(s)
        .ok_or_else(|| crate::i18n::Lang::from_env().tf("err.bad_fiscal_year", &[("value", &s)]))
}

#[derive(Debug, Parser)]
#[command(
    name = "jinji",
    version,
    about = "人事 — staff records and the staff capability plan of a ward office"
)]
pub struct Cli {
    /// Database file (default: jinji.db in the data directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Language of messages and headers (default: from LANG).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Act as this login (admins, and anyone in a demo database).
    #[arg(long, global = true, value_name = "LOGIN")]
    pub user: Option<String>,
    /// The day to take as today (default: the real date), e.g. 2026-11-24 or R08.11.24:
    /// every decision by date (due, overdue, the current fiscal year) and the day `demo`
    /// and `seed` build their data around.
    #[arg(long, global = true, value_name = "DATE")]
    pub today: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Ja,
    En,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Json,
}

impl Format {
    pub fn sheet(self) -> crate::sheet::write::Format {
        match self {
            Format::Csv => crate::sheet::write::Format::Csv,
            Format::Xlsx => crate::sheet::write::Format::Xlsx,
            Format::Json => crate::sheet::write::Format::Json,
        }
    }
}

/// Text encodings of CSV files.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EncodingArg {
    /// UTF-8 (with a BOM when writing, so Excel opens it).
    #[value(name = "utf8", alias = "utf-8")]
    Utf8,
    /// Shift_JIS as Windows writes it, for older systems.
    #[value(name = "cp932", alias = "sjis", alias = "shift_jis")]
    Cp932,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Rebuild the demo database (a realistic ward) and open it.
    Demo {
        /// Active staff in the demo ward.
        #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        staff: u32,
        /// Seed of the generator (the same seed gives the same ward, on the same --today).
        #[arg(long, default_value_t = 2025)]
        rng_seed: u64,
    },
    /// Create an empty database; you become its admin.
    Init,
    /// Fill the database at --db with synthetic data (scale tests).
    Seed {
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=2_000_000))]
        staff: u32,
        /// Fiscal years of history, the current one included.
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(i32).range(1..=40))]
        years: i32,
        #[arg(long, default_value_t = 2025)]
        rng_seed: u64,
    },
    /// Write one kind of record as CSV, XLSX or JSON.
    Export {
        /// What to export (units, staff, … audit).
        kind: String,
        /// csv, xlsx or json (default: by the extension of --out, else csv).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Text encoding of a CSV file (default: UTF-8 with BOM).
        #[arg(long, value_enum, default_value_t = EncodingArg::Utf8)]
        encoding: EncodingArg,
        /// Output file (default: standard output).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// units only: the tree as it was on this day (names, parents, kinds of then).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// Read a roster (CSV in UTF-8 or CP932, or XLSX) into the database: every row
    /// checked, all written in one transaction or none. Headers as `jinji export` writes
    /// them, in English or Japanese.
    Import {
        /// What the file holds: units, staff, assignments, courses, sessions, enrolments,
        /// qualifications.
        kind: String,
        file: PathBuf,
        /// Check every row and list the problems as FILE:ROW:COLUMN; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Text encoding of a CSV file (default: UTF-8 if it is, else CP932).
        #[arg(long, value_enum)]
        encoding: Option<EncodingArg>,
    },
    /// Copy the database safely while it is in use (default: the backups directory).
    Backup {
        file: Option<PathBuf>,
        /// Backups to keep in the backups directory.
        #[arg(long, default_value_t = 10)]
        keep: usize,
    },
    /// Reports as Excel workbooks: a person's evaluation sheet, a unit's summary.
    Report {
        #[command(subcommand)]
        action: ReportCommand,
    },
    /// Replace the database with a backup: the file is checked first, and the database as
    /// it is now is backed up before it is replaced (admins only).
    Restore {
        file: PathBuf,
        /// Backups to keep in the backups directory.
        #[arg(long, default_value_t = 10)]
        keep: usize,
    },
    /// Check the database: quick_check, foreign keys, schema version.
    Check,
    /// Move evaluations along the chain (submit, first, second, send_back, finalize,
    /// disclose, agree, appeal, outcome, interviews), as the acting account may.
    Eval(EvalArgs),
    /// Move PDCA cycles (advance, close), review them or note a check-in.
    Pdca {
        #[command(subcommand)]
        action: PdcaCommand,
    },
    /// Long-service awards (永年勤続): list the candidates on a base date, or nominate them.
    LongService {
        /// 10, 20 or 30 years of service.
        #[arg(long)]
        years: i32,
        /// The day the years are counted to (default: today).
        #[arg(long, value_name = "DATE")]
        base_date: Option<String>,
        /// Nominate every candidate (HR), all in one transaction.
        #[arg(long)]
        nominate: bool,
    },
    /// Compliance training and self-checks past due, under each person's supervisor (who
    /// is to remind them), as the account may see.
    Overdue {
        /// Fiscal year: 2026, 令和8年度 or R8 (default: the current one).
        #[arg(long, value_parser = fiscal_year_arg)]
        year: Option<i32>,
    },
    /// The April transfer round: draft plans of moves, compare, discard, apply.
    Transfer {
        #[command(subcommand)]
        action: TransferCommand,
    },
    /// The year-end 定年退職: who retires at the retirement age at the end of a fiscal year,
    /// and (HR, on or after that 31 March) retiring them with their 発令.
    Retire {
        #[command(subcommand)]
        action: RetireCommand,
    },
    /// Promotion selection (昇任選考): the year's rounds, and who may sit one and why not
    /// (HR).
    Exam {
        #[command(subcommand)]
        action: ExamCommand,
    },
    /// Reorganisations (組織改正): draft plans of steps (create, rename, move, merge,
    /// split, abolish a unit), check them, apply them on their day.
    Reorg {
        #[command(subcommand)]
        action: ReorgCommand,
    },
    /// The ward's rules (appeal window, long tenure, mentor years, expiry warning): list
    /// them, or set one (admins only).
    Settings {
        key: Option<String>,
        value: Option<String>,
    },
    /// Manage accounts (admins only).
    Users {
        #[command(subcommand)]
        action: UsersCommand,
    },
    /// The office calendar: the closed days of a fiscal year (holidays of the law, 年末年始
    /// and the ward's own days), one a line as `DATE<TAB>NAME`; admins add or remove the
    /// ward's days.
    #[command(args_conflicts_with_subcommands = true)]
    Calendar {
        #[command(subcommand)]
        action: Option<CalendarCommand>,
        /// Fiscal year (default: the current one).
        #[arg(long)]
        year: Option<i32>,
    },
}

#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// Close the offices on a day besides the holidays (admins).
    Add {
        #[arg(value_name = "DATE")]
        date: String,
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// Remove a day the ward added (admins).
    Remove {
        #[arg(value_name = "DATE")]
        date: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// 評価シート: a person's evaluations, challenge themes, PDCA cycles and training of
    /// a fiscal year.
    EvalSheet {
        #[arg(value_name = "STAFF_NO")]
        staff: String,
        /// Fiscal year: 2026, 令和8年度 or R8 (default: the current one).
        #[arg(long, value_parser = fiscal_year_arg)]
        year: Option<i32>,
        /// Output file (default: eval-sheet-STAFF_NO-YEAR.xlsx here).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// 所属別集計: grades, PDCA progress, training hours and compliance of a unit and the
    /// units under it, with charts.
    UnitSummary {
        #[arg(value_name = "UNIT_CODE")]
        unit: String,
        #[arg(long, value_parser = fiscal_year_arg)]
        year: Option<i32>,
        /// Output file (default: unit-summary-UNIT_CODE-YEAR.xlsx here).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// 発令通知書: a person's 発令 of one day as printable text (the latest day, or --on).
    Appointment {
        #[arg(value_name = "STAFF_NO")]
        staff: String,
        /// The 発令日 (default: the person's latest).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// 内示書: a person's move in a transfer plan as printable text (HR; the newest plan
    /// that moves them, or --plan).
    Naiji {
        #[arg(value_name = "STAFF_NO")]
        staff: String,
        #[arg(long)]
        plan: Option<i64>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExamCommand {
    /// The rounds of a fiscal year: kind, state, applicants and passers.
    List {
        /// Fiscal year: 2026, 令和8年度 or R8 (default: the current one).
        #[arg(long, value_parser = fiscal_year_arg)]
        year: Option<i32>,
    },
    /// Who may sit the round of a kind (its code) in a fiscal year: the count by verdict,
    /// then each person who may (with `--all`, everyone it is for, with why not).
    Eligible {
        /// The kind's code (`jinji exam list` shows them), e.g. team_chief.
        kind: String,
        #[arg(long, value_parser = fiscal_year_arg)]
        year: Option<i32>,
        #[arg(long)]
        all: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum RetireCommand {
    /// 定年退職: everyone whose 定年退職日 is the 31 March ending the year, all at once.
    Teinen {
        /// Fiscal year: 2026, 令和8年度 or R8 (default: the current one).
        #[arg(long, value_parser = fiscal_year_arg)]
        year: Option<i32>,
        /// List who would retire; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// Add an account, or change its role and person.
    Add {
        login: String,
        #[arg(long, value_enum)]
        role: RoleArg,
        /// The staff member the account belongs to (staff number).
        #[arg(long, value_name = "STAFF_NO")]
        staff: Option<String>,
    },
    /// List the accounts.
    List,
    /// Disable an account (kept for the audit log).
    Remove { login: String },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Admin,
    Hr,
    Supervisor,
    Staff,
}
