//! The history part of a projection: observed shipments run through the cohort model up to the
//! base year. It depends only on the data and the base year, so an [`super::Engine`] computes
//! it once and every slider step reuses it.

use super::cohort::Cohort;
use super::lifetime::{Lifetime, MIN_MEAN};
use super::market_history::MemoryHistory;
use super::paths::{geometric_path, linear_at};
use super::projection::{Calibration, SegmentProjection};
use crate::data::{Dataset, DeviceSegment, SegmentBody};
use crate::units::{Gigabytes, MillionUnits, PercentPerYear, Year, Years, exabytes, year_index};

/// Years of history that set a default trend (content growth, residual growth).
pub const TREND_YEARS: i32 = 5;
/// Years of history whose shipments trend sets the default installed-base growth.
pub const BASE_GROWTH_YEARS: i32 = 3;

/// What a projection needs from one segment's history.
#[derive(Debug, Clone)]
pub struct SegmentHistory {
    /// Rows from the data set's first year to the base year.
    pub rows: SegmentProjection,
    /// Device state at the base year; `None` for residuals and inactive segments.
    pub devices: Option<DeviceState>,
    /// Growth of DRAM per unit (or DRAM demand) that the path fades towards.
    pub long_run_dram_growth: PercentPerYear,
    /// Growth of NAND per unit (or NAND demand) that the path fades towards.
    pub long_run_nand_growth: PercentPerYear,
}

/// A device segment's state at the end of the base year.
#[derive(Debug, Clone)]
pub struct DeviceState {
    /// Its lifetime distribution.
    pub lifetime: Lifetime,
    /// Installed base by age.
    pub cohort: Cohort,
    /// Installed-base growth the default path fades towards.
    pub long_run_growth: PercentPerYear,
    /// The installed base at the end of the base year had the replacement cycle stayed at its
    /// value of [`BASE_GROWTH_YEARS`] before (same shipments): what the base would be without
    /// units being kept longer.
    pub base_at_constant_cycle: MillionUnits,
}

/// History of every segment up to a base year.
#[derive(Debug, Clone)]
pub struct History {
    /// First year of every row.
    pub first_year: Year,
    /// Last history year.
    pub base_year: Year,
    /// One per data-set segment.
    pub segments: Vec<SegmentHistory>,
    /// DRAM and NAND market history, when the data set has a market.
    pub market: Option<[MemoryHistory; 2]>,
    /// Observed over modelled bits in the base year.
    pub calibration: Calibration,
    /// The year in progress (its figures are estimates), when the data has one.
    pub current_year: Option<Year>,
}

/// Runs the cohort model of one device segment over its observed years from `start` to
/// `base_year`, writing shipments, retirements, installed base and content into `rows`; returns
/// the state the projection continues from.
fn device_history(
    d: &DeviceSegment,
    start: Year,
    first_year: Year,
    base_year: Year,
    rows: &mut SegmentProjection,
) -> DeviceState {
    let points = d.replacement_cycle.until(base_year);
    let cycles: Vec<Years> = (start..=base_year).map(|y| linear_at(points, y)).collect();
    let longest = cycles.iter().copied().fold(MIN_MEAN, f64::max);
    let ages = Lifetime::ages_for(d.weibull_shape.value, longest);
    // A little room for longer cycles on the sliders; beyond it the
    // lifetime computes its constants on demand.
    let lifetime = Lifetime::new(d.weibull_shape.value, ages + 4);
    let shares = lifetime.stationary_shares(cycles[0], ages);
    let mut cohort = Cohort::from_shares(d.initial_installed_base.value, &shares);
    let mut hazards = vec![0.0; ages];
    let path = |points: &[crate::data::Point]| geometric_path(points, start, base_year);
    let dram = path(d.dram_gb.until(base_year));
    let nand = path(d.nand_gb.until(base_year));
    let hbm = d.hbm_gb.as_ref().map(|h| path(h.until(base_year)));
    let mut hazards_for = f64::NAN;
    let held_from = base_year - BASE_GROWTH_YEARS;
    let mut held: Option<(Cohort, Vec<f64>)> = None;
    for (k, (year, &cycle)) in (start..=base_year).zip(&cycles).enumerate() {
        let i = year_index(first_year, year);
        // Cycles are often flat for years (after the last point): reuse.
        if cycle != hazards_for {
            lifetime.fill_hazards(cycle, &mut hazards);
            hazards_for = cycle;
        }
        let shipped = d.shipments.get(year).unwrap_or(0.0);
        if let Some((held_cohort, held_hazards)) = held.as_mut() {
            held_cohort.age_one_year(held_hazards);
            held_cohort.ship(shipped, held_hazards[0]);
        }
        let retired = cohort.age_one_year(&hazards) + cohort.ship(shipped, hazards[0]);
        if year == held_from {
            held = Some((cohort.clone(), hazards.clone()));
        }
        let content = Content {
            dram: dram[k],
            nand: nand[k],
            hbm: hbm.as_ref().map_or(0.0, |h| h[k]),
        };
        rows.set_device_year(i, shipped, retired, cohort.total(), content);
    }
    let base_at_constant_cycle = held.map_or(cohort.total(), |(c, _)| c.total());
    DeviceState {
        lifetime,
        cohort,
        long_run_growth: d.long_run_growth.value,
        base_at_constant_cycle,
    }
}

impl History {
    /// Runs the cohort model over the observed years up to `base_year`, using only figures
    /// for years up to it.
    pub fn new(data: &Dataset, base_year: Year) -> Self {
        let first_year = data.first_year();
        let len = (base_year - first_year + 1).max(0) as usize;
        let segments: Vec<SegmentHistory> = data
            .segments
            .iter()
            .map(|s| {
                let mut rows = SegmentProjection {
                    id: s.id.clone(),
                    label: s.label.clone(),
                    start_year: (s.first_year() <= base_year).then(|| s.first_year()),
                    has_units: s.devices().is_some(),
                    ..SegmentProjection::default()
                }
                .extended(len);
                let devices = match (&s.body, rows.start_year) {
                    (SegmentBody::Devices(d), Some(start)) => {
                        Some(device_history(d, start, first_year, base_year, &mut rows))
                    }
                    (SegmentBody::Residual(r), Some(start)) => {
                        let from = year_index(first_year, start);
                        let dram = geometric_path(r.dram_eb.until(base_year), start, base_year);
                        let nand = geometric_path(r.nand_eb.until(base_year), start, base_year);
                        rows.dram_eb[from..].copy_from_slice(&dram);
                        rows.nand_eb[from..].copy_from_slice(&nand);
                        None
                    }
                    (_, None) => None,
                };
                SegmentHistory {
                    rows,
                    devices,
                    long_run_dram_growth: s.long_run_dram_growth.value,
                    long_run_nand_growth: s.long_run_nand_growth.value,
                }
            })
            .collect();
        let calibration = calibration(
            data,
            &segments,
            year_index(first_year, base_year),
            base_year,
        );
        Self {
            first_year,
            base_year,
            segments,
            calibration,
            current_year: data.current_year,
            market: data.market.as_ref().map(|m| {
                let max = m.max_price_vs_trend.value;
                let persistence = super::quarterly::momentum_persistence(
                    &[&m.dram.quarters, &m.nand.quarters],
                    base_year,
                );
                [
                    MemoryHistory::new(&m.dram, max, persistence, first_year, base_year),
                    MemoryHistory::new(&m.nand, max, persistence, first_year, base_year),
                ]
            }),
        }
    }

    /// Growth of a segment's installed base over the last [`BASE_GROWTH_YEARS`] history
    /// years, % per year (compound), with the part that came from units being kept longer
    /// netted out: the default desired-stock growth of a build-out. The end point is the base
    /// the same shipments would have built had the replacement cycle stayed where it was
    /// [`BASE_GROWTH_YEARS`] before; with a constant cycle it is the installed base itself.
    pub fn installed_base_trend(&self, segment: usize) -> PercentPerYear {
        let seg = &self.segments[segment];
        let rows = &seg.rows;
        let Some(start) = rows.start_year else {
            return 0.0;
        };
        let from = (self.base_year - BASE_GROWTH_YEARS).max(start);
        let at = |y: Year| rows.installed_base_m[year_index(self.first_year, y)];
        let end = seg
            .devices
            .as_ref()
            .map_or(at(self.base_year), |d| d.base_at_constant_cycle);
        super::paths::cagr_percent(at(from), end, self.base_year - from)
    }

    /// The default stock adjustment time, years, the same for every device segment: from
    /// the persistence `rho` of net additions in the history (see
    /// `net_addition_persistence`), `tau = 1 / (1 - rho)`, within
    /// `STOCK_ADJUSTMENT_BOUNDS`.
    pub fn stock_adjustment_time(&self) -> Years {
        let rho = net_addition_persistence(self, PERSISTENCE_YEARS);
        let (lo, hi) = STOCK_ADJUSTMENT_BOUNDS;
        if rho >= 1.0 - 1.0 / hi {
            hi
        } else {
            (1.0 / (1.0 - rho)).clamp(lo, hi)
        }
    }
}

/// The calibration factors at the base year: the industry's observed bits (the figure for the
/// base year, or the path through the figures up to it) over the sum of the segments.
fn calibration(
    data: &Dataset,
    segments: &[SegmentHistory],
    base: usize,
    base_year: Year,
) -> Calibration {
    let Some(m) = &data.market else {
        return Calibration::default();
    };
    let ratio = |observed: &crate::data::Series, pick: fn(&SegmentProjection) -> &Vec<f64>| {
        let model: f64 = segments
            .iter()
            .map(|s| pick(&s.rows).get(base).copied().unwrap_or(0.0))
            .sum();
        let seen = super::paths::geometric_at(observed.until(base_year), base_year);
        if model > 0.0 && seen > 0.0 {
            seen / model
        } else {
            1.0
        }
    };
    Calibration {
        dram: ratio(&m.dram.bits, |r| &r.dram_eb),
        nand: ratio(&m.nand.bits, |r| &r.nand_eb),
    }
}

/// Years of history whose net additions set the default stock adjustment time.
pub const PERSISTENCE_YEARS: Year = 10;
/// The stock adjustment time's default stays within these years.
pub const STOCK_ADJUSTMENT_BOUNDS: (Years, Years) = (1.0, 4.0);

/// How much of a year's net additions (shipments minus retirements, as a share of the
/// installed base, less the segment's mean over the window) carries into the next year: the
/// least-squares AR(1) coefficient pooled over every device segment's last `years` history
/// years (segments with fewer than three such years are left out; zero when none is left).
/// Partial adjustment towards a slowly moving desired stock gives `rho = 1 - 1 / tau`.
pub fn net_addition_persistence(h: &History, years: Year) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    for seg in h.segments.iter().filter(|s| s.devices.is_some()) {
        let Some(start) = seg.rows.start_year else {
            continue;
        };
        let from = (h.base_year - years).max(start + 1);
        let rates: Vec<f64> = (from..=h.base_year)
            .filter_map(|y| {
                let i = year_index(h.first_year, y);
                let before = seg.rows.installed_base_m[i.checked_sub(1)?];
                (before > 0.0).then(|| seg.rows.growth_m[i] / before)
            })
            .collect();
        if rates.len() < 3 {
            continue;
        }
        let mean = rates.iter().sum::<f64>() / rates.len() as f64;
        for w in rates.windows(2) {
            num += (w[1] - mean) * (w[0] - mean);
            den += (w[0] - mean).powi(2);
        }
    }
    if den > 0.0 { (num / den).max(0.0) } else { 0.0 }
}

/// Memory per unit in one year.
#[derive(Debug, Clone, Copy)]
pub struct Content {
    /// DRAM including HBM.
    pub dram: Gigabytes,
    /// NAND.
    pub nand: Gigabytes,
    /// HBM.
    pub hbm: Gigabytes,
}

impl SegmentProjection {
    /// A copy with every yearly vector extended with zeros to `len` years, allocated once.
    pub(crate) fn extended(&self, len: usize) -> Self {
        let grow = |v: &Vec<f64>| {
            let mut out = Vec::with_capacity(len.max(v.len()));
            out.extend_from_slice(v);
            out.resize(len.max(v.len()), 0.0);
            out
        };
        Self {
            id: self.id.clone(),
            label: self.label.clone(),
            start_year: self.start_year,
            has_units: self.has_units,
            shipments_m: grow(&self.shipments_m),
            replacement_m: grow(&self.replacement_m),
            growth_m: grow(&self.growth_m),
            installed_base_m: grow(&self.installed_base_m),
            dram_gb_per_unit: grow(&self.dram_gb_per_unit),
            hbm_gb_per_unit: grow(&self.hbm_gb_per_unit),
            nand_gb_per_unit: grow(&self.nand_gb_per_unit),
            dram_eb: grow(&self.dram_eb),
            hbm_eb: grow(&self.hbm_eb),
            nand_eb: grow(&self.nand_eb),
        }
    }

    /// Records one year of a device segment.
    pub(crate) fn set_device_year(
        &mut self,
        i: usize,
        shipped: MillionUnits,
        retired: MillionUnits,
        installed: MillionUnits,
        c: Content,
    ) {
        self.shipments_m[i] = shipped;
        self.replacement_m[i] = retired;
        self.growth_m[i] = shipped - retired;
        self.installed_base_m[i] = installed;
        self.dram_gb_per_unit[i] = c.dram;
        self.nand_gb_per_unit[i] = c.nand;
        self.hbm_gb_per_unit[i] = c.hbm;
        self.dram_eb[i] = exabytes(shipped, c.dram);
        self.nand_eb[i] = exabytes(shipped, c.nand);
        self.hbm_eb[i] = exabytes(shipped, c.hbm);
    }
}
