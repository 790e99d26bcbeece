//! A data set made ready to project: validated data, the history engine for a base year and the
//! parameter catalog. Every front end (CLI, explorer, tests) starts here.

use crate::data::{self, Dataset, Problem, Problems};
use crate::model::{Engine, Parameters, Projection, TREND_YEARS};
use crate::params::{Catalog, Override, OverrideError};
use crate::scenario::{Scenario, ScenarioError, Store};
use crate::units::Year;
use std::path::Path;

/// Why a setup could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SetupError {
    /// The data set has problems (each with file, line and column).
    #[error("{0}")]
    Data(Problems),
    /// The base year is outside the history.
    #[error("base year {given} is outside the history; expected a year from {first} to {last}")]
    BaseYear {
        /// Year asked for.
        given: Year,
        /// Earliest base year with enough history for the trends.
        first: Year,
        /// Last observed year.
        last: Year,
    },
    /// A backtest's years are not in order within the history.
    #[error("backtest from {from} to {to}: expected a base year between {first} and {} and a last year after it, up to {last} (the last observed year)", last - 1)]
    BacktestRange {
        /// Base year.
        from: Year,
        /// Last compared year.
        to: Year,
        /// Earliest base year.
        first: Year,
        /// Last observed year.
        last: Year,
    },
    /// A request refused in its own words (bands for years they cannot use, a source query
    /// that matches nothing).
    #[error("{0}")]
    Refused(String),
    /// Goal seek found no value reaching its target (the message says what comes closest).
    #[error("{0}")]
    Unreachable(String),
    /// Nothing after the base year but estimates of the year in progress, not asked for.
    #[error(
        "backtest from {from}: the only later figures are {year}'s, estimates of the year in progress; add --with-estimates to compare with them"
    )]
    OnlyEstimates {
        /// Base year.
        from: Year,
        /// The year in progress.
        year: Year,
    },
    /// A rolling backtest's origins or horizon are outside the history.
    #[error("rolling backtest from {from} to {to}, {horizon} years ahead: expected origins from {first} to {} in order and a horizon of at least 1 year", last - 1)]
    RollingRange {
        /// First base year.
        from: Year,
        /// Last base year.
        to: Year,
        /// Years ahead.
        horizon: i32,
        /// Earliest base year.
        first: Year,
        /// Last observed year.
        last: Year,
    },
    /// The command needs market data the data set does not have.
    #[error(
        "this data set has no market: add supply.toml to the data directory (see README, Data format)"
    )]
    NoMarket,
    /// A scenario could not be found or has problems.
    #[error("{0}")]
    Scenario(#[from] ScenarioError),
    /// An override was refused.
    #[error(transparent)]
    Override(#[from] OverrideError),
    /// No output has this id.
    #[error("no output \"{given}\"; expected one of: {}", known.join(", "))]
    UnknownOutput {
        /// What was asked for.
        given: String,
        /// Every output id.
        known: Vec<String>,
    },
    /// The year is not projected.
    #[error("{given} is not a projected year; expected a year from {first} to {last}")]
    OutputYear {
        /// Year asked for.
        given: Year,
        /// First projected year.
        first: Year,
        /// Horizon.
        last: Year,
    },
    /// No parameter has this id.
    #[error("no parameter \"{given}\"; closest: {}", closest.join(", "))]
    UnknownParameter {
        /// What was asked for.
        given: String,
        /// Nearest known ids.
        closest: Vec<String>,
    },
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

/// Validated data, prepared for projections from one base year.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The data set.
    pub data: Dataset,
    /// History up to the base year.
    pub engine: Engine,
    /// Parameters and their defaults at the base year.
    pub catalog: Catalog,
}

impl Setup {
    /// Loads the data in `dir` (or the built-in data) for projections from `base_year`
    /// (default: the last observed year).
    pub fn load(dir: Option<&Path>, base_year: Option<Year>) -> Result<Self, SetupError> {
        let data = data::load(dir).map_err(SetupError::Data)?;
        Self::new(data, base_year)
    }

    /// Prepares a validated data set. The catalog is always checked at the data's own base year
    /// (derived defaults must lie in their ranges there); other base years clamp them.
    pub fn new(data: Dataset, base_year: Option<Year>) -> Result<Self, SetupError> {
        let last = data.last_observed_year();
        let first = Self::first_base_year(&data);
        let engine = Engine::new(&data, last);
        let catalog = Catalog::new(&data, &engine, true).map_err(data_problems)?;
        match base_year {
            None => Ok(Self {
                data,
                engine,
                catalog,
            }),
            Some(y) if y == last => Ok(Self {
                data,
                engine,
                catalog,
            }),
            Some(y) if y < first || y > data.last_year_with_data() => Err(SetupError::BaseYear {
                given: y,
                first,
                last: data.last_year_with_data(),
            }),
            Some(y) => {
                let engine = Engine::new(&data, y);
                let catalog = Catalog::new(&data, &engine, false).map_err(data_problems)?;
                Ok(Self {
                    data,
                    engine,
                    catalog,
                })
            }
        }
    }

    /// The catalog a scenario with its own base year is checked against: this one for none (or
    /// the same year), else that year's; `None` when the data cannot project from that year.
    pub fn catalog_at(&self, year: Option<Year>) -> Option<Catalog> {
        match year {
            Some(y) if y != self.catalog.base_year() => Setup::new(self.data.clone(), Some(y))
                .ok()
                .map(|s| s.catalog),
            _ => Some(self.catalog.clone()),
        }
    }

    /// The earliest base year: enough history before it for the default trends.
    pub fn first_base_year(data: &Dataset) -> Year {
        data.first_year() + TREND_YEARS
    }

    /// Base year of the projections.
    pub fn base_year(&self) -> Year {
        self.engine.base_year()
    }

    /// Loads a scenario (built-in id, saved id or file) checked against this setup's catalog.
    pub fn scenario(&self, store: &Store, name_or_file: &str) -> Result<Scenario, SetupError> {
        Ok(store.load(name_or_file, &self.catalog)?)
    }

    /// Baseline parameters with a scenario's overrides, then `overrides`, applied.
    pub fn parameters_with(
        &self,
        scenario: Option<&Scenario>,
        overrides: &[Override],
    ) -> Result<Parameters, SetupError> {
        self.parameters_from(&[], scenario, overrides)
    }

    /// Baseline parameters with `defaults` (the configuration's), then a scenario's overrides,
    /// then `overrides` applied: each later one wins.
    pub fn parameters_from(
        &self,
        defaults: &[Override],
        scenario: Option<&Scenario>,
        overrides: &[Override],
    ) -> Result<Parameters, SetupError> {
        let mut p = self.catalog.baseline().clone();
        self.catalog.apply(&mut p, defaults)?;
        if let Some(s) = scenario {
            self.catalog.apply(&mut p, &s.overrides)?;
        }
        self.catalog.apply(&mut p, overrides)?;
        Ok(p)
    }

    /// Projects with `params`.
    pub fn project(&self, params: &Parameters) -> Projection {
        self.engine.project(params)
    }
}

fn data_problems(p: Vec<Problem>) -> SetupError {
    SetupError::Data(Problems(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::parse_override;

    /// The library says what is wrong with the data it was given; the command line adds which
    /// option it came from (`cli::describe`), so the explorer and deck files never show `--set`.
    #[test]
    fn errors_name_no_command_line_option() {
        let Ok(setup) = Setup::load(None, None) else {
            panic!("built-in data")
        };
        let mut errors: Vec<SetupError> = vec![SetupError::BaseYear {
            given: 1999,
            first: 2013,
            last: 2025,
        }];
        let typo = parse_override("smartphon.replacement_cycle=4").unwrap();
        let far = parse_override("horizon=3000").unwrap();
        for o in [typo, far] {
            errors.extend(setup.parameters_with(None, &[o]).err());
        }
        errors.extend(setup.scenario(&Store::new(None), "no-such").err());
        assert_eq!(errors.len(), 4);
        for e in errors {
            assert!(!e.to_string().contains("--"), "{e}");
        }
    }
}
