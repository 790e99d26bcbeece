//! The command line: argument definitions and the headless commands.

mod args;
pub mod backtest;
pub mod conventions;
pub mod insight;
pub mod market;
pub mod params;
pub mod project;
pub mod report;
pub mod rolling;
mod run_info;
pub mod settings;
pub mod sources;
mod summaries;
mod table;

pub use args::{
    BacktestArgs, ChartArg, Cli, Command, MarkerArg, ParamsFormat, ProjectFormat, ScenarioArgs,
    ScenarioPick,
};
pub use run_info::RunInfo;
pub use summaries::{check_summary, scenarios_list, scenarios_verbose};
pub use table::TextTable;

use crate::backtest::BacktestError;
use crate::chart::kind::ChartKind;
use crate::chart::scene::Standalone;
use crate::params::OverrideError;
use crate::scenario::{Scenario, ScenarioError, Store};
use crate::setup::{Setup, SetupError};
use crate::units::Year;
use report::Report;
use std::io::Write;
use std::path::PathBuf;

/// Why a command printed nothing: its data, scenario or settings were refused, its backtest or
/// insight could not run, or the command itself refused.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    /// The data, the scenario or the overrides were refused.
    #[error(transparent)]
    Setup(#[from] SetupError),
    /// A backtest's years were refused.
    #[error(transparent)]
    Backtest(#[from] BacktestError),
    /// A tornado, goal seek or band could not be computed.
    #[error(transparent)]
    Insight(#[from] crate::insight::InsightError),
    /// A request refused in its own words (bands for years they cannot use, a source query
    /// that matches nothing).
    #[error("{0}")]
    Refused(String),
    /// Goal seek found no value reaching its target (the message says what comes closest).
    #[error("{0}")]
    Unreachable(String),
    /// The command needs market data the data set does not have.
    #[error(
        "this data set has no market: add supply.toml to the data directory (see README, Data format)"
    )]
    NoMarket,
    /// A file could not be written.
    #[error("cannot write {path}: {reason}")]
    Write {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// The output has no value in this data set (a market quantity without market data).
    #[error("{output} is not defined for this data set (market quantities need supply.toml)")]
    NoValue {
        /// The output's label.
        output: String,
    },
}

/// An error as the command line words it: with the option that caused it.
pub fn describe(e: &CommandError) -> String {
    match e {
        CommandError::Setup(SetupError::BaseYear { given, first, last }) => format!(
            "--base-year {given} is outside the history; expected a year from {first} to {last}"
        ),
        CommandError::Backtest(BacktestError::BacktestRange {
            from,
            to,
            first,
            last,
        }) => format!(
            "backtest --from {from} --to {to}: expected --from between {first} and {} and --to after it, up to {last} (the last observed year)",
            last - 1
        ),
        CommandError::Backtest(BacktestError::RollingRange {
            from,
            to,
            horizon,
            first,
            last,
        }) => format!(
            "backtest --rolling {from}..{to} --horizon {horizon}: expected origins from {first} to {} in order and a horizon of at least 1 year",
            last - 1
        ),
        CommandError::Setup(SetupError::Override(o @ OverrideError::UnknownId { .. })) => {
            format!("--set {o}. `memcycle params` lists them all")
        }
        CommandError::Setup(SetupError::Override(o)) => format!("--set {o}"),
        CommandError::Setup(SetupError::Scenario(s @ ScenarioError::NotFound { .. })) => {
            format!("--scenario {s}. `memcycle scenarios` lists them")
        }
        other => other.to_string(),
    }
}

impl ScenarioArgs {
    /// Loads the data and the scenario, and applies the scenario's overrides then `--set`.
    pub fn load(&self) -> Result<(Setup, crate::model::Parameters), CommandError> {
        self.load_scenario()
            .map(|(setup, params, _)| (setup, params))
    }

    /// As [`ScenarioArgs::load`], also returning the scenario.
    pub fn load_scenario(
        &self,
    ) -> Result<(Setup, crate::model::Parameters, Option<Scenario>), CommandError> {
        refuse_repeated(&self.set)?;
        let store = self.pick.store();
        let text = self
            .pick
            .scenario
            .as_deref()
            .map(|n| store.read(n))
            .transpose()
            .map_err(SetupError::Scenario)?;
        // A scenario about the past projects from its own base year unless --base-year says
        // otherwise; its overrides are checked against that year's catalog.
        let base_year = self.base_year.or_else(|| {
            text.as_ref()
                .and_then(crate::scenario::ScenarioText::base_year)
        });
        let setup = Setup::load(self.data.as_deref(), base_year)?;
        let scenario = text
            .map(|t| t.parse(&setup.catalog))
            .transpose()
            .map_err(SetupError::Scenario)?;
        let params = setup.parameters_from(&self.defaults, scenario.as_ref(), &self.set)?;
        Ok((setup, params, scenario))
    }
}

/// A parameter given twice with `--set` is refused (the last one silently won).
fn refuse_repeated(set: &[crate::params::Override]) -> Result<(), CommandError> {
    for (k, o) in set.iter().enumerate() {
        if let Some(first) = set[..k].iter().find(|x| x.id == o.id) {
            return Err(CommandError::Refused(format!(
                "--set {}: given twice ({} then {}); expected each parameter once",
                o.id,
                crate::scenario::clean_value(first.value),
                crate::scenario::clean_value(o.value)
            )));
        }
    }
    Ok(())
}

/// Runs a headless command, writing to `out`; returns the process exit code.
pub fn run(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = output(command);
    match result {
        // Everything printed passes one sanitiser: text from a data file, a scenario file or an
        // argument can never reach the terminal as an escape sequence.
        Ok(text) => write_out(out, err, &crate::data::sanitize_lines(&text)),
        Err(e) => {
            let _ = writeln!(err, "{}", crate::data::sanitize_lines(&describe(&e)));
            if matches!(e, CommandError::Setup(SetupError::Data(_))) {
                let _ = writeln!(
                    err,
                    "memcycle: the data set has problems; nothing was projected"
                );
            }
            1
        }
    }
}

/// What `command` prints, or why it printed nothing.
fn output(command: &Command) -> Result<String, CommandError> {
    match command {
        Command::Project { scenario, format } => project_output(scenario, format),
        Command::Market { scenario, format } => market_output(scenario, format),
        Command::Backtest(args) => backtest_output(args),
        Command::Tornado {
            scenario,
            output,
            year,
            format,
        } => tornado_output(scenario, output, year, format),
        Command::Seek {
            scenario,
            param,
            output,
            year,
            target,
        } => seek_output(scenario, param, output, year, target),
        Command::Bands {
            coverage: Some((from, to)),
            draws,
            scenario,
            format,
            ..
        } => bands_coverage(from, to, draws, scenario, format),
        Command::Bands {
            errors: true,
            scenario,
            format,
            ..
        } => bands_errors(scenario, format),
        Command::Bands {
            scenario,
            draws,
            seed,
            format,
            ..
        } => bands_draws(scenario, draws, seed, format),
        Command::Params {
            data,
            base_year,
            format,
        } => Setup::load(data.as_deref(), *base_year)
            .map(|s| match format {
                ParamsFormat::Table => params::to_table(&s.catalog, &s.data),
                ParamsFormat::Csv => params::to_csv(&s.catalog),
            })
            .map_err(CommandError::from),
        Command::Scenarios {
            scenarios_dir,
            verbose: false,
        } => Ok(scenarios_list(&Store::new(scenarios_dir.clone()))),
        Command::Scenarios {
            scenarios_dir,
            verbose: true,
        } => {
            let store = Store::new(scenarios_dir.clone());
            Setup::load(None, None)
                .map(|s| scenarios_verbose(&store, &s))
                .map_err(CommandError::from)
        }
        Command::Sources { query, data } => crate::data::load(data.as_deref())
            .map_err(|p| CommandError::Setup(SetupError::Data(p)))
            .and_then(|d| sources::to_table(&d, query.as_deref())),
        Command::Chart {
            scenario,
            chart,
            out,
        } => chart_output(scenario, chart, out),
        Command::Report { scenario, out } => report_output(scenario, out),
        Command::Share { scenario } => share_output(scenario),
        Command::Completions { shell } => Ok(conventions::completions(*shell, &Store::new(None))),
        Command::Man => Ok(conventions::man()),
        // The binary answers `config` (it holds the parsed command line and the file).
        Command::Config => Ok(String::new()),
        Command::Check { data } => check_output(data),
    }
}

/// `memcycle project`.
fn project_output(scenario: &ScenarioArgs, format: &ProjectFormat) -> Result<String, CommandError> {
    let (setup, params, loaded) = scenario.load_scenario()?;
    let p = setup.project(&params);
    let text = project::report(&p).render(*format);
    Ok(RunInfo::of(loaded.as_ref(), &scenario.set).stamp(text, *format))
}

/// `memcycle market`.
fn market_output(scenario: &ScenarioArgs, format: &ProjectFormat) -> Result<String, CommandError> {
    let (setup, params, loaded) = scenario.load_scenario()?;
    let p = setup.project(&params);
    if p.market.is_none() {
        return Err(CommandError::NoMarket);
    }
    let text = market::report(&p).render(*format);
    Ok(RunInfo::of(loaded.as_ref(), &scenario.set).stamp(text, *format))
}

/// `memcycle report`.
fn report_output(scenario: &ScenarioArgs, out: &std::path::Path) -> Result<String, CommandError> {
    let (setup, params, loaded) = scenario.load_scenario()?;
    let settings = Standalone::new(setup, params, loaded);
    let html = crate::chart::handout::report_html(&settings.scene(ChartKind::Dram));
    write_output(out, html.as_bytes())
}

/// `memcycle backtest`.
fn backtest_output(args: &BacktestArgs) -> Result<String, CommandError> {
    let BacktestArgs {
        from,
        to,
        rolling,
        horizon,
        with_estimates,
        data,
        set,
        pick,
        format,
    } = args;
    refuse_repeated(set)
        .and_then(|()| {
            crate::data::load(data.as_deref()).map_err(|p| CommandError::Setup(SetupError::Data(p)))
        })
        .and_then(|d| {
            let store = pick.store();
            let scenario = pick.scenario.as_deref().map(|n| (&store, n));
            let run = RunInfo {
                scenario: pick.scenario.clone().map(|s| (s.clone(), s)),
                overrides: set.clone(),
            };
            let text = match rolling {
                Some((first, last)) => {
                    let r =
                        crate::backtest::rolling::run(&d, *first..=*last, *horizon, scenario, set)?;
                    rolling::report(&r).render(*format)
                }
                None => {
                    let from = from.unwrap_or_default();
                    let b = crate::backtest::run(d, from, *to, *with_estimates, scenario, set)?;
                    backtest::report(&b).render(*format)
                }
            };
            Ok(run.stamp(text, *format))
        })
}

/// `memcycle tornado`.
fn tornado_output(
    scenario: &ScenarioArgs,
    output: &str,
    year: &Option<Year>,
    format: &ProjectFormat,
) -> Result<String, CommandError> {
    scenario.load().and_then(|(setup, params)| {
        let out = crate::insight::output(&setup, &params, output, *year)?;
        let current = out
            .value(&setup.project(&params))
            .ok_or_else(|| CommandError::NoValue {
                output: out.label(),
            })?;
        let bars = crate::insight::tornado(&setup, &params, out);
        let report = insight::TornadoReport {
            setup: &setup,
            output: out,
            current,
            bars: &bars,
        };
        Ok(report.render(*format))
    })
}

/// `memcycle seek`.
fn seek_output(
    scenario: &ScenarioArgs,
    param: &str,
    output: &str,
    year: &Option<Year>,
    target: &f64,
) -> Result<String, CommandError> {
    scenario.load().and_then(|(setup, params)| {
        let out = crate::insight::output(&setup, &params, output, *year)?;
        let index = crate::insight::parameter(&setup, param)?;
        let found =
            crate::insight::seek(&setup, &params, index, out, *target).ok_or_else(|| {
                CommandError::NoValue {
                    output: out.label(),
                }
            })?;
        match found {
            crate::insight::Seek::Found { .. } => {
                Ok(insight::seek_text(&setup, index, out, *target, found))
            }
            // Not an answer: said on standard error, exit 1, no `apply:` line.
            crate::insight::Seek::Unreachable { .. } => Err(CommandError::Unreachable(
                insight::seek_text(&setup, index, out, *target, found)
                    .trim_end()
                    .to_owned(),
            )),
        }
    })
}

/// `memcycle bands`.
fn bands_coverage(
    from: &Year,
    to: &Year,
    draws: &u32,
    scenario: &ScenarioArgs,
    format: &ProjectFormat,
) -> Result<String, CommandError> {
    crate::data::load(scenario.data.as_deref())
            .map_err(|p| CommandError::Setup(SetupError::Data(p)))
            .and_then(|d| {
                let (first, last) = (Setup::first_base_year(&d), d.last_observed_year() - 1);
                if from > to || *from < first || *to > last {
                    return Err(CommandError::Refused(format!(
                        "bands --coverage {from}..{to}: expected base years FIRST..LAST in order, from {first} to {last} (each needs a later observed year to score)"
                    )));
                }
                let rolling = crate::backtest::rolling::run(&d, *from..=*to, 5, None, &[])?;
                let c = crate::insight::past_errors::coverage(&d, &rolling, *draws as usize)?;
                let report = insight::CoverageReport {
                    coverage: &c,
                    from: *from,
                    to: *to,
                    draws: *draws,
                };
                Ok(report.render(*format))
            })
}

/// `memcycle bands`.
fn bands_errors(scenario: &ScenarioArgs, format: &ProjectFormat) -> Result<String, CommandError> {
    scenario.load().and_then(|(setup, params)| {
            let base = setup.base_year();
            let first = Setup::first_base_year(&setup.data);
            let no_errors = || {
                CommandError::Refused(format!(
                    "bands --errors from {base}: no past errors to fit; the bands need earlier base years with at least three forecasts per horizon, so a base year from {} on",
                    first + 3
                ))
            };
            if base <= first {
                return Err(no_errors());
            }
            let rolling =
                crate::backtest::rolling::run(&setup.data, first..=base - 1, 5, None, &[])?;
            let models = crate::insight::past_errors::models(&rolling);
            if models.is_empty() {
                return Err(no_errors());
            }
            let p = setup.project(&params);
            let report = insight::ErrorBandsReport {
                projection: &p,
                models: &models,
                fitted: (first, base - 1),
            };
            Ok(report.render(*format))
        })
}

/// `memcycle bands`.
fn bands_draws(
    scenario: &ScenarioArgs,
    draws: &u32,
    seed: &u64,
    format: &ProjectFormat,
) -> Result<String, CommandError> {
    scenario.load().map(|(setup, params)| {
        let settings = crate::insight::bands::Settings {
            draws: *draws as usize,
            seed: *seed,
            threads: std::thread::available_parallelism().map_or(1, usize::from),
        };
        match crate::insight::bands(&setup, &params, settings, &|| false) {
            Some(b) => insight::bands_report(&b).render(*format),
            None => String::new(),
        }
    })
}

/// `memcycle chart`.
fn chart_output(
    scenario: &ScenarioArgs,
    chart: &ChartArg,
    out: &std::path::Path,
) -> Result<String, CommandError> {
    scenario
        .load_scenario()
        .and_then(|(setup, params, loaded)| {
            let settings = Standalone::new(setup, params, loaded);
            let svg = crate::chart::svg::chart_svg(&settings.scene((*chart).into()));
            // The file's extension says the format (a .png used to get SVG text).
            let name = out.file_name().map(|f| f.to_string_lossy().into_owned());
            let bytes = match name.as_deref().and_then(chart_format) {
                Some(ChartFormat::Svg) => svg.into_bytes(),
                Some(ChartFormat::Png) => crate::export::png::svg_to_png(&svg)
                    .map_err(|reason| write_refused(out, reason.to_string()))?,
                None => {
                    return Err(write_refused(
                        out,
                        "expected a file name ending in .svg or .png".to_owned(),
                    ));
                }
            };
            write_output(out, &bytes)
        })
}

/// `memcycle share`.
fn share_output(scenario: &ScenarioArgs) -> Result<String, CommandError> {
    scenario.load_scenario().map(|(setup, params, loaded)| {
        let overrides = setup.catalog.overrides_of(&params);
        let (name, description, sources) = match &loaded {
            Some(s) => (s.name.clone(), s.description.clone(), s.sources.clone()),
            None => ("Shared settings".to_owned(), String::new(), Vec::new()),
        };
        // The base year travels with the settings unless it is the data's default.
        let base = Some(setup.base_year()).filter(|y| *y != setup.data.last_observed_year());
        crate::scenario::share::share_text(&name, &description, &sources, base, &overrides)
    })
}

/// `memcycle check`.
fn check_output(data: &Option<PathBuf>) -> Result<String, CommandError> {
    let s = Setup::load(data.as_deref(), None)?;
    let outside = s.catalog.defaults_outside_plausible(&s.data);
    if outside.is_empty() {
        Ok(check_summary(&s))
    } else {
        Err(SetupError::Data(crate::data::Problems(outside)).into())
    }
}

/// A refused write of `out`, and why.
fn write_refused(out: &std::path::Path, reason: String) -> CommandError {
    CommandError::Write {
        path: out.display().to_string(),
        reason,
    }
}

/// Writes `bytes` to `out` whole or not at all, and says where (and which directories it made
/// on the way: they were made in silence).
fn write_output(out: &std::path::Path, bytes: &[u8]) -> Result<String, CommandError> {
    let dir = out
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let Some(file) = out.file_name().map(|f| f.to_string_lossy().into_owned()) else {
        return Err(write_refused(out, "not a file name".to_owned()));
    };
    let created = (!dir.exists()).then(|| format!(" (created {})", dir.display()));
    crate::export::write_bytes_atomically(dir, &file, bytes)
        .map(|path| format!("wrote {}{}\n", path.display(), created.unwrap_or_default()))
        .map_err(|e| write_refused(out, e.to_string()))
}

/// The image formats `chart --out` writes.
enum ChartFormat {
    Svg,
    Png,
}

/// The format a chart file's name asks for (its extension, any case).
fn chart_format(file: &str) -> Option<ChartFormat> {
    let ext = std::path::Path::new(file)
        .extension()?
        .to_string_lossy()
        .to_lowercase();
    match ext.as_str() {
        "svg" => Some(ChartFormat::Svg),
        "png" => Some(ChartFormat::Png),
        _ => None,
    }
}

/// Writes text, treating a closed pipe (`memcycle project | head`) as success.
fn write_out(out: &mut dyn Write, err: &mut dyn Write, text: &str) -> i32 {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            // A full disk or a file-size limit: say so (it used to exit 1 in silence).
            let _ = writeln!(err, "memcycle: cannot write the output: {e}");
            1
        }
    }
}
