//! The live explorer, laid out as its architecture (see docs/architecture.md):
//! - [`state`]: what the explorer holds ([`state::app::App`]);
//! - [`input`]: the key table, and keys and mouse turned into messages;
//! - [`event`]: what reaches the state ([`Event`]) and what leaves it ([`Effect`]);
//! - [`update`]: the only place the state changes, with its helpers (sessions, insight);
//! - `view`: drawing; [`layout`]: where everything sits, for drawing and the mouse alike;
//! - [`io`]: the terminal, files written and watched, the bands worker, the last session.
//!
//! The loop below turns input, ticks, reloaded data and finished bands into events, and
//! performs the effects `update` returns.

pub mod event;
pub mod input;
pub mod io;
pub mod layout;
pub mod state;
pub mod theme;
pub mod update;
mod view;

pub use event::{Effect, Event};
pub use input::message::Message;
pub use state::app::App;
pub use theme::Theme;

use ratatui::crossterm::event as terminal_input;
use ratatui::layout::Size;
use std::time::Duration;

/// How long the loop waits for a further pending event before it redraws. Not zero: with the
/// `/dev/tty` reader (see Cargo.toml) a zero timeout only looks at events already parsed, so a
/// burst of keys would be drawn one by one; any non-zero wait reads what the terminal holds and
/// returns at once when something is there.
const DRAIN_WAIT: Duration = Duration::from_millis(1);

/// How often the loop looks for finished bands while they are computed.
const BANDS_POLL: Duration = Duration::from_millis(5);

/// Runs the explorer until the user quits; returns it as it was left (to keep the session). The loop sleeps in `terminal_input::read` until something
/// happens, except while a replay runs, when it waits at most one replay frame and ticks; all
/// pending events are applied before one redraw, so held-down keys never lag.
pub fn run(mut app: App, watch: Option<std::path::PathBuf>) -> std::io::Result<App> {
    let mut watch = watch.map(io::watch::DataWatch::new);
    let mut guard = io::terminal::TerminalGuard::new()?;
    let size = guard.terminal.size()?;
    let mut effects = update::update(
        &mut app,
        Message::Resize(Size::new(size.width, size.height)),
    );
    let mut worker = io::bands_worker::BandsWorker::start();
    // A frame is drawn when something changed: input, a replay tick, bands arriving, data
    // reloaded; the short waits for bands or watched files draw nothing by themselves.
    let mut redraw = true;
    loop {
        if perform(&mut app, std::mem::take(&mut effects)) {
            return Ok(app);
        }
        if io::terminal::REDRAW_ALL.swap(false, std::sync::atomic::Ordering::SeqCst) {
            guard.terminal =
                ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))?;
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
        if app.edits.replay.is_some()
            && !terminal_input::poll(Duration::from_millis(state::app::REPLAY_FRAME_MS))?
        {
            effects.extend(update::update(&mut app, Message::Tick));
            redraw = true;
            continue;
        }
        // While bands are on their way, or data files are watched, wait for input a short
        // while and look at them in between; otherwise sleep in `terminal_input::read` (no CPU).
        if worker.pending() || watch.is_some() {
            let wait = if worker.pending() {
                BANDS_POLL
            } else {
                io::watch::INTERVAL
            };
            if !terminal_input::poll(wait)? {
                redraw |= background(&mut app, &mut worker, watch.as_mut(), &mut effects);
                continue;
            }
        }
        redraw = true;
        let mut next = Some(terminal_input::read()?);
        while let Some(ev) = next {
            if input::keymap::is_suspend(&ev) {
                guard.suspend()?;
                break;
            }
            effects.extend(on_input(&mut app, &ev));
            // Effects in the order asked for: a quit after a copy still copies.
            if perform(&mut app, std::mem::take(&mut effects)) {
                return Ok(app);
            }
            next = if terminal_input::poll(DRAIN_WAIT)? {
                Some(terminal_input::read()?)
            } else {
                None
            };
        }
    }
}

/// What arrives while no key does: data edited on disk and bands the worker finished, each as
/// an event; returns whether anything arrived (the screen then needs a redraw).
fn background(
    app: &mut App,
    worker: &mut io::bands_worker::BandsWorker,
    watch: Option<&mut io::watch::DataWatch>,
    effects: &mut Vec<Effect>,
) -> bool {
    let mut arrived = false;
    if let Some(w) = watch
        && w.changed()
    {
        let base = app.is_backtest().then(|| app.setup.base_year());
        let loaded = crate::setup::Setup::load(Some(&w.dir), base);
        effects.extend(update::update(app, Event::DataReloaded(Box::new(loaded))));
        // Bands for the new data, even where the sliders are the same.
        worker.reset();
        arrived = true;
    }
    if let Some(ready) = worker.try_result() {
        effects.extend(update::update(app, Event::BandsReady(Box::new(ready))));
        arrived = true;
    }
    arrived
}

/// A terminal event through the key table; bracketed paste as the pasted text typed into the
/// prompt character by character. Returns the effects asked for.
fn on_input(app: &mut App, ev: &terminal_input::Event) -> Vec<Effect> {
    let mut effects = Vec::new();
    if let terminal_input::Event::Paste(text) = ev {
        for c in text.chars() {
            effects.extend(update::update(app, Message::Input(c)));
        }
    }
    if let Some(msg) = input::keymap::message(app, ev) {
        effects.extend(update::update(app, msg));
    }
    effects
}

/// Performs `effects` in order: files written report back through `update`, text goes to the
/// clipboard; returns whether one of them was to quit.
fn perform(app: &mut App, effects: Vec<Effect>) -> bool {
    for effect in effects {
        match &effect {
            Effect::Quit => return true,
            Effect::Copy(text) => {
                use std::io::Write;
                let mut out = std::io::stdout();
                let _ = out.write_all(crate::scenario::share::osc52(text).as_bytes());
                let _ = out.flush();
            }
            Effect::Export | Effect::Report => {
                if let Some(event) = event::write_files(app, &effect) {
                    // Reporting a written file asks for nothing further.
                    let _ = update::update(app, event);
                }
            }
        }
    }
    false
}
