//! Rolling-origin skill: project from every base year in a range with only the data knowable
//! then, and compare 1 to H years ahead with what happened, next to the two forecasts anyone
//! can make without a model:
//!
//! - naive: every later year equals the base year;
//! - drift: the growth of the three years before the base year, extrapolated.
//!
//! Both benchmarks use observed figures only. Skill = model MAPE / the better benchmark's MAPE
//! over the same (origin, horizon) pairs; below 1 the model earns its place.

use super::scored_series;
use crate::data::{Dataset, Series};
use crate::model::paths::cagr_percent;
use crate::params::Override;
use crate::scenario::Store;
use crate::setup::{Setup, SetupError};
use crate::units::{Year, growth_factor};
use std::ops::RangeInclusive;

/// Years before the base year that the drift benchmark extrapolates.
pub const DRIFT_YEARS: i32 = 3;

/// One forecast of one series from one origin, with the benchmarks for the same year.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    /// Series name (see [`super::ScoredSeries`]).
    pub series: String,
    /// Its unit.
    pub unit: &'static str,
    /// Base year it was made from.
    pub origin: Year,
    /// Years ahead (1 = the first projected year).
    pub horizon: i32,
    /// Observed figure.
    pub observed: f64,
    /// The model's value.
    pub model: f64,
    /// No change from the base year.
    pub naive: f64,
    /// The three years before the base year, extrapolated.
    pub drift: f64,
}

impl Forecast {
    /// Year forecast.
    pub fn year(&self) -> Year {
        self.origin + self.horizon
    }

    /// Absolute percentage error of `value` against the observed figure.
    pub fn ape(&self, value: f64) -> f64 {
        ((value / self.observed) - 1.0).abs() * 100.0
    }
}

/// Summary of one series over every origin and horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Skill {
    /// Series name.
    pub series: String,
    /// Unit.
    pub unit: &'static str,
    /// Forecasts compared.
    pub count: usize,
    /// Model MAPE, %.
    pub model: f64,
    /// Naive MAPE, %.
    pub naive: f64,
    /// Drift MAPE, %.
    pub drift: f64,
}

impl Skill {
    /// Model MAPE over the better benchmark's MAPE (below 1: better than both).
    pub fn skill(&self) -> f64 {
        let best = self.naive.min(self.drift);
        if best > 0.0 {
            self.model / best
        } else {
            f64::NAN
        }
    }
}

/// A rolling-origin evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Rolling {
    /// Base years.
    pub origins: RangeInclusive<Year>,
    /// Longest horizon, years.
    pub horizon: i32,
    /// Every forecast compared, by series, origin and horizon.
    pub forecasts: Vec<Forecast>,
    /// One row per series, in data order.
    pub skills: Vec<Skill>,
}

/// The naive and drift benchmarks for `horizon` years after `origin` from observed figures;
/// `None` when the figures they need are missing.
pub fn benchmarks(observed: &Series, origin: Year, horizon: i32) -> Option<(f64, f64)> {
    let base = observed.get(origin).filter(|v| *v > 0.0)?;
    let before = observed.get(origin - DRIFT_YEARS).filter(|v| *v > 0.0)?;
    let rate = growth_factor(cagr_percent(before, base, DRIFT_YEARS));
    Some((base, base * rate.powi(horizon)))
}

/// Runs the model from every base year in `origins`, `horizon` years ahead (capped at the last
/// observed year), with a scenario and `overrides` on each base year's defaults.
pub fn run(
    data: &Dataset,
    origins: RangeInclusive<Year>,
    horizon: i32,
    scenario: Option<(&Store, &str)>,
    overrides: &[Override],
) -> Result<Rolling, SetupError> {
    let last = data.last_observed_year();
    let first = Setup::first_base_year(data);
    let (from, to) = (*origins.start(), *origins.end());
    if from < first || to < from || to >= last || horizon < 1 {
        return Err(SetupError::RollingRange {
            from,
            to,
            horizon,
            first,
            last,
        });
    }
    let mut forecasts = Vec::new();
    for origin in origins.clone() {
        let setup = Setup::new(data.clone(), Some(origin))?;
        let scenario = scenario
            .map(|(store, name)| setup.scenario(store, name))
            .transpose()?;
        let mut params = setup.parameters_with(scenario.as_ref(), overrides)?;
        params.horizon = (origin + horizon).min(last);
        let projection = setup.project(&params);
        for s in scored_series(data, &projection) {
            for h in 1..=params.horizon - origin {
                let year = origin + h;
                let (Some(observed), Some(i)) = (
                    s.observed.get(year).filter(|v| *v > 0.0),
                    projection.index(year),
                ) else {
                    continue;
                };
                let Some((naive, drift)) = benchmarks(s.observed, origin, h) else {
                    continue;
                };
                forecasts.push(Forecast {
                    series: s.series.clone(),
                    unit: s.unit,
                    origin,
                    horizon: h,
                    observed,
                    model: s.projected[i],
                    naive,
                    drift,
                });
            }
        }
    }
    let skills = summarise(&forecasts);
    Ok(Rolling {
        origins,
        horizon,
        forecasts,
        skills,
    })
}

/// One [`Skill`] per series that has forecasts, in the order the series first appear.
fn summarise(forecasts: &[Forecast]) -> Vec<Skill> {
    let mut names: Vec<(&str, &'static str)> = Vec::new();
    for f in forecasts {
        if !names.iter().any(|(n, _)| *n == f.series) {
            names.push((&f.series, f.unit));
        }
    }
    names
        .into_iter()
        .map(|(name, unit)| {
            let rows: Vec<&Forecast> = forecasts.iter().filter(|f| f.series == name).collect();
            let mean = |pick: fn(&Forecast) -> f64| {
                rows.iter().map(|f| f.ape(pick(f))).sum::<f64>() / rows.len() as f64
            };
            Skill {
                series: name.to_owned(),
                unit,
                count: rows.len(),
                model: mean(|f| f.model),
                naive: mean(|f| f.naive),
                drift: mean(|f| f.drift),
            }
        })
        .collect()
}
