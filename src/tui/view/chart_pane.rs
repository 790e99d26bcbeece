//! One pane of a chart: the points of its series, the legend, the datasets in drawing order,
//! the axes with labels on their years, and the stacked area behind it all.

use crate::chart::geometry::{
    Layer, compact, ghosted, label_years, layers as stack_layers, points,
};
use crate::chart::spec::{ChartSpec, Role, x_window, y_bounds, year_at};
use crate::model::Regime;
use crate::tui::state::app::{App, ViewMode};
use crate::tui::view::chart_axis::{column_of, draw_labels};
use crate::tui::view::chart_band::{band, uncertainty_fill};
use crate::tui::view::chart_series::{
    NO_COLOR_LINES, OBSERVED_GLYPH, history_style, legend, line_of, points_of, role_style,
    selected_outline, stack_fills,
};
use crate::tui::view::chart_stack::{Edge, paint as paint_stack};
use crate::units::Year;
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

/// Whether `role` is the pane's main line, drawn heavy: the one that keeps a baseline ghost,
/// except segments of a stacked area (their area is the heavy mark) and the change pane's
/// lines (braille's four dot rows per cell show a step's small move; half blocks have two).
fn main_line(app: &App, spec: &ChartSpec, role: Role) -> bool {
    let stacked_segment = spec.stacked && matches!(role, Role::Segment(_));
    !(spec.change_pane || stacked_segment) && ghosted(app.selected_segment(), spec, role)
}

/// The pane's window: years shown, base year and value bounds.
#[derive(Debug, Clone, Copy)]
struct Frame {
    from: Year,
    to: Year,
    base: Year,
    lo: f64,
    hi: f64,
}

/// Everything the pane draws that does not depend on the plot's size, owned so datasets can
/// borrow it.
struct Marks {
    lines: Lines,
    observed: Vec<(f64, f64)>,
    tight: Vec<(f64, f64)>,
    glut: Vec<(f64, f64)>,
    cursor: Vec<(f64, f64)>,
    base_marker: Vec<(f64, f64)>,
    zero: Option<Vec<(f64, f64)>>,
    layers: Vec<Layer>,
}

fn marks(app: &App, spec: &ChartSpec, f: Frame) -> Marks {
    let p = &app.projection;
    let ghost = app.ui.show_baseline && app.is_modified() && app.ui.view == ViewMode::Absolute;
    let lines = Lines {
        history: spec
            .series
            .iter()
            .map(|s| match s.role {
                Role::Pinned(_) => Vec::new(), // a pin's history is the current history
                _ => runs(points(app.projection.first_year, spec, &s.values, |y| {
                    (f.from..=f.base).contains(&y)
                })),
            })
            .collect(),
        projection: spec
            .series
            .iter()
            .map(|s| points(app.projection.first_year, spec, &s.values, |y| y >= f.base))
            .collect(),
        baseline: spec
            .series
            .iter()
            .map(|s| {
                match (
                    &s.baseline,
                    ghost && ghosted(app.selected_segment(), spec, s.role),
                ) {
                    (Some(b), true) => points(app.projection.first_year, spec, b, |y| y >= f.base),
                    _ => Vec::new(),
                }
            })
            .collect(),
    };
    let observed = spec
        .series
        .iter()
        .flat_map(|s| {
            s.observed
                .as_deref()
                .map(|o| points(app.projection.first_year, spec, o, |y| y >= f.from))
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
                    .map(|(i, _)| (f64::from(year_at(p, i)), f.lo))
                    .filter(|(x, _)| *x >= f64::from(f.from))
            })
            .collect()
    };
    let year = f64::from(app.ui.year);
    let base = f64::from(f.base) + 0.5;
    Marks {
        lines,
        observed,
        tight: strip(Regime::Tight),
        glut: strip(Regime::Glut),
        cursor: vec![(year, f.lo), (year, f.hi)],
        base_marker: vec![(base, f.lo), (base, f.hi)],
        zero: (f.lo < 0.0 && f.hi > 0.0)
            .then(|| vec![(f64::from(f.from), 0.0), (f64::from(f.to), 0.0)]),
        layers: if spec.stacked {
            stack_layers(spec, p.first_year, f.from, f.base)
        } else {
            Vec::new()
        },
    }
}

/// The legend line for a pane `width` cells wide: the full one, or the short one when that
/// saves a row, with `note` at its end.
fn legend_line(
    app: &App,
    spec: &ChartSpec,
    m: &Marks,
    width: u16,
    note: Option<&str>,
) -> Line<'static> {
    let t = app.ui.theme;
    let shown = (
        m.lines.baseline.iter().any(|b| !b.is_empty()),
        // Points after the base year: what happened (backtest mode), or the estimates
        // published for the year in progress.
        (!m.observed.is_empty()).then_some(if app.is_backtest() { "observed" } else { "est" }),
        spec.band.as_ref().map(|_| spec.band_label.as_str()),
    );
    let with_note = |mut l: Line<'static>| {
        if let Some(note) = note {
            l.spans.push(Span::styled(format!("{note} "), t.dim()));
        }
        l
    };
    let head = with_note(legend(t, spec, shown, app.selected_segment(), false));
    let short = with_note(legend(t, spec, shown, app.selected_segment(), true));
    if legend_rows(&short, width) < legend_rows(&head, width) {
        // The texture's note goes first when it costs the plot a row.
        short
    } else {
        head
    }
}

/// Rows a legend line needs in `width` cells.
fn legend_rows(line: &Line, width: u16) -> u16 {
    (line.width() as u16).div_ceil(width.max(1)).max(1)
}

fn render_legend(line: Line<'static>, area: Rect, buf: &mut Buffer) {
    Paragraph::new(line)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// Draws the legend at the top of `area`; returns what is left for the plot.
fn draw_legend(app: &App, spec: &ChartSpec, m: &Marks, area: Rect, buf: &mut Buffer) -> Rect {
    let head = legend_line(app, spec, m, area.width, None);
    // At most three rows: the rest is cut.
    let height = legend_rows(&head, area.width).min(3);
    render_legend(head, Rect::new(area.x, area.y, area.width, height), buf);
    Rect::new(
        area.x,
        area.y + height,
        area.width,
        area.height.saturating_sub(height),
    )
}

/// Says that some stacked segments were too thin for a half cell somewhere, and where to read
/// them instead: at the end of the legend when it fits in the legend's rows, else on the
/// graph's top left row (a stack rises to the right).
fn note_thin_segments(
    app: &App,
    spec: &ChartSpec,
    m: &Marks,
    (legend, graph): (Rect, Rect),
    buf: &mut Buffer,
) {
    let notes = [
        "thin segments not drawn (d: table by segment)",
        "thin segments hidden (d)",
    ];
    for note in notes {
        let line = legend_line(app, spec, m, legend.width, Some(note));
        if legend_rows(&line, legend.width) <= legend.height {
            for y in legend.top()..legend.bottom() {
                for x in legend.left()..legend.right() {
                    if let Some(cell) = buf.cell_mut((x, y)) {
                        cell.reset();
                    }
                }
            }
            render_legend(line, legend, buf);
            return;
        }
    }
    let short = format!(" {} ", notes[1]);
    if short.chars().count() + 2 <= usize::from(graph.width) {
        buf.set_string(graph.x + 1, graph.y, short, app.ui.theme.dim());
    }
}

/// Fills that depend on the plot's size (one point per braille dot): the gap between baseline
/// and current line, and the uncertainty band.
struct Fills {
    gaps: Vec<(Style, Vec<(f64, f64)>)>,
    uncertainty: Vec<Vec<(f64, f64)>>,
    /// The baseline ghost where it has parted from the current line by half a cell or more,
    /// in runs: drawn above the current line there (where they share a cell they are the same
    /// number, and the current line shows).
    ghost_above: Vec<Vec<(f64, f64)>>,
}

fn fills(app: &App, spec: &ChartSpec, m: &Marks, plot: Rect, f: Frame) -> Fills {
    let t = app.ui.theme;
    let x = (f64::from(f.from), f64::from(f.to));
    Fills {
        // The gap between the baseline and the current line, filled, so a move shows as an area.
        gaps: spec
            .series
            .iter()
            .zip(m.lines.projection.iter().zip(&m.lines.baseline))
            .filter(|(_, (_, b))| !b.is_empty())
            .map(|(s, (current, baseline))| {
                (
                    role_style(t, s.role),
                    band(current, baseline, plot, x, (f.lo, f.hi)),
                )
            })
            .collect(),
        uncertainty: uncertainty_fill(app, spec, plot, (f.from, f.to), (f.lo, f.hi)),
        ghost_above: ghost_above(m, plot, f),
    }
}

/// The parts of the baseline ghosts at least half a plot cell away from their current line.
fn ghost_above(m: &Marks, plot: Rect, f: Frame) -> Vec<Vec<(f64, f64)>> {
    let half_cell = (f.hi - f.lo) / f64::from(plot.height.max(1)) / 2.0;
    m.lines
        .projection
        .iter()
        .zip(&m.lines.baseline)
        .filter(|(_, b)| !b.is_empty())
        .flat_map(|(current, ghost)| {
            let apart: Vec<(f64, f64)> = ghost
                .iter()
                .filter(|(x, v)| {
                    crate::chart::geometry::value_at(current, *x)
                        .is_some_and(|c| (c - v).abs() >= half_cell)
                })
                .copied()
                .collect();
            runs(apart)
        })
        .collect()
}

/// The datasets in drawing order: outline, bands, gaps, zero line, markers, history, baseline
/// ghost, current lines, regimes and observations.
fn datasets<'a>(app: &App, spec: &ChartSpec, m: &'a Marks, fl: &'a Fills) -> Vec<Dataset<'a>> {
    let t = app.ui.theme;
    let mut out: Vec<Dataset> = selected_outline(app, &m.layers).into_iter().collect();
    // The uncertainty band of the main series: P10-P90 in grey, P25-P75 in the series' colour.
    let main_style = spec
        .series
        .iter()
        .find(|s| ghosted(app.selected_segment(), spec, s.role))
        .map_or(t.total(), |s| role_style(t, s.role));
    out.extend(
        fl.uncertainty
            .iter()
            .zip([t.baseline(), main_style])
            .map(|(points, style)| points_of(points, t.marker, style)),
    );
    out.extend(
        fl.gaps
            .iter()
            .map(|(style, points)| points_of(points, t.marker, *style)),
    );
    out.extend(m.zero.iter().map(|z| line_of(z, t.marker, t.dim())));
    out.extend([
        line_of(&m.base_marker, t.marker, t.dim()),
        line_of(&m.cursor, t.marker, t.cursor()),
    ]);
    let drawn = |role: Role| !(spec.stacked && matches!(role, Role::Segment(_)));
    // The stack paints its projected total itself (see `edge_line`).
    let projected_drawn =
        |role: Role| drawn(role) && !(spec.stacked && t.color && role == Role::Total);
    for (s, runs) in spec.series.iter().zip(&m.lines.history) {
        if drawn(s.role) {
            out.extend(
                runs.iter()
                    .map(|h| line_of(h, t.marker, history_style(t, s.role))),
            );
        }
    }
    // The baseline ghost under the current line (the heavy current line stays continuous)...
    for b in m.lines.baseline.iter().filter(|b| !b.is_empty()) {
        out.push(line_of(b, t.marker, t.baseline()));
    }
    let pinned = |role: Role| matches!(role, Role::Pinned(_));
    let projected = |pins: bool| {
        spec.series
            .iter()
            .zip(&m.lines.projection)
            .filter(move |(s, _)| projected_drawn(s.role) && pinned(s.role) == pins)
            .map(|(s, pr)| line_of(pr, line_marker(app, spec, s.role), role_style(t, s.role)))
    };
    out.extend(projected(false));
    // ... and above it wherever the two have parted, so the baseline is never hidden; the pins
    // come last, above both.
    out.extend(
        fl.ghost_above
            .iter()
            .map(|g| line_of(g, t.marker, t.baseline())),
    );
    out.extend(projected(true));
    // Without colour the two regimes differ by shape: full blocks tight, half blocks glut.
    let glut_marker = if t.color { Marker::Block } else { Marker::Bar };
    out.extend([
        points_of(&m.tight, Marker::Block, t.regime(Regime::Tight)),
        points_of(&m.glut, glut_marker, t.regime(Regime::Glut)),
    ]);
    out
}

/// The projected total of a stacked area in colour, which the stack paints as its top edge on
/// its own half-cell grid instead of the chart drawing it as a line.
fn edge_line<'a>(
    t: crate::tui::Theme,
    spec: &ChartSpec,
    m: &'a Marks,
) -> Option<(&'a [(f64, f64)], ratatui::style::Color)> {
    if !(spec.stacked && t.color) {
        return None;
    }
    let k = spec.series.iter().position(|s| s.role == Role::Total)?;
    // The total is drawn in the terminal's own foreground: `Reset` as a glyph's colour.
    let color = role_style(t, Role::Total)
        .fg
        .unwrap_or(ratatui::style::Color::Reset);
    Some((m.lines.projection.get(k)?.as_slice(), color))
}

/// A projected line's marker: the pane's main line heavy (half blocks) where the chosen marker
/// is braille, to be read from the back of a room; without colour, pinned lines dotted, and no
/// block line over a stacked area's shades.
fn line_marker(app: &App, spec: &ChartSpec, role: Role) -> Marker {
    let t = app.ui.theme;
    match role {
        Role::Pinned(_) if !t.color => Marker::Dot,
        Role::Segment(i) if !t.color => NO_COLOR_LINES[i % NO_COLOR_LINES.len()].0,
        _ if t.marker == Marker::Braille
            && (t.color || !spec.stacked)
            && main_line(app, spec, role) =>
        {
            if t.color {
                Marker::HalfBlock
            } else {
                Marker::Block
            }
        }
        _ => t.marker,
    }
}

/// Renders the chart with its y labels and draws the x labels on their years; returns the
/// graph area (inside the axes).
fn draw_axes(
    app: &App,
    spec: &ChartSpec,
    datasets: Vec<Dataset>,
    plot: Rect,
    f: Frame,
    buf: &mut Buffer,
) -> Rect {
    let t = app.ui.theme;
    let (x0, x1) = (f64::from(f.from), f64::from(f.to));
    let y_label = |v: f64| {
        if spec.log {
            compact(10f64.powf(v))
        } else {
            compact(v)
        }
    };
    let y_labels = [y_label(f.lo), y_label((f.lo + f.hi) / 2.0), y_label(f.hi)];
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
                .bounds([f.lo, f.hi])
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
    let years = label_years(f.from, f.to, f.base, graph.width);
    draw_labels(buf, graph, plot, (x0, x1), (&years, f.base), t.dim());
    graph
}

/// Draws one chart: legend, then the plot, with the stacked area behind what the chart drew
/// (see `chart_stack`).
pub(super) fn pane(app: &App, spec: &ChartSpec, area: Rect, buf: &mut Buffer) {
    let p = &app.projection;
    let (from, to) = x_window(p, app.ui.all_years);
    let (lo, hi) = y_bounds(spec, p.index(from).unwrap_or(0));
    let frame = Frame {
        from,
        to,
        base: p.base_year,
        lo,
        hi,
    };
    let m = marks(app, spec, frame);
    let plot = draw_legend(app, spec, &m, area, buf);
    if plot.height < 3 {
        return;
    }
    let fl = fills(app, spec, &m, plot, frame);
    let graph = draw_axes(app, spec, datasets(app, spec, &m, &fl), plot, frame, buf);
    let t = app.ui.theme;
    let edge = edge_line(t, spec, &m).map(|(points, color)| Edge { points, color });
    let hidden = paint_stack(
        buf,
        graph,
        ((f64::from(from), f64::from(to)), (lo, hi)),
        (&m.layers, &stack_fills(t, &m.layers)),
        edge,
    );
    if hidden {
        let legend = Rect::new(area.x, area.y, area.width, plot.y - area.y);
        note_thin_segments(app, spec, &m, (legend, graph), buf);
    }
    paint_observed(
        buf,
        graph,
        ((f64::from(from), f64::from(to)), (lo, hi)),
        &m.observed,
        t.key().add_modifier(Modifier::BOLD),
    );
}

/// The figures after the base year, one bold dot a cell over everything drawn: a canvas dot was
/// a speck on a projector, and the year cursor (on the year in progress by default) hid it.
fn paint_observed(
    buf: &mut Buffer,
    graph: Rect,
    (x, y): ((f64, f64), (f64, f64)),
    points: &[(f64, f64)],
    style: Style,
) {
    if graph.width == 0 || graph.height == 0 || y.1 <= y.0 {
        return;
    }
    for (xv, yv) in points {
        let column = graph.x + column_of(*xv, x, graph.width);
        let from_top = ((y.1 - yv) / (y.1 - y.0)).clamp(0.0, 1.0);
        let row = graph.y + (from_top * f64::from(graph.height - 1)).round() as u16;
        if let Some(cell) = buf.cell_mut((column, row)) {
            cell.set_symbol(OBSERVED_GLYPH).set_style(style);
        }
    }
}
