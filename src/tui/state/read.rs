//! Read access to the explorer's state for the command line, the tests and the benches: the
//! state's fields are private to the `tui` module and change only in `update`.

use crate::chart::kind::{ChartKind, ViewMode};
use crate::model::{Memory, Parameters, Projection};
use crate::scenario::{Scenario, Store};
use crate::setup::Setup;
use crate::tui::state::app::{App, Edits, Overlay, Pin, Status};
use crate::tui::state::view_kinds::{Focus, TableView};
use crate::tui::theme::Theme;
use crate::units::Year;
use ratatui::layout::Size;

/// Read access for the command line, the tests and the benches; the explorer changes its state
/// only through [`crate::tui::update::update`] and the builders.
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
        &self.session.loaded
    }

    /// The loaded scenario's own settings, to load it again at another base year.
    pub fn loaded_overrides(&self) -> &Vec<crate::params::Override> {
        &self.session.loaded_overrides
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
        &self.session.scenario
    }

    /// Panel with the arrow keys.
    pub fn focus(&self) -> Focus {
        self.ui.focus
    }

    /// Selected slider.
    pub fn selected(&self) -> usize {
        self.ui.selected
    }

    /// First slider row shown (scroll).
    pub fn slider_scroll(&self) -> usize {
        self.ui.slider_scroll
    }

    /// Year the readouts and table follow.
    pub fn year(&self) -> Year {
        self.ui.year
    }

    /// Chart shown.
    pub fn chart(&self) -> ChartKind {
        self.ui.chart
    }

    /// What the year table shows beside the totals.
    pub fn table_view(&self) -> TableView {
        self.ui.table_view
    }

    /// Absolute or against the baseline.
    pub fn view(&self) -> ViewMode {
        self.ui.view
    }

    /// Whether the baseline ghost is drawn when the scenario differs.
    pub fn show_baseline(&self) -> bool {
        self.ui.show_baseline
    }

    /// Charts show every history year rather than a window around the base year.
    pub fn all_years(&self) -> bool {
        self.ui.all_years
    }

    /// The overlay open over the screen, if any.
    pub fn overlay(&self) -> &Overlay {
        &self.ui.overlay
    }

    /// The scenario's description (shown in presentation mode).
    pub fn description(&self) -> &String {
        &self.session.description
    }

    /// The scenario's sources (kept when it is saved under another name).
    pub fn sources(&self) -> &Vec<String> {
        &self.session.sources
    }

    /// First table row shown.
    pub fn table_scroll(&self) -> usize {
        self.ui.table_scroll
    }

    /// Terminal size, for mouse hit-testing and scrolling.
    pub fn size(&self) -> Size {
        self.ui.size
    }

    /// Slider being dragged with the mouse.
    pub fn dragging(&self) -> Option<usize> {
        self.ui.dragging
    }

    /// Colours and chart marker.
    pub fn theme(&self) -> Theme {
        self.ui.theme
    }

    /// Memory shown by the market charts when no market slider is selected.
    pub fn memory(&self) -> Memory {
        self.ui.memory
    }

    /// Built-in and saved scenarios.
    pub fn store(&self) -> &Store {
        &self.session.store
    }

    /// Scenarios presentation mode steps through.
    pub fn deck(&self) -> &Vec<Scenario> {
        &self.session.deck
    }

    /// Presentation mode: the deck position, when presenting.
    pub fn presenting(&self) -> Option<usize> {
        self.ui.presenting
    }

    /// Scenarios pinned for comparison (at most [`crate::tui::state::app::MAX_PINS`]).
    pub fn pins(&self) -> &Vec<Pin> {
        &self.session.pins
    }

    /// Undo, redo and replay: the history of changes in this session.
    pub fn edits(&self) -> &Edits {
        &self.edits
    }

    /// A one-line message (saved, or why not), cleared by the next key.
    pub fn status(&self) -> &Option<Status> {
        &self.ui.status
    }

    /// Tornado, goal-seek output and uncertainty bands.
    pub fn insight(&self) -> &crate::tui::state::insight::Insight {
        &self.insight
    }

    /// Where `e` writes (default: `exports/` beside the scenarios directory).
    pub fn exports_dir(&self) -> &Option<std::path::PathBuf> {
        &self.session.exports_dir
    }

    /// Problems of data edited on disk (`--watch`), shown over the last good data until fixed.
    pub fn data_problems(&self) -> &Option<Vec<String>> {
        &self.ui.data_problems
    }
}
