//! Moving the explorer onto another setup: another base year (backtest mode), or data edited on
//! disk (`--watch`); the sliders the user moved come along.

use crate::setup::Setup;
use crate::tui::state::app::App;
use crate::units::Year;

/// Re-prepares the explorer for projections from `base_year`: history and defaults are those
/// knowable then. The sliders the user changed keep their values (clamped to the new ranges), so
/// do the loaded scenario and the pins; the key bar says so. Undo starts afresh: its steps
/// belong to the old base year's defaults.
pub(crate) fn rebase(app: &mut App, base_year: Year) {
    if base_year == app.projection.base_year {
        return;
    }
    let Ok(setup) = Setup::new(app.setup.data.clone(), Some(base_year)) else {
        return; // the data set was valid at its own base year; keep the last good state
    };
    let last = setup.data.last_observed_year();
    let left = leave_scenario_base(app);
    let edited = adopt(app, setup);
    app.ui.year = (base_year + 1).min(app.projection.horizon);
    app.ui.table_scroll = crate::tui::state::app::table_start(&app.projection);
    let mut kept = kept_note(edited);
    if let Some(name) = left {
        kept = format!("; \"{name}\" belongs to its own base year, so the baseline{kept}");
    }
    let what = if base_year < last {
        format!("backtest from {base_year}")
    } else {
        format!("back to history to {base_year}")
    };
    app.ui.status = Some(crate::tui::state::app::Status {
        text: format!("{what}{kept} (undo starts here)"),
        error: false,
    });
}

/// A scenario with its own base year (a story about the past, like the 2023 cuts) does not
/// travel to another base year: its settings would land clamped on years they were not written
/// for (a 2023 cut became one from 2026). The explorer goes back to the baseline instead; the
/// sliders the user moved still come along. Returns the scenario's name if it was left.
fn leave_scenario_base(app: &mut App) -> Option<String> {
    app.session.base_before_scenario.take()?;
    let name = std::mem::replace(&mut app.session.scenario, "Baseline".to_owned());
    app.session.loaded_overrides.clear();
    app.session.description.clear();
    app.session.sources.clear();
    Some(name)
}

/// Moves the explorer onto `setup` (another base year, or reloaded data): the loaded scenario,
/// the sliders moved since and the pins are carried over (clamped to the new ranges); undo
/// starts afresh, as its steps belong to the old defaults. Returns how many sliders were kept.
pub(in crate::tui) fn adopt(app: &mut App, setup: Setup) -> usize {
    let kept = app.carried_overrides();
    let edited = app.moved_since_loaded().count();
    let catalog = &setup.catalog;
    app.params = catalog.baseline_with_clamped(&kept);
    app.session.loaded = catalog.baseline_with_clamped(&app.session.loaded_overrides);
    app.baseline = setup.project(catalog.baseline());
    for pin in &mut app.session.pins {
        pin.projection = setup.project(&catalog.baseline_with_clamped(&pin.overrides));
    }
    app.edits.undo.clear();
    app.edits.redo.clear();
    app.edits.last_change = None;
    app.edits.moving = None;
    app.setup = setup;
    app.recompute();
    // Bands and past-error models belong to the old setup (`settle` fits what is shown anew).
    app.insight.bands = None;
    app.insight.errors = None;
    app.insight.rolling = crate::tui::state::insight::rolling_skill(&app.setup);
    edited
}

/// What the key bar says of the sliders `adopt` carried over.
pub(in crate::tui) fn kept_note(kept: usize) -> String {
    match kept {
        0 => String::new(),
        1 => "; your changed slider is kept".to_owned(),
        n => format!("; your {n} changed sliders are kept"),
    }
}
