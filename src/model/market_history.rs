//! A memory's market history, prepared once per base year from the figures known then: price
//! per GB, revenue, sufficiency and inventory (sparse figures interpolated only across short
//! gaps) and the cost trend fitted to every year of price history.

use super::paths::{cagr_percent, fit_line_weighted, geometric_at};
use super::quarterly::{last_quarter_change, momentum_factor, price_exit_ratio, year_end_weeks};
use crate::data::{MemoryMarket, Point};
use crate::units::{PercentPerYear, Year, Years, year_index};

/// A memory's history, prepared once per base year.
#[derive(Debug, Clone)]
pub struct MemoryHistory {
    pub(super) label: String,
    pub(super) first_year: Year,
    pub(super) base_year: Year,
    /// Price per GB (revenue / bits) by year from the first year to the base year.
    pub(super) price: Vec<f64>,
    /// Revenue by year.
    pub(super) revenue: Vec<f64>,
    /// The industry's bit shipments by year where the data has a figure for that very year.
    pub(super) bits: Vec<Option<f64>>,
    /// Sufficiency, %, by year (NaN where no figure is near).
    pub(super) sufficiency: Vec<f64>,
    /// Inventory weeks by year (NaN where no figure is near).
    pub(super) weeks: Vec<f64>,
    /// ln of the cost trend: intercept and slope per year (fitted up to the base year).
    pub(super) trend: (f64, f64),
    pub(super) target_weeks: f64,
    pub(super) capacity_response: f64,
    pub(super) utilisation_response: f64,
    /// The multiple of its cost trend the price approaches as cover runs out.
    pub(super) max_price_vs_trend: f64,
    /// The base year's closing price over its average (1 where no quarter says otherwise).
    pub(super) exit_ratio: f64,
    /// What the last quarter's move off the trend adds to the next year's average price, as a
    /// factor on the close (1 without quarterly figures or persistence).
    pub(super) momentum: f64,
    /// Supplier inventory at the end of the base year, weeks: the fourth quarter's figure, else
    /// the year's own figure; `None` when neither is published.
    pub(super) year_end_weeks: Option<f64>,
}

/// Half-life, years, of the weights of the cost trend's fit: about one memory cycle (DRAM
/// price-per-bit peaks in 2010, 2014, 2018, 2021 and 2025 in the built-in data).
pub const COST_TREND_HALF_LIFE: Years = 4.0;

/// The cost trend: a log-linear fit of price per GB (`xs` years, `ys` ln price) up to
/// `base_year`, each year weighted `0.5^(age / COST_TREND_HALF_LIFE)`, so that the trend
/// follows the slower cost decline of recent years (DRAM: about -15%/yr over 2010-2025, about
/// -9%/yr 2018-2025) while a whole cycle still sets it. Returns (intercept, slope).
fn recent_trend(xs: &[f64], ys: &[f64], base_year: Year) -> (f64, f64) {
    let ws: Vec<f64> = xs
        .iter()
        .map(|x| 0.5f64.powf((f64::from(base_year) - x) / COST_TREND_HALF_LIFE))
        .collect();
    fit_line_weighted(xs, ys, &ws)
}

/// Longest stretch between two sparse figures that is interpolated.
const MAX_GAP_YEARS: i32 = 3;

/// A sparse series' value at `year`: the figure, or linear between figures at most
/// [`MAX_GAP_YEARS`] apart; `outside` elsewhere (no figure nearby says nothing).
fn sparse_at(points: &[Point], year: Year, outside: f64) -> f64 {
    let after = points.partition_point(|p| p.year < year);
    match (after.checked_sub(1).map(|i| &points[i]), points.get(after)) {
        (_, Some(b)) if b.year == year => b.value,
        (Some(a), Some(b)) if b.year - a.year <= MAX_GAP_YEARS => {
            a.value + (b.value - a.value) * f64::from(year - a.year) / f64::from(b.year - a.year)
        }
        _ => outside,
    }
}

impl MemoryHistory {
    /// Prepares `m` for projections from `base_year`, using figures up to it only.
    pub fn new(
        m: &MemoryMarket,
        max_price_vs_trend: f64,
        persistence: f64,
        first_year: Year,
        base_year: Year,
    ) -> Self {
        let (bits, revenue) = (m.bits.until(base_year), m.revenue.until(base_year));
        let (suff, inv) = (
            m.sufficiency.until(base_year),
            m.inventory_weeks.until(base_year),
        );
        let target = m.target_inventory_weeks.value;
        let years = first_year..=base_year;
        let rev: Vec<f64> = years.clone().map(|y| geometric_at(revenue, y)).collect();
        let price: Vec<f64> = years
            .clone()
            .zip(&rev)
            .map(|(y, r)| {
                let b = geometric_at(bits, y);
                if b > 0.0 { r / b } else { 0.0 }
            })
            .collect();
        // The cost trend is fitted to the price history known at the base year, recent years
        // weighing more (see `recent_trend`).
        let (xs, ys): (Vec<f64>, Vec<f64>) = (first_year..=base_year)
            .filter_map(|y| {
                let p = price[year_index(first_year, y)];
                (p > 0.0).then(|| (f64::from(y), p.ln()))
            })
            .unzip();
        let trend = recent_trend(&xs, &ys, base_year);
        let growth = bit_growth(bits, base_year);
        let momentum = last_quarter_change(&m.quarters, base_year, growth)
            .map_or(1.0, |c| momentum_factor(c - trend.1 / 4.0, persistence));
        Self {
            trend,
            momentum,
            label: m.label.clone(),
            first_year,
            base_year,
            revenue: rev,
            bits: years
                .clone()
                .map(|y| m.bits.get(y).filter(|_| y <= base_year))
                .collect(),
            sufficiency: years
                .clone()
                .map(|y| sparse_at(suff, y, f64::NAN))
                .collect(),
            weeks: years.map(|y| sparse_at(inv, y, f64::NAN)).collect(),
            price,
            target_weeks: target,
            capacity_response: m.capacity_response.value,
            utilisation_response: m.utilisation_response.value,
            max_price_vs_trend,
            exit_ratio: price_exit_ratio(&m.quarters, base_year, growth).unwrap_or(1.0),
            year_end_weeks: year_end_weeks(&m.quarters, base_year)
                .or_else(|| m.inventory_weeks.get(base_year)),
        }
    }

    /// Cost trend of the price per GB in `year`.
    pub(super) fn trend_price(&self, year: Year) -> f64 {
        (self.trend.0 + self.trend.1 * f64::from(year)).exp()
    }

    /// The observed price per GB in `year` (0 outside the history).
    pub(super) fn price_at(&self, year: Year) -> f64 {
        let i = year - self.first_year;
        usize::try_from(i)
            .ok()
            .and_then(|i| self.price.get(i))
            .copied()
            .unwrap_or(0.0)
    }

    /// The cost trend's factor over one year (below 1 when prices fall).
    pub(super) fn trend_factor(&self) -> f64 {
        self.trend.1.exp()
    }

    /// The structural price decline, % per year (positive when prices fall).
    pub fn cost_decline(&self) -> PercentPerYear {
        (1.0 - self.trend.1.exp()) * 100.0
    }

    /// Sufficiency the projection starts from: the base year's figure, or balance where none
    /// is near.
    pub(super) fn base_sufficiency(&self) -> f64 {
        let v = self.sufficiency[self.index(self.base_year)];
        if v.is_finite() { v } else { 0.0 }
    }

    /// The industry's bit figure for each year from the first year to the base year, where the
    /// data has one.
    pub fn observed_bits(&self) -> &[Option<f64>] {
        &self.bits
    }

    pub(super) fn index(&self, year: Year) -> usize {
        year_index(self.first_year, year)
    }
}

/// Growth of bit shipments in `year` over the year before, % (0 where either is unknown).
fn bit_growth(bits: &[Point], year: Year) -> f64 {
    let (before, now) = (geometric_at(bits, year - 1), geometric_at(bits, year));
    if before > 0.0 && now > 0.0 {
        (now / before - 1.0) * 100.0
    } else {
        0.0
    }
}

/// The default supply growth: growth of bit shipments over the trend years up to the base year.
pub fn supply_trend(m: &MemoryMarket, base_year: Year, years: i32) -> PercentPerYear {
    let bits = m.bits.until(base_year);
    cagr_percent(
        geometric_at(bits, base_year - years),
        geometric_at(bits, base_year),
        years,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparse_figures_interpolate_only_across_short_gaps() {
        let p = |year, value| Point {
            year,
            value,
            source: String::new(),
            estimate: false,
        };
        let pts = [p(2011, 12.0), p(2020, 6.0), p(2022, 10.0)];
        assert_eq!(sparse_at(&pts, 2011, 9.0), 12.0);
        assert_eq!(
            sparse_at(&pts, 2015, 9.0),
            9.0,
            "nine-year gap: no figure nearby"
        );
        assert_eq!(sparse_at(&pts, 2021, 9.0), 8.0);
        assert_eq!(sparse_at(&pts, 2023, 9.0), 9.0);
    }
}
