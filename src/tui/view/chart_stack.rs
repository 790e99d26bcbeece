//! Demand by segment as a stacked area: each segment's layer is the running sum of the
//! segments up to it, so the band between a layer and the one below it is that segment, and
//! the top edge is the total.
//!
//! The area is painted cell by cell after the chart's lines: each half of a cell takes the
//! colour of the segment at its centre (upper half as the glyph `▀`, lower half as the
//! background), so a boundary inside a cell shows both segments. Ratatui's filled datasets
//! overwrite whole cells layer by layer, which left a blank stripe along every boundary.
//! Cells the chart has drawn on keep their glyph and take the segment colour as background.

use super::super::chart_spec::{ChartSpec, Role};
use super::chart_band::value_at;
use crate::units::Year;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;

/// One layer of the stack: a segment's running sum, split at the base year.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Layer {
    /// The segment on top of this layer.
    pub role: Role,
    /// Points from the first year shown to the base year.
    pub history: Vec<(f64, f64)>,
    /// Points from the base year on.
    pub projection: Vec<(f64, f64)>,
}

/// The layers of `spec`'s segment series (years from `first_year`), top layer first, with the
/// years `from` on.
pub(crate) fn layers(spec: &ChartSpec, first_year: Year, from: Year, base: Year) -> Vec<Layer> {
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
    fn top_at(&self, x: f64) -> Option<f64> {
        let base = self.projection.first().map_or(f64::INFINITY, |p| p.0);
        if x <= base {
            value_at(&self.history, x).or_else(|| value_at(&self.projection, x))
        } else {
            value_at(&self.projection, x)
        }
    }
}

/// How each layer is filled: its colour, or without colour a shade glyph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fill {
    /// A colour (half-cell resolution).
    Color(Color),
    /// A glyph filling whole cells (no colour: `█`, `▓`, `▒`, `░`).
    Glyph(&'static str),
}

/// Shade glyphs for the layers without colour, bottom layer first.
pub(super) const SHADES: [&str; 6] = ["█", "▓", "▒", "░", "▚", "▌"];

/// The segment filling the band `lo..hi` of values at `x` (`layers` top first): the one
/// covering most of it, when the stack covers at least half of it. Sampling one point would
/// colour a half cell by whichever thin segment crosses its centre.
#[cfg(test)]
fn layer_in(layers: &[Layer], x: f64, band: (f64, f64)) -> Option<usize> {
    let tops: Option<Vec<f64>> = layers.iter().map(|l| l.top_at(x)).collect();
    layer_of_tops(&tops?, band)
}

/// As [`layer_in`], with each layer's top at the column already known (top layer first).
fn layer_of_tops(tops: &[f64], (lo, hi): (f64, f64)) -> Option<usize> {
    let mut below = 0.0_f64;
    let mut best: Option<(usize, f64)> = None;
    for (i, top) in tops.iter().enumerate().rev() {
        let top = top.max(below);
        let overlap = (top.min(hi) - below.max(lo)).max(0.0);
        if overlap > best.map_or(0.0, |b| b.1) {
            best = Some((i, overlap));
        }
        below = top;
    }
    let covered = (below.min(hi) - lo.max(0.0)).max(0.0);
    best.filter(|_| covered * 2.0 >= hi - lo).map(|b| b.0)
}

/// Paints `layers` (top first, with `fills` in the same order) into `graph`, a plot showing
/// `x` and `y` (value bounds).
pub(super) fn paint(
    buf: &mut Buffer,
    graph: Rect,
    (x, y): ((f64, f64), (f64, f64)),
    layers: &[Layer],
    fills: &[Fill],
) {
    if graph.width == 0 || graph.height == 0 || x.1 <= x.0 || y.1 <= y.0 {
        return;
    }
    let (w, h) = (f64::from(graph.width), f64::from(graph.height));
    for cx in 0..graph.width {
        let xv = x.0 + (f64::from(cx) + 0.5) / w * (x.1 - x.0);
        // Each layer's top once per column, not once per half cell.
        let Some(tops) = layers
            .iter()
            .map(|l| l.top_at(xv))
            .collect::<Option<Vec<f64>>>()
        else {
            continue;
        };
        for cy in 0..graph.height {
            let half = |k: f64| {
                let top = y.1 - (f64::from(cy) + k) / h * (y.1 - y.0);
                let bottom = top - 0.5 / h * (y.1 - y.0);
                layer_of_tops(&tops, (bottom, top)).and_then(|i| fills.get(i).copied())
            };
            let (upper, lower) = (half(0.0), half(0.5));
            let Some(cell) = buf.cell_mut((graph.x + cx, graph.y + cy)) else {
                continue;
            };
            let empty = cell.symbol() == " ";
            match (upper, lower) {
                (_, Some(Fill::Glyph(g))) | (Some(Fill::Glyph(g)), _) => {
                    if empty {
                        cell.set_symbol(g);
                    }
                }
                (Some(Fill::Color(u)), Some(Fill::Color(l))) => {
                    if empty {
                        cell.set_symbol("▀").set_fg(u).set_bg(l);
                    } else {
                        cell.set_bg(l);
                    }
                }
                (None, Some(Fill::Color(l))) => {
                    if empty {
                        cell.set_symbol("▄").set_fg(l);
                    } else {
                        cell.set_bg(l);
                    }
                }
                (Some(Fill::Color(u)), None) => {
                    if empty {
                        cell.set_symbol("▀").set_fg(u);
                    }
                }
                (None, None) => {}
            }
        }
    }
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

    #[test]
    fn a_boundary_inside_a_cell_shows_both_segments() {
        // Two layers over 2 x 2 cells, y 0..4: the lower (cyan) up to 1.5, the upper (red)
        // to 3.5. Row 0 spans 4..2 (centres 3.5 and 2.5): red over red. Row 1 spans 2..0
        // (centres 1.5 and 0.5): cyan over cyan. With the lower layer's top at 2.5 instead,
        // row 0's lower half is cyan.
        let layer = |role, top: f64| Layer {
            role,
            history: vec![(0.0, top), (1.0, top)],
            projection: vec![(1.0, top), (2.0, top)],
        };
        let layers = [layer(Role::Segment(1), 3.5), layer(Role::Segment(0), 2.5)];
        let fills = [Fill::Color(Color::Red), Fill::Color(Color::Cyan)];
        let area = Rect::new(0, 0, 2, 2);
        let mut buf = Buffer::empty(area);
        paint(&mut buf, area, ((0.0, 2.0), (0.0, 4.0)), &layers, &fills);
        let cell = &buf[(0, 0)];
        assert_eq!(
            (cell.symbol(), cell.fg, cell.bg),
            ("▀", Color::Red, Color::Cyan)
        );
        let cell = &buf[(1, 1)];
        assert_eq!(
            (cell.symbol(), cell.fg, cell.bg),
            ("▀", Color::Cyan, Color::Cyan)
        );
    }

    #[test]
    fn drawn_cells_keep_their_glyph_and_take_the_colour_behind() {
        let layers = [Layer {
            role: Role::Segment(0),
            history: vec![(0.0, 4.0), (1.0, 4.0)],
            projection: vec![(1.0, 4.0)],
        }];
        let area = Rect::new(0, 0, 1, 1);
        let mut buf = Buffer::empty(area);
        buf[(0, 0)].set_symbol("⠉");
        paint(
            &mut buf,
            area,
            ((0.0, 1.0), (0.0, 4.0)),
            &layers,
            &[Fill::Color(Color::Green)],
        );
        assert_eq!((buf[(0, 0)].symbol(), buf[(0, 0)].bg), ("⠉", Color::Green));
    }

    #[test]
    fn a_half_cell_takes_the_segment_covering_most_of_it() {
        // Tops 2, 4, 6, 10 (bottom first): in 0..15 the stack covers 10 (two thirds), and the
        // top segment (4 of them) covers most; in 0..25 it covers less than half: empty.
        let layer = |i: usize, top: f64| Layer {
            role: Role::Segment(i),
            history: vec![(0.0, top), (1.0, top)],
            projection: vec![(1.0, top)],
        };
        let layers = [layer(3, 10.0), layer(2, 6.0), layer(1, 4.0), layer(0, 2.0)];
        assert_eq!(layer_in(&layers, 0.5, (0.0, 15.0)), Some(0));
        assert_eq!(layer_in(&layers, 0.5, (0.0, 25.0)), None);
        assert_eq!(layer_in(&layers, 0.5, (0.0, 2.0)), Some(3));
    }
}
