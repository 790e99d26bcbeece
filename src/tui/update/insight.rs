//! The explorer's side of the insight functions: the tornado kept up to date with the sliders,
//! a tornado bar chosen as the selected slider, and goal seek applied as an undoable slider move.

use crate::insight::{Seek, seek as seek_value, tornado};
use crate::tui::state::app::{App, Focus, Overlay, Status};
use crate::tui::state::insight::TornadoView;

/// Shows the tornado (computed as the update settles) or hides it.
pub fn toggle_tornado(app: &mut App) {
    app.insight.tornado = match app.insight.tornado {
        Some(_) => None,
        None => Some(TornadoView::default()),
    };
}

/// Recomputes the tornado when the projection, the output or the year changed (two projections
/// per parameter: a few milliseconds; moving the highlight or the focus costs nothing), keeping
/// the highlight in range.
pub fn refresh_tornado(app: &mut App) {
    let Some((selected, computed_for)) = app
        .insight
        .tornado
        .as_ref()
        .map(|t| (t.selected, t.computed_for))
    else {
        return;
    };
    let output = app.insight.output_in(app.ui.year);
    let inputs = (app.revision, output);
    if computed_for == Some(inputs) {
        return;
    }
    let bars = tornado(&app.setup, &app.params, output);
    let current = output.value(&app.projection);
    app.insight.tornado = Some(TornadoView {
        selected: selected.min(bars.len().saturating_sub(1)),
        bars,
        current,
        computed_for: Some(inputs),
    });
}

/// Selects the highlighted bar's slider and moves the focus to the sliders.
pub fn choose_bar(app: &mut App) {
    let Some(index) = app
        .insight
        .tornado
        .as_ref()
        .and_then(|t| t.bars.get(t.selected))
        .map(|b| b.index)
    else {
        return;
    };
    app.ui.selected = index;
    app.ui.focus = Focus::Sliders;
}

/// Goal seek for the typed target: the selected slider set so that the insight output in the
/// selected year meets it (an undoable move), or a message with the closest reachable value.
pub fn seek(app: &mut App, target: &str) {
    let Ok(target) = target.trim().parse::<f64>() else {
        app.ui.status = Some(Status {
            text: format!("goal seek: \"{}\" is not a number", target.trim()),
            error: true,
        });
        return;
    };
    app.ui.overlay = Overlay::None;
    let output = app.insight.output_in(app.ui.year);
    let index = app.ui.selected;
    let Some(spec) = app.specs().get(index).cloned() else {
        return;
    };
    let figure = |v: f64| crate::format::fixed(v, 2);
    match seek_value(&app.setup, &app.params, index, output, target) {
        Some(Seek::Found { value, .. }) => {
            app.set_value(index, value);
            let got = output.value(&app.projection).unwrap_or(f64::NAN);
            app.ui.status = Some(Status {
                text: format!(
                    "seek: {} {} {} → {} {} = {} (u undoes)",
                    spec.label,
                    crate::format::figure(app.value(index)),
                    spec.unit,
                    output.id(),
                    output.year,
                    figure(got)
                ),
                error: false,
            });
        }
        Some(Seek::Unreachable { value, output: o }) => {
            app.ui.status = Some(Status {
                text: format!(
                    "seek: no {} in {}–{} reaches {}; closest {} → {}",
                    spec.label,
                    figure(spec.low),
                    figure(spec.high),
                    figure(target),
                    figure(value),
                    figure(o)
                ),
                error: true,
            });
        }
        None => {
            app.ui.status = Some(Status {
                text: format!("goal seek: {} is not defined here", output.label()),
                error: true,
            });
        }
    }
}

/// The next band mode: off, from draws, from past errors (the rolling backtest over every base
/// year the data allows, fitted once per base year: a few milliseconds), off.
pub fn cycle_bands(app: &mut App) {
    app.insight.band_mode = app.insight.band_mode.next();
}

/// Fits the past-error models for the current base year, unless they already are.
pub fn fit_errors(app: &mut App) {
    let base = app.projection.base_year;
    if app.insight.errors.as_ref().is_some_and(|(y, _)| *y == base) {
        return;
    }
    let data = &app.setup.data;
    let first = crate::setup::Setup::first_base_year(data);
    match crate::backtest::rolling::run(data, first..=base - 1, ERROR_HORIZON, None, &[]) {
        Ok(rolling) => {
            // Only what was known at the base year: forecasts of later years are left out.
            let models = crate::insight::past_errors::models_until(&rolling, base);
            app.insight.errors = Some((base, models));
        }
        Err(_) => {
            app.insight.errors = Some((base, Vec::new()));
            app.ui.status = Some(Status {
                text: "bands from past errors: too little history before this base year".into(),
                error: true,
            });
        }
    }
}

/// Years ahead the past errors are measured (the 1-5 year errors).
pub const ERROR_HORIZON: i32 = 5;
