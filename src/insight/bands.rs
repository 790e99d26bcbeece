//! How sure are we: uncertainty bands from many projections with the parameters drawn around
//! the current settings.
//!
//! Each draw sets every parameter from a normal distribution centred on its current value
//! whose P10-P90 spans the width of its plausible range (within the slider's hard bounds), so
//! the bands move with the sliders. Parameters that move together are drawn together: a
//! segment's DRAM and NAND content growth share one number (a richer device gets more of
//! both), and each memory's supply growth follows the demand the draw's content growth makes
//! (the segments' content growth weighted by their share of that memory's bits) plus an
//! imbalance as large as the published sufficiency ratios up to the base year
//! ([`supply_spread`]); so the shortage probability measures imbalance, not two independent
//! guesses. Production cuts are levers a person decides, not uncertainties: they stay as set,
//! as does the horizon.
//!
//! The quantiles are then laid around the line (`line x (q / P50)^m`, sufficiency `line + m
//! (q - P50)`): the median is the projection, and `m`, one per memory and quantity, is the
//! width the draws needed to hold 80% of outcomes before the base year
//! ([`super::band_widths`]). Draws use a seeded generator, so equal seeds give equal bands.

use super::output::Quantity;
use crate::insight::quantiles::Quantiles;
use crate::model::Parameters;
use crate::model::{Memory, Projection};
use crate::params::{ParamKey, round_to_step};
use crate::setup::Setup;
use crate::units::Year;

/// The quantiles each band reports: P10, P25, P50, P75, P90.
pub const QUANTILES: [f64; 5] = Quantiles::LEVELS;

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

/// How a parameter is drawn: (low, centre, high), the draw normal around the centre with its
/// P10 and P90 `(high - low) / 2` either side.
pub type Range = (f64, f64, f64);

/// Fewest placed figures a multiplier needs; with fewer the raw band is kept (multiplier 1)
/// and the legend says it is not calibrated.
pub const MIN_FIGURES: usize = 5;

/// The fitted width of one series' band and what it rests on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Width {
    /// Multiplier on the draws' spread around the line (1 when not calibrated).
    pub multiplier: f64,
    /// Figures it was fitted on.
    pub figures: usize,
    /// Of those, how many the band held with the multiplier fitted on the other origins.
    pub held_out_inside: usize,
    /// Earlier base years that gave figures (first, last), if any.
    pub origins: Option<(Year, Year)>,
}

impl Width {
    /// Whether there were enough figures to fit the multiplier.
    pub fn calibrated(&self) -> bool {
        self.figures >= MIN_FIGURES
    }

    /// Share of figures held out of sample (leave one origin out), if calibrated.
    pub fn held_out_share(&self) -> Option<f64> {
        self.calibrated()
            .then(|| self.held_out_inside as f64 / self.figures as f64)
    }

    /// A band as drawn (multiplier 1, not calibrated).
    pub const RAW: Width = Width {
        multiplier: 1.0,
        figures: 0,
        held_out_inside: 0,
        origins: None,
    };
}

/// The widths of one base year: per memory (DRAM, NAND), bits and revenue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Widths {
    /// Bit demand, per memory.
    pub bits: [Width; 2],
    /// Revenue (and the price index), per memory.
    pub revenue: [Width; 2],
}

impl Widths {
    /// Every band as drawn (multiplier 1).
    pub const RAW: Widths = Widths {
        bits: [Width::RAW; 2],
        revenue: [Width::RAW; 2],
    };

    /// The width of `memory`'s `quantity` band (sufficiency keeps the draws' own spread).
    pub fn of(&self, memory: Memory, quantity: Quantity) -> Width {
        let k = usize::from(memory == Memory::Nand);
        match quantity {
            Quantity::Demand => self.bits[k],
            Quantity::Revenue | Quantity::Price => self.revenue[k],
            _ => Width::RAW,
        }
    }
}

/// The series the backtest scores that have a band: bits and revenue of each memory.
pub const SERIES: [(Memory, Quantity); 4] = [
    (Memory::Dram, Quantity::Demand),
    (Memory::Nand, Quantity::Demand),
    (Memory::Dram, Quantity::Revenue),
    (Memory::Nand, Quantity::Revenue),
];

/// The standard normal's 90th percentile: a range's half-width over its standard deviation.
const Z90: f64 = 1.281_551_6;

/// One series' band: the quantiles of every year from the base year to the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Which memory.
    pub memory: Memory,
    /// Which quantity (demand, sufficiency, price or revenue).
    pub quantity: Quantity,
    /// Per year, the values at [`QUANTILES`].
    pub quantiles: Vec<Quantiles>,
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
    /// Per memory (DRAM, NAND) and year, the share of draws whose sufficiency (laid around
    /// the line like its band) is below zero.
    pub shortage: [Vec<f64>; 2],
    /// The widths the bands were laid out with, and how well they held before the base year.
    pub widths: Widths,
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

/// The ranges every parameter is drawn from around `params` (see the module docs): centred
/// on the current value, as wide as the plausible range; supply growth as wide as
/// [`supply_spread`] says where the data has enough sufficiency figures.
pub fn ranges(setup: &Setup, params: &Parameters) -> Vec<Range> {
    let spread = supply_spread(setup);
    setup
        .catalog
        .specs()
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let current = setup.catalog.get(params, i);
            let half = match (s.key, spread) {
                _ if is_held(s.key) => 0.0,
                (ParamKey::SupplyGrowth(_), Some(sd)) => sd * Z90,
                _ => (s.high - s.low).max(0.0) / 2.0,
            };
            (current - half, current, current + half)
        })
        .collect()
}

/// Fewest published sufficiency ratios that set the supply draw's spread.
pub const MIN_SUFFICIENCY_FIGURES: usize = 3;

/// How far supply strays from demand in a year, percentage points: the root mean square of
/// the published sufficiency ratios of both memories up to the base year; `None` with fewer
/// than [`MIN_SUFFICIENCY_FIGURES`] (the supply slider's plausible range is used then).
pub fn supply_spread(setup: &Setup) -> Option<f64> {
    let m = setup.data.market.as_ref()?;
    let base = setup.base_year();
    let figures: Vec<f64> = Memory::ALL
        .iter()
        .flat_map(|mem| {
            m.memory(*mem)
                .sufficiency
                .until(base)
                .iter()
                .map(|p| p.value)
        })
        .collect();
    (figures.len() >= MIN_SUFFICIENCY_FIGURES)
        .then(|| (figures.iter().map(|v| v * v).sum::<f64>() / figures.len() as f64).sqrt())
}

/// For a supply growth, the content growth parameters it follows and their weights.
type DemandLink = Option<Vec<(usize, f64)>>;

/// For each parameter, how much of each memory's content growth deviation it adds to that
/// memory's supply growth (the segment's share of the memory's bits in the base year; only
/// for supply growth), as `(memory index, [(content parameter, weight)])`.
fn demand_links(setup: &Setup, center: &Projection) -> Vec<DemandLink> {
    let specs = setup.catalog.specs();
    let Some(base) = center.index(center.base_year) else {
        return vec![None; specs.len()];
    };
    specs
        .iter()
        .map(|s| {
            let ParamKey::SupplyGrowth(memory) = s.key else {
                return None;
            };
            let bits = |seg: usize| {
                let rows = &center.segments[seg];
                let v = match memory {
                    Memory::Dram => &rows.dram_eb,
                    Memory::Nand => &rows.nand_eb,
                };
                v.get(base)
                    .copied()
                    .filter(|x| x.is_finite())
                    .unwrap_or(0.0)
            };
            let total: f64 = (0..center.segments.len()).map(bits).sum();
            if total <= 0.0 {
                return None;
            }
            Some(
                specs
                    .iter()
                    .enumerate()
                    .filter_map(|(j, o)| match (o.key, memory) {
                        (ParamKey::DramGrowth(seg), Memory::Dram)
                        | (ParamKey::NandGrowth(seg), Memory::Nand) => Some((j, bits(seg) / total)),
                        _ => None,
                    })
                    .collect(),
            )
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

/// The value `z` standard deviations from the centre of a [`Range`].
pub fn drawn((low, centre, high): Range, z: f64) -> f64 {
    centre + z * (high - low).max(0.0) / (2.0 * Z90)
}

/// A standard normal number from the generator (Box-Muller).
fn standard_normal(rng: &mut fastrand::Rng) -> f64 {
    let u = 1.0 - rng.f64(); // in (0, 1]: ln stays finite
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * rng.f64()).cos()
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

/// Bands with every width multiplier 1 (what the width fit places outcomes on).
pub fn raw_bands(
    setup: &Setup,
    params: &Parameters,
    settings: Settings,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Bands> {
    let r = ranges(setup, params);
    bands_with(setup, params, &r, Widths::RAW, settings, cancelled)
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
    (partner, links): (&[usize], &[DemandLink]),
    (series, years): (&[(Memory, Quantity)], usize),
    draws: std::ops::Range<usize>,
    seed: u64,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<Vec<f64>>> {
    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(draws.len() * years); series.len()];
    let mut normals = vec![0.0; ranges.len()];
    let mut values = vec![0.0; ranges.len()];
    // One parameter set, every parameter overwritten in each draw (no clone per draw).
    let mut p = params.clone();
    let steps: Vec<f64> = setup.catalog.specs().iter().map(|s| s.step).collect();
    for k in draws {
        if cancelled() {
            return None;
        }
        let mut rng = generator(seed, k);
        for z in &mut normals {
            *z = standard_normal(&mut rng);
        }
        for (i, range) in ranges.iter().enumerate() {
            values[i] = drawn(*range, normals[partner.get(i).copied().unwrap_or(i)]);
        }
        // Supply follows the demand the draw's content growth makes, plus its own imbalance.
        for (i, link) in links.iter().enumerate() {
            if let Some(link) = link {
                values[i] += link
                    .iter()
                    .map(|(j, w)| w * (values[*j] - ranges[*j].1))
                    .sum::<f64>();
            }
        }
        for (i, v) in values.iter().enumerate() {
            let step = steps.get(i).copied().unwrap_or(0.0);
            let v = if step >= 1.0 {
                round_to_step(*v, step)
            } else {
                *v
            };
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

/// Bands with the parameters drawn from `ranges` (one per catalog parameter), laid around the
/// line with `widths` (see the module docs).
pub fn bands_with(
    setup: &Setup,
    params: &Parameters,
    ranges: &[Range],
    widths: Widths,
    settings: Settings,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Bands> {
    let partner = partners(setup);
    let center = setup.project(params);
    let links = demand_links(setup, &center);
    let series = tracked(&center);
    let years = values(&center, Memory::Dram, Quantity::Demand).len();
    let samples = all_draws(
        setup,
        params,
        ranges,
        (&partner, &links),
        (&series, years),
        settings,
        cancelled,
    )?;
    let lines: Vec<Vec<f64>> = series
        .iter()
        .map(|(m, q)| values(&center, *m, *q))
        .collect();
    let line_at = |k: usize, y: usize| lines[k].get(y).copied().unwrap_or(f64::NAN);
    let shortage = |memory: Memory| -> Vec<f64> {
        series
            .iter()
            .position(|s| *s == (memory, Quantity::Sufficiency))
            .map_or_else(Vec::new, |k| {
                let m = widths.of(memory, Quantity::Sufficiency).multiplier;
                shortage_by_year(&samples[k], &lines[k], m, years)
            })
    };
    Some(Bands {
        first_year: center.base_year,
        draws: settings.draws,
        shortage: [shortage(Memory::Dram), shortage(Memory::Nand)],
        widths,
        series: series
            .iter()
            .zip(&samples)
            .enumerate()
            .map(|(k, ((memory, quantity), sample))| {
                let m = widths.of(*memory, *quantity).multiplier;
                Band {
                    memory: *memory,
                    quantity: *quantity,
                    quantiles: (0..years)
                        .map(|y| {
                            let v = year_column(sample, y, years);
                            around_line(
                                Quantiles::from_array(QUANTILES.map(|q| quantile(&v, q))),
                                line_at(k, y),
                                m,
                            )
                        })
                        .collect(),
                }
            })
            .collect(),
    })
}

/// The finite values of year `year` across the draws of a draw-major `sample` (`years` per
/// draw), sorted.
fn year_column(sample: &[f64], year: usize, years: usize) -> Vec<f64> {
    let mut v: Vec<f64> = sample
        .iter()
        .skip(year)
        .step_by(years.max(1))
        .copied()
        .filter(|x| x.is_finite())
        .collect();
    v.sort_by(f64::total_cmp);
    v
}

/// By year, the share of draws of sufficiency below zero once laid around the `line` with the
/// width `multiplier` (P(short)).
fn shortage_by_year(sample: &[f64], line: &[f64], multiplier: f64, years: usize) -> Vec<f64> {
    (0..years)
        .map(|y| {
            let v = year_column(sample, y, years);
            if v.is_empty() {
                return 0.0;
            }
            let median = quantile(&v, 0.5);
            let at = line.get(y).copied().unwrap_or(f64::NAN);
            let short = v.iter().filter(|x| at + multiplier * (**x - median) < 0.0);
            short.count() as f64 / v.len() as f64
        })
        .collect()
}

/// Every draw's values per series (draw-major, `years` per draw), drawn on `settings.threads`
/// threads in contiguous chunks; each draw has its own generator, so the result does not
/// depend on the number of threads. `None` when cancelled.
fn all_draws(
    setup: &Setup,
    params: &Parameters,
    ranges: &[Range],
    (partner, links): (&[usize], &[DemandLink]),
    (series, years): (&[(Memory, Quantity)], usize),
    settings: Settings,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<Vec<f64>>> {
    let threads = settings.threads.clamp(1, settings.draws.max(1));
    let chunk = settings.draws.div_ceil(threads);
    let run = |draws: std::ops::Range<usize>| {
        draw_range(
            setup,
            params,
            ranges,
            (partner, links),
            (series, years),
            draws,
            settings.seed,
            cancelled,
        )
    };
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
    Some(samples)
}

/// Quantiles `q` laid around `line` with width multiplier `m`: `line x (q / P50)^m` when all
/// are positive (bits, revenue, price), else `line + m (q - P50)` (sufficiency); as drawn
/// where the line is not a number.
pub fn around_line(q: Quantiles, line: f64, m: f64) -> Quantiles {
    let median = q.p50;
    if !line.is_finite() || !median.is_finite() {
        return q;
    }
    if line > 0.0 && q.to_array().iter().all(|v| *v > 0.0) {
        q.map(|v| line * (v / median).powf(m))
    } else {
        q.map(|v| line + m * (v - median))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_is_the_p10_p90_of_its_draw() {
        let r = (1.0, 2.0, 3.0);
        assert_eq!(drawn(r, 0.0), 2.0);
        assert!((drawn(r, Z90) - 3.0).abs() < 1e-12);
        assert!((drawn(r, -Z90) - 1.0).abs() < 1e-12);
        assert_eq!(drawn((3.0, 3.0, 3.0), 2.5), 3.0);
    }

    #[test]
    fn bands_are_laid_around_the_line() {
        let q = Quantiles::from_array([80.0, 90.0, 100.0, 110.0, 125.0]);
        let laid = around_line(q, 50.0, 1.0);
        assert_eq!(laid.p50, 50.0);
        assert!((laid.p90 - 62.5).abs() < 1e-12);
        let wide = around_line(q, 100.0, 2.0);
        assert!((wide.p90 - 156.25).abs() < 1e-9);
        let sr = around_line(Quantiles::from_array([-4.0, -2.0, 0.0, 2.0, 4.0]), 1.0, 0.5);
        assert_eq!(sr.to_array(), [-1.0, 0.0, 1.0, 2.0, 3.0]);
    }

    #[test]
    fn quantiles_interpolate_between_ranks() {
        let v = [0.0, 10.0, 20.0, 30.0, 40.0];
        assert_eq!(quantile(&v, 0.5), 20.0);
        assert_eq!(quantile(&v, 0.1), 4.0);
        assert_eq!(quantile(&v, 0.9), 36.0);
    }
}
