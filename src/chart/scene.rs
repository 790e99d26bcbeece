//! What an export shows: the chart's input, and the settings and scenario behind it (name,
//! description, sources, what changed). The explorer builds one from its state; `memcycle
//! chart` and `report` from the settings alone ([`Standalone`]).

use crate::chart::input::{BandSource, ChartInput, Reach};
use crate::chart::kind::{ChartKind, ViewMode};
use crate::model::{Memory, Parameters, Projection};
use crate::setup::Setup;

/// A chart with the settings and scenario behind it.
#[derive(Debug, Clone)]
pub struct Scene<'a> {
    /// What the chart is drawn from.
    pub chart: ChartInput<'a>,
    /// The data and the parameter catalogue.
    pub setup: &'a Setup,
    /// The current settings.
    pub params: &'a Parameters,
    /// The scenario's name.
    pub scenario: &'a str,
    /// The scenario's description.
    pub description: &'a str,
    /// The scenario's own sources.
    pub sources: &'a [String],
}

impl Scene<'_> {
    /// Indices of the parameters that differ from their defaults.
    pub fn changed(&self) -> Vec<usize> {
        (0..self.setup.catalog.specs().len())
            .filter(|i| self.setup.catalog.is_changed(self.params, *i))
            .collect()
    }

    /// The same scene showing chart `kind`.
    pub fn showing(&self, kind: ChartKind) -> Self {
        let mut shown = self.clone();
        shown.chart.kind = kind;
        shown
    }
}

/// The slider a scene without the explorer counts as selected: the first, as the explorer
/// opens (its segment's line keeps a baseline ghost, and the change pane holds its reach).
const FIRST_SLIDER: usize = 0;

/// Settings and the projections worked out from them, for a scene without the explorer.
#[derive(Debug, Clone)]
pub struct Standalone {
    /// The data and the parameter catalogue.
    pub setup: Setup,
    /// The settings.
    pub params: Parameters,
    /// Their projection.
    pub projection: Projection,
    /// The default settings' projection.
    pub baseline: Projection,
    /// The scenario's name.
    pub scenario: String,
    /// The scenario's description.
    pub description: String,
    /// The scenario's own sources.
    pub sources: Vec<String>,
}

impl Standalone {
    /// `params` on `setup`, projected, named after the loaded scenario (else "Baseline").
    pub fn new(
        setup: Setup,
        params: Parameters,
        loaded: Option<crate::scenario::Scenario>,
    ) -> Self {
        let (scenario, description, sources) = loaded.map_or_else(
            || ("Baseline".to_owned(), String::new(), Vec::new()),
            |s| (s.name, s.description, s.sources),
        );
        Self {
            projection: setup.project(&params),
            baseline: setup.project(setup.catalog.baseline()),
            setup,
            params,
            scenario,
            description,
            sources,
        }
    }

    /// The scene of chart `kind` as the explorer opens on it: absolute values, baseline shown,
    /// recent years, no pins or bands.
    pub fn scene(&self, kind: ChartKind) -> Scene<'_> {
        let selected = self.setup.catalog.specs().get(FIRST_SLIDER);
        let chart = ChartInput {
            data: &self.setup.data,
            projection: &self.projection,
            baseline: &self.baseline,
            kind,
            view: ViewMode::Absolute,
            show_baseline: true,
            modified: self.setup.catalog.is_modified(&self.params),
            all_years: false,
            selected_segment: selected.and_then(|s| s.key.segment()),
            market_memory: selected
                .and_then(|s| s.key.memory())
                .unwrap_or(Memory::Dram),
            revealed: None,
            pins: Vec::new(),
            band: BandSource::Off,
            reach: Reach::Of {
                setup: &self.setup,
                params: &self.params,
                slider: FIRST_SLIDER,
            },
        };
        Scene {
            chart,
            setup: &self.setup,
            params: &self.params,
            scenario: &self.scenario,
            description: &self.description,
            sources: &self.sources,
        }
    }
}
