//! What a chart is drawn from: the projection, its baseline and the data, and the few choices
//! that change what a chart shows (which chart, the selected slider's segment and memory,
//! pins, bands). The explorer fills it from its state; `memcycle chart` and `report` from the
//! settings alone, so every drawing of a chart reads the same small struct.

use crate::chart::kind::{ChartKind, ViewMode};
use crate::data::Dataset;
use crate::insight::Bands;
use crate::insight::Quantity;
use crate::insight::past_errors::ErrorModel;
use crate::model::{Memory, Parameters, Projection};
use crate::setup::Setup;
use crate::units::Year;

/// Share of a slider's plausible range, each way from its default, that the change pane's axis
/// holds (see [`slider_reach`]).
pub const REACH_SHARE: f64 = 0.2;

/// Where the uncertainty band comes from.
#[derive(Debug, Clone, Copy)]
pub enum BandSource<'a> {
    /// No band.
    Off,
    /// The past errors of projections from earlier base years, per memory and quantity.
    PastErrors(&'a [((Memory, Quantity), ErrorModel)]),
    /// Draws of the parameters for the current settings.
    Draws(&'a Bands),
}

/// A pinned scenario's line: its name and projection.
#[derive(Debug, Clone, Copy)]
pub struct PinnedLine<'a> {
    /// Legend label.
    pub name: &'a str,
    /// Its projection.
    pub projection: &'a Projection,
}

/// The selected slider's projections at the two ends of its reach (see [`slider_reach`]): kept
/// from an earlier frame, or worked out when a change pane needs them.
#[derive(Debug, Clone, Copy)]
pub enum Reach<'a> {
    /// Worked out already.
    Kept(&'a [Projection]),
    /// To work out from the settings and the selected slider.
    Of {
        /// The data and catalogue.
        setup: &'a Setup,
        /// The current settings.
        params: &'a Parameters,
        /// The selected slider.
        slider: usize,
    },
}

impl<'a> Reach<'a> {
    /// The projections.
    pub fn projections(self) -> std::borrow::Cow<'a, [Projection]> {
        match self {
            Reach::Kept(kept) => std::borrow::Cow::Borrowed(kept),
            Reach::Of {
                setup,
                params,
                slider,
            } => std::borrow::Cow::Owned(slider_reach(setup, params, slider)),
        }
    }
}

/// Everything the chart model reads.
#[derive(Debug, Clone)]
pub struct ChartInput<'a> {
    /// The data (observations, estimates, the market's history).
    pub data: &'a Dataset,
    /// The projection of the current settings.
    pub projection: &'a Projection,
    /// The projection of the default settings.
    pub baseline: &'a Projection,
    /// Which chart.
    pub kind: ChartKind,
    /// How values compare with the baseline.
    pub view: ViewMode,
    /// Whether the baseline is drawn (its ghost lines and the change pane).
    pub show_baseline: bool,
    /// Whether any setting differs from the default.
    pub modified: bool,
    /// Whether the chart shows the whole history (else the last few years).
    pub all_years: bool,
    /// The segment of the selected slider, if it belongs to one.
    pub selected_segment: Option<usize>,
    /// The memory the market charts show.
    pub market_memory: Memory,
    /// In a replay, the last year whose observations are revealed so far.
    pub revealed: Option<Year>,
    /// Pinned scenarios, drawn as one more line each.
    pub pins: Vec<PinnedLine<'a>>,
    /// The uncertainty band.
    pub band: BandSource<'a>,
    /// The selected slider's projections at the two ends of its reach (see [`slider_reach`]).
    pub reach: Reach<'a>,
}

impl ChartInput<'_> {
    /// Whether the base year is earlier than the last observed year (backtest mode).
    pub fn is_backtest(&self) -> bool {
        self.projection.base_year < self.data.last_observed_year()
    }

    /// Whether the baseline's ghost lines are drawn: shown, and different from the line.
    pub fn ghosts_baseline(&self) -> bool {
        self.show_baseline && self.modified
    }
}

/// The projections of `params` with slider `slider` at its default less and plus
/// [`REACH_SHARE`] of its plausible range: how far that slider can move the lines.
pub fn slider_reach(setup: &Setup, params: &Parameters, slider: usize) -> Vec<Projection> {
    let Some(spec) = setup.catalog.specs().get(slider) else {
        return Vec::new();
    };
    let span = (spec.high - spec.low) * REACH_SHARE;
    [spec.default - span, spec.default + span]
        .into_iter()
        .map(|v| {
            let mut p = params.clone();
            setup.catalog.set(&mut p, slider, v);
            setup.project(&p)
        })
        .collect()
}
