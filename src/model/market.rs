//! Supply, balance and price (docs/model.md, section 5): capacity grows from the supply growth
//! towards demand's growth, answers price with a delay and idles when stock is high; output can
//! be cut; inventory absorbs the gap to demand; the price moves, with inertia, towards the level
//! inventory cover indicates (Meadows' commodity-cycle rule) along a cost trend fitted to history.
//!
//! HBM takes more wafer per bit than ordinary DRAM, so DRAM is balanced in
//! conventional-bit equivalents: demand counts each HBM bit `trade_ratio` times.

use super::market_history::MemoryHistory;
use crate::units::{Exabytes, PercentPerYear, Year, Years, growth_factor};

/// DRAM or NAND.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Memory {
    /// DRAM (HBM included).
    Dram,
    /// NAND flash.
    Nand,
}

impl Memory {
    /// Both, in display order.
    pub const ALL: [Memory; 2] = [Memory::Dram, Memory::Nand];

    /// `dram` or `nand`.
    pub fn id(self) -> &'static str {
        match self {
            Memory::Dram => "dram",
            Memory::Nand => "nand",
        }
    }
}

/// Inputs of one memory's market.
#[derive(Debug, Clone, PartialEq)]
pub struct MemoryParams {
    /// Growth of bit capacity from shrinks and new fabs, % per year.
    pub supply_growth: PercentPerYear,
    /// Share of output cut, %.
    pub production_cut: f64,
    /// First year of the cut.
    pub cut_start: Year,
    /// Years the cut lasts.
    pub cut_years: Year,
    /// Price elasticity of bit demand (magnitude): price moves by (target / cover)^(1 / e).
    pub price_elasticity: f64,
}

/// Inputs of the market model.
#[derive(Debug, Clone, PartialEq)]
pub struct MarketParams {
    /// DRAM.
    pub dram: MemoryParams,
    /// NAND.
    pub nand: MemoryParams,
    /// Years from a price signal to the capacity it calls for.
    pub capacity_delay: Year,
    /// Wafer per HBM bit relative to ordinary DRAM.
    pub hbm_trade_ratio: f64,
    /// Years for the price to close about two thirds of its gap to the indicated price
    /// (0: at once).
    pub price_adjustment_time: Years,
}

impl MarketParams {
    /// The parameters of one memory.
    pub fn memory(&self, m: Memory) -> &MemoryParams {
        match m {
            Memory::Dram => &self.dram,
            Memory::Nand => &self.nand,
        }
    }

    /// The parameters of one memory, to change.
    pub fn memory_mut(&mut self, m: Memory) -> &mut MemoryParams {
        match m {
            Memory::Dram => &mut self.dram,
            Memory::Nand => &mut self.nand,
        }
    }
}

/// Tight, balanced or glut, from the sufficiency ratio and inventory cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regime {
    /// Supply short of demand, or inventory well below target.
    Tight,
    /// Neither.
    Balanced,
    /// Supply above demand, or inventory well above target.
    Glut,
    /// No published sufficiency or inventory figure for the year.
    Unpublished,
}

impl Regime {
    /// `tight`, `balanced` or `glut`.
    pub fn as_str(self) -> &'static str {
        match self {
            Regime::Tight => "tight",
            Regime::Balanced => "balanced",
            Regime::Glut => "glut",
            Regime::Unpublished => "",
        }
    }

    /// The regime of a year. Inventory cover decides when it is known, because cover is what
    /// sets the price: glut above [`GLUT_COVER`] x target, tight below target /
    /// [`GLUT_COVER`]. A year with only a published sufficiency ratio is a glut above
    /// [`GLUT_SUFFICIENCY`] % and tight below [`TIGHT_SUFFICIENCY`] % (TrendForce's usage).
    pub fn of(sufficiency_pct: f64, weeks: f64, target_weeks: f64) -> Self {
        if weeks.is_finite() {
            if weeks > GLUT_COVER * target_weeks {
                Regime::Glut
            } else if weeks < target_weeks / GLUT_COVER {
                Regime::Tight
            } else {
                Regime::Balanced
            }
        } else if sufficiency_pct.is_finite() {
            if sufficiency_pct > GLUT_SUFFICIENCY {
                Regime::Glut
            } else if sufficiency_pct < TIGHT_SUFFICIENCY {
                Regime::Tight
            } else {
                Regime::Balanced
            }
        } else {
            Regime::Unpublished
        }
    }
}

/// Cover above this multiple of the target (or below target / it) is a glut (tight).
pub const GLUT_COVER: f64 = 1.3;
/// Sufficiency above this, %, is a glut when cover is unknown.
pub const GLUT_SUFFICIENCY: f64 = 3.0;
/// Sufficiency below this, %, is tight when cover is unknown.
pub const TIGHT_SUFFICIENCY: f64 = -2.0;

/// One memory's market, year by year (same years as the device projection). Two projections
/// are equal when every figure is, unpublished (NaN) history cells included.
#[derive(Debug, Clone, Default)]
pub struct MemoryProjection {
    /// Display label.
    pub label: String,
    /// Bit demand: the industry's figures in history years where the data has them, the
    /// device model's elsewhere.
    pub demand_eb: Vec<Exabytes>,
    /// Bit supply (output, in bits; HBM counted once).
    pub supply_eb: Vec<Exabytes>,
    /// (supply - demand) / demand, %.
    pub sufficiency_pct: Vec<f64>,
    /// Supplier inventory, weeks of demand.
    pub inventory_weeks: Vec<f64>,
    /// Average price per bit, base year = 100. It falls along the cost trend in a balanced
    /// market.
    pub price_index: Vec<f64>,
    /// Price over its cost trend, % (0 on the trend; positive when cover is short).
    pub price_vs_trend_pct: Vec<f64>,
    /// Industry revenue, USD billion.
    pub revenue_busd: Vec<f64>,
    /// Regime of each year.
    pub regime: Vec<Regime>,
    /// First projected year in which the price rises after falling.
    pub turn_year: Option<Year>,
    /// Normal inventory, weeks.
    pub target_weeks: f64,
}

impl PartialEq for MemoryProjection {
    fn eq(&self, o: &Self) -> bool {
        let same = |a: &[f64], b: &[f64]| {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|(x, y)| x == y || (x.is_nan() && y.is_nan()))
        };
        self.label == o.label
            && same(&self.demand_eb, &o.demand_eb)
            && same(&self.supply_eb, &o.supply_eb)
            && same(&self.sufficiency_pct, &o.sufficiency_pct)
            && same(&self.inventory_weeks, &o.inventory_weeks)
            && same(&self.price_index, &o.price_index)
            && same(&self.price_vs_trend_pct, &o.price_vs_trend_pct)
            && same(&self.revenue_busd, &o.revenue_busd)
            && self.regime == o.regime
            && self.turn_year == o.turn_year
            && self.target_weeks == o.target_weeks
    }
}

/// Both memories.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MarketProjection {
    /// DRAM.
    pub dram: MemoryProjection,
    /// NAND.
    pub nand: MemoryProjection,
}

/// The data of one memory. Written here rather than in `data` so that the data layer does not
/// depend on the model's `Memory`.
impl crate::data::Market {
    /// One memory's history and figures.
    pub fn memory(&self, m: Memory) -> &crate::data::MemoryMarket {
        match m {
            Memory::Dram => &self.dram,
            Memory::Nand => &self.nand,
        }
    }
}

impl MarketProjection {
    /// One memory's projection.
    pub fn memory(&self, m: Memory) -> &MemoryProjection {
        match m {
            Memory::Dram => &self.dram,
            Memory::Nand => &self.nand,
        }
    }
}

/// Lowest utilisation suppliers slow to without a declared production cut: deeper cuts were
/// announced as such (2023: 20-30% of wafer starts).
pub const MIN_UTILISATION: f64 = 0.8;
/// Suppliers stop producing for stock beyond this many times the target inventory.
pub const MAX_INVENTORY_TARGETS: f64 = 3.0;
/// Weeks in a year, to turn a year's demand into weekly demand.
const WEEKS_PER_YEAR: f64 = 52.0;

/// The share of the gap between the price and its indicated level closed in one year with a
/// price adjustment time of `years` (exponential smoothing; 0 closes it at once).
pub fn price_step(years: Years) -> f64 {
    if years <= 0.0 {
        1.0
    } else {
        1.0 - (-1.0 / years).exp()
    }
}

/// Projects one memory's market. `demand` and `hbm` are bit demand by year (from the first
/// year to the horizon); `hbm` is zero for NAND. See `docs/model.md`, "Market", for the
/// equations.
pub fn project_memory(
    h: &MemoryHistory,
    p: &MemoryParams,
    m: &MarketParams,
    trade_ratio: f64,
    demand: &[Exabytes],
    hbm: &[Exabytes],
    fade: &[f64],
) -> MemoryProjection {
    let len = demand.len();
    let base = h.index(h.base_year).min(len.saturating_sub(1));
    let equivalent = |i: usize| demand[i] + (trade_ratio - 1.0).max(0.0) * hbm[i];
    let target = h.target_weeks;
    let mut out = MemoryProjection {
        label: h.label.clone(),
        demand_eb: demand.to_vec(),
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
        out.demand_eb[i] = d;
        out.supply_eb.push(d * (1.0 + sr / 100.0));
        out.sufficiency_pct.push(sr);
        out.inventory_weeks.push(weeks);
        out.price_index.push(h.price[i] / price_base * 100.0);
        out.revenue_busd.push(h.revenue[i]);
        out.regime.push(Regime::of(sr, weeks, target));
    }
    // Relative price (price over cost trend) by year, history then projection.
    let mut relative: Vec<f64> = (0..=base)
        .map(|i| h.price[i] / h.trend_price(h.first_year + i as Year))
        .collect();
    let (sr0, weeks0) = h.base_state();
    let mut capacity = equivalent(base) * (1.0 + sr0 / 100.0);
    let mut inventory = weeks0 * equivalent(base) / WEEKS_PER_YEAR;
    let step = price_step(m.price_adjustment_time);
    let mut last_weeks = weeks0;
    for i in base + 1..len {
        let year = h.first_year + i as Year;
        let want = equivalent(i);
        capacity *= growth_factor(capacity_growth(
            h.capacity_response,
            planned_growth(p, demand_growth(&equivalent, i), fade, i - base - 1),
            capacity_signal(&relative, i, m.capacity_delay),
        ));
        // The first projected year starts from the price where the base year ended.
        let last_relative = if i == base + 1 {
            relative[base] * h.exit_ratio
        } else {
            relative[i - 1]
        };
        let output = output(
            capacity,
            utilisation(h.utilisation_response, last_weeks / target, last_relative),
            cut_share(p, year),
            want + MAX_INVENTORY_TARGETS * target * want / WEEKS_PER_YEAR - inventory,
        );
        let opening_weeks = cover_weeks(inventory, want, target);
        let available = inventory + output;
        let shipped = want.min(available);
        inventory = available - shipped;
        let weeks = cover_weeks(inventory, want, target);
        // Meadows' rule: the indicated price sits on the cost trend, above it when cover is
        // below target and below it when cover is above; the price moves towards it with the
        // price adjustment time. The year's average price answers the year's average cover,
        // so stock carried in weighs on it even when output is cut.
        let indicated = indicated_relative_price(
            (opening_weeks + weeks) / 2.0 / target,
            p.price_elasticity,
            h.max_price_vs_trend,
        );
        let last = last_relative.max(f64::MIN_POSITIVE);
        let rel = last * (indicated / last).powf(step);
        let price = h.trend_price(year) * rel;
        relative.push(rel);
        let served = if want > 0.0 { shipped / want } else { 1.0 };
        let sr = if demand[i] > 0.0 {
            (output - want) / demand[i] * 100.0
        } else {
            0.0
        };
        last_weeks = weeks;
        out.supply_eb.push(output - (want - demand[i]));
        out.sufficiency_pct.push(sr);
        out.inventory_weeks.push(weeks);
        out.price_index.push(price / price_base * 100.0);
        out.revenue_busd.push(served * demand[i] * price);
        out.regime.push(Regime::of(sr, weeks, target));
    }
    out.price_vs_trend_pct = relative.iter().map(|r| (r - 1.0) * 100.0).collect();
    out.turn_year = turn_year(&out.price_index, h.first_year, h.base_year);
    out
}

/// Growth of demand in conventional-bit equivalents in the year before `i`, %.
fn demand_growth(equivalent: &impl Fn(usize) -> f64, i: usize) -> PercentPerYear {
    (equivalent(i - 1) / equivalent(i - 2).max(f64::MIN_POSITIVE) - 1.0) * 100.0
}

/// Planned capacity growth `step` years into the projection: the supply growth slider fading
/// towards the growth of demand, so that over the horizon capacity follows demand.
fn planned_growth(
    p: &MemoryParams,
    demand_growth: PercentPerYear,
    fade: &[f64],
    step: usize,
) -> PercentPerYear {
    let weight = fade.get(step).copied().unwrap_or(0.0);
    demand_growth + (p.supply_growth - demand_growth) * weight
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

/// The price over its cost trend that a cover of `cover_vs_target` x target indicates:
/// `(target / cover)^(1 / e)`, made smooth at both ends. In logs,
/// `ln r* = ln(max) tanh(ln(target / cover) / (e ln(max)))`: near target it is Meadows' rule
/// exactly, and as cover goes to zero (or piles up) the price approaches `max` times its trend
/// (or `1 / max`) without a kink.
pub fn indicated_relative_price(cover_vs_target: f64, elasticity: f64, max: f64) -> f64 {
    let bound = max.max(1.0 + 1e-9).ln();
    let gap = (1.0 / cover_vs_target.max(1e-9)).ln() / elasticity.max(0.05);
    (bound * (gap / bound).tanh()).exp()
}

/// The first projected year whose price rises after a fall the year before.
pub fn turn_year(prices: &[f64], first_year: Year, base_year: Year) -> Option<Year> {
    (2..prices.len())
        .map(|i| {
            (
                first_year + i as Year,
                prices[i - 2],
                prices[i - 1],
                prices[i],
            )
        })
        .find(|&(year, a, b, c)| year > base_year && b < a && c > b)
        .map(|(year, ..)| year)
}

/// Default capacity delay from the data, whole years.
pub fn delay_years(figure: Years) -> Year {
    figure.round().max(0.0) as Year
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regimes() {
        assert_eq!(Regime::of(f64::NAN, 20.0, 9.0), Regime::Glut);
        assert_eq!(Regime::of(5.0, 9.0, 9.0), Regime::Balanced, "cover decides");
        assert_eq!(Regime::of(0.0, 5.0, 9.0), Regime::Tight);
        assert_eq!(Regime::of(5.0, f64::NAN, 9.0), Regime::Glut);
        assert_eq!(Regime::of(-3.0, f64::NAN, 9.0), Regime::Tight);
        assert_eq!(Regime::of(1.0, f64::NAN, 9.0), Regime::Balanced);
        assert_eq!(Regime::of(f64::NAN, f64::NAN, 9.0), Regime::Unpublished);
    }

    #[test]
    fn turn_is_a_rise_after_a_fall_in_projection_years() {
        let p = [100.0, 90.0, 80.0, 85.0, 95.0];
        assert_eq!(turn_year(&p, 2020, 2021), Some(2023));
        assert_eq!(turn_year(&p, 2020, 2023), None);
        assert_eq!(turn_year(&[1.0, 2.0, 3.0], 2020, 2020), None);
    }
}
