//! Where a year ended: the base year's quarterly figures say how far the price stood above or
//! below the year's average at its close, and how much stock suppliers held at year end
//! (docs/model.md, section 5, "Start from where the year ended").

use crate::data::Quarter;
use crate::units::Year;

/// Years from the middle of the year (the annual average) to the middle of its fourth quarter.
const AVERAGE_TO_LAST_QUARTER: f64 = 0.375;

/// The quarters of `year`, first to fourth, as given (`None` where the data has no entry).
fn quarters_of(quarters: &[Quarter], year: Year) -> [Option<&Quarter>; 4] {
    let mut out = [None; 4];
    for q in quarters.iter().filter(|q| q.year == year) {
        if let Some(slot) = out.get_mut(usize::from(q.quarter.saturating_sub(1))) {
            *slot = Some(q);
        }
    }
    out
}

/// Quarterly revenue of `year`, published or chained from the published quarter-on-quarter
/// changes (forwards and backwards from a published level, also from the fourth quarter of
/// the year before; nothing published after the year is read); `None` unless all four are
/// known.
pub fn quarterly_revenue(quarters: &[Quarter], year: Year) -> Option<[f64; 4]> {
    // Five slots: Q4 of the year before, then the four quarters.
    let before = quarters_of(quarters, year - 1)[3];
    let slots: Vec<Option<&Quarter>> = std::iter::once(before)
        .chain(quarters_of(quarters, year))
        .collect();
    let mut level: Vec<Option<f64>> = slots
        .iter()
        .map(|q| q.and_then(|q| q.revenue.as_ref()).map(|p| p.value))
        .collect();
    let change = |k: usize| {
        slots[k]
            .and_then(|q| q.revenue_change.as_ref())
            .map(|p| 1.0 + p.value / 100.0)
            .filter(|f| *f > 0.0)
    };
    for _ in 0..slots.len() {
        for k in 1..slots.len() {
            if let (Some(prev), None, Some(c)) = (level[k - 1], level[k], change(k)) {
                level[k] = Some(prev * c);
            }
            if let (None, Some(next), Some(c)) = (level[k - 1], level[k], change(k)) {
                level[k - 1] = Some(next / c);
            }
        }
    }
    Some([level[1]?, level[2]?, level[3]?, level[4]?])
}

/// Quarterly price levels of `year` relative to its first quarter, from the published
/// quarter-on-quarter price changes of the second to the fourth quarter; `None` unless all
/// three are published.
pub fn quarterly_price(quarters: &[Quarter], year: Year) -> Option<[f64; 4]> {
    let q = quarters_of(quarters, year);
    let change = |k: usize| {
        q[k].and_then(|q| q.price_change.as_ref())
            .map(|p| 1.0 + p.value / 100.0)
    };
    let (c2, c3, c4) = (change(1)?, change(2)?, change(3)?);
    Some([1.0, c2, c2 * c3, c2 * c3 * c4])
}

/// How far the price at the end of `year` stood above its annual average (1: at it): the
/// fourth quarter's level over the mean of the four. From revenue where all four quarters are
/// known (price = revenue / bits, the model's own price, so the bit growth within the year,
/// `annual_bit_growth` % spread evenly, is taken out), else from published price changes;
/// `None` when the data has neither.
pub fn price_exit_ratio(quarters: &[Quarter], year: Year, annual_bit_growth: f64) -> Option<f64> {
    let last_over_mean = |l: [f64; 4]| {
        let mean = l.iter().sum::<f64>() / 4.0;
        (mean > 0.0).then(|| l[3] / mean)
    };
    if let Some(r) = quarterly_revenue(quarters, year) {
        let bits = (1.0 + annual_bit_growth / 100.0).max(f64::MIN_POSITIVE);
        return last_over_mean(r).map(|x| x / bits.powf(AVERAGE_TO_LAST_QUARTER));
    }
    quarterly_price(quarters, year).and_then(last_over_mean)
}

/// Supplier inventory at the end of `year` (the fourth quarter's figure), if published.
pub fn year_end_weeks(quarters: &[Quarter], year: Year) -> Option<f64> {
    quarters_of(quarters, year)[3]
        .and_then(|q| q.inventory_weeks.as_ref())
        .map(|p| p.value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Point;

    fn p(year: Year, value: f64) -> Option<Point> {
        Some(Point {
            year,
            value,
            source: "x".into(),
            estimate: false,
        })
    }

    fn q(year: Year, quarter: u8, revenue: Option<f64>, change: Option<f64>) -> Quarter {
        Quarter {
            year,
            quarter,
            revenue: revenue.and_then(|v| p(year, v)),
            revenue_change: change.and_then(|v| p(year, v)),
            price_change: None,
            bits_change: None,
            inventory_weeks: None,
            note: None,
        }
    }

    #[test]
    fn missing_quarters_are_chained_from_published_changes() {
        let data = [
            q(2020, 1, Some(10.0), None),
            q(2020, 2, None, Some(10.0)),
            q(2020, 3, None, None),
            q(2020, 4, Some(20.0), Some(25.0)),
        ];
        let r = quarterly_revenue(&data, 2020).expect("all four");
        assert!(
            (r[1] - 11.0).abs() < 1e-9 && (r[2] - 16.0).abs() < 1e-9,
            "{r:?}"
        );
        assert_eq!(quarterly_revenue(&data[..2], 2020), None);
    }

    #[test]
    fn a_year_that_closed_high_exits_above_its_average() {
        let data = [
            q(2020, 1, Some(10.0), None),
            q(2020, 2, Some(10.0), None),
            q(2020, 3, Some(10.0), None),
            q(2020, 4, Some(14.0), None),
        ];
        let exit = price_exit_ratio(&data, 2020, 0.0).expect("revenue known");
        assert!((exit - 14.0 / 11.0).abs() < 1e-9, "{exit}");
        // Bits growing 20% a year explain part of the rise in revenue.
        assert!(price_exit_ratio(&data, 2020, 20.0).expect("known") < exit);
        assert_eq!(price_exit_ratio(&data, 2021, 0.0), None);
    }
}
