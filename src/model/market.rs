//! The market's inputs and outputs (docs/model.md, section 5): parameters, regimes, the
//! projection of each memory, and the price rule's pieces. The year-by-year run is in
//! `market_run.rs`.

use crate::units::{Exabytes, PercentPerYear, Year, Years};

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

    /// `DRAM` or `NAND`, as people write them.
    pub fn label(self) -> &'static str {
        match self {
            Memory::Dram => "DRAM",
            Memory::Nand => "NAND",
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
    /// Of which HBM, served first (NaN in history years: not published).
    pub hbm_supply_eb: Vec<Exabytes>,
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
            && same(&self.hbm_supply_eb, &o.hbm_supply_eb)
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

/// The share of the gap between the price and its indicated level closed in `elapsed` years
/// with a price adjustment time of `years` (exponential smoothing; 0 closes it at once).
pub(super) fn price_step_over(years: Years, elapsed: Years) -> f64 {
    if years <= 0.0 {
        1.0
    } else {
        1.0 - (-elapsed / years).exp()
    }
}

/// Years from the middle of the base year's fourth quarter (where its closing price stood) to
/// the middle of the next year (its average price).
pub const EXIT_TO_NEXT_AVERAGE: Years = 0.625;

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

/// The first projected year whose price rises at least [`MIN_TURN_RISE_PCT`] after a fall the
/// year before.
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
        .find(|&(year, a, b, c)| {
            year > base_year && b < a && c > b * (1.0 + MIN_TURN_RISE_PCT / 100.0)
        })
        .map(|(year, ..)| year)
}

/// The rise, %, that makes a turn: a real upswing, not a blip (a one-step slider move once
/// moved the turn from 2034 to 2027 on an 84 -> 86 wobble of the index).
pub const MIN_TURN_RISE_PCT: f64 = 5.0;

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
        // A blip is not a turn: 84 -> 86 after a fall, then a real rise.
        let blip = [100.0, 84.0, 86.0, 80.0, 90.0];
        assert_eq!(turn_year(&blip, 2020, 2020), Some(2024));
    }
}
