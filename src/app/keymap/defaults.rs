//! The keys as they come: every mode's bindings, the help texts they are listed with, and
//! which show in the help bar.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::super::action::{Action, Mode};
use super::{Binding, Keymap};

pub(super) fn b(
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
            b(Normal, K::Char('a'), none, A::AsOf, "help.as_of", false),
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
