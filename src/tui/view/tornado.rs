//! The tornado in the chart panel: one bar per parameter, from the output at its plausible low
//! to the output at its high, the others as set; the current value marked; largest swing first.

use crate::format::{Align, figure, pad};
use crate::params::{GLOBAL_GROUP, ParamSpec};
use crate::tui::layout::inner;
use crate::tui::state::app::{App, Focus};
use crate::tui::state::insight::TornadoView;
use crate::tui::view::panel;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Columns of the parameter name.
const NAME: usize = 30;
/// Columns of the end labels ("3.50→8.68 5.00→15.5").
const ENDS: usize = 22;

/// A parameter's id in few columns: `server.replacement_cycle` is `server cycle`.
fn short_name(id: &str) -> String {
    const SHORT: [(&str, &str); 12] = [
        ("replacement_cycle", "cycle"),
        ("cycle_drift", "drift"),
        ("adjustment_time", "adjust"),
        ("base_growth", "base gr"),
        ("dram_content_growth", "DRAM/unit"),
        ("nand_content_growth", "NAND/unit"),
        ("hbm_gb_per_unit", "HBM/unit"),
        ("dram_growth", "DRAM gr"),
        ("nand_growth", "NAND gr"),
        ("supply_growth", "supply gr"),
        ("price_elasticity", "elasticity"),
        ("production_cut", "cut"),
    ];
    match id.split_once('.') {
        Some((segment, param)) => {
            let param = SHORT
                .iter()
                .find(|(long, _)| *long == param)
                .map_or(param, |(_, s)| s);
            format!("{segment} {param}")
        }
        None => id.to_owned(),
    }
}

/// A parameter as its slider calls it: `Servers · Replacement cycle` (the label alone for a
/// global one), cut with `…` when longer than the name column.
fn slider_name(spec: &ParamSpec) -> String {
    let name = if spec.group == GLOBAL_GROUP {
        spec.label.clone()
    } else {
        format!("{} · {}", spec.group, spec.label)
    };
    crate::format::truncate(&name, NAME)
}

/// Draws the tornado into the chart panel.
pub fn render(app: &App, view: &TornadoView, area: Rect, buf: &mut Buffer) {
    let t = app.ui.theme;
    let output = app.insight.output_in(app.ui.year);
    let title = Line::from(vec![
        Span::styled(
            format!(" Tornado: {} ", output.label()),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::styled("T close · o output · ↑↓ Enter slider ", t.dim()),
    ]);
    panel(app, Focus::Chart, Line::default())
        .title_bottom(title)
        .render(area, buf);
    let area = inner(area);
    if area.height < 2 || area.width < 20 {
        return;
    }
    let values = view
        .bars
        .iter()
        .flat_map(|b| [b.low.1, b.high.1])
        .chain(view.current);
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let width = usize::from(area.width);
    let (name_w, ends_w) = if width >= NAME + ENDS + 20 {
        (NAME, ENDS)
    } else {
        (18.min(width / 2), 0)
    };
    buf.set_stringn(
        area.x,
        area.y,
        head(app, view, width, ends_w),
        width,
        t.dim(),
    );
    let bar_w = width.saturating_sub(name_w + ends_w + 2);
    if bar_w < 4 || !lo.is_finite() {
        return;
    }
    let column = |v: f64| -> usize {
        if hi > lo {
            (((v - lo) / (hi - lo)) * (bar_w - 1) as f64).round() as usize
        } else {
            bar_w / 2
        }
    };
    let rows = usize::from(area.height - 1);
    let first = view.selected.saturating_sub(rows.saturating_sub(1));
    for (row, (k, bar)) in view
        .bars
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let y = area.y + 1 + row as u16;
        let x0 = area.x + name_w as u16 + 1;
        bar_name(app, bar, k == view.selected, (area.x, y, name_w), buf);
        let ends_at = (ends_w > 0).then_some((x0 + bar_w as u16 + 1, ends_w));
        draw_bar(
            app,
            bar,
            view.current.map(column),
            (column(bar.low.1), column(bar.high.1)),
            (x0, y),
            ends_at,
            buf,
        );
    }
}

/// A bar's parameter low and high and the output at each: `low→out high→out`.
fn ends(b: &crate::insight::Bar) -> String {
    format!(
        "{}→{} {}→{}",
        figure(b.low.0),
        figure(b.low.1),
        figure(b.high.0),
        figure(b.high.1)
    )
}

/// The head line: the output now and what the bars show, shorter words rather than a cut
/// sentence; without room for the values beside each bar, the highlighted bar's.
fn head(app: &App, view: &TornadoView, width: usize, ends_w: usize) -> String {
    let specs = app.specs();
    match (view.current, ends_w, view.bars.get(view.selected)) {
        (None, ..) => "not defined for this data set".to_owned(),
        (Some(c), 0, Some(b)) => format!(
            "now {} · {} {}",
            figure(c),
            short_name(specs.get(b.index).map_or("", |s| s.id.as_str())),
            ends(b)
        ),
        (Some(c), ..) => {
            let long = format!(
                "{} at the current settings (│); each parameter at its plausible low (◀) and high (▶), the others as set",
                figure(c)
            );
            // "... and high" was cut at 120 columns.
            if long.chars().count() <= width {
                long
            } else {
                format!(
                    "now {} (│); ◀ plausible low, ▶ high, others as set",
                    figure(c)
                )
            }
        }
    }
}

/// A bar's parameter name at (x, y) in `width` cells: the slider's label when there is room,
/// else its short id; highlighted when selected in the focused chart.
fn bar_name(
    app: &App,
    bar: &crate::insight::Bar,
    selected: bool,
    (x, y, width): (u16, u16, usize),
    buf: &mut Buffer,
) {
    let name = match app.specs().get(bar.index) {
        Some(spec) if width >= NAME => slider_name(spec),
        Some(spec) => short_name(&spec.id),
        None => String::new(),
    };
    let style = if selected && app.ui.focus == Focus::Chart {
        app.ui.theme.selected()
    } else {
        Style::new()
    };
    let text: String = pad(&name, width, Align::Left).chars().take(width).collect();
    buf.set_string(x, y, text, style);
}

/// One bar from column `a` (the low end's output) to `b` (the high end's) starting at (x0, y):
/// towards the high end's output in one colour and the low end's in the other, the current
/// value `c` marked, and the ends' values after it where there is room.
fn draw_bar(
    app: &App,
    bar: &crate::insight::Bar,
    c: Option<usize>,
    (a, b): (usize, usize),
    (x0, y): (u16, u16),
    ends_at: Option<(u16, usize)>,
    buf: &mut Buffer,
) {
    let t = app.ui.theme;
    for i in a.min(b)..=a.max(b) {
        let style = match c {
            Some(c) if (i >= c) == (b >= c) => t.up(),
            _ => t.down(),
        };
        buf.set_string(x0 + i as u16, y, "█", style);
    }
    buf.set_string(x0 + a as u16, y, "◀", t.down());
    buf.set_string(x0 + b as u16, y, "▶", t.up());
    if let Some(c) = c {
        buf.set_string(
            x0 + c as u16,
            y,
            "│",
            Style::new().add_modifier(Modifier::BOLD),
        );
    }
    if let Some((x, width)) = ends_at {
        buf.set_stringn(x, y, ends(bar), width, t.dim());
    }
}
