//! The chart panel: tabs, title, legend and a ratatui `Chart` of the selected series.

use super::super::app::{App, Focus, ViewMode};
use super::super::chart_data::chart_specs;
use super::super::chart_spec::{ChartSpec, Role, apply_view, x_window, y_bounds, year_at};
use super::super::layout::{ScreenLayout, chart_tabs, inner};
use super::super::theme::Theme;
use super::chart_band::band;
use super::panel;
use crate::model::Regime;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Widget, Wrap};

/// Colour of a series.
fn role_style(t: Theme, role: Role) -> Style {
    match role {
        Role::Segment(i) => t.segment(i),
        Role::Total | Role::Demand => t.total(),
        Role::Supply => t.segment(0),
        Role::Replacement | Role::Price => t.segment(1),
        Role::Growth | Role::Revenue => t.segment(2),
        Role::Sufficiency => t.segment(3),
        Role::Pinned(k) => t.pinned(k),
    }
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

/// The points of the owned series, before datasets borrow them.
struct Lines {
    history: Vec<Vec<(f64, f64)>>,
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
            let v = (*v)?;
            if !keep(year) || (spec.log && v <= 0.0) {
                return None;
            }
            Some((f64::from(year), if spec.log { v.log10() } else { v }))
        })
        .collect()
}

/// Whether a series keeps a baseline ghost: the total where there is one, the main quantity of a
/// market pane, else the selected segment's line (a ghost for every series would bury the chart).
fn ghosted(app: &App, spec: &ChartSpec, role: Role) -> bool {
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

/// Height from which the shipments chart shows both panes.
const TWO_PANES_FROM: u16 = 20;

/// The terminal height from which the explorer's chart panel shows two panes (`None` in
/// presentation mode, whose layout is its own, or beyond any usual terminal).
fn rows_for_two_panes(app: &App) -> Option<u16> {
    if app.presenting.is_some() {
        return None;
    }
    let fits = |h: u16| {
        ScreenLayout::new(Rect::new(0, 0, app.size.width, h))
            .is_some_and(|l| inner(l.chart).height >= TWO_PANES_FROM)
    };
    // The chart grows with the terminal's height, so a bisection finds the first height in a
    // handful of layouts (this runs on every redraw of a short screen).
    let (mut lo, mut hi) = (app.size.height, app.size.height.saturating_add(100));
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
    let t = app.theme;
    let mut specs: Vec<ChartSpec> = chart_specs(app)
        .into_iter()
        .map(|s| apply_view(s, app.view))
        .collect();
    let inner_area = inner(area);
    if specs.len() > 1 && inner_area.height < TWO_PANES_FROM {
        // Nothing disappears silently: the pane left out is named, with the height it needs.
        let left_out: Vec<String> = specs
            .drain(..specs.len() - 1)
            .map(|s| s.title.split(" (").next().unwrap_or_default().to_owned())
            .collect();
        let needs = rows_for_two_panes(app).map_or_else(
            || "in a taller window".to_owned(),
            |rows| format!("at {rows}+ rows"),
        );
        if let Some(last) = specs.last_mut() {
            last.note = Some(format!("▲ {} {needs}", left_out.join(", ")));
        }
    }
    let Some(last) = specs.last() else { return };
    let view = if app.view == ViewMode::Absolute {
        String::new()
    } else {
        format!(", {}", app.view.label())
    };
    panel(app, Focus::Chart, Line::default())
        .title_bottom(title_line(app, last, &view))
        .render(area, buf);
    for (kind, r, text) in chart_tabs(area) {
        if r.right() >= area.right() {
            break;
        }
        let style = if kind == app.chart {
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
        let top_height = inner_area.height / 2;
        let top_area = Rect::new(inner_area.x, inner_area.y, inner_area.width, top_height);
        Paragraph::new(title_line(app, top, &view))
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

/// A chart's title and unit.
fn title_line<'a>(app: &App, spec: &ChartSpec, view: &str) -> Line<'a> {
    Line::from(vec![
        Span::styled(
            format!(" {}", spec.title),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::styled(format!(" ({}{view}) ", spec.unit), app.theme.dim()),
    ])
}

/// Draws one chart: legend, then the plot.
/// The legend line: each series, then the baseline, observations and regimes when shown.
fn legend(t: Theme, spec: &ChartSpec, baseline: bool, observed: bool) -> Line<'static> {
    let mut head = Vec::new();
    for s in &spec.series {
        let symbol = if s.role == Role::Total { "━" } else { "■" };
        head.push(Span::styled(symbol, role_style(t, s.role)));
        head.push(Span::raw(format!(" {} ", s.label)));
    }
    if baseline {
        head.push(Span::styled("┄", t.baseline()));
        head.push(Span::styled(" baseline ", t.dim()));
    }
    if observed {
        head.push(Span::styled("•", t.key()));
        head.push(Span::styled(" observed ", t.dim()));
    }
    if spec.regime.is_some() {
        head.push(Span::styled(
            if t.color { "▄" } else { "█" },
            t.regime(Regime::Tight),
        ));
        head.push(Span::styled(" tight ", t.dim()));
        head.push(Span::styled("▄", t.regime(Regime::Glut)));
        head.push(Span::styled(" glut ", t.dim()));
    }
    if let Some(note) = &spec.note {
        head.push(Span::styled(format!(" {note}"), t.dim()));
    }
    Line::from(head)
}

/// A dataset drawn as a line.
fn line_of(data: &[(f64, f64)], marker: Marker, style: Style) -> Dataset<'_> {
    Dataset::default()
        .data(data)
        .graph_type(GraphType::Line)
        .marker(marker)
        .style(style)
}

/// A dataset drawn as separate points.
fn points_of(data: &[(f64, f64)], marker: Marker, style: Style) -> Dataset<'_> {
    Dataset::default()
        .data(data)
        .graph_type(GraphType::Scatter)
        .marker(marker)
        .style(style)
}

fn pane(app: &App, spec: &ChartSpec, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let p = &app.projection;
    let base = p.base_year;
    let ghost = app.show_baseline && app.is_modified() && app.view == ViewMode::Absolute;
    let (from, to) = x_window(p, app.all_years);
    let lines = Lines {
        history: spec
            .series
            .iter()
            .map(|s| match s.role {
                Role::Pinned(_) => Vec::new(), // a pin's history is the current history
                _ => points(app, spec, &s.values, |y| (from..=base).contains(&y)),
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
    let cursor = vec![(f64::from(app.year), lo), (f64::from(app.year), hi)];
    let base_marker = vec![(f64::from(base) + 0.5, lo), (f64::from(base) + 0.5, hi)];

    // Legend above the plot (the title is on the bottom border).
    let head = legend(
        t,
        spec,
        lines.baseline.iter().any(|b| !b.is_empty()),
        !observed.is_empty(),
    );
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
            let style = role_style(t, s.role).add_modifier(Modifier::DIM);
            (
                style,
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
    let mut datasets: Vec<Dataset> = bands
        .iter()
        .map(|(style, points)| points_of(points, t.marker, *style))
        .collect();
    datasets.extend([
        line_of(&base_marker, t.marker, t.dim()),
        line_of(&cursor, t.marker, t.cursor()),
    ]);
    for b in lines.baseline.iter().filter(|b| !b.is_empty()) {
        datasets.push(line_of(b, t.marker, t.baseline()));
    }
    for (s, h) in spec.series.iter().zip(&lines.history) {
        let style = role_style(t, s.role).add_modifier(Modifier::DIM);
        datasets.push(line_of(h, t.marker, style));
    }
    for (s, pr) in spec.series.iter().zip(&lines.projection) {
        // Without colour, pinned lines are told apart by their dotted marker.
        let marker = match s.role {
            Role::Pinned(_) if !t.color => Marker::Dot,
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
    // Ratatui spaces labels evenly, so the middle one names the middle year, and only when it
    // is a whole year; it carries the base-year mark only when that is where the base year is.
    let middle = match (from + to) % 2 == 0 {
        true if (from + to) / 2 == base => format!("{base}|"),
        true => ((from + to) / 2).to_string(),
        false => String::new(),
    };
    let x_labels = [from.to_string(), middle, to.to_string()];
    let y_label = |v: f64| {
        if spec.log {
            compact(10f64.powf(v))
        } else {
            compact(v)
        }
    };
    let y_labels = [y_label(lo), y_label((lo + hi) / 2.0), y_label(hi)];
    Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([x0, x1])
                .labels(x_labels.map(|l| Span::styled(l, t.dim())))
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
}

#[cfg(test)]
mod tests {
    use super::compact;

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
}
