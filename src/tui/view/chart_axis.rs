//! The x axis of the charts, drawn by hand: ratatui spaces axis labels evenly, which puts a
//! year label where that year is only for the middle of three. Here every label sits on its
//! year's column, with a tick on the axis line, and the base year is always one of them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::units::Year;

/// Year steps between labels, the finest first.
const STEPS: [Year; 5] = [1, 2, 5, 10, 20];
/// Columns a label needs: four digits and two blanks.
const LABEL_COLUMNS: u16 = 6;

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

/// The years labelled on an axis from `from` to `to` in `width` columns: every `step` years
/// counted from the base year, with the smallest step whose labels do not crowd.
pub(crate) fn label_years(from: Year, to: Year, base: Year, width: u16) -> Vec<Year> {
    let span = (to - from).max(1);
    let step = STEPS
        .into_iter()
        .find(|s| u32::from(width) >= u32::from(LABEL_COLUMNS) * ((span / s) as u32 + 1))
        .unwrap_or(span);
    let first = base - (base - from).div_euclid(step) * step;
    (0..)
        .map(|k| first + k * step)
        .take_while(|y| *y <= to)
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn labels_are_counted_from_the_base_year_and_do_not_crowd() {
        let every_second: Vec<Year> = (2015..=2035).step_by(2).collect();
        assert_eq!(label_years(2015, 2035, 2025, 120), every_second);
        assert_eq!(
            label_years(2015, 2035, 2025, 44),
            vec![2015, 2020, 2025, 2030, 2035]
        );
        assert_eq!(
            label_years(2010, 2035, 2025, 44),
            vec![2010, 2015, 2020, 2025, 2030, 2035]
        );
        assert_eq!(
            label_years(2012, 2035, 2025, 30),
            vec![2015, 2020, 2025, 2030, 2035]
        );
        assert_eq!(label_years(2012, 2035, 2025, 20), vec![2015, 2025, 2035]);
        assert!(label_years(2015, 2035, 2025, 20).contains(&2025));
    }

    #[test]
    fn columns_match_the_canvas() {
        // 10 cells = 20 braille dots over 2015..2035: 2025 is dot 9.5 -> 9, cell 4.
        assert_eq!(column_of(2015.0, (2015.0, 2035.0), 10), 0);
        assert_eq!(column_of(2025.0, (2015.0, 2035.0), 10), 4);
        assert_eq!(column_of(2035.0, (2015.0, 2035.0), 10), 9);
    }
}
