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

    /// Number of years covered.
    pub fn len(&self) -> usize {
        self.total_dram_eb.len()
    }

    /// Whether no year is covered.
    pub fn is_empty(&self) -> bool {
        self.total_dram_eb.is_empty()
    }

    /// The segment with this id.
    pub fn segment(&self, id: &str) -> Option<&SegmentProjection> {
        self.segments.iter().find(|s| s.id == id)
    }
}
