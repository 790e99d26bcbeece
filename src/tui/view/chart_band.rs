//! Filled bands: the gap between the baseline and the current line, and the uncertainty band
//! of a pane's main series; the points that fill them, one per braille dot of the plot.

use crate::chart::geometry::value_at;
use crate::chart::spec::{ChartSpec, year_at};
use crate::tui::state::app::App;
use ratatui::layout::Rect;

/// Points filling the area between `current` and `baseline`, one per braille dot of a plot
/// `plot` cells large showing `x` and `y`.
pub(super) fn band(
    current: &[(f64, f64)],
    baseline: &[(f64, f64)],
    plot: Rect,
    x: (f64, f64),
    y: (f64, f64),
) -> Vec<(f64, f64)> {
    let dx = (x.1 - x.0) / (f64::from(plot.width.max(1)) * 2.0);
    let dy = (y.1 - y.0) / (f64::from(plot.height.max(1)) * 4.0);
    let (Some(first), Some(last)) = (current.first(), current.last()) else {
        return Vec::new();
    };
    if !(dx > 0.0 && dy > 0.0) {
        return Vec::new();
    }
    let columns = ((last.0 - first.0) / dx).round() as usize;
    let mut out = Vec::new();
    for k in 0..=columns {
        let px = (first.0 + k as f64 * dx).min(last.0);
        if let (Some(a), Some(b)) = (value_at(current, px), value_at(baseline, px)) {
            let rows = ((a - b).abs() / dy).floor() as usize;
            out.extend((0..=rows).map(|r| (px, a.min(b) + r as f64 * dy)));
        }
    }
    out
}

/// The fill points of the pane's uncertainty band: P10-P90, then P25-P75 (empty without one).
pub(super) fn uncertainty_fill(
    app: &App,
    spec: &ChartSpec,
    plot: Rect,
    (from, to): (i32, i32),
    bounds: (f64, f64),
) -> Vec<Vec<(f64, f64)>> {
    let Some(band_values) = &spec.band else {
        return Vec::new();
    };
    let base = app.projection.base_year;
    let line = |k: usize| -> Vec<(f64, f64)> {
        band_values
            .iter()
            .enumerate()
            .filter_map(|(i, q)| {
                let year = year_at(&app.projection, i);
                let v = q.as_ref()?.to_array()[k];
                let v = if spec.log {
                    if v <= 0.0 {
                        return None;
                    }
                    v.log10()
                } else {
                    v
                };
                (year >= base && year >= from).then_some((f64::from(year), v))
            })
            .collect()
    };
    let x = (f64::from(from), f64::from(to));
    [(0, 4), (1, 3)]
        .into_iter()
        .map(|(low, high)| band(&line(high), &line(low), plot, x, bounds))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_band_fills_between_the_lines_and_nowhere_else() {
        let current = [(2025.0, 10.0), (2027.0, 12.0)];
        let baseline = [(2025.0, 10.0), (2027.0, 8.0)];
        let plot = Rect::new(0, 0, 10, 10);
        let pts = band(&current, &baseline, plot, (2025.0, 2027.0), (0.0, 20.0));
        let at = |x: f64| pts.iter().filter(move |p| p.0 == x);
        assert_eq!(at(2025.0).count(), 1, "no gap at the base year");
        let last: Vec<f64> = at(2027.0).map(|p| p.1).collect();
        assert_eq!(last.first(), Some(&8.0));
        assert!((last.last().copied().unwrap_or(0.0) - 12.0).abs() < 0.5 + 1e-9);
        assert!(pts.iter().all(|p| (8.0..=12.0).contains(&p.1)));
        assert_eq!(value_at(&current, 2026.0), Some(11.0));
        assert_eq!(value_at(&current, 2030.0), None);
    }
}
