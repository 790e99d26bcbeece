//! Demand by segment as a stacked area: each segment's layer is the running sum of the
//! segments up to it, so the band between a layer and the one below it is that segment, and
//! the top edge is the total.
//!
//! The area is painted cell by cell after the chart's lines: each half of a cell takes the
//! colour of the segment at its centre (upper half as the glyph `▀`, lower half as the
//! background), so a boundary inside a cell shows both segments. Ratatui's filled datasets
//! overwrite whole cells layer by layer, which left a blank stripe along every boundary.
//! Cells the chart has drawn on keep their glyph and take the segment colour as background.

use crate::chart::geometry::{Layer, value_at};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;

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

/// Which layer (index into `tops`, top layer first) fills each half cell of a column, from the
/// bottom, with `halves` half cells over the values `y`. The stack keeps its height (the total's
/// half cells, rounded); within it each layer gets its share, rounded by largest remainder, and
/// at least one half cell where it has a share of the total and there are enough to go round:
/// a segment thinner than half a row stays visible (PCs vanished from 2025 to 2028 at 160x48),
/// taken from the thickest one.
///
/// Also says whether a segment with a share got none (fewer half cells than segments).
fn half_cell_owners(tops: &[f64], y: (f64, f64), halves: usize) -> (Vec<Option<usize>>, bool) {
    let mut owners = vec![None; halves];
    let span = (y.1 - y.0).max(f64::MIN_POSITIVE);
    let scale = halves as f64 / span;
    let at = |v: f64| ((v - y.0) * scale).round().clamp(0.0, halves as f64) as usize;
    // Thickness of each layer, bottom first, in half cells.
    let mut below = 0.0_f64.max(y.0);
    let mut thick: Vec<(usize, f64)> = Vec::with_capacity(tops.len());
    for (i, top) in tops.iter().enumerate().rev() {
        let top = if top.is_finite() {
            top.max(below)
        } else {
            below
        };
        thick.push((i, (top - below) * scale));
        below = top;
    }
    let start = at(0.0_f64.max(y.0));
    let cells = at(below).saturating_sub(start);
    let mut share: Vec<usize> = thick.iter().map(|(_, t)| t.floor() as usize).collect();
    let positive = thick.iter().filter(|(_, t)| *t > 0.0).count();
    if cells >= positive {
        for (s, (_, t)) in share.iter_mut().zip(&thick) {
            if *t > 0.0 && *s == 0 {
                *s = 1;
            }
        }
    }
    // Bring the shares to the stack's height: add to the largest remainders, take from the
    // thickest layers.
    let mut order: Vec<usize> = (0..thick.len()).collect();
    order.sort_by(|a, b| {
        let rem = |k: usize| thick[k].1 - thick[k].1.floor();
        rem(*b).total_cmp(&rem(*a))
    });
    let mut total: usize = share.iter().sum();
    for k in order.iter().cycle().take(thick.len() * halves.max(1)) {
        if total >= cells {
            break;
        }
        if thick[*k].1 > 0.0 {
            share[*k] += 1;
            total += 1;
        }
    }
    while total > cells {
        let Some(k) = (0..share.len())
            .filter(|k| share[*k] > 1 || (cells < positive && share[*k] > 0))
            .max_by(|a, b| thick[*a].1.total_cmp(&thick[*b].1))
        else {
            break;
        };
        share[k] -= 1;
        total -= 1;
    }
    let mut k = start;
    for ((i, _), n) in thick.iter().zip(&share) {
        for owner in owners.iter_mut().skip(k).take(*n) {
            *owner = Some(*i);
        }
        k += n;
    }
    (owners, cells < positive)
}

/// The projected total drawn as the stack's top edge: its points and colour.
#[derive(Debug, Clone, Copy)]
pub(super) struct Edge<'a> {
    /// The total from the base year on.
    pub points: &'a [(f64, f64)],
    /// The total line's colour.
    pub color: Color,
}

/// The half cell of the edge in a column: where the total rounds to on the stack's own grid,
/// and never inside the stack, so that the line sits on the stack's top in one colour (drawn
/// as a separate line it rounded differently and alternated above and below the top layer, a
/// white/blue checkerboard at 160x48).
fn edge_half(owners: &[Option<usize>], total: f64, y: (f64, f64)) -> Option<usize> {
    let halves = owners.len();
    let scale = halves as f64 / (y.1 - y.0).max(f64::MIN_POSITIVE);
    let top = owners
        .iter()
        .rposition(Option::is_some)
        .map_or(0, |k| k + 1);
    let at = ((total - y.0) * scale).round().max(0.0) as usize;
    let k = at.max(top);
    (total.is_finite() && k < halves).then_some(k)
}

/// Paints `layers` (top first, with `fills` in the same order) into `graph`, a plot showing
/// `x` and `y` (value bounds), with the projected total as its top `edge` where given.
/// Returns whether some segment with a share of its column was too thin to get a half cell
/// there (more segments than half cells in the stack), for the chart to say so.
pub(super) fn paint(
    buf: &mut Buffer,
    graph: Rect,
    (x, y): ((f64, f64), (f64, f64)),
    (layers, fills): (&[Layer], &[Fill]),
    edge: Option<Edge>,
) -> bool {
    if graph.width == 0 || graph.height == 0 || x.1 <= x.0 || y.1 <= y.0 {
        return false;
    }
    let mut hidden = false;
    let w = f64::from(graph.width);
    let halves = usize::from(graph.height) * 2;
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
        let (owners, thin) = half_cell_owners(&tops, y, halves);
        hidden |= thin;
        let edge = edge.and_then(|e| {
            let total = value_at(e.points, xv)?;
            let first = e.points.first()?.0;
            (xv >= first)
                .then(|| edge_half(&owners, total, y))
                .flatten()
                .map(|k| (k, Fill::Color(e.color)))
        });
        for cy in 0..graph.height {
            // Half cells count from the bottom; row 0 is the top one.
            let from_bottom = (usize::from(graph.height) - 1 - usize::from(cy)) * 2;
            let half = |k: usize| match edge {
                Some((e, fill)) if e == k => Some(fill),
                _ => owners
                    .get(k)
                    .copied()
                    .flatten()
                    .and_then(|i| fills.get(i).copied()),
            };
            let (upper, lower) = (half(from_bottom + 1), half(from_bottom));
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
    hidden
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::spec::Role;

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
        paint(
            &mut buf,
            area,
            ((0.0, 2.0), (0.0, 4.0)),
            (&layers, &fills),
            None,
        );
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
            (&layers, &[Fill::Color(Color::Green)]),
            None,
        );
        assert_eq!((buf[(0, 0)].symbol(), buf[(0, 0)].bg), ("⠉", Color::Green));
    }

    #[test]
    fn every_segment_with_a_share_keeps_a_half_cell() {
        // Tops 60.5, 60, 30 (top layer first) over 0..100 in 10 half cells: the stack keeps its
        // 6 half cells, and the top layer, 0.5 thick (a twentieth of a half cell), still gets
        // one, taken from a thick one.
        let (owners, hidden) = half_cell_owners(&[60.5, 60.0, 30.0], (0.0, 100.0), 10);
        assert!(!hidden);
        let count = |i| owners.iter().filter(|o| **o == Some(i)).count();
        assert_eq!((count(0), count(1) + count(2)), (1, 5), "{owners:?}");
        assert_eq!(owners.iter().filter(|o| o.is_some()).count(), 6);
        // A layer without a share takes nothing.
        let (owners, _) = half_cell_owners(&[50.0, 50.0], (0.0, 100.0), 10);
        assert_eq!(owners.iter().filter(|o| **o == Some(0)).count(), 0);
        assert_eq!(owners.iter().filter(|o| **o == Some(1)).count(), 5);
        // The stack keeps its height: six thin layers, 15 in all over 0..150 in 12 half cells,
        // stay one half cell high (they stood five high when each took one).
        let tops = [15.0, 12.0, 11.5, 8.5, 8.0, 5.0];
        let (owners, hidden) = half_cell_owners(&tops, (0.0, 150.0), 12);
        assert!(hidden, "six segments in one half cell: five hidden");
        assert_eq!(
            owners.iter().filter(|o| o.is_some()).count(),
            1,
            "{owners:?}"
        );
    }
}
