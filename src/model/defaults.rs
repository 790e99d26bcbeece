//! Default parameters: what the data up to the base year says, and nothing after it.
//! `docs/model.md` lists how each default is derived.

use super::engine::Engine;
use super::market::{MarketParams, MemoryParams, delay_years};
use super::market_history::supply_trend;
use super::parameters::{
    DEFAULT_CONTENT_HALF_LIFE, DEFAULT_GROWTH_HALF_LIFE, DEFAULT_HORIZON_YEARS, Parameters,
    SegmentParams,
};
use super::paths::{cagr_percent, geometric_at, linear_at};
use super::projection::SegmentProjection;
use crate::data::{Dataset, Point, SegmentBody, Series};
use crate::units::{Year, Years, growth_factor, year_index};

impl Parameters {
    /// The defaults at the engine's base year, from the data up to it (see `docs/model.md`,
    /// "Defaults"): the cycle at the base year plus its drift from the dated cycle evidence,
    /// the stock adjustment time from the persistence of net additions, desired-base growth
    /// at the long-run rate (or, for a build-out, the recent installed-base growth), content
    /// growth at the long-run rates plus the premium that makes total demand continue the
    /// industry's recent bit growth, that growth as supply growth, no production cut, and the
    /// market figures of the data. (The parameter catalog rounds them and lets explicit
    /// defaults in the data win.)
    pub fn trend(data: &Dataset, engine: &Engine) -> Self {
        let history = engine.history();
        let base_year = history.base_year;
        let adjustment_time = history.stock_adjustment_time();
        let segments = data
            .segments
            .iter()
            .enumerate()
            .map(|(i, s)| segment_trend(history, i, s, adjustment_time))
            .collect();
        let mut params = Self {
            base_year,
            horizon: base_year + DEFAULT_HORIZON_YEARS,
            growth_half_life: DEFAULT_GROWTH_HALF_LIFE,
            content_half_life: DEFAULT_CONTENT_HALF_LIFE,
            segments,
            market: data.market.as_ref().map(|m| market_trend(m, base_year)),
        };
        if let Some(m) = &data.market {
            let (dram, nand) = industry_shift(engine, &params, &m.dram.bits, &m.nand.bits);
            for seg in &mut params.segments {
                seg.dram_content_growth += dram;
                seg.nand_content_growth += nand;
            }
        }
        // HBM in the first projected year continues the base year's at the DRAM rate.
        let base = year_index(history.first_year, base_year);
        for ((seg, hist), d) in params
            .segments
            .iter_mut()
            .zip(&history.segments)
            .zip(&data.segments)
        {
            if d.devices().is_some_and(|d| d.hbm_gb.is_some()) {
                let hbm = hist.rows.hbm_gb_per_unit.get(base).copied().unwrap_or(0.0);
                seg.hbm_gb_per_unit = Some(hbm * growth_factor(seg.dram_content_growth));
            }
        }
        params
    }
}

/// Segment `i`'s defaults at the history's base year: the cycle at the base year plus its drift,
/// the stock adjustment time, desired-base growth, content growth at the long-run rates (the
/// industry's shift is added later), the data's price elasticities. A residual segment has
/// only its content growth.
fn segment_trend(
    history: &super::history::History,
    i: usize,
    s: &crate::data::Segment,
    adjustment_time: Years,
) -> SegmentParams {
    let base_year = history.base_year;
    match &s.body {
        SegmentBody::Devices(d) => {
            let points = d.replacement_cycle.until(base_year);
            let changes = d
                .replacement_cycle_change
                .as_ref()
                .map_or(&[][..], |c| c.until(base_year));
            let cycle_drift = cycle_drift(points, changes, base_year);
            let cycle = linear_at(points, base_year) + cycle_drift;
            let elasticity = |f: &Option<crate::data::Figure>| f.as_ref().map_or(0.0, |f| f.value);
            SegmentParams {
                replacement_cycle: cycle,
                cycle_drift,
                adjustment_time,
                base_growth: if d.build_out {
                    history.installed_base_trend(i)
                } else {
                    d.long_run_growth.value
                },
                dram_content_growth: s.long_run_dram_growth.value,
                nand_content_growth: s.long_run_nand_growth.value,
                hbm_gb_per_unit: None,
                unit_elasticity: elasticity(&d.unit_price_elasticity),
                content_elasticity: elasticity(&d.content_price_elasticity),
            }
        }
        SegmentBody::Residual(_) => SegmentParams {
            replacement_cycle: 0.0,
            cycle_drift: 0.0,
            adjustment_time: 1.0,
            base_growth: 0.0,
            dram_content_growth: s.long_run_dram_growth.value,
            nand_content_growth: s.long_run_nand_growth.value,
            hbm_gb_per_unit: None,
            unit_elasticity: 0.0,
            content_elasticity: 0.0,
        },
    }
}

/// The market's defaults at `base_year`: supply growing at the industry's recent bit trend, no
/// production cut, and the data's elasticities, capex delay, HBM trade ratio and price
/// adjustment time.
fn market_trend(m: &crate::data::Market, base_year: Year) -> MarketParams {
    let memory = |mm: &crate::data::MemoryMarket| MemoryParams {
        supply_growth: supply_trend(mm, base_year, INDUSTRY_TREND_YEARS),
        production_cut: 0.0,
        cut_start: base_year + 1,
        cut_years: 1,
        price_elasticity: mm.price_elasticity.value,
    };
    MarketParams {
        dram: memory(&m.dram),
        nand: memory(&m.nand),
        capacity_delay: delay_years(m.capacity_delay.value),
        hbm_trade_ratio: m.hbm_trade_ratio.value,
        price_adjustment_time: m.price_adjustment_time.value,
    }
}

/// Years of cycle evidence that set the default cycle drift.
pub const CYCLE_DRIFT_YEARS: Year = 6;
/// Largest default cycle drift, years per year, either way.
pub const MAX_CYCLE_DRIFT: Years = 0.25;

/// The default drift of a replacement cycle: the median of the evidence dated in the
/// [`CYCLE_DRIFT_YEARS`] up to `base_year` (zero without any), shrunk towards zero by how
/// much the evidence agrees ([`evidence_agreement`]) and capped at [`MAX_CYCLE_DRIFT`].
/// Evidence is the slope between consecutive cycle points (dated by the later one) and the
/// dated changes of `changes` (regional surveys: their levels differ from the global series,
/// their direction and pace are comparable).
pub fn cycle_drift(points: &[Point], changes: &[Point], base_year: Year) -> Years {
    let recent = |year: Year| year > base_year - CYCLE_DRIFT_YEARS && year <= base_year;
    let mut evidence: Vec<f64> = points
        .windows(2)
        .filter(|w| recent(w[1].year))
        .map(|w| (w[1].value - w[0].value) / f64::from(w[1].year - w[0].year))
        .chain(changes.iter().filter(|c| recent(c.year)).map(|c| c.value))
        .collect();
    if evidence.is_empty() {
        return 0.0;
    }
    evidence.sort_by(f64::total_cmp);
    let n = evidence.len();
    let median = if n % 2 == 1 {
        evidence[n / 2]
    } else {
        (evidence[n / 2 - 1] + evidence[n / 2]) / 2.0
    };
    (median * evidence_agreement(&evidence)).clamp(-MAX_CYCLE_DRIFT, MAX_CYCLE_DRIFT)
}

/// How much pieces of evidence agree, from 0 to 1: `mean^2 / (mean^2 + sd^2)` (sample standard
/// deviation), 1 when they are all the same, near 0 when they scatter around zero. Evidence of
/// a drift is noisy (surveys of different regions and definitions); a drift the evidence does
/// not agree on is mostly noise and is not extrapolated at full strength. A single piece of
/// evidence has nothing to disagree with and counts in full.
pub fn evidence_agreement(evidence: &[f64]) -> f64 {
    let n = evidence.len();
    if n < 2 {
        return 1.0;
    }
    let mean = evidence.iter().sum::<f64>() / n as f64;
    let variance = evidence.iter().map(|e| (e - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
    let signal = mean * mean;
    if signal + variance <= 0.0 {
        1.0
    } else {
        signal / (signal + variance)
    }
}

/// Years of industry bit shipments whose growth the content defaults are made to continue.
pub const INDUSTRY_TREND_YEARS: Year = 3;

/// The amounts (% per year, DRAM then NAND) added to every segment's content growth so that,
/// with the first projected year's units, total bit demand grows like the industry's observed
/// bit shipments over the [`INDUSTRY_TREND_YEARS`] up to the base year. The segments keep
/// their relative trends; the industry figure, which sums every segment, sets the level.
fn industry_shift(
    engine: &Engine,
    params: &Parameters,
    dram: &Series,
    nand: &Series,
) -> (f64, f64) {
    let h = engine.history();
    let base_year = h.base_year;
    let mut first = params.clone();
    first.horizon = base_year + 1;
    first.market = None;
    let p = engine.project(&first);
    let base = year_index(h.first_year, base_year);
    let trend = |bits: &Series| {
        let known = bits.until(base_year);
        cagr_percent(
            geometric_at(known, base_year - INDUSTRY_TREND_YEARS),
            geometric_at(known, base_year),
            INDUSTRY_TREND_YEARS,
        )
    };
    // Next year's demand is linear in a shift d of every content growth rate:
    // sum over segments of E_s (1 + c_s + d) / (1 + c_s), E_s being the projected demand.
    let shift =
        |pick: fn(&SegmentProjection) -> &Vec<f64>, rate: fn(&SegmentParams) -> f64, bits| {
            let total_base: f64 = p.segments.iter().map(|s| pick(s)[base]).sum();
            let projected: f64 = p.segments.iter().map(|s| pick(s)[base + 1]).sum();
            let sensitivity: f64 = p
                .segments
                .iter()
                .zip(&params.segments)
                .map(|(s, sp)| pick(s)[base + 1] / growth_factor(rate(sp)).max(1e-9))
                .sum();
            if total_base <= 0.0 || sensitivity <= 0.0 {
                return 0.0;
            }
            let wanted = total_base * growth_factor(trend(bits));
            (wanted - projected) / sensitivity * 100.0
        };
    (
        shift(|s| &s.dram_eb, |sp| sp.dram_content_growth, dram),
        shift(|s| &s.nand_eb, |sp| sp.nand_content_growth, nand),
    )
}
