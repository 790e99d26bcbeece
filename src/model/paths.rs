//! Turning sparse history points into a value for every year.
//!
//! Replacement cycles are interpolated linearly (they are averages of ages); memory contents
//! and bit totals geometrically (they grow by a rate). Beyond the last point a path is extended:
//! cycles flat, growing quantities at the rate between their last two points. Callers pass
//! only the points knowable at the base year, so nothing after it leaks into a projection.

use crate::data::Point;
use crate::units::Year;

/// Linear interpolation between points; flat before the first and after the last.
///
/// ```
/// use memcycle::data::Point;
/// use memcycle::model::paths::linear_at;
///
/// let at = |year, value| Point { year, value, source: String::new(), estimate: false };
/// let cycle = [at(2015, 3.0), at(2019, 4.0)];
/// assert_eq!(linear_at(&cycle, 2017), 3.5);
/// assert_eq!(linear_at(&cycle, 2030), 4.0);
/// ```
pub fn linear_at(points: &[Point], year: Year) -> f64 {
    interpolate(
        points,
        year,
        |a, b, w| a + (b - a) * w,
        |_, last, _| last.value,
    )
}

/// Years past the last figure over which a growing quantity keeps its last growth rate; after
/// that it holds. An old trend is not extended for long (a 2010-12 growth rate carried to 2019
/// would invent a decade of history).
pub const EXTEND_YEARS: i32 = 2;

/// Geometric interpolation between points; flat before the first; after the last, continues
/// the annual growth rate between the last two points for [`EXTEND_YEARS`], then holds.
pub fn geometric_at(points: &[Point], year: Year) -> f64 {
    interpolate(
        points,
        year,
        geometric_mix,
        |prev, last, years| match prev {
            Some(p) if p.value > 0.0 && last.value > 0.0 => {
                let rate = (last.value / p.value).powf(1.0 / f64::from(last.year - p.year));
                last.value * rate.powi(years.min(EXTEND_YEARS))
            }
            _ => last.value,
        },
    )
}

/// [`geometric_at`] for every year from `from` to `to`, with one `powf` per interval between
/// points rather than one per year.
pub fn geometric_path(points: &[Point], from: Year, to: Year) -> Vec<f64> {
    let mut out = Vec::with_capacity((to - from + 1).max(0) as usize);
    let mut year = from;
    while year <= to {
        // A stretch shares one rate: up to the next point, then to the end of the extension,
        // then to `to`.
        let extension = points.last().map(|p| p.year + EXTEND_YEARS);
        let end = points
            .iter()
            .map(|p| p.year)
            .chain(extension)
            .find(|&y| y > year)
            .unwrap_or(to)
            .min(to);
        let (a, b) = (geometric_at(points, year), geometric_at(points, end));
        if end == year || a <= 0.0 || b <= 0.0 {
            // Nothing to compound (a single year, or a zero where a rate is undefined).
            out.extend((year..end.max(year + 1)).map(|y| geometric_at(points, y)));
            year = end.max(year + 1);
            continue;
        }
        let rate = (b / a).powf(1.0 / f64::from(end - year));
        let mut v = a;
        for _ in year..end {
            out.push(v);
            v *= rate;
        }
        if end == to {
            out.push(b);
            break;
        }
        year = end;
    }
    out
}

/// Compound annual growth, in percent per year, of a path between two years.
pub fn cagr_percent(from: f64, to: f64, years: i32) -> f64 {
    if from <= 0.0 || to <= 0.0 || years <= 0 {
        return 0.0;
    }
    ((to / from).powf(1.0 / f64::from(years)) - 1.0) * 100.0
}

/// Least-squares line through (x, y).
pub fn fit_line(xs: &[f64], ys: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    if n < 2.0 {
        return (ys.first().copied().unwrap_or(0.0), 0.0);
    }
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    let sxx: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
    let sxy: f64 = xs.iter().zip(ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let slope = if sxx > 0.0 { sxy / sxx } else { 0.0 };
    (my - slope * mx, slope)
}

/// Weighted least-squares line `y = a + b x`: returns `(a, b)`.
pub fn fit_line_weighted(xs: &[f64], ys: &[f64], ws: &[f64]) -> (f64, f64) {
    let sw: f64 = ws.iter().sum();
    if xs.len() < 2 || sw <= 0.0 {
        return (ys.first().copied().unwrap_or(0.0), 0.0);
    }
    let mx = xs.iter().zip(ws).map(|(x, w)| x * w).sum::<f64>() / sw;
    let my = ys.iter().zip(ws).map(|(y, w)| y * w).sum::<f64>() / sw;
    let sxx: f64 = xs.iter().zip(ws).map(|(x, w)| w * (x - mx).powi(2)).sum();
    let sxy: f64 = xs
        .iter()
        .zip(ys)
        .zip(ws)
        .map(|((x, y), w)| w * (x - mx) * (y - my))
        .sum();
    let slope = if sxx > 0.0 { sxy / sxx } else { 0.0 };
    (my - slope * mx, slope)
}

fn geometric_mix(a: f64, b: f64, w: f64) -> f64 {
    if a > 0.0 && b > 0.0 {
        a * (b / a).powf(w)
    } else {
        a + (b - a) * w
    }
}

fn interpolate(
    points: &[Point],
    year: Year,
    mix: impl Fn(f64, f64, f64) -> f64,
    extend: impl Fn(Option<&Point>, &Point, i32) -> f64,
) -> f64 {
    let Some(last) = points.last() else {
        return 0.0;
    };
    let first = &points[0];
    if year <= first.year {
        return first.value;
    }
    if year >= last.year {
        let prev = points.len().checked_sub(2).map(|i| &points[i]);
        return extend(prev, last, year - last.year);
    }
    let i = points.partition_point(|p| p.year <= year);
    let (a, b) = (&points[i - 1], &points[i]);
    let w = f64::from(year - a.year) / f64::from(b.year - a.year);
    mix(a.value, b.value, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts(v: &[(Year, f64)]) -> Vec<Point> {
        v.iter()
            .map(|&(year, value)| Point {
                year,
                value,
                source: String::new(),
                estimate: false,
            })
            .collect()
    }

    #[test]
    fn linear_is_flat_outside_and_straight_inside() {
        let p = pts(&[(2010, 2.0), (2014, 4.0)]);
        assert_eq!(linear_at(&p, 2005), 2.0);
        assert_eq!(linear_at(&p, 2012), 3.0);
        assert_eq!(linear_at(&p, 2020), 4.0);
    }

    #[test]
    fn geometric_grows_by_a_rate_and_continues_it() {
        let p = pts(&[(2010, 1.0), (2012, 4.0)]);
        assert!((geometric_at(&p, 2011) - 2.0).abs() < 1e-12);
        assert!((geometric_at(&p, 2013) - 8.0).abs() < 1e-12);
        assert!(
            (geometric_at(&p, 2020) - 16.0).abs() < 1e-12,
            "two years of growth, then held"
        );
        assert_eq!(geometric_at(&p, 2000), 1.0);
        assert_eq!(geometric_at(&pts(&[(2010, 3.0)]), 2015), 3.0);
    }

    #[test]
    fn geometric_path_matches_pointwise_interpolation() {
        let p = pts(&[(2010, 1.0), (2012, 4.0), (2017, 5.0), (2018, 9.0)]);
        let path = geometric_path(&p, 2008, 2022);
        assert_eq!(path.len(), 15);
        for (k, v) in path.iter().enumerate() {
            let expected = geometric_at(&p, 2008 + k as Year);
            assert!(
                (v / expected - 1.0).abs() < 1e-12,
                "{}: {v} vs {expected}",
                2008 + k as Year
            );
        }
        assert_eq!(geometric_path(&p, 2011, 2011).len(), 1);
        let zeros = pts(&[(2010, 0.0), (2014, 0.0)]);
        assert_eq!(geometric_path(&zeros, 2009, 2016), vec![0.0; 8]);
        assert!(geometric_path(&p, 2012, 2011).is_empty());
    }

    #[test]
    fn line_fit_recovers_a_slope() {
        let (a, b) = fit_line(&[0.0, 1.0, 2.0], &[1.0, 3.0, 5.0]);
        assert!((a - 1.0).abs() < 1e-12 && (b - 2.0).abs() < 1e-12);
    }

    #[test]
    fn cagr_of_doubling_in_one_year_is_100_percent() {
        assert!((cagr_percent(1.0, 2.0, 1) - 100.0).abs() < 1e-12);
        assert_eq!(cagr_percent(0.0, 2.0, 1), 0.0);
    }
}
