//! The terminal loop: read a key, let the app update, draw. `ratatui::run` sets up the
//! terminal and restores it on exit and on panic.

use std::io::stdout;

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind,
};
use ratatui::crossterm::execute;

use crate::app::App;
use crate::app::action::Action;

pub fn run(mut app: App) -> std::io::Result<()> {
    // ratatui's own hook leaves the alternate screen and raw mode on a panic; bracketed
    // paste, which is ours, goes off too.
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableBracketedPaste);
        report(info);
    }));
    ratatui::run(|terminal| {
        // Pasted text (a name, a paragraph from Excel) arrives whole, into one field.
        execute!(stdout(), EnableBracketedPaste)?;
        let size = terminal.size()?;
        app.update(Action::Resize(size.width, size.height));
        let result = (|| loop {
            terminal.draw(|f| crate::ui::render(&app, f))?;
            app.shown.answers.send_held();
            // While work runs off the UI thread, wake to show its progress or take in a
            // count as soon as it is made.
            let wake = match (app.job.is_some(), app.shown.answers.waiting()) {
                (_, true) => Some(10),
                (true, false) => Some(100),
                (false, false) => None,
            };
            if let Some(ms) = wake
                && !event::poll(std::time::Duration::from_millis(ms))?
            {
                app.update(Action::Tick);
                continue;
            }
            match event::read()? {
                Event::Key(k) if k.kind == KeyEventKind::Press => {
                    #[cfg(debug_assertions)]
                    injected_panic(k.code);
                    if let Some(a) = app.keymap.action(app.mode(), k) {
                        app.update(a);
                    }
                }
                Event::Paste(s) => app.update(Action::Paste(s)),
                Event::Resize(w, h) => app.update(Action::Resize(w, h)),
                _ => {}
            }
            if app.quit {
                return Ok(());
            }
        })();
        let _ = execute!(stdout(), DisableBracketedPaste);
        // The planner's figures kept fresh for the next start (a read-only file: no).
        let _ = app.session.db.optimize();
        result
    })
}

/// A fault for tests of debug builds only: `JINJI_PANIC_KEY=x` panics on the key x, to
/// prove that a panic gives the terminal back.
#[cfg(debug_assertions)]
fn injected_panic(code: event::KeyCode) {
    if let Ok(key) = std::env::var("JINJI_PANIC_KEY")
        && key
            .chars()
            .next()
            .is_some_and(|c| code == event::KeyCode::Char(c))
    {
        panic!("injected panic (JINJI_PANIC_KEY)");
    }
}
