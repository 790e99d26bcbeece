//! Parameter keys: which field of the typed [`Parameters`] a slider moves.

use crate::model::{MarketParams, Memory, Parameters};
use crate::units::Year;

/// Which field of [`Parameters`] a parameter moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKey {
    /// `segments[i].replacement_cycle`.
    ReplacementCycle(usize),
    /// `segments[i].cycle_drift`.
    CycleDrift(usize),
    /// `segments[i].adjustment_time`.
    AdjustmentTime(usize),
    /// `segments[i].base_growth`.
    BaseGrowth(usize),
    /// `segments[i].dram_content_growth`.
    DramGrowth(usize),
    /// `segments[i].nand_content_growth`.
    NandGrowth(usize),
    /// `segments[i].hbm_gb_per_unit`.
    HbmContent(usize),
    /// `segments[i].unit_elasticity`.
    UnitElasticity(usize),
    /// `segments[i].content_elasticity`.
    ContentElasticity(usize),
    /// `horizon`.
    Horizon,
    /// `growth_half_life`.
    GrowthHalfLife,
    /// `content_half_life`.
    ContentHalfLife,
    /// `market.<m>.supply_growth`.
    SupplyGrowth(Memory),
    /// `market.<m>.production_cut`.
    ProductionCut(Memory),
    /// `market.<m>.cut_start`.
    CutStart(Memory),
    /// `market.<m>.cut_years`.
    CutYears(Memory),
    /// `market.<m>.price_elasticity`.
    PriceElasticity(Memory),
    /// `market.capacity_delay`.
    CapacityDelay,
    /// `market.hbm_trade_ratio`.
    HbmTradeRatio,
    /// `market.price_adjustment_time`.
    PriceAdjustment,
}

impl ParamKey {
    /// The segment a parameter belongs to, if any.
    pub fn segment(self) -> Option<usize> {
        match self {
            ParamKey::ReplacementCycle(i)
            | ParamKey::CycleDrift(i)
            | ParamKey::AdjustmentTime(i)
            | ParamKey::BaseGrowth(i)
            | ParamKey::DramGrowth(i)
            | ParamKey::NandGrowth(i)
            | ParamKey::HbmContent(i)
            | ParamKey::UnitElasticity(i)
            | ParamKey::ContentElasticity(i) => Some(i),
            _ => None,
        }
    }

    /// Whether the parameter takes whole numbers only (years and counts of years).
    pub fn is_whole(self) -> bool {
        matches!(
            self,
            ParamKey::Horizon
                | ParamKey::CutStart(_)
                | ParamKey::CutYears(_)
                | ParamKey::CapacityDelay
        )
    }

    /// The memory market a parameter belongs to, if any.
    pub fn memory(self) -> Option<Memory> {
        match self {
            ParamKey::SupplyGrowth(m)
            | ParamKey::ProductionCut(m)
            | ParamKey::CutStart(m)
            | ParamKey::CutYears(m)
            | ParamKey::PriceElasticity(m) => Some(m),
            _ => None,
        }
    }

    /// The current value in `p`.
    pub fn get(self, p: &Parameters) -> f64 {
        match self {
            ParamKey::ReplacementCycle(i) => p.segments[i].replacement_cycle,
            ParamKey::CycleDrift(i) => p.segments[i].cycle_drift,
            ParamKey::AdjustmentTime(i) => p.segments[i].adjustment_time,
            ParamKey::BaseGrowth(i) => p.segments[i].base_growth,
            ParamKey::DramGrowth(i) => p.segments[i].dram_content_growth,
            ParamKey::NandGrowth(i) => p.segments[i].nand_content_growth,
            ParamKey::HbmContent(i) => p.segments[i].hbm_gb_per_unit.unwrap_or(0.0),
            ParamKey::UnitElasticity(i) => p.segments[i].unit_elasticity,
            ParamKey::ContentElasticity(i) => p.segments[i].content_elasticity,
            ParamKey::Horizon => f64::from(p.horizon),
            ParamKey::GrowthHalfLife => p.growth_half_life,
            ParamKey::ContentHalfLife => p.content_half_life,
            _ => p.market.as_ref().map_or(0.0, |mk| self.market_value(mk)),
        }
    }

    /// Sets the value in `p` (no range check: see [`crate::params::Catalog::set`]).
    pub fn set(self, p: &mut Parameters, v: f64) {
        match self {
            ParamKey::ReplacementCycle(i) => p.segments[i].replacement_cycle = v,
            ParamKey::CycleDrift(i) => p.segments[i].cycle_drift = v,
            ParamKey::AdjustmentTime(i) => p.segments[i].adjustment_time = v,
            ParamKey::BaseGrowth(i) => p.segments[i].base_growth = v,
            ParamKey::DramGrowth(i) => p.segments[i].dram_content_growth = v,
            ParamKey::NandGrowth(i) => p.segments[i].nand_content_growth = v,
            ParamKey::HbmContent(i) => p.segments[i].hbm_gb_per_unit = Some(v),
            ParamKey::UnitElasticity(i) => p.segments[i].unit_elasticity = v,
            ParamKey::ContentElasticity(i) => p.segments[i].content_elasticity = v,
            ParamKey::Horizon => p.horizon = v.round() as Year,
            ParamKey::GrowthHalfLife => p.growth_half_life = v,
            ParamKey::ContentHalfLife => p.content_half_life = v,
            _ => {
                if let Some(mk) = p.market.as_mut() {
                    self.set_market(mk, v);
                }
            }
        }
    }

    /// The value of a market parameter.
    fn market_value(self, mk: &MarketParams) -> f64 {
        match self {
            ParamKey::SupplyGrowth(m) => mk.memory(m).supply_growth,
            ParamKey::ProductionCut(m) => mk.memory(m).production_cut,
            ParamKey::CutStart(m) => f64::from(mk.memory(m).cut_start),
            ParamKey::CutYears(m) => f64::from(mk.memory(m).cut_years),
            ParamKey::PriceElasticity(m) => mk.memory(m).price_elasticity,
            ParamKey::CapacityDelay => f64::from(mk.capacity_delay),
            ParamKey::HbmTradeRatio => mk.hbm_trade_ratio,
            ParamKey::PriceAdjustment => mk.price_adjustment_time,
            _ => 0.0,
        }
    }

    /// Sets a market parameter (years round to whole years).
    fn set_market(self, mk: &mut MarketParams, v: f64) {
        let year = v.round() as Year;
        match self {
            ParamKey::SupplyGrowth(m) => mk.memory_mut(m).supply_growth = v,
            ParamKey::ProductionCut(m) => mk.memory_mut(m).production_cut = v,
            ParamKey::CutStart(m) => mk.memory_mut(m).cut_start = year,
            ParamKey::CutYears(m) => mk.memory_mut(m).cut_years = year,
            ParamKey::PriceElasticity(m) => mk.memory_mut(m).price_elasticity = v,
            ParamKey::CapacityDelay => mk.capacity_delay = year,
            ParamKey::HbmTradeRatio => mk.hbm_trade_ratio = v,
            ParamKey::PriceAdjustment => mk.price_adjustment_time = v,
            _ => {}
        }
    }
}
