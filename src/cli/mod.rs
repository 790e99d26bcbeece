//! The command line: argument definitions and the headless commands.

pub mod backtest;
pub mod market;
pub mod params;
pub mod project;
pub mod rolling;
pub mod sources;
mod table;

pub use table::TextTable;

use crate::params::{Override, OverrideError, parse_override};
use crate::scenario::{Scenario, ScenarioError, Store};
use crate::setup::{Setup, SetupError};
use crate::units::Year;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

/// memcycle: explore memory-chip (DRAM and NAND) demand cycles driven by device shipments,
/// replacement cycles and memory per device.
#[derive(Debug, Parser)]
#[command(
    name = "memcycle",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A headless command; without one, the explorer opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of the explorer.
    #[command(flatten)]
    pub explore: ScenarioArgs,
    /// Presentation deck: a file listing scenario names or files, one per line (default: the
    /// built-in scenarios in order).
    #[arg(long, value_name = "FILE")]
    pub deck: Option<PathBuf>,
    /// Chart marker: braille (finest), halfblock or dot (for fonts without braille).
    #[arg(long, value_enum, default_value_t = MarkerArg::Braille)]
    pub marker: MarkerArg,
}

/// Chart markers offered by `--marker`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MarkerArg {
    /// Braille dots: the finest lines.
    Braille,
    /// Half blocks: coarser, works in most fonts.
    Halfblock,
    /// Dots.
    Dot,
}

impl MarkerArg {
    /// The ratatui marker.
    pub fn marker(self) -> ratatui::symbols::Marker {
        match self {
            MarkerArg::Braille => ratatui::symbols::Marker::Braille,
            MarkerArg::Halfblock => ratatui::symbols::Marker::HalfBlock,
            MarkerArg::Dot => ratatui::symbols::Marker::Dot,
        }
    }
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Project shipments, installed base and DRAM / NAND demand year by year.
    Project {
        /// Data and parameters.
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ProjectFormat::Table)]
        format: ProjectFormat,
    },
    /// Project supply, sufficiency, inventory, price and revenue of DRAM and NAND.
    Market {
        /// Data and parameters.
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ProjectFormat::Table)]
        format: ProjectFormat,
    },
    /// Project from an earlier year with only the data known then, and compare with what
    /// happened: each year's error and the MAPE per series.
    Backtest {
        /// Base year: data after it is unseen.
        #[arg(long, value_name = "YEAR", required_unless_present = "rolling")]
        from: Option<Year>,
        /// Last compared year (default: the last observed year).
        #[arg(long, value_name = "YEAR", conflicts_with = "rolling")]
        to: Option<Year>,
        /// Rolling origins: project from every base year FIRST to LAST and score 1 to
        /// --horizon years ahead against naive (no change) and drift (3-year trend) forecasts.
        #[arg(long, value_name = "FIRST..LAST", value_parser = parse_years, conflicts_with = "from")]
        rolling: Option<(Year, Year)>,
        /// Years ahead scored by --rolling.
        #[arg(long, value_name = "H", default_value_t = 3, requires = "rolling")]
        horizon: i32,
        /// Data set directory (default: the built-in data).
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// Override a parameter (defaults are those of the base year).
        #[arg(long = "set", value_name = "ID=VALUE", value_parser = parse_set)]
        set: Vec<Override>,
        /// Scenario to apply.
        #[command(flatten)]
        pick: ScenarioPick,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ProjectFormat::Table)]
        format: ProjectFormat,
    },
    /// List the scenarios, one per line: id (usable with --scenario), then name.
    Scenarios {
        /// Directory of saved scenarios (default: scenarios/ in the platform's data directory).
        #[arg(long, value_name = "DIR")]
        scenarios_dir: Option<PathBuf>,
        /// Also print each scenario's description, sources and the parameters it sets.
        #[arg(long, short)]
        verbose: bool,
    },
    /// List every parameter with its unit, default, range and plausible range.
    Params {
        /// Data set to read (default: the built-in data).
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// Derive defaults from the data up to this year (default: the last observed year).
        #[arg(long, value_name = "Y")]
        base_year: Option<Year>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ParamsFormat::Table)]
        format: ParamsFormat,
    },
    /// List the sources of the data: id, publisher, date, title and how many figures cite it;
    /// with an id (or text matching one source), that source in full and every figure using it.
    Sources {
        /// A source id, or text to look for in ids, publishers and titles.
        query: Option<String>,
        /// Data set to read (default: the built-in data).
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
    },
    /// Validate a data set: print `ok` and a summary, or every problem found.
    Check {
        /// Data set to check (default: the built-in data).
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
    },
}

/// Data, base year and overrides: what every projection needs.
#[derive(Debug, Clone, Default, Args)]
pub struct ScenarioArgs {
    /// Data set directory holding devices.toml (default: the built-in data).
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Override a parameter, e.g. --set smartphone.replacement_cycle=4 (repeatable; see
    /// `memcycle params`).
    #[arg(long = "set", value_name = "ID=VALUE", value_parser = parse_set)]
    pub set: Vec<Override>,
    /// Last year of history; later data is unseen (default: the last observed year).
    #[arg(long, value_name = "Y")]
    pub base_year: Option<Year>,
    /// Scenario to start from.
    #[command(flatten)]
    pub pick: ScenarioPick,
}

/// `--scenario` and where saved scenarios live.
#[derive(Debug, Clone, Default, Args)]
pub struct ScenarioPick {
    /// Start from a scenario: a built-in or saved id (see `memcycle scenarios`) or a file;
    /// `--set` applies on top.
    #[arg(long, value_name = "NAME|FILE")]
    pub scenario: Option<String>,
    /// Directory of saved scenarios (default: scenarios/ in the platform's data directory).
    #[arg(long, value_name = "DIR")]
    pub scenarios_dir: Option<PathBuf>,
}

impl ScenarioPick {
    /// The scenario store.
    pub fn store(&self) -> Store {
        Store::new(self.scenarios_dir.clone())
    }
}

/// `FIRST..LAST` (two years).
fn parse_years(s: &str) -> Result<(Year, Year), String> {
    let (a, b) = s
        .split_once("..")
        .ok_or_else(|| format!("expected FIRST..LAST (e.g. 2015..2022), got \"{s}\""))?;
    let year = |t: &str| {
        t.trim()
            .parse::<Year>()
            .map_err(|_| format!("expected a year, got \"{t}\""))
    };
    Ok((year(a)?, year(b)?))
}

fn parse_set(s: &str) -> Result<Override, String> {
    // Clap names the option and the value; the message says what was expected.
    parse_override(s).map_err(|_| {
        "expected ID=VALUE with a number, e.g. --set smartphone.base_growth=1.5".to_owned()
    })
}

/// An error as the command line words it: with the option that caused it.
pub fn describe(e: &SetupError) -> String {
    match e {
        SetupError::BaseYear { given, first, last } => format!(
            "--base-year {given} is outside the history; expected a year from {first} to {last}"
        ),
        SetupError::BacktestRange {
            from,
            to,
            first,
            last,
        } => format!(
            "backtest --from {from} --to {to}: expected --from between {first} and {} and --to after it, up to {last} (the last observed year)",
            last - 1
        ),
        SetupError::RollingRange {
            from,
            to,
            horizon,
            first,
            last,
        } => format!(
            "backtest --rolling {from}..{to} --horizon {horizon}: expected origins from {first} to {} in order and a horizon of at least 1 year",
            last - 1
        ),
        SetupError::Override(o @ OverrideError::UnknownId { .. }) => {
            format!("--set {o}. `memcycle params` lists them all")
        }
        SetupError::Override(o) => format!("--set {o}"),
        SetupError::Scenario(s @ ScenarioError::NotFound { .. }) => {
            format!("--scenario {s}. `memcycle scenarios` lists them")
        }
        other => other.to_string(),
    }
}

/// Formats of `project`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProjectFormat {
    /// Aligned table of totals and shipments by year.
    Table,
    /// Long format, one row per segment and year.
    Csv,
    /// Everything, nested by segment.
    Json,
}

/// Formats of `params`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParamsFormat {
    /// Aligned table.
    Table,
    /// `id,label,unit,default,min,max,step,low,high`.
    Csv,
}

impl ScenarioArgs {
    /// Loads the data and the scenario, and applies the scenario's overrides then `--set`.
    pub fn load(&self) -> Result<(Setup, crate::model::Parameters), SetupError> {
        self.load_scenario()
            .map(|(setup, params, _)| (setup, params))
    }

    /// As [`ScenarioArgs::load`], also returning the scenario.
    pub fn load_scenario(
        &self,
    ) -> Result<(Setup, crate::model::Parameters, Option<Scenario>), SetupError> {
        let setup = Setup::load(self.data.as_deref(), self.base_year)?;
        let store = self.pick.store();
        let scenario = self
            .pick
            .scenario
            .as_deref()
            .map(|n| setup.scenario(&store, n))
            .transpose()?;
        let params = setup.parameters_with(scenario.as_ref(), &self.set)?;
        Ok((setup, params, scenario))
    }
}

/// Runs a headless command, writing to `out`; returns the process exit code.
pub fn run(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = match command {
        Command::Project { scenario, format } => {
            scenario.load_scenario().map(|(setup, params, loaded)| {
                let p = setup.project(&params);
                let text = match format {
                    ProjectFormat::Table => project::to_table(&p),
                    ProjectFormat::Csv => project::to_csv(&p),
                    ProjectFormat::Json => project::to_json(&p),
                };
                let run = RunInfo::of(loaded.as_ref(), &scenario.set);
                run.stamp(text, *format)
            })
        }
        Command::Market { scenario, format } => {
            scenario
                .load_scenario()
                .and_then(|(setup, params, loaded)| {
                    let p = setup.project(&params);
                    if p.market.is_none() {
                        return Err(SetupError::NoMarket);
                    }
                    let text = match format {
                        ProjectFormat::Table => market::to_table(&p),
                        ProjectFormat::Csv => market::to_csv(&p),
                        ProjectFormat::Json => market::to_json(&p),
                    };
                    Ok(RunInfo::of(loaded.as_ref(), &scenario.set).stamp(text, *format))
                })
        }
        Command::Backtest {
            from,
            to,
            rolling,
            horizon,
            data,
            set,
            pick,
            format,
        } => crate::data::load(data.as_deref())
            .map_err(SetupError::Data)
            .and_then(|d| {
                let store = pick.store();
                let scenario = pick.scenario.as_deref().map(|n| (&store, n));
                let run = RunInfo {
                    scenario: pick.scenario.clone().map(|s| (s.clone(), s)),
                    overrides: set.clone(),
                };
                let text = match rolling {
                    Some((first, last)) => {
                        let r = crate::backtest::rolling::run(
                            &d,
                            *first..=*last,
                            *horizon,
                            scenario,
                            set,
                        )?;
                        match format {
                            ProjectFormat::Table => rolling::to_table(&r),
                            ProjectFormat::Csv => rolling::to_csv(&r),
                            ProjectFormat::Json => rolling::to_json(&r),
                        }
                    }
                    None => {
                        let from = from.unwrap_or_default();
                        let b = crate::backtest::run(d, from, *to, scenario, set)?;
                        match format {
                            ProjectFormat::Table => backtest::to_table(&b),
                            ProjectFormat::Csv => backtest::to_csv(&b),
                            ProjectFormat::Json => backtest::to_json(&b),
                        }
                    }
                };
                Ok(run.stamp(text, *format))
            }),
        Command::Params {
            data,
            base_year,
            format,
        } => Setup::load(data.as_deref(), *base_year).map(|s| match format {
            ParamsFormat::Table => params::to_table(&s.catalog, &s.data),
            ParamsFormat::Csv => params::to_csv(&s.catalog),
        }),
        Command::Scenarios {
            scenarios_dir,
            verbose: false,
        } => Ok(scenarios_list(&Store::new(scenarios_dir.clone()))),
        Command::Scenarios {
            scenarios_dir,
            verbose: true,
        } => {
            let store = Store::new(scenarios_dir.clone());
            Setup::load(None, None).map(|s| scenarios_verbose(&store, &s))
        }
        Command::Sources { query, data } => crate::data::load(data.as_deref())
            .map_err(SetupError::Data)
            .map(|d| sources::to_table(&d, query.as_deref())),
        Command::Check { data } => Setup::load(data.as_deref(), None).map(|s| check_summary(&s)),
    };
    match result {
        // Everything printed passes one sanitiser: text from a data file, a scenario file or an
        // argument can never reach the terminal as an escape sequence.
        Ok(text) => write_out(out, &crate::data::sanitize_lines(&text)),
        Err(e) => {
            let _ = writeln!(err, "{}", crate::data::sanitize_lines(&describe(&e)));
            if matches!(e, SetupError::Data(_)) {
                let _ = writeln!(
                    err,
                    "memcycle: the data set has problems; nothing was projected"
                );
            }
            1
        }
    }
}

/// What a headless output was run with: the scenario (id and name) and the `--set` overrides.
/// Recorded in every output so that a file on its own says what it shows.
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    /// Scenario id and display name.
    pub scenario: Option<(String, String)>,
    /// `--set` overrides, in order.
    pub overrides: Vec<Override>,
}

impl RunInfo {
    /// From a loaded scenario and the overrides.
    pub fn of(scenario: Option<&Scenario>, overrides: &[Override]) -> Self {
        Self {
            scenario: scenario.map(|s| (s.id.clone(), s.name.clone())),
            overrides: overrides.to_vec(),
        }
    }

    /// One line: `scenario "AI boom" (ai-boom); --set a=1 --set b=2`, or `None` for the
    /// baseline without overrides.
    pub fn line(&self) -> Option<String> {
        let mut parts = Vec::new();
        if let Some((id, name)) = &self.scenario {
            parts.push(format!("scenario \"{name}\" ({id})"));
        }
        if !self.overrides.is_empty() {
            let sets: Vec<String> = self
                .overrides
                .iter()
                .map(|o| format!("--set {}={}", o.id, o.value))
                .collect();
            parts.push(sets.join(" "));
        }
        (!parts.is_empty()).then(|| crate::data::sanitize(&parts.join("; ")))
    }

    /// `text` with the run recorded: a first line for tables, a `#` comment line for CSV (only
    /// when there is something to record, so the baseline's CSV stays plain), and `scenario`
    /// and `overrides` fields in JSON.
    pub fn stamp(&self, text: String, format: ProjectFormat) -> String {
        match format {
            ProjectFormat::Json => {
                let Ok(serde_json::Value::Object(mut doc)) =
                    serde_json::from_str::<serde_json::Value>(&text)
                else {
                    return text;
                };
                doc.insert(
                    "scenario".into(),
                    self.scenario.as_ref().map_or(
                        serde_json::Value::Null,
                        |(id, name)| serde_json::json!({ "id": id, "name": name }),
                    ),
                );
                doc.insert(
                    "overrides".into(),
                    self.overrides
                        .iter()
                        .map(|o| serde_json::json!({ "id": o.id, "value": o.value }))
                        .collect(),
                );
                serde_json::to_string_pretty(&serde_json::Value::Object(doc)).unwrap_or(text) + "\n"
            }
            ProjectFormat::Csv => match self.line() {
                Some(l) => format!("# {l}\n{text}"),
                None => text,
            },
            ProjectFormat::Table => match self.line() {
                Some(l) => format!("Run with {l}\n{text}"),
                None => text,
            },
        }
    }
}

/// `memcycle scenarios`: id and name, one per line, aligned.
pub fn scenarios_list(store: &Store) -> String {
    let entries = store.list();
    let width = entries.iter().map(|e| e.id.len()).max().unwrap_or(0);
    entries
        .iter()
        .map(|e| {
            format!(
                "{:<width$}  {}{}\n",
                e.id,
                e.name,
                if e.builtin { "" } else { "  (saved)" }
            )
        })
        .collect()
}

/// `memcycle scenarios --verbose`: every scenario with its description, sources and settings
/// (a saved scenario with problems says so).
pub fn scenarios_verbose(store: &Store, setup: &Setup) -> String {
    let mut out = String::new();
    for e in store.list() {
        out.push_str(&format!(
            "{} ({}){}\n",
            e.name,
            e.id,
            if e.builtin { "" } else { ", saved" }
        ));
        match store.load(&e.id, &setup.catalog) {
            Ok(s) => {
                if !s.description.is_empty() {
                    out.push_str(&format!("  {}\n", s.description));
                }
                for src in &s.sources {
                    out.push_str(&format!("  source: {src}\n"));
                }
                for o in &s.overrides {
                    out.push_str(&format!("  sets {} = {}\n", o.id, o.value));
                }
            }
            Err(err) => {
                for line in err.to_string().lines() {
                    out.push_str(&format!("  problem: {line}\n"));
                }
            }
        }
        out.push('\n');
    }
    crate::data::sanitize_lines(&out)
}

/// `ok` and a one-line summary of a valid data set.
pub fn check_summary(s: &Setup) -> String {
    let d = &s.data;
    let devices = d.segments.iter().filter(|s| s.devices().is_some()).count();
    let estimates: usize = d
        .segments
        .iter()
        .filter_map(|s| s.devices())
        .map(|dv| dv.shipments.points.iter().filter(|p| p.estimate).count())
        .sum();
    let c = s.engine.history().calibration;
    let calibration = if d.market.is_some() {
        format!(
            "calibration at {}: observed industry bits / device model = DRAM {:.3}, NAND {:.3} (every year's demand is multiplied by these)\n",
            s.base_year(),
            c.dram,
            c.nand
        )
    } else {
        String::new()
    };
    format!(
        "ok\n{}: {} segments ({} device, {} residual), history {}-{}, {} sources, {} parameters, {} estimated shipment figures\n{calibration}",
        d.title,
        d.segments.len(),
        devices,
        d.segments.len() - devices,
        d.first_year(),
        d.last_observed_year(),
        d.sources.len(),
        s.catalog.specs().len(),
        estimates
    )
}

/// Writes text, treating a closed pipe (`memcycle project | head`) as success.
fn write_out(out: &mut dyn Write, text: &str) -> i32 {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(_) => 1,
    }
}
