//! Editing a field's text as in every editor: the cursor by character, by word
//! (Ctrl-←/→, where a word is a run of one script, since Japanese has no spaces), by line
//! (Home/End, ↑/↓ in a text area), and pasting as the field can hold it.

use super::Field;
use super::field::FieldKind;
use super::layout;

/// What kind of character it is, for moving a word at a time: a run of kanji, of kana,
/// of latin letters and digits, of punctuation is one word.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Class {
    Space,
    Latin,
    Kanji,
    Hiragana,
    Katakana,
    Other,
}

fn class(c: char) -> Class {
    match c {
        c if c.is_whitespace() => Class::Space,
        c if c.is_alphanumeric() && c.is_ascii() => Class::Latin,
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => Class::Latin,
        '\u{3041}'..='\u{309f}' => Class::Hiragana,
        '\u{30a0}'..='\u{30ff}' | '\u{ff66}'..='\u{ff9f}' => Class::Katakana,
        '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '々' | '〆' => Class::Kanji,
        c if c.is_alphanumeric() => Class::Latin,
        _ => Class::Other,
    }
}

/// What a paste did to its text, for the form to say.
#[derive(Debug, PartialEq, Eq)]
pub enum Pasted {
    AsIs,
    /// Several lines went into a one-line field, joined by spaces.
    Joined,
}

impl Field {
    fn chars(&self) -> Vec<char> {
        self.text.chars().collect()
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map(|(i, _)| i)
            .unwrap_or(self.text.len())
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    pub fn insert(&mut self, s: &str) {
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, s);
        self.cursor += s.chars().count();
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            let a = self.byte_at(self.cursor - 1);
            let b = self.byte_at(self.cursor);
            self.text.replace_range(a..b, "");
            self.cursor -= 1;
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.len() {
            let a = self.byte_at(self.cursor);
            let b = self.byte_at(self.cursor + 1);
            self.text.replace_range(a..b, "");
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    /// Back to the start of this word (or the one before, from its start).
    pub fn word_left(&mut self) {
        let cs = self.chars();
        let mut i = self.cursor.min(cs.len());
        while i > 0 && class(cs[i - 1]) == Class::Space {
            i -= 1;
        }
        if i > 0 {
            let k = class(cs[i - 1]);
            while i > 0 && class(cs[i - 1]) == k {
                i -= 1;
            }
        }
        self.cursor = i;
    }

    /// On past the end of this word and the spaces after it.
    pub fn word_right(&mut self) {
        let cs = self.chars();
        let mut i = self.cursor.min(cs.len());
        if i < cs.len() {
            let k = class(cs[i]);
            while i < cs.len() && class(cs[i]) == k && k != Class::Space {
                i += 1;
            }
        }
        while i < cs.len() && class(cs[i]) == Class::Space {
            i += 1;
        }
        self.cursor = i;
    }

    /// The start of the line the cursor is on (of the whole text, in a one-line field).
    pub fn home(&mut self) {
        let cs = self.chars();
        let mut i = self.cursor.min(cs.len());
        while i > 0 && cs[i - 1] != '\n' {
            i -= 1;
        }
        self.cursor = i;
    }

    pub fn end(&mut self) {
        let cs = self.chars();
        let mut i = self.cursor.min(cs.len());
        while i < cs.len() && cs[i] != '\n' {
            i += 1;
        }
        self.cursor = i;
    }

    /// Empties the field; a required choice keeps its value (it can only be changed).
    pub fn clear(&mut self) {
        if matches!(self.spec.kind, FieldKind::Code(..) | FieldKind::Bool) {
            return;
        }
        self.text.clear();
        self.cursor = 0;
    }

    /// Up or down a row of a text area as it is shown `width` columns wide, keeping the
    /// column; `false` at the first (last) row, where the key moves to another field.
    pub fn line(&mut self, down: bool, width: usize) -> bool {
        if self.spec.kind != FieldKind::Note {
            return false;
        }
        let rows = layout::rows(&self.text, width);
        let (row, col) = layout::cursor_at(&self.text, &rows, self.cursor);
        let to = if down {
            row + 1
        } else {
            match row.checked_sub(1) {
                Some(r) => r,
                None => return false,
            }
        };
        let Some(target) = rows.get(to) else {
            return false;
        };
        self.cursor = layout::char_at_column(&self.text, target.clone(), col);
        true
    }

    /// Pastes text as the field can hold it: line breaks of any system become one kind
    /// in a text area, and spaces in a one-line field (which the form then says);
    /// tabs become spaces and other control characters, which could act on a terminal
    /// and which storage refuses, are dropped.
    pub fn paste(&mut self, s: &str) -> Pasted {
        let multiline = self.spec.kind == FieldKind::Note;
        let unified = s.replace("\r\n", "\n").replace('\r', "\n");
        let trimmed = unified.trim_end_matches('\n');
        let several = trimmed.contains('\n');
        let mut clean = String::with_capacity(trimmed.len());
        for c in trimmed.chars() {
            match c {
                '\n' if multiline => clean.push('\n'),
                // Blank lines between do not make a row of spaces.
                '\n' if clean.ends_with(' ') => {}
                '\n' | '\t' => clean.push(' '),
                c if c.is_control() => {}
                c => clean.push(c),
            }
        }
        self.insert(&clean);
        if several && !multiline {
            Pasted::Joined
        } else {
            Pasted::AsIs
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::form::field::field;

    fn f(kind: FieldKind, text: &str, cursor: usize) -> Field {
        Field {
            spec: field("x", "x", kind),
            text: text.into(),
            cursor,
            error: None,
            info: None,
            shown: None,
        }
    }

    #[test]
    fn words_are_runs_of_one_script() {
        let mut x = f(FieldKind::Text, "山田 花子さん ABC12", 0);
        x.word_right();
        assert_eq!(x.cursor, 3);
        x.word_right();
        assert_eq!(x.cursor, 5, "花子 then さん");
        x.word_right();
        assert_eq!(x.cursor, 8);
        x.word_right();
        assert_eq!(x.cursor, 13);
        x.word_left();
        assert_eq!(x.cursor, 8);
        x.word_left();
        assert_eq!(x.cursor, 5);
        x.word_left();
        assert_eq!(x.cursor, 3);
    }

    #[test]
    fn home_and_end_keep_to_the_line() {
        let mut x = f(FieldKind::Note, "一行目\n二行目です", 6);
        x.home();
        assert_eq!(x.cursor, 4);
        x.end();
        assert_eq!(x.cursor, 9);
        let mut y = f(FieldKind::Text, "abc", 1);
        y.end();
        assert_eq!(y.cursor, 3);
    }

    #[test]
    fn a_paste_keeps_lines_in_a_text_area_and_joins_them_elsewhere() {
        let mut note = f(FieldKind::Note, "", 0);
        assert_eq!(note.paste("一\r\n二\r三\n"), Pasted::AsIs);
        assert_eq!(note.text, "一\n二\n三");
        let mut line = f(FieldKind::Text, "", 0);
        assert_eq!(line.paste("一\r\n\r\n二\t三\u{1b}[2J"), Pasted::Joined);
        assert_eq!(line.text, "一 二 三[2J");
    }

    #[test]
    fn up_and_down_move_by_rows_as_shown() {
        // Width 4: "ABCDEF" shows as "ABCD" / "EF"; then "XY".
        let mut x = f(FieldKind::Note, "ABCDEF\nXY", 1);
        assert!(x.line(true, 4));
        assert_eq!(x.cursor, 5, "F, under B");
        assert!(x.line(true, 4));
        assert_eq!(x.cursor, 8, "Y");
        assert!(!x.line(true, 4), "the last row hands on to the next field");
        assert!(x.line(false, 4));
        assert!(x.line(false, 4));
        assert!(!x.line(false, 4));
    }
}
