//! What a key means, once the keymap has read it.

/// Which keys apply: a modal takes keys before the tab under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Normal,
    Search,
    /// A reference chosen from a list over a form.
    Picker,
    Form,
    Confirm,
    Help,
    Message,
    /// A list to choose from (the workflow moves, the file menu).
    Menu,
    /// Work under way off the UI thread (an export, a backup).
    Progress,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    NextTab,
    PrevTab,
    GoTab(usize),
    NextView,
    PrevView,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Search,
    FocusPerson,
    ClearFocus,
    New,
    Edit,
    Delete,
    Help,
    PrevYear,
    NextYear,
    NextSort,
    ToggleSortDir,
    NextStateFilter,
    NextScope,
    /// The workflow moves open on the selected record.
    Move,
    /// The selected record in full.
    ShowDetail,
    /// The file menu: the list to a file, a backup.
    Files,
    /// The day 定数・現員 counts on, asked for in a prompt.
    AsOf,
    /// Time passed with no key (work under way reports progress).
    Tick,
    // Text input and forms.
    Save,
    Cancel,
    NextField,
    PrevField,
    Char(char),
    Paste(String),
    Backspace,
    DeleteChar,
    Left,
    Right,
    Home,
    End,
    /// Ctrl-← / Ctrl-→: a word at a time.
    WordLeft,
    WordRight,
    /// Empties the field (Ctrl-U, as in a shell).
    ClearField,
    /// Enter in a form: a reference field opens its picker, a text area takes a new
    /// line, any other field hands on to the next.
    Enter,
    Submit,
    // Confirmations.
    Yes,
    No,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
}
