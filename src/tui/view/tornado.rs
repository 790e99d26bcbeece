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
    let specs = app.specs();
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
    let ends = |b: &crate::insight::Bar| {
        format!(
            "{}→{} {}→{}",
            figure(b.low.0),
            figure(b.low.1),
            figure(b.high.0),
            figure(b.high.1)
        )
    };
    let head = match (view.current, ends_w, view.bars.get(view.selected)) {
        (None, ..) => "not defined for this data set".to_owned(),
        // Narrow: no room for the values beside each bar, so the head line gives the
        // highlighted bar's (parameter low → output, high → output).
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
            // Shorter words rather than a cut sentence ("... and high" at 120 columns).
            if long.chars().count() <= width {
                long
            } else {
                format!(
                    "now {} (│); ◀ plausible low, ▶ high, others as set",
                    figure(c)
                )
            }
        }
    };
    buf.set_stringn(area.x, area.y, head, width, t.dim());
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
        let selected = k == view.selected;
        let name = match specs.get(bar.index) {
            Some(spec) if name_w >= NAME => slider_name(spec),
            Some(spec) => short_name(&spec.id),
            None => String::new(),
        };
        let name_style = if selected && app.ui.focus == Focus::Chart {
            t.selected()
        } else {
            Style::new()
        };
        let name_text: String = pad(&name, name_w, Align::Left)
            .chars()
            .take(name_w)
            .collect();
        buf.set_string(area.x, y, name_text, name_style);
        let x0 = area.x + name_w as u16 + 1;
        let (a, b) = (column(bar.low.1), column(bar.high.1));
        let c = view.current.map(column);
        for i in a.min(b)..=a.max(b) {
            let up = t.up();
            let down = t.down();
            // The part towards the high end's output in one colour, the low end's in the other.
            let style = match c {
                Some(c) if (i >= c) == (b >= c) => up,
                _ => down,
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
        if ends_w > 0 {
            buf.set_stringn(x0 + bar_w as u16 + 1, y, ends(bar), ends_w, t.dim());
        }
    }
}
