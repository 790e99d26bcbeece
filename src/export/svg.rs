//! A chart as SVG, written by hand: lines, filled areas, axes and labels are a few dozen
//! elements, so a short writer (no fonts, no rasteriser, no dependency) does it; the text is
//! valid XML that slides, browsers and vector editors open. 1600 x 900 (16:9), type sized to
//! read when pasted into a slide.

use crate::units::Year;
use std::fmt::Write as _;

/// Width and height of the image.
pub const SIZE: (f64, f64) = (1600.0, 900.0);
const MARGIN_LEFT: f64 = 110.0;
const MARGIN_RIGHT: f64 = 40.0;
const TOP: f64 = 110.0;
const PANE_GAP: f64 = 90.0;
const BOTTOM: f64 = 70.0;

/// A line of a pane.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Legend label.
    pub label: String,
    /// Colour, `#rrggbb`.
    pub color: String,
    /// Width in pixels.
    pub width: f64,
    /// Dashed (baselines, pins).
    pub dashed: bool,
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

/// Text safe inside XML.
fn escape(s: &str) -> String {
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
    let _ = writeln!(
        out,
        "<text x=\"{MARGIN_LEFT}\" y=\"84\" font-size=\"22\" fill=\"#444444\">{}</text>",
        escape(&f.subtitle)
    );
    let n = f.panes.len().max(1) as f64;
    let pane_h = (h - TOP - BOTTOM - PANE_GAP * (n - 1.0)) / n;
    for (k, pane) in f.panes.iter().enumerate() {
        let top = TOP + k as f64 * (pane_h + PANE_GAP);
        render_pane(&mut out, pane, top, pane_h);
    }
    out.push_str("</svg>\n");
    out
}

fn render_pane(out: &mut String, p: &Pane, top: f64, height: f64) {
    let (w, _) = SIZE;
    let (left, right) = (MARGIN_LEFT, w - MARGIN_RIGHT);
    let plot_top = top + 34.0;
    let bottom = top + height;
    let x_of = |year: f64| {
        let span = f64::from((p.x.1 - p.x.0).max(1));
        left + (year - f64::from(p.x.0)) / span * (right - left)
    };
    let y_of = |v: f64| {
        let span = if p.y.1 > p.y.0 { p.y.1 - p.y.0 } else { 1.0 };
        bottom - (v - p.y.0) / span * (bottom - plot_top)
    };
    let _ = writeln!(out, "<g class=\"pane\">");
    let _ = writeln!(
        out,
        "<text x=\"{left}\" y=\"{}\" font-size=\"24\" font-weight=\"bold\" fill=\"#111111\">{}</text>",
        top + 22.0,
        escape(&p.title)
    );
    // Legend, right-aligned on the title line.
    let mut x = right;
    for (label, color) in p
        .lines
        .iter()
        .rev()
        .map(|l| (&l.label, &l.color))
        .chain(p.areas.iter().rev().map(|a| (&a.label, &a.color)))
        .filter(|(l, _)| !l.is_empty())
    {
        let width = 10.5 * label.chars().count() as f64 + 36.0;
        x -= width;
        let _ = writeln!(
            out,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"18\" height=\"12\" fill=\"{color}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"17\" fill=\"#333333\">{}</text>",
            top + 8.0,
            x + 24.0,
            top + 20.0,
            escape(label)
        );
    }
    // Axes, grid and labels.
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
    let clip = |v: f64| v.clamp(p.y.0, p.y.1);
    for a in &p.areas {
        let mut d = String::new();
        for (i, (year, v)) in a.upper.iter().enumerate() {
            let _ = write!(
                d,
                "{}{:.1},{:.1} ",
                if i == 0 { "M" } else { "L" },
                x_of(*year),
                y_of(clip(*v))
            );
        }
        for (year, v) in a.lower.iter().rev() {
            let _ = write!(d, "L{:.1},{:.1} ", x_of(*year), y_of(clip(*v)));
        }
        let _ = writeln!(
            out,
            "<path class=\"area\" d=\"{}Z\" fill=\"{}\" fill-opacity=\"{}\" stroke=\"none\"/>",
            d, a.color, a.opacity
        );
    }
    for l in &p.lines {
        let mut d = String::new();
        for (i, (year, v)) in l.points.iter().enumerate() {
            let _ = write!(
                d,
                "{}{:.1},{:.1} ",
                if i == 0 { "M" } else { "L" },
                x_of(*year),
                y_of(clip(*v))
            );
        }
        let dash = if l.dashed {
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
    out.push_str("</g>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(escape("a<b & \"c\"\u{1b}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
