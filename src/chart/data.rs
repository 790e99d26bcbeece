//! What each chart plots, as plain numbers: which series, their values by year, and the
//! baseline to compare with. The view turns this into ratatui datasets; tests can check it
//! without rendering.

use crate::chart::input::ChartInput;
use crate::chart::kind::{ChartKind, ViewMode};
use crate::chart::spec::{
    ChartSpec, Role, Series, aligned, apply_view, band, every_year, observed, with_band,
};
use crate::insight::Quantity;
use crate::model::Memory;
use crate::model::{Projection, SegmentProjection};

fn by_year(p: &Projection, seg: &SegmentProjection, values: &[f64]) -> Vec<Option<f64>> {
    p.years()
        .zip(values)
        .map(|(y, v)| seg.covers(y).then_some(*v))
        .collect()
}

/// A series per segment (only device segments when `only_units`).
fn segment_series(
    input: &ChartInput,
    p: &Projection,
    pick: impl Fn(&SegmentProjection) -> &[f64],
    only_units: bool,
) -> Vec<Series> {
    let b = &input.baseline;
    p.segments
        .iter()
        .zip(&b.segments)
        .enumerate()
        .filter(|(_, (s, _))| s.start_year.is_some() && (!only_units || s.has_units))
        .map(|(i, (s, bs))| {
            Series::new(
                s.label.clone(),
                Role::Segment(i),
                by_year(p, s, pick(s)),
                Some(aligned(p, b, &by_year(b, bs, pick(bs)))),
            )
        })
        .collect()
}

/// What the sliders did to demand: the total's (and the selected segment's) % change against
/// the baseline, as a second pane under the stacked area, once a slider has moved (absolute
/// view only: the change views show it already). A slider step moves the total by about 1%,
/// a hair on the stacked area's axis; here it fills the pane.
fn demand_change(input: &ChartInput, spec: &ChartSpec) -> Option<ChartSpec> {
    if !shows_change_pane(input) {
        return None;
    }
    let selected = input.selected_segment.map(Role::Segment);
    let series = spec
        .series
        .iter()
        .filter(|s| s.role == Role::Total || Some(s.role) == selected)
        .cloned()
        .collect();
    let title = format!("{} change", spec.title);
    let mut change = apply_view(ChartSpec::new(title, "", series, false), ViewMode::Percent);
    change.change_pane = true;
    Some(change)
}

/// Whether the demand chart on screen has its change pane: a slider moved, the baseline shown,
/// absolute view.
pub fn shows_change_pane(input: &ChartInput) -> bool {
    matches!(input.kind, ChartKind::Dram | ChartKind::Nand)
        && input.show_baseline
        && input.view == ViewMode::Absolute
        && input.modified
}

/// The % changes (total, and the selected segment) the selected slider reaches at its
/// plausible low and high, in projected years: the change pane's axis then holds still while
/// that slider moves, so each step moves the lines (an axis fitted to the lines alone would
/// rescale with them and show the same picture at every step).
fn reach(input: &ChartInput) -> Vec<f64> {
    let memory = input.kind.demand_memory().unwrap_or(Memory::Dram);
    let b = &input.baseline;
    let selected = input.selected_segment;
    let mut out = Vec::new();
    for p in input.reach.projections().iter() {
        for year in p.base_year + 1..=p.horizon {
            let (Some(i), Some(j)) = (p.index(year), b.index(year)) else {
                continue;
            };
            let mut pairs = vec![(p.reported_eb(memory, i), b.reported_eb(memory, j))];
            if let Some((seg, base_seg)) =
                selected.and_then(|s| p.segments.get(s).zip(b.segments.get(s)))
            {
                let at =
                    |s: &SegmentProjection, k: usize| s.eb(memory).get(k).copied().unwrap_or(0.0);
                pairs.push((at(seg, i), at(base_seg, j)));
            }
            out.extend(
                pairs
                    .into_iter()
                    .filter(|(_, base)| base.abs() > 1e-12)
                    .map(|(v, base)| (v / base - 1.0) * 100.0),
            );
        }
    }
    out
}

/// Shipments of segment `i` split into replacement and growth.
fn shipments_split(input: &ChartInput, p: &Projection, i: usize) -> ChartSpec {
    let b = &input.baseline;
    let (s, bs) = (&p.segments[i], &b.segments[i]);
    let line = |label: &str, role, pick: fn(&SegmentProjection) -> &Vec<f64>| {
        Series::new(
            label,
            role,
            by_year(p, s, pick(s)),
            Some(aligned(p, b, &by_year(b, bs, pick(bs)))),
        )
    };
    let mut spec = ChartSpec::new(
        format!("{} shipments = replacement + growth", s.label),
        "M units",
        vec![
            line("Replacement", Role::Replacement, |s| &s.replacement_m),
            line("Growth", Role::Growth, |s| &s.growth_m),
            line("Shipments", Role::Segment(i), |s| &s.shipments_m),
        ],
        false,
    );
    if let Some(d) = input.data.segments[i].devices() {
        spec.series[2].observed = observed(input, &d.shipments);
    }
    spec
}

/// The charts `input` shows, in absolute values (see [`apply_view`]): one, or two panes for
/// shipments (all segments above, the selected segment's replacement vs growth split below;
/// a short screen shows only the last).
pub fn chart_specs(input: &ChartInput) -> Vec<ChartSpec> {
    let mut specs = specs_for(input, input.projection);
    if let Some(change) = specs.iter_mut().find(|s| s.change_pane) {
        change.extent = reach(input);
    }
    // Pinned scenarios: each pane's main line (the total, or the last series) once more per pin.
    for (k, pin) in input.pins.iter().enumerate() {
        for (pane, pinned) in specs.iter_mut().zip(specs_for(input, pin.projection)) {
            let main = |spec: &ChartSpec| {
                spec.series
                    .iter()
                    .position(|s| s.role == Role::Total)
                    .or(spec.series.len().checked_sub(1))
            };
            if pane.log
                && !pane.series.iter().any(|s| s.role == Role::Total)
                && pane.series.len() > 3
            {
                continue; // segment comparisons on a log axis: one more line per segment would bury them
            }
            if let Some(j) = main(&pinned) {
                let values = pinned.series[j].values.clone();
                pane.series
                    .push(Series::new(pin.name, Role::Pinned(k), values, None));
            }
        }
    }
    specs
}

/// The charts for projection `p` (the current one, or a pinned one), against `input`'s baseline.
fn specs_for(input: &ChartInput, p: &Projection) -> Vec<ChartSpec> {
    let b = &input.baseline;
    match input.kind {
        ChartKind::Dram | ChartKind::Nand => {
            let memory = input.kind.demand_memory().unwrap_or(Memory::Dram);
            let mut series = segment_series(input, p, |s| s.eb(memory), false);
            // The total is the industry's figure in history years (where the data has one);
            // the segments below it are the model's reconstruction.
            let (t, bt) = (p.reported_series(memory), b.reported_series(memory));
            let mut total = Series::new(
                "Total",
                Role::Total,
                every_year(&t),
                Some(aligned(p, b, &every_year(&bt))),
            );
            if let Some(m) = &input.data.market {
                total.observed = observed(input, &m.memory(memory).bits);
            }
            series.push(total);
            let mut spec =
                ChartSpec::new(format!("{} demand", memory.label()), "EB", series, false);
            spec.stacked = true;
            let spec = with_band(spec, band(input, memory, Quantity::Demand));
            let change = demand_change(input, &spec);
            std::iter::once(spec).chain(change).collect()
        }
        ChartKind::Shipments => {
            let by_segment = ChartSpec::new(
                "Shipments by segment",
                "M units, log",
                segment_series(input, p, |s| &s.shipments_m, true),
                true,
            );
            match input.selected_segment.filter(|i| p.segments[*i].has_units) {
                Some(i) => vec![by_segment, shipments_split(input, p, i)],
                None => vec![by_segment],
            }
        }
        ChartKind::InstalledBase => vec![ChartSpec::new(
            "Installed base by segment",
            "M units, log",
            segment_series(input, p, |s| &s.installed_base_m, true),
            true,
        )],
        ChartKind::Balance | ChartKind::Price => crate::chart::market::market_specs(input, p),
    }
}
