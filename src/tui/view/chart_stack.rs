//! Demand by segment as a stacked area: each segment's layer is the running sum of the
//! segments up to it, drawn from the top layer down so that each lower layer covers the one
//! above it, leaving a band per segment whose top edge is the total.

use super::super::chart_spec::{ChartSpec, Role};
use crate::units::Year;

/// One layer of the stack: a segment's running sum, split at the base year.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Layer {
    /// The segment on top of this layer.
    pub role: Role,
    /// Points from the first year shown to the base year.
    pub history: Vec<(f64, f64)>,
    /// Points from the base year on.
    pub projection: Vec<(f64, f64)>,
}

/// The layers of `spec`'s segment series (years from `first_year`), top layer first, with the
/// years `from` on.
pub(super) fn layers(spec: &ChartSpec, first_year: Year, from: Year, base: Year) -> Vec<Layer> {
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

#[cfg(test)]
mod tests {
    use super::super::super::chart_spec::Series;
    use super::*;

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
