//! A chart as an SVG document: the chart as shown (same series, baseline, pins, bands, stacked
//! segments and axis labels), with the scenario's name and what changed. The explorer's export
//! (`e`), the handout and `memcycle chart` all write it.

use crate::chart::data::chart_specs;
use crate::chart::geometry::{Layer, compact as compact_label, ghosted, label_years, layers};
use crate::chart::input::ChartInput;
use crate::chart::scene::Scene;
use crate::chart::spec::{ChartSpec, Role, apply_view, x_window, y_bounds};
use crate::export::svg::{Area, Figure, Line, Pane, Stroke, render};

/// Segment colours on a white slide (the terminal's cyan, yellow, ... in print-safe shades).
const SEGMENT_HEX: [&str; 8] = [
    "#1b9aaa", "#d99a00", "#2e9e44", "#b03ab0", "#e4572e", "#3a5fcd", "#7cc46a", "#b8a040",
];
/// Pin colours.
const PIN_HEX: [&str; 3] = ["#ff8700", "#d65db1", "#8d6e4a"];
/// Totals and main lines.
const MAIN_HEX: &str = "#111111";
/// The baseline ghost.
const BASELINE_HEX: &str = "#888888";

fn color(role: Role) -> &'static str {
    match role {
        Role::Segment(i) => SEGMENT_HEX[i % SEGMENT_HEX.len()],
        Role::Total | Role::Demand => MAIN_HEX,
        Role::Supply => SEGMENT_HEX[0],
        Role::Replacement | Role::Price => SEGMENT_HEX[1],
        Role::Growth | Role::Revenue => SEGMENT_HEX[2],
        Role::Sufficiency => SEGMENT_HEX[3],
        Role::Pinned(k) => PIN_HEX[k % PIN_HEX.len()],
    }
}

/// (year, value) points of `values` from `from` on, on the pane's axis.
fn points(
    input: &ChartInput,
    spec: &ChartSpec,
    values: &[Option<f64>],
    from: i32,
) -> Vec<(f64, f64)> {
    crate::chart::geometry::points(input.projection.first_year, spec, values, |y| y >= from)
}

/// One pane of the figure.
fn pane(input: &ChartInput, spec: &ChartSpec) -> Pane {
    let p = input.projection;
    let base = p.base_year;
    let (from, to) = x_window(p, input.all_years);
    let (lo, hi) = y_bounds(spec, p.index(from).unwrap_or(0));
    let label = |v: f64| compact_label(if spec.log { 10f64.powf(v) } else { v });
    let mut areas = Vec::new();
    if spec.stacked {
        areas.extend(stacked_areas(p.first_year, spec, (from, base)));
    }
    if let Some(band) = &spec.band {
        areas.extend(band_areas(input, spec, band, base.max(from)));
    }
    let ghost = input.ghosts_baseline();
    let mut lines = Vec::new();
    for s in &spec.series {
        if let (Some(b), true) = (
            &s.baseline,
            ghost && ghosted(input.selected_segment, spec, s.role),
        ) {
            lines.push(Line {
                label: "baseline".to_owned(),
                color: BASELINE_HEX.to_owned(),
                width: 3.0,
                stroke: Stroke::Dashed,
                points: points(input, spec, b, base),
            });
        }
    }
    for s in &spec.series {
        if spec.stacked && matches!(s.role, Role::Segment(_)) {
            continue;
        }
        let main = ghosted(input.selected_segment, spec, s.role);
        lines.push(Line {
            label: s.label.clone(),
            color: color(s.role).to_owned(),
            width: if main { 5.0 } else { 3.0 },
            stroke: if matches!(s.role, Role::Pinned(_)) {
                Stroke::Dashed
            } else {
                Stroke::Solid
            },
            points: points(input, spec, &s.values, from),
        });
    }
    // What happened after the base year (backtest mode), or the estimates published for the
    // year in progress: dots beside the line, named as on screen.
    for s in &spec.series {
        if let Some(observed) = &s.observed {
            lines.push(Line {
                label: if input.is_backtest() {
                    "observed"
                } else {
                    "published estimate"
                }
                .to_owned(),
                color: color(s.role).to_owned(),
                width: 7.0,
                stroke: Stroke::Dots,
                points: points(input, spec, observed, from),
            });
        }
    }
    let mid = (lo + hi) / 2.0;
    Pane {
        title: format!("{} ({})", spec.title, spec.unit),
        x: (from, to),
        base_year: base,
        y: (lo, hi),
        y_labels: vec![(lo, label(lo)), (mid, label(mid)), (hi, label(hi))],
        x_labels: label_years(from, to, base, 120),
        areas,
        lines,
    }
}

/// A stacked chart's segments as areas, each layer down to the one below it, from `from` on.
fn stacked_areas(first_year: i32, spec: &ChartSpec, (from, base): (i32, i32)) -> Vec<Area> {
    let mut areas = Vec::new();
    let stack = layers(spec, first_year, from, base);
    let joined = |l: &Layer| -> Vec<(f64, f64)> {
        let mut v = l.history.clone();
        v.extend(l.projection.iter().skip(usize::from(!l.history.is_empty())));
        v
    };
    for (k, layer) in stack.iter().enumerate() {
        let upper = joined(layer);
        let lower = stack
            .get(k + 1)
            .map_or_else(|| upper.iter().map(|(x, _)| (*x, 0.0)).collect(), joined);
        let name = spec
            .series
            .iter()
            .find(|s| s.role == layer.role)
            .map(|s| s.label.clone())
            .unwrap_or_default();
        areas.push(Area {
            label: name,
            color: color(layer.role).to_owned(),
            opacity: 0.85,
            upper,
            lower,
        });
    }
    areas
}

/// The uncertainty band of the main series as two areas (P10-P90, P25-P75), from `from` on.
fn band_areas(
    input: &ChartInput,
    spec: &ChartSpec,
    band: &[Option<crate::insight::Quantiles>],
    from: i32,
) -> Vec<Area> {
    let mut areas = Vec::new();
    let edge = |q: usize| -> Vec<(f64, f64)> {
        let values: Vec<Option<f64>> = band.iter().map(|b| b.map(|b| b.to_array()[q])).collect();
        points(input, spec, &values, from)
    };
    for (low, high, opacity, name) in [(0, 4, 0.15, "P10–P90"), (1, 3, 0.3, "P25–P75")] {
        areas.push(Area {
            label: name.to_owned(),
            color: MAIN_HEX.to_owned(),
            opacity,
            upper: edge(high),
            lower: edge(low),
        });
    }
    areas
}

/// What was changed against the baseline, for the subtitle.
fn changes(scene: &Scene) -> String {
    let catalog = &scene.setup.catalog;
    let changed: Vec<String> = scene
        .changed()
        .into_iter()
        .map(|i| {
            let s = &catalog.specs()[i];
            format!(
                "{} {} → {}",
                s.id,
                crate::format::figure(s.default),
                crate::format::figure(catalog.get(scene.params, i))
            )
        })
        .collect();
    if changed.is_empty() {
        "baseline settings".to_owned()
    } else {
        changed.join("; ")
    }
}

/// The scene's chart as an SVG document.
pub fn chart_svg(scene: &Scene) -> String {
    let input = &scene.chart;
    let panes: Vec<Pane> = chart_specs(input)
        .into_iter()
        .map(|s| apply_view(s, input.view))
        .map(|s| pane(input, &s))
        .collect();
    let figure = Figure {
        title: format!("{}: {}", scene.scenario, input.kind.tab()),
        subtitle: format!(
            "{} · history to {}, memcycle {}",
            changes(scene),
            input.projection.base_year,
            env!("CARGO_PKG_VERSION")
        ),
        panes,
    };
    render(&figure)
}
