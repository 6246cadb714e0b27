//! The `x` file menu of the screens: what it offers to whom, the jobs it starts off the
//! UI thread (an export in each format, a report, a backup) and what they leave on disk,
//! cancelling, and snapshots of the menu and of the progress modal.

use crate::support::cli;
use crate::support::driver;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use calamine::{Data, Reader, open_workbook_auto};
use driver::*;
use jinji::app::action::Action;
use jinji::app::files::{FileItem, FileMenu};
use jinji::app::jobs::Job;
use jinji::app::{App, Modal};
use jinji::demo::{Params, generate};
use jinji::domain::account::{Account, Role};
use jinji::i18n::Lang;
use jinji::sheet::write::Format;
use jinji::store::{Db, OpenMode};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;

/// A demo ward in a file, the admin's app over it, exports and backups in the temp dir.
fn world(params: &Params) -> (TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    demo_file(&db, params);
    let mut app = app_on_file(&db);
    point_dirs(&mut app, dir.path());
    (dir, app)
}

fn point_dirs(app: &mut App, dir: &Path) {
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    app.session.dirs.export_dir = out;
    app.session.dirs.backups_dir = dir.join("backups");
}

/// The app of the first active account with `role` that is a person, over the same file.
fn app_as_role(dir: &TempDir, role: Role) -> App {
    let db = Db::open(&dir.path().join("w.db"), OpenMode::Existing).unwrap();
    let acct: Account = db
        .accounts()
        .unwrap()
        .into_iter()
        .find(|a| a.role == role && a.active && a.staff_id.is_some())
        .unwrap_or_else(|| panic!("no {role:?} in the demo"));
    let mut app = App::new(db, Lang::Ja, acct, today()).unwrap();
    app.update(Action::Resize(120, 40));
    point_dirs(&mut app, dir.path());
    app
}

#[track_caller]
fn menu(app: &App) -> &FileMenu {
    match app.modals.last() {
        Some(Modal::Files(m)) => m,
        _ => panic!("no file menu on top (mode {:?})", app.mode()),
    }
}

fn items(app: &mut App) -> Vec<FileItem> {
    app.update(Action::Files);
    let v = menu(app).items.iter().map(|(i, _)| *i).collect();
    app.update(Action::Cancel);
    assert!(app.modals.is_empty(), "Esc closes the menu");
    v
}

/// Opens the menu, moves down to the first item that `pick` likes, and chooses it: a job
/// is then under way, its bar on top.
#[track_caller]
fn choose(app: &mut App, pick: impl Fn(&FileItem) -> bool) {
    app.update(Action::Files);
    let i = menu(app)
        .items
        .iter()
        .position(|(it, _)| pick(it))
        .expect("the menu offers it");
    for _ in 0..i {
        app.update(Action::Down);
    }
    assert_eq!(menu(app).selected, i);
    app.update(Action::Submit);
    assert!(app.job.is_some(), "a job is under way");
    assert!(
        matches!(app.modals.last(), Some(Modal::Job)),
        "its bar on top"
    );
}

/// Ticks until the job is over; the message that replaced its bar.
#[track_caller]
fn finish(app: &mut App) -> String {
    let start = Instant::now();
    while app.job.is_some() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the job never ended"
        );
        std::thread::sleep(Duration::from_millis(5));
        app.update(Action::Tick);
    }
    assert!(
        !app.modals.iter().any(|m| matches!(m, Modal::Job)),
        "the bar went"
    );
    // Done with nothing more to say: a word in the status line; otherwise a message.
    message(app)
        .map(str::to_string)
        .or_else(|| app.shown.notice.clone())
        .expect("a message on top or a word in the status line")
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// The one file a job wrote in `dir`, named in its message.
#[track_caller]
fn written(dir: &Path, msg: &str) -> PathBuf {
    let files = files_in(dir);
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(msg.contains(&files[0].display().to_string()), "{msg}");
    #[cfg(unix)]
    assert_eq!(cli::mode(&files[0]), 0o600);
    files[0].clone()
}

fn labels(app: &App) -> Vec<String> {
    let l = list(app);
    l.view
        .columns
        .iter()
        .map(|c| app.session.lang.field(c.key).to_string())
        .collect()
}

const EXPORTS: [(Format, bool, &str); 4] = [
    (Format::Xlsx, false, "files.xlsx"),
    (Format::Csv, false, "files.csv"),
    (Format::Csv, true, "files.csv_sjis"),
    (Format::Json, false, "files.json"),
];

#[test]
fn the_menu_on_the_roster_offers_formats_reports_and_a_backup() {
    let (_dir, mut app) = world(&small_params());
    assert_eq!(app.view_name(), "staff");
    let person = list(&app).current().unwrap().id;
    let root = app
        .session
        .db
        .units()
        .unwrap()
        .into_iter()
        .find(|u| u.parent_id.is_none())
        .unwrap();
    app.update(Action::Files);
    let m = menu(&app);
    let got: Vec<FileItem> = m.items.iter().map(|(i, _)| *i).collect();
    let mut want: Vec<FileItem> = EXPORTS
        .iter()
        .map(|(format, cp932, _)| FileItem::Export {
            format: *format,
            cp932: *cp932,
        })
        .collect();
    want.push(FileItem::EvalSheet(person));
    // Their 発令通知書 once they have a 発令; their 内示書 while a plan moves them.
    let db = &app.session.db;
    if !db.appointments_of(person).unwrap().is_empty() {
        want.push(FileItem::Appointment(person));
    }
    let staff = db.get::<jinji::domain::staff::Staff>(person).unwrap();
    if jinji::sheet::report::notice::naiji_move(db, &staff, None)
        .unwrap()
        .is_some()
    {
        want.push(FileItem::Naiji(person));
    }
    let notices = want.len() - 5;
    want.extend([FileItem::UnitSummary(root.id), FileItem::Backup]);
    assert_eq!(got, want);
    for (i, (_, _, key)) in EXPORTS.iter().enumerate() {
        assert_eq!(m.items[i].1, app.session.lang.t(key));
    }
    let name = app
        .session
        .db
        .find::<jinji::domain::staff::Staff>(person)
        .unwrap()
        .unwrap()
        .full_name();
    assert!(m.items[4].1.contains(&name), "{}", m.items[4].1);
    assert!(
        m.items[5 + notices].1.contains(&root.name),
        "{}",
        m.items[5 + notices].1
    );
    assert_eq!(m.items[6 + notices].1, app.session.lang.t("files.backup"));
    app.update(Action::Cancel);

    // On another list, with no one in focus, the admin gets no evaluation sheet.
    app.update(Action::GoTab(1));
    assert!(
        !items(&mut app)
            .iter()
            .any(|i| matches!(i, FileItem::EvalSheet(_)))
    );
}

#[test]
fn an_xlsx_export_holds_every_row_of_the_roster() {
    let (dir, mut app) = world(&small_params());
    let total = list(&app).total;
    let first = list(&app).rows[0].cells[0].as_text();
    let heads = labels(&app);
    choose(&mut app, |i| {
        matches!(
            i,
            FileItem::Export {
                format: Format::Xlsx,
                ..
            }
        )
    });
    let msg = finish(&mut app);
    let f = written(&dir.path().join("out"), &msg);
    assert!(msg.contains(&total.to_string()), "{msg}");
    let mut book = open_workbook_auto(&f).unwrap();
    let sheet = book.sheet_names()[0].clone();
    assert_eq!(sheet, app.session.lang.t("view.staff"));
    let range = book.worksheet_range(&sheet).unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    let head: Vec<String> = rows[0].iter().map(|d| d.to_string()).collect();
    assert_eq!(head, heads, "the view's column labels");
    assert_eq!(rows.len() - 1, total, "one row per person in the list");
    assert_eq!(rows[1][0].to_string(), first, "in the list's order");
}

#[test]
fn a_shift_jis_csv_decodes_as_shift_jis() {
    let (dir, mut app) = world(&small_params());
    let total = list(&app).total;
    let heads = labels(&app);
    choose(&mut app, |i| {
        *i == FileItem::Export {
            format: Format::Csv,
            cp932: true,
        }
    });
    let msg = finish(&mut app);
    let bytes = std::fs::read(written(&dir.path().join("out"), &msg)).unwrap();
    assert!(!bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "no UTF-8 BOM");
    assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8");
    let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&bytes);
    assert!(!bad, "clean Shift_JIS");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], heads.join(","));
    assert_eq!(lines.len() - 1, total);
    let first = list(&app).rows[0].cells[1].as_text();
    assert!(lines[1].contains(&first), "{} lacks {first}", lines[1]);
}

#[test]
fn a_backup_from_the_menu_passes_check() {
    let (dir, mut app) = world(&small_params());
    choose(&mut app, |i| *i == FileItem::Backup);
    let msg = finish(&mut app);
    let f = written(&dir.path().join("backups"), &msg);
    let w = cli::Scratch::new();
    let out = w.run(&["--db", cli::s(&f), "check"]).ok();
    assert!(out.stdout.contains("sound"), "{}", out.stdout);
    assert!(files_in(&dir.path().join("out")).is_empty(), "no export");
}

#[test]
fn reports_from_the_menu_are_workbooks() {
    let (dir, mut app) = world(&small_params());
    let out = dir.path().join("out");
    let no = list(&app).current().unwrap().cells[0].as_text();
    choose(&mut app, |i| matches!(i, FileItem::EvalSheet(_)));
    let msg = finish(&mut app);
    let f = written(&out, &msg);
    let name = format!("eval-sheet-{no}-{}.xlsx", app.nav.fiscal_year);
    assert_eq!(f.file_name().unwrap().to_string_lossy(), name);
    let mut book = open_workbook_auto(&f).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(range.get_value((2, 1)).map(|d| d.to_string()), Some(no));
    std::fs::remove_file(&f).unwrap();

    app.update(Action::Cancel);
    choose(&mut app, |i| matches!(i, FileItem::UnitSummary(_)));
    let msg = finish(&mut app);
    let f = written(&out, &msg);
    assert!(
        f.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("unit-summary-")
    );
    let bytes = std::fs::read(&f).unwrap();
    let has = |n: &str| bytes.windows(n.len()).any(|x| x == n.as_bytes());
    assert!(has("xl/charts/chart4.xml"), "with its charts");
}

#[test]
fn a_staff_member_gets_no_backup() {
    let (dir, _admin) = world(&small_params());
    let mut app = app_as_role(&dir, Role::Staff);
    let me = app.session.me.clone().unwrap();
    let got = items(&mut app);
    assert!(!got.contains(&FileItem::Backup), "{got:?}");
    assert!(
        got[..4]
            .iter()
            .all(|i| matches!(i, FileItem::Export { .. }))
    );
    assert!(got.contains(&FileItem::EvalSheet(me.id)), "their own sheet");
    app.update(Action::Files);
    let backup = app.session.lang.t("files.backup");
    assert!(menu(&app).items.iter().all(|(_, l)| l != backup));
}

/// The unit summary offered covers only units the account may see (the CLI refuses the
/// others as not found).
#[test]
fn the_unit_summary_offered_stays_within_sight() {
    let (dir, _admin) = world(&small_params());
    let mut beyond = Vec::new();
    for role in [Role::Supervisor, Role::Staff] {
        let mut app = app_as_role(&dir, role);
        // Both scopes: everyone, then the account's own section (`u`).
        for _ in 0..2 {
            let seen = app
                .session
                .visible
                .units()
                .map(<[_]>::to_vec)
                .unwrap_or_default();
            for item in items(&mut app) {
                if let FileItem::UnitSummary(id) = item {
                    let sub = app.session.db.unit_subtree(id).unwrap();
                    if !sub.iter().all(|u| seen.contains(u)) {
                        beyond.push(format!(
                            "{}: unit {id} {sub:?} ⊄ {seen:?}",
                            app.session.account.login
                        ));
                    }
                }
            }
            app.update(Action::NextScope);
        }
    }
    assert!(beyond.is_empty(), "{beyond:#?}");
}

/// Esc under the bar: either the work stopped and nothing is left, or it had already
/// finished and the file is whole.
#[test]
fn cancelling_an_export_leaves_no_partial_file() {
    let (dir, mut app) = world(&demo_params());
    let total = list(&app).total;
    choose(&mut app, |i| {
        *i == FileItem::Export {
            format: Format::Csv,
            cp932: false,
        }
    });
    app.update(Action::Cancel);
    assert!(app.job.as_ref().unwrap().cancelling, "asked to stop");
    let msg = finish(&mut app);
    let out = dir.path().join("out");
    if msg == app.session.lang.t("err.cancelled") {
        assert!(
            files_in(&out).is_empty(),
            "nothing half-written: {:?}",
            files_in(&out)
        );
    } else {
        let f = written(&out, &msg);
        let text = std::fs::read_to_string(f).unwrap();
        assert_eq!(text.lines().count(), total + 1, "complete: {msg}");
    }
    app.update(Action::Cancel);
    assert!(app.modals.is_empty());
}

// ---- snapshots (rendered as ui/screens.rs renders them: `driver::buffer_text`) ----

const LANGS: [(Lang, &str); 2] = [(Lang::Ja, "ja"), (Lang::En, "en")];

/// The demo ward in memory (so the header shows `:memory:`, not a temp path), as admin.
fn snap_app(lang: Lang) -> App {
    let db = Db::open_in_memory().unwrap();
    generate(&db, &Params::demo(today())).unwrap();
    let admin = db.account_by_login("admin").unwrap().unwrap();
    let mut a = App::new(db, lang, admin, today()).unwrap();
    a.update(Action::Resize(120, 40));
    a
}

fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| jinji::ui::render(app, f)).unwrap();
    buffer_text(t.backend().buffer())
}

#[test]
fn snapshot_the_file_menu_on_the_roster() {
    for (lang, code) in LANGS {
        let mut a = snap_app(lang);
        a.update(Action::Files);
        // Four formats, the first person's evaluation sheet and 内示書 (a plan moves
        // her), the ward's summary, a backup.
        assert_eq!(menu(&a).items.len(), 8);
        insta::assert_snapshot!(format!("{code}_files_menu_staff"), screen(&a));
    }
}

/// The bar of an export half done, then asked to stop. The work waits on a channel
/// until the screens are taken.
#[test]
fn snapshot_the_progress_modal() {
    for (lang, code) in LANGS {
        let mut a = snap_app(lang);
        let (go, wait) = std::sync::mpsc::channel::<()>();
        let view = lang.t("view.staff");
        let title = lang.tf("job.exporting", &[("view", &view)]);
        let mut job = Job::spawn(title, move |_| {
            let _ = wait.recv();
            Ok("done".into())
        });
        job.done = 150;
        job.total = Some(300);
        a.job = Some(job);
        a.modals.push(Modal::Job);
        // Half done in no time: about 1 s left.
        a.job.as_mut().unwrap().started = Instant::now();
        insta::assert_snapshot!(format!("{code}_job_progress"), screen(&a));
        a.update(Action::Cancel);
        assert!(a.job.as_ref().unwrap().cancelling);
        a.job.as_mut().unwrap().started = Instant::now();
        insta::assert_snapshot!(format!("{code}_job_cancelling"), screen(&a));
        go.send(()).unwrap();
        assert_eq!(finish(&mut a), "done");
    }
}

/// Two exports of one list in the same second both land, each in a file of its own, and
/// no file that was there is touched. The second of each export's name is taken ahead by
/// a file for every second of the next two minutes, so the two exports meet a taken name
/// however long they take.
#[test]
fn two_exports_of_one_list_in_the_same_second_both_land() {
    let (dir, mut app) = world(&small_params());
    let out = dir.path().join("out");
    // The app's wall clock, fixed: file names never depend on the real time.
    app.session.clock = || {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
            .and_then(|d| d.and_hms_opt(9, 30, 0))
            .expect("a time")
    };
    let now = (app.session.clock)();
    let taken: Vec<PathBuf> = (0..120)
        .map(|s| {
            let at = now + chrono::Duration::seconds(s);
            let p = out.join(format!("staff-{}.csv", at.format("%Y%m%d-%H%M%S")));
            std::fs::write(&p, "taken").unwrap();
            p
        })
        .collect();
    let csv = |i: &FileItem| {
        matches!(
            i,
            FileItem::Export {
                format: Format::Csv,
                cp932: false
            }
        )
    };
    let mut made = Vec::new();
    for _ in 0..2 {
        choose(&mut app, csv);
        let msg = finish(&mut app);
        let new: Vec<PathBuf> = files_in(&out)
            .into_iter()
            .filter(|p| !taken.contains(p) && !made.contains(p))
            .collect();
        assert_eq!(new.len(), 1, "one new file: {msg}");
        assert!(msg.contains(&new[0].display().to_string()), "{msg}");
        made.push(new[0].clone());
        app.update(Action::Cancel);
    }
    for p in &taken {
        assert_eq!(
            std::fs::read_to_string(p).unwrap(),
            "taken",
            "{}",
            p.display()
        );
    }
    let rows = list(&app).total;
    for p in &made {
        let text = std::fs::read_to_string(p).unwrap();
        assert_eq!(text.lines().count(), rows + 1, "{}", p.display());
    }
}

/// `x` on a person in focus offers their 発令通知書 and 内示書 (HR office): each is written
/// to the export directory as the text `jinji report appointment` / `report naiji` print,
/// and the status line names the file.
#[test]
fn the_menu_writes_a_persons_notices_as_the_command_line_prints_them() {
    let (dir, mut app) = world(&small_params());
    let out = dir.path().join("out");
    let db = &app.session.db;
    // Someone the demo's plan moves who has a 発令 of the past Aprils.
    let person = db
        .transfer_plans()
        .unwrap()
        .into_iter()
        .flat_map(|p| db.transfer_moves(p.id).unwrap())
        .map(|m| db.get::<jinji::domain::staff::Staff>(m.staff_id).unwrap())
        .find(|s| !db.appointments_of(s.id).unwrap().is_empty())
        .expect("a mover with a 発令");
    let no = person.staff_no.clone();
    app.nav.focus = Some(person.clone());
    let got = items(&mut app);
    assert!(got.contains(&FileItem::Appointment(person.id)), "{got:?}");
    assert!(got.contains(&FileItem::Naiji(person.id)), "{got:?}");
    let w = cli::Scratch::new();
    for (item, kind) in [
        (FileItem::Appointment(person.id), "appointment"),
        (FileItem::Naiji(person.id), "naiji"),
    ] {
        choose(&mut app, |i| *i == item);
        let msg = finish(&mut app);
        assert!(app.shown.notice.is_some(), "a word in the status line");
        let f = written(&out, &msg);
        assert!(
            f.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{kind}-{no}-")),
            "{f:?}"
        );
        let printed = w
            .run(&[
                "--db",
                cli::s(&dir.path().join("w.db")),
                "--user",
                "hr1",
                "--lang",
                "ja",
                "report",
                kind,
                &no,
            ])
            .ok()
            .stdout;
        assert_eq!(std::fs::read_to_string(&f).unwrap(), printed, "{kind}");
        std::fs::remove_file(&f).unwrap();
    }
    // Staff see no plan: no 内示書 for them.
    let mut mine = app_as_role(&dir, Role::Staff);
    assert!(
        !items(&mut mine)
            .iter()
            .any(|i| matches!(i, FileItem::Naiji(_)))
    );
}
