//! Where scenarios live: built into the binary, or saved as files in a scenarios directory.
//! Saving is atomic (a temporary file, then a rename) and never touches a built-in.

use super::file::{Scenario, parse, peek_name, to_toml};
use crate::data::Problems;
use crate::params::{Catalog, Override};
use std::path::{Path, PathBuf};

/// The built-in scenarios, in deck order: id and text.
pub const BUILTIN: [(&str, &str); 7] = [
    (
        "baseline",
        include_str!("../../data/scenarios/baseline.toml"),
    ),
    (
        "longer-cycles",
        include_str!("../../data/scenarios/longer-cycles.toml"),
    ),
    ("ai-boom", include_str!("../../data/scenarios/ai-boom.toml")),
    (
        "production-discipline",
        include_str!("../../data/scenarios/production-discipline.toml"),
    ),
    (
        "pc-refresh",
        include_str!("../../data/scenarios/pc-refresh.toml"),
    ),
    (
        "on-device-ai",
        include_str!("../../data/scenarios/on-device-ai.toml"),
    ),
    (
        "cuts-2023",
        include_str!("../../data/scenarios/cuts-2023.toml"),
    ),
];

/// A scenario's text as read, before it is checked against a catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioText {
    /// The file name problems are reported against.
    pub file: String,
    /// Its id.
    pub id: String,
    /// The TOML text.
    pub text: String,
    /// Whether it ships with memcycle.
    pub builtin: bool,
}

impl ScenarioText {
    /// Checks the text against `catalog`.
    pub fn parse(&self, catalog: &Catalog) -> Result<Scenario, ScenarioError> {
        parse(&self.file, &self.id, &self.text, catalog, self.builtin)
            .map_err(ScenarioError::Invalid)
    }

    /// The base year the scenario names, if it names a valid one (read without checking the
    /// rest, to choose the catalog it is then checked against).
    pub fn base_year(&self) -> Option<crate::units::Year> {
        super::file::peek_base_year(&self.text)
    }
}

/// A scenario in a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Id, usable with `--scenario`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Built in, or saved by a user.
    pub builtin: bool,
}

/// A scenario piped in: `memcycle share | ... | memcycle --scenario -`. At a terminal that
/// would wait for typing (and swallow the explorer's keys): refused.
fn read_stdin() -> Result<ScenarioText, ScenarioError> {
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return Err(ScenarioError::Unreadable {
                path: "<stdin>".to_owned(),
                reason: "standard input is a terminal; pipe a scenario in, e.g. `memcycle share --set ... | memcycle market --scenario -`".to_owned(),
            });
    }
    let mut bytes = Vec::new();
    let limit = crate::data::MAX_FILE_BYTES;
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::io::stdin(), limit + 1),
        &mut bytes,
    )
    .map_err(|e| ScenarioError::Unreadable {
        path: "<stdin>".to_owned(),
        reason: e.to_string(),
    })?;
    if bytes.len() as u64 > limit {
        return Err(ScenarioError::Unreadable {
            path: "<stdin>".to_owned(),
            reason: format!(
                "more than {} MB; expected a scenario file",
                limit / 1_000_000
            ),
        });
    }
    // Located like a file's: `<stdin>:3:7: byte 0xFF is not UTF-8`.
    let text = crate::data::decode_text(bytes).map_err(|e| {
        let (line, column) = e.location().unwrap_or((0, 0));
        ScenarioError::Unreadable {
            path: format!("<stdin>:{line}:{column}"),
            reason: e.to_string(),
        }
    })?;
    Ok(ScenarioText {
        file: "<stdin>".to_owned(),
        id: "stdin".to_owned(),
        text,
        builtin: false,
    })
}

/// Why a scenario could not be found, read or checked.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScenarioError {
    /// No scenario of that name and no such file.
    #[error(
        "{given}: no such scenario or file{}; expected a file or one of: {}",
        crate::data::closest(given, known.iter().map(String::as_str)),
        known.join(", ")
    )]
    NotFound {
        /// What was asked for.
        given: String,
        /// Known ids.
        known: Vec<String>,
    },
    /// The file could not be read.
    #[error("{path}: cannot read the scenario: {reason}")]
    Unreadable {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// The file has problems.
    #[error("{0}")]
    Invalid(Problems),
}

/// Why a scenario was not saved.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SaveError {
    /// The name is taken by a built-in scenario.
    #[error("\"{0}\" is a built-in scenario; choose another name")]
    BuiltIn(String),
    /// A saved scenario of that name exists (ask before overwriting).
    #[error("{} exists", .0.display())]
    Exists(PathBuf),
    /// The name gives no usable file name.
    #[error("\"{0}\" has no letters or digits; expected a name like \"My bear case\"")]
    BadName(String),
    /// No scenarios directory could be found.
    #[error(
        "no scenarios directory; expected one in the platform data directory or given with --scenarios-dir DIR"
    )]
    NoDirectory,
    /// Writing failed (read-only directory, full disk, ...).
    #[error("could not save {}: {reason}", path.display())]
    Io {
        /// The file being written.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}

/// Built-in scenarios and those saved in a directory.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Store {
    /// Directory of saved scenarios (`--scenarios-dir`, default in the platform data directory).
    pub dir: Option<PathBuf>,
}

/// The id a scenario name is saved under: lower-case letters and digits joined by `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

impl Store {
    /// The platform's place for saved scenarios (`~/.local/share/memcycle/scenarios` on Linux).
    pub fn default_dir() -> Option<PathBuf> {
        dirs::data_dir().map(|d| d.join("memcycle").join("scenarios"))
    }

    /// A store over `dir`, or the default directory.
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self {
            dir: dir.or_else(Self::default_dir),
        }
    }

    fn saved_files(&self) -> Vec<PathBuf> {
        let Some(dir) = &self.dir else {
            return Vec::new();
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            // Regular files only (symbolic links followed): a FIFO would block the listing.
            .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
            .collect();
        files.sort();
        files
    }

    /// Removes temporary files that a save interrupted by a crash or `kill -9` left behind
    /// (`.NAME.toml.PID.tmp` whose process is gone); returns how many. Without `/proc` (not
    /// Linux) nothing can be told about the writer, so nothing is removed.
    pub fn remove_stale_temp_files(&self) -> usize {
        self.dir.as_deref().map_or(0, |dir| {
            crate::export::remove_stale_temp_files(dir, &["toml"])
        })
    }

    /// Every scenario: built-ins in deck order, then saved ones by id.
    pub fn list(&self) -> Vec<Entry> {
        let mut out: Vec<Entry> = BUILTIN
            .iter()
            .map(|(id, text)| Entry {
                id: (*id).to_owned(),
                name: peek_name(text).unwrap_or_default(),
                builtin: true,
            })
            .collect();
        for path in self.saved_files() {
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if out.iter().any(|e| e.id == id) {
                continue;
            }
            // `-` means standard input and `-x` looks like an option: such a file is listed,
            // and loaded, by its path.
            let id = if id.starts_with('-') {
                path.display().to_string()
            } else {
                id
            };
            let name = crate::data::read_text(&path)
                .ok()
                .and_then(|t| peek_name(&t))
                .unwrap_or_else(|| "(not a valid scenario file)".into());
            out.push(Entry {
                id,
                name,
                builtin: false,
            });
        }
        out
    }

    /// Loads a scenario by built-in id, saved id (any case) or file path, checked against
    /// `catalog`; `-` reads standard input.
    pub fn load(&self, name_or_file: &str, catalog: &Catalog) -> Result<Scenario, ScenarioError> {
        self.read(name_or_file)?.parse(catalog)
    }

    /// Finds and reads a scenario's text without checking it (see [`ScenarioText::parse`]):
    /// a built-in id, a saved id (any case) or a file path; `-` reads standard input.
    pub fn read(&self, name_or_file: &str) -> Result<ScenarioText, ScenarioError> {
        let lower = name_or_file.to_lowercase();
        if let Some((id, text)) = BUILTIN.iter().find(|(id, _)| *id == lower) {
            return Ok(ScenarioText {
                file: format!("data/scenarios/{id}.toml"),
                id: (*id).to_owned(),
                text: (*text).to_owned(),
                builtin: true,
            });
        }
        if name_or_file == "-" {
            return read_stdin();
        }
        let as_file = Path::new(name_or_file);
        let path = if as_file.is_file() {
            Some(as_file.to_path_buf())
        } else {
            // Saved ids are listed in lower case whatever the file's case (`Mine.toml` is
            // `mine`), so they are looked up the same way.
            self.saved_files().into_iter().find(|p| {
                p.file_stem()
                    .is_some_and(|s| s.to_string_lossy().to_lowercase() == lower)
            })
        };
        let Some(path) = path else {
            return Err(ScenarioError::NotFound {
                given: name_or_file.to_owned(),
                known: self.list().into_iter().map(|e| e.id).collect(),
            });
        };
        let text = crate::data::read_text(&path).map_err(|e| ScenarioError::Unreadable {
            path: match e.location() {
                None => path.display().to_string(),
                Some((line, column)) => format!("{}:{line}:{column}", path.display()),
            },
            reason: e.to_string(),
        })?;
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        Ok(ScenarioText {
            file: path.display().to_string(),
            id,
            text,
            builtin: false,
        })
    }

    /// Saves a scenario as `<slug of name>.toml`. Refuses built-in names, and an existing file
    /// unless `overwrite`. The file appears whole or not at all.
    pub fn save(
        &self,
        name: &str,
        description: &str,
        sources: &[String],
        overrides: &[Override],
        overwrite: bool,
    ) -> Result<PathBuf, SaveError> {
        let id = slug(name);
        if id.is_empty() {
            return Err(SaveError::BadName(name.to_owned()));
        }
        if BUILTIN.iter().any(|(b, _)| *b == id) {
            return Err(SaveError::BuiltIn(id));
        }
        let dir = self.dir.as_ref().ok_or(SaveError::NoDirectory)?;
        let path = dir.join(format!("{id}.toml"));
        if path.exists() && !overwrite {
            return Err(SaveError::Exists(path));
        }
        let io = |e: std::io::Error| SaveError::Io {
            path: path.clone(),
            reason: e.to_string(),
        };
        if dir.exists() && !dir.is_dir() {
            return Err(SaveError::Io {
                path: path.clone(),
                reason: format!(
                    "{} is a file; expected a directory for saved scenarios (--scenarios-dir DIR)",
                    dir.display()
                ),
            });
        }
        let text = to_toml(name, description, sources, None, overrides);
        crate::export::write_atomically(dir, &format!("{id}.toml"), &text).map_err(io)?;
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("My Bear Case!"), "my-bear-case");
        assert_eq!(slug("  AI  boom 2027 "), "ai-boom-2027");
        assert_eq!(
            slug("스마트폰 2027"),
            "스마트폰-2027",
            "letters of any script"
        );
        assert_eq!(slug("!!!"), "");
    }
}
