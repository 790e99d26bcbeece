//! The explorer's state. It changes only in [`crate::tui::update::update`].

use crate::model::{Memory, Parameters, Projection};
use crate::params::ParamSpec;
use crate::scenario::{Scenario, Store};
use crate::setup::Setup;
use crate::tui::theme::Theme;
use crate::units::Year;
use ratatui::layout::Size;

pub use crate::chart::kind::{ChartKind, ViewMode};
pub use crate::tui::state::parts::{Edits, Overlay, Pin, Replay, Snapshot, Status};
pub use crate::tui::state::view_kinds::{Focus, TableView};

/// Explorer state.
#[derive(Debug, Clone)]
pub struct App {
    /// Data, engine and parameter catalog.
    pub(in crate::tui) setup: Setup,
    /// Current parameter values.
    pub(in crate::tui) params: Parameters,
    /// Projection with `params`.
    pub(in crate::tui) projection: Projection,
    /// Projection with the baseline parameters.
    pub(in crate::tui) baseline: Projection,
    /// Counts recomputed projections: what is derived from the projection (the tornado) is
    /// computed again only when this moved.
    pub(in crate::tui) revision: u64,
    /// The selected slider's reach (see [`App::selected_reach`]) for (revision, slider), kept
    /// by `update` so that drawing the change pane projects nothing.
    pub(in crate::tui) reach: Option<((u64, usize), Vec<Projection>)>,
    /// Undo, redo and replay: the history of changes in this session.
    pub(in crate::tui) edits: Edits,
    /// Tornado, goal-seek output and uncertainty bands.
    pub(in crate::tui) insight: crate::tui::state::insight::Insight,
    /// What is shown and how: panels, selections, scrolls, overlay, terminal size.
    pub(in crate::tui) ui: UiState,
    /// The scenario and its bookkeeping: what was loaded, where it is saved, pins and deck.
    pub(in crate::tui) session: SessionState,
}

/// What the explorer shows and how (changed only by `update`).
#[derive(Debug, Clone)]
pub struct UiState {
    /// Panel with the arrow keys.
    pub(in crate::tui) focus: Focus,
    /// Selected slider.
    pub(in crate::tui) selected: usize,
    /// First slider row shown (scroll).
    pub(in crate::tui) slider_scroll: usize,
    /// Year the readouts and table follow.
    pub(in crate::tui) year: Year,
    /// Chart shown.
    pub(in crate::tui) chart: ChartKind,
    /// Absolute or against the baseline.
    pub(in crate::tui) view: ViewMode,
    /// What the year table shows beside the totals.
    pub(in crate::tui) table_view: TableView,
    /// Predict, then reveal: on a deck slide that projects from an earlier base year, the last
    /// year whose observed figures are shown (`None`: all of them).
    pub(in crate::tui) revealed: Option<Year>,
    /// Whether the baseline ghost is drawn when the scenario differs.
    pub(in crate::tui) show_baseline: bool,
    /// Charts show every history year rather than a window around the base year.
    pub(in crate::tui) all_years: bool,
    /// The overlay open over the screen, if any.
    pub(in crate::tui) overlay: Overlay,
    /// First table row shown.
    pub(in crate::tui) table_scroll: usize,
    /// Terminal size, for mouse hit-testing and scrolling.
    pub(in crate::tui) size: Size,
    /// Slider being dragged with the mouse.
    pub(in crate::tui) dragging: Option<usize>,
    /// Colours and chart marker.
    pub(in crate::tui) theme: Theme,
    /// Memory shown by the market charts when no market slider is selected.
    pub(in crate::tui) memory: Memory,
    /// Presentation mode: the deck position, when presenting.
    pub(in crate::tui) presenting: Option<usize>,
    /// A one-line message (saved, or why not), cleared by the next key.
    pub(in crate::tui) status: Option<Status>,
    /// Problems of data edited on disk (`--watch`), shown over the last good data until fixed.
    pub(in crate::tui) data_problems: Option<Vec<String>>,
}

/// The scenario in the explorer and its bookkeeping.
#[derive(Debug, Clone)]
pub struct SessionState {
    /// The values as the current scenario was loaded (or saved): edits are measured from them.
    pub(in crate::tui) loaded: Parameters,
    /// The loaded scenario's own settings, to load it again at another base year.
    pub(in crate::tui) loaded_overrides: Vec<crate::params::Override>,
    /// Scenario name shown in the header.
    pub(in crate::tui) scenario: String,
    /// The scenario's description (shown in presentation mode).
    pub(in crate::tui) description: String,
    /// The scenario's sources (kept when it is saved under another name).
    pub(in crate::tui) sources: Vec<String>,
    /// Built-in and saved scenarios.
    pub(in crate::tui) store: Store,
    /// Scenarios presentation mode steps through.
    pub(in crate::tui) deck: Vec<Scenario>,
    /// Scenarios pinned for comparison (at most [`MAX_PINS`]).
    pub(in crate::tui) pins: Vec<Pin>,
    /// Where `e` writes (default: `exports/` beside the scenarios directory).
    pub(in crate::tui) exports_dir: Option<std::path::PathBuf>,
    /// The base year the explorer had before a scenario with its own base year moved it
    /// (`cuts-2023`), to return to when a scenario without one is loaded.
    pub(in crate::tui) base_before_scenario: Option<crate::units::Year>,
}

/// History rows the year table shows above the first projected year when it opens: enough to
/// read the trend into the base year, leaving the rest of the table to the projection.
pub const TABLE_HISTORY_ROWS: usize = 3;

/// The first table row to show for `p`: [`TABLE_HISTORY_ROWS`] history rows up to the base year,
/// then the projection.
pub fn table_start(p: &Projection) -> usize {
    p.index(p.base_year)
        .map_or(0, |i| (i + 1).saturating_sub(TABLE_HISTORY_ROWS))
}

/// At most this many scenarios are pinned for comparison.
pub const MAX_PINS: usize = 3;
/// Frames a replay takes (the loop ticks every [`REPLAY_FRAME_MS`]).
pub const REPLAY_FRAMES: u32 = 15;
/// Milliseconds between replay frames.
pub const REPLAY_FRAME_MS: u64 = 50;

impl App {
    /// The explorer with the loaded scenario's sources.
    pub fn with_sources(mut self, sources: Vec<String>) -> Self {
        self.session.sources = sources;
        self
    }

    /// The explorer with the description of the scenario it starts from.
    pub fn with_description(mut self, description: String) -> Self {
        self.session.description = description;
        self
    }

    /// The explorer saving to and loading from `store`.
    pub fn with_store(mut self, store: Store) -> Self {
        self.session.store = store;
        self
    }

    /// Shows `text` on the key bar (as an error when `error`).
    pub fn show_status(&mut self, text: impl Into<String>, error: bool) {
        self.ui.status = Some(Status {
            text: text.into(),
            error,
        });
    }

    /// The explorer exporting into `dir` (`None`: beside the scenarios directory).
    pub fn with_exports_dir(mut self, dir: Option<std::path::PathBuf>) -> Self {
        self.session.exports_dir = dir;
        self
    }

    /// The explorer drawn with `theme`.
    pub fn with_theme(mut self, theme: Theme) -> Self {
        self.ui.theme = theme;
        self
    }

    /// The explorer opening on `chart`.
    pub fn with_chart(mut self, chart: ChartKind) -> Self {
        self.ui.chart = chart;
        self
    }

    /// The explorer with the presentation deck `deck`.
    pub fn with_deck(mut self, deck: Vec<Scenario>) -> Self {
        self.session.deck = deck;
        self
    }

    /// An explorer on `setup`, starting from `params` (the baseline plus any `--set`).
    pub fn new(
        setup: Setup,
        params: Parameters,
        scenario: impl Into<String>,
        theme: Theme,
    ) -> Self {
        let baseline = setup.project(setup.catalog.baseline());
        let projection = setup.project(&params);
        let table_scroll = table_start(&projection);
        let year = (projection.base_year + 1).min(projection.horizon);
        let rolling = crate::tui::state::insight::rolling_skill(&setup);
        Self {
            session: SessionState {
                loaded_overrides: setup.catalog.overrides_of(&params),
                loaded: params.clone(),
                scenario: scenario.into(),
                description: String::new(),
                sources: Vec::new(),
                store: Store::default(),
                deck: Vec::new(),
                pins: Vec::new(),
                exports_dir: None,
                base_before_scenario: None,
            },
            ui: UiState {
                focus: Focus::Sliders,
                selected: 0,
                slider_scroll: 0,
                year,
                chart: ChartKind::Dram,
                view: ViewMode::Absolute,
                table_view: TableView::Shipments,
                revealed: None,
                show_baseline: true,
                all_years: false,
                overlay: Overlay::None,
                table_scroll,
                size: Size::new(80, 24),
                dragging: None,
                theme,
                memory: Memory::Dram,
                presenting: None,
                status: None,
                data_problems: None,
            },
            setup,
            params,
            projection,
            baseline,
            revision: 0,
            reach: None,
            edits: Edits::default(),
            insight: crate::tui::state::insight::Insight {
                rolling,
                ..crate::tui::state::insight::Insight::default()
            },
        }
    }

    /// Whether the help overlay is open (either page).
    pub fn help(&self) -> bool {
        matches!(self.ui.overlay, Overlay::Help | Overlay::Glossary)
    }

    /// The parameters that differ from the baseline, as overrides (what a saved scenario holds).
    pub fn changed_overrides(&self) -> Vec<crate::params::Override> {
        self.setup.catalog.overrides_of(&self.params)
    }

    /// What to carry to another base year: the loaded scenario's settings, then every slider
    /// moved since it was loaded.
    pub fn carried_overrides(&self) -> Vec<crate::params::Override> {
        let mut out = self.session.loaded_overrides.clone();
        for i in self.moved_since_loaded() {
            let spec = &self.specs()[i];
            out.retain(|o| o.id != spec.id);
            out.push(crate::params::Override {
                id: spec.id.clone(),
                value: self.value(i),
            });
        }
        out
    }

    /// The sliders moved since the scenario was loaded or saved (by more than a millionth of a
    /// step, so rounding noise does not count).
    pub fn moved_since_loaded(&self) -> impl Iterator<Item = usize> + '_ {
        let catalog = &self.setup.catalog;
        self.specs()
            .iter()
            .enumerate()
            .filter_map(move |(i, spec)| {
                ((self.value(i) - catalog.get(&self.session.loaded, i)).abs() > spec.step * 1e-6)
                    .then_some(i)
            })
    }

    /// Every slider's parameter.
    pub fn specs(&self) -> &[ParamSpec] {
        self.setup.catalog.specs()
    }

    /// Current value of slider `i`.
    pub fn value(&self, i: usize) -> f64 {
        self.setup.catalog.get(&self.params, i)
    }

    /// Whether slider `i` differs from its default.
    pub fn is_changed(&self, i: usize) -> bool {
        self.setup.catalog.is_changed(&self.params, i)
    }

    /// The session as it stands, for undo.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            params: self.params.clone(),
            loaded: self.session.loaded.clone(),
            loaded_overrides: self.session.loaded_overrides.clone(),
            scenario: self.session.scenario.clone(),
            description: self.session.description.clone(),
            sources: self.session.sources.clone(),
        }
    }

    /// Puts a snapshot back and recomputes.
    pub fn restore(&mut self, s: Snapshot) {
        self.params = s.params;
        self.session.loaded = s.loaded;
        self.session.loaded_overrides = s.loaded_overrides;
        self.session.scenario = s.scenario;
        self.session.description = s.description;
        self.session.sources = s.sources;
        self.recompute();
    }

    /// Whether the sliders were moved since the scenario was loaded or saved.
    pub fn is_edited(&self) -> bool {
        self.params != self.session.loaded
    }

    /// Whether any parameter differs from the baseline.
    pub fn is_modified(&self) -> bool {
        self.setup.catalog.is_modified(&self.params)
    }

    /// Index of the segment the selected slider belongs to, if any.
    pub fn selected_segment(&self) -> Option<usize> {
        self.specs().get(self.ui.selected)?.key.segment()
    }

    /// Memory the market charts show: that of the selected slider, else the one chosen with `m`.
    pub fn market_memory(&self) -> Memory {
        self.specs()
            .get(self.ui.selected)
            .and_then(|s| s.key.memory())
            .unwrap_or(self.ui.memory)
    }

    /// Whether the base year is earlier than the last observed year (backtest mode).
    pub fn is_backtest(&self) -> bool {
        self.projection.base_year < self.setup.data.last_observed_year()
    }

    /// Scores of the projection against what was observed after its base year (empty
    /// outside backtest mode).
    pub fn backtest_scores(&self) -> Vec<crate::backtest::SeriesScore> {
        if !self.is_backtest() {
            return Vec::new();
        }
        crate::backtest::scores(
            &self.setup.data,
            &self.projection,
            self.setup.data.last_observed_year(),
        )
    }

    /// Projections with the selected slider a fifth of its plausible range below and above its
    /// default, the others as they are: the scale of a typical move of that slider (the change
    /// pane's axis holds it, so the axis stays still while the slider moves near its default).
    pub fn selected_reach(&self) -> Vec<Projection> {
        crate::chart::input::slider_reach(&self.setup, &self.params, self.ui.selected)
    }

    /// The chart on screen with the settings and scenario behind it, for the exports.
    pub fn scene(&self) -> crate::chart::scene::Scene<'_> {
        crate::chart::scene::Scene {
            chart: self.chart_input(),
            setup: &self.setup,
            params: &self.params,
            scenario: &self.session.scenario,
            description: &self.session.description,
            sources: &self.session.sources,
        }
    }

    /// What the chart on screen is drawn from.
    pub fn chart_input(&self) -> crate::chart::input::ChartInput<'_> {
        use crate::chart::input::{ChartInput, PinnedLine, Reach};
        ChartInput {
            data: &self.setup.data,
            projection: &self.projection,
            baseline: &self.baseline,
            kind: self.ui.chart,
            view: self.ui.view,
            show_baseline: self.ui.show_baseline,
            modified: self.is_modified(),
            all_years: self.ui.all_years,
            selected_segment: self.selected_segment(),
            market_memory: self.market_memory(),
            revealed: self.ui.revealed,
            pins: self
                .session
                .pins
                .iter()
                .map(|p| PinnedLine {
                    name: &p.name,
                    projection: &p.projection,
                })
                .collect(),
            band: self
                .insight
                .band_source(self.projection.base_year, &self.params),
            reach: match &self.reach {
                Some((key, kept)) if *key == (self.revision, self.ui.selected) => Reach::Kept(kept),
                _ => Reach::Of {
                    setup: &self.setup,
                    params: &self.params,
                    slider: self.ui.selected,
                },
            },
        }
    }

    /// Sets slider `index` (clamped to its range) and recomputes when the value changed.
    pub fn set_value(&mut self, index: usize, value: f64) {
        let before = self.value(index);
        let after = self.setup.catalog.set(&mut self.params, index, value);
        if after != before {
            self.recompute();
        }
    }

    /// Recomputes the projection after a parameter moved; keeps the selected year in range.
    pub fn recompute(&mut self) {
        self.projection = self.setup.project(&self.params);
        self.revision += 1;
        self.ui.year = self
            .ui
            .year
            .clamp(self.projection.first_year, self.projection.horizon);
    }
}
