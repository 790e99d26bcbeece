//! The x axis of the charts, drawn by hand: ratatui spaces axis labels evenly, which puts a
//! year label where that year is only for the middle of three. Here every label sits on its
//! year's column, with a tick on the axis line, and the base year is always one of them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::units::Year;

/// The column (from the graph's left edge) where ratatui's canvas draws `x`: the braille dot
/// `floor((x - x0) / (x1 - x0) * (2w - 1))`, two dots per cell.
pub fn column_of(x: f64, (x0, x1): (f64, f64), width: u16) -> u16 {
    if width == 0 || x1 <= x0 {
        return 0;
    }
    let dots = f64::from(width) * 2.0 - 1.0;
    let dot = ((x - x0) / (x1 - x0) * dots).floor().clamp(0.0, dots);
    (dot as u16) / 2
}

/// Draws the labels of `years` under a graph whose area is `graph` (the axis line is the row
/// below it, the labels the row after): each label centred on its year's column and kept inside
/// `bounds`, a tick `┴` on the axis line, the base year in bold.
pub fn draw_labels(
    buf: &mut Buffer,
    graph: Rect,
    bounds: Rect,
    x: (f64, f64),
    (years, base): (&[Year], Year),
    style: Style,
) {
    let (axis_row, label_row) = (graph.bottom(), graph.bottom() + 1);
    if label_row >= bounds.bottom() {
        return;
    }
    let mut free_from = bounds.x;
    for year in years {
        let column = graph.x + column_of(f64::from(*year), x, graph.width);
        let text = year.to_string();
        let width = text.len() as u16;
        let start = column
            .saturating_sub(width / 2)
            .clamp(bounds.x, bounds.right().saturating_sub(width));
        if start < free_from {
            continue;
        }
        if let Some(cell) = buf.cell_mut((column, axis_row)) {
            cell.set_symbol("┴");
        }
        let style = if *year == base {
            style.add_modifier(Modifier::BOLD)
        } else {
            style
        };
        buf.set_string(start, label_row, &text, style);
        free_from = start + width + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_match_the_canvas() {
        // 10 cells = 20 braille dots over 2015..2035: 2025 is dot 9.5 -> 9, cell 4.
        assert_eq!(column_of(2015.0, (2015.0, 2035.0), 10), 0);
        assert_eq!(column_of(2025.0, (2015.0, 2035.0), 10), 4);
        assert_eq!(column_of(2035.0, (2015.0, 2035.0), 10), 9);
    }
}
