//! The plain-number description of a chart (series by year, baseline, observations) and the
//! operations on it that need no data: the view mode and the y bounds.

use crate::chart::input::{BandSource, ChartInput};
use crate::chart::kind::ViewMode;
use crate::insight::Quantiles;
use crate::model::{Projection, Regime};
use crate::units::Year;

/// What a series stands for (it sets the colour).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A segment, by index.
    Segment(usize),
    /// The sum of all segments.
    Total,
    /// Units retired (the replacement part of shipments).
    Replacement,
    /// Shipments minus retirements.
    Growth,
    /// Bit demand in a market chart.
    Demand,
    /// Bit supply in a market chart.
    Supply,
    /// Sufficiency ratio.
    Sufficiency,
    /// Price index.
    Price,
    /// Revenue.
    Revenue,
    /// A pinned scenario's line, by pin.
    Pinned(usize),
}

/// One line of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Legend label.
    pub label: String,
    /// What it stands for.
    pub role: Role,
    /// Values by year index (from the projection's first year); `None` where undefined.
    pub values: Vec<Option<f64>>,
    /// The baseline's values, when the chart compares against it.
    pub baseline: Option<Vec<Option<f64>>>,
    /// Observed values after the base year (backtest mode).
    pub observed: Option<Vec<Option<f64>>>,
}

impl Series {
    /// A series with its baseline and no observations.
    pub fn new(
        label: impl Into<String>,
        role: Role,
        values: Vec<Option<f64>>,
        baseline: Option<Vec<Option<f64>>>,
    ) -> Self {
        Self {
            label: label.into(),
            role,
            values,
            baseline,
            observed: None,
        }
    }
}

/// Everything a chart shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    /// Title, including the view mode.
    pub title: String,
    /// Unit of the y axis.
    pub unit: String,
    /// Lines, drawn in order (the last on top).
    pub series: Vec<Series>,
    /// Plot on a log10 axis (values span orders of magnitude).
    pub log: bool,
    /// Market regime by year, drawn as a strip along the bottom.
    pub regime: Option<Vec<Regime>>,
    /// A note for the legend (a pane left out for lack of rows, and where it comes back).
    pub note: Option<String>,
    /// Draw the segments as a stacked area under the total (absolute view only).
    pub stacked: bool,
    /// The change pane under a demand chart: it needs fewer rows than a full pane, takes two
    /// fifths of the height, and is the one kept (with the chart above it named) when there is
    /// room for only one, as it shows what the sliders did.
    pub change_pane: bool,
    /// Values the y axis must include beyond the series' (the change pane: how far the
    /// selected slider can move its lines, so the axis holds still while it moves).
    pub extent: Vec<f64>,
    /// Uncertainty band of the main series by year index: P10, P25, P50, P75, P90.
    pub band: Option<Vec<Option<Quantiles>>>,
    /// What the band is and how well its kind held before the base year (the legend's words).
    pub band_label: String,
}

impl ChartSpec {
    /// A chart without a regime strip.
    pub fn new(
        title: impl Into<String>,
        unit: impl Into<String>,
        series: Vec<Series>,
        log: bool,
    ) -> Self {
        Self {
            title: title.into(),
            unit: unit.into(),
            series,
            log,
            regime: None,
            note: None,
            stacked: false,
            change_pane: false,
            extent: Vec::new(),
            band: None,
            band_label: String::new(),
        }
    }
}

/// Every value present (totals, market series: defined in every year).
pub fn every_year(values: &[f64]) -> Vec<Option<f64>> {
    values.iter().map(|v| Some(*v)).collect()
}

/// Figures of `series` after the base year, aligned to the projection's years: everything
/// observed in backtest mode, else the estimates of the year in progress; `None` when there
/// is nothing to show.
pub fn observed(input: &ChartInput, series: &crate::data::Series) -> Option<Vec<Option<f64>>> {
    observed_by(input, |y| series.get(y))
}

/// [`observed`] for figures that `figure` works out by year (a price from revenue and bits).
pub fn observed_by(
    input: &ChartInput,
    figure: impl Fn(Year) -> Option<f64>,
) -> Option<Vec<Option<f64>>> {
    let p = input.projection;
    let revealed = |y| input.revealed.is_none_or(|r| y <= r);
    let shown = |y| {
        y > p.base_year && (input.is_backtest() || input.data.is_estimate_year(y)) && revealed(y)
    };
    let points: Vec<Option<f64>> = p
        .years()
        .map(|y| if shown(y) { figure(y) } else { None })
        .collect();
    points.iter().any(Option::is_some).then_some(points)
}

/// The legend's words for a band from draws: how many, and how often bands of that width held
/// what happened before the base year (each earlier base year scored with the width fitted
/// on the others), or that there was too little history to fit the width.
fn draws_label(bands: &crate::insight::Bands, width: crate::insight::bands::Width) -> String {
    let draws = bands.draws;
    match (width.held_out_share(), width.origins) {
        (Some(share), Some(_)) => format!(
            " ({draws} draws, held {:.0}% to {})",
            share * 100.0,
            bands.first_year
        ),
        _ => format!(" ({draws} draws, not calibrated)"),
    }
}

/// The uncertainty band of `memory`'s `quantity` aligned to the projection's years, with the
/// legend's words for it, when bands are on and were drawn for the current sliders.
pub fn band(
    input: &ChartInput,
    memory: crate::model::Memory,
    quantity: crate::insight::Quantity,
) -> Option<(Vec<Option<Quantiles>>, String)> {
    let p = input.projection;
    let (first, quantiles, label) = match input.band {
        BandSource::Off => return None,
        BandSource::PastErrors(models) => {
            let model = models
                .iter()
                .find(|(k, _)| *k == (memory, quantity))
                .map(|(_, m)| m)?;
            (
                p.base_year,
                model.band(&crate::insight::past_errors::line(p, memory, quantity)),
                " (past errors)".to_owned(),
            )
        }
        BandSource::Draws(bands) => (
            bands.first_year,
            bands.band(memory, quantity)?.quantiles.clone(),
            if quantity == crate::insight::Quantity::Sufficiency {
                format!(" ({} draws)", bands.draws)
            } else {
                draws_label(bands, bands.widths.of(memory, quantity))
            },
        ),
    };
    let aligned = p
        .years()
        .map(|y| {
            let k = usize::try_from(y - first).ok()?;
            quantiles
                .get(k)
                .copied()
                .filter(|q| q.to_array().iter().all(|v| v.is_finite()))
        })
        .collect();
    Some((aligned, label))
}

/// With its band (whose P10 and P90 the axis includes, see [`y_bounds`]).
pub fn with_band(mut spec: ChartSpec, band: Option<(Vec<Option<Quantiles>>, String)>) -> ChartSpec {
    if let Some((band, label)) = band {
        spec.band = Some(band);
        spec.band_label = label;
    }
    spec
}

/// `other` values aligned to `p`'s years (the baseline may cover fewer years).
pub fn aligned(p: &Projection, other: &Projection, values: &[Option<f64>]) -> Vec<Option<f64>> {
    p.years()
        .map(|y| {
            other
                .index(y)
                .and_then(|i| values.get(i).copied().flatten())
        })
        .collect()
}

/// Turns absolute values into the view's: change or % change against the baseline. In those
/// views the baseline is the zero line, so it is dropped.
pub fn apply_view(mut spec: ChartSpec, view: ViewMode) -> ChartSpec {
    if view == ViewMode::Absolute {
        return spec;
    }
    for s in &mut spec.series {
        let base = s.baseline.take().unwrap_or_default();
        s.observed = None;
        s.values = s
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let (v, b) = ((*v)?, base.get(i).copied().flatten()?);
                match view {
                    ViewMode::Change => Some(v - b),
                    _ if b.abs() > 1e-12 => Some((v / b - 1.0) * 100.0),
                    _ => None,
                }
            })
            .collect();
    }
    spec.log = false;
    spec.stacked = false;
    spec.band = None;
    let unit = spec.unit.trim_end_matches(", log").to_owned();
    spec.unit = if view == ViewMode::Percent {
        "% vs baseline".into()
    } else {
        format!("Δ {unit} vs baseline")
    };
    spec
}

/// Lowest and highest value over all series (their baselines, observations, the band and the
/// extent), padded for drawing.
pub fn y_bounds(spec: &ChartSpec, from: usize) -> (f64, f64) {
    let shown = |v: &Vec<Option<f64>>| v.iter().skip(from).filter_map(|x| *x).collect::<Vec<_>>();
    let values = spec.series.iter().flat_map(|s| {
        shown(&s.values)
            .into_iter()
            .chain(s.baseline.iter().flat_map(shown))
            .chain(s.observed.iter().flat_map(shown))
    });
    // The band's outer quantiles are drawn, so the axis holds them (a change view drops the
    // band, and with it these).
    let band = spec
        .band
        .iter()
        .flat_map(|b| b.iter().skip(from).flatten().flat_map(|q| [q.p10, q.p90]));
    let (lo, hi) = values
        .chain(band)
        .chain(spec.extent.iter().copied())
        .filter(|v| v.is_finite() && (!spec.log || *v > 0.0))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    if spec.log {
        // Whole decades, an even number of them, so the middle label is a power of ten too.
        let (lo, mut hi) = (lo.log10().floor(), hi.log10().ceil());
        hi = hi.max(lo + 2.0);
        if (hi - lo) as i64 % 2 == 1 {
            hi += 1.0;
        }
        return (lo, hi);
    }
    // Round bounds, so the three labels are round numbers: from zero to a round top, from a
    // round bottom to zero, or symmetric about zero (zero is then the middle label).
    let round = |v: f64| round_up(v * 1.02);
    if lo >= 0.0 {
        (0.0, if hi > 0.0 { round(hi) } else { 1.0 })
    } else if hi <= 0.0 {
        (-round(-lo), 0.0)
    } else {
        let m = round(hi.max(-lo));
        (-m, m)
    }
}

/// The smallest of 1, 1.5, 2, 3, 4, 5, 6, 8 times a power of ten that is at least `v` (> 0):
/// each has a round half.
fn round_up(v: f64) -> f64 {
    let e = v.log10().floor() as i32;
    // Divided for negative powers, so 3 x 0.1 is 0.3 and not 0.30000000000000004.
    let at = |m: f64| {
        if e >= 0 {
            m * 10f64.powi(e)
        } else {
            m / 10f64.powi(-e)
        }
    };
    [1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .map(at)
        .find(|c| *c >= v * (1.0 - 1e-12))
        .unwrap_or_else(|| at(10.0))
}

/// History years a chart shows before the base year by default: enough to see where the line
/// comes from, few enough that the projected years (where a slider acts) fill most of the width.
pub const RECENT_HISTORY_YEARS: Year = 5;

/// The years a chart shows: by default [`RECENT_HISTORY_YEARS`] before the base year to the
/// horizon; with `all_years`, the whole history.
pub fn x_window(p: &Projection, all_years: bool) -> (Year, Year) {
    let from = if all_years {
        p.first_year
    } else {
        (p.base_year - RECENT_HISTORY_YEARS).max(p.first_year)
    };
    (from, p.horizon)
}

/// Year of each value index.
pub fn year_at(p: &Projection, index: usize) -> Year {
    p.first_year + index as Year
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(values: &[f64], baseline: &[f64], log: bool) -> ChartSpec {
        ChartSpec::new(
            "",
            "EB",
            vec![Series::new(
                "x",
                Role::Total,
                values.iter().map(|v| Some(*v)).collect(),
                Some(baseline.iter().map(|v| Some(*v)).collect()),
            )],
            log,
        )
    }

    #[test]
    fn log_bounds_span_an_even_number_of_decades() {
        let (lo, hi) = y_bounds(&spec(&[0.5, 7000.0], &[1.0, 1.0], true), 0);
        assert_eq!((lo, hi), (-1.0, 5.0));
        assert_eq!((hi - lo) as i64 % 2, 0);
    }

    #[test]
    fn views_compare_with_the_baseline() {
        let change = apply_view(spec(&[12.0, 9.0], &[10.0, 10.0], false), ViewMode::Change);
        assert_eq!(change.series[0].values, vec![Some(2.0), Some(-1.0)]);
        assert!(change.series[0].baseline.is_none());
        let pct = apply_view(spec(&[12.0, 9.0], &[10.0, 0.0], false), ViewMode::Percent);
        assert!((pct.series[0].values[0].unwrap() - 20.0).abs() < 1e-9);
        assert_eq!(pct.series[0].values[1], None, "no % change against zero");
        assert_eq!(pct.unit, "% vs baseline");
    }

    #[test]
    fn bounds_count_only_the_years_shown() {
        let (_, hi) = y_bounds(&spec(&[900.0, 5.0, 10.0], &[1.0, 5.0, 12.0], false), 1);
        assert!(hi < 20.0, "the hidden 900 does not stretch the axis: {hi}");
    }

    #[test]
    fn linear_tops_are_round() {
        for (top, expected) in [
            (142.0, 150.0),
            (259.0, 300.0),
            (0.24, 0.3),
            (7.8, 8.0),
            (1.0, 1.5),
        ] {
            let (lo, hi) = y_bounds(&spec(&[top], &[top], false), 0);
            assert_eq!((lo, hi), (0.0, expected), "{top}");
        }
    }

    #[test]
    fn linear_bounds_include_zero_and_pad() {
        let (lo, hi) = y_bounds(&spec(&[5.0, 10.0], &[5.0, 12.0], false), 0);
        assert_eq!(lo, 0.0);
        assert!(hi > 12.0);
    }

    #[test]
    fn bounds_with_negatives_are_round_and_zero_is_a_label() {
        let bounds = |v: &[f64]| y_bounds(&spec(v, v, false), 0);
        assert_eq!(bounds(&[-3.79, 0.0]), (-4.0, 0.0));
        assert_eq!(
            bounds(&[-3.79, 1.0]),
            (-4.0, 4.0),
            "symmetric: 0 in the middle"
        );
        let mut with_extent = spec(&[-1.0], &[-1.0], false);
        with_extent.extent = vec![-7.0, 2.5];
        assert_eq!(y_bounds(&with_extent, 0), (-8.0, 8.0));
    }
}
