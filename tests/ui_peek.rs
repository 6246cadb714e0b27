//! Renders the demo in a test terminal (development aid; snapshots come later).

use jinji::app::App;
use jinji::app::action::Action;
use jinji::demo::{Params, generate};
use jinji::domain::Date;
use jinji::i18n::Lang;
use jinji::store::Db;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(lang: Lang) -> App {
    let db = Db::open_in_memory().unwrap();
    let today = Date::from_ymd(2026, 11, 24);
    generate(&db, &Params::demo(today)).unwrap();
    let admin = db.account_by_login("admin").unwrap().unwrap();
    let mut a = App::new(db, lang, admin, today).unwrap();
    a.update(Action::Resize(120, 40));
    a
}

fn show(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| jinji::ui::render(app, f)).unwrap();
    format!("{}", t.backend())
}

#[test]
#[ignore = "prints screens for a developer"]
fn peek() {
    let mut a = app(Lang::Ja);
    println!("{}", show(&a));
    for k in std::env::var("KEYS")
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
    {
        let act = match k {
            "down" => Action::Down,
            "tab" => Action::NextTab,
            "]" => Action::NextView,
            "/" => Action::Search,
            "enter" => Action::Submit,
            "e" => Action::Edit,
            "n" => Action::New,
            "save" => Action::Save,
            "esc" => Action::Cancel,
            "?" => Action::Help,
            k if k.starts_with("t=") => Action::GoTab(k[2..].parse().unwrap()),
            k if k.starts_with("c=") => {
                for c in k[2..].chars() {
                    a.update(Action::Char(c));
                }
                continue;
            }
            _ => continue,
        };
        a.update(act);
    }
    println!("{}", show(&a));
}
