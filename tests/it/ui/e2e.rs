//! End to end: the real `jinji` binary in a pseudo-terminal, typed at key by key, its
//! screen read back through a terminal emulator (vt100), and the database it wrote read
//! afterwards.
//!
//! One session, as a clerk would use it: build the demo, visit every tab, find 山田 by
//! romaji, put them in focus, add a qualification in a form, save, quit. Then: the
//! terminal is restored (main screen, cooked mode, no bracketed paste), the row is in the
//! database, and the audit log names the clerk.
#![cfg(unix)]

use crate::support::pty;

use jinji::store::Cell;
use jinji::store::export::kind;
use jinji::store::{Db, OpenMode};
use pty::{Session, TODAY, locate, locate_below, login, row};

const QUALIFICATION: &str = "第二種電気工事士";

/// The count at the end of the view bar (row 2): `… 12 件`.
fn list_count(screen: &vt100::Screen) -> Option<u64> {
    let bar = row(screen, 2);
    let before = bar.trim_end().strip_suffix("件")?.trim_end();
    let digits: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.chars().rev().collect::<String>().parse().ok()
}

#[test]
fn a_clerk_finds_a_person_adds_a_qualification_and_quits() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut s = Session::spawn(home.path(), &["demo", "--today", TODAY]);

    // The staff list, in Japanese, in the alternate screen.
    s.wait_for("[職員名簿]");
    assert!(
        s.parser.lock().expect("lock").screen().alternate_screen(),
        "the screens open in the alternate screen"
    );

    // Every tab, by its number: the view bar marks the tab's first view.
    let tabs = [
        ('1', "職員名簿"),
        ('2', "自己申告"),
        ('3', "人事評価"),
        ('4', "配置履歴"),
        ('5', "受講"),
        ('6', "表彰"),
        ('7', "コンプライアンス"),
        ('8', "PDCAサイクル"),
    ];
    for (key, title) in tabs.iter().skip(1).chain(tabs.iter().take(1)) {
        s.keys(&key.to_string());
        s.wait_for(&format!("[{title}]"));
        // The list's own frame is titled too.
        s.wait_for(&format!("┌{title}─"));
    }

    // Search by romaji, one key at a time.
    s.keys("/");
    s.wait_for("┌職員を探す");
    s.keys("yamada");
    s.wait_until("山田 in the search results", |scr| {
        let Some((r0, c0)) = locate(scr, "┌職員を探す") else {
            return false;
        };
        let inner: Vec<String> = scr.rows(c0 + 1, 78).skip(r0 as usize + 1).collect();
        // Input line, hint, then one line per person.
        inner.first().is_some_and(|l| l.starts_with("/ yamada"))
            && inner
                .get(2)
                .is_some_and(|l| l.contains("山田") && l.contains("ヤマダ"))
    });
    // The staff number of the first result, the one Enter picks.
    let pick: String = {
        let p = s.parser.lock().expect("lock");
        let (r0, c0) = locate(p.screen(), "┌職員を探す").expect("search box");
        let first = p
            .screen()
            .rows(c0 + 1, 78)
            .nth(r0 as usize + 3)
            .expect("first result");
        first
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        pick.len() == 7 && pick.chars().all(|c| c.is_ascii_digit()),
        "a staff number first in the result line: {pick:?}"
    );
    s.send(b"\r");
    let focus = format!("対象者 {pick} 山田");
    s.wait_until(&format!("{focus:?} in the header"), |scr| {
        row(scr, 0).contains(&focus) && !scr.contents().contains("職員を探す")
    });

    // Career tab, then past the self-reports still due to its qualifications view:
    // only the person in focus.
    s.keys("2");
    s.wait_for("[自己申告]");
    s.keys("]");
    s.wait_for("[自己申告未提出]");
    s.keys("]");
    s.wait_for("[資格]");
    let before = s.wait_until("the qualification count", |scr| {
        scr.contents().contains("┌資格─") && list_count(scr).is_some()
    });
    let count = {
        let p = s.parser.lock().expect("lock");
        list_count(p.screen()).expect("count")
    };
    assert!(
        !before.contains(QUALIFICATION),
        "not there before the test adds it"
    );

    // A new qualification: the form starts on 職員番号, filled with the person in focus.
    s.keys("n");
    s.wait_for("資格 — 新規");
    s.wait_until("the focused staff number in the form", |scr| {
        locate(scr, "資格 — 新規")
            .and_then(|(top, _)| locate_below(scr, "職員番号", top))
            .is_some_and(|(r, _)| row(scr, r).contains(&pick))
    });
    s.send(b"\t");
    s.keys(QUALIFICATION);
    s.wait_until("the typed name in the 資格名 field", |scr| {
        locate(scr, "資格 — 新規")
            .and_then(|(top, _)| locate_below(scr, "資格名", top))
            .is_some_and(|(r, _)| row(scr, r).contains(QUALIFICATION))
    });
    s.send(b"\x13"); // Ctrl-s
    let after = s.wait_until("the form to close and the list to grow by one", |scr| {
        let text = scr.contents();
        !text.contains("資格 — 新規")
            && text.contains(QUALIFICATION)
            && list_count(scr) == Some(count + 1)
    });
    // The saved row is the selected one: its name is in the detail pane.
    assert!(
        after
            .lines()
            .any(|l| l.contains("資格名") && l.contains(QUALIFICATION)),
        "the detail pane shows the new qualification:\n{after}"
    );
    assert!(
        !after.contains('\x1b'),
        "no escape sequence shows through as text:\n{after}"
    );
    assert!(
        !after.contains("お知らせ"),
        "no message popped up:\n{after}"
    );

    // While the screens are up the terminal is raw (this also shows that the check after
    // exit reads the program's terminal, not some other).
    #[cfg(target_os = "linux")]
    assert!(
        !pty::cooked(&*s.master),
        "raw mode while the screens are up"
    );

    // Quit: the program ends, well, and gives the terminal back.
    s.keys("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status: {status:?}\n{}", s.text());
    s.assert_restored();
    assert!(
        s.text().contains("demo.db"),
        "the main screen shows what demo printed:\n{}",
        s.text()
    );
    drop(s);

    // The database: the row for the person in focus, and its audit entry by the clerk.
    let db = Db::open(
        &home.path().join("data").join("jinji").join("demo.db"),
        OpenMode::ReadOnly,
    )
    .expect("open the demo database");
    let mut found = Vec::new();
    db.export_all(kind("qualifications").expect("kind"), |cells| {
        let t: Vec<String> = cells.iter().map(Cell::as_text).collect();
        if t[1] == QUALIFICATION {
            found.push(t);
        }
        Ok(())
    })
    .expect("export qualifications");
    assert_eq!(found.len(), 1, "exactly one new qualification: {found:?}");
    assert_eq!(found[0][0], pick, "for the person in focus: {found:?}");
    assert_eq!(found[0][2], TODAY, "acquired today by default: {found:?}");

    let mut audit = Vec::new();
    db.export_all(kind("audit").expect("kind"), |cells| {
        let t: Vec<String> = cells.iter().map(Cell::as_text).collect();
        if t[3] == "insert" && t[4] == "qualifications" && t[7].contains(QUALIFICATION) {
            audit.push(t);
        }
        Ok(())
    })
    .expect("export audit");
    assert_eq!(audit.len(), 1, "one audit insert: {audit:?}");
    assert_eq!(
        audit[0][2],
        login(),
        "the audit row names the clerk: {audit:?}"
    );
}
