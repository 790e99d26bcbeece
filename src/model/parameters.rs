//! The inputs a user moves, in typed form, and their defaults derived from the data
//! (trend continuation from what was knowable at the base year).

use super::history::{History, TREND_YEARS};
use super::market::{MarketParams, MemoryParams, delay_years, supply_trend};
use super::paths::{cagr_percent, geometric_at, linear_at};
use crate::data::{Dataset, Point, SegmentBody};
use crate::units::{Gigabytes, PercentPerYear, Year, Years, growth_factor};

/// Per-segment inputs. For residual segments only the two growth rates apply, and they are
/// the growth of the segment's bit demand rather than of memory per unit.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentParams {
    /// Mean replacement cycle in projection years.
    pub replacement_cycle: Years,
    /// Installed-base growth in the first projected year; it fades towards the segment's
    /// long-run growth with the global half-life.
    pub base_growth: PercentPerYear,
    /// Growth of DRAM per unit (or of DRAM demand, for a residual).
    pub dram_content_growth: PercentPerYear,
    /// Growth of NAND per unit (or of NAND demand, for a residual).
    pub nand_content_growth: PercentPerYear,
    /// HBM per unit in the first projected year, for segments that carry HBM; it then grows
    /// with DRAM per unit.
    pub hbm_gb_per_unit: Option<Gigabytes>,
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
    /// One entry per segment of the data set, in its order.
    pub segments: Vec<SegmentParams>,
    /// Market inputs, when the data set has a market.
    pub market: Option<MarketParams>,
}

/// Default horizon: this many years after the base year.
pub const DEFAULT_HORIZON_YEARS: Year = 10;
/// Default half-life of installed-base growth, used when the data gives none.
pub const DEFAULT_GROWTH_HALF_LIFE: Years = 5.0;

impl Parameters {
    /// Values that continue the trends in the data up to the history's base year: the last
    /// replacement cycle, the installed-base growth that continues the recent shipments trend
    /// into the first projected year, recent content growth, the recent growth of bit
    /// shipments as supply growth, no production cut, and the market figures of the data. (The
    /// parameter catalog rounds them and lets explicit defaults in the data win.)
    pub fn trend(data: &Dataset, history: &History) -> Self {
        let base_year = history.base_year;
        let segments = data
            .segments
            .iter()
            .enumerate()
            .map(|(i, s)| match &s.body {
                SegmentBody::Devices(d) => {
                    let cycle = linear_at(d.replacement_cycle.until(base_year), base_year);
                    let dram_content_growth = trend_rate(d.dram_gb.until(base_year), base_year);
                    // HBM in the first projected year continues the base year's at the DRAM rate.
                    let rows = &history.segments[i].rows;
                    let base_hbm = (base_year - history.first_year) as usize;
                    let hbm_gb_per_unit = d.hbm_gb.as_ref().map(|_| {
                        rows.hbm_gb_per_unit.get(base_hbm).copied().unwrap_or(0.0)
                            * growth_factor(dram_content_growth)
                    });
                    SegmentParams {
                        replacement_cycle: cycle,
                        base_growth: history.continuing_growth(i, cycle),
                        dram_content_growth,
                        nand_content_growth: trend_rate(d.nand_gb.until(base_year), base_year),
                        hbm_gb_per_unit,
                    }
                }
                SegmentBody::Residual(r) => SegmentParams {
                    replacement_cycle: 0.0,
                    base_growth: 0.0,
                    dram_content_growth: trend_rate(r.dram_eb.until(base_year), base_year),
                    nand_content_growth: trend_rate(r.nand_eb.until(base_year), base_year),
                    hbm_gb_per_unit: None,
                },
            })
            .collect();
        Self {
            base_year,
            horizon: base_year + DEFAULT_HORIZON_YEARS,
            growth_half_life: DEFAULT_GROWTH_HALF_LIFE,
            segments,
            market: data.market.as_ref().map(|m| {
                let memory = |mm: &crate::data::MemoryMarket| MemoryParams {
                    supply_growth: supply_trend(mm, base_year, TREND_YEARS),
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
                }
            }),
        }
    }
}

/// Growth of a geometric path over the [`TREND_YEARS`] up to `base_year`, % per year.
fn trend_rate(points: &[Point], base_year: Year) -> PercentPerYear {
    let from = base_year - TREND_YEARS;
    cagr_percent(
        geometric_at(points, from),
        geometric_at(points, base_year),
        TREND_YEARS,
    )
}
