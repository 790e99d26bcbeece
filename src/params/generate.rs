//! Which parameters a data set has: generated from its segments and market, never hard-coded
//! by segment name.

use super::key::ParamKey;
use super::spec::{DefaultBasis, GLOBAL_GROUP};
use crate::data::{Dataset, Figure, SegmentBody};
use crate::model::Memory;

/// A parameter the data set calls for, before its range is looked up.
#[derive(Debug, Clone)]
pub struct Wanted {
    /// Id (`smartphone.replacement_cycle`).
    pub id: String,
    /// Label.
    pub label: &'static str,
    /// Group shown in the slider panel.
    pub group: String,
    /// Unit.
    pub unit: &'static str,
    /// Field it moves.
    pub key: ParamKey,
    /// Where the default comes from when the range gives none.
    pub basis: DefaultBasis,
}

fn wanted(
    id: String,
    label: &'static str,
    group: &str,
    unit: &'static str,
    key: ParamKey,
    basis: DefaultBasis,
) -> Wanted {
    Wanted {
        id,
        label,
        group: group.to_owned(),
        unit,
        key,
        basis,
    }
}

fn figure(f: &Figure) -> DefaultBasis {
    DefaultBasis::Explicit(f.source.clone())
}

/// Every parameter of `data`: per segment, then the markets, then global ones.
pub fn parameters(data: &Dataset) -> Vec<Wanted> {
    use DefaultBasis::{Convention, Trend};
    let mut out = Vec::new();
    for (i, s) in data.segments.iter().enumerate() {
        let id = |field: &str| format!("{}.{field}", s.id);
        let g = s.label.as_str();
        match &s.body {
            SegmentBody::Devices(d) => {
                out.push(wanted(
                    id("replacement_cycle"),
                    "Replacement cycle",
                    g,
                    "years",
                    ParamKey::ReplacementCycle(i),
                    Trend,
                ));
                out.push(wanted(
                    id("cycle_drift"),
                    "Cycle drift",
                    g,
                    "years per year",
                    ParamKey::CycleDrift(i),
                    Trend,
                ));
                out.push(wanted(
                    id("adjustment_time"),
                    "Stock adjustment time",
                    g,
                    "years",
                    ParamKey::AdjustmentTime(i),
                    Trend,
                ));
                out.push(wanted(
                    id("base_growth"),
                    "Desired-base growth",
                    g,
                    "% per year",
                    ParamKey::BaseGrowth(i),
                    Trend,
                ));
                out.push(wanted(
                    id("dram_content_growth"),
                    "DRAM per unit growth",
                    g,
                    "% per year",
                    ParamKey::DramGrowth(i),
                    Trend,
                ));
                out.push(wanted(
                    id("nand_content_growth"),
                    "NAND per unit growth",
                    g,
                    "% per year",
                    ParamKey::NandGrowth(i),
                    Trend,
                ));
                if d.hbm_gb.is_some() {
                    out.push(wanted(
                        id("hbm_gb_per_unit"),
                        "HBM per unit",
                        g,
                        "GB",
                        ParamKey::HbmContent(i),
                        Trend,
                    ));
                }
                if data.market.is_some() {
                    let basis =
                        |f: &Option<crate::data::Figure>| f.as_ref().map_or(Convention, figure);
                    out.push(wanted(
                        id("unit_elasticity"),
                        "Units vs memory price",
                        g,
                        "1",
                        ParamKey::UnitElasticity(i),
                        basis(&d.unit_price_elasticity),
                    ));
                    out.push(wanted(
                        id("content_elasticity"),
                        "Memory per unit vs price",
                        g,
                        "1",
                        ParamKey::ContentElasticity(i),
                        basis(&d.content_price_elasticity),
                    ));
                }
            }
            SegmentBody::Residual(_) => {
                out.push(wanted(
                    id("dram_growth"),
                    "DRAM demand growth",
                    g,
                    "% per year",
                    ParamKey::DramGrowth(i),
                    Trend,
                ));
                out.push(wanted(
                    id("nand_growth"),
                    "NAND demand growth",
                    g,
                    "% per year",
                    ParamKey::NandGrowth(i),
                    Trend,
                ));
            }
        }
    }
    if let Some(m) = &data.market {
        for mem in Memory::ALL {
            let mm = m.memory(mem);
            let group = format!("{} market", mm.label);
            let id = |field: &str| format!("{}.{field}", mem.id());
            out.push(wanted(
                id("supply_growth"),
                "Bit supply growth",
                &group,
                "% per year",
                ParamKey::SupplyGrowth(mem),
                Trend,
            ));
            out.push(wanted(
                id("production_cut"),
                "Production cut",
                &group,
                "%",
                ParamKey::ProductionCut(mem),
                Convention,
            ));
            out.push(wanted(
                id("cut_start"),
                "Cut starts",
                &group,
                "year",
                ParamKey::CutStart(mem),
                Convention,
            ));
            out.push(wanted(
                id("cut_years"),
                "Cut lasts",
                &group,
                "years",
                ParamKey::CutYears(mem),
                Convention,
            ));
            out.push(wanted(
                id("price_elasticity"),
                "Price elasticity",
                &group,
                "1",
                ParamKey::PriceElasticity(mem),
                figure(&mm.price_elasticity),
            ));
        }
        out.push(wanted(
            "capacity_delay".into(),
            "Capacity delay",
            GLOBAL_GROUP,
            "years",
            ParamKey::CapacityDelay,
            figure(&m.capacity_delay),
        ));
        out.push(wanted(
            "hbm.trade_ratio".into(),
            "HBM wafer per bit",
            GLOBAL_GROUP,
            "x DRAM",
            ParamKey::HbmTradeRatio,
            figure(&m.hbm_trade_ratio),
        ));
        out.push(wanted(
            "price_adjustment_time".into(),
            "Price adjustment time",
            GLOBAL_GROUP,
            "years",
            ParamKey::PriceAdjustment,
            figure(&m.price_adjustment_time),
        ));
    }
    out.push(wanted(
        "growth_half_life".into(),
        "Growth fade half-life",
        GLOBAL_GROUP,
        "years",
        ParamKey::GrowthHalfLife,
        Convention,
    ));
    out.push(wanted(
        "content_half_life".into(),
        "Content growth half-life",
        GLOBAL_GROUP,
        "years",
        ParamKey::ContentHalfLife,
        Convention,
    ));
    out.push(wanted(
        "horizon".into(),
        "Horizon",
        GLOBAL_GROUP,
        "year",
        ParamKey::Horizon,
        Convention,
    ));
    out
}
