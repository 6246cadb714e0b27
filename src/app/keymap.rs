//! Keys to actions: defaults in code; the help bar and the help page are drawn from the
//! same table, so they always tell the truth.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Mode};

/// One binding: the key as people write it (`Ctrl-s`), the action, and the catalogue key
/// of its description.
#[derive(Debug, Clone)]
pub struct Binding {
    pub mode: Mode,
    pub key: KeyCode,
    pub mods: KeyModifiers,
    pub action: Action,
    pub help: &'static str,
    /// Shown in the help bar (the most used keys), not only on the help page.
    pub bar: bool,
}

pub struct Keymap {
    bindings: Vec<Binding>,
}

fn b(
    mode: Mode,
    key: KeyCode,
    mods: KeyModifiers,
    action: Action,
    help: &'static str,
    bar: bool,
) -> Binding {
    Binding {
        mode,
        key,
        mods,
        action,
        help,
        bar,
    }
}

impl Default for Keymap {
    fn default() -> Self {
        use Action as A;
        use KeyCode as K;
        use Mode::*;
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        let shift = KeyModifiers::SHIFT;
        let mut v = vec![
            b(Normal, K::Char('q'), none, A::Quit, "help.quit", true),
            b(Normal, K::Char('?'), none, A::Help, "help.help", true),
            b(Normal, K::Tab, none, A::NextTab, "help.next_tab", false),
            b(
                Normal,
                K::BackTab,
                shift,
                A::PrevTab,
                "help.prev_tab",
                false,
            ),
            b(
                Normal,
                K::Char(']'),
                none,
                A::NextView,
                "help.next_view",
                false,
            ),
            b(
                Normal,
                K::Char('['),
                none,
                A::PrevView,
                "help.prev_view",
                false,
            ),
            b(Normal, K::Char('j'), none, A::Down, "help.down", false),
            b(Normal, K::Down, none, A::Down, "help.down", false),
            b(Normal, K::Char('k'), none, A::Up, "help.up", false),
            b(Normal, K::Up, none, A::Up, "help.up", false),
            b(
                Normal,
                K::PageDown,
                none,
                A::PageDown,
                "help.page_down",
                false,
            ),
            b(Normal, K::PageUp, none, A::PageUp, "help.page_up", false),
            b(Normal, K::Char('g'), none, A::Top, "help.top", false),
            b(Normal, K::Home, none, A::Top, "help.top", false),
            b(Normal, K::Char('G'), shift, A::Bottom, "help.bottom", false),
            b(Normal, K::End, none, A::Bottom, "help.bottom", false),
            b(Normal, K::Char('/'), none, A::Search, "help.search", true),
            b(
                Normal,
                K::Char('p'),
                none,
                A::FocusPerson,
                "help.focus",
                true,
            ),
            b(Normal, K::Enter, none, A::FocusPerson, "help.focus", false),
            b(
                Normal,
                K::Esc,
                none,
                A::ClearFocus,
                "help.clear_focus",
                false,
            ),
            b(Normal, K::Char('n'), none, A::New, "help.new", true),
            b(Normal, K::Char('e'), none, A::Edit, "help.edit", true),
            // Deleting is on the help page, not in the bar: the bar keeps room for `x`.
            b(Normal, K::Char('d'), none, A::Delete, "help.delete", false),
            b(
                Normal,
                K::Char('<'),
                none,
                A::PrevYear,
                "help.prev_year",
                false,
            ),
            b(
                Normal,
                K::Char('>'),
                none,
                A::NextYear,
                "help.next_year",
                false,
            ),
            b(Normal, K::Char('s'), none, A::NextSort, "help.sort", true),
            b(
                Normal,
                K::Char('S'),
                shift,
                A::ToggleSortDir,
                "help.sort_dir",
                false,
            ),
            b(
                Normal,
                K::Char('f'),
                none,
                A::NextStateFilter,
                "help.filter",
                true,
            ),
            b(Normal, K::Char('u'), none, A::NextScope, "help.scope", true),
            b(Normal, K::Char('m'), none, A::Move, "help.move", true),
            b(
                Normal,
                K::Char('v'),
                none,
                A::ShowDetail,
                "help.detail",
                false,
            ),
            b(Normal, K::Char('x'), none, A::Files, "help.files", true),
            b(Progress, K::Esc, none, A::Cancel, "help.cancel_job", true),
            // Choosing from a list.
            b(Menu, K::Enter, none, A::Submit, "help.menu_pick", true),
            b(Menu, K::Esc, none, A::Cancel, "help.cancel", true),
            b(Menu, K::Down, none, A::Down, "help.down", false),
            b(Menu, K::Char('j'), none, A::Down, "help.down", false),
            b(Menu, K::Up, none, A::Up, "help.up", false),
            b(Menu, K::Char('k'), none, A::Up, "help.up", false),
            // Search box.
            b(Search, K::Esc, none, A::Cancel, "help.search_cancel", true),
            b(Search, K::Enter, none, A::Submit, "help.search_pick", true),
            b(Search, K::Down, none, A::Down, "help.down", false),
            b(Search, K::Up, none, A::Up, "help.up", false),
            b(
                Search,
                K::Backspace,
                none,
                A::Backspace,
                "help.backspace",
                false,
            ),
            // Forms.
            b(Form, K::Char('s'), ctrl, A::Save, "help.save", true),
            b(Form, K::Esc, none, A::Cancel, "help.cancel", true),
            b(Form, K::Tab, none, A::NextField, "help.next_field", true),
            b(Form, K::Down, none, A::Down, "help.form_down", false),
            b(
                Form,
                K::BackTab,
                shift,
                A::PrevField,
                "help.prev_field",
                false,
            ),
            b(Form, K::Up, none, A::Up, "help.form_up", false),
            b(
                Form,
                K::Backspace,
                none,
                A::Backspace,
                "help.backspace",
                false,
            ),
            b(
                Form,
                K::Delete,
                none,
                A::DeleteChar,
                "help.delete_char",
                false,
            ),
            // Space types itself in text; here it is listed for what it does on a choice.
            b(
                Form,
                K::Char(' '),
                none,
                A::Char(' '),
                "help.form_space",
                false,
            ),
            b(Form, K::Left, none, A::Left, "help.left", false),
            b(Form, K::Right, none, A::Right, "help.right", false),
            b(Form, K::Home, none, A::Home, "help.home", false),
            b(Form, K::End, none, A::End, "help.end", false),
            b(Form, K::Left, ctrl, A::WordLeft, "help.word_left", false),
            b(Form, K::Right, ctrl, A::WordRight, "help.word_right", false),
            b(
                Form,
                K::Char('u'),
                ctrl,
                A::ClearField,
                "help.clear_field",
                false,
            ),
            b(Form, K::Enter, none, A::Enter, "help.form_enter", false),
            // Pickers: a reference chosen from a list over its form.
            b(Picker, K::Enter, none, A::Submit, "help.picker_pick", true),
            b(Picker, K::Esc, none, A::Cancel, "help.picker_cancel", true),
            b(Picker, K::Down, none, A::Down, "help.down", false),
            b(Picker, K::Up, none, A::Up, "help.up", false),
            b(
                Picker,
                K::PageDown,
                none,
                A::PageDown,
                "help.page_down",
                false,
            ),
            b(Picker, K::PageUp, none, A::PageUp, "help.page_up", false),
            b(Picker, K::Left, none, A::Left, "help.picker_close", false),
            b(Picker, K::Right, none, A::Right, "help.picker_open", false),
            b(
                Picker,
                K::Backspace,
                none,
                A::Backspace,
                "help.backspace",
                false,
            ),
            // Questions and messages.
            b(Confirm, K::Char('y'), none, A::Yes, "help.yes", true),
            b(Confirm, K::Enter, none, A::Yes, "help.yes", false),
            b(Confirm, K::Char('n'), none, A::No, "help.no", true),
            b(Confirm, K::Esc, none, A::No, "help.no", false),
            b(Help, K::Esc, none, A::Cancel, "help.close", true),
            b(Help, K::Char('?'), none, A::Cancel, "help.close", false),
            b(Help, K::Char('q'), none, A::Cancel, "help.close", false),
            b(Message, K::Esc, none, A::Cancel, "help.close", true),
            b(Message, K::Enter, none, A::Cancel, "help.close", false),
        ];
        for d in 1..=8 {
            let c = char::from_digit(d, 10).unwrap_or('1');
            v.push(b(
                Normal,
                K::Char(c),
                none,
                A::GoTab(d as usize - 1),
                "help.go_tab",
                d == 1,
            ));
        }
        Keymap { bindings: v }
    }
}

impl Keymap {
    /// The action for a key in a mode; in text modes an unbound printable key types itself.
    pub fn action(&self, mode: Mode, key: KeyEvent) -> Option<Action> {
        // Shift is part of the character for printable keys ('G', '?'), so compare it only
        // where it changes the key.
        let mods =
            key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let found = self.bindings.iter().find(|b| {
            b.mode == mode
                && b.key == key.code
                && (b.mods == mods
                    || matches!(key.code, KeyCode::Char(_) | KeyCode::BackTab)
                        && (b.mods - KeyModifiers::SHIFT) == (mods - KeyModifiers::SHIFT))
        });
        if let Some(b) = found {
            return Some(b.action.clone());
        }
        match (mode, key.code) {
            (Mode::Search | Mode::Form | Mode::Picker, KeyCode::Char(c))
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::Char(c))
            }
            _ => None,
        }
    }

    /// Binds `action` in lists to a key of the user's choice: the action's default keys
    /// go, and so does whatever else that key did.
    pub fn rebind(&mut self, action: &Action, key: KeyCode, mods: KeyModifiers) {
        let old: Option<Binding> = self
            .bindings
            .iter()
            .find(|b| b.mode == Mode::Normal && &b.action == action)
            .cloned();
        self.bindings.retain(|b| {
            !(b.mode == Mode::Normal && (&b.action == action || (b.key == key && b.mods == mods)))
        });
        let (help, bar) = old.map(|b| (b.help, b.bar)).unwrap_or(("help.help", false));
        self.bindings
            .push(b(Mode::Normal, key, mods, action.clone(), help, bar));
    }

    pub fn bindings(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.mode == mode)
    }
}

/// How a key is written in help: `Ctrl-s`, `Tab`, `PgDn`, `j`.
pub fn key_name(key: KeyCode, mods: KeyModifiers) -> String {
    let base = match key {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "BS".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        other => format!("{other:?}"),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(c, m)
    }

    #[test]
    fn keys_mean_what_the_help_says() {
        let k = Keymap::default();
        assert_eq!(
            k.action(Mode::Normal, key(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
        assert_eq!(
            k.action(Mode::Normal, key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            k.action(Mode::Normal, key(KeyCode::Char('3'), KeyModifiers::NONE)),
            Some(Action::GoTab(2))
        );
        assert_eq!(
            k.action(Mode::Form, key(KeyCode::Char('s'), KeyModifiers::CONTROL)),
            Some(Action::Save)
        );
        assert_eq!(
            k.action(Mode::Form, key(KeyCode::Char('s'), KeyModifiers::NONE)),
            Some(Action::Char('s'))
        );
        assert_eq!(
            k.action(Mode::Search, key(KeyCode::Char('や'), KeyModifiers::NONE)),
            Some(Action::Char('や'))
        );
        assert_eq!(
            k.action(Mode::Normal, key(KeyCode::Char('z'), KeyModifiers::NONE)),
            None
        );
    }
}
