//! A paste and the IME's cursor in the real binary: three lines pasted into a text area
//! (bracketed paste, as terminals send it) show as three rows and are stored as three
//! lines; the terminal's cursor sits where the next character goes, so an IME composes
//! in place; the same paste into a one-line field is joined and said.
#![cfg(unix)]

use crate::support::pty;

use jinji::domain::career::SelfReport;
use jinji::store::{Db, OpenMode};
use pty::{Session, TODAY, locate, locate_below, row};

const PASTE: &[u8] = "\x1b[200~一行目\r\n二行目\r\n三行目\x1b[201~".as_bytes();

#[test]
fn three_pasted_lines_are_three_lines_and_the_cursor_follows_them() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut s = Session::spawn(home.path(), &["demo", "--today", TODAY]);
    s.wait_for("[職員名簿]");
    s.keys("2");
    s.wait_for("[自己申告]");
    s.keys("e");
    s.wait_for("自己申告 — 編集");
    // Down to キャリア目標 (past 職員番号 and 年度), emptied, then the paste.
    s.send(b"\t");
    s.send(b"\t");
    s.send(b"\x15"); // Ctrl-u
    s.send(PASTE);
    let screen = s.wait_until("three rows under キャリア目標", |scr| {
        locate(scr, "自己申告 — 編集")
            .and_then(|(top, _)| locate_below(scr, "キャリア目標", top))
            .is_some_and(|(r, _)| {
                row(scr, r).contains("一行目")
                    && row(scr, r + 1).contains("二行目")
                    && row(scr, r + 2).contains("三行目")
            })
    });
    assert!(!screen.contains('⏎'), "{screen}");
    // The cursor: on the third row, just after 三行目 (six columns of it).
    {
        let p = s.parser.lock().expect("lock");
        let scr = p.screen();
        let (top, _) = locate(scr, "自己申告 — 編集").expect("form");
        let (r, _) = locate_below(scr, "キャリア目標", top).expect("label");
        let (cr, cc) = scr.cursor_position();
        assert_eq!(cr, r + 2, "the cursor is on the last pasted row");
        let (_, c) = locate(scr, "三行目").expect("third line");
        assert_eq!(cc, c + 6, "the cursor follows 三行目");
        assert!(!scr.hide_cursor(), "the cursor shows where one types");
    }
    s.send(b"\x13"); // Ctrl-s
    s.wait_until("the form to close", |scr| {
        !scr.contents().contains("自己申告 — 編集")
    });

    // The same paste into a one-line field (氏 of the staff form): joined, and said.
    s.keys("1");
    s.wait_for("[職員名簿]");
    s.keys("e");
    s.wait_for("職員名簿 — 編集");
    s.send(b"\t");
    s.send(b"\x15");
    s.send(PASTE);
    s.wait_until("the lines joined in 氏, and a word on it", |scr| {
        let text = scr.contents();
        text.contains("一行目 二行目 三行目") && text.contains("1行にまとめました")
    });
    s.send(b"\x1b"); // Esc: asks before dropping the change
    s.wait_for("保存せずに閉じますか");
    s.keys("y");
    s.keys("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status: {status:?}\n{}", s.text());
    drop(s);

    let db = Db::open(
        &home.path().join("data").join("jinji").join("demo.db"),
        OpenMode::ReadOnly,
    )
    .expect("open the demo database");
    let first = db
        .staff_by_no("0000001")
        .expect("read")
        .expect("the first person");
    let report: SelfReport = db
        .self_report(first.id, 2026)
        .expect("read")
        .expect("a report");
    assert_eq!(report.career_goal, "一行目\n二行目\n三行目");
}
