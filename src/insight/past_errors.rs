//! Bands from past errors: how far the model has been off before, from the rolling-origin
//! backtest, laid around the current line; and how often each kind of band held what happened
//! (coverage).
//!
//! For a series and a horizon h, the errors are ln(observed / model) of every forecast h years
//! ahead. With a handful per horizon, the band is the normal prediction interval of the next
//! error: P(q) = line x exp(mean_h + t_q sd_h sqrt(1 + 1/n_h)), `t_q` Student's t quantile with
//! n_h - 1 degrees of freedom (a mean and spread estimated from five errors make a band too
//! narrow if read as known). Beyond the longest horizon with at least [`MIN_ERRORS`] errors, the mean stays and
//! the spread grows with the square root of the horizon (errors of independent years add up).

use super::band_widths::bands;
use super::bands::Settings;
use super::output::Quantity;
use crate::backtest::rolling::Rolling;
use crate::data::Dataset;
use crate::insight::quantiles::Quantiles;
use crate::model::{Memory, Projection};
use crate::setup::Setup;
use crate::units::Year;

/// Standard normal quantiles of the band quantiles (P10, P25, P50, P75, P90).
const Z: [f64; 5] = [-1.281_551_6, -0.674_489_75, 0.0, 0.674_489_75, 1.281_551_6];

/// Fewest errors a horizon needs for its own mean and spread.
pub const MIN_ERRORS: usize = 3;

pub use super::bands::SERIES;

/// The backtest's name of a series.
pub fn series_name(memory: Memory, quantity: Quantity) -> String {
    match quantity {
        Quantity::Revenue => format!("{}_revenue", memory.id()),
        _ => format!("{}_eb", memory.id()),
    }
}

/// Student's t quantiles at 0.75 and 0.90 for 1 to 30 degrees of freedom (beyond 30, the
/// normal's).
const T_75_90: [(f64, f64); 30] = [
    (1.000, 3.078),
    (0.816, 1.886),
    (0.765, 1.638),
    (0.741, 1.533),
    (0.727, 1.476),
    (0.718, 1.440),
    (0.711, 1.415),
    (0.706, 1.397),
    (0.703, 1.383),
    (0.700, 1.372),
    (0.697, 1.363),
    (0.695, 1.356),
    (0.694, 1.350),
    (0.692, 1.345),
    (0.691, 1.341),
    (0.690, 1.337),
    (0.689, 1.333),
    (0.688, 1.330),
    (0.688, 1.328),
    (0.687, 1.325),
    (0.686, 1.323),
    (0.686, 1.321),
    (0.685, 1.319),
    (0.685, 1.318),
    (0.684, 1.316),
    (0.684, 1.315),
    (0.684, 1.314),
    (0.683, 1.313),
    (0.683, 1.311),
    (0.683, 1.310),
];

/// The band quantiles (P10..P90) of Student's t with `df` degrees of freedom.
fn t_quantiles(df: usize) -> [f64; 5] {
    let (q75, q90) = T_75_90
        .get(df.saturating_sub(1))
        .copied()
        .unwrap_or((Z[3], Z[4]));
    [-q90, -q75, 0.0, q75, q90]
}

/// Mean and standard deviation of the log errors, by horizon (index 0 = 1 year ahead).
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorModel {
    /// (mean, sd) for each horizon with enough errors.
    pub by_horizon: Vec<(f64, f64)>,
    /// How many errors each horizon's figures rest on.
    pub counts: Vec<usize>,
}

impl ErrorModel {
    /// From log errors grouped by horizon (index 0 = 1 year ahead).
    pub fn fit(errors: &[Vec<f64>]) -> Option<Self> {
        let counts: Vec<usize> = errors
            .iter()
            .take_while(|e| e.len() >= MIN_ERRORS)
            .map(Vec::len)
            .collect();
        let by_horizon: Vec<(f64, f64)> = errors
            .iter()
            .take_while(|e| e.len() >= MIN_ERRORS)
            .map(|e| {
                let n = e.len() as f64;
                let mean = e.iter().sum::<f64>() / n;
                let var = e.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
                (mean, var.sqrt())
            })
            .collect();
        (!by_horizon.is_empty()).then_some(Self { by_horizon, counts })
    }

    /// Mean and spread `h` years ahead (h >= 1).
    pub fn at(&self, h: usize) -> (f64, f64) {
        let last = self.by_horizon.len();
        match self.by_horizon.get(h.saturating_sub(1)) {
            Some(m) => *m,
            None => {
                let (mean, sd) = self.by_horizon[last - 1];
                (mean, sd * (h as f64 / last as f64).sqrt())
            }
        }
    }

    /// The band around `line` (values from the base year on: index 0 is the base year).
    pub fn band(&self, line: &[f64]) -> Vec<Quantiles> {
        line.iter()
            .enumerate()
            .map(|(h, v)| {
                if h == 0 {
                    return Quantiles::point(*v);
                }
                let (mean, sd) = self.at(h);
                let n = self
                    .counts
                    .get(h - 1)
                    .or(self.counts.last())
                    .copied()
                    .unwrap_or(MIN_ERRORS);
                let spread = sd * (1.0 + 1.0 / n as f64).sqrt();
                Quantiles::from_array(t_quantiles(n - 1).map(|t| v * (mean + t * spread).exp()))
            })
            .collect()
    }
}

/// Log errors of `series` in `rolling`, by horizon, leaving out forecasts from `skip`.
pub fn log_errors(rolling: &Rolling, series: &str, skip: Option<Year>) -> Vec<Vec<f64>> {
    let mut out: Vec<Vec<f64>> = vec![Vec::new(); usize::try_from(rolling.horizon).unwrap_or(0)];
    for f in rolling
        .forecasts
        .iter()
        .filter(|f| f.series == series && Some(f.origin) != skip && f.model > 0.0)
    {
        if let Some(slot) = usize::try_from(f.horizon - 1)
            .ok()
            .and_then(|h| out.get_mut(h))
        {
            slot.push((f.observed / f.model).ln());
        }
    }
    out
}

/// The error models of every banded series from a rolling backtest.
pub fn models(rolling: &Rolling) -> Vec<((Memory, Quantity), ErrorModel)> {
    SERIES
        .iter()
        .filter_map(|(m, q)| {
            ErrorModel::fit(&log_errors(rolling, &series_name(*m, *q), None)).map(|e| ((*m, *q), e))
        })
        .collect()
}

/// [`models`] from the forecasts of years up to `year` only: the error models a base year may
/// know (a backtest from 2018 must not learn from how the 2017 forecast of 2022 went).
pub fn models_until(rolling: &Rolling, year: Year) -> Vec<((Memory, Quantity), ErrorModel)> {
    let mut known = rolling.clone();
    known.forecasts.retain(|f| f.year() <= year);
    models(&known)
}

/// A series' line from the base year on (bits or revenue).
pub fn line(p: &Projection, memory: Memory, quantity: Quantity) -> Vec<f64> {
    super::bands::values(p, memory, quantity)
}

/// How often the observed figures fell inside the P10-P90 band, for one series.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// Backtest series name.
    pub series: String,
    /// Inside / compared, bands from parameter draws.
    pub draws: (usize, usize),
    /// Inside / compared, bands from past errors (each origin's band from the other origins'
    /// errors only).
    pub errors: (usize, usize),
    /// The same two per horizon (index 0 = 1 year ahead): (draws, past errors).
    pub by_horizon: Vec<((usize, usize), (usize, usize))>,
}

/// Coverage of both kinds of band over the origins of `rolling` (made with `data`), each band
/// from the data known at its origin, `draws` draws each.
pub fn coverage(
    data: &Dataset,
    rolling: &Rolling,
    draws: usize,
) -> Result<Vec<Coverage>, super::InsightError> {
    let mut out: Vec<Coverage> = SERIES
        .iter()
        .map(|(m, q)| Coverage {
            series: series_name(*m, *q),
            draws: (0, 0),
            errors: (0, 0),
            by_horizon: vec![((0, 0), (0, 0)); usize::try_from(rolling.horizon).unwrap_or(0)],
        })
        .collect();
    for origin in rolling.origins.clone() {
        let setup = Setup::new(data.clone(), Some(origin))?;
        let mut params = setup.catalog.baseline().clone();
        params.horizon = (origin + rolling.horizon).min(data.last_observed_year());
        let settings = Settings {
            draws,
            threads: std::thread::available_parallelism().map_or(1, usize::from),
            ..Settings::default()
        };
        let Some(b) = bands(&setup, &params, settings, &|| false) else {
            continue;
        };
        let p = setup.project(&params);
        for ((memory, quantity), cov) in SERIES.iter().zip(&mut out) {
            let name = series_name(*memory, *quantity);
            let errors = ErrorModel::fit(&log_errors(rolling, &name, Some(origin)))
                .map(|e| e.band(&line(&p, *memory, *quantity)));
            let drawn = b.band(*memory, *quantity);
            for f in rolling
                .forecasts
                .iter()
                .filter(|f| f.origin == origin && f.series == name)
            {
                let k = usize::try_from(f.horizon).unwrap_or(usize::MAX);
                let inside = |q: &Quantiles| usize::from(q.holds(f.observed));
                let mut by = cov.by_horizon.get(k.wrapping_sub(1)).copied();
                if let Some(q) = drawn.and_then(|d| d.quantiles.get(k)) {
                    cov.draws = (cov.draws.0 + inside(q), cov.draws.1 + 1);
                    by = by.map(|(d, e)| ((d.0 + inside(q), d.1 + 1), e));
                }
                if let Some(q) = errors.as_ref().and_then(|e| e.get(k)) {
                    cov.errors = (cov.errors.0 + inside(q), cov.errors.1 + 1);
                    by = by.map(|(d, e)| (d, (e.0 + inside(q), e.1 + 1)));
                }
                if let (Some(slot), Some(by)) = (cov.by_horizon.get_mut(k.wrapping_sub(1)), by) {
                    *slot = by;
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_band_is_the_line_scaled_by_the_error_quantiles() {
        let model = ErrorModel::fit(&[vec![-0.1, 0.0, 0.1], vec![-0.2, 0.0, 0.2]]).unwrap();
        assert_eq!(model.by_horizon.len(), 2);
        let band = model.band(&[10.0, 10.0, 10.0, 10.0]);
        assert_eq!(band[0], Quantiles::point(10.0), "the base year is the line");
        assert!(
            (band[1].p50 - 10.0).abs() < 1e-12,
            "zero mean error: P50 on the line"
        );
        // Three errors: t with 2 degrees of freedom, the spread of a new error sqrt(1 + 1/3).
        let spread = 0.1 * (4.0f64 / 3.0).sqrt();
        assert!((band[1].p90 - 10.0 * (1.886 * spread).exp()).abs() < 1e-9);
        // Past the last horizon the spread grows with the square root of the horizon.
        let (_, sd3) = model.at(3);
        assert!((sd3 - 0.2 * (1.5f64).sqrt()).abs() < 1e-12);
        assert!(band[3].p90 > band[2].p90);
    }

    #[test]
    fn too_few_errors_give_no_model() {
        assert!(ErrorModel::fit(&[vec![0.1, 0.2]]).is_none());
    }
}
