//! One memory's market, run year by year after the device model's demand for the same year
//! (docs/model.md, section 5): capacity, output, inventory, price. Run a year at a time so
//! that the devices of the next year can answer this year's price.
//!
//! HBM takes more wafer per bit than ordinary DRAM, so DRAM is balanced in
//! conventional-bit equivalents: demand counts each HBM bit `trade_ratio` times, and output
//! serves HBM first at that rate.

use super::market::{
    EXIT_TO_NEXT_AVERAGE, MAX_INVENTORY_TARGETS, MIN_UTILISATION, MarketParams, MemoryParams,
    MemoryProjection, Regime, indicated_relative_price, price_step_over, turn_year,
};
use super::market_history::MemoryHistory;
use crate::units::{Exabytes, PercentPerYear, Year, growth_factor};

/// Weeks in a year, to turn a year's demand into weekly demand.
const WEEKS_PER_YEAR: f64 = 52.0;

/// One memory's market while it is being projected.
pub(super) struct MemoryRun<'a> {
    h: &'a MemoryHistory,
    p: &'a MemoryParams,
    m: &'a MarketParams,
    trade_ratio: f64,
    base: usize,
    out: MemoryProjection,
    /// Demand in conventional-bit equivalents by row (the device model's, history included).
    equivalents: Vec<f64>,
    /// Price over its cost trend by row.
    relative: Vec<f64>,
    /// The base year's closing price over the cost trend at that time.
    close_relative: f64,
    /// Bit capacity, equivalents.
    capacity: f64,
    /// Supplier stock, equivalents.
    inventory: f64,
    /// Cover at the end of the year before, weeks.
    last_weeks: f64,
    /// Price of the base year (index 100).
    price_base: f64,
    /// HBM demand of the year before, EB.
    last_hbm: Exabytes,
}

/// What one projected year came to, for its row of the output.
#[derive(Debug, Clone, Copy)]
struct YearOutcome {
    /// Bit demand.
    demand: Exabytes,
    /// Demand in conventional-bit equivalents (HBM at its trade ratio).
    want: Exabytes,
    /// Output in equivalents.
    output: Exabytes,
    /// Equivalents shipped.
    shipped: Exabytes,
    /// HBM demand.
    hbm: Exabytes,
    /// Inventory cover at the year's end, weeks.
    weeks: f64,
    /// The year's average price per bit.
    price: f64,
}

impl<'a> MemoryRun<'a> {
    /// Starts a run from the history rows `0..=base` of `demand` and `hbm` (the device model's
    /// bit demand, calibrated), for `rows` rows in all.
    pub(super) fn new(
        h: &'a MemoryHistory,
        p: &'a MemoryParams,
        m: &'a MarketParams,
        trade_ratio: f64,
        demand: &[Exabytes],
        hbm: &[Exabytes],
        rows: usize,
    ) -> Self {
        let base = h.index(h.base_year).min(demand.len().saturating_sub(1));
        let extra = (trade_ratio - 1.0).max(0.0);
        let mut equivalents = Vec::with_capacity(rows);
        equivalents.extend(
            demand
                .iter()
                .zip(hbm)
                .take(base + 1)
                .map(|(d, x)| d + extra * x),
        );
        let target = h.target_weeks;
        let mut out = MemoryProjection {
            label: h.label.clone(),
            target_weeks: target,
            ..MemoryProjection::default()
        };
        let price_base = h.price[base].max(f64::MIN_POSITIVE);
        // History: published figures only; years without them stay empty (NaN). Demand is the
        // industry's figure where the data has one (the one revenue and price are measured
        // against), the model's reconstruction elsewhere.
        for (i, d) in demand.iter().enumerate().take(base + 1) {
            let (sr, weeks) = (h.sufficiency[i], h.weeks[i]);
            let d = h.bits.get(i).copied().flatten().unwrap_or(*d);
            out.demand_eb.push(d);
            out.supply_eb.push(d * (1.0 + sr / 100.0));
            out.hbm_supply_eb.push(f64::NAN);
            out.sufficiency_pct.push(sr);
            out.inventory_weeks.push(weeks);
            out.price_index.push(h.price[i] / price_base * 100.0);
            out.revenue_busd.push(h.revenue[i]);
            out.regime.push(Regime::of(sr, weeks, target));
        }
        let relative: Vec<f64> = (0..=base)
            .map(|i| h.price[i] / h.trend_price(h.first_year + i as Year))
            .collect();
        // The close sits 0.375 years after the middle of the base year: the trend there.
        let trend_at_close =
            h.trend_price(h.base_year) * h.trend_factor().powf(1.0 - EXIT_TO_NEXT_AVERAGE);
        let close_relative = h.price[base] * h.exit_ratio / trend_at_close.max(f64::MIN_POSITIVE);
        let sr0 = h.base_sufficiency();
        let weeks0 = h
            .year_end_weeks
            .unwrap_or_else(|| implied_cover(close_relative, p.price_elasticity, target));
        let base_equivalents = equivalents.get(base).copied().unwrap_or(0.0);
        Self {
            h,
            p,
            m,
            trade_ratio,
            base,
            out,
            equivalents,
            relative,
            close_relative,
            capacity: base_equivalents * (1.0 + sr0 / 100.0),
            inventory: weeks0 * base_equivalents / WEEKS_PER_YEAR,
            last_weeks: weeks0,
            price_base,
            last_hbm: hbm.get(base).copied().unwrap_or(0.0),
        }
    }

    /// The price over its cost trend that buyers in row `i` answer: the year before's annual
    /// average (for the first projected year, the base year's).
    pub(super) fn feedback_relative(&self, i: usize) -> f64 {
        self.relative.get(i - 1).copied().unwrap_or(1.0)
    }

    /// Projects row `i` (the next one) with the year's bit demand and HBM demand; `weight` is
    /// the fade weight of the year's step (1 in the first projected year). In the order of
    /// docs/model.md section 5: capacity, output and inventory, price.
    pub(super) fn step(&mut self, i: usize, demand: Exabytes, hbm: Exabytes, weight: f64) {
        let (h, p) = (self.h, self.p);
        let year = h.first_year + i as Year;
        let target = h.target_weeks;
        let extra = (self.trade_ratio - 1.0).max(0.0);
        let want = demand + extra * hbm;
        self.equivalents.push(want);
        self.grow_capacity(i, hbm, weight);
        // The first projected year starts from the price where the base year ended and moves
        // for the 0.625 years to the middle of the year; later years a whole year.
        let first = i == self.base + 1;
        let (last, elapsed) = if first {
            (self.close_relative * self.h.momentum, EXIT_TO_NEXT_AVERAGE)
        } else {
            (self.relative[i - 1], 1.0)
        };
        let output = output(
            self.capacity,
            utilisation(h.utilisation_response, self.last_weeks / target, last),
            cut_share(p, year),
            want + MAX_INVENTORY_TARGETS * target * want / WEEKS_PER_YEAR - self.inventory,
        );
        let opening_weeks = cover_weeks(self.inventory, want, target);
        let available = self.inventory + output;
        let shipped = want.min(available);
        self.inventory = available - shipped;
        let weeks = cover_weeks(self.inventory, want, target);
        let rel = self.next_relative_price(last, elapsed, (opening_weeks + weeks) / 2.0 / target);
        self.relative.push(rel);
        self.last_weeks = weeks;
        self.record(YearOutcome {
            demand,
            want,
            output,
            shipped,
            hbm,
            weeks,
            price: h.trend_price(year) * rel,
        });
    }

    /// Capacity after the year's expansion (row `i`'s demand in wafer equivalents already
    /// counted): the planned bit growth (with the wafers the year's HBM growth takes on top),
    /// answered by margins with the capex delay.
    fn grow_capacity(&mut self, i: usize, hbm: Exabytes, weight: f64) {
        let (h, p) = (self.h, self.p);
        let extra = (self.trade_ratio - 1.0).max(0.0);
        let before = self.equivalents[i - 1];
        let demand_growth = growth_percent(before, self.equivalents[i.saturating_sub(2)]);
        // HBM lines are built against contracted HBM orders: the extra wafers the year's HBM
        // growth takes come on top of the planned bit growth, so HBM does not squeeze
        // conventional bits out of the plan (it still counts `trade_ratio` times in the balance).
        let hbm_wafers =
            extra * (hbm - self.last_hbm).max(0.0) / self.capacity.max(f64::MIN_POSITIVE);
        self.last_hbm = hbm;
        let planned = planned_growth(
            p.supply_growth + hbm_wafers * 100.0,
            demand_growth,
            // Enough to serve demand and to keep the target cover as demand grows.
            level_gap(
                before * (1.0 + h.target_weeks / WEEKS_PER_YEAR * demand_growth.max(0.0) / 100.0),
                self.capacity,
            ),
            weight,
            self.m.capacity_delay,
        );
        self.capacity *= growth_factor(capacity_growth(
            h.capacity_response,
            planned,
            expansion_signal(
                capacity_signal(&self.relative, i, self.m.capacity_delay),
                before,
                self.capacity,
            ),
        ));
    }

    /// The year's average price over its cost trend, from `last` after `elapsed` years towards
    /// the price the year's average cover (as a share of the target) indicates.
    fn next_relative_price(&self, last: f64, elapsed: f64, cover_share: f64) -> f64 {
        // Meadows' rule: the indicated price sits on the cost trend, above it when cover is
        // below target and below it when cover is above; the price moves towards it with the
        // price adjustment time. The year's average price answers the year's average cover,
        // so stock carried in weighs on it even when output is cut.
        let indicated = indicated_relative_price(
            cover_share,
            self.p.price_elasticity,
            self.h.max_price_vs_trend,
        );
        let last = last.max(f64::MIN_POSITIVE);
        let step = price_step_over(self.m.price_adjustment_time, elapsed);
        last * (indicated / last).powf(step)
    }

    /// Appends the year's row of the output.
    fn record(&mut self, y: YearOutcome) {
        let served = if y.want > 0.0 {
            y.shipped / y.want
        } else {
            1.0
        };
        let sr = if y.demand > 0.0 {
            (y.output - y.want) / y.demand * 100.0
        } else {
            0.0
        };
        // HBM is served first, each bit taking `trade_ratio` bits of capacity.
        let hbm_out = y
            .hbm
            .min(y.output / self.trade_ratio.max(f64::MIN_POSITIVE));
        let target = self.h.target_weeks;
        let out = &mut self.out;
        out.demand_eb.push(y.demand);
        out.supply_eb
            .push(y.output - (self.trade_ratio - 1.0).max(0.0) * hbm_out);
        out.hbm_supply_eb.push(hbm_out);
        out.sufficiency_pct.push(sr);
        out.inventory_weeks.push(y.weeks);
        out.price_index.push(y.price / self.price_base * 100.0);
        out.revenue_busd.push(served * y.demand * y.price);
        out.regime.push(Regime::of(sr, y.weeks, target));
    }

    /// The finished projection.
    pub(super) fn finish(mut self) -> MemoryProjection {
        self.out.price_vs_trend_pct = self.relative.iter().map(|r| (r - 1.0) * 100.0).collect();
        self.out.turn_year = turn_year(&self.out.price_index, self.h.first_year, self.h.base_year);
        self.out
    }
}

/// The year-end cover a closing price implies where no inventory figure is published: the
/// cover at which the price rule indicates that price, `target x relative^(-elasticity)`
/// (a price well above its trend means stock is short). Within the price rule's bounds.
fn implied_cover(relative: f64, elasticity: f64, target: f64) -> f64 {
    let r = relative.max(f64::MIN_POSITIVE);
    target * r.powf(-elasticity.max(0.05))
}

/// Growth from `before` to `now`, %.
fn growth_percent(now: f64, before: f64) -> PercentPerYear {
    (now / before.max(f64::MIN_POSITIVE) - 1.0) * 100.0
}

/// Last year's demand over capacity, minus 1 (positive when capacity fell short).
fn level_gap(demand: f64, capacity: f64) -> f64 {
    demand / capacity.max(f64::MIN_POSITIVE) - 1.0
}

/// Planned capacity growth, %: the supply growth slider in the first projected year; then,
/// as its `weight` fades, the growth of demand plus a share `1 / delay` of the gap between
/// last year's demand and capacity, so that over the horizon capacity follows demand and
/// closes shortfalls over the capacity delay.
fn planned_growth(
    supply_growth: PercentPerYear,
    demand_growth: PercentPerYear,
    gap: f64,
    weight: f64,
    delay: Year,
) -> PercentPerYear {
    let follow = demand_growth + gap / f64::from(delay.max(1)) * 100.0;
    follow + (supply_growth - follow) * weight
}

/// The relative price (price over its cost trend) that capacity answers in row `i`: the one
/// `delay` years earlier, history years included (the capex answer to a boom of the base year
/// or before arrives in the projection). 1 (neutral) before the first year.
fn capacity_signal(relative: &[f64], i: usize, delay: Year) -> f64 {
    let delay = delay.max(1) as usize;
    i.checked_sub(delay)
        .and_then(|k| relative.get(k))
        .copied()
        .unwrap_or(1.0)
}

/// The relative price capacity answers, as far as it calls for more capacity: suppliers
/// expand for margins only while their capacity is short of last year's demand; with fabs
/// already able to make more than is wanted, a high price is a reason to run them, not to
/// build more (without this, the capex answer to a boom piled on after capacity had caught
/// up, and gluts beyond +40% followed). Low prices always slow expansion.
fn expansion_signal(signal: f64, demand: f64, capacity: f64) -> f64 {
    if signal > 1.0 && demand <= capacity {
        1.0
    } else {
        signal
    }
}

/// Capacity growth, %: the planned growth plus `response` points per doubling of the relative
/// price. Capacity is never scrapped (a fab idles, it is not taken down), so it never shrinks.
fn capacity_growth(response: f64, planned: PercentPerYear, signal: f64) -> PercentPerYear {
    (planned + response * signal.max(f64::MIN_POSITIVE).log2()).max(0.0)
}

/// Utilisation of capacity without a declared cut: full, unless the stock carried in is
/// above target *and* the price is below its trend; then suppliers slow their fabs by
/// `response` x the excess cover (down to [`MIN_UTILISATION`]). With the price above its
/// trend nobody idles a fab.
fn utilisation(response: f64, cover_vs_target: f64, relative_price: f64) -> f64 {
    if relative_price >= 1.0 {
        return 1.0;
    }
    (1.0 - response * (cover_vs_target - 1.0).max(0.0)).max(MIN_UTILISATION)
}

/// The declared production cut in `year`, as a share of output (0 outside the cut years).
fn cut_share(p: &MemoryParams, year: Year) -> f64 {
    let cutting = (p.cut_start..p.cut_start + p.cut_years.max(0)).contains(&year);
    if cutting {
        (p.production_cut / 100.0).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// A year's output: capacity x utilisation x (1 - cut), applied once, so a declared cut of
/// 5% gives 5% less output than the same year without it; never more than the stock
/// `ceiling` allows, never negative.
fn output(capacity: f64, utilisation: f64, cut: f64, ceiling: f64) -> f64 {
    (capacity * utilisation * (1.0 - cut)).min(ceiling).max(0.0)
}

/// Inventory cover, weeks of `want` (the target when nothing is wanted).
fn cover_weeks(inventory: f64, want: f64, target: f64) -> f64 {
    if want > 0.0 {
        inventory / (want / WEEKS_PER_YEAR)
    } else {
        target
    }
}
