//! The result of a projection: per segment and year, units, installed base and memory demand.

use super::market::MarketProjection;
use crate::units::{Exabytes, Gigabytes, MillionUnits, Year, year_index};

/// Whether a year was observed or projected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Up to and including the base year.
    History,
    /// After the base year.
    Projection,
}

impl Period {
    /// `history` or `projection`.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::History => "history",
            Period::Projection => "projection",
        }
    }
}

/// One segment's yearly figures. Every vector has one entry per year of the projection, from
/// [`Projection::first_year`]; years before the segment starts hold zeros.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SegmentProjection {
    /// Segment id.
    pub id: String,
    /// Display label.
    pub label: String,
    /// First year with figures (zeros before); `None` when the segment has no data up to the
    /// base year and so takes no part.
    pub start_year: Option<Year>,
    /// Whether the segment counts devices (false for a residual: unit columns are empty).
    pub has_units: bool,
    /// Units shipped.
    pub shipments_m: Vec<MillionUnits>,
    /// Units retired (the replacement part of shipments).
    pub replacement_m: Vec<MillionUnits>,
    /// Shipments minus retirements.
    pub growth_m: Vec<MillionUnits>,
    /// Units in use at the end of the year.
    pub installed_base_m: Vec<MillionUnits>,
    /// DRAM per unit shipped (including HBM).
    pub dram_gb_per_unit: Vec<Gigabytes>,
    /// Of which HBM.
    pub hbm_gb_per_unit: Vec<Gigabytes>,
    /// NAND per unit shipped.
    pub nand_gb_per_unit: Vec<Gigabytes>,
    /// DRAM bit demand (including HBM).
    pub dram_eb: Vec<Exabytes>,
    /// Of which HBM.
    pub hbm_eb: Vec<Exabytes>,
    /// NAND bit demand.
    pub nand_eb: Vec<Exabytes>,
}

impl SegmentProjection {
    /// Bit demand of `memory` by year (HBM within DRAM).
    pub fn eb(&self, memory: super::Memory) -> &[Exabytes] {
        match memory {
            super::Memory::Dram => &self.dram_eb,
            super::Memory::Nand => &self.nand_eb,
        }
    }
}

impl SegmentProjection {
    /// Multiplies the bit demand of every year by the calibration factors.
    pub fn scale_demand(&mut self, c: Calibration) {
        for (v, k) in [
            (&mut self.dram_eb, c.dram),
            (&mut self.hbm_eb, c.dram),
            (&mut self.nand_eb, c.nand),
        ] {
            if k != 1.0 {
                v.iter_mut().for_each(|x| *x *= k);
            }
        }
    }

    /// Multiplies the bit demand of row `i` by the calibration factors.
    pub fn scale_demand_row(&mut self, i: usize, c: Calibration) {
        for (v, k) in [
            (&mut self.dram_eb, c.dram),
            (&mut self.hbm_eb, c.dram),
            (&mut self.nand_eb, c.nand),
        ] {
            if let Some(x) = v.get_mut(i) {
                *x *= k;
            }
        }
    }

    /// Whether the segment has figures for `year`.
    pub fn covers(&self, year: Year) -> bool {
        self.start_year.is_some_and(|s| year >= s)
    }
}

/// Yearly figures for every segment, and totals.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Projection {
    /// First year of every vector.
    pub first_year: Year,
    /// Last history year.
    pub base_year: Year,
    /// Last projected year.
    pub horizon: Year,
    /// Segments in data order.
    pub segments: Vec<SegmentProjection>,
    /// Total DRAM bit demand.
    pub total_dram_eb: Vec<Exabytes>,
    /// Total HBM bit demand (part of DRAM).
    pub total_hbm_eb: Vec<Exabytes>,
    /// Total NAND bit demand.
    pub total_nand_eb: Vec<Exabytes>,
    /// Supply, balance and price, when the data set has a market.
    pub market: Option<MarketProjection>,
    /// Factors every segment's bit demand was multiplied by so that the base year matches
    /// the observed industry totals.
    pub calibration: Calibration,
    /// The year in progress, whose figures are estimates (`est`), when the data has one.
    pub current_year: Option<Year>,
    /// The industry's DRAM bits in history years where the data has a figure (`None` in other
    /// years and after the base year).
    pub observed_dram_eb: Vec<Option<Exabytes>>,
    /// The industry's NAND bits, likewise.
    pub observed_nand_eb: Vec<Option<Exabytes>>,
}

/// Where a reported total comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The industry's figure from the data (a history year).
    Observed,
    /// An estimate published during the year in progress (a history year when the projection
    /// starts from it).
    Estimate,
    /// The model's reconstruction of a history year the data has no figure for.
    Model,
    /// A projected year.
    Projected,
}

impl Basis {
    /// `observed`, `model` or `projection` (CSV and JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Observed => "observed",
            Basis::Estimate => "estimate",
            Basis::Model => "model",
            Basis::Projected => "projection",
        }
    }

    /// The short row label of tables: `obs`, `model` or `proj`.
    pub fn label(self) -> &'static str {
        match self {
            Basis::Observed => "obs",
            Basis::Estimate => "est",
            Basis::Model => "model",
            Basis::Projected => "proj",
        }
    }
}

/// Observed industry bits over the device model's bits in the base year, per memory; demand
/// in every year is multiplied by them (1 where the data has no industry totals).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calibration {
    /// DRAM (and HBM).
    pub dram: f64,
    /// NAND.
    pub nand: f64,
}

impl Default for Calibration {
    fn default() -> Self {
        Self {
            dram: 1.0,
            nand: 1.0,
        }
    }
}

impl Projection {
    /// Every year covered, in order.
    pub fn years(&self) -> std::ops::RangeInclusive<Year> {
        self.first_year..=self.horizon
    }

    /// Index of `year` in the vectors, if covered.
    pub fn index(&self, year: Year) -> Option<usize> {
        (self.first_year..=self.horizon)
            .contains(&year)
            .then(|| year_index(self.first_year, year))
    }

    /// History or projection.
    pub fn period(&self, year: Year) -> Period {
        if year <= self.base_year {
            Period::History
        } else {
            Period::Projection
        }
    }

    /// `history to 2025`, or `history to 2026 (2026: estimates)` when the history ends in the
    /// year in progress.
    pub fn history_label(&self) -> String {
        match self.current_year {
            Some(c) if c <= self.base_year => {
                let years = if c == self.base_year {
                    c.to_string()
                } else {
                    format!("{c}-{}", self.base_year)
                };
                format!("history to {} ({years}: estimates)", self.base_year)
            }
            _ => format!("history to {}", self.base_year),
        }
    }

    /// Number of years covered.
    pub fn len(&self) -> usize {
        self.total_dram_eb.len()
    }

    /// Whether no year is covered.
    pub fn is_empty(&self) -> bool {
        self.total_dram_eb.is_empty()
    }

    /// The observed history bits of `memory`.
    pub fn observed_eb(&self, memory: super::Memory) -> &[Option<Exabytes>] {
        match memory {
            super::Memory::Dram => &self.observed_dram_eb,
            super::Memory::Nand => &self.observed_nand_eb,
        }
    }

    /// `memory`'s total bits as reported in year index `i`: the industry's figure in history
    /// years where the data has one, the model's total otherwise (the two agree in the base
    /// year, by calibration).
    pub fn reported_eb(&self, memory: super::Memory, i: usize) -> Exabytes {
        reported(self.observed_eb(memory), self.total_eb(memory), i)
    }

    /// `memory`'s total bit demand by year (the model's, history included).
    pub fn total_eb(&self, memory: super::Memory) -> &[Exabytes] {
        match memory {
            super::Memory::Dram => &self.total_dram_eb,
            super::Memory::Nand => &self.total_nand_eb,
        }
    }

    /// Every year's reported total of `memory`.
    pub fn reported_series(&self, memory: super::Memory) -> Vec<Exabytes> {
        (0..self.len())
            .map(|i| self.reported_eb(memory, i))
            .collect()
    }

    /// Where the totals of year index `i` come from: observed only when both memories'
    /// figures are.
    pub fn basis(&self, i: usize) -> Basis {
        let seen = |o: &[Option<Exabytes>]| o.get(i).copied().flatten().is_some();
        let year = year_at(self.first_year, i);
        if year > self.base_year {
            Basis::Projected
        } else if self.current_year.is_some_and(|c| year >= c) {
            Basis::Estimate
        } else if seen(&self.observed_dram_eb) && seen(&self.observed_nand_eb) {
            Basis::Observed
        } else {
            Basis::Model
        }
    }

    /// The segment with this id.
    pub fn segment(&self, id: &str) -> Option<&SegmentProjection> {
        self.segments.iter().find(|s| s.id == id)
    }
}

fn reported(observed: &[Option<Exabytes>], model: &[Exabytes], i: usize) -> Exabytes {
    observed
        .get(i)
        .copied()
        .flatten()
        .unwrap_or_else(|| model.get(i).copied().unwrap_or(0.0))
}

fn year_at(first_year: Year, i: usize) -> Year {
    first_year + i as Year
}
