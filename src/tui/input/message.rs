//! Everything that can happen to the explorer, as plain values: the keymap produces them,
//! [`crate::tui::update::update`] consumes them, and tests drive the app with them.

use crate::tui::state::app::{ChartKind, Focus};
use ratatui::layout::Size;

/// A line-editing key in a text prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Cursor one character left.
    Left,
    /// Cursor one character right.
    Right,
    /// Cursor to the start.
    Home,
    /// Cursor to the end.
    End,
    /// Delete the character under the cursor.
    Delete,
    /// Delete from the start to the cursor (Ctrl-U).
    ClearToStart,
    /// Delete the word before the cursor (Ctrl-W).
    DeleteWord,
}

/// An event in the explorer's vocabulary.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Message {
    /// A line-editing key in the save prompt.
    Edit(Edit),
    /// Leave the explorer at once (Ctrl-C, or "quit anyway").
    Quit,
    /// Leave the explorer, asking first when the sliders have unsaved changes (q, Esc).
    RequestQuit,
    /// Move the slider selection by this many rows (negative: up).
    Select(isize),
    /// Select this slider (mouse).
    SelectIndex(usize),
    /// Move the selected slider by this many steps.
    Step(i32),
    /// Move the selected slider by this many large steps (a tenth of its range).
    BigStep(i32),
    /// Set the selected slider to its minimum.
    ToMin,
    /// Set the selected slider to its maximum.
    ToMax,
    /// Reset the selected slider to its default.
    Reset,
    /// Reset every slider.
    ResetAll,
    /// Set slider `index` to the value at `fraction` (0..1) of its range (mouse click or drag).
    SetFraction {
        /// Slider index.
        index: usize,
        /// Position along the track.
        fraction: f64,
    },
    /// Step slider `index` by `steps` (mouse wheel).
    StepIndex {
        /// Slider index.
        index: usize,
        /// Steps (negative: down).
        steps: i32,
    },
    /// Mouse released: stop dragging.
    EndDrag,
    /// Move focus to the next panel (negative: previous).
    CycleFocus(isize),
    /// Focus this panel.
    Focus(Focus),
    /// Move the selected year by this many years.
    Year(i32),
    /// Select the first year shown (history's first).
    FirstYear,
    /// Select the last year shown (the horizon).
    LastYear,
    /// Show this chart.
    Chart(ChartKind),
    /// Show the next chart (negative: previous).
    CycleChart(isize),
    /// Show or hide the baseline ghost.
    ToggleBaseline,
    /// Charts: every history year, or a window around the base year.
    ToggleAllYears,
    /// Absolute -> change vs baseline -> % vs baseline.
    CycleView,
    /// What the year table shows: shipments, DRAM or NAND by segment, the market.
    CycleTableView,
    /// Predict, then reveal: show the next observed year of a slide about the past.
    Reveal,
    /// Open or close the help overlay.
    ToggleHelp,
    /// Switch the help between its pages (keys, glossary).
    HelpPage,
    /// Show or hide the tornado of the insight output.
    ToggleTornado,
    /// The next insight output (tornado and goal seek).
    CycleOutput,
    /// Move the tornado's highlight by this many bars.
    TornadoMove(isize),
    /// Select the highlighted tornado bar's slider.
    TornadoChoose,
    /// Open the goal-seek prompt.
    OpenSeek,
    /// Show or hide the uncertainty bands.
    ToggleBands,
    /// Copy the settings (command line and scenario file) to the clipboard.
    Share,
    /// Write the chart (SVG) and the projection (CSV) into the exports directory.
    Export,
    /// Write the handout (one HTML page) into the exports directory.
    Report,
    /// Close whatever overlay is open.
    CloseOverlay,
    /// Market charts: show the other memory (DRAM / NAND).
    ToggleMemory,
    /// Enter or leave backtest mode (base year moved back / restored).
    ToggleBacktest,
    /// In backtest mode, move the base year by this many years.
    BaseYear(i32),
    /// Open the scenario picker.
    OpenPicker,
    /// Move the picker's highlight.
    PickerMove(isize),
    /// Load the highlighted scenario.
    PickerChoose,
    /// Start saving the current settings as a scenario (asks for a name).
    OpenSave,
    /// A character typed into the name prompt.
    Input(char),
    /// Delete the last character of the name prompt.
    Backspace,
    /// Save under the name typed.
    Submit,
    /// Move between the save prompt's name and description.
    SwitchField,
    /// Answer to "overwrite?".
    Confirm(bool),
    /// Undo the last slider change.
    Undo,
    /// Redo the change undone.
    Redo,
    /// Show or hide the card of what differs from the baseline.
    ToggleChanges,
    /// Open or close the selected slider's information card.
    ToggleInfo,
    /// Pin the current scenario for comparison.
    Pin,
    /// Clear the pinned scenarios.
    ClearPins,
    /// Enter or leave presentation mode.
    TogglePresentation,
    /// Presentation mode: the next (or previous) scenario of the deck.
    DeckStep(isize),
    /// Replay the last slider change from its old value.
    Replay,
    /// A frame of a replay.
    Tick,
    /// The terminal changed size.
    Resize(Size),
}
