//! The explorer's state. It changes only in [`super::update::update`].

use super::theme::Theme;
use crate::model::{Memory, Parameters, Projection};
use crate::params::ParamSpec;
use crate::scenario::{Entry, Scenario, Store};
use crate::setup::Setup;
use crate::units::Year;
use ratatui::layout::Size;

pub use super::view_kinds::{ChartKind, Focus, ViewMode};

/// Explorer state.
#[derive(Debug, Clone)]
pub struct App {
    /// Data, engine and parameter catalog.
    pub(in crate::tui) setup: Setup,
    /// Current parameter values.
    pub(in crate::tui) params: Parameters,
    /// The values as the current scenario was loaded (or saved): edits are measured from them.
    pub(in crate::tui) loaded: Parameters,
    /// The loaded scenario's own settings, to load it again at another base year.
    pub(in crate::tui) loaded_overrides: Vec<crate::params::Override>,
    /// Projection with `params`.
    pub(in crate::tui) projection: Projection,
    /// Projection with the baseline parameters.
    pub(in crate::tui) baseline: Projection,
    /// Scenario name shown in the header.
    pub(in crate::tui) scenario: String,
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
    /// Whether the baseline ghost is drawn when the scenario differs.
    pub(in crate::tui) show_baseline: bool,
    /// Charts show every history year rather than a window around the base year.
    pub(in crate::tui) all_years: bool,
    /// The overlay open over the screen, if any.
    pub(in crate::tui) overlay: Overlay,
    /// The scenario's description (shown in presentation mode).
    pub(in crate::tui) description: String,
    /// The scenario's sources (kept when it is saved under another name).
    pub(in crate::tui) sources: Vec<String>,
    /// First table row shown.
    pub(in crate::tui) table_scroll: usize,
    /// Terminal size, for mouse hit-testing and scrolling.
    pub(in crate::tui) size: Size,
    /// Slider being dragged with the mouse.
    pub(in crate::tui) dragging: Option<usize>,
    /// Set when the user asked to quit.
    pub(in crate::tui) quit: bool,
    /// Colours and chart marker.
    pub(in crate::tui) theme: Theme,
    /// Memory shown by the market charts when no market slider is selected.
    pub(in crate::tui) memory: Memory,
    /// Built-in and saved scenarios.
    pub(in crate::tui) store: Store,
    /// Scenarios presentation mode steps through.
    pub(in crate::tui) deck: Vec<Scenario>,
    /// Presentation mode: the deck position, when presenting.
    pub(in crate::tui) presenting: Option<usize>,
    /// Scenarios pinned for comparison (at most [`MAX_PINS`]).
    pub(in crate::tui) pins: Vec<Pin>,
    /// Undo, redo and replay: the history of changes in this session.
    pub(in crate::tui) edits: Edits,
    /// A one-line message (saved, or why not), cleared by the next key.
    pub(in crate::tui) status: Option<Status>,
    /// Tornado, goal-seek output and uncertainty bands.
    pub(in crate::tui) insight: super::insight_state::Insight,
    /// Text waiting to go to the terminal's clipboard (OSC 52); the loop sends it.
    pub(in crate::tui) clipboard: Option<String>,
    /// Where `e` writes (default: `exports/` beside the scenarios directory).
    pub(in crate::tui) exports_dir: Option<std::path::PathBuf>,
    /// Problems of data edited on disk (`--watch`), shown over the last good data until fixed.
    pub(in crate::tui) data_problems: Option<Vec<String>>,
}

/// Read access for the command line, the tests and the benches; the explorer changes its state
/// only through [`super::update::update`] and the builders.
impl App {
    /// Data, engine and parameter catalog.
    pub fn setup(&self) -> &Setup {
        &self.setup
    }

    /// Current parameter values.
    pub fn params(&self) -> &Parameters {
        &self.params
    }

    /// The values as the current scenario was loaded (or saved): edits are measured from them.
    pub fn loaded(&self) -> &Parameters {
        &self.loaded
    }

    /// The loaded scenario's own settings, to load it again at another base year.
    pub fn loaded_overrides(&self) -> &Vec<crate::params::Override> {
        &self.loaded_overrides
    }

    /// Projection with `params`.
    pub fn projection(&self) -> &Projection {
        &self.projection
    }

    /// Projection with the baseline parameters.
    pub fn baseline(&self) -> &Projection {
        &self.baseline
    }

    /// Scenario name shown in the header.
    pub fn scenario(&self) -> &String {
        &self.scenario
    }

    /// Panel with the arrow keys.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// Selected slider.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// First slider row shown (scroll).
    pub fn slider_scroll(&self) -> usize {
        self.slider_scroll
    }

    /// Year the readouts and table follow.
    pub fn year(&self) -> Year {
        self.year
    }

    /// Chart shown.
    pub fn chart(&self) -> ChartKind {
        self.chart
    }

    /// Absolute or against the baseline.
    pub fn view(&self) -> ViewMode {
        self.view
    }

    /// Whether the baseline ghost is drawn when the scenario differs.
    pub fn show_baseline(&self) -> bool {
        self.show_baseline
    }

    /// Charts show every history year rather than a window around the base year.
    pub fn all_years(&self) -> bool {
        self.all_years
    }

    /// The overlay open over the screen, if any.
    pub fn overlay(&self) -> &Overlay {
        &self.overlay
    }

    /// The scenario's description (shown in presentation mode).
    pub fn description(&self) -> &String {
        &self.description
    }

    /// The scenario's sources (kept when it is saved under another name).
    pub fn sources(&self) -> &Vec<String> {
        &self.sources
    }

    /// First table row shown.
    pub fn table_scroll(&self) -> usize {
        self.table_scroll
    }

    /// Terminal size, for mouse hit-testing and scrolling.
    pub fn size(&self) -> Size {
        self.size
    }

    /// Slider being dragged with the mouse.
    pub fn dragging(&self) -> Option<usize> {
        self.dragging
    }

    /// Set when the user asked to quit.
    pub fn quit(&self) -> bool {
        self.quit
    }

    /// Colours and chart marker.
    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// Memory shown by the market charts when no market slider is selected.
    pub fn memory(&self) -> Memory {
        self.memory
    }

    /// Built-in and saved scenarios.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Scenarios presentation mode steps through.
    pub fn deck(&self) -> &Vec<Scenario> {
        &self.deck
    }

    /// Presentation mode: the deck position, when presenting.
    pub fn presenting(&self) -> Option<usize> {
        self.presenting
    }

    /// Scenarios pinned for comparison (at most [`MAX_PINS`]).
    pub fn pins(&self) -> &Vec<Pin> {
        &self.pins
    }

    /// Undo, redo and replay: the history of changes in this session.
    pub fn edits(&self) -> &Edits {
        &self.edits
    }

    /// A one-line message (saved, or why not), cleared by the next key.
    pub fn status(&self) -> &Option<Status> {
        &self.status
    }

    /// Tornado, goal-seek output and uncertainty bands.
    pub fn insight(&self) -> &super::insight_state::Insight {
        &self.insight
    }

    /// Text waiting to go to the terminal's clipboard (OSC 52); the loop sends it.
    pub fn clipboard(&self) -> &Option<String> {
        &self.clipboard
    }

    /// Where `e` writes (default: `exports/` beside the scenarios directory).
    pub fn exports_dir(&self) -> &Option<std::path::PathBuf> {
        &self.exports_dir
    }

    /// Problems of data edited on disk (`--watch`), shown over the last good data until fixed.
    pub fn data_problems(&self) -> &Option<Vec<String>> {
        &self.data_problems
    }
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
/// Share of a slider's plausible range, each way from its default, that the change pane's
/// axis holds (see [`App::selected_reach`]).
pub const REACH_SHARE: f64 = 0.2;
/// Frames a replay takes (the loop ticks every [`REPLAY_FRAME_MS`]).
pub const REPLAY_FRAMES: u32 = 15;
/// Milliseconds between replay frames.
pub const REPLAY_FRAME_MS: u64 = 50;

/// An overlay over the main screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Overlay {
    /// None.
    #[default]
    None,
    /// The key help.
    Help,
    /// The help's second page: what the readouts, glyphs and chart marks mean.
    Glossary,
    /// The scenario picker: entries and the highlighted one.
    Picker {
        /// Built-in then saved scenarios.
        entries: Vec<Entry>,
        /// Highlighted row.
        selected: usize,
    },
    /// Typing the target of goal seek: the selected slider such that the insight output in
    /// the selected year equals it.
    Seek {
        /// The target so far.
        input: String,
        /// Cursor position, in characters.
        cursor: usize,
    },
    /// Typing the name to save the current settings under.
    Save {
        /// The name so far.
        input: String,
        /// Cursor position, in characters.
        cursor: usize,
    },
    /// A saved scenario of that name exists: overwrite it?
    /// What the slider at this index means, how its default was set and the data behind it.
    Info(usize),
    /// Problems found in a scenario, one per line (Esc or Enter closes).
    Problems {
        /// What could not be done.
        title: String,
        /// One line per problem.
        lines: Vec<String>,
    },
    /// Quit with unsaved changes? S saves, q quits anyway, Esc stays.
    ConfirmQuit,
    /// Overwrite a saved scenario?
    ConfirmOverwrite {
        /// The name typed.
        name: String,
    },
    /// The parameters that differ from the baseline.
    Changes,
}

/// A scenario pinned for comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Pin {
    /// Name shown in the legend and delta table.
    pub name: String,
    /// Its projection.
    pub projection: Projection,
    /// Its parameters that differ from the baseline, to project it again from another base
    /// year.
    pub overrides: Vec<crate::params::Override>,
}

/// The session as it stands: the sliders and the scenario they belong to. Undo and redo swap
/// whole snapshots, so the header's name and "*modified" always follow the numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The sliders.
    pub params: Parameters,
    /// The values as the scenario was loaded or saved.
    pub loaded: Parameters,
    /// The scenario's own settings.
    pub loaded_overrides: Vec<crate::params::Override>,
    /// Scenario name.
    pub scenario: String,
    /// Scenario description.
    pub description: String,
    /// Scenario sources.
    pub sources: Vec<String>,
}

/// The history of changes in a session: what undo and redo swap back, and the last slider move
/// that replay shows again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Edits {
    /// What was on screen before each change, for undo.
    pub undo: Vec<Snapshot>,
    /// What undo took back, for redo.
    pub redo: Vec<Snapshot>,
    /// The last slider change: slider, value before, value after.
    pub last_change: Option<(usize, f64, f64)>,
    /// The slider whose consecutive moves are being merged into one undo step and one
    /// replayable change (a held-down arrow key is one move).
    pub moving: Option<usize>,
    /// A replay of the last change in progress.
    pub replay: Option<Replay>,
}

/// A replay of a slider change, frame by frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Replay {
    /// Slider.
    pub index: usize,
    /// Value it starts from.
    pub from: f64,
    /// Value it ends at.
    pub to: f64,
    /// Frames shown so far.
    pub frame: u32,
}

/// A status message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The text.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
}

impl App {
    /// The explorer with the description of the scenario it starts from.
    pub fn with_description(mut self, description: String) -> Self {
        self.description = description;
        self
    }

    /// The explorer saving to and loading from `store`.
    pub fn with_store(mut self, store: Store) -> Self {
        self.store = store;
        self
    }

    /// The explorer exporting into `dir` (`None`: beside the scenarios directory).
    pub fn with_exports_dir(mut self, dir: Option<std::path::PathBuf>) -> Self {
        self.exports_dir = dir;
        self
    }

    /// The explorer drawn with `theme`.
    pub fn with_theme(mut self, theme: Theme) -> Self {
        self.theme = theme;
        self
    }

    /// The explorer opening on `chart`.
    pub fn with_chart(mut self, chart: ChartKind) -> Self {
        self.chart = chart;
        self
    }

    /// The explorer with the presentation deck `deck`.
    pub fn with_deck(mut self, deck: Vec<Scenario>) -> Self {
        self.deck = deck;
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
        Self {
            loaded_overrides: setup.catalog.overrides_of(&params),
            setup,
            loaded: params.clone(),
            params,
            projection,
            baseline,
            scenario: scenario.into(),
            focus: Focus::Sliders,
            selected: 0,
            slider_scroll: 0,
            year,
            chart: ChartKind::Dram,
            view: ViewMode::Absolute,
            show_baseline: true,
            all_years: false,
            overlay: Overlay::None,
            description: String::new(),
            sources: Vec::new(),
            table_scroll,
            size: Size::new(80, 24),
            dragging: None,
            quit: false,
            theme,
            memory: Memory::Dram,
            store: Store::default(),
            deck: Vec::new(),
            presenting: None,
            pins: Vec::new(),
            edits: Edits::default(),
            status: None,
            insight: super::insight_state::Insight::default(),
            clipboard: None,
            exports_dir: None,
            data_problems: None,
        }
    }

    /// Whether the help overlay is open (either page).
    pub fn help(&self) -> bool {
        matches!(self.overlay, Overlay::Help | Overlay::Glossary)
    }

    /// The parameters that differ from the baseline, as overrides (what a saved scenario holds).
    pub fn changed_overrides(&self) -> Vec<crate::params::Override> {
        self.setup.catalog.overrides_of(&self.params)
    }

    /// What to carry to another base year: the loaded scenario's settings, then every slider
    /// moved since it was loaded.
    pub fn carried_overrides(&self) -> Vec<crate::params::Override> {
        let mut out = self.loaded_overrides.clone();
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
                ((self.value(i) - catalog.get(&self.loaded, i)).abs() > spec.step * 1e-6)
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
        let spec = &self.specs()[i];
        (self.value(i) - spec.default).abs() > spec.step * 1e-6
    }

    /// The session as it stands, for undo.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            params: self.params.clone(),
            loaded: self.loaded.clone(),
            loaded_overrides: self.loaded_overrides.clone(),
            scenario: self.scenario.clone(),
            description: self.description.clone(),
            sources: self.sources.clone(),
        }
    }

    /// Puts a snapshot back and recomputes.
    pub fn restore(&mut self, s: Snapshot) {
        self.params = s.params;
        self.loaded = s.loaded;
        self.loaded_overrides = s.loaded_overrides;
        self.scenario = s.scenario;
        self.description = s.description;
        self.sources = s.sources;
        self.recompute();
    }

    /// Whether the sliders were moved since the scenario was loaded or saved.
    pub fn is_edited(&self) -> bool {
        self.params != self.loaded
    }

    /// Whether any parameter differs from the baseline.
    pub fn is_modified(&self) -> bool {
        (0..self.specs().len()).any(|i| self.is_changed(i))
    }

    /// Index of the segment the selected slider belongs to, if any.
    pub fn selected_segment(&self) -> Option<usize> {
        self.specs().get(self.selected)?.key.segment()
    }

    /// Memory the market charts show: that of the selected slider, else the one chosen with `m`.
    pub fn market_memory(&self) -> Memory {
        self.specs()
            .get(self.selected)
            .and_then(|s| s.key.memory())
            .unwrap_or(self.memory)
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
        let Some(spec) = self.specs().get(self.selected) else {
            return Vec::new();
        };
        let span = (spec.high - spec.low) * REACH_SHARE;
        [spec.default - span, spec.default + span]
            .into_iter()
            .map(|v| {
                let mut p = self.params.clone();
                self.setup.catalog.set(&mut p, self.selected, v);
                self.setup.project(&p)
            })
            .collect()
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
        self.year = self
            .year
            .clamp(self.projection.first_year, self.projection.horizon);
    }
}
