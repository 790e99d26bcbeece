//! The validated, resolved data set the model runs on.

use crate::units::Year;
use std::collections::BTreeMap;

/// Where in which file an item was written, for errors found after loading.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// File as named to the user.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// A citation.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Id used by figures.
    pub id: String,
    /// Publisher (with the outlet for secondary copies).
    pub publisher: String,
    /// Report or release title.
    pub title: String,
    /// Publication date as written.
    pub date: String,
    /// Where it can be read.
    pub url: Option<String>,
}

/// One yearly figure with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Year the figure is for.
    pub year: Year,
    /// The figure, in the series' unit.
    pub value: f64,
    /// Source id.
    pub source: String,
    /// An estimate rather than a published figure.
    pub estimate: bool,
}

/// Yearly figures of one quantity, sorted by year.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Unit of every value.
    pub unit: String,
    /// The figures, in year order, at most one per year.
    pub points: Vec<Point>,
    /// Notes on the series (control characters removed).
    pub note: Option<String>,
}

impl Series {
    /// First year with a figure.
    pub fn first_year(&self) -> Year {
        self.points.first().map_or(0, |p| p.year)
    }

    /// Last year with a figure.
    pub fn last_year(&self) -> Year {
        self.points.last().map_or(0, |p| p.year)
    }

    /// The figure for `year`, if the series has one.
    pub fn get(&self, year: Year) -> Option<f64> {
        self.points
            .binary_search_by_key(&year, |p| p.year)
            .ok()
            .map(|i| self.points[i].value)
    }

    /// The points up to and including `year` (what was knowable at the end of that year).
    pub fn until(&self, year: Year) -> &[Point] {
        let end = self.points.partition_point(|p| p.year <= year);
        &self.points[..end]
    }
}

/// A single sourced figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The figure.
    pub value: f64,
    /// Source id.
    pub source: String,
    /// An estimate rather than a published figure.
    pub estimate: bool,
    /// Notes on the figure.
    pub note: Option<String>,
}

/// What drives a segment's memory demand.
#[derive(Debug, Clone, PartialEq)]
pub enum SegmentBody {
    /// Devices shipped, retired and holding memory.
    Devices(Box<DeviceSegment>),
    /// Bit demand given directly (graphics, consumer, automotive, industrial, ...).
    Residual(ResidualSegment),
}

/// Data of a device segment.
#[derive(Debug, Clone, PartialEq)]
pub struct DeviceSegment {
    /// Shipments, million units, one figure per year without gaps.
    pub shipments: Series,
    /// Mean replacement cycle, years, as history points (interpolated linearly).
    pub replacement_cycle: Series,
    /// Dated evidence of the cycle's change, years per year (empty when none is given).
    pub replacement_cycle_change: Option<Series>,
    /// Weibull shape of the retirement-age distribution.
    pub weibull_shape: Figure,
    /// Units in use at the end of the year before the first shipments year, million.
    pub initial_installed_base: Figure,
    /// Installed-base growth the default path fades towards, % per year.
    pub long_run_growth: Figure,
    /// Being built out: the default desired-stock growth is the recent installed-base growth
    /// rather than the long-run rate.
    pub build_out: bool,
    /// DRAM per unit shipped, GB (including HBM), history points (interpolated geometrically).
    pub dram_gb: Series,
    /// Of which HBM per unit, GB, when the segment carries HBM.
    pub hbm_gb: Option<Series>,
    /// NAND per unit shipped, GB, history points (interpolated geometrically).
    pub nand_gb: Series,
    /// d ln units / d ln (memory price over its trend), <= 0, when the data gives one.
    pub unit_price_elasticity: Option<Figure>,
    /// d ln GB per unit / d ln (memory price over its trend), <= 0, when the data gives one.
    pub content_price_elasticity: Option<Figure>,
}

/// Data of a residual segment.
#[derive(Debug, Clone, PartialEq)]
pub struct ResidualSegment {
    /// DRAM bit demand, EB.
    pub dram_eb: Series,
    /// NAND bit demand, EB.
    pub nand_eb: Series,
}

/// A segment of the market.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Stable id (`smartphone`).
    pub id: String,
    /// Display label, control characters removed.
    pub label: String,
    /// Free text, control characters removed.
    pub description: String,
    /// Growth of DRAM per unit (or DRAM demand, for a residual) that growth fades towards,
    /// % per year.
    pub long_run_dram_growth: Figure,
    /// Growth of NAND per unit (or NAND demand) that growth fades towards, % per year.
    pub long_run_nand_growth: Figure,
    /// Its data.
    pub body: SegmentBody,
}

impl Segment {
    /// The device data, for device segments.
    pub fn devices(&self) -> Option<&DeviceSegment> {
        match &self.body {
            SegmentBody::Devices(d) => Some(d),
            SegmentBody::Residual(_) => None,
        }
    }

    /// First year the segment has figures for.
    pub fn first_year(&self) -> Year {
        match &self.body {
            SegmentBody::Devices(d) => d.shipments.first_year(),
            SegmentBody::Residual(r) => r.dram_eb.first_year().min(r.nand_eb.first_year()),
        }
    }

    /// Last year with observed figures.
    pub fn last_year(&self) -> Year {
        match &self.body {
            SegmentBody::Devices(d) => d.shipments.last_year(),
            SegmentBody::Residual(r) => r.dram_eb.last_year().min(r.nand_eb.last_year()),
        }
    }
}

/// The range (and optional explicit default) of one parameter, as written in the data.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamRange {
    /// Lowest value.
    pub min: f64,
    /// Highest value.
    pub max: f64,
    /// Slider step.
    pub step: f64,
    /// Low end of the plausible range.
    pub low: f64,
    /// High end of the plausible range.
    pub high: f64,
    /// Explicit default, overriding the one derived from the data.
    pub default: Option<f64>,
    /// Source id of the default or range.
    pub source: Option<String>,
    /// Notes on the range.
    pub note: Option<String>,
    /// Where it was written.
    pub origin: Origin,
}

/// Industry-wide bit demand that the model's history is checked against.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IndustryTotals {
    /// DRAM bit demand, EB.
    pub dram_eb: Option<Series>,
    /// NAND bit demand, EB.
    pub nand_eb: Option<Series>,
}

/// One memory type's market history and structural figures.
#[derive(Debug, Clone, PartialEq)]
pub struct MemoryMarket {
    /// Display label.
    pub label: String,
    /// Industry bit shipments, EB.
    pub bits: Series,
    /// Industry revenue, USD billion.
    pub revenue: Series,
    /// Sufficiency ratio, %, (supply - demand) / demand.
    pub sufficiency: Series,
    /// Supplier inventory, weeks of demand.
    pub inventory_weeks: Series,
    /// Normal supplier inventory, weeks.
    pub target_inventory_weeks: Figure,
    /// Price elasticity of demand (magnitude).
    pub price_elasticity: Figure,
    /// Extra capacity growth, points, when the price is twice its cost trend.
    pub capacity_response: Figure,
    /// Share of the cover in excess of target by which suppliers slow their fabs.
    pub utilisation_response: Figure,
    /// Quarterly figures, in time order (empty when the data has none).
    pub quarters: Vec<Quarter>,
}

/// One calendar quarter's published figures of a memory; each may be missing. The `year` of
/// every point is the quarter's year.
#[derive(Debug, Clone, PartialEq)]
pub struct Quarter {
    /// Calendar year.
    pub year: Year,
    /// 1 to 4.
    pub quarter: u8,
    /// Industry revenue, USD billion.
    pub revenue: Option<Point>,
    /// Revenue change on the quarter before, %.
    pub revenue_change: Option<Point>,
    /// Contract price or ASP change on the quarter before, %.
    pub price_change: Option<Point>,
    /// Bit shipment change on the quarter before, %.
    pub bits_change: Option<Point>,
    /// Supplier inventory at the end of the quarter, weeks.
    pub inventory_weeks: Option<Point>,
    /// Free text (price basis, derivations).
    pub note: Option<String>,
}

impl Quarter {
    /// Every figure of the quarter with its field name.
    pub fn figures(&self) -> [(&'static str, Option<&Point>); 5] {
        [
            ("revenue", self.revenue.as_ref()),
            ("revenue_change", self.revenue_change.as_ref()),
            ("price_change", self.price_change.as_ref()),
            ("bits_change", self.bits_change.as_ref()),
            ("inventory_weeks", self.inventory_weeks.as_ref()),
        ]
    }
}

/// A dated event of market history.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// As written.
    pub date: String,
    /// `dram`, `nand` or `both`.
    pub memory: String,
    /// Who.
    pub company: String,
    /// What happened.
    pub what: String,
    /// Source id.
    pub source: String,
}

/// The memory market data (`supply.toml`).
#[derive(Debug, Clone, PartialEq)]
pub struct Market {
    /// DRAM.
    pub dram: MemoryMarket,
    /// NAND.
    pub nand: MemoryMarket,
    /// Years for the price to close most of its gap to the indicated price.
    pub price_adjustment_time: Figure,
    /// The multiple of its cost trend the price approaches as cover runs out.
    pub max_price_vs_trend: Figure,
    /// Wafer per HBM bit relative to ordinary DRAM.
    pub hbm_trade_ratio: Figure,
    /// Years from an investment decision to output.
    pub capacity_delay: Figure,
    /// Known history.
    pub events: Vec<Event>,
}

/// A validated data set.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// Title shown in the UI.
    pub title: String,
    /// Notes on the data set.
    pub note: Option<String>,
    /// Citations by id.
    pub sources: BTreeMap<String, Source>,
    /// Segments in display order.
    pub segments: Vec<Segment>,
    /// Industry totals, where the data has them (the market's bit shipments).
    pub industry: IndustryTotals,
    /// The memory market (`supply.toml`), when the data set has one.
    pub market: Option<Market>,
    /// Parameter ranges by parameter id.
    pub ranges: BTreeMap<String, ParamRange>,
    /// The year in progress, if the data has figures for it: they are estimates (`est`), not
    /// scored by backtests unless asked, and the default base year is the year before.
    pub current_year: Option<Year>,
}

impl Dataset {
    /// First year any segment has figures for.
    pub fn first_year(&self) -> Year {
        self.segments
            .iter()
            .map(Segment::first_year)
            .min()
            .unwrap_or(0)
    }

    /// Last year observed for every device segment: the default base year.
    pub fn last_observed_year(&self) -> Year {
        let last = self.last_year_with_data();
        self.current_year.map_or(last, |c| last.min(c - 1))
    }

    /// The last year every device segment has a figure for, estimates of the year in progress
    /// included (the latest base year a projection can start from).
    pub fn last_year_with_data(&self) -> Year {
        self.segments
            .iter()
            .filter(|s| s.devices().is_some())
            .map(Segment::last_year)
            .min()
            .unwrap_or(0)
    }

    /// Whether the figures of `year` are estimates of the year in progress.
    pub fn is_estimate_year(&self, year: Year) -> bool {
        self.current_year.is_some_and(|c| year >= c)
    }

    /// Index of the segment with this id.
    pub fn segment_index(&self, id: &str) -> Option<usize> {
        self.segments.iter().position(|s| s.id == id)
    }
}
