//! A chart as SVG, written by hand: lines, filled areas, axes and labels are a few dozen
//! elements, so a short writer (no fonts, no rasteriser, no dependency) does it; the text is
//! valid XML that slides, browsers and vector editors open. 1600 x 900 (16:9), type sized to
//! read when pasted into a slide. Long subtitles wrap and long legends take more rows (the
//! panes give up the room); a line breaks where a year has no figure.

use crate::units::Year;
use std::fmt::Write as _;

/// Width and height of the image.
pub const SIZE: (f64, f64) = (1600.0, 900.0);
const MARGIN_LEFT: f64 = 110.0;
const MARGIN_RIGHT: f64 = 40.0;
const TOP: f64 = 110.0;
const PANE_GAP: f64 = 90.0;
const BOTTOM: f64 = 70.0;

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stroke {
    /// A solid line (the projection).
    Solid,
    /// A dashed line (baselines, pins).
    Dashed,
    /// A dot per point, not joined: figures observed or published, apart from the model's.
    Dots,
}

/// A line of a pane.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Legend label.
    pub label: String,
    /// Colour, `#rrggbb`.
    pub color: String,
    /// Width in pixels.
    pub width: f64,
    /// How it is drawn.
    pub stroke: Stroke,
    /// Points: (year, value).
    pub points: Vec<(f64, f64)>,
}

/// A filled area between two lines of a pane (stacked segments, uncertainty bands).
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// Legend label (empty: not in the legend).
    pub label: String,
    /// Fill colour, `#rrggbb`.
    pub color: String,
    /// Fill opacity, 0-1.
    pub opacity: f64,
    /// Upper edge, by year.
    pub upper: Vec<(f64, f64)>,
    /// Lower edge, by year.
    pub lower: Vec<(f64, f64)>,
}

/// One pane: axes, areas (drawn first) and lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Pane {
    /// Title above the pane.
    pub title: String,
    /// Years shown.
    pub x: (Year, Year),
    /// Base year (a vertical rule).
    pub base_year: Year,
    /// Value bounds (log10 values on a log axis).
    pub y: (f64, f64),
    /// Labels of the y axis: (value in axis units, text).
    pub y_labels: Vec<(f64, String)>,
    /// Years labelled on the x axis.
    pub x_labels: Vec<Year>,
    /// Filled areas, drawn in order.
    pub areas: Vec<Area>,
    /// Lines, drawn in order over the areas.
    pub lines: Vec<Line>,
}

/// A whole figure: title, subtitle (what was changed) and one or two panes.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: String,
    /// Panes, top to bottom.
    pub panes: Vec<Pane>,
}

/// Text safe inside XML (and HTML): markup characters escaped, control characters dropped.
pub fn escape(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            '&' => "&amp;".to_owned(),
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            '"' => "&quot;".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

/// Characters of subtitle per line (22 px type, about 12 px a character, over the width
/// between the margins).
const SUBTITLE_CHARS: usize = 115;
/// Height of a subtitle line, pixels.
const SUBTITLE_LINE: f64 = 28.0;
/// Width of a legend character at 17 px, pixels (generous: DejaVu Sans capitals reach 11).
const LEGEND_CHAR: f64 = 11.5;
/// Height of a legend row, pixels.
const LEGEND_ROW: f64 = 24.0;

/// `text` in lines of at most `width` characters, broken after "; " or " · " where possible,
/// else at a space, else anywhere.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest: Vec<char> = text.chars().collect();
    while rest.len() > width {
        let head: String = rest[..width].iter().collect();
        let cut = ["; ", " · ", " "]
            .iter()
            .find_map(|sep| head.rfind(sep).map(|i| i + sep.len()))
            .filter(|i| *i > 0)
            .map_or(width, |i| head[..i].chars().count());
        let line: String = rest[..cut].iter().collect();
        lines.push(line.trim_end().to_owned());
        rest.drain(..cut);
    }
    lines.push(rest.into_iter().collect());
    lines
}

/// Legend items `(label, colour)` in rows that fit between `from` and `right`, each row
/// right-aligned: (x of each item, row of each item, rows).
fn legend_rows(labels: &[(&String, &String)], from: f64, right: f64) -> (Vec<(f64, usize)>, usize) {
    let mut placed = Vec::with_capacity(labels.len());
    let (mut x, mut row) = (right, 0);
    for (label, _) in labels {
        let width = LEGEND_CHAR * label.chars().count() as f64 + 36.0;
        if x - width < from && x < right {
            row += 1;
            x = right;
        }
        x -= width;
        placed.push((x.max(from), row));
    }
    (placed, row + usize::from(!labels.is_empty()))
}

/// The figure as an SVG document.
pub fn render(f: &Figure) -> String {
    let (w, h) = SIZE;
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n"
    );
    let _ = writeln!(
        out,
        "<text x=\"{MARGIN_LEFT}\" y=\"48\" font-size=\"34\" font-weight=\"bold\" fill=\"#111111\">{}</text>",
        escape(&f.title)
    );
    // The subtitle wraps (at its "; " and " · " breaks) instead of running off the canvas;
    // the panes give up the room it takes.
    let lines = wrap(&f.subtitle, SUBTITLE_CHARS);
    for (k, line) in lines.iter().enumerate() {
        let _ = writeln!(
            out,
            "<text x=\"{MARGIN_LEFT}\" y=\"{}\" font-size=\"22\" fill=\"#444444\">{}</text>",
            84.0 + SUBTITLE_LINE * k as f64,
            escape(line)
        );
    }
    let top_of_panes = TOP + SUBTITLE_LINE * lines.len().saturating_sub(1) as f64;
    let n = f.panes.len().max(1) as f64;
    let pane_h = (h - top_of_panes - BOTTOM - PANE_GAP * (n - 1.0)) / n;
    for (k, pane) in f.panes.iter().enumerate() {
        let top = top_of_panes + k as f64 * (pane_h + PANE_GAP);
        render_pane(&mut out, pane, top, pane_h);
    }
    out.push_str("</svg>\n");
    out
}

/// Where a pane's plot sits on the canvas, and its value bounds.
struct Plot {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    x: (i32, i32),
    y: (f64, f64),
}

impl Plot {
    /// The canvas x of a (fractional) year.
    fn x_of(&self, year: f64) -> f64 {
        let span = f64::from((self.x.1 - self.x.0).max(1));
        self.left + (year - f64::from(self.x.0)) / span * (self.right - self.left)
    }

    /// The canvas y of a value, held within the axis.
    fn y_of(&self, v: f64) -> f64 {
        let v = v.clamp(self.y.0, self.y.1);
        let span = if self.y.1 > self.y.0 {
            self.y.1 - self.y.0
        } else {
            1.0
        };
        self.bottom - (v - self.y.0) / span * (self.bottom - self.top)
    }
}

fn render_pane(out: &mut String, p: &Pane, top: f64, height: f64) {
    let (w, _) = SIZE;
    let (left, right) = (MARGIN_LEFT, w - MARGIN_RIGHT);
    // Legend, right-aligned on the title line, in more rows when it does not fit beside the
    // title (three pins ran it off the canvas); the plot starts below its last row.
    let labels: Vec<(&String, &String)> = p
        .lines
        .iter()
        .rev()
        .map(|l| (&l.label, &l.color))
        .chain(p.areas.iter().rev().map(|a| (&a.label, &a.color)))
        .filter(|(l, _)| !l.is_empty())
        .collect();
    let title_end = left + 14.0 * p.title.chars().count() as f64 + 30.0;
    let (placed, rows) = legend_rows(&labels, title_end.min(right - 300.0), right);
    let plot = Plot {
        left,
        right,
        top: top + 34.0 + LEGEND_ROW * rows.saturating_sub(1) as f64,
        bottom: top + height,
        x: p.x,
        y: p.y,
    };
    let _ = writeln!(out, "<g class=\"pane\">");
    let _ = writeln!(
        out,
        "<text x=\"{left}\" y=\"{}\" font-size=\"24\" font-weight=\"bold\" fill=\"#111111\">{}</text>",
        top + 22.0,
        escape(&p.title)
    );
    write_legend(out, &labels, &placed, top);
    write_axes(out, p, &plot);
    write_areas(out, p, &plot);
    write_lines(out, p, &plot);
    out.push_str("</g>\n");
}

/// The legend's entries at their places (x, row) from `top`.
fn write_legend(
    out: &mut String,
    labels: &[(&String, &String)],
    placed: &[(f64, usize)],
    top: f64,
) {
    for ((label, color), (x, row)) in labels.iter().zip(placed) {
        let y = top + LEGEND_ROW * *row as f64;
        let _ = writeln!(
            out,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"18\" height=\"12\" fill=\"{color}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"17\" fill=\"#333333\">{}</text>",
            y + 8.0,
            x + 24.0,
            y + 20.0,
            escape(label)
        );
    }
}

/// Grid lines with the y labels, the year ticks and labels (the base year bold), the axes and
/// the base year's dashed line.
fn write_axes(out: &mut String, p: &Pane, plot: &Plot) {
    let (left, right, plot_top, bottom) = (plot.left, plot.right, plot.top, plot.bottom);
    let (x_of, y_of) = (|v| plot.x_of(v), |v| plot.y_of(v));
    for (v, text) in &p.y_labels {
        let y = y_of(*v);
        let _ = writeln!(
            out,
            "<line x1=\"{left}\" y1=\"{y:.1}\" x2=\"{right}\" y2=\"{y:.1}\" stroke=\"#dddddd\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"18\" text-anchor=\"end\" fill=\"#333333\">{}</text>",
            left - 10.0,
            y + 6.0,
            escape(text)
        );
    }
    for year in &p.x_labels {
        let x = x_of(f64::from(*year));
        let weight = if *year == p.base_year {
            "bold"
        } else {
            "normal"
        };
        let _ = writeln!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{bottom:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#333333\"/><text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"18\" text-anchor=\"middle\" font-weight=\"{weight}\" fill=\"#333333\">{year}</text>",
            bottom + 6.0,
            bottom + 28.0
        );
    }
    let _ = writeln!(
        out,
        "<line x1=\"{left}\" y1=\"{bottom:.1}\" x2=\"{right}\" y2=\"{bottom:.1}\" stroke=\"#333333\"/><line x1=\"{left}\" y1=\"{plot_top:.1}\" x2=\"{left}\" y2=\"{bottom:.1}\" stroke=\"#333333\"/>"
    );
    let base = x_of(f64::from(p.base_year) + 0.5);
    let _ = writeln!(
        out,
        "<line x1=\"{base:.1}\" y1=\"{plot_top:.1}\" x2=\"{base:.1}\" y2=\"{bottom:.1}\" stroke=\"#999999\" stroke-dasharray=\"4 4\"/>"
    );
}

/// The filled areas (stacked segments, bands), each from its upper edge back along its lower.
fn write_areas(out: &mut String, p: &Pane, plot: &Plot) {
    for a in &p.areas {
        let mut d = String::new();
        for (i, (year, v)) in a.upper.iter().enumerate() {
            let _ = write!(
                d,
                "{}{:.1},{:.1} ",
                if i == 0 { "M" } else { "L" },
                plot.x_of(*year),
                plot.y_of(*v)
            );
        }
        for (year, v) in a.lower.iter().rev() {
            let _ = write!(d, "L{:.1},{:.1} ", plot.x_of(*year), plot.y_of(*v));
        }
        let _ = writeln!(
            out,
            "<path class=\"area\" d=\"{}Z\" fill=\"{}\" fill-opacity=\"{}\" stroke=\"none\"/>",
            d, a.color, a.opacity
        );
    }
}

/// The lines, broken where a year has no figure; dotted series as a group of dots.
fn write_lines(out: &mut String, p: &Pane, plot: &Plot) {
    for l in &p.lines {
        if l.stroke == Stroke::Dots {
            write_dots(out, l, plot);
            continue;
        }
        let mut d = String::new();
        let mut last: Option<f64> = None;
        for (year, v) in &l.points {
            // A year without a figure breaks the line (sufficiency was drawn straight across
            // the years nobody published one).
            let joined = last.is_some_and(|y| year - y <= 1.0 + 1e-9);
            let _ = write!(
                d,
                "{}{:.1},{:.1} ",
                if joined { "L" } else { "M" },
                plot.x_of(*year),
                plot.y_of(*v)
            );
            last = Some(*year);
        }
        let dash = if l.stroke == Stroke::Dashed {
            " stroke-dasharray=\"10 6\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<path class=\"series\" data-label=\"{}\" d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{dash}/>",
            escape(&l.label),
            d.trim_end(),
            l.color,
            l.width
        );
    }
}

/// A dotted series: a dot per point, ringed in dark so it reads on the line it sits beside.
fn write_dots(out: &mut String, l: &Line, plot: &Plot) {
    let _ = write!(
        out,
        "<g class=\"dots\" data-label=\"{}\" fill=\"{}\" stroke=\"#111111\" stroke-width=\"2\">",
        escape(&l.label),
        l.color
    );
    for (year, v) in &l.points {
        let _ = write!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{}\"/>",
            plot.x_of(*year),
            plot.y_of(*v),
            l.width
        );
    }
    out.push_str("</g>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_wraps_at_its_breaks() {
        let lines = wrap("aaaa; bbbb; cccc", 11);
        assert_eq!(lines, ["aaaa;", "bbbb; cccc"]);
        assert_eq!(wrap("short", 20), ["short"]);
        assert!(
            wrap(&"x".repeat(50), 20)
                .iter()
                .all(|l| l.chars().count() <= 20)
        );
    }

    #[test]
    fn legends_wrap_into_rows_that_stay_on_the_canvas() {
        let names: Vec<String> = (0..8)
            .map(|k| format!("Pinned scenario number {k}"))
            .collect();
        let color = "#000000".to_owned();
        let labels: Vec<(&String, &String)> = names.iter().map(|n| (n, &color)).collect();
        let (placed, rows) = legend_rows(&labels, 600.0, 1560.0);
        assert!(rows > 1);
        assert!(placed.iter().all(|(x, _)| *x >= 600.0), "{placed:?}");
    }

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(escape("a<b & \"c\"\u{1b}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
