//! The geometry of a chart below any drawing: the points of each series on the pane's axis,
//! which series keep a baseline ghost, the years labelled and the axis numbers, and the layers
//! of a stacked area. The screen (`view`) and the exports (SVG, PNG, handout) draw from it, so
//! they show the same chart.

use crate::chart::spec::{ChartSpec, Role};
use crate::units::Year;

/// Year steps between labels, the finest first.
const STEPS: [Year; 5] = [1, 2, 5, 10, 20];
/// Columns a label needs: four digits and two blanks.
const LABEL_COLUMNS: u16 = 6;

/// The years labelled on an axis from `from` to `to` in `width` columns: every `step` years
/// counted from the base year, with the smallest step whose labels do not crowd.
pub fn label_years(from: Year, to: Year, base: Year, width: u16) -> Vec<Year> {
    let span = (to - from).max(1);
    let step = STEPS
        .into_iter()
        .find(|s| u32::from(width) >= u32::from(LABEL_COLUMNS) * ((span / s) as u32 + 1))
        .unwrap_or(span);
    let first = base - (base - from).div_euclid(step) * step;
    (0..)
        .map(|k| first + k * step)
        .take_while(|y| *y <= to)
        .collect()
}

/// A compact axis number: 1.2k, 35, 0.45; round numbers without trailing zeros (75, not 75.0).
pub fn compact(v: f64) -> String {
    let text = compact_fixed(v);
    if text.contains('.') && !text.ends_with('k') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

fn compact_fixed(v: f64) -> String {
    let a = v.abs();
    if a >= 10_000.0 {
        format!("{:.0}k", v / 1000.0)
    } else if a >= 1000.0 {
        format!("{:.1}k", v / 1000.0)
    } else if a >= 100.0 || a == 0.0 {
        format!("{v:.0}")
    } else if a >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

/// (year, value) points of `values` for the years `keep` accepts, on the pane's axis (log10 on
/// a log axis; missing, non-finite and, on a log axis, non-positive values left out).
pub fn points(
    first_year: Year,
    spec: &ChartSpec,
    values: &[Option<f64>],
    keep: impl Fn(i32) -> bool,
) -> Vec<(f64, f64)> {
    values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let year = first_year + i as Year;
            let v = (*v).filter(|v| v.is_finite())?;
            if !keep(year) || (spec.log && v <= 0.0) {
                return None;
            }
            Some((f64::from(year), if spec.log { v.log10() } else { v }))
        })
        .collect()
}

/// Whether a series keeps a baseline ghost: the total where there is one, the main quantity of a
/// market pane, else the selected segment's line (a ghost for every series would bury the chart).
pub fn ghosted(selected_segment: Option<usize>, spec: &ChartSpec, role: Role) -> bool {
    if spec.series.iter().any(|s| s.role == Role::Total) {
        role == Role::Total
    } else if matches!(
        role,
        Role::Demand | Role::Sufficiency | Role::Price | Role::Revenue
    ) {
        // Market panes: the quantity the pane is about.
        true
    } else {
        selected_segment.is_some_and(|i| role == Role::Segment(i))
    }
}

/// One layer of the stack: a segment's running sum, split at the base year.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    /// The segment on top of this layer.
    pub role: Role,
    /// Points from the first year shown to the base year.
    pub history: Vec<(f64, f64)>,
    /// Points from the base year on.
    pub projection: Vec<(f64, f64)>,
}

/// The layers of `spec`'s segment series (years from `first_year`), top layer first, with the
/// years `from` on.
pub fn layers(spec: &ChartSpec, first_year: Year, from: Year, base: Year) -> Vec<Layer> {
    let segments = spec
        .series
        .iter()
        .filter(|s| matches!(s.role, Role::Segment(_)));
    let len = spec
        .series
        .iter()
        .map(|s| s.values.len())
        .max()
        .unwrap_or(0);
    let mut running = vec![0.0; len];
    let mut out: Vec<Layer> = segments
        .map(|s| {
            for (sum, v) in running.iter_mut().zip(&s.values) {
                *sum += v.unwrap_or(0.0);
            }
            let points = |keep: &dyn Fn(Year) -> bool| -> Vec<(f64, f64)> {
                running
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (first_year + i as Year, *v))
                    .filter(|(y, _)| keep(*y))
                    .map(|(y, v)| (f64::from(y), v))
                    .collect()
            };
            Layer {
                role: s.role,
                history: points(&|y| (from..=base).contains(&y)),
                projection: points(&|y| y >= base),
            }
        })
        .collect();
    out.reverse();
    out
}

impl Layer {
    /// The layer's top at `x` (a year, fractional between years).
    pub fn top_at(&self, x: f64) -> Option<f64> {
        let base = self.projection.first().map_or(f64::INFINITY, |p| p.0);
        if x <= base {
            value_at(&self.history, x).or_else(|| value_at(&self.projection, x))
        } else {
            value_at(&self.projection, x)
        }
    }
}

/// `pts`' value at `x`, linear between its points; `None` outside them.
pub fn value_at(pts: &[(f64, f64)], x: f64) -> Option<f64> {
    let after = pts.partition_point(|p| p.0 < x);
    match (
        after.checked_sub(1).and_then(|i| pts.get(i)),
        pts.get(after),
    ) {
        (_, Some(b)) if b.0 == x => Some(b.1),
        (Some(a), Some(b)) => Some(a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::spec::Series;

    #[test]
    fn axis_numbers_are_short_and_round() {
        for (v, shown) in [
            (75.0, "75"),
            (0.3, "0.3"),
            (142.0, "142"),
            (12.5, "12.5"),
            (0.45, "0.45"),
            (1500.0, "1.5k"),
            (0.0, "0"),
        ] {
            assert_eq!(compact(v), shown, "{v}");
        }
    }

    #[test]
    fn labels_are_counted_from_the_base_year_and_do_not_crowd() {
        let every_second: Vec<Year> = (2015..=2035).step_by(2).collect();
        assert_eq!(label_years(2015, 2035, 2025, 120), every_second);
        assert_eq!(
            label_years(2015, 2035, 2025, 44),
            vec![2015, 2020, 2025, 2030, 2035]
        );
        assert_eq!(
            label_years(2010, 2035, 2025, 44),
            vec![2010, 2015, 2020, 2025, 2030, 2035]
        );
        assert_eq!(
            label_years(2012, 2035, 2025, 30),
            vec![2015, 2020, 2025, 2030, 2035]
        );
        assert_eq!(label_years(2012, 2035, 2025, 20), vec![2015, 2025, 2035]);
        assert!(label_years(2015, 2035, 2025, 20).contains(&2025));
    }

    #[test]
    fn layers_are_running_sums_top_first() {
        let series = |i: usize, v: [f64; 3]| {
            Series::new(
                "",
                Role::Segment(i),
                v.iter().map(|x| Some(*x)).collect(),
                None,
            )
        };
        let spec = ChartSpec::new(
            "",
            "EB",
            vec![
                series(0, [1.0, 2.0, 3.0]),
                series(1, [10.0, 20.0, 30.0]),
                Series::new("Total", Role::Total, vec![Some(0.0); 3], None),
            ],
            false,
        );
        let l = layers(&spec, 2024, 2024, 2025);
        assert_eq!(l.len(), 2, "segments only");
        assert_eq!(l[0].role, Role::Segment(1));
        assert_eq!(l[0].history, vec![(2024.0, 11.0), (2025.0, 22.0)]);
        assert_eq!(l[0].projection, vec![(2025.0, 22.0), (2026.0, 33.0)]);
        assert_eq!(l[1].projection, vec![(2025.0, 2.0), (2026.0, 3.0)]);
    }
}
