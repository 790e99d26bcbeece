//! What each parameter means and how its default is derived, in words, with the data points
//! behind it: what the explorer's `i` card shows.

use super::catalog::Catalog;
use super::key::ParamKey;
use super::spec::DefaultBasis;
use crate::data::{Dataset, Point, SegmentBody};

/// A parameter explained.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// What the parameter does in the model.
    pub meaning: String,
    /// How the default was set (from the data up to the base year, a sourced figure or a
    /// convention).
    pub derivation: String,
    /// The name of the series behind the default, when there is one.
    pub series: Option<String>,
    /// Its figures known at the base year (year, value, source id, estimate).
    pub points: Vec<Point>,
    /// Why the plausible range is what it is (the range's note in the data).
    pub range_note: Option<String>,
}

/// Explains parameter `index` of `catalog` on `data`.
pub fn explain(data: &Dataset, catalog: &Catalog, index: usize) -> Explanation {
    let spec = &catalog.specs()[index];
    let base = catalog.base_year();
    let (meaning, how): (&str, String) = match spec.key {
        ParamKey::ReplacementCycle(_) => (
            "Mean service life of a device in the first projected year; a longer cycle retires the whole installed base later.",
            "the cycle at the base year (linear between the dated points up to it) plus one year of drift".into(),
        ),
        ParamKey::CycleDrift(_) => (
            "Change of the replacement cycle per projected year (it fades with the growth half-life).",
            "the median of the dated evidence of the 6 years up to the base year (slopes between cycle points, regional survey changes) times how much that evidence agrees, mean^2 / (mean^2 + sd^2); at most 0.25 years a year".into(),
        ),
        ParamKey::AdjustmentTime(_) => (
            "Years the installed base takes to close its gap to the desired stock; each year closes 1 / tau of it.",
            "1 / (1 - rho), rho the persistence of net additions pooled over the device segments' 10 years up to the base year, within 1-4 years".into(),
        ),
        ParamKey::BaseGrowth(_) => (
            "Growth of the desired installed base in the first projected year, fading towards the segment's long-run rate.",
            "the segment's long-run rate; for a build-out, the installed base's growth over the 3 years up to the base year, less the part that came from the cycle lengthening".into(),
        ),
        ParamKey::DramGrowth(_) | ParamKey::NandGrowth(_) => (
            "Growth of memory per device (for the residual: of its bit demand) in the first projected year, fading towards the long-run rate.",
            "the long-run rate plus the premium that makes next year's total demand continue the industry's bit growth of the 3 years up to the base year".into(),
        ),
        ParamKey::HbmContent(_) => (
            "HBM per AI server in the first projected year; it then grows with DRAM per unit.",
            "the base year's HBM per unit grown by one year of DRAM content growth".into(),
        ),
        ParamKey::UnitElasticity(_) => (
            "How the year's unit shipments answer the price of memory relative to its cost trend the year before (the base year's closing price for the first projected year): units x (price / trend)^elasticity, DRAM and NAND weighted by what the device spends on each.",
            "no feedback".into(),
        ),
        ParamKey::ContentElasticity(_) => (
            "How the year's memory per device answers its memory's price relative to the cost trend the year before: GB x (price / trend)^elasticity (makers ship smaller configurations when memory is dear).",
            "no feedback".into(),
        ),
        ParamKey::SupplyGrowth(_) => (
            "Planned growth of bit capacity in the first projected year, fading towards the growth of demand.",
            "growth of observed bit shipments over the 3 years up to the base year".into(),
        ),
        ParamKey::ProductionCut(_) => (
            "Share of output cut in the cut's years, on top of the slowdown stock above target causes.",
            "no cut".into(),
        ),
        ParamKey::CutStart(_) => ("First year of the production cut.", "the first projected year".into()),
        ParamKey::CutYears(_) => ("Years the production cut lasts.", "one year".into()),
        ParamKey::PriceElasticity(_) => (
            "How strongly price answers inventory cover: the indicated price is (target / cover)^(1 / elasticity) times the cost trend.",
            String::new(),
        ),
        ParamKey::CapacityDelay => ("Years from a price signal to the capacity it calls for.", String::new()),
        ParamKey::HbmTradeRatio => ("Wafer per HBM bit relative to ordinary DRAM: each HBM bit counts this many times in the DRAM balance.", String::new()),
        ParamKey::PriceAdjustment => ("Years for the price to close about two thirds of its gap to the price that inventory cover indicates (0: at once).", String::new()),
        ParamKey::GrowthHalfLife => ("Years for installed-base growth rates and cycle drift to close half their gap to the long-run values.", "a memcycle convention".into()),
        ParamKey::ContentHalfLife => ("Years for content growth to close half its gap to the long-run rates.", "a memcycle convention".into()),
        ParamKey::Horizon => ("Last projected year.", "ten years after the base year".into()),
    };
    let derivation = match &spec.default_basis {
        DefaultBasis::Explicit(src) => format!("a sourced figure: {}", cite(data, src)),
        DefaultBasis::Trend => format!("from the data up to {base}: {how}"),
        DefaultBasis::Convention => how,
    };
    let (series, points) = series_behind(data, spec.key, base);
    Explanation {
        meaning: meaning.to_owned(),
        derivation,
        series,
        points,
        range_note: data.ranges.get(&spec.id).and_then(|r| r.note.clone()),
    }
}

/// `Publisher (year)` for a source id, or the id when unknown.
pub fn cite(data: &Dataset, id: &str) -> String {
    data.sources.get(id).map_or_else(
        || id.to_owned(),
        |s| format!("{} ({})", s.publisher, s.date.get(..4).unwrap_or(&s.date)),
    )
}

/// The data series a parameter's default is read from, with its points up to `base`.
fn series_behind(data: &Dataset, key: ParamKey, base: i32) -> (Option<String>, Vec<Point>) {
    let pick = |name: String, s: &crate::data::Series| (Some(name), s.until(base).to_vec());
    match (key, key.segment().map(|i| &data.segments[i])) {
        (ParamKey::ReplacementCycle(_) | ParamKey::CycleDrift(_), Some(seg)) => match &seg.body {
            SegmentBody::Devices(d) => {
                let (name, mut points) = pick(
                    format!("{}.replacement_cycle", seg.id),
                    &d.replacement_cycle,
                );
                if let (ParamKey::CycleDrift(_), Some(c)) = (key, &d.replacement_cycle_change) {
                    points.extend(c.until(base).iter().cloned());
                }
                (name, points)
            }
            SegmentBody::Residual(_) => (None, Vec::new()),
        },
        (ParamKey::AdjustmentTime(_) | ParamKey::BaseGrowth(_), Some(seg)) => match &seg.body {
            SegmentBody::Devices(d) => pick(format!("{}.shipments", seg.id), &d.shipments),
            SegmentBody::Residual(_) => (None, Vec::new()),
        },
        (ParamKey::DramGrowth(_) | ParamKey::HbmContent(_), Some(seg)) => match &seg.body {
            SegmentBody::Devices(d) => pick(format!("{}.dram_gb", seg.id), &d.dram_gb),
            SegmentBody::Residual(r) => pick(format!("{}.dram_eb", seg.id), &r.dram_eb),
        },
        (ParamKey::NandGrowth(_), Some(seg)) => match &seg.body {
            SegmentBody::Devices(d) => pick(format!("{}.nand_gb", seg.id), &d.nand_gb),
            SegmentBody::Residual(r) => pick(format!("{}.nand_eb", seg.id), &r.nand_eb),
        },
        (ParamKey::SupplyGrowth(m), _) => match &data.market {
            Some(mk) => pick(format!("market.{}.bits", m.id()), &mk.memory(m).bits),
            None => (None, Vec::new()),
        },
        _ => (None, Vec::new()),
    }
}
