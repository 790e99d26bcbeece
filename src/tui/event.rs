//! What reaches the explorer's state and what leaves it: every change arrives as an [`Event`]
//! through [`crate::tui::update::update`], which returns the [`Effect`]s for the loop to perform
//! (writing files, the clipboard, quitting). Effects that write files report back as events,
//! so their outcome reaches the state the same way as everything else.

use crate::export::ExportError;
use crate::insight::Bands;
use crate::model::Parameters;
use crate::setup::{Setup, SetupError};
use crate::tui::input::message::Message;
use crate::tui::state::app::App;
use std::path::PathBuf;

/// Something that changes the explorer's state.
#[derive(Debug)]
pub enum Event {
    /// A message: keys, mouse, a resize or the replay clock, as the key table maps them.
    Message(Message),
    /// Data edited on disk (`--watch`), loaded again: the new data, or its problems.
    DataReloaded(Box<Result<Setup, SetupError>>),
    /// Uncertainty bands the worker drew for these settings.
    BandsReady(Box<(Parameters, Bands)>),
    /// The chart export was written (its SVG and CSV), or what failed.
    Exported(Result<(PathBuf, PathBuf), ExportError>),
    /// The handout was written, or what failed.
    ReportWritten(Result<PathBuf, ExportError>),
}

impl From<Message> for Event {
    fn from(m: Message) -> Self {
        Event::Message(m)
    }
}

/// Something the loop does for the state: what `update` cannot do without a terminal or a
/// file system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the terminal's clipboard (OSC 52).
    Copy(String),
    /// Write the chart on screen as SVG, PNG and CSV.
    Export,
    /// Write the handout (HTML).
    Report,
    /// End the explorer.
    Quit,
}

/// Performs an effect that writes files, and returns the event that reports its outcome;
/// `None` for the effects only the loop can perform (clipboard, quitting).
pub fn write_files(app: &App, effect: &Effect) -> Option<Event> {
    match effect {
        Effect::Export => Some(Event::Exported(crate::tui::io::export::export(app))),
        Effect::Report => Some(Event::ReportWritten(crate::tui::io::report::write_report(
            app,
        ))),
        Effect::Copy(_) | Effect::Quit => None,
    }
}
