//! Projection years: stock adjustment towards a desired installed base, retirements,
//! shipments and demand (docs/model.md, sections 3 and 4), on top of a history computed once
//! per data set and base year.

use super::history::{Content, DeviceState, History};
use super::lifetime::MIN_MEAN;
use super::market::{MarketProjection, project_memory};
use super::parameters::Parameters;
use super::parameters::SegmentParams;
use super::projection::Projection;
use super::projection::SegmentProjection;
use crate::data::Dataset;
use crate::units::{Gigabytes, MillionUnits, Year, Years, growth_factor, year_index};

/// A data set prepared for projections from one base year. Building it runs the history;
/// [`Engine::project`] then only computes the projection years, which is what a slider step
/// costs.
#[derive(Debug, Clone)]
pub struct Engine {
    history: History,
}

impl Engine {
    /// Prepares `data` for projections from `base_year`.
    pub fn new(data: &Dataset, base_year: Year) -> Self {
        Self {
            history: History::new(data, base_year),
        }
    }

    /// The base year this engine projects from.
    pub fn base_year(&self) -> Year {
        self.history.base_year
    }

    /// The history it projects from.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Projects to `params.horizon`. `params.base_year` is ignored: the engine's base year
    /// applies (see [`project`] to project from any base year).
    pub fn project(&self, params: &Parameters) -> Projection {
        let h = &self.history;
        let horizon = params.horizon.max(h.base_year);
        let len = (horizon - h.first_year + 1).max(0) as usize;
        let base_index = year_index(h.first_year, h.base_year);
        let mut segments = Vec::with_capacity(h.segments.len());
        let years = (horizon - h.base_year).max(0) as usize;
        let fade = fade_weights(params.growth_half_life, years);
        let content_fade = fade_weights(params.content_half_life, years);
        for (seg, p) in h.segments.iter().zip(&params.segments) {
            let mut rows = seg.rows.extended(len);
            let dram_factor = cumulative_growth(
                p.dram_content_growth,
                seg.long_run_dram_growth,
                &content_fade,
                years,
            );
            let nand_factor = cumulative_growth(
                p.nand_content_growth,
                seg.long_run_nand_growth,
                &content_fade,
                years,
            );
            if let Some(state) = &seg.devices {
                let paths = ContentPaths {
                    base: Content {
                        dram: rows.dram_gb_per_unit[base_index],
                        nand: rows.nand_gb_per_unit[base_index],
                        hbm: rows.hbm_gb_per_unit[base_index],
                    },
                    dram_factor: &dram_factor,
                    nand_factor: &nand_factor,
                    hbm_first: p.hbm_gb_per_unit,
                };
                let start = StockStart {
                    installed: rows.installed_base_m[base_index],
                    net_additions: rows.growth_m[base_index],
                };
                project_devices(&mut rows, base_index + 1, state, p, &fade, start, &paths);
            } else if rows.start_year.is_some() {
                let (dram, nand) = (rows.dram_eb[base_index], rows.nand_eb[base_index]);
                for step in 0..years {
                    let i = base_index + 1 + step;
                    rows.dram_eb[i] = dram * dram_factor[step];
                    rows.nand_eb[i] = nand * nand_factor[step];
                }
            }
            rows.scale_demand(h.calibration);
            segments.push(rows);
        }
        let total = |pick: fn(&super::SegmentProjection) -> &Vec<f64>| -> Vec<f64> {
            (0..len)
                .map(|i| segments.iter().map(|s| pick(s)[i]).sum())
                .collect()
        };
        let (total_dram_eb, total_hbm_eb, total_nand_eb) = (
            total(|s| &s.dram_eb),
            total(|s| &s.hbm_eb),
            total(|s| &s.nand_eb),
        );
        let market = match (&h.market, &params.market) {
            (Some([dram, nand]), Some(m)) => Some(MarketProjection {
                dram: project_memory(
                    dram,
                    &m.dram,
                    m,
                    m.hbm_trade_ratio,
                    &total_dram_eb,
                    &total_hbm_eb,
                    &fade,
                ),
                nand: project_memory(
                    nand,
                    &m.nand,
                    m,
                    1.0,
                    &total_nand_eb,
                    &vec![0.0; len],
                    &fade,
                ),
            }),
            _ => None,
        };
        Projection {
            first_year: h.first_year,
            base_year: h.base_year,
            horizon,
            total_dram_eb,
            total_hbm_eb,
            total_nand_eb,
            segments,
            observed_dram_eb: observed(h.market.as_ref().map(|[d, _]| d), len),
            observed_nand_eb: observed(h.market.as_ref().map(|[_, n]| n), len),
            market,
            calibration: h.calibration,
        }
    }
}

/// A device segment's installed base at the end of the base year and its net additions that
/// year (shipments minus retirements), where the stock adjustment starts from.
#[derive(Debug, Clone, Copy)]
struct StockStart {
    installed: MillionUnits,
    net_additions: MillionUnits,
}

/// Memory per unit in the projection years: the base year's content times the cumulative
/// growth factors (entry `k` is year `base + k + 1`).
struct ContentPaths<'a> {
    base: Content,
    dram_factor: &'a [f64],
    nand_factor: &'a [f64],
    /// HBM per unit in the first projected year, if set.
    hbm_first: Option<Gigabytes>,
}

impl ContentPaths<'_> {
    fn at(&self, step: usize) -> Content {
        let (dram, nand) = (self.dram_factor[step], self.nand_factor[step]);
        // HBM follows its own first-year level, then the DRAM growth path.
        let hbm = self.hbm_first.map_or(self.base.hbm * dram, |first| {
            first * dram / self.dram_factor[0].max(f64::MIN_POSITIVE)
        });
        Content {
            dram: (self.base.dram - self.base.hbm) * dram + hbm,
            nand: self.base.nand * nand,
            hbm,
        }
    }
}

/// A drifting replacement cycle never falls below this many years (nor below the slider's
/// own value, if that is shorter): no device class is replaced every few months.
pub const MIN_DRIFTED_CYCLE: Years = 1.0;

/// The replacement cycle of every projected year: the slider's value in the first, then
/// changing by the drift per year, the drift fading with the growth weights `fade` like every
/// other rate; never below [`MIN_DRIFTED_CYCLE`] (or the slider's value, if shorter).
pub fn cycle_path(p: &SegmentParams, fade: &[f64]) -> Vec<Years> {
    let floor = MIN_DRIFTED_CYCLE.min(p.replacement_cycle).max(MIN_MEAN);
    let mut cycle = p.replacement_cycle.max(MIN_MEAN);
    fade.iter()
        .enumerate()
        .map(|(step, w)| {
            if step > 0 {
                cycle = (cycle + p.cycle_drift * w).max(floor);
            }
            cycle
        })
        .collect()
}

/// Smallest share of a year's shipments taken to survive the year, so that the shipments
/// that reach a target stay finite when almost every new unit retires within the year.
const MIN_KEPT_SHARE: f64 = 1e-6;

/// Projects a device segment from row `first` on by stock adjustment (see `docs/model.md`):
/// the desired installed base `D` starts where the base year was heading,
/// `D(t0) = IB(t0 - 1) + tau x net additions(t0)`, and grows by the desired-stock growth
/// (fading towards the long-run rate); each year shipments replace what retires and close
/// `1 / tau` of the gap between `D` and the installed base.
#[allow(clippy::too_many_arguments)]
fn project_devices(
    rows: &mut SegmentProjection,
    first: usize,
    state: &DeviceState,
    p: &SegmentParams,
    fade: &[f64],
    start: StockStart,
    content: &ContentPaths,
) {
    let tau = p.adjustment_time.max(1.0);
    let mut cohort = state.cohort.clone();
    let cycles = cycle_path(p, fade);
    let longest = cycles.iter().copied().fold(p.replacement_cycle, f64::max);
    cohort.ensure_ages(state.lifetime.ages_needed(longest));
    let mut hazards = vec![0.0; cohort.ages()];
    let mut hazards_for = f64::NAN;
    let mut installed = start.installed;
    let mut desired = (start.installed + (tau - 1.0) * start.net_additions).max(0.0);
    for (step, weight) in fade.iter().enumerate() {
        let cycle = cycles[step];
        if cycle != hazards_for {
            state.lifetime.fill_hazards(cycle, &mut hazards);
            hazards_for = cycle;
        }
        desired *= growth_factor(faded(p.base_growth, state.long_run_growth, *weight)).max(0.0);
        let retired_old = cohort.age_one_year(&hazards);
        let survivors = installed - retired_old;
        // The installed base this year closes 1 / tau of its gap to the desired stock. Of the
        // units shipped, hazards[0] retire within the year, so shipping `x` adds
        // `x (1 - hazards[0])` to the survivors.
        let target = installed + (desired - installed) / tau;
        let shipped = ((target - survivors) / (1.0 - hazards[0]).max(MIN_KEPT_SHARE)).max(0.0);
        let retired = retired_old + cohort.ship(shipped, hazards[0]);
        installed = cohort.total();
        rows.set_device_year(first + step, shipped, retired, installed, content.at(step));
    }
}

/// Projects `data` with `params` from `params.base_year` to `params.horizon`.
pub fn project(data: &Dataset, params: &Parameters) -> Projection {
    Engine::new(data, params.base_year).project(params)
}

/// Weight of the starting rate `step` years after the first projected year: it halves every
/// `half_life` years (0 means rates are at their long-run values at once).
pub fn fade_weights(half_life: Years, years: usize) -> Vec<f64> {
    (0..years)
        .map(|step| fade_weight(half_life, step))
        .collect()
}

/// One entry of [`fade_weights`].
fn fade_weight(half_life: Years, step: usize) -> f64 {
    if half_life <= 0.0 {
        0.0
    } else {
        0.5f64.powf(step as f64 / half_life)
    }
}

/// A rate between `start` and `long_run`, `weight` of the way from the long-run value.
fn faded(start: f64, long_run: f64, weight: f64) -> f64 {
    long_run + (start - long_run) * weight
}

/// Cumulative growth factors for the projected years of a rate that starts at `start` and
/// fades towards `long_run` (% per year) with `weights` (see [`fade_weights`]): entry `k`
/// multiplies the base-year value to give year `base + k + 1`. Never negative.
pub fn cumulative_growth(start: f64, long_run: f64, weights: &[f64], years: usize) -> Vec<f64> {
    let mut level = 1.0f64;
    weights[..years.min(weights.len())]
        .iter()
        .map(|w| {
            level *= growth_factor(faded(start, long_run, *w)).max(0.0);
            level
        })
        .collect()
}

/// A growth rate `step` years after the first projected year: `start` fading towards
/// `long_run` with half-life `half_life` years.
///
/// ```
/// use memcycle::model::faded_growth;
///
/// assert_eq!(faded_growth(20.0, 4.0, 2.0, 0), 20.0);
/// // After one half-life, half the gap to the long run is left.
/// assert!((faded_growth(20.0, 4.0, 2.0, 2) - 12.0).abs() < 1e-9);
/// ```
pub fn faded_growth(start: f64, long_run: f64, half_life: Years, step: usize) -> f64 {
    faded(start, long_run, fade_weight(half_life, step))
}

/// A memory's observed history bits, padded with `None` to `len` years.
fn observed(h: Option<&super::market_history::MemoryHistory>, len: usize) -> Vec<Option<f64>> {
    let mut v = h.map(|h| h.observed_bits().to_vec()).unwrap_or_default();
    v.resize(len, None);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_fades_by_half_each_half_life() {
        assert_eq!(faded_growth(10.0, 2.0, 3.0, 0), 10.0);
        assert!((faded_growth(10.0, 2.0, 3.0, 3) - 6.0).abs() < 1e-12);
        assert_eq!(faded_growth(10.0, 2.0, 0.0, 0), 2.0);
    }

    #[test]
    fn cumulative_growth_compounds_faded_rates() {
        let w = fade_weights(1.0, 2);
        let f = cumulative_growth(10.0, 0.0, &w, 2);
        assert!((f[0] - 1.10).abs() < 1e-12);
        assert!((f[1] - 1.10 * 1.05).abs() < 1e-12);
    }
}
