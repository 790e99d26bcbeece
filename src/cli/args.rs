//! The command line's arguments: what clap parses, with the parsers of `--set` and year
//! ranges.

use crate::params::{Override, parse_override};
use crate::scenario::Store;
use crate::units::Year;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// memcycle: explore memory-chip (DRAM and NAND) demand cycles driven by device shipments,
/// replacement cycles and memory per device.
#[derive(Debug, Parser)]
#[command(name = "memcycle", version, about)]
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
    /// Chart marker: braille (finest), halfblock or dot (for fonts without braille); default:
    /// the configuration file's, else braille.
    #[arg(long, value_enum)]
    pub marker: Option<MarkerArg>,
    /// With --data: reload the data when devices.toml or supply.toml change on disk, keeping
    /// the sliders; a file with problems leaves the last good data and shows the problems.
    #[arg(long, requires = "data")]
    pub watch: bool,
    /// Start clean: do not restore the last session (it is restored when the explorer starts
    /// without --scenario, --set, --base-year or --deck).
    #[arg(long)]
    pub fresh: bool,
    /// Configuration file (default: config.toml in the platform's configuration directory,
    /// when there is one).
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
}

impl Cli {
    /// The explorer's options given together with a subcommand (which has its own): an error,
    /// as they would be ignored. `--config` belongs to both.
    pub fn explorer_options_with_a_command(&self) -> Option<&'static str> {
        self.command.as_ref()?;
        let e = &self.explore;
        [
            (e.data.is_some(), "--data"),
            (!e.set.is_empty(), "--set"),
            (e.base_year.is_some(), "--base-year"),
            (e.pick.scenario.is_some(), "--scenario"),
            (e.pick.scenarios_dir.is_some(), "--scenarios-dir"),
            (self.deck.is_some(), "--deck"),
            (self.marker.is_some(), "--marker"),
        ]
        .into_iter()
        .find(|(given, _)| *given)
        .map(|(_, name)| name)
    }
}

/// Chart markers offered by `--marker` (the configuration's names).
pub use crate::config::MarkerName as MarkerArg;

/// The charts `memcycle chart` writes (the explorer's 1-6; the configuration's names).
pub use crate::config::ChartName as ChartArg;

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
    Backtest(BacktestArgs),
    /// Which parameter matters most: each parameter at its plausible low and high (the others
    /// as set) and the swing of one output, largest first.
    Tornado {
        /// Data and parameters.
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// The output: dram, nand, dram_growth, dram_sr, dram_price, dram_revenue, dram_turn
        /// (and the nand_ ones).
        #[arg(long, value_name = "ID", default_value = "dram")]
        output: String,
        /// Year of the output (default: the first projected year, where the explorer opens).
        #[arg(long, value_name = "YEAR", value_parser = year_arg())]
        year: Option<Year>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ProjectFormat::Table)]
        format: ProjectFormat,
    },
    /// What it would take: the value of one parameter, within its plausible range, at which an
    /// output reaches a target.
    Seek {
        /// Data and parameters.
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// The parameter to move, e.g. smartphone.replacement_cycle.
        #[arg(long, value_name = "ID")]
        param: String,
        /// The output (see `tornado --help`).
        #[arg(long, value_name = "ID")]
        output: String,
        /// Year of the output (default: the first projected year, where the explorer opens).
        #[arg(long, value_name = "YEAR", value_parser = year_arg())]
        year: Option<Year>,
        /// The value the output should have (a finite number).
        #[arg(long, value_name = "VALUE", allow_negative_numbers = true, value_parser = parse_target)]
        target: f64,
    },
    /// How sure: P10-P90 bands of demand, sufficiency, price and revenue from many projections
    /// with every parameter drawn from its plausible range around the current settings.
    Bands {
        /// Data and parameters.
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// Number of projections.
        #[arg(long, value_name = "N", default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        draws: u32,
        /// Seed of the random numbers (equal seeds give equal bands).
        #[arg(long, value_name = "N", default_value_t = 2025)]
        seed: u64,
        /// Bands from the model's past errors (the rolling backtest 1-5 years ahead over every
        /// earlier base year) instead of parameter draws.
        #[arg(long, conflicts_with = "coverage")]
        errors: bool,
        /// How often the observed figures fell inside the P10-P90 band of each base year
        /// FIRST..LAST, for bands from draws and from past errors (leave that year out).
        #[arg(long, value_name = "FIRST..LAST", value_parser = parse_years)]
        coverage: Option<(Year, Year)>,
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
        #[arg(long, value_name = "Y", value_parser = year_arg())]
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
    /// Write a chart as SVG (what `e` writes in the explorer): the same series, baseline,
    /// bands and labels, titled with the scenario and what it changes.
    Chart {
        /// Data and parameters.
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// Which chart.
        #[arg(long, value_enum, default_value_t = ChartArg::Dram)]
        chart: ChartArg,
        /// The SVG file to write.
        #[arg(long, value_name = "FILE.svg")]
        out: PathBuf,
    },
    /// Write a handout: one self-contained HTML page with the scenario, what changed, the
    /// DRAM, NAND, supply/demand and price charts, the year table, the sources behind every
    /// changed parameter and the command that reproduces it (what `E` writes in the explorer).
    Report {
        /// Data and parameters.
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// The HTML file to write.
        #[arg(long, value_name = "FILE.html")]
        out: PathBuf,
    },
    /// Print the command line and the scenario file that reproduce these settings (what `y`
    /// copies in the explorer).
    Share {
        /// Data and parameters.
        #[command(flatten)]
        scenario: ScenarioArgs,
    },
    /// Print a shell completion script (it also completes --set parameter ids and --scenario
    /// names), e.g. `memcycle completions bash > ~/.local/share/bash-completion/completions/memcycle`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `memcycle man | man -l -`.
    Man,
    /// Print the effective configuration and where each value comes from (default,
    /// configuration file or command line).
    Config,
    /// Validate a data set: print `ok` and a summary, or every problem found.
    Check {
        /// Data set to check (default: the built-in data).
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
    },
}

impl Command {
    /// The scenario arguments of a command that runs a projection, if this is one.
    pub fn scenario_args(&self) -> Option<&ScenarioArgs> {
        match self {
            Command::Project { scenario, .. }
            | Command::Market { scenario, .. }
            | Command::Tornado { scenario, .. }
            | Command::Seek { scenario, .. }
            | Command::Bands { scenario, .. }
            | Command::Chart { scenario, .. }
            | Command::Report { scenario, .. }
            | Command::Share { scenario } => Some(scenario),
            _ => None,
        }
    }

    /// [`Command::scenario_args`], to fill in from the configuration.
    pub fn scenario_args_mut(&mut self) -> Option<&mut ScenarioArgs> {
        match self {
            Command::Project { scenario, .. }
            | Command::Market { scenario, .. }
            | Command::Tornado { scenario, .. }
            | Command::Seek { scenario, .. }
            | Command::Bands { scenario, .. }
            | Command::Chart { scenario, .. }
            | Command::Report { scenario, .. }
            | Command::Share { scenario } => Some(scenario),
            _ => None,
        }
    }
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
    #[arg(long, value_name = "Y", value_parser = year_arg())]
    pub base_year: Option<Year>,
    /// Scenario to start from.
    #[command(flatten)]
    pub pick: ScenarioPick,
    /// Values from the configuration file (its `horizon`), applied before the scenario so
    /// that a scenario's own values and `--set` win.
    #[arg(skip)]
    pub defaults: Vec<Override>,
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
/// Largest target magnitude goal seek takes: far beyond any output (EB, %, $B, years).
const MAX_TARGET: f64 = 1e9;

fn parse_target(s: &str) -> Result<f64, ArgError> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| ArgError(format!("\"{s}\" is not a number; expected a finite number")))?;
    if !v.is_finite() || v.abs() > MAX_TARGET {
        return Err(ArgError(format!(
            "{s} is out of range; expected a finite number within ±{MAX_TARGET:e}"
        )));
    }
    Ok(v)
}

/// Years a command line may name: wide enough for any data set, small enough that no year
/// arithmetic overflows (a horizon of 2,147,481,633 years once spun for minutes).
const ARG_YEARS: std::ops::RangeInclusive<i64> = 1900..=2200;
/// Most years ahead a rolling backtest scores.
const MAX_HORIZON_ARG: i64 = 50;

fn year_arg() -> clap::builder::RangedI64ValueParser<Year> {
    clap::value_parser!(i32).range(ARG_YEARS)
}

fn parse_years(s: &str) -> Result<(Year, Year), ArgError> {
    let (a, b) = s.split_once("..").ok_or_else(|| {
        ArgError(format!(
            "expected FIRST..LAST (e.g. 2015..2022), got \"{s}\""
        ))
    })?;
    let year = |t: &str| {
        t.trim()
            .parse::<Year>()
            .ok()
            .filter(|y| ARG_YEARS.contains(&i64::from(*y)))
            .ok_or_else(|| {
                ArgError(format!(
                    "expected a year from {} to {}, got \"{t}\"",
                    ARG_YEARS.start(),
                    ARG_YEARS.end()
                ))
            })
    };
    Ok((year(a)?, year(b)?))
}

fn parse_set(s: &str) -> Result<Override, ArgError> {
    // Clap names the option and the value; the message says what was expected.
    parse_override(s).map_err(|_| {
        ArgError(
            "expected ID=VALUE with a number, e.g. --set smartphone.base_growth=1.5".to_owned(),
        )
    })
}

/// What a command-line value should have been (clap names the option and the value given).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ArgError(String);

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

/// The options of `memcycle backtest`.
#[derive(Debug, Args)]
pub struct BacktestArgs {
    /// Base year: data after it is unseen.
    #[arg(long, value_name = "YEAR", required_unless_present = "rolling", value_parser = year_arg())]
    pub from: Option<Year>,
    /// Last compared year (default: the last observed year).
    #[arg(long, value_name = "YEAR", conflicts_with = "rolling", value_parser = year_arg())]
    pub to: Option<Year>,
    /// Rolling origins: project from every base year FIRST to LAST and score 1 to
    /// --horizon years ahead against naive (no change) and drift (3-year trend) forecasts.
    #[arg(long, value_name = "FIRST..LAST", value_parser = parse_years, conflicts_with = "from")]
    pub rolling: Option<(Year, Year)>,
    /// Years ahead scored by --rolling.
    #[arg(long, value_name = "H", default_value_t = 3, requires = "rolling", value_parser = clap::value_parser!(i32).range(1..=MAX_HORIZON_ARG))]
    pub horizon: i32,
    /// Also compare with the estimates published for the year in progress (labelled est).
    #[arg(long, conflicts_with = "rolling")]
    pub with_estimates: bool,
    /// Data set directory (default: the built-in data).
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Override a parameter (defaults are those of the base year).
    #[arg(long = "set", value_name = "ID=VALUE", value_parser = parse_set)]
    pub set: Vec<Override>,
    /// Scenario to apply.
    #[command(flatten)]
    pub pick: ScenarioPick,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ProjectFormat::Table)]
    pub format: ProjectFormat,
}
