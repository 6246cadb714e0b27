//! Hostile strings: escape sequences (a screen clear, an OSC 52 clipboard write, CSI
//! queries), C1 controls, bidi overrides and isolates, zero-width characters and 10 kB
//! of text. Imports refuse them, naming the row and column; and a database written
//! around jinji that holds them anyway shows them as plain text: nothing reaches the
//! terminal as a control (checked on the real binary's output bytes in a pseudo-terminal)
//! and the columns stay where they are.
#![cfg(unix)]

use crate::support::cli;
use crate::support::pty;

use std::path::Path;

use cli::{Scratch, s};
use pty::{COLS, Session, Spawn};

/// Family names that try to act on a terminal, each with visible text around it. The
/// visible part (what the screen must show) is the name without its controls.
const FAMILY: &str = "甲\u{1b}[2J乙";
const GIVEN: &str = "丙\u{1b}]52;c;aGVsbG8=\u{7}丁\u{202e}戊";
const KANA: &str = "\u{1b}[6nカ\u{9b}31mナ\u{200b}";
const EMAIL: &str = "x\u{2066}@y\u{feff}.jp\u{1b}P+q\u{1b}\\";

/// The phone number, a colour that crossterm never writes in this form (it sends each
/// attribute alone, colours as `38;5;N`), repeated to 10 kB.
const NOTE: &str = "注\u{1b}[1;31m意\u{202e}";

/// Every hostile value, for the import test (one per cell).
const HOSTILE: &[&str] = &[
    "\u{1b}[2J",
    "\u{1b}]52;c;aGVsbG8=\u{7}",
    "\u{1b}[6n",
    "\u{1b}[c",
    "\u{9b}6n",
    "\u{85}",
    "\u{202e}",
    "\u{2066}",
    "\u{200b}",
    "\u{feff}",
];

/// A staff file with one hostile cell per row (the family name), then a name of 10 kB.
#[test]
fn imports_refuse_every_hostile_cell_naming_its_row_and_column() {
    let w = Scratch::new();
    let db = w.demo("d.db");
    let unit: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT code FROM units WHERE kind = 'team' AND valid_to IS NULL ORDER BY code",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut csv = String::from(
        "staff_no,family_name,given_name,family_kana,given_kana,birth_date,hire_date,\
         unit_code,position,grade,job_type,sex\n",
    );
    let long = "長".repeat(5_000);
    for (i, v) in HOSTILE.iter().chain([&long.as_str()]).enumerate() {
        csv.push_str(&format!(
            "99{i:05},山{v}田,太郎,ヤマダ,タロウ,1980-04-01,2005-04-01,{unit},clerk,2,office,M\n"
        ));
    }
    std::fs::write(w.path("hostile.csv"), csv).unwrap();
    let before = w.snapshot();
    let out = w.run(&["--db", s(&db), "import", "staff", "hostile.csv"]);
    out.no_panic();
    assert_eq!(out.code, 2, "{out:#?}");
    for row in 2..2 + HOSTILE.len() + 1 {
        assert!(
            out.stdout
                .contains(&format!("hostile.csv:{row}:family_name:")),
            "row {row} is named: {}",
            out.stdout
        );
    }
    // The report itself carries none of the controls it names.
    for v in HOSTILE {
        assert!(!out.stdout.contains(v), "{v:?} echoed: {}", out.stdout);
    }
    before.assert_unchanged(&w.snapshot());
}

/// A demo ward whose first three people (by staff number) hold hostile names, written
/// straight into the file as a tool other than jinji might. Returns their staff numbers.
fn hostile_ward(home: &Path) -> (std::path::PathBuf, Vec<String>) {
    let db = home.join("d.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jinji"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("USER", pty::DECOY)
        .args([
            "--db",
            s(&db),
            "demo",
            "--staff",
            "60",
            "--today",
            pty::TODAY,
        ])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let c = rusqlite::Connection::open(&db).unwrap();
    let numbers: Vec<String> = c
        .prepare("SELECT staff_no FROM staff ORDER BY staff_no LIMIT 3")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let note = NOTE.repeat(1_000);
    for no in &numbers {
        c.execute(
            "UPDATE staff SET family_name = ?1, given_name = ?2, family_kana = ?3, email = ?4,
                              phone = ?5
             WHERE staff_no = ?6",
            rusqlite::params![FAMILY, GIVEN, KANA, EMAIL, note, no],
        )
        .unwrap();
    }
    (db, numbers)
}

/// True for a character that must never reach the terminal from the data.
fn hidden(c: char) -> bool {
    matches!(c,
        '\u{80}'..='\u{9f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}')
}

/// Every control sequence the hostile names hold, whole: CSI (ESC `[` or C1 `\u{9b}`,
/// parameters, a final character), OSC (ESC `]` to BEL or ST) and DCS (ESC `P` to ST).
fn data_sequences() -> Vec<String> {
    let mut seqs = Vec::new();
    for value in [FAMILY, GIVEN, KANA, EMAIL, NOTE] {
        let chars: Vec<char> = value.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let start = i;
            let csi =
                chars[i] == '\u{9b}' || (chars[i] == '\u{1b}' && chars.get(i + 1) == Some(&'['));
            let string = chars[i] == '\u{1b}' && matches!(chars.get(i + 1), Some(']' | 'P'));
            if csi {
                i += if chars[i] == '\u{9b}' { 1 } else { 2 };
                while i < chars.len() && !('@'..='~').contains(&chars[i]) {
                    i += 1;
                }
            } else if string {
                i += 2;
                while i < chars.len()
                    && chars[i] != '\u{7}'
                    && !(chars[i] == '\\' && chars[i - 1] == '\u{1b}')
                {
                    i += 1;
                }
            } else {
                i += 1;
                continue;
            }
            i = (i + 1).min(chars.len());
            seqs.push(chars[start..i].iter().collect());
        }
    }
    seqs.sort();
    seqs.dedup();
    seqs
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The escape sequences in `out` that jinji itself may send (cursor moves, colours, the
/// alternate screen, bracketed paste, cursor shown or hidden, clears): CSI with numeric
/// parameters ending in one of `HJKmhlABCDGdrsu`. Anything else is a failure: an OSC (a
/// clipboard write, a title), a DCS, a query (`n`, `c`), a lone ESC.
fn foreign_escapes(out: &[u8]) -> Vec<String> {
    let mut bad = Vec::new();
    let mut i = 0;
    while i < out.len() {
        if out[i] != 0x1b {
            i += 1;
            continue;
        }
        let rest = &out[i..out.len().min(i + 24)];
        if rest.get(1) == Some(&b'[') {
            let mut j = 2;
            while j < rest.len() && matches!(rest[j], b'0'..=b'9' | b';' | b'?') {
                j += 1;
            }
            if j < rest.len() && b"HJKmhlABCDGdrsu".contains(&rest[j]) {
                i += j + 1;
                continue;
            }
        }
        bad.push(String::from_utf8_lossy(rest).into_owned());
        i += 1;
    }
    bad
}

#[test]
fn hostile_names_reach_the_terminal_as_plain_text_and_the_columns_hold() {
    let home = tempfile::tempdir().unwrap();
    let (db, numbers) = hostile_ward(home.path());
    let mut s = Session::start(Spawn {
        args: &["--db", s(&db)],
        ..Spawn::new(home.path(), &[])
    });
    s.wait_for("[職員名簿]");
    // The first row is selected: its detail (the 10 kB phone among it) is on screen.
    let screen = s.wait_until("the hostile names as text", |scr| {
        let t = scr.contents();
        t.contains("甲[2J乙") && t.contains(&numbers[0])
    });
    // Each row of the list ends at the same column as the frame: nothing pushed it.
    let rows: Vec<String> = {
        let p = s.parser.lock().unwrap();
        p.screen().rows(0, COLS).collect()
    };
    let edge = |line: &str| -> Vec<usize> {
        let mut col = 0;
        let mut at = Vec::new();
        for c in line.chars() {
            if c == '│' {
                at.push(col);
            }
            col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        }
        at
    };
    let hostile_row = rows
        .iter()
        .find(|l| l.contains(&numbers[0]))
        .expect("the row of the first hostile person");
    let plain_row = rows
        .iter()
        .find(|l| {
            l.contains('│') && !numbers.iter().any(|n| l.contains(n.as_str())) && l.contains("0000")
        })
        .unwrap_or_else(|| panic!("a row of someone else:\n{screen}"));
    assert_eq!(
        edge(hostile_row),
        edge(plain_row),
        "the hostile row keeps the columns:\n{hostile_row}\n{plain_row}"
    );
    // Down through the hostile people and back, then search for one by number.
    s.keys("jjjkkk");
    s.keys("/");
    s.wait_for("┌職員を探す");
    s.keys(&numbers[1]);
    s.wait_until("the hostile person in the results", |scr| {
        scr.contents().contains("甲[2J乙 丙]52;c;aGVsbG8=丁戊")
    });
    s.send(b"\x1b");
    s.keys("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();

    let out = s.bytes();
    let text = String::from_utf8_lossy(&out);
    let hidden_sent: Vec<char> = text.chars().filter(|&c| hidden(c)).collect();
    assert!(
        hidden_sent.is_empty(),
        "sent to the terminal: {hidden_sent:?}"
    );
    let foreign = foreign_escapes(&out);
    assert!(foreign.is_empty(), "foreign escapes: {foreign:?}");
    // Nor any sequence the data holds, even one of a form jinji itself may send.
    for seq in data_sequences() {
        assert!(
            !contains(&out, seq.as_bytes()),
            "the data's {seq:?} reached the terminal"
        );
    }
    assert!(
        !text.contains('\u{7}'),
        "a bell (the end of an OSC) was sent"
    );
}

/// The checks above catch what they are for (a check that passes anything proves nothing).
#[test]
fn the_byte_checks_catch_what_they_look_for() {
    let ours = b"\x1b[?1049h\x1b[2J\x1b[1;1H\x1b[38;5;12m\xe7\x94\xb2\x1b[0m\x1b[?25l";
    assert!(foreign_escapes(ours).is_empty());
    for bad in [
        &b"\x1b]52;c;aGk=\x07"[..],
        b"\x1b[6n",
        b"\x1b[c",
        b"\x1bP+q\x1b\\",
        b"x\x1b",
    ] {
        assert!(!foreign_escapes(bad).is_empty(), "{bad:?}");
    }
    assert!("a\u{202e}b".chars().any(hidden) && "a\u{9b}".chars().any(hidden));
    // The data's own sequences are found whole, those of a form jinji may send too (a
    // clear, a colour): the form check alone lets them by.
    let seqs = data_sequences();
    for want in [
        "\u{1b}[2J",
        "\u{1b}[1;31m",
        "\u{1b}]52;c;aGVsbG8=\u{7}",
        "\u{1b}[6n",
        "\u{9b}31m",
        "\u{1b}P+q\u{1b}\\",
    ] {
        assert!(seqs.iter().any(|s| s == want), "{want:?} in {seqs:?}");
    }
    let sent = b"\x1b[?1049h\xe6\xb3\xa8\x1b[1;31m\xe6\x84\x8f";
    assert!(foreign_escapes(sent).is_empty(), "a form jinji may send");
    assert!(seqs.iter().any(|s| contains(sent, s.as_bytes())));
}
