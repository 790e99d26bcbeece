//! Projection years: stock adjustment towards a desired installed base, retirements,
//! shipments and demand (docs/model.md, sections 3 and 4), on top of a history computed once
//! per data set and base year.

use super::history::{Content, DeviceState, History, SegmentHistory};
use super::lifetime::MIN_MEAN;
use super::market::MarketProjection;
use super::market_run::MemoryRun;
use super::parameters::Parameters;
use super::parameters::SegmentParams;
use super::projection::{Calibration, Projection, SegmentProjection};
use crate::data::Dataset;
use crate::units::{Exabytes, Gigabytes, MillionUnits, Year, Years, growth_factor, year_index};

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
    ///
    /// Year by year: every segment's shipments and memory per unit (answering the memory
    /// prices of the year before, where the feedback elasticities are not zero), the totals,
    /// then the DRAM and NAND markets of that year.
    pub fn project(&self, params: &Parameters) -> Projection {
        let h = &self.history;
        let horizon = params.horizon.max(h.base_year);
        let len = (horizon - h.first_year + 1).max(0) as usize;
        let base_index = year_index(h.first_year, h.base_year);
        let years = (horizon - h.base_year).max(0) as usize;
        let fade = fade_weights(params.growth_half_life, years);
        let content_fade = fade_weights(params.content_half_life, years);
        let mut segments: Vec<SegmentProjection> = Vec::with_capacity(h.segments.len());
        let mut runs: Vec<SegmentRun> = Vec::with_capacity(h.segments.len());
        for (seg, p) in h.segments.iter().zip(&params.segments) {
            let mut rows = seg.rows.extended(len);
            rows.scale_demand(h.calibration);
            runs.push(SegmentRun::new(
                seg,
                p,
                &rows,
                base_index,
                &content_fade,
                &fade,
                years,
            ));
            segments.push(rows);
        }
        let mut totals = Totals::new(len);
        for i in 0..=base_index.min(len.saturating_sub(1)) {
            totals.add_row(&segments, i);
        }
        let spend = dram_spend_shares(h, &segments, base_index);
        let mut markets = match (&h.market, &params.market) {
            (Some([dram, nand]), Some(m)) => Some([
                MemoryRun::new(
                    dram,
                    &m.dram,
                    m,
                    m.hbm_trade_ratio,
                    &totals.dram,
                    &totals.hbm,
                    len,
                ),
                MemoryRun::new(nand, &m.nand, m, 1.0, &totals.nand, &vec![0.0; len], len),
            ]),
            _ => None,
        };
        for step in 0..years {
            let i = base_index + 1 + step;
            let prices = markets.as_ref().map_or(Prices::NEUTRAL, |[d, n]| Prices {
                dram: d.feedback_relative(i),
                nand: n.feedback_relative(i),
            });
            for ((run, rows), share) in runs.iter_mut().zip(&mut segments).zip(&spend) {
                run.step(rows, i, step, &prices, *share, h.calibration);
            }
            totals.add_row(&segments, i);
            if let Some([d, n]) = markets.as_mut() {
                // Planned capacity fades like demand's content growth, so that supply and
                // demand decelerate together.
                let weight = content_fade.get(step).copied().unwrap_or(0.0);
                d.step(i, totals.dram[i], totals.hbm[i], weight);
                n.step(i, totals.nand[i], 0.0, weight);
            }
        }
        Projection {
            first_year: h.first_year,
            base_year: h.base_year,
            horizon,
            total_dram_eb: totals.dram,
            total_hbm_eb: totals.hbm,
            total_nand_eb: totals.nand,
            segments,
            observed_dram_eb: observed(h.market.as_ref().map(|[d, _]| d), len),
            observed_nand_eb: observed(h.market.as_ref().map(|[_, n]| n), len),
            market: markets.map(|[d, n]| MarketProjection {
                dram: d.finish(),
                nand: n.finish(),
            }),
            calibration: h.calibration,
            current_year: h.current_year,
        }
    }
}

/// DRAM, HBM and NAND demand summed over the segments, by row.
struct Totals {
    dram: Vec<Exabytes>,
    hbm: Vec<Exabytes>,
    nand: Vec<Exabytes>,
}

impl Totals {
    fn new(len: usize) -> Self {
        Self {
            dram: vec![0.0; len],
            hbm: vec![0.0; len],
            nand: vec![0.0; len],
        }
    }

    fn add_row(&mut self, segments: &[SegmentProjection], i: usize) {
        self.dram[i] = segments.iter().map(|s| s.dram_eb[i]).sum();
        self.hbm[i] = segments.iter().map(|s| s.hbm_eb[i]).sum();
        self.nand[i] = segments.iter().map(|s| s.nand_eb[i]).sum();
    }
}

/// Memory prices over their cost trends that buyers answer in a year.
#[derive(Debug, Clone, Copy)]
struct Prices {
    dram: f64,
    nand: f64,
}

impl Prices {
    /// Both on their trends: no feedback.
    const NEUTRAL: Prices = Prices {
        dram: 1.0,
        nand: 1.0,
    };
}

/// Each segment's share of its memory spending that goes to DRAM in the base year (GB per
/// unit times price per GB), to weigh the two prices in the units' answer; 0.5 without a
/// market or content.
fn dram_spend_shares(h: &History, segments: &[SegmentProjection], base: usize) -> Vec<f64> {
    let Some([dram, nand]) = &h.market else {
        return vec![0.5; segments.len()];
    };
    let (pd, pn) = (dram.price_at(h.base_year), nand.price_at(h.base_year));
    segments
        .iter()
        .map(|s| {
            let d = s.dram_gb_per_unit.get(base).copied().unwrap_or(0.0) * pd;
            let n = s.nand_gb_per_unit.get(base).copied().unwrap_or(0.0) * pn;
            if d + n > 0.0 && (d + n).is_finite() {
                d / (d + n)
            } else {
                0.5
            }
        })
        .collect()
}

/// The multiplier memory at `relative` times its cost trend puts on a quantity with
/// `elasticity` (<= 0): `max(1, relative)^elasticity`. Only dear memory is answered: makers
/// cut units and configurations when memory costs more than its trend (forecast revisions,
/// smaller tiers), while cheap memory mostly goes into customers' stock first (2023: content
/// up, industry bit shipments +8%), and the rolling backtest overshoots with a symmetric
/// answer (docs/model.md, section 4). Exactly 1 at an elasticity of 0.
pub fn price_answer(relative: f64, elasticity: f64) -> f64 {
    if elasticity == 0.0 || relative <= 1.0 {
        1.0
    } else {
        relative.powf(elasticity)
    }
}

/// One segment while it is being projected.
enum SegmentRun<'a> {
    /// A device segment: stock adjustment, cohorts, content paths.
    Devices(Box<DeviceRun<'a>>),
    /// A residual: base-year demand times the content growth factors.
    Residual {
        dram: Exabytes,
        nand: Exabytes,
        dram_factor: Vec<f64>,
        nand_factor: Vec<f64>,
    },
    /// No figures before the base year: nothing to project.
    Inactive,
}

impl<'a> SegmentRun<'a> {
    fn new(
        seg: &'a SegmentHistory,
        p: &'a SegmentParams,
        rows: &SegmentProjection,
        base: usize,
        content_fade: &[f64],
        fade: &'a [f64],
        years: usize,
    ) -> Self {
        let factor = |start, long_run| cumulative_growth(start, long_run, content_fade, years);
        let dram_factor = factor(p.dram_content_growth, seg.long_run_dram_growth);
        let nand_factor = factor(p.nand_content_growth, seg.long_run_nand_growth);
        if let Some(state) = &seg.devices {
            let base_content = Content {
                dram: rows.dram_gb_per_unit[base],
                nand: rows.nand_gb_per_unit[base],
                hbm: rows.hbm_gb_per_unit[base],
            };
            let start = StockStart {
                installed: rows.installed_base_m[base],
                net_additions: rows.growth_m[base],
            };
            SegmentRun::Devices(Box::new(DeviceRun::new(
                state,
                p,
                fade,
                start,
                ContentPaths {
                    base: base_content,
                    dram_factor,
                    nand_factor,
                    hbm_first: p.hbm_gb_per_unit,
                },
            )))
        } else if rows.start_year.is_some() {
            // History rows are already calibrated; projected rows are calibrated as they come.
            SegmentRun::Residual {
                dram: seg.rows.dram_eb[base],
                nand: seg.rows.nand_eb[base],
                dram_factor,
                nand_factor,
            }
        } else {
            SegmentRun::Inactive
        }
    }

    /// Projects row `i` (`step` years into the projection).
    fn step(
        &mut self,
        rows: &mut SegmentProjection,
        i: usize,
        step: usize,
        prices: &Prices,
        dram_share: f64,
        calibration: Calibration,
    ) {
        match self {
            SegmentRun::Devices(run) => {
                run.step(rows, i, step, prices, dram_share);
                rows.scale_demand_row(i, calibration);
            }
            SegmentRun::Residual {
                dram,
                nand,
                dram_factor,
                nand_factor,
            } => {
                rows.dram_eb[i] = *dram * dram_factor[step];
                rows.nand_eb[i] = *nand * nand_factor[step];
                rows.scale_demand_row(i, calibration);
            }
            SegmentRun::Inactive => {}
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
struct ContentPaths {
    base: Content,
    dram_factor: Vec<f64>,
    nand_factor: Vec<f64>,
    /// HBM per unit in the first projected year, if set.
    hbm_first: Option<Gigabytes>,
}

impl ContentPaths {
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

/// A device segment projected by stock adjustment (see `docs/model.md`): the desired
/// installed base `D` starts where the base year was heading,
/// `D(t0) = IB(t0 - 1) + tau x net additions(t0)`, and grows by the desired-stock growth
/// (fading towards the long-run rate); each year shipments replace what retires and close
/// `1 / tau` of the gap between `D` and the installed base. Units and memory per unit then
/// answer the memory prices of the year before.
struct DeviceRun<'a> {
    state: &'a DeviceState,
    p: &'a SegmentParams,
    fade: &'a [f64],
    content: ContentPaths,
    tau: f64,
    cohort: super::cohort::Cohort,
    cycles: Vec<Years>,
    hazards: Vec<f64>,
    hazards_for: f64,
    installed: MillionUnits,
    desired: MillionUnits,
}

impl<'a> DeviceRun<'a> {
    fn new(
        state: &'a DeviceState,
        p: &'a SegmentParams,
        fade: &'a [f64],
        start: StockStart,
        content: ContentPaths,
    ) -> Self {
        let tau = p.adjustment_time.max(1.0);
        let mut cohort = state.cohort.clone();
        let cycles = cycle_path(p, fade);
        let longest = cycles.iter().copied().fold(p.replacement_cycle, f64::max);
        cohort.ensure_ages(state.lifetime.ages_needed(longest));
        let hazards = vec![0.0; cohort.ages()];
        Self {
            state,
            p,
            fade,
            content,
            tau,
            cohort,
            cycles,
            hazards,
            hazards_for: f64::NAN,
            installed: start.installed,
            desired: (start.installed + (tau - 1.0) * start.net_additions).max(0.0),
        }
    }

    fn step(
        &mut self,
        rows: &mut SegmentProjection,
        i: usize,
        step: usize,
        prices: &Prices,
        dram_share: f64,
    ) {
        let (p, weight) = (self.p, self.fade[step]);
        let cycle = self.cycles[step];
        if cycle != self.hazards_for {
            self.state.lifetime.fill_hazards(cycle, &mut self.hazards);
            self.hazards_for = cycle;
        }
        self.desired *=
            growth_factor(faded(p.base_growth, self.state.long_run_growth, weight)).max(0.0);
        let retired_old = self.cohort.age_one_year(&self.hazards);
        let survivors = self.installed - retired_old;
        // The installed base this year closes 1 / tau of its gap to the desired stock. Of the
        // units shipped, hazards[0] retire within the year, so shipping `x` adds
        // `x (1 - hazards[0])` to the survivors.
        let target = self.installed + (self.desired - self.installed) / self.tau;
        let first_hazard = self.hazards[0];
        let wanted = ((target - survivors) / (1.0 - first_hazard).max(MIN_KEPT_SHARE)).max(0.0);
        // Dear memory: fewer units (DRAM and NAND prices weighed by the spending on each) and
        // less memory in each.
        let memory_price = (dram_share * prices.dram.max(f64::MIN_POSITIVE).ln()
            + (1.0 - dram_share) * prices.nand.max(f64::MIN_POSITIVE).ln())
        .exp();
        let shipped = wanted * price_answer(memory_price, p.unit_elasticity);
        let retired = retired_old + self.cohort.ship(shipped, first_hazard);
        self.installed = self.cohort.total();
        let mut content = self.content.at(step);
        let (dram, nand) = (
            price_answer(prices.dram, p.content_elasticity),
            price_answer(prices.nand, p.content_elasticity),
        );
        content.dram *= dram;
        content.hbm *= dram;
        content.nand *= nand;
        rows.set_device_year(i, shipped, retired, self.installed, content);
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
