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
    fill_geometric(&mut level);
    Some([level[1]?, level[2]?, level[3]?, level[4]?])
}

/// Fills the gaps between known levels geometrically (a quarter between two published ones
/// sits on the constant-growth path between them); gaps at either end stay empty.
fn fill_geometric(level: &mut [Option<f64>]) {
    let known: Vec<usize> = (0..level.len())
        .filter(|&k| level[k].is_some_and(|v| v > 0.0))
        .collect();
    for pair in known.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let (Some(va), Some(vb)) = (level[a], level[b]) else {
            continue;
        };
        let step = (vb / va).powf(1.0 / (b - a) as f64);
        for (k, slot) in level.iter_mut().enumerate().take(b).skip(a + 1) {
            *slot = Some(va * step.powi((k - a) as i32));
        }
    }
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

/// The fourth quarter's change of price over the third, in logs: from revenue (less a quarter
/// of the year's bit growth) where the year's quarters are known, else the published price
/// change; `None` when the data has neither.
pub fn last_quarter_change(
    quarters: &[Quarter],
    year: Year,
    annual_bit_growth: f64,
) -> Option<f64> {
    if let Some(r) = quarterly_revenue(quarters, year)
        && r[2] > 0.0
        && r[3] > 0.0
    {
        let bits = (1.0 + annual_bit_growth / 100.0).max(f64::MIN_POSITIVE);
        return Some((r[3] / r[2]).ln() - bits.ln() / 4.0);
    }
    let p = quarters_of(quarters, year)[3]?.price_change.as_ref()?.value;
    (p > -100.0).then(|| (1.0 + p / 100.0).ln())
}

/// Fewest pairs of consecutive quarterly changes that give a persistence estimate.
pub const MIN_PERSISTENCE_PAIRS: usize = 8;

/// How much of a quarter's price change carries into the next quarter: the lag-one
/// autocorrelation of quarterly revenue changes (in logs, each memory's mean removed), pooled
/// over `memories`, from quarters up to the end of `year` only; within 0-0.9, and 0 with fewer
/// than [`MIN_PERSISTENCE_PAIRS`] pairs.
pub fn momentum_persistence(memories: &[&[Quarter]], year: Year) -> f64 {
    let (mut sxy, mut sxx, mut pairs) = (0.0, 0.0, 0usize);
    for quarters in memories {
        let changes: Vec<(i32, f64)> = quarters
            .iter()
            .filter(|q| q.year <= year)
            .filter_map(|q| {
                let c = q.revenue_change.as_ref()?.value;
                (c > -100.0).then(|| (q.year * 4 + i32::from(q.quarter), (1.0 + c / 100.0).ln()))
            })
            .collect();
        if changes.is_empty() {
            continue;
        }
        let mean = changes.iter().map(|c| c.1).sum::<f64>() / changes.len() as f64;
        for w in changes.windows(2) {
            if w[1].0 == w[0].0 + 1 {
                sxy += (w[0].1 - mean) * (w[1].1 - mean);
                sxx += (w[0].1 - mean).powi(2);
                pairs += 1;
            }
        }
    }
    if pairs < MIN_PERSISTENCE_PAIRS || sxx <= 0.0 {
        return 0.0;
    }
    (sxy / sxx).clamp(0.0, 0.9)
}

/// What the momentum of the base year's last quarter adds to the next year's average price,
/// as a factor on the closing price: the fourth quarter's change off the trend, `deviation`
/// (log), persists with `rho` a quarter, and the next year's four quarters average what it
/// accumulates. 1 without momentum.
pub fn momentum_factor(deviation: f64, rho: f64) -> f64 {
    let (mut step, mut level, mut sum) = (deviation, 0.0, 0.0);
    for _ in 0..4 {
        step *= rho;
        level += step;
        sum += level.exp();
    }
    sum / 4.0
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
    fn quarters_between_published_ones_follow_the_constant_growth_path() {
        let data = [q(2016, 1, Some(8.0), None), q(2016, 4, Some(27.0), None)];
        let r = quarterly_revenue(&data, 2016).expect("ends known");
        assert!(
            (r[1] - 12.0).abs() < 1e-9 && (r[2] - 18.0).abs() < 1e-9,
            "{r:?}"
        );
    }

    #[test]
    fn momentum_carries_a_share_of_the_last_move() {
        assert_eq!(momentum_factor(0.2, 0.0), 1.0);
        let up = momentum_factor(0.2, 0.5);
        // 0.1, 0.15, 0.175, 0.1875 accumulated over the four quarters.
        let want = (0.1f64.exp() + 0.15f64.exp() + 0.175f64.exp() + 0.1875f64.exp()) / 4.0;
        assert!((up - want).abs() < 1e-12, "{up}");
        assert!(momentum_factor(-0.2, 0.5) < 1.0);
    }

    #[test]
    fn persistence_needs_enough_consecutive_quarters() {
        let rising: Vec<Quarter> = (0..12)
            .map(|k| {
                let change = if (k / 3) % 2 == 0 { 10.0 } else { -10.0 };
                q(2010 + k / 4, (k % 4) as u8 + 1, None, Some(change))
            })
            .collect();
        let rho = momentum_persistence(&[&rising], 2020);
        assert!(rho > 0.2, "{rho}");
        assert_eq!(momentum_persistence(&[&rising[..4]], 2020), 0.0);
        assert_eq!(
            momentum_persistence(&[&rising], 2009),
            0.0,
            "nothing after the year"
        );
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
