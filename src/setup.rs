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
    /// A scenario could not be found or has problems.
    #[error("{0}")]
    Scenario(#[from] ScenarioError),
    /// An override was refused.
    #[error(transparent)]
    Override(#[from] OverrideError),
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
