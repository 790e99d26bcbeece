//! The parts of the explorer's state that are types of their own: the overlays, pinned
//! scenarios, the snapshots undo swaps, the history of edits and replays, and the status line.

use crate::model::{Parameters, Projection};
use crate::scenario::Entry;

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
        /// The description so far (it starts as the list of changes).
        description: String,
        /// Cursor position in the description, in characters.
        description_cursor: usize,
        /// Whether typing goes to the description (Tab switches).
        on_description: bool,
    },
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
        /// The description typed.
        description: String,
    },
    /// The parameters that differ from the baseline.
    Changes,
}

impl Overlay {
    /// The save prompt on the name, with `description` kept for the other field.
    pub fn save_prompt(name: String, description: String) -> Self {
        Overlay::Save {
            cursor: name.chars().count(),
            input: name,
            description_cursor: description.chars().count(),
            description,
            on_description: false,
        }
    }

    /// The text field typing goes to, and its cursor: the seek target, or the save prompt's
    /// name or description.
    pub fn field_mut(&mut self) -> Option<(&mut String, &mut usize)> {
        match self {
            Overlay::Seek { input, cursor }
            | Overlay::Save {
                input,
                cursor,
                on_description: false,
                ..
            } => Some((input, cursor)),
            Overlay::Save {
                description,
                description_cursor,
                on_description: true,
                ..
            } => Some((description, description_cursor)),
            _ => None,
        }
    }
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
