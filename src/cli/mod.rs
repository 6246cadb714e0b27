//! The command line: opens the database, decides who is acting, runs one command.
//! No UI here; every message comes from the catalogues.

pub mod args;
mod backup;
mod batch;
mod calendar;
mod exam;
mod export;
mod flow;
mod import;
mod notice;
mod ops;
mod plans;
mod reorg;
mod report;
mod settings;
mod transfer;
mod users;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub use args::Cli;
use args::{Command, LangArg};

use crate::domain::Date;
use crate::domain::account::{Account, Role};
use crate::i18n::{Lang, error_text, newest_backup};
use crate::store::{Db, OpenMode, StoreError};

/// A failure of a command: what to print and how to exit (2: bad input, 1: anything else).
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    pub fn input(message: String) -> Failure {
        Failure { message, code: 2 }
    }
    pub fn system(message: String) -> Failure {
        Failure { message, code: 1 }
    }
    pub(crate) fn store(lang: Lang, e: &StoreError) -> Failure {
        let mut message = error_text(lang, e);
        if let StoreError::Damaged { path } = e
            && let Some(dirs) = crate::config::project_dirs()
            && let Some(line) = newest_backup(lang, &dirs.data_dir().join("backups"), path)
        {
            message = format!("{message} {line}");
        }
        Failure {
            message,
            code: if e.is_user_error() { 2 } else { 1 },
        }
    }
}

pub type CmdResult = Result<(), Failure>;

/// Prints a line to standard output. A reader that has gone (`| head`) ends the program
/// quietly; any other write error (a full disk) is reported and exits 1.
#[macro_export]
macro_rules! say {
    () => { $crate::cli::say_line(format_args!("")) };
    ($($arg:tt)*) => { $crate::cli::say_line(format_args!($($arg)*)) };
}

/// Prints a line to standard error, scrubbed as [`say!`]'s are: messages quote names,
/// file contents and settings as much as the output does.
#[macro_export]
macro_rules! say_err {
    ($($arg:tt)*) => { $crate::cli::say_err_line(format_args!($($arg)*)) };
}

/// A line as it may reach a terminal: the scrub every frame of the screens gets
/// ([`crate::text::shown`]), so that nothing read from the data (a name written around
/// jinji, a file, the settings) reaches the terminal as a control: no escape sequence,
/// C0 or C1 control, bidi control or zero-width character. Applied whether or not the
/// output is a terminal (a pipe may end in one, `| less -R` or a log read with `cat`).
/// Exports are not lines: `jinji export` to standard output writes the data byte for
/// byte, as into a file.
/// A tab or a line break only moves the cursor: they stay, as the separators of columns
/// (`jinji calendar`) and of lines.
pub fn terminal_line(args: std::fmt::Arguments<'_>) -> String {
    let line = args.to_string();
    if !line.contains(['\t', '\n']) {
        return crate::text::shown(&line).into_owned();
    }
    let mut out = String::with_capacity(line.len());
    for piece in line.split_inclusive(['\t', '\n']) {
        let (body, sep) = match piece.char_indices().last() {
            Some((i, c @ ('\t' | '\n'))) => (&piece[..i], Some(c)),
            _ => (piece, None),
        };
        out.push_str(&crate::text::shown(body));
        out.extend(sep);
    }
    out
}

pub fn say_line(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let line = terminal_line(args);
    let mut out = std::io::stdout().lock();
    if let Err(e) = out
        .write_all(line.as_bytes())
        .and_then(|_| out.write_all(b"\n"))
        .and_then(|_| out.flush())
    {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        say_err_line(format_args!("jinji: -: {e}"));
        std::process::exit(1);
    }
}

/// Standard error gone (closed, full) leaves nowhere to say so: the exit code speaks.
pub fn say_err_line(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let line = terminal_line(args);
    let mut err = std::io::stderr().lock();
    let _ = err
        .write_all(line.as_bytes())
        .and_then(|_| err.write_all(b"\n"));
}

/// What every command knows: the language, the paths, who asked, and what day it is.
pub struct Ctx {
    pub lang: Lang,
    pub config: crate::config::Config,
    /// `--lang` was given: files get headers in that language (English otherwise, so
    /// scripts see the same headers whatever the locale).
    pub lang_explicit: bool,
    pub db_flag: Option<PathBuf>,
    pub user_flag: Option<String>,
    /// The one clock of every command: `--today`, else the real date (read once, at the
    /// start). Decisions by date take it from here; stamps of when something happened
    /// (audit rows, backup names) keep the real time.
    pub today: Date,
}

impl Ctx {
    pub fn err(&self, e: StoreError) -> Failure {
        Failure::store(self.lang, &e)
    }

    /// The database to work on: `--db`, else `name` in the data directory.
    pub fn db_path(&self, name: &str) -> Result<PathBuf, Failure> {
        match &self.db_flag {
            Some(p) => Ok(p.clone()),
            None => Ok(data_dir(self.lang)?.join(name)),
        }
    }

    /// Opens a database, naming the file in any error.
    pub fn open(&self, path: &Path, mode: OpenMode) -> Result<Db, Failure> {
        Db::open(path, mode).map_err(|e| self.err(e))
    }

    /// The account acting: `--user` if honoured, else the OS user. An unknown or disabled
    /// account is refused: the database's accounts decide who may read it.
    pub fn account(&self, db: &mut Db) -> Result<Account, Failure> {
        let os = os_login(self.lang)?;
        let lang = self.lang;
        let find = |db: &Db, login: &str| -> Result<Account, Failure> {
            match db
                .account_by_login(login)
                .map_err(|e| Failure::store(lang, &db.about_file(e)))?
            {
                Some(a) if a.active => Ok(a),
                Some(_) => Err(Failure::input(
                    lang.tf("err.inactive_account", &[("login", &login)]),
                )),
                None => Err(Failure::input(lang.tf(
                    "err.no_account",
                    &[("login", &login), ("path", &db.path().display())],
                ))),
            }
        };
        let account = match &self.user_flag {
            Some(u) if *u != os => {
                let demo = db.is_demo().map_err(|e| self.err(e))?;
                let me_admin = find(db, &os).is_ok_and(|a| a.role == Role::Admin);
                if !demo && !me_admin {
                    log_refused_user(db.path(), &os, u);
                    return Err(Failure::input(lang.t("err.user_flag").into()));
                }
                find(db, u)?
            }
            _ => find(db, &os)?,
        };
        db.set_actor(&account.login);
        // The store's rules by date take the command's day; staff rows catch up with any
        // post whose day has come (where this command may write; see `store::posts`).
        let today = self.today;
        db.set_today(today);
        let caught = db.follow_posts(today).map_err(|e| self.err(e))?;
        if !caught.refused.is_empty() {
            crate::say_err!(
                "{}",
                lang.tf("err.posts_not_followed", &[("n", &caught.refused.len())])
            );
        }
        Ok(account)
    }

    /// A date flag, or the clock's today when it is not given.
    pub fn date_or_today(&self, s: &Option<String>) -> Result<Date, Failure> {
        match s {
            Some(s) => parse_date(self.lang, s),
            None => Ok(self.today),
        }
    }

    pub fn require(&self, account: &Account, roles: &[Role], key: &str) -> CmdResult {
        if roles.contains(&account.role) {
            Ok(())
        } else {
            Err(Failure::input(self.lang.t(key).into()))
        }
    }
}

/// Writes a refused `--user` into the audit log, through a connection of its own (the
/// command may have opened the file read-only). A file no one may write keeps no record:
/// the refusal stands all the same.
fn log_refused_user(path: &Path, os: &str, wanted: &str) {
    if let Ok(mut w) = Db::open(path, OpenMode::Existing) {
        w.set_actor(os);
        let _ = w.log_refused_user(wanted);
    }
}

/// A bar on standard error (nothing when it is not a terminal): rows done of all, rate
/// and time left; a spinner when the total is not known yet.
pub(crate) fn progress_bar(total: Option<u64>) -> indicatif::ProgressBar {
    match total {
        Some(n) => {
            let b = indicatif::ProgressBar::new(n);
            if let Ok(s) = indicatif::ProgressStyle::with_template(
                "{msg} [{bar:30}] {human_pos}/{human_len} {per_sec} ETA {eta}",
            ) {
                b.set_style(s.progress_chars("=> "));
            }
            b
        }
        None => {
            let b = indicatif::ProgressBar::new_spinner();
            b.enable_steady_tick(std::time::Duration::from_millis(120));
            b
        }
    }
}

/// The login of the person running the program: the name the password database (files,
/// LDAP, whatever NSS is set to) gives the process's real user id. Never the environment:
/// `USER=admin jinji …` is still whoever runs it.
#[cfg(unix)]
pub fn os_login(lang: Lang) -> Result<String, Failure> {
    use nix::unistd::{Uid, User};
    let uid = Uid::current();
    match User::from_uid(uid) {
        Ok(Some(user)) => Ok(user.name),
        Ok(None) => Err(Failure::system(lang.tf("err.no_login", &[("uid", &uid)]))),
        Err(e) => Err(Failure::system(
            lang.tf("err.login", &[("uid", &uid), ("reason", &e.desc())]),
        )),
    }
}

/// Elsewhere there is no password database to ask, and the environment is not asked.
#[cfg(not(unix))]
pub fn os_login(lang: Lang) -> Result<String, Failure> {
    Err(Failure::system(lang.tf("err.no_login", &[("uid", &"?")])))
}

/// Where jinji keeps its files: the data directory (0700, or 2770 for a group).
pub fn data_dir(lang: Lang) -> Result<PathBuf, Failure> {
    let dirs = crate::config::project_dirs()
        .ok_or_else(|| Failure::system(lang.t("err.data_dir").into()))?;
    let dir = dirs.data_dir().to_path_buf();
    crate::store::machine::files::private_dir(&dir).map_err(|e| Failure::store(lang, &e))?;
    Ok(dir)
}

pub fn parse_date(lang: Lang, s: &str) -> Result<Date, Failure> {
    Date::read(s).map_err(|e| Failure::input(date_text(lang, "err.bad_date", s, e)))
}

/// Why `s` is not a date, in the words of `malformed` when it is not written as one.
pub fn date_text(lang: Lang, malformed: &str, s: &str, e: crate::domain::DateProblem) -> String {
    match e {
        crate::domain::DateProblem::Malformed => lang.tf(malformed, &[("value", &s)]),
        crate::domain::DateProblem::NoSuchDay => lang.tf("err.no_such_date", &[("value", &s)]),
    }
}

pub fn run(cli: Cli) -> ExitCode {
    // --lang, else the settings file, else the locale.
    let env_lang = Lang::from_env();
    let config = crate::config::default_path()
        .map(|p| crate::config::Config::load(&p, env_lang))
        .unwrap_or_default();
    if let Some(gid) = config.group {
        crate::store::machine::files::share_with_group(gid);
    }
    // Said on the terminal too: a command's output is all a script sees.
    for p in &config.problems {
        crate::say_err!("{p}");
    }
    let lang = match cli.lang {
        Some(LangArg::Ja) => Lang::Ja,
        Some(LangArg::En) => Lang::En,
        None => config.lang.unwrap_or(env_lang),
    };
    // The clock is read here and nowhere else.
    let today = match &cli.today {
        Some(s) => match parse_date(lang, s) {
            Ok(d) => d,
            Err(f) => return fail(f),
        },
        None => Date::today(),
    };
    let ctx = Ctx {
        config,
        today,
        lang_explicit: cli.lang.is_some(),
        lang,
        db_flag: cli.db.clone(),
        user_flag: cli.user.clone(),
    };
    let result = match cli.command {
        None => ops::summary(&ctx),
        Some(Command::Demo { staff, rng_seed }) => ops::demo(&ctx, staff, rng_seed),
        Some(Command::Init) => ops::init(&ctx),
        Some(Command::Seed {
            staff,
            years,
            rng_seed,
        }) => ops::seed(&ctx, staff, years, rng_seed),
        Some(Command::Export {
            kind,
            format,
            encoding,
            out,
            as_of,
        }) => export::run(
            &ctx,
            &kind,
            format,
            encoding,
            out.as_deref(),
            as_of.as_deref(),
        ),
        Some(Command::Import {
            kind,
            file,
            dry_run,
            encoding,
        }) => import::run(&ctx, &kind, &file, dry_run, encoding),
        Some(Command::Backup { file, keep }) => backup::backup(&ctx, file.as_deref(), keep),
        Some(Command::Report { action }) => report::run(&ctx, action),
        Some(Command::Restore { file, keep }) => backup::restore(&ctx, &file, keep),
        Some(Command::Check) => backup::check(&ctx),
        Some(Command::Users { action }) => users::run(&ctx, action),
        Some(Command::Eval(a)) => flow::eval(&ctx, a),
        Some(Command::Settings { key, value }) => settings::run(&ctx, key, value),
        Some(Command::Transfer { action }) => transfer::run(&ctx, action),
        Some(Command::Reorg { action }) => reorg::run(&ctx, action),
        Some(Command::Exam { action }) => exam::run(&ctx, action),
        Some(Command::Retire {
            action: args::RetireCommand::Teinen { year, dry_run },
        }) => batch::teinen(&ctx, year, dry_run),
        Some(Command::LongService {
            years,
            base_date,
            nominate,
        }) => batch::long_service(&ctx, years, &base_date, nominate),
        Some(Command::Overdue { year }) => batch::overdue(&ctx, year),
        Some(Command::Pdca { action }) => flow::pdca(&ctx, action),
        Some(Command::Calendar { action, year }) => calendar::run(&ctx, action, year),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => fail(f),
    }
}

fn fail(f: Failure) -> ExitCode {
    crate::say_err!("jinji: {}", f.message);
    ExitCode::from(f.code)
}
