//! The explorer comes back as it was left: on quitting (`q` or Ctrl-C) the session (scenario,
//! sliders, pins, chart, year, base year, view) is written under the platform's state
//! directory, and the next start without a scenario, `--set` or `--base-year` restores it
//! (`--fresh` starts clean). Settings are kept as parameter ids and values, checked against the
//! catalog again when they come back: a parameter the data no longer has is dropped and said.

use crate::params::Override;
use crate::tui::state::app::{App, ChartKind, Pin, Status, ViewMode};
use crate::units::Year;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// File name of the saved session.
pub const FILE_NAME: &str = "session.toml";

/// What is kept of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedSession {
    /// The base year on screen.
    pub base_year: Year,
    /// The scenario's name (the header's).
    pub scenario: String,
    /// Its description.
    #[serde(default)]
    pub description: String,
    /// The scenario's own settings (what "*modified" is measured against).
    #[serde(default)]
    pub loaded: BTreeMap<String, f64>,
    /// Every slider that differs from the baseline.
    #[serde(default)]
    pub sliders: BTreeMap<String, f64>,
    /// The pins, in order.
    #[serde(default)]
    pub pins: Vec<SavedPin>,
    /// The chart's number key (1-6).
    pub chart: char,
    /// The selected year.
    pub year: Year,
    /// `absolute`, `change` or `percent`.
    pub view: String,
}

/// A pinned scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedPin {
    /// Its name.
    pub name: String,
    /// Its settings that differ from the baseline.
    #[serde(default)]
    pub sliders: BTreeMap<String, f64>,
}

/// Where the session is kept: the platform's state directory (`$XDG_STATE_HOME`, else
/// `~/.local/state` on Linux), else its data directory, under `memcycle/`.
pub fn path() -> Option<PathBuf> {
    dirs::state_dir()
        .or_else(dirs::data_dir)
        .map(|d| d.join("memcycle").join(FILE_NAME))
}

fn to_map(overrides: &[Override]) -> BTreeMap<String, f64> {
    overrides.iter().map(|o| (o.id.clone(), o.value)).collect()
}

fn to_overrides(map: &BTreeMap<String, f64>) -> Vec<Override> {
    map.iter()
        .map(|(id, value)| Override {
            id: id.clone(),
            value: *value,
        })
        .collect()
}

fn view_name(view: ViewMode) -> &'static str {
    match view {
        ViewMode::Absolute => "absolute",
        ViewMode::Change => "change",
        ViewMode::Percent => "percent",
    }
}

/// The session of `app` as it is kept.
pub fn capture(app: &App) -> SavedSession {
    SavedSession {
        base_year: app.projection.base_year,
        scenario: app.session.scenario.clone(),
        description: app.session.description.clone(),
        loaded: to_map(&app.session.loaded_overrides),
        sliders: to_map(&app.changed_overrides()),
        pins: app
            .session
            .pins
            .iter()
            .map(|p| SavedPin {
                name: p.name.clone(),
                sliders: to_map(&p.overrides),
            })
            .collect(),
        chart: app.ui.chart.key(),
        year: app.ui.year,
        view: view_name(app.ui.view).to_owned(),
    }
}

/// Why a kept session was not written or read.
#[derive(Debug, thiserror::Error)]
pub enum SessionFileError {
    /// The file system refused.
    #[error("{}: {source}", path.display())]
    Io {
        /// The session file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The session did not serialise.
    #[error("cannot write the session: {0}")]
    Serialise(#[from] toml::ser::Error),
    /// The file is not a session.
    #[error("{}: {message}", path.display())]
    Parse {
        /// The session file.
        path: PathBuf,
        /// What the parser said.
        message: String,
    },
}

/// Writes `app`'s session to `file` (through a temporary file, so a crash mid-write never
/// leaves half a session).
pub fn save_to(app: &App, file: &Path) -> Result<(), SessionFileError> {
    let text = toml::to_string(&capture(app))?;
    let what = |source: std::io::Error| SessionFileError::Io {
        path: file.to_owned(),
        source,
    };
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(what)?;
    }
    let tmp = file.with_extension(format!("toml.{}.tmp", std::process::id()));
    std::fs::write(&tmp, text).map_err(what)?;
    std::fs::rename(&tmp, file).map_err(what)
}

/// Reads a kept session; `Ok(None)` when there is none.
pub fn load_from(file: &Path) -> Result<Option<SavedSession>, SessionFileError> {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(SessionFileError::Io {
                path: file.to_owned(),
                source,
            });
        }
    };
    toml::from_str(&text)
        .map(Some)
        .map_err(|e| SessionFileError::Parse {
            path: file.to_owned(),
            message: e.message().to_owned(),
        })
}

/// Ids in `map` that the catalog does not know.
fn unknown(app: &App, map: &BTreeMap<String, f64>) -> Vec<String> {
    map.keys()
        .filter(|id| app.setup.catalog.index(id).is_none())
        .cloned()
        .collect()
}

/// Puts a kept session back into `app` (moving to its base year first) and says so on the key
/// bar; what no longer fits (a parameter the data lost, a base year out of range) is left out
/// and named.
pub fn restore(app: &mut App, saved: &SavedSession) {
    if saved.base_year != app.projection.base_year {
        crate::tui::update::rebase::rebase(app, saved.base_year);
    }
    let mut dropped: Vec<String> = unknown(app, &saved.sliders);
    dropped.extend(unknown(app, &saved.loaded));
    let catalog = &app.setup.catalog;
    app.session.loaded_overrides = to_overrides(&saved.loaded);
    app.session.loaded = catalog.baseline_with_clamped(&app.session.loaded_overrides);
    app.params = catalog.baseline_with_clamped(&to_overrides(&saved.sliders));
    app.session.scenario = saved.scenario.clone();
    app.session.description = saved.description.clone();
    app.session.pins = saved
        .pins
        .iter()
        .map(|p| {
            let overrides = to_overrides(&p.sliders);
            Pin {
                name: p.name.clone(),
                projection: app
                    .setup
                    .project(&catalog.baseline_with_clamped(&overrides)),
                overrides,
            }
        })
        .collect();
    if let Some(chart) = ChartKind::ALL.into_iter().find(|c| c.key() == saved.chart) {
        app.ui.chart = chart;
    }
    app.ui.view = match saved.view.as_str() {
        "change" => ViewMode::Change,
        "percent" => ViewMode::Percent,
        _ => ViewMode::Absolute,
    };
    app.edits.undo.clear();
    app.edits.redo.clear();
    app.edits.last_change = None;
    app.recompute();
    app.ui.year = saved
        .year
        .clamp(app.projection.base_year + 1, app.projection.horizon);
    app.ui.table_scroll = crate::tui::state::app::table_start(&app.projection);
    let left_out = if dropped.is_empty() {
        String::new()
    } else {
        format!("; left out (not in the data now): {}", dropped.join(", "))
    };
    app.ui.status = Some(Status {
        text: format!("restored your last session{left_out} (--fresh starts clean)"),
        error: !dropped.is_empty(),
    });
}
