//! The explorer's export (`e`, and `memcycle chart`): the chart as shown (same series, baseline,
//! pins, bands, stacked segments and axis labels) as SVG, and the projection of the current
//! settings as CSV, written into the exports directory.

use crate::export::ExportError;
use crate::export::svg::{Area, Figure, Line, Pane, render};
use crate::tui::chart::data::chart_specs;
use crate::tui::chart::geometry::{Layer, compact as compact_label, ghosted, label_years, layers};
use crate::tui::chart::spec::{ChartSpec, Role, apply_view, x_window, y_bounds};
use crate::tui::state::app::App;
use std::path::PathBuf;

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
fn points(app: &App, spec: &ChartSpec, values: &[Option<f64>], from: i32) -> Vec<(f64, f64)> {
    crate::tui::chart::geometry::points(app, spec, values, |y| y >= from)
}

/// One pane of the figure.
fn pane(app: &App, spec: &ChartSpec) -> Pane {
    let p = &app.projection;
    let base = p.base_year;
    let (from, to) = x_window(p, app.ui.all_years);
    let (lo, hi) = y_bounds(spec, p.index(from).unwrap_or(0));
    let label = |v: f64| compact_label(if spec.log { 10f64.powf(v) } else { v });
    let mut areas = Vec::new();
    if spec.stacked {
        areas.extend(stacked_areas(app, spec, (from, base)));
    }
    if let Some(band) = &spec.band {
        areas.extend(band_areas(app, spec, band, base.max(from)));
    }
    let ghost = app.ui.show_baseline && app.is_modified();
    let mut lines = Vec::new();
    for s in &spec.series {
        if let (Some(b), true) = (&s.baseline, ghost && ghosted(app, spec, s.role)) {
            lines.push(Line {
                label: "baseline".to_owned(),
                color: BASELINE_HEX.to_owned(),
                width: 3.0,
                dashed: true,
                points: points(app, spec, b, base),
            });
        }
    }
    for s in &spec.series {
        if spec.stacked && matches!(s.role, Role::Segment(_)) {
            continue;
        }
        let main = ghosted(app, spec, s.role);
        lines.push(Line {
            label: s.label.clone(),
            color: color(s.role).to_owned(),
            width: if main { 5.0 } else { 3.0 },
            dashed: matches!(s.role, Role::Pinned(_)),
            points: points(app, spec, &s.values, from),
        });
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
fn stacked_areas(app: &App, spec: &ChartSpec, (from, base): (i32, i32)) -> Vec<Area> {
    let p = &app.projection;
    let mut areas = Vec::new();
    let stack = layers(spec, p.first_year, from, base);
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
    app: &App,
    spec: &ChartSpec,
    band: &[Option<crate::insight::Quantiles>],
    from: i32,
) -> Vec<Area> {
    let mut areas = Vec::new();
    let edge = |q: usize| -> Vec<(f64, f64)> {
        let values: Vec<Option<f64>> = band.iter().map(|b| b.map(|b| b.to_array()[q])).collect();
        points(app, spec, &values, from)
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
fn changes(app: &App) -> String {
    let changed: Vec<String> = (0..app.specs().len())
        .filter(|i| app.is_changed(*i))
        .map(|i| {
            let s = &app.specs()[i];
            format!(
                "{} {} → {}",
                s.id,
                crate::format::figure(s.default),
                crate::format::figure(app.value(i))
            )
        })
        .collect();
    if changed.is_empty() {
        "baseline settings".to_owned()
    } else {
        changed.join("; ")
    }
}

/// The chart on screen as an SVG document.
pub fn chart_svg(app: &App) -> String {
    let panes: Vec<Pane> = chart_specs(app)
        .into_iter()
        .map(|s| apply_view(s, app.ui.view))
        .map(|s| pane(app, &s))
        .collect();
    let figure = Figure {
        title: format!("{}: {}", app.session.scenario, app.ui.chart.tab()),
        subtitle: format!(
            "{} · history to {}, memcycle {}",
            changes(app),
            app.projection.base_year,
            env!("CARGO_PKG_VERSION")
        ),
        panes,
    };
    render(&figure)
}

/// The exports directory: the configured one, else `exports/` beside the scenarios directory.
pub fn exports_dir(app: &App) -> Option<PathBuf> {
    app.session.exports_dir.clone().or_else(|| {
        app.session
            .store
            .dir
            .as_ref()
            .and_then(|d| d.parent().map(|p| p.join("exports")))
    })
}

/// Most characters of the scenario's name in an export's file name (a 10,000-character name
/// made every export fail with "File name too long").
const MAX_NAME_IN_FILE: usize = 40;

/// `<scenario>[-modified]-<what>-<date>-<time>`: the scenario's slug (shortened), marked when
/// the settings differ from it, what is exported (the chart, or `handout`) and the local time
/// to the second.
pub(in crate::tui) fn export_stem(app: &App, what: &str) -> String {
    let slug: String = crate::scenario::slug(&app.session.scenario)
        .chars()
        .take(MAX_NAME_IN_FILE)
        .collect();
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "settings" } else { slug };
    format!(
        "{slug}{}-{}-{}",
        if app.is_edited() { "-modified" } else { "" },
        what,
        chrono::Local::now().format("%Y%m%d-%H%M%S")
    )
}

/// `stem`, or `stem-2`, `stem-3` ...: the first with no file of any of the `extensions` yet
/// (two exports in the same second overwrote each other).
pub(in crate::tui) fn free_stem(dir: &std::path::Path, stem: &str, extensions: &[&str]) -> String {
    (1..)
        .map(|n| {
            if n == 1 {
                stem.to_owned()
            } else {
                format!("{stem}-{n}")
            }
        })
        .find(|s| {
            extensions
                .iter()
                .all(|ext| !dir.join(format!("{s}.{ext}")).exists())
        })
        .unwrap_or_else(|| stem.to_owned())
}

/// Writes the chart (SVG, and PNG for slide tools that take no SVG) and the projection (CSV)
/// into the exports directory; returns the SVG's and the CSV's paths (the PNG sits beside the
/// SVG).
pub fn export(app: &App) -> Result<(PathBuf, PathBuf), ExportError> {
    let dir = exports_dir(app).ok_or(ExportError::NoDirectory)?;
    // What an export killed halfway left behind goes first.
    crate::export::remove_stale_temp_files(&dir, &["svg", "png", "csv"]);
    let chart = app.ui.chart.short().to_lowercase().replace('/', "");
    let stem = free_stem(&dir, &export_stem(app, &chart), &["svg", "png", "csv"]);
    let write = |name: String, bytes: &[u8]| {
        crate::export::write_bytes_atomically(&dir, &name, bytes).map_err(|source| {
            ExportError::Write {
                path: dir.join(&name),
                source,
            }
        })
    };
    let chart = chart_svg(app);
    let png = crate::export::png::svg_to_png(&chart)?;
    write(format!("{stem}.png"), &png)?;
    let svg = write(format!("{stem}.svg"), chart.as_bytes())?;
    let csv = write(
        format!("{stem}.csv"),
        crate::export::projection_csv::to_csv(&app.projection).as_bytes(),
    )?;
    Ok((svg, csv))
}
