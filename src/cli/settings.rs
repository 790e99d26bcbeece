//! The configuration file applied to the command line: a value given on the command line wins,
//! then the file's, then the built-in default; `memcycle config` shows which is which.

use super::args::{BacktestArgs, Cli, Command, ScenarioArgs};
use crate::config::{ChartName, Config, MarkerName, ThemeName};
use crate::params::Override;
use crate::scenario::Store;
use std::path::PathBuf;

/// Fills what the command line left open from the configuration: scenarios directory, base year
/// and horizon (a default applied before the scenario, so that a scenario's own horizon and
/// `--set` win) for the explorer and every command with scenario arguments.
pub fn apply(cli: &mut Cli, config: &Config) {
    let fill = |args: &mut ScenarioArgs| {
        let s = &config.settings;
        if args.pick.scenarios_dir.is_none() {
            args.pick.scenarios_dir.clone_from(&s.scenarios_dir);
        }
        if args.base_year.is_none() {
            args.base_year = s.base_year;
        }
        if let Some(h) = s.horizon {
            args.defaults.push(Override {
                id: "horizon".to_owned(),
                value: f64::from(h),
            });
        }
    };
    fill(&mut cli.explore);
    cli.marker = cli.marker.or(config.settings.marker);
    let dir = &config.settings.scenarios_dir;
    match &mut cli.command {
        Some(Command::Backtest(BacktestArgs { pick, .. })) if pick.scenarios_dir.is_none() => {
            pick.scenarios_dir.clone_from(dir);
        }
        Some(Command::Scenarios { scenarios_dir, .. }) if scenarios_dir.is_none() => {
            scenarios_dir.clone_from(dir);
        }
        _ => {}
    }
    if let Some(scenario) = cli.command.as_mut().and_then(Command::scenario_args_mut) {
        fill(scenario);
    }
}

/// The exports directory: the configuration's, else `exports/` beside the scenarios directory.
pub fn exports_dir(config: &Config, store: &Store) -> Option<PathBuf> {
    config.settings.exports_dir.clone().or_else(|| {
        store
            .dir
            .as_ref()
            .and_then(|d| d.parent().map(|p| p.join("exports")))
    })
}

/// `memcycle config`: every setting, its effective value and where it comes from.
pub fn describe(cli: &Cli, config: &Config) -> String {
    let rows = setting_rows(cli, config);
    let mut t = super::TextTable::new([
        ("setting", crate::format::Align::Left),
        ("value", crate::format::Align::Left),
        ("from", crate::format::Align::Left),
    ]);
    for (k, v, from) in rows {
        t.row(vec![k.to_owned(), v, from]);
    }
    let file = match (&config.file, crate::config::default_path()) {
        (Some(f), _) => format!("configuration file: {}", f.display()),
        (None, Some(d)) => format!("configuration file: none ({} does not exist)", d.display()),
        (None, None) => "configuration file: none".to_owned(),
    };
    format!("{file}\n\n{}\n", t.render())
}

/// Each setting: its name, effective value and where that comes from.
fn setting_rows(cli: &Cli, config: &Config) -> Vec<(&'static str, String, String)> {
    let s = &config.settings;
    let from_file = |set: bool| {
        if set {
            config
                .file
                .as_ref()
                .map_or("default".to_owned(), |f| f.display().to_string())
        } else {
            "default".to_owned()
        }
    };
    // The store the explorer would use: the command line's directory, else the file's.
    let mut pick = cli.explore.pick.clone();
    if pick.scenarios_dir.is_none() {
        pick.scenarios_dir.clone_from(&s.scenarios_dir);
    }
    let store = pick.store();
    vec![
        (
            "theme",
            match s.theme {
                Some(ThemeName::Light) => "light".to_owned(),
                _ => "dark".to_owned(),
            },
            from_file(s.theme.is_some()) + " (NO_COLOR, when set, turns colour off)",
        ),
        (
            "marker",
            format!(
                "{:?}",
                cli.marker.or(s.marker).unwrap_or(MarkerName::Braille)
            )
            .to_lowercase(),
            if cli.marker.is_some() {
                "command line".to_owned()
            } else {
                from_file(s.marker.is_some())
            },
        ),
        (
            "scenarios_dir",
            store
                .dir
                .as_ref()
                .map_or("(none)".to_owned(), |d| d.display().to_string()),
            from_file(s.scenarios_dir.is_some()),
        ),
        (
            "exports_dir",
            exports_dir(config, &store).map_or("(none)".to_owned(), |d| d.display().to_string()),
            if s.exports_dir.is_some() {
                from_file(true)
            } else {
                "default (beside the scenarios)".to_owned()
            },
        ),
        (
            "base_year",
            s.base_year
                .map_or("the last observed year".to_owned(), |y| y.to_string()),
            from_file(s.base_year.is_some()),
        ),
        (
            "horizon",
            s.horizon
                .map_or("the data's default".to_owned(), |y| y.to_string()),
            from_file(s.horizon.is_some()),
        ),
        (
            "chart",
            format!("{:?}", s.chart.unwrap_or(ChartName::Dram)).to_lowercase(),
            from_file(s.chart.is_some()),
        ),
    ]
}

/// The data directory the command line points at (the command's `--data`, else the
/// explorer's), and the base year it typed, if any (`Some(None)`: a command that sets its own).
fn data_dir(cli: &Cli) -> (Option<PathBuf>, Option<Option<crate::units::Year>>) {
    let scenario = cli.command.as_ref().and_then(Command::scenario_args);
    let (data, typed) = match (&cli.command, scenario) {
        (_, Some(s)) => (s.data.clone(), s.base_year.map(Some)),
        (
            Some(Command::Params {
                data, base_year, ..
            }),
            _,
        ) => (data.clone(), base_year.map(Some)),
        (Some(Command::Backtest(BacktestArgs { data, .. }) | Command::Check { data }), _) => {
            (data.clone(), Some(None))
        }
        _ => (None, None),
    };
    (
        data.or_else(|| cli.explore.data.clone()),
        typed.or(cli.explore.base_year.map(Some)),
    )
}

/// Checks the configuration's `base_year` and `horizon` against the data the command will
/// use, located to their line and column in the file: an out-of-range value used to be blamed
/// on a `--base-year` the user never typed. Values the command line replaces are not checked;
/// data that cannot be loaded is left for the command to report.
pub fn check(cli: &Cli, config: &Config) -> Result<(), crate::data::Problems> {
    #[derive(serde::Deserialize)]
    struct Years {
        base_year: Option<toml::Spanned<i64>>,
        horizon: Option<toml::Spanned<i64>>,
    }
    let Some(file) = &config.file else {
        return Ok(());
    };
    let Ok(text) = crate::data::read_text(file) else {
        return Ok(());
    };
    let Ok(years) = toml::from_str::<Years>(&text) else {
        return Ok(());
    };
    let (dir, typed_base) = data_dir(cli);
    let Ok(data) = crate::data::load(dir.as_deref()) else {
        return Ok(());
    };
    let name = file.display().to_string();
    let loc = crate::data::Locator::new(&name, &text);
    let first = crate::setup::Setup::first_base_year(&data);
    let last = data.last_year_with_data();
    let mut problems = Vec::new();
    let base = match (&years.base_year, typed_base) {
        (_, Some(Some(typed))) => i64::from(typed),
        (_, Some(None)) => return Ok(()),
        (Some(y), None) => {
            let v = *y.get_ref();
            if v < i64::from(first) || v > i64::from(last) {
                problems.push(loc.at(
                    &y.span(),
                    format!("base_year = {v} is outside the history; expected a year from {first} to {last}"),
                ));
            }
            v
        }
        (None, None) => i64::from(data.last_observed_year()),
    };
    if let Some(h) = &years.horizon {
        let v = *h.get_ref();
        let latest = base + i64::from(crate::model::DEFAULT_HORIZON_YEARS) * 2;
        if v <= base || v > latest {
            problems.push(loc.at(
                &h.span(),
                format!("horizon = {v} is out of range; expected a year after the base year {base}, up to {latest}"),
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(crate::data::Problems(problems))
    }
}
