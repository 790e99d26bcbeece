//! How sure are we: uncertainty bands from many projections with every parameter drawn from its
//! plausible range.
//!
//! Each draw sets every parameter from a triangular distribution on (low, current, high): the
//! plausible range, widened to include the current value, with its mode at the current value,
//! so the bands are centred on the current settings and move with the sliders. A segment's DRAM
//! and NAND content growth move together (one uniform number drives both: a richer device gets
//! more of both memories); every other parameter is drawn independently. Production cuts are
//! levers a person decides, not uncertainties: they stay as set, as does the horizon. Draws use a seeded generator,
//! so equal seeds give equal bands.

use super::output::Quantity;
use crate::model::Parameters;
use crate::model::{Memory, Projection};
use crate::params::{ParamKey, round_to_step};
use crate::setup::Setup;
use crate::units::Year;

/// The quantiles each band reports: P10, P25, P50, P75, P90.
pub const QUANTILES: [f64; 5] = [0.10, 0.25, 0.50, 0.75, 0.90];

/// Draws, seed and threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Number of projections.
    pub draws: usize,
    /// Seed of the generator.
    pub seed: u64,
    /// Threads sharing the draws (the bands are the same for any number).
    pub threads: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            draws: 1000,
            seed: 2025,
            threads: 1,
        }
    }
}

/// The range a parameter is drawn from: low, mode, high.
pub type Range = (f64, f64, f64);

/// One series' band: the quantiles of every year from the base year to the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Which memory.
    pub memory: Memory,
    /// Which quantity (demand, sufficiency, price or revenue).
    pub quantity: Quantity,
    /// Per year, the values at [`QUANTILES`].
    pub quantiles: Vec<[f64; 5]>,
}

/// Bands of the demand and market series, with the share of draws short of supply.
#[derive(Debug, Clone, PartialEq)]
pub struct Bands {
    /// First year (the base year: every band starts on the line there).
    pub first_year: Year,
    /// Draws made.
    pub draws: usize,
    /// Demand, sufficiency, price and revenue of each memory (market ones when there is data).
    pub series: Vec<Band>,
    /// Per memory (DRAM, NAND) and year, the share of draws whose sufficiency is below zero.
    pub shortage: [Vec<f64>; 2],
}

impl Bands {
    /// The band of `memory`'s `quantity`.
    pub fn band(&self, memory: Memory, quantity: Quantity) -> Option<&Band> {
        self.series
            .iter()
            .find(|b| b.memory == memory && b.quantity == quantity)
    }

    /// Probability (0-1) that `memory`'s supply falls short of demand in `year`.
    pub fn p_shortage(&self, memory: Memory, year: Year) -> Option<f64> {
        let i = usize::try_from(year - self.first_year).ok()?;
        self.shortage[usize::from(memory == Memory::Nand)]
            .get(i)
            .copied()
    }
}

/// Whether a parameter is held as set: a lever (a production cut) or the horizon (it sets
/// which years there are, not what happens in them).
fn is_held(key: ParamKey) -> bool {
    matches!(
        key,
        ParamKey::Horizon
            | ParamKey::ProductionCut(_)
            | ParamKey::CutStart(_)
            | ParamKey::CutYears(_)
    )
}

/// The ranges every parameter is drawn from around `params` (see the module docs).
pub fn ranges(setup: &Setup, params: &Parameters) -> Vec<Range> {
    setup
        .catalog
        .specs()
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let current = setup.catalog.get(params, i);
            if is_held(s.key) {
                (current, current, current)
            } else {
                (s.low.min(current), current, s.high.max(current))
            }
        })
        .collect()
}

/// For each parameter, the parameter whose uniform number it shares (itself, or for a NAND
/// content growth the same segment's DRAM content growth).
fn partners(setup: &Setup) -> Vec<usize> {
    let specs = setup.catalog.specs();
    specs
        .iter()
        .enumerate()
        .map(|(i, s)| match s.key {
            ParamKey::NandGrowth(seg) => specs
                .iter()
                .position(|o| o.key == ParamKey::DramGrowth(seg))
                .unwrap_or(i),
            _ => i,
        })
        .collect()
}

/// The value at probability `u` of a triangular distribution on `(low, mode, high)`.
pub fn triangular((low, mode, high): Range, u: f64) -> f64 {
    if high <= low {
        return mode;
    }
    let f = (mode - low) / (high - low);
    if u < f {
        low + (u * (high - low) * (mode - low)).sqrt()
    } else {
        high - ((1.0 - u) * (high - low) * (high - mode)).sqrt()
    }
}

/// The value at quantile `q` of sorted `v` (linear between ranks).
fn quantile(v: &[f64], q: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    let at = q * (v.len() - 1) as f64;
    let (i, frac) = (at.floor() as usize, at.fract());
    let next = v.get(i + 1).copied().unwrap_or(v[i]);
    v[i] + (next - v[i]) * frac
}

/// The series a band is kept for.
fn tracked(p: &Projection) -> Vec<(Memory, Quantity)> {
    let mut out = vec![
        (Memory::Dram, Quantity::Demand),
        (Memory::Nand, Quantity::Demand),
    ];
    if p.market.is_some() {
        for m in Memory::ALL {
            out.extend([
                (m, Quantity::Sufficiency),
                (m, Quantity::Price),
                (m, Quantity::Revenue),
            ]);
        }
    }
    out
}

/// One series' values from the base year on, appended to `out` (read straight from the
/// projection's vectors: this runs for every draw).
fn push_values(p: &Projection, memory: Memory, quantity: Quantity, out: &mut Vec<f64>) {
    let Some(base) = p.index(p.base_year) else {
        return;
    };
    let market = p.market.as_ref().map(|m| m.memory(memory));
    let slice: &[f64] = match (quantity, market) {
        (Quantity::Demand, _) => {
            // In projected years the reported total is the model's; the base year's reported
            // figure (observed) is pushed first.
            out.push(p.reported_eb(memory, base));
            let totals = p.total_eb(memory);
            out.extend_from_slice(totals.get(base + 1..).unwrap_or_default());
            return;
        }
        (Quantity::Sufficiency, Some(m)) => &m.sufficiency_pct,
        (Quantity::Price, Some(m)) => &m.price_index,
        (Quantity::Revenue, Some(m)) => &m.revenue_busd,
        _ => &[],
    };
    out.extend_from_slice(slice.get(base..).unwrap_or_default());
}

/// One series' values from the base year on (the line bands are drawn around).
pub(crate) fn values(p: &Projection, memory: Memory, quantity: Quantity) -> Vec<f64> {
    let mut out = Vec::new();
    push_values(p, memory, quantity, &mut out);
    out
}

/// Bands around `params` with the default ranges; `None` when `cancelled` says stop (it is
/// asked before every draw, so a newer slider position stops an older run within a draw).
pub fn bands(
    setup: &Setup,
    params: &Parameters,
    settings: Settings,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Bands> {
    bands_with(setup, params, &ranges(setup, params), settings, cancelled)
}

/// The generator of draw `k`: its own stream, so a draw's numbers do not depend on which
/// thread makes it or in which order.
fn generator(seed: u64, k: usize) -> fastrand::Rng {
    // Seeds spread by the golden-ratio constant (as SplitMix64 does) so neighbours differ.
    fastrand::Rng::with_seed(seed ^ (k as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// Draws `draws` (by number) and returns, per series, their values one draw after another;
/// `None` when cancelled.
#[allow(clippy::too_many_arguments)]
fn draw_range(
    setup: &Setup,
    params: &Parameters,
    ranges: &[Range],
    partner: &[usize],
    (series, years): (&[(Memory, Quantity)], usize),
    draws: std::ops::Range<usize>,
    seed: u64,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<Vec<f64>>> {
    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(draws.len() * years); series.len()];
    let mut uniforms = vec![0.0; ranges.len()];
    // One parameter set, every parameter overwritten in each draw (no clone per draw).
    let mut p = params.clone();
    let steps: Vec<f64> = setup.catalog.specs().iter().map(|s| s.step).collect();
    for k in draws {
        if cancelled() {
            return None;
        }
        let mut rng = generator(seed, k);
        for u in &mut uniforms {
            *u = rng.f64();
        }
        for (i, range) in ranges.iter().enumerate() {
            let u = uniforms[partner.get(i).copied().unwrap_or(i)];
            let step = steps.get(i).copied().unwrap_or(0.0);
            let mut v = triangular(*range, u);
            if step >= 1.0 {
                v = round_to_step(v, step);
            }
            setup.catalog.set(&mut p, i, v);
        }
        let projection = setup.project(&p);
        for ((memory, quantity), sample) in series.iter().zip(&mut samples) {
            let before = sample.len();
            push_values(&projection, *memory, *quantity, sample);
            // Every draw takes exactly `years` slots, so the columns line up.
            sample.resize(before + years, f64::NAN);
        }
    }
    Some(samples)
}

/// Bands with the parameters drawn from `ranges` (one per catalog parameter).
pub fn bands_with(
    setup: &Setup,
    params: &Parameters,
    ranges: &[Range],
    settings: Settings,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Bands> {
    let partner = partners(setup);
    let center = setup.project(params);
    let series = tracked(&center);
    let years = values(&center, Memory::Dram, Quantity::Demand).len();
    let threads = settings.threads.clamp(1, settings.draws.max(1));
    let chunk = settings.draws.div_ceil(threads);
    let run = |draws: std::ops::Range<usize>| {
        draw_range(
            setup,
            params,
            ranges,
            &partner,
            (&series, years),
            draws,
            settings.seed,
            cancelled,
        )
    };
    // Draws split into contiguous chunks, one per thread; each draw has its own generator, so
    // the bands do not depend on the number of threads.
    let parts: Vec<Option<Vec<Vec<f64>>>> = if threads == 1 {
        vec![run(0..settings.draws)]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let draws = t * chunk..((t + 1) * chunk).min(settings.draws);
                    scope.spawn(move || run(draws))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().ok().flatten())
                .collect()
        })
    };
    // Per series, every draw's values one after the other (draw-major, `years` per draw).
    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(settings.draws * years); series.len()];
    for part in parts {
        for (all, some) in samples.iter_mut().zip(part?) {
            all.extend(some);
        }
    }
    let column = |sample: &[f64], year: usize| -> Vec<f64> {
        let mut v: Vec<f64> = sample
            .iter()
            .skip(year)
            .step_by(years.max(1))
            .copied()
            .filter(|x| x.is_finite())
            .collect();
        v.sort_by(f64::total_cmp);
        v
    };
    let shortage = |memory: Memory| -> Vec<f64> {
        let Some(k) = series
            .iter()
            .position(|s| *s == (memory, Quantity::Sufficiency))
        else {
            return Vec::new();
        };
        (0..years)
            .map(|y| {
                let v = column(&samples[k], y);
                if v.is_empty() {
                    0.0
                } else {
                    v.iter().filter(|x| **x < 0.0).count() as f64 / v.len() as f64
                }
            })
            .collect()
    };
    Some(Bands {
        first_year: center.base_year,
        draws: settings.draws,
        shortage: [shortage(Memory::Dram), shortage(Memory::Nand)],
        series: series
            .iter()
            .zip(&samples)
            .map(|((memory, quantity), sample)| Band {
                memory: *memory,
                quantity: *quantity,
                quantiles: (0..years)
                    .map(|y| {
                        let v = column(sample, y);
                        QUANTILES.map(|q| quantile(&v, q))
                    })
                    .collect(),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangular_spans_its_range_with_its_mode() {
        let r = (1.0, 2.0, 5.0);
        assert_eq!(triangular(r, 0.0), 1.0);
        assert_eq!(triangular(r, 1.0), 5.0);
        assert!((triangular(r, 0.25) - 2.0).abs() < 1e-12, "F(mode) = 1/4");
        assert_eq!(triangular((3.0, 3.0, 3.0), 0.7), 3.0);
    }

    #[test]
    fn quantiles_interpolate_between_ranks() {
        let v = [0.0, 10.0, 20.0, 30.0, 40.0];
        assert_eq!(quantile(&v, 0.5), 20.0);
        assert_eq!(quantile(&v, 0.1), 4.0);
        assert_eq!(quantile(&v, 0.9), 36.0);
    }
}
