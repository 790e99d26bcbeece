//! What happens to scenarios in the explorer: loading, saving, comparing, presenting, undoing
//! and replaying. Called from [`crate::tui::update::update`] only.

use crate::scenario::{SaveError, Scenario};
use crate::tui::state::app::{
    App, MAX_PINS, Overlay, Pin, REPLAY_FRAMES, Replay, Snapshot, Status,
};

/// Most undo steps kept.
const MAX_UNDO: usize = 200;

fn status(app: &mut App, text: impl Into<String>, error: bool) {
    app.ui.status = Some(Status {
        text: text.into(),
        error,
    });
}

/// Sets the sliders to a scenario: the baseline with its overrides.
pub fn load(app: &mut App, s: &Scenario) {
    let mut p = app.setup.catalog.baseline().clone();
    if let Err(e) = app.setup.catalog.apply(&mut p, &s.overrides) {
        status(app, format!("{}: {e}", s.name), true);
        return;
    }
    let text = if app.is_edited() {
        format!(
            "loaded \"{}\"; u brings back your unsaved changes to \"{}\"",
            s.name, app.session.scenario
        )
    } else {
        format!("loaded \"{}\"", s.name)
    };
    status(app, text, false);
    app.session.loaded = p.clone();
    app.session.loaded_overrides = s.overrides.clone();
    app.params = p;
    app.session.scenario = s.name.clone();
    app.session.description = s.description.clone();
    app.session.sources = s.sources.clone();
    app.recompute();
}

/// Moves the explorer to a scenario's own base year (a story about the past, like the 2023
/// cuts), or back to where it was before such a scenario when the next one has none. The
/// scenario is then checked against that year's catalog.
fn move_to_base_year(app: &mut App, wanted: Option<crate::units::Year>) {
    let now = app.projection.base_year;
    let target = match (wanted, app.session.base_before_scenario) {
        (Some(y), before) => {
            app.session.base_before_scenario = before.or(Some(now));
            y
        }
        (None, Some(before)) => {
            app.session.base_before_scenario = None;
            before
        }
        (None, None) => return,
    };
    if target == now {
        return;
    }
    if let Ok(setup) = crate::setup::Setup::new(app.setup.data.clone(), Some(target)) {
        crate::tui::update::rebase::adopt(app, setup);
        app.ui.year = (target + 1).min(app.projection.horizon);
        app.ui.table_scroll = crate::tui::state::app::table_start(&app.projection);
    }
}

/// Loads the picker's highlighted scenario.
pub fn choose(app: &mut App) {
    let Overlay::Picker { entries, selected } = &app.ui.overlay else {
        return;
    };
    let Some(entry) = entries.get(*selected).cloned() else {
        return;
    };
    app.ui.overlay = Overlay::None;
    let loaded = app.session.store.read(&entry.id).and_then(|text| {
        move_to_base_year(app, text.base_year());
        text.parse(&app.setup.catalog)
    });
    match loaded {
        Ok(s) => load(app, &s),
        Err(e) => {
            // Every problem on its own line, wrapped in a box, rather than one cut line.
            app.ui.overlay = Overlay::Problems {
                title: format!("Cannot load \"{}\"", entry.name),
                lines: e.to_string().lines().map(str::to_owned).collect(),
            };
        }
    }
}

/// A name for the save prompt that no scenario has yet: empty for the baseline, else the
/// current name with the first free number ("AI boom 2").
pub fn proposed_name(app: &App) -> String {
    let base = app.session.scenario.trim_end_matches('*').trim();
    if base.is_empty() || base == "Baseline" {
        return String::new();
    }
    // Room for " NN" within the prompt's limit (a 10,000-character name was proposed whole).
    let keep = crate::tui::update::prompt::MAX_CHARS.saturating_sub(4);
    let base: String = base.chars().take(keep).collect();
    let base = base.trim_end();
    let taken: Vec<String> = app
        .session
        .store
        .list()
        .into_iter()
        .flat_map(|e| [e.id, crate::scenario::slug(&e.name)])
        .collect();
    (2..)
        .map(|n| format!("{base} {n}"))
        .find(|name| !taken.contains(&crate::scenario::slug(name)))
        .unwrap_or_default()
}

/// What the current settings change from the loaded scenario, for a saved scenario's
/// description: `Starting from "AI boom": Smartphones · Replacement cycle 4.4 -> 5.0 years.`
pub fn change_description(app: &App) -> String {
    let catalog = &app.setup.catalog;
    let changes: Vec<String> = app
        .moved_since_loaded()
        .map(|i| (i, &app.specs()[i]))
        .map(|(i, s)| {
            format!(
                "{} · {} {} -> {} {}",
                s.group,
                s.label,
                crate::format::fixed(catalog.get(&app.session.loaded, i), 2),
                crate::format::fixed(app.value(i), 2),
                s.unit
            )
        })
        .collect();
    let from = app.session.scenario.trim_end_matches('*');
    if changes.is_empty() {
        format!("The settings of \"{from}\".")
    } else {
        format!("Starting from \"{from}\": {}.", changes.join("; "))
    }
}

/// Saves the parameters that differ from the baseline under `name`, with `description` (the
/// prompt proposes [`change_description`]) and the loaded scenario's sources. A refused name
/// keeps the prompt open with the text as typed; a failed write closes it and keeps the
/// settings on screen.
pub fn save(app: &mut App, name: &str, description: &str, overwrite: bool) {
    let name = name.trim().to_owned();
    let description = description.trim().to_owned();
    let sources = app.session.sources.clone();
    match app.session.store.save(
        &name,
        &description,
        &sources,
        &app.changed_overrides(),
        overwrite,
    ) {
        Ok(path) => {
            app.ui.overlay = Overlay::None;
            app.session.loaded = app.params.clone();
            app.session.loaded_overrides = app.changed_overrides();
            app.session.scenario = name;
            app.session.description = description;
            status(app, format!("saved {}", path.display()), false);
        }
        Err(SaveError::Exists(_)) => {
            app.ui.overlay = Overlay::ConfirmOverwrite { name, description }
        }
        Err(e @ (SaveError::BuiltIn(_) | SaveError::BadName(_))) => {
            // Keep the prompt and what was typed; the key bar says why.
            status(app, e.to_string(), true);
        }
        Err(e) => {
            // The unsaved settings stay on screen; only the prompt closes.
            app.ui.overlay = Overlay::None;
            status(app, e.to_string(), true);
        }
    }
}

/// Pins the current scenario for comparison.
pub fn pin(app: &mut App) {
    if app.session.pins.len() >= MAX_PINS {
        status(
            app,
            format!("{MAX_PINS} scenarios are pinned already; x clears them"),
            true,
        );
        return;
    }
    let name = if app.is_edited() && !app.session.scenario.ends_with('*') {
        format!("{}*", app.session.scenario)
    } else {
        app.session.scenario.clone()
    };
    let overrides = app.carried_overrides();
    if let Some(same) = app.session.pins.iter().find(|p| p.overrides == overrides) {
        let text = format!("\"{}\" is pinned already", same.name);
        status(app, text, true);
        return;
    }
    // Two pins of one scenario, each changed, were both "Baseline*" in the legend and the
    // compare table: number the later ones.
    let name = (1..)
        .map(|k| {
            if k == 1 {
                name.clone()
            } else {
                format!("{name} {k}")
            }
        })
        .find(|n| app.session.pins.iter().all(|p| &p.name != n))
        .unwrap_or(name);
    app.session.pins.push(Pin {
        name: name.clone(),
        projection: app.projection.clone(),
        overrides,
    });
    status(
        app,
        format!(
            "pinned \"{name}\" ({} of {MAX_PINS})",
            app.session.pins.len()
        ),
        false,
    );
}

/// Enters presentation mode at the current scenario's place in the deck, or leaves it.
pub fn toggle_presentation(app: &mut App) {
    if app.ui.presenting.take().is_some() {
        app.ui.revealed = None; // the explorer shows everything observed
        return;
    }
    let at = app
        .session
        .deck
        .iter()
        .position(|s| s.name == app.session.scenario);
    if let (Some(i), true) = (at, app.session.description.is_empty()) {
        app.session.description = app.session.deck[i].description.clone();
    }
    app.ui.presenting = Some(at.unwrap_or(0));
}

/// Steps through the deck, loading each scenario.
pub fn deck_step(app: &mut App, delta: isize) {
    let (Some(at), false) = (app.ui.presenting, app.session.deck.is_empty()) else {
        return;
    };
    let next = at
        .saturating_add_signed(delta)
        .min(app.session.deck.len() - 1);
    if next != at || app.session.scenario != app.session.deck[next].name {
        app.ui.presenting = Some(next);
        let s = app.session.deck[next].clone();
        move_to_base_year(app, s.base_year);
        load(app, &s);
        // A slide about the past asks the room first: what happened after its base year stays
        // hidden until `o` reveals it, a year at a time.
        app.ui.revealed = app.is_backtest().then_some(app.projection.base_year);
        if let Some(base) = app.ui.revealed {
            status(
                app,
                format!(
                    "\"{}\" from {base}: what happened next is hidden until o reveals it",
                    s.name
                ),
                false,
            );
        }
    }
}

/// Shows the next observed year on a predict-then-reveal slide (all of them after the last).
pub fn reveal(app: &mut App) {
    let Some(shown) = app.ui.revealed else {
        status(app, "nothing hidden: every observed year is shown", false);
        return;
    };
    let next = shown + 1;
    let last = app.setup.data.last_observed_year();
    app.ui.revealed = (next < last).then_some(next);
    status(app, format!("revealed what happened in {next}"), false);
}

/// Records a change of parameters for undo, and the last single-slider change for replay.
/// Consecutive moves of one slider (`slider_move` true, the same slider each time) make one
/// undo step and one replayable change, from the value before the first to the last.
pub fn record(app: &mut App, before: Snapshot, slider_move: bool) {
    // A move to another base year (a scenario about the past) starts undo afresh: the state
    // before belongs to the old base year's defaults (undoing into it mixed the two years).
    if before.params.base_year != app.params.base_year {
        app.edits.last_change = None;
        app.edits.moving = None;
        return;
    }
    let changed: Vec<usize> = (0..app.specs().len())
        .filter(|&i| app.setup.catalog.get(&before.params, i) != app.value(i))
        .collect();
    let single = match changed.as_slice() {
        [i] => Some(*i),
        _ => None,
    };
    if let (true, Some(i), Some(moving)) = (slider_move, single, app.edits.moving)
        && i == moving
        && !app.edits.undo.is_empty()
    {
        if let Some((_, from, _)) = app.edits.last_change.filter(|c| c.0 == i) {
            app.edits.last_change = Some((i, from, app.value(i)));
        }
        app.edits.redo.clear();
        return;
    }
    // Replay belongs to the scenario on screen: loading another one, or a change of many
    // sliders at once (reset all, undo to another scenario), leaves nothing to replay.
    let same_scenario = before.scenario == app.session.scenario;
    app.edits.last_change = match single {
        Some(i) if same_scenario => {
            Some((i, app.setup.catalog.get(&before.params, i), app.value(i)))
        }
        _ => None,
    };
    app.edits.moving = single.filter(|_| slider_move);
    app.edits.undo.push(before);
    if app.edits.undo.len() > MAX_UNDO {
        app.edits.undo.remove(0);
    }
    app.edits.redo.clear();
}

/// Clears the pins and says which.
pub fn clear_pins(app: &mut App) {
    let names: Vec<String> = app
        .session
        .pins
        .drain(..)
        .map(|p| format!("\"{}\"", p.name))
        .collect();
    if names.is_empty() {
        status(
            app,
            "nothing is pinned (c pins the current scenario)",
            false,
        );
    } else {
        status(
            app,
            format!("cleared the pins: {}", names.join(", ")),
            false,
        );
    }
}

/// Undo (`forward` false) or redo.
pub fn undo(app: &mut App, forward: bool) {
    let now = app.snapshot();
    let (from, to) = if forward {
        (&mut app.edits.redo, &mut app.edits.undo)
    } else {
        (&mut app.edits.undo, &mut app.edits.redo)
    };
    if let Some(s) = from.pop() {
        if s.scenario != now.scenario {
            app.edits.last_change = None; // replay belongs to the scenario on screen
        }
        to.push(now);
        app.restore(s);
    }
}

/// Starts replaying the last change: the slider jumps back to its old value, then moves to the
/// new one frame by frame.
pub fn start_replay(app: &mut App) {
    match app.edits.last_change {
        Some((index, from, to)) => {
            if app.value(index) != to {
                // The replay changes what is shown (after an undo, say): one undo step back.
                let now = app.snapshot();
                app.edits.undo.push(now);
                app.edits.redo.clear();
            }
            app.ui.selected = index;
            app.edits.replay = Some(Replay {
                index,
                from,
                to,
                frame: 0,
            });
            tick(app);
        }
        None => status(
            app,
            "nothing to replay in this scenario yet: move a slider first",
            true,
        ),
    }
}

/// Shows the next replay frame.
pub fn tick(app: &mut App) {
    let Some(mut r) = app.edits.replay else {
        return;
    };
    let t = f64::from(r.frame) / f64::from(REPLAY_FRAMES);
    let value = if r.frame >= REPLAY_FRAMES {
        r.to
    } else {
        r.from + (r.to - r.from) * t
    };
    r.key_set(app, value);
    r.frame += 1;
    app.edits.replay = (r.frame <= REPLAY_FRAMES).then_some(r);
}

impl Replay {
    fn key_set(&self, app: &mut App, value: f64) {
        app.setup.catalog.specs()[self.index]
            .key
            .set(&mut app.params, value);
        app.recompute();
    }
}

/// The settings (command line and scenario file) for the clipboard; says so with the command
/// line.
pub fn share(app: &mut App) -> String {
    let overrides = app.changed_overrides();
    // In backtest mode (or any base year but the default) the base year travels along.
    let base = Some(app.projection.base_year).filter(|y| *y != app.setup.data.last_observed_year());
    let text = crate::scenario::share::share_text(
        &app.session.scenario,
        &app.session.description,
        &app.session.sources,
        base,
        &overrides,
    );
    app.ui.status = Some(crate::tui::state::app::Status {
        text: format!(
            "copied (OSC 52): {}",
            crate::scenario::share::command_line(base, &overrides)
        ),
        error: false,
    });
    text
}
