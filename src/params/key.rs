//! Parameter keys: which field of the typed [`Parameters`] a slider moves.

use crate::model::{Memory, MemoryParams, Parameters};
use crate::units::Year;

/// Which field of [`Parameters`] a parameter moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKey {
    /// `segments[i].replacement_cycle`.
    ReplacementCycle(usize),
    /// `segments[i].base_growth`.
    BaseGrowth(usize),
    /// `segments[i].dram_content_growth`.
    DramGrowth(usize),
    /// `segments[i].nand_content_growth`.
    NandGrowth(usize),
    /// `segments[i].hbm_gb_per_unit`.
    HbmContent(usize),
    /// `horizon`.
    Horizon,
    /// `growth_half_life`.
    GrowthHalfLife,
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
}

fn memory_mut(p: &mut Parameters, m: Memory) -> Option<&mut MemoryParams> {
    p.market.as_mut().map(|mk| match m {
        Memory::Dram => &mut mk.dram,
        Memory::Nand => &mut mk.nand,
    })
}

impl ParamKey {
    /// The segment a parameter belongs to, if any.
    pub fn segment(self) -> Option<usize> {
        match self {
            ParamKey::ReplacementCycle(i)
            | ParamKey::BaseGrowth(i)
            | ParamKey::DramGrowth(i)
            | ParamKey::NandGrowth(i)
            | ParamKey::HbmContent(i) => Some(i),
            _ => None,
        }
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
            ParamKey::BaseGrowth(i) => p.segments[i].base_growth,
            ParamKey::DramGrowth(i) => p.segments[i].dram_content_growth,
            ParamKey::NandGrowth(i) => p.segments[i].nand_content_growth,
            ParamKey::HbmContent(i) => p.segments[i].hbm_gb_per_unit.unwrap_or(0.0),
            ParamKey::Horizon => f64::from(p.horizon),
            ParamKey::GrowthHalfLife => p.growth_half_life,
            ParamKey::SupplyGrowth(m) => p
                .market
                .as_ref()
                .map_or(0.0, |mk| mk.memory(m).supply_growth),
            ParamKey::ProductionCut(m) => p
                .market
                .as_ref()
                .map_or(0.0, |mk| mk.memory(m).production_cut),
            ParamKey::CutStart(m) => p
                .market
                .as_ref()
                .map_or(0.0, |mk| f64::from(mk.memory(m).cut_start)),
            ParamKey::CutYears(m) => p
                .market
                .as_ref()
                .map_or(0.0, |mk| f64::from(mk.memory(m).cut_years)),
            ParamKey::PriceElasticity(m) => p
                .market
                .as_ref()
                .map_or(0.0, |mk| mk.memory(m).price_elasticity),
            ParamKey::CapacityDelay => p
                .market
                .as_ref()
                .map_or(0.0, |mk| f64::from(mk.capacity_delay)),
            ParamKey::HbmTradeRatio => p.market.as_ref().map_or(0.0, |mk| mk.hbm_trade_ratio),
        }
    }

    /// Sets the value in `p` (no range check: see [`Catalog::set`]).
    pub fn set(self, p: &mut Parameters, v: f64) {
        match self {
            ParamKey::ReplacementCycle(i) => p.segments[i].replacement_cycle = v,
            ParamKey::BaseGrowth(i) => p.segments[i].base_growth = v,
            ParamKey::DramGrowth(i) => p.segments[i].dram_content_growth = v,
            ParamKey::NandGrowth(i) => p.segments[i].nand_content_growth = v,
            ParamKey::HbmContent(i) => p.segments[i].hbm_gb_per_unit = Some(v),
            ParamKey::Horizon => p.horizon = v.round() as Year,
            ParamKey::GrowthHalfLife => p.growth_half_life = v,
            ParamKey::SupplyGrowth(m) => {
                if let Some(mp) = memory_mut(p, m) {
                    mp.supply_growth = v;
                }
            }
            ParamKey::ProductionCut(m) => {
                if let Some(mp) = memory_mut(p, m) {
                    mp.production_cut = v;
                }
            }
            ParamKey::CutStart(m) => {
                if let Some(mp) = memory_mut(p, m) {
                    mp.cut_start = v.round() as Year;
                }
            }
            ParamKey::CutYears(m) => {
                if let Some(mp) = memory_mut(p, m) {
                    mp.cut_years = v.round() as Year;
                }
            }
            ParamKey::PriceElasticity(m) => {
                if let Some(mp) = memory_mut(p, m) {
                    mp.price_elasticity = v;
                }
            }
            ParamKey::CapacityDelay => {
                if let Some(mk) = p.market.as_mut() {
                    mk.capacity_delay = v.round() as Year;
                }
            }
            ParamKey::HbmTradeRatio => {
                if let Some(mk) = p.market.as_mut() {
                    mk.hbm_trade_ratio = v;
                }
            }
        }
    }
}
