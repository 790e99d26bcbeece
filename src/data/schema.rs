//! The on-disk schema of `devices.toml`: serde types that mirror the TOML exactly, with spans
//! kept so that validation can point at the line and column of every figure.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use toml::Spanned;

/// The whole `devices.toml` file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DevicesFile {
    /// Title and notes of the data set.
    pub dataset: DatasetInfo,
    /// Citations, by id.
    #[serde(default)]
    pub sources: BTreeMap<Spanned<String>, SourceEntry>,
    /// Device segments and the residual, in display order.
    #[serde(default)]
    pub segment: Vec<Spanned<SegmentEntry>>,
    /// Parameter ranges (and optional explicit defaults), keyed by parameter id.
    #[serde(default)]
    pub params: BTreeMap<Spanned<String>, Spanned<RangeEntry>>,
}

/// `[dataset]`: what the data set is.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetInfo {
    /// Shown in the UI and in `check`.
    pub title: String,
    /// Free text.
    #[serde(default)]
    pub note: Option<String>,
    /// The year in progress: its figures are estimates published during the year, and the
    /// default base year is the year before.
    #[serde(default)]
    pub current_year: Option<Spanned<i64>>,
}

/// `[sources.<id>]`: one citation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    /// Who published the figure (with the outlet for secondary copies).
    pub publisher: Spanned<String>,
    /// Report, release or page title.
    pub title: Spanned<String>,
    /// Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Spanned<String>,
    /// Where it can be read.
    #[serde(default)]
    pub url: Option<String>,
}

/// `[[segment]]`: a device segment (shipments, lifetime, memory per unit) or a residual
/// (bit demand given directly).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentEntry {
    /// Stable id used in parameter ids (`smartphone`).
    pub id: Spanned<String>,
    /// Display label, any language.
    pub label: Spanned<String>,
    /// `devices` (default) or `residual`.
    #[serde(default)]
    pub kind: Option<Spanned<String>>,
    /// Free text shown in the UI.
    #[serde(default)]
    pub description: Option<String>,
    /// Annual shipments, million units (devices).
    #[serde(default)]
    pub shipments: Option<Spanned<SeriesEntry>>,
    /// Mean replacement cycle, years, as history points (devices).
    #[serde(default)]
    pub replacement_cycle: Option<Spanned<SeriesEntry>>,
    /// Dated evidence of how fast the replacement cycle was changing, years per year
    /// (devices, optional): regional surveys whose levels differ from the global series.
    #[serde(default)]
    pub replacement_cycle_change: Option<Spanned<SeriesEntry>>,
    /// Weibull shape of retirement ages (devices).
    #[serde(default)]
    pub weibull_shape: Option<Spanned<ScalarEntry>>,
    /// Units in use at the end of the year before the first shipments year (devices).
    #[serde(default)]
    pub initial_installed_base: Option<Spanned<ScalarEntry>>,
    /// Installed-base growth the default path fades towards, % per year (devices).
    #[serde(default)]
    pub long_run_growth: Option<Spanned<ScalarEntry>>,
    /// Whether the segment is being built out (devices): its desired installed base follows
    /// its recent growth rather than the long-run rate.
    #[serde(default)]
    pub build_out: Option<bool>,
    /// How unit shipments answer the memory price relative to its trend, d ln units /
    /// d ln price (devices, optional, <= 0; 0 when absent).
    #[serde(default)]
    pub unit_price_elasticity: Option<Spanned<ScalarEntry>>,
    /// How memory per unit answers the memory price relative to its trend, d ln GB per unit /
    /// d ln price (devices, optional, <= 0; 0 when absent).
    #[serde(default)]
    pub content_price_elasticity: Option<Spanned<ScalarEntry>>,
    /// Growth of DRAM per unit (or of DRAM demand, for a residual) that the default path fades
    /// towards, % per year.
    #[serde(default)]
    pub long_run_dram_growth: Option<Spanned<ScalarEntry>>,
    /// Growth of NAND per unit (or of NAND demand) that the default path fades towards.
    #[serde(default)]
    pub long_run_nand_growth: Option<Spanned<ScalarEntry>>,
    /// DRAM per unit shipped, GB (devices). Includes HBM when `hbm_gb` is given.
    #[serde(default)]
    pub dram_gb: Option<Spanned<SeriesEntry>>,
    /// Of which HBM per unit shipped, GB (devices, optional).
    #[serde(default)]
    pub hbm_gb: Option<Spanned<SeriesEntry>>,
    /// NAND per unit shipped, GB (devices).
    #[serde(default)]
    pub nand_gb: Option<Spanned<SeriesEntry>>,
    /// DRAM bit demand, EB (residual).
    #[serde(default)]
    pub dram_eb: Option<Spanned<SeriesEntry>>,
    /// NAND bit demand, EB (residual).
    #[serde(default)]
    pub nand_eb: Option<Spanned<SeriesEntry>>,
}

/// The whole `supply.toml` file: the memory market.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupplyFile {
    /// Citations, by id (ids are shared with `devices.toml`).
    #[serde(default)]
    pub sources: BTreeMap<Spanned<String>, SourceEntry>,
    /// The market tables.
    pub market: Spanned<MarketEntry>,
    /// Known history (production cuts, recoveries), for reference.
    #[serde(default)]
    pub event: Vec<EventEntry>,
    /// Parameter ranges, keyed by parameter id.
    #[serde(default)]
    pub params: BTreeMap<Spanned<String>, Spanned<RangeEntry>>,
}

/// `[market]`: figures shared by DRAM and NAND, and one table per memory.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketEntry {
    /// Wafer per HBM bit relative to ordinary DRAM.
    pub hbm_trade_ratio: Spanned<ScalarEntry>,
    /// Years for the price to close most of its gap to the indicated price.
    pub price_adjustment_time: Spanned<ScalarEntry>,
    /// The multiple of its cost trend the price approaches as cover runs out (and its inverse
    /// as stock piles up).
    pub max_price_vs_trend: Spanned<ScalarEntry>,
    /// Years from an investment decision to output.
    pub capacity_delay: Spanned<ScalarEntry>,
    /// DRAM.
    pub dram: Spanned<MemoryEntry>,
    /// NAND.
    pub nand: Spanned<MemoryEntry>,
}

/// `[market.dram]` / `[market.nand]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemoryEntry {
    /// Display label.
    pub label: Spanned<String>,
    /// Industry bit shipments, EB.
    pub bits: Spanned<SeriesEntry>,
    /// Industry revenue, USD billion.
    pub revenue: Spanned<SeriesEntry>,
    /// Sufficiency ratio (supply - demand) / demand, %.
    pub sufficiency: Spanned<SeriesEntry>,
    /// Supplier inventory, weeks of demand.
    pub inventory_weeks: Spanned<SeriesEntry>,
    /// Normal (target) supplier inventory, weeks.
    pub target_inventory_weeks: Spanned<ScalarEntry>,
    /// Price elasticity of demand (magnitude).
    pub price_elasticity: Spanned<ScalarEntry>,
    /// Extra capacity growth, in points, when the price is twice its cost trend.
    pub capacity_response: Spanned<ScalarEntry>,
    /// Share of the cover in excess of target by which suppliers slow their fabs.
    pub utilisation_response: Spanned<ScalarEntry>,
    /// `[[market.<memory>.quarter]]`: quarterly figures, in time order.
    #[serde(default)]
    pub quarter: Vec<Spanned<QuarterEntry>>,
}

/// `[[market.<memory>.quarter]]`: one calendar quarter's published figures, each optional.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuarterEntry {
    /// `YYYYQn`.
    pub q: Spanned<String>,
    /// Industry revenue, USD billion.
    #[serde(default)]
    pub revenue: Option<Spanned<FigureEntry>>,
    /// Revenue change on the quarter before, %.
    #[serde(default)]
    pub revenue_change: Option<Spanned<FigureEntry>>,
    /// Contract price or ASP change on the quarter before, %.
    #[serde(default)]
    pub price_change: Option<Spanned<FigureEntry>>,
    /// Bit shipment change on the quarter before, %.
    #[serde(default)]
    pub bits_change: Option<Spanned<FigureEntry>>,
    /// Supplier inventory at the end of the quarter, weeks.
    #[serde(default)]
    pub inventory_weeks: Option<Spanned<FigureEntry>>,
    /// Free text.
    #[serde(default)]
    pub note: Option<String>,
}

/// `[[event]]`: a dated event of the market's history.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventEntry {
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY-Qn`.
    pub date: Spanned<String>,
    /// `dram`, `nand` or `both`.
    pub memory: Spanned<String>,
    /// Who.
    pub company: String,
    /// What happened.
    pub what: String,
    /// Source id.
    pub source: Spanned<String>,
}

/// A series of yearly figures with its unit and source.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesEntry {
    /// Unit of every value (`million units`, `years`, `GB`, `EB`).
    #[serde(default)]
    pub unit: Option<Spanned<String>>,
    /// Source id used by every point that names none.
    #[serde(default)]
    pub source: Option<Spanned<String>>,
    /// Marks every point as an estimate.
    #[serde(default)]
    pub estimate: bool,
    /// Free text.
    #[serde(default)]
    pub note: Option<String>,
    /// Year -> figure.
    pub values: BTreeMap<Spanned<String>, Spanned<FigureEntry>>,
}

/// A single figure with its unit and source (a shape, an initial installed base).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScalarEntry {
    /// The figure.
    pub value: Spanned<f64>,
    /// Its unit.
    #[serde(default)]
    pub unit: Option<Spanned<String>>,
    /// Source id.
    #[serde(default)]
    pub source: Option<Spanned<String>>,
    /// An estimate rather than a published figure.
    #[serde(default)]
    pub estimate: bool,
    /// Free text.
    #[serde(default)]
    pub note: Option<String>,
}

/// `[params."<id>"]`: the range of a parameter and, optionally, an explicit default.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RangeEntry {
    /// Lowest value a slider reaches.
    pub min: Spanned<f64>,
    /// Highest value a slider reaches.
    pub max: Spanned<f64>,
    /// Slider step.
    pub step: Spanned<f64>,
    /// Low end of the plausible range.
    pub low: Spanned<f64>,
    /// High end of the plausible range.
    pub high: Spanned<f64>,
    /// Explicit default; when absent the default is derived from the data.
    #[serde(default)]
    pub default: Option<Spanned<f64>>,
    /// Source id for an explicit default or for the range.
    #[serde(default)]
    pub source: Option<Spanned<String>>,
    /// Free text.
    #[serde(default)]
    pub note: Option<String>,
}

/// One figure in a series: a bare number, or `{ value, source, estimate, note }`.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureEntry {
    /// The figure.
    pub value: f64,
    /// Source id, when it differs from the series'.
    pub source: Option<String>,
    /// An estimate rather than a published figure.
    pub estimate: bool,
    /// Free text.
    pub note: Option<String>,
}

impl<'de> Deserialize<'de> for FigureEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FigureVisitor)
    }
}

struct FigureVisitor;

impl FigureVisitor {
    fn bare(value: f64) -> FigureEntry {
        FigureEntry {
            value,
            source: None,
            estimate: false,
            note: None,
        }
    }
}

impl<'de> Visitor<'de> for FigureVisitor {
    type Value = FigureEntry;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "a number or a table { value = <number>, source = \"<id>\", estimate = <bool> }",
        )
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Self::bare(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Self::bare(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Self::bare(v as f64))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut figure = Self::bare(f64::NAN);
        let mut has_value = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "value" => {
                    figure.value = map.next_value()?;
                    has_value = true;
                }
                "source" => figure.source = Some(map.next_value()?),
                "estimate" => figure.estimate = map.next_value()?,
                "note" => figure.note = Some(map.next_value()?),
                other => {
                    return Err(de::Error::unknown_field(
                        other,
                        &["value", "source", "estimate", "note"],
                    ));
                }
            }
        }
        if !has_value {
            return Err(de::Error::missing_field("value"));
        }
        Ok(figure)
    }
}
