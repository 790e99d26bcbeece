//! The live explorer: state ([`app`]), messages ([`message`]), the only state changes
//! ([`update`]), key and mouse bindings ([`keymap`]) and drawing ([`view`]).

pub mod app;
mod app_parts;
mod app_read;
mod bands_worker;
pub mod chart_data;
pub mod chart_market;
pub mod chart_spec;
pub mod export;
pub mod insight_state;
mod insight_ui;
pub mod keymap;
pub mod keys;
pub mod last_session;
pub mod layout;
pub mod message;
pub mod prompt;
mod rebase;
pub mod report;
pub mod session;
pub mod terminal;
pub mod theme;
pub mod update;
mod view;
mod view_kinds;
pub mod watch;

pub use app::App;
pub use message::Message;
pub use theme::Theme;

use ratatui::crossterm::event;
use ratatui::layout::Size;
use std::io;
use std::time::Duration;

/// How long the loop waits for a further pending event before it redraws. Not zero: with the
/// `/dev/tty` reader (see Cargo.toml) a zero timeout only looks at events already parsed, so a
/// burst of keys would be drawn one by one; any non-zero wait reads what the terminal holds and
/// returns at once when something is there.
const DRAIN_WAIT: Duration = Duration::from_millis(1);

/// How often the loop looks for finished bands while they are computed.
const BANDS_POLL: Duration = Duration::from_millis(5);

/// Runs the explorer until the user quits; returns it as it was left (to keep the session). The loop sleeps in `event::read` until something
/// happens, except while a replay runs, when it waits at most one replay frame and ticks; all
/// pending events are applied before one redraw, so held-down keys never lag.
pub fn run(mut app: App, watch: Option<std::path::PathBuf>) -> io::Result<App> {
    let mut watch = watch.map(watch::DataWatch::new);
    let mut guard = terminal::TerminalGuard::new()?;
    let size = guard.terminal.size()?;
    update::update(
        &mut app,
        Message::Resize(Size::new(size.width, size.height)),
    );
    let mut worker = bands_worker::BandsWorker::start();
    // A frame is drawn when something changed: input, a replay tick, bands arriving, data
    // reloaded; the short waits for bands or watched files draw nothing by themselves.
    let mut redraw = true;
    loop {
        if terminal::REDRAW_ALL.swap(false, std::sync::atomic::Ordering::SeqCst) {
            guard.terminal =
                ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))?;
            redraw = true;
        }
        if redraw {
            guard
                .terminal
                .draw(|frame| frame.render_widget(&app, frame.area()))?;
            redraw = false;
        }
        if app.insight.wants_draws() {
            worker.want(&app.setup, &app.params);
        } else {
            worker.reset();
        }
        if app.edits.replay.is_some() && !event::poll(Duration::from_millis(app::REPLAY_FRAME_MS))?
        {
            update::update(&mut app, Message::Tick);
            redraw = true;
            continue;
        }
        // While bands are on their way, or data files are watched, wait for input a short
        // while and look at them in between; otherwise sleep in `event::read` (no CPU).
        if worker.pending() || watch.is_some() {
            let wait = if worker.pending() {
                BANDS_POLL
            } else {
                watch::INTERVAL
            };
            if !event::poll(wait)? {
                if let Some(w) = &mut watch
                    && w.changed()
                {
                    let base = app.is_backtest().then(|| app.setup.base_year());
                    let loaded = crate::setup::Setup::load(Some(&w.dir), base);
                    update::data_reloaded(&mut app, loaded);
                    // Bands for the new data, even where the sliders are the same.
                    worker.reset();
                    redraw = true;
                }
                if let Some((params, bands)) = worker.try_result() {
                    update::bands_ready(&mut app, params, bands);
                    redraw = true;
                }
                continue;
            }
        }
        redraw = true;
        let mut next = Some(event::read()?);
        while let Some(ev) = next {
            // Bracketed paste: the pasted text, typed into the prompt character by character.
            if let event::Event::Paste(text) = &ev {
                for c in text.chars() {
                    update::update(&mut app, Message::Input(c));
                }
            }
            if keymap::is_suspend(&ev) {
                guard.suspend()?;
                break;
            }
            if let Some(msg) = keymap::message(&app, &ev) {
                update::update(&mut app, msg);
            }
            if let Some(text) = app.ui.clipboard.take() {
                use std::io::Write;
                let mut out = io::stdout();
                let _ = out.write_all(crate::scenario::share::osc52(&text).as_bytes());
                let _ = out.flush();
            }
            if app.quit {
                return Ok(app);
            }
            next = if event::poll(DRAIN_WAIT)? {
                Some(event::read()?)
            } else {
                None
            };
        }
    }
}
