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
    let mut out = Vec::new();
    for (i, s) in data.segments.iter().enumerate() {
        match &s.body {
            SegmentBody::Devices(d) => out.extend(device_parameters(data, i, s, d)),
            SegmentBody::Residual(_) => {
                out.extend(RESIDUAL.iter().map(|(field, label, unit, key)| {
                    let id = format!("{}.{field}", s.id);
                    wanted(id, label, &s.label, unit, key(i), DefaultBasis::Trend)
                }));
            }
        }
    }
    if let Some(m) = &data.market {
        out.extend(market_parameters(m));
    }
    out.extend(GLOBAL.iter().map(|(id, label, unit, key)| {
        wanted(
            (*id).into(),
            label,
            GLOBAL_GROUP,
            unit,
            *key,
            DefaultBasis::Convention,
        )
    }));
    out
}

/// A segment parameter: its id after the segment's, label, unit and key.
type SegmentRow = (
    &'static str,
    &'static str,
    &'static str,
    fn(usize) -> ParamKey,
);

/// Every device segment's parameters derived from its trend, in slider order.
const DEVICE: [SegmentRow; 6] = [
    (
        "replacement_cycle",
        "Replacement cycle",
        "years",
        ParamKey::ReplacementCycle,
    ),
    (
        "cycle_drift",
        "Cycle drift",
        "years per year",
        ParamKey::CycleDrift,
    ),
    (
        "adjustment_time",
        "Stock adjustment time",
        "years",
        ParamKey::AdjustmentTime,
    ),
    (
        "base_growth",
        "Desired-base growth",
        "% per year",
        ParamKey::BaseGrowth,
    ),
    (
        "dram_content_growth",
        "DRAM per unit growth",
        "% per year",
        ParamKey::DramGrowth,
    ),
    (
        "nand_content_growth",
        "NAND per unit growth",
        "% per year",
        ParamKey::NandGrowth,
    ),
];

/// The residual ("other") segment's parameters, derived from its trend.
const RESIDUAL: [SegmentRow; 2] = [
    (
        "dram_growth",
        "DRAM demand growth",
        "% per year",
        ParamKey::DramGrowth,
    ),
    (
        "nand_growth",
        "NAND demand growth",
        "% per year",
        ParamKey::NandGrowth,
    ),
];

/// A memory's market parameter: its id after the memory's, label, unit, key and whether the
/// trend sets it (else a convention).
type MemoryRow = (
    &'static str,
    &'static str,
    &'static str,
    fn(Memory) -> ParamKey,
    bool,
);

/// Each memory's market parameters but its price elasticity (which has a source of its own).
const MEMORY_MARKET: [MemoryRow; 4] = [
    (
        "supply_growth",
        "Bit supply growth",
        "% per year",
        ParamKey::SupplyGrowth,
        true,
    ),
    (
        "production_cut",
        "Production cut",
        "%",
        ParamKey::ProductionCut,
        false,
    ),
    ("cut_start", "Cut starts", "year", ParamKey::CutStart, false),
    ("cut_years", "Cut lasts", "years", ParamKey::CutYears, false),
];

/// Settings of the whole model, set by convention: id, label, unit and key.
const GLOBAL: [(&str, &str, &str, ParamKey); 3] = [
    (
        "growth_half_life",
        "Growth fade half-life",
        "years",
        ParamKey::GrowthHalfLife,
    ),
    (
        "content_half_life",
        "Content growth half-life",
        "years",
        ParamKey::ContentHalfLife,
    ),
    ("horizon", "Horizon", "year", ParamKey::Horizon),
];

/// The parameters of device segment `i`: the trend-derived ones, HBM content where it has HBM,
/// and its answers to memory prices where the data has a market.
fn device_parameters(
    data: &Dataset,
    i: usize,
    s: &crate::data::Segment,
    d: &crate::data::DeviceSegment,
) -> Vec<Wanted> {
    use DefaultBasis::{Convention, Trend};
    let id = |field: &str| format!("{}.{field}", s.id);
    let g = s.label.as_str();
    let mut out: Vec<Wanted> = DEVICE
        .iter()
        .map(|(field, label, unit, key)| wanted(id(field), label, g, unit, key(i), Trend))
        .collect();
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
        let basis = |f: &Option<Figure>| f.as_ref().map_or(Convention, figure);
        for (field, label, key, evidence) in [
            (
                "unit_elasticity",
                "Units vs memory price",
                ParamKey::UnitElasticity(i),
                &d.unit_price_elasticity,
            ),
            (
                "content_elasticity",
                "Memory per unit vs price",
                ParamKey::ContentElasticity(i),
                &d.content_price_elasticity,
            ),
        ] {
            out.push(wanted(id(field), label, g, "1", key, basis(evidence)));
        }
    }
    out
}

/// The market's parameters: each memory's, then the capacity delay, the HBM trade ratio and the
/// price adjustment time, each from its source.
fn market_parameters(m: &crate::data::Market) -> Vec<Wanted> {
    use DefaultBasis::{Convention, Trend};
    let mut out = Vec::new();
    for mem in Memory::ALL {
        let mm = m.memory(mem);
        let group = format!("{} market", mm.label);
        let id = |field: &str| format!("{}.{field}", mem.id());
        out.extend(
            MEMORY_MARKET
                .iter()
                .map(|(field, label, unit, key, trend)| {
                    let basis = if *trend { Trend } else { Convention };
                    wanted(id(field), label, &group, unit, key(mem), basis)
                }),
        );
        out.push(wanted(
            id("price_elasticity"),
            "Price elasticity",
            &group,
            "1",
            ParamKey::PriceElasticity(mem),
            figure(&mm.price_elasticity),
        ));
    }
    for (id, label, unit, key, f) in [
        (
            "capacity_delay",
            "Capacity delay",
            "years",
            ParamKey::CapacityDelay,
            &m.capacity_delay,
        ),
        (
            "hbm.trade_ratio",
            "HBM wafer per bit",
            "x DRAM",
            ParamKey::HbmTradeRatio,
            &m.hbm_trade_ratio,
        ),
        (
            "price_adjustment_time",
            "Price adjustment time",
            "years",
            ParamKey::PriceAdjustment,
            &m.price_adjustment_time,
        ),
    ] {
        out.push(wanted(id.into(), label, GLOBAL_GROUP, unit, key, figure(f)));
    }
    out
}
