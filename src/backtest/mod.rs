//! Backtesting: project from an earlier base year with only the data knowable then, and hold
//! the projection against what was observed afterwards.

use crate::data::{Dataset, Series};
use crate::model::{Memory, Projection};
use crate::params::Override;
use crate::scenario::Store;
use crate::setup::{Setup, SetupError};
use crate::units::Year;

pub mod rolling;

/// Why a backtest was not run.
#[derive(Debug, thiserror::Error)]
pub enum BacktestError {
    /// The data, the scenario or the overrides were refused.
    #[error(transparent)]
    Setup(#[from] SetupError),
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
}

/// One compared year.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Year after the base year.
    pub year: Year,
    /// Observed figure.
    pub observed: f64,
    /// Projected figure.
    pub projected: f64,
}

impl Comparison {
    /// (projected - observed) / observed, %.
    pub fn error_pct(&self) -> f64 {
        (self.projected / self.observed - 1.0) * 100.0
    }
}

/// A compared series: shipments of a segment, DRAM / NAND bits or revenue.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesScore {
    /// `shipments.<segment>`, `dram_eb`, `nand_eb`, `dram_revenue` or `nand_revenue`.
    pub series: String,
    /// Its unit.
    pub unit: &'static str,
    /// The compared years.
    pub years: Vec<Comparison>,
    /// Mean absolute percentage errors of the naive and drift forecasts over the same years
    /// (see [`rolling`]), when the data has the figures they need.
    pub benchmarks: Option<(f64, f64)>,
}

impl SeriesScore {
    /// Model MAPE over the better benchmark's MAPE: below 1 the model beats both naive and
    /// drift.
    pub fn skill(&self) -> Option<f64> {
        self.benchmarks
            .map(|(naive, drift)| naive.min(drift))
            .filter(|best| *best > 0.0)
            .map(|best| self.mape() / best)
    }

    /// Mean absolute percentage error over the compared years.
    pub fn mape(&self) -> f64 {
        if self.years.is_empty() {
            return f64::NAN;
        }
        self.years.iter().map(|c| c.error_pct().abs()).sum::<f64>() / self.years.len() as f64
    }
}

/// Compares a projection with the observed series after its base year up to `to`.
pub fn compare(p: &Projection, observed: &Series, projected: &[f64], to: Year) -> Vec<Comparison> {
    observed
        .points
        .iter()
        .filter(|pt| pt.year > p.base_year && pt.year <= to && pt.value > 0.0)
        .filter_map(|pt| {
            let i = p.index(pt.year)?;
            Some(Comparison {
                year: pt.year,
                observed: pt.value,
                projected: projected[i],
            })
        })
        .collect()
}

/// A series a backtest holds against observations: its name, unit, the observed figures in
/// the data and the projected values (one per projection year).
pub struct ScoredSeries<'a> {
    /// `shipments.<segment>`, `dram_eb`, `nand_eb`, `dram_revenue` or `nand_revenue`.
    pub series: String,
    /// Its unit.
    pub unit: &'static str,
    /// What the data says happened.
    pub observed: &'a Series,
    /// What the projection says, by projection year.
    pub projected: &'a [f64],
}

/// Every series of a projection that the data has observations for.
pub fn scored_series<'a>(data: &'a Dataset, p: &'a Projection) -> Vec<ScoredSeries<'a>> {
    let mut out = Vec::new();
    for (seg, proj) in data.segments.iter().zip(&p.segments) {
        if let Some(d) = seg.devices() {
            out.push(ScoredSeries {
                series: format!("shipments.{}", seg.id),
                unit: "million units",
                observed: &d.shipments,
                projected: &proj.shipments_m,
            });
        }
    }
    if let Some(m) = &data.market {
        for (mem, mm, total) in [
            (Memory::Dram, &m.dram, &p.total_dram_eb),
            (Memory::Nand, &m.nand, &p.total_nand_eb),
        ] {
            out.push(ScoredSeries {
                series: format!("{}_eb", mem.id()),
                unit: "EB",
                observed: &mm.bits,
                projected: total,
            });
        }
        if let Some(market) = &p.market {
            for (mem, mm) in [(Memory::Dram, &m.dram), (Memory::Nand, &m.nand)] {
                out.push(ScoredSeries {
                    series: format!("{}_revenue", mem.id()),
                    unit: "USD billion",
                    observed: &mm.revenue,
                    projected: &market.memory(mem).revenue_busd,
                });
            }
        }
    }
    out
}

/// Every series of a projection that has observations after its base year.
pub fn scores(data: &Dataset, p: &Projection, to: Year) -> Vec<SeriesScore> {
    scored_series(data, p)
        .into_iter()
        .map(|s| {
            let years = compare(p, s.observed, s.projected, to);
            SeriesScore {
                benchmarks: benchmark_mapes(s.observed, p.base_year, &years),
                years,
                series: s.series,
                unit: s.unit,
            }
        })
        .filter(|s| !s.years.is_empty())
        .collect()
}

/// Naive and drift MAPE over the compared years, from observed figures only.
fn benchmark_mapes(observed: &Series, base: Year, years: &[Comparison]) -> Option<(f64, f64)> {
    if years.is_empty() {
        return None;
    }
    let mut sums = (0.0, 0.0);
    for c in years {
        let (naive, drift) = rolling::benchmarks(observed, base, c.year - base)?;
        sums.0 += (naive / c.observed - 1.0).abs() * 100.0;
        sums.1 += (drift / c.observed - 1.0).abs() * 100.0;
    }
    let n = years.len() as f64;
    Some((sums.0 / n, sums.1 / n))
}

/// A backtest: the projection from `from` to `to` and its scores.
#[derive(Debug, Clone)]
pub struct Backtest {
    /// The projection made with data up to `from` only.
    pub projection: Projection,
    /// Its comparison with what was observed.
    pub scores: Vec<SeriesScore>,
}

/// Runs a backtest from base year `from` to `to` (default: the last observed year, or with
/// `with_estimates` the last year with estimates of the year in progress) with a scenario (from
/// `store`) and then `overrides` on the defaults of `from`.
pub fn run(
    data: Dataset,
    from: Year,
    to: Option<Year>,
    with_estimates: bool,
    scenario: Option<(&Store, &str)>,
    overrides: &[Override],
) -> Result<Backtest, BacktestError> {
    let last = if with_estimates {
        data.last_year_with_data()
    } else {
        data.last_observed_year()
    };
    if !with_estimates
        && to.is_none_or(|t| t > last)
        && data.current_year.is_some_and(|c| c > from && last <= from)
    {
        return Err(BacktestError::OnlyEstimates {
            from,
            year: data.current_year.unwrap_or(from + 1),
        });
    }
    let first = Setup::first_base_year(&data);
    let to = to.unwrap_or(last);
    if from < first || to <= from || to > last {
        return Err(BacktestError::BacktestRange {
            from,
            to,
            first,
            last,
        });
    }
    let setup = Setup::new(data, Some(from))?;
    let scenario = scenario
        .map(|(store, name)| setup.scenario(store, name))
        .transpose()?;
    let mut params = setup.parameters_with(scenario.as_ref(), overrides)?;
    params.horizon = to;
    let projection = setup.project(&params);
    let scores = scores(&setup.data, &projection, to);
    Ok(Backtest { projection, scores })
}
