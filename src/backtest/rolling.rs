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
use crate::model::Memory;
use crate::model::paths::cagr_percent;
use crate::params::Override;
use crate::scenario::Store;
use crate::setup::Setup;
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
    /// Which way the price went, per memory (empty without a market).
    pub prices: Vec<PriceSkill>,
}

impl Rolling {
    /// The earlier and the later half of the base years (the earlier takes the middle year
    /// when their number is odd); `None` with a single base year.
    pub fn halves(&self) -> Option<[RangeInclusive<Year>; 2]> {
        let (from, to) = (*self.origins.start(), *self.origins.end());
        if to <= from {
            return None;
        }
        let mid = from + (to - from) / 2;
        Some([from..=mid, mid + 1..=to])
    }

    /// The skill of `series` from the base years in `origins` only (`None` if it has no
    /// forecast from them): whether the skill holds over time.
    pub fn skill_over(&self, series: &str, origins: &RangeInclusive<Year>) -> Option<Skill> {
        let rows: Vec<Forecast> = self
            .forecasts
            .iter()
            .filter(|f| f.series == series && origins.contains(&f.origin))
            .cloned()
            .collect();
        summarise(&rows).into_iter().next()
    }
}

/// How well the model tells which way a memory's price goes, over every origin: price per bit
/// (revenue / bits in the data) against the model's price index, next to "always down" (the
/// cost trend's answer), and the size of the swings.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceSkill {
    /// `dram` or `nand`.
    pub memory: &'static str,
    /// Years whose change 1 year ahead the model got right, and how many were scored.
    pub right_1: usize,
    /// Origins scored 1 year ahead.
    pub count_1: usize,
    /// Of those, years the price fell ("always down" is right).
    pub down_1: usize,
    /// The same for the change of the second projected year (year 2 over year 1).
    pub right_2: usize,
    /// Origins scored 2 years ahead.
    pub count_2: usize,
    /// Of those, years the price fell.
    pub down_2: usize,
    /// Mean |change of ln price| in the first projected year, model.
    pub swing_model: f64,
    /// The same, observed.
    pub swing_observed: f64,
}

impl PriceSkill {
    /// Model swing over observed swing (1: swings of the right size).
    pub fn swing_ratio(&self) -> f64 {
        if self.swing_observed > 0.0 {
            self.swing_model / self.swing_observed
        } else {
            f64::NAN
        }
    }
}

/// One origin's price changes of one memory: `(model, observed)` ln changes of the first and
/// second projected years, where the data has the figures.
type PriceChanges = [Option<(f64, f64)>; 2];

/// The observed price per bit of `year`: revenue / bits where both figures are for that year.
fn observed_price(m: &crate::data::MemoryMarket, year: Year) -> Option<f64> {
    let (r, b) = (m.revenue.get(year)?, m.bits.get(year)?);
    (r > 0.0 && b > 0.0).then(|| r / b)
}

/// The model's and the observed ln price changes of the first two projected years.
fn price_changes(
    m: &crate::data::MemoryMarket,
    index: &[f64],
    projection: &crate::model::Projection,
    origin: Year,
) -> PriceChanges {
    let change = |h: i32| {
        let year = origin + h;
        let (i, j) = (projection.index(year - 1)?, projection.index(year)?);
        let (a, b) = (index.get(i)?, index.get(j)?);
        let observed = (observed_price(m, year)? / observed_price(m, year - 1)?).ln();
        (*a > 0.0 && *b > 0.0).then(|| ((b / a).ln(), observed))
    };
    [change(1), change(2)]
}

/// Whether the model got the direction of `memory`'s price per bit right in the first and the
/// second projected year of `projection` (`None` where the data has no figures to say).
pub fn price_directions(
    data: &Dataset,
    projection: &crate::model::Projection,
    memory: Memory,
) -> [Option<bool>; 2] {
    let (Some(m), Some(market)) = (&data.market, &projection.market) else {
        return [None, None];
    };
    let changes = price_changes(
        m.memory(memory),
        &market.memory(memory).price_index,
        projection,
        projection.base_year,
    );
    changes.map(|c| c.map(|(model, observed)| same_direction(model, observed)))
}

/// Whether the model's price change has the observed one's direction (a flat observed price
/// counts as down, as "always down" scores it).
fn same_direction(model: f64, observed: f64) -> bool {
    (model > 0.0) == (observed > 0.0)
}

/// Sums the price changes of every origin into one [`PriceSkill`].
fn price_skill(memory: &'static str, changes: &[PriceChanges]) -> PriceSkill {
    let count = |k: usize, pick: fn(f64, f64) -> bool| {
        changes
            .iter()
            .filter_map(|c| c[k])
            .filter(|(m, o)| pick(*m, *o))
            .count()
    };
    let firsts: Vec<(f64, f64)> = changes.iter().filter_map(|c| c[0]).collect();
    let mean_abs = |pick: fn(&(f64, f64)) -> f64| {
        firsts.iter().map(|c| pick(c).abs()).sum::<f64>() / firsts.len().max(1) as f64
    };
    PriceSkill {
        memory,
        right_1: count(0, same_direction),
        count_1: count(0, |_, _| true),
        down_1: count(0, |_, o| o <= 0.0),
        right_2: count(1, same_direction),
        count_2: count(1, |_, _| true),
        down_2: count(1, |_, o| o <= 0.0),
        swing_model: mean_abs(|c| c.0),
        swing_observed: mean_abs(|c| c.1),
    }
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
) -> Result<Rolling, super::BacktestError> {
    let last = data.last_observed_year();
    let first = Setup::first_base_year(data);
    let (from, to) = (*origins.start(), *origins.end());
    if from < first || to < from || to >= last || horizon < 1 {
        return Err(super::BacktestError::RollingRange {
            from,
            to,
            horizon,
            first,
            last,
        });
    }
    let mut forecasts = Vec::new();
    let mut changes: [Vec<PriceChanges>; 2] = [Vec::new(), Vec::new()];
    for origin in origins.clone() {
        let setup = Setup::new(data.clone(), Some(origin))?;
        let scenario = scenario
            .map(|(store, name)| setup.scenario(store, name))
            .transpose()?;
        let mut params = setup.parameters_with(scenario.as_ref(), overrides)?;
        params.horizon = (origin + horizon).min(last);
        let projection = setup.project(&params);
        if let (Some(m), Some(market)) = (&data.market, &projection.market) {
            for (k, mem) in Memory::ALL.into_iter().enumerate() {
                changes[k].push(price_changes(
                    m.memory(mem),
                    &market.memory(mem).price_index,
                    &projection,
                    origin,
                ));
            }
        }
        forecasts.extend(forecasts_from(data, &projection, origin, params.horizon));
    }
    let skills = summarise(&forecasts);
    let prices = match &data.market {
        Some(_) => Memory::ALL
            .into_iter()
            .zip(&changes)
            .map(|(mem, c)| price_skill(mem.id(), c))
            .collect(),
        None => Vec::new(),
    };
    Ok(Rolling {
        origins,
        horizon,
        forecasts,
        skills,
        prices,
    })
}

/// Every scored series' forecasts from `origin` up to `last`, each with its benchmarks, for the
/// years that have an observed figure.
fn forecasts_from(
    data: &Dataset,
    projection: &crate::model::Projection,
    origin: Year,
    last: Year,
) -> Vec<Forecast> {
    let mut out = Vec::new();
    for s in scored_series(data, projection) {
        for h in 1..=last - origin {
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
            out.push(Forecast {
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
    out
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
