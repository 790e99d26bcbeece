//! The only place the explorer's state changes: an event in, a new state and the effects for
//! the loop to perform out.

pub(in crate::tui) mod insight;
pub mod prompt;
pub(in crate::tui) mod rebase;
pub mod session;

use crate::model::Memory;
use crate::setup::Setup;
use crate::tui::event::{Effect, Event};
use crate::tui::input::message::Message;
use crate::tui::layout::{ScreenLayout, inner, scroll_to_show, slider_lines, table_rows};
use crate::tui::state::app::{App, ChartKind, Focus, Overlay, Status};

/// Applies `event` to `app`, recomputing the projection when a parameter moves; returns what
/// the loop is to do (write files, copy, quit), in order.
pub fn update(app: &mut App, event: impl Into<Event>) -> Vec<Effect> {
    let mut effects = Vec::new();
    match event.into() {
        Event::Message(msg) => on_message(app, msg, &mut effects),
        Event::DataReloaded(loaded) => data_reloaded(app, *loaded),
        Event::BandsReady(ready) => {
            // Drawn only while they match the sliders.
            app.insight.bands = Some(*ready);
        }
        Event::Exported(result) => {
            app.ui.status = Some(written(result, |(svg, csv)| {
                let ((svg, dir), (csv, _)) = (name_and_dir(&svg), name_and_dir(&csv));
                format!("exported {svg} (and .png) and {csv} to {dir}")
            }));
        }
        Event::ReportWritten(result) => {
            app.ui.status = Some(written(result, |path| {
                let (name, dir) = name_and_dir(&path);
                format!("wrote the handout {name} to {dir}")
            }));
        }
    }
    effects
}

/// The status after writing files: what `done` says of them, or why they were not written.
fn written<T>(result: Result<T, crate::export::ExportError>, done: impl Fn(T) -> String) -> Status {
    match result {
        Ok(files) => Status {
            text: done(files),
            error: false,
        },
        Err(e) => Status {
            text: e.to_string(),
            error: true,
        },
    }
}

/// A file's name, then its directory (a long directory is what the key bar may cut).
fn name_and_dir(path: &std::path::Path) -> (String, String) {
    (
        path.file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
        path.parent().unwrap_or(path).display().to_string(),
    )
}

/// Applies a message, pushing the effects it asks for.
fn on_message(app: &mut App, msg: Message, effects: &mut Vec<Effect>) {
    // Replays, undo, redo and base-year changes move the sliders without making an undo step,
    // and a resize never moves them: only other messages need the state before, for undo.
    let replaying = matches!(
        msg,
        Message::Tick
            | Message::Replay
            | Message::Undo
            | Message::Redo
            | Message::ToggleBacktest
            | Message::BaseYear(_)
    );
    let before = (!replaying && !matches!(msg, Message::Resize(_))).then(|| app.snapshot());
    if !matches!(msg, Message::Tick | Message::Resize(_)) {
        app.ui.status = None;
    }
    match handler(msg) {
        Handler::Overlay => overlay(app, msg),
        Handler::Insight => insight(app, msg),
        Handler::Outside => outside(app, msg, effects),
        Handler::Meeting => meeting(app, msg),
        Handler::Slider => slider(app, msg),
        Handler::View => view(app, msg),
    }
    let slider_move = matches!(
        msg,
        Message::Step(_)
            | Message::BigStep(_)
            | Message::StepIndex { .. }
            | Message::SetFraction { .. }
    );
    if let Some(before) = before.filter(|b| app.params != b.params) {
        session::record(app, before, slider_move);
    } else if !slider_move && !matches!(msg, Message::Tick | Message::Resize(_)) {
        // Anything else between two moves ends the merged move.
        app.edits.moving = None;
    }
    settle(app);
}

/// The part of `update` that handles each message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Handler {
    /// Overlays and their prompts.
    Overlay,
    /// Tornado and bands.
    Insight,
    /// The clipboard, files and quitting.
    Outside,
    /// Undo, pins, presentation, replays.
    Meeting,
    /// Sliders.
    Slider,
    /// What is on screen.
    View,
}

/// Which handler takes `msg`.
fn handler(msg: Message) -> Handler {
    match msg {
        Message::OpenPicker
        | Message::PickerMove(_)
        | Message::PickerChoose
        | Message::OpenSave
        | Message::SwitchField
        | Message::Input(_)
        | Message::Backspace
        | Message::Edit(_)
        | Message::Submit
        | Message::Confirm(_)
        | Message::ToggleChanges
        | Message::ToggleInfo
        | Message::ToggleHelp
        | Message::HelpPage
        | Message::CloseOverlay
        | Message::OpenSeek => Handler::Overlay,
        Message::ToggleTornado
        | Message::CycleOutput
        | Message::TornadoMove(_)
        | Message::TornadoChoose
        | Message::ToggleBands => Handler::Insight,
        Message::Share
        | Message::Report
        | Message::Export
        | Message::Quit
        | Message::RequestQuit => Handler::Outside,
        Message::Undo
        | Message::Redo
        | Message::Pin
        | Message::ClearPins
        | Message::TogglePresentation
        | Message::DeckStep(_)
        | Message::Replay
        | Message::Tick
        | Message::Reveal => Handler::Meeting,
        Message::Select(_)
        | Message::SelectIndex(_)
        | Message::Step(_)
        | Message::BigStep(_)
        | Message::ToMin
        | Message::ToMax
        | Message::Reset
        | Message::ResetAll
        | Message::SetFraction { .. }
        | Message::StepIndex { .. }
        | Message::EndDrag => Handler::Slider,
        Message::Resize(_)
        | Message::CycleFocus(_)
        | Message::Focus(_)
        | Message::Year(_)
        | Message::FirstYear
        | Message::LastYear
        | Message::Chart(_)
        | Message::CycleChart(_)
        | Message::ToggleMemory
        | Message::ToggleBacktest
        | Message::BaseYear(_)
        | Message::ToggleBaseline
        | Message::ToggleAllYears
        | Message::CycleView
        | Message::CycleTableView => Handler::View,
    }
}

/// Overlays and their prompts: the scenario picker, the save and seek prompts, confirmations, the change and info cards, the help.
fn overlay(app: &mut App, msg: Message) {
    match msg {
        Message::OpenPicker => {
            app.ui.overlay = Overlay::Picker {
                entries: app.session.store.list(),
                selected: 0,
            };
        }
        Message::PickerMove(delta) => {
            if let Overlay::Picker { entries, selected } = &mut app.ui.overlay {
                *selected = selected
                    .saturating_add_signed(delta)
                    .min(entries.len().saturating_sub(1));
            }
        }
        Message::PickerChoose => session::choose(app),
        Message::SwitchField
        | Message::Input(_)
        | Message::Backspace
        | Message::Edit(_)
        | Message::Submit
        | Message::Confirm(_) => prompt_message(app, msg),
        Message::OpenSave => {
            app.ui.overlay = Overlay::save_prompt(
                session::proposed_name(app),
                session::change_description(app),
            );
        }
        Message::ToggleChanges => {
            app.ui.overlay = if app.ui.overlay == Overlay::Changes {
                Overlay::None
            } else {
                Overlay::Changes
            };
        }
        Message::ToggleInfo => {
            app.ui.overlay = match app.ui.overlay {
                Overlay::Info(_) => Overlay::None,
                _ => Overlay::Info(app.ui.selected),
            };
        }
        Message::ToggleHelp => {
            app.ui.overlay = if app.help() {
                Overlay::None
            } else {
                Overlay::Help
            };
        }
        Message::HelpPage => {
            app.ui.overlay = match app.ui.overlay {
                Overlay::Help => Overlay::Glossary,
                Overlay::Glossary => Overlay::Help,
                ref other => other.clone(),
            };
        }
        Message::CloseOverlay => app.ui.overlay = Overlay::None,
        Message::OpenSeek => {
            app.ui.overlay = Overlay::Seek {
                input: String::new(),
                cursor: 0,
            };
        }
        // Routed elsewhere by `on_message`, or out of range.
        _ => {}
    }
}

/// Typing into a prompt (save, seek) and answering it: fields, editing keys, submit, confirm.
fn prompt_message(app: &mut App, msg: Message) {
    match msg {
        Message::SwitchField => {
            if let Overlay::Save { on_description, .. } = &mut app.ui.overlay {
                *on_description = !*on_description;
            }
        }
        Message::Input(c) => {
            if let Some((input, cursor)) = app.ui.overlay.field_mut() {
                prompt::insert(input, cursor, c);
            }
        }
        Message::Backspace => {
            if let Some((input, cursor)) = app.ui.overlay.field_mut() {
                prompt::backspace(input, cursor);
            }
        }
        Message::Edit(key) => {
            if let Some((input, cursor)) = app.ui.overlay.field_mut() {
                prompt::edit(input, cursor, key);
            }
        }
        Message::Submit => match &app.ui.overlay {
            Overlay::Save {
                input, description, ..
            } => {
                let (name, description) = (input.clone(), description.clone());
                session::save(app, &name, &description, false);
            }
            Overlay::Seek { input, .. } => {
                let target = input.clone();
                crate::tui::update::insight::seek(app, &target);
            }
            _ => {}
        },
        Message::Confirm(yes) => {
            if let Overlay::ConfirmOverwrite { name, description } = &app.ui.overlay {
                let (name, description) = (name.clone(), description.clone());
                if yes {
                    session::save(app, &name, &description, true);
                } else {
                    app.ui.overlay = Overlay::save_prompt(name, description);
                }
            }
        }
        // Routed elsewhere by `overlay`.
        _ => {}
    }
}

/// The tornado, its output and the uncertainty bands.
fn insight(app: &mut App, msg: Message) {
    match msg {
        Message::ToggleTornado => crate::tui::update::insight::toggle_tornado(app),
        Message::CycleOutput => {
            app.insight.output = app.insight.output.next();
        }
        Message::TornadoMove(delta) => {
            if let Some(t) = &mut app.insight.tornado {
                t.selected = t
                    .selected
                    .saturating_add_signed(delta)
                    .min(t.bars.len().saturating_sub(1));
            }
        }
        Message::TornadoChoose => crate::tui::update::insight::choose_bar(app),
        Message::ToggleBands => crate::tui::update::insight::cycle_bands(app),
        // Routed elsewhere by `on_message`, or out of range.
        _ => {}
    }
}

/// What needs the world outside the state: the clipboard, files, quitting.
fn outside(app: &mut App, msg: Message, effects: &mut Vec<Effect>) {
    match msg {
        Message::Share => effects.push(Effect::Copy(session::share(app))),
        Message::Report => effects.push(Effect::Report),
        Message::Export => effects.push(Effect::Export),
        Message::Quit => effects.push(Effect::Quit),
        Message::RequestQuit => {
            if app.is_edited() {
                app.ui.overlay = Overlay::ConfirmQuit;
            } else {
                effects.push(Effect::Quit);
            }
        }
        // Routed elsewhere by `on_message`, or out of range.
        _ => {}
    }
}

/// Undo and redo, pins, presentation and its deck, replays and reveals.
fn meeting(app: &mut App, msg: Message) {
    match msg {
        Message::Undo => session::undo(app, false),
        Message::Redo => session::undo(app, true),
        Message::Pin => session::pin(app),
        Message::ClearPins => session::clear_pins(app),
        Message::TogglePresentation => session::toggle_presentation(app),
        Message::DeckStep(delta) => session::deck_step(app, delta),
        Message::Replay => session::start_replay(app),
        Message::Tick => session::tick(app),
        Message::Reveal => session::reveal(app),
        // Routed elsewhere by `on_message`, or out of range.
        _ => {}
    }
}

/// Selecting and moving sliders, by key and by mouse.
fn slider(app: &mut App, msg: Message) {
    match msg {
        Message::Select(delta) => {
            let n = app.specs().len();
            if n > 0 {
                app.ui.selected = app.ui.selected.saturating_add_signed(delta).min(n - 1);
            }
            app.ui.focus = Focus::Sliders;
        }
        Message::SelectIndex(i) if i < app.specs().len() => {
            app.ui.selected = i;
            app.ui.focus = Focus::Sliders;
        }
        Message::Step(n) => step_selected(app, f64::from(n)),
        Message::BigStep(n) => {
            let big = big_step_count(app, app.ui.selected);
            step_selected(app, f64::from(n) * big);
        }
        Message::ToMin => app.set_value(app.ui.selected, app.specs()[app.ui.selected].min),
        Message::ToMax => app.set_value(app.ui.selected, app.specs()[app.ui.selected].max),
        Message::Reset => app.set_value(app.ui.selected, app.specs()[app.ui.selected].default),
        Message::ResetAll => {
            app.params = app.setup.catalog.baseline().clone();
            app.recompute();
        }
        Message::SetFraction { index, fraction } => {
            if let Some(s) = app.specs().get(index) {
                let raw = s.min + (s.max - s.min) * fraction.clamp(0.0, 1.0);
                let snapped = s.min + ((raw - s.min) / s.step).round() * s.step;
                app.ui.selected = index;
                app.ui.dragging = Some(index);
                app.set_value(index, snapped);
            }
        }
        Message::StepIndex { index, steps } if index < app.specs().len() => {
            app.ui.selected = index;
            step_slider(app, index, f64::from(steps));
        }
        Message::EndDrag => app.ui.dragging = None,
        // Routed elsewhere by `on_message`, or out of range.
        _ => {}
    }
}

/// The entry `delta` steps from `current` in `all`, wrapping round.
fn cycled<T: Copy + PartialEq>(all: &[T], current: T, delta: isize) -> T {
    let i = all.iter().position(|x| *x == current).unwrap_or(0) as isize;
    all[(i + delta).rem_euclid(all.len() as isize) as usize]
}

/// What is on screen: size, focus, year, chart, memory, base year, baseline, view and table.
fn view(app: &mut App, msg: Message) {
    match msg {
        Message::Resize(size) => app.ui.size = size,
        Message::CycleFocus(delta) => app.ui.focus = cycled(&Focus::ALL, app.ui.focus, delta),
        Message::Focus(f) => app.ui.focus = f,
        Message::Year(delta) => {
            app.ui.year =
                (app.ui.year + delta).clamp(app.projection.first_year, app.projection.horizon);
        }
        Message::FirstYear => app.ui.year = app.projection.first_year,
        Message::LastYear => app.ui.year = app.projection.horizon,
        Message::Chart(kind) => app.ui.chart = kind,
        Message::CycleChart(delta) => app.ui.chart = cycled(&ChartKind::ALL, app.ui.chart, delta),
        Message::ToggleMemory => {
            app.ui.memory = match app.ui.memory {
                Memory::Dram => Memory::Nand,
                Memory::Nand => Memory::Dram,
            }
        }
        Message::ToggleBacktest => {
            let last = app.setup.data.last_observed_year();
            let target = if app.is_backtest() {
                last
            } else {
                last - BACKTEST_YEARS
            };
            rebase(app, target);
        }
        Message::BaseYear(delta) if app.is_backtest() => {
            let last = app.setup.data.last_observed_year();
            let first = Setup::first_base_year(&app.setup.data);
            rebase(
                app,
                (app.projection.base_year + delta).clamp(first, last - 1),
            );
        }
        Message::ToggleBaseline => app.ui.show_baseline = !app.ui.show_baseline,
        Message::ToggleAllYears => app.ui.all_years = !app.ui.all_years,
        Message::CycleView => app.ui.view = app.ui.view.next(),
        Message::CycleTableView => app.ui.table_view = app.ui.table_view.next(),
        // Routed elsewhere by `on_message`, or out of range.
        _ => {}
    }
}

/// What follows any change of state, whoever made it (a message, or data reloaded from disk):
/// the derived views brought up to date (each computes only when its inputs moved) and the
/// selection kept on screen.
pub fn settle(app: &mut App) {
    if app.insight.band_mode == crate::tui::state::insight::BandMode::Errors {
        crate::tui::update::insight::fit_errors(app);
    }
    crate::tui::update::insight::refresh_tornado(app);
    refresh_reach(app);
    follow_selection(app);
}

use crate::tui::update::rebase::rebase;

/// Data edited on disk (`--watch`): new data adopted with the sliders kept, or its problems
/// shown (file, line, column) over the last good data until they are fixed.
fn data_reloaded(app: &mut App, loaded: Result<Setup, crate::setup::SetupError>) {
    match loaded {
        Ok(setup) => {
            let kept = crate::tui::update::rebase::adopt(app, setup);
            app.ui.data_problems = None;
            app.ui.status = Some(Status {
                text: format!(
                    "data reloaded{} (undo starts here)",
                    crate::tui::update::rebase::kept_note(kept)
                ),
                error: false,
            });
        }
        Err(e) => {
            app.ui.data_problems = Some(
                crate::data::sanitize_lines(&e.to_string())
                    .lines()
                    .map(str::to_owned)
                    .collect(),
            );
        }
    }
    settle(app);
}

/// Years backtest mode moves the base year back on entry.
pub const BACKTEST_YEARS: i32 = 3;

/// Steps of the selected slider that make a large step: a tenth of the range, at least one.
fn big_step_count(app: &App, index: usize) -> f64 {
    let s = &app.specs()[index];
    ((s.max - s.min) / 10.0 / s.step).round().max(1.0)
}

fn step_selected(app: &mut App, steps: f64) {
    step_slider(app, app.ui.selected, steps);
}

fn step_slider(app: &mut App, index: usize, steps: f64) {
    let s = &app.specs()[index];
    let v = app.value(index) + steps * s.step;
    // Land on the step grid from the default, so that stepping back returns to it exactly.
    let snapped = s.default + ((v - s.default) / s.step).round() * s.step;
    app.set_value(index, snapped);
}

/// Keeps the selected slider and the selected year on screen.
fn follow_selection(app: &mut App) {
    let Some(layout) = ScreenLayout::of(app) else {
        return;
    };
    let lines = slider_lines(app);
    let height = usize::from(inner(layout.sliders).height);
    app.ui.slider_scroll = scroll_to_show(&lines, app.ui.selected, app.ui.slider_scroll, height);
    let rows = table_rows(app, layout.table).max(1);
    let row = app.projection.index(app.ui.year).unwrap_or(0);
    if row < app.ui.table_scroll {
        app.ui.table_scroll = row;
    } else if row >= app.ui.table_scroll + rows {
        app.ui.table_scroll = row + 1 - rows;
    }
    app.ui.table_scroll = app
        .ui
        .table_scroll
        .min(app.projection.len().saturating_sub(rows));
}

/// Keeps the selected slider's reach for the change pane's axis, computed once per projection
/// and slider (two projections) rather than on every redraw.
fn refresh_reach(app: &mut App) {
    let key = (app.revision, app.ui.selected);
    let stale = app.reach.as_ref().is_none_or(|(k, _)| *k != key);
    if stale && crate::chart::data::shows_change_pane(&app.chart_input()) {
        app.reach = Some((key, app.selected_reach()));
    }
}
