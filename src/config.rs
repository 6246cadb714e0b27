//! The user's settings file (`config.toml` in the config directory): language, date style
//! and key bindings. A mistake in it is shown on screen at start, never ignored.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use serde::Deserialize;

use crate::app::action::Action;
use crate::domain::Date;
use crate::domain::date::{era_long, era_short};

/// How dates are shown (storage is always ISO).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateStyle {
    /// 2025-04-01
    #[default]
    Iso,
    /// 令和7年4月1日
    EraLong,
    /// R07.04.01
    EraShort,
}

impl DateStyle {
    pub fn show(self, d: Date) -> String {
        match self {
            DateStyle::Iso => d.iso(),
            DateStyle::EraLong => era_long(d),
            DateStyle::EraShort => era_short(d),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    lang: Option<String>,
    date_style: Option<DateStyle>,
    /// Where `x` writes the list on screen (default: where jinji was started).
    export_dir: Option<PathBuf>,
    #[serde(default)]
    keys: BTreeMap<String, String>,
    /// A group to share the database and its copies with (0660 files, 2770 directories).
    group: Option<String>,
}

/// Settings as read, with the problems found (each names the file and the line).
#[derive(Debug, Default)]
pub struct Config {
    pub lang: Option<crate::i18n::Lang>,
    pub date_style: DateStyle,
    pub export_dir: Option<PathBuf>,
    /// (action, key, modifiers) to bind in lists.
    pub keys: Vec<(Action, KeyCode, KeyModifiers)>,
    /// The id of the group that shares the files, when one is named (and known).
    pub group: Option<u32>,
    pub problems: Vec<String>,
}

/// jinji's directories on this machine (XDG on Linux): settings and data.
pub fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("jp", "jinji", "jinji")
}

pub fn default_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.toml"))
}

/// Actions a user may rebind, by the names the settings file uses.
const ACTIONS: &[(&str, Action)] = &[
    ("quit", Action::Quit),
    ("help", Action::Help),
    ("search", Action::Search),
    ("focus", Action::FocusPerson),
    ("clear_focus", Action::ClearFocus),
    ("new", Action::New),
    ("edit", Action::Edit),
    ("delete", Action::Delete),
    ("files", Action::Files),
    ("as_of", Action::AsOf),
    ("down", Action::Down),
    ("up", Action::Up),
    ("page_down", Action::PageDown),
    ("page_up", Action::PageUp),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("next_tab", Action::NextTab),
    ("prev_tab", Action::PrevTab),
    ("next_view", Action::NextView),
    ("prev_view", Action::PrevView),
    ("prev_year", Action::PrevYear),
    ("next_year", Action::NextYear),
    ("sort", Action::NextSort),
    ("sort_direction", Action::ToggleSortDir),
    ("filter", Action::NextStateFilter),
    ("scope", Action::NextScope),
    ("move", Action::Move),
    ("detail", Action::ShowDetail),
];

/// `q`, `G`, `Ctrl-s`, `Alt-x`, `F2`, `Enter`, `Esc`, `Tab`, `Space`, `PageDown`, …
pub fn parse_key(s: &str) -> Option<(KeyCode, KeyModifiers)> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = s.trim();
    loop {
        if let Some(r) = rest
            .strip_prefix("Ctrl-")
            .or_else(|| rest.strip_prefix("C-"))
        {
            mods |= KeyModifiers::CONTROL;
            rest = r;
        } else if let Some(r) = rest
            .strip_prefix("Alt-")
            .or_else(|| rest.strip_prefix("M-"))
        {
            mods |= KeyModifiers::ALT;
            rest = r;
        } else {
            break;
        }
    }
    let code = match rest {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "Space" => KeyCode::Char(' '),
        "Backspace" => KeyCode::Backspace,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PageUp" => KeyCode::PageUp,
        "PageDown" => KeyCode::PageDown,
        f if f.starts_with('F') && f.len() > 1 => {
            KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?)
        }
        c if c.chars().count() == 1 => {
            let ch = c.chars().next()?;
            if ch.is_ascii_uppercase() {
                mods |= KeyModifiers::SHIFT;
            }
            KeyCode::Char(ch)
        }
        _ => return None,
    };
    Some((code, mods))
}

/// Line (1-based) of a byte offset, for messages.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

impl Config {
    /// Reads the file if it exists; a missing file is the defaults, not a problem.
    pub fn load(path: &Path, lang: crate::i18n::Lang) -> Config {
        let mut c = Config::default();
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return c,
            Err(e) => {
                c.problems.push(format!("{}: {e}", path.display()));
                return c;
            }
        };
        let file: File = match toml::from_str(&text) {
            Ok(f) => f,
            Err(e) => {
                let line = e.span().map(|s| line_of(&text, s.start)).unwrap_or(1);
                c.problems
                    .push(format!("{}:{line}: {}", path.display(), e.message()));
                return c;
            }
        };
        let at = |needle: &str| line_of(&text, text.find(needle).unwrap_or(0));
        match file.lang.as_deref() {
            None => {}
            Some(l) => match crate::i18n::Lang::parse(l) {
                Some(l) => c.lang = Some(l),
                None => c.problems.push(lang.tf(
                    "config.bad_lang",
                    &[
                        ("at", &format!("{}:{}", path.display(), at("lang"))),
                        ("value", &l),
                    ],
                )),
            },
        }
        if let Some(g) = &file.group {
            c.group = crate::store::machine::files::group_id(g);
            if c.group.is_none() {
                // Files stay private: an unknown group must not widen them.
                c.problems.push(lang.tf(
                    "config.bad_group",
                    &[
                        ("at", &format!("{}:{}", path.display(), at("group"))),
                        ("value", g),
                    ],
                ));
            }
        }
        c.date_style = file.date_style.unwrap_or_default();
        c.export_dir = file.export_dir;
        for (name, key) in &file.keys {
            let where_ = format!("{}:{}", path.display(), at(name));
            match (ACTIONS.iter().find(|(n, _)| n == name), parse_key(key)) {
                (Some((_, action)), Some((code, mods))) => {
                    c.keys.push((action.clone(), code, mods))
                }
                (None, _) => c
                    .problems
                    .push(lang.tf("config.bad_action", &[("at", &where_), ("value", name)])),
                (_, None) => c
                    .problems
                    .push(lang.tf("config.bad_key", &[("at", &where_), ("value", key)])),
            }
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn load(text: &str) -> Config {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("config.toml");
        std::fs::write(&p, text).unwrap();
        Config::load(&p, Lang::En)
    }

    #[test]
    fn reads_language_dates_and_keys() {
        let c = load(
            "lang = \"en\"\ndate_style = \"era_long\"\n[keys]\nsearch = \"Ctrl-f\"\nquit = \"Q\"\n",
        );
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(
            c.date_style.show(Date::from_ymd(2025, 4, 1)),
            "令和7年4月1日"
        );
        assert!(
            c.keys
                .contains(&(Action::Search, KeyCode::Char('f'), KeyModifiers::CONTROL))
        );
        assert!(
            c.keys
                .contains(&(Action::Quit, KeyCode::Char('Q'), KeyModifiers::SHIFT))
        );
    }

    #[test]
    fn mistakes_name_the_line() {
        let c = load("lang = \"fr\"\n[keys]\nsearch = \"Ctrl-\"\nfly = \"x\"\n");
        assert_eq!(c.problems.len(), 3, "{:?}", c.problems);
        assert!(c.problems[0].contains(":1:") && c.problems[0].contains("fr"));
        assert!(
            c.problems
                .iter()
                .any(|p| p.contains(":4:") && p.contains("fly"))
        );
        let c = load("date_style = \"heisei\"\n");
        assert_eq!(c.problems.len(), 1);
        assert!(c.problems[0].contains(":1:"), "{:?}", c.problems);
        let c = load("colour = 1\n");
        assert_eq!(c.problems.len(), 1);
    }

    #[test]
    fn a_group_is_known_or_named_as_a_problem() {
        let c = load("group = \"1234\"\n");
        assert_eq!((c.group, c.problems.len()), (Some(1234), 0));
        let c = load("lang = \"ja\"\ngroup = \"no-such-group-here\"\n");
        assert_eq!(c.group, None);
        assert!(
            c.problems[0].contains(":2:") && c.problems[0].contains("no-such-group-here"),
            "{:?}",
            c.problems
        );
    }

    #[test]
    fn a_missing_file_is_the_defaults() {
        let c = Config::load(Path::new("/nonexistent/jinji/config.toml"), Lang::En);
        assert!(c.problems.is_empty());
        assert_eq!(c.date_style, DateStyle::Iso);
    }
}
