//! The configuration file: `config.toml` in the platform's configuration directory (or
//! `--config FILE`) sets the explorer's theme, chart marker, scenarios and exports directories,
//! default base year and horizon, and the chart it opens on. The command line overrides it; an
//! unknown key or a wrong value is an error located to its line and column, like the data files.

use crate::data::{Locator, Problem, Problems};
use crate::units::Year;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Background the colours are chosen for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    /// Dark background (the default).
    Dark,
    /// Light background: projectors with white screens.
    Light,
}

/// Chart marker (`marker` in the file, `--marker` on the command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum MarkerName {
    /// Braille dots: the finest lines.
    Braille,
    /// Half blocks: coarser, works in most fonts.
    Halfblock,
    /// Dots.
    Dot,
}

impl MarkerName {
    /// The ratatui marker.
    pub fn marker(self) -> ratatui::symbols::Marker {
        match self {
            MarkerName::Braille => ratatui::symbols::Marker::Braille,
            MarkerName::Halfblock => ratatui::symbols::Marker::HalfBlock,
            MarkerName::Dot => ratatui::symbols::Marker::Dot,
        }
    }
}

/// A chart by name: the one the explorer opens on (configuration), or the one `memcycle chart`
/// writes (`--chart`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ChartName {
    /// 1: DRAM demand by segment.
    Dram,
    /// 2: NAND demand by segment.
    Nand,
    /// 3: shipments.
    Ships,
    /// 4: installed base.
    Base,
    /// 5: supply vs demand and sufficiency.
    Supply,
    /// 6: price index and revenue.
    Price,
}

/// What a configuration file may set; everything is optional.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `dark` or `light`.
    pub theme: Option<ThemeName>,
    /// `braille`, `halfblock` or `dot`.
    pub marker: Option<MarkerName>,
    /// Where scenarios are saved.
    pub scenarios_dir: Option<PathBuf>,
    /// Where `e` writes charts and tables.
    pub exports_dir: Option<PathBuf>,
    /// Default base year.
    pub base_year: Option<Year>,
    /// Default horizon (last projected year).
    pub horizon: Option<Year>,
    /// The chart the explorer opens on.
    pub chart: Option<ChartName>,
}

/// The settings and the file they came from (`None`: no file, defaults only).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file read, if any.
    pub file: Option<PathBuf>,
    /// What it sets.
    pub settings: Settings,
}

/// `config.toml` in the platform's configuration directory.
pub fn default_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("memcycle").join("config.toml"))
}

/// Reads `explicit` (which must exist), or the default file when there is one.
pub fn load(explicit: Option<&Path>) -> Result<Config, Problems> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_path().filter(|p| p.is_file()) {
            Some(p) => p,
            None => return Ok(Config::default()),
        },
    };
    let name = path.display().to_string();
    let text = crate::data::read_text(&path).map_err(|e| {
        let (line, column) = e.location().unwrap_or((0, 0));
        Problems(vec![Problem {
            file: name.clone(),
            line,
            column,
            message: format!("{e}; expected a configuration file (TOML)"),
        }])
    })?;
    let loc = Locator::new(&name, &text);
    let mut settings: Settings =
        crate::data::parse_toml(&loc, &text).map_err(|p| Problems(vec![p]))?;
    let base = path.parent().unwrap_or(Path::new("."));
    for dir in [&mut settings.scenarios_dir, &mut settings.exports_dir]
        .into_iter()
        .flatten()
    {
        *dir = resolve(dir, base, dirs::home_dir().as_deref());
    }
    Ok(Config {
        file: Some(path),
        settings,
    })
}

/// A directory named in the configuration file: `~` and `~/...` are the home directory, and a
/// relative path is relative to the file's own directory (`exports_dir = "~/slides"` wrote
/// into `./~/slides/`, and relative paths followed wherever memcycle was started).
pub fn resolve(dir: &Path, config_dir: &Path, home: Option<&Path>) -> PathBuf {
    let text = dir.to_string_lossy();
    if let Some(home) = home {
        if text == "~" {
            return home.to_path_buf();
        }
        if let Some(rest) = text.strip_prefix("~/") {
            return home.join(rest);
        }
    }
    if dir.is_relative() {
        config_dir.join(dir)
    } else {
        dir.to_path_buf()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_follow_home_and_the_file() {
        let (cfg, home) = (Path::new("/etc/mc"), Some(Path::new("/home/ann")));
        assert_eq!(
            resolve(Path::new("~/slides"), cfg, home),
            Path::new("/home/ann/slides")
        );
        assert_eq!(resolve(Path::new("~"), cfg, home), Path::new("/home/ann"));
        assert_eq!(
            resolve(Path::new("out"), cfg, home),
            Path::new("/etc/mc/out")
        );
        assert_eq!(resolve(Path::new("/abs"), cfg, home), Path::new("/abs"));
        assert_eq!(resolve(Path::new("~x"), cfg, home), Path::new("/etc/mc/~x"));
    }

    #[test]
    fn unknown_keys_and_wrong_values_are_located() {
        let text = "theme = \"light\"\ncolour = \"red\"\n";
        let loc = Locator::new("config.toml", text);
        let e = crate::data::parse_toml::<Settings>(&loc, text).unwrap_err();
        assert_eq!((e.line, e.column), (2, 1), "{e}");
        assert!(e.message.contains("colour"), "{e}");
        let text = "theme = \"sepia\"\n";
        let loc = Locator::new("config.toml", text);
        let e = crate::data::parse_toml::<Settings>(&loc, text).unwrap_err();
        assert_eq!(e.line, 1, "{e}");
        assert!(
            e.message.contains("dark") && e.message.contains("light"),
            "{e}"
        );
    }
}
