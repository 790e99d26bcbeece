//! The chart panel: tabs, title, legend and a ratatui `Chart` of the selected series.

use super::super::app::{App, Focus, ViewMode};
use super::super::chart_data::chart_specs;
use super::super::chart_spec::{ChartSpec, Role, apply_view, x_window, y_bounds, year_at};
use super::super::layout::{ScreenLayout, chart_tabs, inner};
use super::chart_axis::{compact, draw_labels, label_years};
use super::chart_band::band;
use super::chart_series::{
    history_style, legend, line_of, points_of, role_style, selected_outline, stack_fills,
};
use super::chart_stack::{layers as stack_layers, paint as paint_stack};
use super::panel;
use crate::model::Regime;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, Paragraph, Widget, Wrap};

/// The points of the owned series, before datasets borrow them.
struct Lines {
    /// Per series, its runs of consecutive years (unpublished history years break a line rather
    /// than being bridged).
    history: Vec<Vec<Vec<(f64, f64)>>>,
    projection: Vec<Vec<(f64, f64)>>,
    baseline: Vec<Vec<(f64, f64)>>,
}

fn points(
    app: &App,
    spec: &ChartSpec,
    values: &[Option<f64>],
    keep: impl Fn(i32) -> bool,
) -> Vec<(f64, f64)> {
    values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let year = year_at(&app.projection, i);
            let v = (*v).filter(|v| v.is_finite())?;
            if !keep(year) || (spec.log && v <= 0.0) {
                return None;
            }
            Some((f64::from(year), if spec.log { v.log10() } else { v }))
        })
        .collect()
}

/// `points` split where a year is missing.
fn runs(points: Vec<(f64, f64)>) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    for point in points {
        match out.last_mut() {
            Some(run) if run.last().is_some_and(|last| point.0 - last.0 <= 1.0) => run.push(point),
            _ => out.push(vec![point]),
        }
    }
    out
}

/// Whether a series keeps a baseline ghost: the total where there is one, the main quantity of a
/// market pane, else the selected segment's line (a ghost for every series would bury the chart).
pub(crate) fn ghosted(app: &App, spec: &ChartSpec, role: Role) -> bool {
    if spec.series.iter().any(|s| s.role == Role::Total) {
        role == Role::Total
    } else if matches!(
        role,
        Role::Demand | Role::Sufficiency | Role::Price | Role::Revenue
    ) {
        // Market panes: the quantity the pane is about.
        true
    } else {
        app.selected_segment()
            .is_some_and(|i| role == Role::Segment(i))
    }
}

/// The fill points of the pane's uncertainty band: P10-P90, then P25-P75 (empty without one).
fn uncertainty_fill(
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
                let v = q.as_ref()?[k];
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

/// Whether `role` is the pane's main line, drawn heavy: the one that keeps a baseline ghost,
/// except segments of a stacked area (their area is the heavy mark) and the change pane's
/// lines (braille's four dot rows per cell show a step's small move; half blocks have two).
fn main_line(app: &App, spec: &ChartSpec, role: Role) -> bool {
    let stacked_segment = spec.stacked && matches!(role, Role::Segment(_));
    !(spec.change_pane || stacked_segment) && ghosted(app, spec, role)
}

/// Height from which the shipments chart shows both panes.
const TWO_PANES_FROM: u16 = 20;
/// Height from which the demand charts show their change pane (it needs fewer rows: one line
/// or two, no legend to speak of).
const CHANGE_PANE_FROM: u16 = 16;

/// The height from which `specs` show in two panes.
fn two_panes_from(specs: &[ChartSpec]) -> u16 {
    if specs.iter().any(|s| s.change_pane) {
        CHANGE_PANE_FROM
    } else {
        TWO_PANES_FROM
    }
}

/// The terminal height from which the explorer's chart panel shows two panes (`None` in
/// presentation mode, whose layout is its own, or beyond any usual terminal).
fn rows_for_two_panes(app: &App, needed: u16) -> Option<u16> {
    if app.ui.presenting.is_some() {
        return None;
    }
    let fits = |h: u16| {
        ScreenLayout::new(Rect::new(0, 0, app.ui.size.width, h))
            .is_some_and(|l| inner(l.chart).height >= needed)
    };
    // The chart grows with the terminal's height, so a bisection finds the first height in a
    // handful of layouts (this runs on every redraw of a short screen).
    let (mut lo, mut hi) = (app.ui.size.height, app.ui.size.height.saturating_add(100));
    if !fits(hi) {
        return None;
    }
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if fits(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Some(lo)
}

/// Draws the panel.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.ui.theme;
    let mut specs: Vec<ChartSpec> = chart_specs(app)
        .into_iter()
        .map(|s| apply_view(s, app.ui.view))
        .collect();
    let inner_area = inner(area);
    let needed = two_panes_from(&specs);
    if specs.len() > 1 && inner_area.height < needed {
        // Nothing disappears silently: the pane left out (the upper one: the lower one shows
        // the detail, the split or the change) is named, with the height it needs.
        let removed = specs.remove(0).title;
        let left_out = removed.split(" (").next().unwrap_or_default();
        let needs = rows_for_two_panes(app, needed).map_or_else(
            || "in a taller window".to_owned(),
            |rows| format!("at {rows}+ rows"),
        );
        if let Some(last) = specs.last_mut() {
            last.note = Some(format!("▲ {left_out} {needs}"));
        }
    }
    let Some(last) = specs.last() else { return };
    panel(app, Focus::Chart, Line::default())
        .title_bottom(title_line(app, last))
        .render(area, buf);
    for (kind, r, text) in chart_tabs(area) {
        if r.right() >= area.right() {
            break;
        }
        let style = if kind == app.ui.chart {
            t.selected()
        } else {
            t.dim()
        };
        buf.set_string(r.x, r.y, text, style);
    }
    if inner_area.height < 3 || inner_area.width < 10 {
        return;
    }
    if let [top, bottom] = specs.as_slice() {
        // The change pane takes two fifths, a split half.
        let top_height = if bottom.change_pane {
            inner_area.height * 3 / 5
        } else {
            inner_area.height / 2
        };
        let top_area = Rect::new(inner_area.x, inner_area.y, inner_area.width, top_height);
        Paragraph::new(title_line(app, top))
            .render(Rect::new(top_area.x, top_area.y, top_area.width, 1), buf);
        pane(
            app,
            top,
            Rect::new(top_area.x, top_area.y + 1, top_area.width, top_height - 1),
            buf,
        );
        let bottom_area = Rect::new(
            inner_area.x,
            inner_area.y + top_height,
            inner_area.width,
            inner_area.height - top_height,
        );
        pane(app, bottom, bottom_area, buf);
    } else {
        pane(app, last, inner_area, buf);
    }
}

/// A chart's title and unit (in the change views the unit says what it is compared with).
fn title_line<'a>(app: &App, spec: &ChartSpec) -> Line<'a> {
    Line::from(vec![
        Span::styled(
            format!(" {}", spec.title),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::styled(format!(" ({}) ", spec.unit), app.ui.theme.dim()),
    ])
}

/// Draws one chart: legend, then the plot.
fn pane(app: &App, spec: &ChartSpec, area: Rect, buf: &mut Buffer) {
    let t = app.ui.theme;
    let p = &app.projection;
    let base = p.base_year;
    let ghost = app.ui.show_baseline && app.is_modified() && app.ui.view == ViewMode::Absolute;
    let (from, to) = x_window(p, app.ui.all_years);
    let lines = Lines {
        history: spec
            .series
            .iter()
            .map(|s| match s.role {
                Role::Pinned(_) => Vec::new(), // a pin's history is the current history
                _ => runs(points(app, spec, &s.values, |y| (from..=base).contains(&y))),
            })
            .collect(),
        projection: spec
            .series
            .iter()
            .map(|s| points(app, spec, &s.values, |y| y >= base))
            .collect(),
        baseline: spec
            .series
            .iter()
            .map(
                |s| match (&s.baseline, ghost && ghosted(app, spec, s.role)) {
                    (Some(b), true) => points(app, spec, b, |y| y >= base),
                    _ => Vec::new(),
                },
            )
            .collect(),
    };
    let (lo, hi) = y_bounds(spec, p.index(from).unwrap_or(0));
    let observed: Vec<(f64, f64)> = spec
        .series
        .iter()
        .flat_map(|s| {
            s.observed
                .as_deref()
                .map(|o| points(app, spec, o, |y| y >= from))
                .unwrap_or_default()
        })
        .collect();
    // The regime strip: one point per year on the bottom row, by regime.
    let strip = |which: Regime| -> Vec<(f64, f64)> {
        spec.regime
            .iter()
            .flat_map(|r| {
                r.iter()
                    .enumerate()
                    .filter(|(_, x)| **x == which)
                    .map(|(i, _)| (f64::from(p.first_year + i as i32), lo))
                    .filter(|(x, _)| *x >= f64::from(from))
            })
            .collect()
    };
    let (tight, glut) = (strip(Regime::Tight), strip(Regime::Glut));
    let cursor = vec![(f64::from(app.ui.year), lo), (f64::from(app.ui.year), hi)];
    let base_marker = vec![(f64::from(base) + 0.5, lo), (f64::from(base) + 0.5, hi)];

    // Legend above the plot (the title is on the bottom border).
    let shown = (
        lines.baseline.iter().any(|b| !b.is_empty()),
        !observed.is_empty(),
        spec.band.as_ref().map(|_| {
            if app.insight.band_mode == super::super::insight_state::BandMode::Errors {
                " (past errors)"
            } else {
                ""
            }
        }),
    );
    let mut head = legend(t, spec, shown, app.selected_segment(), false);
    let rows = |l: &Line| l.width().div_ceil(usize::from(area.width.max(1)));
    let short = legend(t, spec, shown, app.selected_segment(), true);
    if rows(&short) < rows(&head) {
        // The texture's note goes first when it costs the plot a row.
        head = short;
    }
    let legend_height = (head.width() as u16)
        .div_ceil(area.width.max(1))
        .clamp(1, 3);
    let legend = Paragraph::new(head).wrap(Wrap { trim: true });
    legend.render(Rect::new(area.x, area.y, area.width, legend_height), buf);
    let plot = Rect::new(
        area.x,
        area.y + legend_height,
        area.width,
        area.height.saturating_sub(legend_height),
    );
    if plot.height < 3 {
        return;
    }

    // The gap between the baseline and the current line, filled, so a move shows as an area.
    let bands: Vec<(Style, Vec<(f64, f64)>)> = spec
        .series
        .iter()
        .zip(lines.projection.iter().zip(&lines.baseline))
        .filter(|(_, (_, b))| !b.is_empty())
        .map(|(s, (current, baseline))| {
            (
                role_style(t, s.role),
                band(
                    current,
                    baseline,
                    plot,
                    (f64::from(from), f64::from(to)),
                    (lo, hi),
                ),
            )
        })
        .collect();
    let layers = if spec.stacked {
        stack_layers(spec, p.first_year, from, base)
    } else {
        Vec::new()
    };
    let zero = (lo < 0.0 && hi > 0.0).then(|| vec![(f64::from(from), 0.0), (f64::from(to), 0.0)]);
    // The uncertainty band of the main series: P10-P90 in grey, P25-P75 in the series' colour.
    let uncertainty = uncertainty_fill(app, spec, plot, (from, to), (lo, hi));
    let mut datasets: Vec<Dataset> = selected_outline(app, &layers).into_iter().collect();
    let main_style = spec
        .series
        .iter()
        .find(|s| ghosted(app, spec, s.role))
        .map_or(t.total(), |s| role_style(t, s.role));
    datasets.extend(
        uncertainty
            .iter()
            .zip([t.baseline(), main_style])
            .map(|(points, style)| points_of(points, Marker::Braille, style)),
    );
    datasets.extend(
        bands
            .iter()
            .map(|(style, points)| points_of(points, Marker::Braille, *style)),
    );
    datasets.extend(zero.iter().map(|z| line_of(z, t.marker, t.dim())));
    datasets.extend([
        line_of(&base_marker, t.marker, t.dim()),
        line_of(&cursor, t.marker, t.cursor()),
    ]);
    let drawn = |role: Role| !(spec.stacked && matches!(role, Role::Segment(_)));
    for (s, runs) in spec
        .series
        .iter()
        .zip(&lines.history)
        .filter(|(s, _)| drawn(s.role))
    {
        for h in runs {
            datasets.push(line_of(h, t.marker, history_style(t, s.role)));
        }
    }
    // The baseline ghost under the current line: the heavy current line is continuous, and the
    // ghost shows wherever the two part (where they share a cell they are the same number).
    for b in lines.baseline.iter().filter(|b| !b.is_empty()) {
        datasets.push(line_of(b, t.marker, t.baseline()));
    }
    for (s, pr) in spec
        .series
        .iter()
        .zip(&lines.projection)
        .filter(|(s, _)| drawn(s.role))
    {
        // The pane's main line is drawn heavy (half blocks) where the chosen marker is braille,
        // to be read from the back of a room; without colour, pinned lines are told apart by
        // their dotted marker.
        let marker = match s.role {
            Role::Pinned(_) if !t.color => Marker::Dot,
            // Without colour a stacked area's shades would swallow a block line.
            _ if t.marker == Marker::Braille
                && (t.color || !spec.stacked)
                && main_line(app, spec, s.role) =>
            {
                if t.color {
                    Marker::HalfBlock
                } else {
                    Marker::Block
                }
            }
            _ => t.marker,
        };
        datasets.push(line_of(pr, marker, role_style(t, s.role)));
    }
    // Without colour the two regimes differ by shape: full blocks tight, half blocks glut.
    let glut_marker = if t.color { Marker::Block } else { Marker::Bar };
    datasets.extend([
        points_of(&tight, Marker::Block, t.regime(Regime::Tight)),
        points_of(&glut, glut_marker, t.regime(Regime::Glut)),
        points_of(&observed, Marker::Dot, t.key()),
    ]);
    let (x0, x1) = (f64::from(from), f64::from(to));
    let y_label = |v: f64| {
        if spec.log {
            compact(10f64.powf(v))
        } else {
            compact(v)
        }
    };
    let y_labels = [y_label(lo), y_label((lo + hi) / 2.0), y_label(hi)];
    let y_label_width = y_labels.iter().map(String::len).max().unwrap_or(0) as u16;
    Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([x0, x1])
                // Two empty labels keep ratatui's axis line and label row; the labels are drawn
                // below, each on its year.
                .labels([Span::raw(""), Span::raw("")])
                .style(t.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([lo, hi])
                .labels(y_labels.map(|l| Span::styled(l, t.dim())))
                .style(t.dim()),
        )
        .legend_position(None)
        .render(plot, buf);
    // The graph area as ratatui lays it out: right of the y labels and the axis line, above the
    // axis line and the label row.
    let graph = Rect::new(
        plot.x + y_label_width + 1,
        plot.y,
        plot.width.saturating_sub(y_label_width + 1),
        plot.height.saturating_sub(2),
    );
    let years = label_years(from, to, base, graph.width);
    draw_labels(buf, graph, plot, (x0, x1), (&years, base), t.dim());
    // The stacked area goes in behind what the chart drew (see `chart_stack`).
    paint_stack(
        buf,
        graph,
        ((x0, x1), (lo, hi)),
        &layers,
        &stack_fills(t, &layers),
    );
}
