//! The inputs a user moves, in typed form (their defaults are derived in `defaults`).

use super::market::MarketParams;
use crate::units::{Gigabytes, PercentPerYear, Year, Years};

/// Per-segment inputs. For residual segments only the two growth rates apply, and they are
/// the growth of the segment's bit demand rather than of memory per unit.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentParams {
    /// Mean replacement cycle in the first projected year.
    pub replacement_cycle: Years,
    /// Change of the replacement cycle per projected year (fading with the global half-life).
    pub cycle_drift: Years,
    /// Years the installed base takes to close its gap to the desired stock (tau: each year
    /// closes 1 / tau of it).
    pub adjustment_time: Years,
    /// Growth of the desired installed base in the first projected year; it fades towards the
    /// segment's long-run growth with the global half-life.
    pub base_growth: PercentPerYear,
    /// Growth of DRAM per unit (or of DRAM demand, for a residual).
    pub dram_content_growth: PercentPerYear,
    /// Growth of NAND per unit (or of NAND demand, for a residual).
    pub nand_content_growth: PercentPerYear,
    /// HBM per unit in the first projected year, for segments that carry HBM; it then grows
    /// with DRAM per unit.
    pub hbm_gb_per_unit: Option<Gigabytes>,
    /// How the year's unit shipments answer the memory price over its trend the year before,
    /// d ln units / d ln price (<= 0; 0: no feedback).
    pub unit_elasticity: f64,
    /// How the year's memory per unit answers its memory's price over trend the year before,
    /// d ln GB / d ln price (<= 0; 0: no feedback).
    pub content_elasticity: f64,
}

/// Everything a projection depends on besides the data.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameters {
    /// Last year of history; data after it is unseen.
    pub base_year: Year,
    /// Last projected year.
    pub horizon: Year,
    /// Years for installed-base growth to close half its gap to the long-run rate.
    pub growth_half_life: Years,
    /// Years for the growth of memory per unit (and of residual demand) to close half its gap
    /// to the long-run rate.
    pub content_half_life: Years,
    /// One entry per segment of the data set, in its order.
    pub segments: Vec<SegmentParams>,
    /// Market inputs, when the data set has a market.
    pub market: Option<MarketParams>,
}

/// Default horizon: this many years after the base year.
pub const DEFAULT_HORIZON_YEARS: Year = 10;
/// Default half-life of installed-base growth, used when the data gives none.
pub const DEFAULT_GROWTH_HALF_LIFE: Years = 5.0;
/// Default half-life of content growth (a convention: see `docs/model.md`).
pub const DEFAULT_CONTENT_HALF_LIFE: Years = 1.5;
