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

mod defaults;

use defaults::b;

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
