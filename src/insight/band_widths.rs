//! How wide the bands from draws must be to be honest: one width multiplier per memory and
//! quantity (bits, revenue), fitted at each base year on what the draws would have said before
//! it, with only the data known then.
//!
//! For every earlier base year (origin) the raw bands (multiplier 1) are drawn around that
//! origin's defaults, and every figure observed up to the base year 1-5 years after the origin
//! is placed on the band: `r = ln(observed / line) / ln(P90 / P50)` above the line, with P10 in
//! place of P90 below it. The band `line x (q / P50)^m` holds the figure exactly when
//! `r <= m`, so the multiplier that makes the P10-P90 band hold 80% of those figures is the
//! 80th percentile of `r`; with a few dozen figures at most, it is taken as split conformal
//! prediction does, the `ceil((n + 1) x 0.8)`-th smallest of the `n` (a band that holds at
//! least 80% of the next figure when the figures are alike, where the plain percentile of a
//! handful falls short). The same figures tell how well that works out of sample: each
//! origin's figures against the multiplier fitted on the other origins (leave one origin out).

use super::bands::{
    Bands, MIN_FIGURES, SERIES, Settings, Width, Widths, bands_with, ranges, raw_bands,
};
use super::output::Quantity;
use crate::data::Dataset;
use crate::insight::quantiles::Quantiles;
use crate::model::COST_TREND_HALF_LIFE;
use crate::model::Parameters;
use crate::setup::Setup;
use crate::units::Year;
use std::sync::{Mutex, PoisonError};

/// Years ahead the fit scores, as the past-error bands do.
pub const FIT_HORIZON: i32 = 5;
/// Draws per earlier base year in the fit (the multiplier needs the band's shape, not its
/// fine print).
pub const FIT_DRAWS: usize = 200;
/// The share of outcomes a P10-P90 band should hold.
pub const TARGET_COVERAGE: f64 = 0.8;

/// The conformal `q` quantile of `v`, pairs of (value, weight): the smallest value whose
/// cumulative weight reaches `q (n + 1) / n` of the total (with equal weights, the
/// `ceil((n + 1) q)`-th smallest; the largest when that passes the total); NaN when empty.
fn conformal_quantile(mut v: Vec<(f64, f64)>, q: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    let n = v.len() as f64;
    let total: f64 = v.iter().map(|p| p.1).sum();
    let wanted = total * q * (n + 1.0) / n - 1e-9 * total;
    let mut sum = 0.0;
    for (value, weight) in &v {
        sum += weight;
        if sum >= wanted {
            return *value;
        }
    }
    v[v.len() - 1].0
}

/// How much an origin's figures count in the fit: halving every
/// [`crate::model::COST_TREND_HALF_LIFE`] years before the latest origin (about one memory
/// cycle, as for the cost trend), so that the fit follows how the model has erred lately.
fn recency_weight(origin: Year, latest: Year) -> f64 {
    0.5f64.powf(f64::from(latest - origin) / COST_TREND_HALF_LIFE)
}

/// Where `observed` falls on a band (quantiles P10..P90) drawn around `line`, in units of the
/// band's half-width on that side (see the module docs); `None` where it cannot be placed.
pub fn placement(observed: f64, line: f64, q: &Quantiles) -> Option<f64> {
    if !(observed > 0.0 && line > 0.0 && q.p10 > 0.0) {
        return None;
    }
    let off = (observed / line).ln();
    let half = if off >= 0.0 {
        (q.p90 / q.p50).ln()
    } else {
        (q.p10 / q.p50).ln()
    };
    (half.abs() > 1e-12).then(|| off / half)
}

/// One outcome placed on the band of an earlier base year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// The base year the band was drawn from.
    pub origin: Year,
    /// Years ahead.
    pub horizon: i32,
    /// Where the outcome fell, in half-widths of the band ([`placement`]).
    pub r: f64,
}

/// The multiplier fitted on `placed` and its leave-one-origin-out record. Each figure counts
/// by its origin's recency ([`recency_weight`]) over the number of figures at its horizon, so
/// that every horizon weighs alike (before the base year there are more figures one year
/// ahead than five, and errors grow with the horizon).
fn fit(placed: &[Placed]) -> Width {
    if placed.len() < MIN_FIGURES {
        return Width {
            figures: placed.len(),
            ..Width::RAW
        };
    }
    let first = placed.iter().map(|p| p.origin).min();
    let last = placed.iter().map(|p| p.origin).max();
    let latest = last.unwrap_or_default();
    let weighted = |keep: &dyn Fn(Year) -> bool| -> Vec<(f64, f64)> {
        let kept: Vec<&Placed> = placed.iter().filter(|p| keep(p.origin)).collect();
        let at = |h: i32| kept.iter().filter(|p| p.horizon == h).count() as f64;
        kept.iter()
            .map(|p| (p.r, recency_weight(p.origin, latest) / at(p.horizon)))
            .collect()
    };
    let multiplier = conformal_quantile(weighted(&|_| true), TARGET_COVERAGE);
    let held_out_inside = placed
        .iter()
        .filter(|p| {
            let others = weighted(&|o| o != p.origin);
            !others.is_empty() && p.r <= conformal_quantile(others, TARGET_COVERAGE)
        })
        .count();
    Width {
        multiplier,
        figures: placed.len(),
        held_out_inside,
        origins: first.zip(last),
    }
}

/// The placed figures of every series (in [`SERIES`] order) from the origins before
/// `base_year`, each scored only on years up to `base_year`.
pub fn placements(data: &Dataset, base_year: Year) -> Vec<Vec<Placed>> {
    let mut out = vec![Vec::new(); SERIES.len()];
    let Some(market) = &data.market else {
        return out;
    };
    let last = base_year.min(data.last_observed_year());
    for origin in Setup::first_base_year(data)..last {
        let Ok(setup) = Setup::new(data.clone(), Some(origin)) else {
            continue;
        };
        let mut params = setup.catalog.baseline().clone();
        params.horizon = (origin + FIT_HORIZON).min(last);
        let settings = Settings {
            draws: FIT_DRAWS,
            ..Settings::default()
        };
        let Some(b) = raw_bands(&setup, &params, settings, &|| false) else {
            continue;
        };
        let p = setup.project(&params);
        for ((memory, quantity), placed) in SERIES.iter().zip(&mut out) {
            let (Some(band), line) = (
                b.band(*memory, *quantity),
                super::bands::values(&p, *memory, *quantity),
            ) else {
                continue;
            };
            let observed = match quantity {
                Quantity::Revenue => &market.memory(*memory).revenue,
                _ => &market.memory(*memory).bits,
            };
            for h in 1..=(params.horizon - origin) {
                let k = h as usize;
                let (Some(obs), Some(l), Some(q)) =
                    (observed.get(origin + h), line.get(k), band.quantiles.get(k))
                else {
                    continue;
                };
                if let Some(r) = placement(obs, *l, q) {
                    placed.push(Placed {
                        origin,
                        horizon: h,
                        r,
                    });
                }
            }
        }
    }
    out
}

/// The widths at `base_year`, from the data known then (see the module docs).
pub fn fit_widths(data: &Dataset, base_year: Year) -> Widths {
    let placed = placements(data, base_year);
    let w = |k: usize| fit(&placed[k]);
    // SERIES: DRAM bits, NAND bits, DRAM revenue, NAND revenue.
    Widths {
        bits: [w(0), w(1)],
        revenue: [w(2), w(3)],
    }
}

/// Widths fitted so far in this process, by data set and base year: the fit runs a few
/// hundred projections per earlier base year, the bands are asked for on every keystroke.
static FITTED: Mutex<Vec<(Year, Dataset, Widths)>> = Mutex::new(Vec::new());
/// Base years remembered (a coverage run visits every base year of its window).
const REMEMBERED: usize = 24;

/// [`fit_widths`], remembered per data set and base year.
pub fn widths(data: &Dataset, base_year: Year) -> Widths {
    let known = FITTED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .find(|(y, d, _)| *y == base_year && d == data)
        .map(|e| e.2);
    if let Some(w) = known {
        return w;
    }
    let w = fit_widths(data, base_year);
    let mut fitted = FITTED.lock().unwrap_or_else(PoisonError::into_inner);
    if fitted.len() >= REMEMBERED {
        fitted.remove(0);
    }
    fitted.push((base_year, data.clone(), w));
    w
}

/// Bands around `params` with the default ranges and the widths fitted at the base year;
/// `None` when `cancelled` says stop (it is asked before every draw, so a newer slider
/// position stops an older run within a draw).
pub fn bands(
    setup: &Setup,
    params: &Parameters,
    settings: Settings,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Bands> {
    let w = widths(&setup.data, setup.base_year());
    bands_with(
        setup,
        params,
        &ranges(setup, params),
        w,
        settings,
        cancelled,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_on_the_p90_sits_at_one() {
        let q = Quantiles::from_array([80.0, 90.0, 100.0, 110.0, 125.0]);
        assert!((placement(125.0, 100.0, &q).unwrap() - 1.0).abs() < 1e-12);
        assert!((placement(80.0, 100.0, &q).unwrap() - 1.0).abs() < 1e-12);
        assert!(placement(100.0, 100.0, &q).unwrap().abs() < 1e-12);
        assert!(placement(0.0, 100.0, &q).is_none());
    }

    #[test]
    fn the_multiplier_holds_the_conformal_share_of_what_it_was_fitted_on() {
        // One figure per origin, all one year ahead, the latest origin counting most.
        let placed: Vec<Placed> = (0..10)
            .map(|i| Placed {
                origin: 2010 + i,
                horizon: 1,
                r: f64::from(10 - i),
            })
            .collect();
        let w = fit(&placed);
        let inside = placed.iter().filter(|p| p.r <= w.multiplier).count();
        // Weights 0.5^(age / 4) for r = 1 (newest) to 10: total 5.174; the conformal level
        // 0.8 x 11 / 10 of it, 4.553, is reached at r = 8 (cumulative 4.716).
        assert_eq!(w.multiplier, 8.0, "{w:?}");
        assert_eq!(inside, 8, "{w:?}");
        assert!(w.calibrated());
        assert_eq!(w.origins, Some((2010, 2019)));
        assert!(!fit(&placed[..4]).calibrated());
        assert_eq!(fit(&placed[..4]).multiplier, 1.0);
    }
}
